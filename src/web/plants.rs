//! "Plant overview": the plants an actor may see, registering and editing a plant, and
//! assigning it to installers.

pub use crate::views::plants::PlantForm;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::PageCtx;
use crate::access::{self as policy, CompanyRole};
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::domain::{self, Country, Email};
use crate::error::{AppError, Result};
use crate::store::plants::{self, Plant};
use crate::store::{companies, users};
use crate::views::components::Errors;
use crate::views::plants as view;

/// Plants per page of the overview.
pub const PAGE_SIZE: usize = 50;

/// The overview's filter and page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub page: usize,
    pub saved: String,
}

/// `GET /plants`
pub async fn list(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Markup> {
    let all = plants::list(&ctx.state.store, &me.actor, &q.q)?;
    let pages = all.len().div_ceil(PAGE_SIZE).max(1);
    let page = q.page.clamp(1, pages);
    let today = today(&ctx);
    let rules = ctx.state.config.warranty.rules();
    let mut rows = Vec::new();
    for (plant, assignees) in all.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE) {
        let assignees = assignees
            .iter()
            .filter_map(|id| users::get(&ctx.state.store, *id).ok().flatten())
            .map(|u| u.full_name())
            .collect();
        let devices = crate::store::devices::of_plant(&ctx.state.store, plant.id)?;
        let warranties_ending = devices
            .iter()
            .filter(|d| {
                matches!(device_warranty(rules, d, today),
                    crate::domain::warranty::Warranty::Known { days_left, .. } if days_left > 0 && days_left <= 90)
            })
            .count();
        let open_tickets = crate::store::tickets::of_plant(&ctx.state.store, &me.actor, plant.id)?
            .iter()
            .filter(|t| t.status.is_open())
            .count();
        rows.push(view::Row {
            plant: plant.clone(),
            assignees,
            devices: devices.len(),
            warranties_ending,
            open_tickets,
        });
    }
    Ok(view::list(
        &ctx,
        &view::ListData {
            rows: &rows,
            total: all.len(),
            query: &q.q,
            page,
            pages,
            can_create: policy::can_create_plant(&me.actor),
            show_assignees: matches!(
                policy::plant_scope(&me.actor),
                policy::PlantScope::Company(_)
            ),
            map: crate::views::map::plant_map(
                &ctx,
                &all.iter().map(|(p, _)| p).collect::<Vec<_>>(),
                &ctx.state.config.plants.registration_countries,
            ),
        },
    ))
}

/// Today's date by the instance's clock.
pub(crate) fn today(ctx: &PageCtx) -> time::Date {
    ctx.state.core.today()
}

pub(crate) use crate::service::warranty::of_device as device_warranty;

impl PlantForm {
    fn of(p: &Plant) -> Self {
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

/// Parses a coordinate (decimal point or comma) within ±`limit` degrees.
pub fn coordinate(value: &str, limit: f64) -> Result<Option<f64>, &'static str> {
    let v = value.trim().replace(',', ".");
    if v.is_empty() {
        return Ok(None);
    }
    let n: f64 = v.parse().map_err(|_| "coordinate-invalid")?;
    if !n.is_finite() || n.abs() > limit {
        return Err("coordinate-range");
    }
    Ok(Some(n))
}

/// Parses a `YYYY-MM-DD` date that is not in the future.
pub fn past_date(value: &str, today: time::Date) -> Result<Option<time::Date>, &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let date = time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| "date-invalid")?;
    if date > today {
        return Err("date-future");
    }
    Ok(Some(date))
}

/// The validated plant data (ids and ownership are the caller's).
struct PlantData {
    name: String,
    street: String,
    postal_code: String,
    city: String,
    country: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    commissioning: Option<String>,
    operator_name: String,
    operator_email: String,
}

