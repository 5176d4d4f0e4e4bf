//! Folding text for comparison: case, accents and German umlaut spellings
//! (`Müller`, `MULLER` and `Mueller` meet), used for company matching and name search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, removes accents and collapses white space: `"  Société  Générale "` →
/// `"societe generale"`. `ß` becomes `ss`.
pub fn fold(text: &str) -> String {
    let lowered = text.to_lowercase().replace('ß', "ss");
    let stripped: String = lowered.nfd().filter(|c| !is_combining_mark(*c)).collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`fold`], and also the German transliterations `ae`, `oe`, `ue` read as `a`, `o`, `u`
/// so that `Mueller` and `Müller` compare equal.
pub fn fold_german(text: &str) -> String {
    fold(text)
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_spaces() {
        assert_eq!(fold("  Société   Générale "), "societe generale");
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn german_spellings_meet() {
        assert_eq!(fold_german("Mueller"), fold_german("Müller"));
        assert_eq!(fold_german("MÜLLER"), "muller");
    }
}
