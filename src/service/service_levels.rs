//! The service levels as use cases (docs/service-levels.md): the settings page's form
//! checked (business hours per weekday, the time zone, first-response and resolution
//! targets per request kind in business hours), holidays added, removed and imported
//! from an `.ics` file, each change kept as a new version in force from now on; and a
//! request's clocks with what was due before each change of the settings.

use jiff::civil::Date;

use crate::domain::service_levels::{
    self as levels, Calendar, Clock, Hours, Levels, Schedule, Targets,
};
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
pub use crate::views::service::levels::{DAY_FIELDS, LevelsForm, TARGET_FIELDS};

use super::{Core, Failure};

/// The longest target, in business hours (a year of eight-hour days).
const MAX_TARGET_HOURS: f64 = 2920.0;

/// Every version of the settings.
pub fn schedule(core: &Core) -> Result<Schedule, Failure> {
    Ok(core.store.service_levels().schedule()?)
}

/// The settings in force, or the defaults a first save starts from (Monday to Friday,
/// 08:00 to 17:00 in Berlin, no targets).
pub fn current(schedule: &Schedule) -> Levels {
    schedule.current().cloned().unwrap_or(Levels {
        from: 0,
        calendar: Calendar::default(),
        targets: [Targets::default(); 4],
    })
}

/// The form filled with `levels`.
pub fn form_of(levels: &Levels) -> LevelsForm {
    let mut form = LevelsForm::new();
    form.insert("zone".into(), levels.calendar.zone.clone());
    for (day, (open, close)) in levels.calendar.week.iter().zip(DAY_FIELDS) {
        if let Some(h) = day {
            form.insert(open.into(), levels::clock_time(h.open));
            form.insert(close.into(), levels::clock_time(h.close));
        }
    }
    for (t, (first, resolution)) in levels.targets.iter().zip(TARGET_FIELDS) {
        let hours = |mins: u32| {
            if mins == 0 {
                String::new()
            } else if mins.is_multiple_of(60) {
                (mins / 60).to_string()
            } else {
                format!("{:.2}", f64::from(mins) / 60.0)
                    .trim_end_matches('0')
                    .to_owned()
            }
        };
        form.insert(first.into(), hours(t.first_response_mins));
        form.insert(resolution.into(), hours(t.resolution_mins));
    }
    form
}

/// Business hours as typed (`4`, `1.5`, `1,5`), as minutes; empty for no target.
fn target_minutes(typed: &str) -> Result<u32, &'static str> {
    let typed = typed.trim().replace(',', ".");
    if typed.is_empty() {
        return Ok(0);
    }
    match typed.parse::<f64>() {
        Ok(h) if h > 0.0 && h <= MAX_TARGET_HOURS => Ok((h * 60.0).round() as u32),
        _ => Err("levels-target-invalid"),
    }
}

/// The calendar and targets of `form`, the holidays kept from `base`.
pub fn check(form: &LevelsForm, base: &Levels) -> Result<Levels, Errors> {
    let field = |name: &str| form.get(name).map_or("", |v| v.trim());
    let mut e = Errors::new();
    let zone = field("zone");
    if !levels::known_zone(zone) {
        e.add("zone", "levels-zone-unknown");
    }
    let mut week = [None; 7];
    for (day, (open, close)) in week.iter_mut().zip(DAY_FIELDS) {
        match (field(open), field(close)) {
            ("", "") => {}
            (o, c) => match Hours::parse(o, c) {
                Some(h) => *day = Some(h),
                None => e.add(open, "levels-hours-invalid"),
            },
        }
    }
    let mut targets = [Targets::default(); 4];
    for (t, (first, resolution)) in targets.iter_mut().zip(TARGET_FIELDS) {
        if let Some(m) = e.check(first, target_minutes(field(first))) {
            t.first_response_mins = m;
        }
        if let Some(m) = e.check(resolution, target_minutes(field(resolution))) {
            t.resolution_mins = m;
        }
    }
    if week.iter().all(Option::is_none) && e.is_empty() {
        e.add(DAY_FIELDS[0].0, "levels-no-hours");
    }
    e.finish(|| {
        Some(Levels {
            from: 0,
            calendar: Calendar {
                zone: zone.to_owned(),
                week,
                holidays: base.calendar.holidays.clone(),
            },
            targets,
        })
    })
}

