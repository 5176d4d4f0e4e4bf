//! Service levels (docs/service-levels.md): the service desk's business hours (per weekday,
//! in a time zone) and holidays, a first-response and a resolution target per request
//! kind in business time, and the two clocks of a request measured against them.
//!
//! - A clock runs in business hours only. Both pause while the request waits for the
//!   customer; a replacement's resolution clock also pauses while it waits for the
//!   failed device to come back. The first-response clock stops at the service team's
//!   first answer the customer sees, the resolution clock when the request is closed or
//!   rejected.
//! - Settings are kept as versions, each in force from the moment it was saved: business
//!   time already spent is counted with the hours that were in force then, and a change
//!   applies from then on. The target in force now is the one a clock is held to.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};
use serde::{Deserialize, Serialize};

use super::ticket::{TicketKind, TicketStatus};

/// The days a search for business time walks at most (ten years): a calendar without any
/// business hours never reaches a target.
const MAX_DAYS: usize = 3660;

/// Opening hours of one weekday, in minutes after local midnight (`open < close`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    pub open: u16,
    pub close: u16,
}

impl Hours {
    /// `08:00`–`17:00` as typed; `None` when either is not a time or they do not make a
    /// span of the day.
    pub fn parse(open: &str, close: &str) -> Option<Self> {
        let (open, close) = (minutes(open)?, minutes(close)?);
        (open < close).then_some(Self { open, close })
    }
}

/// `HH:MM` as minutes after midnight (`24:00` is the day's end).
fn minutes(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let total = h.checked_mul(60)?.checked_add(m)?;
    (m < 60 && total <= 24 * 60).then_some(total)
}

/// Minutes after midnight as `HH:MM`.
pub fn clock_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A day the service desk does not work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub name: String,
}

/// When the service desk works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// An IANA time zone (`Europe/Berlin`).
    pub zone: String,
    /// Monday to Sunday; `None` for a day off.
    pub week: [Option<Hours>; 7],
    /// Sorted by date, one per date.
    pub holidays: Vec<Holiday>,
}

impl Default for Calendar {
    /// Monday to Friday, 08:00 to 17:00, in Berlin; no holidays.
    fn default() -> Self {
        let day = Some(Hours {
            open: 8 * 60,
            close: 17 * 60,
        });
        Self {
            zone: "Europe/Berlin".to_owned(),
            week: [day, day, day, day, day, None, None],
            holidays: Vec::new(),
        }
    }
}

/// Whether `zone` is a time zone the bundled database knows.
pub fn known_zone(zone: &str) -> bool {
    TimeZone::get(zone).is_ok()
}

impl Calendar {
    fn tz(&self) -> TimeZone {
        TimeZone::get(&self.zone).unwrap_or(TimeZone::UTC)
    }

    /// Adds (or renames) a holiday, keeping the list sorted.
    pub fn add_holiday(&mut self, date: Date, name: &str) {
        let date = date.to_string();
        match self.holidays.binary_search_by(|h| h.date.cmp(&date)) {
            Ok(i) => self.holidays[i].name = name.to_owned(),
            Err(i) => self.holidays.insert(
                i,
                Holiday {
                    date,
                    name: name.to_owned(),
                },
            ),
        }
    }

    fn is_holiday(&self, date: Date) -> bool {
        let date = date.to_string();
        self.holidays
            .binary_search_by(|h| h.date.cmp(&date))
            .is_ok()
    }

    /// The business window of local `date` as Unix seconds, if it has one.
    fn window(&self, tz: &TimeZone, date: Date) -> Option<(i64, i64)> {
        let hours = self.week[usize::from(date.weekday().to_monday_zero_offset() as u8)]?;
        if self.is_holiday(date) {
            return None;
        }
        let at = |m: u16| -> Option<i64> {
            let day_start = date.to_zoned(tz.clone()).ok()?;
            let local = if m >= 24 * 60 {
                date.tomorrow().ok()?.to_zoned(tz.clone()).ok()?
            } else {
                date.at((m / 60) as i8, (m % 60) as i8, 0, 0)
                    .to_zoned(tz.clone())
                    .ok()
                    .filter(|z| *z >= day_start)?
            };
            Some(local.timestamp().as_second())
        };
        Some((at(hours.open)?, at(hours.close)?))
    }

