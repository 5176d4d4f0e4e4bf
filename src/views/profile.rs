//! "My profile" and "My access data".

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::{layout, sessions};
use crate::domain::Country;
use crate::domain::security_question::QUESTIONS;
use crate::i18n::Lang;
use crate::store::sessions::SessionInfo;
use crate::store::users::{DeliveryAddress, User};
use crate::views::PageCtx;

/// Everything the profile page shows.
pub struct ProfileData<'a> {
    pub user: &'a User,
    /// Company name and the person's role in it.
    pub company: Option<(&'a str, &'a str)>,
    pub form: &'a ProfileForm,
    pub errors: &'a Errors,
    pub address: &'a AddressForm,
    pub address_errors: &'a Errors,
    /// Which change was just saved.
    pub saved: &'a str,
    /// Whether the weekly warranty reminder is on, for those it is for (a company's
    /// administrators, plant operators).
    pub reminders: Option<bool>,
}

fn saved_notice(ctx: &PageCtx, saved: &str) -> Markup {
    let id = match saved {
        "profile" => "saved-profile",
        "address" => "saved-address",
        "address-deleted" => "saved-address-deleted",
        "reminders-on" => "saved-reminders-on",
        "reminders-off" => "saved-reminders-off",
        "password" => "saved-password",
        "question" => "saved-question",
        "session-ended" => "saved-session-ended",
        "sessions-ended" => "saved-sessions-ended",
        "two-factor-off" => "saved-two-factor-off",
        "stepped-down" => "saved-stepped-down",
        "joined" => "saved-joined",
        _ => return html! {},
    };
    notice("success", &ctx.t(id))
}

pub(crate) fn countries(ctx: &PageCtx) -> Vec<(String, String)> {
    Country::all()
        .map(|c| (c.code().to_owned(), c.name(ctx.lang).to_owned()))
        .collect()
}

