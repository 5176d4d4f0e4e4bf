//! Two-step log-in pages: its place under "My access data" (set up, the QR code and the
//! key as text, the recovery codes shown once, new codes, turning it off), the log-in's
//! second step, and the service team's reset form on a person's page.

use maud::{Markup, html};

use super::components::{Errors, Field, csrf_field, error_summary, notice};
use super::format;
use super::layout;
use super::qr;
use crate::i18n::args;
use crate::views::PageCtx;

/// An account's two-step log-in as "My access data" shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Log-in asks for the password only (a set-up begun and not confirmed counts
    /// as off).
    Off,
    /// Log-in asks for a code after the password.
    On {
        /// Since when (unix seconds).
        since: u64,
        /// Recovery codes not used yet.
        recovery_left: usize,
    },
}

impl Status {
    /// Whether log-in asks for a code.
    pub fn is_on(&self) -> bool {
        matches!(self, Status::On { .. })
    }
}

/// A set-up waiting for its first code: what the authenticator app is given.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The shared secret in base32, in groups of four, to type.
    pub key: String,
    /// The `otpauth://` link the QR code carries.
    pub uri: String,
}

/// What `/account/two-factor` shows.
#[derive(Debug)]
pub enum TwoFactorPage<'a> {
    /// Not on: the password opens set-up.
    Off { errors: &'a Errors },
    /// Set-up begun: scan or type the key, then confirm with a code.
    Setup {
        setup: &'a Setup,
        code: &'a str,
        errors: &'a Errors,
    },
    /// Just turned on or renewed: the recovery codes, shown this once.
    Codes { codes: &'a [String], first: bool },
    /// On: new recovery codes, or off.
    On {
        status: &'a Status,
        renew_errors: &'a Errors,
        off_errors: &'a Errors,
        /// Staff cannot turn it off while the instance requires it.
        may_turn_off: bool,
    },
}

/// `/account/two-factor` in one of its states; `required` when a staff member must set
/// it up before anything else opens.
pub fn page(ctx: &PageCtx, state: &TwoFactorPage<'_>, required: bool, saved: &str) -> Markup {
    let title = ctx.t("two-factor-title");
    let body = html! {
        p.breadcrumb { a href="/account/access" { (ctx.t("nav-access")) } }
        h1 { (title) }
        @if saved == "codes" {
            (notice("success", &ctx.t("saved-two-factor-on")))
        }
        @if required {
            div.notice.warning role="alert" { (ctx.t("two-factor-required-notice")) }
        }
        @match state {
            TwoFactorPage::Off { errors } => (off(ctx, errors)),
            TwoFactorPage::Setup { setup, code, errors } => (setting_up(ctx, setup, code, errors)),
            TwoFactorPage::Codes { codes, first } => (recovery_codes(ctx, codes, *first)),
            TwoFactorPage::On { status, renew_errors, off_errors, may_turn_off } => {
                (on(ctx, status, renew_errors, off_errors, *may_turn_off))
            }
        }
    };
    layout::page(ctx, &title, body)
}

fn off(ctx: &PageCtx, errors: &Errors) -> Markup {
    html! {
        section.card aria-labelledby="setup-heading" {
            h2 #setup-heading { (ctx.t("two-factor-off-heading")) }
            p { (ctx.t("two-factor-intro")) }
            p.hint { (ctx.t("two-factor-apps")) }
            (error_summary(ctx, errors))
            form method="post" action="/account/two-factor/setup" novalidate {
                (csrf_field(ctx))
                (Field::new("current_password", ctx.t("field-current-password"), "password")
                    .hint(ctx.t("two-factor-password-first")).autocomplete("current-password")
                    .errors(ctx, errors).render())
                button.button.primary type="submit" { (ctx.t("two-factor-start")) }
            }
        }
    }
}

fn setting_up(ctx: &PageCtx, setup: &Setup, code: &str, errors: &Errors) -> Markup {
    let label = ctx.t("two-factor-qr-label");
    html! {
        section.card aria-labelledby="scan-heading" {
            h2 #scan-heading { (ctx.t("two-factor-setup-heading")) }
            (error_summary(ctx, errors))
            ol.steps {
                li {
                    p { (ctx.t("two-factor-step-scan")) }
                    @if let Some(svg) = qr::svg(&setup.uri, &label, 220) {
                        div.qr-frame { (svg) }
                    }
                }
                li {
                    p { (ctx.t("two-factor-step-type")) }
                    p.secret-key {
                        span.visually-hidden { (ctx.t("two-factor-key")) ": " }
                        code #two-factor-key { (setup.key) }
                    }
                    p.hint { (ctx.t("two-factor-key-hint")) }
                }
                li {
                    form method="post" action="/account/two-factor/confirm" novalidate {
                        (csrf_field(ctx))
                        (Field::new("code", ctx.t("two-factor-code"), "text").value(code)
                            .hint(ctx.t("two-factor-code-hint")).autocomplete("one-time-code")
                            .maxlength(7).errors(ctx, errors).render())
                        button.button.primary type="submit" { (ctx.t("two-factor-confirm")) }
                    }
                }
            }
        }
    }
}

fn recovery_codes(ctx: &PageCtx, codes: &[String], first: bool) -> Markup {
    html! {
        section.card aria-labelledby="codes-heading" {
            h2 #codes-heading { (ctx.t("two-factor-codes-heading")) }
            @if first {
                (notice("success", &ctx.t("two-factor-now-on")))
            }
            p { (ctx.t("two-factor-codes-intro")) }
            div.notice.warning { (ctx.t("two-factor-codes-once")) }
            ol.recovery-codes #recovery-codes {
                @for code in codes {
                    li { code { (code) } }
                }
            }
            p { a.button.primary href="/account/two-factor?saved=codes" { (ctx.t("two-factor-codes-saved")) } }
        }
    }
}

