//! The mail queue: outgoing messages written inside the transaction of the action that
//! caused them, and their delivery state. The delivery worker lives in `crate::mail`.

use super::Txn;
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, tables};
use crate::clock::now_secs;

/// A message to send, as the caller composes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    /// Sender mailbox, e.g. `Online Service Center <noreply@example.com>`.
    pub from: String,
    /// Recipient mailbox.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// The ticket whose thread the message belongs to: it goes out with that thread's
    /// Message-ID headers and reply address. Kept beside the record (in
    /// `tables::MAIL_THREADS`), not in it, so the stored message keeps its format.
    #[serde(skip)]
    pub thread: Option<u64>,
}

impl OutgoingMail {
    /// The message as part of ticket `id`'s thread.
    pub fn in_thread(self, id: u64) -> Self {
        Self {
            thread: Some(id),
            ..self
        }
    }
}

crate::codes::stored_variants! {
    /// Where a queued message stands.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum MailState {
        /// Waiting for (another) delivery attempt.
        Pending = 0,
        /// Handed to the transport at this unix time.
        Sent { at: u64 } = 1,
        /// Sent, then returned by the recipient's mail server at this unix time (a
        /// delivery status report came in); the reason is in `last_error`.
        Bounced { at: u64 } = 2,
    }
}

/// A message in the queue with its delivery history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedMail {
    /// The message.
    pub mail: OutgoingMail,
    /// When it was queued (unix seconds).
    pub queued_at: u64,
    /// Delivery attempts so far.
    pub attempts: u32,
    /// The last delivery error, in the transport's words (never contains credentials).
    pub last_error: Option<String>,
    /// When the next attempt is due (unix seconds), while pending.
    pub next_attempt_at: u64,
    /// Pending or sent.
    pub state: MailState,
}

/// Queues `mail` inside the caller's write transaction; it is delivered after commit.
pub fn enqueue(txn: &Txn, mail: OutgoingMail) -> Result<u64, StoreError> {
    let now = now_secs();
    let id = tables::MAIL.next_id_in(txn)?;
    let mut table = txn.open_table(tables::MAIL.def())?;
    let record = QueuedMail {
        mail,
        queued_at: now,
        attempts: 0,
        last_error: None,
        next_attempt_at: now,
        state: MailState::Pending,
    };
    if let Some(ticket) = record.mail.thread {
        txn.open_table(tables::MAIL_THREADS)?.insert(id, ticket)?;
    }
    tables::MAIL.write(&mut table, id, &record)?;
    txn.open_table(tables::MAIL_PENDING)?
        .insert((now, id), ())?;
    txn.queued_mail();
    Ok(id)
}

/// Marks message `id` returned with `reason`, inside the caller's transaction: it is not
/// sent again. `false` when there is no such message or it was never sent.
pub fn bounce_in(txn: &Txn, id: u64, reason: &str, at: u64) -> Result<bool, StoreError> {
    Ok(update_in(txn, id, |record| {
        if !matches!(record.state, MailState::Sent { .. }) {
            return false;
        }
        record.state = MailState::Bounced { at };
        record.last_error = Some(reason.to_owned());
        true
    })? == Some(true)
        && {
            txn.open_table(tables::MAIL_RETURNED)?.insert(id, ())?;
            true
        })
}

/// `record` with the thread it belongs to, read beside it.
fn with_thread(
    threads: &impl ReadableTable<u64, u64>,
    id: u64,
    mut record: QueuedMail,
) -> Result<QueuedMail, StoreError> {
    record.mail.thread = threads.get(id)?.map(|t| t.value());
    Ok(record)
}