/// The fields of a delivery address (without the "make default" box).
///
/// `required`: whether the address must be filled in (not when it is one choice of
/// several, as the replacement form's new address next to saved ones).
pub(crate) fn address_inputs(
    ctx: &PageCtx,
    form: &AddressForm,
    errors: &Errors,
    required: bool,
) -> Markup {
    fn need(f: Field<'_>, required: bool) -> Field<'_> {
        if required { f } else { f.optional() }
    }
    html! {
        (need(Field::new("recipient", ctx.t("field-recipient"), "text").value(&form.recipient)
            .hint(ctx.t("field-recipient-hint")).maxlength(120).errors(ctx, errors), required).render())
        (need(Field::new("street", ctx.t("field-street"), "text").value(&form.street)
            .autocomplete("address-line1").maxlength(120).errors(ctx, errors), required).render())
        div.field-row {
            (need(Field::new("postal_code", ctx.t("field-postal-code"), "text").value(&form.postal_code)
                .autocomplete("postal-code").maxlength(12).errors(ctx, errors), required).render())
            (need(Field::new("city", ctx.t("field-city"), "text").value(&form.city)
                .autocomplete("address-level2").maxlength(80).errors(ctx, errors), required).render())
        }
        (need(Field::new("country", ctx.t("field-country"), "").value(&form.country)
            .errors(ctx, errors), required).select(&countries(ctx), Some(&ctx.t("select-placeholder"))))
    }
}

fn address_fields(ctx: &PageCtx, form: &AddressForm, errors: &Errors) -> Markup {
    html! {
        (address_inputs(ctx, form, errors, true))
        (checkbox(ctx, "make_default", html! { (ctx.t("address-make-default")) }, form.make_default == "on", errors))
    }
}

pub(crate) fn address_text(ctx: &PageCtx, a: &DeliveryAddress) -> Markup {
    let country =
        Country::parse(&a.country).map_or(a.country.clone(), |c| c.name(ctx.lang).to_owned());
    html! {
        address {
            strong { (a.recipient) } br;
            (a.street) br;
            (a.postal_code) " " (a.city) br;
            (country)
        }
    }
}

/// `GET /profile`
pub fn profile(ctx: &PageCtx, d: &ProfileData<'_>) -> Markup {
    let title = ctx.t("nav-profile");
    let languages: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let body = html! {
        h1 { (title) }
        (saved_notice(ctx, d.saved))
        div.columns {
            section.card aria-labelledby="contact-heading" {
                h2 #contact-heading { (ctx.t("profile-contact")) }
                dl.facts {
                    dt { (ctx.t("field-email")) }
                    dd {
                        (d.user.email)
                        p.hint { (ctx.t("profile-email-fixed")) " " a href="/contact?topic=account" { (ctx.t("profile-email-contact")) } }
                    }
                    @if let Some((company, role)) = d.company {
                        dt { (ctx.t("profile-company")) }
                        dd { (company) " " span.badge { (role) } }
                    }
                }
                (error_summary(ctx, d.errors))
                form method="post" action="/profile" novalidate {
                    (csrf_field(ctx))
                    (Field::new("first_name", ctx.t("field-first-name"), "text").value(&d.form.first_name)
                        .autocomplete("given-name").maxlength(80).errors(ctx, d.errors).render())
                    (Field::new("last_name", ctx.t("field-last-name"), "text").value(&d.form.last_name)
                        .autocomplete("family-name").maxlength(80).errors(ctx, d.errors).render())
                    (Field::new("phone", ctx.t("field-phone"), "tel").value(&d.form.phone)
                        .autocomplete("tel").maxlength(30).errors(ctx, d.errors).render())
                    (Field::new("language", ctx.t("field-language"), "").value(&d.form.language)
                        .hint(ctx.t("profile-language-hint")).errors(ctx, d.errors).select(&languages, None))
                    fieldset {
                        legend { (ctx.t("profile-info-requests")) }
                        p.hint { (ctx.t("profile-info-hint")) }
                        @for topic in INFO_TOPICS {
                            @let name = format!("info_{}", topic.replace('-', "_"));
                            @let checked = match topic {
                                "product-news" => d.form.info_product_news == "on",
                                "service-notices" => d.form.info_service_notices == "on",
                                _ => d.form.info_training == "on",
                            };
                            @let since = d.user.info_requests.iter().find(|r| r.topic == topic).map(|r| r.since);
                            (checkbox(ctx, &name, html! {
                                (ctx.t(&format!("info-topic-{topic}")))
                                @if let Some(since) = since {
                                    " " span.hint { "(" (ctx.t("profile-info-since")) " " (super::format::when_date(since)) ")" }
                                }
                            }, checked, d.errors))
                        }
                    }
                    button.button.primary type="submit" { (ctx.t("profile-save")) }
                }
            }
            div {
                section.card #addresses aria-labelledby="addresses-heading" {
                    h2 #addresses-heading { (ctx.t("profile-addresses")) }
                    p.hint { (ctx.t("profile-addresses-hint")) }
                    @if d.user.addresses.is_empty() {
                        p.empty { (ctx.t("profile-addresses-empty")) }
                    }
                    ul.address-list {
                        @for a in &d.user.addresses {
                            @let is_default = d.user.default_address == Some(a.id);
                            li {
                                (address_text(ctx, a))
                                @if is_default { span.badge.ok { (ctx.t("address-default")) } }
                                div.row-actions {
                                    a href={ "/profile/addresses/" (a.id) } { (ctx.t("action-edit")) }
                                    @if !is_default {
                                        form.inline method="post" action={ "/profile/addresses/" (a.id) "/default" } {
                                            (csrf_field(ctx))
                                            button.link type="submit" { (ctx.t("address-make-default")) }
                                        }
                                    }
                                    a href={ "/profile/addresses/" (a.id) "/delete" } { (ctx.t("action-delete")) }
                                }
                            }
                        }
                    }
                    details.add-address open[!d.address_errors.is_empty()] {
                        summary { (ctx.t("address-add")) }
                        (error_summary(ctx, d.address_errors))
                        form method="post" action="/profile/addresses" novalidate {
                            (csrf_field(ctx))
                            (address_fields(ctx, d.address, d.address_errors))
                            button.button.secondary type="submit" { (ctx.t("address-add")) }
                        }
                    }
                }
                @if let Some(on) = d.reminders {
                    section.card #reminders aria-labelledby="reminders-heading" {
                        h2 #reminders-heading { (ctx.t("reminders-heading")) }
                        p.hint { (ctx.t("reminders-intro")) }
                        form method="post" action="/profile/reminders" {
                            (csrf_field(ctx))
                            (checkbox(ctx, "weekly", html! { (ctx.t("reminders-on")) }, on, &Errors::new()))
                            button.button.secondary type="submit" { (ctx.t("profile-save")) }
                        }
                    }
                }
                section.card aria-labelledby="legal-heading" {
                    h2 #legal-heading { (ctx.t("profile-legal")) }
                    ul.plain {
                        li { a href="/privacy/download" download { (ctx.t("legal-privacy-download")) } }
                        li { a href="/terms/download" download { (ctx.t("legal-terms-download")) } }
                    }
                }
                section.card aria-labelledby="data-heading" {
                    h2 #data-heading { (ctx.t("data-title")) }
                    p.hint { (ctx.t("data-intro")) }
                    p { a.button.secondary href="/profile/data" { (ctx.t("data-title")) } }
                }
            }
        }
    };
    layout::page(ctx, &title, body)
}

