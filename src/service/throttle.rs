//! Counters of failed log-ins: per network address, against known and unknown e-mails
//! alike (past the limit failures are answered "wait"; a right password still signs in),
//! and per unknown e-mail (answered like a locked account, so unknown and known e-mails
//! look alike), in [`WindowCounts`]. They are kept in memory and survive a restart: every
//! failed log-in is in the audit log, written with the failure, and start-up replays the
//! last window of them ([`LoginThrottle::restored`]).

use std::net::IpAddr;

use crate::clock::WindowCounts;
use crate::store::audit::{self, Event};
use crate::store::{Storage, StoreError};

/// Length of the counting window, in seconds.
pub const WINDOW_SECS: u64 = 15 * 60;

/// The counters.
#[derive(Debug)]
pub struct LoginThrottle {
    by_address: WindowCounts<IpAddr>,
    by_email: WindowCounts<String>,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            by_address: WindowCounts::new(WINDOW_SECS),
            by_email: WindowCounts::new(WINDOW_SECS),
        }
    }
}

impl LoginThrottle {
    /// The counters as the failed log-ins of the last window left them: the audit log's
    /// wrong passwords, wrong codes and unknown e-mails since `now` − [`WINDOW_SECS`], replayed in the
    /// order they happened. (Attempts on an account already locked are not in the log;
    /// they start counting afresh, and the lock itself is stored with the account.)
    pub fn restored(store: &dyn Storage, now: u64) -> Result<Self, StoreError> {
        let since = now.saturating_sub(WINDOW_SECS);
        let mut failures = Vec::new();
        let mut filter = audit::Filter {
            event: Some(Event::LoginFailed),
            ..audit::Filter::default()
        };
        'pages: loop {
            let page = store.audit().page(filter, 500)?;
            for entry in page.entries {
                if entry.at < since {
                    break 'pages;
                }
                failures.push(entry);
            }
            match page.next {
                Some(before) => filter.before = Some(before),
                None => break,
            }
        }
        let throttle = Self::default();
        for entry in failures.iter().rev() {
            let Ok(address) = entry.actor.address.parse::<IpAddr>() else {
                continue;
            };
            match entry.detail.as_str() {
                "unknown-email" => {
                    throttle.record_unknown(address, &entry.subject, entry.at);
                }
                "password" | "code" => throttle.record_known(address, entry.at),
                _ => {}
            }
        }
        Ok(throttle)
    }

    /// Whether `address` has used up its failed attempts against unknown e-mails.
    pub fn address_blocked(&self, address: IpAddr, limit: u32, now: u64) -> bool {
        self.by_address.current(&address, now) >= limit
    }

    /// Counts a failed attempt against an unknown `email` from `address`; returns the
    /// attempts on that e-mail within the window.
    pub fn record_unknown(&self, address: IpAddr, email: &str, now: u64) -> u32 {
        self.by_address.bump(&address, now);
        self.by_email.bump(&email.to_owned(), now)
    }

    /// Counts a failed log-in from `address` against a known account (refused password,
    /// locked account).
    pub fn record_known(&self, address: IpAddr, now: u64) {
        self.by_address.bump(&address, now);
    }

    /// Whether `address` made more than `limit` failed log-ins within the window, known
    /// and unknown e-mails alike.
    pub fn address_over(&self, address: IpAddr, limit: u32, now: u64) -> bool {
        self.by_address.current(&address, now) > limit
    }

    /// Attempts on an unknown `email` within the window.
    pub fn unknown_attempts(&self, email: &str, now: u64) -> u32 {
        self.by_email.current(&email.to_owned(), now)
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

    #[test]
    fn the_last_window_of_failures_is_replayed_from_the_audit_log() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(dir.path(), 16 << 20).unwrap();
        let failure = |at: u64, address: &str, email: &str, detail: &str| {
            let actor = audit::Actor {
                user: None,
                name: email.to_owned(),
                address: address.to_owned(),
            };
            let entry = audit::Entry::new(at, Event::LoginFailed, actor, email).detail(detail);
            store.audit().record(entry).unwrap();
        };
        let now = 100_000;
        // Too old, then three inside the window, and one not a log-in (a recovery answer).
        failure(
            now - WINDOW_SECS - 1,
            "192.0.2.1",
            "old@example.com",
            "unknown-email",
        );
        failure(now - 600, "192.0.2.1", "ghost@example.com", "unknown-email");
        failure(now - 300, "192.0.2.1", "ghost@example.com", "unknown-email");
        failure(now - 200, "192.0.2.1", "vera@example.com", "password");
        failure(
            now - 100,
            "192.0.2.1",
            "vera@example.com",
            "security-answer",
        );
        failure(now - 100, "198.51.100.9", "vera@example.com", "password");
        let t = LoginThrottle::restored(&store, now).unwrap();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "198.51.100.9".parse().unwrap();
        assert!(t.address_over(a, 2, now) && !t.address_over(a, 3, now));
        assert!(t.address_over(b, 0, now) && !t.address_over(b, 1, now));
        assert_eq!(t.unknown_attempts("ghost@example.com", now), 2);
        assert_eq!(t.unknown_attempts("old@example.com", now), 0);
        // The replayed window ends when the first replayed failure's would have.
        assert!(!t.address_over(a, 0, now - 600 + WINDOW_SECS));
    }
}
