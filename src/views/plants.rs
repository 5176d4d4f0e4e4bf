//! "Plant overview": the list of plants, the plant form, and the plant page.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::layout::{self, url_encode};
use crate::domain::Country;
use crate::i18n::args;
use crate::store::plants::Plant;
use crate::views::PageCtx;

/// One row of the overview.
pub struct Row {
    pub plant: Plant,
    /// Names of the installers it is assigned to.
    pub assignees: Vec<String>,
    /// Its current devices.
    pub devices: usize,
    /// Devices whose factory warranty ends within 90 days.
    pub warranties_ending: usize,
    /// Open tickets about it.
    pub open_tickets: usize,
}

/// What the overview shows.
pub struct ListData<'a> {
    pub rows: &'a [Row],
    /// Plants matching the filter, all pages.
    pub total: usize,
    pub query: &'a str,
    pub page: usize,
    pub pages: usize,
    pub can_create: bool,
    /// Administrators see who each plant is assigned to.
    pub show_assignees: bool,
    /// The map of the listed plants, when any has coordinates.
    pub map: Option<Markup>,
}

pub fn country_name(ctx: &PageCtx, code: &str) -> String {
    Country::parse(code).map_or(code.to_owned(), |c| c.name(ctx.lang).to_owned())
}

/// `GET /plants`
pub fn list(ctx: &PageCtx, d: &ListData<'_>) -> Markup {
    let title = ctx.t("nav-plants");
    let page_link = |n: usize| format!("/plants?q={}&page={n}", url_encode(d.query));
    let body = html! {
        div.page-head {
            h1 { (title) }
            @if d.can_create {
                div.actions {
                    a.button.secondary href="/plants/import" { (ctx.t("import-title")) }
                    " "
                    a.button.primary href="/plants/new" { (ctx.t("plants-new")) }
                }
            }
        }
        form.filter role="search" method="get" action="/plants" {
            label for="q" { (ctx.t("plants-filter")) }
            input #q type="search" name="q" value=(d.query) placeholder=(ctx.t("plants-filter-hint"));
            button.button.secondary type="submit" { (ctx.t("plants-filter-submit")) }
        }
        @if let Some(map) = d.map.clone() { (map) }
        @if d.rows.is_empty() {
            section.card.empty-state {
                @if d.query.is_empty() {
                    p { (ctx.t("plants-empty")) }
                    @if d.can_create {
                        a.button.primary href="/plants/new" { (ctx.t("plants-new")) }
                        " "
                        a.button.secondary href="/plants/import" { (ctx.t("import-title")) }
                    }
                } @else {
                    p { (ctx.t_args("plants-none-match", &args(&[("query", d.query)]))) }
                }
            }
        } @else {
            p.hint { (ctx.t_args("plants-count", &args(&[("count", &d.total.to_string())]))) }
            div.table-wrap {
                table.stack-narrow {
                    thead {
                        tr {
                            th scope="col" { (ctx.t("plant-name")) }
                            th scope="col" { (ctx.t("plants-col-place")) }
                            th scope="col" { (ctx.t("plant-operator")) }
                            th.num scope="col" { (ctx.t("devices")) }
                            th.num scope="col" { (ctx.t("plants-col-open-tickets")) }
                            @if d.show_assignees { th scope="col" { (ctx.t("plants-col-assignees")) } }
                        }
                    }
                    tbody {
                        @for r in d.rows {
                            tr {
                                td { a href={ "/plants/" (r.plant.id) } { (r.plant.name) } }
                                td data-label=(ctx.t("plants-col-place")) { (r.plant.postal_code) " " (r.plant.city) ", " (country_name(ctx, &r.plant.country)) }
                                td data-label=(ctx.t("plant-operator")) { (r.plant.operator_name) }
                                td.num data-label=(ctx.t("devices")) {
                                    (r.devices)
                                    @if r.warranties_ending > 0 {
                                        br;
                                        span.badge.warn { (ctx.t_args("plants-warranty-ending", &args(&[("count", &r.warranties_ending.to_string())]))) }
                                    }
                                }
                                td.num data-label=(ctx.t("plants-col-open-tickets")) { (r.open_tickets) }
                                @if d.show_assignees {
                                    td data-label=(ctx.t("plants-col-assignees")) {
                                        @if r.assignees.is_empty() { span.hint { (ctx.t("plants-unassigned")) } }
                                        @else { (r.assignees.join(", ")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (crate::views::exports::links(ctx, "/plants/export", &format!("q={}", url_encode(d.query))))
            @if d.pages > 1 {
                nav.pagination aria-label=(ctx.t("pagination")) {
                    @if d.page > 1 { a href=(page_link(d.page - 1)) rel="prev" { (ctx.t("pagination-previous")) } }
                    span { (ctx.t_args("pagination-page", &args(&[("page", &d.page.to_string()), ("pages", &d.pages.to_string())]))) }
                    @if d.page < d.pages { a href=(page_link(d.page + 1)) rel="next" { (ctx.t("pagination-next")) } }
                }
            }
        }
    };
    layout::page(ctx, &title, body)
}

fn plant_fields(ctx: &PageCtx, form: &PlantForm, errors: &Errors, operator_fixed: bool) -> Markup {
    let open = &ctx.config.plants.registration_countries;
    let countries: Vec<(String, String)> = open
        .iter()
        .filter_map(|c| Country::parse(c).ok())
        .map(|c| (c.code().to_owned(), c.name(ctx.lang).to_owned()))
        .collect();
    let open_names: Vec<String> = countries.iter().map(|(_, n)| n.clone()).collect();
    html! {
        fieldset {
            legend { (ctx.t("plant-legend-site")) }
            (Field::new("name", ctx.t("plant-name"), "text").value(&form.name).maxlength(120).errors(ctx, errors).render())
            (Field::new("street", ctx.t("field-street"), "text").value(&form.street).maxlength(120).errors(ctx, errors).render())
            div.field-row {
                (Field::new("postal_code", ctx.t("field-postal-code"), "text").value(&form.postal_code).maxlength(12).errors(ctx, errors).render())
                (Field::new("city", ctx.t("field-city"), "text").value(&form.city).maxlength(80).errors(ctx, errors).render())
            }
            (Field::new("country", ctx.t("field-country"), "").value(&form.country)
                .hint(ctx.t_args("plant-country-hint", &args(&[("countries", &open_names.join(", "))])))
                .errors(ctx, errors).select(&countries, None))
            div.field-row.even {
                (Field::new("latitude", ctx.t("plant-latitude"), "text").value(&form.latitude).optional()
                    .hint(ctx.t("plant-latitude-hint")).maxlength(20).errors(ctx, errors).render())
                (Field::new("longitude", ctx.t("plant-longitude"), "text").value(&form.longitude).optional()
                    .hint(ctx.t("plant-longitude-hint")).maxlength(20).errors(ctx, errors).render())
            }
            (Field::new("commissioning_date", ctx.t("plant-commissioning"), "date").value(&form.commissioning_date)
                .optional().errors(ctx, errors).render())
        }
        @if !operator_fixed {
            fieldset {
                legend { (ctx.t("plant-operator")) }
                p.hint { (ctx.t("plant-operator-hint")) }
                (Field::new("operator_name", ctx.t("plant-operator-name"), "text").value(&form.operator_name).optional()
                    .maxlength(120).errors(ctx, errors).render())
                (Field::new("operator_email", ctx.t("field-email"), "email").value(&form.operator_email).optional()
                    .maxlength(254).errors(ctx, errors).render())
            }
        }
        (checkbox(ctx, "smart_home", html! { (ctx.t("plant-smart-home")) }, form.smart_home == "on", errors))
        @if errors.get("smart_home").is_some() {
            p.notice.info {
                (ctx.t("plant-smart-home-next")) " "
                a href="/info-sheet?system=smart-home" { (ctx.t("info-title")) }
            }
        }
    }
}

/// `GET /plants/new`
pub fn new_plant(ctx: &PageCtx, form: &PlantForm, errors: &Errors, operator_fixed: bool) -> Markup {
    let title = ctx.t("plants-new");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                h1 { (title) }
                p.lead { (ctx.t("plants-new-intro")) }
                (error_summary(ctx, errors))
                form.card method="post" action="/plants/new" novalidate {
                    (csrf_field(ctx))
                    (plant_fields(ctx, form, errors, operator_fixed))
                    div.actions {
                        button.button.primary type="submit" { (ctx.t("plants-create")) }
                        a.button.secondary href="/plants" { (ctx.t("action-cancel")) }
                    }
                }
            }
        },
    )
}

/// What the plant page shows.
pub struct DetailData<'a> {
    pub plant: &'a Plant,
    pub form: &'a PlantForm,
    pub errors: &'a Errors,
    pub saved: &'a str,
    pub can_edit: bool,
    pub can_assign: bool,
    /// The plant is its operator's own: the operator fields are not offered.
    pub operator_fixed: bool,
    /// (id, name) of the installers it is assigned to.
    pub assigned: &'a [(u64, String)],
    /// (id, name) of the company's installers it could be assigned to.
    pub assignable: &'a [(u64, String)],
    /// Its current devices with their warranty.
    pub devices: &'a [super::devices::DeviceRow],
    /// The device registration form (typed values when refused).
    pub device_form: &'a crate::views::devices::DeviceForm,
    pub device_errors: &'a Errors,
    /// The new sub-plant's name (typed value when refused).
    pub subplant_name: &'a str,
    pub subplant_errors: &'a Errors,
    /// Its documents with the uploader's name.
    pub documents: &'a [(crate::store::documents::Document, String)],
    /// The upload form's error.
    pub document_errors: &'a Errors,
    /// The tickets about the plant the viewer may see, open and closed.
    pub tickets: &'a [crate::store::tickets::Ticket],
}

/// `GET /plants/{id}`
pub fn detail(ctx: &PageCtx, d: &DetailData<'_>) -> Markup {
    let p = d.plant;
    let saved = match d.saved {
        "created" => Some("plant-saved-created"),
        "plant" => Some("plant-saved"),
        "assignees" => Some("plant-saved-assignees"),
        "device" => Some("plant-saved-device"),
        "device-removed" => Some("plant-saved-device-removed"),
        "subplant" => Some("plant-saved-subplant"),
        "subplant-deleted" => Some("plant-saved-subplant-deleted"),
        "document" => Some("plant-saved-document"),
        "document-deleted" => Some("plant-saved-document-deleted"),
        _ => None,
    };
    let ending = d.devices.iter().filter(|r| r.warranty.ends_soon()).count();
    let open_requests = d.tickets.iter().filter(|t| t.status.is_open()).count();
    let body = html! {
        p.breadcrumb { a href="/plants" { (ctx.t("nav-plants")) } " › " (p.name) }
        @if let Some(id) = saved { (notice("success", &ctx.t(id))) }
        section.card.summary aria-labelledby="plant-heading" {
            h1 #plant-heading { (p.name) }
            dl.facts {
                dt { (ctx.t("plants-col-place")) }
                dd { (p.street) ", " (p.postal_code) " " (p.city) ", " (country_name(ctx, &p.country)) }
                @if let (Some(lat), Some(lon)) = (p.latitude, p.longitude) {
                    dt { (ctx.t("plant-coordinates")) }
                    dd {
                        (format!("{lat:.5}, {lon:.5}")) " · "
                        a href=(format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}")) rel="noopener noreferrer external" {
                            (ctx.t("plant-open-map"))
                        }
                    }
                }
                @if let Some(date) = &p.commissioning {
                    dt { (ctx.t("plant-commissioning")) }
                    dd { (date) }
                }
                @if !p.operator_email.is_empty() || !p.operator_name.is_empty() {
                    dt { (ctx.t("plant-operator")) }
                    dd { (p.operator_name) " " @if !p.operator_email.is_empty() { "<" a href={ "mailto:" (p.operator_email) } { (p.operator_email) } ">" } }
                }
                dt { (ctx.t("devices")) }
                dd {
                    (d.devices.len())
                    @if ending > 0 {
                        " " span.badge.warn { (ctx.t_args("plants-warranty-ending", &args(&[("count", &ending.to_string())]))) }
                    }
                }
                dt { (ctx.t("plants-col-open-tickets")) }
                dd { (open_requests) }
                dt { (ctx.t("plants-col-assignees")) }
                dd {
                    @if d.assigned.is_empty() { span.hint { (ctx.t("plants-unassigned")) } }
                    @else { (d.assigned.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")) }
                }
            }
        }
        // The page's parts, as tabs that jump to them (no JavaScript needed).
        nav.tabs.in-page aria-label=(ctx.t("plant-parts")) {
            ul {
                li { a href="#devices" { (ctx.t("devices")) " " span.count { (d.devices.len()) } } }
                li { a href="#subplants" { (ctx.t("subplants")) " " span.count { (p.subplants.len()) } } }
                li { a href="#documents" { (ctx.t("documents")) " " span.count { (d.documents.len()) } } }
                li { a href="#tickets" { (ctx.t("nav-tickets")) " " span.count { (d.tickets.len()) } } }
                @if d.can_assign { li { a href="#assignees" { (ctx.t("plant-assignees")) } } }
                @if d.can_edit { li { a href="#edit" { (ctx.t("plant-edit")) } } }
            }
        }
        @if d.can_assign {
            section.card #assignees aria-labelledby="assignees-heading" {
                h2 #assignees-heading { (ctx.t("plant-assignees")) }
                p.hint { (ctx.t("plant-assignees-hint")) }
                ul.plain {
                    @for (id, name) in d.assigned {
                        li {
                            (name) " "
                            form.inline method="post" action={ "/plants/" (p.id) "/assignees" } {
                                (csrf_field(ctx))
                                input type="hidden" name="installer_id" value=(id);
                                input type="hidden" name="action" value="unassign";
                                button.link type="submit" { (ctx.t("plant-unassign")) }
                            }
                        }
                    }
                }
                @if d.assignable.is_empty() {
                    p.empty { (ctx.t("plant-no-installers")) " " a href="/company/members" { (ctx.t("nav-members")) } }
                } @else {
                    form.inline-form method="post" action={ "/plants/" (p.id) "/assignees" } {
                        (csrf_field(ctx))
                        input type="hidden" name="action" value="assign";
                        label for="installer_id" { (ctx.t("plant-assign-label")) }
                        select #installer_id name="installer_id" {
                            @for (id, name) in d.assignable { option value=(id) { (name) } }
                        }
                        button.button.secondary type="submit" { (ctx.t("plant-assign")) }
                    }
                }
            }
        }
        (super::devices::sections(ctx, d))
        (super::documents::section(ctx, p, d.documents, d.can_edit, d.document_errors))
        (super::tickets::plant_section(ctx, d.tickets))
        @if d.can_edit {
            // The plant's data is changed seldom: folded, open when it has errors.
            section.card #edit aria-labelledby="edit-heading" {
                details.plant-data open[!d.errors.is_empty()] {
                    summary { h2 #edit-heading { (ctx.t("plant-edit")) } }
                    (error_summary(ctx, d.errors))
                    form method="post" action={ "/plants/" (p.id) } novalidate {
                        (csrf_field(ctx))
                        (plant_fields(ctx, d.form, d.errors, d.operator_fixed))
                        button.button.primary type="submit" { (ctx.t("profile-save")) }
                    }
                }
            }
        }
    };
    layout::page(ctx, &p.name, body)
}

/// What the plant form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PlantForm {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub latitude: String,
    pub longitude: String,
    pub commissioning_date: String,
    pub operator_name: String,
    pub operator_email: String,
    pub smart_home: String,
}

impl PlantForm {
    /// The form filled with a stored plant's data.
    pub fn of(p: &crate::store::plants::Plant) -> Self {
        Self {
            name: p.name.clone(),
            street: p.street.clone(),
            postal_code: p.postal_code.clone(),
            city: p.city.clone(),
            country: p.country.clone(),
            latitude: p.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: p.longitude.map(|v| v.to_string()).unwrap_or_default(),
            commissioning_date: p.commissioning.clone().unwrap_or_default(),
            operator_name: p.operator_name.clone(),
            operator_email: p.operator_email.clone(),
            smart_home: String::new(),
        }
    }
}
