//! Filing requests: the contact form and the information sheet (both logged out too),
//! and what every new request goes through (number, confirmation mail, search index).

pub use crate::views::tickets::{ContactForm, InfoSheetForm, SYSTEMS};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::PageCtx;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::MaybeUser;
use crate::domain::ticket::{self, TicketKind};
use crate::domain::{self, Email, SerialNumber};
use crate::error::Result;
use crate::mail::templates::compose;
use crate::store::tickets::{self, Requester, Ticket, TicketMessage, Upload};
use crate::store::{devices, plants};
use crate::views::components::Errors;
use crate::views::tickets as view;

/// `GET /contact?topic=…`
pub async fn contact_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Query(q): Query<ContactForm>,
) -> Markup {
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
    view::contact(&ctx, &form, &Errors::new(), viewer.is_some())
}

fn year(now: u64) -> i32 {
    time::OffsetDateTime::from_unix_timestamp(i64::try_from(now).unwrap_or(0))
        .map_or(1970, |t| t.year())
}

/// The requester of a form: the signed-in person, else the visitor's name and e-mail
/// (whose e-mails go out in the page's language).
fn requester(
    ctx: &PageCtx,
    viewer: Option<&crate::auth::session::Viewer>,
    name: String,
    email: String,
) -> Requester {
    match viewer {
        Some(v) => Requester::of(&v.user),
        None => Requester {
            user: None,
            name,
            email,
            language: ctx.lang,
            company: None,
        },
    }
}

/// The first line of a message, shortened: the ticket's subject.
pub(crate) fn subject_of(message: &str) -> String {
    let line = message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut s: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        s.push('…');
    }
    s
}

/// `POST /contact`: a contact request, logged in or not. Technical topics need the
/// device's serial number.
pub async fn contact(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> Result<Response> {
    let mut e = Errors::new();
    let (name, email) = match &viewer {
        Some(v) => (Some(v.user.full_name()), Some(v.user.email.clone())),
        None => (
            e.check("name", domain::required_text(&form.name, 120)),
            e.check(
                "email",
                Email::parse(&form.email).map(|m| m.as_str().to_owned()),
            ),
        ),
    };
    let topic = e.check("topic", ticket::parse_topic(&form.topic));
    let serial = if form.serial.trim().is_empty() {
        if topic == Some("technical") {
            e.add("serial", "ticket-serial-required");
        }
        None
    } else {
        e.check("serial", SerialNumber::parse(&form.serial))
    };
    let message = e.check(
        "message",
        domain::required_text_multiline(&form.message, 5000),
    );
    let (Some(name), Some(email), Some(topic), Some(message), true) =
        (name, email, topic, message, e.is_empty())
    else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::contact(&ctx, &form, &e, viewer.is_some()),
        )
            .into_response());
    };
    let state = &ctx.state;
    let now = state.clock.now();
    // A serial of a device the requester may see ties the request to it and its plant.
    let (device, plant) = match (&viewer, serial) {
        (Some(v), Some(s)) => match devices::by_serial(&state.store, s.value())? {
            Some(d) if plants::visible(&state.store, &v.actor, d.plant_id)?.is_some() => {
                (Some(d.id), Some(d.plant_id))
            }
            _ => (None, None),
        },
        _ => (None, None),
    };
    let first = TicketMessage::new(
        now,
        viewer.as_ref().map(|v| v.user.id),
        name.clone(),
        false,
        message,
    );
    let new = Ticket {
        topic: Some(topic.to_owned()),
        plant,
        device,
        serial: serial.map(SerialNumber::value),
        ..Ticket::filed(
            TicketKind::Contact,
            requester(&ctx, viewer.as_ref(), name, email),
            subject_of(&first.text),
            first,
        )
    };
    file_request(&ctx, new, Vec::new(), viewer.is_some())
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

