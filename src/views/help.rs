//! The "FAQ & support" page.

use maud::{Markup, html};

use super::layout;
use crate::i18n::args;
use crate::views::PageCtx;

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
    let config = &ctx.config;
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
                h1 { (title) }
                p.lead { (ctx.t("help-intro")) }
                form.search.help-search role="search" method="get" action="/help" {
                    label.visually-hidden for="q" { (ctx.t("help-search-label")) }
                    input #q type="search" name="q" value=(query) placeholder=(ctx.t("help-search-hint"));
                    button.button.secondary type="submit" { (ctx.t("search-submit")) }
                }
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
                p.hint { a href="/help/api" { (ctx.t("help-link-api")) } }
            }
        },
    )
}

/// Every question, by section.
pub const QUESTIONS: [Question; 17] = [
    Question {
        id: "register",
        section: "account",
        link: "/register",
    },
    Question {
        id: "confirm",
        section: "account",
        link: "/confirm/resend",
    },
    Question {
        id: "locked",
        section: "account",
        link: "/password/forgot",
    },
    Question {
        id: "blocked",
        section: "account",
        link: "/contact",
    },
    Question {
        id: "roles",
        section: "account",
        link: "/company/members",
    },
    Question {
        id: "email",
        section: "account",
        link: "/account/access",
    },
    Question {
        id: "plant-first",
        section: "plants",
        link: "/plants/new",
    },
    Question {
        id: "subplants",
        section: "plants",
        link: "/plants",
    },
    Question {
        id: "documents",
        section: "plants",
        link: "/plants",
    },
    Question {
        id: "warranty",
        section: "plants",
        link: "/plants",
    },
    Question {
        id: "import",
        section: "plants",
        link: "/plants/new",
    },
    Question {
        id: "not-registrable",
        section: "plants",
        link: "/info-sheet",
    },
    Question {
        id: "replacement",
        section: "tickets",
        link: "/tickets/replacement",
    },
    Question {
        id: "window",
        section: "tickets",
        link: "/tickets",
    },
    Question {
        id: "search",
        section: "tickets",
        link: "/tickets",
    },
    Question {
        id: "contact",
        section: "contact",
        link: "/contact",
    },
    Question {
        id: "by-mail",
        section: "contact",
        link: "/tickets",
    },
];

/// A question of the FAQ: its id (`help-q-<id>`, `help-a-<id>`), its section, and the
/// page its answer links to with the link's words (`help-link-<id>`).
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub id: &'static str,
    pub section: &'static str,
    pub link: &'static str,
}

/// The sections, in the order shown (`help-section-<id>`).
pub const SECTIONS: [&str; 4] = ["account", "plants", "tickets", "contact"];