    fn local_date(tz: &TimeZone, unix: i64) -> Option<Date> {
        Some(
            Timestamp::from_second(unix)
                .ok()?
                .to_zoned(tz.clone())
                .date(),
        )
    }

    /// Business seconds between `from` and `to`.
    pub fn business_secs(&self, from: u64, to: u64) -> u64 {
        if to <= from {
            return 0;
        }
        let tz = self.tz();
        let (from, to) = (from as i64, to as i64);
        let Some(mut day) = Self::local_date(&tz, from) else {
            return 0;
        };
        let mut total = 0;
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = self.window(&tz, day) {
                if open >= to {
                    break;
                }
                let (a, b) = (open.max(from), close.min(to));
                if b > a {
                    total += (b - a) as u64;
                }
            } else if day
                .to_zoned(tz.clone())
                .map_or(true, |z| z.timestamp().as_second() >= to)
            {
                break;
            }
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
        total
    }

    /// The instant `secs` business seconds after `from`, but not past `until` (`None`
    /// when it lies past `until`, or past ten years of days without business hours):
    /// then the seconds still left are returned as `Err`.
    fn add_until(&self, from: u64, secs: u64, until: Option<u64>) -> Result<u64, u64> {
        let tz = self.tz();
        let from = from as i64;
        let until = until.map(|u| u as i64);
        let Some(mut day) = Self::local_date(&tz, from) else {
            return Err(secs);
        };
        let mut left = secs as i64;
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = self.window(&tz, day) {
                let start = open.max(from);
                if let Some(u) = until
                    && start >= u
                {
                    return Err(left as u64);
                }
                let end = until.map_or(close, |u| close.min(u));
                if end > start {
                    if start + left <= end {
                        return Ok((start + left) as u64);
                    }
                    left -= end - start;
                }
            } else if let Some(u) = until
                && day
                    .to_zoned(tz.clone())
                    .is_ok_and(|z| z.timestamp().as_second() >= u)
            {
                return Err(left as u64);
            }
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
        Err(left as u64)
    }
}

/// Targets of one request kind, in business minutes; 0 for none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    pub first_response_mins: u32,
    pub resolution_mins: u32,
}

/// The settings in force from one moment on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Levels {
    /// In force from (Unix seconds).
    pub from: u64,
    pub calendar: Calendar,
    /// Per kind, in the order of [`TicketKind::ALL`].
    pub targets: [Targets; 4],
}

impl Levels {
    /// The targets of `kind`.
    pub fn targets(&self, kind: TicketKind) -> Targets {
        let i = TicketKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.targets[i]
    }

    /// Sets the targets of `kind`.
    pub fn set_targets(&mut self, kind: TicketKind, targets: Targets) {
        let i = TicketKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.targets[i] = targets;
    }
}

/// Every version of the settings, oldest first. Empty: no service levels are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub versions: Vec<Levels>,
}

impl Schedule {
    /// The settings in force now (the latest), if any.
    pub fn current(&self) -> Option<&Levels> {
        self.versions.last()
    }

    /// The settings as they were until `at` (the versions saved before it).
    pub fn until(&self, at: u64) -> Schedule {
        Schedule {
            versions: self
                .versions
                .iter()
                .filter(|v| v.from < at)
                .cloned()
                .collect(),
        }
    }

    /// Keeps `levels` as the settings from `levels.from` on (replacing a version saved
    /// at the same second).
    pub fn push(&mut self, levels: Levels) {
        if self.versions.last().is_some_and(|v| v.from >= levels.from) {
            self.versions.pop();
        }
        self.versions.push(levels);
    }

    /// (start, end, calendar) of each version's time, the first one reaching back to
    /// the beginning and the last one on for ever.
    fn spans(&self) -> impl Iterator<Item = (u64, Option<u64>, &Calendar)> {
        self.versions.iter().enumerate().map(|(i, v)| {
            let start = if i == 0 { 0 } else { v.from };
            let end = self.versions.get(i + 1).map(|n| n.from);
            (start, end, &v.calendar)
        })
    }

