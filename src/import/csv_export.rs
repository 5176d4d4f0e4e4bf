//! SMA-style CSV exports: one row per device, the plant's data repeated on each row.
//! A `sep=;` first line (Excel's habit) names the delimiter; otherwise the header line's
//! most frequent of `;`, `,` and tab is taken. Header names are matched without regard to
//! case, spaces or underscores (`plant_id`, `PlantId`, `plant id`).

use std::collections::HashMap;

use super::{Parsed, Place, Problem, Reason, SourceDevice, SourcePlant};

/// The columns, by their normalized names.
const PLANT_ID: &str = "plantid";
const PLANT_NAME: &str = "plantname";
const COUNTRY: &str = "country";
const POSTAL_CODE: &str = "postalcode";
const CITY: &str = "city";
const STREET: &str = "street";
const COMMISSIONING: &str = "commissioningdate";
const LATITUDE: &str = "latitude";
const LONGITUDE: &str = "longitude";
const SERIAL: &str = "deviceserial";
const PRODUCT: &str = "product";
const PRODUCT_ID: &str = "productid";
const DEVICE_NAME: &str = "devicename";
const SUBPLANT: &str = "subplant";
const STARTUP: &str = "startupdate";

/// Columns every export must have (the product by id or by name).
const REQUIRED: [&str; 7] = [
    PLANT_ID,
    PLANT_NAME,
    COUNTRY,
    POSTAL_CODE,
    CITY,
    STREET,
    SERIAL,
];

fn normalize(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The original spelling of a required column, for messages.
fn spelled(column: &str) -> &'static str {
    match column {
        PLANT_ID => "plant_id",
        PLANT_NAME => "plant_name",
        COUNTRY => "country",
        POSTAL_CODE => "postal_code",
        CITY => "city",
        STREET => "street",
        SERIAL => "device_serial",
        _ => "product_id",
    }
}

/// Reads a CSV export.
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed {
        format: "csv",
        ..Parsed::default()
    };
    let (delimiter, body, offset) = match text.split_once('\n') {
        Some((first, rest)) if first.trim().to_ascii_lowercase().starts_with("sep=") => {
            let d = first.trim()[4..].bytes().next().unwrap_or(b';');
            (d, rest, 1)
        }
        _ => {
            let header = text.lines().next().unwrap_or("");
            let d = [b';', b',', b'\t']
                .into_iter()
                .max_by_key(|d| header.bytes().filter(|b| b == d).count())
                .unwrap_or(b';');
            (d, text, 0)
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => {
            out.problems
                .push(Problem::new(Place::File, Reason::NotAnExport, ""));
            return out;
        }
    };
    let columns: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (normalize(h), i))
        .collect();
    let mut missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|c| !columns.contains_key(**c))
        .map(|c| spelled(c))
        .collect();
    if !columns.contains_key(PRODUCT_ID) && !columns.contains_key(PRODUCT) {
        missing.push("product_id");
    }
    if missing.len() == REQUIRED.len() + 1 {
        // Not one expected column: this is no Sunny Portal export.
        out.problems
            .push(Problem::new(Place::File, Reason::NotAnExport, ""));
        return out;
    }
    if !missing.is_empty() {
        for column in missing {
            out.problems.push(Problem::new(
                Place::Line(1 + offset),
                Reason::MissingColumn,
                column,
            ));
        }
        return out;
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line()) + offset;
                out.problems.push(Problem::new(
                    Place::Line(line),
                    Reason::NotAnExport,
                    e.to_string(),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line()) + offset;
        let place = Place::Line(line);
        let get = |column: &str| -> String {
            columns
                .get(column)
                .and_then(|&i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_owned()
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let portal_id = get(PLANT_ID);
        if portal_id.is_empty() {
            out.problems
                .push(Problem::new(place, Reason::MissingValue, spelled(PLANT_ID)));
            continue;
        }
        let device = SourceDevice {
            place: Some(place),
            serial: get(SERIAL),
            product_id: get(PRODUCT_ID),
            product: get(PRODUCT),
            name: get(DEVICE_NAME),
            subplant: get(SUBPLANT),
            startup: get(STARTUP),
        };
        let plant = SourcePlant {
            place: Some(place),
            portal_id: portal_id.clone(),
            name: get(PLANT_NAME),
            country: get(COUNTRY),
            postal_code: get(POSTAL_CODE),
            city: get(CITY),
            street: get(STREET),
            commissioning: get(COMMISSIONING),
            latitude: get(LATITUDE),
            longitude: get(LONGITUDE),
            devices: Vec::new(),
        };
        match index.get(&portal_id) {
            Some(&i) => {
                let first = &mut out.plants[i];
                let differs = |a: &str, b: &str| !b.is_empty() && !a.eq_ignore_ascii_case(b);
                if differs(&first.name, &plant.name) || differs(&first.country, &plant.country) {
                    out.problems.push(Problem::new(
                        place,
                        Reason::PlantDataDiffer,
                        format!("{} / {}", plant.name, plant.country),
                    ));
                    continue;
                }
                first.devices.push(device);
            }
            None => {
                index.insert(portal_id, out.plants.len());
                let mut plant = plant;
                plant.devices.push(device);
                out.plants.push(plant);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "plant_id;plant_name;country;postal_code;city;street;commissioning_date;latitude;longitude;device_serial;product;product_id;device_name;subplant;startup_date";

    #[test]
    fn rows_group_into_plants_with_line_numbers() {
        let text = format!(
            "sep=;\n{HEADER}\nP1;Dach;DE;34266;Niestetal;Sonnenallee 1;2019-05-14;51,31;9,57;2130012345;SB 3.0;9301;WR Ost;Ost;2019-05-14\nP1;Dach;DE;34266;Niestetal;Sonnenallee 1;;;;2130012346;;9301;WR West;West;\n"
        );
        let parsed = parse(&text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.plants.len(), 1);
        let plant = &parsed.plants[0];
        assert_eq!(plant.latitude, "51,31");
        assert_eq!(plant.devices.len(), 2);
        assert_eq!(plant.devices[0].place, Some(Place::Line(3)));
        assert_eq!(plant.devices[1].place, Some(Place::Line(4)));
        assert_eq!(plant.devices[1].subplant, "West");
    }

    #[test]
    fn commas_and_quotes() {
        let text = "plant_id,plant_name,country,postal_code,city,street,device_serial,product_id\n\"P2\",\"Halle 3, Nord\",AT,4020,Linz,\"Hafenstr. 1\",2130012345,9301\n";
        let parsed = parse(text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.plants[0].name, "Halle 3, Nord");
    }

    #[test]
    fn missing_columns_are_named() {
        let parsed = parse(
            "plant_id;plant_name;country;postal_code;city;device_serial\nP;N;DE;1;C;2130012345\n",
        );
        let details: Vec<&str> = parsed.problems.iter().map(|p| p.detail.as_str()).collect();
        assert_eq!(details, ["street", "product_id"]);
        assert!(parsed.plants.is_empty());
    }

    #[test]
    fn anything_else_is_no_export() {
        let parsed = parse("Liebe Grüße\nvom Bodensee\n");
        assert_eq!(parsed.problems[0].reason, Reason::NotAnExport);
    }
}
