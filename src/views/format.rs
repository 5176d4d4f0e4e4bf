//! Formatting of dates and times for pages (UTC, ISO order: unambiguous in every language).

use maud::{Markup, html};
use time::OffsetDateTime;
use time::macros::format_description;

/// A date in a page: `<time>`, kept on one line (a date never breaks at its hyphens).
pub fn when_date(unix: u64) -> Markup {
    html! { time.when datetime=(iso(unix)) { (date(unix)) } }
}

/// A date and time in a page: each kept whole, the line may break between the two.
pub fn when(unix: u64) -> Markup {
    let text = date_time(unix);
    let (day, hour) = text.split_once(' ').unwrap_or((&text, ""));
    html! { time.when datetime=(iso(unix)) { span { (day) } " " span { (hour) } } }
}

/// The machine-readable instant of `unix`, as `<time datetime>` wants it.
fn iso(unix: u64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(i64::try_from(unix).unwrap_or(0)) else {
        return String::new();
    };
    t.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .unwrap_or_default()
}

/// `2026-11-26`
pub fn date(unix: u64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(i64::try_from(unix).unwrap_or(0)) else {
        return String::new();
    };
    t.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// Sizes as people read them: `532 B`, `14 KB`, `3.2 MB`, `2.28 GB`.
pub fn size(bytes: u64) -> String {
    const K: f64 = 1024.0;
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.0} KB", b as f64 / K),
        b if b < 1024 * 1024 * 1024 => format!("{:.1} MB", b as f64 / (K * K)),
        b => format!("{:.2} GB", b as f64 / (K * K * K)),
    }
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
        assert_eq!(
            super::when(1_795_000_000).into_string(),
            r#"<time class="when" datetime="2026-11-18T11:06:40Z"><span>2026-11-18</span> <span>11:06 UTC</span></time>"#
        );
    }
}
