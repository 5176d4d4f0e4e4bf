//! Incoming mail in the store: the messages already processed (so a second delivery of
//! the same mail adds nothing), what each one led to, written in the same transaction as
//! its effect, and the messages held aside with the reason.

use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::effects::MailsFor;
use super::tickets::{self, Ticket, TicketMessage, Upload};
use super::{Store, StoreError, Txn, audit, mail_queue, tables, users};

crate::codes::stored_codes! {
    /// Why an incoming message was held instead of processed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum HoldReason {
        /// It is not a mail message the parser can read (no headers, no sender).
        Unreadable = 0 => "unreadable",
        /// It is larger than `mail_in.max_message_kb`.
        TooLarge = 1 => "too-large",
        /// Its sender had this hour's messages (`mail_in.per_sender_per_hour`).
        TooMany = 2 => "too-many",
        /// Writing its effect failed (the store refused the write).
        Failed = 3 => "failed",
    }
}

impl HoldReason {
    /// The name in the service desk's list and the translation id's suffix.
    pub fn slug(self) -> &'static str {
        match self {
            HoldReason::Unreadable => "unreadable",
            HoldReason::TooLarge => "too-large",
            HoldReason::TooMany => "too-many",
            HoldReason::Failed => "failed",
        }
    }
}

/// A message kept aside in the mail source, listed in the service desk with a retry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMessage {
    /// When it was held (unix seconds).
    pub at: u64,
    /// Its name in the source's held folder.
    pub file: String,
    /// The sender as the message gives it (may be empty for an unreadable one).
    pub from: String,
    /// Its subject (may be empty).
    pub subject: String,
    /// Its size in bytes.
    pub size: u64,
    /// Why it was held.
    pub reason: HoldReason,
}

/// The `meta` key of the last held message's id.
const LAST_HELD: &str = "inbox_held_last";

/// What an incoming message does, decided by the service layer.
pub enum Arrival<'a> {
    /// A message in ticket `ticket`'s thread, with its files and the mails it sends.
    Reply {
        ticket: u64,
        message: TicketMessage,
        uploads: Vec<Upload>,
        mails: Vec<super::mail_queue::OutgoingMail>,
    },
    /// A new request of `year` with its files; `compose` makes its confirmation.
    Request {
        ticket: Box<Ticket>,
        year: i32,
        uploads: Vec<Upload>,
        compose: MailsFor<'a, Ticket>,
    },
    /// A delivery status report about queued message `mail`: it is marked returned.
    Bounce { mail: u64, reason: String },
    /// Nothing to do (an auto-reply, list mail, the portal's own mail): only remembered.
    Ignored,
}

impl std::fmt::Debug for Arrival<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Arrival::Reply { .. } => "Arrival::Reply",
            Arrival::Request { .. } => "Arrival::Request",
            Arrival::Bounce { .. } => "Arrival::Bounce",
            Arrival::Ignored => "Arrival::Ignored",
        })
    }
}

/// What an incoming message led to.
#[derive(Debug)]
pub enum Received {
    /// It was processed before: nothing was written.
    Again,
    /// It went into this ticket's thread.
    Replied(Box<Ticket>),
    /// It opened this ticket.
    Filed(Box<Ticket>),
    /// The returned message was marked (`false`: it was unknown or never sent).
    Bounced(bool),
    /// It was only remembered.
    Ignored,
    /// Its thread's ticket no longer exists.
    Gone,
}

/// The processed and held incoming messages.
///
/// Each write is one unit of work: the message is remembered as processed in the same
/// transaction as its effect, so a crash before the commit leaves it to be processed
/// again, and after it, never twice.
pub trait Inbox: Send + Sync {
    /// Applies `arrival` for the message `seen` (its Message-ID's SHA-256) unless it was
    /// processed before.
    fn receive(
        &self,
        seen: [u8; 32],
        at: u64,
        arrival: Arrival<'_>,
    ) -> Result<Received, StoreError>;

    /// Whether the message `seen` was processed.
    fn was_seen(&self, seen: [u8; 32]) -> Result<bool, StoreError>;

