//! Webhook endpoints and their deliveries (docs/webhooks.md). An event is turned into one
//! delivery per endpoint that subscribed to it **inside the transaction that made the
//! event** ([`emit_in`], called where requests, plants and devices are written), so a
//! delivery exists exactly when its event was committed. The delivery worker reads only
//! the queue of pending deliveries, in the order they are due, and records each attempt;
//! an endpoint that keeps failing for a day is paused, its owner told by mail in the same
//! transaction.

use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::audit::{self, Entry};
use super::effects::MailsFor;
use super::{Store, StoreError, Txn, tables, users};
use crate::domain::webhook::HookEvent;

/// An endpoint's failures are tolerated this long before it is paused.
pub const PAUSE_AFTER_SECS: u64 = 24 * 3600;

/// The most endpoints one company (or the service team) may register.
pub const MAX_PER_OWNER: usize = 20;

/// How many deliveries an endpoint's page lists.
pub const RECENT: usize = 25;

/// A registered endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    /// Who registered it (told when it is paused).
    pub owner: u64,
    /// The company whose requests and plants it hears of; `None` for the service team's,
    /// which hear of everything.
    pub company: Option<u64>,
    /// Where deliveries are posted (`http` or `https`).
    pub url: String,
    /// What it subscribed to.
    pub events: Vec<HookEvent>,
    /// The key of the deliveries' signatures (`whsec_` and 48 hex digits).
    pub secret: String,
    /// When it was registered.
    pub created_at: u64,
    /// Since when deliveries to it have failed without one succeeding.
    pub failing_since: Option<u64>,
    /// When it was paused (nothing is sent until it is resumed).
    pub paused_at: Option<u64>,
}

impl Endpoint {
    /// Whether it hears of `event` concerning `company` (`staff_only`: an internal note,
    /// for the service team's endpoints alone). A paused endpoint hears of it too: the
    /// delivery waits until it is resumed.
    fn hears(&self, event: HookEvent, company: Option<u64>, staff_only: bool) -> bool {
        self.events.contains(&event)
            && match self.company {
                None => true,
                Some(c) => !staff_only && company == Some(c),
            }
    }
}

/// What one attempt to deliver led to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// When it was made.
    pub at: u64,
    /// The HTTP status the endpoint answered, if it answered.
    pub status: Option<u16>,
    /// How long the answer took, in milliseconds.
    pub millis: u32,
    /// Why it failed without an answer (refused address, timeout, connection), in words
    /// for the endpoint's owner.
    pub error: Option<String>,
}

impl Attempt {
    /// Whether the endpoint took the delivery (a 2xx answer).
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// One event for one endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub endpoint: u64,
    pub event: HookEvent,
    /// The id receivers deduplicate by: the same for every attempt and resend.
    pub key: String,
    /// The JSON posted.
    pub body: String,
    pub created_at: u64,
    /// Attempts made so far.
    pub attempts: u32,
    /// The last attempt's outcome.
    pub last: Option<Attempt>,
    /// When it was taken (a 2xx answer).
    pub delivered_at: Option<u64>,
    /// When it is tried next; `None` once delivered, or while its endpoint is paused.
    pub next_at: Option<u64>,
}

/// What recording an attempt led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Delivered,
    /// Tried again at this time.
    Retry(u64),
    /// The endpoint was paused by this failure.
    Paused,
    /// The delivery or its endpoint is gone.
    Gone,
}

