//! A person's sessions as a table (browser and system, address, logged in, last active),
//! each with a button that ends it, and one that ends the rest: on "My access data" for
//! one's own, on the service desk's person page for anyone's.

use maud::{Markup, html};

use super::components::csrf_field;
use super::format;
use crate::domain::user_agent;
use crate::i18n::args;
use crate::store::sessions::SessionInfo;
use crate::views::PageCtx;

/// Whose sessions the table shows, which decides its words and where its forms go.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    /// One's own: `current` is the session showing the page, which is marked and has
    /// no button (logging out does that).
    Me { current: [u8; 32] },
    /// A person's, to the service team.
    Person { id: u64 },
}

/// "Firefox on Windows", "Firefox", or "Unknown browser".
fn browser(ctx: &PageCtx, s: &SessionInfo) -> String {
    let agent = s.origin.as_ref().map_or("", |o| o.user_agent.as_str());
    match user_agent::describe(agent) {
        (Some(browser), Some(system)) => ctx.t_args(
            "sessions-browser-on",
            &args(&[("browser", browser), ("system", system)]),
        ),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => ctx.t("sessions-unknown-browser"),
    }
}

/// The sessions of `owner`, the most recently active first.
pub fn table(ctx: &PageCtx, sessions: &[SessionInfo], owner: Owner) -> Markup {
    let (base, current, end, end_rest) = match owner {
        Owner::Me { current } => (
            "/account/sessions".to_owned(),
            Some(current),
            "sessions-end",
            "sessions-end-others",
        ),
        Owner::Person { id } => (
            format!("/service/users/{id}/sessions"),
            None,
            "service-sessions-end",
            "service-sessions-end-all",
        ),
    };
    let others = sessions.iter().filter(|s| Some(s.hash) != current).count();
    html! {
        @if sessions.is_empty() {
            p.empty { (ctx.t("sessions-none")) }
        } @else {
            div.table-wrap {
                table.stack-narrow {
                    thead { tr {
                        th scope="col" { (ctx.t("sessions-browser")) }
                        th scope="col" { (ctx.t("sessions-address")) }
                        th scope="col" { (ctx.t("sessions-started")) }
                        th scope="col" { (ctx.t("sessions-last-seen")) }
                        th scope="col" { span.visually-hidden { (ctx.t("sessions-actions")) } }
                    } }
                    tbody {
                        @for s in sessions {
                            @let name = browser(ctx, s);
                            @let seen = format::date_time(s.session.last_seen);
                            tr {
                                td { (name) }
                                td data-label=(ctx.t("sessions-address")) {
                                    @match s.origin.as_ref().map(|o| o.address.as_str()) {
                                        Some(a) if !a.is_empty() => { code { (a) } }
                                        _ => { "—" }
                                    }
                                }
                                td data-label=(ctx.t("sessions-started")) { (format::when(s.session.created_at)) }
                                td data-label=(ctx.t("sessions-last-seen")) { (format::when(s.session.last_seen)) }
                                td {
                                    @if Some(s.hash) == current {
                                        span.badge.ok { (ctx.t("sessions-this")) }
                                    } @else {
                                        form.inline method="post" action={ (base) "/" (s.handle()) "/end" } {
                                            (csrf_field(ctx))
                                            button.button.secondary.small type="submit"
                                                aria-label=(ctx.t_args("sessions-end-label", &args(&[("browser", &name), ("when", &seen)]))) {
                                                (ctx.t(end))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if others > 0 {
                form method="post" action={ (base) "/end-all" } {
                    (csrf_field(ctx))
                    button.button.danger type="submit" { (ctx.t(end_rest)) }
                }
            }
        }
    }
}
