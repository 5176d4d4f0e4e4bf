//! Service tickets: numbered, with their status history and message thread, indexed by
//! company, requester (in the order of their last update) and plant. Lists take the
//! actor and apply the policy's ticket scope.

use redb::{ReadableTable, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::mail_queue::OutgoingMail;
use super::{Store, StoreError, codec, tables, users};
use crate::auth::policy::{self, Actor, TicketScope};
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
    pub messages: Vec<TicketMessage>,
    pub created_at: u64,
    pub updated_at: u64,
}

const TABLE: &str = "tickets_v1";

fn decode(bytes: &[u8]) -> Result<Ticket, StoreError> {
    codec::decode(TABLE, bytes)
}

fn index_in(txn: &WriteTransaction, t: &Ticket, add: bool) -> Result<(), StoreError> {
    let mut by_company = txn.open_table(tables::TICKETS_BY_COMPANY)?;
    let mut by_requester = txn.open_table(tables::TICKETS_BY_REQUESTER)?;
    if let Some(c) = t.company {
        if add {
            by_company.insert((c, t.updated_at, t.id), ())?;
        } else {
            by_company.remove((c, t.updated_at, t.id))?;
        }
    }
    if let Some(u) = t.requester {
        if add {
            by_requester.insert((u, t.updated_at, t.id), ())?;
        } else {
            by_requester.remove((u, t.updated_at, t.id))?;
        }
    }
    Ok(())
}

/// Creates a ticket: gives it the next number of `year`, its first status, and queues
/// the mails `compose` writes for it, in one transaction.
pub fn create(
    store: &Store,
    mut t: Ticket,
    year: i32,
    compose: impl FnOnce(&Ticket) -> Vec<OutgoingMail>,
) -> Result<Ticket, StoreError> {
    let txn = store.write()?;
    {
        let mut seq = txn.open_table(tables::TICKET_SEQUENCE)?;
        let key = u32::try_from(year).unwrap_or(0);
        let next = seq.get(key)?.map_or(1, |v| v.value() + 1);
        seq.insert(key, next)?;
        t.number = ticket::number(year, next);
        let mut table = txn.open_table(tables::TICKETS)?;
        t.id = table.last()?.map_or(1, |(k, _)| k.value() + 1);
        t.status = t.kind.initial();
        t.history = vec![StatusChange {
            at: t.created_at,
            by: t.requester_name.clone(),
            from: None,
            to: t.status,
        }];
        table.insert(t.id, codec::encode(&t).as_slice())?;
    }
    txn.open_table(tables::TICKET_BY_NUMBER)?
        .insert(t.number.as_str(), t.id)?;
    if let Some(p) = t.plant {
        txn.open_table(tables::TICKETS_BY_PLANT)?
            .insert((p, t.id), ())?;
    }
    index_in(&txn, &t, true)?;
    users::queue_all(&txn, compose(&t))?;
    txn.commit()?;
    Ok(t)
}

/// A ticket by id, if `actor` may see it (another company's ticket is `None`).
pub fn visible(store: &Store, actor: &Actor, id: u64) -> Result<Option<Ticket>, StoreError> {
    let txn = store.read()?;
    let Some(t) = txn
        .open_table(tables::TICKETS)?
        .get(id)?
        .map(|b| decode(b.value()))
        .transpose()?
    else {
        return Ok(None);
    };
    let requester = t.requester.unwrap_or(0);
    Ok(policy::can_see_ticket(actor, t.company, requester).then_some(t))
}

/// The tickets `actor` sees, last updated first: for customers those updated within
/// `visible_days` and every open one; for staff all.
pub fn list(
    store: &Store,
    actor: &Actor,
    now: u64,
    visible_days: u64,
) -> Result<Vec<Ticket>, StoreError> {
    let txn = store.read()?;
    let tickets = txn.open_table(tables::TICKETS)?;
    let since = now.saturating_sub(visible_days * 86_400);
    let ids: Vec<u64> = match policy::ticket_scope(actor) {
        TicketScope::All => tickets
            .iter()?
            .rev()
            .map(|r| r.map(|(k, _)| k.value()))
            .collect::<Result<_, _>>()?,
        TicketScope::Company(c) => txn
            .open_table(tables::TICKETS_BY_COMPANY)?
            .range((c, 0, 0)..=(c, u64::MAX, u64::MAX))?
            .rev()
            .map(|r| r.map(|(k, _)| k.value().2))
            .collect::<Result<_, _>>()?,
        TicketScope::Requester(u) => txn
            .open_table(tables::TICKETS_BY_REQUESTER)?
            .range((u, 0, 0)..=(u, u64::MAX, u64::MAX))?
            .rev()
            .map(|r| r.map(|(k, _)| k.value().2))
            .collect::<Result<_, _>>()?,
    };
    let all = matches!(policy::ticket_scope(actor), TicketScope::All);
    let mut out = Vec::new();
    for id in ids {
        let Some(t) = tickets.get(id)?.map(|b| decode(b.value())).transpose()? else {
            continue;
        };
        if all || t.status.is_open() || t.updated_at >= since {
            out.push(t);
        }
    }
    if all {
        out.sort_by_key(|t| std::cmp::Reverse(t.updated_at));
    }
    Ok(out)
}

/// The tickets about a plant that `actor` may see, last updated first.
pub fn of_plant(store: &Store, actor: &Actor, plant: u64) -> Result<Vec<Ticket>, StoreError> {
    let txn = store.read()?;
    let tickets = txn.open_table(tables::TICKETS)?;
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

/// Adds a message to the thread and queues `mails`, updating the ticket's last change.
pub fn add_message(
    store: &Store,
    id: u64,
    message: TicketMessage,
    mails: Vec<OutgoingMail>,
) -> Result<Option<Ticket>, StoreError> {
    let txn = store.write()?;
    let Some(mut t) = txn
        .open_table(tables::TICKETS)?
        .get(id)?
        .map(|b| decode(b.value()))
        .transpose()?
    else {
        return Ok(None);
    };
    index_in(&txn, &t, false)?;
    t.updated_at = t.updated_at.max(message.at);
    t.messages.push(message);
    txn.open_table(tables::TICKETS)?
        .insert(t.id, codec::encode(&t).as_slice())?;
    index_in(&txn, &t, true)?;
    users::queue_all(&txn, mails)?;
    txn.commit()?;
    Ok(Some(t))
}

/// Tickets with an id above `after`, at most `limit`, in id order (for rebuilding the
/// search index page by page).
pub fn page(store: &Store, after: u64, limit: usize) -> Result<Vec<Ticket>, StoreError> {
    let txn = store.read()?;
    let table = txn.open_table(tables::TICKETS)?;
    let mut out = Vec::new();
    for row in table.range((after.saturating_add(1))..)?.take(limit) {
        out.push(decode(row?.1.value())?);
    }
    Ok(out)
}
