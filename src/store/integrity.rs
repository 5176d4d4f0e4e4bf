//! `osc check` on the embedded store: every table is read to its last row, and every
//! table derived from the records (the secondary indexes and the counts) is derived again
//! from them and compared, row by row, with what is stored. `--repair` rebuilds the
//! derived tables from the records; it never changes a record.
//!
//! For the tickets, plants, devices and the audit log the derivation is the function the
//! writes use (`tickets::index_in`, `plants::index_in` …); the smaller indexes (accounts,
//! sessions, links, invitations, mails) are derived here the way their writes fill them.
//! It runs into a scratch database in a temporary directory, so a check needs little
//! memory however large the store, and the comparison is a merge of two tables in key
//! order.

use std::cmp::Ordering;

use super::engine::{
    ReadOnlyTable, ReadTxn, ReadableTable, StoredKey, TableDefinition, TableHandle,
};

use super::tables::{self, TableVisitor};
use super::{Store, StoreError, Txn};

/// Records derived per transaction of the scratch database.
const RECORDS_PER_COMMIT: usize = 50_000;
/// The scratch database's page cache: the ticket lists are written in ticket order but
/// kept in list order, so their pages are visited all over; with 16 MiB the check of
/// 1 M tickets took 245 s.
const SCRATCH_CACHE_BYTES: usize = 256 << 20;

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Tables read.
    pub tables: usize,
    /// Rows read in them.
    pub rows: u64,
    /// The derived tables compared with their records.
    pub derived: Vec<&'static str>,
    /// What differs.
    pub problems: Vec<Problem>,
}

/// A derived table that differs from what its records give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The table.
    pub table: &'static str,
    /// Rows the records call for that the table lacks.
    pub missing: u64,
    /// Rows the table holds that no record calls for.
    pub extra: u64,
    /// Rows whose value differs.
    pub differing: u64,
    /// One of them, to look at.
    pub example: String,
}

/// The derived tables, with the records they come from.
const DERIVED: &[&str] = &[
    "ticket_by_number_v1",
    "tickets_by_plant_v1",
    "ticket_list_v2",
    "ticket_weeks_v1",
    "ticket_state_counts_v1",
    "tickets_by_state_v1",
    "ticket_rows_v1",
    "company_plants_v1",
    "operator_plants_v1",
    "device_by_serial_v1",
    "plant_devices_v1",
    "device_by_former_serial_v1",
    "audit_by_user_v1",
    "audit_by_event_v1",
    "plant_documents_v1",
    "staff_users_v1",
    "user_by_email_v1",
    "company_members_v1",
    "user_sessions_v1",
    "mail_pending_v1",
    "invitation_by_token_v1",
    "company_invitations_v1",
    "user_tokens_v1",
    "company_by_key_v1",
    "assignments_by_user_v1",
    "user_api_tokens_v1",
    "webhook_pending_v1",
    "webhook_endpoint_deliveries_v1",
];

/// Calls `visit` for every derived table (the same list as [`DERIVED`]).
fn visit_derived(v: &mut impl TableVisitor) -> Result<(), StoreError> {
    v.visit(tables::TICKET_BY_NUMBER)?;
    v.visit(tables::TICKETS_BY_PLANT)?;
    v.visit(tables::TICKET_LIST)?;
    v.visit(tables::TICKET_WEEKS)?;
    v.visit(tables::TICKET_STATE_COUNTS)?;
    v.visit(tables::TICKETS_BY_STATE)?;
    v.visit(tables::TICKET_ROWS.def())?;
    v.visit(tables::COMPANY_PLANTS)?;
    v.visit(tables::OPERATOR_PLANTS)?;
    v.visit(tables::DEVICE_BY_SERIAL)?;
    v.visit(tables::PLANT_DEVICES)?;
    v.visit(tables::DEVICE_BY_FORMER_SERIAL)?;
    v.visit(tables::AUDIT_BY_USER)?;
    v.visit(tables::AUDIT_BY_EVENT)?;
    v.visit(tables::PLANT_DOCUMENTS)?;
    v.visit(tables::STAFF_USERS)?;
    v.visit(tables::USER_BY_EMAIL)?;
    v.visit(tables::COMPANY_MEMBERS)?;
    v.visit(tables::USER_SESSIONS)?;
    v.visit(tables::MAIL_PENDING)?;
    v.visit(tables::INVITATION_BY_TOKEN)?;
    v.visit(tables::COMPANY_INVITATIONS)?;
    v.visit(tables::USER_TOKENS)?;
    v.visit(tables::COMPANY_BY_KEY)?;
    v.visit(tables::ASSIGNMENTS_BY_USER)?;
    v.visit(tables::USER_API_TOKENS)?;
    v.visit(tables::WEBHOOK_PENDING)?;
    v.visit(tables::ENDPOINT_DELIVERIES)
}

