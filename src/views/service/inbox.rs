//! Incoming mail in the service desk: where it is read from, and the messages held aside
//! (unreadable, too large, too many from one sender, not stored) with why and a retry.

use maud::{Markup, html};
use serde::Deserialize;

use super::{Part, frame};
use crate::i18n::args;
use crate::store::inbox::HeldMessage;
use crate::views::PageCtx;
use crate::views::components::{csrf_field, notice};
use crate::views::format;

/// `GET /service/inbox` query.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InboxQuery {
    /// What was just done (`retried`, `gone`).
    pub saved: String,
}

/// Where incoming mail comes from, as the page states it.
#[derive(Debug)]
pub struct Source {
    /// The Maildir read, or `None`.
    pub maildir: Option<String>,
    /// The IMAP folder read (`folder` of `user@host`), or `None`.
    pub imap: Option<String>,
    /// The service address, when one is set.
    pub address: Option<String>,
    /// Whether the mailbox could be read when last tried; `None` before the first try.
    pub reading: Option<Reading>,
}

/// The reader's last finding about the mailbox.
#[derive(Debug)]
pub enum Reading {
    /// Read without trouble since then (unix seconds).
    Works { since: u64 },
    /// Failing since then, for this reason (the server's answer or the network's error).
    Fails { since: u64, reason: String },
}

/// `GET /service/inbox`
pub fn inbox(
    ctx: &PageCtx,
    q: &InboxQuery,
    source: &Source,
    held: &[(u64, HeldMessage)],
) -> Markup {
    let title = ctx.t("service-inbox-title");
    let saved = match q.saved.as_str() {
        "retried" => Some(("success", "service-inbox-retried")),
        "gone" => Some(("info", "service-inbox-gone")),
        _ => None,
    };
    frame(
        ctx,
        &title,
        Part::Inbox,
        html! {
            h1 { (title) }
            @if let Some((kind, id)) = saved { (notice(kind, &ctx.t(id))) }
            @match (&source.maildir, &source.imap) {
                (Some(path), _) => p { (ctx.t("service-inbox-reads")) " " code { (path) } },
                (None, Some(folder)) => p { (ctx.t("service-inbox-reads-imap")) " " code { (folder) } },
                (None, None) => p { (ctx.t("service-inbox-off")) },
            }
            @match &source.reading {
                Some(Reading::Works { since }) => p {
                    (ctx.t_args("service-inbox-works", &args(&[("since", &format::date_time(*since))])))
                },
                Some(Reading::Fails { since, reason }) => div.notice.error role="alert" {
                    p { (ctx.t_args("service-inbox-fails", &args(&[("since", &format::date_time(*since))]))) }
                    p { code { (reason) } }
                },
                None => {},
            }
            @match &source.address {
                Some(address) => p { (ctx.t("service-inbox-address")) " " code { (address) } },
                None => p.hint { (ctx.t("service-inbox-no-address")) },
            }
            details.how-to {
                summary { (ctx.t("service-inbox-connect")) }
                p { (ctx.t("service-inbox-connect-imap")) }
                p { (ctx.t("service-inbox-connect-maildir")) }
                p { (ctx.t("service-inbox-connect-address")) }
            }
            h2 { (ctx.t("service-inbox-held")) }
            p.hint { (ctx.t("service-inbox-held-intro")) }
            @if held.is_empty() {
                p.empty { (ctx.t("service-inbox-empty")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead { tr {
                            th scope="col" { (ctx.t("service-inbox-when")) }
                            th scope="col" { (ctx.t("service-inbox-from")) }
                            th scope="col" { (ctx.t("service-mail-subject")) }
                            th scope="col" { (ctx.t("service-inbox-size")) }
                            th scope="col" { (ctx.t("service-inbox-reason")) }
                            th scope="col" { span.visually-hidden { (ctx.t("service-actions-heading")) } }
                        } }
                        tbody {
                            @for (id, m) in held {
                                tr {
                                    td { (format::when(m.at)) }
                                    td data-label=(ctx.t("service-inbox-from")) { @if m.from.is_empty() { "—" } @else { (m.from) } }
                                    td data-label=(ctx.t("service-mail-subject")) { @if m.subject.is_empty() { "—" } @else { (m.subject) } }
                                    td data-label=(ctx.t("service-inbox-size")) { (format::size(m.size)) }
                                    td data-label=(ctx.t("service-inbox-reason")) {
                                        span.badge.bad { (ctx.t(&format!("service-inbox-reason-{}", m.reason.slug()))) }
                                    }
                                    td {
                                        a href={ "/service/inbox/" (id) "/message" } aria-label=(ctx.t_args("service-inbox-download-label", &args(&[("file", &m.file)]))) { (ctx.t("service-inbox-download")) }
                                        " "
                                        form.inline method="post" action={ "/service/inbox/" (id) "/retry" } {
                                            (csrf_field(ctx))
                                            button.button.secondary type="submit" aria-label=(ctx.t_args("service-inbox-retry-label", &args(&[("file", &m.file)]))) { (ctx.t("service-inbox-retry")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