fn validate(
    ctx: &PageCtx,
    form: &PlantForm,
    operator_self: Option<(&str, &str)>,
) -> Result<PlantData, Errors> {
    let mut e = Errors::new();
    if form.smart_home == "on" {
        e.add("smart_home", "plant-smart-home-refused");
    }
    let name = e.check("name", domain::required_text(&form.name, 120));
    let street = e.check("street", domain::required_text(&form.street, 120));
    let postal_code = e.check("postal_code", domain::required_text(&form.postal_code, 12));
    let city = e.check("city", domain::required_text(&form.city, 80));
    let open = &ctx.state.config.plants.registration_countries;
    let country = e.check(
        "country",
        Country::parse(&form.country).and_then(|c| {
            if open.iter().any(|o| o.eq_ignore_ascii_case(c.code())) {
                Ok(c)
            } else {
                Err("plant-country-not-open")
            }
        }),
    );
    let latitude = e.check("latitude", coordinate(&form.latitude, 90.0));
    let longitude = e.check("longitude", coordinate(&form.longitude, 180.0));
    if let (Some(lat), Some(lon)) = (&latitude, &longitude)
        && lat.is_some() != lon.is_some()
    {
        e.add(
            if lat.is_none() {
                "latitude"
            } else {
                "longitude"
            },
            "coordinate-pair",
        );
    }
    let today = today(ctx);
    let commissioning = e.check(
        "commissioning_date",
        past_date(&form.commissioning_date, today),
    );
    let (operator_name, operator_email) = match operator_self {
        Some((name, email)) => (Some(name.to_owned()), Some(email.to_owned())),
        None => {
            let name = e.check(
                "operator_name",
                domain::optional_text(&form.operator_name, 120),
            );
            let email = if form.operator_email.trim().is_empty() {
                Some(String::new())
            } else {
                e.check(
                    "operator_email",
                    Email::parse(&form.operator_email).map(|m| m.as_str().to_owned()),
                )
            };
            (name, email)
        }
    };
    match (
        name,
        street,
        postal_code,
        city,
        country,
        latitude,
        longitude,
        commissioning,
        operator_name,
        operator_email,
    ) {
        (
            Some(name),
            Some(street),
            Some(postal_code),
            Some(city),
            Some(country),
            Some(latitude),
            Some(longitude),
            Some(commissioning),
            Some(operator_name),
            Some(operator_email),
        ) if e.is_empty() => Ok(PlantData {
            name,
            street,
            postal_code,
            city,
            country: country.code().to_owned(),
            latitude,
            longitude,
            commissioning: commissioning.map(|d| d.to_string()),
            operator_name,
            operator_email,
        }),
        _ => Err(e),
    }
}

fn operator_self(me: &crate::auth::session::Viewer) -> Option<(String, String)> {
    (me.actor.kind == policy::AccountKind::Operator)
        .then(|| (me.user.full_name(), me.user.email.clone()))
}

/// `GET /plants/new`
pub async fn new_page(ctx: PageCtx, CurrentUser(me): CurrentUser) -> Result<Markup> {
    if !policy::can_create_plant(&me.actor) {
        return Err(AppError::NotFound);
    }
    let form = PlantForm {
        country: ctx.state.config.plants.registration_countries[0].clone(),
        ..PlantForm::default()
    };
    Ok(view::new_plant(
        &ctx,
        &form,
        &Errors::new(),
        operator_self(&me).is_some(),
    ))
}

/// `POST /plants/new`
pub async fn create(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    CsrfForm(form): CsrfForm<PlantForm>,
) -> Result<Response> {
    if !policy::can_create_plant(&me.actor) {
        return Err(AppError::NotFound);
    }
    let own = operator_self(&me);
    let data = match validate(
        &ctx,
        &form,
        own.as_ref().map(|(n, e)| (n.as_str(), e.as_str())),
    ) {
        Ok(d) => d,
        Err(errors) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view::new_plant(&ctx, &form, &errors, own.is_some()),
            )
                .into_response());
        }
    };
    let now = ctx.state.clock.now();
    let company = me.actor.company.map(|(c, _)| c);
    // Installers' plants are assigned to them; administrators see every plant anyway.
    let assign_to =
        matches!(me.actor.company, Some((_, CompanyRole::Member))).then_some(me.user.id);
    let plant = plants::create(
        &ctx.state.store,
        Plant {
            id: 0,
            company,
            created_by: me.user.id,
            name: data.name,
            street: data.street,
            postal_code: data.postal_code,
            city: data.city,
            country: data.country,
            latitude: data.latitude,
            longitude: data.longitude,
            commissioning: data.commissioning,
            operator_name: data.operator_name,
            operator_email: data.operator_email,
            created_at: now,
            updated_at: now,
            subplants: Vec::new(),
        },
        assign_to,
    )?;
    tracing::info!(
        event = "plant_created",
        user_id = me.user.id,
        plant = plant.id,
        "plant created"
    );
    Ok(Redirect::to(&format!("/plants/{}?saved=created", plant.id)).into_response())
}

