//! The PostgreSQL engine: the store's tables as rows of one PostgreSQL table, read and
//! written with the same guarantees as the redb file.
//!
//! Every store table is a registered name in `osc_tables`; its rows are the rows of
//! `osc_rows` with its number, keyed by the order-preserving encoding of the key
//! ([`super::keys`]) with redb's own encoding and the value beside it. The primary key
//! `(t, k)` is the index every range (every list, in the order it is shown) is read from,
//! page by page from either end. The engine's own layout is kept by the numbered
//! [`SCHEMA`] steps, run at start-up under an advisory lock; a database whose layout is
//! newer than this binary's is refused.
//!
//! A read transaction is a `REPEATABLE READ READ ONLY` transaction: one snapshot, like
//! redb's. A write transaction takes the writer's advisory lock first, so writes are one
//! after another on every node sharing the database, as redb's are in one process: the
//! decisions made inside a write transaction (the two-admin limit, a status change's rules)
//! see the state no other write can change before the commit. Its commit returns once
//! PostgreSQL has made it durable.
//!
//! The driver is async; the store's callers are blocking threads. The connections run on
//! a small runtime of the engine's own, and each call waits for its answer with futures'
//! executor, which works whether or not the caller is inside a tokio runtime.

use std::collections::{HashMap, VecDeque};
use std::marker::PhantomData;
use std::ops::Bound;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use futures_executor::block_on;
use redb::Value;
use tokio_postgres::NoTls;
use tokio_postgres::types::ToSql;

use super::{Guard, StoredKey};
use crate::store::StoreError;

/// The engine's layout, step by step; a database records the steps it has.
const SCHEMA: &[(i32, &str)] = &[(
    1,
    "CREATE TABLE osc_tables (
         id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         name text NOT NULL UNIQUE
     );
     CREATE TABLE osc_rows (
         t integer NOT NULL REFERENCES osc_tables (id),
         k bytea NOT NULL,
         rk bytea NOT NULL,
         v bytea NOT NULL,
         PRIMARY KEY (t, k)
     );",
)];

/// The advisory lock every write transaction holds: one writer at a time, on all nodes.
const WRITER_LOCK: i64 = 0x6f73_6377_7269_7465;
/// The advisory lock the layout steps run under, so two nodes starting at once do not
/// both run them.
const SCHEMA_LOCK: i64 = 0x6f73_6373_6368_656d;

/// How long a call waits for a free connection before it fails.
const POOL_WAIT: Duration = Duration::from_secs(30);

