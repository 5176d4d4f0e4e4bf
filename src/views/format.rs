//! Formatting of dates and times for pages (UTC, ISO order: unambiguous in every language).

use time::OffsetDateTime;
use time::macros::format_description;

/// `2026-11-26`
pub fn date(unix: u64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(i64::try_from(unix).unwrap_or(0)) else {
        return String::new();
    };
    t.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// `2026-11-26 14:05 UTC`
pub fn date_time(unix: u64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(i64::try_from(unix).unwrap_or(0)) else {
        return String::new();
    };
    t.format(format_description!(
        "[year]-[month]-[day] [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date_time(1_795_000_000), "2026-11-18 11:06 UTC");
    }
}
