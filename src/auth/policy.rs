//! Authorization: the [`Actor`] behind a request and every rule about what it may see
//! and do. Handlers and views ask here; they never compare roles themselves.

use serde::{Deserialize, Serialize};

/// The kind of account a person registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountKind {
    /// Member of an installation company.
    Installer,
    /// Member of a wholesaler (business-partner company).
    Wholesaler,
    /// Plant operator (end customer).
    Operator,
    /// The team that runs the instance.
    Staff,
}

/// A person's role inside their company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CompanyRole {
    /// Collaborator.
    Member,
    /// Company administrator (at most two per company).
    Admin,
}

/// The signed-in person a request acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user's id.
    pub user_id: u64,
    /// Display name.
    pub name: String,
    /// Account kind.
    pub kind: AccountKind,
    /// Company and role, for installers and wholesalers.
    pub company: Option<(u64, CompanyRole)>,
}

impl Actor {
    /// Whether the actor belongs to the service team.
    #[must_use]
    pub fn is_staff(&self) -> bool {
        self.kind == AccountKind::Staff
    }

    /// Whether the actor administers a company.
    #[must_use]
    pub fn is_company_admin(&self) -> bool {
        matches!(self.company, Some((_, CompanyRole::Admin)))
    }
}

/// The portal's areas as the left navigation names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// My profile
    Profile,
    /// My access data
    AccessData,
    /// Plant overview
    Plants,
    /// Ticket Tracking
    Tickets,
    /// Invite collaborators
    Collaborators,
    /// Service desk
    ServiceDesk,
}

impl Area {
    /// Every area, in navigation order.
    pub const ALL: [Area; 6] = [
        Area::Profile,
        Area::AccessData,
        Area::Plants,
        Area::Tickets,
        Area::Collaborators,
        Area::ServiceDesk,
    ];
}

/// Whether `actor` may enter `area` (and so sees it in the navigation).
#[must_use]
pub fn can_enter(actor: Option<&Actor>, area: Area) -> bool {
    let Some(actor) = actor else {
        return false;
    };
    match area {
        Area::Profile | Area::AccessData => true,
        Area::Plants | Area::Tickets => !actor.is_staff(),
        Area::Collaborators => actor.is_company_admin(),
        Area::ServiceDesk => actor.is_staff(),
    }
}

/// Proof that an actor administers a company: only [`administered_company`] makes one,
/// and the store's member and invitation functions take it, so no handler can list or
/// change another company's people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompanyScope(u64);

impl CompanyScope {
    /// The company.
    pub fn company_id(self) -> u64 {
        self.0
    }
}

/// The company `actor` administers, if any.
#[must_use]
pub fn administered_company(actor: &Actor) -> Option<CompanyScope> {
    match actor.company {
        Some((id, CompanyRole::Admin)) if !actor.is_staff() => Some(CompanyScope(id)),
        _ => None,
    }
}

/// Why a change to a company's people is refused: the message id shown to the
/// administrator.
pub type Refusal = &'static str;

/// Whether `actor` may make `target` an administrator, given how many the company has.
pub fn may_promote(
    actor: &Actor,
    target_role: CompanyRole,
    admins: usize,
    max_admins: usize,
) -> Result<(), Refusal> {
    if !actor.is_company_admin() {
        return Err("members-not-allowed");
    }
    if target_role == CompanyRole::Admin {
        return Err("members-already-admin");
    }
    if admins >= max_admins {
        return Err("members-max-admins");
    }
    Ok(())
}

/// Whether `actor` may make administrator `target` a collaborator again (stepping down
/// oneself, or for the one who left): a company always keeps one administrator.
pub fn may_demote(actor: &Actor, target_role: CompanyRole, admins: usize) -> Result<(), Refusal> {
    if !actor.is_company_admin() {
        return Err("members-not-allowed");
    }
    if target_role != CompanyRole::Admin {
        return Err("members-not-admin");
    }
    if admins <= 1 {
        return Err("members-last-admin");
    }
    Ok(())
}

/// Whether `actor` may remove `target_id` from the company: administrators only, and
/// nobody removes himself.
pub fn may_remove(actor: &Actor, target_id: u64) -> Result<(), Refusal> {
    if !actor.is_company_admin() {
        return Err("members-not-allowed");
    }
    if target_id == actor.user_id {
        return Err("members-cannot-remove-self");
    }
    Ok(())
}

