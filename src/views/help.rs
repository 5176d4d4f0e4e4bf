//! The "FAQ & support" page.

use maud::{Markup, html};

use super::layout;
use crate::i18n::args;
use crate::web::context::PageCtx;
use crate::web::help::{QUESTIONS, Question, SECTIONS};

/// A question in the page's language.
pub fn question_text(ctx: &PageCtx, q: &Question) -> String {
    text(ctx, &format!("help-q-{}", q.id))
}

/// An answer's text in the page's language.
pub fn answer_text(ctx: &PageCtx, q: &Question) -> String {
    text(ctx, &format!("help-a-{}", q.id))
}

/// A message of the FAQ with the team's name and the instance's limits filled in.
fn text(ctx: &PageCtx, id: &str) -> String {
    let config = &ctx.state.config;
    let days = config.tickets.visible_days.to_string();
    let attempts = config.security.max_failed_logins.to_string();
    let admins = config.companies.max_admins.to_string();
    let mb = config.uploads.max_document_mb.to_string();
    ctx.t_args(
        id,
        &args(&[
            ("team", &config.branding.team_name),
            ("days", &days),
            ("attempts", &attempts),
            ("admins", &admins),
            ("mb", &mb),
        ]),
    )
}

/// `GET /help`
pub fn help(ctx: &PageCtx, query: &str, found: &[Question]) -> Markup {
    let title = ctx.t("help-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                div.page-head {
                    h1 { (title) }
                    form.search role="search" method="get" action="/help" {
                        label.visually-hidden for="q" { (ctx.t("help-search-label")) }
                        input #q type="search" name="q" value=(query) placeholder=(ctx.t("help-search-hint"));
                        button.button.secondary type="submit" { (ctx.t("search-submit")) }
                    }
                }
                p.lead { (ctx.t("help-intro")) }
                @if !query.is_empty() {
                    p role="status" {
                        (ctx.t_args("help-results", &args(&[("count", &found.len().to_string()), ("query", query)])))
                        " · " a href="/help" { (ctx.t("search-clear")) }
                    }
                }
                @if found.is_empty() {
                    section.card {
                        p { (ctx.t("help-none")) }
                        a.button.primary href="/contact" { (ctx.t("help-link-contact")) }
                    }
                }
                @for section in SECTIONS {
                    @let questions: Vec<&Question> = found.iter().filter(|q| q.section == section).collect();
                    @if !questions.is_empty() {
                        section.card.faq aria-labelledby={ "help-" (section) } {
                            h2 id={ "help-" (section) } { (ctx.t(&format!("help-section-{section}"))) }
                            @for q in questions {
                                details id=(q.id) open[!query.is_empty()] {
                                    summary { h3 { (question_text(ctx, q)) } }
                                    @for para in answer_text(ctx, q).split("\n\n") { p { (para) } }
                                    p { a href=(q.link) { (ctx.t(&format!("help-link-{}", q.id))) " →" } }
                                }
                            }
                        }
                    }
                }
                @if found.len() == QUESTIONS.len() {
                    p.hint { (ctx.t("help-more")) " " a href="/contact" { (ctx.t("help-link-contact")) } }
                }
            }
        },
    )
}
