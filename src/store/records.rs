//! The typed table layer: a table of codec-encoded records, declared once in
//! [`super::tables`] with its name (which is also the label of its decoding errors) and
//! the type it stores. Reading, writing and numbering records are written here once;
//! the aggregates' modules only say which table and which key.

use std::marker::PhantomData;

use super::engine::{
    ReadOnlyTable, ReadTxn, ReadableTable, StoredKey, Table, TableDefinition, Value,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{StoreError, Txn, codec};

/// `table` in a read snapshot, or `None` while no write has created it yet.
pub(crate) fn open_existing<K: StoredKey, V: Value + 'static>(
    txn: &ReadTxn,
    table: TableDefinition<'static, K, V>,
) -> Result<Option<ReadOnlyTable<K, V>>, StoreError> {
    txn.open_existing(table)
}

/// A table whose values are records of type `T` encoded by [`codec`], keyed by `K` (a
/// record id, or the SHA-256 of a token).
pub struct Records<K: StoredKey, T> {
    def: TableDefinition<'static, K, &'static [u8]>,
    name: &'static str,
    stored: PhantomData<fn() -> T>,
}

impl<K: StoredKey, T> Records<K, T> {
    /// The table called `name` (with its layout's version suffix, e.g. `users_v1`).
    pub const fn new(name: &'static str) -> Self {
        Self {
            def: TableDefinition::new(name),
            name,
            stored: PhantomData,
        }
    }

    /// redb's definition, to open the table for ranges and bulk work.
    pub const fn def(&self) -> TableDefinition<'static, K, &'static [u8]> {
        self.def
    }

    /// The table's name, which decoding errors carry.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

impl<K, T> Records<K, T>
where
    K: StoredKey + for<'a> Value<SelfType<'a> = K>,
    T: Serialize + DeserializeOwned,
{
    /// Decodes a value read from this table.
    pub fn decode(&self, bytes: &[u8]) -> Result<T, StoreError> {
        codec::decode(self.name(), bytes)
    }

    /// The record at `key`, in a read snapshot or inside a write transaction.
    pub fn get(&self, txn: &impl Snapshot, key: K) -> Result<Option<T>, StoreError> {
        txn.record(self, key)
    }

    /// The record at `key` of an already opened table.
    pub fn read(
        &self,
        table: &impl ReadableTable<K, &'static [u8]>,
        key: K,
    ) -> Result<Option<T>, StoreError> {
        table
            .get(key)?
            .map(|bytes| self.decode(bytes.value()))
            .transpose()
    }

    /// Writes `value` at `key` (new or replacing).
    pub fn put_in(&self, txn: &Txn, key: K, value: &T) -> Result<(), StoreError> {
        self.write(&mut txn.open_table(self.def)?, key, value)
    }

    /// Writes `value` at `key` of an already opened table (loops over many records).
    pub fn write(
        &self,
        table: &mut Table<'_, K, &'static [u8]>,
        key: K,
        value: &T,
    ) -> Result<(), StoreError> {
        table.insert(key, codec::encode(value).as_slice())?;
        Ok(())
    }
}

/// What records are read from: a read snapshot, or a write transaction (which sees its
/// own writes).
pub trait Snapshot {
    /// The record at `key` of `records`.
    fn record<K, T>(&self, records: &Records<K, T>, key: K) -> Result<Option<T>, StoreError>
    where
        K: StoredKey + for<'a> Value<SelfType<'a> = K>,
        T: Serialize + DeserializeOwned;
}

impl Snapshot for ReadTxn {
    fn record<K, T>(&self, records: &Records<K, T>, key: K) -> Result<Option<T>, StoreError>
    where
        K: StoredKey + for<'a> Value<SelfType<'a> = K>,
        T: Serialize + DeserializeOwned,
    {
        records.read(&self.open_table(records.def)?, key)
    }
}

impl Snapshot for Txn {
    fn record<K, T>(&self, records: &Records<K, T>, key: K) -> Result<Option<T>, StoreError>
    where
        K: StoredKey + for<'a> Value<SelfType<'a> = K>,
        T: Serialize + DeserializeOwned,
    {
        records.read(&self.open_table(records.def)?, key)
    }
}

impl<S: Snapshot> Snapshot for &S {
    fn record<K, T>(&self, records: &Records<K, T>, key: K) -> Result<Option<T>, StoreError>
    where
        K: StoredKey + for<'a> Value<SelfType<'a> = K>,
        T: Serialize + DeserializeOwned,
    {
        (**self).record(records, key)
    }
}

impl<T> Records<u64, T> {
    /// The id the next record gets: one more than the highest, from 1.
    pub fn next_id_in(&self, txn: &Txn) -> Result<u64, StoreError> {
        Ok(txn
            .open_table(self.def)?
            .last()?
            .map_or(1, |(k, _)| k.value() + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    const NOTES: Records<u64, String> = Records::new("test_notes_v1");

    #[test]
    fn records_are_numbered_written_and_read_back_with_their_table_named_in_errors() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let txn = store.write().unwrap();
        assert_eq!(NOTES.next_id_in(&txn).unwrap(), 1);
        NOTES.put_in(&txn, 1, &"first".to_owned()).unwrap();
        assert_eq!(NOTES.next_id_in(&txn).unwrap(), 2);
        assert_eq!(NOTES.get(&txn, 1).unwrap().as_deref(), Some("first"));
        txn.open_table(NOTES.def())
            .unwrap()
            .insert(2, [0xffu8, 0xff].as_slice())
            .unwrap();
        txn.commit().unwrap();
        let read = store.read().unwrap();
        assert_eq!(NOTES.get(&read, 1).unwrap().as_deref(), Some("first"));
        assert_eq!(NOTES.get(&read, 3).unwrap(), None);
        let err = NOTES.get(&read, 2).unwrap_err();
        assert!(err.to_string().contains("test_notes_v1"));
    }
}
