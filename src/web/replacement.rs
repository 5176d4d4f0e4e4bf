//! The device replacement request (docs/domain.md, "Replacement"): the failed device (picked from the plants
//! the requester sees, or its serial typed in), the exact event number, a description,
//! the day it failed, owner or installer, the delivery address (from "My profile" or a
//! new one), the contact on site, the proof of purchase, and the two confirmations.

pub use crate::views::replacement::{Choice, ReplacementForm};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::context::PageCtx;
use super::multipart::{MultipartForm, checked_uploads};
use super::profile::AddressForm;
use crate::access as policy;
use crate::auth::csrf::CsrfSeed;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::domain::catalog::Catalog;
use crate::domain::ticket::TicketKind;
use crate::domain::{self, SerialNumber};
use crate::error::{AppError, Result};
use crate::store::devices::{self};
use crate::store::plants::{self};
use crate::store::tickets::{Replacement, Requester, Ticket, TicketMessage};
use crate::store::users::DeliveryAddress;
use crate::views::components::Errors;
use crate::views::replacement as view;

impl ReplacementForm {
    /// Whether the replacement goes to a new address: chosen in the list, or typed in
    /// (filling in the new address means it, whatever the list still shows).
    pub fn wants_new_address(&self) -> bool {
        self.address == "new"
            || [&self.recipient, &self.street, &self.postal_code, &self.city]
                .iter()
                .any(|v| !v.trim().is_empty())
    }

    /// The new-address part of the form.
    pub fn address_form(&self) -> AddressForm {
        AddressForm {
            recipient: self.recipient.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            make_default: String::new(),
        }
    }
}

/// The devices of every plant `me` sees, by plant name then serial.
fn choices(ctx: &PageCtx, me: &Viewer) -> Result<Vec<Choice>> {
    let mut out = Vec::new();
    for (plant, _) in plants::list(&ctx.state.store, &me.actor, "")? {
        for device in devices::of_plant(&ctx.state.store, plant.id)? {
            out.push(Choice {
                device,
                plant: plant.clone(),
            });
        }
    }
    Ok(out)
}

fn refuse_staff(me: &Viewer) -> Result<()> {
    if policy::can_request_replacement(&me.actor) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// `GET /tickets/replacement?serial=…`
pub async fn form_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<ReplacementForm>,
) -> Result<Markup> {
    refuse_staff(&me)?;
    let choices = choices(&ctx, &me)?;
    let serial: String = q.serial.chars().filter(char::is_ascii_digit).collect();
    let picked = choices
        .iter()
        .find(|c| c.device.serial.to_string() == serial)
        .map(|c| c.device.id.to_string());
    let form = ReplacementForm {
        serial: if picked.is_some() {
            String::new()
        } else {
            serial
        },
        device: picked.unwrap_or_default(),
        address: me
            .user
            .default_address
            .or(me.user.addresses.first().map(|a| a.id))
            .map_or_else(|| "new".to_owned(), |id| id.to_string()),
        onsite_name: me.user.full_name(),
        onsite_phone: me.user.phone.clone(),
        ..ReplacementForm::default()
    };
    Ok(view::form(&ctx, &me.user, &choices, &form, &Errors::new()))
}

/// The failed device as the request records it.
struct FailedDevice {
    /// (plant, device) when it is one the requester sees.
    link: Option<(u64, u64)>,
    serial: u32,
    product_id: u32,
}

/// The failed device: one of the list, or a typed serial (tied to a device the requester
/// sees when it is one) with its product.
fn failed_device(
    form: &ReplacementForm,
    choices: &[Choice],
    e: &mut Errors,
) -> Option<FailedDevice> {
    if !form.device.trim().is_empty() && form.device != "other" {
        let found = form
            .device
            .trim()
            .parse::<u64>()
            .ok()
            .and_then(|id| choices.iter().find(|c| c.device.id == id));
        return match found {
            Some(c) => Some(FailedDevice {
                link: Some((c.plant.id, c.device.id)),
                serial: c.device.serial,
                product_id: c.device.product_id,
            }),
            None => {
                e.add("device", "replacement-device-unknown");
                None
            }
        };
    }
    if form.serial.trim().is_empty() {
        e.add("serial", "replacement-device-required");
        return None;
    }
    let serial = e.check("serial", SerialNumber::parse(&form.serial))?;
    if let Some(c) = choices.iter().find(|c| c.device.serial == serial.value()) {
        return Some(FailedDevice {
            link: Some((c.plant.id, c.device.id)),
            serial: c.device.serial,
            product_id: c.device.product_id,
        });
    }
    let product = e.check(
        "product",
        crate::domain::catalog::parse_product(&form.product),
    )?;
    Some(FailedDevice {
        link: None,
        serial: serial.value(),
        product_id: product.id,
    })
}

