//! Webhooks (`/webhooks`): the endpoints of a company (for its administrators) or of the
//! service team, the form that registers one, and an endpoint's page with its signing
//! secret, its recent deliveries (state, answer, time taken; each can be sent again), its
//! settings, pausing and deletion.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::format;
use super::layout;
use crate::domain::webhook::HookEvent;
use crate::store::webhooks::{Delivery, Endpoint};
use crate::views::PageCtx;

/// The service desk's frame for the service team, the portal's for an administrator.
fn frame(ctx: &PageCtx, title: &str, body: Markup) -> Markup {
    if ctx.viewer.as_ref().is_some_and(|a| a.is_staff()) {
        super::service::frame(ctx, title, super::service::Part::Webhooks, body)
    } else {
        layout::page(ctx, title, body)
    }
}

/// What the endpoint form sends (a box not ticked is not sent at all).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EndpointForm {
    pub url: String,
    pub request_created: String,
    pub request_state_changed: String,
    pub request_message_added: String,
    pub plant_created: String,
    pub device_registered: String,
    pub device_swapped: String,
}

/// The form field of an event's box.
fn field(event: HookEvent) -> &'static str {
    match event {
        HookEvent::RequestCreated => "request_created",
        HookEvent::RequestStateChanged => "request_state_changed",
        HookEvent::RequestMessageAdded => "request_message_added",
        HookEvent::PlantCreated => "plant_created",
        HookEvent::DeviceRegistered => "device_registered",
        HookEvent::DeviceSwapped => "device_swapped",
    }
}

/// The translation id of an event's description.
fn described(event: HookEvent) -> String {
    format!("webhook-event-{}", field(event).replace('_', "-"))
}

impl EndpointForm {
    /// Whether the box of `event` is ticked.
    pub fn has(&self, event: HookEvent) -> bool {
        let value = match event {
            HookEvent::RequestCreated => &self.request_created,
            HookEvent::RequestStateChanged => &self.request_state_changed,
            HookEvent::RequestMessageAdded => &self.request_message_added,
            HookEvent::PlantCreated => &self.plant_created,
            HookEvent::DeviceRegistered => &self.device_registered,
            HookEvent::DeviceSwapped => &self.device_swapped,
        };
        value == "on"
    }

    /// The form as it first shows: a new request and its changes of state ticked.
    pub fn initial() -> Self {
        EndpointForm {
            request_created: "on".into(),
            request_state_changed: "on".into(),
            ..Default::default()
        }
    }

    /// The form filled with an endpoint's settings.
    pub fn of(endpoint: &Endpoint) -> Self {
        let on = |e| {
            if endpoint.events.contains(&e) {
                "on".to_owned()
            } else {
                String::new()
            }
        };
        EndpointForm {
            url: endpoint.url.clone(),
            request_created: on(HookEvent::RequestCreated),
            request_state_changed: on(HookEvent::RequestStateChanged),
            request_message_added: on(HookEvent::RequestMessageAdded),
            plant_created: on(HookEvent::PlantCreated),
            device_registered: on(HookEvent::DeviceRegistered),
            device_swapped: on(HookEvent::DeviceSwapped),
        }
    }
}

/// The URL and the events' boxes, with their errors.
fn fields(ctx: &PageCtx, form: &EndpointForm, errors: &Errors) -> Markup {
    html! {
        (Field::new("url", ctx.t("webhook-url"), "url").value(&form.url)
            .hint(ctx.t("webhook-url-hint")).maxlength(500).autocomplete("off")
            .errors(ctx, errors).render())
        fieldset.has-error[errors.get("events").is_some()] aria-describedby=[errors.get("events").map(|_| "events-error")] {
            legend { (ctx.t("webhook-events")) }
            @if let Some(message) = errors.get("events") {
                p.field-error #events-error { span.icon aria-hidden="true" { "⚠" } " " (ctx.t(message)) }
            }
            @for event in HookEvent::ALL {
                (checkbox(ctx, field(event), html! { code { (event.name()) } " — " span.hint { (ctx.t(&described(event))) } }, form.has(event), errors))
            }
        }
    }
}

