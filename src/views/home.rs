//! The start page: what the portal is for, the log-in box and "Register for free".

use maud::{Markup, html};

use super::components::{Field, csrf_field};
use super::layout;
use crate::i18n::args;
use crate::views::PageCtx;

/// `GET /`
pub fn start_page(ctx: &PageCtx, set_up: bool) -> Markup {
    let instance = &ctx.config.branding.instance_name;
    let features = [
        ("home-feature-plants", "home-feature-plants-text", "▦"),
        ("home-feature-tickets", "home-feature-tickets-text", "✉"),
        ("home-feature-warranty", "home-feature-warranty-text", "✓"),
    ];
    let body = html! {
        @if !set_up { (super::first_run::not_set_up(ctx)) }
        div.home {
            section.home-intro aria-labelledby="home-heading" {
                h1 #home-heading { (ctx.t("home-heading")) }
                p.lead { (ctx.t_args("home-lead", &args(&[("instance", instance)]))) }
                ul.feature-list {
                    @for (title, text, icon) in features {
                        li {
                            span.feature-icon aria-hidden="true" { (icon) }
                            div {
                                h2 { (ctx.t(title)) }
                                p { (ctx.t(text)) }
                            }
                        }
                    }
                }
            }
            div.home-side {
                section.card.login-box aria-labelledby="login-heading" {
                    h2 #login-heading { (ctx.t("login-heading")) }
                    form method="post" action="/login" novalidate {
                        (csrf_field(ctx))
                        (Field::new("email", ctx.t("login-email"), "email").autocomplete("username").render())
                        (Field::new("password", ctx.t("login-password"), "password").autocomplete("current-password").render())
                        button.button.primary type="submit" { (ctx.t("login-submit")) }
                    }
                    p.small { a href="/password/forgot" { (ctx.t("login-forgot")) } }
                }
                section.card.register-box aria-labelledby="register-heading" {
                    h2 #register-heading { (ctx.t("register-heading")) }
                    p { (ctx.t("register-lead")) }
                    a.button.secondary href="/register" { (ctx.t("register-cta")) }
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("home-title"), body)
}
