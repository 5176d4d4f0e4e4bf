//! The weekly warranty reminder (docs/domain.md, "Warranty"): each company's
//! administrators and each plant operator are e-mailed, in their language, the factory
//! warranties of their plants' inverters that end within 90 days and the extension
//! windows that close within 60 days, with links to order the extension. Nothing is sent
//! when the list is empty, nor to whoever turned the reminder off in "My profile"; a
//! week's reminder is sent once.

use std::sync::Arc;

use time::{Date, Duration, Weekday};

use crate::domain::catalog::Catalog;
use crate::domain::warranty::{Warranty, add_months};
use crate::i18n::args;
use crate::mail::templates::compose;
use crate::store::devices::Device;
use crate::store::mail_queue::OutgoingMail;
use crate::store::plants::Plant;
use crate::store::users::User;

use super::{Core, Failure, warranty};

/// Warranties ending within this many days are listed.
pub const ENDING_DAYS: i64 = 90;
/// Extension windows closing within this many days are listed.
pub const CLOSING_DAYS: i64 = 60;
/// The reminder goes out on Mondays from this hour (UTC) on, or later in the week when
/// the portal was not running then.
pub const HOUR: u8 = 6;

/// A device of the reminder.
#[derive(Debug, Clone)]
pub struct Due {
    pub device: Device,
    pub plant: Plant,
    /// The factory warranty's last day.
    pub end: Date,
    /// The last day an extension can be ordered, when it can be now.
    pub order_until: Option<Date>,
}

/// What one person is reminded of.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    /// Warranties ending within [`ENDING_DAYS`], soonest first.
    pub ending: Vec<Due>,
    /// Extension windows closing within [`CLOSING_DAYS`] (of warranties that do not end
    /// that soon), soonest first.
    pub closing: Vec<Due>,
}

impl Digest {
    /// Whether there is nothing to remind of.
    pub fn is_empty(&self) -> bool {
        self.ending.is_empty() && self.closing.is_empty()
    }
}

/// The week a day belongs to, as reminders are recorded: ISO year × 100 + ISO week.
pub fn week_of(day: Date) -> u32 {
    let (year, week, _) = day.to_iso_week_date();
    u32::try_from(year).unwrap_or(0) * 100 + u32::from(week)
}

/// What `user` is reminded of at `today`: the inverters of the plants they see.
pub fn digest(core: &Core, user: &User, today: Date) -> Result<Digest, Failure> {
    let rules = core.config.warranty.rules();
    let mut out = Digest::default();
    for (plant, _) in core.store.plants().list(&user.actor(), "")? {
        for device in core.store.devices().of_plant(plant.id)? {
            let Warranty::Known {
                start,
                end,
                days_left,
                extension,
            } = warranty::of_device(rules, &device, today)
            else {
                continue;
            };
            if days_left == 0 {
                continue;
            }
            let window_end = add_months(start, i32::from(rules.extension_window_months));
            let order_until = extension
                .is_ok()
                .then(|| (window_end - Duration::days(1)).min(end));
            let due = Due {
                device,
                plant: plant.clone(),
                end,
                order_until,
            };
            if days_left <= ENDING_DAYS {
                out.ending.push(due);
            } else if order_until.is_some_and(|d| (d - today).whole_days() < CLOSING_DAYS) {
                out.closing.push(due);
            }
        }
    }
    out.ending.sort_by_key(|d| (d.end, d.device.serial));
    out.closing
        .sort_by_key(|d| (d.order_until, d.device.serial));
    Ok(out)
}

