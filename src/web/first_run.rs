//! The first run: `/setup/{token}` creates the first service-team account, and the forms
//! that file requests say the instance is not set up yet while it has no service team.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::context::PageCtx;
use crate::auth::csrf::CsrfForm;
use crate::error::Result;
use crate::service::first_run::{self as use_case, SetUp, SetupLink};
use crate::views::components::Errors;
use crate::views::first_run::{self as view, SetupForm};

/// The page of a link that does not open the form.
fn closed(ctx: &PageCtx, link: SetupLink) -> Response {
    let status = match link {
        SetupLink::Unknown => StatusCode::NOT_FOUND,
        _ => StatusCode::GONE,
    };
    let page = view::setup_closed(ctx, link == SetupLink::SetUpAlready);
    (status, page).into_response()
}

/// `GET /setup/{token}`
pub async fn setup_page(ctx: PageCtx, Path(token): Path<String>) -> Result<Response> {
    Ok(match use_case::link(&ctx.state.core, &token)? {
        SetupLink::Open => {
            view::setup_page(&ctx, &token, &SetupForm::default(), &Errors::new()).into_response()
        }
        other => closed(&ctx, other),
    })
}

/// `POST /setup/{token}`: creates the first staff account, who logs in next.
pub async fn setup(
    ctx: PageCtx,
    Path(token): Path<String>,
    CsrfForm(mut form): CsrfForm<SetupForm>,
) -> Result<Response> {
    Ok(
        match use_case::create(&ctx.state.core, &token, &form).await? {
            SetUp::Created(user) => view::setup_done(&ctx, &user.email).into_response(),
            SetUp::Refused(errors) => {
                form.password.clear();
                form.password_confirm.clear();
                let page = view::setup_page(&ctx, &token, &form, &errors);
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
            }
            SetUp::Closed(link) => closed(&ctx, link),
        },
    )
}

/// The answer of a form that files requests while nobody could read them: `None` once
/// the instance has a service team.
pub fn closed_to_requests(ctx: &PageCtx) -> Result<Option<Response>> {
    if use_case::is_set_up(&ctx.state.core)? {
        return Ok(None);
    }
    let page = view::requests_closed(ctx);
    Ok(Some(
        (StatusCode::SERVICE_UNAVAILABLE, page).into_response(),
    ))
}
