//! Devices and sub-plants of a plant: registering a device by serial number and catalog
//! product, editing, moving between sub-plants, removing; creating, renaming and deleting
//! sub-plants.

pub use crate::views::devices::{DeviceForm, ExtensionForm, product_label};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::accounts::NoFields;
use super::context::PageCtx;
use super::plants::{past_date, today};
use crate::access as policy;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::domain::catalog::{Catalog, Category, Product};
use crate::domain::{self, SerialNumber};
use crate::error::{AppError, Result};
use crate::store::devices::{self, Device, RegisterRefused};
use crate::store::plants::{self, Plant};
use crate::views::components::Errors;
use crate::views::devices as view;

/// Finds the product a user chose: its id, the offered label, or its exact model or name.
pub fn parse_product(value: &str) -> Result<&'static Product, &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Err("field-required");
    }
    let catalog = Catalog::get();
    let by_id = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .and_then(|id| catalog.product(id))
    };
    let found = by_id(v)
        .or_else(|| {
            v.rsplit_once('(')
                .and_then(|(_, rest)| rest.strip_suffix(')'))
                .and_then(by_id)
        })
        .or_else(|| {
            catalog
                .all()
                .iter()
                .find(|p| p.model.eq_ignore_ascii_case(v) || p.name.eq_ignore_ascii_case(v))
        })
        .ok_or("device-product-unknown")?;
    match found.category {
        Category::OffGrid => Err("device-off-grid"),
        Category::Other => Err("device-not-registrable"),
        _ => Ok(found),
    }
}

fn subplant(plant: &Plant, value: &str) -> Result<Option<u32>, &'static str> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    let id: u32 = value.trim().parse().map_err(|_| "subplant-unknown")?;
    plant
        .subplants
        .iter()
        .find(|s| s.id == id)
        .map(|s| Some(s.id))
        .ok_or("subplant-unknown")
}

/// The plant `id` if the viewer may change it; 404 otherwise.
fn editable_plant(ctx: &PageCtx, me: &Viewer, id: u64) -> Result<(Plant, Vec<u64>)> {
    let (plant, assignees) =
        plants::visible(&ctx.state.store, &me.actor, id)?.ok_or(AppError::NotFound)?;
    if !policy::can_edit_plant(&me.actor, &plant.ownership(&assignees)) {
        return Err(AppError::NotFound);
    }
    Ok((plant, assignees))
}

