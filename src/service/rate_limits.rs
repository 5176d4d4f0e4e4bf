//! Hourly counts, per client address, of the forms that cost a mail or a record
//! (registrations, anonymous requests, recovery steps, confirmation resends), against the
//! `[limits]` settings, in [`WindowCounts`].

use std::net::IpAddr;

use crate::clock::WindowCounts;
use crate::config::LimitsConfig;

/// The counting window, in seconds.
pub const WINDOW_SECS: u64 = 3600;

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

/// The window of the API's per-token limit (`api.requests_per_minute`), in seconds.
pub const API_WINDOW_SECS: u64 = 60;

/// The counters.
#[derive(Debug)]
pub struct RateLimits {
    counts: WindowCounts<(Form, IpAddr)>,
    /// Requests per API access token (by its hash), per minute.
    tokens: WindowCounts<[u8; 32]>,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            counts: WindowCounts::new(WINDOW_SECS),
            tokens: WindowCounts::new(API_WINDOW_SECS),
        }
    }
}

impl RateLimits {
    /// Counts one use of `form` from `address`; `Err(seconds)` when it is past `limit`
    /// within the hour, with the seconds until the hour is over.
    pub fn admit(&self, form: Form, address: IpAddr, limit: u32, now: u64) -> Result<(), u64> {
        self.counts
            .bump_below(&(form, address), limit, now)
            .map(|_| ())
    }

    /// Counts one API request made with the token hashing to `token`; `Err(seconds)`
    /// when it is past `limit` within the minute, with the seconds until it is over.
    pub fn admit_token(&self, token: [u8; 32], limit: u32, now: u64) -> Result<(), u64> {
        self.tokens.bump_below(&token, limit, now).map(|_| ())
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
