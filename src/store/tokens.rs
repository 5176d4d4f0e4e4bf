//! Single-use tokens (confirmation and password-reset links, the log-in's pending second
//! step), stored by the SHA-256 of the token so the database never holds a usable one.

use super::Txn;
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, tables};

crate::codes::stored_codes! {
    /// What a token is for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum TokenKind {
        /// Confirms a registration's e-mail address.
        Confirm = 0 => "Confirm",
        /// Sets a new password after recovery.
        Reset = 1 => "Reset",
        /// Confirms a new e-mail address the service team entered (the address waits in
        /// `pending_email`).
        EmailChange = 2 => "EmailChange",
        /// A log-in whose password was right and that waits for its second step (the
        /// authenticator or a recovery code); kept in a short-lived cookie.
        LoginStep = 3 => "LoginStep",
        /// Opens the first-run page that creates an instance's first staff account
        /// (printed in the log at start while there is none; not tied to an account).
        FirstRun = 4 => "FirstRun",
    }
}

/// A stored token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// What it is for.
    pub kind: TokenKind,
    /// Whose it is.
    pub user_id: u64,
    /// When it was issued (unix seconds).
    pub created_at: u64,
    /// When it stops working.
    pub expires_at: u64,
    /// When it was used, if it was.
    pub used_at: Option<u64>,
}

/// What a presented token turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenState {
    /// Usable.
    Valid(Token),
    /// Past its expiry.
    Expired(Token),
    /// Already used.
    Used(Token),
    /// Never issued (or of another kind).
    Unknown,
}

/// Stores a new token inside the caller's transaction. A new password-reset link ends
/// every older one of the same account (only the latest mail works), and a new first-run
/// link every older one (only the latest start's works).
pub(crate) fn insert(txn: &Txn, hash: [u8; 32], token: &Token) -> Result<(), StoreError> {
    if matches!(token.kind, TokenKind::Reset | TokenKind::FirstRun) {
        end_all_in(txn, token.user_id, token.kind, token.created_at)?;
    }
    tables::TOKENS.put_in(txn, hash, token)?;
    txn.open_table(tables::USER_TOKENS)?
        .insert((token.user_id, token.kind.stored_code(), hash), ())?;
    Ok(())
}

/// Ends (marks used at `now`) every unused token of `kind` that `user_id` holds, inside
/// the caller's transaction: after a new reset link, or once a password was set.
pub(crate) fn end_all_in(
    txn: &Txn,
    user_id: u64,
    kind: TokenKind,
    now: u64,
) -> Result<(), StoreError> {
    let k = kind.stored_code();
    let hashes: Vec<[u8; 32]> = {
        let index = txn.open_table(tables::USER_TOKENS)?;
        let mut out = Vec::new();
        for row in index.range((user_id, k, [0u8; 32])..=(user_id, k, [0xffu8; 32]))? {
            out.push(row?.0.value().2);
        }
        out
    };
    for hash in hashes {
        mark_used(txn, hash, now)?;
    }
    Ok(())
}

/// Migration 0008: indexes every unused token by its account.
pub(crate) fn index_by_user_in(txn: &Txn) -> Result<(), StoreError> {
    let mut rows = Vec::new();
    for row in txn.open_table(tables::TOKENS.def())?.iter()? {
        let (hash, bytes) = row?;
        let token = tables::TOKENS.decode(bytes.value())?;
        if token.used_at.is_none() {
            rows.push((token.user_id, token.kind.stored_code(), hash.value()));
        }
    }
    let mut index = txn.open_table(tables::USER_TOKENS)?;
    for key in rows {
        index.insert(key, ())?;
    }
    Ok(())
}

/// Classifies a token inside a write transaction (before using it).
pub(crate) fn state_in(
    txn: &Txn,
    hash: [u8; 32],
    kind: TokenKind,
    now: u64,
) -> Result<TokenState, StoreError> {
    let table = txn.open_table(tables::TOKENS.def())?;
    let token = match table.get(hash)? {
        Some(bytes) => tables::TOKENS.decode(bytes.value())?,
        None => return Ok(TokenState::Unknown),
    };
    Ok(classify(token, kind, now))
}

/// The one-time tokens (confirmation, password reset, e-mail change).
pub trait Tokens: Send + Sync {
    /// Classifies a token without changing anything (to show the right page).
    fn state(&self, hash: [u8; 32], kind: TokenKind, now: u64) -> Result<TokenState, StoreError>;
}

fn classify(token: Token, kind: TokenKind, now: u64) -> TokenState {
    if token.kind != kind {
        TokenState::Unknown
    } else if token.used_at.is_some() {
        TokenState::Used(token)
    } else if now >= token.expires_at {
        TokenState::Expired(token)
    } else {
        TokenState::Valid(token)
    }
}

/// Marks a token used inside the caller's transaction.
pub(crate) fn mark_used(txn: &Txn, hash: [u8; 32], now: u64) -> Result<(), StoreError> {
    let mut table = txn.open_table(tables::TOKENS.def())?;
    let Some(mut token) = table
        .get(hash)?
        .map(|b| tables::TOKENS.decode(b.value()))
        .transpose()?
    else {
        return Ok(());
    };
    if token.used_at.is_none() {
        token.used_at = Some(now);
        tables::TOKENS.write(&mut table, hash, &token)?;
    }
    txn.open_table(tables::USER_TOKENS)?
        .remove((token.user_id, token.kind.stored_code(), hash))?;
    Ok(())
}

impl Tokens for Store {
    fn state(&self, hash: [u8; 32], kind: TokenKind, now: u64) -> Result<TokenState, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TOKENS.def())?;
        let token = match table.get(hash)? {
            Some(bytes) => tables::TOKENS.decode(bytes.value())?,
            None => return Ok(TokenState::Unknown),
        };
        Ok(classify(token, kind, now))
    }
}
