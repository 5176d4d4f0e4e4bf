//! Backups of the embedded store, and the checks a restore makes before it puts one in
//! place.
//!
//! A backup is a consistent snapshot taken while the portal keeps serving: every table
//! is copied, in key order, from one read transaction into a new redb file (written
//! under a temporary name beside the target, made durable, then renamed), and a small
//! manifest is written beside it (`<file>.manifest.json`: the version of osc, the schema
//! version, the time, the rows of every table and the file's SHA-256). Writers are never
//! held up: redb keeps the snapshot's pages for the reader while new commits go on.
//!
//! A restore believes nothing it has not checked: the manifest is present and ours, the
//! file has its size and checksum, its schema version is not newer than this binary's,
//! it opens, and every table holds the rows the manifest counted. Only then is the
//! current database moved aside (`osc.redb.before-restore-<time>`) and the backup copied
//! into place.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use redb::{Database, Durability, ReadOnlyDatabase, ReadableDatabase, WriteTransaction};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::engine::{ReadTxn, ReadableTable, StoredKey, TableDefinition, TableHandle};
use super::tables::{self, TableVisitor};
use super::{DB_FILE, SCHEMA_VERSION, StoreError, migrations};

/// What a manifest's file name adds to its backup's.
pub const MANIFEST_SUFFIX: &str = ".manifest.json";
/// The manifest's `format`: a file without it is not a backup of osc.
const FORMAT: &str = "osc-backup-1";
/// Rows copied per transaction of the new file (all but the last not yet durable, so the
/// copy of a large store needs little memory and one flush).
const ROWS_PER_COMMIT: u64 = 50_000;
/// The page cache of the new file.
const COPY_CACHE_BYTES: usize = 32 << 20;

/// What a backup holds, written beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The version of osc that wrote it.
    pub version: String,
    /// The store's schema version.
    pub schema: u64,
    /// When the snapshot was taken (unix seconds).
    pub taken_at: u64,
    /// The backup file's size.
    pub bytes: u64,
    /// The backup file's SHA-256, in hex.
    pub sha256: String,
    /// The rows of every table, by table name.
    pub tables: BTreeMap<String, u64>,
}

impl Manifest {
    /// The service requests it holds.
    pub fn tickets(&self) -> u64 {
        self.rows(tables::TICKETS.name())
    }

    /// The accounts it holds.
    pub fn people(&self) -> u64 {
        self.rows(tables::USERS.name())
    }

    fn rows(&self, table: &str) -> u64 {
        self.tables.get(table).copied().unwrap_or(0)
    }

    /// The manifest written beside `file`.
    pub fn read_beside(file: &Path) -> Result<Self, Refused> {
        let path = manifest_path(file);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Refused::NoManifest(path));
            }
            Err(e) => return Err(Refused::Unreadable(format!("{}: {e}", path.display()))),
        };
        match serde_json::from_str::<Manifest>(&text) {
            Ok(m) if m.format == FORMAT => Ok(m),
            _ => Err(Refused::Foreign(path)),
        }
    }
}

/// The outcome of the last backup, kept for `osc status` and the service desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastBackup {
    /// When it was started (unix seconds).
    pub at: u64,
    /// What came of it.
    pub outcome: Outcome,
}

/// What came of a backup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Written: where, how large, how long it took and how many requests it holds.
    Written {
        file: PathBuf,
        bytes: u64,
        seconds: f64,
        tickets: u64,
    },
    /// Failed, and why (for the operator: `osc status` and the log show it).
    Failed { why: String },
}

/// The manifest's path for the backup `file`.
pub fn manifest_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(MANIFEST_SUFFIX);
    PathBuf::from(name)
}

/// The name of a backup taken at `now` in the default directory: `osc-<UTC time>.redb`.
pub fn file_name(now: u64) -> String {
    format!("osc-{}.redb", file_stamp(now))
}

