//! The service desk's service levels (`/service/levels`): business hours per weekday in a
//! time zone, holidays (one by one or from an `.ics` file), and per request kind the
//! first-response and resolution targets in business hours; and each request's clocks
//! on its page.

use std::collections::HashMap;

use maud::{Markup, html};

use super::{Part, frame};
use crate::domain::service_levels::{self as levels, Clock, ClockKind, ClockState, Schedule};
use crate::domain::ticket::TicketKind;
use crate::i18n::args;
use crate::views::PageCtx;
use crate::views::components::{Errors, Field, csrf_field, error_summary, notice};

/// What the settings form sends, by field name.
pub type LevelsForm = HashMap<String, String>;

/// The form's fields of each weekday's opening and closing time, Monday first.
pub const DAY_FIELDS: [(&str, &str); 7] = [
    ("mon_open", "mon_close"),
    ("tue_open", "tue_close"),
    ("wed_open", "wed_close"),
    ("thu_open", "thu_close"),
    ("fri_open", "fri_close"),
    ("sat_open", "sat_close"),
    ("sun_open", "sun_close"),
];

/// The message ids of the weekdays, Monday first.
const DAY_NAMES: [&str; 7] = [
    "weekday-mon",
    "weekday-tue",
    "weekday-wed",
    "weekday-thu",
    "weekday-fri",
    "weekday-sat",
    "weekday-sun",
];

/// The form's fields of each kind's targets (first response, resolution), in the order
/// of [`TicketKind::ALL`].
pub const TARGET_FIELDS: [(&str, &str); 4] = [
    ("contact_first", "contact_resolution"),
    ("replacement_first", "replacement_resolution"),
    ("warranty_first", "warranty_resolution"),
    ("info_sheet_first", "info_sheet_resolution"),
];

/// What the holiday form sends.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct HolidayForm {
    pub date: String,
    pub name: String,
}

/// Everything the settings page shows.
pub struct LevelsPage<'a> {
    pub schedule: &'a Schedule,
    pub form: &'a LevelsForm,
    pub errors: &'a Errors,
    pub holiday: &'a HolidayForm,
    pub holiday_errors: &'a Errors,
    /// The message of a refused `.ics` file.
    pub import_error: Option<&'static str>,
    pub saved: &'a str,
}

/// Business seconds as hours and minutes: `3 h 20 min`.
pub fn business_time(ctx: &PageCtx, secs: u64) -> String {
    let mins = secs.div_ceil(60);
    ctx.t_args(
        "levels-duration",
        &args(&[
            ("hours", &(mins / 60).to_string()),
            ("minutes", &(mins % 60).to_string()),
        ]),
    )
}

