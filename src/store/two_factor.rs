//! Two-step log-in as the store keeps it: per account, the authenticator's shared secret,
//! whether set-up was confirmed, the last time step a code was accepted for (so no code
//! works twice, even inside its 30 seconds) and the hashes of the unused recovery codes.
//! The second step of a log-in is one unit of work: the pending log-in's token is used,
//! the code's step or the recovery code is spent, and the session starts together.

use serde::{Deserialize, Serialize};

use super::Txn;
use super::effects::Effects;
use super::sessions::{self, Session, SessionOrigin};
use super::tokens::{self, TokenKind, TokenState};
use super::users::{self, User, UserStatus};
use super::{Store, StoreError, tables};

/// An account's two-step log-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoStep {
    /// The authenticator's shared secret (RFC 6238's key).
    pub secret: [u8; 20],
    /// When set-up began (unix seconds).
    pub started_at: u64,
    /// When its first code was accepted and it took effect; `None` while set-up waits.
    pub enabled_at: Option<u64>,
    /// The latest time step a code was accepted for: codes of it and earlier steps are
    /// refused.
    pub last_step: u64,
    /// SHA-256 of each unused recovery code.
    pub recovery: Vec<[u8; 32]>,
}

impl TwoStep {
    /// Whether log-in asks for a code.
    pub fn is_on(&self) -> bool {
        self.enabled_at.is_some()
    }
}

/// What proves the second step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    /// An authenticator code, of this time step.
    Code { step: u64 },
    /// A recovery code, by its hash.
    Recovery { hash: [u8; 32] },
}

/// How the second step of a log-in ended.
#[derive(Debug)]
pub enum SecondStep {
    /// The session started; a recovery code left this many unused.
    LoggedIn {
        user: Box<User>,
        recovery_left: Option<usize>,
    },
    /// The code's step was already used (or is older), or no such recovery code is
    /// unused: nothing changed.
    Spent,
    /// The pending log-in is unknown, used or past its time, or its account cannot log
    /// in any more (blocked, removed, two-step log-in turned off meanwhile).
    Gone,
}

/// The new session of a completed log-in.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The SHA-256 of its token.
    pub hash: [u8; 32],
    /// Where it was started.
    pub origin: SessionOrigin,
}

/// The accounts' two-step log-in.
///
/// Each write is one unit of work with the effects handed to it (mails, audit entries).
pub trait TwoFactor: Send + Sync {
    /// The two-step log-in of `user_id`, set up or waiting.
    fn get(&self, user_id: u64) -> Result<Option<TwoStep>, StoreError>;

    /// Starts (or starts again) set-up with `secret`; `false`, changing nothing, when it
    /// is already on.
    fn begin(&self, user_id: u64, secret: [u8; 20], now: u64) -> Result<bool, StoreError>;

    /// Turns on the waiting set-up: the code of `step` was right; `recovery` are the
    /// hashes of the new recovery codes. Every session but `keep` ends. `false`,
    /// changing nothing, when no set-up waits or the step is not newer than one already
    /// accepted.
    fn enable(
        &self,
        user_id: u64,
        step: u64,
        recovery: Vec<[u8; 32]>,
        keep_and_now: ([u8; 32], u64),
        effects: Effects,
    ) -> Result<bool, StoreError>;

    /// Replaces the recovery codes; `false` when two-step log-in is not on.
    fn renew_recovery(
        &self,
        user_id: u64,
        recovery: Vec<[u8; 32]>,
        effects: Effects,
    ) -> Result<bool, StoreError>;

    /// Turns two-step log-in off (by its owner, the service team or the command line),
    /// ending every session but `keep`; `false`, changing nothing, when it was not on.
    fn disable(
        &self,
        user_id: u64,
        keep: Option<[u8; 32]>,
        effects: Effects,
    ) -> Result<bool, StoreError>;

    /// The second step of the log-in whose pending token hashes to `pending`: spends
    /// `proof` and starts `session`, with `on_recovery` written when a recovery code was
    /// the proof.
    fn complete_login(
        &self,
        pending: [u8; 32],
        proof: Proof,
        session: NewSession,
        now: u64,
        on_recovery: Effects,
    ) -> Result<SecondStep, StoreError>;
}

fn get_in(txn: &Txn, user_id: u64) -> Result<Option<TwoStep>, StoreError> {
    tables::TWO_FACTOR.get(txn, user_id)
}

