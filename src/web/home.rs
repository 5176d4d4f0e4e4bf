//! The start page and the language switch.

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::{LANG_COOKIE, PageCtx, is_local_path};
use crate::error::{AppError, Result};
use crate::i18n::Lang;
use crate::views;

/// `GET /`: the start page with the log-in box and "Register for free".
pub async fn start_page(ctx: PageCtx) -> Result<Markup> {
    let set_up = crate::service::first_run::is_set_up(&ctx.state.core)?;
    Ok(views::home::start_page(&ctx, set_up))
}

#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// `GET /language/{code}?next=/path`: remembers the language in a cookie and goes back.
/// Only the visitor's own cookie changes, so a link (working without JavaScript) is fine.
pub async fn switch_language(
    ctx: PageCtx,
    Path(code): Path<String>,
    Query(query): Query<SwitchQuery>,
) -> Result<Response> {
    let lang = Lang::from_code(&code)
        .filter(|l| l.code() == code)
        .ok_or(AppError::NotFound)?;
    let next = query
        .next
        .filter(|n| is_local_path(n))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = crate::links::set_cookie(
        (LANG_COOKIE, lang.code()),
        "/",
        crate::links::Kept::For(365 * 86_400),
        "Lax",
        ctx.state.config.is_https(),
    );
    let mut response = Redirect::to(&next).into_response();
    let value = HeaderValue::from_str(&cookie).map_err(AppError::internal)?;
    response.headers_mut().append(header::SET_COOKIE, value);
    Ok(response)
}
