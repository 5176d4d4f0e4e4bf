//! The lists of tickets as Ticket Tracking and the service desk show them: one index
//! table keyed by (scope, order, sort key, ticket id), written in the ticket's own write
//! transaction, and read one page at a time from a cursor ("after this one"), so the
//! 500th page costs what the first one costs.
//!
//! Each entry's value carries the ticket's kind, status and last update, so filters and
//! the visibility window are decided from the index alone; only the rows of the page
//! are decoded.

use super::Txn;
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::tickets::Ticket;
use super::{Store, StoreError, tables};
use crate::access::TicketScope;
use crate::domain::service_levels::{self, ClockState, Schedule};
use crate::domain::ticket::{TicketKind, TicketStatus};

/// What a row of a list of requests shows and needs, kept beside each ticket
/// (`ticket_rows_v1`, written wherever the ticket is: `tickets::index_in` and
/// `tickets::save_in`): a searched list reads its hits' rows without decoding whole
/// tickets (their messages and history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketRow {
    pub id: u64,
    pub number: String,
    pub kind: TicketKind,
    pub status: TicketStatus,
    pub subject: String,
    /// For the visibility check, as on the ticket.
    pub requester: Option<u64>,
    pub requester_name: String,
    /// For the visibility check, as on the ticket.
    pub company: Option<u64>,
    pub serial: Option<u32>,
    pub updated_at: u64,
}

impl TicketRow {
    /// The row of `t`.
    pub fn of(t: &Ticket) -> Self {
        Self {
            id: t.id,
            number: t.number.clone(),
            kind: t.kind,
            status: t.status,
            subject: t.subject.clone(),
            requester: t.requester,
            requester_name: t.requester_name.clone(),
            company: t.company,
            serial: t.serial,
            updated_at: t.updated_at,
        }
    }
}

/// The order of a list (always descending: newest, highest, most urgent first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Last update.
    Updated,
    /// Ticket number.
    Number,
    /// Open before closed, then by state, then last update.
    Status,
    /// Open before closed, then the longest waiting first (see
    /// [`Ticket::waiting_since`]). Kept for the service desk's lists: everything, a
    /// company, an assignee.
    Waiting,
    /// Open before closed, then the running service-level clocks by their next due time
    /// (the earliest, and so the most breached, first), then the open requests whose
    /// clocks are paused or that have none (docs/service-levels.md). Kept for the
    /// service desk's lists; the key is decided in the ticket's write transaction with
    /// the settings in force ([`due_key_in`]).
    Due,
}

/// The low bits of a sort key that hold a time.
const TIME_BITS: u64 = (1 << 56) - 1;

impl Order {
    const CUSTOMER: &'static [Order] = &[Order::Updated, Order::Number, Order::Status];
    const SERVICE: &'static [Order] = &[
        Order::Updated,
        Order::Number,
        Order::Status,
        Order::Waiting,
        Order::Due,
    ];

    fn code(self) -> u8 {
        match self {
            Order::Updated => 0,
            Order::Number => 1,
            Order::Status => 2,
            Order::Waiting => 3,
            Order::Due => 4,
        }
    }

    fn key(self, t: &Ticket) -> u64 {
        let open = u64::from(t.status.is_open()) << 62;
        match self {
            Order::Updated => t.updated_at,
            Order::Number => t.id,
            Order::Status => {
                open | (u64::from(15 - t.status.rank()) << 56) | (t.updated_at & TIME_BITS)
            }
            Order::Waiting => open | (TIME_BITS - (t.waiting_since() & TIME_BITS)),
            // Decided with the service levels by `due_key_in`; without them, open first.
            Order::Due => open,
        }
    }
}

/// The bit of a [`Order::Due`] key that says a clock runs and the key holds its due time.
const DUE_BIT: u64 = 1 << 61;

/// The [`Order::Due`] key of `t` under `schedule`.
fn due_key(schedule: &Schedule, t: &Ticket) -> u64 {
    let open = u64::from(t.status.is_open()) << 62;
    if !t.status.is_open() {
        return 0;
    }
    match next_due(schedule, t) {
        Some(due) => open | DUE_BIT | (TIME_BITS - (due & TIME_BITS)),
        None => open,
    }
}