/// The reminder mail of `digest` to `user`.
pub fn mail(core: &Core, user: &User, digest: &Digest) -> OutgoingMail {
    let base = core.config.public_url();
    let lang = user.language;
    let line = |d: &Due, id: &str, date: Date| {
        let model = Catalog::get()
            .product(d.device.product_id)
            .map_or_else(|| d.device.product_id.to_string(), |p| p.model.clone());
        let mut text = core.i18n.t_args(
            lang,
            id,
            &args(&[
                ("model", &model),
                ("serial", &d.device.serial.to_string()),
                ("plant", &d.plant.name),
                ("date", &date.to_string()),
            ]),
        );
        if d.order_until.is_some() {
            text.push_str(&format!(
                "\n  {}: {base}/devices/{}/warranty-extension",
                core.i18n.t(lang, "reminder-order"),
                d.device.id
            ));
        }
        format!("- {text}")
    };
    let ending: Vec<String> = digest
        .ending
        .iter()
        .map(|d| line(d, "reminder-line-ending", d.end))
        .collect();
    let closing: Vec<String> = digest
        .closing
        .iter()
        .filter_map(|d| Some(line(d, "reminder-line-closing", d.order_until?)))
        .collect();
    let section = |heading: &str, lines: &[String]| {
        if lines.is_empty() {
            String::new()
        } else {
            format!("{}\n{}", core.i18n.t(lang, heading), lines.join("\n"))
        }
    };
    let count = (digest.ending.len() + digest.closing.len()).to_string();
    let profile = format!("{base}/profile#reminders");
    compose(
        core,
        lang,
        &user.mailbox(),
        "warranty-reminder",
        &[
            ("name", user.first_name.as_str()),
            ("count", count.as_str()),
            ("ending", section("reminder-ending", &ending).as_str()),
            ("closing", section("reminder-closing", &closing).as_str()),
            ("profile", profile.as_str()),
        ],
    )
}

/// Sends the reminders of the week of `today` that were not sent yet; how many went.
pub fn run(core: &Core, today: Date) -> Result<usize, Failure> {
    let week = week_of(today);
    let now = core.clock.now();
    let mut sent = 0;
    for user in core.store.reminders().recipients()? {
        let digest = digest(core, &user, today)?;
        if digest.is_empty() {
            continue;
        }
        let mail = mail(core, &user, &digest);
        if core.store.reminders().send(user.id, week, mail, now)? {
            sent += 1;
        }
    }
    if sent > 0 {
        tracing::info!(
            event = "warranty_reminders",
            week,
            sent,
            "warranty reminders queued"
        );
    }
    Ok(sent)
}

/// Whether the week's reminders are due at `now` (unix seconds): from Monday at
/// [`HOUR`] on.
pub fn due(now: u64) -> bool {
    let Ok(at) = time::OffsetDateTime::from_unix_timestamp(i64::try_from(now).unwrap_or(0)) else {
        return false;
    };
    at.weekday() != Weekday::Monday || at.hour() >= HOUR
}

/// Looks every hour whether this week's reminders are due, and sends them once.
pub async fn weekly(core: Arc<Core>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    let mut done_week = 0;
    loop {
        let now = core.clock.now();
        let today = core.today();
        if done_week != week_of(today) && due(now) {
            let c = core.clone();
            match tokio::task::spawn_blocking(move || run(&c, today)).await {
                Ok(Ok(_)) => done_week = week_of(today),
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "warranty reminders not sent; tried again in an hour")
                }
                Err(_) => tracing::error!("warranty reminders stopped; tried again in an hour"),
            }
        }
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn weeks_are_iso_weeks_and_the_reminder_waits_for_monday_morning() {
        assert_eq!(week_of(time::macros::date!(2026 - 12 - 31)), 202653);
        assert_eq!(week_of(time::macros::date!(2027 - 01 - 04)), 202701);
        let at = |t: time::OffsetDateTime| u64::try_from(t.unix_timestamp()).unwrap();
        assert!(
            !due(at(datetime!(2026-11-30 05:59 UTC))),
            "Monday before six"
        );
        assert!(due(at(datetime!(2026-11-30 06:00 UTC))));
        assert!(
            due(at(datetime!(2026-12-02 01:00 UTC))),
            "later in the week"
        );
    }
}
