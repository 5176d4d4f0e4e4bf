//! A plant's sub-plants and devices (the tree plant → sub-plants → devices, with each
//! inverter's warranty), the device registration and edit forms, and removal.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, csrf_field, error_summary};
use super::layout;
use crate::domain::catalog::{Catalog, Product};
use crate::domain::warranty::Warranty;
use crate::i18n::args;
use crate::store::devices::Device;
use crate::store::plants::Plant;
use crate::views::PageCtx;

/// A device as the plant page lists it.
pub struct DeviceRow {
    pub device: Device,
    pub product: Option<&'static Product>,
    pub warranty: Warranty,
}

/// A device's warranty: one badge with its state and end, then the extension, linked when
/// it can be ordered. `why_not`: also say why no extension can be ordered (the device's
/// own page; the plant's list keeps to one line per fact).
fn warranty_cell(ctx: &PageCtx, w: &Warranty, device: u64, why_not: bool) -> Markup {
    match w {
        Warranty::NotApplicable => html! { span.hint { "—" } },
        Warranty::Unknown => html! { span.badge.warn { (ctx.t("warranty-unknown")) } },
        Warranty::Known {
            end,
            days_left,
            extension,
            ..
        } => html! {
            @let end = end.to_string();
            @if *days_left == 0 {
                span.badge.bad { (ctx.t("warranty-expired-badge")) }
                " " span.small.nowrap { (ctx.t_args("warranty-ended", &args(&[("date", &end)]))) }
            } @else if w.ends_soon() {
                span.badge.warn { (ctx.t_args("warranty-days-left", &args(&[("days", &days_left.to_string())]))) }
                " " span.small.nowrap { (ctx.t_args("warranty-until", &args(&[("date", &end)]))) }
            } @else {
                span.badge.ok { (ctx.t_args("warranty-until", &args(&[("date", &end)]))) }
            }
            @match extension {
                Ok(()) => {
                    br;
                    a.small href={ "/devices/" (device) "/warranty-extension" } { (ctx.t("warranty-extension-request")) }
                },
                Err(reason) if why_not => { br; span.small.hint { (ctx.t(reason)) } },
                Err(_) => {},
            }
        },
    }
}

fn device_table(ctx: &PageCtx, rows: &[&DeviceRow], can_edit: bool) -> Markup {
    html! {
        div.table-wrap {
            table.stack-narrow {
                thead {
                    tr {
                        th scope="col" { (ctx.t("device-serial")) }
                        th scope="col" { (ctx.t("device-product")) }
                        th scope="col" { (ctx.t("device-name")) }
                        th scope="col" { (ctx.t("device-warranty")) }
                        @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("members-col-actions")) } } }
                    }
                }
                tbody {
                    @for r in rows {
                        tr {
                            td { code { (r.device.serial) } }
                            td data-label=(ctx.t("device-product")) {
                                @match r.product {
                                    Some(p) => { (p.name) br; span.small.hint { (ctx.t(p.category.message_id())) } },
                                    None => (r.device.product_id),
                                }
                            }
                            td data-label=(ctx.t("device-name")) { (r.device.name) }
                            td data-label=(ctx.t("device-warranty")) { (warranty_cell(ctx, &r.warranty, r.device.id, false)) }
                            @if can_edit {
                                td {
                                    div.row-actions {
                                        a href={ "/devices/" (r.device.id) } { (ctx.t("action-edit")) }
                                        a.danger-link href={ "/devices/" (r.device.id) "/remove" } { (ctx.t("device-remove")) }
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

/// The searchable product field: a text input with the registrable catalog as its
/// datalist (the browser filters as one types; no JavaScript).
/// `for_other_device`: the product is asked only for a device typed in by its serial (a
/// registered one brings its own), so it is not marked required.
pub(crate) fn product_field(
    ctx: &PageCtx,
    value: &str,
    errors: &Errors,
    for_other_device: bool,
) -> Markup {
    let mut field = Field::new("product", ctx.t("device-product"), "text")
        .value(value)
        .maxlength(200)
        .errors(ctx, errors);
    field = if for_other_device {
        field.optional().hint(ctx.t("replacement-product-hint"))
    } else {
        field.hint(ctx.t("device-product-hint"))
    };
    html! {
        (field.render_with_list("products"))
        datalist #products {
            @for p in Catalog::get().all().iter().filter(|p| p.category.registrable()) {
                option value=(product_label(p)) {}
            }
        }
    }
}

fn subplant_options(plant: &Plant, ctx: &PageCtx) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), ctx.t("subplant-none"))];
    options.extend(
        plant
            .subplants
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone())),
    );
    options
}