    /// Lists a message held aside.
    fn hold(&self, held: HeldMessage) -> Result<u64, StoreError>;

    /// The held messages, newest first.
    fn held(&self) -> Result<Vec<(u64, HeldMessage)>, StoreError>;

    /// One held message.
    fn held_one(&self, id: u64) -> Result<Option<HeldMessage>, StoreError>;

    /// Forgets held message `id` (it was put back for another attempt) and records
    /// `audit`; `None` when there is no such message.
    fn release(&self, id: u64, audit: audit::Entry) -> Result<Option<HeldMessage>, StoreError>;
}

fn received_in(txn: &Txn, arrival: Arrival<'_>, at: u64) -> Result<Received, StoreError> {
    Ok(match arrival {
        Arrival::Reply {
            ticket,
            message,
            uploads,
            mails,
        } => match tickets::add_message_in(txn, ticket, message, uploads)? {
            Some(t) => {
                users::queue_all(txn, mails)?;
                Received::Replied(Box::new(t))
            }
            None => Received::Gone,
        },
        Arrival::Request {
            ticket,
            year,
            uploads,
            compose,
        } => {
            let t = tickets::create_in(txn, *ticket, year, uploads)?;
            users::queue_all(txn, compose(&t))?;
            Received::Filed(Box::new(t))
        }
        Arrival::Bounce { mail, reason } => {
            Received::Bounced(mail_queue::bounce_in(txn, mail, &reason, at)?)
        }
        Arrival::Ignored => Received::Ignored,
    })
}

impl Inbox for Store {
    fn receive(
        &self,
        seen: [u8; 32],
        at: u64,
        arrival: Arrival<'_>,
    ) -> Result<Received, StoreError> {
        let txn = self.write()?;
        {
            let mut table = txn.open_table(tables::INBOX_SEEN)?;
            if table.get(seen)?.is_some() {
                return Ok(Received::Again);
            }
            table.insert(seen, at)?;
        }
        let received = received_in(&txn, arrival, at)?;
        if matches!(received, Received::Gone) {
            // Nothing was written: dropped uncommitted, the message is not marked seen
            // and is processed afresh when it is retried.
            return Ok(received);
        }
        txn.commit()?;
        Ok(received)
    }

    fn was_seen(&self, seen: [u8; 32]) -> Result<bool, StoreError> {
        let txn = self.read()?;
        Ok(txn.open_table(tables::INBOX_SEEN)?.get(seen)?.is_some())
    }

    fn hold(&self, held: HeldMessage) -> Result<u64, StoreError> {
        let txn = self.write()?;
        // Numbered from a counter, not from the highest id: a retried message's id is
        // never given to the next one held, so a stale link acts on nothing.
        let id = {
            let mut meta = txn.open_table(tables::META)?;
            let last = meta.get(LAST_HELD)?.map_or(0, |v| v.value());
            let id = last.max(tables::INBOX_HELD.next_id_in(&txn)? - 1) + 1;
            meta.insert(LAST_HELD, id)?;
            id
        };
        tables::INBOX_HELD.put_in(&txn, id, &held)?;
        txn.commit()?;
        Ok(id)
    }

    fn held(&self) -> Result<Vec<(u64, HeldMessage)>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::INBOX_HELD.def())?;
        let mut out = Vec::new();
        for row in table.iter()?.rev() {
            let (id, bytes) = row?;
            out.push((id.value(), tables::INBOX_HELD.decode(bytes.value())?));
        }
        Ok(out)
    }

    fn held_one(&self, id: u64) -> Result<Option<HeldMessage>, StoreError> {
        tables::INBOX_HELD.get(&self.read()?, id)
    }

    fn release(&self, id: u64, audit: audit::Entry) -> Result<Option<HeldMessage>, StoreError> {
        let txn = self.write()?;
        let held = txn
            .open_table(tables::INBOX_HELD.def())?
            .remove(id)?
            .map(|b| tables::INBOX_HELD.decode(b.value()))
            .transpose()?;
        if held.is_some() {
            audit::record_in(&txn, audit)?;
            txn.commit()?;
        }
        Ok(held)
    }
}
