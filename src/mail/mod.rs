//! Mail that is never lost: messages are queued in the store (see
//! [`crate::store::mail_queue`]) inside the transaction of the action that caused them,
//! then a background [`worker`] delivers them through the configured [`transport`],
//! retrying with exponential backoff, also after a restart. Mail coming in is read from the
//! [`mailbox`] (a [`maildir`] or an [`imap`] folder), parsed ([`inbound`]), stripped of what
//! it quotes ([`quotes`]) and matched to its request by the ids [`threading`] gives every
//! message sent.

pub mod imap;
pub mod inbound;
pub mod mailbox;
pub mod maildir;
pub mod quotes;
pub mod templates;
pub mod threading;
pub mod transport;
pub mod worker;

use std::sync::Arc;

use crate::store::Doorbells;

/// The delivery worker's doorbell: the store rings it after every durable commit that
/// queued mail (see [`crate::store::Txn`]), so no caller wakes the worker by hand.
#[derive(Debug, Clone)]
pub struct MailNotifier(Arc<Doorbells>);

impl MailNotifier {
    /// Listens on the store's doorbells.
    pub fn of(bells: Arc<Doorbells>) -> Self {
        Self(bells)
    }

    /// Waits for the next wake-up.
    pub async fn woken(&self) {
        self.0.mail.notified().await;
    }
}