/// Whether `actor` may invite someone as `role`, given the administrators the company
/// has and those already invited.
pub fn may_invite(
    actor: &Actor,
    role: CompanyRole,
    admins_and_pending: usize,
    max_admins: usize,
) -> Result<(), Refusal> {
    if !actor.is_company_admin() {
        return Err("members-not-allowed");
    }
    if role == CompanyRole::Admin && admins_and_pending >= max_admins {
        return Err("members-max-admins");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(kind: AccountKind, company: Option<(u64, CompanyRole)>) -> Actor {
        Actor {
            user_id: 1,
            name: "A".into(),
            kind,
            company,
        }
    }

    fn areas(a: Option<&Actor>) -> Vec<Area> {
        Area::ALL.into_iter().filter(|x| can_enter(a, *x)).collect()
    }

    #[test]
    fn only_administrators_get_a_company_scope() {
        let admin = actor(AccountKind::Installer, Some((7, CompanyRole::Admin)));
        assert_eq!(
            administered_company(&admin).map(CompanyScope::company_id),
            Some(7)
        );
        let member = actor(AccountKind::Installer, Some((7, CompanyRole::Member)));
        assert_eq!(administered_company(&member), None);
        assert_eq!(
            administered_company(&actor(AccountKind::Operator, None)),
            None
        );
        assert_eq!(administered_company(&actor(AccountKind::Staff, None)), None);
    }

    #[test]
    fn two_administrators_at_most_and_always_one() {
        let admin = actor(AccountKind::Installer, Some((7, CompanyRole::Admin)));
        assert_eq!(may_promote(&admin, CompanyRole::Member, 1, 2), Ok(()));
        assert_eq!(
            may_promote(&admin, CompanyRole::Member, 2, 2),
            Err("members-max-admins")
        );
        assert_eq!(
            may_promote(&admin, CompanyRole::Admin, 2, 2),
            Err("members-already-admin")
        );
        assert_eq!(
            may_demote(&admin, CompanyRole::Admin, 1),
            Err("members-last-admin")
        );
        assert_eq!(may_demote(&admin, CompanyRole::Admin, 2), Ok(()));
        assert_eq!(
            may_invite(&admin, CompanyRole::Admin, 2, 2),
            Err("members-max-admins")
        );
        assert_eq!(may_invite(&admin, CompanyRole::Member, 2, 2), Ok(()));
    }

    #[test]
    fn nobody_removes_himself_and_members_remove_nobody() {
        let admin = actor(AccountKind::Installer, Some((7, CompanyRole::Admin)));
        assert_eq!(may_remove(&admin, 1), Err("members-cannot-remove-self"));
        assert_eq!(may_remove(&admin, 2), Ok(()));
        let member = actor(AccountKind::Installer, Some((7, CompanyRole::Member)));
        assert_eq!(may_remove(&member, 2), Err("members-not-allowed"));
    }

    #[test]
    fn anonymous_enters_no_area() {
        assert!(areas(None).is_empty());
    }

    #[test]
    fn each_role_sees_its_areas() {
        use Area::*;
        let admin = actor(AccountKind::Installer, Some((7, CompanyRole::Admin)));
        let member = actor(AccountKind::Installer, Some((7, CompanyRole::Member)));
        let wholesaler_admin = actor(AccountKind::Wholesaler, Some((8, CompanyRole::Admin)));
        let operator = actor(AccountKind::Operator, None);
        let staff = actor(AccountKind::Staff, None);
        assert_eq!(
            areas(Some(&admin)),
            vec![Profile, AccessData, Plants, Tickets, Collaborators]
        );
        assert_eq!(
            areas(Some(&wholesaler_admin)),
            vec![Profile, AccessData, Plants, Tickets, Collaborators]
        );
        assert_eq!(
            areas(Some(&member)),
            vec![Profile, AccessData, Plants, Tickets]
        );
        assert_eq!(
            areas(Some(&operator)),
            vec![Profile, AccessData, Plants, Tickets]
        );
        assert_eq!(areas(Some(&staff)), vec![Profile, AccessData, ServiceDesk]);
    }
}
