//! Service tickets: numbered, with their status history, their message thread and its
//! attachments, the details of a replacement request; changes of state decided inside
//! the write transaction. Lists are in `ticket_list`.

use super::Txn;
use super::effects::{AuditFor, Effects, MailsFor};
use super::engine::ReadableTable;
use crate::domain::webhook::HookEvent;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, codec, devices, documents, tables, ticket_list, users};
use crate::access::{self as policy, Actor};
use crate::domain::ticket::{self, TicketKind, TicketStatus};
use crate::i18n::Lang;

/// A change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// When.
    pub at: u64,
    /// Who (their name as it was).
    pub by: String,
    /// From (none for the first state).
    pub from: Option<TicketStatus>,
    /// To.
    pub to: TicketStatus,
}

/// A message in a ticket's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketMessage {
    /// When.
    pub at: u64,
    /// The author's account, if they have one.
    pub author: Option<u64>,
    /// The author's name.
    pub author_name: String,
    /// Written by the service team.
    pub from_staff: bool,
    /// An internal note of the service team, never shown to customers.
    pub internal: bool,
    /// The text.
    pub text: String,
    /// Files attached to the message.
    pub attachments: Vec<Attachment>,
}

/// A file attached to a message; its content is stored in chunks beside the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Number within the ticket (1, 2, …).
    pub no: u32,
    /// File name as uploaded, made safe.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Content type detected from the content.
    pub content_type: String,
}

/// A file to attach: name and type checked by the caller.
#[derive(Debug, Clone)]
pub struct Upload {
    pub name: String,
    pub content_type: String,
    pub content: super::file_content::FileContent,
}

/// What a device replacement request adds to a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacement {
    /// Catalog product of the failed device.
    pub product_id: u32,
    /// The exact event number or error message the device shows.
    pub event: String,
    /// Date of the failure, `YYYY-MM-DD`.
    pub failure_date: String,
    /// Whether the requester is the plant's owner (else its installer).
    pub owner: bool,
    /// Where the replacement goes.
    pub delivery: super::users::DeliveryAddress,
    /// Contact on site: name.
    pub onsite_name: String,
    /// Contact on site: phone.
    pub onsite_phone: String,
    /// Return authorisation number, given when approved.
    pub rma: String,
    /// The carrier's tracking number of the replacement.
    pub tracking: String,
    /// Serial of the replacement device.
    pub new_serial: Option<u32>,
}

/// A ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: u64,
    /// Human-readable number, e.g. `2026-000123`.
    pub number: String,
    pub kind: TicketKind,
    /// Contact topic (contact requests).
    pub topic: Option<String>,
    pub status: TicketStatus,
    pub history: Vec<StatusChange>,
    /// The requester's account (none for a logged-out contact request).
    pub requester: Option<u64>,
    pub requester_name: String,
    pub requester_email: String,
    /// Language of the e-mails to the requester.
    pub language: Lang,
    pub company: Option<u64>,
    pub plant: Option<u64>,
    pub device: Option<u64>,
    pub serial: Option<u32>,
    pub subject: String,
    /// Details of a device replacement request.
    pub replacement: Option<Replacement>,
    pub messages: Vec<TicketMessage>,
    pub created_at: u64,
    pub updated_at: u64,
    /// The member of the service team who took it.
    pub assignee: Option<u64>,
}

/// Who files a request: an account, or a visitor with a name and an e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requester {
    pub user: Option<u64>,
    pub name: String,
    pub email: String,
    /// Language of the e-mails to the requester.
    pub language: Lang,
    pub company: Option<u64>,
}

impl Requester {
    /// A person with an account.
    pub fn of(user: &users::User) -> Self {
        Self {
            user: Some(user.id),
            name: user.full_name(),
            email: user.email.clone(),
            language: user.language,
            company: user.company.map(|(c, _)| c),
        }
    }
}

