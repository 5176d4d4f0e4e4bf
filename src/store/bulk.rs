//! Writing many records in few transactions (`osc seed`): one write transaction holds a
//! batch of companies, people, plants, devices and tickets, each written by the same
//! function a single write uses, with every index; commit when the batch is full.

use super::Txn;

use super::companies::{self, Company};
use super::devices::{self, Device};
use super::plants::{self, Plant};
use super::tickets::{self, Ticket};
use super::users::{self, User};
use super::{Store, StoreError};

/// An open batch.
pub struct Batch {
    txn: Txn,
}

impl Batch {
    /// Starts a batch.
    pub fn begin(store: &Store) -> Result<Self, StoreError> {
        Ok(Self {
            txn: store.write()?,
        })
    }

    /// A company (its name is not checked against existing ones).
    pub fn company(&mut self, company: Company) -> Result<Company, StoreError> {
        companies::create_in(&self.txn, company)
    }

    /// An active account, member of its company when it has one.
    pub fn user(&mut self, user: User) -> Result<User, StoreError> {
        let company = user.company.map(|(c, _)| c);
        let user = users::create_active_in(&self.txn, user)?;
        if let Some(c) = company {
            companies::add_member_in(&self.txn, c, user.id)?;
        }
        Ok(user)
    }

    /// A plant, assigned to an installer if given.
    pub fn plant(&mut self, plant: Plant, assign_to: Option<u64>) -> Result<Plant, StoreError> {
        plants::create_in(&self.txn, plant, assign_to)
    }

    /// A device; `None` when its serial is taken.
    pub fn device(&mut self, device: Device) -> Result<Option<Device>, StoreError> {
        Ok(devices::register_in(&self.txn, device)?.ok())
    }

    /// A ticket numbered in `year`, keeping the history it comes with.
    pub fn ticket(&mut self, ticket: Ticket, year: i32) -> Result<Ticket, StoreError> {
        tickets::create_in(&self.txn, ticket, year, Vec::new())
    }

    /// Makes the batch durable.
    pub fn commit(self) -> Result<(), StoreError> {
        self.txn.commit()?;
        Ok(())
    }
}