/// Files a new request: its number, the requester's confirmation mail (with a link to
/// the request when they have an account), the search index.
pub(crate) fn create_request(
    ctx: &PageCtx,
    new: Ticket,
    uploads: Vec<Upload>,
    with_link: bool,
    audit: impl FnOnce(&Ticket) -> Option<crate::store::audit::Entry>,
) -> Result<Ticket> {
    let state = &ctx.state;
    let base = state.config.public_url();
    let compose_mail = |t: &Ticket| {
        let link = if with_link {
            format!("{base}/tickets/{}", t.id)
        } else {
            String::new()
        };
        vec![compose(
            state,
            t.language,
            &t.requester_email,
            "ticket-created",
            &[
                ("name", &t.requester_name),
                ("number", &t.number),
                ("subject", &t.subject),
                ("link", &link),
            ],
        )]
    };
    let year = year(state.clock.now());
    let created = tickets::create(&state.store, new, year, uploads, compose_mail, audit)?;
    tracing::info!(event = "ticket_created", ticket = created.id, kind = ?created.kind, with_link, "request received");
    Ok(created)
}

/// Files a new request, then shows the page with its number (or, signed in, the
/// request itself).
pub(crate) fn file_request(
    ctx: &PageCtx,
    new: Ticket,
    uploads: Vec<Upload>,
    signed_in: bool,
) -> Result<Response> {
    let created = create_request(ctx, new, uploads, signed_in, |_| None)?;
    let to = if signed_in {
        format!("/tickets/{}?saved=created", created.id)
    } else {
        format!("/contact/sent?number={}", created.number)
    };
    Ok(Redirect::to(&to).into_response())
}

/// `GET /info-sheet?system=…`
pub async fn info_sheet_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Query(q): Query<InfoSheetForm>,
) -> Markup {
    let form = InfoSheetForm {
        system: SYSTEMS
            .iter()
            .find(|s| **s == q.system)
            .map(|s| (*s).to_owned())
            .unwrap_or_default(),
        ..InfoSheetForm::default()
    };
    view::info_sheet(&ctx, &form, &Errors::new(), viewer.is_some())
}

/// `POST /info-sheet`: the information sheet of a system that cannot be registered
/// (SMA Smart Home, off-grid); a ticket for the service team, logged in or not.
pub async fn info_sheet(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    CsrfForm(form): CsrfForm<InfoSheetForm>,
) -> Result<Response> {
    let mut e = Errors::new();
    let (name, email) = match &viewer {
        Some(v) => (Some(v.user.full_name()), Some(v.user.email.clone())),
        None => (
            e.check("name", domain::required_text(&form.name, 120)),
            e.check(
                "email",
                Email::parse(&form.email).map(|m| m.as_str().to_owned()),
            ),
        ),
    };
    let system = e.check(
        "system",
        SYSTEMS
            .iter()
            .copied()
            .find(|s| *s == form.system)
            .ok_or(if form.system.is_empty() {
                "field-required"
            } else {
                "info-system-unknown"
            }),
    );
    let serials = e.check(
        "serials",
        domain::required_text_multiline(&form.serials, 500),
    );
    let site = e.check("site", domain::required_text_multiline(&form.site, 500));
    let message = e.check(
        "message",
        domain::optional_text(&form.message.replace(['\r', '\n'], " "), 5000),
    );
    let (Some(name), Some(email), Some(system), Some(serials), Some(site), Some(message), true) =
        (name, email, system, serials, site, message, e.is_empty())
    else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::info_sheet(&ctx, &form, &e, viewer.is_some()),
        )
            .into_response());
    };
    let state = &ctx.state;
    let now = state.clock.now();
    let system_name = state
        .i18n
        .t(crate::i18n::Lang::En, &format!("info-system-{system}"));
    let text = format!("{system_name}\n\nSerial numbers:\n{serials}\n\nSite:\n{site}\n\n{message}");
    let first = TicketMessage::new(
        now,
        viewer.as_ref().map(|v| v.user.id),
        name.clone(),
        false,
        text,
    );
    let new = Ticket {
        topic: Some(system.to_owned()),
        serial: serials
            .split(|c: char| !c.is_ascii_digit())
            .find_map(|s| SerialNumber::parse(s).ok())
            .map(SerialNumber::value),
        ..Ticket::filed(
            TicketKind::InfoSheet,
            requester(&ctx, viewer.as_ref(), name, email),
            ctx.t_args(
                "info-subject",
                &crate::i18n::args(&[("system", &ctx.t(&format!("info-system-{system}")))]),
            ),
            first,
        )
    };
    file_request(&ctx, new, Vec::new(), viewer.is_some())
}