fn optional_fields(ctx: &PageCtx, plant: &Plant, form: &DeviceForm, errors: &Errors) -> Markup {
    html! {
        (Field::new("name", ctx.t("device-name"), "text").id("device_name").value(&form.name).optional()
            .hint(ctx.t("device-name-hint")).maxlength(80).errors(ctx, errors).render())
        @if !plant.subplants.is_empty() {
            (Field::new("subplant_id", ctx.t("subplant"), "").value(&form.subplant_id).optional()
                .errors(ctx, errors).select(&subplant_options(plant, ctx), None))
        }
        div.field-row.even {
            (Field::new("purchase_date", ctx.t("device-purchase-date"), "date").value(&form.purchase_date).optional()
                .hint(ctx.t("device-purchase-hint")).errors(ctx, errors).render())
            (Field::new("commissioning_date", ctx.t("plant-commissioning"), "date").id("device_commissioning_date")
                .value(&form.commissioning_date).optional()
                .errors(ctx, errors).render())
        }
        div.field-row.even {
            (Field::new("pic", ctx.t("device-pic"), "text").value(&form.pic).optional().maxlength(40).errors(ctx, errors).render())
            (Field::new("rid", ctx.t("device-rid"), "text").value(&form.rid).optional().maxlength(40).errors(ctx, errors).render())
        }
    }
}

/// The plant page's sub-plant and device sections.
pub fn sections(ctx: &PageCtx, d: &super::plants::DetailData<'_>) -> Markup {
    let (plant, devices, can_edit) = (d.plant, d.devices, d.can_edit);
    let (form, errors) = (d.device_form, d.device_errors);
    let (subplant_name, subplant_errors) = (d.subplant_name, d.subplant_errors);
    let unassigned: Vec<&DeviceRow> = devices
        .iter()
        .filter(|d| d.device.subplant.is_none())
        .collect();
    html! {
        section.card #subplants aria-labelledby="subplants-heading" {
            h2 #subplants-heading { (ctx.t("subplants")) }
            p.hint { (ctx.t("subplants-hint")) }
            @if plant.subplants.is_empty() { p.empty { (ctx.t("subplants-empty")) } }
            ul.plain.subplant-list {
                @for s in &plant.subplants {
                    @let count = devices.iter().filter(|d| d.device.subplant == Some(s.id)).count();
                    li {
                        strong { (s.name) } " " span.hint { "(" (ctx.t_args("subplant-devices", &args(&[("count", &count.to_string())]))) ")" }
                        @if can_edit {
                            form.inline-form method="post" action={ "/plants/" (plant.id) "/subplants/" (s.id) } {
                                (csrf_field(ctx))
                                label.visually-hidden for={ "rename-" (s.id) } { (ctx.t("subplant-rename")) }
                                input id={ "rename-" (s.id) } type="text" name="name" value=(s.name) maxlength="80" required;
                                button.link type="submit" { (ctx.t("subplant-rename")) }
                            }
                            @if count == 0 {
                                form.inline method="post" action={ "/plants/" (plant.id) "/subplants/" (s.id) "/delete" } {
                                    (csrf_field(ctx))
                                    button.link type="submit" { (ctx.t("action-delete")) }
                                }
                            }
                        }
                    }
                }
            }
            @if can_edit {
                form.inline-form method="post" action={ "/plants/" (plant.id) "/subplants" } novalidate {
                    (csrf_field(ctx))
                    (Field::new("name", ctx.t("subplant-new"), "text").id("subplant_name").value(subplant_name)
                        .maxlength(80).errors(ctx, subplant_errors).render())
                    button.button.secondary type="submit" { (ctx.t("subplant-add")) }
                }
            }
        }
        section.card #devices aria-labelledby="devices-heading" {
            h2 #devices-heading { (ctx.t("devices")) }
            @if devices.is_empty() {
                p.empty { (ctx.t("devices-empty")) }
            } @else {
                @for s in &plant.subplants {
                    @let rows: Vec<&DeviceRow> = devices.iter().filter(|d| d.device.subplant == Some(s.id)).collect();
                    @if !rows.is_empty() {
                        h3 { (ctx.t("subplant")) ": " (s.name) }
                        (device_table(ctx, &rows, can_edit))
                    }
                }
                @if !unassigned.is_empty() {
                    @if !plant.subplants.is_empty() { h3 { (ctx.t("devices-no-subplant")) } }
                    (device_table(ctx, &unassigned, can_edit))
                }
                (crate::views::exports::links(ctx, &format!("/plants/{}/devices/export", plant.id), ""))
            }
            @if can_edit {
                details.add-device open[!errors.is_empty()] {
                    summary { (ctx.t("device-register")) }
                    p.hint { (ctx.t("device-register-hint")) }
                    (error_summary(ctx, errors))
                    @if errors.get("product") == Some("device-off-grid") {
                        p.notice.info { (ctx.t("device-info-sheet")) " " a href="/info-sheet?system=off-grid" { (ctx.t("info-title")) } }
                    }
                    @if errors.get("serial_number") == Some("device-serial-taken") {
                        p.notice.info {
                            (ctx.t("device-serial-taken-next")) " "
                            a href={ "/contact?topic=technical&serial=" (form.serial_number.replace(' ', "")) } { (ctx.t("contact-title")) }
                        }
                    }
                    form method="post" action={ "/plants/" (plant.id) "/devices" } novalidate {
                        (csrf_field(ctx))
                        (Field::new("serial_number", ctx.t("device-serial"), "text").value(&form.serial_number)
                            .hint(ctx.t("device-serial-hint")).maxlength(20).autocomplete("off").errors(ctx, errors).render())
                        (product_field(ctx, &form.product, errors, false))
                        (optional_fields(ctx, plant, form, errors))
                        button.button.primary type="submit" { (ctx.t("device-register")) }
                    }
                }
            }
        }
    }
}

