//! A device's warranty as the portal shows and uses it: the rules of the instance
//! applied to the dates the device record holds (docs/domain.md, "Warranty"), and what a
//! replacement inherits.

use crate::domain::catalog::{Catalog, Category};
use crate::domain::warranty::{self, Dates, Warranty, WarrantyRules};
use crate::store::devices::Device;

use super::{Core, Failure};

/// A device's warranty status today, under the instance's rules.
pub fn today_of(core: &Core, device: &Device) -> Warranty {
    of_device(core.config.warranty.rules(), device, core.today())
}

/// A device's warranty status at `today`.
pub fn of_device(rules: WarrantyRules, device: &Device, today: time::Date) -> Warranty {
    let date = |s: &Option<String>| {
        s.as_deref().and_then(|v| {
            time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).ok()
        })
    };
    let category = Catalog::get()
        .product(device.product_id)
        .map_or(Category::Other, |p| p.category);
    warranty::warranty(
        rules,
        category,
        Dates {
            purchase: date(&device.purchase_date),
            commissioning: date(&device.commissioning_date),
            inherited_end: date(&device.inherited_warranty_end),
        },
        device.extended,
        today,
    )
}

/// The last day of warranty a replacement for `device` inherits: what the failed device
/// had left, at least one year from today (docs/domain.md, "Replacement").
pub fn inherited_end(core: &Core, device: u64) -> Result<Option<String>, Failure> {
    let Some(old) = core.store.devices().get(device)? else {
        return Ok(None);
    };
    let today = core.today();
    let old_end = match of_device(core.config.warranty.rules(), &old, today) {
        Warranty::NotApplicable => return Ok(None),
        Warranty::Unknown => None,
        Warranty::Known { end, .. } => Some(end),
    };
    Ok(Some(warranty::inherited_end(old_end, today).to_string()))
}
