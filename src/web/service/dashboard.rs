//! The dashboard (`/service`): open tickets by kind and state, the longest waiting,
//! replacements whose failed device is past its pickup window, and tickets opened and
//! closed per week.

pub use crate::views::service::dashboard::{Dashboard, DueSoon, PICKUP_BUSINESS_DAYS};
use maud::Markup;

use crate::auth::extract::StaffMember;
use crate::domain::ticket::TicketStatus;
use crate::error::Result;
use crate::store::mail_queue;
use crate::store::ticket_list::{Filter, From, Order, Scope};
use crate::views::service::dashboard as view;
use crate::web::context::PageCtx;

/// Rows each list of the dashboard shows.
const SHOWN: usize = 8;

/// Weeks in the chart.
pub const CHART_WEEKS: u32 = 12;

/// Whole business days (Monday to Friday) from `from` to `to`.
pub fn business_days_between(from: u64, to: u64) -> u64 {
    let (first, last) = (from / 86_400, to / 86_400);
    // 1970-01-01 was a Thursday: day % 7 == 2 is a Saturday, 3 a Sunday.
    (first + 1..=last)
        .filter(|d| !matches!(d % 7, 2 | 3))
        .count() as u64
}

/// `GET /service`
pub async fn dashboard(ctx: PageCtx, StaffMember(_me): StaffMember) -> Result<Markup> {
    let store = &ctx.state.store;
    let now = ctx.state.clock.now();
    let oldest = store
        .ticket_list()
        .page(
            Scope::All,
            Order::Waiting,
            Filter {
                open: Some(true),
                ..Filter::default()
            },
            From::Start,
            SHOWN,
        )?
        .tickets;
    let (overdue_total, overdue_returns) =
        store
            .ticket_list()
            .in_state(TicketStatus::AwaitingReturn, overdue_by(now), SHOWN)?;
    let (waiting, _) = store
        .mail_queue()
        .list(mail_queue::Show::Waiting, None, 1000)?;
    let data = Dashboard {
        open: store.ticket_list().open_counts()?,
        oldest,
        overdue_returns,
        overdue_total,
        weeks: store.ticket_list().weeks(now, CHART_WEEKS)?,
        mail_failed: waiting
            .iter()
            .filter(|(_, m)| m.last_error.is_some())
            .count(),
        mail_waiting: waiting.len(),
        staff: store.users().staff()?,
        backup: crate::service::backups::last(&ctx.state.config.storage.data_dir),
        due: due_soon(&ctx, now)?,
        times: if store.service_levels().schedule()?.current().is_some() {
            store.ticket_list().clock_times(now, CHART_WEEKS)?
        } else {
            Vec::new()
        },
    };
    Ok(view::dashboard(&ctx, &data, now))
}

/// With service levels kept: what is breached, and what breaches within the next four
/// business hours (read from the lists by due time).
fn due_soon(ctx: &PageCtx, now: u64) -> Result<Option<DueSoon>> {
    let core = &ctx.state.core;
    let schedule = core.store.service_levels().schedule()?;
    let Some(levels) = schedule.current() else {
        return Ok(None);
    };
    let read = |sla: &str, size: usize| -> Result<crate::store::ticket_list::Page> {
        let due = crate::service::queue::due_window(core, sla, now)?;
        Ok(core.store.ticket_list().page(
            Scope::All,
            Order::Due,
            Filter {
                open: Some(true),
                due,
                ..Filter::default()
            },
            From::Start,
            size,
        )?)
    };
    let total = |p: &crate::store::ticket_list::Page| {
        (p.tickets.len().min(p.size) + p.beyond, p.beyond_more)
    };
    let breached = read("breached", SHOWN)?;
    let soon = read("soon", SHOWN)?;
    let soon_total = total(&soon);
    Ok(Some(DueSoon {
        zone: levels.calendar.zone.clone(),
        breached: total(&breached),
        soon: soon
            .tickets
            .into_iter()
            .filter_map(|t| crate::store::ticket_list::next_due(&schedule, &t).map(|d| (t, d)))
            .collect(),
        soon_total,
    }))
}

/// The latest time a failed device may have started waiting for pickup and be past its
/// window at `now`: the end of the last day more than the window's business days ago.
fn overdue_by(now: u64) -> u64 {
    let mut day = now / 86_400;
    while day > 0 && business_days_between(day * 86_400, now) <= PICKUP_BUSINESS_DAYS {
        day -= 1;
    }
    day * 86_400 + 86_399
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_means_more_than_the_window_of_business_days() {
        // Monday 2026-11-23 12:00 UTC.
        let now = 1_795_392_000 + 12 * 3600;
        let cutoff = overdue_by(now);
        assert!(business_days_between(cutoff, now) > PICKUP_BUSINESS_DAYS);
        assert!(business_days_between(cutoff + 1, now) <= PICKUP_BUSINESS_DAYS);
    }

    #[test]
    fn business_days_skip_weekends() {
        // Monday 2026-11-23 00:00 UTC.
        let monday = 1_795_392_000;
        let day = 86_400;
        assert_eq!(business_days_between(monday, monday + 4 * day), 4);
        // Friday to the next Monday: one business day.
        assert_eq!(business_days_between(monday + 4 * day, monday + 7 * day), 1);
        // A week later: five.
        assert_eq!(business_days_between(monday, monday + 7 * day), 5);
        assert_eq!(business_days_between(monday, monday + 8 * day), 6);
    }
}
