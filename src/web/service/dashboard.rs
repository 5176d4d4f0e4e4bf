//! The dashboard (`/service`): open tickets by kind and state, the longest waiting,
//! replacements whose failed device is past its pickup window, and tickets opened and
//! closed per week.

pub use crate::views::service::dashboard::{Dashboard, PICKUP_BUSINESS_DAYS};
use maud::Markup;

use crate::auth::extract::StaffMember;
use crate::domain::ticket::TicketStatus;
use crate::error::Result;
use crate::store::ticket_list::{self, Filter, From, Order, Scope};
use crate::store::tickets::Ticket;
use crate::store::{mail_queue, users};
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
    let oldest = ticket_list::page(
        store,
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
    let mut overdue_returns: Vec<(Ticket, u64)> =
        ticket_list::in_state(store, TicketStatus::AwaitingReturn)?
            .into_iter()
            .filter(|(_, since)| business_days_between(*since, now) > PICKUP_BUSINESS_DAYS)
            .collect();
    let overdue_total = overdue_returns.len();
    overdue_returns.truncate(SHOWN);
    let (waiting, _) = mail_queue::list(store, mail_queue::Show::Waiting, None, 1000)?;
    let data = Dashboard {
        open: ticket_list::open_counts(store)?,
        oldest,
        overdue_returns,
        overdue_total,
        weeks: ticket_list::weeks(store, now, CHART_WEEKS)?,
        mail_failed: waiting
            .iter()
            .filter(|(_, m)| m.last_error.is_some())
            .count(),
        mail_waiting: waiting.len(),
        staff: users::staff(store)?,
    };
    Ok(view::dashboard(&ctx, &data, now))
}

#[cfg(test)]
mod tests {
    use super::*;

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
