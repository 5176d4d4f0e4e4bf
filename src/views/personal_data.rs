//! Personal data: "Download my data" (`/profile/data`) and the service desk's section of
//! a person's page (export, erase).

use maud::{Markup, html};

use super::components::{Errors, Field, csrf_field, notice};
use super::{format, layout};
use crate::i18n::args;
use crate::views::PageCtx;

/// Where an export stands (made by `service::personal_data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportState {
    /// Being made: `done` of `total` requests written.
    Running { done: usize, total: usize },
    /// Ready to download until `until` (unix seconds).
    Ready { until: u64, bytes: u64 },
    /// It failed; asking again starts anew.
    Failed,
}

/// The export's state, with the button that (re)starts it; `action` is where it posts,
/// `download` where the file is.
fn export(ctx: &PageCtx, state: Option<&ExportState>, action: &str, download: &str) -> Markup {
    html! {
        @match state {
            Some(ExportState::Running { done, total }) => {
                label for="export-progress" { (ctx.t("data-progress-label")) }
                progress #export-progress max=((*total).max(1)) value=(done) { (done) " / " (total) }
                p role="status" {
                    (ctx.t_args("data-running", &args(&[("done", &done.to_string()), ("total", &total.to_string())])))
                }
                p.hint { (ctx.t("data-running-hint")) }
            }
            Some(ExportState::Ready { until, bytes }) => {
                p role="status" {
                    (ctx.t_args("data-ready", &args(&[("size", &format::size(*bytes)), ("until", &format::date_time(*until))])))
                }
                p { a.button.primary href=(download) download { (ctx.t("data-download")) } }
                form method="post" action=(action) {
                    (csrf_field(ctx))
                    button.button.secondary type="submit" { (ctx.t("data-again")) }
                }
            }
            Some(ExportState::Failed) | None => {
                @if state.is_some() {
                    (notice("error", &ctx.t_args("data-failed", &args(&[("team", &ctx.config.branding.team_name)]))))
                }
                form method="post" action=(action) {
                    (csrf_field(ctx))
                    button.button.primary type="submit" { (ctx.t("data-prepare")) }
                }
            }
        }
    }
}

/// `GET /profile/data`: the page reloads itself while the file is made (no script).
pub fn own_page(ctx: &PageCtx, state: Option<&ExportState>) -> Markup {
    let title = ctx.t("data-title");
    layout::page(
        ctx,
        &title,
        html! {
            @if matches!(state, Some(ExportState::Running { .. })) {
                meta http-equiv="refresh" content="2";
            }
            p.breadcrumb { a href="/profile" { (ctx.t("nav-profile")) } }
            h1 { (title) }
            section.card {
                p { (ctx.t("data-intro")) }
                (export(ctx, state, "/profile/data", "/profile/data/download"))
            }
        },
    )
}

/// The desk's section of a person's page: their data exported, or the person erased.
pub fn desk_section(
    ctx: &PageCtx,
    id: u64,
    state: Option<&ExportState>,
    (typed, errors): (&str, &Errors),
) -> Markup {
    let base = format!("/service/users/{id}");
    html! {
        section.card #personal-data aria-labelledby="data-heading" {
            h2 #data-heading { (ctx.t("service-data-heading")) }
            div.action {
                h3 { (ctx.t("service-data-export")) }
                p.hint { (ctx.t("service-data-export-hint")) }
                (export(ctx, state, &format!("{base}/data"), &format!("{base}/data/download")))
                @if matches!(state, Some(ExportState::Running { .. })) {
                    p { a href={ (base) "#personal-data" } { (ctx.t("data-reload")) } }
                }
            }
            div.action.danger-zone {
                h3 { (ctx.t("service-erase-heading")) }
                p.hint { (ctx.t("service-erase-hint")) }
                form method="post" action={ (base) "/erase" } novalidate {
                    (csrf_field(ctx))
                    (Field::new("confirm_email", ctx.t("service-erase-confirm"), "email").value(typed)
                        .maxlength(254).autocomplete("off").errors(ctx, errors).render())
                    button.button.danger type="submit" { (ctx.t("service-erase-submit")) }
                }
            }
        }
    }
}
