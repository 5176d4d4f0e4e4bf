//! Plants: registering one, saving its data, assigning it to installers, and its
//! sub-plants. Who may do what is asked of [`crate::access`]; a plant the actor may not
//! change is `None`, exactly like one that does not exist.

use crate::access::{self as policy, AccountKind, Actor, CompanyRole};
use crate::domain::catalog::Catalog;
use crate::domain::field::{coordinate, past_date};
use crate::domain::{self, Country, Email};
use crate::store::documents::Document;
use crate::store::plants::Plant;
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::devices::DeviceRow;
use crate::views::plants::PlantForm;
use crate::views::plants::Row;

use super::{Acting, Core, Failure, warranty};

/// A plant's data, checked (ids and ownership are the use case's).
#[derive(Debug, Clone, PartialEq)]
pub struct PlantData {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// ISO code of a country open for registration.
    pub country: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `YYYY-MM-DD`, not in the future.
    pub commissioning: Option<String>,
    pub operator_name: String,
    pub operator_email: String,
}

impl PlantData {
    /// Checks the form. `operator_fixed` is the operator a plant names whatever the form
    /// says (a plant operator's own plant); registration is open in `open` countries.
    pub fn check(
        form: &PlantForm,
        open: &[String],
        today: time::Date,
        operator_fixed: Option<(&str, &str)>,
    ) -> Result<Self, Errors> {
        let mut e = Errors::new();
        if form.smart_home == "on" {
            e.add("smart_home", "plant-smart-home-refused");
        }
        let name = e.check("name", domain::required_text(&form.name, 120));
        let street = e.check("street", domain::required_text(&form.street, 120));
        let postal_code = e.check(
            "postal_code",
            domain::postal_code::parse(&form.postal_code, Country::parse(&form.country).ok()),
        );
        let city = e.check("city", domain::required_text(&form.city, 80));
        let country = e.check(
            "country",
            Country::parse(&form.country).and_then(|c| {
                if open.iter().any(|o| o.eq_ignore_ascii_case(c.code())) {
                    Ok(c)
                } else {
                    Err("plant-country-not-open")
                }
            }),
        );
        let latitude = e.check("latitude", coordinate(&form.latitude, 90.0));
        let longitude = e.check("longitude", coordinate(&form.longitude, 180.0));
        if let (Some(lat), Some(lon)) = (&latitude, &longitude)
            && lat.is_some() != lon.is_some()
        {
            let field = if lat.is_none() {
                "latitude"
            } else {
                "longitude"
            };
            e.add(field, "coordinate-pair");
        }
        let commissioning = e.check(
            "commissioning_date",
            past_date(&form.commissioning_date, today),
        );
        let operator = match operator_fixed {
            Some((name, email)) => Some((name.to_owned(), email.to_owned())),
            None => {
                let name = e.check(
                    "operator_name",
                    domain::optional_text(&form.operator_name, 120),
                );
                let email = if form.operator_email.trim().is_empty() {
                    Some(String::new())
                } else {
                    e.check(
                        "operator_email",
                        Email::parse(&form.operator_email).map(|m| m.as_str().to_owned()),
                    )
                };
                name.zip(email)
            }
        };
        e.finish(|| {
            let (operator_name, operator_email) = operator?;
            Some(Self {
                name: name?,
                street: street?,
                postal_code: postal_code?,
                city: city?,
                country: country?.code().to_owned(),
                latitude: latitude?,
                longitude: longitude?,
                commissioning: commissioning?.map(|d| d.to_string()),
                operator_name,
                operator_email,
            })
        })
    }

    /// `plant` with this data (and changed now).
    fn apply(self, plant: Plant, now: u64) -> Plant {
        Plant {
            name: self.name,
            street: self.street,
            postal_code: self.postal_code,
            city: self.city,
            country: self.country,
            latitude: self.latitude,
            longitude: self.longitude,
            commissioning: self.commissioning,
            operator_name: self.operator_name,
            operator_email: self.operator_email,
            updated_at: now,
            ..plant
        }
    }
}

/// The operator a plant operator's new plant names: themselves.
pub fn operator_self(who: &Acting) -> Option<(String, String)> {
    (who.actor.kind == AccountKind::Operator)
        .then(|| (who.user.full_name(), who.user.email.clone()))
}

/// The operator a stored plant names whatever the form says: a plant operator's own
/// plant keeps its operator.
pub fn operator_fixed(plant: &Plant) -> Option<(String, String)> {
    plant
        .company
        .is_none()
        .then(|| (plant.operator_name.clone(), plant.operator_email.clone()))
}