/// The outgoing mail queue the mail worker drains.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait MailQueue: Send + Sync {
    /// Queues one message in a transaction of its own.
    fn enqueue_now(&self, mail: OutgoingMail) -> Result<u64, StoreError>;

    /// Pending messages due at or before `due_by`, oldest due first, at most `limit`.
    fn due(&self, due_by: u64, limit: usize) -> Result<Vec<(u64, QueuedMail)>, StoreError>;

    /// When the earliest pending message is due, if any is pending.
    fn next_due(&self) -> Result<Option<u64>, StoreError>;

    /// One message by id.
    fn get(&self, id: u64) -> Result<Option<QueuedMail>, StoreError>;

    /// Records a successful delivery.
    fn mark_sent(&self, id: u64) -> Result<(), StoreError>;

    /// Records that the messages `ids` were handed to the transport, in one transaction.
    fn mark_all_sent(&self, ids: &[u64]) -> Result<(), StoreError>;

    /// Records a failed attempt and when to try again.
    fn mark_failed(&self, id: u64, error: &str, retry_at: u64) -> Result<(), StoreError>;

    /// Moves a waiting message's next attempt to `until` without counting an attempt (its
    /// recipient had their hour's mails).
    fn defer(&self, id: u64, until: u64) -> Result<(), StoreError>;

    /// Counts of pending and sent messages, for the service desk and tests.
    fn counts(&self) -> Result<(u64, u64), StoreError>;

    /// Messages newest first, kept by `show`, before id `before`, at most `size`; and the id
    /// to continue before when there are more. Waiting messages come from the pending index.
    fn list(&self, show: Show, before: Option<u64>, size: usize) -> Result<MailPage, StoreError>;

    /// Makes a waiting message due now and records `audit`, in one transaction (the worker
    /// is woken after the commit). `None` for an unknown message, `Some(false)` when it is
    /// not waiting (already sent): nothing is written then.
    fn retry_now(
        &self,
        id: u64,
        now: u64,
        audit: super::audit::Entry,
    ) -> Result<Option<bool>, StoreError>;
}

fn update(store: &Store, id: u64, change: impl FnOnce(&mut QueuedMail)) -> Result<(), StoreError> {
    let txn = store.write()?;
    update_in(&txn, id, |record| {
        change(record);
        true
    })?;
    txn.commit()
}

/// Changes a queued message inside the caller's transaction if `change` says so (it
/// returns whether it changed anything), keeping the list of pending messages in step.
/// `None` when there is no such message.
fn update_in(
    txn: &Txn,
    id: u64,
    change: impl FnOnce(&mut QueuedMail) -> bool,
) -> Result<Option<bool>, StoreError> {
    let mut table = txn.open_table(tables::MAIL.def())?;
    let Some(bytes) = table.get(id)?.map(|b| b.value().to_vec()) else {
        return Ok(None);
    };
    let mut record: QueuedMail = tables::MAIL.decode(&bytes)?;
    let old_key = (record.next_attempt_at, id);
    if !change(&mut record) {
        return Ok(Some(false));
    }
    tables::MAIL.write(&mut table, id, &record)?;
    let mut pending = txn.open_table(tables::MAIL_PENDING)?;
    pending.remove(old_key)?;
    if record.state == MailState::Pending {
        pending.insert((record.next_attempt_at, id), ())?;
        // A message still to deliver (a retry made due now, say) wakes the worker.
        txn.queued_mail();
    }
    Ok(Some(true))
}

/// Which messages the service desk's mail view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Everything.
    All,
    /// Waiting for their first or next attempt.
    Waiting,
    /// Waiting after at least one failed attempt.
    Failed,
    /// Handed to the transport.
    Sent,
    /// Sent, then returned by the recipient's server.
    Returned,
}

impl Show {
    fn keeps(self, m: &QueuedMail) -> bool {
        match self {
            Show::All => true,
            Show::Waiting => m.state == MailState::Pending,
            Show::Failed => m.state == MailState::Pending && m.last_error.is_some(),
            Show::Returned => matches!(m.state, MailState::Bounced { .. }),
            Show::Sent => matches!(m.state, MailState::Sent { .. }),
        }
    }
}

/// A page of messages (id and record) and the id to continue before, if there are more.
pub type MailPage = (Vec<(u64, QueuedMail)>, Option<u64>);

impl MailQueue for Store {
    fn enqueue_now(&self, mail: OutgoingMail) -> Result<u64, StoreError> {
        let txn = self.write()?;
        let id = enqueue(&txn, mail)?;
        txn.commit()?;
        Ok(id)
    }

    fn due(&self, due_by: u64, limit: usize) -> Result<Vec<(u64, QueuedMail)>, StoreError> {
        let txn = self.read()?;
        let pending = txn.open_table(tables::MAIL_PENDING)?;
        let mail = txn.open_table(tables::MAIL.def())?;
        let threads = txn.open_table(tables::MAIL_THREADS)?;
        let mut out = Vec::new();
        for row in pending.range(..=(due_by, u64::MAX))?.take(limit) {
            let (key, _) = row?;
            let (_, id) = key.value();
            if let Some(bytes) = mail.get(id)? {
                let record = tables::MAIL.decode(bytes.value())?;
                out.push((id, with_thread(&threads, id, record)?));
            }
        }
        Ok(out)
    }

