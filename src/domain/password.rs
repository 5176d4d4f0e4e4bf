//! The password policy: 12 to 128 characters, not the e-mail address, not guessable
//! (zxcvbn score of at least 3, with the person's own data as known inputs).

use super::FieldError;

/// Shortest password accepted.
pub const MIN_CHARS: usize = 12;
/// Longest password accepted (argon2 would take more, people never need it).
pub const MAX_CHARS: usize = 128;

/// A new password that satisfies the policy. Its `Debug` never shows it.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Which field a password problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Shown next to `password`.
    Password(FieldError),
    /// Shown next to `password_confirm`.
    Confirm(FieldError),
}

impl NewPassword {
    /// Checks `password` (and its confirmation) against the policy. `personal` are the
    /// person's e-mail, names and company: a password built from them is refused.
    pub fn parse(
        password: &str,
        confirm: &str,
        email: &str,
        personal: &[&str],
    ) -> Result<Self, PasswordProblem> {
        let chars = password.chars().count();
        if chars == 0 {
            return Err(PasswordProblem::Password("field-required"));
        }
        if chars < MIN_CHARS {
            return Err(PasswordProblem::Password("password-too-short"));
        }
        if chars > MAX_CHARS {
            return Err(PasswordProblem::Password("password-too-long"));
        }
        let lowered = password.trim().to_lowercase();
        let email = email.trim().to_lowercase();
        if !email.is_empty()
            && (lowered == email || email.split('@').next().is_some_and(|l| l == lowered))
        {
            return Err(PasswordProblem::Password("password-is-email"));
        }
        // The person's own words, also as people type them without accents or umlauts.
        let mut words: Vec<String> = Vec::new();
        for p in personal.iter().filter(|s| !s.trim().is_empty()) {
            let lower = p.trim().to_lowercase();
            words.push(crate::domain::fold::fold(&lower));
            words.push(
                lower
                    .replace('ä', "ae")
                    .replace('ö', "oe")
                    .replace('ü', "ue"),
            );
            words.push(lower);
        }
        let mut inputs: Vec<&str> = words.iter().map(String::as_str).collect();
        inputs.push(&email);
        inputs.extend(["solar", "sma", "sunny", "service", "portal", "osc"]);
        let score: u8 = zxcvbn::zxcvbn(password, &inputs).score().into();
        if score < 3 {
            return Err(PasswordProblem::Password("password-too-weak"));
        }
        if password != confirm {
            return Err(PasswordProblem::Confirm("password-mismatch"));
        }
        Ok(Self(password.to_owned()))
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PasswordProblem::*;

    #[test]
    fn strong_passwords_pass() {
        let p = NewPassword::parse(
            "Kranich-Dachrinne-47",
            "Kranich-Dachrinne-47",
            "anna@example.com",
            &["Anna"],
        )
        .unwrap();
        assert_eq!(p.expose(), "Kranich-Dachrinne-47");
        assert!(!format!("{p:?}").contains("Kranich"));
    }

    #[test]
    fn policy_refusals() {
        let e = "anna.mueller@example.com";
        assert_eq!(
            NewPassword::parse("", "", e, &[]).unwrap_err(),
            Password("field-required")
        );
        assert_eq!(
            NewPassword::parse("Short1!", "Short1!", e, &[]).unwrap_err(),
            Password("password-too-short")
        );
        let long = "x".repeat(129);
        assert_eq!(
            NewPassword::parse(&long, &long, e, &[]).unwrap_err(),
            Password("password-too-long")
        );
        assert_eq!(
            NewPassword::parse(e, e, e, &[]).unwrap_err(),
            Password("password-is-email")
        );
        assert_eq!(
            NewPassword::parse("password1234", "password1234", e, &[]).unwrap_err(),
            Password("password-too-weak")
        );
        assert_eq!(
            NewPassword::parse("MuellerMueller", "MuellerMueller", e, &["Anna", "Müller"])
                .unwrap_err(),
            Password("password-too-weak")
        );
        assert_eq!(
            NewPassword::parse("Kranich-Dachrinne-47", "Kranich-Dachrinne-48", e, &[]).unwrap_err(),
            Confirm("password-mismatch")
        );
    }
}
