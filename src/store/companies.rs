//! Companies (installation companies and wholesalers) and their members.

use redb::{ReadableTable, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, codec, tables};
use crate::auth::policy::AccountKind;
use crate::domain::fold::fold;

/// A company registered in the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    /// Id.
    pub id: u64,
    /// Name as registered.
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Installer or wholesaler.
    pub kind: AccountKind,
    /// Registration time (unix seconds).
    pub created_at: u64,
}

const TABLE: &str = "companies_v1";

/// The key that makes two registrations "the same company": name, postal code and
/// country, compared case- and accent-insensitively.
pub fn match_key(name: &str, postal_code: &str, country: &str) -> String {
    format!(
        "{}|{}|{}",
        fold(name),
        fold(postal_code).replace(' ', ""),
        country.trim().to_ascii_uppercase()
    )
}

/// The company with that key, inside a write transaction.
pub fn find_by_key_in(txn: &WriteTransaction, key: &str) -> Result<Option<Company>, StoreError> {
    let id = txn
        .open_table(tables::COMPANY_BY_KEY)?
        .get(key)?
        .map(|v| v.value());
    match id {
        Some(id) => get_in(txn, id),
        None => Ok(None),
    }
}

/// A company by id, inside a write transaction.
pub fn get_in(txn: &WriteTransaction, id: u64) -> Result<Option<Company>, StoreError> {
    txn.open_table(tables::COMPANIES)?
        .get(id)?
        .map(|b| codec::decode(TABLE, b.value()))
        .transpose()
}

/// A company by id.
pub fn get(store: &Store, id: u64) -> Result<Option<Company>, StoreError> {
    let txn = store.read()?;
    txn.open_table(tables::COMPANIES)?
        .get(id)?
        .map(|b| codec::decode(TABLE, b.value()))
        .transpose()
}

/// Creates a company inside the caller's transaction; returns it with its new id.
pub fn create_in(txn: &WriteTransaction, mut company: Company) -> Result<Company, StoreError> {
    let mut table = txn.open_table(tables::COMPANIES)?;
    company.id = table.last()?.map_or(1, |(k, _)| k.value() + 1);
    table.insert(company.id, codec::encode(&company).as_slice())?;
    let key = match_key(&company.name, &company.postal_code, &company.country);
    txn.open_table(tables::COMPANY_BY_KEY)?
        .insert(key.as_str(), company.id)?;
    Ok(company)
}

/// Adds a member inside the caller's transaction.
pub fn add_member_in(
    txn: &WriteTransaction,
    company_id: u64,
    user_id: u64,
) -> Result<(), StoreError> {
    txn.open_table(tables::COMPANY_MEMBERS)?
        .insert((company_id, user_id), ())?;
    Ok(())
}

/// The ids of a company's members, inside a write transaction.
pub fn member_ids_in(txn: &WriteTransaction, company_id: u64) -> Result<Vec<u64>, StoreError> {
    let table = txn.open_table(tables::COMPANY_MEMBERS)?;
    let mut ids = Vec::new();
    for row in table.range((company_id, 0)..=(company_id, u64::MAX))? {
        ids.push(row?.0.value().1);
    }
    Ok(ids)
}
