//! The words of a query and the index terms they stand for.
//!
//! A word is looked up in message bodies as typed (lower case: bodies are indexed so),
//! and in names in both spellings the names are indexed under (the README's "Ticket
//! Tracking"): folded (`Müller` → `muller`, `Mueller` → `mueller`) and with the German
//! transliterations read as umlauts (`Mueller` → `muller`), each through the names'
//! analyzer, so `ø` meets `o` as it does in the index.
//!
//! Prefixes and typos are expanded here into the terms of the names field they reach,
//! read from each segment's term dictionary, rather than left to tantivy's range and
//! fuzzy queries: those mark every posting of every matching term across the whole index
//! before the scope is applied, so their cost grew with the biggest name's requests;
//! a union of the expanded terms is read lazily, and a scoped search stops at the hits
//! it needs.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};
use tantivy_fst::Automaton;

use crate::domain::fold::{fold, fold_german};

/// Terms a prefix or a typo may stand for, at most; a word that reaches more is looked
/// up by its whole spellings only.
const MAX_EXPANSION: usize = 512;

/// Letters a name must have, as typed, for one typo to be forgiven.
pub const TYPO_LETTERS: usize = 5;

/// A word of the query in the spellings it is looked up by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As message bodies are indexed: lower case.
    pub body: String,
    /// As names are indexed: each distinct spelling.
    pub names: Vec<String>,
    /// Letters as typed (`Bauer`: 5, though one spelling is `baur`).
    pub letters: usize,
}

/// The words of `text`, split where neither letters nor digits are.
pub fn words(text: &str, names: &mut TextAnalyzer) -> Vec<Word> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut spellings = Vec::new();
            for form in [fold(w), fold_german(w)] {
                let mut stream = names.token_stream(&form);
                while let Some(token) = stream.next() {
                    if !spellings.contains(&token.text) {
                        spellings.push(token.text.clone());
                    }
                }
            }
            Word {
                body: w.to_lowercase(),
                names: spellings,
                letters: w.chars().count(),
            }
        })
        .collect()
}

/// How far a word reaches into the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Its spellings themselves.
    Exact,
    /// The names its spellings begin.
    Prefix,
    /// The names one edit (a letter changed, added, dropped or two swapped) from a
    /// spelling, for words of [`TYPO_LETTERS`] letters or more; shorter ones their
    /// prefixes.
    Typo,
}

/// What a word reaches in the names: terms to read lazily, and, for a spelling whose
/// prefixes or typos reach more than [`MAX_EXPANSION`] terms, that spelling to match with
/// a range or fuzzy query instead.
#[derive(Debug, Clone)]
pub struct NameMatch {
    /// Terms present in at least one segment, sorted.
    pub terms: Vec<Term>,
    /// Spellings that reach too many terms to list.
    pub wide: Vec<String>,
    /// How far the word reached (a typo of a short word reaches as a prefix): beyond
    /// [`Reach::Exact`], the terms are names it begins or is a typo of, not its own
    /// spellings.
    pub reach: Reach,
}

/// The prefix of a company's terms in the company-scoped names (`836:`).
pub fn company_prefix(company: u64) -> String {
    format!("{company}:")
}

/// What `word` reaches in `field` at `reach`, among the terms that begin with `scope`
/// (`836:` in the company-scoped names, empty in the names of everyone); the terms keep
/// the prefix, the spellings in `wide` do not.
pub fn name_terms(
    searcher: &Searcher,
    field: Field,
    scope: &str,
    word: &Word,
    reach: Reach,
) -> NameMatch {
    let reach = match reach {
        Reach::Typo if word.letters < TYPO_LETTERS => Reach::Prefix,
        other => other,
    };
    let mut found: BTreeSet<Vec<u8>> = BTreeSet::new();
    let mut wide = Vec::new();
    for spelling in &word.names {
        let scoped = format!("{scope}{spelling}");
        if reach == Reach::Exact {
            let term = Term::from_field_text(field, &scoped);
            if searcher.doc_freq(&term).is_ok_and(|n| n > 0) {
                found.insert(scoped.into_bytes());
            }
            continue;
        }
        let mut mine = BTreeSet::new();
        if expand(searcher, field, scope, spelling, reach, &mut mine) {
            found.extend(mine);
        } else {
            wide.push(spelling.clone());
        }
    }
    NameMatch {
        terms: found
            .into_iter()
            .filter_map(|bytes| String::from_utf8(bytes).ok())
            .map(|text| Term::from_field_text(field, &text))
            .collect(),
        wide,
        reach,
    }
}