/// `POST /plants/{id}/devices`: registers a device inside the plant.
pub async fn register(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<DeviceForm>,
) -> Result<Response> {
    let (plant, assignees) = editable_plant(&ctx, &me, id)?;
    let mut e = Errors::new();
    let serial = e.check("serial_number", SerialNumber::parse(&form.serial_number));
    let product = e.check("product", parse_product(&form.product));
    let name = e.check("name", domain::optional_text(&form.name, 80));
    let sub = e.check("subplant_id", subplant(&plant, &form.subplant_id));
    let purchase = e.check("purchase_date", past_date(&form.purchase_date, today(&ctx)));
    let commissioning = e.check(
        "commissioning_date",
        past_date(&form.commissioning_date, today(&ctx)),
    );
    let pic = e.check("pic", domain::optional_text(&form.pic, 40));
    let rid = e.check("rid", domain::optional_text(&form.rid, 40));
    let (
        Some(serial),
        Some(product),
        Some(name),
        Some(sub),
        Some(purchase),
        Some(commissioning),
        Some(pic),
        Some(rid),
        true,
    ) = (
        serial,
        product,
        name,
        sub,
        purchase,
        commissioning,
        pic,
        rid,
        e.is_empty(),
    )
    else {
        let page = super::plants::render_detail(
            &ctx,
            &me,
            &plant,
            &assignees,
            None,
            Some((&form, &e)),
            "",
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let device = Device {
        id: 0,
        plant_id: plant.id,
        serial: serial.value(),
        product_id: product.id,
        name,
        subplant: sub,
        purchase_date: purchase.map(|d| d.to_string()),
        commissioning_date: commissioning
            .map(|d| d.to_string())
            .or_else(|| plant.commissioning.clone()),
        pic,
        rid,
        extended: false,
        created_by: me.user.id,
        created_at: ctx.state.clock.now(),
        removed_at: None,
        swaps: Vec::new(),
        inherited_warranty_end: None,
    };
    match devices::register(&ctx.state.store, device)? {
        Ok(d) => {
            tracing::info!(
                event = "device_registered",
                user_id = me.user.id,
                plant = plant.id,
                device = d.id,
                "device registered"
            );
            Ok(Redirect::to(&format!("/plants/{}?saved=device#devices", plant.id)).into_response())
        }
        Err(RegisterRefused::SerialTaken) => {
            e.add("serial_number", "device-serial-taken");
            let page = super::plants::render_detail(
                &ctx,
                &me,
                &plant,
                &assignees,
                None,
                Some((&form, &e)),
                "",
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The device `id` with its plant, if the viewer may change the plant.
fn editable_device(ctx: &PageCtx, me: &Viewer, id: u64) -> Result<(Device, Plant)> {
    let device = devices::get(&ctx.state.store, id)?
        .filter(|d| d.removed_at.is_none())
        .ok_or(AppError::NotFound)?;
    let (plant, _) = editable_plant(ctx, me, device.plant_id)?;
    Ok((device, plant))
}

/// The requests about a device (by the device, or naming its serial) that the viewer
/// may see, open and closed.
fn device_tickets(
    ctx: &PageCtx,
    me: &Viewer,
    device: &Device,
) -> Result<Vec<crate::store::tickets::Ticket>> {
    Ok(
        crate::store::tickets::of_plant(&ctx.state.store, &me.actor, device.plant_id)?
            .into_iter()
            .filter(|t| t.device == Some(device.id) || t.serial == Some(device.serial))
            .collect(),
    )
}

/// `GET /devices/{id}`: edit or move a device.
pub async fn edit_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (device, plant) = editable_device(&ctx, &me, id)?;
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
    Ok(view::edit(
        &ctx,
        &device,
        &plant,
        &form,
        &Errors::new(),
        &tickets,
    ))
}

/// `POST /devices/{id}`: saves name, sub-plant, dates, PIC and RID.
pub async fn save(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<DeviceForm>,
) -> Result<Response> {
    let (device, plant) = editable_device(&ctx, &me, id)?;
    let mut e = Errors::new();
    let name = e.check("name", domain::optional_text(&form.name, 80));
    let sub = e.check("subplant_id", subplant(&plant, &form.subplant_id));
    let purchase = e.check("purchase_date", past_date(&form.purchase_date, today(&ctx)));
    let commissioning = e.check(
        "commissioning_date",
        past_date(&form.commissioning_date, today(&ctx)),
    );
    let pic = e.check("pic", domain::optional_text(&form.pic, 40));
    let rid = e.check("rid", domain::optional_text(&form.rid, 40));
    let (Some(name), Some(sub), Some(purchase), Some(commissioning), Some(pic), Some(rid), true) =
        (name, sub, purchase, commissioning, pic, rid, e.is_empty())
    else {
        let tickets = device_tickets(&ctx, &me, &device)?;
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::edit(&ctx, &device, &plant, &form, &e, &tickets),
        )
            .into_response());
    };
    let changed = Device {
        name,
        subplant: sub,
        purchase_date: purchase.map(|d| d.to_string()),
        commissioning_date: commissioning.map(|d| d.to_string()),
        pic,
        rid,
        ..device
    };
    devices::update(&ctx.state.store, &changed)?;
    Ok(Redirect::to(&format!("/plants/{}?saved=device#devices", plant.id)).into_response())
}

/// `GET /devices/{id}/remove`: asks for confirmation.
pub async fn remove_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (device, plant) = editable_device(&ctx, &me, id)?;
    Ok(view::confirm_remove(&ctx, &device, &plant))
}

/// `POST /devices/{id}/remove`: the device leaves the plant; its record and tickets stay.
pub async fn remove(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let (device, plant) = editable_device(&ctx, &me, id)?;
    devices::remove(&ctx.state.store, device.id, ctx.state.clock.now())?;
    tracing::info!(
        event = "device_removed",
        user_id = me.user.id,
        device = device.id,
        "device removed"
    );
    Ok(Redirect::to(&format!(
        "/plants/{}?saved=device-removed#devices",
        plant.id
    ))
    .into_response())
}

/// What the sub-plant forms send.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubPlantForm {
    pub name: String,
}

/// A valid sub-plant name, or the plant page with the message next to the field.
async fn subplant_name(
    ctx: &PageCtx,
    me: &Viewer,
    plant: &Plant,
    assignees: &[u64],
    typed: &str,
) -> Result<Result<String, Response>> {
    let mut e = Errors::new();
    match e.check("subplant_name", domain::required_text(typed, 80)) {
        Some(name) => Ok(Ok(name)),
        None => {
            let page = super::plants::render_detail(
                ctx,
                me,
                plant,
                assignees,
                Some((typed, &e)),
                None,
                "",
            )
            .await?;
            Ok(Err((StatusCode::UNPROCESSABLE_ENTITY, page).into_response()))
        }
    }
}

/// `POST /plants/{id}/subplants`
pub async fn add_subplant(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<SubPlantForm>,
) -> Result<Response> {
    let (plant, assignees) = editable_plant(&ctx, &me, id)?;
    let name = match subplant_name(&ctx, &me, &plant, &assignees, &form.name).await? {
        Ok(name) => name,
        Err(page) => return Ok(page),
    };
    devices::add_subplant(&ctx.state.store, plant.id, &name)?;
    Ok(Redirect::to(&format!("/plants/{id}?saved=subplant#subplants")).into_response())
}

/// `POST /plants/{id}/subplants/{sid}`: renames a sub-plant.
pub async fn rename_subplant(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path((id, sid)): Path<(u64, u32)>,
    CsrfForm(form): CsrfForm<SubPlantForm>,
) -> Result<Response> {
    let (plant, assignees) = editable_plant(&ctx, &me, id)?;
    let name = match subplant_name(&ctx, &me, &plant, &assignees, &form.name).await? {
        Ok(name) => name,
        Err(page) => return Ok(page),
    };
    devices::rename_subplant(&ctx.state.store, plant.id, sid, &name)?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("/plants/{id}?saved=subplant#subplants")).into_response())
}