/// Derives every derived table of the records in `source` into `txn`s `begin` hands out
/// (committed by `done` every [`RECORDS_PER_COMMIT`] records).
fn derive(
    source: &ReadTxn,
    mut begin: impl FnMut() -> Result<Txn, StoreError>,
    mut done: impl FnMut(Txn) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut txn = Some(begin()?);
    let mut n = 0usize;
    let mut step = |txn: &mut Option<Txn>| -> Result<(), StoreError> {
        n += 1;
        if n.is_multiple_of(RECORDS_PER_COMMIT) {
            if let Some(t) = txn.take() {
                done(t)?;
            }
            *txn = Some(begin()?);
        }
        Ok(())
    };
    // `$body` writes one record's entries (with `?`); then the next step.
    macro_rules! each {
        ($records:expr, |$txn:ident, $r:ident| $body:expr) => {
            each!($records, |$txn, _key, $r| $body)
        };
        ($records:expr, |$txn:ident, $key:ident, $r:ident| $body:expr) => {
            source.each(&$records, &mut |$key, $r| {
                let $txn = txn.as_ref().expect("a transaction is open");
                (|| -> Result<(), StoreError> {
                    $body;
                    Ok(())
                })()?;
                step(&mut txn)
            })?
        };
    }
    // The lists by due time are decided with the service levels: the scratch store
    // derives them with the same ones.
    if let Some(schedule) = tables::SERVICE_LEVELS.get(source, 0)? {
        let t = txn.as_ref().expect("a transaction is open");
        tables::SERVICE_LEVELS.put_in(t, 0, &schedule)?;
    }
    each!(tables::TICKETS, |t, ticket| super::tickets::index_in(
        t, &ticket
    )?);
    each!(tables::PLANTS, |t, plant| super::plants::index_in(
        t, &plant, true
    )?);
    each!(tables::DEVICES, |t, device| super::devices::index_in(
        t, &device
    )?);
    each!(tables::AUDIT, |t, entry| super::audit::index_in(t, &entry)?);
    each!(tables::DOCUMENTS, |t, doc| {
        t.open_table(tables::PLANT_DOCUMENTS)?
            .insert((doc.plant_id, doc.id), ())?;
    });
    each!(tables::USERS, |t, user| insert_user(t, &user)?);
    each!(tables::SESSIONS, |t, hash, session| {
        t.open_table(tables::USER_SESSIONS)?
            .insert((session.user_id, hash), ())?;
    });
    each!(tables::INVITATIONS, |t, id, invitation| {
        t.open_table(tables::INVITATION_BY_TOKEN)?
            .insert(invitation.token_hash, id)?;
        t.open_table(tables::COMPANY_INVITATIONS)?
            .insert((invitation.company_id, id), ())?;
    });
    each!(tables::TOKENS, |t, hash, token| {
        if token.used_at.is_none() {
            t.open_table(tables::USER_TOKENS)?
                .insert((token.user_id, token.kind.stored_code(), hash), ())?;
        }
    });
    each!(tables::API_TOKENS, |t, hash, token| {
        t.open_table(tables::USER_API_TOKENS)?
            .insert((token.user_id, hash), ())?;
    });
    each!(tables::WEBHOOK_DELIVERIES, |t, id, delivery| {
        t.open_table(tables::ENDPOINT_DELIVERIES)?
            .insert((delivery.endpoint, id), ())?;
        if let Some(at) = delivery.next_at {
            t.open_table(tables::WEBHOOK_PENDING)?
                .insert((at, id), ())?;
        }
    });
    each!(tables::COMPANIES, |t, id, company| {
        let key =
            super::companies::match_key(&company.name, &company.postal_code, &company.country);
        t.open_table(tables::COMPANY_BY_KEY)?
            .insert(key.as_str(), id)?;
    });
    each!(tables::MAIL, |t, id, mail| {
        if mail.state == super::mail_queue::MailState::Pending {
            t.open_table(tables::MAIL_PENDING)?
                .insert((mail.next_attempt_at, id), ())?;
        }
    });
    // Who a plant is assigned to, and the plants assigned to a person: one table is
    // the other turned round.
    if let Some(assignees) = super::records::open_existing(source, tables::PLANT_ASSIGNEES)? {
        for row in assignees.iter()? {
            let (plant, user) = row?.0.value();
            let t = txn.as_ref().expect("a transaction is open");
            t.open_table(tables::ASSIGNMENTS_BY_USER)?
                .insert((user, plant), ())?;
            step(&mut txn)?;
        }
    }
    if let Some(t) = txn.take() {
        done(t)?;
    }
    Ok(())
}