/// Webhook endpoints and deliveries.
pub trait Webhooks: Send + Sync {
    /// Registers an endpoint with its audit entry; `None`, storing nothing, when its
    /// owner's scope holds [`MAX_PER_OWNER`] already.
    fn create(&self, endpoint: &Endpoint, audit: Entry) -> Result<Option<u64>, StoreError>;
    /// An endpoint.
    fn get(&self, id: u64) -> Result<Option<Endpoint>, StoreError>;
    /// The endpoints of a company (`Some`) or of the service team (`None`), oldest first.
    fn of_scope(&self, company: Option<u64>) -> Result<Vec<(u64, Endpoint)>, StoreError>;
    /// Saves an endpoint's URL and events.
    fn update(&self, id: u64, url: &str, events: &[HookEvent]) -> Result<bool, StoreError>;
    /// Deletes an endpoint and its deliveries, with its audit entry.
    fn delete(&self, id: u64, audit: Entry) -> Result<bool, StoreError>;
    /// Pauses (`true`) or resumes an endpoint: paused, its undelivered deliveries leave
    /// the queue; resumed, they are queued again at `now`.
    fn set_paused(&self, id: u64, paused: bool, now: u64) -> Result<bool, StoreError>;
    /// The endpoint's latest deliveries, newest first.
    fn recent(&self, endpoint: u64, limit: usize) -> Result<Vec<(u64, Delivery)>, StoreError>;
    /// Queues delivery `id` of `endpoint` again at `now` (same id for the receiver);
    /// `false` when there is no such delivery or the endpoint is paused.
    fn resend(&self, endpoint: u64, id: u64, now: u64) -> Result<bool, StoreError>;
    /// Deliveries due at `now`, at most `limit`, with their endpoints.
    fn due(&self, now: u64, limit: usize) -> Result<Vec<(u64, Delivery, Endpoint)>, StoreError>;
    /// When the next delivery is due, if any is pending.
    fn next_due(&self) -> Result<Option<u64>, StoreError>;
    /// Deletes deliveries taken before `before` (at most `limit`); how many went.
    fn prune(&self, before: u64, limit: usize) -> Result<usize, StoreError>;
    /// Records an attempt at delivery `id`: done on success; otherwise tried again after
    /// `retry_in` seconds, unless its endpoint has failed for [`PAUSE_AFTER_SECS`]: then
    /// the endpoint is paused and `told` composes the mail to its owner.
    fn record(
        &self,
        id: u64,
        attempt: Attempt,
        retry_in: u64,
        told: MailsFor<'_, (u64, Endpoint)>,
    ) -> Result<Recorded, StoreError>;
}

/// Queues one delivery of `event` for every endpoint that hears of it, inside the
/// transaction that made the event. `data` is the event's object, as documented;
/// `company` the company it concerns (`None`: a plant operator's own, or nobody's).
pub(crate) fn emit_in(
    txn: &Txn,
    event: HookEvent,
    company: Option<u64>,
    staff_only: bool,
    at: u64,
    data: serde_json::Value,
) -> Result<(), StoreError> {
    let endpoints = txn.open_table(tables::WEBHOOKS.def())?;
    if endpoints.is_empty()? {
        return Ok(());
    }
    let mut hearing = Vec::new();
    for row in endpoints.iter()? {
        let (id, bytes) = row?;
        let endpoint = tables::WEBHOOKS.decode(bytes.value())?;
        if endpoint.hears(event, company, staff_only) {
            hearing.push((id.value(), endpoint.paused_at.is_none()));
        }
    }
    drop(endpoints);
    for (endpoint, sending) in hearing {
        let id = tables::WEBHOOK_DELIVERIES.next_id_in(txn)?;
        let key = format!("whd_{}", hex::encode(rand::random::<[u8; 12]>()));
        let body = serde_json::json!({
            "id": key,
            "event": event.name(),
            "created_at": rfc3339(at),
            "data": data,
        });
        let delivery = Delivery {
            endpoint,
            event,
            key,
            body: body.to_string(),
            created_at: at,
            attempts: 0,
            last: None,
            delivered_at: None,
            next_at: sending.then_some(at),
        };
        tables::WEBHOOK_DELIVERIES.put_in(txn, id, &delivery)?;
        if sending {
            txn.open_table(tables::WEBHOOK_PENDING)?
                .insert((at, id), ())?;
        }
        txn.open_table(tables::ENDPOINT_DELIVERIES)?
            .insert((endpoint, id), ())?;
    }
    txn.queued_hooks();
    Ok(())
}

