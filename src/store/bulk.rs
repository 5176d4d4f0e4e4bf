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

/// A batch of records written in one commit: `osc seed`'s loader.
pub trait BulkLoad {
    /// A company (its name is not checked against existing ones).
    fn company(&mut self, company: Company) -> Result<Company, StoreError>;
    /// An active account, member of its company when it has one.
    fn user(&mut self, user: User) -> Result<User, StoreError>;
    /// A plant, assigned to an installer if given.
    fn plant(&mut self, plant: Plant, assign_to: Option<u64>) -> Result<Plant, StoreError>;
    /// A device; `None` when its serial is taken.
    fn device(&mut self, device: Device) -> Result<Option<Device>, StoreError>;
    /// A ticket numbered in `year`, keeping the history it comes with.
    fn ticket(&mut self, ticket: Ticket, year: i32) -> Result<Ticket, StoreError>;
    /// Makes the batch durable.
    fn commit(self: Box<Self>) -> Result<(), StoreError>;
}

/// An open batch in one redb write transaction.
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
}

impl BulkLoad for Batch {
    fn company(&mut self, company: Company) -> Result<Company, StoreError> {
        companies::create_in(&self.txn, company)
    }

    fn user(&mut self, user: User) -> Result<User, StoreError> {
        let company = user.company.map(|(c, _)| c);
        let user = users::create_active_in(&self.txn, user)?;
        if let Some(c) = company {
            companies::add_member_in(&self.txn, c, user.id)?;
        }
        Ok(user)
    }

    fn plant(&mut self, plant: Plant, assign_to: Option<u64>) -> Result<Plant, StoreError> {
        plants::create_in(&self.txn, plant, assign_to)
    }

    fn device(&mut self, device: Device) -> Result<Option<Device>, StoreError> {
        Ok(devices::register_in(&self.txn, device)?.ok())
    }

    fn ticket(&mut self, ticket: Ticket, year: i32) -> Result<Ticket, StoreError> {
        tickets::create_in(&self.txn, ticket, year, Vec::new())
    }

    fn commit(self: Box<Self>) -> Result<(), StoreError> {
        self.txn.commit()?;
        Ok(())
    }
}
