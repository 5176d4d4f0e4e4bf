//! Tickets from the customer's side: the contact form and its receipt, the information
//! sheet, "Ticket Tracking", and the requests listed on plant pages.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, csrf_field, error_summary, keyset_pager, page_number};
use super::format;
use super::layout;
use super::layout::url_encode;
use crate::domain::ticket::{TOPICS, TicketKind, TicketStatus};
use crate::i18n::args;
use crate::store::ticket_list::{Page, TicketRow};
use crate::store::tickets::Ticket;
use crate::views::PageCtx;

/// A status as a coloured badge with its word.
pub fn status_badge(ctx: &PageCtx, status: TicketStatus) -> Markup {
    html! { span class={ "badge " (status.badge()) } { (status_word(ctx, status)) } }
}

/// The word for a status as the viewer reads it: a request that waits for the customer
/// waits for "you" to the customer, and for the customer to the service team.
pub fn status_word(ctx: &PageCtx, status: TicketStatus) -> String {
    let staff = ctx.viewer.as_ref().is_some_and(|v| v.is_staff());
    if staff && status == TicketStatus::WaitingForCustomer {
        ctx.t("status-waiting-customer")
    } else {
        ctx.t(status.message_id())
    }
}

/// `GET /contact`
pub fn contact(ctx: &PageCtx, form: &ContactForm, errors: &Errors, signed_in: bool) -> Markup {
    let title = ctx.t("contact-title");
    let topics: Vec<(String, String)> = TOPICS
        .iter()
        .map(|t| ((*t).to_owned(), ctx.t(&format!("topic-{t}"))))
        .collect();
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                h1 { (title) }
                p.lead { (ctx.t("contact-intro")) }
                div.notice.info { (ctx.t("contact-serial-reminder")) }
                (error_summary(ctx, errors))
                form.card method="post" action="/contact" novalidate {
                    (csrf_field(ctx))
                    @if !signed_in {
                        (Field::new("name", ctx.t("contact-name"), "text").value(&form.name).autocomplete("name")
                            .maxlength(120).errors(ctx, errors).render())
                        (Field::new("email", ctx.t("field-email"), "email").value(&form.email).autocomplete("email")
                            .hint(ctx.t("contact-email-hint")).maxlength(254).errors(ctx, errors).render())
                    }
                    (Field::new("topic", ctx.t("contact-topic"), "").value(&form.topic).errors(ctx, errors)
                        .select(&topics, Some(&ctx.t("select-placeholder"))))
                    (Field::new("serial", ctx.t("device-serial"), "text").value(&form.serial).optional()
                        .hint(ctx.t("contact-serial-hint")).maxlength(20).autocomplete("off").errors(ctx, errors).render())
                    (Field::new("message", ctx.t("contact-message"), "").value(&form.message)
                        .maxlength(5000).errors(ctx, errors).textarea())
                    button.button.primary type="submit" { (ctx.t("contact-submit")) }
                }
            }
        },
    )
}

/// `GET /info-sheet`
pub fn info_sheet(
    ctx: &PageCtx,
    form: &crate::views::tickets::InfoSheetForm,
    errors: &Errors,
    signed_in: bool,
) -> Markup {
    let title = ctx.t("info-title");
    let systems: Vec<(String, String)> = crate::views::tickets::SYSTEMS
        .iter()
        .map(|s| ((*s).to_owned(), ctx.t(&format!("info-system-{s}"))))
        .collect();
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                h1 { (title) }
                p.lead { (ctx.t("info-intro")) }
                (error_summary(ctx, errors))
                form.card method="post" action="/info-sheet" novalidate {
                    (csrf_field(ctx))
                    @if !signed_in {
                        (Field::new("name", ctx.t("contact-name"), "text").value(&form.name).autocomplete("name")
                            .maxlength(120).errors(ctx, errors).render())
                        (Field::new("email", ctx.t("field-email"), "email").value(&form.email).autocomplete("email")
                            .hint(ctx.t("contact-email-hint")).maxlength(254).errors(ctx, errors).render())
                    }
                    (Field::new("system", ctx.t("info-system"), "").value(&form.system).errors(ctx, errors)
                        .select(&systems, Some(&ctx.t("select-placeholder"))))
                    (Field::new("serials", ctx.t("info-serials"), "").value(&form.serials)
                        .hint(ctx.t("info-serials-hint")).maxlength(500).errors(ctx, errors).textarea())
                    (Field::new("site", ctx.t("info-site"), "").value(&form.site)
                        .hint(ctx.t("info-site-hint")).maxlength(500).errors(ctx, errors).textarea())
                    (Field::new("message", ctx.t("contact-message"), "").value(&form.message).optional()
                        .maxlength(5000).errors(ctx, errors).textarea())
                    button.button.primary type="submit" { (ctx.t("info-submit")) }
                }
            }
        },
    )
}

