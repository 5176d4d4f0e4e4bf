//! Erasing a person (GDPR): one unit of work that deletes the account and replaces the
//! person's name, e-mail, phone and addresses wherever a record that stays keeps them
//! (their requests and messages, plants naming them as operator, the audit log), while
//! business facts (numbers, serials, RMA and tracking numbers, dates) stay. Mails to
//! them are deleted with the account. Every request that changes is fed to the search
//! index, so it no longer finds them by name or e-mail.
//!
//! The same replacement anonymises old closed requests (`tickets.retention_days`):
//! [`anonymise_tickets`].

use super::engine::ReadableTable;

use super::audit::Entry;
use super::tickets::Ticket;
use super::users::User;
use super::{Store, StoreError, Txn, tables};
use crate::domain::account::CompanyRole;

/// What replaces the person's data.
#[derive(Debug, Clone)]
pub struct Replacement {
    /// In place of their name (`[erased 17]`).
    pub name: String,
    /// In place of their e-mail address.
    pub email: String,
}

impl Replacement {
    /// The replacement for the person with account (or request) number `id`.
    pub fn for_id(id: u64) -> Self {
        Self {
            name: format!("[erased {id}]"),
            email: format!("erased-{id}@erased.invalid"),
        }
    }
}

/// Why an erasure was refused. Nothing was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EraseRefused {
    /// No such account.
    Unknown,
    /// The last administrator of a company that still has other members.
    LastAdministrator,
}

/// What an erasure changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    pub tickets: u64,
    pub audit_entries: u64,
    pub plants: u64,
    pub mails: u64,
    /// Held incoming messages from the person's address, their sender and subject cleared.
    pub held: u64,
}

/// The strings of a person to replace, longest first (so a full name goes before a
/// part of it).
struct Traces {
    pairs: Vec<(String, String)>,
}

impl Traces {
    fn of(user: &User, with: &Replacement) -> Self {
        let mut pairs = vec![
            (user.full_name(), with.name.clone()),
            (user.email.clone(), with.email.clone()),
            (user.phone.clone(), String::new()),
        ];
        for a in &user.addresses {
            pairs.push((a.recipient.clone(), with.name.clone()));
            pairs.push((a.street.clone(), String::new()));
        }
        pairs.retain(|(from, _)| from.trim().chars().count() >= 3);
        pairs.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
        Self { pairs }
    }

    fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for (from, to) in &self.pairs {
            if out.contains(from.as_str()) {
                out = out.replace(from.as_str(), to);
            }
        }
        out
    }

    fn mentions(&self, text: &str) -> bool {
        self.pairs
            .iter()
            .any(|(from, _)| text.contains(from.as_str()))
    }
}

/// A ticket with the person's data replaced; `None` when it keeps none of it.
fn scrubbed(t: &Ticket, user: Option<u64>, traces: &Traces, with: &Replacement) -> Option<Ticket> {
    let mut n = t.clone();
    let theirs = user.is_some() && t.requester == user
        || traces.mentions(&t.requester_email)
        || traces.mentions(&t.requester_name);
    if theirs {
        n.requester_name = with.name.clone();
        n.requester_email = with.email.clone();
        if let Some(r) = n.replacement.as_mut() {
            r.delivery.recipient = with.name.clone();
            r.delivery.street = String::new();
            r.onsite_name = with.name.clone();
            r.onsite_phone = String::new();
        }
    }
    n.subject = traces.scrub(&n.subject);
    for m in &mut n.messages {
        if user.is_some() && m.author == user || traces.mentions(&m.author_name) {
            m.author_name = with.name.clone();
        }
        m.text = traces.scrub(&m.text);
    }
    for c in &mut n.history {
        c.by = traces.scrub(&c.by);
    }
    let changed = theirs
        || n.subject != t.subject
        || n.messages
            .iter()
            .zip(&t.messages)
            .any(|(a, b)| a.author_name != b.author_name || a.text != b.text)
        || n.history.iter().zip(&t.history).any(|(a, b)| a.by != b.by);
    changed.then_some(n)
}

