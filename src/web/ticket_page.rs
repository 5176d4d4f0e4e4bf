//! A ticket's page: its summary, progress and thread; messages with attachments from the
//! requester's side and from the service team (answers, internal notes), the service
//! team's changes of state with the e-mails they send, and attachment downloads.

pub use crate::views::ticket_page::{MAX_FILES, MessageForm, StatusForm};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use super::context::PageCtx;
use super::multipart::{MultipartForm, checked_uploads};
use super::plants::Saved;
use super::trail::Trail;
use crate::access as policy;
use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::{AppError, Result};
use crate::service::ticket_thread::{self, NewMessage, StatusChange, StatusChanged};
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::ticket_page::{self as view, Forms};

/// The service team, for the assignment form; nobody else sees it.
fn team(ctx: &PageCtx, me: &Viewer) -> Result<Vec<crate::store::users::User>> {
    if !policy::can_handle_tickets(&me.actor) {
        return Ok(Vec::new());
    }
    Ok(ctx
        .state
        .store
        .users()
        .staff()?
        .into_iter()
        .filter(|u| u.status == crate::store::users::UserStatus::Active)
        .collect())
}

/// The plant a ticket is about, by id and name, when the viewer may see it.
fn plant_of(ctx: &PageCtx, me: &Viewer, t: &Ticket) -> Result<Option<(u64, String)>> {
    let Some(id) = t.plant else {
        return Ok(None);
    };
    Ok(ctx
        .state
        .store
        .plants()
        .visible(&me.actor, id)?
        .map(|(plant, _)| (plant.id, plant.name)))
}

fn visible(ctx: &PageCtx, me: &Viewer, id: u64) -> Result<Ticket> {
    ctx.state
        .store
        .tickets()
        .visible(&me.actor, id)?
        .ok_or(AppError::NotFound)
}

/// `GET /tickets/{id}`
pub async fn detail(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    Query(q): Query<Saved>,
) -> Result<Markup> {
    let t = visible(&ctx, &me, id)?;
    let team = team(&ctx, &me)?;
    let plant = plant_of(&ctx, &me, &t)?;
    let forms = Forms {
        team: &team,
        plant: plant.as_ref().map(|(id, name)| (*id, name.as_str())),
        ..Forms::default()
    };
    Ok(view::detail(&ctx, &me.actor, &t, &forms, &q.saved))
}

/// `POST /tickets/{id}/messages` (multipart: `message`, `internal`, `file`…): the
/// requester or his company's administrator adds to the thread; the service team
/// answers (the requester is e-mailed) or writes an internal note (nobody is).
pub async fn add_message(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    let t = visible(&ctx, &me, id)?;
    let parts = MultipartForm::read(request, &seed, &ctx.state).await?;
    let form: MessageForm = parts.parse()?;
    let limit = ctx.state.config.uploads.max_document_mb * 1024 * 1024;
    let files = if parts.too_large {
        Err("upload-too-large")
    } else if parts.files_of("file").count() > MAX_FILES {
        Err("upload-too-many")
    } else {
        checked_uploads(parts.files_of("file"), limit)
    };
    let staff = policy::can_handle_tickets(&me.actor);
    let new = match NewMessage::check(&form, files, staff) {
        Ok(new) => new,
        Err(e) => {
            let team = team(&ctx, &me)?;
            let plant = plant_of(&ctx, &me, &t)?;
            let forms = Forms {
                message: Some((&form, &e)),
                team: &team,
                plant: plant.as_ref().map(|(id, name)| (*id, name.as_str())),
                ..Forms::default()
            };
            let status = if parts.too_large {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return Ok((status, view::detail(&ctx, &me.actor, &t, &forms, "")).into_response());
        }
    };
    let saved = if new.internal { "note" } else { "message" };
    ticket_thread::add_message(&ctx.state.core, &trail.acting(&me), &t, new)?;
    Ok(Redirect::to(&format!("/tickets/{}?saved={saved}#thread", t.id)).into_response())
}

/// `POST /tickets/{id}/status`: the service team moves a ticket on (valid transitions
/// only); approving a replacement records the RMA number, shipping it the tracking
/// number and the replacement's serial, which the device record takes over. The
/// requester is e-mailed. Anyone else gets 404.
pub async fn change_status(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response> {
    if !policy::can_handle_tickets(&me.actor) {
        return Err(AppError::NotFound);
    }
    let t = visible(&ctx, &me, id)?;
    let refused = match StatusChange::check(&form, &t) {
        Err(e) => e,
        Ok(change) => {
            let (field, message) = match ticket_thread::change_status(
                &ctx.state.core,
                &trail.acting(&me),
                &t,
                change,
            )? {
                StatusChanged::Moved(_) => {
                    let to = format!("/tickets/{}?saved=status", t.id);
                    return Ok(Redirect::to(&to).into_response());
                }
                StatusChanged::Gone => return Err(AppError::NotFound),
                StatusChanged::TransitionRefused => ("to", "ticket-transition-refused"),
                StatusChanged::SerialTaken => ("new_serial", "device-serial-taken"),
            };
            let mut e = Errors::new();
            e.add(field, message);
            e
        }
    };
    let team = team(&ctx, &me)?;
    let plant = plant_of(&ctx, &me, &t)?;
    let forms = Forms {
        status: Some((&form, &refused)),
        team: &team,
        plant: plant.as_ref().map(|(id, name)| (*id, name.as_str())),
        ..Forms::default()
    };
    let page = view::detail(&ctx, &me.actor, &t, &forms, "");
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// `GET /tickets/{id}/attachments/{no}`: a file of the thread, as an attachment, for
/// whoever may see the ticket (files of internal notes only for the service team).
pub async fn attachment(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path((id, no)): Path<(u64, u32)>,
) -> Result<Response> {
    let t = visible(&ctx, &me, id)?;
    let staff = policy::can_handle_tickets(&me.actor);
    let file = t
        .messages
        .iter()
        .filter(|m| staff || !m.internal)
        .flat_map(|m| &m.attachments)
        .find(|a| a.no == no)
        .ok_or(AppError::NotFound)?;
    let data = ctx.state.store.tickets().attachment_content(t.id, no)?;
    super::documents::file_response(data, &file.content_type, &file.name)
}
