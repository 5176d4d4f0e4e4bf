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
