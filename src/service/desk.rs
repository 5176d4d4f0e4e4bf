//! The service desk's own actions: taking a ticket (or giving it to a colleague, or back
//! to nobody) and trying a waiting e-mail again now, each audited with the change.

use crate::access as policy;
use crate::store::audit::Event;
use crate::store::tickets::Ticket;
use crate::store::users::{User, UserStatus};

use super::{Acting, Core, Failure};

/// Who a ticket goes to, as the assignment form names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assignee {
    Nobody,
    Me,
    Colleague(u64),
}

impl Assignee {
    /// `none` (or nothing), `me`, or a staff member's id; `None` for anything else.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "none" | "" => Some(Assignee::Nobody),
            "me" => Some(Assignee::Me),
            other => other.parse().ok().map(Assignee::Colleague),
        }
    }
}

/// Assigns `t` for the service team; `false` when the colleague is not an active staff
/// member or the ticket is gone.
pub fn assign(core: &Core, who: &Acting, t: &Ticket, to: Assignee) -> Result<bool, Failure> {
    if !policy::can_handle_tickets(who.actor) {
        return Ok(false);
    }
    let staff;
    let assignee: Option<&User> = match to {
        Assignee::Nobody => None,
        Assignee::Me => Some(who.user),
        Assignee::Colleague(id) => {
            staff = core.store.users().staff()?;
            match staff
                .iter()
                .find(|u| u.id == id && u.status == UserStatus::Active)
            {
                Some(u) => Some(u),
                None => return Ok(false),
            }
        }
    };
    let detail = assignee.map_or_else(|| "—".to_owned(), User::full_name);
    let now = core.clock.now();
    let through_api = who.token_entry(now, format!("{} assigned to {detail}", t.number));
    let entry = who
        .entry(now, Event::TicketAssigned, &t.number)
        .detail(detail);
    if core
        .store
        .tickets()
        .assign(
            t.id,
            assignee.map(|u| u.id),
            [entry].into_iter().chain(through_api).collect(),
        )?
        .is_none()
    {
        return Ok(false);
    }
    tracing::info!(
        event = "ticket_assigned",
        ticket = t.id,
        by = who.user.id,
        "ticket assigned"
    );
    Ok(true)
}

/// What trying a message again led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retried {
    /// It is due now; the mail worker was woken.
    Queued,
    /// It was sent meanwhile.
    SentAlready,
    /// No such message.
    Unknown,
}

/// Makes a waiting message due now, audited in the same unit of work.
pub fn retry_mail(core: &Core, who: &Acting, id: u64) -> Result<Retried, Failure> {
    let now = core.clock.now();
    let entry = who.entry(now, Event::MailRetried, format!("#{id}"));
    Ok(match core.store.mail_queue().retry_now(id, now, entry)? {
        None => Retried::Unknown,
        Some(false) => Retried::SentAlready,
        Some(true) => {
            tracing::info!(
                event = "mail_retried",
                mail_id = id,
                by = who.user.id,
                "mail retried now"
            );
            Retried::Queued
        }
    })
}
