//! SMA serial numbers: decimal, 6 to 10 digits, at most 4294967295 (SMA's protocol keeps
//! them as unsigned 32-bit numbers); spaces the user typed are ignored.

use std::fmt;

use super::FieldError;

/// A valid serial number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SerialNumber(u32);

impl SerialNumber {
    /// Parses what a user typed (or an import file holds).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err("field-required");
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err("serial-not-digits");
        }
        if !(6..=10).contains(&digits.len()) {
            return Err("serial-length");
        }
        digits
            .parse::<u32>()
            .map(SerialNumber)
            .map_err(|_| "serial-too-large")
    }

    /// The number.
    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for SerialNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_sma_serials_ignoring_spaces() {
        assert_eq!(
            SerialNumber::parse("2130012345").unwrap().value(),
            2_130_012_345
        );
        assert_eq!(
            SerialNumber::parse(" 213 001 2345 ").unwrap().value(),
            2_130_012_345
        );
        assert_eq!(SerialNumber::parse("123456").unwrap().value(), 123_456);
        assert_eq!(SerialNumber::parse("4294967295").unwrap().value(), u32::MAX);
    }

    #[test]
    fn refuses_malformed_serials() {
        assert_eq!(SerialNumber::parse(""), Err("field-required"));
        assert_eq!(SerialNumber::parse("12345"), Err("serial-length"));
        assert_eq!(SerialNumber::parse("12345678901"), Err("serial-length"));
        assert_eq!(SerialNumber::parse("4294967296"), Err("serial-too-large"));
        assert_eq!(SerialNumber::parse("SN-123456"), Err("serial-not-digits"));
        assert_eq!(
            SerialNumber::parse("１２３４５６"),
            Err("serial-not-digits")
        );
    }
}