/// The earliest due time of `t`'s running clocks under `schedule`, if any runs.
pub fn next_due(schedule: &Schedule, t: &Ticket) -> Option<u64> {
    service_levels::clocks(schedule, &t.timeline(), t.updated_at)
        .iter()
        .filter(|c| c.state == ClockState::Running)
        .filter_map(|c| c.due)
        .min()
}

/// The due time a [`Order::Due`] key holds, if a clock runs.
fn due_of_key(key: u64) -> Option<u64> {
    (key & DUE_BIT != 0).then(|| TIME_BITS - (key & TIME_BITS))
}

/// The [`Order::Due`] key of `t` with the service levels in force, inside a write
/// transaction; `add`: the key of the entries to write (kept beside the ticket), else
/// of those to remove (the one kept, which the settings of its time decided).
fn due_key_in(txn: &Txn, t: &Ticket, add: bool) -> Result<u64, StoreError> {
    let mut kept = txn.open_table(tables::TICKET_DUE_KEYS)?;
    if !add && let Some(k) = kept.get(t.id)? {
        return Ok(k.value());
    }
    let schedule = tables::SERVICE_LEVELS.get(txn, 0)?.unwrap_or_default();
    let key = due_key(&schedule, t);
    if add {
        kept.insert(t.id, key)?;
    }
    Ok(key)
}

/// The service levels changed: every open ticket's [`Order::Due`] entries are written
/// again with them, inside the caller's transaction (the one saving them).
pub(crate) fn rewrite_due_in(txn: &Txn) -> Result<(), StoreError> {
    let mut open = Vec::new();
    {
        let by_state = txn.open_table(tables::TICKETS_BY_STATE)?;
        for status in TicketStatus::ALL.into_iter().filter(|s| s.is_open()) {
            let c = status.code();
            for row in by_state.range((c, 0, 0)..=(c, u64::MAX, u64::MAX))? {
                open.push(row?.0.value().2);
            }
        }
    }
    for id in open {
        let Some(t) = tables::TICKETS.get(txn, id)? else {
            continue;
        };
        write_due_in(txn, &t, false)?;
        write_due_in(txn, &t, true)?;
    }
    Ok(())
}

/// Adds or removes `t`'s [`Order::Due`] entries in every list it appears in (new
/// settings, the migration that added the order).
fn write_due_in(txn: &Txn, t: &Ticket, add: bool) -> Result<(), StoreError> {
    let key = due_key_in(txn, t, add)?;
    let mut table = txn.open_table(tables::TICKET_LIST)?;
    for (scope, orders) in scopes(t) {
        if !orders.contains(&Order::Due) {
            continue;
        }
        let k = (scope.key(), Order::Due.code(), key, t.id);
        if add {
            table.insert(k, (summary(t), t.updated_at, t.waiting_since()))?;
        } else {
            table.remove(k)?;
        }
    }
    Ok(())
}

/// Whose tickets a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every ticket.
    All,
    /// A company's tickets.
    Company(u64),
    /// The tickets a person requested (or that were filed for them).
    Requester(u64),
    /// The tickets assigned to a member of the service team; `0` for nobody.
    Assignee(u64),
}

impl std::convert::From<TicketScope> for Scope {
    fn from(scope: TicketScope) -> Self {
        match scope {
            TicketScope::All => Scope::All,
            TicketScope::Company(c) => Scope::Company(c),
            TicketScope::Requester(u) => Scope::Requester(u),
        }
    }
}

impl Scope {
    fn key(self) -> u64 {
        match self {
            Scope::All => 0,
            Scope::Company(c) => (c << 2) | 1,
            Scope::Requester(u) => (u << 2) | 2,
            Scope::Assignee(u) => (u << 2) | 3,
        }
    }
}

fn summary(t: &Ticket) -> u8 {
    t.kind.code() | (t.status.code() << 2)
}

/// The lists a ticket appears in, with the orders each is kept in.
fn scopes(t: &Ticket) -> Vec<(Scope, &'static [Order])> {
    let mut out = vec![
        (Scope::All, Order::SERVICE),
        (Scope::Assignee(t.assignee.unwrap_or(0)), Order::SERVICE),
    ];
    if let Some(c) = t.company {
        out.push((Scope::Company(c), Order::SERVICE));
    }
    if let Some(u) = t.requester {
        out.push((Scope::Requester(u), Order::CUSTOMER));
    }
    out
}

