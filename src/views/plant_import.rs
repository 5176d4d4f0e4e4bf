//! "Import from Sunny Portal": the upload form, the progress of the check, the preview
//! with every refused row, the result.

use maud::{Markup, html};

use super::components::{Errors, Field, csrf_field, error_summary, notice};
use super::layout;
use crate::i18n::args;
use crate::import::plan::{PlantPlan, Preview};
use crate::import::{Place, Problem};
use crate::store::imports::{ImportRecord, Outcome};
use crate::views::PageCtx;

/// "3 devices to add" and the like, with the language's plural.
fn count(ctx: &PageCtx, id: &str, n: impl ToString) -> String {
    ctx.t_args(id, &args(&[("count", &n.to_string())]))
}

/// Devices listed per plant in the preview (the rest are counted).
const DEVICES_SHOWN: usize = 100;
/// Refused rows listed (the rest are counted).
const PROBLEMS_SHOWN: usize = 1000;

fn frame(ctx: &PageCtx, title: &str, body: Markup) -> Markup {
    layout::page(
        ctx,
        title,
        html! {
            p.breadcrumb { a href="/plants" { (ctx.t("nav-plants")) } " › " (ctx.t("import-title")) }
            h1 { (title) }
            (body)
        },
    )
}

/// `GET /plants/import`
pub fn upload(ctx: &PageCtx, errors: &Errors) -> Markup {
    let mb = ctx.config.plants.import_max_mb.to_string();
    let countries = ctx.config.plants.registration_countries.join(", ");
    frame(
        ctx,
        &ctx.t("import-title"),
        html! {
            div.narrow.wide {
                p.lead { (ctx.t("import-intro")) }
                (error_summary(ctx, errors))
                form.card method="post" action="/plants/import" enctype="multipart/form-data" novalidate {
                    (csrf_field(ctx))
                    (Field::new("file", ctx.t("import-file"), "file")
                        .hint(ctx.t_args("import-file-hint", &args(&[("mb", &mb)])))
                        .accept(".csv,.json,.txt,text/csv,application/json").errors(ctx, errors).render())
                    p.hint { (ctx.t("import-nothing-yet")) }
                    button.button.primary type="submit" { (ctx.t("import-submit")) }
                }
                section.card aria-labelledby="formats-heading" {
                    h2 #formats-heading { (ctx.t("import-formats-heading")) }
                    p { (ctx.t("import-formats-csv")) }
                    pre.small { code { "sep=;\nplant_id;plant_name;country;postal_code;city;street;commissioning_date;latitude;longitude;device_serial;product;product_id;device_name;subplant;startup_date" } }
                    p { (ctx.t("import-formats-json")) }
                    p { (ctx.t_args("import-formats-rules", &args(&[("countries", &countries)]))) }
                }
            }
        },
    )
}

/// While the file is checked: a progress bar; the page reloads itself every second
/// (no script needed).
pub fn progress(ctx: &PageCtx, record: &ImportRecord, done: usize, total: usize) -> Markup {
    let title = ctx.t("import-checking-title");
    layout::page(
        ctx,
        &title,
        html! {
            meta http-equiv="refresh" content="1";
            p.breadcrumb { a href="/plants" { (ctx.t("nav-plants")) } " › " (ctx.t("import-title")) }
            h1 { (title) }
            section.card {
                p { (ctx.t_args("import-checking-file", &args(&[("file", &record.file_name)]))) }
                label for="import-progress" { (ctx.t("import-progress-label")) }
                progress #import-progress max=(total.max(1)) value=(done) { (done) " / " (total) }
                p role="status" { (ctx.t_args("import-progress", &args(&[("done", &done.to_string()), ("total", &total.to_string())]))) }
                p.hint { (ctx.t("import-progress-hint")) " " a href={ "/plants/import/" (record.id) } { (ctx.t("import-progress-reload")) } }
            }
        },
    )
}

/// A check that a restart interrupted.
pub fn interrupted(ctx: &PageCtx, record: &ImportRecord) -> Markup {
    frame(
        ctx,
        &ctx.t("import-title"),
        html! {
            section.card {
                p { (ctx.t_args("import-interrupted", &args(&[("file", &record.file_name)]))) }
                a.button.primary href="/plants/import" { (ctx.t("import-again")) }
            }
        },
    )
}