/// Forms of the plant page shown again, with their errors, after a refused submission.
#[derive(Default)]
pub(crate) struct Refused<'a> {
    pub plant: Option<(&'a PlantForm, &'a Errors)>,
    pub subplant: Option<(&'a str, &'a Errors)>,
    pub device: Option<(&'a super::devices::DeviceForm, &'a Errors)>,
    pub document: Option<&'a Errors>,
}

/// The plant page with the given forms shown again (with their errors) where a
/// submission was refused.
pub(crate) async fn render_detail(
    ctx: &PageCtx,
    me: &crate::auth::session::Viewer,
    plant: &Plant,
    assignees: &[u64],
    subplant_form: Option<(&str, &Errors)>,
    device_form: Option<(&super::devices::DeviceForm, &Errors)>,
    saved: &str,
) -> Result<Markup> {
    let refused = Refused {
        subplant: subplant_form,
        device: device_form,
        ..Refused::default()
    };
    render_detail_with(ctx, me, plant, assignees, refused, saved).await
}

/// The plant page with the upload form's error.
pub(crate) async fn render_detail_documents(
    ctx: &PageCtx,
    me: &crate::auth::session::Viewer,
    plant: &Plant,
    assignees: &[u64],
    errors: &Errors,
) -> Result<Markup> {
    let refused = Refused {
        document: Some(errors),
        ..Refused::default()
    };
    render_detail_with(ctx, me, plant, assignees, refused, "").await
}