    /// Business seconds between `from` and `to`, each part counted with the hours in
    /// force then.
    pub fn business_secs(&self, from: u64, to: u64) -> u64 {
        self.spans()
            .map(|(start, end, cal)| {
                let (a, b) = (from.max(start), end.map_or(to, |e| to.min(e)));
                cal.business_secs(a, b)
            })
            .sum()
    }

    /// The instant `secs` business seconds after `from`.
    pub fn add(&self, from: u64, secs: u64) -> Option<u64> {
        let mut left = secs;
        let mut at = from;
        for (start, end, cal) in self.spans() {
            if end.is_some_and(|e| e <= at) {
                continue;
            }
            at = at.max(start);
            match cal.add_until(at, left, end) {
                Ok(t) => return Some(t),
                Err(rest) => left = rest,
            }
            end?;
        }
        None
    }
}

/// What a request's clocks are measured on.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub kind: TicketKind,
    pub created: u64,
    /// Each change of state: when, and to what.
    pub changes: Vec<(u64, TicketStatus)>,
    /// When the service team first answered where the customer reads it.
    pub first_response: Option<u64>,
}

/// Which clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockKind {
    FirstResponse,
    Resolution,
}

/// Where a clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockState {
    /// Counting.
    Running,
    /// Paused since then.
    Paused(u64),
    /// Stopped then (answered, or closed).
    Stopped(u64),
}

/// One clock of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub kind: ClockKind,
    pub state: ClockState,
    /// The target, in business seconds.
    pub target: u64,
    /// Business seconds counted so far.
    pub used: u64,
    /// When the target is (or was) reached: in the past when breached; `None` while
    /// paused or when no business hours lie ahead.
    pub due: Option<u64>,
}

impl Clock {
    /// Business seconds left (0 once breached).
    pub fn remaining(&self) -> u64 {
        self.target.saturating_sub(self.used)
    }

    /// Business seconds past the target, if it was missed.
    pub fn breached_by(&self) -> Option<u64> {
        (self.used > self.target).then(|| self.used - self.target)
    }

    /// Whether this clock still counts or may count again (not stopped).
    pub fn is_open(&self) -> bool {
        !matches!(self.state, ClockState::Stopped(_))
    }
}

/// Whether `kind`'s `clock` pauses in `status`.
fn pauses(kind: TicketKind, clock: ClockKind, status: TicketStatus) -> bool {
    status == TicketStatus::WaitingForCustomer
        || (clock == ClockKind::Resolution
            && kind == TicketKind::Replacement
            && status == TicketStatus::AwaitingReturn)
}

/// The clocks of a request on `timeline` at `now` under `schedule`: none when no
/// service levels are kept, or its kind has no targets.
pub fn clocks(schedule: &Schedule, timeline: &Timeline, now: u64) -> Vec<Clock> {
    let Some(levels) = schedule.current() else {
        return Vec::new();
    };
    let targets = levels.targets(timeline.kind);
    let mut out = Vec::new();
    for (kind, mins) in [
        (ClockKind::FirstResponse, targets.first_response_mins),
        (ClockKind::Resolution, targets.resolution_mins),
    ] {
        if mins > 0 {
            out.push(clock(schedule, timeline, kind, u64::from(mins) * 60, now));
        }
    }
    out
}