/// An account's entries: its e-mail, its company's members, the service team.
fn insert_user(txn: &Txn, user: &super::users::User) -> Result<(), StoreError> {
    txn.open_table(tables::USER_BY_EMAIL)?
        .insert(user.email.as_str(), user.id)?;
    if let Some((company, _)) = user.company {
        txn.open_table(tables::COMPANY_MEMBERS)?
            .insert((company, user.id), ())?;
    }
    if user.kind == crate::domain::account::AccountKind::Staff {
        txn.open_table(tables::STAFF_USERS)?.insert(user.id, ())?;
    }
    Ok(())
}

/// Where [`derive`] reads the records from: a read snapshot.
trait RecordSource {
    /// Calls `f` with every record of `records` and its key.
    fn each<K, T>(
        &self,
        records: &super::records::Records<K, T>,
        f: &mut dyn FnMut(K, T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>
    where
        K: StoredKey + for<'a> redb::Value<SelfType<'a> = K>,
        T: serde::de::DeserializeOwned + serde::Serialize;
}

impl RecordSource for ReadTxn {
    fn each<K, T>(
        &self,
        records: &super::records::Records<K, T>,
        f: &mut dyn FnMut(K, T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>
    where
        K: StoredKey + for<'a> redb::Value<SelfType<'a> = K>,
        T: serde::de::DeserializeOwned + serde::Serialize,
    {
        let Some(table) = super::records::open_existing(self, records.def())? else {
            return Ok(());
        };
        for row in table.iter()? {
            let (k, v) = row?;
            f(k.value(), records.decode(v.value())?)?;
        }
        Ok(())
    }
}

/// Checks `store` (see the module's header).
pub(super) fn check(store: &Store) -> Result<Report, StoreError> {
    let snapshot = store.read()?;
    let mut read = ReadAll::default();
    tables::visit_every_table(&mut ReadAllOf {
        txn: &snapshot,
        out: &mut read,
    })?;
    let scratch_dir = tempfile::Builder::new()
        .prefix(".osc-check-")
        .tempdir_in(
            store
                .path()
                .and_then(std::path::Path::parent)
                .unwrap_or(std::path::Path::new(".")),
        )
        .or_else(|_| tempfile::tempdir())?;
    let scratch = Store::open(scratch_dir.path(), SCRATCH_CACHE_BYTES)?;
    derive(&snapshot, || scratch.write(), Txn::commit)?;
    let derived = scratch.read()?;
    let mut compare = Compare {
        stored: &snapshot,
        derived: &derived,
        problems: Vec::new(),
    };
    visit_derived(&mut compare)?;
    Ok(Report {
        tables: read.tables,
        rows: read.rows,
        derived: DERIVED.to_vec(),
        problems: compare.problems,
    })
}

/// Rebuilds every derived table of `store` from its records, in one transaction.
pub(super) fn repair(store: &Store) -> Result<(), StoreError> {
    let snapshot = store.read()?;
    let txn = store.write()?;
    visit_derived(&mut Clear { txn: &txn })?;
    let txn = std::cell::RefCell::new(Some(txn));
    derive(
        &snapshot,
        || {
            Ok(txn
                .borrow_mut()
                .take()
                .expect("repair derives in one transaction"))
        },
        |t| {
            *txn.borrow_mut() = Some(t);
            Ok(())
        },
    )?;
    drop(snapshot);
    txn.into_inner()
        .expect("the repair's transaction is back")
        .commit()
}

#[derive(Default)]
struct ReadAll {
    tables: usize,
    rows: u64,
}

/// Reads every row of every table (redb checks each page it loads).
struct ReadAllOf<'a> {
    txn: &'a ReadTxn,
    out: &'a mut ReadAll,
}

impl TableVisitor for ReadAllOf<'_> {
    fn visit<K: StoredKey, V: redb::Value + 'static>(
        &mut self,
        table: TableDefinition<'static, K, V>,
    ) -> Result<(), StoreError> {
        let Some(t) = super::records::open_existing(self.txn, table)? else {
            return Ok(());
        };
        self.out.tables += 1;
        for row in t.iter()? {
            row?;
            self.out.rows += 1;
        }
        Ok(())
    }
}

/// Empties derived tables.
struct Clear<'a> {
    txn: &'a Txn,
}