/// Whether `name` is one [`file_name`] gives.
pub fn is_file_name(name: &str) -> bool {
    name.starts_with("osc-") && name.ends_with(".redb")
}

/// `20261202-053000Z`: a time in file names (UTC, sorts as it reads, no colons).
pub fn file_stamp(unix: u64) -> String {
    let at = time::OffsetDateTime::from_unix_timestamp(i64::try_from(unix).unwrap_or(0))
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    at.format(time::macros::format_description!(
        "[year][month][day]-[hour][minute][second]Z"
    ))
    .unwrap_or_default()
}

/// Why a backup could not be written. Nothing is left behind at the target.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Reading the store or writing the copy failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// A file could not be made, written or moved.
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The target exists already; a backup never overwrites a file.
    #[error("{0} exists already; a backup never overwrites a file")]
    Exists(PathBuf),
    /// The store is a PostgreSQL database: its backups are PostgreSQL's own.
    #[error(
        "this store is a PostgreSQL database; back it up with PostgreSQL's tools (pg_dump, a replica)"
    )]
    NotEmbedded,
    /// The store holds a table the backup does not know, so it would be left out.
    #[error("the store holds a table the backup does not know ({0}); nothing was written")]
    UnknownTable(String),
}

/// Why a file is refused as a backup to restore. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// No manifest beside the file.
    #[error(
        "no manifest {0} beside it: only a file written by `osc backup` can be restored, with its manifest"
    )]
    NoManifest(PathBuf),
    /// The manifest is not one of ours.
    #[error("{0} is not the manifest of an osc backup")]
    Foreign(PathBuf),
    /// The file is shorter or longer than its manifest says.
    #[error(
        "the file is incomplete or damaged: it has {found} bytes, its manifest says {expected}"
    )]
    Size { expected: u64, found: u64 },
    /// The file's checksum differs from the manifest's.
    #[error("the file is damaged: its SHA-256 differs from the one in its manifest")]
    Checksum,
    /// Written by a newer osc.
    #[error(
        "the backup has schema version {found}, but this osc understands only up to {supported}; restore it with a newer osc"
    )]
    TooNew { found: u64, supported: u64 },
    /// The file does not open as a database, or a table cannot be read.
    #[error("the file cannot be read as an osc database: {0}")]
    Unreadable(String),
    /// A table holds another number of rows than the manifest counted.
    #[error("the table {table} holds {found} rows, its manifest says {expected}")]
    Counts {
        table: String,
        expected: u64,
        found: u64,
    },
    /// A server has the current database open.
    #[error("the database {0} is in use: stop the server (osc serve) before a restore")]
    InUse(PathBuf),
    /// Moving the files failed.
    #[error("{0}")]
    File(String),
}

/// Copies the snapshot `src` into a new database at `to` and writes its manifest.
pub(super) fn write(src: &ReadTxn, to: &Path, taken_at: u64) -> Result<Manifest, BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    let dir = match to.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_error = |path: &Path| {
        let path = path.to_owned();
        move |source| BackupError::File { path, source }
    };
    std::fs::create_dir_all(&dir).map_err(file_error(&dir))?;
    // Removed again if anything below fails.
    let partial = tempfile::Builder::new()
        .prefix(".osc-backup-")
        .suffix(".partial")
        .tempfile_in(&dir)
        .map_err(file_error(&dir))?
        .into_temp_path();
    let schema = migrations::stored_version(src)?;
    {
        // The copy is written once, in key order: a small cache is enough.
        let db = Database::builder()
            .set_cache_size(COPY_CACHE_BYTES)
            .create(&partial)
            .map_err(|e| StoreError::Db(e.into()))?;
        let mut copy = Copy {
            src,
            db: &db,
            rows: BTreeMap::new(),
        };
        tables::visit_every_table(&mut copy)?;
        for table in src.table_names()? {
            if !copy.rows.contains_key(&table) {
                return Err(BackupError::UnknownTable(table));
            }
        }
        // The last commit made everything durable.
        let rows = copy.rows;
        drop(db);
        let (bytes, sha256) = digest(&partial).map_err(file_error(&partial))?;
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            schema,
            taken_at,
            bytes,
            sha256,
            tables: rows,
        };
        partial
            .persist_noclobber(to)
            .map_err(|e| BackupError::File {
                path: to.to_owned(),
                source: e.error,
            })?;
        let written = write_manifest(to, &manifest).map_err(file_error(&manifest_path(to)));
        if written.is_err() {
            let _ = std::fs::remove_file(to);
        }
        written?;
        sync_dir(&dir).map_err(file_error(&dir))?;
        Ok(manifest)
    }
}