fn clock(schedule: &Schedule, t: &Timeline, kind: ClockKind, target: u64, now: u64) -> Clock {
    // The moments the clock's state changes, in order: the states, and its stop.
    let stop = match kind {
        ClockKind::FirstResponse => {
            let closed = t
                .changes
                .iter()
                .find(|(_, s)| !s.is_open())
                .map(|(at, _)| *at);
            match (t.first_response, closed) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
        ClockKind::Resolution => t
            .changes
            .iter()
            .find(|(_, s)| !s.is_open())
            .map(|(at, _)| *at),
    };
    let end = stop.map_or(now, |s| s.min(now));
    let mut used = 0;
    let mut due = None;
    let mut status = TicketStatus::New;
    let mut at = t.created;
    let mut paused_since = None;
    let mut steps: Vec<(u64, Option<TicketStatus>)> =
        t.changes.iter().map(|(a, s)| (*a, Some(*s))).collect();
    steps.push((end, None));
    for (when, next) in steps {
        let when = when.clamp(at, end.max(at));
        if !pauses(t.kind, kind, status) && when > at {
            let span = schedule.business_secs(at, when);
            if due.is_none() && used + span >= target {
                due = schedule.add(at, target - used);
            }
            used += span;
        }
        at = when;
        if at >= end {
            break;
        }
        if let Some(s) = next {
            if pauses(t.kind, kind, s) && !pauses(t.kind, kind, status) {
                paused_since = Some(at);
            } else if !pauses(t.kind, kind, s) {
                paused_since = None;
            }
            status = s;
        }
    }
    let state = match stop {
        Some(s) if s <= now => ClockState::Stopped(s),
        _ if pauses(t.kind, kind, status) => ClockState::Paused(paused_since.unwrap_or(at)),
        _ => ClockState::Running,
    };
    if due.is_none() && state == ClockState::Running {
        due = schedule.add(now, target - used);
    }
    Clock {
        kind,
        state,
        target,
        used,
        due,
    }
}

/// Holidays read from an iCalendar (`.ics`) file: each all-day event (`DTSTART;VALUE=
/// DATE`) gives its days (to `DTEND`, exclusive, at most a year), yearly ones
/// (`RRULE:FREQ=YEARLY`) for `years` more years; timed events are skipped. Names come
/// from `SUMMARY`. An error when the text is not a calendar at all.
pub fn holidays_from_ics(text: &str, years: i16) -> Result<Vec<(Date, String)>, IcsError> {
    // Lines folded with a leading space or tab continue the line before (RFC 5545 3.1).
    let mut lines: Vec<String> = Vec::new();
    for raw in text.lines() {
        let raw = raw.trim_end_matches('\r');
        if let Some(rest) = raw.strip_prefix([' ', '\t'])
            && let Some(last) = lines.last_mut()
        {
            last.push_str(rest);
        } else {
            lines.push(raw.to_owned());
        }
    }
    if !lines.iter().any(|l| l.trim() == "BEGIN:VCALENDAR") {
        return Err(IcsError::NotACalendar);
    }
    let mut out = BTreeMap::new();
    let mut event: Option<(Option<Date>, Option<Date>, String, bool)> = None;
    for line in &lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (key, params) = name.split_once(';').unwrap_or((name, ""));
        match (key.to_ascii_uppercase().as_str(), value.trim()) {
            ("BEGIN", "VEVENT") => event = Some((None, None, String::new(), false)),
            ("END", "VEVENT") => {
                let Some((Some(start), end, summary, yearly)) = event.take() else {
                    continue;
                };
                let end = end
                    .filter(|e| *e > start)
                    .unwrap_or_else(|| start.tomorrow().unwrap_or(start));
                let repeats = if yearly { years.max(0) } else { 0 };
                for year in 0..=repeats {
                    let mut day = match start.checked_add(jiff::Span::new().years(year)) {
                        Ok(d) => d,
                        Err(_) => continue,
                    };
                    let last = end
                        .checked_add(jiff::Span::new().years(year))
                        .unwrap_or(day);
                    let mut n = 0;
                    while day < last && n < 366 {
                        out.insert(day, summary.clone());
                        day = match day.tomorrow() {
                            Ok(d) => d,
                            Err(_) => break,
                        };
                        n += 1;
                    }
                }
            }
            ("DTSTART", v) if event.is_some() => {
                let all_day = params.to_ascii_uppercase().contains("VALUE=DATE") && v.len() == 8;
                if let Some(e) = event.as_mut() {
                    e.0 = all_day.then(|| ics_date(v)).flatten();
                }
            }
            ("DTEND", v) if event.is_some() => {
                if let Some(e) = event.as_mut() {
                    e.1 = ics_date(v.get(..8).unwrap_or(v));
                }
            }
            ("SUMMARY", v) => {
                if let Some(e) = event.as_mut() {
                    e.2 = v
                        .replace("\\,", ",")
                        .replace("\\;", ";")
                        .replace("\\n", " ");
                }
            }
            ("RRULE", v) => {
                if let Some(e) = event.as_mut() {
                    e.3 = v.to_ascii_uppercase().contains("FREQ=YEARLY")
                        && !v.to_ascii_uppercase().contains("BYDAY");
                }
            }
            _ => {}
        }
    }
    Ok(out.into_iter().collect())
}

