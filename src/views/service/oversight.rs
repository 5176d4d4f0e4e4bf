//! The audit log and the mail queue.

use maud::{Markup, html};
use serde::Deserialize;

use super::{Part, frame};
use crate::i18n::args;
use crate::store::audit::{Entry, Event, Page};
use crate::store::mail_queue::{MailState, QueuedMail};
use crate::views::PageCtx;
use crate::views::components::{csrf_field, notice};
use crate::views::format;
use crate::views::layout::url_encode;

/// The details the portal itself writes are codes, shown in the page's language;
/// anything else (a reason, e-mail addresses, states) as it was written.
fn detail(ctx: &PageCtx, e: &Entry) -> String {
    const CODES: [&str; 8] = [
        "password",
        "security-answer",
        "unknown-email",
        "answer",
        "internal-note",
        "admin",
        "installer",
        "command-line",
    ];
    if CODES.contains(&e.detail.as_str()) {
        ctx.t(&format!("audit-detail-{}", e.detail))
    } else {
        e.detail.clone()
    }
}

/// Audit entries as a table (the log, a person's history).
pub fn audit_rows(ctx: &PageCtx, entries: &[Entry]) -> Markup {
    html! {
        div.table-wrap {
            table.stack-narrow {
                thead { tr {
                    th scope="col" { (ctx.t("service-audit-when")) }
                    th scope="col" { (ctx.t("service-audit-event")) }
                    th scope="col" { (ctx.t("service-audit-actor")) }
                    th scope="col" { (ctx.t("service-audit-address")) }
                    th scope="col" { (ctx.t("service-audit-subject")) }
                    th scope="col" { (ctx.t("service-audit-detail")) }
                } }
                tbody {
                    @for e in entries {
                        tr {
                            td { (format::when(e.at)) }
                            td data-label=(ctx.t("service-audit-event")) {
                                span class={ "badge " @if e.event.is_security() { "warn" } } {
                                    (ctx.t(&format!("audit-event-{}", e.event.slug())))
                                }
                            }
                            td data-label=(ctx.t("service-audit-actor")) {
                                @if let Some(u) = e.actor.user { a href={ "/service/audit?user=" (u) } { (e.actor.name) } }
                                @else if e.actor.name.is_empty() { span.hint { (ctx.t("service-audit-command-line")) } }
                                @else { (e.actor.name) }
                            }
                            td data-label=(ctx.t("service-audit-address")) { @if e.actor.address.is_empty() { "—" } @else { code { (e.actor.address) } } }
                            td data-label=(ctx.t("service-audit-subject")) {
                                @if let Some(u) = e.subject_user { a href={ "/service/users/" (u) } { (e.subject) } }
                                @else { (e.subject) }
                            }
                            td data-label=(ctx.t("service-audit-detail")) { (detail(ctx, e)) }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /service/audit`
pub fn audit(ctx: &PageCtx, q: &AuditQuery, page: &Page, error: Option<&'static str>) -> Markup {
    let title = ctx.t("service-audit-title");
    let next = |before: u64| {
        format!(
            "/service/audit?event={}&user={}&before={before}",
            url_encode(&q.event),
            url_encode(&q.user)
        )
    };
    frame(
        ctx,
        &title,
        Part::Audit,
        html! {
            h1 { (title) }
            p.hint { (ctx.t("service-audit-intro")) }
            form.filter method="get" action="/service/audit" {
                span.filter-item {
                    label for="event" { (ctx.t("service-audit-event")) }
                    select #event name="event" {
                        option value="" { (ctx.t("filter-all")) }
                        @for e in Event::ALL {
                            option value=(e.slug()) selected[q.event == e.slug()] { (ctx.t(&format!("audit-event-{}", e.slug()))) }
                        }
                    }
                }
                span.filter-item {
                    label for="user" { (ctx.t("service-audit-user")) }
                    input #user type="text" name="user" value=(q.user) autocomplete="off"
                        aria-invalid=[error.map(|_| "true")] aria-describedby=[error.map(|_| "user-error")];
                }
                button.button.secondary type="submit" { (ctx.t("plants-filter-submit")) }
            }
            @if let Some(m) = error {
                p.field-error #user-error role="alert" { (ctx.t(m)) }
            }
            @if page.entries.is_empty() {
                p.empty { (ctx.t("service-audit-empty")) }
            } @else {
                (audit_rows(ctx, &page.entries))
                @if let Some(before) = page.next {
                    nav.pagination aria-label=(ctx.t("pagination")) {
                        a href=(next(0).replace("&before=0", "")) { (ctx.t("pagination-first")) }
                        a href=(next(before)) rel="next" { (ctx.t("pagination-next")) }
                    }
                }
            }
        },
    )
}

/// `GET /service/mail`
pub fn mail(
    ctx: &PageCtx,
    q: &MailQuery,
    mails: &[(u64, QueuedMail)],
    next: Option<u64>,
    waiting: u64,
    sent: u64,
) -> Markup {
    let title = ctx.t("service-mail-title");
    let shows = [
        ("", "filter-all"),
        ("waiting", "service-mail-waiting"),
        ("failed", "service-mail-failed"),
        ("sent", "service-mail-sent"),
        ("returned", "service-mail-bounced"),
    ];
    let saved = match q.saved.as_str() {
        "retried" => Some("service-mail-retried"),
        "sent-already" => Some("service-mail-sent-already"),
        _ => None,
    };
    frame(
        ctx,
        &title,
        Part::Mail,
        html! {
            h1 { (title) }
            @if let Some(id) = saved { (notice("success", &ctx.t(id))) }
            p { (ctx.t_args("service-mail-counts", &args(&[("waiting", &waiting.to_string()), ("sent", &sent.to_string())]))) }
            nav.tabs.small aria-label=(ctx.t("service-mail-show")) {
                ul {
                    @for (v, id) in shows {
                        li { a href={ "/service/mail?show=" (v) } aria-current=[(q.show == v).then_some("page")] { (ctx.t(id)) } }
                    }
                }
            }
            @if mails.is_empty() {
                p.empty { (ctx.t("service-mail-empty")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead { tr {
                            th scope="col" { (ctx.t("service-mail-queued")) }
                            th scope="col" { (ctx.t("service-mail-to")) }
                            th scope="col" { (ctx.t("service-mail-subject")) }
                            th scope="col" { (ctx.t("service-status")) }
                            th scope="col" { (ctx.t("service-mail-error")) }
                            th scope="col" { span.visually-hidden { (ctx.t("service-actions-heading")) } }
                        } }
                        tbody {
                            @for (id, m) in mails {
                                tr {
                                    td { (format::when(m.queued_at)) }
                                    td data-label=(ctx.t("service-mail-to")) { (recipient(&m.mail.to)) }
                                    td data-label=(ctx.t("service-mail-subject")) { (m.mail.subject) }
                                    td data-label=(ctx.t("service-status")) {
                                        @match m.state {
                                            MailState::Sent { at } => {
                                                span.badge.ok { (ctx.t("service-mail-sent")) } br;
                                                span.small.hint { (format::when(at)) }
                                            }
                                            MailState::Bounced { at } => {
                                                span.badge.bad { (ctx.t("service-mail-bounced")) } br;
                                                span.small.hint { (format::when(at)) }
                                            }
                                            MailState::Pending => {
                                                @if m.last_error.is_some() {
                                                    span.badge.bad { (ctx.t("service-mail-failed")) }
                                                } @else {
                                                    span.badge.warn { (ctx.t("service-mail-waiting")) }
                                                }
                                                br;
                                                span.small.hint {
                                                    (ctx.t_args("service-mail-attempts", &args(&[("count", &m.attempts.to_string())])))
                                                    " · " (ctx.t("service-mail-next")) " " (format::when(m.next_attempt_at))
                                                }
                                            }
                                        }
                                    }
                                    td data-label=(ctx.t("service-mail-error")) { @if let Some(e) = &m.last_error { span.small { (e) } } @else { "—" } }
                                    td {
                                        @if m.state == MailState::Pending {
                                            form method="post" action={ "/service/mail/" (id) "/retry" } {
                                                (csrf_field(ctx))
                                                button.button.secondary type="submit" aria-label=(ctx.t_args("service-mail-retry-label", &args(&[("to", &recipient(&m.mail.to))]))) { (ctx.t("service-mail-retry")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if let Some(before) = next {
                    nav.pagination aria-label=(ctx.t("pagination")) {
                        a href={ "/service/mail?show=" (url_encode(&q.show)) } { (ctx.t("pagination-first")) }
                        a href={ "/service/mail?show=" (url_encode(&q.show)) "&before=" (before) } rel="next" { (ctx.t("pagination-next")) }
                    }
                }
            }
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    /// An event's slug, `security`-less: empty for every event.
    pub event: String,
    /// A person's id or e-mail.
    pub user: String,
    pub before: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MailQuery {
    /// `waiting`, `failed`, `sent`, `returned` or empty for all.
    pub show: String,
    pub before: String,
    /// What was just done (`retried`, `sent-already`).
    pub saved: String,
}

/// A mail's recipient as people read it: `Anna Müller <anna@example.com>`, without the
/// quoting and escapes the `To:` header needs.
fn recipient(to: &str) -> String {
    match to.rsplit_once(" <") {
        Some((name, address))
            if name.starts_with('"') && name.ends_with('"') && name.len() >= 2 =>
        {
            let name = name[1..name.len() - 1]
                .replace("\\\"", "\"")
                .replace("\\\\", "\\");
            format!("{name} <{address}")
        }
        _ => to.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn recipients_read_without_header_quoting() {
        assert_eq!(
            super::recipient(r#""Anna Müller" <anna@example.com>"#),
            "Anna Müller <anna@example.com>"
        );
        assert_eq!(
            super::recipient(r#""Anna \"Sonne\" Müller" <anna@example.com>"#),
            r#"Anna "Sonne" Müller <anna@example.com>"#
        );
        assert_eq!(super::recipient("vera@example.com"), "vera@example.com");
    }
}
