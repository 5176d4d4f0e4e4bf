//! The store's unit of work: one write transaction, committed through group commit, that
//! rings the workers' doorbells once it is durable.
//!
//! Every write goes through [`Txn`]. Its [`Txn::commit`] commits the transaction without
//! waiting for the disk, then waits until a durable commit covers it: whichever writer
//! finds no flush under way makes one empty durable commit for everything committed so
//! far, and every writer it covered returns. Writes that arrive together thus share one
//! `fsync`, and each caller is answered only after its own write is durable. A write that
//! fails (its closure errs, or it is dropped) is rolled back alone.
//!
//! The flush is itself a write transaction, so while it runs the writers that arrived
//! meanwhile wait for redb's write lock; a leader that flushed at once would cover only
//! itself. So the leader first waits, at most [`GATHER`], until every writer that had
//! begun has committed (or given up), then flushes for all of them.
//!
//! The parts of the store that queue mail or record index changes mark the transaction
//! ([`Txn::queued_mail`], [`Txn::changed_index`]); after the durable commit the mail
//! worker and the indexer are woken, so no caller has to remember it.

use std::cell::Cell;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use redb::{Durability, WriteTransaction};

use super::StoreError;
use super::engine::{StoredKey, Table, TableDefinition, TableHandle, Value, pg};
use super::handle::Handle;

/// How long a flush's leader waits at most for the writers already under way to commit,
/// so that one durable commit covers them too. The flush holds redb's write lock for its
/// `fsync`, so fewer, larger flushes leave more of the lock to the writers: on the
/// seeded 1 M-ticket store (benches/load/core-load.sh, 16 connections filing requests)
/// 10 ms gave about 1,700 requests/s with p99 17 ms where 2 ms gave 1,350/s with p99
/// 25 ms. A writer alone never waits: the leader stops as soon as no writer is under way.
const GATHER: Duration = Duration::from_millis(10);

/// A write transaction of the store: open its tables with [`Txn::open_table`];
/// [`Txn::commit`] commits it.
pub struct Txn {
    inner: Inner,
    bells: Arc<Doorbells>,
    mail: Cell<bool>,
    index: Cell<bool>,
    hooks: Cell<bool>,
}

/// The transaction on its engine. One lives per write transaction, so redb's large one is
/// kept inline rather than boxed.
#[allow(clippy::large_enum_variant)]
enum Inner {
    /// redb's transaction, committed through the group commit.
    Redb {
        txn: WriteTransaction,
        shared: Arc<Shared>,
        under_way: UnderWay,
    },
    /// A PostgreSQL transaction holding the writer's lock.
    Pg {
        session: pg::Session,
        shared: Arc<PgShared>,
    },
}

/// Counts a writer as under way from before it waits for the write lock until it has
/// committed or given up (dropped with its transaction).
struct UnderWay {
    shared: Arc<Shared>,
    counted: bool,
}

impl UnderWay {
    fn start(shared: &Arc<Shared>) -> Self {
        shared.lock().under_way += 1;
        Self {
            shared: shared.clone(),
            counted: true,
        }
    }

    /// The writer committed: it is counted as committed, and no longer as under way, in
    /// one step, so a leader that sees nobody under way covers it. Returns its number.
    fn committed(mut self) -> u64 {
        let mut g = self.shared.lock();
        g.under_way -= 1;
        g.committed += 1;
        let mine = g.committed;
        drop(g);
        self.counted = false;
        self.shared.flushed.notify_all();
        mine
    }
}

impl Drop for UnderWay {
    fn drop(&mut self) {
        if self.counted {
            self.shared.lock().under_way -= 1;
            self.shared.flushed.notify_all();
        }
    }
}

impl Txn {
    pub(super) fn begin(shared: Arc<Shared>) -> Result<Self, StoreError> {
        let db = shared.handle.writable()?;
        let under_way = UnderWay::start(&shared);
        let mut txn = db
            .begin_write()
            .map_err(|e| shared.handle.noticed(e.into()))?;
        txn.set_durability(Durability::None)?;
        Ok(Self::with(
            Inner::Redb {
                txn,
                shared: shared.clone(),
                under_way,
            },
            shared.bells.clone(),
        ))
    }

