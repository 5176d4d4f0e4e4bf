//! Sunny Portal imports: the record of each upload (checking, its preview, its outcome)
//! so a preview survives a reload, the index that recognizes a plant imported before
//! (owner and portal plant id), and the write — one transaction per plant, so a plant is
//! imported whole or not at all.

use super::Txn;
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::devices::{self, Device, RegisterRefused};
use super::import_preview::{PlantPlan, Preview};
use super::plants::{self, Plant, SubPlant};
use super::{Store, StoreError, tables};

/// Whose plants an import creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// The key plants imported before are found under: the company, or the operator.
    pub key: u64,
    /// The company that keeps the plants (none for a plant operator).
    pub company: Option<u64>,
    /// Who imports.
    pub user: u64,
    /// An installer's imported plants are assigned to him.
    pub assign_to: Option<u64>,
    /// A plant operator's own name and e-mail, written into his plants.
    pub operator: Option<(String, String)>,
}

impl Owner {
    /// The index key of a company's plants.
    pub fn company_key(company: u64) -> u64 {
        company << 1
    }

    /// The index key of an operator's own plants.
    pub fn operator_key(user: u64) -> u64 {
        (user << 1) | 1
    }
}

/// A plant as the import left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub plant: u64,
    pub name: String,
    pub devices_added: u32,
    pub subplants_added: u32,
    /// Devices the plant has that the file did not list.
    pub missing: u32,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub created: Vec<Applied>,
    pub updated: Vec<Applied>,
    /// Plants not written, with the serial that was registered meanwhile.
    pub skipped: Vec<(String, String)>,
    /// Rows the preview had refused.
    pub refused_rows: u32,
}

crate::codes::stored_variants! {
    /// Where an import stands.
    #[derive(Debug, Clone, PartialEq)]
    pub enum ImportState {
        /// The file is being read and checked.
        Checking = 0,
        /// The preview, waiting for confirmation.
        Ready(preview: Preview) = 1,
        /// Confirmed and written.
        Done(outcome: Outcome) = 2,
        /// Cancelled: nothing was written.
        Cancelled = 3,
    }
}

/// One upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRecord {
    pub id: u64,
    /// Who uploaded it: nobody else sees it.
    pub user: u64,
    pub file_name: String,
    pub size: u64,
    pub created_at: u64,
    pub state: ImportState,
}

/// The Sunny Portal imports: their records, previews and how they are applied.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Imports: Send + Sync {
    /// Records a new upload (being checked); returns its id.
    fn start(&self, user: u64, file_name: &str, size: u64, now: u64) -> Result<u64, StoreError>;

    /// An import of `user` (anyone else's is `None`).
    fn get(&self, user: u64, id: u64) -> Result<Option<ImportRecord>, StoreError>;

    /// Keeps the preview of a checked upload.
    fn set_preview(&self, id: u64, preview: Preview) -> Result<(), StoreError>;

    /// Cancels an import waiting for confirmation; `false` when it is not waiting.
    fn cancel(&self, user: u64, id: u64) -> Result<bool, StoreError>;

    /// The plant imported before under `portal_id` for `owner_key`, if it still exists.
    fn plant_by_portal_id(
        &self,
        owner_key: u64,
        portal_id: &str,
    ) -> Result<Option<Plant>, StoreError>;

    /// Writes a confirmed import: each plant in a transaction of its own (created, or
    /// updated with its new sub-plants and devices). A plant whose device serial was
    /// registered elsewhere since the preview is skipped whole. `None` when the import is
    /// not `user`'s or not waiting for confirmation.
    fn apply(&self, owner: &Owner, id: u64, now: u64) -> Result<Option<Outcome>, StoreError>;
}

fn set_state_in(txn: &Txn, id: u64, state: ImportState) -> Result<(), StoreError> {
    let mut table = txn.open_table(tables::IMPORTS.def())?;
    let Some(mut record) = table
        .get(id)?
        .map(|b| tables::IMPORTS.decode(b.value()))
        .transpose()?
    else {
        return Ok(());
    };
    record.state = state;
    tables::IMPORTS.write(&mut table, id, &record)?;
    Ok(())
}