/// A PostgreSQL database holding a store.
pub struct Database {
    pool: Pool,
    /// The connections' runtime (taken when the database is dropped).
    runtime: Option<tokio::runtime::Runtime>,
    /// The tables' numbers, once looked up.
    tables: RwLock<HashMap<String, i32>>,
    /// `postgres://user@host:port/name`, without the password, for messages.
    name: String,
    /// Whether a write transaction of this process is open: the others wait here, not
    /// holding a connection while they wait for the writer's lock.
    writing: Mutex<bool>,
    written: Condvar,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("name", &self.name)
            .finish()
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// A PostgreSQL error as the store reports it.
fn failed(e: tokio_postgres::Error) -> StoreError {
    StoreError::Postgres(e.to_string())
}

impl Database {
    /// Connects to the database at `url` with at most `connections` connections, and
    /// brings the engine's layout up to date.
    pub fn connect(url: &str, connections: usize) -> Result<Arc<Self>, StoreError> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e: tokio_postgres::Error| StoreError::Postgres(format!("the URL: {e}")))?;
        let name = describe(&config);
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(connections.max(2))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(POOL_WAIT))
            .create_timeout(Some(Duration::from_secs(10)))
            .build()
            .map_err(|e| StoreError::Postgres(e.to_string()))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("osc-postgres")
            .enable_all()
            .build()
            .map_err(StoreError::Spool)?;
        let db = Arc::new(Self {
            pool,
            runtime: Some(runtime),
            tables: RwLock::default(),
            name,
            writing: Mutex::new(false),
            written: Condvar::new(),
        });
        db.lay_out()?;
        Ok(db)
    }

    /// The database's name for messages (no password).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A connection from the pool (made on the engine's runtime when none is free).
    fn client(&self) -> Result<Object, StoreError> {
        let pool = self.pool.clone();
        let Some(rt) = &self.runtime else {
            return Err(StoreError::Postgres("the database is closed".into()));
        };
        let got = block_on(rt.spawn(async move { pool.get().await }))
            .map_err(|e| StoreError::Postgres(e.to_string()))?;
        got.map_err(|e| StoreError::Postgres(format!("no connection to {}: {e}", self.name)))
    }

    /// Runs the layout steps the database lacks, refusing one laid out by a newer osc.
    fn lay_out(&self) -> Result<(), StoreError> {
        let client = self.client()?;
        let run = |sql: &str| block_on(client.batch_execute(sql)).map_err(failed);
        run(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock({SCHEMA_LOCK});
             CREATE TABLE IF NOT EXISTS osc_engine_schema (step integer NOT NULL)"
        ))?;
        let done: i32 =
            block_on(client.query_one("SELECT coalesce(max(step), 0) FROM osc_engine_schema", &[]))
                .map_err(failed)?
                .get(0);
        let known = SCHEMA.last().map_or(0, |(n, _)| *n);
        if done > known {
            let _ = run("ROLLBACK");
            return Err(StoreError::TooNew {
                path: PathBuf::from(&self.name),
                found: u64::try_from(done).unwrap_or(0),
                supported: u64::try_from(known).unwrap_or(0),
            });
        }
        for (n, sql) in SCHEMA.iter().filter(|(n, _)| *n > done) {
            run(sql)?;
            block_on(client.execute("INSERT INTO osc_engine_schema VALUES ($1)", &[n]))
                .map_err(failed)?;
        }
        run("COMMIT")
    }

    /// Begins a read transaction: one snapshot, taken now (PostgreSQL takes it at the
    /// transaction's first statement, so one is run with the `BEGIN`).
    pub fn begin_read(self: &Arc<Self>) -> Result<Session, StoreError> {
        Session::begin(
            self,
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT 1",
        )
    }

    /// Begins a write transaction, once every earlier one (of any node) has ended.
    pub fn begin_write(self: &Arc<Self>) -> Result<Session, StoreError> {
        let mut writing = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        while *writing {
            writing = self
                .written
                .wait(writing)
                .unwrap_or_else(|p| p.into_inner());
        }
        *writing = true;
        drop(writing);
        let session = Session::begin(
            self,
            &format!(
                "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITER_LOCK})"
            ),
        );
        match session {
            Ok(mut s) => {
                s.writer = true;
                Ok(s)
            }
            Err(e) => {
                self.done_writing();
                Err(e)
            }
        }
    }

    fn done_writing(&self) {
        *self.writing.lock().unwrap_or_else(|p| p.into_inner()) = false;
        self.written.notify_one();
    }

    /// Registers the tables `names` (the ones the store declares), so no write
    /// transaction has to.
    pub fn register(&self, names: &[String]) -> Result<(), StoreError> {
        let client = self.client()?;
        block_on(client.execute(
            "INSERT INTO osc_tables (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING",
            &[&names],
        ))
        .map_err(failed)?;
        Ok(())
    }
}

/// `postgres://user@host:port/name` of a connection's configuration, without its password.
fn describe(config: &tokio_postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map_or_else(String::new, |h| match h {
            tokio_postgres::config::Host::Tcp(name) => name.clone(),
            tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
        });
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!(
        "postgres://{}@{host}:{port}/{}",
        config.get_user().unwrap_or(""),
        config.get_dbname().unwrap_or("")
    )
}

/// One transaction on one connection of the pool; rolled back when dropped uncommitted.
pub struct Session {
    db: Arc<Database>,
    client: Option<Object>,
    open: AtomicBool,
    /// A write transaction: the process's writer slot is freed when it ends.
    writer: bool,
}

impl Session {
    fn begin(db: &Arc<Database>, begin: &str) -> Result<Self, StoreError> {
        let client = db.client()?;
        block_on(client.batch_execute(begin)).map_err(failed)?;
        Ok(Self {
            db: db.clone(),
            client: Some(client),
            open: AtomicBool::new(true),
            writer: false,
        })
    }

    fn client(&self) -> &Object {
        self.client
            .as_ref()
            .expect("a session has its connection until dropped")
    }

    /// Commits; returns once PostgreSQL has made the transaction durable.
    pub fn commit(&self) -> Result<(), StoreError> {
        self.open.store(false, Ordering::Relaxed);
        block_on(self.client().batch_execute("COMMIT")).map_err(failed)
    }

