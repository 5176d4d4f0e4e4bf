//! Searching tickets: one box finds them by serial number (exact, or a prefix of at least
//! four digits), ticket number, customer name (case- and accent-insensitive, `Müller`,
//! `muller` and `mueller` alike, prefixes, one typo forgiven from five letters) and words
//! of the subject and messages; every word must match. The caller's scope and the
//! visibility window are part of the query itself, never applied to hits afterwards.

use std::ops::Bound;

use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::columns::WindowQuery;
use super::{SearchError, SearchIndex};
use crate::access::TicketScope;
use crate::domain::fold::fold_german;

/// What a query looked for, to say why tickets matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// A serial number (or its prefix).
    Serial,
    /// A ticket number.
    Number,
    /// Names and words.
    Words,
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// Terms of `field` that start with `prefix` (a term range: faster than a regex).
fn prefix(field: Field, prefix: &str) -> Box<dyn Query> {
    let mut upper = prefix.to_owned();
    upper.push(char::MAX);
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_text(field, prefix)),
        Bound::Excluded(Term::from_field_text(field, &upper)),
    ))
}

fn boost(q: Box<dyn Query>, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, by))
}

/// How hard a query tries: each step only when the one before found nothing, since
/// whole words are what people mostly type and term queries are an order of magnitude
/// cheaper than term ranges and automata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Whole words.
    Exact,
    /// Words that begin so (`mül` finds Müller), and serials that begin so.
    Prefix,
    /// One typo in names of five letters or more (`muler` finds Müller).
    Typo,
}

/// The matching part of the query, and what it looked for; `None` for an empty query.
fn matching(
    index: &SearchIndex,
    searcher: &tantivy::Searcher,
    text: &str,
    reach: Reach,
) -> Option<(Box<dyn Query>, Matched)> {
    let f = index.fields();
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 4 && compact.bytes().all(|b| b.is_ascii_digit()) {
        // A serial: a whole one (ten digits can only be whole), else exact first, then
        // the serials it begins.
        if compact.len() >= 10 {
            return Some((term(f.serials, &compact), Matched::Serial));
        }
        let q = BooleanQuery::new(vec![
            (Occur::Should, boost(term(f.serials, &compact), 10.0)),
            (Occur::Should, prefix(f.serials, &compact)),
        ]);
        return Some((Box::new(q), Matched::Serial));
    }
    let trimmed = text.trim();
    if trimmed.len() == 11
        && trimmed.as_bytes()[4] == b'-'
        && trimmed.bytes().filter(u8::is_ascii_digit).count() == 10
    {
        return Some((term(f.number, trimmed), Matched::Number));
    }
    let words: Vec<String> = fold_german(trimmed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut all = Vec::new();
    for w in &words {
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Terms the index does not hold are left out: a lone term query can skip the
        // blocks that cannot reach the top hits, a union with an empty term cannot.
        let known = |field: Field, word: &str| {
            searcher
                .doc_freq(&Term::from_field_text(field, word))
                .is_ok_and(|n| n > 0)
        };
        let body_word = w.to_lowercase();
        if reach != Reach::Exact || known(f.body, &body_word) {
            any.push((Occur::Should, term(f.body, &body_word)));
        }
        match reach {
            Reach::Exact => {
                if known(f.names, w) || any.is_empty() {
                    any.push((Occur::Should, term(f.names, w)));
                }
            }
            Reach::Prefix => any.push((Occur::Should, prefix(f.names, w))),
            Reach::Typo => {
                if w.chars().count() >= 5 {
                    any.push((
                        Occur::Should,
                        Box::new(FuzzyTermQuery::new(
                            Term::from_field_text(f.names, w),
                            1,
                            true,
                        )),
                    ));
                } else {
                    any.push((Occur::Should, prefix(f.names, w)));
                }
            }
        }
        let clause: Box<dyn Query> = if any.len() == 1 {
            any.pop().map(|(_, q)| q).expect("one clause")
        } else {
            Box::new(BooleanQuery::new(any))
        };
        all.push((Occur::Must, clause));
    }
    // One word alone stays a plain union of terms, which tantivy can prune (block-max
    // WAND) instead of scoring every match.
    if all.len() == 1 {
        return all.pop().map(|(_, q)| (q, Matched::Words));
    }
    Some((Box::new(BooleanQuery::new(all)), Matched::Words))
}

/// Whether the query has wider steps than whole words: not for serials (a partial one is
/// looked up with its prefixes at once) and request numbers.
fn widens(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact.len() >= 4 && compact.bytes().all(|b| b.is_ascii_digit());
    let number = compact.len() == 11 && compact.as_bytes()[4] == b'-';
    !digits && !number
}

/// The scope as query clauses: company or requester, and for customers the window
/// (updated since `since`, or open).
fn filter(index: &SearchIndex, scope: TicketScope, since: i64) -> Vec<(Occur, Box<dyn Query>)> {
    let f = index.fields();
    let u64_term = |field: Field, v: u64| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_u64(field, v),
            IndexRecordOption::Basic,
        ))
    };
    // Open tickets carry the end of time as their horizon: one range covers both.
    let window =
        || -> Box<dyn Query> { Box::new(WindowQuery::new(index.columns().clone(), since)) };
    match scope {
        TicketScope::All => Vec::new(),
        TicketScope::Company(c) => vec![
            (Occur::Must, u64_term(f.company, c)),
            (Occur::Must, window()),
        ],
        TicketScope::Requester(u) => vec![
            (Occur::Must, u64_term(f.requester, u)),
            (Occur::Must, window()),
        ],
    }
}

/// Ticket ids matching `text` within `scope`, best first, at most `limit`.
pub fn search(
    index: &SearchIndex,
    scope: TicketScope,
    since: i64,
    text: &str,
    limit: usize,
) -> Result<(Vec<u64>, Option<Matched>), SearchError> {
    let searcher = index.searcher();
    let run = |reach: Reach| -> Result<_, SearchError> {
        let Some((query, matched)) = matching(index, &searcher, text, reach) else {
            return Ok(None);
        };
        let filters = filter(index, scope, since);
        let collector = TopDocs::with_limit(limit).order_by_score();
        let hits = if filters.is_empty() {
            searcher.search(&query, &collector)?
        } else {
            let mut clauses = vec![(Occur::Must, query)];
            clauses.extend(filters);
            searcher.search(&BooleanQuery::new(clauses), &collector)?
        };
        Ok(Some((hits, matched)))
    };
    // Whole words first; prefixes only when no whole word matched, typos only when no
    // prefix did. Serials and numbers have one step.
    let steps: &[Reach] = if widens(text) {
        &[Reach::Exact, Reach::Prefix, Reach::Typo]
    } else {
        &[Reach::Exact]
    };
    let mut found = None;
    for reach in steps {
        let Some((hits, matched)) = run(*reach)? else {
            return Ok((Vec::new(), None));
        };
        let done = !hits.is_empty();
        found = Some((hits, matched));
        if done {
            break;
        }
    }
    let Some((hits, matched)) = found else {
        return Ok((Vec::new(), None));
    };
    let mut ids = Vec::with_capacity(hits.len());
    let mut columns = std::collections::HashMap::new();
    for (_, address) in hits {
        let column = match columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(
                index
                    .columns()
                    .ids(searcher.segment_reader(address.segment_ord))?,
            ),
        };
        if let Some(id) = column.first(address.doc_id) {
            ids.push(id);
        }
    }
    Ok((ids, Some(matched)))
}