    pub(super) fn begin_pg(shared: Arc<PgShared>) -> Result<Self, StoreError> {
        let session = shared.db.begin_write()?;
        let bells = shared.bells.clone();
        Ok(Self::with(Inner::Pg { session, shared }, bells))
    }

    fn with(inner: Inner, bells: Arc<Doorbells>) -> Self {
        Self {
            inner,
            bells,
            mail: Cell::new(false),
            index: Cell::new(false),
            hooks: Cell::new(false),
        }
    }

    /// The table `def`, created by this transaction when it does not exist yet.
    pub fn open_table<K: StoredKey, V: Value + 'static>(
        &self,
        def: TableDefinition<'static, K, V>,
    ) -> Result<Table<'_, K, V>, StoreError> {
        match &self.inner {
            Inner::Redb { txn, .. } => Ok(Table::Redb(txn.open_table(def)?)),
            Inner::Pg { session, .. } => {
                let id = session.table_id(def.name(), true)?.ok_or_else(|| {
                    StoreError::Postgres(format!("table {} not made", def.name()))
                })?;
                Ok(Table::Pg(pg::Table::new(pg::At::Borrowed(session), id)))
            }
        }
    }

    /// Deletes the table `def` with its rows; whether there was one.
    pub fn delete_table<K: StoredKey, V: Value + 'static>(
        &self,
        def: TableDefinition<'static, K, V>,
    ) -> Result<bool, StoreError> {
        match &self.inner {
            Inner::Redb { txn, .. } => Ok(txn.delete_table(def)?),
            Inner::Pg { session, .. } => session.delete_table(def.name()),
        }
    }

    /// Rolls the transaction back: nothing of it is written.
    pub fn abort(self) -> Result<(), StoreError> {
        match self.inner {
            Inner::Redb { txn, .. } => Ok(txn.abort()?),
            Inner::Pg { session, .. } => session.rollback(),
        }
    }

    /// Notes that this transaction queued mail: the delivery worker is woken after it.
    pub fn queued_mail(&self) {
        self.mail.set(true);
    }

    /// Notes that this transaction queued webhook deliveries: their worker is woken after it.
    pub fn queued_hooks(&self) {
        self.hooks.set(true);
    }

    /// Notes that this transaction recorded index changes: the indexer is woken after it.
    pub fn changed_index(&self) {
        self.index.set(true);
    }

    /// Commits, returns once the commit is durable (sharing the flush with every writer
    /// that committed meanwhile), then wakes the workers this transaction concerns.
    pub fn commit(self) -> Result<(), StoreError> {
        let Self {
            inner,
            bells,
            mail,
            index,
            hooks,
        } = self;
        let started = std::time::Instant::now();
        match inner {
            Inner::Redb {
                txn,
                shared,
                under_way,
            } => {
                txn.commit().map_err(|e| shared.handle.noticed(e.into()))?;
                shared.made_durable(under_way.committed())?;
            }
            Inner::Pg { session, shared } => {
                session.commit()?;
                shared
                    .commits
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        crate::metrics::global().commit(started.elapsed().as_secs_f64());
        if mail.get() {
            bells.mail.notify_one();
        }
        if index.get() {
            bells.index.ring();
        }
        if hooks.get() {
            bells.hooks.notify_one();
        }
        Ok(())
    }
}

/// What every transaction of a PostgreSQL store shares: the database and the doorbells.
#[derive(Debug)]
pub(super) struct PgShared {
    pub(super) db: Arc<pg::Database>,
    pub(super) bells: Arc<Doorbells>,
    /// Write transactions committed (each one durable by itself).
    pub(super) commits: std::sync::atomic::AtomicU64,
}

/// The doorbells of the store's followers: rung after a durable commit that concerns them.
#[derive(Debug, Default)]
pub struct Doorbells {
    /// The mail delivery worker (an async task).
    pub mail: tokio::sync::Notify,
    /// The search indexer (a thread).
    pub index: Doorbell,
    /// The webhook delivery worker (an async task).
    pub hooks: tokio::sync::Notify,
}

/// A doorbell for a thread: rung any number of times, answered once.
#[derive(Debug, Default)]
pub struct Doorbell {
    rung: Mutex<bool>,
    cv: Condvar,
}

impl Doorbell {
    /// Rings: the next (or the current) wait returns.
    pub fn ring(&self) {
        *self.rung.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cv.notify_all();
    }

    /// Waits until rung or `timeout` passed; returns whether it was rung (and resets it).
    pub fn wait(&self, timeout: Duration) -> bool {
        let guard = self.rung.lock().unwrap_or_else(|p| p.into_inner());
        let (mut rung, _) = self
            .cv
            .wait_timeout_while(guard, timeout, |r| !*r)
            .unwrap_or_else(|p| p.into_inner());
        std::mem::replace(&mut *rung, false)
    }
}

/// What every transaction of one store shares: the database (for the durable flush),
/// the group commit's state and the doorbells.
#[derive(Debug)]
pub(super) struct Shared {
    pub(super) handle: Arc<Handle>,
    pub(super) bells: Arc<Doorbells>,
    group: Mutex<Group>,
    flushed: Condvar,
    stats: GroupStats,
    /// [`GATHER`], in microseconds (a test waits longer, to be independent of timing).
    gather_micros: std::sync::atomic::AtomicU64,
}

/// Counters of the group commit, for benchmarks and the status page.
#[derive(Debug, Default)]
pub struct GroupStats {
    /// Write transactions committed.
    pub commits: std::sync::atomic::AtomicU64,
    /// Durable flushes made for them.
    pub flushes: std::sync::atomic::AtomicU64,
}

#[derive(Debug, Default)]
struct Group {
    /// Transactions committed so far (not necessarily durable).
    committed: u64,
    /// Of those, how many a durable flush covers.
    durable: u64,
    /// A flush is under way.
    flushing: bool,
    /// The last failed flush: the transactions up to this number were not made durable.
    failed_up_to: u64,
    /// Writers that began and have not yet committed or given up.
    under_way: u64,
}

impl Shared {
    pub(super) fn new(handle: Arc<Handle>, bells: Arc<Doorbells>) -> Self {
        Self {
            handle,
            bells,
            group: Mutex::default(),
            flushed: Condvar::new(),
            stats: GroupStats::default(),
            gather_micros: std::sync::atomic::AtomicU64::new(
                u64::try_from(GATHER.as_micros()).unwrap_or(u64::MAX),
            ),
        }
    }

    pub(super) fn stats(&self) -> &GroupStats {
        &self.stats
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Group> {
        self.group.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Called right after a non-durable commit: returns once a durable commit covers it.
    /// `mine` is the writer's number among the committed ones.
    fn made_durable(&self, mine: u64) -> Result<(), StoreError> {
        use std::sync::atomic::Ordering::Relaxed;
        self.stats.commits.fetch_add(1, Relaxed);
        let mut g = self.lock();
        loop {
            if g.durable >= mine {
                return Ok(());
            }
            if g.failed_up_to >= mine {
                return Err(StoreError::NotDurable);
            }
            if !g.flushing {
                g.flushing = true;
                let gather = Duration::from_micros(self.gather_micros.load(Relaxed));
                let deadline = std::time::Instant::now() + gather;
                while g.under_way > 0 {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    g = self
                        .flushed
                        .wait_timeout(g, left)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
                let target = g.committed;
                let group = target.saturating_sub(g.durable);
                drop(g);
                let result = self.flush();
                crate::metrics::global().flush_group(group);
                self.stats.flushes.fetch_add(1, Relaxed);
                g = self.lock();
                g.flushing = false;
                match result {
                    Ok(()) => g.durable = g.durable.max(target),
                    Err(e) => {
                        tracing::error!(error = %e, "durable commit failed");
                        g.failed_up_to = g.failed_up_to.max(target);
                    }
                }
                self.flushed.notify_all();
                continue;
            }
            g = self.flushed.wait(g).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// One empty durable commit: redb then persists every commit before it.
    fn flush(&self) -> Result<(), StoreError> {
        let flushed = (|| {
            let mut txn = self.handle.flushable()?.begin_write()?;
            txn.set_durability(Durability::Immediate)?;
            txn.commit()?;
            Ok(())
        })();
        flushed.map_err(|e| self.handle.noticed(e))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Barrier;

    use crate::store::engine::{ReadableTable as _, TableDefinition};

    use crate::store::{Storage, Store};

    const ROWS: TableDefinition<u64, u64> = TableDefinition::new("group_commit_test");

    #[test]
    fn a_writer_waiting_for_the_lock_is_covered_by_the_flush_of_the_one_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = std::sync::Arc::new(Store::open(dir.path(), 1 << 20).unwrap());
        // However slowly the second writer is scheduled, the first one's flush waits.
        store
            .redb_shared()
            .gather_micros
            .store(60_000_000, std::sync::atomic::Ordering::Relaxed);
        let (commits_before, flushes_before) = store.group_commit_counts();
        let first = store.write().unwrap();
        first.open_table(ROWS).unwrap().insert(1, 1).unwrap();
        // The second writer begins while the first holds the write lock, and waits.
        let second = {
            let store = store.clone();
            std::thread::spawn(move || {
                let txn = store.write().unwrap();
                txn.open_table(ROWS).unwrap().insert(2, 2).unwrap();
                txn.commit().unwrap();
            })
        };
        while store.redb_shared().lock().under_way < 2 {
            std::thread::yield_now();
        }
        first.commit().unwrap();
        second.join().unwrap();
        let (commits, flushes) = store.group_commit_counts();
        assert_eq!(commits - commits_before, 2);
        assert_eq!(flushes - flushes_before, 1, "one durable flush for both");
    }

    #[test]
    fn concurrent_writers_share_durable_flushes_and_see_their_own_write() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let (commits_before, flushes_before) = store.group_commit_counts();
        let threads = 8;
        let per_thread = 40u64;
        let start = Barrier::new(threads);
        std::thread::scope(|s| {
            for t in 0..threads as u64 {
                let (store, start) = (&store, &start);
                s.spawn(move || {
                    start.wait();
                    for i in 0..per_thread {
                        let key = t * 1000 + i;
                        let txn = store.write().unwrap();
                        txn.open_table(ROWS).unwrap().insert(key, i).unwrap();
                        txn.commit().unwrap();
                        // Answered: the write is there for every later reader.
                        let read = store.read().unwrap();
                        let rows = read.open_table(ROWS).unwrap();
                        assert_eq!(rows.get(key).unwrap().map(|v| v.value()), Some(i));
                    }
                });
            }
        });
        let (commits, flushes) = store.group_commit_counts();
        let commits = commits - commits_before;
        let flushes = flushes - flushes_before;
        assert_eq!(commits, threads as u64 * per_thread);
        assert!(flushes >= 1 && flushes <= commits, "{flushes} flushes");
        // Every answered write survives closing and reopening the file.
        drop(store);
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let read = store.read().unwrap();
        assert_eq!(
            read.open_table(ROWS).unwrap().len().unwrap(),
            threads as u64 * per_thread
        );
    }

    #[test]
    fn a_failed_write_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        std::thread::scope(|s| {
            for key in 0..6u64 {
                let store = &store;
                s.spawn(move || {
                    let txn = store.write().unwrap();
                    txn.open_table(ROWS).unwrap().insert(key, key).unwrap();
                    if key == 3 {
                        // The use case refused: its transaction ends without a commit.
                        txn.abort().unwrap();
                    } else {
                        txn.commit().unwrap();
                    }
                });
            }
        });
        let read = store.read().unwrap();
        let rows = read.open_table(ROWS).unwrap();
        let keys: Vec<u64> = rows.iter().unwrap().map(|r| r.unwrap().0.value()).collect();
        assert_eq!(keys, vec![0, 1, 2, 4, 5]);
    }
}
