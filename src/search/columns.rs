//! Fast-field columns kept open per segment, and the visibility window as a query clause
//! that reads them.
//!
//! Opening a column decodes its block headers: at a million tickets that is most of a
//! query's cost when done per search. Segments never change, so their columns are opened
//! once and kept until the segment leaves the index. The window (tickets whose horizon —
//! last update, or the end of time while open — is at or after `since`) is kept per
//! segment as the sorted list of its documents, computed once per minute: `since` is
//! taken to the minute, so the window may reach up to 59 seconds further back.
//!
//! A query of few matches (a whole serial or ticket number) is kept within its scope by
//! [`KeptQuery`], which reads each match's owner and horizon from the columns instead of
//! seeking through the owner's posting list, as an intersection would: its cost is its
//! matches, whatever the size of the company.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::postings::SegmentPostings;
use tantivy::query::{ConstScorer, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

use super::schema;

/// What is kept of one segment.
struct Segment {
    ids: Column<u64>,
    company: Column<u64>,
    requester: Column<u64>,
    horizon: Column<i64>,
    /// (since, the documents in the window) for the last `since` asked for.
    window: Option<(i64, Arc<Vec<DocId>>)>,
}

/// The open columns of the index's segments.
#[derive(Default)]
pub struct Columns {
    segments: Mutex<HashMap<SegmentId, Segment>>,
}

impl std::fmt::Debug for Columns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Columns").finish_non_exhaustive()
    }
}

impl Columns {
    fn with_segment<T>(
        &self,
        reader: &SegmentReader,
        f: impl FnOnce(&mut Segment) -> T,
    ) -> tantivy::Result<T> {
        let mut segments = self
            .segments
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let segment = match segments.entry(reader.segment_id()) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let fast = reader.fast_fields();
                v.insert(Segment {
                    ids: fast.u64(schema::TICKET_ID)?,
                    company: fast.u64(schema::COMPANY)?,
                    requester: fast.u64(schema::REQUESTER)?,
                    horizon: fast.i64(schema::HORIZON)?,
                    window: None,
                })
            }
        };
        Ok(f(segment))
    }

    /// Forgets segments that are no longer part of the index (merged or deleted).
    pub fn retain(&self, live: &[SegmentId]) {
        let mut segments = self
            .segments
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if segments.len() > live.len() {
            segments.retain(|id, _| live.contains(id));
        }
    }

    /// The ticket-id column of a segment.
    pub fn ids(&self, reader: &SegmentReader) -> tantivy::Result<Column<u64>> {
        self.with_segment(reader, |s| s.ids.clone())
    }

    /// The documents of a segment inside the window starting at `since`.
    fn window(&self, reader: &SegmentReader, since: i64) -> tantivy::Result<Arc<Vec<DocId>>> {
        self.with_segment(reader, |s| {
            if let Some((at, docs)) = &s.window
                && *at == since
            {
                return docs.clone();
            }
            let mut docs = Vec::new();
            s.horizon
                .get_docids_for_value_range(since..=i64::MAX, 0..reader.max_doc(), &mut docs);
            docs.dedup();
            let docs = Arc::new(docs);
            s.window = Some((since, docs.clone()));
            docs
        })
    }
}

/// Whose tickets a [`KeptQuery`] lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The tickets of a company.
    Company(u64),
    /// The tickets a person requested.
    Requester(u64),
}

/// The documents of one term of few matches (a whole serial or ticket number) that
/// belong to an owner and lie in the window starting at `since` (taken to the minute, as
/// [`WindowQuery`] takes it). Each posting of the term is checked on the columns, so use
/// it only for terms with few documents. All matches weigh the same.
#[derive(Clone, Debug)]
pub struct KeptQuery {
    term: Term,
    owner: Owner,
    since: i64,
    columns: Arc<Columns>,
}

impl KeptQuery {
    /// `term`'s documents that belong to `owner` and lie in the window from `since`.
    pub fn new(term: Term, owner: Owner, since: i64, columns: Arc<Columns>) -> Self {
        Self {
            term,
            owner,
            since: since.div_euclid(60) * 60,
            columns,
        }
    }
}

