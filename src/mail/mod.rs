//! Mail that is never lost: messages are queued in the store (see
//! [`crate::store::mail_queue`]) inside the transaction of the action that caused them,
//! then a background [`worker`] delivers them through the configured [`transport`],
//! retrying with exponential backoff, also after a restart.

pub mod templates;
pub mod transport;
pub mod worker;

use std::sync::Arc;

use tokio::sync::Notify;

/// Wakes the delivery worker after a transaction that queued mail has committed.
#[derive(Debug, Clone, Default)]
pub struct MailNotifier(Arc<Notify>);

impl MailNotifier {
    /// Tells the worker new mail is waiting.
    pub fn wake(&self) {
        self.0.notify_one();
    }

    /// Waits for the next wake-up.
    pub async fn woken(&self) {
        self.0.notified().await;
    }
}
