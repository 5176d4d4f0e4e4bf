//! The first run's pages: the set-up form that creates the first service-team account,
//! what a used or unknown link shows, and the notice an instance without a service team
//! shows its visitors instead of taking requests nobody could read.

use maud::{Markup, html};
use serde::Deserialize;

use super::accounts::card_page;
use super::components::{Errors, Field, csrf_field, error_summary};
use crate::views::PageCtx;

/// What the set-up form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetupForm {
    pub email: String,
    pub name: String,
    pub password: String,
    pub password_confirm: String,
}

/// The notice of an instance that has no service team yet.
pub fn not_set_up(ctx: &PageCtx) -> Markup {
    html! {
        div.notice.warning role="status" #not-set-up {
            strong { (ctx.t("first-run-not-set-up")) } " " (ctx.t("first-run-not-set-up-detail"))
        }
    }
}

/// A page that takes requests, on an instance that cannot read them yet.
pub fn requests_closed(ctx: &PageCtx) -> Markup {
    card_page(
        ctx,
        &ctx.t("first-run-closed-title"),
        html! {
            (not_set_up(ctx))
            p { a href="/" { (ctx.t("first-run-back")) } }
        },
    )
}

/// `GET /setup/{token}`: the first staff account's form.
pub fn setup_page(ctx: &PageCtx, token: &str, form: &SetupForm, errors: &Errors) -> Markup {
    let action = format!("/setup/{token}");
    card_page(
        ctx,
        &ctx.t("first-run-title"),
        html! {
            p { (ctx.t("first-run-intro")) }
            (error_summary(ctx, errors))
            form method="post" action=(action) novalidate {
                (csrf_field(ctx))
                (Field::new("email", ctx.t("field-email"), "email").value(&form.email)
                    .autocomplete("username").maxlength(254).errors(ctx, errors).render())
                (Field::new("name", ctx.t("first-run-name"), "text").value(&form.name)
                    .hint(ctx.t("first-run-name-hint")).autocomplete("name").maxlength(120)
                    .errors(ctx, errors).render())
                (Field::new("password", ctx.t("field-password"), "password").hint(ctx.t("password-hint"))
                    .autocomplete("new-password").maxlength(128).errors(ctx, errors).render())
                (Field::new("password_confirm", ctx.t("field-password-confirm"), "password")
                    .autocomplete("new-password").maxlength(128).errors(ctx, errors).render())
                button.button.primary type="submit" { (ctx.t("first-run-submit")) }
            }
        },
    )
}

/// The set-up is done: log in (and set up two-step log-in) next.
pub fn setup_done(ctx: &PageCtx, email: &str) -> Markup {
    card_page(
        ctx,
        &ctx.t("first-run-done-title"),
        html! {
            p { (ctx.t_args("first-run-done", &crate::i18n::args(&[("email", email)]))) }
            p { a.button.primary href="/login?next=/service" { (ctx.t("login-submit")) } }
        },
    )
}

/// A set-up link that no longer opens the form: `set_up` when a staff account exists.
pub fn setup_closed(ctx: &PageCtx, set_up: bool) -> Markup {
    let message = if set_up {
        "first-run-set-up-already"
    } else {
        "first-run-link-invalid"
    };
    card_page(
        ctx,
        &ctx.t("first-run-title"),
        html! {
            p { (ctx.t(message)) }
            p { a href="/login" { (ctx.t("login-submit")) } }
        },
    )
}
