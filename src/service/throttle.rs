//! In-memory counters of failed log-ins: per network address, against known and
//! unknown e-mails alike (past the limit failures are answered "wait"; a right password
//! still signs in), and per unknown e-mail (answered like a locked account, so unknown and
//! known e-mails look alike), in [`WindowCounts`].

use std::net::IpAddr;

use crate::clock::WindowCounts;

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
}
