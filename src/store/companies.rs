//! Companies (installation companies and wholesalers) and their members.

use super::Txn;
use super::effects::{AuditFor, MailsFor};
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::users::UserStatus;
use super::{Store, StoreError, tables};
use crate::access::{AccountKind, CompanyRole, CompanyScope};
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
pub(crate) fn find_by_key_in(txn: &Txn, key: &str) -> Result<Option<Company>, StoreError> {
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
pub(crate) fn get_in(txn: &Txn, id: u64) -> Result<Option<Company>, StoreError> {
    tables::COMPANIES.get(&txn, id)
}

/// The companies, their members and roles.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Companies: Send + Sync {
    /// A company by id.
    fn get(&self, id: u64) -> Result<Option<Company>, StoreError>;

    /// The company's current members (removed ones excepted), administrators first, then by
    /// name.
    fn members(&self, scope: CompanyScope) -> Result<Vec<Member>, StoreError>;

    /// A current member of the scoped company, or `None` (also for other companies' people).
    fn member(
        &self,
        scope: CompanyScope,
        user_id: u64,
    ) -> Result<Option<super::users::User>, StoreError>;

    /// Changes a member's role. `decide` is the policy: it sees the member's current role and
    /// the company's administrator count, in the same transaction as the change, which also
    /// records the audit entry `audit` writes about the member.
    fn set_role(
        &self,
        scope: CompanyScope,
        user_id: u64,
        role: CompanyRole,
        decide: Box<dyn FnOnce(CompanyRole, usize) -> Result<(), &'static str> + '_>,
        audit: AuditFor<'_, super::users::User>,
    ) -> Result<Option<Result<(), &'static str>>, StoreError>;

    /// Removes a member: the account is deactivated, every session ends, plant assignments
    /// are dropped, `mails` are queued and `audit`'s entry recorded, in one transaction; what
    /// they created stays with the company.
    fn remove_member(
        &self,
        scope: CompanyScope,
        user_id: u64,
        now: u64,
        mails: MailsFor<'_, super::users::User>,
        audit: AuditFor<'_, super::users::User>,
    ) -> Result<Option<super::users::User>, StoreError>;

    /// Companies whose name contains `query` (folded for case and accents), an exact name
    /// first, then by name; at most `limit`. For the service team's filters.
    fn find_by_name(&self, query: &str, limit: usize) -> Result<Vec<Company>, StoreError>;
}

/// Creates a company inside the caller's transaction; returns it with its new id.
pub(crate) fn create_in(txn: &Txn, mut company: Company) -> Result<Company, StoreError> {
    company.id = tables::COMPANIES.next_id_in(txn)?;
    tables::COMPANIES.put_in(txn, company.id, &company)?;
    let key = match_key(&company.name, &company.postal_code, &company.country);
    txn.open_table(tables::COMPANY_BY_KEY)?
        .insert(key.as_str(), company.id)?;
    Ok(company)
}

/// Adds a member inside the caller's transaction.
pub(crate) fn add_member_in(txn: &Txn, company_id: u64, user_id: u64) -> Result<(), StoreError> {
    txn.open_table(tables::COMPANY_MEMBERS)?
        .insert((company_id, user_id), ())?;
    Ok(())
}

/// The ids of a company's members, inside a write transaction.
pub(crate) fn member_ids_in(txn: &Txn, company_id: u64) -> Result<Vec<u64>, StoreError> {
    let table = txn.open_table(tables::COMPANY_MEMBERS)?;
    let mut ids = Vec::new();
    for row in table.range((company_id, 0)..=(company_id, u64::MAX))? {
        ids.push(row?.0.value().1);
    }
    Ok(ids)
}

/// A company's member as the members page shows them.
#[derive(Debug, Clone)]
pub struct Member {
    /// The account.
    pub user: super::users::User,
    /// How many plants are assigned to them.
    pub assigned_plants: usize,
}

fn assigned_count(
    table: &impl ReadableTable<(u64, u64), ()>,
    user_id: u64,
) -> Result<usize, StoreError> {
    Ok(table.range((user_id, 0)..=(user_id, u64::MAX))?.count())
}

/// Current administrators of a company, inside a write transaction.
pub(crate) fn admins_in(txn: &Txn, company_id: u64) -> Result<usize, StoreError> {
    let mut n = 0;
    for id in member_ids_in(txn, company_id)? {
        if let Some(u) = super::users::get_in(txn, id)?
            && matches!(u.company, Some((_, CompanyRole::Admin)))
            && !matches!(u.status, UserStatus::Removed { .. })
        {
            n += 1;
        }
    }
    Ok(n)
}

