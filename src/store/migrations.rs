//! Schema versions and the named migrations that move a store file from one to the next.
//!
//! Each migration runs in its own write transaction, which also records its name and
//! bumps the stored version, so a crash leaves the file at a clean version. A file whose
//! version is newer than [`SCHEMA_VERSION`] is refused, never touched.

use super::Txn;
use super::engine::{ReadTxn, ReadableTable};

use super::{Store, StoreError, tables};

/// The schema version this binary writes and understands.
pub const SCHEMA_VERSION: u64 = 18;

/// A named step from `version - 1` to `version`.
#[derive(Clone, Copy)]
pub struct Migration {
    /// The version the store has after this step.
    pub version: u64,
    /// A name that says what the step does; recorded in the store when applied.
    pub name: &'static str,
    /// The step itself, inside the transaction that records it.
    pub apply: fn(&Txn) -> Result<(), StoreError>,
}

/// Every migration, oldest first. Append; never edit or reorder a released one.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_create_tables",
        apply: create_tables_v1,
    },
    Migration {
        version: 2,
        name: "0002_service_desk",
        apply: service_desk_v2,
    },
    Migration {
        version: 3,
        name: "0003_plant_import",
        apply: plant_import_v3,
    },
    Migration {
        version: 4,
        name: "0004_index_feed",
        apply: index_feed_v4,
    },
    Migration {
        version: 5,
        name: "0005_ticket_state_counts",
        apply: super::ticket_list::count_all_states_in,
    },
    Migration {
        version: 6,
        name: "0006_staff_index",
        apply: super::users::index_staff_in,
    },
    Migration {
        version: 7,
        name: "0007_tickets_by_state",
        apply: super::ticket_list::index_all_states_in,
    },
    Migration {
        version: 8,
        name: "0008_tokens_by_user",
        apply: super::tokens::index_by_user_in,
    },
    Migration {
        version: 9,
        name: "0009_session_origins",
        apply: session_origins_v9,
    },
    Migration {
        version: 10,
        name: "0010_two_factor",
        apply: two_factor_v10,
    },
    Migration {
        version: 11,
        name: "0011_inbox",
        apply: inbox_v11,
    },
    Migration {
        version: 12,
        name: "0012_ticket_rows",
        apply: super::ticket_list::write_all_rows_in,
    },
    Migration {
        version: 13,
        name: "0013_api_tokens",
        apply: api_tokens_v13,
    },
    Migration {
        version: 14,
        name: "0014_webhooks",
        apply: webhooks_v14,
    },
    Migration {
        version: 15,
        name: "0015_saved_replies",
        apply: saved_replies_v15,
    },
    Migration {
        version: 16,
        name: "0016_warranty_reminders",
        apply: reminders_v16,
    },
    Migration {
        version: 17,
        name: "0017_service_levels",
        apply: service_levels_v17,
    },
    Migration {
        version: 18,
        name: "0018_lists_by_due_time",
        apply: lists_by_due_v18,
    },
];

const VERSION_KEY: &str = "schema_version";

/// Where sessions were started: sessions already open have no origin and are listed
/// as of an unknown browser.
fn session_origins_v9(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::SESSION_ORIGINS.def())?;
    Ok(())
}

/// Two-step log-in: no account has it yet.
fn two_factor_v10(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::TWO_FACTOR.def())?;
    Ok(())
}

/// Incoming mail: which thread each queued message belongs to (mail queued before has
/// none), the messages processed and those held.
fn inbox_v11(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::MAIL_THREADS)?;
    txn.open_table(tables::MAIL_RETURNED)?;
    txn.open_table(tables::INBOX_SEEN)?;
    txn.open_table(tables::INBOX_HELD.def())?;
    Ok(())
}

/// Personal access tokens for the JSON API: nobody has one yet.
fn api_tokens_v13(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::API_TOKENS.def())?;
    txn.open_table(tables::USER_API_TOKENS)?;
    Ok(())
}

