//! The one task that writes the ticket index: it owns the `IndexWriter`, takes ticket
//! documents from a channel, and commits in batches (a changed ticket is searchable
//! within about a second), once more at shutdown.

use std::sync::Arc;
use std::time::Duration;

use tantivy::schema::TantivyDocument;
use tantivy::{IndexWriter, Term};
use tokio::sync::oneshot;

use super::{SearchError, SearchIndex};

/// What the index keeps of a ticket.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketDoc {
    pub id: u64,
    /// Company, 0 for none.
    pub company: u64,
    /// Requesting user, 0 for none.
    pub requester: u64,
    pub number: String,
    /// Serial numbers, current and former.
    pub serials: Vec<String>,
    /// Customer names (requester, company, plant operator).
    pub names: Vec<String>,
    /// Subject and the customer-visible messages.
    pub body: String,
    pub updated: i64,
    pub open: bool,
}

enum Op {
    Upsert(TicketDoc),
    Flush(oneshot::Sender<()>),
    Stop,
}

/// Sends documents to the indexing thread.
#[derive(Debug, Clone)]
pub struct Indexer {
    tx: std::sync::mpsc::Sender<Op>,
}

impl Indexer {
    /// Queues a ticket's document (replacing its earlier one).
    pub fn upsert(&self, doc: TicketDoc) {
        if self.tx.send(Op::Upsert(doc)).is_err() {
            tracing::warn!("search indexer stopped; the index is rebuilt at the next start");
        }
    }

    /// Commits what is queued and waits for it (tests, `osc reindex`).
    pub async fn flush(&self) {
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Op::Flush(tx)).is_ok() {
            let _ = rx.await;
        }
    }

    /// Commits what is queued and ends the indexing thread.
    pub fn stop(&self) {
        let _ = self.tx.send(Op::Stop);
    }
}

/// How long a batch collects before it is committed.
const BATCH_WINDOW: Duration = Duration::from_millis(250);

/// Writes `doc` into the writer, deleting the ticket's earlier document.
pub fn write(
    index: &SearchIndex,
    writer: &IndexWriter,
    doc: &TicketDoc,
) -> Result<(), SearchError> {
    writer.delete_term(Term::from_field_u64(index.fields().ticket_id, doc.id));
    writer.add_document(document(index, doc))?;
    Ok(())
}

/// The index document of a ticket.
pub fn document(index: &SearchIndex, doc: &TicketDoc) -> TantivyDocument {
    let f = index.fields();
    let mut d = TantivyDocument::default();
    d.add_u64(f.ticket_id, doc.id);
    d.add_u64(f.company, doc.company);
    d.add_u64(f.requester, doc.requester);
    d.add_text(f.number, &doc.number);
    for s in &doc.serials {
        d.add_text(f.serials, s);
    }
    for n in &doc.names {
        d.add_text(f.names, crate::domain::fold::fold(n));
        d.add_text(f.names, crate::domain::fold::fold_german(n));
    }
    d.add_text(f.body, &doc.body);
    d.add_i64(f.updated, doc.updated);
    d.add_i64(f.horizon, if doc.open { i64::MAX } else { doc.updated });
    d
}

/// A writer for the index (one thread, a modest memory budget).
pub fn writer(index: &SearchIndex) -> Result<IndexWriter, SearchError> {
    Ok(index.index().writer_with_num_threads(1, 20_000_000)?)
}

/// Starts the indexing thread; [`Indexer::stop`] ends it after a last commit.
pub fn spawn(
    index: Arc<SearchIndex>,
) -> Result<(Indexer, std::thread::JoinHandle<()>), SearchError> {
    let (tx, rx) = std::sync::mpsc::channel::<Op>();
    let mut writer = writer(&index)?;
    let handle = std::thread::Builder::new()
        .name("search-indexer".into())
        .spawn(move || {
            let mut dirty = false;
            let mut waiting: Vec<oneshot::Sender<()>> = Vec::new();
            loop {
                let op = if dirty {
                    match rx.recv_timeout(BATCH_WINDOW) {
                        Ok(op) => Some(op),
                        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
                        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Some(Op::Stop),
                    }
                } else {
                    Some(rx.recv().unwrap_or(Op::Stop))
                };
                let stop = matches!(op, Some(Op::Stop));
                match op {
                    Some(Op::Upsert(doc)) => {
                        if let Err(e) = write(&index, &writer, &doc) {
                            tracing::error!(error = %e, ticket = doc.id, "indexing a ticket failed");
                        }
                        dirty = true;
                        continue;
                    }
                    Some(Op::Flush(done)) => waiting.push(done),
                    Some(Op::Stop) | None => {}
                }
                if dirty || !waiting.is_empty() || stop {
                    if let Err(e) = writer.commit() {
                        tracing::error!(error = %e, "committing the search index failed");
                    }
                    dirty = false;
                    for w in waiting.drain(..) {
                        let _ = w.send(());
                    }
                }
                if stop {
                    return;
                }
            }
        })
        .map_err(|source| SearchError::Io {
            path: std::path::PathBuf::from("search-indexer thread"),
            source,
        })?;
    Ok((Indexer { tx }, handle))
}
