//! Countries, as ISO 3166-1 alpha-2 codes, with their names in every language.

use super::FieldError;
use crate::i18n::Lang;

/// A country the portal knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(&'static str);

/// (code, French, German, English) of the countries offered in address forms: the
/// manufacturer's European markets.
const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("AT", "Autriche", "Österreich", "Austria"),
    ("BE", "Belgique", "Belgien", "Belgium"),
    ("CH", "Suisse", "Schweiz", "Switzerland"),
    ("CZ", "Tchéquie", "Tschechien", "Czechia"),
    ("DE", "Allemagne", "Deutschland", "Germany"),
    ("DK", "Danemark", "Dänemark", "Denmark"),
    ("ES", "Espagne", "Spanien", "Spain"),
    ("FR", "France", "Frankreich", "France"),
    (
        "GB",
        "Royaume-Uni",
        "Vereinigtes Königreich",
        "United Kingdom",
    ),
    ("IT", "Italie", "Italien", "Italy"),
    ("LI", "Liechtenstein", "Liechtenstein", "Liechtenstein"),
    ("LU", "Luxembourg", "Luxemburg", "Luxembourg"),
    ("NL", "Pays-Bas", "Niederlande", "Netherlands"),
    ("PL", "Pologne", "Polen", "Poland"),
    ("PT", "Portugal", "Portugal", "Portugal"),
];

impl Country {
    /// Parses a code such as `de` or `DE`.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let code = input.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err("field-choose");
        }
        COUNTRIES
            .iter()
            .find(|c| c.0 == code)
            .map(|c| Country(c.0))
            .ok_or("country-unknown")
    }

    /// Every country, for select boxes.
    pub fn all() -> impl Iterator<Item = Country> {
        COUNTRIES.iter().map(|c| Country(c.0))
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The country's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let row = COUNTRIES
            .iter()
            .find(|c| c.0 == self.0)
            .expect("known country");
        match lang {
            Lang::Fr => row.1,
            Lang::De => row.2,
            Lang::En => row.3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_codes() {
        assert_eq!(Country::parse(" de").unwrap().code(), "DE");
        assert_eq!(Country::parse("XX"), Err("country-unknown"));
        assert_eq!(Country::parse(""), Err("field-choose"));
        assert_eq!(Country::parse("CH").unwrap().name(Lang::De), "Schweiz");
    }
}