/// Erases the account `id` (see the module's header), recording `audit` (which must not
/// carry the erased data) in the same transaction.
pub(super) fn erase(
    store: &Store,
    id: u64,
    with: &Replacement,
    audit: Entry,
) -> Result<Result<Erased, EraseRefused>, StoreError> {
    // The requests are read from a snapshot first: a full pass, outside the write lock.
    let Some(user) = tables::USERS.get(&store.read()?, id)? else {
        return Ok(Err(EraseRefused::Unknown));
    };
    let traces = Traces::of(&user, with);
    let tickets = candidates(store, |t| scrubbed(t, Some(id), &traces, with).is_some())?;
    let mails = mails_to(store, &user.email)?;

    let txn = store.write()?;
    let Some(user) = super::users::get_in(&txn, id)? else {
        return Ok(Err(EraseRefused::Unknown));
    };
    if let Some((company, CompanyRole::Admin)) = user.company {
        let others = super::companies::member_ids_in(&txn, company)?
            .into_iter()
            .filter(|m| *m != id)
            .count();
        if others > 0 && super::companies::admins_in(&txn, company)? <= 1 {
            return Ok(Err(EraseRefused::LastAdministrator));
        }
    }
    let mut done = Erased::default();
    // A request they filed after the snapshot was read is in their list by now.
    let mut tickets = tickets;
    tickets.extend(super::ticket_list::ids_in(
        &txn,
        super::ticket_list::Scope::Requester(id),
    )?);
    tickets.sort_unstable();
    tickets.dedup();
    for ticket in tickets {
        if let Some(old) = tables::TICKETS.get(&txn, ticket)?
            && let Some(new) = scrubbed(&old, Some(id), &traces, with)
        {
            super::tickets::save_in(&txn, &old, &new)?;
            done.tickets += 1;
        }
    }
    done.audit_entries = scrub_audit(&txn, id, &traces, with)?;
    done.plants = release_plants(&txn, &user, with)?;
    done.mails = delete_mails(&txn, &mails)?;
    done.held = clear_held(&txn, &user.email)?;
    delete_account(&txn, &user)?;
    super::audit::record_in(&txn, audit)?;
    txn.commit()?;
    Ok(Ok(done))
}

/// Held incoming messages from `email` keep their line (the message itself lies in the
/// mailbox's held folder, which is the mail server's) without the sender and subject.
fn clear_held(txn: &Txn, email: &str) -> Result<u64, StoreError> {
    let held: Vec<(u64, super::inbox::HeldMessage)> = {
        let table = txn.open_table(tables::INBOX_HELD.def())?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (id, bytes) = row?;
            let m: super::inbox::HeldMessage = tables::INBOX_HELD.decode(bytes.value())?;
            if m.from.eq_ignore_ascii_case(email) {
                out.push((id.value(), m));
            }
        }
        out
    };
    for (id, m) in &held {
        let cleared = super::inbox::HeldMessage {
            from: String::new(),
            subject: String::new(),
            ..m.clone()
        };
        tables::INBOX_HELD.put_in(txn, *id, &cleared)?;
    }
    Ok(held.len() as u64)
}

/// The ids of the tickets `wanted` picks, from a snapshot.
fn candidates(store: &Store, wanted: impl Fn(&Ticket) -> bool) -> Result<Vec<u64>, StoreError> {
    let snapshot = store.read()?;
    let table = snapshot.open_table(tables::TICKETS.def())?;
    let mut out = Vec::new();
    for row in table.iter()? {
        let (id, bytes) = row?;
        let t: Ticket = tables::TICKETS.decode(bytes.value())?;
        if wanted(&t) {
            out.push(id.value());
        }
    }
    Ok(out)
}

/// The mails sent (or to send) to `email`, from a snapshot.
fn mails_to(store: &Store, email: &str) -> Result<Vec<u64>, StoreError> {
    let snapshot = store.read()?;
    let Some(table) = super::records::open_existing(&snapshot, tables::MAIL.def())? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for row in table.iter()? {
        let (id, bytes) = row?;
        let m: super::mail_queue::QueuedMail = tables::MAIL.decode(bytes.value())?;
        if m.mail.to.contains(email) {
            out.push(id.value());
        }
    }
    Ok(out)
}

fn scrub_audit(txn: &Txn, id: u64, traces: &Traces, with: &Replacement) -> Result<u64, StoreError> {
    let ids: Vec<u64> = {
        let index = txn.open_table(tables::AUDIT_BY_USER)?;
        let mut out = Vec::new();
        for row in index.range((id, 0)..=(id, u64::MAX))? {
            out.push(row?.0.value().1);
        }
        out
    };
    for entry_id in &ids {
        if let Some(mut e) = tables::AUDIT.get(&txn, *entry_id)? {
            if e.actor.user == Some(id) {
                e.actor.name = with.name.clone();
                e.actor.address = String::new();
            } else {
                e.actor.name = traces.scrub(&e.actor.name);
            }
            e.subject = traces.scrub(&e.subject);
            e.detail = traces.scrub(&e.detail);
            tables::AUDIT.put_in(txn, *entry_id, &e)?;
        }
    }
    Ok(ids.len() as u64)
}