/// `at` as an RFC 3339 time in UTC, as the API writes times.
pub fn rfc3339(at: u64) -> String {
    i64::try_from(at)
        .ok()
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// The delivery ids of `endpoint`, oldest first.
fn deliveries_of(txn: &Txn, endpoint: u64) -> Result<Vec<u64>, StoreError> {
    let index = txn.open_table(tables::ENDPOINT_DELIVERIES)?;
    let mut out = Vec::new();
    for row in index.range((endpoint, 0)..=(endpoint, u64::MAX))? {
        out.push(row?.0.value().1);
    }
    Ok(out)
}

/// Puts every delivery of `endpoint` not yet taken back in the queue at `at`, or (`None`)
/// takes them off it while the endpoint is paused.
fn requeue_in(txn: &Txn, endpoint: u64, at: Option<u64>) -> Result<(), StoreError> {
    for delivery in deliveries_of(txn, endpoint)? {
        let Some(mut d) = tables::WEBHOOK_DELIVERIES.get(txn, delivery)? else {
            continue;
        };
        if d.delivered_at.is_none() {
            unqueue(txn, d.next_at, delivery)?;
            d.next_at = at;
            if let Some(at) = at {
                txn.open_table(tables::WEBHOOK_PENDING)?
                    .insert((at, delivery), ())?;
                txn.queued_hooks();
            }
            tables::WEBHOOK_DELIVERIES.put_in(txn, delivery, &d)?;
        }
    }
    Ok(())
}

/// Takes delivery `id` (due at `at`) off the queue.
fn unqueue(txn: &Txn, at: Option<u64>, id: u64) -> Result<(), StoreError> {
    if let Some(at) = at {
        txn.open_table(tables::WEBHOOK_PENDING)?.remove((at, id))?;
    }
    Ok(())
}

impl Webhooks for Store {
    fn create(&self, endpoint: &Endpoint, audit: Entry) -> Result<Option<u64>, StoreError> {
        let txn = self.write()?;
        let held = {
            let all = txn.open_table(tables::WEBHOOKS.def())?;
            let mut n = 0;
            for row in all.iter()? {
                if tables::WEBHOOKS.decode(row?.1.value())?.company == endpoint.company {
                    n += 1;
                }
            }
            n
        };
        if held >= MAX_PER_OWNER {
            return Ok(None);
        }
        let id = tables::WEBHOOKS.next_id_in(&txn)?;
        tables::WEBHOOKS.put_in(&txn, id, endpoint)?;
        audit::record_in(&txn, audit)?;
        txn.commit()?;
        Ok(Some(id))
    }

    fn get(&self, id: u64) -> Result<Option<Endpoint>, StoreError> {
        tables::WEBHOOKS.get(&self.read()?, id)
    }

    fn of_scope(&self, company: Option<u64>) -> Result<Vec<(u64, Endpoint)>, StoreError> {
        let txn = self.read()?;
        let all = txn.open_table(tables::WEBHOOKS.def())?;
        let mut out = Vec::new();
        for row in all.iter()? {
            let (id, bytes) = row?;
            let endpoint = tables::WEBHOOKS.decode(bytes.value())?;
            if endpoint.company == company {
                out.push((id.value(), endpoint));
            }
        }
        Ok(out)
    }

    fn update(&self, id: u64, url: &str, events: &[HookEvent]) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let Some(mut endpoint) = tables::WEBHOOKS.get(&txn, id)? else {
            return Ok(false);
        };
        endpoint.url = url.to_owned();
        endpoint.events = events.to_vec();
        tables::WEBHOOKS.put_in(&txn, id, &endpoint)?;
        txn.commit()?;
        Ok(true)
    }

    fn delete(&self, id: u64, audit: Entry) -> Result<bool, StoreError> {
        let txn = self.write()?;
        if txn
            .open_table(tables::WEBHOOKS.def())?
            .remove(id)?
            .is_none()
        {
            return Ok(false);
        }
        for delivery in deliveries_of(&txn, id)? {
            let removed = txn
                .open_table(tables::WEBHOOK_DELIVERIES.def())?
                .remove(delivery)?
                .map(|b| tables::WEBHOOK_DELIVERIES.decode(b.value()))
                .transpose()?;
            if let Some(d) = removed {
                unqueue(&txn, d.next_at, delivery)?;
            }
            txn.open_table(tables::ENDPOINT_DELIVERIES)?
                .remove((id, delivery))?;
        }
        audit::record_in(&txn, audit)?;
        txn.commit()?;
        Ok(true)
    }

    fn set_paused(&self, id: u64, paused: bool, now: u64) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let Some(mut endpoint) = tables::WEBHOOKS.get(&txn, id)? else {
            return Ok(false);
        };
        endpoint.paused_at = paused.then_some(endpoint.paused_at.unwrap_or(now));
        endpoint.failing_since = None;
        tables::WEBHOOKS.put_in(&txn, id, &endpoint)?;
        // Paused, the deliveries not yet taken wait; resumed, they are tried from now.
        requeue_in(&txn, id, (!paused).then_some(now))?;
        txn.commit()?;
        Ok(true)
    }

    fn recent(&self, endpoint: u64, limit: usize) -> Result<Vec<(u64, Delivery)>, StoreError> {
        let txn = self.read()?;
        let all = txn.open_table(tables::WEBHOOK_DELIVERIES.def())?;
        let index = txn.open_table(tables::ENDPOINT_DELIVERIES)?;
        let mut out = Vec::new();
        for row in index.range((endpoint, 0)..=(endpoint, u64::MAX))?.rev() {
            let id = row?.0.value().1;
            if let Some(d) = tables::WEBHOOK_DELIVERIES.read(&all, id)? {
                out.push((id, d));
            }
            if out.len() == limit {
                break;
            }
        }
        Ok(out)
    }

    fn resend(&self, endpoint: u64, id: u64, now: u64) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let Some(mut d) = tables::WEBHOOK_DELIVERIES.get(&txn, id)? else {
            return Ok(false);
        };
        let paused = tables::WEBHOOKS
            .get(&txn, endpoint)?
            .is_none_or(|e| e.paused_at.is_some());
        if d.endpoint != endpoint || paused {
            return Ok(false);
        }
        unqueue(&txn, d.next_at, id)?;
        d.next_at = Some(now);
        tables::WEBHOOK_DELIVERIES.put_in(&txn, id, &d)?;
        txn.open_table(tables::WEBHOOK_PENDING)?
            .insert((now, id), ())?;
        txn.queued_hooks();
        txn.commit()?;
        Ok(true)
    }

    fn due(&self, now: u64, limit: usize) -> Result<Vec<(u64, Delivery, Endpoint)>, StoreError> {
        let txn = self.read()?;
        let pending = txn.open_table(tables::WEBHOOK_PENDING)?;
        let all = txn.open_table(tables::WEBHOOK_DELIVERIES.def())?;
        let endpoints = txn.open_table(tables::WEBHOOKS.def())?;
        let mut out = Vec::new();
        for row in pending.range((0, 0)..=(now, u64::MAX))? {
            let id = row?.0.value().1;
            let Some(d) = tables::WEBHOOK_DELIVERIES.read(&all, id)? else {
                continue;
            };
            let Some(endpoint) = tables::WEBHOOKS.read(&endpoints, d.endpoint)? else {
                continue;
            };
            out.push((id, d, endpoint));
            if out.len() == limit {
                break;
            }
        }
        Ok(out)
    }

    fn prune(&self, before: u64, limit: usize) -> Result<usize, StoreError> {
        let txn = self.write()?;
        let mut gone = Vec::new();
        {
            let all = txn.open_table(tables::WEBHOOK_DELIVERIES.def())?;
            // Ids grow with time: the oldest come first.
            for row in all.iter()? {
                let (id, bytes) = row?;
                let d = tables::WEBHOOK_DELIVERIES.decode(bytes.value())?;
                if d.created_at >= before || gone.len() == limit {
                    break;
                }
                if d.delivered_at.is_some() {
                    gone.push((id.value(), d.endpoint));
                }
            }
        }
        for (id, endpoint) in &gone {
            txn.open_table(tables::WEBHOOK_DELIVERIES.def())?
                .remove(*id)?;
            txn.open_table(tables::ENDPOINT_DELIVERIES)?
                .remove((*endpoint, *id))?;
        }
        txn.commit()?;
        Ok(gone.len())
    }

    fn next_due(&self) -> Result<Option<u64>, StoreError> {
        let txn = self.read()?;
        let pending = txn.open_table(tables::WEBHOOK_PENDING)?;
        Ok(pending.first()?.map(|(k, _)| k.value().0))
    }

    fn record(
        &self,
        id: u64,
        attempt: Attempt,
        retry_in: u64,
        told: MailsFor<'_, (u64, Endpoint)>,
    ) -> Result<Recorded, StoreError> {
        let txn = self.write()?;
        let Some(mut d) = tables::WEBHOOK_DELIVERIES.get(&txn, id)? else {
            return Ok(Recorded::Gone);
        };
        let Some(mut endpoint) = tables::WEBHOOKS.get(&txn, d.endpoint)? else {
            return Ok(Recorded::Gone);
        };
        unqueue(&txn, d.next_at, id)?;
        let at = attempt.at;
        d.attempts += 1;
        let succeeded = attempt.succeeded();
        d.last = Some(attempt);
        let outcome = if succeeded {
            d.delivered_at = Some(at);
            d.next_at = None;
            endpoint.failing_since = None;
            Recorded::Delivered
        } else {
            let since = *endpoint.failing_since.get_or_insert(at);
            if endpoint.paused_at.is_some() {
                d.next_at = None;
                Recorded::Paused
            } else if at.saturating_sub(since) >= PAUSE_AFTER_SECS {
                endpoint.paused_at = Some(at);
                d.next_at = None;
                users::queue_all(&txn, told(&(d.endpoint, endpoint.clone())))?;
                requeue_in(&txn, d.endpoint, None)?;
                Recorded::Paused
            } else {
                let next = at + retry_in;
                d.next_at = Some(next);
                txn.open_table(tables::WEBHOOK_PENDING)?
                    .insert((next, id), ())?;
                Recorded::Retry(next)
            }
        };
        tables::WEBHOOK_DELIVERIES.put_in(&txn, id, &d)?;
        tables::WEBHOOKS.put_in(&txn, d.endpoint, &endpoint)?;
        txn.commit()?;
        Ok(outcome)
    }
}