    /// Rolls back: nothing of the transaction is written.
    pub fn rollback(&self) -> Result<(), StoreError> {
        self.open.store(false, Ordering::Relaxed);
        block_on(self.client().batch_execute("ROLLBACK")).map_err(failed)
    }

    fn query(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<tokio_postgres::Row>, StoreError> {
        let client = self.client();
        block_on(async {
            let statement = client.prepare_cached(sql).await?;
            client.query(&statement, params).await
        })
        .map_err(failed)
    }

    /// The number of the table `name`, registering it first when `create` is set;
    /// `None` when it does not exist (in this transaction's snapshot).
    pub fn table_id(&self, name: &str, create: bool) -> Result<Option<i32>, StoreError> {
        if let Some(id) = self
            .db
            .tables
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(name)
        {
            return Ok(Some(*id));
        }
        let lookup = || -> Result<Option<i32>, StoreError> {
            let rows = self.query("SELECT id FROM osc_tables WHERE name = $1", &[&name])?;
            Ok(rows.first().map(|r| r.get(0)))
        };
        let id = lookup()?;
        if id.is_none() && create {
            // Made in this transaction: not remembered, it is gone if the transaction is
            // rolled back.
            self.query(
                "INSERT INTO osc_tables (name) VALUES ($1) ON CONFLICT (name) DO NOTHING",
                &[&name],
            )?;
            return lookup();
        }
        if let Some(id) = id {
            self.db
                .tables
                .write()
                .unwrap_or_else(|p| p.into_inner())
                .insert(name.to_owned(), id);
        }
        Ok(id)
    }

    /// The names of every table.
    pub fn table_names(&self) -> Result<Vec<String>, StoreError> {
        self.query("SELECT name FROM osc_tables ORDER BY name", &[])?
            .iter()
            .map(|r| r.try_get(0).map_err(failed))
            .collect()
    }

    /// Removes the table `name` and its rows.
    pub fn delete_table(&self, name: &str) -> Result<bool, StoreError> {
        let Some(id) = self.table_id(name, false)? else {
            return Ok(false);
        };
        self.query("DELETE FROM osc_rows WHERE t = $1", &[&id])?;
        self.query("DELETE FROM osc_tables WHERE id = $1", &[&id])?;
        self.db
            .tables
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(name);
        Ok(true)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        if self.writer {
            self.db.done_writing();
        }
        if self.open.load(Ordering::Relaxed) && block_on(client.batch_execute("ROLLBACK")).is_err()
        {
            // The connection is in an unknown state: it is closed, not reused.
            drop(Object::take(client));
        }
    }
}

/// Where a table's session is: borrowed from a write transaction, or shared by the tables
/// of a read transaction.
pub enum At<'t> {
    Borrowed(&'t Session),
    Shared(Arc<Session>),
}

impl std::ops::Deref for At<'_> {
    type Target = Session;

    fn deref(&self) -> &Session {
        match self {
            At::Borrowed(s) => s,
            At::Shared(s) => s,
        }
    }
}

/// One store table in a transaction.
pub struct Table<'t, K, V> {
    at: At<'t>,
    id: i32,
    types: PhantomData<fn() -> (K, V)>,
}

/// A row as PostgreSQL sent it: the ordered key (for paging on), redb's key, the value.
pub struct Fetched<K, V> {
    k: Vec<u8>,
    rk: Vec<u8>,
    v: Vec<u8>,
    types: PhantomData<fn() -> (K, V)>,
}

impl<K: StoredKey, V: Value + 'static> Fetched<K, V> {
    /// The row's key and value.
    pub fn guards<'a>(self) -> (Guard<'a, K>, Guard<'a, V>) {
        (Guard::owned(self.rk), Guard::owned(self.v))
    }

    fn read(row: &tokio_postgres::Row) -> Result<Self, StoreError> {
        Ok(Self {
            k: row.try_get(0).map_err(failed)?,
            rk: row.try_get(1).map_err(failed)?,
            v: row.try_get(2).map_err(failed)?,
            types: PhantomData,
        })
    }
}

/// The first column of the first row, if there is a row.
fn first_value(rows: &[tokio_postgres::Row]) -> Result<Option<Vec<u8>>, StoreError> {
    rows.first()
        .map(|r| r.try_get(0).map_err(failed))
        .transpose()
}

fn ordered<K: StoredKey>(key: &K::SelfType<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    K::ordered(key, &mut out);
    out
}

