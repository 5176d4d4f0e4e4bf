//! Devices and sub-plants of a plant: registering a device by serial number and catalog
//! product, editing, moving between sub-plants, removing, ordering a warranty extension;
//! creating, renaming and deleting sub-plants. The use cases are in
//! [`crate::service::devices`] and [`crate::service::plants`].

pub use crate::views::devices::{DeviceForm, ExtensionForm, product_label};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::accounts::NoFields;
use super::context::PageCtx;
use super::plants::{Refused, render_detail_with};
use super::trail::Trail;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::{AppError, Result};
use crate::service::devices::{self as use_case, DeviceDetails, ExtensionOrder, NewDevice};
use crate::service::plants::{self as plant_cases, SubplantDeleted};
use crate::store::devices::Device;
use crate::store::plants::Plant;
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::devices as view;

/// The plant `id` with its assignees if the viewer may change it; 404 otherwise.
fn editable_plant(ctx: &PageCtx, me: &Viewer, trail: &Trail, id: u64) -> Result<(Plant, Vec<u64>)> {
    plant_cases::editable(&ctx.state.core, &trail.acting(me), id)?.ok_or(AppError::NotFound)
}

/// The device `id` with its plant if the viewer may change the plant; 404 otherwise.
fn editable_device(ctx: &PageCtx, me: &Viewer, trail: &Trail, id: u64) -> Result<(Device, Plant)> {
    use_case::editable(&ctx.state.core, &trail.acting(me), id)?.ok_or(AppError::NotFound)
}

/// The plant page again, 422, with one of its forms refused.
async fn refused_on_plant(
    ctx: &PageCtx,
    me: &Viewer,
    (plant, assignees): &(Plant, Vec<u64>),
    refused: Refused<'_>,
) -> Result<Response> {
    let page = render_detail_with(ctx, me, plant, assignees, refused, "").await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// `POST /plants/{id}/devices`: registers a device inside the plant.
pub async fn register(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<DeviceForm>,
) -> Result<Response> {
    let found = editable_plant(&ctx, &me, &trail, id)?;
    let core = &ctx.state.core;
    let errors = match NewDevice::check(&form, &found.0, core.today()) {
        Err(errors) => errors,
        Ok(new) => match use_case::register(core, &trail.acting(&me), &found.0, new)? {
            use_case::Registration::Registered(_) => {
                let to = format!("/plants/{id}?saved=device#devices");
                return Ok(Redirect::to(&to).into_response());
            }
            use_case::Registration::SerialTaken => {
                let mut e = Errors::new();
                e.add("serial_number", "device-serial-taken");
                e
            }
        },
    };
    let refused = Refused {
        device: Some((&form, &errors)),
        ..Refused::default()
    };
    refused_on_plant(&ctx, &me, &found, refused).await
}

/// The requests about a device (by the device, or naming its serial) that the viewer
/// may see, open and closed.
fn device_tickets(ctx: &PageCtx, me: &Viewer, device: &Device) -> Result<Vec<Ticket>> {
    Ok(ctx
        .state
        .store
        .tickets()
        .of_plant(&me.actor, device.plant_id)?
        .into_iter()
        .filter(|t| t.device == Some(device.id) || t.serial == Some(device.serial))
        .collect())
}

/// `GET /devices/{id}`: edit or move a device.
pub async fn edit_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (device, plant) = editable_device(&ctx, &me, &trail, id)?;
    let form = DeviceForm {
        serial_number: device.serial.to_string(),
        product: device.product_id.to_string(),
        name: device.name.clone(),
        subplant_id: device.subplant.map(|s| s.to_string()).unwrap_or_default(),
        purchase_date: device.purchase_date.clone().unwrap_or_default(),
        commissioning_date: device.commissioning_date.clone().unwrap_or_default(),
        pic: device.pic.clone(),
        rid: device.rid.clone(),
    };
    let tickets = device_tickets(&ctx, &me, &device)?;
    let no_errors = Errors::new();
    let warranty = crate::service::warranty::today_of(&ctx.state.core, &device);
    Ok(view::edit(
        &ctx,
        (&device, &warranty),
        &plant,
        &form,
        &no_errors,
        &tickets,
    ))
}

