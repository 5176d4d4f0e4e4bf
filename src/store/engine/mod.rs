//! The tables under the store, on either engine: the embedded redb file, or a PostgreSQL
//! database ([`pg`]). The aggregates' modules open tables, read, range over and write
//! them through the types here, which keep redb's shape (a table definition names the
//! table and its key and value types; keys are ordered; reads see one snapshot; one
//! writer at a time), so the same code runs on both engines and nothing above the store
//! knows which one runs.
//!
//! Keys and values are encoded by redb's own [`Key`] and [`Value`] types on both engines.
//! PostgreSQL orders rows by a second, order-preserving encoding of the key
//! ([`StoredKey::ordered`], in [`keys`]), so ranges come back in the order redb gives.

pub mod keys;
pub mod pg;

use std::borrow::Borrow;
use std::marker::PhantomData;
use std::ops::{Bound, RangeBounds};
use std::sync::Arc;

pub use keys::StoredKey;
pub use redb::{TableDefinition, TableHandle, Value};

use super::StoreError;

/// A value read from a table: borrowed from redb's pages, or the bytes PostgreSQL sent.
pub enum Guard<'a, V: Value + 'static> {
    Redb(redb::AccessGuard<'a, V>),
    Owned(Vec<u8>, PhantomData<fn() -> V>),
}

impl<V: Value + 'static> Guard<'_, V> {
    /// The value, decoded by its type.
    pub fn value(&self) -> V::SelfType<'_> {
        match self {
            Guard::Redb(g) => g.value(),
            Guard::Owned(bytes, _) => V::from_bytes(bytes),
        }
    }

    fn owned(bytes: Vec<u8>) -> Self {
        Guard::Owned(bytes, PhantomData)
    }
}

/// One row of a range: its key and its value.
pub type Row<'a, K, V> = (Guard<'a, K>, Guard<'a, V>);

/// A read transaction: a consistent snapshot of every table.
pub enum ReadTxn {
    Redb(redb::ReadTransaction),
    Pg(Arc<pg::Session>),
}

impl ReadTxn {
    /// The table `def`; an error when no write has created it yet.
    pub fn open_table<K: StoredKey, V: Value + 'static>(
        &self,
        def: TableDefinition<'static, K, V>,
    ) -> Result<ReadOnlyTable<K, V>, StoreError> {
        self.open_existing(def)?
            .ok_or_else(|| StoreError::Db(redb::Error::TableDoesNotExist(def.name().to_owned())))
    }

    /// The table `def`, or `None` while no write has created it yet.
    pub fn open_existing<K: StoredKey, V: Value + 'static>(
        &self,
        def: TableDefinition<'static, K, V>,
    ) -> Result<Option<ReadOnlyTable<K, V>>, StoreError> {
        match self {
            ReadTxn::Redb(txn) => match txn.open_table(def) {
                Ok(t) => Ok(Some(ReadOnlyTable::Redb(t))),
                Err(redb::TableError::TableDoesNotExist(_)) => Ok(None),
                Err(e) => Err(e.into()),
            },
            ReadTxn::Pg(session) => Ok(session
                .table_id(def.name(), false)?
                .map(|id| ReadOnlyTable::Pg(pg::Table::new(pg::At::Shared(session.clone()), id)))),
        }
    }

    /// Whether this is a snapshot of the embedded file (whose backups are osc's own).
    pub fn is_embedded(&self) -> bool {
        matches!(self, ReadTxn::Redb(_))
    }

    /// The names of every table the store holds.
    pub fn table_names(&self) -> Result<Vec<String>, StoreError> {
        match self {
            ReadTxn::Redb(txn) => Ok(txn
                .list_tables()
                .map_err(StoreError::from)?
                .map(|t| t.name().to_owned())
                .collect()),
            ReadTxn::Pg(session) => session.table_names(),
        }
    }
}

/// A table opened in a read transaction. Owns what it needs, like redb's.
pub enum ReadOnlyTable<K: StoredKey, V: Value + 'static> {
    Redb(redb::ReadOnlyTable<K, V>),
    Pg(pg::Table<'static, K, V>),
}

/// A table opened in a write transaction (which sees its own writes).
pub enum Table<'t, K: StoredKey, V: Value + 'static> {
    Redb(redb::Table<'t, K, V>),
    Pg(pg::Table<'t, K, V>),
}

/// What both kinds of table can be asked: redb's reading functions.
pub trait ReadableTable<K: StoredKey, V: Value + 'static> {
    /// The value at `key`.
    fn get<'a>(
        &self,
        key: impl Borrow<K::SelfType<'a>>,
    ) -> Result<Option<Guard<'_, V>>, StoreError>;

    /// The rows with keys in `range`, in key order (from either end).
    fn range<'a, KR>(
        &self,
        range: impl RangeBounds<KR> + 'a,
    ) -> Result<Range<'_, K, V>, StoreError>
    where
        KR: Borrow<K::SelfType<'a>> + 'a;

    /// The row with the smallest key.
    fn first(&self) -> Result<Option<Row<'_, K, V>>, StoreError>;

    /// The row with the largest key.
    fn last(&self) -> Result<Option<Row<'_, K, V>>, StoreError>;

    /// How many rows the table holds.
    fn len(&self) -> Result<u64, StoreError>;

    /// Whether it holds none.
    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.first()?.is_none())
    }

    /// Every row, in key order.
    fn iter(&self) -> Result<Range<'_, K, V>, StoreError> {
        self.range::<K::SelfType<'_>>(..)
    }
}

