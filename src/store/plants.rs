//! Plants: their data, the company that keeps them, the operator they name, and the
//! installers they are assigned to. Lists take the actor's [`PlantScope`], so no caller
//! can list plants without the filter.

use super::Txn;
use super::engine::ReadableTable;
use crate::domain::webhook::HookEvent;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, tables};
use crate::access::{self as policy, Actor, PlantOwnership, PlantScope};

/// A plant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plant {
    /// Id.
    pub id: u64,
    /// The company that keeps it (none for a plant operator's own plant).
    pub company: Option<u64>,
    /// Who created it.
    pub created_by: u64,
    /// Name.
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO country code (one of `plants.registration_countries`).
    pub country: String,
    /// Latitude in degrees.
    pub latitude: Option<f64>,
    /// Longitude in degrees.
    pub longitude: Option<f64>,
    /// Commissioning date, `YYYY-MM-DD`.
    pub commissioning: Option<String>,
    /// Plant operator's name.
    pub operator_name: String,
    /// Plant operator's e-mail (normalized), empty when none is named.
    pub operator_email: String,
    /// Creation time.
    pub created_at: u64,
    /// Last change.
    pub updated_at: u64,
    /// Sub-plants the plant is split into.
    pub subplants: Vec<SubPlant>,
}

/// A part of a plant that inverters and communication devices are assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubPlant {
    /// Id, unique within the plant.
    pub id: u32,
    /// Name.
    pub name: String,
}

impl Plant {
    /// The plant's ownership as the policy sees it.
    pub fn ownership<'a>(&'a self, assignees: &'a [u64]) -> PlantOwnership<'a> {
        PlantOwnership {
            company: self.company,
            operator_email: (!self.operator_email.is_empty())
                .then_some(self.operator_email.as_str()),
            assignees,
        }
    }
}

fn decode(bytes: &[u8]) -> Result<Plant, StoreError> {
    tables::PLANTS.decode(bytes)
}

/// Adds (`add`) or removes a plant's entries in the tables derived from it (its
/// company's plants, its operator's plants); `osc check` derives them again to compare.
pub(crate) fn index_in(txn: &Txn, plant: &Plant, add: bool) -> Result<(), StoreError> {
    let mut by_company = txn.open_table(tables::COMPANY_PLANTS)?;
    let mut by_operator = txn.open_table(tables::OPERATOR_PLANTS)?;
    if let Some(c) = plant.company {
        if add {
            by_company.insert((c, plant.id), ())?;
        } else {
            by_company.remove((c, plant.id))?;
        }
    }
    if !plant.operator_email.is_empty() {
        if add {
            by_operator.insert((plant.operator_email.as_str(), plant.id), ())?;
        } else {
            by_operator.remove((plant.operator_email.as_str(), plant.id))?;
        }
    }
    Ok(())
}

/// The plants with their sub-plants and who is assigned to them.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Plants: Send + Sync {
    /// Creates a plant (assigned to `assign_to` when an installer creates it), recording
    /// `audit` (a change through the API) with it.
    fn create(
        &self,
        plant: Plant,
        assign_to: Option<u64>,
        audit: Vec<super::audit::Entry>,
    ) -> Result<Plant, StoreError>;

    /// Saves changed plant data (company and id stay), recording `audit` with it.
    fn update(&self, plant: &Plant, audit: Vec<super::audit::Entry>) -> Result<(), StoreError>;

    /// A plant by id, whoever asks: for derived data (the search index), never for pages.
    fn get(&self, id: u64) -> Result<Option<Plant>, StoreError>;

    /// The plant `id` if `actor` may see it: another company's plant is `None`, exactly like
    /// a plant that does not exist.
    fn visible(&self, actor: &Actor, id: u64) -> Result<Option<(Plant, Vec<u64>)>, StoreError>;

    /// The plants `actor` sees, by name; `query` filters by name, place or postal code.
    fn list(&self, actor: &Actor, query: &str) -> Result<Vec<(Plant, Vec<u64>)>, StoreError>;

    /// Adds a sub-plant to a plant; returns its id (`None`: no such plant).
    fn add_subplant(&self, plant: u64, name: &str) -> Result<Option<u32>, StoreError>;

    /// Renames a sub-plant (`None`: no such plant or sub-plant).
    fn rename_subplant(&self, plant: u64, id: u32, name: &str) -> Result<Option<()>, StoreError>;

    /// Deletes a sub-plant that has no devices; `Some(false)` when it still has some, in
    /// the same transaction that would delete it.
    fn delete_subplant(&self, plant: u64, id: u32) -> Result<Option<bool>, StoreError>;

    /// Assigns a plant to an installer, or takes the assignment away.
    fn set_assignment(&self, plant: u64, user: u64, assigned: bool) -> Result<(), StoreError>;

    /// The plant operators named by the company's plants (for "Invite collaborators").
    fn operators_of_company(
        &self,
        company: policy::CompanyScope,
    ) -> Result<Vec<LinkedOperator>, StoreError>;
}