fn ics_date(v: &str) -> Option<Date> {
    if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, d) = (
        v[..4].parse().ok()?,
        v[4..6].parse().ok()?,
        v[6..].parse().ok()?,
    );
    Date::new(y, m, d).ok()
}

/// Why an `.ics` file gave no holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    #[error("not an iCalendar file")]
    NotACalendar,
}

/// `unix` as the local date and time of `zone`, `2026-12-24 13:00`.
pub fn local_time(zone: &str, unix: u64) -> String {
    let tz = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    match Timestamp::from_second(unix as i64) {
        Ok(t) => {
            let z: Zoned = t.to_zoned(tz);
            z.strftime("%Y-%m-%d %H:%M").to_string()
        }
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// Unix seconds of a Berlin wall-clock time.
    fn berlin(y: i16, m: i8, d: i8, h: i8, min: i8) -> u64 {
        date(y, m, d)
            .at(h, min, 0, 0)
            .to_zoned(TimeZone::get("Europe/Berlin").unwrap())
            .unwrap()
            .timestamp()
            .as_second() as u64
    }

    fn schedule(cal: Calendar, first_hours: u32, resolution_hours: u32) -> Schedule {
        let t = Targets {
            first_response_mins: first_hours * 60,
            resolution_mins: resolution_hours * 60,
        };
        Schedule {
            versions: vec![Levels {
                from: 0,
                calendar: cal,
                targets: [t; 4],
            }],
        }
    }

    #[test]
    fn a_weekend_and_a_holiday_are_not_business_time() {
        let mut cal = Calendar::default();
        // Friday 2026-12-25 is Christmas.
        cal.add_holiday(date(2026, 12, 25), "Weihnachten");
        // Thursday 16:00 to Monday 09:00: one hour on Thursday, one on Monday.
        let from = berlin(2026, 12, 24, 16, 0);
        let to = berlin(2026, 12, 28, 9, 0);
        assert_eq!(cal.business_secs(from, to), 2 * 3600);
        // Four business hours from Thursday 16:00 end on Monday at 11:00.
        let s = schedule(cal, 4, 16);
        assert_eq!(s.add(from, 4 * 3600), Some(berlin(2026, 12, 28, 11, 0)));
    }

    #[test]
    fn a_day_across_the_change_to_summer_time_keeps_its_wall_clock_hours() {
        let cal = Calendar {
            week: [Some(Hours {
                open: 0,
                close: 24 * 60,
            }); 7],
            ..Calendar::default()
        };
        // 2027-03-28 in Berlin has 23 hours.
        let from = berlin(2027, 3, 28, 0, 0);
        let to = berlin(2027, 3, 29, 0, 0);
        assert_eq!(cal.business_secs(from, to), 23 * 3600);
    }

    #[test]
    fn the_clock_pauses_while_waiting_for_the_customer_and_for_the_failed_device() {
        let s = schedule(Calendar::default(), 2, 8);
        // Monday 2026-11-30 09:00, a replacement.
        let created = berlin(2026, 11, 30, 9, 0);
        let t = Timeline {
            kind: TicketKind::Replacement,
            created,
            changes: vec![
                (
                    berlin(2026, 11, 30, 10, 0),
                    TicketStatus::WaitingForCustomer,
                ),
                (berlin(2026, 12, 1, 10, 0), TicketStatus::InReview),
                (berlin(2026, 12, 1, 12, 0), TicketStatus::AwaitingReturn),
            ],
            first_response: Some(berlin(2026, 11, 30, 9, 30)),
        };
        let now = berlin(2026, 12, 2, 12, 0);
        let c = clocks(&s, &t, now);
        assert_eq!(c[0].state, ClockState::Stopped(berlin(2026, 11, 30, 9, 30)));
        assert_eq!(c[0].used, 1800);
        // Resolution: 09–10 on Monday, 10–12 on Tuesday, then waiting for the device.
        assert_eq!(c[1].used, 3 * 3600);
        assert_eq!(c[1].state, ClockState::Paused(berlin(2026, 12, 1, 12, 0)));
        assert_eq!(c[1].due, None);
        assert_eq!(c[1].remaining(), 5 * 3600);
        // A contact request does not pause in that state (it has no such state, but
        // the rule is the replacement's alone).
        let contact = Timeline {
            kind: TicketKind::Contact,
            ..t.clone()
        };
        let c = clocks(&s, &contact, now);
        // Monday 09–10, Tuesday 10–17, Wednesday 08–12.
        assert_eq!(c[1].used, 12 * 3600);
        assert_eq!(c[1].breached_by(), Some(4 * 3600));
        assert_eq!(c[1].due, Some(berlin(2026, 12, 1, 17, 0)));
    }

    #[test]
    fn a_change_of_hours_applies_from_then_on() {
        let old = Calendar::default();
        let mut s = schedule(old.clone(), 0, 10);
        let created = berlin(2026, 11, 30, 8, 0);
        let t = Timeline {
            kind: TicketKind::Contact,
            created,
            changes: vec![],
            first_response: None,
        };
        // Monday 08–17 counted: 9 hours; one left, due Tuesday 09:00.
        let monday_night = berlin(2026, 11, 30, 20, 0);
        assert_eq!(
            clocks(&s, &t, monday_night)[0].due,
            Some(berlin(2026, 12, 1, 9, 0))
        );
        // From Monday evening on, the desk opens at 10:00: due Tuesday 11:00, and
        // Monday still counts its nine hours.
        let mut later = old;
        later.week[1] = Some(Hours {
            open: 10 * 60,
            close: 17 * 60,
        });
        s.push(Levels {
            from: monday_night,
            calendar: later,
            targets: s.versions[0].targets,
        });
        let c = clocks(&s, &t, monday_night + 60);
        assert_eq!(c[0].used, 9 * 3600);
        assert_eq!(c[0].due, Some(berlin(2026, 12, 1, 11, 0)));
        // What was due before the change, as the history keeps it.
        let before = clocks(&s.until(monday_night), &t, monday_night);
        assert_eq!(before[0].due, Some(berlin(2026, 12, 1, 9, 0)));
    }

    #[test]
    fn no_business_hours_never_reach_a_target() {
        let cal = Calendar {
            week: [None; 7],
            ..Calendar::default()
        };
        assert_eq!(schedule(cal, 1, 1).add(0, 60), None);
    }

    #[test]
    fn times_are_read_as_typed() {
        assert_eq!(
            Hours::parse("08:00", "17:30"),
            Some(Hours {
                open: 480,
                close: 1050
            })
        );
        assert_eq!(Hours::parse("17:00", "08:00"), None);
        assert_eq!(Hours::parse("8", "17:00"), None);
        assert_eq!(Hours::parse("25:00", "26:00"), None);
        assert_eq!(clock_time(1050), "17:30");
    }

    #[test]
    fn holidays_are_read_from_an_ics_file() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\n\
DTEND;VALUE=DATE:20261227\r\nSUMMARY:Weihnachten\\, beide Tage\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n\
DTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Neu\r\n jahr\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20261201T100000Z\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let found = holidays_from_ics(ics, 1).unwrap();
        let dates: Vec<String> = found.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(
            dates,
            ["2026-01-01", "2026-12-25", "2026-12-26", "2027-01-01"]
        );
        assert_eq!(found[0].1, "Neujahr");
        assert_eq!(found[1].1, "Weihnachten, beide Tage");
        assert_eq!(holidays_from_ics("hello", 1), Err(IcsError::NotACalendar));
    }
}