impl Query for KeptQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.term, false);
    }
}

impl Weight for KeptQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let postings = reader
            .inverted_index(self.term.field())?
            .read_postings(&self.term, IndexRecordOption::Basic)?;
        let Some(postings) = postings else {
            return Ok(Box::new(EmptyScorer));
        };
        let (owners, value, horizon) = self.columns.with_segment(reader, |s| match self.owner {
            Owner::Company(c) => (s.company.clone(), c, s.horizon.clone()),
            Owner::Requester(u) => (s.requester.clone(), u, s.horizon.clone()),
        })?;
        let mut kept = Kept {
            postings,
            owners,
            value,
            horizon,
            since: self.since,
        };
        kept.keep();
        Ok(Box::new(ConstScorer::new(kept, boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match within the scope"
            )));
        }
        Ok(Explanation::new("KeptQuery", scorer.score()))
    }
}

/// The term's documents whose owner and horizon pass.
struct Kept {
    postings: SegmentPostings,
    owners: Column<u64>,
    value: u64,
    horizon: Column<i64>,
    since: i64,
}

impl Kept {
    fn passes(&self, doc: DocId) -> bool {
        self.owners.first(doc) == Some(self.value)
            && self.horizon.first(doc).is_some_and(|h| h >= self.since)
    }

    /// Moves on from the current document to the first that passes.
    fn keep(&mut self) -> DocId {
        let mut doc = self.postings.doc();
        while doc != TERMINATED && !self.passes(doc) {
            doc = self.postings.advance();
        }
        doc
    }
}

impl DocSet for Kept {
    fn advance(&mut self) -> DocId {
        self.postings.advance();
        self.keep()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target);
        self.keep()
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

/// The visibility window as a query clause.
#[derive(Clone, Debug)]
pub struct WindowQuery {
    since: i64,
    columns: Arc<Columns>,
}

impl WindowQuery {
    /// Tickets whose horizon is at or after `since` (taken to the minute).
    pub fn new(columns: Arc<Columns>, since: i64) -> Self {
        Self {
            since: since.div_euclid(60) * 60,
            columns,
        }
    }
}

impl Query for WindowQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for WindowQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let docs = self.columns.window(reader, self.since)?;
        Ok(Box::new(ConstScorer::new(DocList::new(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is outside the window"
            )));
        }
        Ok(Explanation::new("WindowQuery", 1.0))
    }
}

/// A sorted list of documents as a `DocSet`.
struct DocList {
    docs: Arc<Vec<DocId>>,
    at: usize,
}

impl DocList {
    fn new(docs: Arc<Vec<DocId>>) -> Self {
        Self { docs, at: 0 }
    }
}

impl DocSet for DocList {
    fn advance(&mut self) -> DocId {
        if self.at < self.docs.len() {
            self.at += 1;
        }
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        // Galloping from where we are: followers in an intersection seek forward a lot.
        let rest = &self.docs[self.at.min(self.docs.len())..];
        let mut step = 1;
        while step < rest.len() && rest[step] < target {
            step *= 2;
        }
        let window = &rest[..rest.len().min(step + 1)];
        self.at += window.partition_point(|d| *d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.docs.len()).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doc_list_advances_and_seeks() {
        let mut d = DocList::new(Arc::new(vec![2, 3, 7, 40, 41, 1000]));
        assert_eq!(d.doc(), 2);
        assert_eq!(d.advance(), 3);
        assert_eq!(d.seek(3), 3);
        assert_eq!(d.seek(8), 40);
        assert_eq!(d.seek(41), 41);
        assert_eq!(d.seek(999), 1000);
        assert_eq!(d.advance(), TERMINATED);
        assert_eq!(d.seek(5000), TERMINATED);
        let empty = DocList::new(Arc::new(Vec::new()));
        assert_eq!(empty.doc(), TERMINATED);
    }
}
