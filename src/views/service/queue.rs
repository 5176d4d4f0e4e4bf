//! The queue of every ticket, with its filters, the search box and paging.

use crate::store::companies::Company;
use maud::{Markup, html};
use serde::Deserialize;

use super::{Part, frame, staff_name, waited};
use crate::domain::service_levels::{Schedule, local_time};
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::i18n::args;
use crate::store::ticket_list::Page;
use crate::store::ticket_list::next_due;
use crate::store::users::User;
use crate::views::PageCtx;
use crate::views::components::{keyset_pager, page_number};
use crate::views::format;
use crate::views::tickets::status_badge;

fn select(name: &str, label: &str, options: &[(String, String)], current: &str) -> Markup {
    html! {
        span.filter-item {
            label for=(name) { (label) }
            select id=(name) name=(name) {
                @for (v, l) in options { option value=(v) selected[v == current] { (l) } }
            }
        }
    }
}

/// `GET /service/tickets`
pub fn queue(
    ctx: &PageCtx,
    q: &QueueQuery,
    page: &Page,
    company: &CompanyChoice,
    staff: &[User],
    now: u64,
    schedule: &Schedule,
) -> Markup {
    let title = ctx.t("service-queue-title");
    let zone = schedule
        .current()
        .map_or("UTC", |l| l.calendar.zone.as_str());
    let slas = vec![
        (String::new(), ctx.t("queue-sla-any")),
        ("breached".to_owned(), ctx.t("queue-sla-breached")),
        ("soon".to_owned(), ctx.t("queue-sla-soon")),
    ];
    let mut states = vec![
        ("open".to_owned(), ctx.t("filter-open")),
        ("closed".to_owned(), ctx.t("filter-closed")),
        ("all".to_owned(), ctx.t("filter-all")),
    ];
    states.extend(TicketStatus::ALL.iter().map(|s| {
        (
            s.slug().to_owned(),
            crate::views::tickets::status_word(ctx, *s),
        )
    }));
    let mut kinds = vec![(String::new(), ctx.t("filter-all"))];
    kinds.extend(
        TicketKind::ALL
            .iter()
            .map(|k| (k.slug().to_owned(), ctx.t(k.message_id()))),
    );
    let mut assignees = vec![
        (String::new(), ctx.t("service-assignee-anyone")),
        ("me".to_owned(), ctx.t("service-assignee-me")),
        ("none".to_owned(), ctx.t("service-assignee-none")),
    ];
    assignees.extend(staff.iter().map(|u| (u.id.to_string(), u.full_name())));
    let mut ages = vec![(String::new(), ctx.t("service-age-any"))];
    ages.extend(AGES.iter().map(|d| {
        (
            d.to_string(),
            ctx.t_args("service-age-days", &args(&[("days", &d.to_string())])),
        )
    }));
    let state = if q.state.is_empty() {
        "open"
    } else {
        q.state.as_str()
    };
    let sort = q.sort.as_str();
    let sort_header = |key: &str, label: String| {
        let current = sort == key || (key == "waiting" && sort.is_empty());
        html! {
            th scope="col" aria-sort=[current.then_some(if key == "waiting" || key == "due" { "ascending" } else { "descending" })] {
                a href=(q.link(key)) { (label) @if current { " ▾" } }
            }
        }
    };
    let searching = !q.q.trim().is_empty();
    frame(
        ctx,
        &title,
        Part::Queue,
        html! {
            div.page-head {
                h1 { (title) }
                form.search role="search" method="get" action="/service/tickets" {
                    label.visually-hidden for="q" { (ctx.t("search-label")) }
                    input #q type="search" name="q" value=(q.q) placeholder=(ctx.t("search-hint"));
                    input type="hidden" name="state" value=(q.state);
                    button.button.secondary type="submit" { (ctx.t("search-submit")) }
                }
            }
            p.hint { (ctx.t("service-queue-intro")) " " a href="/service/tickets/new" { (ctx.t("service-nav-new-ticket")) } }
            form.filter method="get" action="/service/tickets" {
                input type="hidden" name="q" value=(q.q);
                input type="hidden" name="sort" value=(q.sort);
                (select("state", &ctx.t("ticket-status"), &states, state))
                (select("kind", &ctx.t("ticket-kind"), &kinds, &q.kind))
                (select("assignee", &ctx.t("service-assignee"), &assignees, &q.assignee))
                (select("age", &ctx.t("service-age"), &ages, &q.age))
                @if schedule.current().is_some() {
                    (select("sla", &ctx.t("queue-sla"), &slas, &q.sla))
                }
                span.filter-item {
                    label for="company" { (ctx.t("service-company")) }
                    input #company type="text" name="company" value=(q.company) autocomplete="off"
                        aria-describedby=[matches!(company, CompanyChoice::NoMatch | CompanyChoice::Several(_)).then_some("company-error")];
                }
                button.button.secondary type="submit" { (ctx.t("plants-filter-submit")) }
            }
            @match company {
                CompanyChoice::NoMatch => {
                    p.field-error #company-error role="alert" { (ctx.t_args("service-company-none", &args(&[("name", q.company.trim())]))) }
                }
                CompanyChoice::Several(found) => {
                    div #company-error role="alert" {
                        p { (ctx.t("service-company-several")) }
                        ul.plain {
                            @for c in found {
                                li { a href=({
                                    let mut other = q.clone();
                                    other.company = c.id.to_string();
                                    other.link(&q.sort)
                                }) { (c.name) " · " (c.postal_code) " " (c.city) } }
                            }
                        }
                    }
                }
                CompanyChoice::One(c) => {
                    p.hint { (ctx.t_args("service-company-shown", &args(&[("name", &c.name)]))) }
                }
                CompanyChoice::Any => {}
            }
            @if searching {
                p role="status" {
                    (ctx.t_args("search-results", &args(&[("count", &page.tickets.len().to_string()), ("query", q.q.trim())])))
                    " · " a href="/service/tickets" { (ctx.t("search-clear")) }
                }
            }
            @if page.tickets.is_empty() {
                @if !searching { p.empty { (ctx.t("service-queue-empty")) } }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        caption.visually-hidden { (title) }
                        thead {
                            tr {
                                (sort_header("number", ctx.t("ticket-number")))
                                th scope="col" { (ctx.t("ticket-subject")) }
                                th scope="col" { (ctx.t("ticket-requester")) }
                                th scope="col" { (ctx.t("ticket-status")) }
                                th scope="col" { (ctx.t("service-assignee")) }
                                (sort_header("waiting", ctx.t("service-waiting")))
                                @if schedule.current().is_some() { (sort_header("due", ctx.t("queue-due"))) }
                                (sort_header("updated", ctx.t("ticket-updated")))
                            }
                        }
                        tbody {
                            @for t in &page.tickets {
                                tr {
                                    td { a href={ "/tickets/" (t.id) } { code { (t.number) } } br; span.small.hint { (ctx.t(t.kind.message_id())) } }
                                    td data-label=(ctx.t("ticket-subject")) { (t.subject) @if let Some(s) = t.serial { br; span.small.hint { (ctx.t("device-serial")) " " (s) } } }
                                    td data-label=(ctx.t("ticket-requester")) {
                                        @if let Some(u) = t.requester {
                                            a href={ "/service/users/" (u) } { (t.requester_name) }
                                        } @else {
                                            (t.requester_name) br; span.small.hint { (t.requester_email) }
                                        }
                                    }
                                    td data-label=(ctx.t("ticket-status")) { (status_badge(ctx, t.status)) }
                                    td data-label=(ctx.t("service-assignee")) { @if let Some(n) = staff_name(staff, t.assignee) { (n) } @else { span.hint { (ctx.t("service-assignee-none")) } } }
                                    td.nowrap data-label=(ctx.t("service-waiting")) { @if t.status.is_open() { (waited(ctx, t.waiting_since(), now)) } @else { "—" } }
                                    @if schedule.current().is_some() {
                                        td data-label=(ctx.t("queue-due")) {
                                            @match next_due(schedule, t) {
                                                Some(d) => {
                                                    @let when = local_time(zone, d);
                                                    @let (day, time) = when.split_once(' ').unwrap_or((&when, ""));
                                                    @if d < now { span.badge.bad { (ctx.t("queue-sla-breached-badge")) } br; }
                                                    span.nowrap { (day) } br; span.small.hint { (time) }
                                                }
                                                None => { span.hint { "—" } }
                                            }
                                        }
                                    }
                                    td.nowrap data-label=(ctx.t("ticket-updated")) { (format::when_date(t.updated_at)) br; span.small.hint { (format::date_time(t.updated_at).get(11..).unwrap_or("")) } }
                                }
                            }
                        }
                    }
                }
                (keyset_pager(ctx, page, (page_number(&q.page), q.after.is_empty() && !q.before.is_empty()), &q.link(&q.sort)))
                (crate::views::exports::links(ctx, "/service/tickets/export", q.link(&q.sort).trim_start_matches("/service/tickets?")))
            }
        },
    )
}

/// The waiting times the age filter offers, in days.
pub const AGES: [u64; 5] = [1, 3, 7, 14, 30];

/// What the company filter found.
#[derive(Debug, Clone)]
pub enum CompanyChoice {
    /// No company filter.
    Any,
    /// This company.
    One(Company),
    /// Several match the name: the user picks one.
    Several(Vec<Company>),
    /// None matches.
    NoMatch,
}

/// The queue's search, filters, order and place.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    pub q: String,
    /// `open` (default), `closed`, `all`, or a state's slug.
    pub state: String,
    /// A kind's slug, or empty for all.
    pub kind: String,
    /// A company's id or (part of) its name.
    pub company: String,
    /// `me`, `none`, a staff member's id, or empty for anyone.
    pub assignee: String,
    /// Waiting at least this many days.
    pub age: String,
    /// `waiting` (default), `updated`, `number` or `due`.
    pub sort: String,
    /// The service-level filter: `breached`, `soon`, or empty for any.
    pub sla: String,
    pub after: String,
    pub before: String,
    /// The page's number, as its link carries it.
    pub page: String,
}
