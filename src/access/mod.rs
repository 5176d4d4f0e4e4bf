//! Access: the [`Actor`] behind a request, the scopes it reads in, and every rule about
//! what it may see and do. Use cases and views ask here; they never compare roles
//! themselves. A leaf: it imports nothing of the crate but `domain`.

pub use crate::domain::account::{AccountKind, CompanyRole};

/// The signed-in person a request acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user's id.
    pub user_id: u64,
    /// Display name.
    pub name: String,
    /// E-mail address (normalized): plants name their operator by it.
    pub email: String,
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

/// Whose webhook endpoints an actor keeps, and so what they hear of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookScope {
    /// The service team's: every company's requests and plants, and internal notes.
    Everything,
    /// A company's administrators': that company's requests and plants.
    Company(u64),
}

impl HookScope {
    /// The company it is limited to (`None`: everything), as the store keeps it.
    pub fn company(self) -> Option<u64> {
        match self {
            HookScope::Everything => None,
            HookScope::Company(c) => Some(c),
        }
    }
}

/// The webhook endpoints `actor` may register and look after, if any: the service
/// team's for staff, their company's for a company's administrators.
#[must_use]
pub fn webhook_scope(actor: &Actor) -> Option<HookScope> {
    if actor.is_staff() {
        Some(HookScope::Everything)
    } else {
        administered_company(actor).map(|c| HookScope::Company(c.company_id()))
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

/// Which plants an actor sees: the filter every plant list and search applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlantScope {
    /// Service staff: every plant.
    All,
    /// A company administrator: every plant of the company, whoever created it.
    Company(u64),
    /// An installer or a wholesaler's collaborator: the plants assigned to him.
    Assigned(u64),
    /// A plant operator: the plants he owns or that name him as operator.
    Operator(u64),
}

/// The plants `actor` may see.
#[must_use]
pub fn plant_scope(actor: &Actor) -> PlantScope {
    match (actor.kind, actor.company) {
        (AccountKind::Staff, _) => PlantScope::All,
        (_, Some((company, CompanyRole::Admin))) => PlantScope::Company(company),
        (AccountKind::Operator, _) => PlantScope::Operator(actor.user_id),
        _ => PlantScope::Assigned(actor.user_id),
    }
}

/// Who a plant belongs to, as the policy needs to know it.
#[derive(Debug, Clone, Copy)]
pub struct PlantOwnership<'a> {
    /// The company that keeps the plant, if any.
    pub company: Option<u64>,
    /// The plant operator's e-mail, if the plant names one.
    pub operator_email: Option<&'a str>,
    /// Installers the plant is assigned to.
    pub assignees: &'a [u64],
}

/// Whether `actor` may see (and so work on) a plant, its devices and documents.
#[must_use]
pub fn can_see_plant(actor: &Actor, plant: &PlantOwnership<'_>) -> bool {
    match plant_scope(actor) {
        PlantScope::All => true,
        PlantScope::Company(c) => plant.company == Some(c),
        PlantScope::Assigned(u) => {
            plant.company.is_some()
                && plant.company == actor.company.map(|(c, _)| c)
                && plant.assignees.contains(&u)
        }
        PlantScope::Operator(_) => plant.operator_email == Some(actor.email.as_str()),
    }
}

/// Whether `actor` may register plants (everyone but the service team, who work on
/// customers' plants through tickets).
#[must_use]
pub fn can_create_plant(actor: &Actor) -> bool {
    !actor.is_staff()
}

/// Whether `actor` may change a plant's data: the company's administrators and the
/// installers it is assigned to; a plant operator only his own plant (one no company keeps).
#[must_use]
pub fn can_edit_plant(actor: &Actor, plant: &PlantOwnership<'_>) -> bool {
    if actor.is_staff() || !can_see_plant(actor, plant) {
        return false;
    }
    match plant_scope(actor) {
        PlantScope::Operator(_) => plant.company.is_none(),
        _ => true,
    }
}

/// Whether `actor` may assign a plant to installers: the administrators of the company
/// that keeps it.
#[must_use]
pub fn can_assign_plant(actor: &Actor, plant: &PlantOwnership<'_>) -> bool {
    matches!(plant_scope(actor), PlantScope::Company(c) if plant.company == Some(c))
}

/// Which tickets an actor sees: the filter every ticket list and search applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketScope {
    /// Service staff: every ticket, with no time window.
    All,
    /// A company administrator: every ticket of the company.
    Company(u64),
    /// Everyone else: the tickets they requested (or that staff created for them).
    Requester(u64),
}

/// The tickets `actor` may see.
#[must_use]
pub fn ticket_scope(actor: &Actor) -> TicketScope {
    match (actor.kind, actor.company) {
        (AccountKind::Staff, _) => TicketScope::All,
        (_, Some((company, CompanyRole::Admin))) => TicketScope::Company(company),
        _ => TicketScope::Requester(actor.user_id),
    }
}

