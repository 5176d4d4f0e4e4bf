//! The preview of a Sunny Portal import as the store keeps it (in `imports_v1`, so it
//! survives a reload): the plants and devices it will write, and every row it cannot
//! take with its place and reason. Pure data; reading and checking files is
//! `crate::import`, which builds these.

use serde::{Deserialize, Serialize};

crate::codes::stored_variants! {
    /// Where in the file something is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Place {
        /// The file as a whole.
        File = 0,
        /// A line of a CSV file (1-based, the `sep=` line counted).
        Line(line: u64) = 1,
        /// A plant of a JSON file (1-based).
        Plant(plant: u32) = 2,
        /// A device of a plant of a JSON file (both 1-based).
        Device(plant: u32, device: u32) = 3,
    }
}

crate::codes::stored_codes! {
    /// Why something in the file cannot be taken. The message id is `import-problem-<slug>`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Reason {
        /// Neither a Sunny Portal JSON export nor a CSV with the expected header.
        NotAnExport = 0 => "NotAnExport",
        /// The JSON is malformed (the detail says where).
        JsonMalformed = 1 => "JsonMalformed",
        /// The file has no plant and no device.
        Empty = 2 => "Empty",
        /// A required column is missing from the header.
        MissingColumn = 3 => "MissingColumn",
        /// A required value is missing in a row.
        MissingValue = 4 => "MissingValue",
        /// The serial number is not 6 to 10 digits (or too large).
        SerialMalformed = 5 => "SerialMalformed",
        /// The product id is not a known SMA device type.
        ProductUnknown = 6 => "ProductUnknown",
        /// Off-grid systems (and third-party devices) cannot be registered.
        NotRegistrable = 7 => "NotRegistrable",
        /// The serial is registered for a device of another plant.
        SerialTaken = 8 => "SerialTaken",
        /// The serial appears twice in the file.
        SerialTwice = 9 => "SerialTwice",
        /// Plants cannot be registered in the plant's country.
        CountryClosed = 10 => "CountryClosed",
        /// Latitude or longitude is not a number in range.
        CoordinatesInvalid = 11 => "CoordinatesInvalid",
        /// A date is not a calendar date (or lies in the future).
        DateInvalid = 12 => "DateInvalid",
        /// A row's plant data differ from the plant's first row.
        PlantDataDiffer = 13 => "PlantDataDiffer",
        /// More devices than one import takes.
        TooManyDevices = 14 => "TooManyDevices",
    }
}

impl Reason {
    /// The slug in message ids (`import-problem-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Reason::NotAnExport => "not-an-export",
            Reason::JsonMalformed => "json-malformed",
            Reason::Empty => "empty",
            Reason::MissingColumn => "missing-column",
            Reason::MissingValue => "missing-value",
            Reason::SerialMalformed => "serial-malformed",
            Reason::ProductUnknown => "product-unknown",
            Reason::NotRegistrable => "not-registrable",
            Reason::SerialTaken => "serial-taken",
            Reason::SerialTwice => "serial-twice",
            Reason::CountryClosed => "country-closed",
            Reason::CoordinatesInvalid => "coordinates-invalid",
            Reason::DateInvalid => "date-invalid",
            Reason::PlantDataDiffer => "plant-data-differ",
            Reason::TooManyDevices => "too-many-devices",
        }
    }
}

/// A row (or the file) that cannot be taken, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub place: Place,
    pub reason: Reason,
    /// What was found: the column, the serial, the product id, the country …
    pub detail: String,
}

impl Problem {
    pub fn new(place: Place, reason: Reason, detail: impl Into<String>) -> Self {
        Self {
            place,
            reason,
            detail: detail.into(),
        }
    }
}

/// A device to add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevicePlan {
    pub place: Place,
    pub serial: u32,
    pub product_id: u32,
    pub name: String,
    /// Sub-plant name, empty for none.
    pub subplant: String,
    /// Start-up date, `YYYY-MM-DD`.
    pub commissioning: Option<String>,
}

/// A plant to create or update, with the devices to add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlantPlan {
    pub place: Place,
    pub portal_id: String,
    /// The plant this re-import updates; `None` creates one.
    pub existing: Option<u64>,
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub commissioning: Option<String>,
    /// Sub-plants the devices name that the plant does not have yet.
    pub new_subplants: Vec<String>,
    pub devices: Vec<DevicePlan>,
    /// Devices of the file the plant has already.
    pub known: u32,
    /// Serials of the plant's devices the file does not list (reported, never removed).
    pub missing: Vec<u32>,
}

/// What an import will do, and every row it cannot take.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    /// `csv` or `json`.
    pub format: String,
    pub plants: Vec<PlantPlan>,
    pub problems: Vec<Problem>,
}

impl Preview {
    /// Devices the import adds.
    pub fn device_count(&self) -> usize {
        self.plants.iter().map(|p| p.devices.len()).sum()
    }
}
