//! "Import from Sunny Portal" (`/plants/import`): the upload, the check in the
//! background with its progress, the preview (kept in the store, so it survives a
//! reload), the confirmation that writes, and the result.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use super::context::PageCtx;
use super::multipart::MultipartForm;
use super::trail::Trail;
use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::{AppError, Result};
use crate::service::plant_import::{self as use_case, Confirmed, FileRefused, ImportFile};
use crate::store::imports::ImportState;
use crate::views::components::Errors;
use crate::views::plant_import as view;

/// 404 unless the viewer may import plants.
fn allowed(me: &Viewer, trail: &Trail) -> Result<()> {
    if use_case::allowed(&trail.acting(me)) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The import's page: its progress, preview or result.
fn its_page(id: u64) -> Response {
    Redirect::to(&format!("/plants/import/{id}")).into_response()
}

/// `GET /plants/import`
pub async fn upload_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
) -> Result<Markup> {
    allowed(&me, &trail)?;
    Ok(view::upload(&ctx, &Errors::new()))
}

/// `POST /plants/import` (multipart `file`): records the upload, checks it in the
/// background and sends the browser to its page, which shows the progress and then the
/// preview. Nothing is written to the plants yet.
pub async fn upload(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    allowed(&me, &trail)?;
    let form = MultipartForm::read(request, &seed, &ctx.state).await?;
    let limit = ctx.state.config.plants.import_max_mb * 1024 * 1024;
    let part = form.files_of("file").next();
    // An export within its limit is read whole: it is parsed in one go.
    let too_large = form.too_large || part.is_some_and(|f| f.content.len() > limit);
    let data = match part {
        Some(f) if !too_large => f.content.to_vec().map_err(AppError::internal)?,
        _ => Vec::new(),
    };
    let file = part.map(|f| (f.name.as_str(), data.as_slice()));
    match ImportFile::check(file, too_large, limit) {
        Ok(file) => Ok(its_page(use_case::start(
            &ctx.state.core,
            &trail.acting(&me),
            file,
        )?)),
        Err(refused) => {
            let status = match refused {
                FileRefused::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                FileRefused::Missing => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let mut e = Errors::new();
            e.add("file", refused.message());
            Ok((status, view::upload(&ctx, &e)).into_response())
        }
    }
}

/// `GET /plants/import/{id}`: the progress, the preview, or the result.
pub async fn show(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Response> {
    let record =
        use_case::get(&ctx.state.core, &trail.acting(&me), id)?.ok_or(AppError::NotFound)?;
    Ok(match &record.state {
        ImportState::Checking => match ctx.state.core.imports.get(id) {
            Some((done, total)) => view::progress(&ctx, &record, done, total).into_response(),
            None => view::interrupted(&ctx, &record).into_response(),
        },
        ImportState::Ready(preview) => view::preview(&ctx, &record, preview).into_response(),
        ImportState::Done(outcome) => view::result(&ctx, &record, outcome).into_response(),
        ImportState::Cancelled => view::cancelled(&ctx, &record).into_response(),
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoFields {}

/// `POST /plants/import/{id}/confirm`: writes the preview, each plant whole or not at
/// all, then shows the result. Confirming twice (a reload, a second click) shows the
/// result of the first.
pub async fn confirm(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    match use_case::confirm(&ctx.state.core, &trail.acting(&me), id).await? {
        Confirmed::Unknown => Err(AppError::NotFound),
        Confirmed::Written(_) | Confirmed::AlreadyHandled => Ok(its_page(id)),
    }
}

/// `POST /plants/import/{id}/cancel`: nothing is written.
pub async fn cancel(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if !use_case::cancel(&ctx.state.core, &trail.acting(&me), id)? {
        return Err(AppError::NotFound);
    }
    Ok(its_page(id))
}