/// `POST /plants/{id}/subplants/{sid}/delete`: only when no device is in it.
pub async fn delete_subplant(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path((id, sid)): Path<(u64, u32)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let (plant, assignees) = editable_plant(&ctx, &me, id)?;
    match devices::delete_subplant(&ctx.state.store, plant.id, sid)?.ok_or(AppError::NotFound)? {
        true => Ok(
            Redirect::to(&format!("/plants/{id}?saved=subplant-deleted#subplants")).into_response(),
        ),
        false => {
            let mut e = Errors::new();
            e.add("subplant_name", "subplant-not-empty");
            let page = super::plants::render_detail(
                &ctx,
                &me,
                &plant,
                &assignees,
                Some(("", &e)),
                None,
                "",
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

/// The device, its plant and its warranty end, if an extension can be ordered for it.
fn extensible(ctx: &PageCtx, me: &Viewer, id: u64) -> Result<(Device, Plant, time::Date)> {
    let (device, plant) = editable_device(ctx, me, id)?;
    match super::plants::device_warranty(ctx.state.config.warranty.rules(), &device, today(ctx)) {
        crate::domain::warranty::Warranty::Known {
            end,
            extension: Ok(()),
            ..
        } => Ok((device, plant, end)),
        _ => Err(AppError::NotFound),
    }
}

/// `GET /devices/{id}/warranty-extension`, from the device's warranty line.
pub async fn extension_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (device, plant, end) = extensible(&ctx, &me, id)?;
    let form = ExtensionForm {
        term: "5".into(),
        ..ExtensionForm::default()
    };
    Ok(view::extension_form(
        &ctx,
        &device,
        &plant,
        &end.to_string(),
        &form,
        &Errors::new(),
    ))
}

/// `POST /devices/{id}/warranty-extension`: files a warranty-extension request.
pub async fn extension(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<ExtensionForm>,
) -> Result<Response> {
    let (device, plant, end) = extensible(&ctx, &me, id)?;
    let mut e = Errors::new();
    let term = e.check(
        "term",
        ["5", "10", "15"]
            .into_iter()
            .find(|t| *t == form.term)
            .ok_or("extension-term-unknown"),
    );
    let message = e.check(
        "message",
        domain::optional_text(&form.message.replace(['\r', '\n'], " "), 5000),
    );
    let (Some(term), Some(message), true) = (term, message, e.is_empty()) else {
        let page = view::extension_form(&ctx, &device, &plant, &end.to_string(), &form, &e);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let now = ctx.state.clock.now();
    let product = Catalog::get()
        .product(device.product_id)
        .map_or(String::new(), product_label);
    let subject = ctx.t_args(
        "extension-subject",
        &crate::i18n::args(&[("years", term), ("serial", &device.serial.to_string())]),
    );
    let text = format!(
        "{subject}\n{product}\n{}: {end}\n\n{message}",
        ctx.t("extension-factory-end")
    );
    use crate::store::tickets::{Requester, Ticket, TicketMessage};
    let first = TicketMessage::new(now, Some(me.user.id), me.user.full_name(), false, text);
    let new = Ticket {
        topic: Some(format!("+{term}")),
        plant: Some(plant.id),
        device: Some(device.id),
        serial: Some(device.serial),
        ..Ticket::filed(
            crate::domain::ticket::TicketKind::WarrantyExtension,
            Requester::of(&me.user),
            subject,
            first,
        )
    };
    let created = crate::service::requests::file(&ctx.state.core, new, Vec::new(), true, |_| None)?;
    Ok(super::tickets::created_page(&created))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_by_id_label_or_model_and_refusals() {
        assert_eq!(parse_product("9088").unwrap().id, 9088);
        let label = product_label(Catalog::get().product(9088).unwrap());
        assert_eq!(parse_product(&label).unwrap().id, 9088);
        assert_eq!(parse_product("sc 500cp").unwrap().id, 9088);
        assert_eq!(parse_product("9279").unwrap_err(), "device-off-grid");
        assert_eq!(
            parse_product("Sunny Island 4.4M").unwrap_err(),
            "device-off-grid"
        );
        assert_eq!(
            parse_product("no such thing").unwrap_err(),
            "device-product-unknown"
        );
        assert_eq!(parse_product("").unwrap_err(), "field-required");
    }
}
