//! "Ticket Tracking" (`/tickets`): the requests the actor may see, filtered by state and
//! kind, sorted by last update, number or state, paged by key; and the search box,
//! answered by the search index inside the actor's scope.

pub use crate::views::tickets::ListQuery;
use axum::extract::Query;
use maud::Markup;

use super::context::PageCtx;
use crate::access as policy;
use crate::auth::extract::CurrentUser;
use crate::domain::ticket::TicketKind;
use crate::error::{AppError, Result};
use crate::store::ticket_list::{Filter, From, Order, Page, TicketRow};
use crate::views::tickets as view;

impl ListQuery {
    /// The list's order.
    pub fn order(&self) -> Order {
        match self.sort.as_str() {
            "number" => Order::Number,
            "status" => Order::Status,
            _ => Order::Updated,
        }
    }

    fn filter(&self, since: Option<u64>) -> Filter {
        Filter {
            open: match self.state.as_str() {
                "open" => Some(true),
                "closed" => Some(false),
                _ => None,
            },
            kind: TicketKind::from_slug(&self.kind),
            since,
            ..Filter::default()
        }
    }

    fn from(&self) -> From {
        From::parse(&self.after, &self.before)
    }
}

/// Requests per page.
pub const PAGE_SIZE: usize = 50;

/// Hits shown for one search.
const SEARCH_LIMIT: usize = 100;

/// Applies the state and kind filters and the sort order of `q` to search hits.
fn filter_hits(mut found: Vec<TicketRow>, q: &ListQuery) -> Vec<TicketRow> {
    let filter = q.filter(None);
    found.retain(|t| {
        filter.open.is_none_or(|o| o == t.status.is_open())
            && filter.kind.is_none_or(|k| k == t.kind)
    });
    match q.sort.as_str() {
        "number" => found.sort_by_key(|t| std::cmp::Reverse(t.id)),
        "status" => found.sort_by_key(|t| {
            (
                !t.status.is_open(),
                t.status.rank(),
                std::cmp::Reverse(t.updated_at),
            )
        }),
        // Newest first unless another order was chosen, as the list without a query.
        _ => found.sort_by_key(|t| std::cmp::Reverse((t.updated_at, t.id))),
    }
    found
}

/// `GET /tickets?q=…`: Ticket Tracking, with the search box at the top right.
pub async fn list(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Markup> {
    let state = &ctx.state;
    let now = state.clock.now();
    let days = state.config.tickets.visible_days;
    let scope = policy::ticket_scope(&me.actor);
    // The service team sees every ticket whatever its age; customers their window.
    let since =
        (!matches!(scope, policy::TicketScope::All)).then(|| now.saturating_sub(days * 86_400));
    let query = q.q.trim();
    if query.is_empty() {
        let page = state.store.ticket_list().page(
            scope.into(),
            q.order(),
            q.filter(since),
            q.from(),
            PAGE_SIZE,
        )?;
        let rows: Vec<TicketRow> = page.tickets.iter().map(TicketRow::of).collect();
        return Ok(view::list(&ctx, &page, &rows, &q, None));
    }
    let since = i64::try_from(since.unwrap_or(0)).unwrap_or(0);
    let (ids, matched) =
        crate::search::query::search(&state.search, scope, since, query, SEARCH_LIMIT)
            .map_err(AppError::internal)?;
    // The query already applied the scope; reading the tickets checks it once more.
    let found = state.store.tickets().visible_rows(&me.actor, &ids)?;
    let rows = filter_hits(found, &q);
    Ok(view::list(&ctx, &Page::default(), &rows, &q, matched))
}
