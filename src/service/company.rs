//! A company's collaborators: inviting by e-mail (with the link's mail and its audit
//! entry), resending and revoking invitations, promoting and stepping down within the
//! two-administrator limit, removing a collaborator, and joining through the link.
//! Every decision is taken by [`crate::access`] inside the write that acts on it.

use crate::access::{self as policy, AccountKind, CompanyRole, CompanyScope};
use crate::domain::security_question::SecurityQuestion;
use crate::domain::{self, Email, NewPassword};
use crate::i18n::Lang;
use crate::mail::templates::compose;
use crate::secrets::token;
use crate::store::audit::Event;
use crate::store::invitations::{Accepted, Invitation, InvitationState, InviteRefused};
use crate::store::mail_queue::OutgoingMail;
use crate::store::sessions::SessionOrigin;
use crate::store::users::{User, UserStatus};
use crate::views::company::{InviteForm, JoinForm};
use crate::views::components::Errors;

use super::{Acting, Core, Failure};

/// An administrator acting for their company.
#[derive(Debug, Clone, Copy)]
pub struct Administering<'a> {
    pub who: Acting<'a>,
    pub scope: CompanyScope,
}

/// The company's name, for mails and pages.
pub fn company_name(core: &Core, scope: CompanyScope) -> Result<String, Failure> {
    Ok(core
        .store
        .companies()
        .get(scope.company_id())?
        .map(|c| c.name)
        .unwrap_or_default())
}

/// An invitation to send, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub email: Email,
    pub role: CompanyRole,
}

impl NewInvitation {
    /// Checks the e-mail and the role (installer or administrator).
    pub fn check(form: &InviteForm) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let email = e.check("email", Email::parse(&form.email));
        let role = e.check(
            "role",
            match form.role.as_str() {
                "installer" => Ok(CompanyRole::Member),
                "admin" => Ok(CompanyRole::Admin),
                "" => Err("field-choose"),
                _ => Err("invite-role-unknown"),
            },
        );
        e.finish(|| {
            Some(Self {
                email: email?,
                role: role?,
            })
        })
    }
}

/// The mail carrying an invitation's link, in the inviting administrator's language.
fn invitation_mail(
    core: &Core,
    admin: &Administering,
    invitation: &Invitation,
    secret: &str,
    company: &str,
) -> OutgoingMail {
    let lang = admin.who.user.language;
    let link = format!("{}/invitations/{secret}", core.config.public_url());
    let days = core.config.companies.invitation_days.to_string();
    let role = core.i18n.t(
        lang,
        match invitation.role {
            CompanyRole::Admin => "role-admin",
            CompanyRole::Member => "role-member",
        },
    );
    compose(
        core,
        lang,
        &invitation.email,
        "invitation",
        &[
            ("inviter", &admin.who.user.full_name()),
            ("company", company),
            ("role", &role),
            ("link", &link),
            ("days", &days),
        ],
    )
}

/// Invites `new` into the company: the invitation, its mail and its audit entry, in one
/// unit of work; refused when the address has an account, is invited already, or the
/// role would exceed the administrators' limit.
pub fn invite(
    core: &Core,
    admin: &Administering,
    new: NewInvitation,
) -> Result<Result<Invitation, InviteRefused>, Failure> {
    let (secret, hash) = token::generate();
    let now = core.clock.now();
    let expires = now + core.config.companies.invitation_days * 86_400;
    let company = company_name(core, admin.scope)?;
    let max = core.config.companies.max_admins;
    let role = new.role;
    let outcome = core.store.invitations().create(
        admin.scope,
        new.email.as_str(),
        role,
        admin.who.user.id,
        hash,
        expires,
        now,
        Box::new(|admins| policy::may_invite(admin.who.actor, role, admins, max)),
        Box::new(|invitation| vec![invitation_mail(core, admin, invitation, &secret, &company)]),
        admin
            .who
            .entry(now, Event::Invited, new.email.as_str())
            .detail(match role {
                CompanyRole::Admin => "admin",
                CompanyRole::Member => "installer",
            }),
    )?;
    if let Ok(invitation) = &outcome {
        tracing::info!(
            event = "invitation_sent",
            by = admin.who.user.id,
            invitation = invitation.id,
            "collaborator invited"
        );
    }
    Ok(outcome)
}

