//! Plants and devices in the API: the plant overview (its search `q`), one plant with its
//! sub-plants and devices (each with its warranty, as the plant's page shows it), and a
//! device by id or by serial number; exactly what the same person sees in the pages
//! (another company's plant or device answers 404).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::caller::ApiCaller;
use super::problem::ApiError;
use crate::app::AppState;
use crate::domain::catalog::Catalog;
use crate::domain::warranty::Warranty;
use crate::service::{plants, warranty};
use crate::store::devices::Device;
use crate::store::plants::Plant;

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
    fn of(device: &Device, w: &Warranty) -> Self {
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
    let page = plants::page(&state.core, &caller.actor, &plant, &assignees)?;
    Ok(Json(PlantDetail {
        summary: PlantSummary::of(&plant),
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
    }))
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