/// The ids of every ticket in the list of `scope`, inside a write transaction.
pub(crate) fn ids_in(txn: &Txn, scope: Scope) -> Result<Vec<u64>, StoreError> {
    let table = txn.open_table(tables::TICKET_LIST)?;
    let (key, order) = (scope.key(), Order::Number.code());
    let mut ids = Vec::new();
    for row in table.range((key, order, 0, 0)..=(key, order, u64::MAX, u64::MAX))? {
        ids.push(row?.0.value().3);
    }
    Ok(ids)
}

/// Adds (`add`) or removes a ticket's entries, inside the caller's transaction.
pub(crate) fn write_in(txn: &Txn, t: &Ticket, add: bool) -> Result<(), StoreError> {
    // One read of the service levels and one open list table for all of the ticket's
    // entries: this runs in every ticket write.
    let due = due_key_in(txn, t, add)?;
    let mut table = txn.open_table(tables::TICKET_LIST)?;
    for (scope, orders) in scopes(t) {
        for order in orders {
            let key = if *order == Order::Due {
                due
            } else {
                order.key(t)
            };
            let k = (scope.key(), order.code(), key, t.id);
            if add {
                table.insert(k, (summary(t), t.updated_at, t.waiting_since()))?;
            } else {
                table.remove(k)?;
            }
        }
    }
    Ok(())
}

/// Migration 0018: every ticket's [`Order::Due`] entries (open first; no service levels
/// are kept yet, so no clock runs).
pub(crate) fn write_all_due_in(txn: &Txn) -> Result<(), StoreError> {
    let mut ids = Vec::new();
    {
        let tickets = txn.open_table(tables::TICKETS.def())?;
        for row in tickets.iter()? {
            ids.push(row?.0.value());
        }
    }
    for id in ids {
        if let Some(t) = tables::TICKETS.get(txn, id)? {
            write_due_in(txn, &t, true)?;
        }
    }
    Ok(())
}