/// Sends a pending invitation again with a new link; the old one stops working. `false`
/// if the company has no such pending invitation.
pub fn resend(core: &Core, admin: &Administering, id: u64) -> Result<bool, Failure> {
    let (secret, hash) = token::generate();
    let now = core.clock.now();
    let expires = now + core.config.companies.invitation_days * 86_400;
    let company = company_name(core, admin.scope)?;
    let sent = core.store.invitations().resend(
        admin.scope,
        id,
        hash,
        expires,
        now,
        Box::new(|invitation| vec![invitation_mail(core, admin, invitation, &secret, &company)]),
    )?;
    Ok(sent.is_some())
}

/// Revokes a pending invitation; `false` if the company has no such invitation.
pub fn revoke(core: &Core, admin: &Administering, id: u64) -> Result<bool, Failure> {
    let revoked = core
        .store
        .invitations()
        .revoke(admin.scope, id, core.clock.now())?;
    if revoked {
        tracing::info!(
            event = "invitation_revoked",
            by = admin.who.user.id,
            invitation = id,
            "invitation revoked"
        );
    }
    Ok(revoked)
}

/// What a change of role or a removal led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberChange {
    Done,
    /// The access rules refused it (message id): the limit of administrators, the last
    /// administrator, oneself.
    Refused(&'static str),
    /// Not a member of this company.
    NotMember,
}

/// Makes a collaborator an administrator (at most `companies.max_admins`) or sets one
/// back to installer (the company keeps one), with the audit entry.
pub fn set_role(
    core: &Core,
    admin: &Administering,
    id: u64,
    role: CompanyRole,
) -> Result<MemberChange, Failure> {
    let max = core.config.companies.max_admins;
    let actor = admin.who.actor;
    let detail = match role {
        CompanyRole::Admin => "admin",
        CompanyRole::Member => "installer",
    };
    let now = core.clock.now();
    let outcome = core.store.companies().set_role(
        admin.scope,
        id,
        role,
        Box::new(move |current, admins| match role {
            CompanyRole::Admin => policy::may_promote(actor, current, admins, max),
            CompanyRole::Member => policy::may_demote(actor, current, admins),
        }),
        Box::new(|user| {
            admin
                .who
                .entry(now, Event::RoleChanged, &user.email)
                .about(user.id)
                .detail(detail)
        }),
    )?;
    Ok(match outcome {
        None => MemberChange::NotMember,
        Some(Err(message)) => MemberChange::Refused(message),
        Some(Ok(())) => {
            tracing::info!(
                event = "role_changed",
                by = actor.user_id,
                user_id = id,
                role = detail,
                "company role changed"
            );
            MemberChange::Done
        }
    })
}

/// The collaborator `id`, if the administrator may remove them (else why not).
pub fn removable(
    core: &Core,
    admin: &Administering,
    id: u64,
) -> Result<Option<Result<User, &'static str>>, Failure> {
    let Some(member) = core.store.companies().member(admin.scope, id)? else {
        return Ok(None);
    };
    Ok(Some(
        policy::may_remove(admin.who.actor, id).map(|()| member),
    ))
}

/// Removes a collaborator: access ends at once, the person is told, their plant
/// assignments are dropped, the removal is audited; what they created stays.
pub fn remove(core: &Core, admin: &Administering, id: u64) -> Result<MemberChange, Failure> {
    match removable(core, admin, id)? {
        None => return Ok(MemberChange::NotMember),
        Some(Err(message)) => return Ok(MemberChange::Refused(message)),
        Some(Ok(_)) => {}
    }
    let company = company_name(core, admin.scope)?;
    let now = core.clock.now();
    let removed = core.store.companies().remove_member(
        admin.scope,
        id,
        now,
        Box::new(|user| {
            vec![compose(
                core,
                user.language,
                &user.mailbox(),
                "removed",
                &[("name", &user.first_name), ("company", &company)],
            )]
        }),
        Box::new(|user| {
            admin
                .who
                .entry(now, Event::AccountRemoved, &user.email)
                .about(user.id)
                .detail(&company)
        }),
    )?;
    let Some(removed) = removed else {
        return Ok(MemberChange::NotMember);
    };
    tracing::info!(
        event = "collaborator_removed",
        by = admin.who.user.id,
        user_id = removed.id,
        "collaborator removed"
    );
    Ok(MemberChange::Done)
}

/// Why an invitation link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkUnusable {
    Unknown,
    Used,
    Revoked,
    Expired,
}

impl LinkUnusable {
    /// The message id of the page that says so.
    pub fn message(self) -> &'static str {
        match self {
            LinkUnusable::Unknown => "invitation-unknown",
            LinkUnusable::Used => "invitation-used",
            LinkUnusable::Revoked => "invitation-revoked",
            LinkUnusable::Expired => "invitation-expired",
        }
    }
}

