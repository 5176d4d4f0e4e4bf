//! The device replacement request's pages: the form, and its submission with the proof
//! of purchase; the request itself is [`crate::service::replacement`].

pub use crate::views::replacement::{Choice, ReplacementForm};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::context::PageCtx;
use super::multipart::{MultipartForm, checked_uploads};
use super::trail::Trail;
use crate::auth::csrf::CsrfSeed;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::{AppError, Result};
use crate::service::replacement::{self as use_case, NewReplacement};
use crate::views::components::Errors;
use crate::views::replacement as view;

/// The devices the viewer may file a replacement for; 404 for the service team.
fn choices(ctx: &PageCtx, me: &Viewer, trail: &Trail) -> Result<Vec<Choice>> {
    use_case::choices(&ctx.state.core, &trail.acting(me))?.ok_or(AppError::NotFound)
}

/// `GET /tickets/replacement?serial=…`
pub async fn form_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Query(q): Query<ReplacementForm>,
) -> Result<Markup> {
    let choices = choices(&ctx, &me, &trail)?;
    let serial: String = q.serial.chars().filter(char::is_ascii_digit).collect();
    let picked = choices
        .iter()
        .find(|c| c.device.serial.to_string() == serial)
        .map(|c| c.device.id.to_string());
    let form = ReplacementForm {
        serial: if picked.is_some() {
            String::new()
        } else {
            serial
        },
        device: picked.unwrap_or_default(),
        address: me
            .user
            .default_address
            .or(me.user.addresses.first().map(|a| a.id))
            .map_or_else(|| "new".to_owned(), |id| id.to_string()),
        onsite_name: me.user.full_name(),
        onsite_phone: me.user.phone.clone(),
        ..ReplacementForm::default()
    };
    Ok(view::form(&ctx, &me.user, &choices, &form, &Errors::new()))
}

/// `POST /tickets/replacement` (multipart, with the proof of purchase as `file`).
pub async fn submit(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    let choices = choices(&ctx, &me, &trail)?;
    let parts = MultipartForm::read(request, &seed, &ctx.state).await?;
    let form: ReplacementForm = parts.parse()?;
    let limit = ctx.state.config.uploads.max_document_mb * 1024 * 1024;
    let proof = if parts.too_large {
        Err("upload-too-large")
    } else if parts.files_of("file").next().is_none() {
        Err("replacement-proof-required")
    } else if parts.files_of("file").count() > 1 {
        Err("upload-too-many")
    } else {
        checked_uploads(parts.files_of("file"), limit)
    };
    let core = &ctx.state.core;
    match NewReplacement::check(&form, proof, &choices, &me.user, core.today()) {
        Ok(new) => {
            let created = use_case::request(core, &trail.acting(&me), ctx.lang, new)?;
            Ok(super::tickets::created_page(&created))
        }
        Err(mut e) => {
            if e.get("file").is_none() && parts.files_of("file").next().is_some() {
                // Browsers cannot keep a chosen file across a refused form: say so.
                e.add("file", "upload-choose-again");
            }
            let status = if parts.too_large {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let page = view::form(&ctx, &me.user, &choices, &form, &e);
            Ok((status, page).into_response())
        }
    }
}