/// `/service/levels`
pub fn page(ctx: &PageCtx, p: &LevelsPage<'_>) -> Markup {
    let title = ctx.t("levels-title");
    let field = |name: &str| p.form.get(name).map_or("", String::as_str);
    let current = p.schedule.current();
    let holidays = current
        .map(|l| l.calendar.holidays.as_slice())
        .unwrap_or(&[]);
    let zone = current.map_or("UTC", |l| l.calendar.zone.as_str());
    let body = html! {
        h1 { (title) }
        @match p.saved {
            "saved" => (notice("success", &ctx.t("levels-saved"))),
            "holiday" => (notice("success", &ctx.t("levels-holiday-added"))),
            "holiday-removed" => (notice("success", &ctx.t("levels-holiday-removed"))),
            "imported" => (notice("success", &ctx.t("levels-imported"))),
            _ => {}
        }
        p.lead { (ctx.t("levels-intro")) }
        @if current.is_none() {
            p.notice.info { (ctx.t("levels-none-yet")) }
        }
        section.card #hours aria-labelledby="hours-heading" {
            h2 #hours-heading { (ctx.t("levels-hours")) }
            (error_summary(ctx, p.errors))
            form method="post" action="/service/levels" novalidate {
                (csrf_field(ctx))
                (Field::new("zone", ctx.t("levels-zone"), "text").value(field("zone")).maxlength(64)
                    .autocomplete("off").hint(ctx.t("levels-zone-hint")).errors(ctx, p.errors).render())
                fieldset {
                    legend { (ctx.t("levels-week")) }
                    p.hint { (ctx.t("levels-week-hint")) }
                    div.table-wrap {
                        table.stack-narrow.levels-table {
                            thead { tr {
                                th scope="col" { (ctx.t("levels-day")) }
                                th scope="col" { (ctx.t("levels-open")) }
                                th scope="col" { (ctx.t("levels-close")) }
                            } }
                            tbody {
                                @for ((open, close), day) in DAY_FIELDS.iter().zip(DAY_NAMES) {
                                    @let error = p.errors.get(open);
                                    tr {
                                        th scope="row" { (ctx.t(day)) }
                                        td data-label=(ctx.t("levels-open")) {
                                            input type="time" id=(open) name=(open) value=(field(open))
                                                aria-label={ (ctx.t(day)) ": " (ctx.t("levels-open")) }
                                                aria-invalid=[error.map(|_| "true")]
                                                aria-describedby=[error.map(|_| format!("{open}-error"))];
                                            @if let Some(e) = error { p.field-error id={ (open) "-error" } { (ctx.t(e)) } }
                                        }
                                        td data-label=(ctx.t("levels-close")) {
                                            input type="time" id=(close) name=(close) value=(field(close))
                                                aria-label={ (ctx.t(day)) ": " (ctx.t("levels-close")) };
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                fieldset {
                    legend { (ctx.t("levels-targets")) }
                    p.hint { (ctx.t("levels-targets-hint")) }
                    div.table-wrap {
                        table.stack-narrow.levels-table {
                            thead { tr {
                                th scope="col" { (ctx.t("ticket-kind")) }
                                th scope="col" { (ctx.t("levels-first-response")) }
                                th scope="col" { (ctx.t("levels-resolution")) }
                            } }
                            tbody {
                                @for (kind, (first, resolution)) in TicketKind::ALL.iter().zip(TARGET_FIELDS) {
                                    tr {
                                        th scope="row" { (ctx.t(kind.message_id())) }
                                        @for (name, label) in [(first, "levels-first-response"), (resolution, "levels-resolution")] {
                                            @let error = p.errors.get(name);
                                            td data-label=(ctx.t(label)) {
                                                input type="text" inputmode="decimal" id=(name) name=(name) value=(field(name)) size="6"
                                                    aria-label={ (ctx.t(kind.message_id())) ": " (ctx.t(label)) }
                                                    aria-invalid=[error.map(|_| "true")]
                                                    aria-describedby=[error.map(|_| format!("{name}-error"))];
                                                " " span.hint { (ctx.t("levels-hours-unit")) }
                                                @if let Some(e) = error { p.field-error id={ (name) "-error" } { (ctx.t(e)) } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                p.hint { (ctx.t("levels-from-now")) }
                button.button.primary type="submit" { (ctx.t("levels-save")) }
            }
        }
        section.card #holidays aria-labelledby="holidays-heading" {
            h2 #holidays-heading { (ctx.t("levels-holidays")) }
            @if holidays.is_empty() {
                p.empty { (ctx.t("levels-holidays-none")) }
            } @else {
                ul.plain.holidays {
                    @for h in holidays {
                        li {
                            time datetime=(h.date) { (h.date) } " · " (h.name) " "
                            form.inline method="post" action={ "/service/levels/holidays/" (h.date) "/delete" } {
                                (csrf_field(ctx))
                                button.button.link type="submit" aria-label=(ctx.t_args("levels-holiday-remove-label", &args(&[("date", &h.date)]))) { (ctx.t("levels-holiday-remove")) }
                            }
                        }
                    }
                }
            }
            h3 { (ctx.t("levels-holiday-add")) }
            (error_summary(ctx, p.holiday_errors))
            form method="post" action="/service/levels/holidays" novalidate {
                (csrf_field(ctx))
                (Field::new("date", ctx.t("levels-holiday-date"), "date").value(&p.holiday.date).errors(ctx, p.holiday_errors).render())
                (Field::new("name", ctx.t("levels-holiday-name"), "text").value(&p.holiday.name).maxlength(80).errors(ctx, p.holiday_errors).render())
                button.button.secondary type="submit" { (ctx.t("levels-holiday-add")) }
            }
            h3 { (ctx.t("levels-import")) }
            @let import_errors = {
                let mut e = Errors::new();
                if let Some(m) = p.import_error { e.add("calendar", m); }
                e
            };
            form method="post" action="/service/levels/holidays/import" enctype="multipart/form-data" novalidate {
                (csrf_field(ctx))
                (Field::new("calendar", ctx.t("levels-import-file"), "file").accept(".ics,text/calendar")
                    .hint(ctx.t("levels-import-hint")).errors(ctx, &import_errors).render())
                button.button.secondary type="submit" { (ctx.t("levels-import-submit")) }
            }
        }
        @if p.schedule.versions.len() > 1 {
            section.card #changes aria-labelledby="changes-heading" {
                h2 #changes-heading { (ctx.t("levels-changes")) }
                ol.plain {
                    @for v in p.schedule.versions.iter().rev() {
                        li { (levels::local_time(zone, v.from)) " (" (v.calendar.zone) ")" }
                    }
                }
            }
        }
    };
    frame(ctx, &title, Part::Levels, body)
}

fn clock_name(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::FirstResponse => "levels-first-response",
        ClockKind::Resolution => "levels-resolution",
    }
}

/// A request's clocks, for its page (the service team's side).
pub fn clocks_card(
    ctx: &PageCtx,
    zone: &str,
    clocks: &[Clock],
    changes: &[(u64, Option<u64>, Option<u64>)],
) -> Markup {
    let when = |t: Option<u64>| t.map_or_else(|| "—".to_owned(), |t| levels::local_time(zone, t));
    html! {
        section.card #clocks aria-labelledby="clocks-heading" {
            h2 #clocks-heading { (ctx.t("levels-clocks")) }
            dl.facts {
                @for c in clocks {
                    dt { (ctx.t(clock_name(c.kind))) }
                    dd {
                        @match (c.state, c.breached_by()) {
                            (ClockState::Stopped(at), None) => {
                                span.badge.ok { (ctx.t("levels-met")) } " "
                                (ctx.t_args("levels-stopped-at", &args(&[("time", &when(Some(at)))])))
                            }
                            (ClockState::Stopped(at), Some(by)) => {
                                span.badge.bad { (ctx.t_args("levels-breached-by", &args(&[("time", &business_time(ctx, by))]))) } " "
                                (ctx.t_args("levels-stopped-at", &args(&[("time", &when(Some(at)))])))
                            }
                            (ClockState::Paused(since), breached) => {
                                span.badge.info { (ctx.t_args("levels-paused-since", &args(&[("time", &when(Some(since)))]))) } " "
                                @if let Some(by) = breached {
                                    span.badge.bad { (ctx.t_args("levels-breached-by", &args(&[("time", &business_time(ctx, by))]))) }
                                } @else {
                                    (ctx.t_args("levels-remaining", &args(&[("time", &business_time(ctx, c.remaining()))])))
                                }
                            }
                            (ClockState::Running, Some(by)) => {
                                span.badge.bad { (ctx.t_args("levels-breached-by", &args(&[("time", &business_time(ctx, by))]))) } " "
                                (ctx.t_args("levels-was-due", &args(&[("time", &when(c.due))])))
                            }
                            (ClockState::Running, None) => {
                                (ctx.t_args("levels-due", &args(&[("time", &when(c.due))]))) " · "
                                (ctx.t_args("levels-remaining", &args(&[("time", &business_time(ctx, c.remaining()))])))
                            }
                        }
                    }
                }
            }
            @if !changes.is_empty() {
                h3 { (ctx.t("levels-due-history")) }
                ul.plain {
                    @for (at, before, after) in changes {
                        li { (ctx.t_args("levels-due-changed", &args(&[("time", &when(Some(*at))), ("before", &when(*before)), ("after", &when(*after))]))) }
                    }
                }
            }
        }
    }
}