impl TableVisitor for Clear<'_> {
    fn visit<K: StoredKey, V: redb::Value + 'static>(
        &mut self,
        table: TableDefinition<'static, K, V>,
    ) -> Result<(), StoreError> {
        self.txn.open_table(table)?.clear()?;
        Ok(())
    }
}

/// Compares each stored derived table with the one derived again.
struct Compare<'a> {
    stored: &'a ReadTxn,
    derived: &'a ReadTxn,
    problems: Vec<Problem>,
}

/// One row, as bytes.
struct Row {
    key: Vec<u8>,
    value: Vec<u8>,
}

impl Row {
    /// How it reads.
    fn shown<K: StoredKey, V: redb::Value + 'static>(&self) -> String {
        format!(
            "{:?} → {:?}",
            K::from_bytes(&self.key),
            V::from_bytes(&self.value)
        )
    }
}

type Opened<K, V> = Option<ReadOnlyTable<K, V>>;

/// The rows of a table in key order, read as they are compared.
fn rows<'t, K: StoredKey, V: redb::Value + 'static>(
    table: &'t Opened<K, V>,
) -> Result<Box<dyn Iterator<Item = Result<Row, StoreError>> + 't>, StoreError> {
    let Some(t) = table else {
        return Ok(Box::new(std::iter::empty()));
    };
    Ok(Box::new(t.iter()?.map(|row| {
        let (k, v) = row?;
        Ok(Row {
            key: K::as_bytes(&k.value()).as_ref().to_vec(),
            value: V::as_bytes(&v.value()).as_ref().to_vec(),
        })
    })))
}

impl TableVisitor for Compare<'_> {
    fn visit<K: StoredKey, V: redb::Value + 'static>(
        &mut self,
        table: TableDefinition<'static, K, V>,
    ) -> Result<(), StoreError> {
        // A count kept as tickets change may stay at zero where none is derived.
        let counts = table.name() == tables::TICKET_STATE_COUNTS.name();
        let (stored, derived) = (
            super::records::open_existing(self.stored, table)?,
            super::records::open_existing(self.derived, table)?,
        );
        let mut a = rows(&stored)?
            .filter(|r| !(counts && r.as_ref().is_ok_and(|r| r.value.iter().all(|b| *b == 0))))
            .peekable();
        let mut b = rows(&derived)?.peekable();
        let (mut missing, mut extra, mut differing) = (0u64, 0u64, 0u64);
        let mut example = None;
        loop {
            let order = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(Err(_)), _) | (_, Some(Err(_))) => Ordering::Equal,
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some(Ok(s)), Some(Ok(d))) => K::compare(&s.key, &d.key),
            };
            match order {
                Ordering::Less => {
                    let s = a.next().expect("peeked")?;
                    extra += 1;
                    example.get_or_insert_with(|| {
                        format!("stored, not derived: {}", s.shown::<K, V>())
                    });
                }
                Ordering::Greater => {
                    let d = b.next().expect("peeked")?;
                    missing += 1;
                    example.get_or_insert_with(|| format!("missing: {}", d.shown::<K, V>()));
                }
                Ordering::Equal => {
                    let (s, d) = (a.next().transpose()?, b.next().transpose()?);
                    if let (Some(s), Some(d)) = (s, d)
                        && s.value != d.value
                    {
                        differing += 1;
                        example.get_or_insert_with(|| {
                            format!(
                                "stored {}, derived {}",
                                s.shown::<K, V>(),
                                d.shown::<K, V>()
                            )
                        });
                    }
                }
            }
        }
        if let Some(example) = example {
            self.problems.push(Problem {
                table: DERIVED
                    .iter()
                    .find(|n| **n == table.name())
                    .copied()
                    .unwrap_or("?"),
                missing,
                extra,
                differing,
                example,
            });
        }
        Ok(())
    }
}