impl TicketMessage {
    /// A message without files, as it is written (`from_staff` for the service team).
    pub fn new(
        at: u64,
        author: Option<u64>,
        author_name: String,
        from_staff: bool,
        text: String,
    ) -> Self {
        Self {
            at,
            author,
            author_name,
            from_staff,
            internal: false,
            text,
            attachments: Vec::new(),
        }
    }
}

impl Ticket {
    /// A new request of `kind` by `requester`, opened by `first` (which also dates it).
    /// Its id, number and first state are given when it is created; topic, plant,
    /// device, serial and replacement details are the caller's to set.
    pub fn filed(
        kind: TicketKind,
        requester: Requester,
        subject: String,
        first: TicketMessage,
    ) -> Self {
        let at = first.at;
        Self {
            id: 0,
            number: String::new(),
            kind,
            topic: None,
            status: kind.initial(),
            history: Vec::new(),
            requester: requester.user,
            requester_name: requester.name,
            requester_email: requester.email,
            language: requester.language,
            company: requester.company,
            plant: None,
            device: None,
            serial: None,
            subject,
            replacement: None,
            messages: vec![first],
            created_at: at,
            updated_at: at,
            assignee: None,
        }
    }

    /// Since when the ticket waits for the service team: its creation, the customer's
    /// last message or its last change of state, whichever came last. Answers and
    /// internal notes of the service team do not restart the clock.
    pub fn waiting_since(&self) -> u64 {
        let customer = self
            .messages
            .iter()
            .rev()
            .find(|m| !m.from_staff)
            .map_or(0, |m| m.at);
        let moved = self.history.last().map_or(0, |c| c.at);
        self.created_at.max(customer).max(moved)
    }
}

/// A ticket as schema version 1 stored it (before assignees), for migration 0002.
#[derive(Deserialize)]
pub(super) struct TicketV1 {
    id: u64,
    number: String,
    kind: TicketKind,
    topic: Option<String>,
    status: TicketStatus,
    history: Vec<StatusChange>,
    requester: Option<u64>,
    requester_name: String,
    requester_email: String,
    language: Lang,
    company: Option<u64>,
    plant: Option<u64>,
    device: Option<u64>,
    serial: Option<u32>,
    subject: String,
    replacement: Option<Replacement>,
    messages: Vec<TicketMessage>,
    created_at: u64,
    updated_at: u64,
}

impl From<TicketV1> for Ticket {
    fn from(t: TicketV1) -> Self {
        Ticket {
            id: t.id,
            number: t.number,
            kind: t.kind,
            topic: t.topic,
            status: t.status,
            history: t.history,
            requester: t.requester,
            requester_name: t.requester_name,
            requester_email: t.requester_email,
            language: t.language,
            company: t.company,
            plant: t.plant,
            device: t.device,
            serial: t.serial,
            subject: t.subject,
            replacement: t.replacement,
            messages: t.messages,
            created_at: t.created_at,
            updated_at: t.updated_at,
            assignee: None,
        }
    }
}

/// Migration 0002: re-encodes every ticket with its (empty) assignee and writes the
/// lists of schema 2 and the weekly figures, inside the migration's transaction.
pub(super) fn migrate_to_v2(txn: &Txn) -> Result<(), StoreError> {
    let mut table = txn.open_table(tables::TICKETS.def())?;
    let mut next = 0;
    loop {
        // A page at a time: a table cannot be written while a range over it is open.
        let mut batch = Vec::new();
        for row in table.range(next..)?.take(1000) {
            let (k, v) = row?;
            let old: TicketV1 = codec::decode(tables::TICKETS.name(), v.value())?;
            batch.push((k.value(), Ticket::from(old)));
        }
        let Some(last) = batch.last().map(|(id, _)| *id) else {
            break;
        };
        for (id, t) in batch {
            tables::TICKETS.write(&mut table, id, &t)?;
            ticket_list::write_in(txn, &t, true)?;
            ticket_list::count_week_in(txn, None, &t)?;
        }
        next = last + 1;
    }
    Ok(())
}

