//! "FAQ & support" (`/help`): the questions people ask about this portal, each answer
//! linking to the page it talks about; the search box filters the questions on the
//! server, so it works without JavaScript.

use axum::extract::Query;
use maud::Markup;
use serde::Deserialize;

use super::context::PageCtx;
use crate::domain::fold::fold;
use crate::views::help as view;

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

/// Every question, by section.
pub const QUESTIONS: [Question; 16] = [
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
];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HelpQuery {
    pub q: String,
}

/// The questions whose question or answer (in the page's language) contains every word
/// of `query`, folded for case and accents.
pub fn matching(ctx: &PageCtx, query: &str) -> Vec<Question> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    QUESTIONS
        .into_iter()
        .filter(|q| {
            let text = fold(&format!(
                "{} {}",
                view::question_text(ctx, q),
                view::answer_text(ctx, q)
            ));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// `GET /help?q=…`
pub async fn help(ctx: PageCtx, Query(q): Query<HelpQuery>) -> Markup {
    let found = matching(&ctx, &q.q);
    view::help(&ctx, q.q.trim(), &found)
}
