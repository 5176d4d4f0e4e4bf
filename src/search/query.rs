//! Searching tickets: one box finds them by serial number (exact, or a prefix of at least
//! four digits), ticket number, customer name (case- and accent-insensitive, `Müller`,
//! `muller` and `mueller` alike, prefixes, one typo forgiven from five letters) and words
//! of the subject and messages; every word must match. The caller's scope and the
//! visibility window are part of the query itself, never applied to hits afterwards.

use std::ops::Bound;

use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, EnableScoring, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, TERMINATED, Term};

use super::columns::{KeptQuery, Owner, WindowQuery};
use super::terms::{NameMatch, Reach, Word, company_prefix, name_terms, words};
use super::{SearchError, SearchIndex};
use crate::access::TicketScope;

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

/// What a query that is a serial or request number asks for.
enum Number {
    /// A whole serial or number: one term, whose matches all weigh the same.
    Whole(Term),
    /// A serial's start: the serial itself first, then the serials it begins.
    Start(Box<dyn Query>),
}

/// The query's serial or request number, when it is one.
fn number_query(index: &SearchIndex, text: &str) -> Option<(Number, Matched)> {
    let f = index.fields();
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 4 && compact.bytes().all(|b| b.is_ascii_digit()) {
        // A serial: a whole one (ten digits can only be whole), else exact first, then
        // the serials it begins.
        if compact.len() >= 10 {
            let whole = Term::from_field_text(f.serials, &compact);
            return Some((Number::Whole(whole), Matched::Serial));
        }
        let q = BooleanQuery::new(vec![
            (Occur::Should, boost(term(f.serials, &compact), 10.0)),
            (Occur::Should, prefix(f.serials, &compact)),
        ]);
        return Some((Number::Start(Box::new(q)), Matched::Serial));
    }
    let trimmed = text.trim();
    if trimmed.len() == 11
        && trimmed.as_bytes()[4] == b'-'
        && trimmed.bytes().filter(u8::is_ascii_digit).count() == 10
    {
        let whole = Term::from_field_text(f.number, trimmed);
        return Some((Number::Whole(whole), Matched::Number));
    }
    None
}

/// Where a step looks for the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Names only.
    Names,
    /// Message bodies only (whole words).
    Bodies,
    /// Either, names weighing more.
    Both,
}

/// Where a scope's names are looked up: a company's in the company-scoped names (only
/// its own terms and postings), everyone else's in the names of all.
fn names_field(index: &SearchIndex, scope: TicketScope) -> (Field, String) {
    let f = index.fields();
    match scope {
        TicketScope::Company(c) => (f.company_names, company_prefix(c)),
        _ => (f.names, String::new()),
    }
}

/// The query for `words` in `part`, every word required, with what each reaches in the
/// names (`names`, in the order of the words); `None` when some word can match nothing
/// there.
fn words_query(
    index: &SearchIndex,
    searcher: &tantivy::Searcher,
    words: &[Word],
    names: &[NameMatch],
    part: Part,
) -> Option<Box<dyn Query>> {
    let f = index.fields();
    let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (n, w) in words.iter().enumerate() {
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if part != Part::Bodies
            && let Some(names) = names.get(n)
        {
            for t in names.terms.iter().cloned() {
                any.push((
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
                ));
            }
            for spelling in &names.wide {
                // Too many to list: the names of all, the scope's filter keeping it in.
                let q = match names.reach {
                    Reach::Typo => Box::new(FuzzyTermQuery::new(
                        Term::from_field_text(f.names, spelling),
                        1,
                        true,
                    )) as Box<dyn Query>,
                    _ => prefix(f.names, spelling),
                };
                any.push((Occur::Should, q));
            }
        }
        if part == Part::Both && !any.is_empty() {
            let names: Box<dyn Query> = Box::new(BooleanQuery::new(std::mem::take(&mut any)));
            any.push((Occur::Should, boost(names, 2.0)));
        }
        if part != Part::Names {
            // Terms the index does not hold are left out: a lone term query can skip
            // the blocks that cannot reach the top hits, a union with an empty term cannot.
            let body = Term::from_field_text(f.body, &w.body);
            if searcher.doc_freq(&body).is_ok_and(|n| n > 0) {
                any.push((
                    Occur::Should,
                    Box::new(TermQuery::new(body, IndexRecordOption::WithFreqs)),
                ));
            }
        }
        let clause: Box<dyn Query> = match any.len() {
            0 => return None,
            1 => any.pop().map(|(_, q)| q)?,
            _ => Box::new(BooleanQuery::new(any)),
        };
        all.push((Occur::Must, clause));
    }
    // One word alone stays a plain union of terms, which tantivy can prune (block-max
    // WAND) instead of scoring every match.
    if all.len() == 1 {
        return all.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(all)))
}

