//! The store: the source of truth for everything, behind the [`Storage`] seam.
//!
//! The layers above see only [`Storage`] and its traits, one per aggregate
//! ([`users::Users`], [`tickets::Tickets`], [`mail_queue::MailQueue`] …), each declared
//! next to the records it stores. A write method is one unit of work: the change, the
//! effects handed to it (mails, audit entries) and the index changes it causes commit
//! together or not at all, and the method returns once that commit is durable; the
//! decisions that must see the stored state (the two-admin limit, a status change's
//! rules) are closures run inside it.
//!
//! [`Store`] is the embedded backend: one redb file, `<data_dir>/osc.redb`. Every table
//! is declared in [`tables`]; values go through the one codec in [`codec`];
//! [`migrations`] brings a file to the current [`SCHEMA_VERSION`] at open and refuses a
//! file written by a newer binary. Nothing outside this module touches redb.

pub mod api_tokens;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod codec;
pub mod companies;
pub mod devices;
pub mod documents;
pub mod effects;
pub mod engine;
pub mod erasure;
pub mod file_content;
mod handle;
pub mod import_preview;
pub mod imports;
pub mod inbox;
pub mod index_feed;
pub mod integrity;
pub mod invitations;
pub mod mail_queue;
pub mod migrations;
pub mod plants;
pub mod records;
pub mod reminders;
pub mod saved_replies;
pub mod service_levels;
pub mod sessions;
pub mod tables;
pub mod ticket_list;
pub mod tickets;
pub mod tokens;
pub mod two_factor;
pub mod txn;
pub mod users;
pub mod webhooks;

use std::path::{Path, PathBuf};

use std::sync::Arc;

use engine::{ReadTxn, ReadableTable};

pub use migrations::SCHEMA_VERSION;
pub use txn::{Doorbells, Txn};

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "osc.redb";

/// Why a store operation failed. None of these is the user's fault.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// redb reported an error (I/O, corruption, a transaction problem).
    #[error("database: {0}")]
    Db(#[from] redb::Error),
    /// The file was written by a newer version of osc.
    #[error(
        "the database {path} has schema version {found}, but this osc understands only up to {supported}; run a newer osc or restore a backup"
    )]
    TooNew {
        path: PathBuf,
        found: u64,
        supported: u64,
    },
    /// Another osc process has the database open.
    #[error("the database {0} is in use by another osc process")]
    InUse(PathBuf),
    /// The database file could not be opened.
    #[error("the database {path} could not be opened: {source}")]
    Open { path: PathBuf, source: redb::Error },
    /// A new database file could not be made; none was left behind.
    #[error("the database {path} could not be created (nothing was left behind): {source}")]
    Create {
        path: PathBuf,
        source: Box<StoreError>,
    },
    /// Making or moving the database file failed.
    #[error("the database {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Too little space is left beside the database; writes wait until space is freed.
    #[error(
        "too little free space beside the database {0}; writes are refused until space is freed"
    )]
    DiskFull(PathBuf),
    /// A write failed on the disk; the file is being reopened.
    #[error("the database {0} is being reopened after a failed write")]
    Unavailable(PathBuf),
    /// A stored value could not be decoded.
    #[error("stored value in {table} is unreadable: {message}")]
    Codec {
        table: &'static str,
        message: String,
    },
    /// A migration failed; its transaction was rolled back.
    #[error("migration {name} failed: {message}")]
    Migration { name: &'static str, message: String },
    /// An uploaded file's spooled bytes could not be read back.
    #[error("an uploaded file's spool could not be read: {0}")]
    Spool(#[from] std::io::Error),
    /// PostgreSQL reported an error (the connection, a statement, the transaction).
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    /// The durable commit that should have covered a write failed: the write may be lost.
    #[error("the database could not make a write durable (see the earlier error)")]
    NotDurable,
}

impl StoreError {
    /// Whether the store refuses for now and will accept the same write later by itself
    /// (space is short, or the file is being reopened after a failure).
    pub fn is_temporary(&self) -> bool {
        matches!(
            self,
            StoreError::DiskFull(_) | StoreError::Unavailable(_) | StoreError::NotDurable
        )
    }
}

macro_rules! redb_error {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::Db(e.into())
            }
        }
    )*};
}
redb_error!(
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::SetDurabilityError
);