fn decode(bytes: &[u8]) -> Result<Ticket, StoreError> {
    tables::TICKETS.decode(bytes)
}

/// The service requests: filing, the thread, state changes, assignment and the reads by id.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Tickets: Send + Sync {
    /// Creates a ticket: gives it the next number of `year`, its first status, queues the
    /// mails `compose` writes for it and records the audit entry `audit` writes (a request
    /// the service team files for a customer), in one transaction.
    fn create(
        &self,
        t: Ticket,
        year: i32,
        uploads: Vec<Upload>,
        compose: MailsFor<'_, Ticket>,
        audit: AuditFor<'_, Ticket, Option<super::audit::Entry>>,
    ) -> Result<Ticket, StoreError>;

    /// The content of attachment `no` of ticket `id`.
    fn attachment_content(&self, id: u64, no: u32) -> Result<Vec<u8>, StoreError>;

    /// A ticket by id, if `actor` may see it (another company's ticket is `None`).
    fn visible(&self, actor: &Actor, id: u64) -> Result<Option<Ticket>, StoreError>;

    /// The tickets of `ids` that `actor` may see, in the order given, read in one
    /// transaction (search hits).
    fn visible_many(&self, actor: &Actor, ids: &[u64]) -> Result<Vec<Ticket>, StoreError>;

    /// The list rows of the tickets `ids` that `actor` may see, in the order given: what a
    /// searched list shows, without decoding whole tickets.
    fn visible_rows(
        &self,
        actor: &Actor,
        ids: &[u64],
    ) -> Result<Vec<super::ticket_list::TicketRow>, StoreError>;

    /// The tickets about a plant that `actor` may see, last updated first.
    fn of_plant(&self, actor: &Actor, plant: u64) -> Result<Vec<Ticket>, StoreError>;

    /// Assigns a ticket to a member of the service team (or to nobody) and records `audit`
    /// in the audit log, in one transaction. The customer's view does not change.
    fn assign(
        &self,
        id: u64,
        assignee: Option<u64>,
        audit: Vec<super::audit::Entry>,
    ) -> Result<Option<Ticket>, StoreError>;

    /// Adds a message with its files to the thread and queues `mails` (and records `audit`,
    /// for the service team's answers), updating the ticket's last change. A customer's message to a ticket waiting for him puts it back to work.
    fn add_message(
        &self,
        id: u64,
        message: TicketMessage,
        uploads: Vec<Upload>,
        effects: Effects,
    ) -> Result<Option<Ticket>, StoreError>;

    /// Moves a ticket to another state if that is a valid transition (decided inside the
    /// write transaction), recording it in the audit log in the same transaction. Shipping a replacement records the new serial and swaps it into
    /// the device record, which keeps the old one in its history. `also` are further audit
    /// entries of the change (one made through the API).
    fn change_status(
        &self,
        id: u64,
        update: StatusUpdate,
        compose: MailsFor<'_, Ticket>,
        audit: (super::audit::Entry, Vec<super::audit::Entry>),
    ) -> Result<Option<Result<Ticket, ChangeRefused>>, StoreError>;

    /// Every ticket about a device (its id), whoever filed it.
    fn of_device(&self, plant: u64, device: u64) -> Result<Vec<Ticket>, StoreError>;

    /// A ticket by its number (`2026-000123`), whoever asks: for the command line and
    /// checks, never for pages (they go through [`Tickets::visible`]).
    fn by_number(&self, number: &str) -> Result<Option<Ticket>, StoreError>;

    /// The tickets of `ids` that exist, whoever asks, read in one transaction: for derived
    /// data (the search index), never for pages.
    fn by_ids(&self, ids: &[u64]) -> Result<Vec<Ticket>, StoreError>;

    /// Tickets with an id above `after`, at most `limit`, in id order (for rebuilding the
    /// search index page by page).
    fn page(&self, after: u64, limit: usize) -> Result<Vec<Ticket>, StoreError>;
    /// Every ticket's id, in order (`osc check` compares them with the search index).
    fn ids(&self) -> Result<Vec<u64>, StoreError>;
}