/// An endpoint's state as a badge.
fn state(ctx: &PageCtx, endpoint: &Endpoint) -> Markup {
    html! {
        @if endpoint.paused_at.is_some() {
            span.badge.bad { (ctx.t("webhook-state-paused")) }
        } @else if endpoint.failing_since.is_some() {
            span.badge.warn { (ctx.t("webhook-state-failing")) }
        } @else {
            span.badge.ok { (ctx.t("webhook-state-active")) }
        }
    }
}

/// `/webhooks`: the endpoints of the scope (`everything`: the service team's) and the
/// form for a new one.
pub fn list(
    ctx: &PageCtx,
    endpoints: &[(u64, Endpoint)],
    everything: bool,
    (form, errors): (&EndpointForm, &Errors),
    saved: &str,
) -> Markup {
    let title = ctx.t("webhooks-title");
    let body = html! {
        h1 { (title) }
        @if saved == "deleted" {
            (notice("success", &ctx.t("saved-webhook-deleted")))
        }
        p.lead {
            @if everything { (ctx.t("webhooks-intro-staff")) } @else { (ctx.t("webhooks-intro-company")) }
            " " a href="/help/api#webhooks" { (ctx.t("webhooks-how")) }
        }
        section.card #endpoints aria-labelledby="endpoints-heading" {
            h2 #endpoints-heading { (ctx.t("webhooks-yours")) }
            @if endpoints.is_empty() {
                p.empty { (ctx.t("webhooks-none")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                th scope="col" { (ctx.t("webhook-url")) }
                                th scope="col" { (ctx.t("webhook-events")) }
                                th scope="col" { (ctx.t("webhook-state")) }
                                th scope="col" { (ctx.t("webhook-created")) }
                            }
                        }
                        tbody {
                            @for (id, e) in endpoints {
                                tr {
                                    td { a href={ "/webhooks/" (id) } { (e.url) } }
                                    td data-label=(ctx.t("webhook-events")) {
                                        @for (i, ev) in e.events.iter().enumerate() {
                                            @if i > 0 { ", " }
                                            code { (ev.name()) }
                                        }
                                    }
                                    td data-label=(ctx.t("webhook-state")) { (state(ctx, e)) }
                                    td data-label=(ctx.t("webhook-created")) { (format::when_date(e.created_at)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card #new-endpoint aria-labelledby="new-endpoint-heading" {
            h2 #new-endpoint-heading { (ctx.t("webhook-new")) }
            (error_summary(ctx, errors))
            form method="post" action="/webhooks" novalidate {
                (csrf_field(ctx))
                (fields(ctx, form, errors))
                button.button.primary type="submit" { (ctx.t("webhook-create")) }
            }
        }
    };
    frame(ctx, &title, body)
}

/// What became of a delivery, in words.
fn delivery_state(ctx: &PageCtx, endpoint: &Endpoint, d: &Delivery) -> Markup {
    html! {
        @if d.delivered_at.is_some() {
            span.badge.ok { (ctx.t("webhook-delivery-delivered")) }
        } @else if let Some(at) = d.next_at {
            span.badge.warn { (ctx.t("webhook-delivery-pending")) }
            @if d.attempts > 0 { " " span.hint { (ctx.t("webhook-delivery-next")) " " (format::when(at)) } }
        } @else if endpoint.paused_at.is_some() {
            span.badge.bad { (ctx.t("webhook-delivery-held")) }
        } @else {
            span.badge.bad { (ctx.t("webhook-delivery-failed")) }
        }
    }
}

/// The last answer to a delivery: its status or why there was none.
fn answer(ctx: &PageCtx, d: &Delivery) -> Markup {
    html! {
        @match &d.last {
            None => { "—" }
            Some(a) => {
                @match (a.status, &a.error) {
                    (_, Some(code)) => { (ctx.t(&format!("webhook-failure-{code}"))) }
                    (Some(status), None) => { "HTTP " (status) }
                    (None, None) => { "—" }
                }
            }
        }
    }
}

/// `/webhooks/{id}`: the endpoint, its secret, its recent deliveries and its settings.
pub fn endpoint(
    ctx: &PageCtx,
    (id, endpoint): (u64, &Endpoint),
    deliveries: &[(u64, Delivery)],
    (form, errors): (&EndpointForm, &Errors),
    saved: &str,
) -> Markup {
    let title = ctx.t("webhook-title");
    let base = format!("/webhooks/{id}");
    let body = html! {
        p.breadcrumb { a href="/webhooks" { (ctx.t("webhooks-title")) } }
        h1 { (title) }
        p.lead { code.wrap { (endpoint.url) } " " (state(ctx, endpoint)) }
        @match saved {
            "saved" => (notice("success", &ctx.t("saved-webhook"))),
            "created" => (notice("success", &ctx.t("saved-webhook-created"))),
            "resent" => (notice("success", &ctx.t("saved-webhook-resent"))),
            "paused" => (notice("success", &ctx.t("saved-webhook-paused"))),
            "resumed" => (notice("success", &ctx.t("saved-webhook-resumed"))),
            _ => {}
        }
        @if let Some(at) = endpoint.paused_at {
            div.notice.warning {
                p { (ctx.t("webhook-paused-since")) " " (format::when(at)) }
                form method="post" action={ (base) "/resume" } {
                    (csrf_field(ctx))
                    button.button.primary type="submit" { (ctx.t("webhook-resume")) }
                }
            }
        } @else if let Some(since) = endpoint.failing_since {
            div.notice.warning { p { (ctx.t("webhook-failing-since")) " " (format::when(since)) } }
        }
        section.card #secret aria-labelledby="secret-heading" {
            h2 #secret-heading { (ctx.t("webhook-secret")) }
            p { (ctx.t("webhook-secret-intro")) }
            p.secret-key {
                span.visually-hidden { (ctx.t("webhook-secret")) ": " }
                code #webhook-secret { (endpoint.secret) }
            }
        }
        section.card #deliveries aria-labelledby="deliveries-heading" {
            h2 #deliveries-heading { (ctx.t("webhook-deliveries")) }
            @if deliveries.is_empty() {
                p.empty { (ctx.t("webhook-deliveries-none")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                th scope="col" { (ctx.t("webhook-delivery-event")) }
                                th scope="col" { (ctx.t("webhook-delivery-at")) }
                                th scope="col" { (ctx.t("webhook-delivery-state")) }
                                th scope="col" { (ctx.t("webhook-delivery-answer")) }
                                th scope="col" { (ctx.t("webhook-delivery-time")) }
                                th scope="col" { (ctx.t("webhook-delivery-attempts")) }
                                th scope="col" { (ctx.t("sessions-actions")) }
                            }
                        }
                        tbody {
                            @for (no, d) in deliveries {
                                tr {
                                    td.delivery-key { code { (d.event.name()) } br; span.hint { (d.key) } }
                                    td data-label=(ctx.t("webhook-delivery-at")) { (format::when(d.created_at)) }
                                    td data-label=(ctx.t("webhook-delivery-state")) { (delivery_state(ctx, endpoint, d)) }
                                    td data-label=(ctx.t("webhook-delivery-answer")) { (answer(ctx, d)) }
                                    td data-label=(ctx.t("webhook-delivery-time")) {
                                        @match &d.last { Some(a) if a.status.is_some() => { (a.millis) " ms" } _ => { "—" } }
                                    }
                                    td data-label=(ctx.t("webhook-delivery-attempts")) { (d.attempts) }
                                    td {
                                        @if endpoint.paused_at.is_none() {
                                        form method="post" action={ (base) "/deliveries/" (no) "/resend" } {
                                            (csrf_field(ctx))
                                            button.button type="submit"
                                                aria-label=(ctx.t_args("webhook-resend-label", &crate::i18n::args(&[("id", d.key.as_str())]))) {
                                                (ctx.t("webhook-resend"))
                                            }
                                        }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card #settings aria-labelledby="settings-heading" {
            h2 #settings-heading { (ctx.t("webhook-settings")) }
            (error_summary(ctx, errors))
            form method="post" action=(base) novalidate {
                (csrf_field(ctx))
                (fields(ctx, form, errors))
                button.button.primary type="submit" { (ctx.t("profile-save")) }
            }
        }
        section.card #stop aria-labelledby="stop-heading" {
            h2 #stop-heading { (ctx.t("webhook-stop")) }
            div.actions {
                @if endpoint.paused_at.is_none() {
                    form method="post" action={ (base) "/pause" } {
                        (csrf_field(ctx))
                        button.button type="submit" { (ctx.t("webhook-pause")) }
                    }
                }
                form method="post" action={ (base) "/delete" } {
                    (csrf_field(ctx))
                    button.button.danger type="submit" { (ctx.t("webhook-delete")) }
                }
            }
        }
    };
    frame(ctx, &title, body)
}
