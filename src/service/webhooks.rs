//! Webhooks (docs/webhooks.md): the endpoints a company's administrators (for their
//! company) and the service team (for everything) register, and the worker that delivers
//! what the store queued with each event. Registering, changing, pausing, resending and
//! deleting are here; the rules of who keeps which endpoints are
//! [`crate::access::webhook_scope`]'s, the addresses a delivery may reach
//! [`crate::webhooks::address`]'s.

use std::net::ToSocketAddrs;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::access::{self as policy, HookScope};
use crate::domain::webhook::HookEvent;
use crate::store::audit::Event;
use crate::store::mail_queue::OutgoingMail;
use crate::store::webhooks::{self as store, Attempt, Delivery, Endpoint, Recorded};
use crate::views::components::Errors;
use crate::views::webhooks::EndpointForm;
use crate::webhooks::address::{self, Allow, UrlRefused};
use crate::webhooks::sender::Sender;

use super::{Acting, Core, Failure};

/// Deliveries one pass of the worker sends at once.
const BATCH: usize = 16;
/// The longest the worker sleeps before it looks at the queue again.
const MAX_IDLE: Duration = Duration::from_secs(60);
/// The first retry waits this long; each further one twice as long …
const RETRY_FIRST_SECS: u64 = 30;
/// … but never longer than this, so a failing endpoint is tried at least hourly and
/// paused within an hour of its first day of failures.
const RETRY_MAX_SECS: u64 = 3600;

/// Deliveries taken are kept this long for the endpoint's page, then deleted (their
/// bodies name people).
pub const KEEP_DELIVERED_SECS: u64 = 30 * 24 * 3600;

/// The wait before the attempt after `attempts` failed ones.
pub fn retry_in(attempts: u32) -> u64 {
    let exp = attempts.saturating_sub(1).min(16);
    RETRY_FIRST_SECS
        .saturating_mul(1 << exp)
        .min(RETRY_MAX_SECS)
}

/// The rules of `webhooks.allow`.
pub fn allow(core: &Core) -> Allow {
    Allow::new(&core.config.webhooks.allow)
}

/// Whose endpoints `who` looks after, if any.
pub fn scope(who: &Acting) -> Option<HookScope> {
    policy::webhook_scope(who.actor)
}

/// An endpoint's URL and events, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointData {
    pub url: String,
    pub events: Vec<HookEvent>,
}

impl EndpointData {
    /// Checks the form: an `http(s)` URL whose host resolves to addresses a webhook may
    /// reach (`allow`), and at least one event.
    pub fn check(form: &EndpointForm, allow: &Allow) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let url = e.check("url", checked_url(&form.url, allow));
        let events: Vec<HookEvent> = HookEvent::ALL
            .into_iter()
            .filter(|ev| form.has(*ev))
            .collect();
        if events.is_empty() {
            e.add("events", "webhook-events-none");
        }
        e.finish(|| Some(Self { url: url?, events }))
    }
}

/// The URL, if acceptable: its form here, then the addresses its host resolves to (a
/// name that leads to an internal address is refused now, and again at every delivery).
fn checked_url(typed: &str, allow: &Allow) -> Result<String, &'static str> {
    if typed.trim().is_empty() {
        return Err("field-required");
    }
    if typed.len() > 500 {
        return Err("webhook-url-too-long");
    }
    let url = address::parse(typed, allow).map_err(|r| match r {
        UrlRefused::NotHttp => "webhook-url-not-http",
        UrlRefused::Credentials => "webhook-url-credentials",
        UrlRefused::InternalAddress => "webhook-url-internal",
    })?;
    if url.host.parse::<std::net::IpAddr>().is_err() && !allow.host(&url.host) {
        let found: Vec<_> = (url.host.as_str(), 443)
            .to_socket_addrs()
            .map_err(|_| "webhook-url-unknown-host")?
            .collect();
        if found.is_empty() {
            return Err("webhook-url-unknown-host");
        }
        if !found.iter().all(|a| allow.ip(a.ip())) {
            return Err("webhook-url-internal");
        }
    }
    Ok(url.url)
}

/// A new endpoint's signing key.
fn new_secret() -> String {
    format!("whsec_{}", hex::encode(rand::random::<[u8; 24]>()))
}

/// The endpoints of `scope`.
pub fn list(core: &Core, scope: HookScope) -> Result<Vec<(u64, Endpoint)>, Failure> {
    Ok(core.store.webhooks().of_scope(scope.company())?)
}

/// Registers an endpoint for `who`'s scope; `None` when the scope holds the most it may.
pub fn create(core: &Core, who: &Acting, data: EndpointData) -> Result<Option<u64>, Failure> {
    let Some(scope) = scope(who) else {
        return Ok(None);
    };
    let now = core.clock.now();
    let endpoint = Endpoint {
        owner: who.user.id,
        company: scope.company(),
        url: data.url,
        events: data.events,
        secret: new_secret(),
        created_at: now,
        failing_since: None,
        paused_at: None,
    };
    let entry = who.entry(now, Event::WebhookAdded, &endpoint.url);
    let Some(id) = core.store.webhooks().create(&endpoint, entry)? else {
        return Ok(None);
    };
    tracing::info!(
        event = "webhook_added",
        by = who.user.id,
        endpoint = id,
        "webhook registered"
    );
    Ok(Some(id))
}

/// Endpoint `id` if it is in `who`'s scope (another company's is `None`, as one that
/// does not exist).
pub fn get(core: &Core, who: &Acting, id: u64) -> Result<Option<Endpoint>, Failure> {
    let Some(scope) = scope(who) else {
        return Ok(None);
    };
    Ok(core
        .store
        .webhooks()
        .get(id)?
        .filter(|e| e.company == scope.company()))
}