/// `POST /devices/{id}`: saves name, sub-plant, dates, PIC and RID.
pub async fn save(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<DeviceForm>,
) -> Result<Response> {
    let (device, plant) = editable_device(&ctx, &me, &trail, id)?;
    match DeviceDetails::check(&form, &plant, ctx.state.core.today()) {
        Ok(details) => {
            use_case::save(&ctx.state.core, &trail.acting(&me), device, details)?;
            let to = format!("/plants/{}?saved=device#devices", plant.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(e) => {
            let tickets = device_tickets(&ctx, &me, &device)?;
            let warranty = crate::service::warranty::today_of(&ctx.state.core, &device);
            let page = view::edit(&ctx, (&device, &warranty), &plant, &form, &e, &tickets);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `GET /devices/{id}/remove`: asks for confirmation.
pub async fn remove_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (device, plant) = editable_device(&ctx, &me, &trail, id)?;
    Ok(view::confirm_remove(&ctx, &device, &plant))
}

/// `POST /devices/{id}/remove`: the device leaves the plant; its record and tickets stay.
pub async fn remove(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let (device, plant) = editable_device(&ctx, &me, &trail, id)?;
    use_case::remove(&ctx.state.core, &trail.acting(&me), &device)?;
    let to = format!("/plants/{}?saved=device-removed#devices", plant.id);
    Ok(Redirect::to(&to).into_response())
}

/// What the sub-plant forms send.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubPlantForm {
    pub name: String,
}

/// The plant page after a sub-plant change.
fn subplants_saved(id: u64, saved: &str) -> Response {
    Redirect::to(&format!("/plants/{id}?saved={saved}#subplants")).into_response()
}

/// `POST /plants/{id}/subplants`
pub async fn add_subplant(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<SubPlantForm>,
) -> Result<Response> {
    let found = editable_plant(&ctx, &me, &trail, id)?;
    match plant_cases::subplant_name(&form.name) {
        Ok(name) => {
            plant_cases::add_subplant(&ctx.state.core, &found.0, &name)?;
            Ok(subplants_saved(id, "subplant"))
        }
        Err(e) => {
            let refused = Refused {
                subplant: Some((&form.name, &e)),
                ..Refused::default()
            };
            refused_on_plant(&ctx, &me, &found, refused).await
        }
    }
}

/// `POST /plants/{id}/subplants/{sid}`: renames a sub-plant.
pub async fn rename_subplant(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path((id, sid)): Path<(u64, u32)>,
    CsrfForm(form): CsrfForm<SubPlantForm>,
) -> Result<Response> {
    let found = editable_plant(&ctx, &me, &trail, id)?;
    match plant_cases::subplant_name(&form.name) {
        Ok(name) => {
            plant_cases::rename_subplant(&ctx.state.core, &found.0, sid, &name)?
                .ok_or(AppError::NotFound)?;
            Ok(subplants_saved(id, "subplant"))
        }
        Err(e) => {
            let refused = Refused {
                subplant: Some((&form.name, &e)),
                ..Refused::default()
            };
            refused_on_plant(&ctx, &me, &found, refused).await
        }
    }
}

/// `POST /plants/{id}/subplants/{sid}/delete`: only when no device is in it.
pub async fn delete_subplant(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path((id, sid)): Path<(u64, u32)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let found = editable_plant(&ctx, &me, &trail, id)?;
    match plant_cases::delete_subplant(&ctx.state.core, &found.0, sid)? {
        SubplantDeleted::Deleted => Ok(subplants_saved(id, "subplant-deleted")),
        SubplantDeleted::Unknown => Err(AppError::NotFound),
        SubplantDeleted::NotEmpty => {
            let mut e = Errors::new();
            e.add("subplant_name", "subplant-not-empty");
            let refused = Refused {
                subplant: Some(("", &e)),
                ..Refused::default()
            };
            let (plant, assignees) = &found;
            let page = render_detail_with(&ctx, &me, plant, assignees, refused, "").await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

/// The device, its plant and its warranty end, if an extension can be ordered for it.
fn extensible(
    ctx: &PageCtx,
    me: &Viewer,
    trail: &Trail,
    id: u64,
) -> Result<(Device, Plant, time::Date)> {
    let (device, plant) = editable_device(ctx, me, trail, id)?;
    let end = use_case::extensible(&ctx.state.core, &device).ok_or(AppError::NotFound)?;
    Ok((device, plant, end))
}

/// `GET /devices/{id}/warranty-extension`, from the device's warranty line.
pub async fn extension_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (device, plant, end) = extensible(&ctx, &me, &trail, id)?;
    let form = ExtensionForm {
        term: "5".into(),
        ..ExtensionForm::default()
    };
    let end = end.to_string();
    Ok(view::extension_form(
        &ctx,
        &device,
        &plant,
        &end,
        &form,
        &Errors::new(),
    ))
}

/// `POST /devices/{id}/warranty-extension`: files a warranty-extension request.
pub async fn extension(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<ExtensionForm>,
) -> Result<Response> {
    let (device, plant, end) = extensible(&ctx, &me, &trail, id)?;
    match ExtensionOrder::check(&form) {
        Ok(order) => {
            let of = (&device, &plant, end);
            let acting = trail.acting(&me);
            let created = use_case::order_extension(&ctx.state.core, &acting, ctx.lang, of, order)?;
            Ok(super::tickets::created_page(&created))
        }
        Err(e) => {
            let page = view::extension_form(&ctx, &device, &plant, &end.to_string(), &form, &e);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
