//! The one thread that writes the ticket index. It follows the store's index feed
//! (`store::index_feed`): woken after every durable commit that recorded a change (and
//! once a second regardless), it reads the changes after the last one it applied, builds
//! each changed ticket's document from the store, and commits them with the number of the
//! last change as the commit's payload, then prunes the feed up to there. A changed ticket
//! is thus searchable within about a tenth of a second at any write rate, and after a
//! crash the thread goes on from the payload of the index's last commit.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tantivy::schema::TantivyDocument;
use tantivy::{IndexWriter, Term};
use tokio::sync::watch;

use super::docs::{self, RebuildError};
use super::{SearchError, SearchIndex};
use crate::store::Storage;

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

/// A request to the thread to rebuild the index from the store, answered with how many
/// tickets it indexed.
type RebuildRequest = tokio::sync::oneshot::Sender<Result<u64, String>>;

/// A handle on the indexing thread: how far it is, waiting for it, rebuilding through
/// it, stopping it.
#[derive(Debug, Clone)]
pub struct Indexer {
    store: Arc<dyn Storage>,
    applied: watch::Receiver<u64>,
    stop: Arc<AtomicBool>,
    rebuilds: std::sync::mpsc::Sender<RebuildRequest>,
}

impl Indexer {
    /// The number of the last change the index has committed.
    pub fn applied(&self) -> u64 {
        *self.applied.borrow()
    }

    /// How many recorded changes are not searchable yet.
    pub fn lag(&self) -> u64 {
        self.store.index_feed().pending(self.applied()).unwrap_or(0)
    }

    /// Waits until every change committed before this call is searchable (tests,
    /// benchmarks, `osc` commands that report on the index).
    pub async fn flush(&self) {
        let store = self.store.clone();
        let Ok(Ok(target)) = tokio::task::spawn_blocking(move || store.index_feed().last()).await
        else {
            return;
        };
        self.store.doorbells().index.ring();
        let mut applied = self.applied.clone();
        let _ = applied.wait_for(|a| *a >= target).await;
    }

    /// Rebuilds the index from the store on the running instance (`osc reindex` through
    /// the control socket): the thread, which holds the index's only writer, sets it aside,
    /// rebuilds, and goes on following the feed. Searches keep being answered meanwhile.
    pub async fn rebuild(&self) -> Result<u64, String> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.rebuilds
            .send(answer)
            .map_err(|_| "the search indexer has stopped".to_owned())?;
        self.store.doorbells().index.ring();
        answered
            .await
            .map_err(|_| "the search indexer stopped during the rebuild".to_owned())?
    }

    /// Asks the thread to apply what is left, commit and end.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.store.doorbells().index.ring();
    }
}

/// How long the thread lets changes gather after a wake-up before applying them: writes
/// arriving together share one index commit.
const GATHER: Duration = Duration::from_millis(50);
/// How long it sleeps without a wake-up before looking at the feed anyway.
const IDLE_CHECK: Duration = Duration::from_secs(1);
/// How many changes it reads from the feed at a time.
const PAGE: usize = 1000;

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
    if doc.company != 0
        && let Some(mut analyzer) = index.index().tokenizers().get(super::schema::FOLDED)
    {
        let scope = super::terms::company_prefix(doc.company);
        let mut seen = std::collections::BTreeSet::new();
        for n in &doc.names {
            for word in super::terms::words(n, &mut analyzer) {
                for spelling in word.names {
                    seen.insert(format!("{scope}{spelling}"));
                }
            }
        }
        for scoped in seen {
            d.add_text(f.company_names, scoped);
        }
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

/// Commits what `writer` holds, recording `applied` (the last change of the feed it
/// contains) as the commit's payload, and makes it visible to searches.
pub fn commit(
    index: &SearchIndex,
    writer: &mut IndexWriter,
    applied: u64,
) -> Result<(), SearchError> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&applied.to_string());
    prepared.commit()?;
    index.reload()
}

/// The number of the last feed change the index's last commit contains (0 for none).
pub fn committed_change(index: &SearchIndex) -> Result<u64, SearchError> {
    let metas = index.index().load_metas()?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or(0))
}

