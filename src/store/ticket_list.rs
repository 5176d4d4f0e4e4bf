//! The lists of tickets as Ticket Tracking and the service desk show them: one index
//! table keyed by (scope, order, sort key, ticket id), written in the ticket's own write
//! transaction, and read one page at a time from a cursor ("after this one"), so the
//! 500th page costs what the first one costs.
//!
//! Each entry's value carries the ticket's kind, status and last update, so filters and
//! the visibility window are decided from the index alone; only the rows of the page
//! are decoded.

use redb::WriteTransaction;

use super::tickets::Ticket;
use super::{Store, StoreError, codec, tables};
use crate::auth::policy::TicketScope;
use crate::domain::ticket::{TicketKind, TicketStatus};

/// The order of a list (always descending: newest, highest, most urgent first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Last update.
    Updated,
    /// Ticket number.
    Number,
    /// Open before closed, then by state, then last update.
    Status,
}

impl Order {
    const ALL: [Order; 3] = [Order::Updated, Order::Number, Order::Status];

    fn code(self) -> u8 {
        match self {
            Order::Updated => 0,
            Order::Number => 1,
            Order::Status => 2,
        }
    }

    fn key(self, t: &Ticket) -> u64 {
        match self {
            Order::Updated => t.updated_at,
            Order::Number => t.id,
            Order::Status => {
                (u64::from(t.status.is_open()) << 62)
                    | (u64::from(15 - t.status.rank()) << 56)
                    | (t.updated_at & ((1 << 56) - 1))
            }
        }
    }
}

fn scope_key(scope: TicketScope) -> u64 {
    match scope {
        TicketScope::All => 0,
        TicketScope::Company(c) => (c << 2) | 1,
        TicketScope::Requester(u) => (u << 2) | 2,
    }
}

fn summary(t: &Ticket) -> u8 {
    t.kind.code() | (t.status.code() << 2)
}

/// The lists a ticket appears in.
fn scopes(t: &Ticket) -> Vec<u64> {
    let mut out = vec![scope_key(TicketScope::All)];
    if let Some(c) = t.company {
        out.push(scope_key(TicketScope::Company(c)));
    }
    if let Some(u) = t.requester {
        out.push(scope_key(TicketScope::Requester(u)));
    }
    out
}

/// Adds (`add`) or removes a ticket's entries, inside the caller's transaction.
pub(crate) fn write_in(txn: &WriteTransaction, t: &Ticket, add: bool) -> Result<(), StoreError> {
    let mut table = txn.open_table(tables::TICKET_LIST)?;
    for scope in scopes(t) {
        for order in Order::ALL {
            let key = (scope, order.code(), order.key(t), t.id);
            if add {
                table.insert(key, (summary(t), t.updated_at))?;
            } else {
                table.remove(key)?;
            }
        }
    }
    Ok(())
}

/// What a list keeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only open (`Some(true)`) or only closed (`Some(false)`) tickets.
    pub open: Option<bool>,
    /// Only tickets of this kind.
    pub kind: Option<TicketKind>,
    /// Only this state.
    pub status: Option<TicketStatus>,
    /// The visibility window: tickets updated at or after this time, and every open one.
    pub since: Option<u64>,
}

impl Filter {
    fn keeps(&self, summary: u8, updated: u64) -> bool {
        let kind = TicketKind::ALL.get(usize::from(summary & 3)).copied();
        let Some(status) = TicketStatus::from_code(summary >> 2) else {
            return false;
        };
        self.open.is_none_or(|o| o == status.is_open())
            && self.kind.is_none_or(|k| Some(k) == kind)
            && self.status.is_none_or(|s| s == status)
            && self.since.is_none_or(|s| updated >= s || status.is_open())
    }
}

/// A place in a list: the sort key and id of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub key: u64,
    pub id: u64,
}

impl Cursor {
    /// Parses the `key.id` form used in links.
    pub fn parse(s: &str) -> Option<Self> {
        let (key, id) = s.split_once('.')?;
        Some(Self {
            key: key.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.key, self.id)
    }
}

/// Where a page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// The first page.
    Start,
    /// The page after this row.
    After(Cursor),
    /// The page before this row.
    Before(Cursor),
}

/// One page of a list and the cursors of its neighbours.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub tickets: Vec<Ticket>,
    /// Set when there is an earlier page: its rows come before this cursor.
    pub previous: Option<Cursor>,
    /// Set when there is a later page: its rows come after this cursor.
    pub next: Option<Cursor>,
}

/// One row of the list table as a range yields it.
type Entry<'a> = Result<
    (
        redb::AccessGuard<'a, (u64, u8, u64, u64)>,
        redb::AccessGuard<'a, (u8, u64)>,
    ),
    redb::StorageError,
>;

/// A page of at most `size` tickets of `scope` in `order`, kept by `filter`.
pub fn page(
    store: &Store,
    scope: TicketScope,
    order: Order,
    filter: Filter,
    from: From,
    size: usize,
) -> Result<Page, StoreError> {
    let txn = store.read()?;
    let list = txn.open_table(tables::TICKET_LIST)?;
    let (s, o) = (scope_key(scope), order.code());
    let lowest = (s, o, 0, 0);
    let highest = (s, o, u64::MAX, u64::MAX);
    let mut rows: Vec<Cursor> = Vec::with_capacity(size + 1);
    let mut take = |entry: Entry<'_>| -> Result<bool, StoreError> {
        let (k, v) = entry?;
        let (_, _, key, id) = k.value();
        let (summary, updated) = v.value();
        if filter.keeps(summary, updated) {
            rows.push(Cursor { key, id });
        }
        Ok(rows.len() > size)
    };
    match from {
        From::Start => {
            for entry in list.range(lowest..=highest)?.rev() {
                if take(entry)? {
                    break;
                }
            }
        }
        From::After(c) => {
            for entry in list.range(lowest..(s, o, c.key, c.id))?.rev() {
                if take(entry)? {
                    break;
                }
            }
        }
        From::Before(c) => {
            let start = (s, o, c.key, c.id.saturating_add(1));
            let start = if c.id == u64::MAX {
                (s, o, c.key.saturating_add(1), 0)
            } else {
                start
            };
            for entry in list.range(start..=highest)? {
                if take(entry)? {
                    break;
                }
            }
        }
    }
    let more = rows.len() > size;
    rows.truncate(size);
    if matches!(from, From::Before(_)) {
        rows.reverse();
    }
    let (previous, next) = match from {
        From::Start => (None, more.then(|| rows.last().copied()).flatten()),
        From::After(_) => (
            rows.first().copied(),
            more.then(|| rows.last().copied()).flatten(),
        ),
        From::Before(_) => (
            more.then(|| rows.first().copied()).flatten(),
            rows.last().copied(),
        ),
    };
    let tickets_table = txn.open_table(tables::TICKETS)?;
    let mut tickets = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(b) = tickets_table.get(row.id)? {
            tickets.push(codec::decode::<Ticket>("tickets_v1", b.value())?);
        }
    }
    Ok(Page {
        tickets,
        previous,
        next,
    })
}