/// What the layers above ask of a store: the aggregates' traits, the doorbells its
/// followers (the mail worker, the indexer) wait on, and its health. A second backend
/// implements this trait; nothing above the store names a backend.
pub trait Storage: Send + Sync + std::fmt::Debug {
    /// The accounts.
    fn users(&self) -> &dyn users::Users;
    /// The companies and their members.
    fn companies(&self) -> &dyn companies::Companies;
    /// The invitations to companies.
    fn invitations(&self) -> &dyn invitations::Invitations;
    /// The signed-in sessions.
    fn sessions(&self) -> &dyn sessions::Sessions;
    /// The one-time tokens.
    fn tokens(&self) -> &dyn tokens::Tokens;
    /// The accounts' two-step log-in.
    fn two_factor(&self) -> &dyn two_factor::TwoFactor;
    /// The personal access tokens of the JSON API.
    fn api_tokens(&self) -> &dyn api_tokens::ApiTokens;
    /// The plants and sub-plants.
    fn plants(&self) -> &dyn plants::Plants;
    /// The devices.
    fn devices(&self) -> &dyn devices::Devices;
    /// The plants' documents.
    fn documents(&self) -> &dyn documents::Documents;
    /// The Sunny Portal imports.
    fn imports(&self) -> &dyn imports::Imports;
    /// The service requests.
    fn tickets(&self) -> &dyn tickets::Tickets;
    /// The ticket lists and counts.
    fn ticket_list(&self) -> &dyn ticket_list::TicketList;
    /// The change feed the search index follows.
    fn index_feed(&self) -> &dyn index_feed::IndexFeed;
    /// The outgoing mail queue.
    fn mail_queue(&self) -> &dyn mail_queue::MailQueue;
    /// The incoming mail processed and held.
    fn inbox(&self) -> &dyn inbox::Inbox;
    /// The audit log.
    fn audit(&self) -> &dyn audit::AuditLog;
    /// The webhook endpoints and their deliveries.
    fn webhooks(&self) -> &dyn webhooks::Webhooks;
    /// The service team's saved replies.
    fn saved_replies(&self) -> &dyn saved_replies::SavedReplies;
    /// The weekly warranty reminders.
    fn reminders(&self) -> &dyn reminders::Reminders;
    /// The service levels: business hours, holidays, targets.
    fn service_levels(&self) -> &dyn service_levels::ServiceLevels;
    /// A batch writing many records in few commits (`osc seed`).
    fn bulk(&self) -> Result<Box<dyn bulk::BulkLoad>, StoreError>;
    /// The doorbells rung after durable commits (the mail worker's, the indexer's).
    fn doorbells(&self) -> &Arc<Doorbells>;
    /// How many write transactions were committed, and in how many durable flushes.
    fn group_commit_counts(&self) -> (u64, u64);
    /// The stored schema version.
    fn schema_version(&self) -> Result<u64, StoreError>;
    /// How much the store holds, for `osc status`.
    fn totals(&self) -> Result<Totals, StoreError>;
    /// Writes a consistent snapshot of the whole store to the new file `to` (with its
    /// manifest beside it) while writes go on; `taken_at` is the snapshot's time.
    fn back_up(&self, to: &Path, taken_at: u64) -> Result<backup::Manifest, backup::BackupError>;
    /// Erases the account `id` and replaces its person's data wherever it stays
    /// (`erasure`), recording `audit` with it.
    fn erase_person(
        &self,
        id: u64,
        with: &erasure::Replacement,
        audit: audit::Entry,
    ) -> Result<Result<erasure::Erased, erasure::EraseRefused>, StoreError>;
    /// Anonymises the closed requests last changed before `before`; how many changed.
    fn anonymise_closed(&self, before: u64) -> Result<u64, StoreError>;
    /// Reads every table and compares every derived table with its records (`osc check`).
    fn check(&self) -> Result<integrity::Report, StoreError>;
    /// Rebuilds every derived table from the records (`osc check --repair`).
    fn repair(&self) -> Result<(), StoreError>;
    /// The instance's secret named `name`; `new` (fresh random bytes) is stored and
    /// returned when there is none yet, so every later call returns the same.
    fn instance_secret(&self, name: &str, new: [u8; 32]) -> Result<[u8; 32], StoreError>;
    /// Whether the store answers a read and accepts writes: used by `/healthz`.
    fn is_usable(&self) -> bool {
        self.schema_version().is_ok()
    }
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Service requests.
    pub tickets: u64,
    /// Accounts (staff included).
    pub people: u64,
    /// Sessions not yet ended (expired ones not yet swept included).
    pub sessions: u64,
    /// The size of the store on disk, in bytes.
    pub bytes: u64,
}