impl TwoFactor for Store {
    fn get(&self, user_id: u64) -> Result<Option<TwoStep>, StoreError> {
        tables::TWO_FACTOR.get(&self.read()?, user_id)
    }

    fn begin(&self, user_id: u64, secret: [u8; 20], now: u64) -> Result<bool, StoreError> {
        let txn = self.write()?;
        if get_in(&txn, user_id)?.is_some_and(|t| t.is_on()) {
            return Ok(false);
        }
        let waiting = TwoStep {
            secret,
            started_at: now,
            enabled_at: None,
            last_step: 0,
            recovery: Vec::new(),
        };
        tables::TWO_FACTOR.put_in(&txn, user_id, &waiting)?;
        txn.commit()?;
        Ok(true)
    }

    fn enable(
        &self,
        user_id: u64,
        step: u64,
        recovery: Vec<[u8; 32]>,
        (keep, now): ([u8; 32], u64),
        effects: Effects,
    ) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let Some(mut two) = get_in(&txn, user_id)? else {
            return Ok(false);
        };
        if two.is_on() || step <= two.last_step {
            return Ok(false);
        }
        two.enabled_at = Some(now);
        two.last_step = step;
        two.recovery = recovery;
        tables::TWO_FACTOR.put_in(&txn, user_id, &two)?;
        sessions::delete_for_user(&txn, user_id, Some(keep))?;
        effects.write_in(&txn)?;
        txn.commit()?;
        Ok(true)
    }

    fn renew_recovery(
        &self,
        user_id: u64,
        recovery: Vec<[u8; 32]>,
        effects: Effects,
    ) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let Some(mut two) = get_in(&txn, user_id)?.filter(TwoStep::is_on) else {
            return Ok(false);
        };
        two.recovery = recovery;
        tables::TWO_FACTOR.put_in(&txn, user_id, &two)?;
        effects.write_in(&txn)?;
        txn.commit()?;
        Ok(true)
    }

    fn disable(
        &self,
        user_id: u64,
        keep: Option<[u8; 32]>,
        effects: Effects,
    ) -> Result<bool, StoreError> {
        let txn = self.write()?;
        if !get_in(&txn, user_id)?.is_some_and(|t| t.is_on()) {
            return Ok(false);
        }
        txn.open_table(tables::TWO_FACTOR.def())?.remove(user_id)?;
        sessions::delete_for_user(&txn, user_id, keep)?;
        effects.write_in(&txn)?;
        txn.commit()?;
        Ok(true)
    }

    fn complete_login(
        &self,
        pending: [u8; 32],
        proof: Proof,
        session: NewSession,
        now: u64,
        on_recovery: Effects,
    ) -> Result<SecondStep, StoreError> {
        let txn = self.write()?;
        let TokenState::Valid(token) = tokens::state_in(&txn, pending, TokenKind::LoginStep, now)?
        else {
            return Ok(SecondStep::Gone);
        };
        let Some(mut user) = users::get_in(&txn, token.user_id)? else {
            return Ok(SecondStep::Gone);
        };
        let Some(mut two) = get_in(&txn, user.id)?.filter(TwoStep::is_on) else {
            return Ok(SecondStep::Gone);
        };
        if user.status != UserStatus::Active {
            return Ok(SecondStep::Gone);
        }
        let recovery_left = match proof {
            Proof::Code { step } if step > two.last_step => {
                two.last_step = step;
                None
            }
            Proof::Recovery { hash } if two.recovery.contains(&hash) => {
                two.recovery.retain(|h| *h != hash);
                Some(two.recovery.len())
            }
            Proof::Code { .. } | Proof::Recovery { .. } => return Ok(SecondStep::Spent),
        };
        tables::TWO_FACTOR.put_in(&txn, user.id, &two)?;
        tokens::mark_used(&txn, pending, now)?;
        user.failed_logins = 0;
        user.locked_at = None;
        user.last_login_at = Some(now);
        users::put_in(&txn, &user)?;
        sessions::insert(
            &txn,
            session.hash,
            &Session {
                user_id: user.id,
                created_at: now,
                last_seen: now,
            },
            &session.origin,
        )?;
        if recovery_left.is_some() {
            on_recovery.write_in(&txn)?;
        }
        txn.commit()?;
        Ok(SecondStep::LoggedIn {
            user: Box::new(user),
            recovery_left,
        })
    }
}
