//! Formatting of dates and times for pages (UTC, ISO order: unambiguous in every language).

use std::fmt::Write as _;

use maud::{Markup, PreEscaped, html};
use time::OffsetDateTime;

/// The calendar parts of an instant in UTC, or `None` outside the calendar.
struct Parts {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Parts {
    fn of(unix: u64) -> Option<Self> {
        let t = OffsetDateTime::from_unix_timestamp(i64::try_from(unix).ok()?).ok()?;
        let (hour, minute, second) = t.to_hms();
        Some(Parts {
            year: t.year(),
            month: u8::from(t.month()),
            day: t.day(),
            hour,
            minute,
            second,
        })
    }

    /// `2026-11-26`
    fn date(&self, out: &mut String) {
        let _ = write!(out, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
    }

    /// `14:05 UTC`
    fn time(&self, out: &mut String) {
        let _ = write!(out, "{:02}:{:02} UTC", self.hour, self.minute);
    }

    /// `2026-11-26T14:05:09Z`, as `<time datetime>` wants it.
    fn iso(&self, out: &mut String) {
        self.date(out);
        let _ = write!(
            out,
            "T{:02}:{:02}:{:02}Z",
            self.hour, self.minute, self.second
        );
    }
}

/// A date in a page: `<time>`, kept on one line (a date never breaks at its hyphens).
pub fn when_date(unix: u64) -> Markup {
    let Some(p) = Parts::of(unix) else {
        return html! { time.when datetime="" {} };
    };
    // Digits, hyphens and colons only: nothing to escape.
    let mut out = String::with_capacity(64);
    out.push_str(r#"<time class="when" datetime=""#);
    p.iso(&mut out);
    out.push_str(r#"">"#);
    p.date(&mut out);
    out.push_str("</time>");
    PreEscaped(out)
}

/// A date and time in a page: each kept whole, the line may break between the two.
/// Written straight into the page: a list shows a hundred of them.
pub fn when(unix: u64) -> Markup {
    let Some(p) = Parts::of(unix) else {
        return html! { time.when datetime="" { span {} " " span {} } };
    };
    // Digits, hyphens, colons and "UTC" only: nothing to escape.
    let mut out = String::with_capacity(96);
    out.push_str(r#"<time class="when" datetime=""#);
    p.iso(&mut out);
    out.push_str(r#""><span>"#);
    p.date(&mut out);
    out.push_str("</span> <span>");
    p.time(&mut out);
    out.push_str("</span></time>");
    PreEscaped(out)
}

/// `2026-11-26T14:05:09Z` (RFC 3339, as the JSON API writes instants).
pub fn rfc3339(unix: u64) -> String {
    let mut out = String::with_capacity(20);
    if let Some(p) = Parts::of(unix) {
        p.iso(&mut out);
    }
    out
}

/// `2026-11-26`
pub fn date(unix: u64) -> String {
    let mut out = String::with_capacity(10);
    if let Some(p) = Parts::of(unix) {
        p.date(&mut out);
    }
    out
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
    let mut out = String::with_capacity(20);
    if let Some(p) = Parts::of(unix) {
        p.date(&mut out);
        out.push(' ');
        p.time(&mut out);
    }
    out
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
        assert_eq!(
            super::when_date(1_795_000_000).into_string(),
            r#"<time class="when" datetime="2026-11-18T11:06:40Z">2026-11-18</time>"#
        );
        assert_eq!(super::date(u64::MAX), "");
        assert_eq!(super::rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(super::date_time(u64::MAX), "");
    }
}