/// Writes the manifest beside `file`: under a temporary name, made durable, renamed.
fn write_manifest(file: &Path, manifest: &Manifest) -> std::io::Result<()> {
    let path = manifest_path(file);
    let mut tmp = PathBuf::from(path.as_os_str());
    tmp.set_extension("json.partial");
    let text = serde_json::to_string_pretty(manifest).map_err(std::io::Error::other)?;
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.write_all(b"\n")?;
    f.sync_all()?;
    std::fs::rename(&tmp, &path)
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// The size and SHA-256 (hex) of a file.
fn digest(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((bytes, hex))
}

/// Copies every table of a snapshot into a new database.
struct Copy<'a> {
    src: &'a ReadTxn,
    db: &'a Database,
    rows: BTreeMap<String, u64>,
}

impl Copy<'_> {
    fn begin(&self) -> Result<WriteTransaction, StoreError> {
        let mut txn = self.db.begin_write()?;
        txn.set_durability(Durability::None)?;
        Ok(txn)
    }
}

impl TableVisitor for Copy<'_> {
    fn visit<K: StoredKey, V: redb::Value + 'static>(
        &mut self,
        table: TableDefinition<'static, K, V>,
    ) -> Result<(), StoreError> {
        let Some(from) = super::records::open_existing(self.src, table)? else {
            return Ok(());
        };
        let mut rows = 0u64;
        let mut txn = self.begin()?;
        let mut to = txn.open_table(table)?;
        for row in from.iter()? {
            let (k, v) = row?;
            to.insert(k.value(), v.value())?;
            rows += 1;
            if rows.is_multiple_of(ROWS_PER_COMMIT) {
                drop(to);
                txn.commit()?;
                txn = self.begin()?;
                to = txn.open_table(table)?;
            }
        }
        drop(to);
        // Every table's last commit is durable: the file is complete after the last one.
        txn.set_durability(Durability::Immediate)?;
        txn.commit()?;
        self.rows.insert(table.name().to_owned(), rows);
        Ok(())
    }
}

/// Counts the rows of every table of a snapshot.
struct Count<'a> {
    src: &'a ReadTxn,
    rows: BTreeMap<String, u64>,
}

impl TableVisitor for Count<'_> {
    fn visit<K: StoredKey, V: redb::Value + 'static>(
        &mut self,
        table: TableDefinition<'static, K, V>,
    ) -> Result<(), StoreError> {
        if let Some(t) = super::records::open_existing(self.src, table)? {
            self.rows.insert(table.name().to_owned(), t.len()?);
        }
        Ok(())
    }
}