/// Adds the terms beginning with `scope` that `spelling` reaches after it to `found`;
/// false when they were more than [`MAX_EXPANSION`].
fn expand(
    searcher: &Searcher,
    field: Field,
    scope: &str,
    spelling: &str,
    reach: Reach,
    found: &mut BTreeSet<Vec<u8>>,
) -> bool {
    let scoped = format!("{scope}{spelling}");
    // Built once for all segments: it is the costly part of a typo.
    let dfa = (reach == Reach::Typo).then(|| typo_builder().build_dfa(spelling));
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let dict = inverted.terms();
        let streamed = match reach {
            Reach::Exact => continue,
            Reach::Prefix => {
                let mut upper = scoped.as_bytes().to_vec();
                upper.extend_from_slice("\u{10FFFF}".as_bytes());
                dict.range()
                    .ge(scoped.as_bytes())
                    .lt(&upper)
                    .into_stream()
                    .map(|mut s| collect(&mut s, found))
            }
            Reach::Typo => {
                let Some(dfa) = &dfa else { continue };
                let edits = OneEdit {
                    scope: scope.as_bytes(),
                    dfa,
                };
                // The scope's terms only: the walk starts at the first of them.
                let mut upper = scope.as_bytes().to_vec();
                upper.extend_from_slice("\u{10FFFF}".as_bytes());
                dict.search(edits)
                    .ge(scope.as_bytes())
                    .lt(&upper)
                    .into_stream()
                    .map(|mut s| collect(&mut s, found))
            }
        };
        if streamed.is_ok_and(|complete| !complete) {
            return false;
        }
    }
    true
}

/// Moves a stream's terms into `found`; false once it holds more than [`MAX_EXPANSION`].
fn collect<A: Automaton>(
    stream: &mut tantivy::termdict::TermStreamer<'_, A>,
    found: &mut BTreeSet<Vec<u8>>,
) -> bool
where
    A::State: Clone,
{
    while stream.advance() {
        found.insert(stream.key().to_vec());
        if found.len() > MAX_EXPANSION {
            return false;
        }
    }
    true
}

/// One edit away, transpositions counted as one (built once: the tables are large).
fn typo_builder() -> &'static LevenshteinAutomatonBuilder {
    static BUILDER: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    BUILDER.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
}

/// A Levenshtein automaton walking the term dictionary, after the scope's prefix taken
/// as it is (no edit may turn one company's terms into another's).
struct OneEdit<'a> {
    scope: &'a [u8],
    dfa: &'a DFA,
}

/// How far into the scope the walk is, or the automaton's state after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    InScope(usize),
    Word(u32),
    Off,
}

impl Automaton for OneEdit<'_> {
    type State = Walk;

    fn start(&self) -> Walk {
        if self.scope.is_empty() {
            Walk::Word(self.dfa.initial_state())
        } else {
            Walk::InScope(0)
        }
    }

    fn is_match(&self, state: &Walk) -> bool {
        matches!(state, Walk::Word(s) if matches!(self.dfa.distance(*s), Distance::Exact(_)))
    }

    fn can_match(&self, state: &Walk) -> bool {
        match state {
            Walk::InScope(_) => true,
            Walk::Word(s) => *s != SINK_STATE,
            Walk::Off => false,
        }
    }

    fn accept(&self, state: &Walk, byte: u8) -> Walk {
        match *state {
            Walk::InScope(at) if self.scope.get(at) == Some(&byte) => {
                if at + 1 == self.scope.len() {
                    Walk::Word(self.dfa.initial_state())
                } else {
                    Walk::InScope(at + 1)
                }
            }
            Walk::Word(s) => Walk::Word(self.dfa.transition(s, byte)),
            _ => Walk::Off,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> TextAnalyzer {
        use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer};
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build()
    }

    #[test]
    fn a_word_keeps_its_letters_and_both_spellings() {
        let w = &words("Bauer", &mut analyzer())[0];
        assert_eq!(w.names, ["bauer", "baur"]);
        assert_eq!(w.letters, 5);
        let w = &words("Rüegg", &mut analyzer())[0];
        assert_eq!(w.body, "rüegg");
        assert_eq!(w.names, ["ruegg", "rugg"]);
        let w = &words("Sørensen", &mut analyzer())[0];
        assert_eq!(w.names, ["sorensen"]);
        let w = &words("Groß", &mut analyzer())[0];
        assert_eq!(w.names, ["gross"]);
        assert_eq!(company_prefix(836), "836:");
        assert_eq!(words("Müller-Lüdenscheidt 3", &mut analyzer()).len(), 3);
    }
}