/// The conditions and parameters of a key range, numbered from `$2` (`$1` is the table).
fn conditions<'p>(
    lo: &'p Bound<Vec<u8>>,
    hi: &'p Bound<Vec<u8>>,
    params: &mut Vec<&'p (dyn ToSql + Sync)>,
) -> String {
    let mut sql = String::new();
    for (bound, incl, excl) in [(lo, ">=", ">"), (hi, "<=", "<")] {
        let (op, key) = match bound {
            Bound::Included(k) => (incl, k),
            Bound::Excluded(k) => (excl, k),
            Bound::Unbounded => continue,
        };
        params.push(key);
        sql.push_str(&format!(" AND k {op} ${}", params.len()));
    }
    sql
}

impl<'t, K: StoredKey, V: Value + 'static> Table<'t, K, V> {
    pub fn new(at: At<'t>, id: i32) -> Self {
        Self {
            at,
            id,
            types: PhantomData,
        }
    }

    pub fn get(&self, key: &K::SelfType<'_>) -> Result<Option<Vec<u8>>, StoreError> {
        let rows = self.at.query(
            "SELECT v FROM osc_rows WHERE t = $1 AND k = $2",
            &[&self.id, &ordered::<K>(key)],
        )?;
        first_value(&rows)
    }

    pub fn insert(
        &self,
        key: &K::SelfType<'_>,
        value: &[u8],
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let rk = K::as_bytes(key);
        let rows = self.at.query(
            "WITH old AS (SELECT v FROM osc_rows WHERE t = $1 AND k = $2),
                  new AS (INSERT INTO osc_rows (t, k, rk, v) VALUES ($1, $2, $3, $4)
                          ON CONFLICT (t, k) DO UPDATE SET v = EXCLUDED.v)
             SELECT v FROM old",
            &[&self.id, &ordered::<K>(key), &rk.as_ref(), &value],
        )?;
        first_value(&rows)
    }

    pub fn remove(&self, key: &K::SelfType<'_>) -> Result<Option<Vec<u8>>, StoreError> {
        let rows = self.at.query(
            "DELETE FROM osc_rows WHERE t = $1 AND k = $2 RETURNING v",
            &[&self.id, &ordered::<K>(key)],
        )?;
        first_value(&rows)
    }

    pub fn remove_range(&self, lo: Bound<Vec<u8>>, hi: Bound<Vec<u8>>) -> Result<(), StoreError> {
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&self.id];
        let sql = format!(
            "DELETE FROM osc_rows WHERE t = $1{}",
            conditions(&lo, &hi, &mut params)
        );
        self.at.query(&sql, &params)?;
        Ok(())
    }

    pub fn count(&self) -> Result<u64, StoreError> {
        let rows = self
            .at
            .query("SELECT count(*) FROM osc_rows WHERE t = $1", &[&self.id])?;
        let n: i64 = rows
            .first()
            .map_or(Ok(0), |r| r.try_get(0).map_err(failed))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The first row (or with `last`, the last one).
    pub fn end(&self, last: bool) -> Result<Option<Fetched<K, V>>, StoreError> {
        Ok(fetch(
            &self.at,
            self.id,
            &Bound::Unbounded,
            &Bound::Unbounded,
            last,
            1,
        )?
        .pop_front())
    }

    /// The rows between `lo` and `hi`, fetched as they are iterated.
    pub fn range(&self, lo: Bound<Vec<u8>>, hi: Bound<Vec<u8>>) -> Range<'_, K, V> {
        Range {
            session: &self.at,
            id: self.id,
            lo,
            hi,
            front: VecDeque::new(),
            back: VecDeque::new(),
            between_fetched: false,
            page: FIRST_PAGE,
            failed: false,
        }
    }
}

/// The rows of `table` between `lo` and `hi`, at most `limit`, ascending (or from the
/// top, with `desc`).
fn fetch<K: StoredKey, V: Value + 'static>(
    session: &Session,
    table: i32,
    lo: &Bound<Vec<u8>>,
    hi: &Bound<Vec<u8>>,
    desc: bool,
    limit: i64,
) -> Result<VecDeque<Fetched<K, V>>, StoreError> {
    let mut params: Vec<&(dyn ToSql + Sync)> = vec![&table];
    let mut sql = format!(
        "SELECT k, rk, v FROM osc_rows WHERE t = $1{}",
        conditions(lo, hi, &mut params)
    );
    params.push(&limit);
    sql.push_str(&format!(
        " ORDER BY k {} LIMIT ${}",
        if desc { "DESC" } else { "ASC" },
        params.len()
    ));
    session
        .query(&sql, &params)?
        .iter()
        .map(Fetched::read)
        .collect()
}