/// Where a problem is, in words.
pub fn place(ctx: &PageCtx, place: Place) -> String {
    match place {
        Place::File => ctx.t("import-place-file"),
        Place::Line(n) => ctx.t_args("import-place-line", &args(&[("line", &n.to_string())])),
        Place::Plant(p) => ctx.t_args("import-place-plant", &args(&[("plant", &p.to_string())])),
        Place::Device(p, d) => ctx.t_args(
            "import-place-device",
            &args(&[("plant", &p.to_string()), ("device", &d.to_string())]),
        ),
    }
}

fn problems(ctx: &PageCtx, problems: &[Problem]) -> Markup {
    html! {
        section.card #problems aria-labelledby="problems-heading" {
            h2 #problems-heading { (ctx.t_args("import-problems-heading", &args(&[("count", &problems.len().to_string())]))) }
            p.hint { (ctx.t("import-problems-hint")) }
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("import-where")) }
                        th scope="col" { (ctx.t("import-reason")) }
                    } }
                    tbody {
                        @for p in problems.iter().take(PROBLEMS_SHOWN) {
                            tr {
                                td { (place(ctx, p.place)) }
                                td { (ctx.t_args(&format!("import-problem-{}", p.reason.slug()), &args(&[("detail", &p.detail)]))) }
                            }
                        }
                    }
                }
            }
            @if problems.len() > PROBLEMS_SHOWN {
                p { (ctx.t_args("import-more", &args(&[("count", &(problems.len() - PROBLEMS_SHOWN).to_string())]))) }
            }
        }
    }
}

fn plant_card(ctx: &PageCtx, plan: &PlantPlan) -> Markup {
    let catalog = crate::domain::catalog::Catalog::get();
    html! {
        section.card aria-label=(plan.name) {
            h3 {
                (plan.name) " "
                @if let Some(id) = plan.existing {
                    span.badge.warn { (ctx.t("import-plant-update")) }
                    " " a.small href={ "/plants/" (id) } { (ctx.t("import-open-plant")) }
                } @else {
                    span.badge.ok { (ctx.t("import-plant-new")) }
                }
            }
            p.small.hint { (plan.street) ", " (plan.postal_code) " " (plan.city) " (" (plan.country) ") · " (ctx.t("import-portal-id")) " " code { (plan.portal_id) } }
            p {
                (ctx.t_args("import-plant-summary", &args(&[
                    ("devices", &count(ctx, "import-n-devices-to-add", plan.devices.len())),
                    ("known", &count(ctx, "import-n-known", plan.known)),
                    ("subplants", &count(ctx, "import-n-new-subplants", plan.new_subplants.len())),
                ])))
            }
            @if !plan.new_subplants.is_empty() {
                p.small { (ctx.t("import-new-subplants")) " " (plan.new_subplants.join(", ")) }
            }
            @if !plan.missing.is_empty() {
                div.notice.warning {
                    (ctx.t_args("import-missing", &args(&[("count", &plan.missing.len().to_string())])))
                    " " @for (i, s) in plan.missing.iter().take(20).enumerate() { @if i > 0 { ", " } code { (s) } }
                    @if plan.missing.len() > 20 { " …" }
                }
            }
            @if !plan.devices.is_empty() {
                details open[plan.devices.len() <= 20] {
                    summary { (ctx.t("import-devices-list")) }
                    div.table-wrap {
                        table {
                            thead { tr {
                                th scope="col" { (ctx.t("import-where")) }
                                th scope="col" { (ctx.t("device-serial")) }
                                th scope="col" { (ctx.t("device-product")) }
                                th scope="col" { (ctx.t("import-device-name")) }
                                th scope="col" { (ctx.t("import-subplant")) }
                            } }
                            tbody {
                                @for d in plan.devices.iter().take(DEVICES_SHOWN) {
                                    tr {
                                        td.small { (place(ctx, d.place)) }
                                        td { code { (d.serial) } }
                                        td { @if let Some(p) = catalog.product(d.product_id) { (p.name) } }
                                        td { (d.name) }
                                        td { (d.subplant) }
                                    }
                                }
                            }
                        }
                    }
                    @if plan.devices.len() > DEVICES_SHOWN {
                        p { (ctx.t_args("import-more-devices", &args(&[("count", &(plan.devices.len() - DEVICES_SHOWN).to_string())]))) }
                    }
                }
            }
        }
    }
}