macro_rules! aggregates {
    ($($name:ident: $tr:path),* $(,)?) => {$(
        fn $name(&self) -> &dyn $tr {
            self
        }
    )*};
}

impl Storage for Store {
    aggregates!(
        users: users::Users,
        companies: companies::Companies,
        invitations: invitations::Invitations,
        sessions: sessions::Sessions,
        tokens: tokens::Tokens,
        two_factor: two_factor::TwoFactor,
        api_tokens: api_tokens::ApiTokens,
        plants: plants::Plants,
        devices: devices::Devices,
        documents: documents::Documents,
        imports: imports::Imports,
        tickets: tickets::Tickets,
        ticket_list: ticket_list::TicketList,
        index_feed: index_feed::IndexFeed,
        mail_queue: mail_queue::MailQueue,
        inbox: inbox::Inbox,
        audit: audit::AuditLog,
        webhooks: webhooks::Webhooks,
        saved_replies: saved_replies::SavedReplies,
        reminders: reminders::Reminders,
        service_levels: service_levels::ServiceLevels,
    );

    fn bulk(&self) -> Result<Box<dyn bulk::BulkLoad>, StoreError> {
        Ok(Box::new(bulk::Batch::begin(self)?))
    }

    fn doorbells(&self) -> &Arc<Doorbells> {
        match &self.engine {
            Engine::Redb(shared) => &shared.bells,
            Engine::Pg(shared) => &shared.bells,
        }
    }

    fn group_commit_counts(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        match &self.engine {
            Engine::Redb(shared) => {
                let s = shared.stats();
                (s.commits.load(Relaxed), s.flushes.load(Relaxed))
            }
            Engine::Pg(shared) => {
                let n = shared.commits.load(Relaxed);
                (n, n)
            }
        }
    }

    fn totals(&self) -> Result<Totals, StoreError> {
        let txn = self.read()?;
        let count = |t: Option<engine::ReadOnlyTable<u64, &'static [u8]>>| match t {
            Some(t) => t.len(),
            None => Ok(0),
        };
        Ok(Totals {
            tickets: count(txn.open_existing(tables::TICKETS.def())?)?,
            people: count(txn.open_existing(tables::USERS.def())?)?,
            sessions: match txn.open_existing(tables::SESSIONS.def())? {
                Some(table) => table.len()?,
                None => 0,
            },
            bytes: match self.path() {
                Some(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
                None => 0,
            },
        })
    }

    fn schema_version(&self) -> Result<u64, StoreError> {
        migrations::stored_version(&self.read()?)
    }

    fn back_up(&self, to: &Path, taken_at: u64) -> Result<backup::Manifest, backup::BackupError> {
        let txn = self.read()?;
        if !txn.is_embedded() {
            return Err(backup::BackupError::NotEmbedded);
        }
        backup::write(&txn, to, taken_at)
    }

    fn erase_person(
        &self,
        id: u64,
        with: &erasure::Replacement,
        audit: audit::Entry,
    ) -> Result<Result<erasure::Erased, erasure::EraseRefused>, StoreError> {
        erasure::erase(self, id, with, audit)
    }

    fn anonymise_closed(&self, before: u64) -> Result<u64, StoreError> {
        erasure::anonymise_tickets(self, before)
    }

    fn check(&self) -> Result<integrity::Report, StoreError> {
        integrity::check(self)
    }

    fn repair(&self) -> Result<(), StoreError> {
        integrity::repair(self)
    }

    fn is_usable(&self) -> bool {
        let writable = match &self.engine {
            Engine::Redb(shared) => shared.handle.accepts_writes(),
            Engine::Pg(_) => true,
        };
        writable && self.schema_version().is_ok()
    }

    fn instance_secret(&self, name: &str, new: [u8; 32]) -> Result<[u8; 32], StoreError> {
        // Asked once per process (the caller keeps it): a write transaction every time
        // is simpler than a read first, and creates the table on the first call.
        let txn = self.write()?;
        let secret = {
            let mut table = txn.open_table(tables::INSTANCE_SECRETS)?;
            let stored = table.get(name)?.map(|v| v.value());
            match stored {
                Some(s) => s,
                None => {
                    table.insert(name, new)?;
                    new
                }
            }
        };
        txn.commit()?;
        Ok(secret)
    }
}