/// Migration 0012: the row of every ticket there is, written as the tickets are read
/// (another table, so both can be open at once; nothing is gathered in memory).
pub(crate) fn write_all_rows_in(txn: &Txn) -> Result<(), StoreError> {
    let tickets = txn.open_table(tables::TICKETS.def())?;
    let mut rows = txn.open_table(tables::TICKET_ROWS.def())?;
    for row in tickets.iter()? {
        let t: Ticket = tables::TICKETS.decode(row?.1.value())?;
        tables::TICKET_ROWS.write(&mut rows, t.id, &TicketRow::of(&t))?;
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
    /// Only tickets waiting since this time or longer.
    pub waiting_before: Option<u64>,
    /// Only tickets of this company (read from the ticket itself: for lists whose scope
    /// is not the company, e.g. an assignee's).
    pub company: Option<u64>,
    /// In the [`Order::Due`] lists only: tickets whose running clock is due at or after
    /// the first and before the second time.
    pub due: Option<(u64, u64)>,
}

impl Filter {
    fn keeps(&self, summary: u8, updated: u64, waiting: u64) -> bool {
        let kind = TicketKind::ALL.get(usize::from(summary & 3)).copied();
        let Some(status) = TicketStatus::from_code(summary >> 2) else {
            return false;
        };
        self.open.is_none_or(|o| o == status.is_open())
            && self.kind.is_none_or(|k| Some(k) == kind)
            && self.status.is_none_or(|s| s == status)
            && self.since.is_none_or(|s| updated >= s || status.is_open())
            && self.waiting_before.is_none_or(|w| waiting <= w)
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

impl From {
    /// Where a page starts, from the `after` and `before` of a link (`key.id`); the
    /// first page when neither parses.
    pub fn parse(after: &str, before: &str) -> Self {
        if let Some(c) = Cursor::parse(after) {
            From::After(c)
        } else if let Some(c) = Cursor::parse(before) {
            From::Before(c)
        } else {
            From::Start
        }
    }
}

/// One page of a list and the cursors of its neighbours.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub tickets: Vec<Ticket>,
    /// Set when there is an earlier page: its rows come before this cursor.
    pub previous: Option<Cursor>,
    /// Set when there is a later page: its rows come after this cursor.
    pub next: Option<Cursor>,
    /// Rows past this page in the direction it was read (after it for the first page and
    /// "next", before it for "previous"), counted up to [`LOOK_AHEAD_PAGES`] pages.
    pub beyond: usize,
    /// Whether more rows lie past those counted in `beyond`.
    pub beyond_more: bool,
    /// The most rows a page holds, as asked.
    pub size: usize,
}

/// How many pages past the current one a page read counts, so a list can say "page 2 of
/// 7" without counting every row of a scope (1 M for the service team).
pub const LOOK_AHEAD_PAGES: usize = 10;

/// One row of the list table as a range yields it.
type Entry<'a> = Result<
    (
        super::engine::Guard<'a, (u64, u8, u64, u64)>,
        super::engine::Guard<'a, (u8, u64, u64)>,
    ),
    StoreError,
>;

/// The ticket lists: Ticket Tracking's pages, the desk's counts and the weekly figures.
pub trait TicketList: Send + Sync {
    /// A page of at most `size` tickets of `scope` in `order`, kept by `filter`.
    fn page(
        &self,
        scope: Scope,
        order: Order,
        filter: Filter,
        from: From,
        size: usize,
    ) -> Result<Page, StoreError>;

    /// Open tickets counted by kind and state, from the counts kept as tickets change.
    fn open_counts(&self) -> Result<Vec<(TicketKind, TicketStatus, u64)>, StoreError>;

    /// Tickets in `status` that entered it at or before `entered_by`, longest in it first:
    /// how many there are, and the first `limit` with when they entered it. Only those
    /// shown are read.
    fn in_state(
        &self,
        status: TicketStatus,
        entered_by: u64,
        limit: usize,
    ) -> Result<(usize, Vec<(Ticket, u64)>), StoreError>;

    /// Tickets opened and closed in each of the `count` weeks up to the one of `now`,
    /// oldest first: (week start, opened, closed).
    fn weeks(&self, now: u64, count: u32) -> Result<Vec<(u64, u64, u64)>, StoreError>;

    /// First-response and resolution times of the `count` weeks up to the one of `now`,
    /// oldest first.
    fn clock_times(&self, now: u64, count: u32) -> Result<Vec<WeekTimes>, StoreError>;
}

/// Counts what a write did to the number of tickets per kind and state.
pub(crate) fn count_state_in(
    txn: &Txn,
    old: Option<&Ticket>,
    new: &Ticket,
) -> Result<(), StoreError> {
    if old.is_some_and(|o| o.kind == new.kind && o.status == new.status) {
        return Ok(());
    }
    let mut counts = txn.open_table(tables::TICKET_STATE_COUNTS)?;
    if let Some(o) = old {
        let key = (o.kind.code(), o.status.code());
        let n = counts.get(key)?.map_or(0, |v| v.value());
        counts.insert(key, n.saturating_sub(1))?;
    }
    let key = (new.kind.code(), new.status.code());
    let n = counts.get(key)?.map_or(0, |v| v.value());
    counts.insert(key, n + 1)?;
    Ok(())
}

/// Migration 0005: counts every stored ticket by kind and state.
pub(crate) fn count_all_states_in(txn: &Txn) -> Result<(), StoreError> {
    let mut counts = std::collections::BTreeMap::<(u8, u8), u64>::new();
    {
        let tickets = txn.open_table(tables::TICKETS.def())?;
        for row in tickets.iter()? {
            let t: Ticket = tables::TICKETS.decode(row?.1.value())?;
            *counts.entry((t.kind.code(), t.status.code())).or_default() += 1;
        }
    }
    let mut table = txn.open_table(tables::TICKET_STATE_COUNTS)?;
    table.clear()?;
    for (key, n) in counts {
        table.insert(key, n)?;
    }
    Ok(())
}

/// When a ticket entered the state it is in.
fn entered(t: &Ticket) -> u64 {
    t.history
        .iter()
        .rev()
        .find(|c| c.to == t.status)
        .map_or(t.updated_at, |c| c.at)
}

/// Keeps [`tables::TICKETS_BY_STATE`] in step with a write.
pub(crate) fn index_state_in(
    txn: &Txn,
    old: Option<&Ticket>,
    new: &Ticket,
) -> Result<(), StoreError> {
    let key = |t: &Ticket| (t.status.code(), entered(t), t.id);
    let mut table = txn.open_table(tables::TICKETS_BY_STATE)?;
    if let Some(old) = old {
        if key(old) == key(new) {
            return Ok(());
        }
        table.remove(key(old))?;
    }
    table.insert(key(new), ())?;
    Ok(())
}

/// Migration 0007: indexes every stored ticket by its state.
pub(crate) fn index_all_states_in(txn: &Txn) -> Result<(), StoreError> {
    let mut keys = Vec::new();
    {
        let tickets = txn.open_table(tables::TICKETS.def())?;
        for row in tickets.iter()? {
            let t: Ticket = tables::TICKETS.decode(row?.1.value())?;
            keys.push((t.status.code(), entered(&t), t.id));
        }
    }
    let mut table = txn.open_table(tables::TICKETS_BY_STATE)?;
    for key in keys {
        table.insert(key, ())?;
    }
    Ok(())
}

/// The Monday-based week (since 1970) of a unix time.
pub fn week_of(at: u64) -> u32 {
    u32::try_from((at / 86_400 + 3) / 7).unwrap_or(u32::MAX)
}

/// The unix time a week starts (Monday, 00:00 UTC).
pub fn week_start(week: u32) -> u64 {
    (u64::from(week) * 7).saturating_sub(3) * 86_400
}

/// The business time a clock took, spread over a week's requests: the median and the
/// 90th percentile (nearest rank), and how many there were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spread {
    pub median: u64,
    pub p90: u64,
    pub count: usize,
}

impl Spread {
    /// The spread of `sorted` (ascending); `None` when it is empty.
    pub fn of(sorted: &[u64]) -> Option<Self> {
        let n = sorted.len();
        let rank = |p: usize| sorted[(n * p).div_ceil(100).max(1) - 1];
        (n > 0).then(|| Spread {
            median: rank(50),
            p90: rank(90),
            count: n,
        })
    }
}

/// One week of the service levels' times: of the clocks that stopped in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeekTimes {
    /// Monday, 00:00 UTC.
    pub week_start: u64,
    pub first_response: Option<Spread>,
    pub resolution: Option<Spread>,
}