/// Creates a plant inside the caller's transaction; returns it with its new id.
pub(crate) fn create_in(
    txn: &Txn,
    mut plant: Plant,
    assign_to: Option<u64>,
) -> Result<Plant, StoreError> {
    plant.id = tables::PLANTS.next_id_in(txn)?;
    tables::PLANTS.put_in(txn, plant.id, &plant)?;
    index_in(txn, &plant, true)?;
    if let Some(user) = assign_to {
        assign_in(txn, plant.id, user)?;
    }
    let data = super::webhooks::payload::plant(&plant);
    super::webhooks::emit_in(
        txn,
        HookEvent::PlantCreated,
        plant.company,
        false,
        plant.created_at,
        data,
    )?;
    Ok(plant)
}

/// Saves changed plant data inside the caller's transaction (company, creator and
/// creation time stay as stored).
pub(crate) fn save_in(txn: &Txn, plant: &Plant) -> Result<(), StoreError> {
    let old = get_in(txn, plant.id)?;
    if let Some(old) = old {
        index_in(txn, &old, false)?;
        let mut changed = plant.clone();
        changed.company = old.company;
        changed.created_by = old.created_by;
        changed.created_at = old.created_at;
        tables::PLANTS.put_in(txn, plant.id, &changed)?;
        index_in(txn, &changed, true)?;
        // The index keeps the operator's name with every ticket about the plant.
        if changed.operator_name != old.operator_name {
            super::index_feed::record_plant_in(txn, plant.id)?;
        }
    }
    Ok(())
}

/// A plant by id inside a write transaction.
pub(crate) fn get_in(txn: &Txn, id: u64) -> Result<Option<Plant>, StoreError> {
    tables::PLANTS.get(&txn, id)
}

fn assign_in(txn: &Txn, plant: u64, user: u64) -> Result<(), StoreError> {
    txn.open_table(tables::PLANT_ASSIGNEES)?
        .insert((plant, user), ())?;
    txn.open_table(tables::ASSIGNMENTS_BY_USER)?
        .insert((user, plant), ())?;
    Ok(())
}

/// Changes a stored plant's own record (its sub-plants) when `f` returns `Some`.
fn change_plant<T>(
    store: &Store,
    plant: u64,
    f: impl FnOnce(&Txn, &mut Plant) -> Result<Option<T>, StoreError>,
) -> Result<Option<T>, StoreError> {
    let txn = store.write()?;
    let Some(mut p) = get_in(&txn, plant)? else {
        return Ok(None);
    };
    let out = f(&txn, &mut p)?;
    if out.is_some() {
        tables::PLANTS.put_in(&txn, plant, &p)?;
        txn.commit()?;
    }
    Ok(out)
}

/// Drops every assignment of `user`, inside the caller's transaction (removal).
pub(crate) fn drop_assignments_in(txn: &Txn, user: u64) -> Result<(), StoreError> {
    let plants: Vec<u64> = txn
        .open_table(tables::ASSIGNMENTS_BY_USER)?
        .range((user, 0)..=(user, u64::MAX))?
        .map(|r| r.map(|(k, _)| k.value().1))
        .collect::<Result<_, _>>()?;
    let mut by_user = txn.open_table(tables::ASSIGNMENTS_BY_USER)?;
    let mut by_plant = txn.open_table(tables::PLANT_ASSIGNEES)?;
    for plant in plants {
        by_user.remove((user, plant))?;
        by_plant.remove((plant, user))?;
    }
    Ok(())
}

