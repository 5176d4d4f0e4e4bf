//! The search index's feed: which tickets changed, in the order they changed.
//!
//! A write that changes what the index keeps of a ticket (its text, state, serials, or a
//! name around it: the company's, the plant operator's) records the ticket here inside
//! its own transaction, under the next change number. The indexer (`search::indexer`)
//! applies the feed in order, stores the last number it applied with each index commit,
//! and prunes the applied part; after a crash it goes on from the number its last commit
//! holds, so nothing acknowledged stays unsearchable and no rebuild is needed.

use super::engine::ReadableTable;

use super::{Store, StoreError, Txn, tables};

/// The [`tables::META`] key of the last change number given out.
const LAST_KEY: &str = "index_feed_last";

/// Records that ticket `id` changed; the indexer is woken after the commit.
pub(crate) fn record_in(txn: &Txn, id: u64) -> Result<(), StoreError> {
    let mut meta = txn.open_table(tables::META)?;
    let next = meta.get(LAST_KEY)?.map_or(0, |v| v.value()) + 1;
    meta.insert(LAST_KEY, next)?;
    txn.open_table(tables::INDEX_FEED)?.insert(next, id)?;
    txn.changed_index();
    Ok(())
}

/// Records every ticket about plant `plant` (a name the index keeps of them changed).
pub(crate) fn record_plant_in(txn: &Txn, plant: u64) -> Result<(), StoreError> {
    let ids: Vec<u64> = {
        let by_plant = txn.open_table(tables::TICKETS_BY_PLANT)?;
        let mut ids = Vec::new();
        for row in by_plant.range((plant, 0)..=(plant, u64::MAX))? {
            ids.push(row?.0.value().1);
        }
        ids
    };
    for id in ids {
        record_in(txn, id)?;
    }
    Ok(())
}

/// The index change feed the search indexer follows.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait IndexFeed: Send + Sync {
    /// The last change number given out (0 before the first change).
    fn last(&self) -> Result<u64, StoreError>;

    /// The changes after number `after`, oldest first, at most `limit`.
    fn after(&self, after: u64, limit: usize) -> Result<Vec<(u64, u64)>, StoreError>;

    /// How many changes wait to be applied after number `applied`.
    fn pending(&self, applied: u64) -> Result<u64, StoreError>;

    /// Forgets the changes up to number `up_to` (the index has committed them).
    fn prune(&self, up_to: u64) -> Result<(), StoreError>;
}

impl IndexFeed for Store {
    fn last(&self) -> Result<u64, StoreError> {
        let txn = self.read()?;
        let Some(meta) = txn.open_existing(tables::META)? else {
            return Ok(0);
        };
        Ok(meta.get(LAST_KEY)?.map_or(0, |v| v.value()))
    }

    fn after(&self, after: u64, limit: usize) -> Result<Vec<(u64, u64)>, StoreError> {
        let txn = self.read()?;
        let feed = txn.open_table(tables::INDEX_FEED)?;
        let mut out = Vec::new();
        for row in feed.range(after.saturating_add(1)..)?.take(limit) {
            let (k, v) = row?;
            out.push((k.value(), v.value()));
        }
        Ok(out)
    }

    fn pending(&self, applied: u64) -> Result<u64, StoreError> {
        Ok(IndexFeed::last(self)?.saturating_sub(applied))
    }

    fn prune(&self, up_to: u64) -> Result<(), StoreError> {
        let txn = self.write()?;
        txn.open_table(tables::INDEX_FEED)?.remove_range(..=up_to)?;
        txn.commit()
    }
}
