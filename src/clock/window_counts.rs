//! Counts per key within a window that starts at the key's first count: the shared
//! mechanism of the log-in throttle and the form rate limits. In memory, bounded in
//! size (the expired windows are dropped first), forgotten after the window.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

/// Entries kept at most.
const MAX_ENTRIES: usize = 100_000;

/// The counts of one kind of event.
#[derive(Debug)]
pub struct WindowCounts<K> {
    window_secs: u64,
    counts: Mutex<HashMap<K, (u64, u32)>>,
}

impl<K: Hash + Eq + Clone> WindowCounts<K> {
    /// Counts that each last `window_secs` from their first event.
    pub fn new(window_secs: u64) -> Self {
        Self {
            window_secs,
            counts: Mutex::default(),
        }
    }

    /// Counts one event of `key`; returns the events within its window, this one
    /// included.
    pub fn bump(&self, key: &K, now: u64) -> u32 {
        self.bump_below(key, u32::MAX, now).unwrap_or(u32::MAX)
    }

    /// Counts one event of `key` unless `limit` were already counted within its window;
    /// then `Err` with the seconds until the window ends.
    pub fn bump_below(&self, key: &K, limit: u32, now: u64) -> Result<u32, u64> {
        let window = self.window_secs;
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if counts.len() >= MAX_ENTRIES {
            counts.retain(|_, (start, _)| now < *start + window);
            if counts.len() >= MAX_ENTRIES {
                counts.clear();
            }
        }
        let entry = counts.entry(key.clone()).or_insert((now, 0));
        if now >= entry.0 + window {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            return Err((entry.0 + window).saturating_sub(now).max(1));
        }
        entry.1 += 1;
        Ok(entry.1)
    }

    /// The events of `key` within its window.
    pub fn current(&self, key: &K, now: u64) -> u32 {
        let counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        counts
            .get(key)
            .filter(|(start, _)| now < *start + self.window_secs)
            .map_or(0, |(_, n)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_within_the_window_refuse_past_the_limit_and_start_again_after() {
        let c = WindowCounts::new(100);
        assert_eq!(c.bump(&"a", 1000), 1);
        assert_eq!(c.bump_below(&"a", 2, 1010), Ok(2));
        assert_eq!(c.bump_below(&"a", 2, 1020), Err(80));
        assert_eq!(c.current(&"a", 1020), 2);
        assert_eq!(c.current(&"b", 1020), 0);
        assert_eq!(c.current(&"a", 1100), 0);
        assert_eq!(c.bump_below(&"a", 2, 1100), Ok(1));
    }
}