/// One plant, inside the caller's transaction. `Err(serial)` when a serial is taken.
fn write_plant_in(
    txn: &Txn,
    owner: &Owner,
    plan: &PlantPlan,
    now: u64,
) -> Result<Result<(Applied, bool), u32>, StoreError> {
    let existing = match plan.existing {
        Some(id) => plants::get_in(txn, id)?,
        None => None,
    };
    let updated = existing.is_some();
    let mut plant = match existing {
        Some(p) => p,
        None => Plant {
            id: 0,
            company: owner.company,
            created_by: owner.user,
            name: String::new(),
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            country: String::new(),
            latitude: None,
            longitude: None,
            commissioning: None,
            operator_name: owner
                .operator
                .as_ref()
                .map(|o| o.0.clone())
                .unwrap_or_default(),
            operator_email: owner
                .operator
                .as_ref()
                .map(|o| o.1.clone())
                .unwrap_or_default(),
            created_at: now,
            updated_at: now,
            subplants: Vec::new(),
        },
    };
    plant.name.clone_from(&plan.name);
    plant.street.clone_from(&plan.street);
    plant.postal_code.clone_from(&plan.postal_code);
    plant.city.clone_from(&plan.city);
    plant.country.clone_from(&plan.country);
    if plan.latitude.is_some() && plan.longitude.is_some() {
        plant.latitude = plan.latitude;
        plant.longitude = plan.longitude;
    }
    if plan.commissioning.is_some() {
        plant.commissioning.clone_from(&plan.commissioning);
    }
    plant.updated_at = now;
    let mut subplants_added = 0;
    for name in &plan.new_subplants {
        if !plant.subplants.iter().any(|s| &s.name == name) {
            let id = plant.subplants.iter().map(|s| s.id).max().unwrap_or(0) + 1;
            plant.subplants.push(SubPlant {
                id,
                name: name.clone(),
            });
            subplants_added += 1;
        }
    }
    if updated {
        plants::save_in(txn, &plant)?;
    } else {
        plant = plants::create_in(txn, plant, owner.assign_to)?;
        txn.open_table(tables::PLANT_BY_PORTAL_ID)?
            .insert((owner.key, plan.portal_id.as_str()), plant.id)?;
    }
    let mut devices_added = 0;
    for d in &plan.devices {
        let device = Device {
            id: 0,
            plant_id: plant.id,
            serial: d.serial,
            product_id: d.product_id,
            name: d.name.clone(),
            subplant: plant
                .subplants
                .iter()
                .find(|s| !d.subplant.is_empty() && s.name == d.subplant)
                .map(|s| s.id),
            purchase_date: None,
            commissioning_date: d.commissioning.clone(),
            pic: String::new(),
            rid: String::new(),
            extended: false,
            created_by: owner.user,
            created_at: now,
            removed_at: None,
            swaps: Vec::new(),
            inherited_warranty_end: None,
        };
        match devices::register_in(txn, device)? {
            Ok(_) => devices_added += 1,
            Err(RegisterRefused::SerialTaken) => return Ok(Err(d.serial)),
        }
    }
    Ok(Ok((
        Applied {
            plant: plant.id,
            name: plant.name.clone(),
            devices_added,
            subplants_added,
            missing: u32::try_from(plan.missing.len()).unwrap_or(u32::MAX),
        },
        updated,
    )))
}

impl Imports for Store {
    fn start(&self, user: u64, file_name: &str, size: u64, now: u64) -> Result<u64, StoreError> {
        let txn = self.write()?;
        let id = {
            let id = tables::IMPORTS.next_id_in(&txn)?;
            let record = ImportRecord {
                id,
                user,
                file_name: file_name.to_owned(),
                size,
                created_at: now,
                state: ImportState::Checking,
            };
            tables::IMPORTS.put_in(&txn, id, &record)?;
            id
        };
        txn.commit()?;
        Ok(id)
    }

    fn get(&self, user: u64, id: u64) -> Result<Option<ImportRecord>, StoreError> {
        let txn = self.read()?;
        let record = tables::IMPORTS.get(&txn, id)?;
        Ok(record.filter(|r| r.user == user))
    }

    fn set_preview(&self, id: u64, preview: Preview) -> Result<(), StoreError> {
        let txn = self.write()?;
        set_state_in(&txn, id, ImportState::Ready(preview))?;
        txn.commit()?;
        Ok(())
    }

    fn cancel(&self, user: u64, id: u64) -> Result<bool, StoreError> {
        let Some(record) = Imports::get(self, user, id)? else {
            return Ok(false);
        };
        if !matches!(record.state, ImportState::Ready(_)) {
            return Ok(false);
        }
        let txn = self.write()?;
        set_state_in(&txn, id, ImportState::Cancelled)?;
        txn.commit()?;
        Ok(true)
    }

    fn plant_by_portal_id(
        &self,
        owner_key: u64,
        portal_id: &str,
    ) -> Result<Option<Plant>, StoreError> {
        let id = {
            let txn = self.read()?;
            let index = txn.open_table(tables::PLANT_BY_PORTAL_ID)?;
            index.get((owner_key, portal_id))?.map(|v| v.value())
        };
        match id {
            Some(id) => plants::Plants::get(self, id),
            None => Ok(None),
        }
    }

    fn apply(&self, owner: &Owner, id: u64, now: u64) -> Result<Option<Outcome>, StoreError> {
        let Some(record) = Imports::get(self, owner.user, id)? else {
            return Ok(None);
        };
        let ImportState::Ready(preview) = record.state else {
            return Ok(None);
        };
        let mut outcome = Outcome {
            refused_rows: u32::try_from(preview.problems.len()).unwrap_or(u32::MAX),
            ..Outcome::default()
        };
        for plan in &preview.plants {
            let txn = self.write()?;
            match write_plant_in(&txn, owner, plan, now)? {
                Ok((applied, updated)) => {
                    txn.commit()?;
                    if updated {
                        outcome.updated.push(applied);
                    } else {
                        outcome.created.push(applied);
                    }
                }
                Err(serial) => {
                    txn.abort()?;
                    outcome
                        .skipped
                        .push((plan.name.clone(), serial.to_string()));
                }
            }
        }
        let txn = self.write()?;
        set_state_in(&txn, id, ImportState::Done(outcome.clone()))?;
        txn.commit()?;
        Ok(Some(outcome))
    }
}
