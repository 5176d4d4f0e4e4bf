//! The full-text index over tickets: a derived copy of the store under
//! `<data_dir>/index/`, never the source of truth.
//!
//! This module owns the index's [`schema`] and its life cycle: open it at start-up, and
//! start it afresh when it is missing, unreadable or of another schema version (its
//! contents are then rebuilt from the store). Queries and the indexing task live beside
//! it as tickets arrive.

pub mod columns;
pub mod docs;
pub mod indexer;
pub mod query;
pub mod schema;
pub mod terms;

use std::path::{Path, PathBuf};

use tantivy::{Index, IndexReader, ReloadPolicy};

/// Name of the index directory inside the data directory.
pub const INDEX_DIR: &str = "index";
/// File inside the index directory that records the schema version it was built with.
const VERSION_FILE: &str = "osc-schema-version";

/// Why the index could not be opened or created.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy reported an error.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be prepared.
    #[error("search index directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The opened ticket index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: schema::Fields,
    columns: std::sync::Arc<columns::Columns>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

/// What [`SearchIndex::open`] found on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A usable index of the current schema.
    Existing,
    /// A new, empty index: there was none, or the old one was unusable. It must be
    /// filled from the store.
    Fresh,
}

impl SearchIndex {
    /// Opens `<data_dir>/index`, or replaces it with an empty index of the current schema
    /// when it is missing, corrupt or of another version.
    pub fn open(data_dir: &Path) -> Result<(Self, Opened), SearchError> {
        let dir = data_dir.join(INDEX_DIR);
        match Self::open_existing(&dir) {
            Ok(Some(index)) => return Ok((index, Opened::Existing)),
            Ok(None) => tracing::info!(dir = %dir.display(), "no search index yet; creating one"),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "search index unusable; rebuilding it")
            }
        }
        Ok((Self::create(&dir)?, Opened::Fresh))
    }

    /// The ticket id of every live document, sorted (a ticket indexed twice appears
    /// twice): `osc check` compares them with the store's.
    pub fn ticket_ids(&self) -> Result<Vec<u64>, SearchError> {
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64(schema::TICKET_ID)?;
            ids.extend(segment.doc_ids_alive().filter_map(|doc| column.first(doc)));
        }
        ids.sort_unstable();
        Ok(ids)
    }

    /// Marks the index under `data_dir` as stale, so the next [`SearchIndex::open`]
    /// starts it afresh and it is rebuilt from the store (after a restore).
    pub fn discard(data_dir: &Path) -> Result<(), SearchError> {
        let path = data_dir.join(INDEX_DIR).join(VERSION_FILE);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SearchError::Io { path, source }),
        }
    }

    fn open_existing(dir: &Path) -> Result<Option<Self>, SearchError> {
        let version_path = dir.join(VERSION_FILE);
        let version = match std::fs::read_to_string(&version_path) {
            Ok(v) => v,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(SearchError::Io {
                    path: version_path,
                    source,
                });
            }
        };
        if version.trim() != schema::SCHEMA_VERSION.to_string() {
            tracing::info!(
                found = version.trim(),
                "search index of another schema version"
            );
            return Ok(None);
        }
        let index = Index::open_in_dir(dir)?;
        let fields = schema::Fields::of(&index.schema())?;
        Self::with_index(index, fields)
            .and_then(|s| s.check().map(|()| s))
            .map(Some)
    }

    fn create(dir: &Path) -> Result<Self, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_owned(),
            source,
        };
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(io)?;
        }
        std::fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(dir, schema)?;
        // Written last: an interrupted creation leaves no version file and is redone.
        std::fs::write(dir.join(VERSION_FILE), schema::SCHEMA_VERSION.to_string()).map_err(io)?;
        Self::with_index(index, fields)
    }

    fn with_index(index: Index, fields: schema::Fields) -> Result<Self, SearchError> {
        schema::register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Self {
            index,
            reader,
            fields,
            columns: std::sync::Arc::default(),
        })
    }

    /// Whether a search can run: used by `/healthz`.
    pub fn check(&self) -> Result<(), SearchError> {
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            self.columns.ids(segment)?;
        }
        Ok(())
    }

    /// How many tickets the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no ticket.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A searcher over the last committed state (the columns of segments it no longer
    /// holds are let go).
    pub fn searcher(&self) -> tantivy::Searcher {
        let searcher = self.reader.searcher();
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(tantivy::SegmentReader::segment_id)
            .collect();
        self.columns.retain(&live);
        searcher
    }

    /// The columns kept open per segment.
    pub fn columns(&self) -> &std::sync::Arc<columns::Columns> {
        &self.columns
    }

    /// Makes the last commit visible to searches now (instead of within the reload delay).
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }

    /// The tantivy index, for the indexing task.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The schema's fields.
    pub fn fields(&self) -> &schema::Fields {
        &self.fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_then_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let (index, opened) = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(opened, Opened::Fresh);
        assert!(index.is_empty());
        index.check().unwrap();
        drop(index);
        let (_, opened) = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(opened, Opened::Existing);
    }

    #[test]
    fn corrupt_or_outdated_index_is_started_afresh() {
        let dir = tempfile::tempdir().unwrap();
        drop(SearchIndex::open(dir.path()).unwrap());
        let index_dir = dir.path().join(INDEX_DIR);
        std::fs::write(index_dir.join("meta.json"), b"{ not json").unwrap();
        let (index, opened) = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(opened, Opened::Fresh);
        index.check().unwrap();
        drop(index);

        std::fs::write(index_dir.join(VERSION_FILE), b"0").unwrap();
        let (_, opened) = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(opened, Opened::Fresh);
    }
}