/// Adds a message with its files to ticket `id`'s thread inside the caller's
/// transaction; a customer's message to a ticket waiting for them puts it back to work.
/// `None` when there is no such ticket.
pub(crate) fn add_message_in(
    txn: &Txn,
    id: u64,
    mut message: TicketMessage,
    uploads: Vec<Upload>,
) -> Result<Option<Ticket>, StoreError> {
    let Some(old) = load_in(txn, id)? else {
        return Ok(None);
    };
    let mut t = old.clone();
    message.attachments = store_uploads(txn, &t, uploads)?;
    t.updated_at = t.updated_at.max(message.at);
    let (at, internal) = (message.at, message.internal);
    let resumed = !message.from_staff && t.status == TicketStatus::WaitingForCustomer;
    if resumed {
        let to = t.kind.working();
        t.history.push(StatusChange {
            at: message.at,
            by: message.author_name.clone(),
            from: Some(t.status),
            to,
        });
        t.status = to;
    }
    t.messages.push(message);
    save_in(txn, &old, &t)?;
    if let Some(m) = t.messages.last() {
        let data = super::webhooks::payload::message(&t, t.messages.len(), m);
        super::webhooks::emit_in(
            txn,
            HookEvent::RequestMessageAdded,
            t.company,
            internal,
            at,
            data,
        )?;
    }
    if resumed {
        let data = super::webhooks::payload::state_changed(&t, old.status.slug());
        super::webhooks::emit_in(
            txn,
            HookEvent::RequestStateChanged,
            t.company,
            false,
            at,
            data,
        )?;
    }
    Ok(Some(t))
}

/// Creates a ticket inside the caller's transaction: its id, the next number of `year`,
/// its files, and every index it appears in. A ticket that comes with a history (seeded
/// data) keeps it; a new one starts in its kind's first state.
pub(crate) fn create_in(
    txn: &Txn,
    mut t: Ticket,
    year: i32,
    uploads: Vec<Upload>,
) -> Result<Ticket, StoreError> {
    {
        let mut seq = txn.open_table(tables::TICKET_SEQUENCE)?;
        let key = u32::try_from(year).unwrap_or(0);
        let next = seq.get(key)?.map_or(1, |v| v.value() + 1);
        seq.insert(key, next)?;
        t.number = ticket::number(year, next);
        t.id = tables::TICKETS.next_id_in(txn)?;
        if t.history.is_empty() {
            t.status = t.kind.initial();
            t.history = vec![StatusChange {
                at: t.created_at,
                by: t.requester_name.clone(),
                from: None,
                to: t.status,
            }];
        }
        let attachments = store_uploads(txn, &t, uploads)?;
        if let Some(first) = t.messages.first_mut() {
            first.attachments = attachments;
        }
        tables::TICKETS.put_in(txn, t.id, &t)?;
    }
    index_in(txn, &t)?;
    super::index_feed::record_in(txn, t.id)?;
    let data = super::webhooks::payload::request(&t);
    super::webhooks::emit_in(
        txn,
        HookEvent::RequestCreated,
        t.company,
        false,
        t.created_at,
        data,
    )?;
    Ok(t)
}

impl Ticket {
    /// What the ticket's service-level clocks are measured on: its kind, filing, changes
    /// of state and the service team's first answer the customer reads.
    pub fn timeline(&self) -> crate::domain::service_levels::Timeline {
        crate::domain::service_levels::Timeline {
            kind: self.kind,
            created: self.created_at,
            changes: self.history.iter().map(|h| (h.at, h.to)).collect(),
            first_response: self
                .messages
                .iter()
                .find(|m| m.from_staff && !m.internal)
                .map(|m| m.at),
        }
    }
}