/// `GET /profile/addresses/{id}`
pub fn edit_address(ctx: &PageCtx, id: u32, form: &AddressForm, errors: &Errors) -> Markup {
    let title = ctx.t("address-edit");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    (error_summary(ctx, errors))
                    form method="post" action={ "/profile/addresses/" (id) } novalidate {
                        (csrf_field(ctx))
                        (address_fields(ctx, form, errors))
                        div.actions {
                            button.button.primary type="submit" { (ctx.t("profile-save")) }
                            a.button.secondary href="/profile#addresses" { (ctx.t("action-cancel")) }
                        }
                    }
                }
            }
        },
    )
}

/// `GET /profile/addresses/{id}/delete`
pub fn confirm_delete_address(ctx: &PageCtx, a: &DeliveryAddress) -> Markup {
    let title = ctx.t("address-delete-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    p { (ctx.t("address-delete-text")) }
                    (address_text(ctx, a))
                    form method="post" action={ "/profile/addresses/" (a.id) "/delete" } {
                        (csrf_field(ctx))
                        div.actions {
                            button.button.danger type="submit" { (ctx.t("action-delete")) }
                            a.button.secondary href="/profile#addresses" { (ctx.t("action-cancel")) }
                        }
                    }
                }
            }
        },
    )
}

/// `GET /account/access`
/// Whose access data the page shows: the account, its sessions, and the session asking.
#[derive(Debug)]
pub struct AccessOf<'a> {
    pub user: &'a User,
    pub sessions: Vec<SessionInfo>,
    pub current: [u8; 32],
    /// Whether log-in asks for a second step.
    pub two_factor: super::two_factor::Status,
    /// How many API access tokens the person holds.
    pub api_tokens: usize,
}

