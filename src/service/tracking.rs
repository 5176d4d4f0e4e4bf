//! "Ticket Tracking" as a use case, for the page and the JSON API alike: the requests an
//! actor may see, filtered by state and kind, sorted by last update, number or state and
//! paged by key; or, with a search query, the index's hits inside the actor's scope
//! (service team: every request; customers: their window of `tickets.visible_days`).

use crate::access::{self as policy, Actor};
use crate::domain::ticket::TicketKind;
use crate::search::SearchIndex;
use crate::search::query::Matched;
use crate::store::ticket_list::{Filter, From, Order, Page, TicketRow};
pub use crate::views::tickets::ListQuery;

use super::{Core, Failure};

/// Requests per page, unless asked otherwise.
pub const PAGE_SIZE: usize = 50;

/// Hits shown for one search.
pub const SEARCH_LIMIT: usize = 100;

/// What Ticket Tracking shows.
#[derive(Debug, Default)]
pub struct Listing {
    /// The page read by key (empty for a search, which has no pages).
    pub page: Page,
    /// Its rows, or the search's hits in the order asked for.
    pub rows: Vec<TicketRow>,
    /// For a search: what the query matched.
    pub matched: Option<Matched>,
}

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

/// Ticket Tracking for `actor` as `q` asks, `size` rows a page.
pub fn list(
    core: &Core,
    search: &SearchIndex,
    actor: &Actor,
    q: &ListQuery,
    size: usize,
) -> Result<Listing, Failure> {
    list_from(core, search, actor, q, q.from(), size)
}

/// The page of Ticket Tracking that starts at `from` (an export reads every page).
pub fn list_from(
    core: &Core,
    search: &SearchIndex,
    actor: &Actor,
    q: &ListQuery,
    from: From,
    size: usize,
) -> Result<Listing, Failure> {
    let now = core.clock.now();
    let days = core.config.tickets.visible_days;
    let scope = policy::ticket_scope(actor);
    // The service team sees every ticket whatever its age; customers their window.
    let since =
        (!matches!(scope, policy::TicketScope::All)).then(|| now.saturating_sub(days * 86_400));
    let query = q.q.trim();
    if query.is_empty() {
        let page =
            core.store
                .ticket_list()
                .page(scope.into(), q.order(), q.filter(since), from, size)?;
        let rows = page.tickets.iter().map(TicketRow::of).collect();
        return Ok(Listing {
            page,
            rows,
            matched: None,
        });
    }
    let since = i64::try_from(since.unwrap_or(0)).unwrap_or(0);
    let (ids, matched) = crate::search::query::search(search, scope, since, query, SEARCH_LIMIT)
        .map_err(|e| Failure::Search(e.to_string()))?;
    // The query already applied the scope; reading the rows checks it once more.
    let found = core.store.tickets().visible_rows(actor, &ids)?;
    Ok(Listing {
        page: Page::default(),
        rows: filter_hits(found, q),
        matched,
    })
}
