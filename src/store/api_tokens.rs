//! Personal access tokens for the JSON API (`/api/v1/`), keyed by the SHA-256 of the
//! token so the database never holds a usable one, and the index that lists a person's
//! tokens. A token is made under "My access data", shown once, listed with its last use
//! and revoked there; it acts for its owner while their account is active.

use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::Txn;
use super::effects::{AuditFor, Effects};
use super::{Store, StoreError, audit, tables};

/// The most tokens one person may hold at once.
pub const MAX_PER_PERSON: usize = 20;

/// A personal access token, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    /// Whose token it is: it acts for them.
    pub user_id: u64,
    /// Its name, given by its owner ("ERP", "Monitoring").
    pub name: String,
    /// Whether it may read (`GET`).
    pub read: bool,
    /// Whether it may change things (`POST`, `PATCH`).
    pub write: bool,
    /// For a company administrator: whether it sees the whole company as they do in the
    /// pages; otherwise it sees only what the person filed or was assigned.
    pub company_wide: bool,
    /// When it was made (unix seconds).
    pub created_at: u64,
    /// When it stops working, if ever.
    pub expires_at: Option<u64>,
    /// Its last use, refreshed at most once a minute.
    pub last_used_at: Option<u64>,
}

impl ApiToken {
    /// Whether it still works at `now` (the account's state is checked apart).
    pub fn is_live(&self, now: u64) -> bool {
        self.expires_at.is_none_or(|at| now < at)
    }
}

/// One of a person's tokens, as listed to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    /// The hash of the token.
    pub hash: [u8; 32],
    /// The token.
    pub token: ApiToken,
}

impl ApiTokenInfo {
    /// The name of the token in links and forms (the first 8 bytes of its hash in hex,
    /// as a session's), which does not give the token away.
    pub fn handle(&self) -> String {
        super::sessions::handle_of(&self.hash)
    }
}

/// The personal access tokens.
///
/// Each write is one unit of work: the change and its audit entry commit together.
pub trait ApiTokens: Send + Sync {
    /// The token of a hash.
    fn get(&self, hash: [u8; 32]) -> Result<Option<ApiToken>, StoreError>;

    /// The tokens of `user_id`, the newest first.
    fn of_user(&self, user_id: u64) -> Result<Vec<ApiTokenInfo>, StoreError>;

    /// Stores a new token with `effects`; `false`, storing nothing, when its owner holds
    /// [`MAX_PER_PERSON`] already.
    fn create(
        &self,
        hash: [u8; 32],
        token: &ApiToken,
        effects: Effects,
    ) -> Result<bool, StoreError>;

    /// Revokes the token of `user_id` named `handle` ([`ApiTokenInfo::handle`]), with the
    /// audit entry `audit` makes of it; the token, or `None` if they have no such token.
    fn revoke(
        &self,
        user_id: u64,
        handle: &str,
        audit: AuditFor<'_, ApiToken>,
    ) -> Result<Option<ApiToken>, StoreError>;

    /// Records a use (callers do this at most once a minute per token).
    fn touch(&self, hash: [u8; 32], now: u64) -> Result<(), StoreError>;
}

/// The token hashes of `user_id`.
fn hashes_of(
    index: &impl ReadableTable<(u64, [u8; 32]), ()>,
    user_id: u64,
) -> Result<Vec<[u8; 32]>, StoreError> {
    let mut out = Vec::new();
    for row in index.range((user_id, [0u8; 32])..=(user_id, [0xffu8; 32]))? {
        out.push(row?.0.value().1);
    }
    Ok(out)
}

/// Deletes every token of `user_id` inside the caller's transaction (erasure).
pub(crate) fn delete_for_user(txn: &Txn, user_id: u64) -> Result<usize, StoreError> {
    let hashes = hashes_of(&txn.open_table(tables::USER_API_TOKENS)?, user_id)?;
    let mut index = txn.open_table(tables::USER_API_TOKENS)?;
    let mut all = txn.open_table(tables::API_TOKENS.def())?;
    for hash in &hashes {
        index.remove((user_id, *hash))?;
        all.remove(*hash)?;
    }
    Ok(hashes.len())
}

impl ApiTokens for Store {
    fn get(&self, hash: [u8; 32]) -> Result<Option<ApiToken>, StoreError> {
        tables::API_TOKENS.get(&self.read()?, hash)
    }

    fn of_user(&self, user_id: u64) -> Result<Vec<ApiTokenInfo>, StoreError> {
        let txn = self.read()?;
        let all = txn.open_table(tables::API_TOKENS.def())?;
        let mut out = Vec::new();
        for hash in hashes_of(&txn.open_table(tables::USER_API_TOKENS)?, user_id)? {
            if let Some(token) = tables::API_TOKENS.read(&all, hash)? {
                out.push(ApiTokenInfo { hash, token });
            }
        }
        out.sort_by_key(|t| std::cmp::Reverse(t.token.created_at));
        Ok(out)
    }

    fn create(
        &self,
        hash: [u8; 32],
        token: &ApiToken,
        effects: Effects,
    ) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let held = hashes_of(&txn.open_table(tables::USER_API_TOKENS)?, token.user_id)?.len();
        if held >= MAX_PER_PERSON {
            return Ok(false);
        }
        tables::API_TOKENS.put_in(&txn, hash, token)?;
        txn.open_table(tables::USER_API_TOKENS)?
            .insert((token.user_id, hash), ())?;
        effects.write_in(&txn)?;
        txn.commit()?;
        Ok(true)
    }

    fn revoke(
        &self,
        user_id: u64,
        handle: &str,
        audit: AuditFor<'_, ApiToken>,
    ) -> Result<Option<ApiToken>, StoreError> {
        let txn = self.write()?;
        let hashes = hashes_of(&txn.open_table(tables::USER_API_TOKENS)?, user_id)?;
        let Some(hash) = hashes
            .into_iter()
            .find(|h| super::sessions::handle_of(h) == handle)
        else {
            return Ok(None);
        };
        let removed = txn
            .open_table(tables::API_TOKENS.def())?
            .remove(hash)?
            .map(|b| tables::API_TOKENS.decode(b.value()))
            .transpose()?;
        txn.open_table(tables::USER_API_TOKENS)?
            .remove((user_id, hash))?;
        let Some(token) = removed else {
            return Ok(None);
        };
        audit::record_in(&txn, audit(&token))?;
        txn.commit()?;
        Ok(Some(token))
    }

    fn touch(&self, hash: [u8; 32], now: u64) -> Result<(), StoreError> {
        let txn = self.write()?;
        if let Some(mut token) = tables::API_TOKENS.get(&txn, hash)? {
            token.last_used_at = Some(now);
            tables::API_TOKENS.put_in(&txn, hash, &token)?;
            txn.commit()?;
        }
        Ok(())
    }
}