/// The first page a range fetches: most ranges are read for a row or a page of a list.
const FIRST_PAGE: i64 = 32;
/// The largest page.
const LAST_PAGE: i64 = 1024;

/// A range being read from either end, a page at a time. The rows fetched from the front
/// and from the back are kept apart; the next fetch from one end stops at the nearest row
/// fetched from the other, and once a fetch comes back short, every row between the two
/// ends is fetched.
pub struct Range<'a, K, V> {
    session: &'a Session,
    id: i32,
    /// What is not yet fetched lies between `lo` and `hi`.
    lo: Bound<Vec<u8>>,
    hi: Bound<Vec<u8>>,
    front: VecDeque<Fetched<K, V>>,
    /// In ascending order, like `front`.
    back: VecDeque<Fetched<K, V>>,
    between_fetched: bool,
    page: i64,
    failed: bool,
}

impl<K: StoredKey, V: Value + 'static> Range<'_, K, V> {
    /// The next row from the front (or, with `from_back`, from the back).
    pub fn next_row(&mut self, from_back: bool) -> Option<Result<Fetched<K, V>, StoreError>> {
        if self.failed {
            return None;
        }
        let mine_empty = if from_back {
            self.back.is_empty()
        } else {
            self.front.is_empty()
        };
        if mine_empty
            && !self.between_fetched
            && let Err(e) = self.fetch_more(from_back)
        {
            self.failed = true;
            return Some(Err(e));
        }
        let row = if from_back {
            self.back.pop_back().or_else(|| self.front.pop_back())
        } else {
            self.front.pop_front().or_else(|| self.back.pop_front())
        };
        row.map(Ok)
    }

