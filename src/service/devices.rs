//! Devices of a plant: registering one by serial number and catalog product
//! (docs/domain.md, "Devices"), editing and moving it between sub-plants, removing it,
//! and ordering a warranty extension for it.

use crate::domain::catalog::{Catalog, parse_product};
use crate::domain::field::past_date;
use crate::domain::ticket::TicketKind;
use crate::domain::warranty::Warranty;
use crate::domain::{self, SerialNumber};
use crate::i18n::{Lang, args};
use crate::store::devices::{Device, RegisterRefused};
use crate::store::plants::Plant;
use crate::store::tickets::{Requester, Ticket, TicketMessage};
use crate::views::components::Errors;
use crate::views::devices::{DeviceForm, ExtensionForm, product_label};

use super::{Acting, Core, Failure, plants, requests, warranty};

/// The sub-plant a form names: one of the plant's, or none.
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

/// What can be changed of a device once registered, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceDetails {
    pub name: String,
    pub subplant: Option<u32>,
    pub purchase_date: Option<String>,
    pub commissioning_date: Option<String>,
    pub pic: String,
    pub rid: String,
}

impl DeviceDetails {
    /// Checks the form's changeable fields for a device of `plant`.
    fn check_into(
        e: &mut Errors,
        form: &DeviceForm,
        plant: &Plant,
        today: time::Date,
    ) -> Option<Self> {
        // Named apart from the plant form's fields, which share the plant's page.
        let name = e.check("device_name", domain::optional_text(&form.name, 80));
        let sub = e.check("subplant_id", subplant(plant, &form.subplant_id));
        let purchase = e.check("purchase_date", past_date(&form.purchase_date, today));
        let commissioning = e.check(
            "device_commissioning_date",
            past_date(&form.commissioning_date, today),
        );
        let pic = e.check("pic", domain::optional_text(&form.pic, 40));
        let rid = e.check("rid", domain::optional_text(&form.rid, 40));
        Some(Self {
            name: name?,
            subplant: sub?,
            purchase_date: purchase?.map(|d| d.to_string()),
            commissioning_date: commissioning?.map(|d| d.to_string()),
            pic: pic?,
            rid: rid?,
        })
    }

    /// Checks the edit form of a device of `plant`.
    pub fn check(form: &DeviceForm, plant: &Plant, today: time::Date) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let details = Self::check_into(&mut e, form, plant, today);
        e.finish(|| details)
    }
}

/// A device to register, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDevice {
    pub serial: SerialNumber,
    pub product_id: u32,
    pub details: DeviceDetails,
}

impl NewDevice {
    /// Checks the registration form for a device of `plant`.
    pub fn check(form: &DeviceForm, plant: &Plant, today: time::Date) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let serial = e.check("serial_number", SerialNumber::parse(&form.serial_number));
        let product = e.check("product", parse_product(&form.product));
        let details = DeviceDetails::check_into(&mut e, form, plant, today);
        e.finish(|| {
            Some(Self {
                serial: serial?,
                product_id: product?.id,
                details: details?,
            })
        })
    }
}

/// What registering a device led to.
#[derive(Debug)]
pub enum Registration {
    Registered(Box<Device>),
    /// The serial is registered already (once per instance).
    SerialTaken,
}

/// Registers a device inside `plant`, which the caller may change. Without its own
/// commissioning date the device takes the plant's.
pub fn register(
    core: &Core,
    who: &Acting,
    plant: &Plant,
    new: NewDevice,
) -> Result<Registration, Failure> {
    let d = new.details;
    let device = Device {
        id: 0,
        plant_id: plant.id,
        serial: new.serial.value(),
        product_id: new.product_id,
        name: d.name,
        subplant: d.subplant,
        purchase_date: d.purchase_date,
        commissioning_date: d.commissioning_date.or_else(|| plant.commissioning.clone()),
        pic: d.pic,
        rid: d.rid,
        extended: false,
        created_by: who.user.id,
        created_at: core.clock.now(),
        removed_at: None,
        swaps: Vec::new(),
        inherited_warranty_end: None,
    };
    let what = format!("device {} registered", device.serial);
    let audit: Vec<_> = who
        .token_entry(device.created_at, what)
        .into_iter()
        .collect();
    Ok(match core.store.devices().register(device, audit)? {
        Ok(d) => {
            tracing::info!(
                event = "device_registered",
                user_id = who.user.id,
                plant = plant.id,
                device = d.id,
                "device registered"
            );
            Registration::Registered(Box::new(d))
        }
        Err(RegisterRefused::SerialTaken) => Registration::SerialTaken,
    })
}