/// A plant operator named by one of a company's plants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedOperator {
    /// The account holder's name when the operator has an account, else the name the
    /// plant gives.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// The name the plant gives, when it differs from the account holder's.
    pub named_in_plant: Option<String>,
    /// Phone, when the operator has an account.
    pub phone: Option<String>,
    /// The plants that name them.
    pub plants: Vec<String>,
}

impl Plants for Store {
    fn create(
        &self,
        plant: Plant,
        assign_to: Option<u64>,
        audit: Vec<super::audit::Entry>,
    ) -> Result<Plant, StoreError> {
        let txn = self.write()?;
        let plant = create_in(&txn, plant, assign_to)?;
        for entry in audit {
            super::audit::record_in(&txn, entry)?;
        }
        txn.commit()?;
        Ok(plant)
    }

    fn update(&self, plant: &Plant, audit: Vec<super::audit::Entry>) -> Result<(), StoreError> {
        let txn = self.write()?;
        save_in(&txn, plant)?;
        for entry in audit {
            super::audit::record_in(&txn, entry)?;
        }
        txn.commit()?;
        Ok(())
    }

    fn get(&self, id: u64) -> Result<Option<Plant>, StoreError> {
        let txn = self.read()?;
        tables::PLANTS.get(&txn, id)
    }

    fn visible(&self, actor: &Actor, id: u64) -> Result<Option<(Plant, Vec<u64>)>, StoreError> {
        let txn = self.read()?;
        let Some(plant) = tables::PLANTS.get(&txn, id)? else {
            return Ok(None);
        };
        let assignees: Vec<u64> = txn
            .open_table(tables::PLANT_ASSIGNEES)?
            .range((id, 0)..=(id, u64::MAX))?
            .map(|r| r.map(|(k, _)| k.value().1))
            .collect::<Result<_, _>>()?;
        Ok(
            policy::can_see_plant(actor, &plant.ownership(&assignees))
                .then_some((plant, assignees)),
        )
    }

    fn list(&self, actor: &Actor, query: &str) -> Result<Vec<(Plant, Vec<u64>)>, StoreError> {
        let txn = self.read()?;
        let plants = txn.open_table(tables::PLANTS.def())?;
        let assignees_table = txn.open_table(tables::PLANT_ASSIGNEES)?;
        let ids: Vec<u64> = match policy::plant_scope(actor) {
            PlantScope::All => plants
                .iter()?
                .map(|r| r.map(|(k, _)| k.value()))
                .collect::<Result<_, _>>()?,
            PlantScope::Company(c) => txn
                .open_table(tables::COMPANY_PLANTS)?
                .range((c, 0)..=(c, u64::MAX))?
                .map(|r| r.map(|(k, _)| k.value().1))
                .collect::<Result<_, _>>()?,
            PlantScope::Assigned(u) => txn
                .open_table(tables::ASSIGNMENTS_BY_USER)?
                .range((u, 0)..=(u, u64::MAX))?
                .map(|r| r.map(|(k, _)| k.value().1))
                .collect::<Result<_, _>>()?,
            PlantScope::Operator(_) => {
                let email = actor.email.as_str();
                txn.open_table(tables::OPERATOR_PLANTS)?
                    .range((email, 0)..=(email, u64::MAX))?
                    .map(|r| r.map(|(k, _)| k.value().1))
                    .collect::<Result<_, _>>()?
            }
        };
        let needle = crate::domain::fold::fold(query);
        // A serial number finds the plant of its device, also after the device was swapped.
        let serial_plant = match crate::domain::SerialNumber::parse(query) {
            Ok(serial) => {
                super::devices::Devices::by_any_serial(self, serial.value())?.map(|d| d.plant_id)
            }
            Err(_) => None,
        };
        let mut out = Vec::new();
        for id in ids {
            let Some(plant) = plants.get(id)?.map(|b| decode(b.value())).transpose()? else {
                continue;
            };
            let assignees: Vec<u64> = assignees_table
                .range((id, 0)..=(id, u64::MAX))?
                .map(|r| r.map(|(k, _)| k.value().1))
                .collect::<Result<_, _>>()?;
            // The index gave the candidates; the policy has the last word.
            if !policy::can_see_plant(actor, &plant.ownership(&assignees)) {
                continue;
            }
            if !needle.is_empty() && serial_plant != Some(id) {
                let hay = crate::domain::fold::fold(&format!(
                    "{} {} {} {}",
                    plant.name, plant.city, plant.postal_code, plant.street
                ));
                if !needle.split(' ').all(|w| hay.contains(w)) {
                    continue;
                }
            }
            out.push((plant, assignees));
        }
        out.sort_by_key(|(p, _)| p.name.to_lowercase());
        Ok(out)
    }

