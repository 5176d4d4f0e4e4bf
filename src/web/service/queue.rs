//! The queue (`/service/tickets`): every ticket, no time window, filtered by state,
//! kind, company, assignee and waiting time, the longest waiting first; the search box
//! of Ticket Tracking without a company filter. And taking a ticket (assigning it).

pub use crate::views::service::queue::{AGES, CompanyChoice, QueueQuery};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::PAGE_SIZE;
use crate::access::TicketScope;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::error::{AppError, Result};
use crate::service::desk::{self, Assignee};
use crate::store::ticket_list::{Filter, From, Order, Page, Scope};
use crate::store::tickets::Ticket;
use crate::views::service::queue as view;
use crate::web::context::PageCtx;
use crate::web::trail::Trail;

impl QueueQuery {
    fn order(&self) -> Order {
        match self.sort.as_str() {
            "updated" => Order::Updated,
            "number" => Order::Number,
            _ => Order::Waiting,
        }
    }

    fn state_filter(&self) -> (Option<bool>, Option<TicketStatus>) {
        match self.state.as_str() {
            "" | "open" => (Some(true), None),
            "closed" => (Some(false), None),
            "all" => (None, None),
            slug => (None, TicketStatus::from_slug(slug)),
        }
    }

    fn assignee(&self, me: u64) -> Option<u64> {
        match self.assignee.as_str() {
            "me" => Some(me),
            "none" => Some(0),
            id => id.parse().ok(),
        }
    }

    fn from(&self) -> From {
        From::parse(&self.after, &self.before)
    }

    /// The query string of this view without its place, for links.
    pub fn link(&self, sort: &str) -> String {
        use crate::views::layout::url_encode as e;
        format!(
            "/service/tickets?q={}&state={}&kind={}&company={}&assignee={}&age={}&sort={}",
            e(&self.q),
            e(&self.state),
            e(&self.kind),
            e(&self.company),
            e(&self.assignee),
            e(&self.age),
            e(sort)
        )
    }
}

fn company_choice(ctx: &PageCtx, text: &str) -> Result<CompanyChoice> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(CompanyChoice::Any);
    }
    if let Ok(id) = text.parse::<u64>() {
        return Ok(ctx
            .state
            .store
            .companies()
            .get(id)?
            .map_or(CompanyChoice::NoMatch, CompanyChoice::One));
    }
    let mut found = ctx.state.store.companies().find_by_name(text, 20)?;
    let exact = found
        .first()
        .is_some_and(|c| crate::domain::fold::fold(&c.name) == crate::domain::fold::fold(text));
    Ok(match found.len() {
        0 => CompanyChoice::NoMatch,
        1 => CompanyChoice::One(found.remove(0)),
        _ if exact => CompanyChoice::One(found.remove(0)),
        _ => CompanyChoice::Several(found),
    })
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
    let company = company_choice(&ctx, &q.company)?;
    let company_id = match &company {
        CompanyChoice::One(c) => Some(c.id),
        _ => None,
    };
    let (open, status) = q.state_filter();
    let assignee = q.assignee(me.user.id);
    let waiting_before = q
        .age
        .parse::<u64>()
        .ok()
        .map(|d| now.saturating_sub(d * 86_400));
    let filter = Filter {
        open,
        kind: TicketKind::from_slug(&q.kind),
        status,
        since: None,
        waiting_before,
        company: company_id.filter(|_| assignee.is_some()),
    };
    let page = if matches!(company, CompanyChoice::Several(_) | CompanyChoice::NoMatch) {
        Page::default()
    } else if q.q.trim().is_empty() {
        let scope = match (assignee, company_id) {
            (Some(a), _) => Scope::Assignee(a),
            (None, Some(c)) => Scope::Company(c),
            (None, None) => Scope::All,
        };
        state
            .store
            .ticket_list()
            .page(scope, q.order(), filter, q.from(), PAGE_SIZE)?
    } else {
        let (ids, _) =
            crate::search::query::search(&state.search, TicketScope::All, 0, q.q.trim(), 100)
                .map_err(AppError::internal)?;
        let found = state.store.tickets().visible_many(&me.actor, &ids)?;
        Page {
            tickets: keep_hits(found, &filter, assignee, company_id),
            ..Page::default()
        }
    };
    Ok(view::queue(&ctx, &q, &page, &company, &staff, now))
}

/// Applies the queue's filters to search hits (kept in their ranking).
fn keep_hits(
    mut found: Vec<Ticket>,
    filter: &Filter,
    assignee: Option<u64>,
    company: Option<u64>,
) -> Vec<Ticket> {
    found.retain(|t| {
        filter.open.is_none_or(|o| o == t.status.is_open())
            && filter.kind.is_none_or(|k| k == t.kind)
            && filter.status.is_none_or(|s| s == t.status)
            && filter.waiting_before.is_none_or(|w| t.waiting_since() <= w)
            && assignee.is_none_or(|a| t.assignee.unwrap_or(0) == a)
            && company.is_none_or(|c| t.company == Some(c))
    });
    found
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