impl Companies for Store {
    fn get(&self, id: u64) -> Result<Option<Company>, StoreError> {
        let txn = self.read()?;
        tables::COMPANIES.get(&txn, id)
    }

    fn members(&self, scope: CompanyScope) -> Result<Vec<Member>, StoreError> {
        let txn = self.read()?;
        let index = txn.open_table(tables::COMPANY_MEMBERS)?;
        let users = txn.open_table(tables::USERS.def())?;
        let assignments = txn.open_table(tables::ASSIGNMENTS_BY_USER)?;
        let company = scope.company_id();
        let mut out = Vec::new();
        for row in index.range((company, 0)..=(company, u64::MAX))? {
            let user_id = row?.0.value().1;
            let Some(bytes) = users.get(user_id)? else {
                continue;
            };
            let user: super::users::User = tables::USERS.decode(bytes.value())?;
            if matches!(user.status, UserStatus::Removed { .. }) {
                continue;
            }
            out.push(Member {
                assigned_plants: assigned_count(&assignments, user_id)?,
                user,
            });
        }
        out.sort_by(|a, b| {
            let admin = |m: &Member| !matches!(m.user.company, Some((_, CompanyRole::Admin)));
            (
                admin(a),
                a.user.last_name.to_lowercase(),
                a.user.first_name.to_lowercase(),
            )
                .cmp(&(
                    admin(b),
                    b.user.last_name.to_lowercase(),
                    b.user.first_name.to_lowercase(),
                ))
        });
        Ok(out)
    }

    fn member(
        &self,
        scope: CompanyScope,
        user_id: u64,
    ) -> Result<Option<super::users::User>, StoreError> {
        Ok(super::users::Users::get(self, user_id)?.filter(|u| {
            matches!(u.company, Some((c, _)) if c == scope.company_id())
                && !matches!(u.status, UserStatus::Removed { .. })
        }))
    }

    fn set_role(
        &self,
        scope: CompanyScope,
        user_id: u64,
        role: CompanyRole,
        decide: Box<dyn FnOnce(CompanyRole, usize) -> Result<(), &'static str> + '_>,
        audit: AuditFor<'_, super::users::User>,
    ) -> Result<Option<Result<(), &'static str>>, StoreError> {
        let txn = self.write()?;
        let Some(mut user) = super::users::get_in(&txn, user_id)?.filter(|u| {
            matches!(u.company, Some((c, _)) if c == scope.company_id())
                && !matches!(u.status, UserStatus::Removed { .. })
        }) else {
            return Ok(None);
        };
        let current = user.company.map_or(CompanyRole::Member, |(_, r)| r);
        let admins = admins_in(&txn, scope.company_id())?;
        if let Err(refusal) = decide(current, admins) {
            return Ok(Some(Err(refusal)));
        }
        user.company = Some((scope.company_id(), role));
        super::users::put_in(&txn, &user)?;
        super::audit::record_in(&txn, audit(&user))?;
        txn.commit()?;
        Ok(Some(Ok(())))
    }

    fn remove_member(
        &self,
        scope: CompanyScope,
        user_id: u64,
        now: u64,
        mails: MailsFor<'_, super::users::User>,
        audit: AuditFor<'_, super::users::User>,
    ) -> Result<Option<super::users::User>, StoreError> {
        let txn = self.write()?;
        let Some(mut user) = super::users::get_in(&txn, user_id)?.filter(|u| {
            matches!(u.company, Some((c, _)) if c == scope.company_id())
                && !matches!(u.status, UserStatus::Removed { .. })
        }) else {
            return Ok(None);
        };
        user.status = UserStatus::Removed { at: now };
        // A removed administrator no longer counts as one.
        user.company = Some((scope.company_id(), CompanyRole::Member));
        super::users::put_in(&txn, &user)?;
        super::sessions::delete_for_user(&txn, user.id, None)?;
        super::plants::drop_assignments_in(&txn, user.id)?;
        super::users::queue_all(&txn, mails(&user))?;
        super::audit::record_in(&txn, audit(&user))?;
        txn.commit()?;
        Ok(Some(user))
    }

    fn find_by_name(&self, query: &str, limit: usize) -> Result<Vec<Company>, StoreError> {
        let wanted = fold(query.trim());
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let txn = self.read()?;
        let mut out = Vec::new();
        for row in txn.open_table(tables::COMPANIES.def())?.iter()? {
            let company: Company = tables::COMPANIES.decode(row?.1.value())?;
            let name = fold(&company.name);
            if name.contains(&wanted) {
                out.push((name != wanted, name, company));
            }
        }
        out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        Ok(out.into_iter().take(limit).map(|(_, _, c)| c).collect())
    }
}
