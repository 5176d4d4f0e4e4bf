//! "Invite collaborators": a company's administrators list its collaborators and pending
//! invitations, invite by e-mail, promote, step down and remove; invited people join
//! through the link (`/invitations/{token}`).

pub use crate::views::company::{InviteForm, JoinForm};
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::accounts::NoFields;
use super::context::PageCtx;
use super::trail::Trail;
use crate::access::{self as policy, CompanyRole};
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::{CompanyAdmin, MaybeUser};
use crate::auth::session;
use crate::domain::security_question::{self, SecurityQuestion};
use crate::domain::{self, Email, NewPassword};
use crate::error::{AppError, Result};
use crate::i18n::Lang;
use crate::mail::templates::compose;
use crate::secrets::token;
use crate::store::audit::Event;
use crate::store::companies;
use crate::store::invitations::{self, Accepted, Invitation, InvitationState, InviteRefused};
use crate::store::users::{User, UserStatus};
use crate::views::company as view;
use crate::views::components::Errors;

/// Which change was just made (`?done=…`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Done {
    pub done: String,
}

impl InviteForm {
    /// The empty form, offering the installer role.
    fn blank() -> Self {
        Self {
            role: "installer".into(),
            ..Self::default()
        }
    }
}

fn parse_role(value: &str) -> Result<CompanyRole, &'static str> {
    match value {
        "installer" => Ok(CompanyRole::Member),
        "admin" => Ok(CompanyRole::Admin),
        "" => Err("field-required"),
        _ => Err("invite-role-unknown"),
    }
}

async fn members_page(
    ctx: &PageCtx,
    admin: &CompanyAdmin,
    form: &InviteForm,
    errors: &Errors,
    done: &str,
    refusal: Option<&str>,
) -> Result<Markup> {
    let store = &ctx.state.store;
    let company = companies::get(store, admin.scope.company_id())?
        .ok_or_else(|| AppError::internal("administrator of a missing company"))?;
    let members = companies::members(store, admin.scope)?;
    let pending = invitations::pending(store, admin.scope)?;
    let operators = crate::store::plants::operators_of_company(store, admin.scope)?;
    Ok(view::members(
        ctx,
        &view::MembersData {
            company: &company,
            me: admin.viewer.user.id,
            members: &members,
            invitations: &pending,
            operators: &operators,
            form,
            errors,
            done,
            refusal,
            now: ctx.state.clock.now(),
            lockout_minutes: ctx.state.config.security.lockout_minutes,
            invitation_days: ctx.state.config.companies.invitation_days,
        },
    ))
}

/// `GET /company/members`
pub async fn members(ctx: PageCtx, admin: CompanyAdmin, Query(q): Query<Done>) -> Result<Markup> {
    let form = InviteForm::blank();
    members_page(&ctx, &admin, &form, &Errors::new(), &q.done, None).await
}

fn invitation_mail(
    ctx: &PageCtx,
    admin: &CompanyAdmin,
    invitation: &Invitation,
    secret: &str,
    company: &str,
) -> crate::store::mail_queue::OutgoingMail {
    let state = &ctx.state;
    let link = format!("{}/invitations/{secret}", state.config.public_url());
    let days = state.config.companies.invitation_days.to_string();
    let role = ctx.state.i18n.t(
        admin.viewer.user.language,
        match invitation.role {
            CompanyRole::Admin => "role-admin",
            CompanyRole::Member => "role-member",
        },
    );
    compose(
        state,
        admin.viewer.user.language,
        &invitation.email,
        "invitation",
        &[
            ("inviter", &admin.viewer.user.full_name()),
            ("company", company),
            ("role", &role),
            ("link", &link),
            ("days", &days),
        ],
    )
}

fn company_name(ctx: &PageCtx, admin: &CompanyAdmin) -> Result<String> {
    Ok(companies::get(&ctx.state.store, admin.scope.company_id())?
        .map(|c| c.name)
        .unwrap_or_default())
}

