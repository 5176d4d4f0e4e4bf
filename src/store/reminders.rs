//! The weekly warranty reminders (docs/domain.md, "Warranty"): who turned them off in
//! "My profile", and which weekly reminder each person was sent, so a week's reminder
//! goes out once, however often the job runs and whichever node runs it.

use super::engine::ReadableTable;

use super::mail_queue::OutgoingMail;
use super::users::{User, UserStatus};
use super::{Store, StoreError, tables, users};
use crate::access::{AccountKind, CompanyRole};

/// Warranty reminders.
pub trait Reminders: Send + Sync {
    /// Whether `user` turned the reminders off.
    fn opted_out(&self, user: u64) -> Result<bool, StoreError>;
    /// Turns them off (`true`) or on again for `user`.
    fn set_opted_out(&self, user: u64, off: bool) -> Result<(), StoreError>;
    /// The people reminders are for: active company administrators and plant operators
    /// who did not turn them off.
    fn recipients(&self) -> Result<Vec<User>, StoreError>;
    /// Queues `mail`, the reminder of `week` (ISO year × 100 + week) for `user`, and
    /// records it in the same transaction; `false`, queuing nothing, when that week's
    /// reminder was sent already.
    fn send(&self, user: u64, week: u32, mail: OutgoingMail, at: u64) -> Result<bool, StoreError>;
}

/// Whether reminders are for `user` at all.
fn is_recipient(user: &User) -> bool {
    user.status == UserStatus::Active
        && (user.kind == AccountKind::Operator
            || matches!(user.company, Some((_, CompanyRole::Admin))))
}

impl Reminders for Store {
    fn opted_out(&self, user: u64) -> Result<bool, StoreError> {
        let txn = self.read()?;
        Ok(txn
            .open_table(tables::REMINDER_OPT_OUTS)?
            .get(user)?
            .is_some())
    }

    fn set_opted_out(&self, user: u64, off: bool) -> Result<(), StoreError> {
        let txn = self.write()?;
        {
            let mut table = txn.open_table(tables::REMINDER_OPT_OUTS)?;
            if off {
                table.insert(user, ())?;
            } else {
                table.remove(user)?;
            }
        }
        txn.commit()?;
        Ok(())
    }

    fn recipients(&self) -> Result<Vec<User>, StoreError> {
        let txn = self.read()?;
        let off = txn.open_table(tables::REMINDER_OPT_OUTS)?;
        let all = txn.open_table(tables::USERS.def())?;
        let mut out = Vec::new();
        for row in all.iter()? {
            let user = tables::USERS.decode(row?.1.value())?;
            if is_recipient(&user) && off.get(user.id)?.is_none() {
                out.push(user);
            }
        }
        Ok(out)
    }

    fn send(&self, user: u64, week: u32, mail: OutgoingMail, at: u64) -> Result<bool, StoreError> {
        let txn = self.write()?;
        if txn
            .open_table(tables::REMINDERS_SENT)?
            .get((user, week))?
            .is_some()
        {
            return Ok(false);
        }
        txn.open_table(tables::REMINDERS_SENT)?
            .insert((user, week), at)?;
        users::queue_all(&txn, vec![mail])?;
        txn.commit()?;
        Ok(true)
    }
}