/// The store on its engine: the embedded redb file, or a PostgreSQL database. Cheap to
/// share behind an `Arc`; closed when dropped.
#[derive(Debug)]
pub struct Store {
    engine: Engine,
}

#[derive(Debug)]
enum Engine {
    Redb(Arc<txn::Shared>),
    Pg(Arc<txn::PgShared>),
}

impl Store {
    /// Opens (or creates) `<data_dir>/osc.redb` with a page cache of `cache_bytes`, and
    /// runs the pending migrations. Writes are not checked against free space.
    pub fn open(data_dir: &Path, cache_bytes: usize) -> Result<Self, StoreError> {
        Self::open_with_reserve(data_dir, cache_bytes, 0)
    }

    /// [`Store::open`], refusing writes while less than `reserve_bytes` is free on the
    /// data directory's file system. A missing file is created atomically: a first start
    /// that fails leaves none.
    pub fn open_with_reserve(
        data_dir: &Path,
        cache_bytes: usize,
        reserve_bytes: u64,
    ) -> Result<Self, StoreError> {
        let path = data_dir.join(DB_FILE);
        if !path.exists() {
            handle::create_atomically(&path, |temporary| {
                let store = Self::open_file(temporary.to_owned(), cache_bytes, 0)?;
                migrations::run(&store, migrations::MIGRATIONS)
            })?;
        }
        let store = Self::open_file(path, cache_bytes, reserve_bytes)?;
        migrations::run(&store, migrations::MIGRATIONS)?;
        Ok(store)
    }

    /// Connects to the PostgreSQL database at `url` (with at most `connections`
    /// connections), lays it out and runs the pending migrations.
    pub fn connect(url: &str, connections: usize) -> Result<Self, StoreError> {
        let db = engine::pg::Database::connect(url, connections)?;
        db.register(&tables::names()?)?;
        let store = Self {
            engine: Engine::Pg(Arc::new(txn::PgShared {
                db,
                bells: Arc::default(),
                commits: std::sync::atomic::AtomicU64::new(0),
            })),
        };
        migrations::run(&store, migrations::MIGRATIONS)?;
        Ok(store)
    }

    fn open_file(
        path: PathBuf,
        cache_bytes: usize,
        reserve_bytes: u64,
    ) -> Result<Self, StoreError> {
        let handle = handle::Handle::open(path, cache_bytes, reserve_bytes)?;
        Ok(Self {
            engine: Engine::Redb(Arc::new(txn::Shared::new(handle, Arc::default()))),
        })
    }

    /// The database file's path (`None` for a PostgreSQL store).
    pub fn path(&self) -> Option<&Path> {
        match &self.engine {
            Engine::Redb(shared) => Some(shared.handle.path()),
            Engine::Pg(_) => None,
        }
    }

    /// Where the store is, for messages: the file, or the database (without password).
    pub fn location(&self) -> String {
        match &self.engine {
            Engine::Redb(shared) => shared.handle.path().display().to_string(),
            Engine::Pg(shared) => shared.db.name().to_owned(),
        }
    }

    /// Starts a write transaction (the unit of work). Commit it with [`Txn::commit`],
    /// which returns once the write is durable.
    pub fn write(&self) -> Result<Txn, StoreError> {
        match &self.engine {
            Engine::Redb(shared) => Txn::begin(shared.clone()),
            Engine::Pg(shared) => Txn::begin_pg(shared.clone()),
        }
    }

    #[cfg(test)]
    fn redb_shared(&self) -> &txn::Shared {
        match &self.engine {
            Engine::Redb(shared) => shared,
            Engine::Pg(_) => panic!("a redb store"),
        }
    }

    /// Starts a read transaction: a consistent snapshot.
    pub fn read(&self) -> Result<ReadTxn, StoreError> {
        match &self.engine {
            Engine::Redb(shared) => Ok(ReadTxn::Redb(shared.handle.begin_read()?)),
            Engine::Pg(shared) => Ok(ReadTxn::Pg(Arc::new(shared.db.begin_read()?))),
        }
    }
}
