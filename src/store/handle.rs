//! The open database file and its health.
//!
//! Writes are refused (with [`StoreError::DiskFull`]) while less than the reserve
//! (`storage.reserve_mb`) is free on the data directory's file system, so redb does not
//! reach a full disk in the first place: reads go on, and writes are accepted again as
//! soon as space is freed, without a restart.
//!
//! When a write fails on the disk all the same (the reserve was too small, or the disk
//! reported an I/O error), redb refuses every later operation until the file is opened
//! again. The handle notices it from the error, logs it once with the file's path, and
//! reopens the file from a thread of its own, again and again until the cause is gone.
//! Meanwhile it opens the file read-only when it can, so pages that only read keep
//! working. What redb had not made durable is lost with the failed file, and none of it
//! was acknowledged: the writers it belonged to were told their write failed.
//!
//! A new database file is made under a temporary name and only renamed into place once
//! it is ready ([`create_atomically`]), so a first start that fails leaves no file behind.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use redb::{Database, ReadOnlyDatabase, ReadTransaction, ReadableDatabase};

use super::StoreError;

/// How long the healer waits between two attempts to reopen the file.
const RETRY: Duration = Duration::from_millis(500);

/// The file as it is open now.
#[derive(Clone)]
enum Open {
    /// For reading and writing.
    Writable(Arc<Database>),
    /// After a failure, until the file can be opened for writing again.
    ReadOnly(Arc<ReadOnlyDatabase>),
    /// Between two attempts.
    Closed,
}

/// The database file, reopened after a failure.
pub(super) struct Handle {
    path: PathBuf,
    cache_bytes: usize,
    reserve_bytes: u64,
    open: RwLock<Open>,
    /// A write failed on the disk: writes are refused until the file is reopened.
    failed: AtomicBool,
    /// The healer thread is running.
    healing: AtomicBool,
    /// Less than the reserve was free when last looked.
    low_space: AtomicBool,
}

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handle")
            .field("path", &self.path)
            .field("failed", &self.failed.load(Ordering::Relaxed))
            .field("low_space", &self.low_space.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// Opens `path` for writing with a page cache of `cache_bytes`.
fn open_writable(path: &Path, cache_bytes: usize) -> Result<Database, StoreError> {
    Database::builder()
        .set_cache_size(cache_bytes)
        .create(path)
        .map_err(|e| match e {
            redb::DatabaseError::DatabaseAlreadyOpen => StoreError::InUse(path.to_owned()),
            source => StoreError::Open {
                path: path.to_owned(),
                source: source.into(),
            },
        })
}

/// Makes a new database at `path`: under a temporary name beside it, prepared by
/// `prepare` (the migrations), flushed, and renamed into place only then. On failure the
/// temporary file is removed, so nothing is left at `path` or beside it.
pub(super) fn create_atomically(
    path: &Path,
    prepare: impl FnOnce(&Path) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".new");
    let temporary = path.with_file_name(name);
    let file_error = |source| StoreError::File {
        path: path.to_owned(),
        source,
    };
    // Left by a first start that was killed.
    match std::fs::remove_file(&temporary) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(file_error(e)),
        _ => {}
    }
    let made = prepare(&temporary)
        .map_err(|source| StoreError::Create {
            path: path.to_owned(),
            source: Box::new(source),
        })
        .and_then(|()| std::fs::rename(&temporary, path).map_err(file_error))
        .and_then(|()| sync_directory(path).map_err(file_error));
    if made.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    made
}

/// Makes a rename in `path`'s directory durable.
fn sync_directory(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// Whether `e` means the disk failed under redb, which then refuses everything until
/// the file is reopened.
fn is_disk_failure(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Db(redb::Error::Io(_) | redb::Error::PreviousIo | redb::Error::DatabaseClosed)
    )
}

