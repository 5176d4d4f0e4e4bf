//! What a session's `User-Agent` says about the browser and the system it runs on, as
//! the list of sessions names them ("Firefox", "Windows"). Only the common browsers and
//! systems are told apart; anything else is unknown, never guessed.

/// Browsers, by a token of their `User-Agent`; the first that matches names it. Edge,
/// Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari", so they
/// come first.
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
];

/// Systems, by a token of their `User-Agent`; iPhones and Android phones also say
/// "Mac OS X" and "Linux", so they come first.
const SYSTEMS: &[(&str, &str)] = &[
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
];

fn first_of(user_agent: &str, names: &[(&str, &'static str)]) -> Option<&'static str> {
    names
        .iter()
        .find(|(token, _)| user_agent.contains(token))
        .map(|(_, name)| *name)
}

/// The browser and the system of `user_agent`, each when recognised.
pub fn describe(user_agent: &str) -> (Option<&'static str>, Option<&'static str>) {
    (
        first_of(user_agent, BROWSERS),
        first_of(user_agent, SYSTEMS),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_browsers_and_systems_are_named() {
        for (ua, browser, system) in [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                Some("Edge"),
                Some("Windows"),
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
                Some("Firefox"),
                Some("Linux"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                Some("Safari"),
                Some("iOS"),
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
                Some("Samsung Internet"),
                Some("Android"),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                Some("Chrome"),
                Some("macOS"),
            ),
            ("curl/8.11.1", Some("curl"), None),
            ("", None, None),
            ("something else", None, None),
        ] {
            assert_eq!(describe(ua), (browser, system), "{ua}");
        }
    }
}
