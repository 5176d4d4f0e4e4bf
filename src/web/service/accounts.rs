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

use crate::access::{self as policy, AccountKind};
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::domain::{self, Email};
use crate::error::{AppError, Result};
use crate::mail::templates::compose;
use crate::secrets::token;
use crate::store::audit::{self, Event};
use crate::store::effects::Effects;
use crate::store::ticket_list::{self, Filter, From, Order};
use crate::store::tokens::TokenKind;
use crate::store::users::{self, EmailChangeRefused, UserStatus};
use crate::store::{companies, plants};
use crate::views::components::Errors;
use crate::views::service::accounts as view;
use crate::web::context::PageCtx;
use crate::web::plants::Saved;
use crate::web::trail::Trail;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FindQuery {
    pub q: String,
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
        users::find(store, &q.q, FOUND_LIMIT)?
    };
    let mut rows = Vec::with_capacity(found.len());
    for user in found {
        let company = match user.company {
            Some((c, _)) => companies::get(store, c)?.map(|c| c.name),
            None => None,
        };
        rows.push((user, company));
    }
    Ok(view::find(&ctx, &q.q, &rows))
}

fn person(ctx: &PageCtx, id: u64) -> Result<Person> {
    let store = &ctx.state.store;
    // Staff accounts have a page too (their history, an unlock); they are neither
    // blocked nor given another e-mail here.
    let user = users::get(store, id)?.ok_or(AppError::NotFound)?;
    let company = match user.company {
        Some((c, _)) => companies::get(store, c)?,
        None => None,
    };
    let actor = user.actor();
    // A staff member's own scope is everything: their page lists no plants or requests.
    let (plants, tickets) = if user.kind == AccountKind::Staff {
        (Vec::new(), Vec::new())
    } else {
        let plants = plants::list(store, &actor, "")?
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        let tickets = ticket_list::page(
            store,
            policy::ticket_scope(&actor),
            Order::Updated,
            Filter::default(),
            From::Start,
            20,
        )?
        .tickets;
        (plants, tickets)
    };
    let history = audit::page(
        store,
        audit::Filter {
            user: Some(id),
            ..audit::Filter::default()
        },
        20,
    )?
    .entries;
    let sessions = crate::store::sessions::count_for_user(store, id)?;
    Ok(Person {
        user,
        company,
        plants,
        tickets,
        history,
        sessions,
    })
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
    let p = person(ctx, id)?;
    if p.user.kind == AccountKind::Staff {
        return Err(AppError::NotFound);
    }
    Ok(p)
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
    let mut e = Errors::new();
    let reason = e.check("reason", domain::required_text_multiline(&form.reason, 500));
    let Some(reason) = reason else {
        let forms = Forms {
            block: Some((&form.reason, &e)),
            ..Forms::default()
        };
        return Ok(refuse(&ctx, &p, &forms, StatusCode::UNPROCESSABLE_ENTITY));
    };
    let now = ctx.state.clock.now();
    let entry = trail.entry(now, Event::AccountBlocked, &p.user.email);
    match users::block(&ctx.state.store, id, &reason, now, entry)? {
        Some(true) => {
            tracing::info!(
                event = "account_blocked",
                user_id = id,
                by = me.user.id,
                "account blocked"
            );
            Ok(done(id, "blocked"))
        }
        Some(false) => {
            e.add("reason", "service-block-not-possible");
            let forms = Forms {
                block: Some((&form.reason, &e)),
                ..Forms::default()
            };
            Ok(refuse(&ctx, &p, &forms, StatusCode::CONFLICT))
        }
        None => Err(AppError::NotFound),
    }
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
    let entry = trail.entry(
        ctx.state.clock.now(),
        Event::AccountUnblocked,
        &p.user.email,
    );
    users::unblock(&ctx.state.store, id, entry)?.ok_or(AppError::NotFound)?;
    tracing::info!(
        event = "account_unblocked",
        user_id = id,
        by = me.user.id,
        "account unblocked"
    );
    Ok(done(id, "unblocked"))
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
    let entry = trail.entry(ctx.state.clock.now(), Event::AccountUnlocked, &p.user.email);
    users::unlock(&ctx.state.store, id, entry)?.ok_or(AppError::NotFound)?;
    tracing::info!(
        event = "account_unlocked",
        user_id = id,
        by = me.user.id,
        "account unlocked"
    );
    Ok(done(id, "unlocked"))
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
    let mut e = Errors::new();
    let Some(new_email) = e.check("email", Email::parse(&form.email)) else {
        let forms = Forms {
            email: Some((&form.email, &e)),
            ..Forms::default()
        };
        return Ok(refuse(&ctx, &p, &forms, StatusCode::UNPROCESSABLE_ENTITY));
    };
    let state = &ctx.state;
    let now = state.clock.now();
    let hours = state.config.security.confirmation_hours;
    let (secret, hash) = token::generate();
    let link = format!("{}/email/confirm/{secret}", state.config.public_url());
    let outcome = users::request_email_change(
        &state.store,
        id,
        &new_email,
        hash,
        now + hours * 3600,
        now,
        |user| {
            vec![
                compose(
                    state,
                    user.language,
                    new_email.as_str(),
                    "email-change",
                    &[
                        ("name", &user.first_name),
                        ("link", &link),
                        ("hours", &hours.to_string()),
                    ],
                ),
                compose(
                    state,
                    user.language,
                    &user.mailbox(),
                    "email-change-notice",
                    &[("name", &user.first_name), ("email", new_email.as_str())],
                ),
            ]
        },
        trail.entry(now, Event::EmailChangeRequested, &p.user.email),
    )?
    .ok_or(AppError::NotFound)?;
    match outcome {
        Ok(()) => {
            tracing::info!(
                event = "email_change_requested",
                user_id = id,
                by = me.user.id,
                "e-mail change sent for confirmation"
            );
            Ok(done(id, "email"))
        }
        Err(refused) => {
            e.add(
                "email",
                match refused {
                    EmailChangeRefused::Taken => "service-email-taken",
                    EmailChangeRefused::Same => "service-email-same",
                },
            );
            let forms = Forms {
                email: Some((&form.email, &e)),
                ..Forms::default()
            };
            Ok(refuse(&ctx, &p, &forms, StatusCode::CONFLICT))
        }
    }
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
    if p.user.status != UserStatus::Unconfirmed {
        return Ok(done(id, "confirmed-already"));
    }
    let state = &ctx.state;
    let now = state.clock.now();
    let hours = state.config.security.confirmation_hours;
    let (secret, hash) = token::generate();
    let link = format!("{}/confirm/{secret}", state.config.public_url());
    let mail = compose(
        state,
        p.user.language,
        &p.user.mailbox(),
        "confirm",
        &[
            ("name", &p.user.first_name),
            ("link", &link),
            ("hours", &hours.to_string()),
        ],
    );
    users::issue_token(
        &state.store,
        id,
        TokenKind::Confirm,
        hash,
        now + hours * 3600,
        now,
        Effects::mails(vec![mail]).audited(
            trail
                .entry(now, Event::ConfirmationResent, &p.user.email)
                .about(id),
        ),
    )?;
    tracing::info!(
        event = "confirmation_resent",
        user_id = id,
        by = me.user.id,
        "confirmation e-mail sent again"
    );
    Ok(done(id, "confirmation"))
}