/// Webhooks: no endpoint is registered yet.
fn webhooks_v14(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::WEBHOOKS.def())?;
    txn.open_table(tables::WEBHOOK_DELIVERIES.def())?;
    txn.open_table(tables::WEBHOOK_PENDING)?;
    txn.open_table(tables::ENDPOINT_DELIVERIES)?;
    Ok(())
}

/// Saved replies of the service team: none yet.
fn saved_replies_v15(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::SAVED_REPLIES.def())?;
    Ok(())
}

/// Weekly warranty reminders: everyone gets them, none was sent yet.
fn reminders_v16(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::REMINDER_OPT_OUTS)?;
    txn.open_table(tables::REMINDERS_SENT)?;
    Ok(())
}

/// Service levels: none are kept until the service team saves its hours.
fn service_levels_v17(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::SERVICE_LEVELS.def())?;
    Ok(())
}

/// The service desk's lists by due time: every ticket, open ones first (no service levels
/// are kept yet, so no clock runs).
fn lists_by_due_v18(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::TICKET_DUE_KEYS)?;
    txn.open_table(tables::SLA_WARNED)?;
    txn.open_table(tables::SLA_TIMES)?;
    super::ticket_list::write_all_due_in(txn)
}

fn create_tables_v1(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::META)?;
    txn.open_table(tables::MIGRATIONS_APPLIED)?;
    txn.open_table(tables::MAIL.def())?;
    txn.open_table(tables::MAIL_PENDING)?;
    txn.open_table(tables::USERS.def())?;
    txn.open_table(tables::USER_BY_EMAIL)?;
    txn.open_table(tables::COMPANIES.def())?;
    txn.open_table(tables::COMPANY_BY_KEY)?;
    txn.open_table(tables::COMPANY_MEMBERS)?;
    txn.open_table(tables::SESSIONS.def())?;
    txn.open_table(tables::USER_SESSIONS)?;
    txn.open_table(tables::TOKENS.def())?;
    txn.open_table(tables::INVITATIONS.def())?;
    txn.open_table(tables::INVITATION_BY_TOKEN)?;
    txn.open_table(tables::COMPANY_INVITATIONS)?;
    txn.open_table(tables::ASSIGNMENTS_BY_USER)?;
    txn.open_table(tables::PLANTS.def())?;
    txn.open_table(tables::COMPANY_PLANTS)?;
    txn.open_table(tables::OPERATOR_PLANTS)?;
    txn.open_table(tables::PLANT_ASSIGNEES)?;
    txn.open_table(tables::DEVICES.def())?;
    txn.open_table(tables::DEVICE_BY_SERIAL)?;
    txn.open_table(tables::PLANT_DEVICES)?;
    txn.open_table(tables::DOCUMENTS.def())?;
    txn.open_table(tables::DOCUMENT_CHUNKS)?;
    txn.open_table(tables::PLANT_DOCUMENTS)?;
    txn.open_table(tables::TICKETS.def())?;
    txn.open_table(tables::TICKET_SEQUENCE)?;
    txn.open_table(tables::TICKET_BY_NUMBER)?;
    txn.open_table(tables::TICKET_LIST_V1)?;
    txn.open_table(tables::TICKET_ATTACHMENT_CHUNKS)?;
    txn.open_table(tables::DEVICE_BY_FORMER_SERIAL)?;
    txn.open_table(tables::TICKETS_BY_PLANT)?;
    Ok(())
}

/// The service desk: tickets get an assignee, lists gain the waiting time (and the
/// service team's orders and scopes), weekly figures, the audit log and pending e-mail
/// changes.
fn service_desk_v2(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::TICKET_LIST)?;
    txn.open_table(tables::TICKET_WEEKS)?;
    txn.open_table(tables::AUDIT.def())?;
    txn.open_table(tables::AUDIT_BY_USER)?;
    txn.open_table(tables::AUDIT_BY_EVENT)?;
    txn.open_table(tables::PENDING_EMAIL)?;
    super::tickets::migrate_to_v2(txn)?;
    txn.delete_table(tables::TICKET_LIST_V1)?;
    Ok(())
}