/// Applies the feed after `applied` to the writer, page by page; returns the number of
/// the last change applied. A ticket that cannot be read stops the pass there (it is
/// tried again at the next one).
fn apply(
    store: &dyn Storage,
    index: &SearchIndex,
    writer: &IndexWriter,
    mut applied: u64,
) -> Result<u64, RebuildError> {
    loop {
        let changes = store.index_feed().after(applied, PAGE)?;
        let Some(&(last, _)) = changes.last() else {
            return Ok(applied);
        };
        let mut ids: Vec<u64> = changes.iter().map(|(_, id)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        let found = store.tickets().by_ids(&ids)?;
        for id in &ids {
            writer.delete_term(Term::from_field_u64(index.fields().ticket_id, *id));
        }
        for t in &found {
            writer
                .add_document(document(index, &docs::ticket_doc(store, t)?))
                .map_err(SearchError::from)?;
        }
        applied = last;
        if changes.len() < PAGE {
            return Ok(applied);
        }
    }
}

/// Starts the indexing thread, first catching up with the changes the index's last
/// commit lacks; [`Indexer::stop`] ends it after a last commit.
pub fn spawn(
    store: Arc<dyn Storage>,
    index: Arc<SearchIndex>,
) -> Result<(Indexer, std::thread::JoinHandle<()>), SearchError> {
    let mut writer = Some(writer(&index)?);
    let start = committed_change(&index)?;
    let (applied_tx, applied) = watch::channel(start);
    let stop = Arc::new(AtomicBool::new(false));
    let (rebuilds, rebuild_requests) = std::sync::mpsc::channel::<RebuildRequest>();
    let handle = Indexer {
        store: store.clone(),
        applied,
        stop: stop.clone(),
        rebuilds,
    };
    let thread = std::thread::Builder::new()
        .name("search-indexer".into())
        .spawn(move || {
            let mut applied = start;
            let mut first = true;
            loop {
                let stopping = stop.load(Ordering::SeqCst);
                if !first && !stopping && store.doorbells().index.wait(IDLE_CHECK) {
                    std::thread::sleep(GATHER);
                }
                first = false;
                let stopping = stopping || stop.load(Ordering::SeqCst);
                while let Ok(answer) = rebuild_requests.try_recv() {
                    // The rebuild takes the index's only writer: this one is set aside
                    // (it holds nothing uncommitted here) and opened again after.
                    drop(writer.take());
                    let done = docs::rebuild(&*store, &index).map_err(|e| e.to_string());
                    match self::writer(&index) {
                        Ok(w) => writer = Some(w),
                        Err(e) => tracing::error!(error = %e, "reopening the index writer failed"),
                    }
                    if let Ok(last) = committed_change(&index) {
                        applied = last;
                        let _ = applied_tx.send(applied);
                    }
                    let _ = answer.send(done);
                }
                let Some(writer) = writer.as_mut() else {
                    // No writer: try to open one at the next turn.
                    writer = self::writer(&index).ok();
                    if stopping {
                        return;
                    }
                    continue;
                };
                match apply(&*store, &index, writer, applied) {
                    Ok(last) if last > applied => match commit(&index, writer, last) {
                        Ok(()) => {
                            if applied == start {
                                tracing::debug!(from = start, to = last, "search index caught up");
                            }
                            applied = last;
                            let _ = applied_tx.send(applied);
                            if let Err(e) = store.index_feed().prune(applied) {
                                tracing::warn!(error = %e, "pruning the index feed failed");
                            }
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "committing the search index failed");
                            let _ = writer.rollback();
                        }
                    },
                    Ok(_) => {}
                    Err(e) => {
                        tracing::error!(error = %e, "applying the index feed failed; retrying");
                        let _ = writer.rollback();
                    }
                }
                if stopping {
                    return;
                }
            }
        })
        .map_err(|source| SearchError::Io {
            path: std::path::PathBuf::from("search-indexer thread"),
            source,
        })?;
    Ok((handle, thread))
}
