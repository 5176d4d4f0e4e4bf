//! The service desk's pages: one frame with the desk's own navigation, and one file per
//! part (dashboard, queue, people, oversight, requests filed for customers).

pub mod accounts;
pub mod dashboard;
pub mod inbox;
pub mod levels;
pub mod on_behalf;
pub mod oversight;
pub mod queue;
pub mod replies;

use maud::{Markup, html};

use super::layout;
use crate::store::users::User;
use crate::views::PageCtx;

/// The parts of the service desk, as its navigation names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Dashboard,
    Queue,
    NewTicket,
    People,
    Audit,
    Mail,
    Inbox,
    Replies,
    Levels,
    Webhooks,
}

impl Part {
    const ALL: [Part; 10] = [
        Part::Dashboard,
        Part::Queue,
        Part::NewTicket,
        Part::People,
        Part::Audit,
        Part::Mail,
        Part::Inbox,
        Part::Replies,
        Part::Levels,
        Part::Webhooks,
    ];

    fn link(self) -> (&'static str, &'static str) {
        match self {
            Part::Dashboard => ("/service", "service-nav-dashboard"),
            Part::Queue => ("/service/tickets", "service-nav-queue"),
            Part::NewTicket => ("/service/tickets/new", "service-tab-new-ticket"),
            Part::People => ("/service/users", "service-nav-people"),
            Part::Audit => ("/service/audit", "service-nav-audit"),
            Part::Mail => ("/service/mail", "service-nav-mail"),
            Part::Inbox => ("/service/inbox", "service-nav-inbox"),
            Part::Replies => ("/service/replies", "service-nav-replies"),
            Part::Levels => ("/service/levels", "service-nav-levels"),
            Part::Webhooks => ("/webhooks", "nav-webhooks"),
        }
    }
}

/// A service desk page: its heading, the desk's navigation, the body.
pub fn frame(ctx: &PageCtx, title: &str, part: Part, body: Markup) -> Markup {
    layout::page(
        ctx,
        title,
        html! {
            nav.tabs aria-label=(ctx.t("service-nav-label")) {
                ul {
                    @for p in Part::ALL {
                        @let (href, id) = p.link();
                        li { a href=(href) aria-current=[(p == part).then_some("page")] { (ctx.t(id)) } }
                    }
                }
            }
            (body)
        },
    )
}

/// A staff member's name by id, for assignee columns.
pub fn staff_name(staff: &[User], id: Option<u64>) -> Option<String> {
    let id = id?;
    staff.iter().find(|u| u.id == id).map(User::full_name)
}

/// How long ago `since` was, in days and hours ("3 d 4 h"), for waiting times.
pub fn waited(ctx: &PageCtx, since: u64, now: u64) -> String {
    let secs = now.saturating_sub(since);
    let days = (secs / 86_400).to_string();
    let hours = ((secs % 86_400) / 3600).to_string();
    ctx.t_args(
        "service-waited",
        &crate::i18n::args(&[("days", &days), ("hours", &hours)]),
    )
}