/// The objects events carry (docs/webhooks.md, "Payloads"): the same names and values as
/// the JSON API's.
pub(crate) mod payload {
    use serde_json::{Value, json};

    use super::super::devices::Device;
    use super::super::plants::Plant;
    use super::super::tickets::{Ticket, TicketMessage};
    use super::rfc3339;

    /// A request as its events describe it.
    pub fn request(t: &Ticket) -> Value {
        json!({
            "id": t.id,
            "number": t.number,
            "kind": t.kind.slug(),
            "status": t.status.slug(),
            "subject": t.subject,
            "company_id": t.company,
            "plant_id": t.plant,
            "device_id": t.device,
            "serial": t.serial,
            "requester_name": t.requester_name,
            "created_at": rfc3339(t.created_at),
            "updated_at": rfc3339(t.updated_at),
        })
    }

    /// A message added to `t`'s thread (its number in the thread, from 1).
    pub fn message(t: &Ticket, no: usize, m: &TicketMessage) -> Value {
        json!({
            "request": request(t),
            "message": {
                "no": no,
                "author_name": m.author_name,
                "from_staff": m.from_staff,
                "internal": m.internal,
                "text": m.text,
                "attachments": m.attachments.iter().map(|a| &a.name).collect::<Vec<_>>(),
                "at": rfc3339(m.at),
            },
        })
    }

    /// `t` moved from a state to its current one.
    pub fn state_changed(t: &Ticket, from: &str) -> Value {
        json!({ "request": request(t), "from": from, "to": t.status.slug() })
    }

    /// A plant.
    pub fn plant(p: &Plant) -> Value {
        json!({
            "id": p.id,
            "name": p.name,
            "postal_code": p.postal_code,
            "city": p.city,
            "country": p.country,
            "company_id": p.company,
            "operator_name": p.operator_name,
            "created_at": rfc3339(p.created_at),
        })
    }

    /// A device.
    pub fn device(d: &Device) -> Value {
        json!({
            "id": d.id,
            "plant_id": d.plant_id,
            "serial": d.serial,
            "product_id": d.product_id,
            "name": d.name,
            "subplant": d.subplant,
        })
    }

    /// A device whose serial `old` was replaced by its current one through request
    /// `ticket`.
    pub fn swapped(d: &Device, old: u32, ticket: u64) -> Value {
        json!({
            "device": device(d),
            "old_serial": old,
            "new_serial": d.serial,
            "request_id": ticket,
        })
    }
}