/// The pending, unexpired invitation behind a link, with its company's name.
pub fn usable_invitation(
    core: &Core,
    secret: &str,
) -> Result<Result<(Invitation, String), LinkUnusable>, Failure> {
    if !token::is_well_formed(secret) {
        return Ok(Err(LinkUnusable::Unknown));
    }
    let Some(invitation) = core.store.invitations().by_token(token::hash(secret))? else {
        return Ok(Err(LinkUnusable::Unknown));
    };
    match invitation.state {
        InvitationState::Accepted { .. } => return Ok(Err(LinkUnusable::Used)),
        InvitationState::Revoked { .. } => return Ok(Err(LinkUnusable::Revoked)),
        InvitationState::Pending if core.clock.now() >= invitation.expires_at => {
            return Ok(Err(LinkUnusable::Expired));
        }
        InvitationState::Pending => {}
    }
    let company = core
        .store
        .companies()
        .get(invitation.company_id)?
        .map(|c| c.name)
        .unwrap_or_default();
    Ok(Ok((invitation, company)))
}

/// The account an invited person creates, checked.
#[derive(Debug)]
pub struct NewMember {
    pub first_name: String,
    pub last_name: String,
    pub password: NewPassword,
    pub phone: String,
    pub language: Lang,
    pub question: SecurityQuestion,
    pub answer: String,
}

impl NewMember {
    /// Checks the join form for `invitation` into `company`.
    pub fn check(form: &JoinForm, invitation: &Invitation, company: &str) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let first_name = e.check("first_name", domain::required_text(&form.first_name, 80));
        let last_name = e.check("last_name", domain::required_text(&form.last_name, 80));
        let personal = [form.first_name.as_str(), form.last_name.as_str(), company];
        let password = e.check_password(NewPassword::parse(
            &form.password,
            &form.password_confirm,
            &invitation.email,
            &personal,
        ));
        let phone = e.check("phone", domain::phone(&form.phone));
        let language = e.check("language", Lang::parse_choice(&form.language));
        let (question, answer) = super::registration::recovery_and_terms(
            &mut e,
            &form.security_question,
            &form.security_answer,
            &form.accept_terms,
        );
        e.finish(|| {
            Some(Self {
                first_name: first_name?,
                last_name: last_name?,
                password: password?,
                phone: phone?,
                language: language?,
                question: question?,
                answer: answer?,
            })
        })
    }
}

/// What following an invitation led to.
#[derive(Debug)]
pub enum Joined {
    /// The account exists in the company and is signed in with this session token.
    Member {
        user: Box<User>,
        session_token: String,
    },
    /// The address got an account meanwhile.
    HasAccount,
    /// The link stopped being usable meanwhile.
    Unusable,
}

/// Creates the invited person's account in the company and signs it in, in the browser
/// `origin` tells. The link proved the address, so there is no second confirmation.
pub async fn join(
    core: &Core,
    secret: &str,
    invitation: &Invitation,
    new: NewMember,
    origin: &SessionOrigin,
) -> Result<Joined, Failure> {
    let password_hash = core.hash(new.password.expose()).await?;
    let answer_hash = core.hash(&new.answer).await?;
    let now = core.clock.now();
    let user = User {
        id: 0,
        email: invitation.email.clone(),
        password_hash,
        first_name: new.first_name,
        last_name: new.last_name,
        phone: new.phone,
        kind: AccountKind::Installer,
        company: None,
        language: new.language,
        security_question: new.question.id().to_owned(),
        security_answer_hash: answer_hash,
        status: UserStatus::Active,
        failed_logins: 0,
        locked_at: None,
        created_at: now,
        last_login_at: None,
        addresses: Vec::new(),
        default_address: None,
        info_requests: Vec::new(),
    };
    let (session_token, session_hash) = token::generate();
    let outcome = core.store.invitations().accept(
        token::hash(secret),
        user,
        session_hash,
        origin,
        core.config.companies.max_admins,
        now,
    )?;
    Ok(match outcome {
        Accepted::Joined(user) => {
            tracing::info!(
                event = "invitation_accepted",
                user_id = user.id,
                invitation = invitation.id,
                "collaborator joined"
            );
            Joined::Member {
                user,
                session_token,
            }
        }
        Accepted::HasAccount => Joined::HasAccount,
        Accepted::Unusable => Joined::Unusable,
    })
}
