//! The service team's digest of requests about to breach (docs/service-levels.md): every
//! few minutes, the open requests whose running clock is due within the next
//! [`queue::SOON_BUSINESS_HOURS`] business hours are gathered, and each active member of
//! the service team gets one mail listing those not in an earlier digest, in their
//! language: one mail per run, not one per request, and each due time only once.

use std::sync::Arc;

use crate::domain::service_levels::local_time;
use crate::i18n::args;
use crate::mail::templates::compose;
use crate::store::ticket_list::{Filter, From, Order, Scope, next_due};
use crate::store::tickets::Ticket;
use crate::store::users::UserStatus;

use super::{Core, Failure, queue};

/// How often the digest looks for requests about to breach.
pub const EVERY_SECS: u64 = 300;

/// The most requests one digest lists.
const MOST: usize = 200;

/// Sends the digest of the requests due soon that no digest named yet; how many
/// requests it listed.
pub fn run(core: &Core) -> Result<usize, Failure> {
    let schedule = core.store.service_levels().schedule()?;
    let Some(levels) = schedule.current() else {
        return Ok(0);
    };
    let now = core.clock.now();
    let window = queue::due_window(core, "soon", now)?;
    let page = core.store.ticket_list().page(
        Scope::All,
        Order::Due,
        Filter {
            open: Some(true),
            due: window,
            ..Filter::default()
        },
        From::Start,
        MOST,
    )?;
    let due: Vec<(Ticket, u64)> = page
        .tickets
        .into_iter()
        .filter_map(|t| next_due(&schedule, &t).map(|d| (t, d)))
        .collect();
    let keys: Vec<(u64, u64)> = due.iter().map(|(t, d)| (t.id, *d)).collect();
    let fresh = core.store.service_levels().unwarned(&keys)?;
    if fresh.is_empty() {
        return Ok(0);
    }
    let listed: Vec<&(Ticket, u64)> = due
        .iter()
        .filter(|(t, d)| fresh.contains(&(t.id, *d)))
        .collect();
    let base = core.config.public_url();
    let zone = &levels.calendar.zone;
    let mut mails = Vec::new();
    for member in core.store.users().staff()? {
        if member.status != UserStatus::Active {
            continue;
        }
        let lang = member.language;
        let lines: Vec<String> = listed
            .iter()
            .map(|(t, d)| {
                let line = core.i18n.t_args(
                    lang,
                    "sla-digest-line",
                    &args(&[
                        ("number", &t.number),
                        ("subject", &t.subject),
                        ("due", &local_time(zone, *d)),
                    ]),
                );
                format!("- {line}\n  {base}/tickets/{}", t.id)
            })
            .collect();
        let count = listed.len().to_string();
        let queue_link = format!("{base}/service/tickets?sla=soon&sort=due");
        mails.push(compose(
            core,
            lang,
            &member.mailbox(),
            "sla-digest",
            &[
                ("name", member.first_name.as_str()),
                ("count", count.as_str()),
                ("requests", lines.join("\n").as_str()),
                ("queue", queue_link.as_str()),
            ],
        ));
    }
    if !core.store.service_levels().warn(&fresh, mails)? {
        return Ok(0);
    }
    tracing::info!(
        event = "sla_digest",
        requests = fresh.len(),
        "digest of requests about to breach queued"
    );
    Ok(fresh.len())
}

/// Runs the digest every [`EVERY_SECS`] until the server stops.
pub async fn watch(core: Arc<Core>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        let c = core.clone();
        match tokio::task::spawn_blocking(move || run(&c)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %e, "the service-level digest failed; tried again later")
            }
            Err(_) => tracing::error!("the service-level digest stopped; tried again later"),
        }
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_secs(EVERY_SECS)) => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
    }
}