pub fn access(
    ctx: &PageCtx,
    of: &AccessOf<'_>,
    saved: &str,
    password_errors: &Errors,
    question_errors: &Errors,
    question: &str,
    answer: &str,
) -> Markup {
    let user = of.user;
    let title = ctx.t("nav-access");
    let questions: Vec<(String, String)> = QUESTIONS
        .iter()
        .map(|q| ((*q).to_owned(), ctx.t(&format!("security-question-{q}"))))
        .collect();
    let current_question = if question.is_empty() {
        user.security_question.as_str()
    } else {
        question
    };
    let body = html! {
        h1 { (title) }
        (saved_notice(ctx, saved))
        div.columns {
            section.card aria-labelledby="password-heading" {
                h2 #password-heading { (ctx.t("access-password")) }
                p.hint { (ctx.t("access-password-hint")) }
                (error_summary(ctx, password_errors))
                form method="post" action="/account/password" novalidate {
                    (csrf_field(ctx))
                    input type="hidden" name="username" value=(user.email) autocomplete="username";
                    (Field::new("current_password", ctx.t("field-current-password"), "password")
                        .autocomplete("current-password").errors(ctx, password_errors).render())
                    (Field::new("password", ctx.t("field-new-password"), "password").hint(ctx.t("password-hint"))
                        .autocomplete("new-password").maxlength(128).errors(ctx, password_errors).render())
                    (Field::new("password_confirm", ctx.t("field-password-confirm"), "password")
                        .autocomplete("new-password").maxlength(128).errors(ctx, password_errors).render())
                    button.button.primary type="submit" { (ctx.t("access-password-submit")) }
                }
            }
            section.card aria-labelledby="question-heading" {
                h2 #question-heading { (ctx.t("access-question")) }
                p.hint { (ctx.t("register-security-hint")) }
                (error_summary(ctx, question_errors))
                form method="post" action="/account/security-question" novalidate {
                    (csrf_field(ctx))
                    (Field::new("current_password", ctx.t("field-current-password"), "password").id("q_current_password")
                        .autocomplete("current-password").errors(ctx, question_errors).render())
                    (Field::new("security_question", ctx.t("field-security-question"), "").value(current_question)
                        .errors(ctx, question_errors).select(&questions, None))
                    (Field::new("security_answer", ctx.t("field-security-answer"), "text").value(answer)
                        .hint(ctx.t("security-answer-hint")).autocomplete("off").maxlength(100)
                        .errors(ctx, question_errors).render())
                    button.button.primary type="submit" { (ctx.t("access-question-submit")) }
                }
            }
        }
        section.card #two-factor aria-labelledby="two-factor-heading" {
            h2 #two-factor-heading { (ctx.t("two-factor-title")) }
            @match &of.two_factor {
                super::two_factor::Status::On { since, .. } => {
                    p { (ctx.t_args("two-factor-on-since", &crate::i18n::args(&[("date", &super::format::date(*since))]))) }
                    p { a.button href="/account/two-factor" { (ctx.t("two-factor-manage")) } }
                }
                super::two_factor::Status::Off => {
                    p { (ctx.t("two-factor-off-summary")) }
                    p { a.button.primary href="/account/two-factor" { (ctx.t("two-factor-set-up")) } }
                }
            }
        }
        section.card #api-tokens aria-labelledby="api-tokens-heading" {
            h2 #api-tokens-heading { (ctx.t("api-tokens-title")) }
            p { (ctx.t_args("api-tokens-summary", &crate::i18n::args(&[("count", &of.api_tokens.to_string())]))) }
            p { a.button href="/account/tokens" { (ctx.t("api-tokens-manage")) } }
        }
        section.card #sessions aria-labelledby="sessions-heading" {
            h2 #sessions-heading { (ctx.t("sessions-heading")) }
            p.hint { (ctx.t("sessions-hint")) }
            (sessions::table(ctx, &of.sessions, sessions::Owner::Me { current: of.current }))
        }
    };
    layout::page(ctx, &title, body)
}

/// What the delivery-address form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddressForm {
    pub recipient: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub make_default: String,
}

/// The information requests a person can opt into.
pub const INFO_TOPICS: [&str; 3] = ["product-news", "service-notices", "training"];

/// What the contact-data form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub language: String,
    pub info_product_news: String,
    pub info_service_notices: String,
    pub info_training: String,
}

impl ProfileForm {
    /// The information topics ticked.
    pub fn topics(&self) -> Vec<String> {
        [
            ("product-news", &self.info_product_news),
            ("service-notices", &self.info_service_notices),
            ("training", &self.info_training),
        ]
        .into_iter()
        .filter(|(_, v)| *v == "on")
        .map(|(t, _)| t.to_owned())
        .collect()
    }
}
