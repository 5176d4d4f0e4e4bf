//! The device replacement request (docs/domain.md, "Replacement"): the failed device
//! (one of the plants the requester sees, or its serial typed in), the exact event
//! number, a description, the day it failed, owner or installer, the delivery address
//! (from "My profile" or a new one, kept there when asked), the contact on site, the
//! proof of purchase and the two confirmations.

use crate::access as policy;
use crate::domain::catalog::{Catalog, parse_product};
use crate::domain::field::past_date;
use crate::domain::ticket::TicketKind;
use crate::domain::{self, SerialNumber};
use crate::i18n::{Lang, args};
use crate::store::tickets::{Replacement, Requester, Ticket, TicketMessage, Upload};
use crate::store::users::{DeliveryAddress, User};
use crate::views::components::Errors;
use crate::views::devices::product_label;
use crate::views::replacement::{Choice, ReplacementForm};

use super::{Acting, Core, Failure, profile, requests};

/// The devices of every plant the actor sees, by plant name then serial; `None` for the
/// service team, who file no replacement requests.
pub fn choices(core: &Core, who: &Acting) -> Result<Option<Vec<Choice>>, Failure> {
    if !policy::can_request_replacement(who.actor) {
        return Ok(None);
    }
    let mut out = Vec::new();
    for (plant, _) in core.store.plants().list(who.actor, "")? {
        for device in core.store.devices().of_plant(plant.id)? {
            out.push(Choice {
                device,
                plant: plant.clone(),
            });
        }
    }
    Ok(Some(out))
}

/// The failed device as the request records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailedDevice {
    /// (plant, device) when it is one the requester sees.
    pub link: Option<(u64, u64)>,
    pub serial: u32,
    pub product_id: u32,
}

impl FailedDevice {
    /// One of the list, or a typed serial (tied to a device the requester sees when it is
    /// one) with its product.
    fn check(form: &ReplacementForm, choices: &[Choice], e: &mut Errors) -> Option<Self> {
        let of = |c: &Choice| Self {
            link: Some((c.plant.id, c.device.id)),
            serial: c.device.serial,
            product_id: c.device.product_id,
        };
        if !form.device.trim().is_empty() && form.device != "other" {
            let found = form
                .device
                .trim()
                .parse::<u64>()
                .ok()
                .and_then(|id| choices.iter().find(|c| c.device.id == id));
            if found.is_none() {
                e.add("device", "replacement-device-unknown");
            }
            return found.map(of);
        }
        if form.serial.trim().is_empty() {
            e.add("serial", "replacement-device-required");
            return None;
        }
        let serial = e.check("serial", SerialNumber::parse(&form.serial))?;
        if let Some(c) = choices.iter().find(|c| c.device.serial == serial.value()) {
            return Some(of(c));
        }
        let product = e.check("product", parse_product(&form.product))?;
        Some(Self {
            link: None,
            serial: serial.value(),
            product_id: product.id,
        })
    }
}

/// The delivery address: one of the profile's, or the new one typed in.
fn delivery_address(
    form: &ReplacementForm,
    user: &User,
    e: &mut Errors,
) -> Option<DeliveryAddress> {
    if form.wants_new_address() || user.addresses.is_empty() {
        return match profile::checked_address(&form.address_form(), 0) {
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
        .and_then(|id| user.addresses.iter().find(|a| a.id == id))
        .cloned();
    if found.is_none() {
        e.add("address", "replacement-address-unknown");
    }
    found
}

/// A replacement request, checked.
#[derive(Debug)]
pub struct NewReplacement {
    pub failed: FailedDevice,
    pub event: String,
    pub description: String,
    pub failure_date: time::Date,
    /// The requester owns the plant (else installed it).
    pub owner: bool,
    pub delivery: DeliveryAddress,
    /// Keep the new delivery address in the profile.
    pub save_address: bool,
    pub onsite_name: String,
    pub onsite_phone: String,
    /// The proof of purchase (one file).
    pub proof: Vec<Upload>,
}

impl NewReplacement {
    /// Checks the form of `user`, with the proof of purchase (checked, or why not).
    pub fn check(
        form: &ReplacementForm,
        proof: Result<Vec<Upload>, &'static str>,
        choices: &[Choice],
        user: &User,
        today: time::Date,
    ) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let failed = FailedDevice::check(form, choices, &mut e);
        let event = e.check("event", domain::required_text(&form.event, 200));
        let description = e.check(
            "description",
            domain::required_text_multiline(&form.description, 5000),
        );
        let failure_date = if form.failure_date.trim().is_empty() {
            e.add("failure_date", "field-required");
            None
        } else {
            e.check("failure_date", past_date(&form.failure_date, today))
                .flatten()
        };
        let owner = match form.role.as_str() {
            "owner" => Some(true),
            "installer" => Some(false),
            _ => {
                e.add("role", "field-choose");
                None
            }
        };
        let delivery = delivery_address(form, user, &mut e);
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
        let proof = e.check("file", proof);
        e.finish(|| {
            Some(Self {
                failed: failed?,
                event: event?,
                description: description?,
                failure_date: failure_date?,
                owner: owner?,
                delivery: delivery?,
                save_address: form.wants_new_address() && form.save_address == "on",
                onsite_name: onsite_name?,
                onsite_phone: onsite_phone?,
                proof: proof?,
            })
        })
    }
}

/// Files the replacement request (its subject in `lang`, the page's), keeping the new
/// delivery address in the profile first when asked.
pub fn request(
    core: &Core,
    who: &Acting,
    lang: Lang,
    new: NewReplacement,
) -> Result<Ticket, Failure> {
    let me = who.user;
    if new.save_address {
        core.store
            .users()
            .save_address(me.id, new.delivery.clone(), false)?;
    }
    let FailedDevice {
        link,
        serial,
        product_id,
    } = new.failed;
    let product = Catalog::get()
        .product(product_id)
        .map_or_else(|| product_id.to_string(), product_label);
    let subject = core.i18n.t_args(
        lang,
        "replacement-subject",
        &args(&[("serial", &serial.to_string()), ("event", &new.event)]),
    );
    let first = TicketMessage::new(
        core.clock.now(),
        Some(me.id),
        me.full_name(),
        false,
        format!("{product}\n\n{}", new.description),
    );
    let ticket = Ticket {
        plant: link.map(|(p, _)| p),
        device: link.map(|(_, d)| d),
        serial: Some(serial),
        replacement: Some(Replacement {
            product_id,
            event: new.event,
            failure_date: new.failure_date.to_string(),
            owner: new.owner,
            delivery: new.delivery,
            onsite_name: new.onsite_name,
            onsite_phone: new.onsite_phone,
            rma: String::new(),
            tracking: String::new(),
            new_serial: None,
        }),
        ..Ticket::filed(TicketKind::Replacement, Requester::of(me), subject, first)
    };
    let now = core.clock.now();
    requests::file(core, ticket, new.proof, true, |t| {
        who.token_entry(now, format!("request {} filed", t.number))
    })
}