    fn fetch_more(&mut self, from_back: bool) -> Result<(), StoreError> {
        let (lo, hi) = if from_back {
            let lo = match self.front.back() {
                Some(r) => Bound::Excluded(r.k.clone()),
                None => self.lo.clone(),
            };
            (lo, self.hi.clone())
        } else {
            let hi = match self.back.front() {
                Some(r) => Bound::Excluded(r.k.clone()),
                None => self.hi.clone(),
            };
            (self.lo.clone(), hi)
        };
        let rows = fetch::<K, V>(self.session, self.id, &lo, &hi, from_back, self.page)?;
        if i64::try_from(rows.len()).unwrap_or(i64::MAX) < self.page {
            self.between_fetched = true;
        }
        self.page = (self.page * 4).min(LAST_PAGE);
        if from_back {
            if let Some(lowest) = rows.back() {
                self.hi = Bound::Excluded(lowest.k.clone());
            }
            for row in rows {
                self.back.push_front(row);
            }
        } else {
            if let Some(highest) = rows.back() {
                self.lo = Bound::Excluded(highest.k.clone());
            }
            self.front.extend(rows);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Against a real PostgreSQL server: `TEST_POSTGRES_URL` names one the tests may make
    //! databases on (tools/postgres/throwaway.sh); without it these tests have nothing to
    //! run against and say so.
    use std::sync::Arc;

    use crate::store::engine::{ReadableTable, TableDefinition};
    use crate::store::{Storage, Store};

    const ROWS: TableDefinition<(&str, u64), u64> = TableDefinition::new("engine_test_rows");

    /// A fresh database on the test server, or `None` (said on stderr) without one.
    fn fresh_database() -> Option<String> {
        let server = std::env::var("TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty());
        let Some(server) = server else {
            eprintln!("TEST_POSTGRES_URL is not set: no PostgreSQL server to test against");
            return None;
        };
        static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let name = format!(
            "osc_engine_{}_{}",
            std::process::id(),
            MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (client, connection) = tokio_postgres::connect(&server, tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(connection);
            client
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
        });
        let mut url = url::Url::parse(&server).unwrap();
        url.set_path(&name);
        Some(url.to_string())
    }

    #[test]
    fn ranges_come_back_in_redbs_order_from_both_ends_across_pages() {
        let Some(url) = fresh_database() else { return };
        let store = Store::connect(&url, 4).unwrap();
        let txn = store.write().unwrap();
        {
            let mut rows = txn.open_table(ROWS).unwrap();
            for i in 0..300u64 {
                for name in ["b", "a", "a\0", ""] {
                    assert!(rows.insert((name, i), i).unwrap().is_none());
                }
            }
            // Writing a key again hands back the value it replaces.
            assert_eq!(rows.insert(("a", 7), 70).unwrap().unwrap().value(), 7);
        }
        txn.commit().unwrap();
        let read = store.read().unwrap();
        let rows = read.open_table(ROWS).unwrap();
        assert_eq!(rows.len().unwrap(), 1200);
        let keys: Vec<(String, u64)> = rows
            .range(("a", 0)..("a\0", 0))
            .unwrap()
            .map(|r| {
                let (k, _) = r.unwrap();
                let (name, i) = k.value();
                (name.to_owned(), i)
            })
            .collect();
        assert_eq!(keys.len(), 300);
        assert!(
            keys.iter()
                .enumerate()
                .all(|(n, (name, i))| name == "a" && *i == n as u64)
        );
        assert_eq!(rows.get(("a", 7)).unwrap().unwrap().value(), 70);
        // From both ends at once: every row once, in order, the two ends meeting.
        let mut range = rows.range(("", 0)..=("b", 299)).unwrap();
        let (mut front, mut back) = (Vec::new(), Vec::new());
        loop {
            match range.next() {
                Some(r) => front.push(r.unwrap().0.value().1),
                None => break,
            }
            match range.next_back() {
                Some(r) => back.push(r.unwrap().0.value().1),
                None => break,
            }
        }
        assert_eq!(front.len() + back.len(), 1200);
        assert_eq!(front[..3], [0, 1, 2]);
        assert_eq!(back[..3], [299, 298, 297]);
        let last = rows.last().unwrap().unwrap();
        assert_eq!(last.0.value(), ("b", 299));
        assert_eq!(rows.first().unwrap().unwrap().0.value(), ("", 0));
    }

    #[test]
    fn a_snapshot_stays_as_it_was_and_a_rolled_back_write_leaves_nothing() {
        let Some(url) = fresh_database() else { return };
        let store = Store::connect(&url, 4).unwrap();
        let txn = store.write().unwrap();
        txn.open_table(ROWS).unwrap().insert(("x", 1), 1).unwrap();
        txn.commit().unwrap();
        let before = store.read().unwrap();
        let txn = store.write().unwrap();
        {
            let mut rows = txn.open_table(ROWS).unwrap();
            rows.insert(("x", 2), 2).unwrap();
            assert_eq!(rows.remove(("x", 1)).unwrap().unwrap().value(), 1);
        }
        txn.commit().unwrap();
        let rows = before.open_table(ROWS).unwrap();
        assert!(
            rows.get(("x", 1)).unwrap().is_some(),
            "the snapshot keeps its row"
        );
        assert!(rows.get(("x", 2)).unwrap().is_none());
        let txn = store.write().unwrap();
        txn.open_table(ROWS).unwrap().clear().unwrap();
        txn.abort().unwrap();
        let now = store.read().unwrap();
        assert_eq!(now.open_table(ROWS).unwrap().len().unwrap(), 1);
    }

    #[test]
    fn writers_take_turns_on_every_store_of_the_database() {
        let Some(url) = fresh_database() else { return };
        // Two stores on one database, as two nodes have: increments never get lost.
        let a = Arc::new(Store::connect(&url, 4).unwrap());
        let b = Arc::new(Store::connect(&url, 4).unwrap());
        std::thread::scope(|s| {
            for store in [&a, &b, &a, &b] {
                s.spawn(move || {
                    for _ in 0..25 {
                        let txn = store.write().unwrap();
                        {
                            let mut rows = txn.open_table(ROWS).unwrap();
                            let n = rows.get(("n", 0)).unwrap().map_or(0, |v| v.value());
                            rows.insert(("n", 0), n + 1).unwrap();
                        }
                        txn.commit().unwrap();
                    }
                });
            }
        });
        let read = b.read().unwrap();
        let n = read
            .open_table(ROWS)
            .unwrap()
            .get(("n", 0))
            .unwrap()
            .unwrap()
            .value();
        assert_eq!(n, 100);
        assert!(
            a.schema_version().unwrap() > 0,
            "the store's migrations ran"
        );
    }
}
