//! How the running instance is doing: what `/metrics` reads when it is scraped, and
//! whether it is ready for traffic (`/readyz`).

use super::Core;
use crate::metrics::Readings;
use crate::store::StoreError;
use crate::store::backup::Outcome;

/// Changes not yet searchable beyond which the instance is not ready: searches would
/// miss recent requests noticeably.
pub const READY_INDEX_LAG: u64 = 1_000;

/// The mail queue: mails waiting, and mails given up after failing.
pub fn mail_queue(core: &Core) -> Result<(u64, u64), StoreError> {
    let (waiting, _) = core.store.mail_queue().counts()?;
    let (failed, _) =
        core.store
            .mail_queue()
            .list(crate::store::mail_queue::Show::Failed, None, 1000)?;
    Ok((waiting, failed.len() as u64))
}

/// What a scrape shows besides the counters, read now (blocking: call it off the
/// runtime's workers).
pub fn readings(core: &Core, index_lag: u64) -> Result<Readings, StoreError> {
    let (mail_waiting, mail_failed) = mail_queue(core)?;
    let sessions = core.store.totals()?.sessions;
    let last = super::backups::last(&core.config.storage.data_dir);
    let now = core.clock.now();
    let backup_age_secs = last.as_ref().and_then(|l| match l.outcome {
        Outcome::Written { .. } => Some(now.saturating_sub(l.at)),
        Outcome::Failed { .. } => None,
    });
    Ok(Readings {
        index_lag,
        mail_waiting,
        mail_failed,
        sessions,
        backup_age_secs,
        backup_failed: last.is_some_and(|l| matches!(l.outcome, Outcome::Failed { .. })),
    })
}

/// Why the instance is not ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    /// It is shutting down.
    Stopping,
    /// The store does not answer or refuses writes.
    StoreUnusable,
    /// The search index is this many changes behind.
    Index(u64),
}

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotReady::Stopping => f.write_str("shutting down"),
            NotReady::StoreUnusable => f.write_str("the store is not usable"),
            NotReady::Index(lag) => write!(f, "the search index is {lag} changes behind"),
        }
    }
}

/// Whether the instance should get traffic (blocking: call it off the runtime's workers).
pub fn readiness(core: &Core, index_lag: u64, stopping: bool) -> Result<(), NotReady> {
    if stopping {
        return Err(NotReady::Stopping);
    }
    if !core.store.is_usable() {
        return Err(NotReady::StoreUnusable);
    }
    if index_lag > READY_INDEX_LAG {
        return Err(NotReady::Index(index_lag));
    }
    Ok(())
}
