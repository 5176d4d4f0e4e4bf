//! Plants and devices in the API: the plant overview (its search `q`), one plant with its
//! sub-plants and devices (each with its warranty, as the plant's page shows it),
//! registering and changing a plant as its forms do, and a device by id or by serial
//! number; exactly what the same person sees and may do in the pages (another company's
//! plant or device answers 404).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::body::Body;
use super::caller::ApiCaller;
use super::problem::ApiError;
use crate::app::AppState;
use crate::domain::catalog::Catalog;
use crate::domain::warranty::Warranty;
use crate::service::{plants, warranty};
use crate::store::devices::Device;
use crate::store::plants::Plant;
use crate::views::plants::PlantForm;

/// A plant as the overview lists it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlantSummary {
    pub id: u64,
    pub name: String,
    pub postal_code: String,
    pub city: String,
    /// ISO 3166 code.
    pub country: String,
    pub operator_name: String,
}

impl PlantSummary {
    fn of(p: &Plant) -> Self {
        PlantSummary {
            id: p.id,
            name: p.name.clone(),
            postal_code: p.postal_code.clone(),
            city: p.city.clone(),
            country: p.country.clone(),
            operator_name: p.operator_name.clone(),
        }
    }
}

/// The plants a token's owner sees.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlantList {
    pub items: Vec<PlantSummary>,
}

/// The overview's search.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct PlantQuery {
    /// Words of a plant's name, place, postal code or operator; all plants when empty.
    pub q: String,
}

/// A part of a plant.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubPlantOut {
    pub id: u32,
    pub name: String,
}

/// A device's factory warranty (docs/domain.md, "Warranty").
#[derive(Debug, Serialize, ToSchema)]
pub struct WarrantyOut {
    /// `known`, `unknown` (no purchase or commissioning date) or `not-applicable`.
    pub state: &'static str,
    /// First and last day (`YYYY-MM-DD`), when known.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Days left, 0 when over.
    pub days_left: Option<i64>,
    /// Whether an extension can be ordered now.
    pub extension_orderable: bool,
    /// Whether one was ordered.
    pub extended: bool,
}

/// A device.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeviceOut {
    pub id: u64,
    pub plant_id: u64,
    pub serial: u32,
    /// The catalog's device-type id.
    pub product_id: u32,
    /// The model code from the catalog, e.g. `STP 10.0-3AV-40`.
    pub model: Option<String>,
    /// Its own name, e.g. "Inverter roof east".
    pub name: String,
    pub subplant: Option<u32>,
    pub purchase_date: Option<String>,
    pub commissioning_date: Option<String>,
    pub warranty: WarrantyOut,
}

impl DeviceOut {
    pub(super) fn of(device: &Device, w: &Warranty) -> Self {
        let product = Catalog::get().product(device.product_id);
        let warranty = match w {
            Warranty::Known {
                start,
                end,
                days_left,
                extension,
            } => WarrantyOut {
                state: "known",
                start: Some(start.to_string()),
                end: Some(end.to_string()),
                days_left: Some(*days_left),
                extension_orderable: extension.is_ok(),
                extended: device.extended,
            },
            Warranty::Unknown => WarrantyOut {
                state: "unknown",
                start: None,
                end: None,
                days_left: None,
                extension_orderable: false,
                extended: device.extended,
            },
            Warranty::NotApplicable => WarrantyOut {
                state: "not-applicable",
                start: None,
                end: None,
                days_left: None,
                extension_orderable: false,
                extended: device.extended,
            },
        };
        DeviceOut {
            id: device.id,
            plant_id: device.plant_id,
            serial: device.serial,
            product_id: device.product_id,
            model: product.map(|p| p.model.clone()),
            name: device.name.clone(),
            subplant: device.subplant,
            purchase_date: device.purchase_date.clone(),
            commissioning_date: device.commissioning_date.clone(),
            warranty,
        }
    }
}

/// A plant with its sub-plants and devices.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlantDetail {
    #[serde(flatten)]
    pub summary: PlantSummary,
    pub street: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `YYYY-MM-DD`
    pub commissioning: Option<String>,
    pub subplants: Vec<SubPlantOut>,
    pub devices: Vec<DeviceOut>,
}