/// Bytes free for an unprivileged writer on the file system holding `path`.
#[cfg(unix)]
fn free_bytes(path: &Path) -> Option<u64> {
    let stat = rustix::fs::statvfs(path).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

#[cfg(not(unix))]
fn free_bytes(_path: &Path) -> Option<u64> {
    None
}

impl Handle {
    /// Opens the existing file at `path`; writes need `reserve_bytes` free (0: no check).
    pub(super) fn open(
        path: PathBuf,
        cache_bytes: usize,
        reserve_bytes: u64,
    ) -> Result<Arc<Self>, StoreError> {
        let db = open_writable(&path, cache_bytes)?;
        Ok(Arc::new(Self {
            path,
            cache_bytes,
            reserve_bytes,
            open: RwLock::new(Open::Writable(Arc::new(db))),
            failed: AtomicBool::new(false),
            healing: AtomicBool::new(false),
            low_space: AtomicBool::new(false),
        }))
    }

    /// The file's path.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    fn current(&self) -> Open {
        self.open.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set(&self, open: Open) {
        *self.open.write().unwrap_or_else(|p| p.into_inner()) = open;
    }

    /// The database to write to: refused while space is short or after a failure.
    pub(super) fn writable(self: &Arc<Self>) -> Result<Arc<Database>, StoreError> {
        self.check_space()?;
        self.flushable()
    }

    /// The database to make earlier commits durable in, whatever the free space: refused
    /// only after a failure.
    pub(super) fn flushable(self: &Arc<Self>) -> Result<Arc<Database>, StoreError> {
        match self.current() {
            Open::Writable(db) if !self.failed.load(Ordering::Acquire) => Ok(db),
            _ => {
                self.heal_soon();
                Err(StoreError::Unavailable(self.path.clone()))
            }
        }
    }

    /// A read transaction, also while the file is open read-only after a failure.
    pub(super) fn begin_read(self: &Arc<Self>) -> Result<ReadTransaction, StoreError> {
        let begun = match self.current() {
            Open::Writable(db) => db.begin_read(),
            Open::ReadOnly(db) => db.begin_read(),
            Open::Closed => return Err(StoreError::Unavailable(self.path.clone())),
        };
        begun.map_err(|e| self.noticed(e.into()))
    }

    /// Looks at an error of a store operation: a disk failure marks the file failed (and
    /// is logged once) and starts the healer. Returns the error.
    pub(super) fn noticed(self: &Arc<Self>, e: StoreError) -> StoreError {
        if is_disk_failure(&e) && !self.failed.swap(true, Ordering::AcqRel) {
            tracing::error!(
                path = %self.path.display(),
                error = %e,
                "the database file failed; writes are refused until it is reopened, which is tried until it works"
            );
            self.heal_soon();
        }
        e
    }

    /// Whether writes are accepted now: no failure, and the reserve free.
    pub(super) fn accepts_writes(self: &Arc<Self>) -> bool {
        self.writable().is_ok()
    }

    /// Refuses a write while less than the reserve is free; logs the change either way
    /// once.
    fn check_space(&self) -> Result<(), StoreError> {
        if self.reserve_bytes == 0 {
            return Ok(());
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let Some(free) = free_bytes(dir) else {
            return Ok(());
        };
        if free < self.reserve_bytes {
            if !self.low_space.swap(true, Ordering::AcqRel) {
                tracing::error!(
                    path = %self.path.display(),
                    free_bytes = free,
                    reserve_bytes = self.reserve_bytes,
                    "too little space left for the database; writes are refused until space is freed"
                );
            }
            return Err(StoreError::DiskFull(self.path.clone()));
        }
        if self.low_space.swap(false, Ordering::AcqRel) {
            tracing::info!(path = %self.path.display(), free_bytes = free, "space freed; writes are accepted again");
        }
        Ok(())
    }

    /// Starts the healer thread unless it runs.
    fn heal_soon(self: &Arc<Self>) {
        if !self.failed.load(Ordering::Acquire) || self.healing.swap(true, Ordering::AcqRel) {
            return;
        }
        let handle = self.clone();
        let started = std::thread::Builder::new()
            .name("osc-store-heal".into())
            .spawn(move || handle.heal());
        if started.is_err() {
            self.healing.store(false, Ordering::Release);
        }
    }

    /// Reopens the file until it opens for writing; read-only in between. Each attempt
    /// waits first, so the transactions still using the failed file can end.
    fn heal(&self) {
        loop {
            std::thread::sleep(RETRY);
            // The failed database (or the read-only one) closes once the transactions
            // still using it end; until then the file stays locked.
            self.set(Open::Closed);
            match open_writable(&self.path, self.cache_bytes) {
                Ok(db) => {
                    self.set(Open::Writable(Arc::new(db)));
                    self.failed.store(false, Ordering::Release);
                    self.healing.store(false, Ordering::Release);
                    tracing::info!(path = %self.path.display(), "the database file was reopened; writes are accepted again");
                    return;
                }
                Err(e) => {
                    tracing::debug!(path = %self.path.display(), error = %e, "the database file does not open for writing yet");
                    if let Ok(db) = Database::builder()
                        .set_cache_size(self.cache_bytes)
                        .open_read_only(&self.path)
                    {
                        self.set(Open::ReadOnly(Arc::new(db)));
                    }
                }
            }
        }
    }
}
