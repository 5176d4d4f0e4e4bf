//! "API access tokens" under "My access data" (`/account/tokens`): the list, making a
//! token (shown once, never cached) and revoking one.

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::context::PageCtx;
use super::profile::Empty;
use super::profile::Saved;
use super::trail::Trail;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::Result;
use crate::service::api_tokens::{self as use_case, Made, NewApiToken};
use crate::views::api_tokens::{self as view, ApiTokenForm};
use crate::views::components::Errors;

/// The page with `form` and its `errors`.
fn render(
    ctx: &PageCtx,
    me: &Viewer,
    form: &ApiTokenForm,
    errors: &Errors,
    saved: &str,
) -> Result<maud::Markup> {
    let tokens = use_case::list(&ctx.state.core, &me.user)?;
    let now = ctx.state.core.clock.now();
    let admin = me.actor.is_company_admin();
    Ok(view::page(ctx, (&tokens, now), form, errors, admin, saved))
}

/// `GET /account/tokens`
pub async fn page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Saved>,
) -> Result<maud::Markup> {
    render(
        &ctx,
        &me,
        &ApiTokenForm::initial(),
        &Errors::new(),
        &q.saved,
    )
}

/// `POST /account/tokens`: makes a token and shows it this once.
pub async fn create(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<ApiTokenForm>,
) -> Result<Response> {
    let new = match NewApiToken::parse(&form, &me.actor) {
        Ok(new) => new,
        Err(errors) => {
            let page = render(&ctx, &me, &form, &errors, "")?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    match use_case::create(&ctx.state.core, &trail.acting(&me), new)? {
        Made::Made { secret, token } => {
            let mut page = view::made(&ctx, &secret, &token).into_response();
            page.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            Ok(page)
        }
        Made::TooMany => {
            let mut errors = Errors::new();
            errors.add("name", "api-token-too-many");
            let page = render(&ctx, &me, &form, &errors, "")?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

/// `POST /account/tokens/{handle}/revoke`: the token stops working at once (one already
/// revoked, or another person's, is left as it is).
pub async fn revoke(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(handle): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    use_case::revoke(&ctx.state.core, &trail.acting(&me), &handle)?;
    Ok(Redirect::to("/account/tokens?saved=revoked#tokens").into_response())
}