/// Whether `actor` may see a ticket of `company` requested by `requester`.
#[must_use]
pub fn can_see_ticket(actor: &Actor, company: Option<u64>, requester: u64) -> bool {
    match ticket_scope(actor) {
        TicketScope::All => true,
        TicketScope::Company(c) => company == Some(c),
        TicketScope::Requester(u) => requester == u,
    }
}

/// Whether `actor` works tickets: changes their state, answers as the service team,
/// writes internal notes and sees them. Only the service team.
pub fn can_handle_tickets(actor: &Actor) -> bool {
    actor.is_staff()
}

/// Whether `actor` may enter the service desk (`/service/…`): the queue of every ticket,
/// people's accounts (block, unblock, unlock, e-mail changes), the audit log and the
/// mail queue. Only the service team.
pub fn can_use_service_desk(actor: &Actor) -> bool {
    actor.is_staff()
}

/// Whether `actor` may file a device replacement request: customers with an account
/// (the service team files them on a customer's behalf from the service desk).
pub fn can_request_replacement(actor: &Actor) -> bool {
    !actor.is_staff()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(kind: AccountKind, company: Option<(u64, CompanyRole)>) -> Actor {
        Actor {
            user_id: 1,
            name: "A".into(),
            email: "a@example.com".into(),
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
    fn plants_by_role() {
        let admin = actor(AccountKind::Installer, Some((7, CompanyRole::Admin)));
        let mut installer = actor(AccountKind::Installer, Some((7, CompanyRole::Member)));
        installer.user_id = 2;
        let mut operator = actor(AccountKind::Operator, None);
        operator.user_id = 3;
        operator.email = "op@example.com".into();
        let staff = actor(AccountKind::Staff, None);
        let other_admin = actor(AccountKind::Installer, Some((8, CompanyRole::Admin)));
        let assigned = PlantOwnership {
            company: Some(7),
            operator_email: Some("op@example.com"),
            assignees: &[2],
        };
        let unassigned = PlantOwnership {
            company: Some(7),
            operator_email: None,
            assignees: &[],
        };
        assert!(can_see_plant(&admin, &assigned) && can_see_plant(&admin, &unassigned));
        assert!(can_see_plant(&installer, &assigned) && !can_see_plant(&installer, &unassigned));
        assert!(can_see_plant(&operator, &assigned) && !can_see_plant(&operator, &unassigned));
        assert!(can_see_plant(&staff, &unassigned));
        assert!(
            !can_see_plant(&other_admin, &assigned),
            "never another company's plant"
        );
        // An assignment in another company's plant does not open it.
        let foreign = PlantOwnership {
            company: Some(8),
            operator_email: None,
            assignees: &[2],
        };
        assert!(!can_see_plant(&installer, &foreign));
        assert_eq!(plant_scope(&admin), PlantScope::Company(7));
        assert_eq!(plant_scope(&installer), PlantScope::Assigned(2));
        assert_eq!(plant_scope(&operator), PlantScope::Operator(3));
        assert_eq!(plant_scope(&staff), PlantScope::All);
        assert!(can_edit_plant(&admin, &assigned) && can_edit_plant(&installer, &assigned));
        assert!(
            !can_edit_plant(&operator, &assigned),
            "a company's plant is the company's to edit"
        );
        assert!(!can_edit_plant(&staff, &assigned));
        assert!(can_assign_plant(&admin, &assigned) && !can_assign_plant(&installer, &assigned));
        assert!(!can_assign_plant(&other_admin, &assigned));
        let own = PlantOwnership {
            company: None,
            operator_email: Some("op@example.com"),
            assignees: &[],
        };
        assert!(can_edit_plant(&operator, &own) && !can_see_plant(&admin, &own));
    }

    #[test]
    fn tickets_by_role() {
        let admin = actor(AccountKind::Installer, Some((7, CompanyRole::Admin)));
        let mut installer = actor(AccountKind::Installer, Some((7, CompanyRole::Member)));
        installer.user_id = 2;
        let staff = actor(AccountKind::Staff, None);
        assert!(can_see_ticket(&admin, Some(7), 2), "the company's tickets");
        assert!(
            !can_see_ticket(&admin, Some(8), 2),
            "never another company's"
        );
        assert!(can_see_ticket(&installer, Some(7), 2) && !can_see_ticket(&installer, Some(7), 1));
        assert!(can_see_ticket(&staff, None, 99));
        let wholesaler = actor(AccountKind::Wholesaler, Some((9, CompanyRole::Member)));
        assert_eq!(ticket_scope(&wholesaler), TicketScope::Requester(1));
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
