//! The service levels: every version of the business hours, holidays and targets, kept
//! as one record (`service_levels_v1`, key 0), so a request's clocks are measured with
//! the hours that were in force at each moment (docs/service-levels.md). Saving a version
//! writes the lists by due time of every open request again, in the same transaction.

use super::engine::ReadableTable;
use super::{Store, StoreError, tables};
use crate::domain::service_levels::{Levels, Schedule};
use crate::store::mail_queue::OutgoingMail;

/// The one key of the table.
const KEY: u64 = 0;

/// The service levels.
pub trait ServiceLevels: Send + Sync {
    /// Every version kept; empty when none was ever saved.
    fn schedule(&self) -> Result<Schedule, StoreError>;
    /// Keeps `levels` as the settings from `levels.from` on.
    fn save(&self, levels: Levels) -> Result<Schedule, StoreError>;
    /// Of `(ticket, due time)`, those the service team was not warned of yet.
    fn unwarned(&self, due: &[(u64, u64)]) -> Result<Vec<(u64, u64)>, StoreError>;
    /// Records the team warned of `due` and queues `mails`, in one transaction; `false`
    /// (and nothing queued) when another run warned of them first.
    fn warn(&self, due: &[(u64, u64)], mails: Vec<OutgoingMail>) -> Result<bool, StoreError>;
}

impl ServiceLevels for Store {
    fn schedule(&self) -> Result<Schedule, StoreError> {
        Ok(tables::SERVICE_LEVELS
            .get(&self.read()?, KEY)?
            .unwrap_or_default())
    }

    fn save(&self, levels: Levels) -> Result<Schedule, StoreError> {
        let txn = self.write()?;
        let mut schedule = tables::SERVICE_LEVELS.get(&txn, KEY)?.unwrap_or_default();
        schedule.push(levels);
        tables::SERVICE_LEVELS.put_in(&txn, KEY, &schedule)?;
        // Open requests are due by the new settings from now on.
        super::ticket_list::rewrite_due_in(&txn)?;
        txn.commit()?;
        Ok(schedule)
    }

    fn unwarned(&self, due: &[(u64, u64)]) -> Result<Vec<(u64, u64)>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::SLA_WARNED)?;
        let mut out = Vec::new();
        for (ticket, at) in due {
            if table.get((*ticket, *at))?.is_none() {
                out.push((*ticket, *at));
            }
        }
        Ok(out)
    }

    fn warn(&self, due: &[(u64, u64)], mails: Vec<OutgoingMail>) -> Result<bool, StoreError> {
        let txn = self.write()?;
        {
            let mut table = txn.open_table(tables::SLA_WARNED)?;
            for (ticket, at) in due {
                if table.insert((*ticket, *at), ())?.is_some() {
                    return Ok(false);
                }
            }
        }
        super::users::queue_all(&txn, mails)?;
        txn.commit()?;
        Ok(true)
    }
}
