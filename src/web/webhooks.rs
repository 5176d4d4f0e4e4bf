//! Webhooks (`/webhooks`): a company's administrators keep their company's endpoints,
//! the service team its own; anyone else, and an endpoint of another scope, gets 404.

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::context::PageCtx;
use super::profile::{Empty, Saved};
use super::trail::Trail;
use crate::access::HookScope;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::error::{AppError, Result};
use crate::service::Acting;
use crate::service::webhooks::{self as use_case, EndpointData};
use crate::store::webhooks::Endpoint;
use crate::views::components::Errors;
use crate::views::webhooks::{self as view, EndpointForm};

/// The scope `who` keeps, or 404.
fn scope(who: &Acting) -> Result<HookScope> {
    use_case::scope(who).ok_or(AppError::NotFound)
}

/// Endpoint `id` in `who`'s scope, or 404.
fn found(ctx: &PageCtx, who: &Acting, id: u64) -> Result<Endpoint> {
    use_case::get(&ctx.state.core, who, id)?.ok_or(AppError::NotFound)
}

/// A page showing a secret: never kept by a cache.
fn private(markup: maud::Markup, status: StatusCode) -> Response {
    let mut page = (status, markup).into_response();
    page.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    page
}

/// The list with `form` and its `errors`.
fn list_page(
    ctx: &PageCtx,
    scope: HookScope,
    (form, errors): (&EndpointForm, &Errors),
    saved: &str,
) -> Result<maud::Markup> {
    let endpoints = use_case::list(&ctx.state.core, scope)?;
    let everything = scope == HookScope::Everything;
    Ok(view::list(
        ctx,
        &endpoints,
        everything,
        (form, errors),
        saved,
    ))
}

/// `GET /webhooks`
pub async fn list(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Query(q): Query<Saved>,
) -> Result<Response> {
    let scope = scope(&trail.acting(&me))?;
    let page = list_page(
        &ctx,
        scope,
        (&EndpointForm::initial(), &Errors::new()),
        &q.saved,
    )?;
    Ok(page.into_response())
}

/// `POST /webhooks`: registers an endpoint and opens its page.
pub async fn create(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<EndpointForm>,
) -> Result<Response> {
    let who = trail.acting(&me);
    let scope = scope(&who)?;
    let core = &ctx.state.core;
    let refused = |errors: Errors, status| -> Result<Response> {
        let page = list_page(&ctx, scope, (&form, &errors), "")?;
        Ok((status, page).into_response())
    };
    let data = match EndpointData::check(&form, &use_case::allow(core)) {
        Ok(data) => data,
        Err(errors) => return refused(errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    match use_case::create(core, &who, data)? {
        Some(id) => Ok(Redirect::to(&format!("/webhooks/{id}?saved=created")).into_response()),
        None => {
            let mut errors = Errors::new();
            errors.add("url", "webhook-too-many");
            refused(errors, StatusCode::CONFLICT)
        }
    }
}

/// The endpoint's page with `form` and its `errors`.
fn endpoint_page(
    ctx: &PageCtx,
    (id, endpoint): (u64, &Endpoint),
    (form, errors): (&EndpointForm, &Errors),
    saved: &str,
) -> Result<maud::Markup> {
    let deliveries = use_case::recent(&ctx.state.core, id)?;
    Ok(view::endpoint(
        ctx,
        (id, endpoint),
        &deliveries,
        (form, errors),
        saved,
    ))
}

/// `GET /webhooks/{id}`
pub async fn page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    Query(q): Query<Saved>,
) -> Result<Response> {
    let endpoint = found(&ctx, &trail.acting(&me), id)?;
    let form = EndpointForm::of(&endpoint);
    let page = endpoint_page(&ctx, (id, &endpoint), (&form, &Errors::new()), &q.saved)?;
    Ok(private(page, StatusCode::OK))
}

/// `POST /webhooks/{id}`: saves the URL and events.
pub async fn save(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<EndpointForm>,
) -> Result<Response> {
    let endpoint = found(&ctx, &trail.acting(&me), id)?;
    let core = &ctx.state.core;
    match EndpointData::check(&form, &use_case::allow(core)) {
        Ok(data) => {
            use_case::save(core, id, &data)?;
            Ok(Redirect::to(&format!("/webhooks/{id}?saved=saved")).into_response())
        }
        Err(errors) => {
            let page = endpoint_page(&ctx, (id, &endpoint), (&form, &errors), "")?;
            Ok(private(page, StatusCode::UNPROCESSABLE_ENTITY))
        }
    }
}

/// `POST /webhooks/{id}/pause` and `/resume`.
async fn set_paused(
    ctx: PageCtx,
    me: CurrentUser,
    trail: Trail,
    id: u64,
    paused: bool,
) -> Result<Response> {
    found(&ctx, &trail.acting(&me.0), id)?;
    use_case::set_paused(&ctx.state.core, id, paused)?;
    let saved = if paused { "paused" } else { "resumed" };
    Ok(Redirect::to(&format!("/webhooks/{id}?saved={saved}")).into_response())
}

/// `POST /webhooks/{id}/pause`: nothing is sent until it is resumed.
pub async fn pause(
    ctx: PageCtx,
    me: CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    set_paused(ctx, me, trail, id, true).await
}

/// `POST /webhooks/{id}/resume`: what waited is sent.
pub async fn resume(
    ctx: PageCtx,
    me: CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    set_paused(ctx, me, trail, id, false).await
}

/// `POST /webhooks/{id}/deliveries/{delivery}/resend`: sent again with the same id.
pub async fn resend(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path((id, delivery)): Path<(u64, u64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    found(&ctx, &trail.acting(&me), id)?;
    if !use_case::resend(&ctx.state.core, id, delivery)? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/webhooks/{id}?saved=resent#deliveries")).into_response())
}

/// `POST /webhooks/{id}/delete`: the endpoint and its deliveries go.
pub async fn delete(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    let who = trail.acting(&me);
    let endpoint = found(&ctx, &who, id)?;
    use_case::delete(&ctx.state.core, &who, id, &endpoint)?;
    Ok(Redirect::to("/webhooks?saved=deleted").into_response())
}
