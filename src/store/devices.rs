//! Devices registered in plants: serial numbers unique per instance, product from the
//! catalog, sub-plant, dates for the warranty. A removed device keeps its record (its
//! tickets and history refer to it) but frees its serial.

use super::Txn;
use super::engine::ReadableTable;
use crate::domain::webhook::HookEvent;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, tables};

/// A device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// Id.
    pub id: u64,
    /// The plant it belongs to.
    pub plant_id: u64,
    /// Serial number.
    pub serial: u32,
    /// Catalog product id.
    pub product_id: u32,
    /// Optional name ("Inverter roof east").
    pub name: String,
    /// Sub-plant, if the plant is split.
    pub subplant: Option<u32>,
    /// Purchase date `YYYY-MM-DD` (starts the warranty).
    pub purchase_date: Option<String>,
    /// Commissioning date `YYYY-MM-DD` (starts the warranty when no purchase date).
    pub commissioning_date: Option<String>,
    /// Product identification code from the type label.
    pub pic: String,
    /// Registration id from the type label.
    pub rid: String,
    /// Whether a warranty extension was ordered.
    pub extended: bool,
    /// Who registered it.
    pub created_by: u64,
    /// When.
    pub created_at: u64,
    /// When it was removed from the plant, if it was.
    pub removed_at: Option<u64>,
    /// Serial swaps after replacements, oldest first.
    pub swaps: Vec<SerialSwap>,
    /// Last day of the warranty inherited from the device it replaced, `YYYY-MM-DD`.
    pub inherited_warranty_end: Option<String>,
}

/// A replacement: the device record carries on under the new serial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SerialSwap {
    pub old: u32,
    pub new: u32,
    pub at: u64,
    /// The replacement request.
    pub ticket: u64,
}

impl Device {
    /// Every serial the device record has carried, the current one first.
    pub fn all_serials(&self) -> Vec<u32> {
        let mut out = vec![self.serial];
        out.extend(self.swaps.iter().rev().map(|s| s.old));
        out
    }
}

fn decode(bytes: &[u8]) -> Result<Device, StoreError> {
    tables::DEVICES.decode(bytes)
}

/// Why a device could not be registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterRefused {
    /// The serial is registered already (in any plant).
    SerialTaken,
}

/// The devices of the plants, found by id, serial or plant.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Devices: Send + Sync {
    /// Registers a device in its plant, recording `audit` (a change through the API)
    /// with it.
    fn register(
        &self,
        device: Device,
        audit: Vec<super::audit::Entry>,
    ) -> Result<Result<Device, RegisterRefused>, StoreError>;

    /// A device by id (removed ones included).
    fn get(&self, id: u64) -> Result<Option<Device>, StoreError>;

    /// The current device with this serial, if one is registered.
    fn by_serial(&self, serial: u32) -> Result<Option<Device>, StoreError>;

    /// The device with this serial now, or the one that carried it before a replacement.
    fn by_any_serial(&self, serial: u32) -> Result<Option<Device>, StoreError>;

    /// A plant's current devices, by sub-plant then serial.
    fn of_plant(&self, plant: u64) -> Result<Vec<Device>, StoreError>;

    /// Saves a device's changed data (serial, plant and history stay), recording `audit`
    /// with it.
    fn update(&self, device: &Device, audit: Vec<super::audit::Entry>) -> Result<(), StoreError>;

    /// Removes a device from its plant: its record stays, its serial is free again.
    fn remove(&self, id: u64, now: u64) -> Result<(), StoreError>;

    /// How many current devices each of these plants has.
    fn count_of_plant(&self, plant: u64) -> Result<usize, StoreError>;
}

/// Registers a device inside the caller's transaction.
pub(crate) fn register_in(
    txn: &Txn,
    mut device: Device,
) -> Result<Result<Device, RegisterRefused>, StoreError> {
    if txn
        .open_table(tables::DEVICE_BY_SERIAL)?
        .get(device.serial)?
        .is_some()
    {
        return Ok(Err(RegisterRefused::SerialTaken));
    }
    device.id = tables::DEVICES.next_id_in(txn)?;
    tables::DEVICES.put_in(txn, device.id, &device)?;
    index_in(txn, &device)?;
    let company = super::plants::get_in(txn, device.plant_id)?.and_then(|p| p.company);
    let data = super::webhooks::payload::device(&device);
    super::webhooks::emit_in(
        txn,
        HookEvent::DeviceRegistered,
        company,
        false,
        device.created_at,
        data,
    )?;
    Ok(Ok(device))
}

/// Adds a device to the tables derived from it: its serial and its plant's devices while
/// it is not removed, and the serials it carried before its swaps. What a registration
/// writes, and what `osc check` derives again to compare.
pub(crate) fn index_in(txn: &Txn, device: &Device) -> Result<(), StoreError> {
    if device.removed_at.is_none() {
        txn.open_table(tables::DEVICE_BY_SERIAL)?
            .insert(device.serial, device.id)?;
        txn.open_table(tables::PLANT_DEVICES)?
            .insert((device.plant_id, device.id), ())?;
    }
    let mut former = txn.open_table(tables::DEVICE_BY_FORMER_SERIAL)?;
    for swap in &device.swaps {
        former.insert(swap.old, device.id)?;
    }
    Ok(())
}

fn by_index(
    store: &Store,
    index: super::engine::TableDefinition<'static, u32, u64>,
    serial: u32,
) -> Result<Option<Device>, StoreError> {
    let txn = store.read()?;
    let Some(id) = txn.open_table(index)?.get(serial)?.map(|v| v.value()) else {
        return Ok(None);
    };
    tables::DEVICES.get(&txn, id)
}