    fn add_subplant(&self, plant: u64, name: &str) -> Result<Option<u32>, StoreError> {
        change_plant(self, plant, |_, p| {
            let id = p.subplants.iter().map(|s| s.id).max().unwrap_or(0) + 1;
            p.subplants.push(SubPlant {
                id,
                name: name.to_owned(),
            });
            Ok(Some(id))
        })
    }

    fn rename_subplant(&self, plant: u64, id: u32, name: &str) -> Result<Option<()>, StoreError> {
        change_plant(self, plant, |_, p| {
            let Some(s) = p.subplants.iter_mut().find(|s| s.id == id) else {
                return Ok(None);
            };
            s.name = name.to_owned();
            Ok(Some(()))
        })
    }

    fn delete_subplant(&self, plant: u64, id: u32) -> Result<Option<bool>, StoreError> {
        let txn = self.write()?;
        let Some(mut p) = get_in(&txn, plant)? else {
            return Ok(None);
        };
        if !p.subplants.iter().any(|s| s.id == id) {
            return Ok(None);
        }
        let busy = super::devices::of_plant_in(&txn, plant)?
            .iter()
            .any(|d| d.subplant == Some(id));
        if busy {
            return Ok(Some(false));
        }
        p.subplants.retain(|s| s.id != id);
        tables::PLANTS.put_in(&txn, plant, &p)?;
        txn.commit()?;
        Ok(Some(true))
    }

    fn set_assignment(&self, plant: u64, user: u64, assigned: bool) -> Result<(), StoreError> {
        let txn = self.write()?;
        if assigned {
            assign_in(&txn, plant, user)?;
        } else {
            txn.open_table(tables::PLANT_ASSIGNEES)?
                .remove((plant, user))?;
            txn.open_table(tables::ASSIGNMENTS_BY_USER)?
                .remove((user, plant))?;
        }
        txn.commit()?;
        Ok(())
    }

    fn operators_of_company(
        &self,
        company: policy::CompanyScope,
    ) -> Result<Vec<LinkedOperator>, StoreError> {
        let txn = self.read()?;
        let plants = txn.open_table(tables::PLANTS.def())?;
        let c = company.company_id();
        let mut out: Vec<LinkedOperator> = Vec::new();
        for row in txn
            .open_table(tables::COMPANY_PLANTS)?
            .range((c, 0)..=(c, u64::MAX))?
        {
            let id = row?.0.value().1;
            let Some(plant) = plants.get(id)?.map(|b| decode(b.value())).transpose()? else {
                continue;
            };
            if plant.operator_email.is_empty() {
                continue;
            }
            match out.iter_mut().find(|o| o.email == plant.operator_email) {
                Some(o) => o.plants.push(plant.name),
                None => out.push(LinkedOperator {
                    name: plant.operator_name.clone(),
                    email: plant.operator_email.clone(),
                    named_in_plant: None,
                    phone: None,
                    plants: vec![plant.name],
                }),
            }
        }
        drop(plants);
        drop(txn);
        for o in &mut out {
            if let Ok(email) = crate::domain::Email::parse(&o.email)
                && let Some(user) = super::users::Users::find_by_email(self, &email)?
            {
                // The account speaks for itself: its holder's name, not the one a plant
                // was given, goes next to its e-mail address and phone.
                let holder = user.full_name();
                if holder != o.name {
                    o.named_in_plant = Some(std::mem::replace(&mut o.name, holder));
                }
                o.phone = Some(user.phone);
            }
        }
        out.sort_by_key(|o| o.name.to_lowercase());
        Ok(out)
    }
}
