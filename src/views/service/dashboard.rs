//! The dashboard: open tickets by kind and state, the longest waiting, overdue returns,
//! and a server-rendered SVG chart of tickets opened and closed per week (no script, no
//! chart library: it works air-gapped and in any browser).

use crate::store::tickets::Ticket;
use crate::store::users;
use maud::{Markup, html};

use super::{Part, frame, staff_name, waited};
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::i18n::args;
use crate::store::ticket_list::{Spread, WeekTimes};
use crate::views::PageCtx;
use crate::views::format;
use crate::views::tickets::status_badge;

/// `GET /service`
pub fn dashboard(ctx: &PageCtx, d: &Dashboard, now: u64) -> Markup {
    let title = ctx.t("service-dashboard-title");
    let total: u64 = d.open.iter().map(|(_, _, n)| n).sum();
    frame(
        ctx,
        &title,
        Part::Dashboard,
        html! {
            h1 { (title) }
            @if ctx.config.branding.is_placeholder() {
                div.notice.warning #branding-placeholder {
                    (ctx.t_args("service-branding-placeholder", &args(&[
                        ("team", &ctx.config.branding.team_name),
                        ("contact", &ctx.config.branding.contact_email),
                    ])))
                }
            }
            section.card aria-labelledby="open-heading" {
                h2 #open-heading { (ctx.t_args("service-open-heading", &args(&[("count", &total.to_string())]))) }
                (open_table(ctx, d))
            }
            @if let Some(due) = &d.due {
                section.card #due-soon aria-labelledby="due-heading" {
                    h2 #due-heading { (ctx.t("service-due-heading")) }
                    p {
                        a href="/service/tickets?sla=breached&sort=due" {
                            (ctx.t_args("service-due-breached", &args(&[("count", &count_text(due.breached))])))
                        }
                        " · "
                        a href="/service/tickets?sla=soon&sort=due" {
                            (ctx.t_args("service-due-soon", &args(&[("count", &count_text(due.soon_total))])))
                        }
                    }
                    @if due.soon.is_empty() {
                        p.empty { (ctx.t("service-due-none")) }
                    } @else {
                        ul.plain.ticket-lines {
                            @for (t, at) in &due.soon {
                                li {
                                    a href={ "/tickets/" (t.id) } { code { (t.number) } } " " (t.subject) " "
                                    (status_badge(ctx, t.status))
                                    br;
                                    span.small.hint {
                                        (ctx.t_args("levels-due", &args(&[("time", &crate::domain::service_levels::local_time(&due.zone, *at))])))
                                        @if let Some(n) = staff_name(&d.staff, t.assignee) { " · " (n) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div.columns {
                section.card aria-labelledby="oldest-heading" {
                    h2 #oldest-heading { (ctx.t("service-oldest-heading")) }
                    @if d.oldest.is_empty() {
                        p.empty { (ctx.t("service-queue-empty")) }
                    } @else {
                        ul.plain.ticket-lines {
                            @for t in &d.oldest {
                                li {
                                    a href={ "/tickets/" (t.id) } { code { (t.number) } } " " (t.subject) " "
                                    (status_badge(ctx, t.status))
                                    br;
                                    span.small.hint {
                                        (waited(ctx, t.waiting_since(), now)) " · " (t.requester_name)
                                        @if let Some(n) = staff_name(&d.staff, t.assignee) { " · " (n) }
                                    }
                                }
                            }
                        }
                        p { a href="/service/tickets" { (ctx.t("service-queue-all")) } }
                    }
                }
                section.card aria-labelledby="returns-heading" {
                    h2 #returns-heading { (ctx.t_args("service-returns-heading", &args(&[("days", &PICKUP_BUSINESS_DAYS.to_string())]))) }
                    @if d.overdue_returns.is_empty() {
                        p.empty { (ctx.t("service-returns-none")) }
                    } @else {
                        ul.plain.ticket-lines {
                            @for (t, since) in &d.overdue_returns {
                                li {
                                    a href={ "/tickets/" (t.id) } { code { (t.number) } } " " (t.requester_name)
                                    @if let Some(r) = t.replacement.as_ref().filter(|r| !r.rma.is_empty()) {
                                        " · " (ctx.t("replacement-rma")) " " code { (r.rma) }
                                    }
                                    br;
                                    span.small.hint {
                                        (ctx.t("service-returns-since")) " " (format::when_date(*since))
                                        " (" (waited(ctx, *since, now)) ")"
                                    }
                                }
                            }
                        }
                        p {
                            a href="/service/tickets?state=awaiting-return&kind=replacement&age=7" {
                                (ctx.t_args("service-returns-all", &args(&[("count", &d.overdue_total.to_string())])))
                            }
                        }
                    }
                }
            }
            @if !d.times.is_empty() { (times_charts(ctx, &d.times)) }
            section.card aria-labelledby="weeks-heading" {
                h2 #weeks-heading { (ctx.t("service-weeks-heading")) }
                (chart(ctx, &d.weeks))
            }
            section.card aria-labelledby="mail-heading" {
                h2 #mail-heading { (ctx.t("service-nav-mail")) }
                p {
                    (ctx.t_args("service-mail-summary", &args(&[("waiting", &d.mail_waiting.to_string()), ("failed", &d.mail_failed.to_string())])))
                    " " a href="/service/mail?show=waiting" { (ctx.t("service-mail-open")) }
                }
            }
            (backups(ctx, d))
        },
    )
}

/// The last backup and the schedule; a failure stands out.
fn backups(ctx: &PageCtx, d: &Dashboard) -> Markup {
    use crate::store::backup::Outcome;
    let settings = &ctx.config.backup;
    html! {
        section.card #backups aria-labelledby="backup-heading" {
            h2 #backup-heading { (ctx.t("service-backup-heading")) }
            @match &d.backup {
                None => p { (ctx.t("service-backup-none")) },
                Some(last) => @match &last.outcome {
                    Outcome::Written { bytes, tickets, .. } => p {
                        (ctx.t_args("service-backup-written", &args(&[
                            ("when", &format::date_time(last.at)),
                            ("size", &format::size(*bytes)),
                            ("tickets", &tickets.to_string()),
                        ])))
                    },
                    Outcome::Failed { .. } => div.notice.error role="alert" {
                        (ctx.t_args("service-backup-failed", &args(&[("when", &format::date_time(last.at))])))
                    },
                },
            }
            p.hint {
                @if settings.every_hours == 0 {
                    (ctx.t("service-backup-off"))
                } @else {
                    (ctx.t_args("service-backup-schedule", &args(&[
                        ("hours", &settings.every_hours.to_string()),
                        ("keep", &settings.keep.to_string()),
                    ])))
                }
            }
        }
    }
}

fn open_table(ctx: &PageCtx, d: &Dashboard) -> Markup {
    let count = |kind: TicketKind, status: TicketStatus| {
        d.open
            .iter()
            .find(|(k, s, _)| *k == kind && *s == status)
            .map_or(0, |(_, _, n)| *n)
    };
    let statuses: Vec<TicketStatus> = TicketStatus::ALL
        .into_iter()
        .filter(|s| s.is_open() && d.open.iter().any(|(_, st, _)| st == s))
        .collect();
    html! {
        @if statuses.is_empty() {
            p.empty { (ctx.t("service-queue-empty")) }
        } @else {
            div.table-wrap {
                table.stack-narrow {
                    thead {
                        tr {
                            th scope="col" { (ctx.t("ticket-status")) }
                            @for k in TicketKind::ALL { th scope="col" { (ctx.t(k.message_id())) } }
                        }
                    }
                    tbody {
                        @for s in &statuses {
                            tr {
                                th scope="row" { (status_badge(ctx, *s)) }
                                @for k in TicketKind::ALL {
                                    @let n = count(k, *s);
                                    td.num data-label=(ctx.t(k.message_id())) {
                                        @if n == 0 { span.hint { "0" } } @else {
                                            a href={ "/service/tickets?state=" (s.slug()) "&kind=" (k.slug()) } { (n) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Bars of opened and closed tickets per week.
fn chart(ctx: &PageCtx, weeks: &[(u64, u64, u64)]) -> Markup {
    bars(
        ctx,
        &Bars {
            heading: "weeks-heading",
            desc: ("weeks-desc", ctx.t("service-weeks-desc")),
            series: [
                ("opened", ctx.t("service-weeks-opened")),
                ("closed", ctx.t("service-weeks-closed")),
            ],
            weeks,
            value: &|v| v.to_string(),
        },
    )
}

/// A bar chart of two figures per week.
struct Bars<'a> {
    /// The id of the heading that names the chart.
    heading: &'a str,
    /// The id and text of its description.
    desc: (&'a str, String),
    /// Each figure's class (its colour) and name.
    series: [(&'a str, String); 2],
    /// (week start, first figure, second figure), oldest first.
    weeks: &'a [(u64, u64, u64)],
    /// A figure as the scale, the bars' titles and the table write it.
    value: &'a dyn Fn(u64) -> String,
}

/// Two bars per week, with a y scale, week labels, a legend, and the figures as a table
/// for screen readers and printing.
fn bars(ctx: &PageCtx, c: &Bars<'_>) -> Markup {
    const W: u64 = 720;
    const H: u64 = 240;
    const LEFT: u64 = 44;
    const BOTTOM: u64 = 36;
    const TOP: u64 = 12;
    // The stylesheet draws the chart 3:1 (`svg.chart-drawing`).
    const _: () = assert!(W == 3 * H);
    let weeks = c.weeks;
    let max = weeks
        .iter()
        .map(|(_, o, c)| (*o).max(*c))
        .max()
        .unwrap_or(0)
        .max(1);
    // A round step: 1, 2, 5 × 10^n, about four lines.
    let step = {
        let raw = max.div_ceil(4).max(1);
        let mut p = 1;
        while p * 10 <= raw {
            p *= 10;
        }
        [1, 2, 5, 10]
            .into_iter()
            .map(|m| m * p)
            .find(|s| *s >= raw)
            .unwrap_or(raw)
    };
    let top = max.div_ceil(step) * step;
    let plot_h = H - BOTTOM - TOP;
    let y = |v: u64| TOP + plot_h - v * plot_h / top;
    let slot = (W - LEFT) / weeks.len().max(1) as u64;
    let bar = (slot.saturating_sub(8)) / 2;
    let [(first_class, first), (second_class, second)] = &c.series;
    let lines: Vec<u64> = (0..=top / step).map(|i| i * step).collect();
    let base = TOP + plot_h;
    let value = c.value;
    // The bars are drawn in a nested, scaled drawing; the labels sit in the outer SVG,
    // which has no viewBox (its units are CSS pixels), placed in percent of it: they keep
    // 12 px at any width. The stylesheet fixes the 3:1 shape (no inline style, which the
    // content security policy refuses). On a phone every other week's label is left out.
    let pct = |v: u64, of: u64| format!("{:.2}%", v as f64 * 100.0 / of as f64);
    html! {
        figure.chart {
            svg.chart-drawing role="img" aria-labelledby={ (c.heading) " " (c.desc.0) } {
                desc id=(c.desc.0) { (c.desc.1) }
                svg viewBox={ "0 0 " (W) " " (H) } width="100%" height="100%" preserveAspectRatio="none" {
                    @for v in &lines {
                        line.grid x1=(LEFT) x2=(W) y1=(y(*v)) y2=(y(*v)) {}
                    }
                    @for (i, (start, o, s)) in weeks.iter().enumerate() {
                        @let x = LEFT + i as u64 * slot + 4;
                        @let label = format::date(*start);
                        rect class=(first_class) x=(x) y=(y(*o)) width=(bar) height=(base - y(*o)) {
                            title { (label) ": " (first) " " (value(*o)) }
                        }
                        rect class=(second_class) x=(x + bar) y=(y(*s)) width=(bar) height=(base - y(*s)) {
                            title { (label) ": " (second) " " (value(*s)) }
                        }
                    }
                }
                @for v in &lines {
                    text.axis x=(pct(LEFT - 6, W)) y=(pct(y(*v), H)) text-anchor="end" dominant-baseline="middle" { (value(*v)) }
                }
                @for (i, (start, _, _)) in weeks.iter().enumerate() {
                    @let label = format::date(*start);
                    text.axis.alternate[i % 2 == 1] x=(pct(LEFT + i as u64 * slot + 4 + bar, W)) y=(pct(H - BOTTOM + 16, H)) text-anchor="middle" {
                        (label.get(5..).unwrap_or(&label))
                    }
                }
            }
            figcaption.legend {
                span { span class={ "key " (first_class) } aria-hidden="true" {} (first) }
                span { span class={ "key " (second_class) } aria-hidden="true" {} (second) }
            }
        }
        details {
            summary { (ctx.t("service-weeks-figures")) }
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("service-weeks-week")) }
                        th scope="col" { (first) }
                        th scope="col" { (second) }
                    } }
                    tbody {
                        @for (start, o, s) in weeks {
                            tr { th scope="row" { (format::when_date(*start)) } td.num { (value(*o)) } td.num { (value(*s)) } }
                        }
                    }
                }
            }
        }
    }
}

/// Business seconds as hours for the scale and the figures: `3.5 h`.
fn hours(secs: u64) -> String {
    let tenths = (secs + 180) / 360;
    if tenths.is_multiple_of(10) {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

/// The service levels' weekly times: for each clock, its median and 90th percentile.
fn times_charts(ctx: &PageCtx, weeks: &[WeekTimes]) -> Markup {
    let series = |pick: fn(&WeekTimes) -> Option<Spread>| -> Vec<(u64, u64, u64)> {
        weeks
            .iter()
            .map(|w| {
                let s = pick(w).unwrap_or_default();
                (w.week_start, s.median, s.p90)
            })
            .collect()
    };
    let first = series(|w| w.first_response);
    let resolution = series(|w| w.resolution);
    let spread = |class: &'static str| {
        [
            (class, ctx.t("service-times-median")),
            ("p90", ctx.t("service-times-p90")),
        ]
    };
    html! {
        section.card #times aria-labelledby="times-heading" {
            h2 #times-heading { (ctx.t("service-times-heading")) }
            p.hint { (ctx.t("service-times-intro")) }
            h3 #times-first-heading { (ctx.t("levels-first-response")) }
            (bars(ctx, &Bars {
                heading: "times-first-heading",
                desc: ("times-first-desc", ctx.t("service-times-first-desc")),
                series: spread("opened"),
                weeks: &first,
                value: &hours,
            }))
            h3 #times-resolution-heading { (ctx.t("levels-resolution")) }
            (bars(ctx, &Bars {
                heading: "times-resolution-heading",
                desc: ("times-resolution-desc", ctx.t("service-times-resolution-desc")),
                series: spread("closed"),
                weeks: &resolution,
                value: &hours,
            }))
        }
    }
}

/// What the dashboard shows.
#[derive(Debug)]
pub struct Dashboard {
    pub open: Vec<(crate::domain::ticket::TicketKind, TicketStatus, u64)>,
    pub oldest: Vec<Ticket>,
    /// Replacements awaiting the failed device's return past the pickup window, with the
    /// day they started waiting for it.
    pub overdue_returns: Vec<(Ticket, u64)>,
    /// How many are overdue in all (the list shows the longest overdue).
    pub overdue_total: usize,
    /// (week start, opened, closed), oldest first.
    pub weeks: Vec<(u64, u64, u64)>,
    /// Mails waiting, and of those the ones that failed at least once.
    pub mail_waiting: usize,
    pub mail_failed: usize,
    pub staff: Vec<users::User>,
    /// The last backup's outcome (none yet: `None`).
    pub backup: Option<crate::store::backup::LastBackup>,
    /// With service levels kept: first-response and resolution times per week.
    pub times: Vec<WeekTimes>,
    /// With service levels kept: the time zone, the requests already breached (how
    /// many, counted up to a few pages), and those breaching within the next four
    /// business hours with their due time (the first few, and how many).
    pub due: Option<DueSoon>,
}

/// The dashboard's service levels.
#[derive(Debug)]
pub struct DueSoon {
    pub zone: String,
    pub breached: (usize, bool),
    pub soon: Vec<(Ticket, u64)>,
    pub soon_total: (usize, bool),
}

/// A count read up to a limit: `120` or `500+`.
fn count_text((n, more): (usize, bool)) -> String {
    if more { format!("{n}+") } else { n.to_string() }
}

/// Business days the customer has to get the failed device ready for pickup.
pub const PICKUP_BUSINESS_DAYS: u64 = 5;
