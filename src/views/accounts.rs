//! Pages of registration and access: the registration form and its outcomes, e-mail
//! confirmation, log-in, password recovery.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::layout;
use crate::domain::security_question::{QUESTIONS, SecurityQuestion};
use crate::domain::{AccountType, Country};
use crate::i18n::{Lang, args};
use crate::views::PageCtx;

/// What became of an e-mailed link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    /// It did its job just now.
    Done,
    /// It had been used before.
    Used,
    /// It is too old.
    Expired,
    /// We never sent it.
    Unknown,
}

/// A small centered page with one card: the frame of every page in this file, and of the
/// other pages of access (the log-in's second step, the first run).
pub(crate) fn card_page(ctx: &PageCtx, title: &str, body: Markup) -> Markup {
    layout::page(
        ctx,
        title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    (body)
                }
            }
        },
    )
}

/// `GET /register`, and the form again with messages when refused.
pub fn register(ctx: &PageCtx, form: &RegisterForm, errors: &Errors) -> Markup {
    let types: Vec<(String, String)> = AccountType::ALL
        .iter()
        .map(|t| {
            (
                t.value().to_owned(),
                ctx.t(&format!("account-type-{}", t.value())),
            )
        })
        .collect();
    let countries: Vec<(String, String)> = Country::all()
        .map(|c| (c.code().to_owned(), c.name(ctx.lang).to_owned()))
        .collect();
    let languages: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let questions: Vec<(String, String)> = QUESTIONS
        .iter()
        .map(|q| ((*q).to_owned(), ctx.t(&format!("security-question-{q}"))))
        .collect();
    let title = ctx.t("register-title");
    let body = html! {
        div.narrow.wide {
            h1 { (title) }
            p.lead { (ctx.t("register-intro")) }
            (error_summary(ctx, errors))
            form.card method="post" action="/register" novalidate {
                (csrf_field(ctx))
                fieldset {
                    legend { (ctx.t("register-legend-account")) }
                    (Field::new("account_type", ctx.t("register-account-type"), "")
                        .value(&form.account_type)
                        .hint(ctx.t("register-account-type-hint"))
                        .errors(ctx, errors)
                        .select(&types, Some(&ctx.t("select-placeholder"))))
                    (Field::new("email", ctx.t("field-email"), "email").value(&form.email)
                        .hint(ctx.t("register-email-hint")).autocomplete("email").maxlength(254)
                        .errors(ctx, errors).render())
                    (Field::new("password", ctx.t("field-password"), "password")
                        .hint(ctx.t("password-hint")).autocomplete("new-password").maxlength(128)
                        .errors(ctx, errors).render())
                    (Field::new("password_confirm", ctx.t("field-password-confirm"), "password")
                        .autocomplete("new-password").maxlength(128)
                        .errors(ctx, errors).render())
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
                    legend { (ctx.t("register-legend-address")) }
                    (Field::new("company_name", ctx.t("field-company-name"), "text").value(&form.company_name)
                        .hint(ctx.t("register-company-hint")).optional().autocomplete("organization")
                        .maxlength(120).errors(ctx, errors).render())
                    (Field::new("street", ctx.t("field-street"), "text").value(&form.street)
                        .autocomplete("address-line1").maxlength(120).errors(ctx, errors).render())
                    div.field-row {
                        (Field::new("postal_code", ctx.t("field-postal-code"), "text").value(&form.postal_code)
                            .autocomplete("postal-code").maxlength(12).errors(ctx, errors).render())
                        (Field::new("city", ctx.t("field-city"), "text").value(&form.city)
                            .autocomplete("address-level2").maxlength(80).errors(ctx, errors).render())
                    }
                    (Field::new("country", ctx.t("field-country"), "").value(&form.country)
                        .errors(ctx, errors).select(&countries, Some(&ctx.t("select-placeholder"))))
                }
                fieldset {
                    legend { (ctx.t("register-legend-security")) }
                    p.hint { (ctx.t("register-security-hint")) }
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
                button.button.primary type="submit" { (ctx.t("register-submit")) }
            }
            p { (ctx.t("register-have-account")) " " a href="/login" { (ctx.t("login-submit")) } }
        }
    };
    layout::page(ctx, &title, body)
}

/// After registering (new or known e-mail alike): "check your mailbox".
pub fn register_sent(ctx: &PageCtx) -> Markup {
    let hours = ctx.config.security.confirmation_hours.to_string();
    card_page(
        ctx,
        &ctx.t("register-sent-title"),
        html! {
            p.lead { (ctx.t_args("register-sent-text", &args(&[("hours", &hours)]))) }
            p { (ctx.t("register-sent-spam")) " " a href="/confirm/resend" { (ctx.t("confirm-resend-link")) } }
        },
    )
}

/// A second person registering an existing company.
pub fn company_exists(ctx: &PageCtx, company: &str) -> Markup {
    card_page(
        ctx,
        &ctx.t("company-exists-title"),
        html! {
            p.lead { (ctx.t_args("company-exists-text", &args(&[("company", company)]))) }
            p { (ctx.t("company-exists-next")) }
            a.button.secondary href="/" { (ctx.t("error-back-home")) }
        },
    )
}

/// The page behind a confirmation link.
pub fn confirm_result(ctx: &PageCtx, state: LinkState) -> Markup {
    let (title, text) = match state {
        LinkState::Done => ("confirm-done-title", "confirm-done-text"),
        LinkState::Used => ("confirm-used-title", "confirm-used-text"),
        LinkState::Expired => ("confirm-expired-title", "confirm-expired-text"),
        LinkState::Unknown => ("confirm-unknown-title", "confirm-unknown-text"),
    };
    card_page(
        ctx,
        &ctx.t(title),
        html! {
            @if state == LinkState::Done {
                (notice("success", &ctx.t(text)))
            } @else {
                p.lead { (ctx.t(text)) }
            }
            p.actions {
                @match state {
                    LinkState::Done | LinkState::Used => a.button.primary href="/login" { (ctx.t("login-submit")) },
                    _ => a.button.primary href="/confirm/resend" { (ctx.t("confirm-resend-link")) },
                }
            }
        },
    )
}

/// Asking for a new confirmation link.
pub fn resend(ctx: &PageCtx, email: &str, errors: &Errors, sent: bool) -> Markup {
    card_page(
        ctx,
        &ctx.t("confirm-resend-title"),
        html! {
            @if sent {
                (notice("success", &ctx.t("confirm-resend-sent")))
            }
            p { (ctx.t("confirm-resend-text")) }
            form method="post" action="/confirm/resend" novalidate {
                (csrf_field(ctx))
                (Field::new("email", ctx.t("field-email"), "email").value(email).autocomplete("email")
                    .errors(ctx, errors).render())
                button.button.primary type="submit" { (ctx.t("confirm-resend-submit")) }
            }
        },
    )
}

/// The log-in page; `message` explains a refused attempt.
pub fn login(ctx: &PageCtx, email: &str, next: &str, message: Option<&str>) -> Markup {
    login_with(ctx, email, next, message, &Errors::new())
}

/// The log-in page with errors next to its fields (a field left empty).
pub fn login_with(
    ctx: &PageCtx,
    email: &str,
    next: &str,
    message: Option<&str>,
    errors: &Errors,
) -> Markup {
    card_page(
        ctx,
        &ctx.t("login-heading"),
        html! {
            @if let Some(m) = message {
                div.notice.error role="alert" {
                    (ctx.t(m))
                    @if m == "login-unconfirmed" {
                        " " a href="/confirm/resend" { (ctx.t("confirm-resend-link")) }
                    }
                    @if m == "login-blocked" {
                        " " a href="/contact" { (ctx.t("login-blocked-contact")) }
                    }
                }
            }
            form method="post" action="/login" novalidate {
                (csrf_field(ctx))
                input type="hidden" name="next" value=(next);
                (Field::new("email", ctx.t("login-email"), "email").value(email).autocomplete("username")
                    .maxlength(254).errors(ctx, errors).render())
                (Field::new("password", ctx.t("login-password"), "password").autocomplete("current-password")
                    .errors(ctx, errors).render())
                button.button.primary.full type="submit" { (ctx.t("login-submit")) }
            }
            p.small.center { a href="/password/forgot" { (ctx.t("login-forgot")) } }
            p.small.center { (ctx.t("register-heading")) " " a href="/register" { (ctx.t("register-cta")) } }
        },
    )
}

/// Recovery, step 1: the e-mail address.
pub fn forgot_email(ctx: &PageCtx, email: &str, errors: &Errors, locked: bool) -> Markup {
    let max = ctx.config.security.max_failed_logins.to_string();
    card_page(
        ctx,
        &ctx.t("forgot-title"),
        html! {
            @if locked {
                div.notice.warning role="alert" { (ctx.t_args("forgot-locked", &args(&[("max", &max)]))) }
            }
            p { (ctx.t("forgot-intro")) }
            form method="post" action="/password/forgot" novalidate {
                (csrf_field(ctx))
                (Field::new("email", ctx.t("field-email"), "email").value(email).autocomplete("username")
                    .errors(ctx, errors).render())
                button.button.primary type="submit" { (ctx.t("forgot-next")) }
            }
        },
    )
}

/// Recovery, step 2: the security question.
pub fn forgot_question(
    ctx: &PageCtx,
    email: &str,
    question: SecurityQuestion,
    errors: &Errors,
) -> Markup {
    card_page(
        ctx,
        &ctx.t("forgot-title"),
        html! {
            @if errors.get("security_answer") == Some("login-blocked") {
                div.notice.error role="alert" {
                    (ctx.t("login-blocked")) " "
                    a href="/contact" { (ctx.t("login-blocked-contact")) }
                }
            }
            p { (ctx.t_args("forgot-question-intro", &args(&[("email", email)]))) }
            form method="post" action="/password/forgot" novalidate {
                (csrf_field(ctx))
                input type="hidden" name="email" value=(email);
                (Field::new("security_answer", ctx.t(&question.message_id()), "text")
                    .hint(ctx.t("forgot-answer-hint")).autocomplete("off").maxlength(100)
                    .errors(ctx, errors).render())
                button.button.primary type="submit" { (ctx.t("forgot-send")) }
            }
        },
    )
}

/// Recovery: the link is on its way.
pub fn forgot_sent(ctx: &PageCtx) -> Markup {
    let minutes = ctx.config.security.reset_minutes.to_string();
    card_page(
        ctx,
        &ctx.t("forgot-sent-title"),
        html! {
            p.lead { (ctx.t_args("forgot-sent-text", &args(&[("minutes", &minutes)]))) }
        },
    )
}

/// The new-password form behind a reset link.
pub fn reset_form(ctx: &PageCtx, token: &str, errors: &Errors) -> Markup {
    card_page(
        ctx,
        &ctx.t("reset-title"),
        html! {
            (error_summary(ctx, errors))
            form method="post" action={ "/password/reset/" (token) } novalidate {
                (csrf_field(ctx))
                (Field::new("password", ctx.t("field-new-password"), "password").hint(ctx.t("password-hint"))
                    .autocomplete("new-password").maxlength(128).errors(ctx, errors).render())
                (Field::new("password_confirm", ctx.t("field-password-confirm"), "password")
                    .autocomplete("new-password").maxlength(128).errors(ctx, errors).render())
                button.button.primary type="submit" { (ctx.t("reset-submit")) }
            }
        },
    )
}

/// A reset link that no longer works.
pub fn reset_invalid(ctx: &PageCtx, state: LinkState) -> Markup {
    let text = match state {
        LinkState::Used => "reset-used-text",
        LinkState::Expired => "reset-expired-text",
        _ => "reset-unknown-text",
    };
    card_page(
        ctx,
        &ctx.t("reset-invalid-title"),
        html! {
            p.lead { (ctx.t(text)) }
            a.button.primary href="/password/forgot" { (ctx.t("reset-again")) }
        },
    )
}

/// The password was set.
pub fn reset_done(ctx: &PageCtx) -> Markup {
    card_page(
        ctx,
        &ctx.t("reset-done-title"),
        html! {
            (notice("success", &ctx.t("reset-done-text")))
            a.button.primary href="/login" { (ctx.t("login-submit")) }
        },
    )
}

/// After following an e-mail change link: done (log in with the new address), or why
/// not (expired, used, unknown, the address taken meanwhile).
pub fn email_change_result(ctx: &PageCtx, state: Option<LinkState>, email: &str) -> Markup {
    let (title, text) = match state {
        Some(LinkState::Done) => ("email-change-done-title", "email-change-done-text"),
        Some(LinkState::Used) => ("confirm-used-title", "email-change-used-text"),
        Some(LinkState::Expired) => ("confirm-expired-title", "email-change-expired-text"),
        Some(LinkState::Unknown) => ("confirm-unknown-title", "email-change-unknown-text"),
        None => ("email-change-taken-title", "email-change-taken-text"),
    };
    card_page(
        ctx,
        &ctx.t(title),
        html! {
            @if state == Some(LinkState::Done) {
                (notice("success", &ctx.t_args(text, &args(&[("email", email)]))))
            } @else {
                p.lead { (ctx.t(text)) " " a href="/contact" { (ctx.t("login-blocked-contact")) } }
            }
            p.actions { a.button.primary href="/login" { (ctx.t("login-submit")) } }
        },
    )
}

/// What the registration form sends (and shows again when refused).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub email: String,
    pub password: String,
    pub password_confirm: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub account_type: String,
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub language: String,
    pub security_question: String,
    pub security_answer: String,
    pub accept_terms: String,
}
