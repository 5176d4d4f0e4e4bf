//! The designed error pages: 404, 405, 403, 400, 408, 413, 429, 503 and the opaque 500.

use axum::http::StatusCode;
use maud::{Markup, html};

use super::layout;
use crate::views::PageCtx;

/// The message ids (title, text) for a status.
fn messages(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        404 => ("error-404-title", "error-404-text"),
        405 => ("error-405-title", "error-405-text"),
        403 => ("error-403-title", "error-403-text"),
        408 => ("error-408-title", "error-408-text"),
        413 => ("error-413-title", "error-413-text"),
        429 => ("error-429-title", "error-429-text"),
        400..=499 => ("error-400-title", "error-400-text"),
        503 => ("error-503-title", "error-503-text"),
        _ => ("error-500-title", "error-500-text"),
    }
}

/// The page for an error status. Never shows internals.
pub fn error_page(ctx: &PageCtx, status: StatusCode) -> Markup {
    let (title_id, text_id) = messages(status);
    let title = ctx.t(title_id);
    let body = html! {
        section.error-page aria-labelledby="error-heading" {
            p.error-code aria-hidden="true" { (status.as_u16()) }
            h1 #error-heading { (title) }
            p.lead { (ctx.t(text_id)) }
            p.actions {
                a.button.primary href="/" { (ctx.t("error-back-home")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}