/// Swaps a replacement's serial into a device record, inside the caller's transaction:
/// the old serial goes to the swap history (and still finds the device), the new one
/// must be free, the warranty end is what the replacement inherits. `Err(())` when the
/// new serial belongs to another device.
pub(crate) fn swap_in(
    txn: &Txn,
    id: u64,
    new_serial: u32,
    at: u64,
    ticket: u64,
    warranty_end: Option<String>,
) -> Result<Result<Device, ()>, StoreError> {
    let Some(mut device) = tables::DEVICES.get(&txn, id)? else {
        return Ok(Err(()));
    };
    let mut by_serial = txn.open_table(tables::DEVICE_BY_SERIAL)?;
    if by_serial
        .get(new_serial)?
        .is_some_and(|owner| owner.value() != id)
    {
        return Ok(Err(()));
    }
    if device.serial == new_serial {
        return Ok(Ok(device));
    }
    let old = device.serial;
    if device.removed_at.is_none() {
        by_serial.remove(old)?;
        by_serial.insert(new_serial, id)?;
    }
    txn.open_table(tables::DEVICE_BY_FORMER_SERIAL)?
        .insert(old, id)?;
    device.swaps.push(SerialSwap {
        old,
        new: new_serial,
        at,
        ticket,
    });
    device.serial = new_serial;
    if warranty_end.is_some() {
        device.inherited_warranty_end = warranty_end;
    }
    put_in(txn, &device)?;
    // Both serials find every request about the device: they are all indexed again.
    super::index_feed::record_plant_in(txn, device.plant_id)?;
    let company = super::plants::get_in(txn, device.plant_id)?.and_then(|p| p.company);
    let data = super::webhooks::payload::swapped(&device, old, ticket);
    super::webhooks::emit_in(txn, HookEvent::DeviceSwapped, company, false, at, data)?;
    Ok(Ok(device))
}

/// [`Devices::of_plant`] inside a write transaction.
pub(crate) fn of_plant_in(txn: &Txn, plant: u64) -> Result<Vec<Device>, StoreError> {
    let devices = txn.open_table(tables::DEVICES.def())?;
    of_plant_from(&devices, &txn.open_table(tables::PLANT_DEVICES)?, plant)
}

fn of_plant_from(
    devices: &impl ReadableTable<u64, &'static [u8]>,
    plant_devices: &impl ReadableTable<(u64, u64), ()>,
    plant: u64,
) -> Result<Vec<Device>, StoreError> {
    let mut out = Vec::new();
    for row in plant_devices.range((plant, 0)..=(plant, u64::MAX))? {
        let id = row?.0.value().1;
        if let Some(d) = devices.get(id)?.map(|b| decode(b.value())).transpose()?
            && d.removed_at.is_none()
        {
            out.push(d);
        }
    }
    out.sort_by_key(|d| (d.subplant.unwrap_or(0), d.serial));
    Ok(out)
}

fn put_in(txn: &Txn, device: &Device) -> Result<(), StoreError> {
    tables::DEVICES.put_in(txn, device.id, device)?;
    Ok(())
}

impl Devices for Store {
    fn register(
        &self,
        device: Device,
        audit: Vec<super::audit::Entry>,
    ) -> Result<Result<Device, RegisterRefused>, StoreError> {
        let txn = self.write()?;
        let out = register_in(&txn, device)?;
        if out.is_ok() {
            for entry in audit {
                super::audit::record_in(&txn, entry)?;
            }
            txn.commit()?;
        }
        Ok(out)
    }

    fn get(&self, id: u64) -> Result<Option<Device>, StoreError> {
        let txn = self.read()?;
        tables::DEVICES.get(&txn, id)
    }

    fn by_serial(&self, serial: u32) -> Result<Option<Device>, StoreError> {
        by_index(self, tables::DEVICE_BY_SERIAL, serial)
    }

    fn by_any_serial(&self, serial: u32) -> Result<Option<Device>, StoreError> {
        match Devices::by_serial(self, serial)? {
            Some(d) => Ok(Some(d)),
            None => by_index(self, tables::DEVICE_BY_FORMER_SERIAL, serial),
        }
    }

    fn of_plant(&self, plant: u64) -> Result<Vec<Device>, StoreError> {
        let txn = self.read()?;
        let devices = txn.open_table(tables::DEVICES.def())?;
        of_plant_from(&devices, &txn.open_table(tables::PLANT_DEVICES)?, plant)
    }

    fn update(&self, device: &Device, audit: Vec<super::audit::Entry>) -> Result<(), StoreError> {
        let txn = self.write()?;
        put_in(&txn, device)?;
        for entry in audit {
            super::audit::record_in(&txn, entry)?;
        }
        txn.commit()?;
        Ok(())
    }

    fn remove(&self, id: u64, now: u64) -> Result<(), StoreError> {
        let txn = self.write()?;
        let found = tables::DEVICES.get(&txn, id)?;
        if let Some(mut device) = found {
            device.removed_at = Some(now);
            put_in(&txn, &device)?;
            txn.open_table(tables::DEVICE_BY_SERIAL)?
                .remove(device.serial)?;
            txn.open_table(tables::PLANT_DEVICES)?
                .remove((device.plant_id, device.id))?;
        }
        txn.commit()?;
        Ok(())
    }

    fn count_of_plant(&self, plant: u64) -> Result<usize, StoreError> {
        Ok(Devices::of_plant(self, plant)?.len())
    }
}
