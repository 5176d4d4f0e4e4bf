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
use super::trail::Trail;
use crate::access as policy;
use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::domain::ticket::{TicketStatus, can_move};
use crate::error::{AppError, Result};
use crate::service::saved_replies;
use crate::service::ticket_thread::{self, NewMessage, StatusChange, StatusChanged};
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::ticket_page::{self as view, Forms};

/// The service team, for the assignment form; nobody else sees it.
/// The request's service-level clocks, for the service team.
fn clocks(ctx: &PageCtx, me: &Viewer, t: &Ticket) -> Result<Option<maud::Markup>> {
    if !policy::can_handle_tickets(&me.actor) {
        return Ok(None);
    }
    let found = crate::service::service_levels::clocks_of(&ctx.state.core, t)?;
    Ok(found
        .map(|c| crate::views::service::levels::clocks_card(ctx, &c.zone, &c.clocks, &c.changes)))
}

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

/// `GET /tickets/{id}/return-slip`: the slip for the box a failed device goes back in
/// (replacement requests only; it says when there is no RMA number yet).
pub async fn return_slip(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
) -> Result<Markup> {
    let t = visible(&ctx, &me, id)?;
    let r = t.replacement.as_ref().ok_or(AppError::NotFound)?;
    Ok(crate::views::return_slip::page(&ctx, &t, r))
}

/// What a request's page is asked with: the notice of what was just saved, and the
/// saved reply to insert in the message field (the service team's).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DetailQuery {
    pub saved: String,
    pub reply: String,
}

/// The saved replies (id, title) for the picker; none for anyone but the service team.
/// The saved replies (id, title, text filled in for `t`), for the service team.
fn reply_titles(
    ctx: &PageCtx,
    me: &Viewer,
    trail: &Trail,
    t: &Ticket,
) -> Result<Vec<(u64, String, String)>> {
    Ok(saved_replies::list(&ctx.state.core, &trail.acting(me))?
        .unwrap_or_default()
        .into_iter()
        .map(|(id, r)| {
            let text = saved_replies::fill(&r, t);
            (id, r.title, text)
        })
        .collect())
}

/// `GET /tickets/{id}` (`?reply=` inserts a saved reply, for the service team).
pub async fn detail(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    Query(q): Query<DetailQuery>,
) -> Result<Markup> {
    let t = visible(&ctx, &me, id)?;
    let team = team(&ctx, &me)?;
    let plant = plant_of(&ctx, &me, &t)?;
    let replies = reply_titles(&ctx, &me, &trail, &t)?;
    let picked = q.reply.parse::<u64>().ok();
    let inserted = match picked {
        Some(rid) => saved_replies::get(&ctx.state.core, &trail.acting(&me), rid)?,
        None => None,
    };
    let form = inserted.as_ref().map(|r| MessageForm {
        message: saved_replies::fill(r, &t),
        then_state: r.then.map(|s| s.slug().to_owned()).unwrap_or_default(),
        then: "on".to_owned(),
        ..MessageForm::default()
    });
    let no_errors = Errors::new();
    let clocks = clocks(&ctx, &me, &t)?;
    let forms = Forms {
        clocks: clocks.as_ref(),
        team: &team,
        plant: plant.as_ref().map(|(id, name)| (*id, name.as_str())),
        replies: &replies,
        reply: inserted.as_ref().and(picked),
        message: form.as_ref().map(|f| (f, &no_errors)),
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
    // A saved reply's change of state, checked before anything is sent.
    let then = match (staff, form.then.as_str()) {
        (true, "on") => TicketStatus::from_slug(&form.then_state),
        _ => None,
    };
    let checked = NewMessage::check(&form, files, staff).and_then(|new| match then {
        Some(to) if !can_move(t.kind, t.status, to) => {
            let mut e = Errors::new();
            e.add("then", "ticket-transition-refused");
            Err(e)
        }
        _ => Ok(new),
    });
    let new = match checked {
        Ok(new) => new,
        Err(e) => {
            let team = team(&ctx, &me)?;
            let plant = plant_of(&ctx, &me, &t)?;
            let replies = reply_titles(&ctx, &me, &trail, &t)?;
            let clocks = clocks(&ctx, &me, &t)?;
            let forms = Forms {
                clocks: clocks.as_ref(),
                message: Some((&form, &e)),
                team: &team,
                plant: plant.as_ref().map(|(id, name)| (*id, name.as_str())),
                replies: &replies,
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
    let acting = trail.acting(&me);
    let after = ticket_thread::add_message(&ctx.state.core, &acting, &t, new)?;
    if let (Some(to), Some(after)) = (then, after) {
        let change = StatusChange {
            to,
            rma: None,
            tracking: None,
            new_serial: None,
        };
        // Moved meanwhile so that the step no longer applies: the message stays sent.
        if let StatusChanged::Moved(_) =
            ticket_thread::change_status(&ctx.state.core, &acting, &after, change)?
        {
            return Ok(
                Redirect::to(&format!("/tickets/{}?saved=status#thread", t.id)).into_response(),
            );
        }
    }
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
    let clocks = clocks(&ctx, &me, &t)?;
    let forms = Forms {
        clocks: clocks.as_ref(),
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