    fn next_due(&self) -> Result<Option<u64>, StoreError> {
        let txn = self.read()?;
        let pending = txn.open_table(tables::MAIL_PENDING)?;
        Ok(pending.first()?.map(|(k, _)| k.value().0))
    }

    fn get(&self, id: u64) -> Result<Option<QueuedMail>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::MAIL.def())?;
        let threads = txn.open_table(tables::MAIL_THREADS)?;
        table
            .get(id)?
            .map(|b| with_thread(&threads, id, tables::MAIL.decode(b.value())?))
            .transpose()
    }

    fn mark_sent(&self, id: u64) -> Result<(), StoreError> {
        MailQueue::mark_all_sent(self, &[id])
    }

    fn mark_all_sent(&self, ids: &[u64]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let txn = self.write()?;
        let at = now_secs();
        for id in ids {
            update_in(&txn, *id, |record| {
                record.attempts += 1;
                record.state = MailState::Sent { at };
                true
            })?;
        }
        txn.commit()
    }

    fn mark_failed(&self, id: u64, error: &str, retry_at: u64) -> Result<(), StoreError> {
        update(self, id, |record| {
            record.attempts += 1;
            record.last_error = Some(error.to_owned());
            record.next_attempt_at = retry_at;
        })
    }

    fn defer(&self, id: u64, until: u64) -> Result<(), StoreError> {
        update(self, id, |record| record.next_attempt_at = until)
    }

    fn counts(&self) -> Result<(u64, u64), StoreError> {
        let txn = self.read()?;
        let pending = txn.open_table(tables::MAIL_PENDING)?.len()?;
        let all = txn.open_table(tables::MAIL.def())?.len()?;
        Ok((pending, all - pending))
    }

    fn list(&self, show: Show, before: Option<u64>, size: usize) -> Result<MailPage, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::MAIL.def())?;
        let before = before.unwrap_or(u64::MAX);
        let mut out = Vec::with_capacity(size + 1);
        if show == Show::Returned {
            let returned = txn.open_table(tables::MAIL_RETURNED)?;
            for row in returned.range(..before)?.rev().take(size + 1) {
                let id = row?.0.value();
                if let Some(b) = table.get(id)? {
                    out.push((id, tables::MAIL.decode(b.value())?));
                }
            }
        } else if matches!(show, Show::Waiting | Show::Failed) {
            let mut ids: Vec<u64> = Vec::new();
            for row in txn.open_table(tables::MAIL_PENDING)?.iter()? {
                let id = row?.0.value().1;
                if id < before {
                    ids.push(id);
                }
            }
            ids.sort_unstable_by(|a, b| b.cmp(a));
            for id in ids {
                if let Some(b) = table.get(id)? {
                    let m: QueuedMail = tables::MAIL.decode(b.value())?;
                    if show.keeps(&m) {
                        out.push((id, m));
                        if out.len() > size {
                            break;
                        }
                    }
                }
            }
        } else {
            for row in table.range(..before)?.rev() {
                let (k, v) = row?;
                let m: QueuedMail = tables::MAIL.decode(v.value())?;
                if show.keeps(&m) {
                    out.push((k.value(), m));
                    if out.len() > size {
                        break;
                    }
                }
            }
        }
        let more = out.len() > size;
        out.truncate(size);
        let next = if more {
            out.last().map(|(id, _)| *id)
        } else {
            None
        };
        Ok((out, next))
    }

    fn retry_now(
        &self,
        id: u64,
        now: u64,
        audit: super::audit::Entry,
    ) -> Result<Option<bool>, StoreError> {
        let txn = self.write()?;
        let retried = update_in(&txn, id, |record| {
            let waiting = record.state == MailState::Pending;
            if waiting {
                record.next_attempt_at = now;
            }
            waiting
        })?;
        if retried == Some(true) {
            super::audit::record_in(&txn, audit)?;
            txn.commit()?;
        }
        Ok(retried)
    }
}
