//! A ticket's page: summary, the details of a replacement request, the thread with its
//! attachments, the progress timeline, the message form, and for the service team the
//! internal notes and the form that moves the ticket on.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::format;
use super::layout;
use super::tickets::status_badge;
use crate::access::{self as policy, Actor};
use crate::domain::catalog::Catalog;
use crate::domain::ticket::{self, TicketStatus};
use crate::i18n::args;
use crate::store::tickets::{Attachment, Replacement, Ticket};
use crate::store::users::User;
use crate::views::PageCtx;

/// The forms of the page as the user last sent them, with their errors.
#[derive(Default)]
pub struct Forms<'a> {
    pub message: Option<(&'a MessageForm, &'a Errors)>,
    pub status: Option<(&'a StatusForm, &'a Errors)>,
    /// The service team, for the assignment form (staff only).
    pub team: &'a [User],
    /// The plant the request is about (id, name), when the viewer may see it.
    pub plant: Option<(u64, &'a str)>,
    /// The service team's saved replies (id, title), to insert one (staff only), and the
    /// one inserted.
    pub replies: &'a [(u64, String, String)],
    pub reply: Option<u64>,
    /// The request's service-level clocks (staff only), drawn by
    /// [`crate::views::service::levels::clocks_card`].
    pub clocks: Option<&'a Markup>,
}

/// The service team's "insert a saved reply" step: a list and a button that loads the
/// page again with the reply in the message field (no script needed). With scripts, the
/// reply picked is inserted at once from its filled-in text kept in a `<template>`
/// (`assets/js/reply-picker.js`).
fn reply_picker(
    ctx: &PageCtx,
    t: &Ticket,
    replies: &[(u64, String, String)],
    picked: Option<u64>,
) -> Markup {
    html! {
        @if !replies.is_empty() {
            form.reply-picker method="get" action={ "/tickets/" (t.id) "#message" } {
                div.field {
                    label for="reply" { (ctx.t("reply-pick")) }
                    select #reply name="reply" {
                        option value="" selected[picked.is_none()] { (ctx.t("select-placeholder")) }
                        @for (id, title, _) in replies {
                            option value=(id) selected[picked == Some(*id)] { (title) }
                        }
                    }
                }
                button.button.secondary type="submit" { (ctx.t("reply-insert")) }
            }
            @for (id, _, text) in replies {
                template id={ "reply-text-" (id) } { (text) }
            }
            script src=(super::assets::url("js/reply-picker.js")) defer {}
        }
    }
}

/// The service team's assignment form: take the ticket, give it to a colleague, or
/// back to nobody.
fn assign_form(ctx: &PageCtx, t: &Ticket, team: &[User]) -> Markup {
    let current = t
        .assignee
        .map(|a| a.to_string())
        .unwrap_or_else(|| "none".to_owned());
    html! {
        section.card aria-labelledby="assign-heading" {
            h2 #assign-heading { (ctx.t("service-assignee")) }
            p {
                @match crate::views::service::staff_name(team, t.assignee) {
                    Some(name) => { (ctx.t_args("service-assigned-to", &args(&[("name", &name)]))) }
                    None => { (ctx.t("service-assigned-nobody")) }
                }
            }
            form method="post" action={ "/service/tickets/" (t.id) "/assign" } {
                (csrf_field(ctx))
                div.field {
                    label for="assignee" { (ctx.t("service-assign-to")) }
                    select #assignee name="assignee" {
                        option value="none" selected[current == "none"] { (ctx.t("service-assignee-none")) }
                        @for u in team {
                            option value=(u.id) selected[current == u.id.to_string()] { (u.full_name()) }
                        }
                    }
                }
                button.button.secondary type="submit" { (ctx.t("service-assign-submit")) }
            }
        }
    }
}

fn attachments(t: &Ticket, files: &[Attachment]) -> Markup {
    html! {
        @if !files.is_empty() {
            ul.attachments {
                @for a in files {
                    li { a href={ "/tickets/" (t.id) "/attachments/" (a.no) } download { (a.name) } " (" (crate::views::format::size(a.size)) ")" }
                }
            }
        }
    }
}