/// After a logged-out contact request: the number to quote.
pub fn contact_sent(ctx: &PageCtx, number: &str) -> Markup {
    let title = ctx.t("contact-sent-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    p.lead { (ctx.t_args("contact-sent-text", &args(&[("number", number)]))) }
                    a.button.secondary href="/" { (ctx.t("error-back-home")) }
                }
            }
        },
    )
}

fn matched_label(ctx: &PageCtx, matched: Option<crate::search::query::Matched>) -> String {
    use crate::search::query::Matched;
    ctx.t(match matched {
        Some(Matched::Serial) => "search-matched-serial",
        Some(Matched::Number) => "search-matched-number",
        _ => "search-matched-words",
    })
}

/// The words every row of a ticket list repeats, translated and escaped once per page
/// rather than once per row (a list shows up to a hundred rows).
struct RowWords {
    subject: Markup,
    serial: Markup,
    kind: Markup,
    requester: Markup,
    status: Markup,
    updated: Markup,
    kinds: Vec<(TicketKind, Markup)>,
    badges: Vec<(TicketStatus, Markup)>,
}

impl RowWords {
    fn new(ctx: &PageCtx) -> Self {
        let word = |id: &str| html! { (ctx.t(id)) };
        RowWords {
            subject: word("ticket-subject"),
            serial: word("device-serial"),
            kind: word("ticket-kind"),
            requester: word("ticket-requester"),
            status: word("ticket-status"),
            updated: word("ticket-updated"),
            kinds: TicketKind::ALL
                .iter()
                .map(|&k| (k, word(k.message_id())))
                .collect(),
            badges: TicketStatus::ALL
                .iter()
                .map(|&s| (s, status_badge(ctx, s)))
                .collect(),
        }
    }

    fn kind_word(&self, kind: TicketKind) -> &Markup {
        let found = self.kinds.iter().find(|(k, _)| *k == kind);
        found.map_or(&self.kind, |(_, w)| w)
    }

    fn badge(&self, status: TicketStatus) -> &Markup {
        let found = self.badges.iter().find(|(s, _)| *s == status);
        found.map_or(&self.status, |(_, b)| b)
    }
}

