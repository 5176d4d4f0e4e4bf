//! Hourly counts, per client address, of the forms that cost a mail or a record
//! (registrations, anonymous requests, recovery steps, confirmation resends), against the
//! `[limits]` settings. In memory, bounded in size, forgotten after the hour.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use crate::config::LimitsConfig;

/// The counting window, in seconds.
pub const WINDOW_SECS: u64 = 3600;
/// Entries kept at most; the expired ones are dropped first.
const MAX_ENTRIES: usize = 100_000;

/// A form with its own limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Registration,
    AnonymousRequest,
    Recovery,
    ConfirmationResend,
}

impl Form {
    /// Its limit per hour in the settings.
    pub fn limit(self, limits: &LimitsConfig) -> u32 {
        match self {
            Form::Registration => limits.registrations_per_hour,
            Form::AnonymousRequest => limits.anonymous_requests_per_hour,
            Form::Recovery => limits.recoveries_per_hour,
            Form::ConfirmationResend => limits.confirmation_resends_per_hour,
        }
    }
}

/// The counters.
#[derive(Debug, Default)]
pub struct RateLimits {
    counts: Mutex<HashMap<(Form, IpAddr), (u64, u32)>>,
}

impl RateLimits {
    /// Counts one use of `form` from `address`; `Err(seconds)` when it is past `limit`
    /// within the hour, with the seconds until the hour is over.
    pub fn admit(&self, form: Form, address: IpAddr, limit: u32, now: u64) -> Result<(), u64> {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if counts.len() >= MAX_ENTRIES {
            counts.retain(|_, (start, _)| now < *start + WINDOW_SECS);
            if counts.len() >= MAX_ENTRIES {
                counts.clear();
            }
        }
        let entry = counts.entry((form, address)).or_insert((now, 0));
        if now >= entry.0 + WINDOW_SECS {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            return Err((entry.0 + WINDOW_SECS).saturating_sub(now).max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_and_address_has_its_own_hour() {
        let r = RateLimits::default();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(r.admit(Form::Registration, a, 2, 1000).is_ok());
        assert!(r.admit(Form::Registration, a, 2, 1001).is_ok());
        assert_eq!(r.admit(Form::Registration, a, 2, 1100), Err(3500));
        assert!(r.admit(Form::Registration, b, 2, 1100).is_ok());
        assert!(r.admit(Form::Recovery, a, 2, 1100).is_ok());
        assert!(
            r.admit(Form::Registration, a, 2, 1000 + WINDOW_SECS)
                .is_ok()
        );
    }
}
