//! Postal codes as each offered country writes them (`docs/domain.md`, "Addresses"):
//! checked against the country's shape and written the way its post writes them (Czech
//! "110 00", Dutch "1234 AB", Polish "00-950", Portuguese "1000-001", British "SW1A 1AA").

use super::{Country, FieldError};

/// The postal code `typed` for `country`, checked and written in its usual form. Without
/// a known country (its own field is wrong) only presence and length are checked.
pub fn parse(typed: &str, country: Option<Country>) -> Result<String, FieldError> {
    let code = super::required_text(typed, 12)?.to_ascii_uppercase();
    let Some(country) = country else {
        return Ok(code);
    };
    let plain: String = code.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_uppercase());
    match country.code() {
        "AT" | "BE" | "CH" | "DK" | "LI" => digits(&plain, 4)
            .then_some(plain)
            .ok_or("postal-code-4-digits"),
        // Luxembourg's are often written "L-1234".
        "LU" => {
            let bare = plain.strip_prefix('L').unwrap_or(&plain).to_owned();
            digits(&bare, 4)
                .then_some(bare)
                .ok_or("postal-code-4-digits")
        }
        "DE" | "ES" | "FR" | "IT" => digits(&plain, 5)
            .then_some(plain)
            .ok_or("postal-code-5-digits"),
        "CZ" => digits(&plain, 5)
            .then(|| format!("{} {}", &plain[..3], &plain[3..]))
            .ok_or("postal-code-cz"),
        "NL" => (plain.len() == 6
            && digits(&plain[..4], 4)
            && !plain.starts_with('0')
            && letters(&plain[4..]))
        .then(|| format!("{} {}", &plain[..4], &plain[4..]))
        .ok_or("postal-code-nl"),
        "PL" => digits(&plain, 5)
            .then(|| format!("{}-{}", &plain[..2], &plain[2..]))
            .ok_or("postal-code-pl"),
        "PT" => digits(&plain, 7)
            .then(|| format!("{}-{}", &plain[..4], &plain[4..]))
            .ok_or("postal-code-pt"),
        "GB" => british(&plain).ok_or("postal-code-gb"),
        _ => Ok(code),
    }
}

/// A British postcode without spaces ("SW1A1AA") in its usual form, if it is one: an
/// outward code of one or two letters, a digit and an optional letter or digit, then an
/// inward code of a digit and two letters.
fn british(plain: &str) -> Option<String> {
    if !(5..=7).contains(&plain.len()) || !plain.is_ascii() {
        return None;
    }
    let (outward, inward) = plain.split_at(plain.len() - 3);
    let inward_ok = inward.as_bytes()[0].is_ascii_digit()
        && inward[1..].bytes().all(|b| b.is_ascii_uppercase());
    let area = outward.bytes().take_while(u8::is_ascii_uppercase).count();
    let district = &outward[area..];
    let outward_ok = (1..=2).contains(&area)
        && !district.is_empty()
        && district.len() <= 2
        && district.as_bytes()[0].is_ascii_digit()
        && district.bytes().all(|b| b.is_ascii_alphanumeric());
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Option<Country> {
        Country::parse(code).ok()
    }

    #[test]
    fn each_country_s_shape_is_checked_and_written_its_way() {
        for (code, typed, written) in [
            ("DE", " 34266 ", "34266"),
            ("FR", "75001", "75001"),
            ("AT", "8010", "8010"),
            ("CH", "8001", "8001"),
            ("LU", "L-1234", "1234"),
            ("CZ", "11000", "110 00"),
            ("CZ", "110 00", "110 00"),
            ("NL", "1234ab", "1234 AB"),
            ("PL", "00950", "00-950"),
            ("PT", "1000-001", "1000-001"),
            ("GB", "sw1a1aa", "SW1A 1AA"),
            ("GB", "M1 1AE", "M1 1AE"),
            ("GB", "EC1A 1BB", "EC1A 1BB"),
        ] {
            assert_eq!(
                parse(typed, country(code)).as_deref(),
                Ok(written),
                "{code} {typed}"
            );
        }
        for (code, typed, message) in [
            ("DE", "ABC", "postal-code-5-digits"),
            ("DE", "3426", "postal-code-5-digits"),
            ("AT", "80100", "postal-code-4-digits"),
            ("NL", "0123 AB", "postal-code-nl"),
            ("NL", "1234 5B", "postal-code-nl"),
            ("PL", "0095", "postal-code-pl"),
            ("GB", "12345", "postal-code-gb"),
        ] {
            assert_eq!(parse(typed, country(code)), Err(message), "{code} {typed}");
        }
        assert_eq!(parse("  ", country("DE")), Err("field-required"));
        assert_eq!(parse("whatever", None).as_deref(), Ok("WHATEVER"));
    }
}