/// Records the clocks a write stopped (the first answer, the closing), with the business
/// time each took, in the week it stopped: what the dashboard's weekly times read.
pub(crate) fn record_times_in(txn: &Txn, old: &Ticket, new: &Ticket) -> Result<(), StoreError> {
    let schedule = tables::SERVICE_LEVELS.get(txn, 0)?.unwrap_or_default();
    if schedule.current().is_none() {
        return Ok(());
    }
    let before = service_levels::clocks(&schedule, &old.timeline(), old.updated_at);
    let after = service_levels::clocks(&schedule, &new.timeline(), new.updated_at);
    let mut table = txn.open_table(tables::SLA_TIMES)?;
    for c in &after {
        let ClockState::Stopped(at) = c.state else {
            continue;
        };
        let was_stopped = before
            .iter()
            .any(|b| b.kind == c.kind && matches!(b.state, ClockState::Stopped(_)));
        if !was_stopped {
            let kind = u8::from(c.kind == service_levels::ClockKind::Resolution);
            table.insert((kind, week_of(at), c.used, new.id), ())?;
        }
    }
    Ok(())
}

/// Counts what a write did to a ticket in the weekly figures: opened when it is new,
/// closed for every step to "closed" its history gained.
pub(crate) fn count_week_in(
    txn: &Txn,
    old: Option<&Ticket>,
    new: &Ticket,
) -> Result<(), StoreError> {
    let mut weeks = txn.open_table(tables::TICKET_WEEKS)?;
    let mut bump = |at: u64, opened: u64, closed: u64| -> Result<(), StoreError> {
        let week = week_of(at);
        let (o, c) = weeks.get(week)?.map_or((0, 0), |v| v.value());
        weeks.insert(week, (o + opened, c + closed))?;
        Ok(())
    };
    if old.is_none() {
        bump(new.created_at, 1, 0)?;
    }
    let seen = old.map_or(0, |t| t.history.len());
    for change in new.history.iter().skip(seen) {
        if change.to == TicketStatus::Closed {
            bump(change.at, 0, 1)?;
        }
    }
    Ok(())
}