/// `POST /company/invitations`
pub async fn invite(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<Response> {
    let mut errors = Errors::new();
    let email = errors.check("email", Email::parse(&form.email));
    let role = errors.check("role", parse_role(&form.role));
    let (Some(email), Some(role)) = (email, role) else {
        let page = members_page(&ctx, &admin, &form, &errors, "", None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let state = &ctx.state;
    let (secret, hash) = token::generate();
    let now = state.clock.now();
    let expires = now + state.config.companies.invitation_days * 86_400;
    let company = company_name(&ctx, &admin)?;
    let max = state.config.companies.max_admins;
    let outcome = invitations::create(
        &state.store,
        admin.scope,
        email.as_str(),
        role,
        admin.viewer.user.id,
        hash,
        expires,
        now,
        |admins| policy::may_invite(&admin.viewer.actor, role, admins, max),
        |invitation| vec![invitation_mail(&ctx, &admin, invitation, &secret, &company)],
        trail
            .entry(now, Event::Invited, email.as_str())
            .detail(match role {
                CompanyRole::Admin => "admin",
                CompanyRole::Member => "installer",
            }),
    )?;
    match outcome {
        Ok(invitation) => {
            tracing::info!(
                event = "invitation_sent",
                by = admin.viewer.user.id,
                invitation = invitation.id,
                "collaborator invited"
            );
            Ok(Redirect::to("/company/members?done=invited").into_response())
        }
        Err(refused) => {
            let message = match refused {
                InviteRefused::HasAccount => "invite-has-account",
                InviteRefused::AlreadyInvited => "invite-already-invited",
                InviteRefused::Policy(m) => m,
            };
            let field = if matches!(refused, InviteRefused::Policy(_)) {
                "role"
            } else {
                "email"
            };
            errors.add(field, message);
            let page = members_page(&ctx, &admin, &form, &errors, "", None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /company/invitations/{id}/resend`: a new link, the old one stops working.
pub async fn resend(
    ctx: PageCtx,
    admin: CompanyAdmin,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let state = &ctx.state;
    let (secret, hash) = token::generate();
    let now = state.clock.now();
    let expires = now + state.config.companies.invitation_days * 86_400;
    let company = company_name(&ctx, &admin)?;
    invitations::resend(
        &state.store,
        admin.scope,
        id,
        hash,
        expires,
        now,
        |invitation| vec![invitation_mail(&ctx, &admin, invitation, &secret, &company)],
    )?
    .ok_or(AppError::NotFound)?;
    Ok(Redirect::to("/company/members?done=resent").into_response())
}

/// `POST /company/invitations/{id}/revoke`
pub async fn revoke(
    ctx: PageCtx,
    admin: CompanyAdmin,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if !invitations::revoke(&ctx.state.store, admin.scope, id, ctx.state.clock.now())? {
        return Err(AppError::NotFound);
    }
    tracing::info!(
        event = "invitation_revoked",
        by = admin.viewer.user.id,
        invitation = id,
        "invitation revoked"
    );
    Ok(Redirect::to("/company/members?done=revoked").into_response())
}

/// The audit entry of a change of company role.
fn role_entry<'a>(
    ctx: &'a PageCtx,
    trail: &'a Trail,
    role: &'static str,
) -> impl FnOnce(&crate::store::users::User) -> crate::store::audit::Entry + 'a {
    move |user| {
        trail
            .entry(ctx.state.clock.now(), Event::RoleChanged, &user.email)
            .about(user.id)
            .detail(role)
    }
}

async fn refused(ctx: &PageCtx, admin: &CompanyAdmin, message: &'static str) -> Result<Response> {
    let form = InviteForm::blank();
    let page = members_page(ctx, admin, &form, &Errors::new(), "", Some(message)).await?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

/// `POST /company/members/{id}/admin`: makes a collaborator an administrator (at most
/// `companies.max_admins`).
pub async fn promote(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let max = ctx.state.config.companies.max_admins;
    let actor = admin.viewer.actor.clone();
    let outcome = companies::set_role(
        &ctx.state.store,
        admin.scope,
        id,
        CompanyRole::Admin,
        |role, admins| policy::may_promote(&actor, role, admins, max),
        role_entry(&ctx, &trail, "admin"),
    )?
    .ok_or(AppError::NotFound)?;
    match outcome {
        Ok(()) => {
            tracing::info!(
                event = "role_changed",
                by = actor.user_id,
                user_id = id,
                role = "admin",
                "collaborator promoted"
            );
            Ok(Redirect::to("/company/members?done=promoted").into_response())
        }
        Err(message) => refused(&ctx, &admin, message).await,
    }
}

/// `POST /company/members/{id}/installer`: an administrator steps down (or is set back
/// by the other one); the company keeps at least one administrator.
pub async fn demote(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let actor = admin.viewer.actor.clone();
    let outcome = companies::set_role(
        &ctx.state.store,
        admin.scope,
        id,
        CompanyRole::Member,
        |role, admins| policy::may_demote(&actor, role, admins),
        role_entry(&ctx, &trail, "installer"),
    )?
    .ok_or(AppError::NotFound)?;
    match outcome {
        Ok(()) => {
            tracing::info!(
                event = "role_changed",
                by = actor.user_id,
                user_id = id,
                role = "installer",
                "administrator stepped down"
            );
            let to = if id == actor.user_id {
                "/profile?saved=stepped-down"
            } else {
                "/company/members?done=demoted"
            };
            Ok(Redirect::to(to).into_response())
        }
        Err(message) => refused(&ctx, &admin, message).await,
    }
}

/// `GET /company/members/{id}/remove`: asks for confirmation.
pub async fn remove_page(
    ctx: PageCtx,
    admin: CompanyAdmin,
    Path(id): Path<u64>,
) -> Result<Response> {
    let member = companies::member(&ctx.state.store, admin.scope, id)?.ok_or(AppError::NotFound)?;
    if let Err(message) = policy::may_remove(&admin.viewer.actor, id) {
        return refused(&ctx, &admin, message).await;
    }
    Ok(view::confirm_remove(&ctx, &member).into_response())
}

/// `POST /company/members/{id}/remove`: access ends at once, the person is told, their
/// plant assignments are dropped; what they created stays with the company.
pub async fn remove(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    companies::member(&ctx.state.store, admin.scope, id)?.ok_or(AppError::NotFound)?;
    if let Err(message) = policy::may_remove(&admin.viewer.actor, id) {
        return refused(&ctx, &admin, message).await;
    }
    let state = &ctx.state;
    let company = company_name(&ctx, &admin)?;
    let removed = companies::remove_member(
        &state.store,
        admin.scope,
        id,
        state.clock.now(),
        |user| {
            vec![compose(
                state,
                user.language,
                &user.mailbox(),
                "removed",
                &[("name", &user.first_name), ("company", &company)],
            )]
        },
        |user| {
            trail
                .entry(state.clock.now(), Event::AccountRemoved, &user.email)
                .about(user.id)
                .detail(&company)
        },
    )?
    .ok_or(AppError::NotFound)?;
    tracing::info!(
        event = "collaborator_removed",
        by = admin.viewer.user.id,
        user_id = removed.id,
        "collaborator removed"
    );
    Ok(Redirect::to("/company/members?done=removed").into_response())
}

/// The pending, unexpired invitation behind a link, or the page that says why not.
fn usable_invitation(
    ctx: &PageCtx,
    secret: &str,
) -> Result<Result<(Invitation, String), Response>> {
    let unusable = |reason: &'static str| {
        Ok(Err((
            StatusCode::GONE,
            view::invitation_unusable(ctx, reason),
        )
            .into_response()))
    };
    if !token::is_well_formed(secret) {
        return Ok(Err((
            StatusCode::NOT_FOUND,
            view::invitation_unusable(ctx, "invitation-unknown"),
        )
            .into_response()));
    }
    let Some(invitation) = invitations::by_token(&ctx.state.store, token::hash(secret))? else {
        return Ok(Err((
            StatusCode::NOT_FOUND,
            view::invitation_unusable(ctx, "invitation-unknown"),
        )
            .into_response()));
    };
    match invitation.state {
        InvitationState::Accepted { .. } => return unusable("invitation-used"),
        InvitationState::Revoked { .. } => return unusable("invitation-revoked"),
        InvitationState::Pending if ctx.state.clock.now() >= invitation.expires_at => {
            return unusable("invitation-expired");
        }
        InvitationState::Pending => {}
    }
    let company = companies::get(&ctx.state.store, invitation.company_id)?
        .map(|c| c.name)
        .unwrap_or_default();
    Ok(Ok((invitation, company)))
}

/// `GET /invitations/{token}`: the registration form with the e-mail fixed.
pub async fn join_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Path(secret): Path<String>,
) -> Result<Response> {
    let (invitation, company) = match usable_invitation(&ctx, &secret)? {
        Ok(found) => found,
        Err(page) => return Ok(page),
    };
    if viewer.is_some() {
        return Ok((
            StatusCode::CONFLICT,
            view::invitation_unusable(&ctx, "invitation-signed-in"),
        )
            .into_response());
    }
    let form = JoinForm {
        language: ctx.lang.code().to_owned(),
        ..JoinForm::default()
    };
    Ok(view::join(&ctx, &secret, &invitation, &company, &form, &Errors::new()).into_response())
}

/// `POST /invitations/{token}`: creates the account in the company and signs it in. The
/// link proved the address, so there is no second confirmation.
pub async fn join(
    ctx: PageCtx,
    Path(secret): Path<String>,
    CsrfForm(mut form): CsrfForm<JoinForm>,
) -> Result<Response> {
    let (invitation, company) = match usable_invitation(&ctx, &secret)? {
        Ok(found) => found,
        Err(page) => return Ok(page),
    };
    let mut e = Errors::new();
    let first_name = e.check("first_name", domain::required_text(&form.first_name, 80));
    let last_name = e.check("last_name", domain::required_text(&form.last_name, 80));
    let personal = [
        form.first_name.as_str(),
        form.last_name.as_str(),
        company.as_str(),
    ];
    let password = e.check_password(NewPassword::parse(
        &form.password,
        &form.password_confirm,
        &invitation.email,
        &personal,
    ));
    let phone = e.check("phone", domain::phone(&form.phone));
    let language = e.check(
        "language",
        Lang::from_code(&form.language)
            .filter(|l| l.code() == form.language)
            .ok_or("language-unknown"),
    );
    let question = e.check(
        "security_question",
        SecurityQuestion::parse(&form.security_question),
    );
    let answer = e.check(
        "security_answer",
        security_question::parse_answer(&form.security_answer),
    );
    if form.accept_terms != "on" {
        e.add("accept_terms", "terms-not-accepted");
    }
    let (
        Some(first_name),
        Some(last_name),
        Some(password),
        Some(phone),
        Some(language),
        Some(question),
        Some(answer),
        true,
    ) = (
        first_name,
        last_name,
        password,
        phone,
        language,
        question,
        answer,
        e.is_empty(),
    )
    else {
        form.password.clear();
        form.password_confirm.clear();
        let page = view::join(&ctx, &secret, &invitation, &company, &form, &e);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let state = &ctx.state;
    let password_hash = state
        .hasher
        .hash(password.expose().to_owned())
        .await
        .map_err(AppError::internal)?;
    let answer_hash = state
        .hasher
        .hash(answer)
        .await
        .map_err(AppError::internal)?;
    let now = state.clock.now();
    let user = User {
        id: 0,
        email: invitation.email.clone(),
        password_hash,
        first_name,
        last_name,
        phone,
        kind: crate::access::AccountKind::Installer,
        company: None,
        language,
        security_question: question.id().to_owned(),
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
    let outcome = invitations::accept(
        &state.store,
        token::hash(&secret),
        user,
        session_hash,
        state.config.companies.max_admins,
        now,
    )?;
    match outcome {
        Accepted::Joined(user) => {
            tracing::info!(
                event = "invitation_accepted",
                user_id = user.id,
                invitation = invitation.id,
                "collaborator joined"
            );
            let mut response = Redirect::to("/profile?saved=joined").into_response();
            let cookie = session::set_cookie(&session_token, state.config.is_https());
            response.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
            );
            Ok(response)
        }
        Accepted::HasAccount => Ok((
            StatusCode::CONFLICT,
            view::invitation_unusable(&ctx, "invite-has-account"),
        )
            .into_response()),
        Accepted::Unusable => Ok((
            StatusCode::GONE,
            view::invitation_unusable(&ctx, "invitation-expired"),
        )
            .into_response()),
    }
}
