//! Server-side sessions, keyed by the SHA-256 of the cookie's token, where each was
//! started (browser and address, for the owner's list of sessions), and the index that
//! lists and ends every session of a user at once.

use super::Txn;
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::effects::AuditFor;
use super::{Store, StoreError, audit, tables};

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

/// Where a session was started, as its owner sees it in the list of sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOrigin {
    /// The browser's `User-Agent`, cut to [`SessionOrigin::MAX_USER_AGENT`] characters.
    pub user_agent: String,
    /// The client's address.
    pub address: String,
}

impl SessionOrigin {
    /// The longest `User-Agent` kept, in characters.
    pub const MAX_USER_AGENT: usize = 256;

    /// The origin of a request with this `User-Agent` from `address`.
    pub fn new(user_agent: &str, address: &str) -> Self {
        Self {
            user_agent: user_agent
                .chars()
                .filter(|c| !c.is_control())
                .take(Self::MAX_USER_AGENT)
                .collect(),
            address: address.to_owned(),
        }
    }
}

/// One of a person's sessions, as listed to them and to the service team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// The hash of the session's token.
    pub hash: [u8; 32],
    /// The session.
    pub session: Session,
    /// Where it was started (sessions older than the record of origins have none).
    pub origin: Option<SessionOrigin>,
}

impl SessionInfo {
    /// The name of the session in links and forms: the first 8 bytes of its token's
    /// hash in hex, which name it among its owner's without giving its token away.
    pub fn handle(&self) -> String {
        handle_of(&self.hash)
    }
}

/// The handle of the session whose token hashes to `hash`.
pub fn handle_of(hash: &[u8; 32]) -> String {
    hash[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores a new session and where it was started, inside the caller's transaction.
pub(crate) fn insert(
    txn: &Txn,
    hash: [u8; 32],
    session: &Session,
    origin: &SessionOrigin,
) -> Result<(), StoreError> {
    tables::SESSIONS.put_in(txn, hash, session)?;
    tables::SESSION_ORIGINS.put_in(txn, hash, origin)?;
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

    /// How many sessions `user_id` has (the list itself is [`Sessions::of_user`]).
    fn count_for_user(&self, user_id: u64) -> Result<usize, StoreError>;

    /// The sessions of `user_id`, the most recently seen first.
    fn of_user(&self, user_id: u64) -> Result<Vec<SessionInfo>, StoreError>;

    /// Ends the session of `user_id` named `handle` ([`SessionInfo::handle`]), with the
    /// audit entry `audit` makes of it when given; `false` if they have no such session.
    fn end_one(
        &self,
        user_id: u64,
        handle: &str,
        audit: Option<AuditFor<'_, Session>>,
    ) -> Result<bool, StoreError>;

    /// Ends every session of `user_id` but `keep`, with the audit entry `audit` makes of
    /// the number ended when given; that number.
    fn end_all(
        &self,
        user_id: u64,
        keep: Option<[u8; 32]>,
        audit: Option<AuditFor<'_, usize>>,
    ) -> Result<usize, StoreError>;
}

/// The token hashes of `user_id`'s sessions.
fn hashes_of(
    index: &impl ReadableTable<(u64, [u8; 32]), ()>,
    user_id: u64,
) -> Result<Vec<[u8; 32]>, StoreError> {
    let mut out = Vec::new();
    for row in index.range((user_id, [0u8; 32])..=(user_id, [0xffu8; 32]))? {
        let (key, _) = row?;
        out.push(key.value().1);
    }
    Ok(out)
}

fn delete_in(txn: &Txn, hash: [u8; 32]) -> Result<Option<Session>, StoreError> {
    let removed = txn
        .open_table(tables::SESSIONS.def())?
        .remove(hash)?
        .map(|b| tables::SESSIONS.decode(b.value()))
        .transpose()?;
    if let Some(session) = &removed {
        txn.open_table(tables::USER_SESSIONS)?
            .remove((session.user_id, hash))?;
        txn.open_table(tables::SESSION_ORIGINS.def())?
            .remove(hash)?;
    }
    Ok(removed)
}

/// Ends every session of `user_id` except `keep`, inside the caller's transaction.
pub(crate) fn delete_for_user(
    txn: &Txn,
    user_id: u64,
    keep: Option<[u8; 32]>,
) -> Result<usize, StoreError> {
    let hashes = hashes_of(&txn.open_table(tables::USER_SESSIONS)?, user_id)?;
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

    fn of_user(&self, user_id: u64) -> Result<Vec<SessionInfo>, StoreError> {
        let txn = self.read()?;
        let sessions = txn.open_table(tables::SESSIONS.def())?;
        let origins = txn.open_table(tables::SESSION_ORIGINS.def())?;
        let mut out = Vec::new();
        for hash in hashes_of(&txn.open_table(tables::USER_SESSIONS)?, user_id)? {
            if let Some(session) = tables::SESSIONS.read(&sessions, hash)? {
                out.push(SessionInfo {
                    hash,
                    session,
                    origin: tables::SESSION_ORIGINS.read(&origins, hash)?,
                });
            }
        }
        out.sort_by(|a, b| {
            (b.session.last_seen, b.session.created_at)
                .cmp(&(a.session.last_seen, a.session.created_at))
        });
        Ok(out)
    }

    fn end_one(
        &self,
        user_id: u64,
        handle: &str,
        audit: Option<AuditFor<'_, Session>>,
    ) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let hashes = hashes_of(&txn.open_table(tables::USER_SESSIONS)?, user_id)?;
        let Some(hash) = hashes.into_iter().find(|h| handle_of(h) == handle) else {
            return Ok(false);
        };
        let Some(session) = delete_in(&txn, hash)? else {
            return Ok(false);
        };
        if let Some(audit) = audit {
            audit::record_in(&txn, audit(&session))?;
        }
        txn.commit()?;
        Ok(true)
    }

    fn end_all(
        &self,
        user_id: u64,
        keep: Option<[u8; 32]>,
        audit: Option<AuditFor<'_, usize>>,
    ) -> Result<usize, StoreError> {
        let txn = self.write()?;
        let ended = delete_for_user(&txn, user_id, keep)?;
        if let Some(audit) = audit {
            audit::record_in(&txn, audit(&ended))?;
        }
        txn.commit()?;
        Ok(ended)
    }

    fn count_for_user(&self, user_id: u64) -> Result<usize, StoreError> {
        let txn = self.read()?;
        let index = txn.open_table(tables::USER_SESSIONS)?;
        Ok(index
            .range((user_id, [0u8; 32])..=(user_id, [0xffu8; 32]))?
            .count())
    }
}