/// Adds a new ticket to every table derived from it (its number, its list row, its plant's tickets,
/// the lists, the weekly figures, the counts by state, the tickets by state): what a
/// creation writes, and what `osc check` derives again to compare.
pub(crate) fn index_in(txn: &Txn, t: &Ticket) -> Result<(), StoreError> {
    txn.open_table(tables::TICKET_BY_NUMBER)?
        .insert(t.number.as_str(), t.id)?;
    if let Some(p) = t.plant {
        txn.open_table(tables::TICKETS_BY_PLANT)?
            .insert((p, t.id), ())?;
    }
    ticket_list::write_in(txn, t, true)?;
    tables::TICKET_ROWS.put_in(txn, t.id, &ticket_list::TicketRow::of(t))?;
    ticket_list::count_week_in(txn, None, t)?;
    ticket_list::count_state_in(txn, None, t)?;
    ticket_list::index_state_in(txn, None, t)
}

/// Stores the files of a new message in chunks; returns their descriptions, numbered
/// after the ticket's attachments so far.
fn store_uploads(
    txn: &Txn,
    t: &Ticket,
    uploads: Vec<Upload>,
) -> Result<Vec<Attachment>, StoreError> {
    let last = t
        .messages
        .iter()
        .flat_map(|m| &m.attachments)
        .map(|a| a.no)
        .max()
        .unwrap_or(0);
    let mut chunks = txn.open_table(tables::TICKET_ATTACHMENT_CHUNKS)?;
    let mut out = Vec::with_capacity(uploads.len());
    for (no, upload) in (last + 1..).zip(uploads) {
        let mut i = 0u32;
        upload
            .content
            .for_each_chunk(documents::CHUNK, |chunk| -> Result<(), StoreError> {
                chunks.insert((t.id, no, i), chunk)?;
                i = i.saturating_add(1);
                Ok(())
            })?;
        out.push(Attachment {
            no,
            name: upload.name,
            size: upload.content.len(),
            content_type: upload.content_type,
        });
    }
    Ok(out)
}

fn load_in(txn: &Txn, id: u64) -> Result<Option<Ticket>, StoreError> {
    tables::TICKETS.get(&txn, id)
}

/// Saves a changed ticket with every table derived from it, inside the caller's
/// transaction.
pub(crate) fn save_in(txn: &Txn, old: &Ticket, new: &Ticket) -> Result<(), StoreError> {
    ticket_list::write_in(txn, old, false)?;
    tables::TICKETS.put_in(txn, new.id, new)?;
    ticket_list::write_in(txn, new, true)?;
    // The row is replaced in place: a ticket is never without one.
    tables::TICKET_ROWS.put_in(txn, new.id, &ticket_list::TicketRow::of(new))?;
    ticket_list::count_week_in(txn, Some(old), new)?;
    ticket_list::count_state_in(txn, Some(old), new)?;
    ticket_list::index_state_in(txn, Some(old), new)?;
    ticket_list::record_times_in(txn, old, new)?;
    super::index_feed::record_in(txn, new.id)
}

/// A change of state by the service team, with what the new state records.
#[derive(Debug, Clone, Default)]
pub struct StatusUpdate {
    pub to: Option<TicketStatus>,
    /// Who (their name).
    pub by: String,
    pub at: u64,
    /// Return authorisation number (approving a replacement).
    pub rma: Option<String>,
    /// Carrier's tracking number (shipping a replacement).
    pub tracking: Option<String>,
    /// Serial of the replacement device (shipping a replacement).
    pub new_serial: Option<u32>,
    /// Last day of the warranty the replacement inherits, `YYYY-MM-DD`.
    pub warranty_end: Option<String>,
}

/// Why a change of state was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeRefused {
    /// Not a transition of this kind of ticket from its current state.
    NotAllowed,
    /// The replacement's serial is already registered for another device.
    SerialTaken,
}

