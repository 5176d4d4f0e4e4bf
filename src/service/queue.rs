//! The service desk's queue as a use case, for its page and its export alike: every
//! ticket, no time window, filtered by state, kind, company, assignee and waiting time,
//! the longest waiting first unless another order is asked; or the search's hits with
//! the same filters, kept in their ranking.

use crate::access::{Actor, TicketScope};
use crate::domain::fold::fold;
use crate::domain::service_levels::Schedule;
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::search::SearchIndex;
use crate::store::ticket_list::{Filter, From, Order, Page, Scope};
use crate::store::tickets::Ticket;
pub use crate::views::service::queue::{CompanyChoice, QueueQuery};

use super::{Core, Failure};

/// Hits shown for one search of the queue.
pub const SEARCH_LIMIT: usize = 100;

impl QueueQuery {
    /// The list's order.
    pub fn order(&self) -> Order {
        match self.sort.as_str() {
            "updated" => Order::Updated,
            "number" => Order::Number,
            "due" => Order::Due,
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

    /// Where the page asked for starts.
    pub fn from(&self) -> From {
        From::parse(&self.after, &self.before)
    }
}

/// The company the filter names: by id, by its exact name, or the only one whose name
/// matches; several or none are for the person to resolve.
pub fn company_choice(core: &Core, text: &str) -> Result<CompanyChoice, Failure> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(CompanyChoice::Any);
    }
    if let Ok(id) = text.parse::<u64>() {
        return Ok(core
            .store
            .companies()
            .get(id)?
            .map_or(CompanyChoice::NoMatch, CompanyChoice::One));
    }
    let mut found = core.store.companies().find_by_name(text, 20)?;
    let exact = found.first().is_some_and(|c| fold(&c.name) == fold(text));
    Ok(match found.len() {
        0 => CompanyChoice::NoMatch,
        1 => CompanyChoice::One(found.remove(0)),
        _ if exact => CompanyChoice::One(found.remove(0)),
        _ => CompanyChoice::Several(found),
    })
}

/// Business hours ahead within which a request counts as breaching soon.
pub const SOON_BUSINESS_HOURS: u64 = 4;

/// The due times the service-level filter `sla` keeps at `now`: `breached` (due before
/// now), `soon` (due within the next [`SOON_BUSINESS_HOURS`] business hours).
pub fn due_window(core: &Core, sla: &str, now: u64) -> Result<Option<(u64, u64)>, Failure> {
    Ok(match sla {
        "breached" => Some((0, now)),
        "soon" => {
            let schedule = core.store.service_levels().schedule()?;
            let end = schedule
                .add(now, SOON_BUSINESS_HOURS * 3600)
                .unwrap_or(now + SOON_BUSINESS_HOURS * 3600);
            Some((now, end))
        }
        _ => None,
    })
}

/// What the queue's filters select, decided once for every page read.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The company the filter named (or why none).
    pub company: CompanyChoice,
    scope: Scope,
    order: Order,
    filter: Filter,
    assignee: Option<u64>,
    company_id: Option<u64>,
    query: String,
}

impl Selection {
    /// The selection `q` asks `me` (a member of the service team) for.
    pub fn of(core: &Core, me: u64, q: &QueueQuery) -> Result<Self, Failure> {
        let now = core.clock.now();
        let company = company_choice(core, &q.company)?;
        let company_id = match &company {
            CompanyChoice::One(c) => Some(c.id),
            _ => None,
        };
        let (open, status) = q.state_filter();
        let assignee = q.assignee(me);
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
            due: due_window(core, &q.sla, now)?,
        };
        let scope = match (assignee, company_id) {
            (Some(a), _) => Scope::Assignee(a),
            (None, Some(c)) => Scope::Company(c),
            (None, None) => Scope::All,
        };
        // The service-level filters read the lists by due time.
        let order = if filter.due.is_some() {
            Order::Due
        } else {
            q.order()
        };
        Ok(Self {
            company,
            scope,
            order,
            filter,
            assignee,
            company_id,
            query: q.q.trim().to_owned(),
        })
    }

    /// Whether the selection is the search's hits (which have no pages).
    pub fn is_search(&self) -> bool {
        !self.query.is_empty()
    }

    /// The page of at most `size` tickets from `from`; empty while the company filter
    /// is unresolved.
    pub fn page(
        &self,
        core: &Core,
        search: &SearchIndex,
        actor: &Actor,
        from: From,
        size: usize,
    ) -> Result<Page, Failure> {
        if matches!(
            self.company,
            CompanyChoice::Several(_) | CompanyChoice::NoMatch
        ) {
            return Ok(Page::default());
        }
        if !self.is_search() {
            return Ok(core.store.ticket_list().page(
                self.scope,
                self.order,
                self.filter,
                from,
                size,
            )?);
        }
        let (ids, _) =
            crate::search::query::search(search, TicketScope::All, 0, &self.query, SEARCH_LIMIT)
                .map_err(|e| Failure::Search(e.to_string()))?;
        let found = core.store.tickets().visible_many(actor, &ids)?;
        let schedule = core.store.service_levels().schedule()?;
        Ok(Page {
            tickets: self.keep_hits(&schedule, found),
            ..Page::default()
        })
    }

    /// Applies the queue's filters to search hits (kept in their ranking).
    fn keep_hits(&self, schedule: &Schedule, mut found: Vec<Ticket>) -> Vec<Ticket> {
        let filter = &self.filter;
        found.retain(|t| {
            filter.open.is_none_or(|o| o == t.status.is_open())
                && filter.kind.is_none_or(|k| k == t.kind)
                && filter.status.is_none_or(|s| s == t.status)
                && filter.waiting_before.is_none_or(|w| t.waiting_since() <= w)
                && self.assignee.is_none_or(|a| t.assignee.unwrap_or(0) == a)
                && self.company_id.is_none_or(|c| t.company == Some(c))
        });
        if let Some((from, to)) = self.filter.due {
            found.retain(|t| {
                crate::store::ticket_list::next_due(schedule, t)
                    .is_some_and(|d| d >= from && d < to)
            });
        }
        found
    }
}
