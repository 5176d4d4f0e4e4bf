//! Devices in the API, as a plant's page registers and changes them: registering one in
//! a plant by serial number and catalog product (docs/domain.md, "Devices"; a serial is
//! registered once per instance, 409 otherwise) and changing its name, dates, PIC/RID or
//! moving it to another sub-plant. Who may: whoever may change the plant; for anyone
//! else the plant or device answers 404.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::ToSchema;

use super::body::Body;
use super::caller::ApiCaller;
use super::plants::DeviceOut;
use super::problem::ApiError;
use crate::app::AppState;
use crate::service::devices::{self, DeviceDetails, NewDevice, Registration};
use crate::service::{plants, warranty};
use crate::store::devices::Device;
use crate::views::devices::DeviceForm;

/// A device's data, as the device form takes it. On a change (`PATCH`) every field is
/// optional and what is left out stays as it is; `serial` and `product` are given when
/// registering only.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DeviceIn {
    /// The serial number on the type label (registering only).
    pub serial: Option<String>,
    /// The catalog product: its id, or its exact model code (registering only).
    pub product: Option<String>,
    /// Its own name, e.g. "Inverter roof east".
    pub name: Option<String>,
    /// The sub-plant it belongs to (one of the plant's); `0` for none.
    pub subplant: Option<u32>,
    /// `YYYY-MM-DD`, not in the future; empty for none.
    pub purchase_date: Option<String>,
    /// `YYYY-MM-DD`, not in the future; empty for none (a new device takes the plant's).
    pub commissioning_date: Option<String>,
    /// The product key (PIC) and registration id (RID) of the type label.
    pub pic: Option<String>,
    pub rid: Option<String>,
}

impl DeviceIn {
    /// The device form filled from `base` with what was sent.
    fn form(self, base: DeviceForm) -> DeviceForm {
        let subplant = |s: Option<u32>, old: String| match s {
            Some(0) => String::new(),
            Some(id) => id.to_string(),
            None => old,
        };
        DeviceForm {
            serial_number: self.serial.unwrap_or(base.serial_number),
            product: self.product.unwrap_or(base.product),
            name: self.name.unwrap_or(base.name),
            subplant_id: subplant(self.subplant, base.subplant_id),
            purchase_date: self.purchase_date.unwrap_or(base.purchase_date),
            commissioning_date: self.commissioning_date.unwrap_or(base.commissioning_date),
            pic: self.pic.unwrap_or(base.pic),
            rid: self.rid.unwrap_or(base.rid),
        }
    }
}

/// The form's field names as the API's body names them.
const DEVICE_FIELDS: [(&str, &str); 5] = [
    ("serial_number", "serial"),
    ("device_name", "name"),
    ("subplant_id", "subplant"),
    ("device_commissioning_date", "commissioning_date"),
    ("product", "product"),
];

/// The form of a stored device.
fn form_of(d: &Device) -> DeviceForm {
    DeviceForm {
        serial_number: d.serial.to_string(),
        product: d.product_id.to_string(),
        name: d.name.clone(),
        subplant_id: d.subplant.map(|s| s.to_string()).unwrap_or_default(),
        purchase_date: d.purchase_date.clone().unwrap_or_default(),
        commissioning_date: d.commissioning_date.clone().unwrap_or_default(),
        pic: d.pic.clone(),
        rid: d.rid.clone(),
    }
}

/// Registers a device in a plant, as the plant page's form does.
#[utoipa::path(
    post,
    path = "/plants/{id}/devices",
    operation_id = "register_device",
    tag = "plants",
    params(("id" = u64, Path, description = "The plant's id")),
    request_body = DeviceIn,
    security(("token" = ["write"])),
    responses(
        (status = 201, description = "The device as registered; its address in Location", body = DeviceOut),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such plant that the token may change", content_type = "application/problem+json"),
        (status = 409, description = "The serial number is registered already", content_type = "application/problem+json"),
        (status = 422, description = "Field errors, as the device form shows them", content_type = "application/problem+json"),
    )
)]
pub async fn register(
    State(state): State<AppState>,
    api: ApiCaller,
    Path(id): Path<u64>,
    Body(body): Body<DeviceIn>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let who = api.acting();
    let (plant, _) = plants::editable(&state.core, &who, id)?.ok_or(ApiError::NotFound)?;
    let form = body.form(DeviceForm::default());
    let new = NewDevice::check(&form, &plant, state.core.today())
        .map_err(|e| ApiError::fields_as(e, &DEVICE_FIELDS))?;
    match devices::register(&state.core, &who, &plant, new)? {
        Registration::Registered(device) => {
            let w = warranty::today_of(&state.core, &device);
            let location = format!("{}/devices/{}", super::PREFIX, device.id);
            Ok((
                axum::http::StatusCode::CREATED,
                [(axum::http::header::LOCATION, location)],
                Json(DeviceOut::of(&device, &w)),
            )
                .into_response())
        }
        Registration::SerialTaken => Err(ApiError::Conflict("device-serial-taken")),
    }
}

/// Changes a device's name, dates, PIC and RID, or moves it to another sub-plant of its
/// plant, as the device's form does; fields left out stay. Its serial and product stay.
#[utoipa::path(
    patch,
    path = "/devices/{id}",
    operation_id = "update_device",
    tag = "plants",
    params(("id" = u64, Path, description = "The device's id")),
    request_body = DeviceIn,
    security(("token" = ["write"])),
    responses(
        (status = 200, description = "The device as saved", body = DeviceOut),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such device that the token may change", content_type = "application/problem+json"),
        (status = 422, description = "Field errors (serial and product cannot change)", content_type = "application/problem+json"),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    api: ApiCaller,
    Path(id): Path<u64>,
    Body(body): Body<DeviceIn>,
) -> Result<Json<DeviceOut>, ApiError> {
    let who = api.acting();
    let (device, plant) = devices::editable(&state.core, &who, id)?.ok_or(ApiError::NotFound)?;
    let mut fixed = crate::views::components::Errors::new();
    if body
        .serial
        .as_ref()
        .is_some_and(|s| s.trim() != device.serial.to_string())
    {
        fixed.add("serial", "api-device-serial-fixed");
    }
    if body
        .product
        .as_ref()
        .is_some_and(|p| p.trim() != device.product_id.to_string())
    {
        fixed.add("product", "api-device-product-fixed");
    }
    if !fixed.is_empty() {
        return Err(ApiError::Invalid(fixed));
    }
    let form = body.form(form_of(&device));
    let details = DeviceDetails::check(&form, &plant, state.core.today())
        .map_err(|e| ApiError::fields_as(e, &DEVICE_FIELDS))?;
    let device = devices::save(&state.core, &who, device, details)?;
    let w = warranty::today_of(&state.core, &device);
    Ok(Json(DeviceOut::of(&device, &w)))
}
