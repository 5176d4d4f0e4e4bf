//! E-mail addresses: the log-in name, unique per instance, compared case-insensitively.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::FieldError;

/// A syntactically valid e-mail address, trimmed and lower-cased (so that comparing two
/// is comparing their strings).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses what a user typed.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err("field-required");
        }
        if value.len() > 254 {
            return Err("email-invalid");
        }
        let Some((local, domain)) = value.rsplit_once('@') else {
            return Err("email-invalid");
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !(local_ok && domain_ok) {
            return Err("email-invalid");
        }
        // lettre must accept it too, or we could never write to it.
        if value.parse::<lettre::Address>().is_err() {
            return Err("email-invalid");
        }
        Ok(Self(value))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(
            Email::parse("  Anna.Mueller@Example.COM ")
                .unwrap()
                .as_str(),
            "anna.mueller@example.com"
        );
        assert!(Email::parse("a+tag@sub.example.de").is_ok());
    }

    #[test]
    fn refuses_malformed() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "an..na@example.com",
            "anna@exa mple.com",
            "anna@-example.com",
            "<script>@x.de",
            "a@b@c.de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}