/// The endpoint's latest deliveries, newest first.
pub fn recent(core: &Core, id: u64) -> Result<Vec<(u64, Delivery)>, Failure> {
    Ok(core.store.webhooks().recent(id, store::RECENT)?)
}

/// Saves an endpoint's URL and events.
pub fn save(core: &Core, id: u64, data: &EndpointData) -> Result<(), Failure> {
    core.store.webhooks().update(id, &data.url, &data.events)?;
    Ok(())
}

/// Pauses or resumes an endpoint (resuming sends what waited).
pub fn set_paused(core: &Core, id: u64, paused: bool) -> Result<(), Failure> {
    core.store
        .webhooks()
        .set_paused(id, paused, core.clock.now())?;
    Ok(())
}

/// Sends delivery `delivery` of endpoint `id` again, with the same id.
pub fn resend(core: &Core, id: u64, delivery: u64) -> Result<bool, Failure> {
    Ok(core
        .store
        .webhooks()
        .resend(id, delivery, core.clock.now())?)
}

/// Deletes an endpoint with its deliveries.
pub fn delete(core: &Core, who: &Acting, id: u64, endpoint: &Endpoint) -> Result<(), Failure> {
    let entry = who.entry(core.clock.now(), Event::WebhookRemoved, &endpoint.url);
    core.store.webhooks().delete(id, entry)?;
    Ok(())
}

/// The mail telling an endpoint's owner it was paused.
fn paused_mail(core: &Core, id: u64, endpoint: &Endpoint) -> Result<Vec<OutgoingMail>, Failure> {
    let Some(owner) = core.store.users().get(endpoint.owner)? else {
        return Ok(Vec::new());
    };
    let link = format!("{}/webhooks/{id}", core.config.public_url());
    let since = endpoint.failing_since.unwrap_or(endpoint.created_at);
    let since = crate::store::webhooks::rfc3339(since);
    Ok(vec![crate::mail::templates::compose(
        core,
        owner.language,
        &owner.mailbox(),
        "webhook-paused",
        &[
            ("name", owner.first_name.as_str()),
            ("url", endpoint.url.as_str()),
            ("since", since.as_str()),
            ("link", link.as_str()),
        ],
    )])
}

/// Sends one delivery and records what happened.
async fn deliver_one(core: &Arc<Core>, sender: &Sender, id: u64, d: Delivery, endpoint: Endpoint) {
    let at = core.clock.now();
    let sent = sender
        .post(
            &endpoint.url,
            &endpoint.secret,
            (d.event.name(), &d.key),
            at,
            &d.body,
        )
        .await;
    let attempt = Attempt {
        at,
        status: sent.status,
        millis: sent.millis,
        error: sent.error.map(|f| f.code().to_owned()),
    };
    let ok = attempt.succeeded();
    let wait = retry_in(d.attempts + 1);
    let core2 = core.clone();
    let recorded = tokio::task::spawn_blocking(move || -> Result<Recorded, Failure> {
        let mail = paused_mail(&core2, d.endpoint, &endpoint)?;
        Ok(core2
            .store
            .webhooks()
            .record(id, attempt, wait, Box::new(move |_| mail))?)
    })
    .await;
    match recorded {
        Ok(Ok(Recorded::Paused)) => {
            tracing::warn!(
                delivery = id,
                "webhook endpoint paused after a day of failures"
            );
        }
        Ok(Ok(_)) => tracing::debug!(delivery = id, delivered = ok, "webhook attempt recorded"),
        Ok(Err(e)) => tracing::error!(delivery = id, error = %e, "webhook attempt not recorded"),
        Err(e) => tracing::error!(delivery = id, error = %e, "webhook attempt not recorded"),
    }
}

/// The delivery worker: sends due deliveries, a batch at a time, and sleeps until the
/// next is due, a write queues one, or `shutdown`.
pub async fn deliver(core: Arc<Core>, sender: Sender, mut shutdown: watch::Receiver<bool>) {
    let bell = core.store.doorbells().clone();
    let mut pruned_at = 0;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let now = core.clock.now();
        if now >= pruned_at + 3600 {
            pruned_at = now;
            let c = core.clone();
            let before = now.saturating_sub(KEEP_DELIVERED_SECS);
            let pruned =
                tokio::task::spawn_blocking(move || c.store.webhooks().prune(before, 10_000)).await;
            if let Ok(Err(e)) = pruned {
                tracing::error!(error = %e, "old webhook deliveries not deleted");
            }
        }
        let c = core.clone();
        let due = tokio::task::spawn_blocking(move || {
            let due = c.store.webhooks().due(now, BATCH)?;
            let next = c.store.webhooks().next_due()?;
            Ok::<_, crate::store::StoreError>((due, next))
        })
        .await;
        let (due, next) = match due {
            Ok(Ok(found)) => found,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "webhook queue unreadable");
                (Vec::new(), None)
            }
            Err(_) => (Vec::new(), None),
        };
        if !due.is_empty() {
            let sends = due
                .into_iter()
                .map(|(id, d, endpoint)| deliver_one(&core, &sender, id, d, endpoint));
            futures_util::future::join_all(sends).await;
            continue;
        }
        let idle = next
            .map(|at| Duration::from_secs(at.saturating_sub(now).max(1)))
            .unwrap_or(MAX_IDLE)
            .min(MAX_IDLE);
        tokio::select! {
            () = bell.hooks.notified() => {}
            () = tokio::time::sleep(idle) => {}
            _ = shutdown.changed() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(retry_in(1), 30);
        assert_eq!(retry_in(2), 60);
        assert_eq!(retry_in(3), 120);
        assert_eq!(retry_in(8), 3600);
        assert_eq!(retry_in(40), 3600);
    }
}
