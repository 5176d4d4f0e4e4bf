//! The import from Sunny Portal exports: an uploaded file (the monitoring API's JSON for a
//! plant and its devices, or SMA's semicolon CSV with one row per device) becomes plants,
//! sub-plants and devices to create or update.
//!
//! Three steps, each in its own file: [`text`] decodes the bytes (UTF-8 with or without a
//! BOM, else Windows-1252), [`csv_export`] and [`json_export`] read the two formats into
//! [`Parsed`] (what the file says, and every row it cannot take with the reason), and
//! [`plan`] checks that against the instance (catalog, registered serials, open
//! countries, plants imported before) into the preview the user confirms. Nothing here
//! writes: the write is `store::imports::apply`, after the user confirmed.

pub mod csv_export;
pub mod json_export;
pub mod plan;
pub mod text;

pub use crate::store::import_preview::{Place, Problem, Reason};

/// A device as the file describes it (values still as text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceDevice {
    pub place: Option<Place>,
    pub serial: String,
    /// Catalog product id (`productId`).
    pub product_id: String,
    /// Product name or model (`product`), used when there is no product id.
    pub product: String,
    pub name: String,
    pub subplant: String,
    /// Start-up date (any of the accepted date forms).
    pub startup: String,
}

/// A plant as the file describes it, with its devices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourcePlant {
    pub place: Option<Place>,
    /// The monitoring portal's plant id: what a re-import recognizes the plant by.
    pub portal_id: String,
    pub name: String,
    pub country: String,
    pub postal_code: String,
    pub city: String,
    pub street: String,
    pub commissioning: String,
    pub latitude: String,
    pub longitude: String,
    pub devices: Vec<SourceDevice>,
}

/// What a file says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// `csv` or `json`.
    pub format: &'static str,
    pub plants: Vec<SourcePlant>,
    pub problems: Vec<Problem>,
}

/// Devices one import takes (a large commercial plant has a few thousand).
pub const MAX_DEVICES: usize = 20_000;

/// Reads an export whatever its format, detected by content: JSON starts with `{` or
/// `[`, anything else is read as CSV. Never panics, whatever the bytes.
pub fn parse(bytes: &[u8]) -> Parsed {
    let text = text::decode(bytes);
    let trimmed = text.trim_start();
    let mut parsed = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        json_export::parse(trimmed)
    } else {
        csv_export::parse(&text)
    };
    let devices: usize = parsed.plants.iter().map(|p| p.devices.len()).sum();
    if devices > MAX_DEVICES {
        parsed.plants.clear();
        parsed.problems.insert(
            0,
            Problem::new(Place::File, Reason::TooManyDevices, devices.to_string()),
        );
    }
    if parsed.plants.is_empty() && parsed.problems.is_empty() {
        parsed
            .problems
            .push(Problem::new(Place::File, Reason::Empty, ""));
    }
    parsed
}

/// A date as exports write it (`2019-05-14`, `2019-05-14T08:00:00Z`, `14.05.2019`,
/// `14/05/2019`) as `YYYY-MM-DD`; `None` when it is no calendar date.
pub fn date(text: &str) -> Option<String> {
    let text = text.trim();
    let day_part = text.split(['T', ' ']).next().unwrap_or("");
    let (y, m, d) = if let Some((y, rest)) = day_part.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (y, m, d)
    } else {
        let sep = if day_part.contains('.') { '.' } else { '/' };
        let mut parts = day_part.split(sep);
        let d = parts.next()?;
        let m = parts.next()?;
        let y = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        (y, m, d)
    };
    let (y, m, d): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let month = time::Month::try_from(m).ok()?;
    let date = time::Date::from_calendar_date(y, month, d).ok()?;
    (1990..=2100).contains(&y).then(|| {
        format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    })
}

/// A coordinate as exports write it: decimal point or decimal comma.
pub fn coordinate(text: &str) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_exports_use() {
        assert_eq!(date("2019-05-14").as_deref(), Some("2019-05-14"));
        assert_eq!(date("2019-05-14T08:00:00Z").as_deref(), Some("2019-05-14"));
        assert_eq!(date("2019-05-14 08:00").as_deref(), Some("2019-05-14"));
        assert_eq!(date("14.05.2019").as_deref(), Some("2019-05-14"));
        assert_eq!(date("4/5/2019").as_deref(), Some("2019-05-04"));
        assert_eq!(date("2019-02-30"), None);
        assert_eq!(date("gestern"), None);
        assert_eq!(date(""), None);
    }

    #[test]
    fn coordinates_with_comma_or_point() {
        assert_eq!(coordinate("51,3127"), Some(51.3127));
        assert_eq!(coordinate(" 9.4797 "), Some(9.4797));
        assert_eq!(coordinate("NaN"), None);
        assert_eq!(coordinate("nord"), None);
    }
}

/// How far the checks of running imports are: (devices checked, devices in the file)
/// by import id. In memory: after a restart an unfinished check is reported as
/// interrupted.
#[derive(Debug, Default)]
pub struct Progress {
    checks: std::sync::Mutex<std::collections::HashMap<u64, (usize, usize)>>,
    /// Imports being written: a second confirmation (a double click) waits its turn
    /// and then finds the import written.
    writing: std::sync::Mutex<std::collections::HashSet<u64>>,
}

impl Progress {
    /// Records how far import `id` is.
    pub fn set(&self, id: u64, done: usize, total: usize) {
        if let Ok(mut map) = self.checks.lock() {
            map.insert(id, (done, total));
        }
    }

    /// How far import `id` is, while it is being checked.
    pub fn get(&self, id: u64) -> Option<(usize, usize)> {
        self.checks.lock().ok()?.get(&id).copied()
    }

    /// Import `id` is checked.
    pub fn finish(&self, id: u64) {
        if let Ok(mut map) = self.checks.lock() {
            map.remove(&id);
        }
    }

    /// Claims import `id` for writing; `false` while another request writes it.
    pub fn claim(&self, id: u64) -> bool {
        self.writing.lock().is_ok_and(|mut set| set.insert(id))
    }

    /// Import `id` is written (or failed to be).
    pub fn release(&self, id: u64) {
        if let Ok(mut set) = self.writing.lock() {
            set.remove(&id);
        }
    }
}