/// The plants the token's owner sees in the plant overview.
#[utoipa::path(
    get,
    path = "/plants",
    operation_id = "list_plants",
    tag = "plants",
    params(PlantQuery),
    security(("token" = ["read"])),
    responses((status = 200, description = "The plants", body = PlantList))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller, _): ApiCaller,
    Query(q): Query<PlantQuery>,
) -> Result<Json<PlantList>, ApiError> {
    let found = state.store.plants().list(&caller.actor, q.q.trim())?;
    Ok(Json(PlantList {
        items: found.iter().map(|(p, _)| PlantSummary::of(p)).collect(),
    }))
}

/// One plant with its sub-plants and its devices, each with its warranty.
#[utoipa::path(
    get,
    path = "/plants/{id}",
    operation_id = "get_plant",
    tag = "plants",
    params(("id" = u64, Path, description = "The plant's id")),
    security(("token" = ["read"])),
    responses(
        (status = 200, description = "The plant", body = PlantDetail),
        (status = 404, description = "No such plant that the token may see", content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiCaller(caller, _): ApiCaller,
    Path(id): Path<u64>,
) -> Result<Json<PlantDetail>, ApiError> {
    let (plant, assignees) = state
        .store
        .plants()
        .visible(&caller.actor, id)?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(detail(&state, &caller.actor, &plant, &assignees)?))
}

/// The plant as [`get`] answers it.
fn detail(
    state: &AppState,
    actor: &crate::access::Actor,
    plant: &Plant,
    assignees: &[u64],
) -> Result<PlantDetail, ApiError> {
    let page = plants::page(&state.core, actor, plant, assignees)?;
    Ok(PlantDetail {
        summary: PlantSummary::of(plant),
        street: plant.street.clone(),
        latitude: plant.latitude,
        longitude: plant.longitude,
        commissioning: plant.commissioning.clone(),
        subplants: plant
            .subplants
            .iter()
            .map(|s| SubPlantOut {
                id: s.id,
                name: s.name.clone(),
            })
            .collect(),
        devices: page
            .devices
            .iter()
            .map(|row| DeviceOut::of(&row.device, &row.warranty))
            .collect(),
    })
}

/// A plant's data, as the plant form takes it. On a change (`PATCH`) every field is
/// optional and what is left out stays as it is.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PlantIn {
    pub name: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    /// ISO 3166 code of a country open for registration (`plants.registration_countries`).
    pub country: Option<String>,
    /// Decimal degrees; give both or neither.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `YYYY-MM-DD`, not in the future; empty for none.
    pub commissioning: Option<String>,
    /// The plant operator (the owner); a plant operator's own plant always names them.
    pub operator_name: Option<String>,
    pub operator_email: Option<String>,
}

impl PlantIn {
    /// The plant form filled from `base` (the stored plant, or empty) with what was sent.
    fn form(self, base: PlantForm) -> PlantForm {
        let coordinate = |v: Option<f64>, old: String| v.map_or(old, |v| v.to_string());
        PlantForm {
            name: self.name.unwrap_or(base.name),
            street: self.street.unwrap_or(base.street),
            postal_code: self.postal_code.unwrap_or(base.postal_code),
            city: self.city.unwrap_or(base.city),
            country: self.country.unwrap_or(base.country),
            latitude: coordinate(self.latitude, base.latitude),
            longitude: coordinate(self.longitude, base.longitude),
            commissioning_date: self.commissioning.unwrap_or(base.commissioning_date),
            operator_name: self.operator_name.unwrap_or(base.operator_name),
            operator_email: self.operator_email.unwrap_or(base.operator_email),
            smart_home: String::new(),
        }
    }
}

/// The form's field names as the API's body names them.
const PLANT_FIELDS: [(&str, &str); 1] = [("commissioning_date", "commissioning")];

/// Checks `form` as the plant form is checked.
fn checked(
    state: &AppState,
    form: &PlantForm,
    fixed: Option<&(String, String)>,
) -> Result<plants::PlantData, ApiError> {
    let open = &state.config.plants.registration_countries;
    let fixed = fixed.map(|(n, e)| (n.as_str(), e.as_str()));
    plants::PlantData::check(form, open, state.core.today(), fixed)
        .map_err(|e| ApiError::fields_as(e, &PLANT_FIELDS))
}

