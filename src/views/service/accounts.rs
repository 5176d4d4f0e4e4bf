//! People as the service team sees them: the search, and a person's page with its
//! actions (block, unblock, unlock, change e-mail, resend confirmation).

use crate::store::{audit, companies, plants};
use maud::{Markup, html};

use super::{Part, frame};
use crate::access::{AccountKind, CompanyRole};
use crate::i18n::args;
use crate::store::companies::Company;
use crate::store::users::{User, UserStatus};
use crate::views::PageCtx;
use crate::views::components::{Errors, Field, csrf_field, error_summary, notice};
use crate::views::format;
use crate::views::service::oversight::audit_rows;
use crate::views::tickets::status_badge;

/// The words for an account's kind and role.
pub fn role_label(ctx: &PageCtx, user: &User) -> String {
    let kind = match user.kind {
        AccountKind::Installer => "account-type-installer",
        AccountKind::Wholesaler => "account-type-wholesaler",
        AccountKind::Operator => "account-type-operator",
        AccountKind::Staff => "service-role-staff",
    };
    let mut out = ctx.t(kind);
    if let Some((_, role)) = user.company {
        out.push_str(" · ");
        out.push_str(&ctx.t(match role {
            CompanyRole::Admin => "role-admin",
            CompanyRole::Member => "role-member",
        }));
    }
    out
}

/// An account's status as a badge; locked accounts say so too.
pub fn status_badges(ctx: &PageCtx, user: &User) -> Markup {
    let (class, id) = match user.status {
        UserStatus::Active => ("ok", "service-status-active"),
        UserStatus::Unconfirmed => ("warn", "service-status-unconfirmed"),
        UserStatus::Removed { .. } => ("", "service-status-removed"),
        UserStatus::Blocked { .. } => ("bad", "service-status-blocked"),
    };
    html! {
        span class={ "badge " (class) } { (ctx.t(id)) }
        @if user.locked_at.is_some() {
            " " span.badge.bad { (ctx.t("service-status-locked")) }
        }
    }
}