/// `POST /tickets/replacement` (multipart, with the proof of purchase as `file`).
pub async fn submit(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    refuse_staff(&me)?;
    let parts = MultipartForm::read(request, &seed).await?;
    let form: ReplacementForm = parts.parse()?;
    let choices = choices(&ctx, &me)?;
    let mut e = Errors::new();
    let device = failed_device(&form, &choices, &mut e);
    let event = e.check("event", domain::required_text(&form.event, 200));
    let description = e.check(
        "description",
        domain::required_text_multiline(&form.description, 5000),
    );
    let today = super::plants::today(&ctx);
    let failure_date = if form.failure_date.trim().is_empty() {
        e.add("failure_date", "field-required");
        None
    } else {
        e.check(
            "failure_date",
            crate::domain::field::past_date(&form.failure_date, today),
        )
        .flatten()
    };
    let owner = match form.role.as_str() {
        "owner" => Some(true),
        "installer" => Some(false),
        _ => {
            e.add("role", "field-required");
            None
        }
    };
    let delivery = delivery_address(&form, &me, &mut e);
    let onsite_name = e.check("onsite_name", domain::required_text(&form.onsite_name, 120));
    let onsite_phone = e.check("onsite_phone", domain::phone(&form.onsite_phone));
    if form.confirm_pickup != "on" {
        e.add("confirm_pickup", "replacement-confirm-pickup-required");
    }
    if form.confirm_accessories != "on" {
        e.add(
            "confirm_accessories",
            "replacement-confirm-accessories-required",
        );
    }
    let limit = ctx.state.config.uploads.max_document_mb * 1024 * 1024;
    let proof = if parts.too_large {
        e.add("file", "upload-too-large");
        None
    } else if parts.files_of("file").next().is_none() {
        e.add("file", "replacement-proof-required");
        None
    } else if parts.files_of("file").count() > 1 {
        e.add("file", "upload-too-many");
        None
    } else {
        e.check("file", checked_uploads(parts.files_of("file"), limit))
    };
    let (
        Some(FailedDevice {
            link,
            serial,
            product_id,
        }),
        Some(event),
        Some(description),
        Some(failure_date),
        Some(owner),
        Some(delivery),
        Some(onsite_name),
        Some(onsite_phone),
        Some(proof),
        true,
    ) = (
        device,
        event,
        description,
        failure_date,
        owner,
        delivery,
        onsite_name,
        onsite_phone,
        proof,
        e.is_empty(),
    )
    else {
        if !e.is_empty() && e.get("file").is_none() && parts.files_of("file").next().is_some() {
            // Browsers cannot keep a chosen file across a refused form: say so.
            e.add("file", "upload-choose-again");
        }
        let status = if parts.too_large {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let page = view::form(&ctx, &me.user, &choices, &form, &e);
        return Ok((status, page).into_response());
    };
    if form.wants_new_address() && form.save_address == "on" {
        crate::store::users::save_address(&ctx.state.store, me.user.id, delivery.clone(), false)?;
    }
    let now = ctx.state.clock.now();
    let product = Catalog::get()
        .product(product_id)
        .map_or_else(|| product_id.to_string(), super::devices::product_label);
    let subject = ctx.t_args(
        "replacement-subject",
        &crate::i18n::args(&[("serial", &serial.to_string()), ("event", &event)]),
    );
    let first = TicketMessage::new(
        now,
        Some(me.user.id),
        me.user.full_name(),
        false,
        format!("{product}\n\n{description}"),
    );
    let new = Ticket {
        plant: link.map(|(p, _)| p),
        device: link.map(|(_, d)| d),
        serial: Some(serial),
        replacement: Some(Replacement {
            product_id,
            event,
            failure_date: failure_date.to_string(),
            owner,
            delivery,
            onsite_name,
            onsite_phone,
            rma: String::new(),
            tracking: String::new(),
            new_serial: None,
        }),
        ..Ticket::filed(
            TicketKind::Replacement,
            Requester::of(&me.user),
            subject,
            first,
        )
    };
    let created = crate::service::requests::file(&ctx.state.core, new, proof, true, |_| None)?;
    Ok(super::tickets::created_page(&created))
}

/// The delivery address: one of the profile's, or the new one typed in.
fn delivery_address(
    form: &ReplacementForm,
    me: &Viewer,
    e: &mut Errors,
) -> Option<DeliveryAddress> {
    if form.wants_new_address() || me.user.addresses.is_empty() {
        return match form.address_form().validate(0) {
            Ok(a) => Some(a),
            Err(errors) => {
                e.extend(errors);
                None
            }
        };
    }
    let found = form
        .address
        .parse::<u32>()
        .ok()
        .and_then(|id| me.user.addresses.iter().find(|a| a.id == id))
        .cloned();
    if found.is_none() {
        e.add("address", "replacement-address-unknown");
    }
    found
}
