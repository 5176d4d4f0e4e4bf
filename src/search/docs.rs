//! What the index keeps of a ticket, built from the store, and the rebuild of the whole
//! index from the store, page by page.

use super::indexer::{self, TicketDoc};
use super::{SearchError, SearchIndex};
use crate::store::tickets::Ticket;
use crate::store::{Storage, StoreError};

/// The index document of a ticket: its numbers, the customer names around it (requester,
/// company, plant operator) and its customer-visible text.
pub fn ticket_doc(store: &dyn Storage, t: &Ticket) -> Result<TicketDoc, StoreError> {
    let mut names = vec![t.requester_name.clone()];
    if let Some(c) = t
        .company
        .map(|c| store.companies().get(c))
        .transpose()?
        .flatten()
    {
        names.push(c.name);
    }
    if let Some(p) = t
        .plant
        .map(|p| store.plants().get(p))
        .transpose()?
        .flatten()
        && !p.operator_name.is_empty()
    {
        names.push(p.operator_name);
    }
    let mut body = t.subject.clone();
    for m in t.messages.iter().filter(|m| !m.internal) {
        body.push('\n');
        body.push_str(&m.text);
    }
    Ok(TicketDoc {
        id: t.id,
        company: t.company.unwrap_or(0),
        requester: t.requester.unwrap_or(0),
        number: t.number.clone(),
        serials: serials(store, t)?,
        names,
        body,
        updated: i64::try_from(t.updated_at).unwrap_or(i64::MAX),
        open: t.status.is_open(),
    })
}

/// The serials a ticket is found by: the one it names, and every serial its device has
/// carried (a swapped device's old and new serial find all its tickets).
fn serials(store: &dyn Storage, t: &Ticket) -> Result<Vec<String>, StoreError> {
    let mut out: Vec<u32> = t.serial.into_iter().collect();
    if let Some(r) = t.replacement.as_ref().and_then(|r| r.new_serial) {
        out.push(r);
    }
    if let Some(d) = t
        .device
        .map(|d| store.devices().get(d))
        .transpose()?
        .flatten()
    {
        out.extend(d.all_serials());
    }
    out.sort_unstable();
    out.dedup();
    Ok(out.into_iter().map(|s| s.to_string()).collect())
}

/// Why a rebuild failed.
#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// Fills the index from the store, 1,000 tickets at a time, logging progress; returns
/// how many tickets it indexed.
pub fn rebuild(store: &dyn Storage, index: &SearchIndex) -> Result<u64, RebuildError> {
    // Changes recorded meanwhile are applied again by the indexer (applying is
    // idempotent): the index then holds at least everything up to this change.
    let up_to = store.index_feed().last()?;
    let mut writer = indexer::writer(index)?;
    // No merges while loading: one merge at the end (background merges of a bulk load
    // would race it and cost memory meanwhile).
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    writer.delete_all_documents().map_err(SearchError::from)?;
    let mut after = 0;
    let mut done = 0u64;
    loop {
        let page = store.tickets().page(after, 1000)?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for t in &page {
            // The index was emptied: adding is enough (a delete per document would be
            // kept in memory until the commit).
            writer
                .add_document(indexer::document(index, &ticket_doc(store, t)?))
                .map_err(SearchError::from)?;
        }
        done += page.len() as u64;
        tracing::info!(tickets = done, "rebuilding the search index");
    }
    indexer::commit(index, &mut writer, up_to)?;
    // One segment answers faster than the dozen a bulk load leaves behind.
    let segments = index
        .index()
        .searchable_segment_ids()
        .map_err(SearchError::from)?;
    if segments.len() > 1 {
        tracing::info!(segments = segments.len(), "merging the search index");
        writer.merge(&segments).wait().map_err(SearchError::from)?;
    }
    writer.wait_merging_threads().map_err(SearchError::from)?;
    index.reload()?;
    store.index_feed().prune(up_to)?;
    tracing::info!(tickets = done, "search index rebuilt");
    Ok(done)
}