/// Keeps `levels` as the settings from now on.
pub fn save(core: &Core, mut levels: Levels) -> Result<Schedule, Failure> {
    levels.from = core.clock.now();
    Ok(core.store.service_levels().save(levels)?)
}

/// A holiday as typed on the settings page: a date and a name.
pub fn holiday(date: &str, name: &str) -> Result<(Date, String), Errors> {
    let mut e = Errors::new();
    let day = e.check(
        "date",
        date.trim()
            .parse::<Date>()
            .map_err(|_| "levels-holiday-date-invalid"),
    );
    let name = e.check("name", crate::domain::required_text(name, 80));
    e.finish(|| Some((day?, name?)))
}

/// Adds holidays (or renames those on the same dates) from now on.
pub fn add_holidays(core: &Core, days: &[(Date, String)]) -> Result<Schedule, Failure> {
    let mut levels = current(&schedule(core)?);
    for (day, name) in days {
        levels.calendar.add_holiday(*day, name);
    }
    save(core, levels)
}

/// Removes the holiday on `date` (`YYYY-MM-DD`) from now on; `false` when there is none.
pub fn remove_holiday(core: &Core, date: &str) -> Result<bool, Failure> {
    let mut levels = current(&schedule(core)?);
    let before = levels.calendar.holidays.len();
    levels.calendar.holidays.retain(|h| h.date != date);
    if levels.calendar.holidays.len() == before {
        return Ok(false);
    }
    save(core, levels)?;
    Ok(true)
}

/// The holidays of an uploaded `.ics` file (yearly ones for the next two years), or the
/// message saying why there are none.
pub fn holidays_of_ics(bytes: &[u8]) -> Result<Vec<(Date, String)>, &'static str> {
    let text = std::str::from_utf8(bytes).map_err(|_| "levels-ics-invalid")?;
    let days = levels::holidays_from_ics(text, 2).map_err(|_| "levels-ics-invalid")?;
    if days.is_empty() {
        return Err("levels-ics-empty");
    }
    Ok(days)
}

/// What a request's page shows of its service levels.
#[derive(Debug, Clone)]
pub struct TicketClocks {
    /// The time zone the service desk works in, for showing times.
    pub zone: String,
    pub clocks: Vec<Clock>,
    /// Each later change of the settings while the request was open: when, and the
    /// first open clock's due time before and after it.
    pub changes: Vec<(u64, Option<u64>, Option<u64>)>,
}

/// The clocks of `t` now, with what was due before each later change of the settings.
pub fn clocks_of(core: &Core, t: &Ticket) -> Result<Option<TicketClocks>, Failure> {
    let schedule = schedule(core)?;
    let now = core.clock.now();
    let line = t.timeline();
    let clocks = levels::clocks(&schedule, &line, now);
    if clocks.is_empty() {
        return Ok(None);
    }
    let open_due = |c: &[Clock]| c.iter().find(|c| c.is_open()).and_then(|c| c.due);
    let closed_at = t.history.iter().find(|h| !h.to.is_open()).map(|h| h.at);
    let mut changes = Vec::new();
    for v in schedule.versions.iter().skip(1) {
        if v.from <= t.created_at || closed_at.is_some_and(|c| v.from >= c) || v.from > now {
            continue;
        }
        let before = levels::clocks(&schedule.until(v.from), &line, v.from);
        let after = levels::clocks(&schedule.until(v.from + 1), &line, v.from);
        changes.push((v.from, open_due(&before), open_due(&after)));
    }
    Ok(Some(TicketClocks {
        zone: schedule
            .current()
            .map(|l| l.calendar.zone.clone())
            .unwrap_or_default(),
        clocks,
        changes,
    }))
}
