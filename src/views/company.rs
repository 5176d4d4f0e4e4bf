//! "Invite collaborators": the company's people, pending invitations, the invitation
//! form; the removal confirmation; the page behind an invitation link.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::format;
use super::layout;
use crate::access::CompanyRole;
use crate::domain::security_question::QUESTIONS;
use crate::i18n::{Lang, args};
use crate::store::companies::{Company, Member};
use crate::store::invitations::Invitation;
use crate::store::plants::LinkedOperator;
use crate::store::users::User;
use crate::views::PageCtx;

/// Everything the members page shows.
pub struct MembersData<'a> {
    pub company: &'a Company,
    /// The administrator looking at the page.
    pub me: u64,
    pub members: &'a [Member],
    pub invitations: &'a [Invitation],
    /// Plant operators named by the company's plants.
    pub operators: &'a [LinkedOperator],
    pub form: &'a InviteForm,
    pub errors: &'a Errors,
    /// Which change was just made.
    pub done: &'a str,
    /// Why the last change was refused (message id).
    pub refusal: Option<&'a str>,
    pub now: u64,
    pub lockout_minutes: u64,
    /// How long invitation links stay valid.
    pub invitation_days: u64,
}

fn role_badge(ctx: &PageCtx, role: CompanyRole) -> Markup {
    match role {
        CompanyRole::Admin => html! { span.badge.ok { (ctx.t("role-admin")) } },
        CompanyRole::Member => html! { span.badge { (ctx.t("role-member")) } },
    }
}

fn done_notice(ctx: &PageCtx, done: &str) -> Markup {
    let id = match done {
        "invited" => "members-done-invited",
        "resent" => "members-done-resent",
        "revoked" => "members-done-revoked",
        "promoted" => "members-done-promoted",
        "demoted" => "members-done-demoted",
        "removed" => "members-done-removed",
        _ => return html! {},
    };
    notice("success", &ctx.t(id))
}