impl TicketList for Store {
    fn page(
        &self,
        scope: Scope,
        order: Order,
        filter: Filter,
        from: From,
        size: usize,
    ) -> Result<Page, StoreError> {
        let txn = self.read()?;
        let list = txn.open_table(tables::TICKET_LIST)?;
        let tickets_table = txn.open_table(tables::TICKETS.def())?;
        let (s, o) = (scope.key(), order.code());
        let lowest = (s, o, 0, 0);
        let highest = (s, o, u64::MAX, u64::MAX);
        // The page, then up to LOOK_AHEAD_PAGES pages more only counted, then one row
        // that says there are more still.
        let keep = size.saturating_mul(LOOK_AHEAD_PAGES + 1).saturating_add(1);
        let mut rows: Vec<Cursor> = Vec::with_capacity(size + 1);
        let mut seen = 0usize;
        let company_matches = |id: u64| -> Result<bool, StoreError> {
            let Some(company) = filter.company else {
                return Ok(true);
            };
            Ok(match tickets_table.get(id)? {
                Some(b) => tables::TICKETS.decode(b.value())?.company == Some(company),
                None => false,
            })
        };
        // Read in due order from the earliest (not so for a page before a place).
        let earliest_first = !matches!(from, From::Before(_));
        let mut take = |entry: Entry<'_>| -> Result<bool, StoreError> {
            let (k, v) = entry?;
            let (_, _, key, id) = k.value();
            let (summary, updated, waiting) = v.value();
            if let (Order::Due, Some((from, to))) = (order, filter.due) {
                match due_of_key(key) {
                    Some(due) if due >= from && due < to => {}
                    // Read from the earliest: past the window's end nothing more is in it.
                    _ if earliest_first && due_of_key(key).is_none_or(|d| d >= to) => {
                        return Ok(true);
                    }
                    _ => return Ok(false),
                }
            }
            if filter.keeps(summary, updated, waiting) && company_matches(id)? {
                if rows.len() <= size {
                    rows.push(Cursor { key, id });
                }
                seen += 1;
            }
            Ok(seen >= keep)
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
        let beyond_more = seen >= keep;
        let beyond = seen.saturating_sub(size) - usize::from(beyond_more);
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
        let mut tickets = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Some(b) = tickets_table.get(row.id)? {
                tickets.push(tables::TICKETS.decode(b.value())?);
            }
        }
        Ok(Page {
            tickets,
            previous,
            next,
            beyond,
            beyond_more,
            size,
        })
    }

    fn open_counts(&self) -> Result<Vec<(TicketKind, TicketStatus, u64)>, StoreError> {
        let txn = self.read()?;
        let counts = txn.open_table(tables::TICKET_STATE_COUNTS)?;
        let mut out = Vec::new();
        for row in counts.iter()? {
            let (key, n) = row?;
            let (k, s) = key.value();
            if let (Some(kind), Some(status)) =
                (TicketKind::from_stored_code(k), TicketStatus::from_code(s))
                && status.is_open()
                && n.value() > 0
            {
                out.push((kind, status, n.value()));
            }
        }
        Ok(out)
    }

    fn in_state(
        &self,
        status: TicketStatus,
        entered_by: u64,
        limit: usize,
    ) -> Result<(usize, Vec<(Ticket, u64)>), StoreError> {
        let txn = self.read()?;
        let by_state = txn.open_table(tables::TICKETS_BY_STATE)?;
        let tickets = txn.open_table(tables::TICKETS.def())?;
        let code = status.code();
        let mut total = 0;
        let mut out = Vec::with_capacity(limit);
        for row in by_state.range((code, 0, 0)..=(code, entered_by, u64::MAX))? {
            let (_, since, id) = row?.0.value();
            total += 1;
            if out.len() < limit
                && let Some(b) = tickets.get(id)?
            {
                out.push((tables::TICKETS.decode(b.value())?, since));
            }
        }
        Ok((total, out))
    }

    fn weeks(&self, now: u64, count: u32) -> Result<Vec<(u64, u64, u64)>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::TICKET_WEEKS)?;
        let last = week_of(now);
        let first = last.saturating_sub(count.saturating_sub(1));
        let mut out = Vec::with_capacity(count as usize);
        for week in first..=last {
            let (opened, closed) = table.get(week)?.map_or((0, 0), |v| v.value());
            out.push((week_start(week), opened, closed));
        }
        Ok(out)
    }

    fn clock_times(&self, now: u64, count: u32) -> Result<Vec<WeekTimes>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::SLA_TIMES)?;
        let last = week_of(now);
        let first = last.saturating_sub(count.saturating_sub(1));
        let spread = |kind: u8, week: u32| -> Result<Option<Spread>, StoreError> {
            let mut secs = Vec::new();
            for row in table.range((kind, week, 0, 0)..=(kind, week, u64::MAX, u64::MAX))? {
                secs.push(row?.0.value().2);
            }
            Ok(Spread::of(&secs))
        };
        let mut out = Vec::with_capacity(count as usize);
        for week in first..=last {
            out.push(WeekTimes {
                week_start: week_start(week),
                first_response: spread(0, week)?,
                resolution: spread(1, week)?,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_and_90th_percentile_are_nearest_ranks() {
        let ten: Vec<u64> = (1..=10).collect();
        assert_eq!(
            Spread::of(&ten),
            Some(Spread {
                median: 5,
                p90: 9,
                count: 10
            })
        );
        assert_eq!(Spread::of(&[7]).map(|s| (s.median, s.p90)), Some((7, 7)));
        assert_eq!(Spread::of(&[]), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-23 is a Monday, 2026-11-29 a Sunday.
        let monday = 1_795_392_000;
        assert_eq!(week_start(week_of(monday)), monday);
        assert_eq!(week_of(monday + 6 * 86_400 + 86_399), week_of(monday));
        assert_eq!(week_of(monday - 1), week_of(monday) - 1);
    }

    #[test]
    fn state_counts_follow_every_write_and_the_migration_recounts_them() {
        use crate::store::tickets::{self, Requester, TicketMessage};
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let requester = Requester {
            user: None,
            name: "Kai".into(),
            email: "kai@example.com".into(),
            language: crate::i18n::Lang::De,
            company: None,
        };
        let file = |kind| {
            let first = TicketMessage::new(1, None, "Kai".into(), false, "Hallo".into());
            let t = Ticket::filed(kind, requester.clone(), "Hallo".into(), first);
            tickets::Tickets::create(
                &store,
                t,
                2026,
                Vec::new(),
                Box::new(|_| Vec::new()),
                Box::new(|_| None),
            )
            .unwrap()
        };
        let contact = file(TicketKind::Contact);
        file(TicketKind::Contact);
        file(TicketKind::Replacement);
        let update = tickets::StatusUpdate {
            to: Some(TicketStatus::Closed),
            by: "Sam".into(),
            at: 2,
            ..Default::default()
        };
        let entry = crate::store::audit::Entry::new(
            2,
            crate::store::audit::Event::TicketMoved,
            crate::store::audit::Actor::default(),
            "",
        );
        // Contact requests close only from "in progress".
        for to in [TicketStatus::InProgress, TicketStatus::Closed] {
            let update = tickets::StatusUpdate {
                to: Some(to),
                ..update.clone()
            };
            tickets::Tickets::change_status(
                &store,
                contact.id,
                update,
                Box::new(|_| Vec::new()),
                (entry.clone(), Vec::new()),
            )
            .unwrap()
            .unwrap()
            .unwrap();
        }
        let expected = vec![
            (TicketKind::Contact, TicketStatus::New, 1),
            (TicketKind::Replacement, TicketStatus::Submitted, 1),
        ];
        assert_eq!(TicketList::open_counts(&store).unwrap(), expected);
        let in_new = |store: &Store| {
            let (total, shown) =
                TicketList::in_state(store, TicketStatus::New, u64::MAX, 10).unwrap();
            (
                total,
                shown.into_iter().map(|(t, _)| t.id).collect::<Vec<_>>(),
            )
        };
        let new_contact = in_new(&store);
        assert_eq!(new_contact.0, 1);
        assert_ne!(
            new_contact.1,
            vec![contact.id],
            "the closed one left the state"
        );
        let (closed, _) = TicketList::in_state(&store, TicketStatus::Closed, u64::MAX, 0).unwrap();
        assert_eq!(closed, 1);
        let (none_yet, _) = TicketList::in_state(&store, TicketStatus::Closed, 1, 0).unwrap();
        assert_eq!(none_yet, 0, "it entered the state at 2");

        // Indexed afresh (migration 0007), the states read the same.
        let txn = store.write().unwrap();
        txn.open_table(tables::TICKETS_BY_STATE)
            .unwrap()
            .clear()
            .unwrap();
        index_all_states_in(&txn).unwrap();
        txn.commit().unwrap();
        assert_eq!(in_new(&store), new_contact);

        // Counted afresh (migration 0005), from wrong figures, the result is the same.
        let txn = store.write().unwrap();
        txn.open_table(tables::TICKET_STATE_COUNTS)
            .unwrap()
            .insert((0, 0), 99)
            .unwrap();
        count_all_states_in(&txn).unwrap();
        txn.commit().unwrap();
        assert_eq!(TicketList::open_counts(&store).unwrap(), expected);
    }
}
