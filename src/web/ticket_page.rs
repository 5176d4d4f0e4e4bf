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
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::domain::warranty::{self, Warranty};
use crate::domain::{self, SerialNumber};
use crate::error::{AppError, Result};
use crate::mail::templates::compose;
use crate::store::audit::Event;
use crate::store::devices;
use crate::store::mail_queue::OutgoingMail;
use crate::store::tickets::{self, ChangeRefused, StatusUpdate, Ticket, TicketMessage};
use crate::views::components::Errors;
use crate::views::ticket_page::{self as view, Forms};

/// The service team, for the assignment form; nobody else sees it.
fn team(ctx: &PageCtx, me: &Viewer) -> Result<Vec<crate::store::users::User>> {
    if !policy::can_handle_tickets(&me.actor) {
        return Ok(Vec::new());
    }
    Ok(crate::store::users::staff(&ctx.state.store)?
        .into_iter()
        .filter(|u| u.status == crate::store::users::UserStatus::Active)
        .collect())
}

fn visible(ctx: &PageCtx, me: &Viewer, id: u64) -> Result<Ticket> {
    tickets::visible(&ctx.state.store, &me.actor, id)?.ok_or(AppError::NotFound)
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
    let forms = Forms {
        team: &team,
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
    let parts = MultipartForm::read(request, &seed).await?;
    let form: MessageForm = parts.parse()?;
    let staff = policy::can_handle_tickets(&me.actor);
    let internal = staff && form.internal == "on";
    let mut e = Errors::new();
    let text = e.check(
        "message",
        domain::required_text_multiline(&form.message, 5000),
    );
    let limit = ctx.state.config.uploads.max_document_mb * 1024 * 1024;
    let uploads = if parts.too_large {
        e.add("file", "upload-too-large");
        None
    } else if parts.files_of("file").count() > MAX_FILES {
        e.add("file", "upload-too-many");
        None
    } else {
        e.check("file", checked_uploads(parts.files_of("file"), limit))
    };
    let (Some(text), Some(uploads), true) = (text, uploads, e.is_empty()) else {
        let team = team(&ctx, &me)?;
        let forms = Forms {
            message: Some((&form, &e)),
            team: &team,
            ..Forms::default()
        };
        let status = if parts.too_large {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return Ok((status, view::detail(&ctx, &me.actor, &t, &forms, "")).into_response());
    };
    let state = &ctx.state;
    let message = TicketMessage {
        at: state.clock.now(),
        author: Some(me.user.id),
        author_name: me.user.full_name(),
        from_staff: staff,
        internal,
        text: text.clone(),
        attachments: Vec::new(),
    };
    let mails = if staff && !internal {
        vec![compose(
            state,
            t.language,
            &t.requester_email,
            "ticket-answered",
            &[
                ("name", &t.requester_name),
                ("number", &t.number),
                ("subject", &t.subject),
                ("text", &text),
                ("link", &ticket_link(&ctx, &t)),
            ],
        )]
    } else {
        Vec::new()
    };
    let files = uploads.len();
    let audit = staff.then(|| {
        trail
            .entry(state.clock.now(), Event::TicketAnswered, &t.number)
            .detail(if internal { "internal-note" } else { "answer" })
    });
    tickets::add_message(&state.store, t.id, message, uploads, mails, audit)?;
    tracing::info!(
        event = "ticket_message",
        ticket = t.id,
        user_id = me.user.id,
        staff,
        internal,
        files,
        "message added"
    );
    let saved = if internal { "note" } else { "message" };
    Ok(Redirect::to(&format!("/tickets/{}?saved={saved}#thread", t.id)).into_response())
}

/// The link to a ticket in e-mails: only requesters with an account can open it.
fn ticket_link(ctx: &PageCtx, t: &Ticket) -> String {
    if t.requester.is_some() {
        format!("{}/tickets/{}", ctx.state.config.public_url(), t.id)
    } else {
        String::new()
    }
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
    let mut e = Errors::new();
    let to = e.check(
        "to",
        TicketStatus::from_slug(form.to.trim())
            .filter(|to| crate::domain::ticket::can_move(t.kind, t.status, *to))
            .ok_or(if form.to.trim().is_empty() {
                "field-required"
            } else {
                "ticket-transition-refused"
            }),
    );
    let replacement = t.kind == TicketKind::Replacement;
    let rma = if replacement && to == Some(TicketStatus::Approved) {
        e.check("rma", domain::required_text(&form.rma, 40))
    } else {
        None
    };
    let (tracking, new_serial) = if replacement && to == Some(TicketStatus::Shipped) {
        let tracking = e.check("tracking", domain::required_text(&form.tracking, 60));
        let serial = e.check(
            "new_serial",
            SerialNumber::parse(&form.new_serial).and_then(|s| {
                if Some(s.value()) == t.serial {
                    Err("ticket-new-serial-same")
                } else {
                    Ok(s.value())
                }
            }),
        );
        (tracking, serial)
    } else {
        (None, None)
    };
    let team = team(&ctx, &me)?;
    let refuse = |ctx: &PageCtx, e: &Errors| {
        let forms = Forms {
            status: Some((&form, e)),
            team: &team,
            ..Forms::default()
        };
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            view::detail(ctx, &me.actor, &t, &forms, ""),
        )
            .into_response()
    };
    if !e.is_empty() {
        return Ok(refuse(&ctx, &e));
    }
    let state = &ctx.state;
    let warranty_end = match (new_serial, t.device) {
        (Some(_), Some(device)) => inherited_warranty_end(&ctx, device)?,
        _ => None,
    };
    let update = StatusUpdate {
        to,
        by: me.user.full_name(),
        at: state.clock.now(),
        rma,
        tracking,
        new_serial,
        warranty_end,
    };
    let link = ticket_link(&ctx, &t);
    let entry = trail.entry(state.clock.now(), Event::TicketMoved, &t.number);
    let changed = tickets::change_status(
        &state.store,
        t.id,
        update,
        |changed| vec![status_mail(&ctx, changed, &link)],
        entry,
    )?
    .ok_or(AppError::NotFound)?;
    match changed {
        Ok(changed) => {
            tracing::info!(
                event = "ticket_status",
                ticket = t.id,
                user_id = me.user.id,
                from = t.status.slug(),
                to = changed.status.slug(),
                "ticket moved"
            );
            Ok(Redirect::to(&format!("/tickets/{}?saved=status", t.id)).into_response())
        }
        Err(ChangeRefused::NotAllowed) => {
            e.add("to", "ticket-transition-refused");
            Ok(refuse(&ctx, &e))
        }
        Err(ChangeRefused::SerialTaken) => {
            e.add("new_serial", "device-serial-taken");
            Ok(refuse(&ctx, &e))
        }
    }
}

/// The e-mail telling the requester about a new state, in his language.
fn status_mail(ctx: &PageCtx, t: &Ticket, link: &str) -> OutgoingMail {
    let state = &ctx.state;
    let status = state.i18n.t(t.language, t.status.message_id());
    let detail = match (t.status, &t.replacement) {
        (TicketStatus::Approved, Some(r)) => state.i18n.t_args(
            t.language,
            "mail-ticket-status-approved",
            &crate::i18n::args(&[("rma", &r.rma)]),
        ),
        (TicketStatus::Shipped, Some(r)) => state.i18n.t_args(
            t.language,
            "mail-ticket-status-shipped",
            &crate::i18n::args(&[
                ("tracking", &r.tracking),
                (
                    "serial",
                    &r.new_serial.map(|s| s.to_string()).unwrap_or_default(),
                ),
            ]),
        ),
        (TicketStatus::AwaitingReturn, Some(_)) => {
            state.i18n.t(t.language, "mail-ticket-status-return")
        }
        (TicketStatus::WaitingForCustomer, _) => {
            state.i18n.t(t.language, "mail-ticket-status-waiting")
        }
        _ => String::new(),
    };
    compose(
        state,
        t.language,
        &t.requester_email,
        "ticket-status",
        &[
            ("name", &t.requester_name),
            ("number", &t.number),
            ("subject", &t.subject),
            ("status", &status),
            ("detail", &detail),
            ("link", link),
        ],
    )
}

/// The last day of warranty a replacement for `device` inherits: what the failed device
/// had left, at least one year from today (DOMAIN.md).
fn inherited_warranty_end(ctx: &PageCtx, device: u64) -> Result<Option<String>> {
    let Some(old) = devices::get(&ctx.state.store, device)? else {
        return Ok(None);
    };
    let today = super::plants::today(ctx);
    let rules = ctx.state.config.warranty.rules();
    let old_end = match super::plants::device_warranty(rules, &old, today) {
        Warranty::NotApplicable => return Ok(None),
        Warranty::Unknown => None,
        Warranty::Known { end, .. } => Some(end),
    };
    Ok(Some(warranty::inherited_end(old_end, today).to_string()))
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
    let data = tickets::attachment_content(&ctx.state.store, t.id, no)?;
    super::documents::file_response(data, &file.content_type, &file.name)
}
