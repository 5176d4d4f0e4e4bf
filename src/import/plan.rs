//! Checking what a file says against the instance: the preview. Every device row is
//! taken, or listed with its place and reason; every plant is new or updates the plant
//! imported before under the same portal id (for the same owner). Reads only.

use std::collections::HashSet;

use super::{Parsed, Place, Problem, Reason, SourcePlant, coordinate, date};
use crate::domain::SerialNumber;
use crate::domain::catalog::Catalog;
use crate::domain::country::Country;
use crate::i18n::Lang;
use crate::store::imports::Owner;
use crate::store::{Storage, StoreError};

pub use crate::store::import_preview::{DevicePlan, PlantPlan, Preview};

/// A country as exports write it: an ISO code or its name in one of our languages.
fn country_code(text: &str) -> Option<&'static str> {
    if let Ok(c) = Country::parse(text) {
        return Some(c.code());
    }
    let wanted = crate::domain::fold::fold(text.trim());
    Country::all()
        .find(|c| {
            Lang::ALL
                .into_iter()
                .any(|l| crate::domain::fold::fold(c.name(l)) == wanted)
        })
        .map(Country::code)
}

/// Checks a parsed file for `owner`; `progress` is told after each device.
pub fn check(
    store: &dyn Storage,
    parsed: Parsed,
    owner: &Owner,
    open_countries: &[String],
    today: &str,
    progress: &dyn Fn(usize),
) -> Result<Preview, StoreError> {
    let catalog = Catalog::get();
    let mut preview = Preview {
        format: parsed.format.to_owned(),
        plants: Vec::new(),
        problems: parsed.problems,
    };
    let mut seen: HashSet<u32> = HashSet::new();
    let mut done = 0;
    for source in parsed.plants {
        let plant_place = source.place.unwrap_or(Place::File);
        let rows: Vec<Place> = source
            .devices
            .iter()
            .map(|d| d.place.unwrap_or(plant_place))
            .collect();
        let refuse_all = |preview: &mut Preview, reason: Reason, detail: &str| {
            if rows.is_empty() {
                preview
                    .problems
                    .push(Problem::new(plant_place, reason, detail));
            }
            for place in &rows {
                preview.problems.push(Problem::new(*place, reason, detail));
            }
        };
        let Some(country) = country_code(&source.country) else {
            let (reason, detail) = if source.country.is_empty() {
                (Reason::MissingValue, "country")
            } else {
                (Reason::CountryClosed, source.country.as_str())
            };
            refuse_all(&mut preview, reason, detail);
            done += rows.len();
            progress(done);
            continue;
        };
        if !open_countries.iter().any(|c| c == country) {
            refuse_all(&mut preview, Reason::CountryClosed, country);
            done += rows.len();
            progress(done);
            continue;
        }
        if let Some(column) = [
            ("plant_name", &source.name),
            ("street", &source.street),
            ("postal_code", &source.postal_code),
            ("city", &source.city),
        ]
        .into_iter()
        .find(|(_, v)| v.is_empty())
        .map(|(c, _)| c)
        {
            refuse_all(&mut preview, Reason::MissingValue, column);
            done += rows.len();
            progress(done);
            continue;
        }
        let existing = store
            .imports()
            .plant_by_portal_id(owner.key, &source.portal_id)?;
        let (existing_devices, existing_subplants) = match &existing {
            Some(p) => (
                store.devices().of_plant(p.id)?,
                p.subplants.iter().map(|s| s.name.clone()).collect(),
            ),
            None => (Vec::new(), Vec::<String>::new()),
        };
        let mut plan = plant_plan(
            &source,
            plant_place,
            existing.as_ref().map(|p| p.id),
            country,
        );
        plan.latitude = checked_coordinate(&source.latitude, 90.0, plant_place, &mut preview);
        plan.longitude = checked_coordinate(&source.longitude, 180.0, plant_place, &mut preview);
        if !source.commissioning.is_empty() {
            plan.commissioning = date(&source.commissioning).filter(|d| d.as_str() <= today);
            if plan.commissioning.is_none() {
                preview.problems.push(Problem::new(
                    plant_place,
                    Reason::DateInvalid,
                    &source.commissioning,
                ));
            }
        }
        let mut in_file: HashSet<u32> = HashSet::new();
        for d in &source.devices {
            done += 1;
            progress(done);
            let place = d.place.unwrap_or(plant_place);
            let serial = match SerialNumber::parse(&d.serial) {
                Ok(s) => s.value(),
                Err(_) => {
                    let reason = if d.serial.is_empty() {
                        Reason::MissingValue
                    } else {
                        Reason::SerialMalformed
                    };
                    let detail = if d.serial.is_empty() {
                        "device_serial"
                    } else {
                        &d.serial
                    };
                    preview.problems.push(Problem::new(place, reason, detail));
                    continue;
                }
            };
            if !seen.insert(serial) {
                preview
                    .problems
                    .push(Problem::new(place, Reason::SerialTwice, serial.to_string()));
                continue;
            }
            in_file.insert(serial);
            let product = d
                .product_id
                .trim()
                .parse::<u32>()
                .ok()
                .and_then(|id| catalog.product(id))
                .or_else(|| {
                    (d.product_id.trim().is_empty())
                        .then(|| catalog.by_model(&d.product))
                        .flatten()
                });
            let Some(product) = product else {
                let detail = if d.product_id.is_empty() {
                    &d.product
                } else {
                    &d.product_id
                };
                preview
                    .problems
                    .push(Problem::new(place, Reason::ProductUnknown, detail.as_str()));
                continue;
            };
            if !product.category.registrable() {
                preview.problems.push(Problem::new(
                    place,
                    Reason::NotRegistrable,
                    format!("{} ({})", product.name, product.model),
                ));
                continue;
            }
            if let Some(other) = store.devices().by_serial(serial)? {
                if existing.as_ref().is_some_and(|p| p.id == other.plant_id) {
                    plan.known += 1;
                } else {
                    preview.problems.push(Problem::new(
                        place,
                        Reason::SerialTaken,
                        serial.to_string(),
                    ));
                }
                continue;
            }
            let commissioning = if d.startup.is_empty() {
                None
            } else {
                let parsed = date(&d.startup).filter(|s| s.as_str() <= today);
                if parsed.is_none() {
                    preview
                        .problems
                        .push(Problem::new(place, Reason::DateInvalid, &d.startup));
                }
                parsed
            };
            let subplant = d.subplant.trim().to_owned();
            if !subplant.is_empty()
                && !existing_subplants.contains(&subplant)
                && !plan.new_subplants.contains(&subplant)
            {
                plan.new_subplants.push(subplant.clone());
            }
            plan.devices.push(DevicePlan {
                place,
                serial,
                product_id: product.id,
                name: d.name.chars().take(120).collect(),
                subplant,
                commissioning,
            });
        }
        plan.missing = existing_devices
            .iter()
            .filter(|d| d.removed_at.is_none() && !in_file.contains(&d.serial))
            .map(|d| d.serial)
            .collect();
        // A new plant whose every row was refused is not created.
        if plan.existing.is_none() && plan.devices.is_empty() && !source.devices.is_empty() {
            continue;
        }
        preview.plants.push(plan);
    }
    Ok(preview)
}

fn plant_plan(
    source: &SourcePlant,
    place: Place,
    existing: Option<u64>,
    country: &str,
) -> PlantPlan {
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    PlantPlan {
        place,
        portal_id: source.portal_id.clone(),
        existing,
        name: cut(&source.name, 120),
        street: cut(&source.street, 120),
        postal_code: cut(&source.postal_code, 12),
        city: cut(&source.city, 120),
        country: country.to_owned(),
        latitude: None,
        longitude: None,
        commissioning: None,
        new_subplants: Vec::new(),
        devices: Vec::new(),
        known: 0,
        missing: Vec::new(),
    }
}

fn checked_coordinate(text: &str, limit: f64, place: Place, preview: &mut Preview) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    let value = coordinate(text).filter(|v| v.abs() <= limit);
    if value.is_none() {
        preview
            .problems
            .push(Problem::new(place, Reason::CoordinatesInvalid, text));
    }
    value
}