/// Registers a plant for the actor's company (or, for a plant operator, as theirs); an
/// installer's plant is assigned to them. `None` if the actor may not register plants.
pub fn register(core: &Core, who: &Acting, data: PlantData) -> Result<Option<Plant>, Failure> {
    if !policy::can_create_plant(who.actor) {
        return Ok(None);
    }
    let now = core.clock.now();
    // Installers' plants are assigned to them; administrators see every plant anyway.
    let assign_to =
        matches!(who.actor.company, Some((_, CompanyRole::Member))).then_some(who.user.id);
    let empty = Plant {
        id: 0,
        company: who.actor.company.map(|(c, _)| c),
        created_by: who.user.id,
        name: String::new(),
        street: String::new(),
        postal_code: String::new(),
        city: String::new(),
        country: String::new(),
        latitude: None,
        longitude: None,
        commissioning: None,
        operator_name: String::new(),
        operator_email: String::new(),
        created_at: now,
        updated_at: now,
        subplants: Vec::new(),
    };
    let audit: Vec<_> = who
        .token_entry(now, "plant registered")
        .into_iter()
        .collect();
    let plant = core
        .store
        .plants()
        .create(data.apply(empty, now), assign_to, audit)?;
    tracing::info!(
        event = "plant_created",
        user_id = who.user.id,
        plant = plant.id,
        "plant created"
    );
    Ok(Some(plant))
}

/// The plant `id` with its assignees if the actor may change it.
pub fn editable(core: &Core, who: &Acting, id: u64) -> Result<Option<(Plant, Vec<u64>)>, Failure> {
    Ok(core
        .store
        .plants()
        .visible(who.actor, id)?
        .filter(|(plant, assignees)| {
            policy::can_edit_plant(who.actor, &plant.ownership(assignees))
        }))
}

/// Saves a plant's data (the tickets about it are indexed again when the operator's
/// name changes: the index keeps it with them).
pub fn save(core: &Core, who: &Acting, plant: Plant, data: PlantData) -> Result<Plant, Failure> {
    let now = core.clock.now();
    let what = format!("plant {} changed", plant.id);
    let audit: Vec<_> = who.token_entry(now, what).into_iter().collect();
    let plant = data.apply(plant, now);
    core.store.plants().update(&plant, audit)?;
    Ok(plant)
}

/// Whether the actor may assign this plant to installers (an administrator of the
/// company that keeps it).
pub fn may_assign(who: &Acting, plant: &Plant, assignees: &[u64]) -> bool {
    policy::administered_company(who.actor).is_some()
        && policy::can_assign_plant(who.actor, &plant.ownership(assignees))
}

/// Assigns the plant to an installer of the administrator's company, or takes the
/// assignment away. `false` if the installer is not a member of that company or the
/// actor may not assign this plant.
pub fn assign(
    core: &Core,
    who: &Acting,
    plant: &Plant,
    assignees: &[u64],
    installer: u64,
    assigned: bool,
) -> Result<bool, Failure> {
    let Some(scope) = policy::administered_company(who.actor) else {
        return Ok(false);
    };
    if !may_assign(who, plant, assignees) {
        return Ok(false);
    }
    let Some(member) = core.store.companies().member(scope, installer)? else {
        return Ok(false);
    };
    core.store
        .plants()
        .set_assignment(plant.id, member.id, assigned)?;
    tracing::info!(
        event = "plant_assignment",
        by = who.user.id,
        plant = plant.id,
        installer = member.id,
        assigned,
        "plant assignment changed"
    );
    Ok(true)
}

/// A sub-plant's name, checked.
pub fn subplant_name(typed: &str) -> Result<String, Errors> {
    let mut e = Errors::new();
    let name = e.check("subplant_name", domain::required_text(typed, 80));
    e.finish(|| name)
}

/// Adds a sub-plant to a plant the caller may change.
pub fn add_subplant(core: &Core, plant: &Plant, name: &str) -> Result<Option<u32>, Failure> {
    Ok(core.store.plants().add_subplant(plant.id, name)?)
}

/// Renames a sub-plant; `None` if it does not exist.
pub fn rename_subplant(
    core: &Core,
    plant: &Plant,
    id: u32,
    name: &str,
) -> Result<Option<()>, Failure> {
    Ok(core.store.plants().rename_subplant(plant.id, id, name)?)
}

/// What deleting a sub-plant led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubplantDeleted {
    Deleted,
    /// Devices are still in it: nothing changed.
    NotEmpty,
    /// No such sub-plant.
    Unknown,
}

/// Deletes a sub-plant when no device is in it.
pub fn delete_subplant(core: &Core, plant: &Plant, id: u32) -> Result<SubplantDeleted, Failure> {
    Ok(match core.store.plants().delete_subplant(plant.id, id)? {
        Some(true) => SubplantDeleted::Deleted,
        Some(false) => SubplantDeleted::NotEmpty,
        None => SubplantDeleted::Unknown,
    })
}

