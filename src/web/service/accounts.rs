//! People's accounts as the service team sees them (`/service/users`): finding them by
//! name, e-mail or company; a person's company, role, status, plants, tickets and audit
//! history; blocking and unblocking, unlocking, changing the e-mail address (the new
//! one confirms through a link, the old one is told) and sending the confirmation
//! e-mail again. Every action lands in the audit log.

pub use crate::views::service::accounts::{FOUND_LIMIT, Forms, Person};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::domain::Email;
use crate::error::{AppError, Result};
use crate::service::people::{self, AccountAction, EmailChange};
use crate::service::two_factor;
use crate::views::components::Errors;
use crate::views::service::accounts as view;
use crate::web::context::PageCtx;
use crate::web::plants::Saved;
use crate::web::trail::Trail;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FindQuery {
    pub q: String,
    /// After an erasure: how many requests no longer name the person.
    pub erased: Option<u64>,
}

/// `GET /service/users?q=…`
pub async fn find(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Query(q): Query<FindQuery>,
) -> Result<Markup> {
    let store = &ctx.state.store;
    let found = if q.q.trim().is_empty() {
        Vec::new()
    } else {
        store.users().find(&q.q, FOUND_LIMIT)?
    };
    let mut rows = Vec::with_capacity(found.len());
    for user in found {
        let company = match user.company {
            Some((c, _)) => store.companies().get(c)?.map(|c| c.name),
            None => None,
        };
        rows.push((user, company));
    }
    Ok(view::find(&ctx, &q.q, &rows, q.erased))
}

fn person(ctx: &PageCtx, id: u64) -> Result<Person> {
    // Staff accounts have a page too (their history, an unlock).
    people::person(&ctx.state.core, id)?.ok_or(AppError::NotFound)
}

/// `GET /service/users/{id}`
pub async fn detail(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Path(id): Path<u64>,
    Query(q): Query<Saved>,
) -> Result<Markup> {
    let p = person(&ctx, id)?;
    Ok(view::detail(&ctx, &p, &Forms::default(), &q.saved))
}

/// A customer's page data: blocking and e-mail changes are not for staff accounts
/// (they are managed with `osc staff`), which answer 404 to them.
fn customer(ctx: &PageCtx, id: u64) -> Result<Person> {
    people::customer(&ctx.state.core, id)?.ok_or(AppError::NotFound)
}

fn done(id: u64, saved: &str) -> Response {
    Redirect::to(&format!("/service/users/{id}?saved={saved}")).into_response()
}

fn refuse(ctx: &PageCtx, p: &Person, forms: &Forms<'_>, status: StatusCode) -> Response {
    (status, view::detail(ctx, p, forms, "")).into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BlockForm {
    pub reason: String,
}

/// `POST /service/users/{id}/block`: the account cannot log in or recover its password
/// and every session ends at once. A reason is required.
pub async fn block(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<BlockForm>,
) -> Result<Response> {
    let p = customer(&ctx, id)?;
    let (e, status) = match people::block_reason(&form.reason) {
        Err(e) => (e, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(reason) => match people::block(&ctx.state.core, &trail.acting(&me), &p, &reason)? {
            AccountAction::Done => return Ok(done(id, "blocked")),
            AccountAction::Gone => return Err(AppError::NotFound),
            AccountAction::NotApplicable => {
                let mut e = Errors::new();
                e.add("reason", "service-block-not-possible");
                (e, StatusCode::CONFLICT)
            }
        },
    };
    let forms = Forms {
        block: Some((&form.reason, &e)),
        ..Forms::default()
    };
    Ok(refuse(&ctx, &p, &forms, status))
}

/// `POST /service/users/{id}/two-factor/reset`: a customer who lost their authenticator
/// and recovery codes logs in with the password alone again; every session of theirs
/// ends and they are e-mailed. A reason is required. Staff accounts answer 404 (their
/// own is reset with `osc staff reset-2fa`).
pub async fn reset_two_factor(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<BlockForm>,
) -> Result<Response> {
    let p = customer(&ctx, id)?;
    let core = &ctx.state.core;
    let (e, status) = match two_factor::reset_reason(&form.reason) {
        Err(e) => (e, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(reason) => {
            match two_factor::reset_for_customer(core, &trail.acting(&me), &p, &reason)? {
                AccountAction::Done => return Ok(done(id, "two-factor-reset")),
                AccountAction::Gone => return Err(AppError::NotFound),
                AccountAction::NotApplicable => {
                    let mut e = Errors::new();
                    e.add("two_factor_reason", "service-two-factor-not-on");
                    (e, StatusCode::CONFLICT)
                }
            }
        }
    };
    let forms = Forms {
        two_factor: Some((&form.reason, &e)),
        ..Forms::default()
    };
    Ok(refuse(&ctx, &p, &forms, status))
}

#[derive(Debug, Default, Deserialize)]
pub struct NoFields {}

/// `POST /service/users/{id}/unblock`
pub async fn unblock(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let p = person(&ctx, id)?;
    match people::unblock(&ctx.state.core, &trail.acting(&me), &p)? {
        AccountAction::Gone => Err(AppError::NotFound),
        _ => Ok(done(id, "unblocked")),
    }
}

/// `POST /service/users/{id}/unlock`: a locked account can log in again at once.
pub async fn unlock(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let p = person(&ctx, id)?;
    match people::unlock(&ctx.state.core, &trail.acting(&me), &p)? {
        AccountAction::Gone => Err(AppError::NotFound),
        _ => Ok(done(id, "unlocked")),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailChangeForm {
    pub email: String,
}

/// `POST /service/users/{id}/email`: sends a confirmation link to the new address and a
/// notice to the old one; the log-in changes when the link is followed.
pub async fn change_email(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<EmailChangeForm>,
) -> Result<Response> {
    let p = customer(&ctx, id)?;
    let (message, status) = match Email::parse(&form.email) {
        Err(message) => (message, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(email) => match people::change_email(&ctx.state.core, &trail.acting(&me), &p, &email)? {
            EmailChange::Sent => return Ok(done(id, "email")),
            EmailChange::Gone => return Err(AppError::NotFound),
            EmailChange::Taken => ("service-email-taken", StatusCode::CONFLICT),
            EmailChange::Same => ("service-email-same", StatusCode::CONFLICT),
        },
    };
    let mut e = Errors::new();
    e.add("email", message);
    let forms = Forms {
        email: Some((&form.email, &e)),
        ..Forms::default()
    };
    Ok(refuse(&ctx, &p, &forms, status))
}

/// `POST /service/users/{id}/confirmation`: a new confirmation link for an account that
/// has not confirmed its e-mail yet.
pub async fn resend_confirmation(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let p = person(&ctx, id)?;
    Ok(
        match people::resend_confirmation(&ctx.state.core, &trail.acting(&me), &p)? {
            AccountAction::Done => done(id, "confirmation"),
            _ => done(id, "confirmed-already"),
        },
    )
}

/// `POST /service/users/{id}/sessions/{handle}/end`: logs the person out of one browser
/// (audited; a session already gone changes nothing).
pub async fn end_session(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path((id, handle)): Path<(u64, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let p = person(&ctx, id)?;
    people::end_session(&ctx.state.core, &trail.acting(&me), &p, &handle)?;
    Ok(done(id, "session-ended"))
}

/// `POST /service/users/{id}/sessions/end-all`: logs the person out everywhere
/// (audited).
pub async fn end_sessions(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let p = person(&ctx, id)?;
    people::end_sessions(&ctx.state.core, &trail.acting(&me), &p)?;
    Ok(done(id, "sessions-ended"))
}
