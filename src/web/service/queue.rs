//! The queue (`/service/tickets`): every ticket, no time window, filtered by state,
//! kind, company, assignee and waiting time, the longest waiting first; the search box
//! of Ticket Tracking without a company filter. And taking a ticket (assigning it).

pub use crate::views::service::queue::{AGES, CompanyChoice, QueueQuery};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::PAGE_SIZE;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::error::{AppError, Result};
use crate::service::desk::{self, Assignee};
use crate::service::queue as use_case;
use crate::views::service::queue as view;
use crate::web::context::PageCtx;
use crate::web::trail::Trail;

impl QueueQuery {
    /// The query string of this view without its place, for links.
    pub fn link(&self, sort: &str) -> String {
        use crate::views::layout::url_encode as e;
        format!(
            "/service/tickets?q={}&state={}&kind={}&company={}&assignee={}&age={}&sla={}&sort={}",
            e(&self.q),
            e(&self.state),
            e(&self.kind),
            e(&self.company),
            e(&self.assignee),
            e(&self.age),
            e(&self.sla),
            e(sort)
        )
    }
}

/// `GET /service/tickets`
pub async fn queue(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    Query(q): Query<QueueQuery>,
) -> Result<Markup> {
    let state = &ctx.state;
    let now = state.clock.now();
    let staff = state.store.users().staff()?;
    let selection = use_case::Selection::of(&state.core, me.user.id, &q)?;
    let page = selection.page(&state.core, &state.search, &me.actor, q.from(), PAGE_SIZE)?;
    let schedule = state.store.service_levels().schedule()?;
    Ok(view::queue(
        &ctx,
        &q,
        &page,
        &selection.company,
        &staff,
        now,
        &schedule,
    ))
}

/// What the assignment form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    /// A staff member's id, `me`, or `none`.
    pub assignee: String,
}

/// `POST /service/tickets/{id}/assign`: takes a ticket (or gives it to a colleague, or
/// back to nobody); the audit log records it.
pub async fn assign(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Result<Response> {
    let t = ctx
        .state
        .store
        .tickets()
        .visible(&me.actor, id)?
        .ok_or(AppError::NotFound)?;
    let to = Assignee::parse(&form.assignee).ok_or(AppError::NotFound)?;
    if !desk::assign(&ctx.state.core, &trail.acting(&me), &t, to)? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/tickets/{}?saved=assigned", t.id)).into_response())
}