/// `GET /tickets`
pub fn list(
    ctx: &PageCtx,
    page: &Page,
    tickets: &[TicketRow],
    q: &ListQuery,
    matched: Option<crate::search::query::Matched>,
) -> Markup {
    let query = q.q.trim();
    let base = |sort: &str| {
        format!(
            "/tickets?q={}&state={}&kind={}&sort={}",
            url_encode(&q.q),
            url_encode(&q.state),
            url_encode(&q.kind),
            url_encode(sort)
        )
    };
    let states = vec![
        (String::new(), ctx.t("filter-all")),
        ("open".to_owned(), ctx.t("filter-open")),
        ("closed".to_owned(), ctx.t("filter-closed")),
    ];
    let mut kinds = vec![(String::new(), ctx.t("filter-all"))];
    kinds.extend(
        TicketKind::ALL
            .iter()
            .map(|k| (k.slug().to_owned(), ctx.t(k.message_id()))),
    );
    let sort_header = |key: &str, label: String| {
        let current = q.sort == key || (key == "updated" && q.sort.is_empty());
        html! {
            th scope="col" aria-sort=[current.then_some("descending")] {
                a href=(base(key)) { (label) @if current { " ▾" } }
            }
        }
    };
    let title = ctx.t("nav-tickets");
    let words = RowWords::new(ctx);
    let days = ctx.config.tickets.visible_days.to_string();
    let staff = ctx.viewer.as_ref().is_some_and(|a| a.is_staff());
    layout::page(
        ctx,
        &title,
        html! {
            div.page-head {
                h1 { (title) }
                form.search role="search" method="get" action="/tickets" {
                    label.visually-hidden for="q" { (ctx.t("search-label")) }
                    input #q type="search" name="q" value=(query) placeholder=(ctx.t("search-hint"));
                    button.button.secondary type="submit" { (ctx.t("search-submit")) }
                }
            }
            @if !staff {
                p.hint {
                    (ctx.t_args("tickets-window", &args(&[("days", &days)]))) " "
                    a href="/contact" { (ctx.t("tickets-new")) } " · "
                    a href="/tickets/replacement" { (ctx.t("replacement-new")) }
                }
            }
            @if !query.is_empty() {
                p role="status" {
                    (ctx.t_args("search-results", &args(&[("count", &tickets.len().to_string()), ("query", query)])))
                    @if !tickets.is_empty() { " · " (matched_label(ctx, matched)) }
                    " · " a href="/tickets" { (ctx.t("search-clear")) }
                }
            }
            form.filter method="get" action="/tickets" {
                input type="hidden" name="q" value=(q.q);
                input type="hidden" name="sort" value=(q.sort);
                label for="state" { (ctx.t("ticket-status")) }
                select #state name="state" {
                    @for (v, l) in &states { option value=(v) selected[*v == q.state] { (l) } }
                }
                label for="kind" { (ctx.t("ticket-kind")) }
                select #kind name="kind" {
                    @for (v, l) in &kinds { option value=(v) selected[*v == q.kind] { (l) } }
                }
                button.button.secondary type="submit" { (ctx.t("plants-filter-submit")) }
            }
            @if tickets.is_empty() && !query.is_empty() {
            } @else if tickets.is_empty() && (page.previous.is_some() || !q.state.is_empty() || !q.kind.is_empty()) {
                p.empty { (ctx.t("tickets-none-here")) " " a href="/tickets" { (ctx.t("search-clear")) } }
            } @else if tickets.is_empty() {
                section.card.empty-state {
                    p { (ctx.t("tickets-empty")) }
                    a.button.primary href="/contact" { (ctx.t("tickets-new")) }
                }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                (sort_header("number", ctx.t("ticket-number")))
                                th scope="col" { (ctx.t("ticket-subject")) }
                                th scope="col" { (ctx.t("ticket-kind")) }
                                th scope="col" { (ctx.t("ticket-requester")) }
                                (sort_header("status", ctx.t("ticket-status")))
                                (sort_header("updated", ctx.t("ticket-updated")))
                            }
                        }
                        tbody {
                            @for t in tickets {
                                tr {
                                    td { a href={ "/tickets/" (t.id) } { code { (t.number) } } }
                                    td data-label=(words.subject) { (t.subject) @if let Some(s) = t.serial { br; span.small.hint { (words.serial) " " (s) } } }
                                    td data-label=(words.kind) { (words.kind_word(t.kind)) }
                                    td data-label=(words.requester) { (t.requester_name) }
                                    td data-label=(words.status) { (words.badge(t.status)) }
                                    td data-label=(words.updated) { (format::when(t.updated_at)) }
                                }
                            }
                        }
                    }
                }
                (keyset_pager(ctx, page, (page_number(&q.page), q.after.is_empty() && !q.before.is_empty()), &base(&q.sort)))
                (crate::views::exports::links(ctx, "/tickets/export", base(&q.sort).trim_start_matches("/tickets?")))
            }
        },
    )
}

/// A plant's tickets, for its page.
pub fn plant_section(ctx: &PageCtx, tickets: &[Ticket]) -> Markup {
    html! {
        section.card #tickets aria-labelledby="tickets-heading" {
            h2 #tickets-heading { (ctx.t("nav-tickets")) }
            @if tickets.is_empty() {
                p.empty { (ctx.t("plant-tickets-empty")) }
            } @else {
                ul.plain {
                    @for t in tickets {
                        li {
                            a href={ "/tickets/" (t.id) } { code { (t.number) } } " " (t.subject) " " (status_badge(ctx, t.status))
                        }
                    }
                }
            }
            p {
                a href="/contact?topic=technical" { (ctx.t("tickets-new")) } " · "
                a href="/tickets/replacement" { (ctx.t("replacement-new")) }
            }
        }
    }
}

/// Ticket Tracking's search, filters, sort order and place.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    /// `open`, `closed` or empty for all.
    pub state: String,
    /// `contact`, `replacement`, `warranty`, `info-sheet` or empty for all.
    pub kind: String,
    /// `number`, `status` or `updated` (default).
    pub sort: String,
    /// The page after this row (`key.id`).
    pub after: String,
    /// The page before this row (`key.id`).
    pub before: String,
    /// The page's number, as its link carries it.
    pub page: String,
}

/// What the contact form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    pub topic: String,
    pub serial: String,
    pub message: String,
}

/// What the information sheet form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct InfoSheetForm {
    pub name: String,
    pub email: String,
    pub system: String,
    pub serials: String,
    pub site: String,
    pub message: String,
}

/// The systems an information sheet is for.
pub const SYSTEMS: [&str; 2] = ["smart-home", "off-grid"];
