//! The monitoring API's JSON: a plant object (`plantId`, `name`, and in its details
//! `country`, `city`, `street`, `postalCode`, `latitude`, `longitude`, `startUpUtc`) with
//! its device list (`serial`, `productId`, `product`, `name`, `startUpUtc`). Accepted
//! shapes: a plant with `devices`; `{ "plant": …, "devices": … }`; a list of either; or
//! `{ "plants": [ … ] }`. Address fields may also sit in a nested `location` or `address`
//! object; numbers may be written as numbers or strings.

use serde_json::Value;

use super::{Parsed, Place, Problem, Reason, SourceDevice, SourcePlant};

/// A field as text, whatever JSON type holds it; looked up under any of `names`, in
/// the object or its `location` / `address` / `details` part.
fn field(object: &Value, names: &[&str]) -> String {
    for holder in [
        Some(object),
        object.get("location"),
        object.get("address"),
        object.get("details"),
    ]
    .into_iter()
    .flatten()
    {
        for name in names {
            match holder.get(*name) {
                Some(Value::String(s)) => return s.trim().to_owned(),
                Some(Value::Number(n)) => return n.to_string(),
                _ => {}
            }
        }
    }
    String::new()
}

fn device(value: &Value, place: Place) -> SourceDevice {
    SourceDevice {
        place: Some(place),
        serial: field(value, &["serial", "serialNumber", "deviceSerial"]),
        product_id: field(value, &["productId", "productID", "product_id"]),
        product: field(value, &["product", "type"]),
        name: field(value, &["name", "deviceName"]),
        subplant: field(value, &["subplant", "subPlant", "group"]),
        startup: field(
            value,
            &["startUpUtc", "startupUtc", "startUp", "startupDate"],
        ),
    }
}

/// One plant entry: a plant object with its devices, or `{ plant, devices }`.
fn plant(entry: &Value, number: u32, out: &mut Parsed) {
    let place = Place::Plant(number);
    let object = entry
        .get("plant")
        .filter(|p| p.is_object())
        .unwrap_or(entry);
    if !object.is_object() {
        out.problems
            .push(Problem::new(place, Reason::NotAnExport, ""));
        return;
    }
    let portal_id = field(object, &["plantId", "plantID", "id", "plant_id"]);
    if portal_id.is_empty() {
        out.problems
            .push(Problem::new(place, Reason::MissingValue, "plantId"));
        return;
    }
    let devices = entry
        .get("devices")
        .or_else(|| object.get("devices"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, d)| {
                    device(
                        d,
                        Place::Device(number, u32::try_from(i + 1).unwrap_or(u32::MAX)),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.plants.push(SourcePlant {
        place: Some(place),
        portal_id,
        name: field(object, &["name", "plantName"]),
        country: field(object, &["country", "countryCode"]),
        postal_code: field(object, &["postalCode", "zip", "zipCode", "postal_code"]),
        city: field(object, &["city"]),
        street: field(object, &["street", "address1"]),
        commissioning: field(object, &["startUpUtc", "commissioningDate", "startUp"]),
        latitude: field(object, &["latitude", "lat"]),
        longitude: field(object, &["longitude", "lon", "lng"]),
        devices,
    });
}

/// Reads a JSON export.
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed {
        format: "json",
        ..Parsed::default()
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problems.push(Problem::new(
                Place::Line(e.line() as u64),
                Reason::JsonMalformed,
                format!("column {}", e.column()),
            ));
            return out;
        }
    };
    let entries: Vec<&Value> = match &value {
        Value::Array(list) => list.iter().collect(),
        Value::Object(o) => match o.get("plants").and_then(Value::as_array) {
            Some(list) => list.iter().collect(),
            None => vec![&value],
        },
        _ => Vec::new(),
    };
    if entries.is_empty() {
        out.problems
            .push(Problem::new(Place::File, Reason::NotAnExport, ""));
    }
    for (i, entry) in entries.into_iter().enumerate() {
        plant(entry, u32::try_from(i + 1).unwrap_or(u32::MAX), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plant_with_devices_and_nested_location() {
        let parsed = parse(
            r#"{"plant": {"plantId": "7f3a", "name": "Hof Berger", "location": {"country": "AT",
               "city": "Wels", "street": "Ring 4", "postalCode": "4600", "latitude": 48.16,
               "longitude": 14.02}},
               "devices": [{"serial": 2130012345, "productId": 9301, "name": "WR 1"},
                           {"serial": "2130012346", "product": "SB 3.0-1AV-41"}]}"#,
        );
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let p = &parsed.plants[0];
        assert_eq!((p.portal_id.as_str(), p.country.as_str()), ("7f3a", "AT"));
        assert_eq!(p.latitude, "48.16");
        assert_eq!(p.devices[0].serial, "2130012345");
        assert_eq!(p.devices[1].place, Some(Place::Device(1, 2)));
    }

    #[test]
    fn malformed_json_says_where() {
        let parsed = parse("{\n\"plantId\": \"x\",\n");
        assert_eq!(parsed.problems[0].reason, Reason::JsonMalformed);
        assert!(matches!(parsed.problems[0].place, Place::Line(2 | 3)));
    }
}