impl Tickets for Store {
    fn create(
        &self,
        t: Ticket,
        year: i32,
        uploads: Vec<Upload>,
        compose: MailsFor<'_, Ticket>,
        audit: AuditFor<'_, Ticket, Option<super::audit::Entry>>,
    ) -> Result<Ticket, StoreError> {
        let txn = self.write()?;
        let t = create_in(&txn, t, year, uploads)?;
        users::queue_all(&txn, compose(&t))?;
        if let Some(entry) = audit(&t) {
            super::audit::record_in(&txn, entry)?;
        }
        txn.commit()?;
        Ok(t)
    }

    fn attachment_content(&self, id: u64, no: u32) -> Result<Vec<u8>, StoreError> {
        let txn = self.read()?;
        let chunks = txn.open_table(tables::TICKET_ATTACHMENT_CHUNKS)?;
        let mut out = Vec::new();
        for row in chunks.range((id, no, 0)..=(id, no, u32::MAX))? {
            out.extend_from_slice(row?.1.value());
        }
        Ok(out)
    }

    fn visible(&self, actor: &Actor, id: u64) -> Result<Option<Ticket>, StoreError> {
        let txn = self.read()?;
        let Some(t) = tables::TICKETS.get(&txn, id)? else {
            return Ok(None);
        };
        let requester = t.requester.unwrap_or(0);
        Ok(policy::can_see_ticket(actor, t.company, requester).then_some(t))
    }