/// The current device `id` with its plant, if the actor may change the plant.
pub fn editable(core: &Core, who: &Acting, id: u64) -> Result<Option<(Device, Plant)>, Failure> {
    let Some(device) = core
        .store
        .devices()
        .get(id)?
        .filter(|d| d.removed_at.is_none())
    else {
        return Ok(None);
    };
    Ok(plants::editable(core, who, device.plant_id)?.map(|(plant, _)| (device, plant)))
}

/// Saves a device's changeable details.
pub fn save(
    core: &Core,
    who: &Acting,
    device: Device,
    details: DeviceDetails,
) -> Result<Device, Failure> {
    let changed = Device {
        name: details.name,
        subplant: details.subplant,
        purchase_date: details.purchase_date,
        commissioning_date: details.commissioning_date,
        pic: details.pic,
        rid: details.rid,
        ..device
    };
    let what = format!("device {} changed", changed.serial);
    let audit: Vec<_> = who
        .token_entry(core.clock.now(), what)
        .into_iter()
        .collect();
    core.store.devices().update(&changed, audit)?;
    Ok(changed)
}

/// The device leaves its plant; its record and its tickets stay.
pub fn remove(core: &Core, who: &Acting, device: &Device) -> Result<(), Failure> {
    core.store.devices().remove(device.id, core.clock.now())?;
    tracing::info!(
        event = "device_removed",
        user_id = who.user.id,
        device = device.id,
        "device removed"
    );
    Ok(())
}

/// The last day of the factory warranty, if an extension can be ordered for the device.
pub fn extensible(core: &Core, device: &Device) -> Option<time::Date> {
    match warranty::of_device(core.config.warranty.rules(), device, core.today()) {
        Warranty::Known {
            end,
            extension: Ok(()),
            ..
        } => Some(end),
        _ => None,
    }
}

/// A warranty-extension order, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionOrder {
    /// Years added: 5, 10 or 15.
    pub term: &'static str,
    pub message: String,
}

impl ExtensionOrder {
    /// Checks the form.
    pub fn check(form: &ExtensionForm) -> Result<Self, Errors> {
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
        e.finish(|| {
            Some(Self {
                term: term?,
                message: message?,
            })
        })
    }
}

/// Files a warranty-extension request for a device whose warranty `end`s then, written
/// in `lang` (the page's).
pub fn order_extension(
    core: &Core,
    who: &Acting,
    lang: Lang,
    (device, plant, end): (&Device, &Plant, time::Date),
    order: ExtensionOrder,
) -> Result<Ticket, Failure> {
    let product = Catalog::get()
        .product(device.product_id)
        .map_or(String::new(), product_label);
    let serial = device.serial.to_string();
    let subject = core.i18n.t_args(
        lang,
        "extension-subject",
        &args(&[("years", order.term), ("serial", &serial)]),
    );
    let text = format!(
        "{subject}\n{product}\n{}: {end}\n\n{}",
        core.i18n.t(lang, "extension-factory-end"),
        order.message
    );
    let me = who.user;
    let first = TicketMessage::new(core.clock.now(), Some(me.id), me.full_name(), false, text);
    let ticket = Ticket {
        topic: Some(format!("+{}", order.term)),
        plant: Some(plant.id),
        device: Some(device.id),
        serial: Some(device.serial),
        ..Ticket::filed(
            TicketKind::WarrantyExtension,
            Requester::of(me),
            subject,
            first,
        )
    };
    let now = core.clock.now();
    requests::file(core, ticket, Vec::new(), true, |t| {
        who.token_entry(now, format!("request {} filed", t.number))
    })
}