/// What a plant's page shows besides the plant: who it is assigned to (and who it could
/// be), its devices with their warranty, its documents with who uploaded them, the
/// requests about it the actor may see, and what the actor may change.
pub struct PlantPage {
    pub can_edit: bool,
    pub can_assign: bool,
    /// (user id, name) of the installers it is assigned to.
    pub assigned: Vec<(u64, String)>,
    /// (user id, name) of the company's installers it could be assigned to.
    pub assignable: Vec<(u64, String)>,
    pub devices: Vec<DeviceRow>,
    pub documents: Vec<(Document, String)>,
    pub tickets: Vec<Ticket>,
}

/// The page of `plant` (which the actor may see) with its `assignees`.
pub fn page(
    core: &Core,
    actor: &Actor,
    plant: &Plant,
    assignees: &[u64],
) -> Result<PlantPage, Failure> {
    let store = &core.store;
    let ownership = plant.ownership(assignees);
    let can_edit = policy::can_edit_plant(actor, &ownership);
    let can_assign = policy::can_assign_plant(actor, &ownership);
    let mut assigned = Vec::new();
    let mut assignable = Vec::new();
    if can_assign && let Some(scope) = policy::administered_company(actor) {
        for m in store.companies().members(scope)? {
            if assignees.contains(&m.user.id) {
                assigned.push((m.user.id, m.user.full_name()));
            } else if matches!(m.user.company, Some((_, CompanyRole::Member))) {
                assignable.push((m.user.id, m.user.full_name()));
            }
        }
    } else {
        for id in assignees {
            if let Some(u) = store.users().get(*id)? {
                assigned.push((u.id, u.full_name()));
            }
        }
    }
    let (today, rules) = (core.today(), core.config.warranty.rules());
    let devices = store
        .devices()
        .of_plant(plant.id)?
        .into_iter()
        .map(|device| DeviceRow {
            product: Catalog::get().product(device.product_id),
            warranty: warranty::of_device(rules, &device, today),
            device,
        })
        .collect();
    let mut documents = Vec::new();
    for d in store.documents().of_plant(plant.id)? {
        let by = store
            .users()
            .get(d.uploaded_by)?
            .map(|u| u.full_name())
            .unwrap_or_default();
        documents.push((d, by));
    }
    Ok(PlantPage {
        can_edit,
        can_assign,
        assigned,
        assignable,
        devices,
        documents,
        tickets: store.tickets().of_plant(actor, plant.id)?,
    })
}

/// Plants per page of the overview.
pub const OVERVIEW_PAGE: usize = 50;

/// One page of the plant overview: the plants the actor sees (all of them, for the
/// map), the rows of the page asked for, and how many pages there are.
pub struct Overview {
    pub all: Vec<Plant>,
    pub rows: Vec<Row>,
    /// The page shown (1-based, clamped to the pages there are).
    pub page: usize,
    pub pages: usize,
}

/// The overview's row of `plant` (which `actor` sees), assigned to `assignees`: their
/// names, its devices, those whose warranty ends soon, its open requests.
pub fn overview_row(
    core: &Core,
    actor: &Actor,
    plant: &Plant,
    assignees: &[u64],
) -> Result<Row, Failure> {
    let store = &core.store;
    let (today, rules) = (core.today(), core.config.warranty.rules());
    let mut names = Vec::new();
    for id in assignees {
        if let Some(u) = store.users().get(*id)? {
            names.push(u.full_name());
        }
    }
    let devices = store.devices().of_plant(plant.id)?;
    let warranties_ending = devices
        .iter()
        .filter(|d| warranty::of_device(rules, d, today).ends_soon())
        .count();
    let open_tickets = store
        .tickets()
        .of_plant(actor, plant.id)?
        .iter()
        .filter(|t| t.status.is_open())
        .count();
    Ok(Row {
        plant: plant.clone(),
        assignees: names,
        devices: devices.len(),
        warranties_ending,
        open_tickets,
    })
}

/// The overview's page `page` of the plants the actor sees, filtered by `query`.
pub fn overview(core: &Core, actor: &Actor, query: &str, page: usize) -> Result<Overview, Failure> {
    let store = &core.store;
    let found = store.plants().list(actor, query)?;
    let pages = found.len().div_ceil(OVERVIEW_PAGE).max(1);
    let page = page.clamp(1, pages);
    let mut rows = Vec::new();
    for (plant, assignees) in found
        .iter()
        .skip((page - 1) * OVERVIEW_PAGE)
        .take(OVERVIEW_PAGE)
    {
        rows.push(overview_row(core, actor, plant, assignees)?);
    }
    Ok(Overview {
        all: found.into_iter().map(|(p, _)| p).collect(),
        rows,
        page,
        pages,
    })
}
