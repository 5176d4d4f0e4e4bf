//! Choosing a visitor's language: their explicit choice, else the browser's
//! `Accept-Language`, else the instance default.

use super::Lang;

/// Picks the language for a request: `chosen` (the language cookie or, later, the
/// profile) wins; then the best supported entry of `accept_language` by q-value; then
/// `default`.
pub fn negotiate(chosen: Option<&str>, accept_language: Option<&str>, default: Lang) -> Lang {
    if let Some(lang) = chosen.and_then(Lang::from_code) {
        return lang;
    }
    accept_language.and_then(best_accepted).unwrap_or(default)
}

/// The supported language with the highest q-value in an `Accept-Language` header;
/// among equals, the first listed.
fn best_accepted(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        if let Some(lang) = Lang::from_code(tag)
            && best.is_none_or(|(_, bq)| q > bq)
        {
            best = Some((lang, q));
        }
    }
    best.map(|(l, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_choice_wins() {
        assert_eq!(negotiate(Some("en"), Some("de"), Lang::Fr), Lang::En);
    }

    #[test]
    fn accept_language_by_quality() {
        assert_eq!(
            negotiate(None, Some("it-IT,it;q=0.9,de;q=0.5,en;q=0.7"), Lang::Fr),
            Lang::En
        );
        assert_eq!(negotiate(None, Some("de-AT"), Lang::Fr), Lang::De);
        assert_eq!(
            negotiate(None, Some("en;q=0, de;q=0.1"), Lang::Fr),
            Lang::De
        );
    }

    #[test]
    fn falls_back_to_default() {
        assert_eq!(negotiate(None, Some("it, es"), Lang::De), Lang::De);
        assert_eq!(negotiate(Some("xx"), None, Lang::En), Lang::En);
        assert_eq!(negotiate(None, Some(";;;,q=,"), Lang::Fr), Lang::Fr);
    }
}