fn replacement_details(ctx: &PageCtx, t: &Ticket, r: &Replacement) -> Markup {
    let product = Catalog::get().product(r.product_id).map_or_else(
        || r.product_id.to_string(),
        crate::views::devices::product_label,
    );
    html! {
        section.card aria-labelledby="replacement-heading" {
            h2 #replacement-heading { (ctx.t("replacement-details")) }
            dl.facts {
                dt { (ctx.t("device-product")) } dd { (product) }
                dt { (ctx.t("replacement-event")) } dd { code { (r.event) } }
                dt { (ctx.t("replacement-failure-date")) } dd { (r.failure_date) }
                dt { (ctx.t("replacement-requester-role")) } dd { (ctx.t(if r.owner { "replacement-role-owner" } else { "replacement-role-installer" })) }
                dt { (ctx.t("replacement-delivery")) } dd { (super::profile::address_text(ctx, &r.delivery)) }
                dt { (ctx.t("replacement-onsite")) } dd { (r.onsite_name) ", " (r.onsite_phone) }
                @if !r.rma.is_empty() { dt { (ctx.t("replacement-rma")) } dd { code { (r.rma) } } }
                @if !r.tracking.is_empty() { dt { (ctx.t("replacement-tracking")) } dd { code { (r.tracking) } } }
                @if let Some(s) = r.new_serial { dt { (ctx.t("replacement-new-serial")) } dd { code { (s) } } }
            }
            @if !r.rma.trim().is_empty() {
                p.no-print { a.button.secondary href={ "/tickets/" (t.id) "/return-slip" } { (ctx.t("print-return-slip")) } }
            }
        }
    }
}

fn status_form(ctx: &PageCtx, t: &Ticket, form: &StatusForm, errors: &Errors) -> Markup {
    let next: Vec<(String, String)> = ticket::next_states(t.kind, t.status)
        .into_iter()
        .map(|s| (s.slug().to_owned(), super::tickets::status_word(ctx, s)))
        .collect();
    let replacement = t.replacement.is_some();
    html! {
        section.card #status aria-labelledby="status-heading" {
            h2 #status-heading { (ctx.t("ticket-move")) }
            @if next.is_empty() {
                p.empty { (ctx.t("ticket-move-none")) }
            } @else {
                (error_summary(ctx, errors))
                form method="post" action={ "/tickets/" (t.id) "/status" } novalidate {
                    (csrf_field(ctx))
                    (Field::new("to", ctx.t("ticket-move-to"), "").value(&form.to).errors(ctx, errors)
                        .select(&next, Some(&ctx.t("select-placeholder"))))
                    @if replacement {
                        (Field::new("rma", ctx.t("replacement-rma"), "text").value(&form.rma).optional()
                            .hint(ctx.t("replacement-rma-hint")).maxlength(40).errors(ctx, errors).render())
                        (Field::new("tracking", ctx.t("replacement-tracking"), "text").value(&form.tracking).optional()
                            .hint(ctx.t("replacement-tracking-hint")).maxlength(60).errors(ctx, errors).render())
                        (Field::new("new_serial", ctx.t("replacement-new-serial"), "text").value(&form.new_serial).optional()
                            .hint(ctx.t("replacement-new-serial-hint")).maxlength(20).autocomplete("off").errors(ctx, errors).render())
                    }
                    p.hint { (ctx.t("ticket-move-mail")) }
                    button.button.primary type="submit" { (ctx.t("ticket-move-submit")) }
                }
            }
        }
    }
}

