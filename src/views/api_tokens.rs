//! "API access tokens" under "My access data": the person's tokens with their scopes,
//! expiry and last use, each revocable; the form that makes one; and the token shown the
//! one time it is made.

use maud::{Markup, html};
use serde::Deserialize;

use super::components::{Errors, Field, checkbox, csrf_field, error_summary, notice};
use super::format;
use super::layout;
use crate::store::api_tokens::{ApiToken, ApiTokenInfo};
use crate::views::PageCtx;

/// What the form that makes a token sends (a box not ticked is not sent at all).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ApiTokenForm {
    pub name: String,
    pub read: String,
    pub write: String,
    pub company_wide: String,
    pub lifetime: String,
}

impl ApiTokenForm {
    /// The form as it first shows: reading only, for 90 days.
    pub fn initial() -> Self {
        ApiTokenForm {
            name: String::new(),
            read: "on".into(),
            write: String::new(),
            company_wide: String::new(),
            lifetime: "90".into(),
        }
    }
}

/// The lifetimes offered: (form value, message id).
const LIFETIMES: [(&str, &str); 4] = [
    ("90", "api-token-lifetime-90"),
    ("30", "api-token-lifetime-30"),
    ("365", "api-token-lifetime-365"),
    ("never", "api-token-lifetime-never"),
];

/// The scopes of a token in words.
fn scopes(ctx: &PageCtx, token: &ApiToken) -> String {
    let mut words = Vec::new();
    if token.read {
        words.push(ctx.t("api-token-scope-read"));
    }
    if token.write {
        words.push(ctx.t("api-token-scope-write"));
    }
    words.join(", ")
}

/// `/account/tokens`: the tokens (with the time now, to mark expired ones) and the form
/// for a new one. `admin` when the person
/// administers a company (they may make company-wide tokens).
pub fn page(
    ctx: &PageCtx,
    (tokens, now): (&[ApiTokenInfo], u64),
    form: &ApiTokenForm,
    errors: &Errors,
    admin: bool,
    saved: &str,
) -> Markup {
    let title = ctx.t("api-tokens-title");
    let lifetimes: Vec<(String, String)> = LIFETIMES
        .iter()
        .map(|(v, id)| ((*v).to_owned(), ctx.t(id)))
        .collect();
    let body = html! {
        p.breadcrumb { a href="/account/access" { (ctx.t("nav-access")) } }
        h1 { (title) }
        @if saved == "revoked" {
            (notice("success", &ctx.t("saved-api-token-revoked")))
        }
        p.lead { (ctx.t("api-tokens-intro")) }
        section.card #tokens aria-labelledby="tokens-heading" {
            h2 #tokens-heading { (ctx.t("api-tokens-yours")) }
            @if tokens.is_empty() {
                p.empty { (ctx.t("api-tokens-none")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                th scope="col" { (ctx.t("api-token-name")) }
                                th scope="col" { (ctx.t("api-token-scopes")) }
                                th scope="col" { (ctx.t("api-token-created")) }
                                th scope="col" { (ctx.t("api-token-expires")) }
                                th scope="col" { (ctx.t("api-token-last-used")) }
                                th scope="col" { (ctx.t("sessions-actions")) }
                            }
                        }
                        tbody {
                            @for info in tokens {
                                @let t = &info.token;
                                tr {
                                    td {
                                        (t.name)
                                        @if t.company_wide { " " span.badge { (ctx.t("api-token-company-wide-badge")) } }
                                    }
                                    td data-label=(ctx.t("api-token-scopes")) { (scopes(ctx, t)) }
                                    td data-label=(ctx.t("api-token-created")) { (format::when_date(t.created_at)) }
                                    td data-label=(ctx.t("api-token-expires")) {
                                        @match t.expires_at {
                                            Some(at) if !t.is_live(now) => { span.badge.bad { (ctx.t("api-token-expired")) } " " (format::when_date(at)) }
                                            Some(at) => (format::when_date(at)),
                                            None => (ctx.t("api-token-never-expires")),
                                        }
                                    }
                                    td data-label=(ctx.t("api-token-last-used")) {
                                        @match t.last_used_at {
                                            Some(at) => (format::when(at)),
                                            None => (ctx.t("api-token-never-used")),
                                        }
                                    }
                                    td {
                                        form method="post" action={ "/account/tokens/" (info.handle()) "/revoke" } {
                                            (csrf_field(ctx))
                                            button.button.danger type="submit"
                                                aria-label=(ctx.t_args("api-token-revoke-label", &crate::i18n::args(&[("name", &t.name)]))) {
                                                (ctx.t("api-token-revoke"))
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
        section.card #new-token aria-labelledby="new-token-heading" {
            h2 #new-token-heading { (ctx.t("api-token-new")) }
            (error_summary(ctx, errors))
            form method="post" action="/account/tokens" novalidate {
                (csrf_field(ctx))
                (Field::new("name", ctx.t("api-token-name"), "text").value(&form.name)
                    .hint(ctx.t("api-token-name-hint")).maxlength(60).autocomplete("off")
                    .errors(ctx, errors).render())
                fieldset.has-error[errors.get("scopes").is_some()] aria-describedby=[errors.get("scopes").map(|_| "scopes-error")] {
                    legend { (ctx.t("api-token-scopes")) }
                    @if let Some(message) = errors.get("scopes") {
                        p.field-error #scopes-error { span.icon aria-hidden="true" { "⚠" } " " (ctx.t(message)) }
                    }
                    (checkbox(ctx, "read", html! { (ctx.t("api-token-scope-read")) " — " span.hint { (ctx.t("api-token-scope-read-hint")) } }, form.read == "on", errors))
                    (checkbox(ctx, "write", html! { (ctx.t("api-token-scope-write")) " — " span.hint { (ctx.t("api-token-scope-write-hint")) } }, form.write == "on", errors))
                }
                @if admin || errors.get("company_wide").is_some() {
                    (checkbox(ctx, "company_wide", html! { (ctx.t("api-token-company-wide")) " — " span.hint { (ctx.t("api-token-company-wide-hint")) } }, form.company_wide == "on", errors))
                }
                (Field::new("lifetime", ctx.t("api-token-lifetime"), "").value(&form.lifetime)
                    .errors(ctx, errors).select(&lifetimes, None))
                button.button.primary type="submit" { (ctx.t("api-token-create")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}

/// The page right after a token was made: the token, this once.
pub fn made(ctx: &PageCtx, secret: &str, token: &ApiToken) -> Markup {
    let title = ctx.t("api-token-made-title");
    let body = html! {
        p.breadcrumb { a href="/account/tokens" { (ctx.t("api-tokens-title")) } }
        h1 { (title) }
        section.card aria-labelledby="secret-heading" {
            h2 #secret-heading { (token.name) }
            (notice("success", &ctx.t("api-token-made")))
            div.notice.warning { (ctx.t("api-token-once")) }
            p.secret-key {
                span.visually-hidden { (ctx.t("api-token-secret")) ": " }
                code #api-token { (secret) }
            }
            p { (ctx.t("api-token-use")) }
            pre { code { "Authorization: Bearer " (secret) } }
            p { a.button.primary href="/account/tokens" { (ctx.t("api-token-done")) } }
        }
    };
    layout::page(ctx, &title, body)
}