/// The preview: what will be created or updated, every refused row, confirm or cancel.
pub fn preview(ctx: &PageCtx, record: &ImportRecord, preview: &Preview) -> Markup {
    let new = preview
        .plants
        .iter()
        .filter(|p| p.existing.is_none())
        .count();
    let updated = preview.plants.len() - new;
    frame(
        ctx,
        &ctx.t("import-preview-title"),
        html! {
            p.lead {
                (ctx.t_args("import-preview-summary", &args(&[
                    ("file", &record.file_name),
                    ("new", &count(ctx, "import-n-new-plants", new)),
                    ("updated", &count(ctx, "import-n-updated-plants", updated)),
                    ("devices", &count(ctx, "import-n-devices-to-add", preview.device_count())),
                    ("refused", &count(ctx, "import-n-rows-refused", preview.problems.len())),
                ])))
            }
            @if preview.plants.is_empty() {
                (notice("error", &ctx.t("import-nothing-to-take")))
            } @else {
                p.hint { (ctx.t("import-preview-hint")) }
            }
            div.actions {
                @if !preview.plants.is_empty() {
                    form method="post" action={ "/plants/import/" (record.id) "/confirm" } {
                        (csrf_field(ctx))
                        button.button.primary type="submit" { (ctx.t("import-confirm")) }
                    }
                }
                form method="post" action={ "/plants/import/" (record.id) "/cancel" } {
                    (csrf_field(ctx))
                    button.button.secondary type="submit" { (ctx.t("import-cancel")) }
                }
            }
            @if !preview.problems.is_empty() { (problems(ctx, &preview.problems)) }
            @if !preview.plants.is_empty() {
                h2 { (ctx.t("import-plants-heading")) }
                @for plan in &preview.plants { (plant_card(ctx, plan)) }
            }
        },
    )
}

/// What the import did, with links to the plants.
pub fn result(ctx: &PageCtx, record: &ImportRecord, outcome: &Outcome) -> Markup {
    let list = |items: &[crate::store::imports::Applied]| {
        html! {
            ul.plain {
                @for a in items {
                    li {
                        a href={ "/plants/" (a.plant) } { (a.name) } " · "
                        (ctx.t_args("import-result-plant", &args(&[
                            ("devices", &count(ctx, "import-n-devices-added", a.devices_added)),
                            ("subplants", &count(ctx, "import-n-new-subplants", a.subplants_added)),
                        ])))
                        @if a.missing > 0 {
                            " · " (ctx.t_args("import-missing", &args(&[("count", &a.missing.to_string())])))
                        }
                    }
                }
            }
        }
    };
    frame(
        ctx,
        &ctx.t("import-result-title"),
        html! {
            (notice("success", &ctx.t_args("import-result-summary", &args(&[
                ("file", &record.file_name),
                ("created", &count(ctx, "import-n-created", outcome.created.len())),
                ("updated", &count(ctx, "import-n-updated", outcome.updated.len())),
                ("skipped", &count(ctx, "import-n-skipped", outcome.skipped.len() as u64 + u64::from(outcome.refused_rows))),
            ]))))
            @if !outcome.created.is_empty() {
                section.card {
                    h2 { (ctx.t("import-result-created")) }
                    (list(&outcome.created))
                }
            }
            @if !outcome.updated.is_empty() {
                section.card {
                    h2 { (ctx.t("import-result-updated")) }
                    (list(&outcome.updated))
                }
            }
            @if !outcome.skipped.is_empty() || outcome.refused_rows > 0 {
                section.card {
                    h2 { (ctx.t("import-result-skipped")) }
                    @if outcome.refused_rows > 0 {
                        p { (ctx.t_args("import-result-refused", &args(&[("count", &outcome.refused_rows.to_string())]))) }
                    }
                    ul.plain {
                        @for (name, serial) in &outcome.skipped {
                            li { (ctx.t_args("import-result-plant-skipped", &args(&[("name", name), ("serial", serial)]))) }
                        }
                    }
                }
            }
            p.actions {
                a.button.primary href="/plants" { (ctx.t("import-to-overview")) }
                " "
                a.button.secondary href="/plants/import" { (ctx.t("import-another")) }
            }
        },
    )
}

/// A cancelled import.
pub fn cancelled(ctx: &PageCtx, record: &ImportRecord) -> Markup {
    frame(
        ctx,
        &ctx.t("import-title"),
        html! {
            (notice("info", &ctx.t_args("import-cancelled", &args(&[("file", &record.file_name)]))))
            p.actions {
                a.button.primary href="/plants/import" { (ctx.t("import-another")) }
                " "
                a.button.secondary href="/plants" { (ctx.t("import-to-overview")) }
            }
        },
    )
}
