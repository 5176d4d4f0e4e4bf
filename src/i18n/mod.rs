//! Translation: every user-facing string goes through [`Translator::t`] and friends.
//!
//! Messages live in Fluent files embedded from `assets/i18n/{fr,de,en}/*.ftl`. This module
//! knows the supported languages ([`Lang`]), loads the bundles once at start-up, and picks
//! a visitor's language (see [`negotiate`]). It does not know about cookies or requests.

mod negotiate;

use std::collections::BTreeSet;
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;

pub use negotiate::negotiate;

/// What a missing message renders as: visible in a page, and searched for by tests.
pub const MISSING_MARK: &str = "⟦missing:";

crate::codes::stored_codes! {
    /// A language the portal is translated into.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Lang {
        /// Français
        Fr = 0 => "fr",
        /// Deutsch
        De = 1 => "de",
        /// English
        En = 2 => "en",
    }
}

impl Lang {
    /// Every supported language, in the order the language switch shows them.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::De, Lang::En];

    /// The BCP 47 code (`fr`, `de`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// Parses a code such as `de` or `de-CH` (only the primary subtag counts).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language a form chose: exactly one of the codes offered (`fr`, `de`, `en`),
    /// else the message id `language-unknown`.
    pub fn parse_choice(code: &str) -> Result<Lang, &'static str> {
        Lang::from_code(code)
            .filter(|l| l.code() == code)
            .ok_or("language-unknown")
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(RustEmbed)]
#[folder = "assets/i18n/"]
#[include = "*.ftl"]
struct Messages;

/// Why the embedded messages could not be loaded (a build defect, caught by tests).
#[derive(Debug, thiserror::Error)]
#[error("translation file {file}: {message}")]
pub struct I18nError {
    file: String,
    message: String,
}

/// The loaded messages of every language.
pub struct Translator {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl fmt::Debug for Translator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translator").finish_non_exhaustive()
    }
}

/// Arguments for a message with placeables, e.g. `{ $name }`.
pub type Args<'a> = FluentArgs<'a>;

impl Translator {
    /// Loads every embedded `.ftl` file of every language.
    pub fn load() -> Result<Self, I18nError> {
        let mut bundles = Vec::with_capacity(Lang::ALL.len());
        for lang in Lang::ALL {
            let langid = lang.code().parse().map_err(|_| I18nError {
                file: lang.code().to_owned(),
                message: "bad language identifier".to_owned(),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Unicode isolation marks would end up inside HTML attributes and e-mails.
            bundle.set_use_isolating(false);
            for file in files_of(lang) {
                let source = Messages::get(&file).map(|f| f.data).unwrap_or_default();
                let text = String::from_utf8(source.into_owned()).map_err(|_| I18nError {
                    file: file.clone(),
                    message: "not UTF-8".to_owned(),
                })?;
                let resource = FluentResource::try_new(text).map_err(|(_, errors)| I18nError {
                    file: file.clone(),
                    message: format!("{errors:?}"),
                })?;
                bundle.add_resource(resource).map_err(|errors| I18nError {
                    file: file.clone(),
                    message: format!("{errors:?}"),
                })?;
            }
            bundles.push(bundle);
        }
        Ok(Self { bundles })
    }

    /// The message `id` in `lang`.
    pub fn t(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None)
    }

    /// The message `id` in `lang`, with arguments.
    pub fn t_args(&self, lang: Lang, id: &str, args: &Args<'_>) -> String {
        self.format(lang, id, Some(args))
    }

    fn format(&self, lang: Lang, id: &str, args: Option<&Args<'_>>) -> String {
        let bundle = &self.bundles[lang.index()];
        let (message_id, attribute) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let pattern = bundle
            .get_message(message_id)
            .and_then(|m| match attribute {
                Some(a) => m.get_attribute(a).map(|a| a.value()),
                None => m.value(),
            });
        let Some(pattern) = pattern else {
            tracing::warn!(lang = lang.code(), id, "missing translation");
            return format!("{MISSING_MARK}{id}⟧");
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(lang = lang.code(), id, ?errors, "translation error");
        }
        text.into_owned()
    }

    /// The ids of every message (and `message.attribute`) defined for `lang`.
    pub fn message_ids(lang: Lang) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for file in files_of(lang) {
            let Some(source) = Messages::get(&file) else {
                continue;
            };
            let text = String::from_utf8_lossy(&source.data).into_owned();
            let Ok(resource) = FluentResource::try_new(text) else {
                continue;
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.insert(m.id.name.to_owned());
                    for a in &m.attributes {
                        ids.insert(format!("{}.{}", m.id.name, a.id.name));
                    }
                }
            }
        }
        ids
    }
}

/// Builds Fluent arguments from pairs: `args(&[("name", "Anna")])`. Values that are
/// whole numbers are passed as numbers, so plural forms (`[one]`, `[other]`) apply.
pub fn args<'a>(pairs: &[(&'a str, &'a str)]) -> Args<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        match v.parse::<i64>() {
            // "+49…" and "007…" stay text: they are not quantities.
            Ok(n) if !(v.starts_with('+') || (v.len() > 1 && v.starts_with('0'))) => {
                a.set(*k, FluentValue::from(n))
            }
            _ => a.set(*k, FluentValue::from(*v)),
        }
    }
    a
}

fn files_of(lang: Lang) -> Vec<String> {
    let prefix = format!("{}/", lang.code());
    let mut files: Vec<String> = Messages::iter()
        .filter(|f| f.starts_with(&prefix))
        .map(|f| f.into_owned())
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_defines_the_same_messages() {
        let reference = Translator::message_ids(Lang::En);
        assert!(reference.len() > 10, "English messages are loaded");
        for lang in Lang::ALL {
            let ids = Translator::message_ids(lang);
            let missing: Vec<_> = reference.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&reference).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
    }

    #[test]
    fn all_bundles_load_and_format() {
        let t = Translator::load().unwrap();
        for lang in Lang::ALL {
            assert!(!t.t(lang, "nav-profile").contains(MISSING_MARK));
        }
        assert!(t.t(Lang::De, "no-such-message").starts_with(MISSING_MARK));
    }

    #[test]
    fn numbers_select_plural_forms() {
        let t = Translator::load().unwrap();
        assert_eq!(
            t.t_args(Lang::En, "subplant-devices", &args(&[("count", "1")])),
            "one device"
        );
        assert_eq!(
            t.t_args(Lang::En, "subplant-devices", &args(&[("count", "3")])),
            "3 devices"
        );
    }

    #[test]
    fn every_message_the_code_names_exists() {
        // Literal ids in `t("…")`, `t_args("…"` and error ids given to forms.
        let ids = Translator::message_ids(Lang::En);
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [".t(\"", ".t_args(\"", "Err(\""] {
                    for (i, _) in text.match_indices(marker) {
                        let rest = &text[i + marker.len()..];
                        let Some(end) = rest.find('"') else { continue };
                        let id = &rest[..end];
                        let plain = id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                        if plain && !id.is_empty() && !ids.contains(id) {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages used but not defined:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn language_codes_parse() {
        assert_eq!(Lang::from_code("de-CH"), Some(Lang::De));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("it"), None);
    }
}
