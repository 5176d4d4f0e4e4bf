//! Plant documents: upload (multipart, checked by content), download as an attachment
//! for whoever may see the plant, delete with confirmation.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use super::accounts::NoFields;
use super::context::PageCtx;
use super::multipart::MultipartForm;
use crate::access as policy;
use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::domain::upload;
use crate::error::{AppError, Result};
use crate::store::documents::{self, Document, StoreRefused};
use crate::store::plants::{self, Plant};
use crate::views::components::Errors;

async fn refuse(
    ctx: &PageCtx,
    me: &Viewer,
    plant: &Plant,
    assignees: &[u64],
    message: &'static str,
    status: StatusCode,
) -> Result<Response> {
    let mut e = Errors::new();
    e.add("file", message);
    let page = super::plants::render_detail_documents(ctx, me, plant, assignees, &e).await?;
    Ok((status, page).into_response())
}

/// `POST /plants/{id}/documents` (multipart: `csrf_token`, `file`).
pub async fn upload(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    let (plant, assignees) =
        plants::visible(&ctx.state.store, &me.actor, id)?.ok_or(AppError::NotFound)?;
    if !policy::can_edit_plant(&me.actor, &plant.ownership(&assignees)) {
        return Err(AppError::NotFound);
    }
    let limit = ctx.state.config.uploads.max_document_mb * 1024 * 1024;
    let form = MultipartForm::read(request, &seed).await?;
    if form.too_large {
        return refuse(
            &ctx,
            &me,
            &plant,
            &assignees,
            "upload-too-large",
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    }
    let Some((raw_name, data)) = form
        .files
        .into_iter()
        .find(|f| f.field == "file")
        .map(|f| (f.name, f.data))
    else {
        return refuse(
            &ctx,
            &me,
            &plant,
            &assignees,
            "upload-no-file",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if data.len() as u64 > limit {
        return refuse(
            &ctx,
            &me,
            &plant,
            &assignees,
            "upload-too-large",
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    }
    let name = upload::safe_name(&raw_name);
    let kind = match upload::detect(&name, &data) {
        Ok(k) => k,
        Err(message) => {
            return refuse(
                &ctx,
                &me,
                &plant,
                &assignees,
                message,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let quota = ctx.state.config.uploads.plant_quota_mb * 1024 * 1024;
    let doc = Document {
        id: 0,
        plant_id: plant.id,
        name,
        size: 0,
        content_type: kind.content_type.to_owned(),
        uploaded_by: me.user.id,
        uploaded_at: ctx.state.clock.now(),
        chunks: 0,
    };
    match documents::put(&ctx.state.store, doc, &data, quota)? {
        Ok(doc) => {
            tracing::info!(
                event = "document_uploaded",
                user_id = me.user.id,
                plant = plant.id,
                document = doc.id,
                size = doc.size,
                "document uploaded"
            );
            Ok(
                Redirect::to(&format!("/plants/{}?saved=document#documents", plant.id))
                    .into_response(),
            )
        }
        Err(StoreRefused::Quota) => {
            refuse(
                &ctx,
                &me,
                &plant,
                &assignees,
                "upload-quota",
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// The document `id` with its plant, if the viewer may see the plant.
fn visible_document(ctx: &PageCtx, me: &Viewer, id: u64) -> Result<(Document, Plant, Vec<u64>)> {
    let doc = documents::get(&ctx.state.store, id)?.ok_or(AppError::NotFound)?;
    let (plant, assignees) =
        plants::visible(&ctx.state.store, &me.actor, doc.plant_id)?.ok_or(AppError::NotFound)?;
    Ok((doc, plant, assignees))
}

/// `GET /documents/{id}`: the file, as an attachment.
pub async fn download(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
) -> Result<Response> {
    let (doc, _, _) = visible_document(&ctx, &me, id)?;
    let data = documents::content(&ctx.state.store, &doc)?;
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
    Path(id): Path<u64>,
) -> Result<Markup> {
    let (doc, plant, assignees) = visible_document(&ctx, &me, id)?;
    if !policy::can_edit_plant(&me.actor, &plant.ownership(&assignees)) {
        return Err(AppError::NotFound);
    }
    Ok(crate::views::documents::confirm_delete(&ctx, &doc, &plant))
}

/// `POST /documents/{id}/delete`
pub async fn delete(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    let (doc, plant, assignees) = visible_document(&ctx, &me, id)?;
    if !policy::can_edit_plant(&me.actor, &plant.ownership(&assignees)) {
        return Err(AppError::NotFound);
    }
    documents::delete(&ctx.state.store, &doc)?;
    tracing::info!(
        event = "document_deleted",
        user_id = me.user.id,
        document = doc.id,
        "document deleted"
    );
    Ok(Redirect::to(&format!(
        "/plants/{}?saved=document-deleted#documents",
        plant.id
    ))
    .into_response())
}
