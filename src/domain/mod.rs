//! Newtypes that parse: a handler that holds one of these holds a valid value. Each
//! `parse` returns the message id of what is wrong, ready to be shown next to the field.

pub mod account;
pub mod catalog;
pub mod country;
pub mod email;
pub mod field;
pub mod fold;
pub mod password;
pub mod postal_code;
pub mod security_question;
pub mod serial;
pub mod service_levels;
pub mod ticket;
pub mod upload;
pub mod user_agent;
pub mod warranty;
pub mod webhook;

pub use account::AccountType;
pub use country::Country;
pub use email::Email;
pub use password::NewPassword;
pub use security_question::SecurityQuestion;
pub use serial::SerialNumber;

/// A field's problem: the id of the message that explains it.
pub type FieldError = &'static str;

/// Trims `value` and refuses it when empty or longer than `max` characters.
pub fn required_text(value: &str, max: usize) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("field-required");
    }
    if trimmed.chars().count() > max {
        return Err("field-too-long");
    }
    if trimmed.chars().any(|c| c.is_control()) {
        return Err("field-invalid-characters");
    }
    Ok(trimmed.to_owned())
}

/// A text of several lines (a message): trimmed, not empty, at most `max` characters,
/// no control characters but line breaks and tabs.
pub fn required_text_multiline(value: &str, max: usize) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("field-required");
    }
    if trimmed.chars().count() > max {
        return Err("field-too-long");
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err("field-invalid-characters");
    }
    Ok(trimmed.replace("\r\n", "\n"))
}

/// Like [`required_text`], but an empty value is fine.
pub fn optional_text(value: &str, max: usize) -> Result<String, FieldError> {
    if value.trim().is_empty() {
        Ok(String::new())
    } else {
        required_text(value, max)
    }
}

/// A phone number: digits, spaces and `+ ( ) - / .`, 6 to 30 characters.
pub fn phone(value: &str) -> Result<String, FieldError> {
    let v = required_text(value, 30)?;
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if digits < 6
        || !v
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-/.".contains(c))
    {
        return Err("field-phone-invalid");
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields() {
        assert_eq!(required_text("  Anna ", 10).unwrap(), "Anna");
        assert_eq!(required_text("   ", 10), Err("field-required"));
        assert_eq!(required_text("abcdefghijk", 10), Err("field-too-long"));
        assert_eq!(
            required_text("a\u{0}b", 10),
            Err("field-invalid-characters")
        );
        assert_eq!(optional_text("", 10).unwrap(), "");
    }

    #[test]
    fn phones() {
        assert!(phone("+49 (0)561 9522-0").is_ok());
        assert_eq!(phone("12"), Err("field-phone-invalid"));
        assert_eq!(phone("call me"), Err("field-phone-invalid"));
    }
}
