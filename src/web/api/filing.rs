//! Filing the requests about a device through the API, as their forms do: a device
//! replacement (docs/domain.md, "Replacement": the failed device, the event, the day it
//! failed, the delivery address, the contact on site, the proof of purchase, the two
//! confirmations) and a warranty extension (docs/domain.md, "Warranty": only while the
//! device's extension window is open). The token owner gets the confirmation by e-mail.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;

use super::body::Body;
use super::caller::ApiCaller;
use super::files::{self, FileIn};
use super::problem::ApiError;
use super::requests::RequestDetail;
use crate::access as policy;
use crate::app::AppState;
use crate::service::devices::{self, ExtensionOrder};
use crate::service::replacement::{self, NewReplacement};
use crate::store::tickets::Ticket;
use crate::views::devices::ExtensionForm;
use crate::views::replacement::ReplacementForm;

/// A new delivery address.
#[derive(Debug, Default, Deserialize, ToSchema, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct AddressIn {
    pub recipient: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// ISO 3166 code.
    pub country: String,
}

/// A device replacement request.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReplacementIn {
    /// A device of a plant the token's owner sees; or leave it out and give `serial`
    /// (and `product` when the serial is not one of those devices).
    pub device_id: Option<u64>,
    pub serial: String,
    /// The catalog product (its id or model code), for a serial not registered here.
    pub product: String,
    /// The exact event number or error message the device shows.
    pub event: String,
    pub description: String,
    /// `YYYY-MM-DD`, not in the future.
    pub failure_date: String,
    /// `owner` or `installer`: who the requester is to the plant.
    pub role: String,
    /// One of the delivery addresses of "My profile"; or leave it out and give `address`.
    pub address_id: Option<u32>,
    pub address: Option<AddressIn>,
    /// Keep the new address in "My profile".
    pub save_address: bool,
    /// Who receives the replacement on site, and their phone.
    pub onsite_name: String,
    pub onsite_phone: String,
    /// The failed device will be ready for pick-up when the replacement arrives.
    pub confirm_pickup: bool,
    /// Accessories (plugs, covers) are kept and moved to the replacement.
    pub confirm_accessories: bool,
    /// The proof of purchase (invoice), one file.
    pub proof_of_purchase: Option<FileIn>,
}

/// The form's field names as the API's body names them.
const REPLACEMENT_FIELDS: [(&str, &str); 4] = [
    ("device", "device_id"),
    ("address", "address_id"),
    ("file", "proof_of_purchase"),
    ("recipient", "address.recipient"),
];

/// 201 with the request filed and its address.
fn created(t: &Ticket) -> Response {
    let location = format!("{}/requests/{}", super::PREFIX, t.id);
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(RequestDetail::of(t, false)),
    )
        .into_response()
}

/// Files a device replacement request, as "Request a replacement" does. The service
/// team files none (403).
#[utoipa::path(
    post,
    path = "/requests/replacement",
    operation_id = "create_replacement_request",
    tag = "requests",
    request_body = ReplacementIn,
    security(("token" = ["write"])),
    responses(
        (status = 201, description = "The request as filed; its address in Location", body = RequestDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 403, description = "The service team files no replacement requests", content_type = "application/problem+json"),
        (status = 422, description = "Field errors, as the replacement form shows them", content_type = "application/problem+json"),
    )
)]
pub async fn replacement(
    State(state): State<AppState>,
    api: ApiCaller,
    Body(body): Body<ReplacementIn>,
) -> Result<Response, ApiError> {
    let who = api.acting();
    let Some(choices) = replacement::choices(&state.core, &who)? else {
        return Err(ApiError::Forbidden);
    };
    let on = |b: bool| if b { "on" } else { "" }.to_owned();
    let address = body.address.unwrap_or_default();
    let form = ReplacementForm {
        device: body.device_id.map(|d| d.to_string()).unwrap_or_default(),
        serial: body.serial,
        product: body.product,
        event: body.event,
        description: body.description,
        failure_date: body.failure_date,
        role: body.role,
        address: body
            .address_id
            .map_or_else(|| "new".to_owned(), |a| a.to_string()),
        recipient: address.recipient,
        street: address.street,
        postal_code: address.postal_code,
        city: address.city,
        country: address.country,
        save_address: on(body.save_address),
        onsite_name: body.onsite_name,
        onsite_phone: body.onsite_phone,
        confirm_pickup: on(body.confirm_pickup),
        confirm_accessories: on(body.confirm_accessories),
    };
    let limit = state.config.uploads.max_document_mb * 1024 * 1024;
    let proof = match &body.proof_of_purchase {
        None => Err("replacement-proof-required"),
        Some(file) => files::uploads(std::slice::from_ref(file), limit),
    };
    let new = NewReplacement::check(&form, proof, &choices, who.user, state.core.today())
        .map_err(|e| ApiError::fields_as(e, &REPLACEMENT_FIELDS))?;
    let t = replacement::request(&state.core, &who, who.user.language, new)?;
    Ok(created(&t))
}

/// A warranty-extension order.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExtensionIn {
    /// The device (an inverter of a plant the token's owner may change).
    pub device_id: u64,
    /// Years added: `5`, `10` or `15`.
    pub term: String,
    /// A note for the service team.
    pub message: String,
}

/// Orders a warranty extension for a device, as its warranty line's form does: only
/// while its extension window is open (docs/domain.md, "Warranty"); otherwise, or for a
/// device the token may not change, 404.
#[utoipa::path(
    post,
    path = "/requests/warranty-extension",
    operation_id = "create_warranty_extension_request",
    tag = "requests",
    request_body = ExtensionIn,
    security(("token" = ["write"])),
    responses(
        (status = 201, description = "The request as filed; its address in Location", body = RequestDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such device that the token may change, or no extension can be ordered for it now", content_type = "application/problem+json"),
        (status = 422, description = "Field errors", content_type = "application/problem+json"),
    )
)]
pub async fn warranty_extension(
    State(state): State<AppState>,
    api: ApiCaller,
    Body(body): Body<ExtensionIn>,
) -> Result<Response, ApiError> {
    let who = api.acting();
    if !policy::can_request_replacement(who.actor) {
        return Err(ApiError::NotFound);
    }
    let (device, plant) =
        devices::editable(&state.core, &who, body.device_id)?.ok_or(ApiError::NotFound)?;
    let end = devices::extensible(&state.core, &device).ok_or(ApiError::NotFound)?;
    let form = ExtensionForm {
        term: body.term,
        message: body.message,
    };
    let order = ExtensionOrder::check(&form).map_err(ApiError::Invalid)?;
    let of = (&device, &plant, end);
    let t = devices::order_extension(&state.core, &who, who.user.language, of, order)?;
    Ok(created(&t))
}
