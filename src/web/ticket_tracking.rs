//! "Ticket Tracking" (`/tickets`): the requests the actor may see, filtered by state and
//! kind, sorted by last update, number or state, paged by key; and the search box,
//! answered by the search index inside the actor's scope (the use case is
//! [`crate::service::tracking`], shared with the JSON API).

pub use crate::service::tracking::ListQuery;
use axum::extract::Query;
use maud::Markup;

use super::context::PageCtx;
use crate::auth::extract::CurrentUser;
use crate::error::Result;
use crate::service::tracking::{self as use_case, PAGE_SIZE};
use crate::views::tickets as view;

/// `GET /tickets?q=…`: Ticket Tracking, with the search box at the top right.
pub async fn list(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Markup> {
    let state = &ctx.state;
    let listing = use_case::list(&state.core, &state.search, &me.actor, &q, PAGE_SIZE)?;
    Ok(view::list(
        &ctx,
        &listing.page,
        &listing.rows,
        &q,
        listing.matched,
    ))
}
