//! In-memory counters of failed log-ins: per network address, against known and
//! unknown e-mails alike (past the limit failures are answered "wait"; a right password
//! still signs in), and per unknown e-mail (answered like a locked account, so unknown and
//! known e-mails look alike). Bounded in size; forgotten after the window.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Length of the counting window, in seconds.
pub const WINDOW_SECS: u64 = 15 * 60;
/// Entries kept at most per map; the oldest window is dropped first.
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, Default)]
struct Counts {
    by_address: HashMap<IpAddr, (u64, u32)>,
    by_email: HashMap<String, (u64, u32)>,
}

/// The counters.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    counts: Mutex<Counts>,
}

fn bump<K: std::hash::Hash + Eq + Clone>(
    map: &mut HashMap<K, (u64, u32)>,
    key: &K,
    now: u64,
) -> u32 {
    if map.len() >= MAX_ENTRIES {
        map.retain(|_, (start, _)| now < *start + WINDOW_SECS);
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
    }
    let entry = map.entry(key.clone()).or_insert((now, 0));
    if now >= entry.0 + WINDOW_SECS {
        *entry = (now, 0);
    }
    entry.1 = entry.1.saturating_add(1);
    entry.1
}

fn current<K: std::hash::Hash + Eq>(map: &HashMap<K, (u64, u32)>, key: &K, now: u64) -> u32 {
    map.get(key)
        .filter(|(start, _)| now < *start + WINDOW_SECS)
        .map_or(0, |(_, n)| *n)
}

impl LoginThrottle {
    /// Whether `address` has used up its failed attempts against unknown e-mails.
    pub fn address_blocked(&self, address: IpAddr, limit: u32, now: u64) -> bool {
        let counts = self.counts.lock().expect("throttle lock");
        current(&counts.by_address, &address, now) >= limit
    }

    /// Counts a failed attempt against an unknown `email` from `address`; returns the
    /// attempts on that e-mail within the window.
    pub fn record_unknown(&self, address: IpAddr, email: &str, now: u64) -> u32 {
        let mut counts = self.counts.lock().expect("throttle lock");
        bump(&mut counts.by_address, &address, now);
        bump(&mut counts.by_email, &email.to_owned(), now)
    }

    /// Counts a failed log-in from `address` against a known account (refused password,
    /// locked account).
    pub fn record_known(&self, address: IpAddr, now: u64) {
        let mut counts = self.counts.lock().expect("throttle lock");
        bump(&mut counts.by_address, &address, now);
    }

    /// Whether `address` made more than `limit` failed log-ins within the window, known
    /// and unknown e-mails alike.
    pub fn address_over(&self, address: IpAddr, limit: u32, now: u64) -> bool {
        let counts = self.counts.lock().expect("throttle lock");
        current(&counts.by_address, &address, now) > limit
    }

    /// Attempts on an unknown `email` within the window.
    pub fn unknown_attempts(&self, email: &str, now: u64) -> u32 {
        let counts = self.counts.lock().expect("throttle lock");
        current(&counts.by_email, &email.to_owned(), now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_within_the_window_and_forgets_after() {
        let t = LoginThrottle::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(t.record_unknown(ip, "x@example.com", 1000), 1);
        assert_eq!(t.record_unknown(ip, "x@example.com", 1001), 2);
        assert!(t.address_blocked(ip, 2, 1002));
        assert!(!t.address_blocked(ip, 2, 1000 + WINDOW_SECS));
        assert_eq!(t.unknown_attempts("x@example.com", 1000 + WINDOW_SECS), 0);
    }
}
