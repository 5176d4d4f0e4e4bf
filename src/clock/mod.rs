//! Wall-clock time as the store keeps it: unix seconds (UTC).
//!
//! [`Clock`] is the time the request handlers see. It can be moved forward, so tests can
//! let links, sessions and locks expire without waiting. [`WindowCounts`] counts events
//! per key within a time window (throttles and rate limits).

mod window_counts;

pub use window_counts::WindowCounts;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the unix epoch, now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The instance's clock: real time plus an offset that only tests change.
#[derive(Debug, Default)]
pub struct Clock {
    offset: AtomicU64,
}

impl Clock {
    /// Now, in unix seconds.
    pub fn now(&self) -> u64 {
        now_secs() + self.offset.load(Ordering::Relaxed)
    }

    /// Moves this clock `secs` seconds into the future.
    pub fn advance(&self, secs: u64) {
        self.offset.fetch_add(secs, Ordering::Relaxed);
    }
}