    fn visible_many(&self, actor: &Actor, ids: &[u64]) -> Result<Vec<Ticket>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TICKETS.def())?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(t) = table.get(*id)?.map(|b| decode(b.value())).transpose()?
                && policy::can_see_ticket(actor, t.company, t.requester.unwrap_or(0))
            {
                out.push(t);
            }
        }
        Ok(out)
    }

    fn visible_rows(
        &self,
        actor: &Actor,
        ids: &[u64],
    ) -> Result<Vec<super::ticket_list::TicketRow>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TICKET_ROWS.def())?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = table
                .get(*id)?
                .map(|b| tables::TICKET_ROWS.decode(b.value()))
                .transpose()?
                && policy::can_see_ticket(actor, row.company, row.requester.unwrap_or(0))
            {
                out.push(row);
            }
        }
        Ok(out)
    }

    fn of_plant(&self, actor: &Actor, plant: u64) -> Result<Vec<Ticket>, StoreError> {
        let txn = self.read()?;
        let tickets = txn.open_table(tables::TICKETS.def())?;
        let mut out = Vec::new();
        for row in txn
            .open_table(tables::TICKETS_BY_PLANT)?
            .range((plant, 0)..=(plant, u64::MAX))?
        {
            let id = row?.0.value().1;
            if let Some(t) = tickets.get(id)?.map(|b| decode(b.value())).transpose()?
                && policy::can_see_ticket(actor, t.company, t.requester.unwrap_or(0))
            {
                out.push(t);
            }
        }
        out.sort_by_key(|t| std::cmp::Reverse(t.updated_at));
        Ok(out)
    }

    fn assign(
        &self,
        id: u64,
        assignee: Option<u64>,
        audit: Vec<super::audit::Entry>,
    ) -> Result<Option<Ticket>, StoreError> {
        let txn = self.write()?;
        let Some(old) = load_in(&txn, id)? else {
            return Ok(None);
        };
        let mut t = old.clone();
        t.assignee = assignee;
        save_in(&txn, &old, &t)?;
        for entry in audit {
            super::audit::record_in(&txn, entry)?;
        }
        txn.commit()?;
        Ok(Some(t))
    }

    fn add_message(
        &self,
        id: u64,
        message: TicketMessage,
        uploads: Vec<Upload>,
        effects: Effects,
    ) -> Result<Option<Ticket>, StoreError> {
        let txn = self.write()?;
        let Some(t) = add_message_in(&txn, id, message, uploads)? else {
            return Ok(None);
        };
        effects.write_in(&txn)?;
        txn.commit()?;
        Ok(Some(t))
    }

    fn change_status(
        &self,
        id: u64,
        update: StatusUpdate,
        compose: MailsFor<'_, Ticket>,
        (audit, also): (super::audit::Entry, Vec<super::audit::Entry>),
    ) -> Result<Option<Result<Ticket, ChangeRefused>>, StoreError> {
        let txn = self.write()?;
        let Some(old) = load_in(&txn, id)? else {
            return Ok(None);
        };
        let Some(to) = update
            .to
            .filter(|to| ticket::can_move(old.kind, old.status, *to))
        else {
            return Ok(Some(Err(ChangeRefused::NotAllowed)));
        };
        let mut t = old.clone();
        if let Some(r) = t.replacement.as_mut() {
            if let Some(rma) = update.rma {
                r.rma = rma;
            }
            if let Some(tracking) = update.tracking {
                r.tracking = tracking;
            }
            if let Some(serial) = update.new_serial {
                r.new_serial = Some(serial);
                if let Some(device) = t.device {
                    let swapped = devices::swap_in(
                        &txn,
                        device,
                        serial,
                        update.at,
                        t.id,
                        update.warranty_end.clone(),
                    )?;
                    if swapped.is_err() {
                        return Ok(Some(Err(ChangeRefused::SerialTaken)));
                    }
                }
            }
        }
        t.history.push(StatusChange {
            at: update.at,
            by: update.by,
            from: Some(t.status),
            to,
        });
        t.status = to;
        t.updated_at = t.updated_at.max(update.at);
        save_in(&txn, &old, &t)?;
        users::queue_all(&txn, compose(&t))?;
        let data = super::webhooks::payload::state_changed(&t, old.status.slug());
        super::webhooks::emit_in(
            &txn,
            HookEvent::RequestStateChanged,
            t.company,
            false,
            update.at,
            data,
        )?;
        super::audit::record_in(
            &txn,
            audit.detail(format!("{} → {}", old.status.slug(), t.status.slug())),
        )?;
        for entry in also {
            super::audit::record_in(&txn, entry)?;
        }
        txn.commit()?;
        Ok(Some(Ok(t)))
    }

    fn of_device(&self, plant: u64, device: u64) -> Result<Vec<Ticket>, StoreError> {
        let txn = self.read()?;
        let tickets = txn.open_table(tables::TICKETS.def())?;
        let mut out = Vec::new();
        for row in txn
            .open_table(tables::TICKETS_BY_PLANT)?
            .range((plant, 0)..=(plant, u64::MAX))?
        {
            let id = row?.0.value().1;
            if let Some(t) = tickets.get(id)?.map(|b| decode(b.value())).transpose()?
                && t.device == Some(device)
            {
                out.push(t);
            }
        }
        Ok(out)
    }

    fn by_number(&self, number: &str) -> Result<Option<Ticket>, StoreError> {
        let txn = self.read()?;
        let Some(id) = txn
            .open_table(tables::TICKET_BY_NUMBER)?
            .get(number)?
            .map(|v| v.value())
        else {
            return Ok(None);
        };
        tables::TICKETS.get(&txn, id)
    }

    fn by_ids(&self, ids: &[u64]) -> Result<Vec<Ticket>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TICKETS.def())?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(t) = table.get(*id)?.map(|b| decode(b.value())).transpose()? {
                out.push(t);
            }
        }
        Ok(out)
    }

    fn ids(&self) -> Result<Vec<u64>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TICKETS.def())?;
        let mut ids = Vec::new();
        for row in table.iter()? {
            ids.push(row?.0.value());
        }
        Ok(ids)
    }

    fn page(&self, after: u64, limit: usize) -> Result<Vec<Ticket>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TICKETS.def())?;
        let mut out = Vec::new();
        for row in table.range((after.saturating_add(1))..)?.take(limit) {
            out.push(decode(row?.1.value())?);
        }
        Ok(out)
    }
}