/// `GET /tickets/{id}`
pub fn detail(ctx: &PageCtx, actor: &Actor, t: &Ticket, forms: &Forms<'_>, saved: &str) -> Markup {
    let staff = policy::can_handle_tickets(actor);
    let title = ctx.t_args("ticket-title", &args(&[("number", &t.number)]));
    let saved = match saved {
        "created" => Some(ctx.t_args("ticket-saved-created", &args(&[("number", &t.number)]))),
        "message" => Some(ctx.t("ticket-saved-message")),
        "note" => Some(ctx.t("ticket-saved-note")),
        "assigned" => Some(ctx.t("service-saved-assigned")),
        "status" => Some(ctx.t_args(
            "ticket-saved-status",
            &args(&[("status", &super::tickets::status_word(ctx, t.status))]),
        )),
        _ => None,
    };
    let empty_message = MessageForm::default();
    let no_errors = Errors::new();
    let (message, message_errors) = forms.message.unwrap_or((&empty_message, &no_errors));
    let empty_status = StatusForm::default();
    let (status, status_errors) = forms.status.unwrap_or((&empty_status, &no_errors));
    let body = html! {
        p.breadcrumb {
            @if staff { a href="/service/tickets" { (ctx.t("service-queue-title")) } }
            @else { a href="/tickets" { (ctx.t("nav-tickets")) } }
            " › " (t.number)
        }
        @if let Some(text) = saved { (notice("success", &text)) }
        section.card.summary aria-labelledby="ticket-heading" {
            h1 #ticket-heading { (title) " " (status_badge(ctx, t.status)) }
            dl.facts {
                dt { (ctx.t("ticket-subject")) } dd { (t.subject) }
                dt { (ctx.t("ticket-kind")) } dd {
                    (ctx.t(t.kind.message_id()))
                    @if let Some(topic) = t.topic.as_deref().filter(|_| t.kind == crate::domain::ticket::TicketKind::Contact) {
                        " · " (ctx.t(&format!("topic-{topic}")))
                    }
                }
                @if let Some(s) = t.serial { dt { (ctx.t("device-serial")) } dd { code { (s) } } }
                @if let Some((id, name)) = forms.plant { dt { (ctx.t("plant-name")) } dd { a href={ "/plants/" (id) } { (name) } } }
                dt { (ctx.t("ticket-requester")) } dd {
                    @match (staff, t.requester) {
                        (true, Some(u)) => { a href={ "/service/users/" (u) } { (t.requester_name) } }
                        _ => { (t.requester_name) }
                    }
                    @if staff { " · " a href={ "mailto:" (t.requester_email) } { (t.requester_email) } }
                }
                dt { (ctx.t("ticket-created")) } dd { (format::when(t.created_at)) }
                dt { (ctx.t("ticket-updated")) } dd { (format::when(t.updated_at)) }
            }
        }
        @if let Some(r) = &t.replacement { (replacement_details(ctx, t, r)) }
        div.columns {
            section.card #thread aria-labelledby="thread-heading" {
                h2 #thread-heading { (ctx.t("ticket-thread")) }
                ol.thread {
                    @for m in t.messages.iter().filter(|m| staff || !m.internal) {
                        li.staff[m.from_staff].internal[m.internal] {
                            p.meta {
                                strong { (m.author_name) }
                                @if m.from_staff { " " span.badge { (ctx.config.branding.team_name) } }
                                @if m.internal { " " span.badge.warn { (ctx.t("ticket-internal-note")) } }
                                " · " (format::when(m.at))
                            }
                            div.text { @for line in m.text.lines() { (line) br; } }
                            (attachments(t, &m.attachments))
                        }
                    }
                }
                @if t.status.is_open() || staff {
                    @if staff { (reply_picker(ctx, t, forms.replies, forms.reply)) }
                    (error_summary(ctx, message_errors))
                    form method="post" action={ "/tickets/" (t.id) "/messages" } enctype="multipart/form-data" novalidate {
                        (csrf_field(ctx))
                        (Field::new("message", ctx.t("ticket-reply"), "").value(&message.message).maxlength(5000).errors(ctx, message_errors).textarea())
                        @if staff {
                            @if let Some(to) = TicketStatus::from_slug(&message.then_state) {
                                (checkbox(ctx, "then", html! { (ctx.t_args("reply-then-checkbox", &args(&[("status", &super::tickets::status_word(ctx, to))]))) }, message.then == "on", message_errors))
                                input type="hidden" name="then_state" value=(message.then_state);
                            }
                        }
                        (Field::new("file", ctx.t("ticket-files"), "file").optional()
                            .hint(ctx.t_args("ticket-files-hint", &args(&[("count", &MAX_FILES.to_string()), ("mb", &ctx.config.uploads.max_document_mb.to_string())])))
                            .multiple().errors(ctx, message_errors).render())
                        @if staff {
                            (checkbox(ctx, "internal", html! { (ctx.t("ticket-internal-checkbox")) }, message.internal == "on", message_errors))
                        }
                        button.button.primary type="submit" { (ctx.t("ticket-reply-submit")) }
                    }
                }
            }
            div {
                @if let Some(clocks) = forms.clocks { (clocks) }
                @if staff {
                    (assign_form(ctx, t, forms.team))
                    (status_form(ctx, t, status, status_errors))
                }
                section.card aria-labelledby="history-heading" {
                    h2 #history-heading { (ctx.t("ticket-history")) }
                    ol.timeline {
                        @for h in &t.history {
                            li {
                                (status_badge(ctx, h.to))
                                p.small { (format::when(h.at)) " · " (h.by) }
                            }
                        }
                    }
                    @if t.status == TicketStatus::AwaitingReturn {
                        p.notice.info { (ctx.t("replacement-awaiting-return")) }
                    }
                }
            }
        }
    };
    // The service team reads a request inside the service desk, its tabs kept.
    if staff {
        crate::views::service::frame(ctx, &title, crate::views::service::Part::Queue, body)
    } else {
        layout::page(ctx, &title, body)
    }
}

/// Files per message.
pub const MAX_FILES: usize = 5;

/// What the message form sends (besides its files).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub message: String,
    /// `on` for an internal note of the service team.
    pub internal: String,
    /// The state a saved reply moves the request to when the message is sent (its
    /// slug), or empty; `then` is `on` while its box is ticked.
    pub then_state: String,
    pub then: String,
}

/// What the service team's status form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub to: String,
    pub rma: String,
    pub tracking: String,
    pub new_serial: String,
}