/// Checks the backup `file` against its manifest (see the module's header).
pub fn verify(file: &Path) -> Result<Manifest, Refused> {
    let manifest = Manifest::read_beside(file)?;
    let found = std::fs::metadata(file)
        .map_err(|e| Refused::Unreadable(format!("{}: {e}", file.display())))?
        .len();
    if found != manifest.bytes {
        return Err(Refused::Size {
            expected: manifest.bytes,
            found,
        });
    }
    let (_, sha256) =
        digest(file).map_err(|e| Refused::Unreadable(format!("{}: {e}", file.display())))?;
    if sha256 != manifest.sha256 {
        return Err(Refused::Checksum);
    }
    if manifest.schema > SCHEMA_VERSION {
        return Err(Refused::TooNew {
            found: manifest.schema,
            supported: SCHEMA_VERSION,
        });
    }
    let unreadable = |e: &dyn std::fmt::Display| Refused::Unreadable(e.to_string());
    let db = ReadOnlyDatabase::open(file).map_err(|e| unreadable(&e))?;
    let txn = ReadTxn::Redb(db.begin_read().map_err(|e| unreadable(&e))?);
    let schema = migrations::stored_version(&txn).map_err(|e| unreadable(&e))?;
    if schema > SCHEMA_VERSION {
        return Err(Refused::TooNew {
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    if schema != manifest.schema {
        return Err(Refused::Unreadable(format!(
            "its schema version {schema} is not its manifest's {}",
            manifest.schema
        )));
    }
    let mut count = Count {
        src: &txn,
        rows: BTreeMap::new(),
    };
    tables::visit_every_table(&mut count).map_err(|e| unreadable(&e))?;
    for (table, &expected) in &manifest.tables {
        let found = count.rows.get(table).copied().unwrap_or(0);
        if found != expected {
            return Err(Refused::Counts {
                table: table.clone(),
                expected,
                found,
            });
        }
    }
    Ok(manifest)
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The backup's manifest.
    pub manifest: Manifest,
    /// Where the database that was in place now is (none when there was none).
    pub kept: Option<PathBuf>,
}

/// Puts the backup `file` in place as `<data_dir>/osc.redb` once [`verify`] accepts it;
/// the database in place is kept as `osc.redb.before-restore-<time>`. The server must be
/// stopped: a database another process holds open is refused.
pub fn restore(data_dir: &Path, file: &Path, now: u64) -> Result<Restored, Refused> {
    let manifest = verify(file)?;
    let current = data_dir.join(DB_FILE);
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Refused::File(format!("{what} {}: {e}", path.display()))
    };
    if current.exists() {
        // redb locks an open file: a server (or another command) holding it is refused.
        match Database::builder().open(&current) {
            Ok(db) => drop(db),
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
                return Err(Refused::InUse(current));
            }
            // A damaged current database is what a restore is for.
            Err(_) => {}
        }
    }
    std::fs::create_dir_all(data_dir).map_err(|e| io("cannot create", data_dir, e))?;
    let incoming = data_dir.join(format!(".{DB_FILE}.restoring"));
    std::fs::copy(file, &incoming).map_err(|e| io("cannot copy the backup to", &incoming, e))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(|e| io("cannot write", &incoming, e))?;
    let kept = if current.exists() {
        let aside = data_dir.join(format!("{DB_FILE}.before-restore-{}", file_stamp(now)));
        std::fs::rename(&current, &aside).map_err(|e| io("cannot move aside", &current, e))?;
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&incoming, &current).map_err(|e| io("cannot put in place", &current, e))?;
    sync_dir(data_dir).map_err(|e| io("cannot write", data_dir, e))?;
    Ok(Restored { manifest, kept })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_sort_as_they_read() {
        assert_eq!(file_stamp(1_764_653_400), "20251202-053000Z");
        assert!(file_stamp(1_764_653_400) < file_stamp(1_764_653_401));
    }

    #[test]
    fn every_table_of_a_store_is_in_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(dir.path(), 1 << 20).unwrap();
        // Every table exists once a write of each kind has run; the migrations create
        // the ones the backup must not forget.
        let target = dir.path().join("b.redb");
        let manifest = write(&store.read().unwrap(), &target, 1).unwrap();
        let txn = store.read().unwrap();
        for table in txn.table_names().unwrap() {
            assert!(manifest.tables.contains_key(&table), "{table}");
        }
        assert_eq!(verify(&target).unwrap(), manifest);
    }
}
