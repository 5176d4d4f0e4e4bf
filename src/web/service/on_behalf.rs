//! Filing a request on a customer's behalf (`/service/tickets/new`): the service team
//! picks the person (by e-mail), optionally one of their plants and a device, and writes
//! the request; it is the customer's from then on (their Ticket Tracking, their e-mail).

pub use crate::views::service::on_behalf::OnBehalfForm;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::error::Result;
use crate::service::requests::{self, Customer, ForCustomer};
use crate::store::plants::Plant;
use crate::store::users::User;
use crate::views::components::Errors;
use crate::views::service::on_behalf as view;
use crate::web::context::PageCtx;
use crate::web::trail::Trail;

/// The page's view of a customer: the account and its plants.
fn shown(customer: Option<&Customer>) -> Option<(&User, &[Plant])> {
    customer.map(|c| (&c.user, c.plants.as_slice()))
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
        let found = Customer::find(&ctx.state.core, &form.customer)?;
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
    Ok((
        status,
        view::form(&ctx, &form, shown(customer.as_ref()), &e),
    )
        .into_response())
}

/// `POST /service/tickets/new`: files the request as the customer's.
pub async fn create(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    CsrfForm(form): CsrfForm<OnBehalfForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    let customer = Customer::find(core, &form.customer)?;
    let (new, customer) = match (ForCustomer::check(&form, customer.as_ref()), &customer) {
        (Ok(new), Some(customer)) => (new, customer),
        (checked, _) => {
            let e = checked.err().unwrap_or_default();
            let page = view::form(&ctx, &form, shown(customer.as_ref()), &e);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let created = requests::file_for_customer(core, &trail.acting(&me), customer, new)?;
    Ok(Redirect::to(&format!("/tickets/{}?saved=created", created.id)).into_response())
}