fn on(
    ctx: &PageCtx,
    status: &Status,
    renew_errors: &Errors,
    off_errors: &Errors,
    may_turn_off: bool,
) -> Markup {
    let (since, left) = match status {
        Status::On {
            since,
            recovery_left,
        } => (format::date(*since), recovery_left.to_string()),
        Status::Off => (String::new(), "0".to_owned()),
    };
    html! {
        section.card aria-labelledby="state-heading" {
            h2 #state-heading { (ctx.t("two-factor-on-heading")) }
            p { (ctx.t_args("two-factor-on-since", &args(&[("date", &since)]))) }
            p #recovery-left { (ctx.t_args("two-factor-recovery-left", &args(&[("count", &left)]))) }
        }
        div.columns {
            section.card aria-labelledby="renew-heading" {
                h2 #renew-heading { (ctx.t("two-factor-renew-heading")) }
                p.hint { (ctx.t("two-factor-renew-hint")) }
                (error_summary(ctx, renew_errors))
                form method="post" action="/account/two-factor/recovery-codes" novalidate {
                    (csrf_field(ctx))
                    (Field::new("current_password", ctx.t("field-current-password"), "password")
                        .id("r_current_password").autocomplete("current-password")
                        .errors(ctx, renew_errors).render())
                    button.button type="submit" { (ctx.t("two-factor-renew")) }
                }
            }
            section.card aria-labelledby="off-heading" {
                h2 #off-heading { (ctx.t("two-factor-turn-off-heading")) }
                @if may_turn_off {
                    p.hint { (ctx.t("two-factor-turn-off-hint")) }
                    (error_summary(ctx, off_errors))
                    form method="post" action="/account/two-factor/off" novalidate {
                        (csrf_field(ctx))
                        (Field::new("current_password", ctx.t("field-current-password"), "password")
                            .id("o_current_password").autocomplete("current-password")
                            .errors(ctx, off_errors).render())
                        (Field::new("code", ctx.t("two-factor-code-or-recovery"), "text").id("o_code")
                            .autocomplete("one-time-code").maxlength(24).errors(ctx, off_errors).render())
                        button.button.danger type="submit" { (ctx.t("two-factor-turn-off")) }
                    }
                } @else {
                    p { (ctx.t("two-factor-required-staff")) }
                }
            }
        }
    }
}

/// The log-in's second step: a code from the authenticator, or a recovery code.
pub fn login_code(ctx: &PageCtx, next: &str, message: Option<&'static str>) -> Markup {
    let mut errors = Errors::new();
    if let Some(message) = message {
        errors.add("code", message);
    }
    super::accounts::card_page(
        ctx,
        &ctx.t("login-code-heading"),
        html! {
            p { (ctx.t("login-code-intro")) }
            form method="post" action="/login/code" novalidate {
                (csrf_field(ctx))
                input type="hidden" name="next" value=(next);
                (Field::new("code", ctx.t("two-factor-code-or-recovery"), "text")
                    .hint(ctx.t("login-code-hint")).autocomplete("one-time-code")
                    .maxlength(24).errors(ctx, &errors).render())
                button.button.primary.full type="submit" { (ctx.t("login-code-submit")) }
            }
            p.small.center { a href="/login" { (ctx.t("login-code-restart")) } }
        },
    )
}

/// The service team's form to reset a customer's two-step log-in (on their page).
pub fn reset_form(ctx: &PageCtx, person_id: u64, reason: &str, errors: &Errors) -> Markup {
    let action = format!("/service/users/{person_id}/two-factor/reset");
    html! {
        form method="post" action=(action) novalidate {
            (csrf_field(ctx))
            (Field::new("reason", ctx.t("service-two-factor-reason"), "text").id("two_factor_reason")
                .value(reason).hint(ctx.t("service-two-factor-reason-hint")).maxlength(500)
                .errors(ctx, errors).render())
            button.button.danger type="submit" { (ctx.t("service-two-factor-reset")) }
        }
    }
}
