//! Server-side sessions, keyed by the SHA-256 of the cookie's token, and the index that
//! ends every session of a user at once.

use super::Txn;
use redb::ReadableTable;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, tables};

/// A signed-in browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Whose session it is.
    pub user_id: u64,
    /// Log-in time (unix seconds): the absolute timeout counts from here.
    pub created_at: u64,
    /// Last request seen, refreshed at most once a minute.
    pub last_seen: u64,
}

/// Stores a new session inside the caller's transaction.
pub(crate) fn insert(txn: &Txn, hash: [u8; 32], session: &Session) -> Result<(), StoreError> {
    tables::SESSIONS.put_in(txn, hash, session)?;
    txn.open_table(tables::USER_SESSIONS)?
        .insert((session.user_id, hash), ())?;
    Ok(())
}

/// The signed-in sessions.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Sessions: Send + Sync {
    /// The session of a token hash.
    fn get(&self, hash: [u8; 32]) -> Result<Option<Session>, StoreError>;

    /// Records activity (callers do this at most once a minute per session).
    fn touch(&self, hash: [u8; 32], now: u64) -> Result<(), StoreError>;

    /// Ends one session.
    fn delete(&self, hash: [u8; 32]) -> Result<(), StoreError>;

    /// How many sessions `user_id` has (for tests and the service desk).
    fn count_for_user(&self, user_id: u64) -> Result<usize, StoreError>;
}

fn delete_in(txn: &Txn, hash: [u8; 32]) -> Result<(), StoreError> {
    let removed = txn
        .open_table(tables::SESSIONS.def())?
        .remove(hash)?
        .map(|b| tables::SESSIONS.decode(b.value()))
        .transpose()?;
    if let Some(session) = removed {
        txn.open_table(tables::USER_SESSIONS)?
            .remove((session.user_id, hash))?;
    }
    Ok(())
}

/// Ends every session of `user_id` except `keep`, inside the caller's transaction.
pub(crate) fn delete_for_user(
    txn: &Txn,
    user_id: u64,
    keep: Option<[u8; 32]>,
) -> Result<usize, StoreError> {
    let hashes: Vec<[u8; 32]> = {
        let index = txn.open_table(tables::USER_SESSIONS)?;
        let mut out = Vec::new();
        for row in index.range((user_id, [0u8; 32])..=(user_id, [0xffu8; 32]))? {
            let (key, _) = row?;
            out.push(key.value().1);
        }
        out
    };
    let mut ended = 0;
    for hash in hashes.into_iter().filter(|h| Some(*h) != keep) {
        delete_in(txn, hash)?;
        ended += 1;
    }
    Ok(ended)
}

impl Sessions for Store {
    fn get(&self, hash: [u8; 32]) -> Result<Option<Session>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::SESSIONS.def())?;
        table
            .get(hash)?
            .map(|b| tables::SESSIONS.decode(b.value()))
            .transpose()
    }

    fn touch(&self, hash: [u8; 32], now: u64) -> Result<(), StoreError> {
        let txn = self.write()?;
        {
            let mut table = txn.open_table(tables::SESSIONS.def())?;
            let existing = table
                .get(hash)?
                .map(|b| tables::SESSIONS.decode(b.value()))
                .transpose()?;
            if let Some(mut session) = existing {
                session.last_seen = now;
                tables::SESSIONS.write(&mut table, hash, &session)?;
            }
        }
        txn.commit()?;
        Ok(())
    }

    fn delete(&self, hash: [u8; 32]) -> Result<(), StoreError> {
        let txn = self.write()?;
        delete_in(&txn, hash)?;
        txn.commit()?;
        Ok(())
    }

    fn count_for_user(&self, user_id: u64) -> Result<usize, StoreError> {
        let txn = self.read()?;
        let index = txn.open_table(tables::USER_SESSIONS)?;
        Ok(index
            .range((user_id, [0u8; 32])..=(user_id, [0xffu8; 32]))?
            .count())
    }
}
