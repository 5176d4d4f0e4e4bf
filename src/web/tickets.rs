//! Filing requests: the contact form and the information sheet (both logged out too),
//! and what every new request goes through (number, confirmation mail, search index).

pub use crate::views::tickets::{ContactForm, InfoSheetForm, SYSTEMS};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::PageCtx;
use super::first_run;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::MaybeUser;
use crate::auth::session::Viewer;
use crate::domain::ticket;
use crate::error::Result;
use crate::service::requests::{self, Filer, NewContact, NewInfoSheet};
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::tickets as view;

/// `GET /contact?topic=…`
pub async fn contact_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Query(q): Query<ContactForm>,
) -> Result<Response> {
    if let Some(closed) = first_run::closed_to_requests(&ctx)? {
        return Ok(closed);
    }
    let form = ContactForm {
        topic: ticket::TOPICS
            .iter()
            .find(|t| **t == q.topic)
            .map(|t| (*t).to_owned())
            .unwrap_or_default(),
        serial: q
            .serial
            .chars()
            .filter(char::is_ascii_digit)
            .take(10)
            .collect(),
        ..ContactForm::default()
    };
    Ok(view::contact(&ctx, &form, &Errors::new(), viewer.is_some()).into_response())
}

/// Who files from the public forms: the signed-in person, or a visitor in the page's
/// language.
fn filer<'a>(ctx: &PageCtx, viewer: Option<&'a Viewer>) -> Filer<'a> {
    Filer {
        signed_in: viewer.map(|v| (&v.user, &v.actor)),
        lang: ctx.lang,
    }
}

/// `POST /contact`: a contact request, logged in or not. Technical topics need the
/// device's serial number.
pub async fn contact(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> Result<Response> {
    if let Some(closed) = first_run::closed_to_requests(&ctx)? {
        return Ok(closed);
    }
    let filer = filer(&ctx, viewer.as_ref());
    match NewContact::check(&form, &filer) {
        Ok(new) => filed(requests::contact(&ctx.state.core, &filer, new)?, &filer),
        Err(e) => {
            let page = view::contact(&ctx, &form, &e, viewer.is_some());
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SentQuery {
    pub number: String,
}

/// `GET /contact/sent?number=…`
pub async fn contact_sent(ctx: PageCtx, Query(q): Query<SentQuery>) -> Markup {
    let number: String = q
        .number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .take(12)
        .collect();
    view::contact_sent(&ctx, &number)
}

/// The page after a request was filed: its number, or, signed in, the request itself.
pub(crate) fn filed(created: Ticket, filer: &Filer) -> Result<Response> {
    if filer.signed_in.is_some() {
        return Ok(created_page(&created));
    }
    let to = format!("/contact/sent?number={}", created.number);
    Ok(Redirect::to(&to).into_response())
}

/// The request a signed-in person just filed.
pub(crate) fn created_page(created: &Ticket) -> Response {
    Redirect::to(&format!("/tickets/{}?saved=created", created.id)).into_response()
}

/// `GET /info-sheet?system=…`
pub async fn info_sheet_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Query(q): Query<InfoSheetForm>,
) -> Result<Response> {
    if let Some(closed) = first_run::closed_to_requests(&ctx)? {
        return Ok(closed);
    }
    let form = InfoSheetForm {
        system: SYSTEMS
            .iter()
            .find(|s| **s == q.system)
            .map(|s| (*s).to_owned())
            .unwrap_or_default(),
        ..InfoSheetForm::default()
    };
    Ok(view::info_sheet(&ctx, &form, &Errors::new(), viewer.is_some()).into_response())
}

/// `POST /info-sheet`: the information sheet of a system that cannot be registered
/// (SMA Smart Home, off-grid); a ticket for the service team, logged in or not.
pub async fn info_sheet(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    CsrfForm(form): CsrfForm<InfoSheetForm>,
) -> Result<Response> {
    if let Some(closed) = first_run::closed_to_requests(&ctx)? {
        return Ok(closed);
    }
    let filer = filer(&ctx, viewer.as_ref());
    match NewInfoSheet::check(&form, &filer) {
        Ok(new) => filed(requests::info_sheet(&ctx.state.core, &filer, new)?, &filer),
        Err(e) => {
            let page = view::info_sheet(&ctx, &form, &e, viewer.is_some());
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
