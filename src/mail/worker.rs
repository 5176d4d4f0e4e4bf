//! The delivery worker: one task that sends due messages from the queue, records each
//! outcome, and sleeps until the next message is due or new mail is queued.
//!
//! At start every pending message is tried at once (a restart often follows a fixed
//! mail setting); after a failure the next attempt waits `retry_base_secs · 2^(n-1)`,
//! at most `retry_max_secs`. Messages are never dropped.
//!
//! No recipient address gets more than `limits.mails_per_recipient_per_hour` messages
//! within an hour (counted in memory since the worker started): the rest wait in the
//! queue until the hour is over, so no form of the portal can flood a mailbox.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use super::MailNotifier;
use super::threading::Threading;
use super::transport::Transport;
use crate::clock::{WindowCounts, now_secs};
use crate::config::MailConfig;
use crate::store::{Storage, StoreError};

/// How many messages one pass handles before looking at the clock again.
const BATCH: usize = 50;
/// Longest sleep between passes, so a clock change never strands the queue.
const MAX_IDLE: Duration = Duration::from_secs(60);

/// Delay before attempt `attempts + 1` after `attempts` failures.
pub fn backoff_secs(config: &MailConfig, attempts: u32) -> u64 {
    let exp = attempts.saturating_sub(1).min(32);
    config
        .retry_base_secs
        .saturating_mul(1u64 << exp)
        .min(config.retry_max_secs)
}

/// The hour within which a recipient's messages are counted.
const RECIPIENT_WINDOW_SECS: u64 = 3600;

/// Messages handed to the transport per recipient address within the hour.
struct RecipientCounts {
    counts: WindowCounts<String>,
    per_hour: u32,
}

impl RecipientCounts {
    /// Counts one message to `to`; `Err(seconds)` until the recipient's hour is over when
    /// they had their `per_hour` messages.
    fn admit(&self, to: &str, now: u64) -> Result<(), u64> {
        self.counts
            .bump_below(&recipient_key(to), self.per_hour, now)
            .map(|_| ())
    }
}

/// The address of a mailbox (`Name <addr>` or `addr`), in lower case.
fn recipient_key(to: &str) -> String {
    let address = match (to.rfind('<'), to.rfind('>')) {
        (Some(open), Some(close)) if open < close => &to[open + 1..close],
        _ => to,
    };
    address.trim().to_lowercase()
}

/// Runs until `shutdown` turns true; at most `per_recipient_per_hour` messages go to one
/// address within an hour.
pub async fn run(
    store: Arc<dyn Storage>,
    transport: Transport,
    config: MailConfig,
    per_recipient_per_hour: u32,
    notifier: MailNotifier,
    threading: Threading,
    mut shutdown: watch::Receiver<bool>,
) {
    let recipients = RecipientCounts {
        counts: WindowCounts::new(RECIPIENT_WINDOW_SECS),
        per_hour: per_recipient_per_hour,
    };
    let mut first_pass = true;
    loop {
        let due_by = if first_pass { u64::MAX } else { now_secs() };
        first_pass = false;
        if let Err(e) =
            deliver_due(&store, &transport, &config, &recipients, &threading, due_by).await
        {
            tracing::error!(error = %e, "mail queue unreadable");
        }
        let sleep = match off_runtime(&store, |s| s.mail_queue().next_due()).await {
            Ok(Some(at)) => Duration::from_secs(at.saturating_sub(now_secs())).min(MAX_IDLE),
            _ => MAX_IDLE,
        };
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            _ = notifier.woken() => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            return;
        }
    }
}

/// Runs a store call on the blocking pool: a write waits for the disk, and this worker
/// shares the async runtime with every page.
async fn off_runtime<T: Send + 'static>(
    store: &Arc<dyn Storage>,
    call: impl FnOnce(&dyn Storage) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || call(&*store))
        .await
        .unwrap_or(Err(StoreError::NotDurable))
}

async fn deliver_due(
    store: &Arc<dyn Storage>,
    transport: &Transport,
    config: &MailConfig,
    recipients: &RecipientCounts,
    threading: &Threading,
    due_by: u64,
) -> Result<(), StoreError> {
    // A message that fails is rescheduled, possibly still before `due_by`: try each one
    // once per pass.
    let mut tried = std::collections::HashSet::new();
    loop {
        let limit = BATCH + tried.len();
        let batch = off_runtime(store, move |s| s.mail_queue().due(due_by, limit)).await?;
        let fresh: Vec<_> = batch
            .into_iter()
            .filter(|(id, _)| !tried.contains(id))
            .collect();
        if fresh.is_empty() {
            return Ok(());
        }
        // What was sent is recorded once per batch, in one transaction.
        let mut sent = Vec::with_capacity(fresh.len());
        for (id, queued) in fresh {
            tried.insert(id);
            if let Err(wait) = recipients.admit(&queued.mail.to, now_secs()) {
                let until = now_secs() + wait;
                tracing::info!(
                    mail_id = id,
                    wait_secs = wait,
                    "recipient had this hour's mails; mail waits"
                );
                off_runtime(store, move |s| s.mail_queue().defer(id, until)).await?;
                continue;
            }
            match transport.deliver(id, &queued.mail, threading).await {
                Ok(()) => {
                    sent.push(id);
                    tracing::info!(mail_id = id, "mail delivered");
                }
                Err(error) => {
                    let attempt = queued.attempts + 1;
                    let retry_at = now_secs() + backoff_secs(config, attempt);
                    tracing::warn!(mail_id = id, attempt, %error, "mail delivery failed; will retry");
                    off_runtime(store, move |s| {
                        s.mail_queue().mark_failed(id, &error, retry_at)
                    })
                    .await?;
                }
            }
        }
        off_runtime(store, move |s| s.mail_queue().mark_all_sent(&sent)).await?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recipient_is_counted_by_address_whatever_the_spelling() {
        assert_eq!(recipient_key("Anna <Anna@Example.COM>"), "anna@example.com");
        assert_eq!(recipient_key(" anna@example.com "), "anna@example.com");
        let r = RecipientCounts {
            counts: WindowCounts::new(RECIPIENT_WINDOW_SECS),
            per_hour: 2,
        };
        assert!(r.admit("anna@example.com", 1000).is_ok());
        assert!(r.admit("ANNA@example.com", 1001).is_ok());
        assert_eq!(r.admit("Anna <anna@example.com>", 1002), Err(3598));
        assert!(r.admit("bert@example.com", 1002).is_ok());
    }

    #[test]
    fn backoff_doubles_up_to_the_maximum() {
        let config = MailConfig {
            retry_base_secs: 30,
            retry_max_secs: 3600,
            ..MailConfig::default()
        };
        assert_eq!(backoff_secs(&config, 1), 30);
        assert_eq!(backoff_secs(&config, 2), 60);
        assert_eq!(backoff_secs(&config, 4), 240);
        assert_eq!(backoff_secs(&config, 50), 3600);
    }
}