/// `GET /company/members`
pub fn members(ctx: &PageCtx, d: &MembersData<'_>) -> Markup {
    let title = ctx.t("nav-members");
    let roles = vec![
        ("installer".to_owned(), ctx.t("role-member")),
        ("admin".to_owned(), ctx.t("role-admin")),
    ];
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t_args("members-intro", &args(&[("company", &d.company.name)]))) }
        (done_notice(ctx, d.done))
        @if let Some(refusal) = d.refusal {
            div.notice.error role="alert" { (ctx.t(refusal)) }
        }
        section aria-labelledby="members-heading" {
            h2 #members-heading { (ctx.t("members-collaborators")) }
            div.table-wrap {
                table.stack-narrow {
                    thead {
                        tr {
                            th scope="col" { (ctx.t("members-col-name")) }
                            th scope="col" { (ctx.t("field-email")) }
                            th scope="col" { (ctx.t("members-col-role")) }
                            th scope="col" { (ctx.t("members-col-status")) }
                            th scope="col" { (ctx.t("members-col-last-login")) }
                            th.num scope="col" { (ctx.t("members-col-plants")) }
                            th scope="col" { span.visually-hidden { (ctx.t("members-col-actions")) } }
                        }
                    }
                    tbody {
                        @for m in d.members {
                            @let role = m.user.company.map_or(CompanyRole::Member, |(_, r)| r);
                            @let is_me = m.user.id == d.me;
                            tr {
                                td {
                                    (m.user.full_name())
                                    @if is_me { " " span.hint { "(" (ctx.t("members-you")) ")" } }
                                }
                                td data-label=(ctx.t("field-email")) { a href={ "mailto:" (m.user.email) } { (m.user.email) } }
                                td data-label=(ctx.t("members-col-role")) { (role_badge(ctx, role)) }
                                td data-label=(ctx.t("members-col-status")) {
                                    @if m.user.is_locked(d.now, d.lockout_minutes) {
                                        span.badge.warn { (ctx.t("members-status-locked")) }
                                    } @else {
                                        span.badge.ok { (ctx.t("members-status-active")) }
                                    }
                                }
                                td data-label=(ctx.t("members-col-last-login")) {
                                    @match m.user.last_login_at {
                                        Some(at) => (format::when(at)),
                                        None => span.hint { (ctx.t("members-never")) },
                                    }
                                }
                                td.num data-label=(ctx.t("members-col-plants")) { (m.assigned_plants) }
                                td {
                                    div.row-actions {
                                        @if role == CompanyRole::Member {
                                            form.inline method="post" action={ "/company/members/" (m.user.id) "/admin" } {
                                                (csrf_field(ctx))
                                                button.link type="submit" { (ctx.t("members-promote")) }
                                            }
                                        } @else {
                                            form.inline method="post" action={ "/company/members/" (m.user.id) "/installer" } {
                                                (csrf_field(ctx))
                                                button.link type="submit" {
                                                    @if is_me { (ctx.t("members-step-down")) } @else { (ctx.t("members-demote")) }
                                                }
                                            }
                                        }
                                        @if !is_me {
                                            a href={ "/company/members/" (m.user.id) "/remove" } { (ctx.t("members-remove")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p.hint { (ctx.t("members-admin-rule")) }
        }
        div.columns {
            section.card aria-labelledby="invite-heading" {
                h2 #invite-heading { (ctx.t("members-invite")) }
                p.hint { (ctx.t_args("members-invite-hint", &args(&[("days", &d.invitation_days.to_string())]))) }
                (error_summary(ctx, d.errors))
                form method="post" action="/company/invitations" novalidate {
                    (csrf_field(ctx))
                    (Field::new("email", ctx.t("field-email"), "email").value(&d.form.email)
                        .autocomplete("off").maxlength(254).errors(ctx, d.errors).render())
                    (Field::new("role", ctx.t("members-col-role"), "").value(&d.form.role)
                        .errors(ctx, d.errors).select(&roles, None))
                    button.button.primary type="submit" { (ctx.t("members-invite-submit")) }
                }
            }
            section.card aria-labelledby="pending-heading" {
                h2 #pending-heading { (ctx.t("members-pending")) }
                @if d.invitations.is_empty() {
                    p.empty { (ctx.t("members-pending-empty")) }
                } @else {
                    ul.address-list {
                        @for i in d.invitations {
                            li {
                                strong { (i.email) } " " (role_badge(ctx, i.role))
                                @if d.now >= i.expires_at {
                                    " " span.badge.warn { (ctx.t("members-expired")) }
                                }
                                p.hint {
                                    (ctx.t("members-sent")) " " (format::when_date(i.sent_at)) " · "
                                    (ctx.t("members-expires")) " " (format::when_date(i.expires_at))
                                }
                                div.row-actions {
                                    form.inline method="post" action={ "/company/invitations/" (i.id) "/resend" } {
                                        (csrf_field(ctx))
                                        button.link type="submit" { (ctx.t("members-resend")) }
                                    }
                                    form.inline method="post" action={ "/company/invitations/" (i.id) "/revoke" } {
                                        (csrf_field(ctx))
                                        button.link type="submit" { (ctx.t("members-revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="operators-heading" {
            h2 #operators-heading { (ctx.t("members-operators")) }
            @if d.operators.is_empty() {
                p.empty { (ctx.t("members-operators-empty")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                th scope="col" { (ctx.t("members-col-name")) }
                                th scope="col" { (ctx.t("field-email")) }
                                th scope="col" { (ctx.t("field-phone")) }
                                th scope="col" { (ctx.t("members-col-operator-plants")) }
                            }
                        }
                        tbody {
                            @for o in d.operators {
                                tr {
                                    td {
                                        (o.name)
                                        @if let Some(named) = &o.named_in_plant {
                                            br; span.small.hint { (ctx.t_args("members-operator-named", &args(&[("name", named)]))) }
                                        }
                                    }
                                    td data-label=(ctx.t("field-email")) { a href={ "mailto:" (o.email) } { (o.email) } }
                                    td data-label=(ctx.t("field-phone")) { @if let Some(phone) = &o.phone { (phone) } @else { span.hint { (ctx.t("members-operator-no-account")) } } }
                                    td data-label=(ctx.t("members-col-operator-plants")) { (o.plants.join(", ")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card #webhooks aria-labelledby="webhooks-heading" {
            h2 #webhooks-heading { (ctx.t("webhooks-title")) }
            p { (ctx.t("webhooks-intro-company")) }
            p { a.button href="/webhooks" { (ctx.t("webhooks-manage")) } }
        }
    };
    layout::page(ctx, &title, body)
}

/// `GET /company/members/{id}/remove`
pub fn confirm_remove(ctx: &PageCtx, member: &User) -> Markup {
    let title = ctx.t("members-remove-title");
    let name = member.full_name();
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    p.lead { (ctx.t_args("members-remove-text", &args(&[("name", &name), ("email", &member.email)]))) }
                    ul {
                        li { (ctx.t("members-remove-effect-access")) }
                        li { (ctx.t("members-remove-effect-mail")) }
                        li { (ctx.t("members-remove-effect-plants")) }
                        li { (ctx.t("members-remove-effect-kept")) }
                    }
                    form method="post" action={ "/company/members/" (member.id) "/remove" } {
                        (csrf_field(ctx))
                        div.actions {
                            button.button.danger type="submit" { (ctx.t("members-remove")) }
                            a.button.secondary href="/company/members" { (ctx.t("action-cancel")) }
                        }
                    }
                }
            }
        },
    )
}

/// An invitation link that cannot be used (`reason` is a message id).
pub fn invitation_unusable(ctx: &PageCtx, reason: &str) -> Markup {
    let title = ctx.t("invitation-unusable-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    p.lead { (ctx.t(reason)) }
                    a.button.secondary href="/" { (ctx.t("error-back-home")) }
                }
            }
        },
    )
}

/// `GET /invitations/{token}`: the registration form with the e-mail fixed.
pub fn join(
    ctx: &PageCtx,
    secret: &str,
    invitation: &Invitation,
    company: &str,
    form: &JoinForm,
    errors: &Errors,
) -> Markup {
    let title = ctx.t_args("join-title", &args(&[("company", company)]));
    let languages: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let questions: Vec<(String, String)> = QUESTIONS
        .iter()
        .map(|q| ((*q).to_owned(), ctx.t(&format!("security-question-{q}"))))
        .collect();
    let role = match invitation.role {
        CompanyRole::Admin => ctx.t("role-admin"),
        CompanyRole::Member => ctx.t("role-member"),
    };
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                h1 { (title) }
                p.lead { (ctx.t_args("join-intro", &args(&[("company", company), ("role", &role)]))) }
                (error_summary(ctx, errors))
                form.card method="post" action={ "/invitations/" (secret) } novalidate {
                    (csrf_field(ctx))
                    dl.facts {
                        dt { (ctx.t("field-email")) }
                        dd { (invitation.email) p.hint { (ctx.t("join-email-fixed")) } }
                    }
                    fieldset {
                        legend { (ctx.t("register-legend-person")) }
                        (Field::new("first_name", ctx.t("field-first-name"), "text").value(&form.first_name)
                            .autocomplete("given-name").maxlength(80).errors(ctx, errors).render())
                        (Field::new("last_name", ctx.t("field-last-name"), "text").value(&form.last_name)
                            .autocomplete("family-name").maxlength(80).errors(ctx, errors).render())
                        (Field::new("phone", ctx.t("field-phone"), "tel").value(&form.phone)
                            .autocomplete("tel").maxlength(30).errors(ctx, errors).render())
                        (Field::new("language", ctx.t("field-language"), "").value(&form.language)
                            .errors(ctx, errors).select(&languages, None))
                    }
                    fieldset {
                        legend { (ctx.t("register-legend-account")) }
                        (Field::new("password", ctx.t("field-password"), "password").hint(ctx.t("password-hint"))
                            .autocomplete("new-password").maxlength(128).errors(ctx, errors).render())
                        (Field::new("password_confirm", ctx.t("field-password-confirm"), "password")
                            .autocomplete("new-password").maxlength(128).errors(ctx, errors).render())
                        (Field::new("security_question", ctx.t("field-security-question"), "")
                            .value(&form.security_question).errors(ctx, errors)
                            .select(&questions, Some(&ctx.t("select-placeholder"))))
                        (Field::new("security_answer", ctx.t("field-security-answer"), "text")
                            .value(&form.security_answer).hint(ctx.t("security-answer-hint"))
                            .autocomplete("off").maxlength(100).errors(ctx, errors).render())
                    }
                    (checkbox(ctx, "accept_terms", html! {
                        (ctx.t("register-accept-before")) " "
                        a href="/terms" { (ctx.t("footer-terms")) } " " (ctx.t("register-accept-and")) " "
                        a href="/privacy" { (ctx.t("footer-privacy")) }
                    }, form.accept_terms == "on", errors))
                    button.button.primary type="submit" { (ctx.t("join-submit")) }
                }
            }
        },
    )
}

/// What the invitation form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub role: String,
}

/// What the invitation's registration form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    pub password: String,
    pub password_confirm: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub language: String,
    pub security_question: String,
    pub security_answer: String,
    pub accept_terms: String,
}
