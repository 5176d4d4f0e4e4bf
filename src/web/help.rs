//! "FAQ & support" (`/help`): the questions people ask about this portal, each answer
//! linking to the page it talks about; the search box filters the questions on the
//! server, so it works without JavaScript.

pub use crate::views::help::{QUESTIONS, Question, SECTIONS};
use axum::extract::Query;
use maud::Markup;
use serde::Deserialize;

use super::context::PageCtx;
use crate::domain::fold::fold;
use crate::views::help as view;

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

/// `GET /help/api`: the JSON API's reference, drawn from its OpenAPI description.
pub async fn api_reference(ctx: PageCtx) -> Markup {
    crate::views::api_reference::page(&ctx, crate::web::api::openapi_json_value())
}