/// Sunny Portal imports: their records and the plants they created, by portal id.
fn plant_import_v3(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::IMPORTS.def())?;
    txn.open_table(tables::PLANT_BY_PORTAL_ID)?;
    Ok(())
}

/// Migration 0004: the search index's feed (the index is rebuilt once, at the next start,
/// because its schema version changes with it).
fn index_feed_v4(txn: &Txn) -> Result<(), StoreError> {
    txn.open_table(tables::INDEX_FEED)?;
    Ok(())
}

/// The stored schema version; 0 for a new, empty file.
pub fn stored_version(txn: &ReadTxn) -> Result<u64, StoreError> {
    let Some(table) = txn.open_existing(tables::META)? else {
        return Ok(0);
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
            path: store.location().into(),
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
    use crate::store::Storage;
    use redb::TableDefinition;

    const EXTRA: TableDefinition<&str, u64> = TableDefinition::new("extra_v1");

    fn add_extra(txn: &Txn) -> Result<(), StoreError> {
        txn.open_table(EXTRA)?.insert("seeded", 42)?;
        Ok(())
    }

    fn failing(txn: &Txn) -> Result<(), StoreError> {
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
        let mut next = MIGRATIONS.to_vec();
        next.push(Migration {
            version: SCHEMA_VERSION + 1,
            name: "9999_add_extra",
            apply: add_extra,
        });
        run(&store, &next).unwrap();
        run(&store, &next).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION + 1);
        let txn = store.read().unwrap();
        let extra = txn.open_table(EXTRA).unwrap();
        assert_eq!(extra.get("seeded").unwrap().unwrap().value(), 42);
        assert_eq!(applied(&store).unwrap().len(), next.len());
    }

    #[test]
    fn failed_migration_rolls_back_and_keeps_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let mut next = MIGRATIONS.to_vec();
        next.push(Migration {
            version: SCHEMA_VERSION + 1,
            name: "9999_fails",
            apply: failing,
        });
        let err = run(&store, &next).unwrap_err();
        assert!(err.to_string().contains("9999_fails"), "{err}");
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let txn = store.read().unwrap();
        assert!(
            txn.open_table(EXTRA).is_err(),
            "nothing of the failed step remains"
        );
    }

    /// A contact request of Eva's, filed at `created`.
    fn eva_s_ticket(created: u64) -> crate::store::tickets::Ticket {
        use crate::store::tickets::{Ticket, TicketMessage};
        Ticket {
            id: 1,
            number: "2026-000001".into(),
            kind: crate::domain::ticket::TicketKind::Contact,
            topic: Some("technical".into()),
            status: crate::domain::ticket::TicketStatus::New,
            history: Vec::new(),
            requester: Some(7),
            requester_name: "Eva Berger".into(),
            requester_email: "eva@example.com".into(),
            language: crate::i18n::Lang::De,
            company: Some(3),
            plant: None,
            device: None,
            serial: None,
            subject: "Fehler 3501".into(),
            replacement: None,
            messages: vec![TicketMessage {
                at: created,
                author: Some(7),
                author_name: "Eva Berger".into(),
                from_staff: false,
                internal: false,
                text: "Fehler 3501".into(),
                attachments: Vec::new(),
            }],
            created_at: created,
            updated_at: created,
            assignee: None,
        }
    }

    /// A store written by schema 1 (tickets without an assignee, the first list
    /// layout) opens with its tickets readable, listed and counted.
    #[test]
    fn schema_1_tickets_are_carried_over() {
        use crate::store::ticket_list::{self, Filter, From, Order, Scope};
        let dir = tempfile::tempdir().unwrap();
        let created = 1_795_392_000;
        let ticket = eva_s_ticket(created);
        {
            let store = Store::open(dir.path(), 1 << 20).unwrap();
            // Schema 1 had no assignee: postcard writes `None` as one trailing zero.
            let mut v1 = super::super::codec::encode(&ticket);
            assert_eq!(v1.pop(), Some(0));
            let txn = store.write().unwrap();
            txn.open_table(tables::TICKETS.def())
                .unwrap()
                .insert(1, v1.as_slice())
                .unwrap();
            txn.open_table(tables::TICKET_LIST_V1)
                .unwrap()
                .insert((0, 0, created, 1), (0, created))
                .unwrap();
            txn.commit().unwrap();
            force_version(&store, 1).unwrap();
        }
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let read = crate::store::tickets::Tickets::page(&store, 0, 10).unwrap();
        assert_eq!(read, vec![ticket]);
        for scope in [
            Scope::All,
            Scope::Company(3),
            Scope::Requester(7),
            Scope::Assignee(0),
        ] {
            let page = ticket_list::TicketList::page(
                &store,
                scope,
                Order::Updated,
                Filter::default(),
                From::Start,
                10,
            )
            .unwrap();
            assert_eq!(page.tickets.len(), 1, "{scope:?}");
        }
        assert_eq!(
            ticket_list::TicketList::weeks(&store, created, 1).unwrap(),
            vec![(created, 1, 0)]
        );
        let txn = store.read().unwrap();
        assert!(
            txn.open_table(tables::TICKET_LIST_V1).is_err(),
            "the old list is gone"
        );
    }

    #[test]
    fn schema_11_tickets_get_their_list_rows() {
        use crate::store::ticket_list::TicketRow;
        use crate::store::tickets::Ticket;
        let dir = tempfile::tempdir().unwrap();
        let ticket = Ticket {
            id: 5,
            number: "2026-000005".into(),
            kind: crate::domain::ticket::TicketKind::Replacement,
            status: crate::domain::ticket::TicketStatus::InProgress,
            serial: Some(3_001_234_567),
            updated_at: 1_795_400_000,
            ..eva_s_ticket(1_795_392_000)
        };
        {
            // A schema-11 file: its tickets have no rows yet.
            let store = Store::open(dir.path(), 1 << 20).unwrap();
            let txn = store.write().unwrap();
            tables::TICKETS.put_in(&txn, 5, &ticket).unwrap();
            txn.open_table(tables::TICKET_ROWS.def())
                .unwrap()
                .remove(5)
                .unwrap();
            txn.commit().unwrap();
            force_version(&store, 11).unwrap();
        }
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let row = tables::TICKET_ROWS.get(&store.read().unwrap(), 5).unwrap();
        assert_eq!(row, Some(TicketRow::of(&ticket)));
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
    /// Reset links mailed before schema 8 (no index by account) are ended by a newer
    /// one all the same.
    #[test]
    fn schema_7_reset_links_are_indexed_by_their_account() {
        use crate::store::tokens::{self, Token, TokenKind, TokenState, Tokens};
        let dir = tempfile::tempdir().unwrap();
        let old = Token {
            kind: TokenKind::Reset,
            user_id: 42,
            created_at: 1_795_392_000,
            expires_at: 1_795_395_600,
            used_at: None,
        };
        {
            let store = Store::open(dir.path(), 1 << 20).unwrap();
            let txn = store.write().unwrap();
            // Written as schema 7 did: the token alone.
            tables::TOKENS.put_in(&txn, [1; 32], &old).unwrap();
            txn.commit().unwrap();
            force_version(&store, 7).unwrap();
        }
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let txn = store.write().unwrap();
        let newer = Token {
            created_at: old.created_at + 60,
            ..old.clone()
        };
        tokens::insert(&txn, [2; 32], &newer).unwrap();
        txn.commit().unwrap();
        let now = old.created_at + 120;
        assert!(matches!(
            store.state([1; 32], TokenKind::Reset, now).unwrap(),
            TokenState::Used(_)
        ));
        assert!(matches!(
            store.state([2; 32], TokenKind::Reset, now).unwrap(),
            TokenState::Valid(_)
        ));
    }
}