macro_rules! readable {
    ($t:ident $(<$l:lifetime>)?) => {
        impl<$($l,)? K: StoredKey, V: Value + 'static> ReadableTable<K, V> for $t<$($l,)? K, V> {
            fn get<'a>(
                &self,
                key: impl Borrow<K::SelfType<'a>>,
            ) -> Result<Option<Guard<'_, V>>, StoreError> {
                match self {
                    Self::Redb(t) => Ok(redb::ReadableTable::get(t, key)?.map(Guard::Redb)),
                    Self::Pg(t) => Ok(t.get(key.borrow())?.map(Guard::owned)),
                }
            }

            fn range<'a, KR>(
                &self,
                range: impl RangeBounds<KR> + 'a,
            ) -> Result<Range<'_, K, V>, StoreError>
            where
                KR: Borrow<K::SelfType<'a>> + 'a,
            {
                match self {
                    Self::Redb(t) => Ok(Range::Redb(redb::ReadableTable::range(t, range)?)),
                    Self::Pg(t) => Ok(Range::Pg(t.range(
                        ordered_bound::<K, KR>(range.start_bound()),
                        ordered_bound::<K, KR>(range.end_bound()),
                    ))),
                }
            }

            fn first(&self) -> Result<Option<Row<'_, K, V>>, StoreError> {
                match self {
                    Self::Redb(t) => Ok(redb::ReadableTable::first(t)?
                        .map(|(k, v)| (Guard::Redb(k), Guard::Redb(v)))),
                    Self::Pg(t) => Ok(t.end(false)?.map(pg::Fetched::guards)),
                }
            }

            fn last(&self) -> Result<Option<Row<'_, K, V>>, StoreError> {
                match self {
                    Self::Redb(t) => Ok(redb::ReadableTable::last(t)?
                        .map(|(k, v)| (Guard::Redb(k), Guard::Redb(v)))),
                    Self::Pg(t) => Ok(t.end(true)?.map(pg::Fetched::guards)),
                }
            }

            fn len(&self) -> Result<u64, StoreError> {
                match self {
                    Self::Redb(t) => Ok(redb::ReadableTableMetadata::len(t)?),
                    Self::Pg(t) => t.count(),
                }
            }
        }
    };
}

readable!(ReadOnlyTable);
readable!(Table<'t>);

impl<K: StoredKey, V: Value + 'static> Table<'_, K, V> {
    /// Writes `value` at `key`; the value it replaced, if any.
    pub fn insert<'k, 'v>(
        &mut self,
        key: impl Borrow<K::SelfType<'k>>,
        value: impl Borrow<V::SelfType<'v>>,
    ) -> Result<Option<Guard<'_, V>>, StoreError> {
        match self {
            Table::Redb(t) => Ok(t.insert(key, value)?.map(Guard::Redb)),
            Table::Pg(t) => Ok(t
                .insert(key.borrow(), V::as_bytes(value.borrow()).as_ref())?
                .map(Guard::owned)),
        }
    }

    /// Removes the row at `key`; its value, if there was one.
    pub fn remove<'a>(
        &mut self,
        key: impl Borrow<K::SelfType<'a>>,
    ) -> Result<Option<Guard<'_, V>>, StoreError> {
        match self {
            Table::Redb(t) => Ok(t.remove(key)?.map(Guard::Redb)),
            Table::Pg(t) => Ok(t.remove(key.borrow())?.map(Guard::owned)),
        }
    }

    /// Removes every row with a key in `range`.
    pub fn remove_range<'a, KR>(
        &mut self,
        range: impl RangeBounds<KR> + 'a,
    ) -> Result<(), StoreError>
    where
        KR: Borrow<K::SelfType<'a>> + 'a,
    {
        match self {
            Table::Redb(t) => Ok(t.retain_in(range, |_, _| false)?),
            Table::Pg(t) => t.remove_range(
                ordered_bound::<K, KR>(range.start_bound()),
                ordered_bound::<K, KR>(range.end_bound()),
            ),
        }
    }

    /// Removes every row.
    pub fn clear(&mut self) -> Result<(), StoreError> {
        self.remove_range::<K::SelfType<'_>>(..)
    }
}

/// A range's bound, in the order-preserving encoding PostgreSQL compares.
fn ordered_bound<'a, K: StoredKey, KR: Borrow<K::SelfType<'a>> + 'a>(
    bound: Bound<&KR>,
) -> Bound<Vec<u8>> {
    let encode = |k: &KR| {
        let mut out = Vec::new();
        K::ordered(k.borrow(), &mut out);
        out
    };
    match bound {
        Bound::Included(k) => Bound::Included(encode(k)),
        Bound::Excluded(k) => Bound::Excluded(encode(k)),
        Bound::Unbounded => Bound::Unbounded,
    }
}

/// A row of a redb range as the engine layer yields it.
fn redb_row<'a, K: StoredKey, V: Value + 'static>(
    row: Result<(redb::AccessGuard<'a, K>, redb::AccessGuard<'a, V>), redb::StorageError>,
) -> Result<Row<'a, K, V>, StoreError> {
    row.map(|(k, v)| (Guard::Redb(k), Guard::Redb(v)))
        .map_err(StoreError::from)
}

/// The rows of a range, from either end.
pub enum Range<'a, K: StoredKey, V: Value + 'static> {
    Redb(redb::Range<'a, K, V>),
    Pg(pg::Range<'a, K, V>),
}

impl<'a, K: StoredKey, V: Value + 'static> Iterator for Range<'a, K, V> {
    type Item = Result<Row<'a, K, V>, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Range::Redb(r) => r.next().map(redb_row),
            Range::Pg(r) => r.next_row(false).map(|row| row.map(pg::Fetched::guards)),
        }
    }
}

impl<K: StoredKey, V: Value + 'static> DoubleEndedIterator for Range<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Range::Redb(r) => r.next_back().map(redb_row),
            Range::Pg(r) => r.next_row(true).map(|row| row.map(pg::Fetched::guards)),
        }
    }
}
