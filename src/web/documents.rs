//! Plant documents: upload (multipart, checked by content), download as an attachment
//! for whoever may see the plant, delete with confirmation.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use super::accounts::NoFields;
use super::context::PageCtx;
use super::multipart::MultipartForm;
use super::trail::Trail;
use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::CurrentUser;
use crate::domain::upload;
use crate::error::{AppError, Result};
use crate::service::documents::{self as use_case, DocumentRefused, NewDocument};
use crate::service::plants;
use crate::views::components::Errors;

/// `POST /plants/{id}/documents` (multipart: `csrf_token`, `file`).
pub async fn upload(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    let core = &ctx.state.core;
    let acting = trail.acting(&me);
    let (plant, assignees) = plants::editable(core, &acting, id)?.ok_or(AppError::NotFound)?;
    let limit = ctx.state.config.uploads.max_document_mb * 1024 * 1024;
    let form = MultipartForm::read(request, &seed, &ctx.state).await?;
    let file = form
        .files
        .into_iter()
        .find(|f| f.field == "file")
        .map(|f| (f.name, f.content, f.sniffed));
    let refused = match NewDocument::check(file, form.too_large, limit) {
        Ok(new) => match use_case::upload(core, &acting, &plant, new)? {
            Ok(_) => {
                let to = format!("/plants/{}?saved=document#documents", plant.id);
                return Ok(Redirect::to(&to).into_response());
            }
            Err(refused) => refused,
        },
        Err(refused) => refused,
    };
    let status = if refused == DocumentRefused::TooLarge {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut e = Errors::new();
    e.add("file", refused.message());
    let page = super::plants::render_detail_documents(&ctx, &me, &plant, &assignees, &e).await?;
    Ok((status, page).into_response())
}

/// `GET /documents/{id}`: the file, as an attachment.
pub async fn download(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Response> {
    let (doc, _, _) =
        use_case::visible(&ctx.state.core, &trail.acting(&me), id)?.ok_or(AppError::NotFound)?;
    let data = ctx.state.store.documents().content(&doc)?;
    file_response(data, &doc.content_type, &doc.name)
}

/// A stored file as a download: its checked content type, a safe attachment name, and
/// never cached (plant documents and ticket attachments alike).
pub(crate) fn file_response(data: Vec<u8>, content_type: &str, name: &str) -> Result<Response> {
    let mut response = data.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).map_err(AppError::internal)?,
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&upload::content_disposition(name)).map_err(AppError::internal)?,
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// `GET /documents/{id}/delete`: asks for confirmation.
pub async fn delete_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (doc, plant) =
        use_case::deletable(&ctx.state.core, &trail.acting(&me), id)?.ok_or(AppError::NotFound)?;
    Ok(crate::views::documents::confirm_delete(&ctx, &doc, &plant))
}

/// `POST /documents/{id}/delete`
pub async fn delete(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let acting = trail.acting(&me);
    let (doc, plant) =
        use_case::deletable(&ctx.state.core, &acting, id)?.ok_or(AppError::NotFound)?;
    use_case::delete(&ctx.state.core, &acting, &doc)?;
    let to = format!("/plants/{}?saved=document-deleted#documents", plant.id);
    Ok(Redirect::to(&to).into_response())
}
