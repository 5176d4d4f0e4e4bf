//! The effects a write carries besides its own rows: the mails it sends and the audit
//! entries that describe it. [`Effects::write_in`] puts them in the write's transaction,
//! so they commit with it or not at all (the mail worker is woken after the commit).

use super::audit::{self, Entry};
use super::mail_queue::{self, OutgoingMail};
use super::{StoreError, Txn};

/// Mails and audit entries to write with a change.
#[derive(Debug, Clone, Default)]
pub struct Effects {
    /// Queued in the mail queue.
    pub mails: Vec<OutgoingMail>,
    /// Appended to the audit log.
    pub audit: Vec<Entry>,
}

impl Effects {
    /// Effects that send `mails`.
    pub fn mails(mails: Vec<OutgoingMail>) -> Self {
        Self {
            mails,
            audit: Vec::new(),
        }
    }

    /// Adds an audit entry.
    #[must_use]
    pub fn audited(mut self, entry: Entry) -> Self {
        self.audit.push(entry);
        self
    }

    /// Writes every effect inside `txn`.
    pub fn write_in(self, txn: &Txn) -> Result<(), StoreError> {
        for mail in self.mails {
            mail_queue::enqueue(txn, mail)?;
        }
        for entry in self.audit {
            audit::record_in(txn, entry)?;
        }
        Ok(())
    }
}

/// The mails a write sends, composed inside its unit of work from what it wrote (the
/// new ticket, the user as changed …).
pub type MailsFor<'a, T> = Box<dyn FnOnce(&T) -> Vec<OutgoingMail> + 'a>;

/// The audit entry of a write, made inside its unit of work from what it wrote.
pub type AuditFor<'a, T, E = Entry> = Box<dyn FnOnce(&T) -> E + 'a>;