async fn render_detail_with(
    ctx: &PageCtx,
    me: &crate::auth::session::Viewer,
    plant: &Plant,
    assignees: &[u64],
    refused: Refused<'_>,
    saved: &str,
) -> Result<Markup> {
    let ownership = plant.ownership(assignees);
    let can_edit = policy::can_edit_plant(&me.actor, &ownership);
    let can_assign = policy::can_assign_plant(&me.actor, &ownership);
    let mut assigned = Vec::new();
    let mut assignable = Vec::new();
    if can_assign && let Some(scope) = policy::administered_company(&me.actor) {
        for m in companies::members(&ctx.state.store, scope)? {
            if assignees.contains(&m.user.id) {
                assigned.push((m.user.id, m.user.full_name()));
            } else if matches!(m.user.company, Some((_, CompanyRole::Member))) {
                assignable.push((m.user.id, m.user.full_name()));
            }
        }
    } else {
        for id in assignees {
            if let Some(u) = users::get(&ctx.state.store, *id)? {
                assigned.push((u.id, u.full_name()));
            }
        }
    }
    let today = today(ctx);
    let rules = ctx.state.config.warranty.rules();
    let devices: Vec<crate::views::devices::DeviceRow> =
        crate::store::devices::of_plant(&ctx.state.store, plant.id)?
            .into_iter()
            .map(|device| crate::views::devices::DeviceRow {
                product: crate::domain::catalog::Catalog::get().product(device.product_id),
                warranty: device_warranty(rules, &device, today),
                device,
            })
            .collect();
    let empty_device_form = super::devices::DeviceForm::default();
    let empty_errors = Errors::new();
    let own_form = PlantForm::of(plant);
    let (plant_form, plant_errors) = refused.plant.unwrap_or((&own_form, &empty_errors));
    let (device_form, device_errors) = refused
        .device
        .unwrap_or((&empty_device_form, &empty_errors));
    let (subplant_name, subplant_errors) = refused.subplant.unwrap_or(("", &empty_errors));
    let documents: Vec<(crate::store::documents::Document, String)> =
        crate::store::documents::of_plant(&ctx.state.store, plant.id)?
            .into_iter()
            .map(|d| {
                let who = users::get(&ctx.state.store, d.uploaded_by)
                    .ok()
                    .flatten()
                    .map(|u| u.full_name())
                    .unwrap_or_default();
                (d, who)
            })
            .collect();
    Ok(view::detail(
        ctx,
        &view::DetailData {
            plant,
            form: plant_form,
            errors: plant_errors,
            saved,
            can_edit,
            can_assign,
            operator_fixed: plant.company.is_none(),
            assigned: &assigned,
            assignable: &assignable,
            devices: &devices,
            device_form,
            device_errors,
            subplant_name,
            subplant_errors,
            documents: &documents,
            document_errors: refused.document.unwrap_or(&empty_errors),
            tickets: &crate::store::tickets::of_plant(&ctx.state.store, &me.actor, plant.id)?,
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub saved: String,
}

/// `GET /plants/{id}`
pub async fn detail(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    Query(q): Query<Saved>,
) -> Result<Markup> {
    let (plant, assignees) =
        plants::visible(&ctx.state.store, &me.actor, id)?.ok_or(AppError::NotFound)?;
    render_detail(&ctx, &me, &plant, &assignees, None, None, &q.saved).await
}

/// `POST /plants/{id}`: saves the plant's data.
pub async fn save(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<PlantForm>,
) -> Result<Response> {
    let (plant, assignees) =
        plants::visible(&ctx.state.store, &me.actor, id)?.ok_or(AppError::NotFound)?;
    if !policy::can_edit_plant(&me.actor, &plant.ownership(&assignees)) {
        return Err(AppError::NotFound);
    }
    let own = plant
        .company
        .is_none()
        .then(|| (plant.operator_name.clone(), plant.operator_email.clone()));
    let data = match validate(
        &ctx,
        &form,
        own.as_ref().map(|(n, e)| (n.as_str(), e.as_str())),
    ) {
        Ok(d) => d,
        Err(errors) => {
            let refused = Refused {
                plant: Some((&form, &errors)),
                ..Refused::default()
            };
            let page = render_detail_with(&ctx, &me, &plant, &assignees, refused, "").await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let changed = Plant {
        name: data.name,
        street: data.street,
        postal_code: data.postal_code,
        city: data.city,
        country: data.country,
        latitude: data.latitude,
        longitude: data.longitude,
        commissioning: data.commissioning,
        operator_name: data.operator_name,
        operator_email: data.operator_email,
        updated_at: ctx.state.clock.now(),
        ..plant
    };
    plants::update(&ctx.state.store, &changed)?;
    Ok(Redirect::to(&format!("/plants/{id}?saved=plant")).into_response())
}

/// What the assignment form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    pub installer_id: String,
    pub action: String,
}

/// `POST /plants/{id}/assignees`: administrators assign the plant to an installer of
/// their company, or take the assignment away.
pub async fn assign(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Result<Response> {
    let (plant, assignees) =
        plants::visible(&ctx.state.store, &me.actor, id)?.ok_or(AppError::NotFound)?;
    let scope = policy::administered_company(&me.actor).ok_or(AppError::NotFound)?;
    if !policy::can_assign_plant(&me.actor, &plant.ownership(&assignees)) {
        return Err(AppError::NotFound);
    }
    let installer: u64 = form
        .installer_id
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("installer_id".into()))?;
    let member =
        companies::member(&ctx.state.store, scope, installer)?.ok_or(AppError::NotFound)?;
    let assigned = match form.action.as_str() {
        "assign" => true,
        "unassign" => false,
        _ => return Err(AppError::BadRequest("action".into())),
    };
    plants::set_assignment(&ctx.state.store, plant.id, member.id, assigned)?;
    tracing::info!(
        event = "plant_assignment",
        by = me.user.id,
        plant = plant.id,
        installer = member.id,
        assigned,
        "plant assignment changed"
    );
    Ok(Redirect::to(&format!("/plants/{id}?saved=assignees#assignees")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn coordinates_accept_decimal_commas_and_refuse_out_of_range() {
        assert_eq!(coordinate("51,3127", 90.0), Ok(Some(51.3127)));
        assert_eq!(coordinate(" 9.4797 ", 180.0), Ok(Some(9.4797)));
        assert_eq!(coordinate("", 90.0), Ok(None));
        assert_eq!(coordinate("91", 90.0), Err("coordinate-range"));
        assert_eq!(coordinate("NaN", 90.0), Err("coordinate-range"));
        assert_eq!(coordinate("north", 90.0), Err("coordinate-invalid"));
    }

    #[test]
    fn dates_are_iso_and_not_in_the_future() {
        let today = date!(2026 - 11 - 26);
        assert_eq!(
            past_date("2024-05-01", today),
            Ok(Some(date!(2024 - 05 - 01)))
        );
        assert_eq!(past_date("2027-01-01", today), Err("date-future"));
        assert_eq!(past_date("01.05.2024", today), Err("date-invalid"));
    }
}
