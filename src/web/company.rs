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
use super::trail::{Trail, UserAgent};
use crate::access::CompanyRole;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::{CompanyAdmin, MaybeUser};
use crate::auth::session;
use crate::error::{AppError, Result};
use crate::service::company::{
    self as use_case, Administering, Joined, LinkUnusable, MemberChange, NewInvitation, NewMember,
};
use crate::store::invitations::InviteRefused;
use crate::store::sessions::SessionOrigin;
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

async fn members_page(
    ctx: &PageCtx,
    admin: &CompanyAdmin,
    form: &InviteForm,
    errors: &Errors,
    done: &str,
    refusal: Option<&str>,
) -> Result<Markup> {
    let store = &ctx.state.store;
    let company = store
        .companies()
        .get(admin.scope.company_id())?
        .ok_or_else(|| AppError::internal("administrator of a missing company"))?;
    let members = store.companies().members(admin.scope)?;
    let pending = store.invitations().pending(admin.scope)?;
    let operators = store.plants().operators_of_company(admin.scope)?;
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

/// The administrator acting through this request, as the use cases take it.
fn administering<'a>(admin: &'a CompanyAdmin, trail: &'a Trail) -> Administering<'a> {
    Administering {
        who: trail.acting(&admin.viewer),
        scope: admin.scope,
    }
}

/// `POST /company/invitations`
pub async fn invite(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<Response> {
    let errors = match NewInvitation::check(&form) {
        Err(errors) => errors,
        Ok(new) => match use_case::invite(&ctx.state.core, &administering(&admin, &trail), new)? {
            Ok(_) => return Ok(Redirect::to("/company/members?done=invited").into_response()),
            Err(refused) => {
                let (field, message) = match refused {
                    InviteRefused::HasAccount => ("email", "invite-has-account"),
                    InviteRefused::AlreadyInvited => ("email", "invite-already-invited"),
                    InviteRefused::Policy(m) => ("role", m),
                };
                let mut errors = Errors::new();
                errors.add(field, message);
                errors
            }
        },
    };
    let page = members_page(&ctx, &admin, &form, &errors, "", None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// `POST /company/invitations/{id}/resend`: a new link, the old one stops working.
pub async fn resend(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if !use_case::resend(&ctx.state.core, &administering(&admin, &trail), id)? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/company/members?done=resent").into_response())
}

/// `POST /company/invitations/{id}/revoke`
pub async fn revoke(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if !use_case::revoke(&ctx.state.core, &administering(&admin, &trail), id)? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/company/members?done=revoked").into_response())
}

/// The members page again with why a change was refused (409).
async fn refused(ctx: &PageCtx, admin: &CompanyAdmin, message: &'static str) -> Result<Response> {
    let form = InviteForm::blank();
    let page = members_page(ctx, admin, &form, &Errors::new(), "", Some(message)).await?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

/// The page after a change to a member, `done` naming it.
async fn after_change(
    ctx: &PageCtx,
    admin: &CompanyAdmin,
    change: MemberChange,
    done: &str,
) -> Result<Response> {
    match change {
        MemberChange::Done => Ok(Redirect::to(done).into_response()),
        MemberChange::Refused(message) => refused(ctx, admin, message).await,
        MemberChange::NotMember => Err(AppError::NotFound),
    }
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
    let acting = administering(&admin, &trail);
    let change = use_case::set_role(&ctx.state.core, &acting, id, CompanyRole::Admin)?;
    after_change(&ctx, &admin, change, "/company/members?done=promoted").await
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
    let acting = administering(&admin, &trail);
    let change = use_case::set_role(&ctx.state.core, &acting, id, CompanyRole::Member)?;
    let done = if id == admin.viewer.user.id {
        "/profile?saved=stepped-down"
    } else {
        "/company/members?done=demoted"
    };
    after_change(&ctx, &admin, change, done).await
}

/// `GET /company/members/{id}/remove`: asks for confirmation.
pub async fn remove_page(
    ctx: PageCtx,
    admin: CompanyAdmin,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Response> {
    let acting = administering(&admin, &trail);
    match use_case::removable(&ctx.state.core, &acting, id)?.ok_or(AppError::NotFound)? {
        Ok(member) => Ok(view::confirm_remove(&ctx, &member).into_response()),
        Err(message) => refused(&ctx, &admin, message).await,
    }
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
    let change = use_case::remove(&ctx.state.core, &administering(&admin, &trail), id)?;
    after_change(&ctx, &admin, change, "/company/members?done=removed").await
}

/// The page of an invitation link that cannot be used.
fn unusable(ctx: &PageCtx, why: LinkUnusable) -> Response {
    let status = match why {
        LinkUnusable::Unknown => StatusCode::NOT_FOUND,
        _ => StatusCode::GONE,
    };
    (status, view::invitation_unusable(ctx, why.message())).into_response()
}

/// `GET /invitations/{token}`: the registration form with the e-mail fixed.
pub async fn join_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Path(secret): Path<String>,
) -> Result<Response> {
    let (invitation, company) = match use_case::usable_invitation(&ctx.state.core, &secret)? {
        Ok(found) => found,
        Err(why) => return Ok(unusable(&ctx, why)),
    };
    if viewer.is_some() {
        let page = view::invitation_unusable(&ctx, "invitation-signed-in");
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let form = JoinForm {
        language: ctx.lang.code().to_owned(),
        ..JoinForm::default()
    };
    Ok(view::join(&ctx, &secret, &invitation, &company, &form, &Errors::new()).into_response())
}

/// `POST /invitations/{token}`: creates the account in the company and signs it in.
pub async fn join(
    ctx: PageCtx,
    Path(secret): Path<String>,
    Trail(from): Trail,
    UserAgent(agent): UserAgent,
    CsrfForm(mut form): CsrfForm<JoinForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    let (invitation, company) = match use_case::usable_invitation(core, &secret)? {
        Ok(found) => found,
        Err(why) => return Ok(unusable(&ctx, why)),
    };
    let new = match NewMember::check(&form, &invitation, &company) {
        Ok(new) => new,
        Err(e) => {
            form.password.clear();
            form.password_confirm.clear();
            let page = view::join(&ctx, &secret, &invitation, &company, &form, &e);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let origin = SessionOrigin::new(&agent, &from.address);
    match use_case::join(core, &secret, &invitation, new, &origin).await? {
        Joined::Member { session_token, .. } => {
            let mut response = Redirect::to("/profile?saved=joined").into_response();
            let cookie = session::set_cookie(&session_token, ctx.state.config.is_https());
            response.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
            );
            Ok(response)
        }
        Joined::HasAccount => {
            let page = view::invitation_unusable(&ctx, "invite-has-account");
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Joined::Unusable => Ok(unusable(&ctx, LinkUnusable::Expired)),
    }
}