/// The steps of a word search, each tried only when the ones before found nothing: whole
/// words first (what people mostly type, and the cheapest), then the names they begin,
/// then names one typo away. A single word is looked up in the names before the message
/// bodies, so a word common in messages (`ab`) cannot hide the names it also is or begins
/// (`Aebi`); several words must each match, in a name or a message.
fn steps(words: usize) -> &'static [(Reach, Part)] {
    if words == 1 {
        &[
            (Reach::Exact, Part::Names),
            (Reach::Exact, Part::Bodies),
            (Reach::Prefix, Part::Names),
            (Reach::Typo, Part::Names),
        ]
    } else {
        &[
            (Reach::Exact, Part::Both),
            (Reach::Prefix, Part::Both),
            (Reach::Typo, Part::Both),
        ]
    }
}

/// The hits of one word in the names (`all`: its query, scoped): when it reaches several
/// names (`Bau`: Bauer, Baumann …), a share of the hits from each first, so one common
/// name cannot fill the page and hide the others; the rest from all of them.
fn names_hits(
    lookup: &Lookup<'_>,
    names: &NameMatch,
    all: Box<dyn Query>,
) -> tantivy::Result<Vec<DocAddress>> {
    /// Names shared out at most; past it the union alone.
    const SHARED: usize = 16;
    let Lookup {
        searcher, limit, ..
    } = *lookup;
    let scoped = |q| lookup.scoped(q);
    let mut hits: Vec<DocAddress> = Vec::with_capacity(limit);
    // A word's own spellings are one name; the names it begins or is a typo of are many.
    let mut exhausted = false;
    let mut seen = std::collections::HashSet::with_capacity(limit);
    if names.reach != Reach::Exact
        && names.terms.len() > 1
        && names.terms.len() <= SHARED
        && names.wide.is_empty()
    {
        let share = limit.div_ceil(names.terms.len());
        exhausted = true;
        for t in names.terms.iter().cloned() {
            let one: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::Basic));
            let some = first_hits(searcher, &*scoped(one), share)?;
            // A name with fewer hits than its share has given all it has.
            exhausted &= some.len() < share;
            for hit in some {
                if hits.len() < limit && seen.insert(hit) {
                    hits.push(hit);
                }
            }
        }
    }
    if hits.len() < limit && !exhausted {
        let shared = !hits.is_empty();
        for hit in first_hits(searcher, &*scoped(all), limit)? {
            if hits.len() >= limit {
                break;
            }
            if !shared || seen.insert(hit) {
                hits.push(hit);
            }
        }
    }
    Ok(hits)
}

/// One search: where it looks, within what, and how many hits it wants.
#[derive(Clone, Copy)]
struct Lookup<'a> {
    index: &'a SearchIndex,
    searcher: &'a tantivy::Searcher,
    scope: TicketScope,
    since: i64,
    limit: usize,
}