/// Plants naming the person as operator keep the plant, not the person.
fn release_plants(txn: &Txn, user: &User, with: &Replacement) -> Result<u64, StoreError> {
    let ids: Vec<u64> = {
        let index = txn.open_table(tables::OPERATOR_PLANTS)?;
        let mut out = Vec::new();
        for row in index.range((user.email.as_str(), 0)..=(user.email.as_str(), u64::MAX))? {
            out.push(row?.0.value().1);
        }
        out
    };
    for plant in &ids {
        if let Some(mut p) = super::plants::get_in(txn, *plant)? {
            p.operator_name = with.name.clone();
            p.operator_email = String::new();
            super::plants::save_in(txn, &p)?;
        }
    }
    Ok(ids.len() as u64)
}

fn delete_mails(txn: &Txn, ids: &[u64]) -> Result<u64, StoreError> {
    let mut mails = txn.open_table(tables::MAIL.def())?;
    let mut pending = txn.open_table(tables::MAIL_PENDING)?;
    let mut deleted = 0;
    for id in ids {
        if let Some(bytes) = mails.remove(*id)? {
            let m: super::mail_queue::QueuedMail = tables::MAIL.decode(bytes.value())?;
            drop(bytes);
            pending.remove((m.next_attempt_at, *id))?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

fn delete_account(txn: &Txn, user: &User) -> Result<(), StoreError> {
    super::sessions::delete_for_user(txn, user.id, None)?;
    super::api_tokens::delete_for_user(txn, user.id)?;
    let tokens: Vec<(u64, u8, [u8; 32])> = {
        let index = txn.open_table(tables::USER_TOKENS)?;
        let mut out = Vec::new();
        for row in index.range((user.id, 0, [0u8; 32])..=(user.id, u8::MAX, [0xffu8; 32]))? {
            out.push(row?.0.value());
        }
        out
    };
    {
        let mut index = txn.open_table(tables::USER_TOKENS)?;
        let mut all = txn.open_table(tables::TOKENS.def())?;
        let mut pending = txn.open_table(tables::PENDING_EMAIL)?;
        for key in tokens {
            index.remove(key)?;
            all.remove(key.2)?;
            pending.remove(key.2)?;
        }
    }
    super::plants::drop_assignments_in(txn, user.id)?;
    if let Some((company, _)) = user.company {
        txn.open_table(tables::COMPANY_MEMBERS)?
            .remove((company, user.id))?;
    }
    txn.open_table(tables::USER_BY_EMAIL)?
        .remove(user.email.as_str())?;
    txn.open_table(tables::STAFF_USERS)?.remove(user.id)?;
    txn.open_table(tables::TWO_FACTOR.def())?.remove(user.id)?;
    txn.open_table(tables::USERS.def())?.remove(user.id)?;
    Ok(())
}

/// Anonymises the closed requests last changed before `before` that still name their
/// requester: their requester's name, e-mail and address are replaced (the person's
/// account, if any, stays). Returns how many changed.
pub(super) fn anonymise_tickets(store: &Store, before: u64) -> Result<u64, StoreError> {
    let old = |t: &Ticket| {
        t.status == crate::domain::ticket::TicketStatus::Closed
            && t.updated_at < before
            && !t.requester_email.ends_with("@erased.invalid")
    };
    let ids = candidates(store, old)?;
    let mut changed = 0;
    for chunk in ids.chunks(500) {
        let txn = store.write()?;
        for id in chunk {
            if let Some(t) = tables::TICKETS.get(&txn, *id)?.filter(|t| old(t)) {
                let with = Replacement {
                    name: "[anonymised]".to_owned(),
                    email: format!("anonymised-{}@erased.invalid", t.id),
                };
                let traces = Traces {
                    pairs: [
                        (t.requester_name.clone(), with.name.clone()),
                        (t.requester_email.clone(), with.email.clone()),
                    ]
                    .into_iter()
                    .filter(|(from, _)| from.chars().count() >= 3)
                    .collect(),
                };
                if let Some(new) = scrubbed(&t, None, &traces, &with).or_else(|| {
                    let mut n = t.clone();
                    n.requester_name = with.name.clone();
                    n.requester_email = with.email.clone();
                    Some(n)
                }) {
                    super::tickets::save_in(&txn, &t, &new)?;
                    changed += 1;
                }
            }
        }
        txn.commit()?;
    }
    Ok(changed)
}
