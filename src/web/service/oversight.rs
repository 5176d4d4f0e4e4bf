//! Oversight: the audit log (`/service/audit`, filtered by event and person) and the
//! mail queue (`/service/mail`: sent, waiting, failed and why; retry now).

pub use crate::views::service::oversight::{AuditQuery, MailQuery};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::PAGE_SIZE;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::error::{AppError, Result};
use crate::service::desk::{self, Retried};
use crate::store::audit::{self, Event};
use crate::store::mail_queue::Show;
use crate::views::service::oversight as view;
use crate::web::context::PageCtx;
use crate::web::trail::Trail;

/// `GET /service/audit`
pub async fn audit_log(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Query(q): Query<AuditQuery>,
) -> Result<Markup> {
    let store = &ctx.state.store;
    let user = match q.user.trim() {
        "" => Ok(None),
        text => match text.parse::<u64>() {
            Ok(id) => Ok(Some(id)),
            Err(_) => match crate::domain::Email::parse(text) {
                Ok(email) => store
                    .users()
                    .find_by_email(&email)?
                    .map(|u| Some(u.id))
                    .ok_or("service-audit-no-user"),
                Err(_) => Err("service-audit-no-user"),
            },
        },
    };
    let page = match user {
        Ok(user) => store.audit().page(
            audit::Filter {
                event: Event::from_slug(&q.event),
                user,
                before: q.before.parse().ok(),
            },
            PAGE_SIZE,
        )?,
        Err(_) => audit::Page::default(),
    };
    Ok(view::audit(&ctx, &q, &page, user.err()))
}

/// `GET /service/mail`
pub async fn mail(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Query(q): Query<MailQuery>,
) -> Result<Markup> {
    let show = match q.show.as_str() {
        "waiting" => Show::Waiting,
        "failed" => Show::Failed,
        "sent" => Show::Sent,
        "returned" => Show::Returned,
        _ => Show::All,
    };
    let (mails, next) =
        ctx.state
            .store
            .mail_queue()
            .list(show, q.before.parse().ok(), PAGE_SIZE)?;
    let (waiting, sent) = ctx.state.store.mail_queue().counts()?;
    Ok(view::mail(&ctx, &q, &mails, next, waiting, sent))
}

#[derive(Debug, Default, Deserialize)]
pub struct NoFields {}

/// `POST /service/mail/{id}/retry`: a waiting message is tried again now.
pub async fn retry(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    Ok(
        match desk::retry_mail(&ctx.state.core, &trail.acting(&me), id)? {
            Retried::Unknown => return Err(AppError::NotFound),
            Retried::SentAlready => {
                Redirect::to("/service/mail?saved=sent-already").into_response()
            }
            Retried::Queued => {
                Redirect::to("/service/mail?show=waiting&saved=retried").into_response()
            }
        },
    )
}