/// `GET /service/users?q=…`
pub fn find(
    ctx: &PageCtx,
    query: &str,
    rows: &[(User, Option<String>)],
    erased: Option<u64>,
) -> Markup {
    let title = ctx.t("service-people-title");
    frame(
        ctx,
        &title,
        Part::People,
        html! {
            h1 { (title) }
            @if let Some(tickets) = erased {
                (notice("success", &ctx.t_args("service-erased", &args(&[("tickets", &tickets.to_string())]))))
            }
            form.filter role="search" method="get" action="/service/users" {
                label for="q" { (ctx.t("service-people-search")) }
                input #q type="search" name="q" value=(query) autocomplete="off";
                button.button.secondary type="submit" { (ctx.t("search-submit")) }
            }
            @if query.trim().is_empty() {
                p.hint { (ctx.t("service-people-hint")) }
            } @else if rows.is_empty() {
                p.empty role="status" { (ctx.t_args("service-people-none", &args(&[("query", query.trim())]))) }
            } @else {
                p role="status" {
                    (ctx.t_args("service-people-found", &args(&[("count", &rows.len().to_string()), ("query", query.trim())])))
                    @if rows.len() >= FOUND_LIMIT { " " (ctx.t("service-people-more")) }
                }
                div.table-wrap {
                    table.stack-narrow {
                        thead { tr {
                            th scope="col" { (ctx.t("service-person")) }
                            th scope="col" { (ctx.t("field-email")) }
                            th scope="col" { (ctx.t("service-company")) }
                            th scope="col" { (ctx.t("service-role")) }
                            th scope="col" { (ctx.t("service-status")) }
                        } }
                        tbody {
                            @for (u, company) in rows {
                                tr {
                                    td { a href={ "/service/users/" (u.id) } { (u.full_name()) } }
                                    td data-label=(ctx.t("field-email")) { (u.email) }
                                    td data-label=(ctx.t("service-company")) { @if let Some(c) = company { (c) } @else { "—" } }
                                    td data-label=(ctx.t("service-role")) { (role_label(ctx, u)) }
                                    td data-label=(ctx.t("service-status")) { (status_badges(ctx, u)) }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn company_line(c: &Company) -> String {
    format!("{}, {} {} ({})", c.name, c.postal_code, c.city, c.country)
}

/// `GET /service/users/{id}`
pub fn detail(ctx: &PageCtx, p: &Person, forms: &Forms<'_>, saved: &str) -> Markup {
    let u = &p.user;
    let title = u.full_name();
    let mut errors = Errors::new();
    let empty = Errors::new();
    let (block_reason, block_errors) = forms.block.unwrap_or(("", &empty));
    let (new_email, email_errors) = forms.email.unwrap_or(("", &empty));
    let (reset_reason, reset_errors) = forms.two_factor.unwrap_or(("", &empty));
    let erase = forms.erase.unwrap_or(("", &empty));
    errors.extend(erase.1.clone());
    errors.extend(block_errors.clone());
    errors.extend(email_errors.clone());
    errors.extend(reset_errors.clone());
    let saved_id = match saved {
        "blocked" => Some("service-saved-blocked"),
        "unblocked" => Some("service-saved-unblocked"),
        "unlocked" => Some("service-saved-unlocked"),
        "email" => Some("service-saved-email"),
        "confirmation" => Some("service-saved-confirmation"),
        "confirmed-already" => Some("service-saved-confirmed-already"),
        "session-ended" => Some("service-saved-session-ended"),
        "sessions-ended" => Some("service-saved-sessions-ended"),
        "two-factor-reset" => Some("service-saved-two-factor-reset"),
        "export" => Some("service-saved-export"),
        _ => None,
    };
    frame(
        ctx,
        &title,
        Part::People,
        html! {
            p.breadcrumb { a href="/service/users" { (ctx.t("service-people-title")) } }
            h1 { (title) " " (status_badges(ctx, u)) }
            @if let Some(id) = saved_id { (notice("success", &ctx.t(id))) }
            (error_summary(ctx, &errors))
            div.columns {
                section.card aria-labelledby="account-heading" {
                    h2 #account-heading { (ctx.t("service-account-heading")) }
                    dl.facts {
                        dt { (ctx.t("field-email")) } dd { (u.email) }
                        dt { (ctx.t("field-phone")) } dd { @if u.phone.is_empty() { "—" } @else { (u.phone) } }
                        dt { (ctx.t("service-role")) } dd { (role_label(ctx, u)) }
                        dt { (ctx.t("service-company")) }
                        dd {
                            @if let Some(c) = &p.company {
                                (company_line(c)) br;
                                a href={ "/service/tickets?state=all&company=" (c.id) } { (ctx.t("service-company-tickets")) }
                            } @else { "—" }
                        }
                        dt { (ctx.t("service-registered")) } dd { (format::when(u.created_at)) }
                        dt { (ctx.t("service-last-login")) } dd { @if let Some(t) = u.last_login_at { (format::when(t)) } @else { "—" } }
                        dt { (ctx.t("service-sessions")) } dd { a href="#sessions-heading" { (p.sessions.len()) } }
                        dt { (ctx.t("service-failed-logins")) } dd { (u.failed_logins) }
                        dt { (ctx.t("service-two-factor")) }
                        dd #two-factor-state {
                            @if let Some(since) = p.two_factor_since {
                                (ctx.t_args("service-two-factor-on", &crate::i18n::args(&[("date", &format::date(since))])))
                            } @else { (ctx.t("service-two-factor-off")) }
                        }
                        @if let UserStatus::Blocked { at, reason } = &u.status {
                            dt { (ctx.t("service-blocked-since")) } dd { (format::when(*at)) }
                            dt { (ctx.t("service-block-reason")) } dd { (reason) }
                        }
                    }
                }
                // Each action on its own, under its own heading: what it does is
                // never read as part of the next one's form.
                section.card.actions-card aria-labelledby="actions-heading" {
                    h2 #actions-heading { (ctx.t("service-actions-heading")) }
                    @if u.locked_at.is_some() || u.failed_logins > 0 {
                        div.action {
                            h3 { (ctx.t("service-unlock")) }
                            form method="post" action={ "/service/users/" (u.id) "/unlock" } {
                                (csrf_field(ctx))
                                p.hint { (ctx.t("service-unlock-hint")) }
                                button.button.secondary type="submit" { (ctx.t("service-unlock")) }
                            }
                        }
                    }
                    @if u.status == UserStatus::Unconfirmed {
                        div.action {
                            h3 { (ctx.t("service-resend-confirmation")) }
                            form method="post" action={ "/service/users/" (u.id) "/confirmation" } {
                                (csrf_field(ctx))
                                button.button.secondary type="submit" { (ctx.t("service-resend-confirmation")) }
                            }
                        }
                    }
                    @if u.kind != AccountKind::Staff {
                        div.action {
                            h3 { (ctx.t("service-nav-new-ticket")) }
                            p { a.button.secondary href={ "/service/tickets/new?customer=" (crate::views::layout::url_encode(&u.email)) } { (ctx.t("service-nav-new-ticket")) } }
                        }
                        div.action {
                            h3 { (ctx.t("service-change-email")) }
                            form method="post" action={ "/service/users/" (u.id) "/email" } novalidate {
                                (csrf_field(ctx))
                                (Field::new("email", ctx.t("service-new-email"), "email").value(new_email)
                                    .hint(ctx.t("service-new-email-hint")).maxlength(254).autocomplete("off").errors(ctx, email_errors).render())
                                button.button.secondary type="submit" { (ctx.t("service-change-email")) }
                            }
                        }
                        @if p.two_factor_since.is_some() {
                            div.action {
                                h3 { (ctx.t("service-two-factor-reset")) }
                                (crate::views::two_factor::reset_form(ctx, u.id, reset_reason, reset_errors))
                            }
                        }
                    }
                    @match &u.status {
                        _ if u.kind == AccountKind::Staff => {
                            p.hint { (ctx.t("service-staff-account")) }
                            @if p.two_factor_since.is_some() {
                                p.hint { (ctx.t("service-two-factor-staff")) }
                            }
                        }
                        UserStatus::Blocked { .. } => {
                            div.action {
                                h3 { (ctx.t("service-unblock")) }
                                form method="post" action={ "/service/users/" (u.id) "/unblock" } {
                                    (csrf_field(ctx))
                                    button.button.secondary type="submit" { (ctx.t("service-unblock")) }
                                }
                            }
                        }
                        UserStatus::Removed { .. } => {}
                        _ => {
                            div.action.danger-zone {
                                h3 { (ctx.t("service-block")) }
                                form method="post" action={ "/service/users/" (u.id) "/block" } novalidate {
                                    (csrf_field(ctx))
                                    (Field::new("reason", ctx.t("service-block-reason"), "").value(block_reason)
                                        .hint(ctx.t("service-block-hint")).maxlength(500).errors(ctx, block_errors).textarea())
                                    button.button.danger type="submit" { (ctx.t("service-block")) }
                                }
                            }
                        }
                    }
                }
            }
            section.card aria-labelledby="sessions-heading" {
                h2 #sessions-heading { (ctx.t("service-sessions-heading")) }
                p.hint { (ctx.t("service-sessions-hint")) }
                (crate::views::sessions::table(ctx, &p.sessions, crate::views::sessions::Owner::Person { id: u.id }))
            }
            section.card aria-labelledby="plants-heading" {
                h2 #plants-heading { (ctx.t("nav-plants")) }
                @if p.plants.is_empty() {
                    p.empty { (ctx.t("service-person-no-plants")) }
                } @else {
                    ul.plain {
                        @for plant in &p.plants {
                            li { a href={ "/plants/" (plant.id) } { (plant.name) } " · " (plant.postal_code) " " (plant.city) " (" (plant.country) ")" }
                        }
                    }
                }
            }
            section.card aria-labelledby="tickets-heading" {
                h2 #tickets-heading { (ctx.t("nav-tickets")) }
                @if p.tickets.is_empty() {
                    p.empty { (ctx.t("service-person-no-tickets")) }
                } @else {
                    ul.plain {
                        @for t in &p.tickets {
                            li { a href={ "/tickets/" (t.id) } { code { (t.number) } } " " (t.subject) " " (status_badge(ctx, t.status)) }
                        }
                    }
                }
            }
            section.card aria-labelledby="history-heading" {
                h2 #history-heading { (ctx.t("service-history-heading")) }
                @if p.history.is_empty() {
                    p.empty { (ctx.t("service-audit-empty")) }
                } @else {
                    (audit_rows(ctx, &p.history))
                    p { a href={ "/service/audit?user=" (u.id) } { (ctx.t("service-history-all")) } }
                }
            }
            @if u.kind != AccountKind::Staff {
                (crate::views::personal_data::desk_section(ctx, u.id, p.export.as_ref(), erase))
            }
        },
    )
}

/// The forms of the person's page, with what was typed and what was wrong.
#[derive(Debug, Default)]
pub struct Forms<'a> {
    pub block: Option<(&'a str, &'a Errors)>,
    pub email: Option<(&'a str, &'a Errors)>,
    pub two_factor: Option<(&'a str, &'a Errors)>,
    pub erase: Option<(&'a str, &'a Errors)>,
}

/// Everything the person's page shows.
#[derive(Debug)]
pub struct Person {
    pub user: User,
    pub company: Option<companies::Company>,
    pub plants: Vec<plants::Plant>,
    pub tickets: Vec<crate::store::tickets::Ticket>,
    pub history: Vec<audit::Entry>,
    pub sessions: Vec<crate::store::sessions::SessionInfo>,
    /// Since when log-in asks for a second step, if it does.
    pub two_factor_since: Option<u64>,
    /// The desk's export of their data, if one is under way or ready.
    pub export: Option<crate::views::personal_data::ExportState>,
}

/// People shown for one search.
pub const FOUND_LIMIT: usize = 100;
