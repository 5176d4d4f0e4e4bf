//! Schema versions and the named migrations that move a store file from one to the next.
//!
//! Each migration runs in its own write transaction, which also records its name and
//! bumps the stored version, so a crash leaves the file at a clean version. A file whose
//! version is newer than [`SCHEMA_VERSION`] is refused, never touched.

use redb::{ReadTransaction, ReadableTable, WriteTransaction};

use super::{Store, StoreError, tables};

/// The schema version this binary writes and understands.
pub const SCHEMA_VERSION: u64 = 1;

/// A named step from `version - 1` to `version`.
pub struct Migration {
    /// The version the store has after this step.
    pub version: u64,
    /// A name that says what the step does; recorded in the store when applied.
    pub name: &'static str,
    /// The step itself, inside the transaction that records it.
    pub apply: fn(&WriteTransaction) -> Result<(), StoreError>,
}

/// Every migration, oldest first. Append; never edit or reorder a released one.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "0001_create_tables",
    apply: create_tables_v1,
}];

const VERSION_KEY: &str = "schema_version";

fn create_tables_v1(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(tables::META)?;
    txn.open_table(tables::MIGRATIONS_APPLIED)?;
    txn.open_table(tables::MAIL)?;
    txn.open_table(tables::MAIL_PENDING)?;
    txn.open_table(tables::USERS)?;
    txn.open_table(tables::USER_BY_EMAIL)?;
    txn.open_table(tables::COMPANIES)?;
    txn.open_table(tables::COMPANY_BY_KEY)?;
    txn.open_table(tables::COMPANY_MEMBERS)?;
    txn.open_table(tables::SESSIONS)?;
    txn.open_table(tables::USER_SESSIONS)?;
    txn.open_table(tables::TOKENS)?;
    txn.open_table(tables::INVITATIONS)?;
    txn.open_table(tables::INVITATION_BY_TOKEN)?;
    txn.open_table(tables::COMPANY_INVITATIONS)?;
    txn.open_table(tables::ASSIGNMENTS_BY_USER)?;
    txn.open_table(tables::PLANTS)?;
    txn.open_table(tables::COMPANY_PLANTS)?;
    txn.open_table(tables::OPERATOR_PLANTS)?;
    txn.open_table(tables::PLANT_ASSIGNEES)?;
    txn.open_table(tables::DEVICES)?;
    txn.open_table(tables::DEVICE_BY_SERIAL)?;
    txn.open_table(tables::PLANT_DEVICES)?;
    txn.open_table(tables::DOCUMENTS)?;
    txn.open_table(tables::DOCUMENT_CHUNKS)?;
    txn.open_table(tables::PLANT_DOCUMENTS)?;
    txn.open_table(tables::TICKETS)?;
    txn.open_table(tables::TICKET_SEQUENCE)?;
    txn.open_table(tables::TICKET_BY_NUMBER)?;
    txn.open_table(tables::TICKET_LIST)?;
    txn.open_table(tables::TICKET_ATTACHMENT_CHUNKS)?;
    txn.open_table(tables::DEVICE_BY_FORMER_SERIAL)?;
    txn.open_table(tables::TICKETS_BY_PLANT)?;
    Ok(())
}

/// The stored schema version; 0 for a new, empty file.
pub fn stored_version(txn: &ReadTransaction) -> Result<u64, StoreError> {
    let table = match txn.open_table(tables::META) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    Ok(table.get(VERSION_KEY)?.map(|v| v.value()).unwrap_or(0))
}