/// `GET /devices/{id}`: the device's data and its requests.
pub fn edit(
    ctx: &PageCtx,
    (device, warranty): (&Device, &Warranty),
    plant: &Plant,
    form: &DeviceForm,
    errors: &Errors,
    tickets: &[crate::store::tickets::Ticket],
) -> Markup {
    let title = ctx.t_args(
        "device-edit-title",
        &args(&[("serial", &device.serial.to_string())]),
    );
    let product = Catalog::get()
        .product(device.product_id)
        .map_or(String::new(), product_label);
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                p.breadcrumb { a href="/plants" { (ctx.t("nav-plants")) } " › " a href={ "/plants/" (plant.id) } { (plant.name) } }
                h1 { (title) }
                (error_summary(ctx, errors))
                form.card method="post" action={ "/devices/" (device.id) } novalidate {
                    (csrf_field(ctx))
                    dl.facts {
                        dt { (ctx.t("device-serial")) } dd { code { (device.serial) } }
                        dt { (ctx.t("device-product")) } dd { (product) }
                        dt { (ctx.t("device-warranty")) } dd #warranty { (warranty_cell(ctx, warranty, device.id, true)) }
                        @if !device.swaps.is_empty() {
                            dt { (ctx.t("device-swaps")) }
                            dd {
                                ul.plain {
                                    @for s in device.swaps.iter().rev() {
                                        li {
                                            (ctx.t_args("device-swap", &args(&[("old", &s.old.to_string()), ("new", &s.new.to_string())])))
                                            " · " (super::format::when(s.at)) " · "
                                            a href={ "/tickets/" (s.ticket) } { (ctx.t("device-swap-request")) }
                                        }
                                    }
                                }
                            }
                        }
                        @if let Some(end) = &device.inherited_warranty_end {
                            dt { (ctx.t("device-inherited-warranty")) } dd { (end) }
                        }
                    }
                    (optional_fields(ctx, plant, form, errors))
                    div.actions {
                        button.button.primary type="submit" { (ctx.t("profile-save")) }
                        a.button.secondary href={ "/plants/" (plant.id) "#devices" } { (ctx.t("action-cancel")) }
                    }
                }
                section.card #tickets aria-labelledby="device-tickets-heading" {
                    h2 #device-tickets-heading { (ctx.t("nav-tickets")) }
                    @if tickets.is_empty() {
                        p.empty { (ctx.t("device-tickets-empty")) }
                    } @else {
                        ul.plain {
                            @for t in tickets {
                                li {
                                    a href={ "/tickets/" (t.id) } { code { (t.number) } } " " (t.subject) " "
                                    (super::tickets::status_badge(ctx, t.status))
                                }
                            }
                        }
                    }
                    p {
                        a href={ "/contact?topic=technical&serial=" (device.serial) } { (ctx.t("tickets-new")) } " · "
                        a href={ "/tickets/replacement?serial=" (device.serial) } { (ctx.t("replacement-new")) }
                    }
                }
            }
        },
    )
}