/// Registers a plant, as "Register plant" does: for the token owner's company (an
/// installer's plant is assigned to them), or a plant operator's own. The service team
/// registers none (403).
#[utoipa::path(
    post,
    path = "/plants",
    operation_id = "create_plant",
    tag = "plants",
    request_body = PlantIn,
    security(("token" = ["write"])),
    responses(
        (status = 201, description = "The plant as registered; its address in Location", body = PlantDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 422, description = "Field errors, as the plant form shows them", content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    api: ApiCaller,
    Body(body): Body<PlantIn>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let who = api.acting();
    if !crate::access::can_create_plant(who.actor) {
        return Err(ApiError::Forbidden);
    }
    let own = plants::operator_self(&who);
    let data = checked(&state, &body.form(PlantForm::default()), own.as_ref())?;
    let plant = plants::register(&state.core, &who, data)?.ok_or(ApiError::Forbidden)?;
    let (plant, assignees) = state
        .store
        .plants()
        .visible(who.actor, plant.id)?
        .ok_or(ApiError::NotFound)?;
    let location = format!("{}/plants/{}", super::PREFIX, plant.id);
    Ok((
        axum::http::StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(detail(&state, who.actor, &plant, &assignees)?),
    )
        .into_response())
}

/// Changes a plant's data, as its page's form does; fields left out stay. Who may change
/// it: the company's administrators, the installers it is assigned to, a plant operator
/// their own plant; for anyone else it is 404.
#[utoipa::path(
    patch,
    path = "/plants/{id}",
    operation_id = "update_plant",
    tag = "plants",
    params(("id" = u64, Path, description = "The plant's id")),
    request_body = PlantIn,
    security(("token" = ["write"])),
    responses(
        (status = 200, description = "The plant as saved", body = PlantDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such plant that the token may change", content_type = "application/problem+json"),
        (status = 422, description = "Field errors", content_type = "application/problem+json"),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    api: ApiCaller,
    Path(id): Path<u64>,
    Body(body): Body<PlantIn>,
) -> Result<Json<PlantDetail>, ApiError> {
    let who = api.acting();
    let (plant, assignees) = plants::editable(&state.core, &who, id)?.ok_or(ApiError::NotFound)?;
    let form = body.form(PlantForm::of(&plant));
    let data = checked(&state, &form, plants::operator_fixed(&plant).as_ref())?;
    let plant = plants::save(&state.core, &who, plant, data)?;
    Ok(Json(detail(&state, who.actor, &plant, &assignees)?))
}

/// The device `found` if the caller may see its plant.
fn visible_device(
    state: &AppState,
    caller: &crate::service::api_tokens::Caller,
    found: Option<Device>,
) -> Result<Json<DeviceOut>, ApiError> {
    let device = found
        .filter(|d| d.removed_at.is_none())
        .ok_or(ApiError::NotFound)?;
    state
        .store
        .plants()
        .visible(&caller.actor, device.plant_id)?
        .ok_or(ApiError::NotFound)?;
    let w = warranty::today_of(&state.core, &device);
    Ok(Json(DeviceOut::of(&device, &w)))
}

/// One device by its id.
#[utoipa::path(
    get,
    path = "/devices/{id}",
    operation_id = "get_device",
    tag = "plants",
    params(("id" = u64, Path, description = "The device's id")),
    security(("token" = ["read"])),
    responses(
        (status = 200, description = "The device", body = DeviceOut),
        (status = 404, description = "No such device that the token may see", content_type = "application/problem+json"),
    )
)]
pub async fn device(
    State(state): State<AppState>,
    ApiCaller(caller, _): ApiCaller,
    Path(id): Path<u64>,
) -> Result<Json<DeviceOut>, ApiError> {
    let found = state.store.devices().get(id)?;
    visible_device(&state, &caller, found)
}

/// One device by the serial number it carries now.
#[utoipa::path(
    get,
    path = "/devices/by-serial/{serial}",
    operation_id = "get_device_by_serial",
    tag = "plants",
    params(("serial" = u32, Path, description = "The serial number on its type label")),
    security(("token" = ["read"])),
    responses(
        (status = 200, description = "The device", body = DeviceOut),
        (status = 404, description = "No such device that the token may see", content_type = "application/problem+json"),
    )
)]
pub async fn by_serial(
    State(state): State<AppState>,
    ApiCaller(caller, _): ApiCaller,
    Path(serial): Path<u32>,
) -> Result<Json<DeviceOut>, ApiError> {
    let found = state.store.devices().by_serial(serial)?;
    visible_device(&state, &caller, found)
}