/// Applies every migration of `migrations` newer than the stored version, in order.
/// Refuses a store whose version is newer than the last migration given.
pub fn run(store: &Store, migrations: &[Migration]) -> Result<(), StoreError> {
    let supported = migrations.last().map_or(0, |m| m.version);
    let current = stored_version(&store.read()?)?;
    if current > supported {
        return Err(StoreError::TooNew {
            path: store.path().to_owned(),
            found: current,
            supported,
        });
    }
    for migration in migrations.iter().filter(|m| m.version > current) {
        tracing::info!(name = migration.name, "applying store migration");
        let txn = store.write()?;
        (migration.apply)(&txn).map_err(|e| StoreError::Migration {
            name: migration.name,
            message: e.to_string(),
        })?;
        {
            let mut meta = txn.open_table(tables::META)?;
            meta.insert(VERSION_KEY, migration.version)?;
            let mut applied = txn.open_table(tables::MIGRATIONS_APPLIED)?;
            applied.insert(migration.name, crate::clock::now_secs())?;
        }
        txn.commit()?;
    }
    Ok(())
}

/// The names of the migrations recorded as applied, in name order.
pub fn applied(store: &Store) -> Result<Vec<String>, StoreError> {
    let txn = store.read()?;
    let table = txn.open_table(tables::MIGRATIONS_APPLIED)?;
    let mut names = Vec::new();
    for row in table.iter()? {
        let (name, _) = row?;
        names.push(name.value().to_owned());
    }
    Ok(names)
}

/// Sets the stored version by hand: only for tests that simulate other binaries.
#[doc(hidden)]
pub fn force_version(store: &Store, version: u64) -> Result<(), StoreError> {
    let txn = store.write()?;
    txn.open_table(tables::META)?.insert(VERSION_KEY, version)?;
    txn.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use redb::TableDefinition;

    const EXTRA: TableDefinition<&str, u64> = TableDefinition::new("extra_v1");

    fn add_extra(txn: &WriteTransaction) -> Result<(), StoreError> {
        txn.open_table(EXTRA)?.insert("seeded", 42)?;
        Ok(())
    }

    fn failing(txn: &WriteTransaction) -> Result<(), StoreError> {
        txn.open_table(EXTRA)?.insert("half", 1)?;
        Err(StoreError::Codec {
            table: "extra_v1",
            message: "simulated failure".into(),
        })
    }

    #[test]
    fn fresh_store_is_at_current_version_with_every_migration_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let names: Vec<_> = MIGRATIONS.iter().map(|m| m.name.to_owned()).collect();
        assert_eq!(applied(&store).unwrap(), names);
    }

    #[test]
    fn later_migrations_run_once_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let next = [
            Migration {
                version: 1,
                name: "0001_create_tables",
                apply: create_tables_v1,
            },
            Migration {
                version: 2,
                name: "0002_add_extra",
                apply: add_extra,
            },
        ];
        run(&store, &next).unwrap();
        run(&store, &next).unwrap();
        assert_eq!(store.schema_version().unwrap(), 2);
        let txn = store.read().unwrap();
        let extra = txn.open_table(EXTRA).unwrap();
        assert_eq!(extra.get("seeded").unwrap().unwrap().value(), 42);
        assert_eq!(applied(&store).unwrap().len(), 2);
    }

    #[test]
    fn failed_migration_rolls_back_and_keeps_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let next = [
            Migration {
                version: 1,
                name: "0001_create_tables",
                apply: create_tables_v1,
            },
            Migration {
                version: 2,
                name: "0002_fails",
                apply: failing,
            },
        ];
        let err = run(&store, &next).unwrap_err();
        assert!(err.to_string().contains("0002_fails"), "{err}");
        assert_eq!(store.schema_version().unwrap(), 1);
        let txn = store.read().unwrap();
        assert!(
            txn.open_table(EXTRA).is_err(),
            "nothing of the failed step remains"
        );
    }

    #[test]
    fn newer_file_is_refused_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path(), 1 << 20).unwrap();
            force_version(&store, SCHEMA_VERSION + 1).unwrap();
        }
        let err = Store::open(dir.path(), 1 << 20).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }));
        let msg = err.to_string();
        assert!(
            msg.contains("newer osc") && msg.contains("schema version"),
            "{msg}"
        );
    }
}