/// `GET /devices/{id}/remove`
pub fn confirm_remove(ctx: &PageCtx, device: &Device, plant: &Plant) -> Markup {
    let title = ctx.t("device-remove-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    p.lead { (ctx.t_args("device-remove-text", &args(&[("serial", &device.serial.to_string()), ("plant", &plant.name)]))) }
                    form method="post" action={ "/devices/" (device.id) "/remove" } {
                        (csrf_field(ctx))
                        div.actions {
                            button.button.danger type="submit" { (ctx.t("device-remove")) }
                            a.button.secondary href={ "/plants/" (plant.id) "#devices" } { (ctx.t("action-cancel")) }
                        }
                    }
                }
            }
        },
    )
}

/// `GET /devices/{id}/warranty-extension`: ordering an extension for one inverter.
pub fn extension_form(
    ctx: &PageCtx,
    device: &Device,
    plant: &Plant,
    until: &str,
    form: &crate::views::devices::ExtensionForm,
    errors: &Errors,
) -> Markup {
    let title = ctx.t("extension-title");
    let product = Catalog::get()
        .product(device.product_id)
        .map_or(String::new(), product_label);
    let terms: Vec<(String, String)> = ["5", "10", "15"]
        .iter()
        .map(|y| {
            (
                (*y).to_owned(),
                ctx.t_args("extension-term", &args(&[("years", y)])),
            )
        })
        .collect();
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                p.breadcrumb { a href="/plants" { (ctx.t("nav-plants")) } " › " a href={ "/plants/" (plant.id) } { (plant.name) } }
                h1 { (title) }
                p.lead { (ctx.t_args("extension-intro", &args(&[("until", until)]))) }
                (error_summary(ctx, errors))
                form.card method="post" action={ "/devices/" (device.id) "/warranty-extension" } novalidate {
                    (csrf_field(ctx))
                    dl.facts {
                        dt { (ctx.t("device-serial")) } dd { code { (device.serial) } }
                        dt { (ctx.t("device-product")) } dd { (product) }
                        dt { (ctx.t("plant-name")) } dd { (plant.name) }
                    }
                    (Field::new("term", ctx.t("extension-term-label"), "").value(&form.term).errors(ctx, errors).select(&terms, None))
                    (Field::new("message", ctx.t("contact-message"), "").value(&form.message).optional()
                        .maxlength(5000).errors(ctx, errors).textarea())
                    div.actions {
                        button.button.primary type="submit" { (ctx.t("extension-submit")) }
                        a.button.secondary href={ "/plants/" (plant.id) "#devices" } { (ctx.t("action-cancel")) }
                    }
                }
            }
        },
    )
}

/// What the device form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct DeviceForm {
    pub serial_number: String,
    pub product: String,
    pub name: String,
    pub subplant_id: String,
    pub purchase_date: String,
    pub commissioning_date: String,
    pub pic: String,
    pub rid: String,
}

/// How the product field shows a product (and what the datalist offers).
pub fn product_label(p: &Product) -> String {
    format!("{} — {} ({})", p.model, p.name, p.id)
}

/// What the warranty-extension form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ExtensionForm {
    /// Years added: 5, 10 or 15.
    pub term: String,
    pub message: String,
}