impl Lookup<'_> {
    /// `query` within the scope and the window.
    fn scoped(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        let filters = filter(self.index, self.scope, self.since);
        if filters.is_empty() {
            return query;
        }
        let mut clauses = vec![(Occur::Must, query)];
        clauses.extend(filters);
        Box::new(BooleanQuery::new(clauses))
    }

    /// `term`, which has a few documents at most (a whole serial or number), within the
    /// scope and the window, checked on each of its documents rather than intersected
    /// with the scope's postings.
    fn kept(&self, term: Term) -> Box<dyn Query> {
        let owner = match self.scope {
            TicketScope::All => return Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            TicketScope::Company(c) => Owner::Company(c),
            TicketScope::Requester(u) => Owner::Requester(u),
        };
        Box::new(KeptQuery::new(
            term,
            owner,
            self.since,
            self.index.columns().clone(),
        ))
    }
}

/// The first `limit` documents `query` matches, in index order, without scoring: for
/// queries whose matches all weigh the same (names alone), so the cost is the hits asked
/// for, not every match of a big company's name.
fn first_hits(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    limit: usize,
) -> tantivy::Result<Vec<DocAddress>> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut out = Vec::with_capacity(limit.min(1024));
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        if out.len() >= limit {
            break;
        }
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED && out.len() < limit {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                out.push(DocAddress::new(u32::try_from(ord).unwrap_or(u32::MAX), doc));
            }
            doc = scorer.advance();
        }
    }
    Ok(out)
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

/// Ticket ids matching `text` within `scope`, best first (names: in index order), at
/// most `limit`.
pub fn search(
    index: &SearchIndex,
    scope: TicketScope,
    since: i64,
    text: &str,
    limit: usize,
) -> Result<(Vec<u64>, Option<Matched>), SearchError> {
    let searcher = index.searcher();
    let lookup = Lookup {
        index,
        searcher: &searcher,
        scope,
        since,
        limit,
    };
    let scored = |query: Box<dyn Query>| -> Result<Vec<DocAddress>, SearchError> {
        let collector = TopDocs::with_limit(limit).order_by_score();
        let hits = searcher.search(&*lookup.scoped(query), &collector)?;
        Ok(hits.into_iter().map(|(_, address)| address).collect())
    };
    let (hits, matched) = if let Some((number, matched)) = number_query(index, text) {
        let hits = match number {
            Number::Whole(term) => first_hits(&searcher, &*lookup.kept(term), limit)?,
            Number::Start(query) => scored(query)?,
        };
        (hits, matched)
    } else {
        let mut analyzer = index
            .index()
            .tokenizers()
            .get(super::schema::FOLDED)
            .ok_or_else(|| {
                tantivy::TantivyError::SchemaError("the names' analyzer is missing".into())
            })?;
        let words = words(text.trim(), &mut analyzer);
        if words.is_empty() {
            return Ok((Vec::new(), None));
        }
        let mut hits = Vec::new();
        let (field, prefix_of_scope) = names_field(index, scope);
        for (reach, part) in steps(words.len()) {
            let names: Vec<NameMatch> = if *part == Part::Bodies {
                Vec::new()
            } else {
                words
                    .iter()
                    .map(|w| name_terms(&searcher, field, &prefix_of_scope, w, *reach))
                    .collect()
            };
            let Some(query) = words_query(index, &searcher, &words, &names, *part) else {
                continue;
            };
            hits = if *part == Part::Names {
                names_hits(&lookup, &names[0], query)?
            } else {
                scored(query)?
            };
            if !hits.is_empty() {
                break;
            }
        }
        (hits, Matched::Words)
    };
    // A segment's id column is fetched again only when the next hit is of another.
    let mut ids = Vec::with_capacity(hits.len());
    let mut column: Option<(u32, tantivy::columnar::Column<u64>)> = None;
    for address in hits {
        let ids_of = match &column {
            Some((ord, c)) if *ord == address.segment_ord => c,
            _ => {
                let c = index
                    .columns()
                    .ids(searcher.segment_reader(address.segment_ord))?;
                &column.insert((address.segment_ord, c)).1
            }
        };
        if let Some(id) = ids_of.first(address.doc_id) {
            ids.push(id);
        }
    }
    Ok((ids, Some(matched)))
}
