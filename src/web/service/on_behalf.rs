//! Filing a request on a customer's behalf (`/service/tickets/new`): the service team
//! picks the person (by e-mail), optionally one of their plants and a device, and writes
//! the request; it is the customer's from then on (their Ticket Tracking, their e-mail).

pub use crate::views::service::on_behalf::OnBehalfForm;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::access::AccountKind;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::domain::ticket::{self, TicketKind};
use crate::domain::{self, Email, SerialNumber};
use crate::error::Result;
use crate::store::audit::Event;
use crate::store::devices;
use crate::store::plants::{self, Plant};
use crate::store::tickets::{Requester, Ticket, TicketMessage};
use crate::store::users::{self, User, UserStatus};
use crate::views::components::Errors;
use crate::views::service::on_behalf as view;
use crate::web::context::PageCtx;
use crate::web::trail::Trail;

/// The customer of a form, if the e-mail names an active customer account.
fn customer_of(ctx: &PageCtx, text: &str) -> Result<Option<(User, Vec<Plant>)>> {
    let Ok(email) = Email::parse(text) else {
        return Ok(None);
    };
    let Some(user) = users::find_by_email(&ctx.state.store, &email)?
        .filter(|u| u.kind != AccountKind::Staff && u.status == UserStatus::Active)
    else {
        return Ok(None);
    };
    let plants = plants::list(&ctx.state.store, &user.actor(), "")?
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    Ok(Some((user, plants)))
}

/// `GET /service/tickets/new?customer=…`: first the customer, then the request.
pub async fn form_page(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Query(form): Query<OnBehalfForm>,
) -> Result<Response> {
    let mut e = Errors::new();
    let customer = if form.customer.trim().is_empty() {
        None
    } else {
        let found = customer_of(&ctx, &form.customer)?;
        if found.is_none() {
            e.add("customer", "service-customer-unknown");
        }
        found
    };
    let status = if e.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, view::form(&ctx, &form, customer.as_ref(), &e)).into_response())
}

/// `POST /service/tickets/new`: files the request as the customer's.
pub async fn create(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    CsrfForm(form): CsrfForm<OnBehalfForm>,
) -> Result<Response> {
    let mut e = Errors::new();
    let customer = customer_of(&ctx, &form.customer)?;
    if customer.is_none() {
        e.add("customer", "service-customer-unknown");
    }
    let topic = e.check("topic", ticket::parse_topic(&form.topic));
    let plant = match (&customer, form.plant.trim()) {
        (_, "") => None,
        (Some((_, plants)), id) => {
            let found = id
                .parse::<u64>()
                .ok()
                .and_then(|id| plants.iter().find(|p| p.id == id));
            if found.is_none() {
                e.add("plant", "service-plant-not-theirs");
            }
            found.map(|p| p.id)
        }
        (None, _) => None,
    };
    let serial = if form.serial.trim().is_empty() {
        None
    } else {
        e.check("serial", SerialNumber::parse(&form.serial))
    };
    let message = e.check(
        "message",
        domain::required_text_multiline(&form.message, 5000),
    );
    let (Some((user, _)), Some(topic), Some(message), true) =
        (&customer, topic, message, e.is_empty())
    else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::form(&ctx, &form, customer.as_ref(), &e),
        )
            .into_response());
    };
    let state = &ctx.state;
    let now = state.clock.now();
    // A serial of a device on one of the customer's plants ties the request to it.
    let device = match serial {
        Some(s) => devices::by_serial(&state.store, s.value())?.filter(|d| {
            customer
                .as_ref()
                .is_some_and(|(_, plants)| plants.iter().any(|p| p.id == d.plant_id))
        }),
        None => None,
    };
    let subject = crate::web::tickets::subject_of(&message);
    let first = TicketMessage::new(now, Some(me.user.id), me.user.full_name(), true, message);
    let new = Ticket {
        topic: Some(topic.to_owned()),
        plant: device.as_ref().map(|d| d.plant_id).or(plant),
        device: device.as_ref().map(|d| d.id),
        serial: serial.map(SerialNumber::value),
        assignee: Some(me.user.id),
        ..Ticket::filed(TicketKind::Contact, Requester::of(user), subject, first)
    };
    let created = crate::web::tickets::create_request(&ctx, new, Vec::new(), true, |t| {
        Some(
            trail
                .entry(now, Event::TicketCreatedForCustomer, &t.number)
                .about(user.id),
        )
    })?;
    Ok(Redirect::to(&format!("/tickets/{}?saved=created", created.id)).into_response())
}
