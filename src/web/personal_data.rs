//! Personal data: "Download my data" (`/profile/data`) and, on a person's page of the
//! service desk, their data exported and the person erased.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::accounts::NoFields;
use super::context::PageCtx;
use super::trail::Trail;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::{CurrentUser, StaffMember};
use crate::error::{AppError, Result};
use crate::service::people;
use crate::service::personal_data::{self as use_case, Asker, EraseDenied};
use crate::views::components::Errors;
use crate::views::personal_data as view;
use crate::views::service::accounts::{self as accounts_view, Forms};

/// `GET /profile/data`
pub async fn own_page(ctx: PageCtx, CurrentUser(me): CurrentUser) -> Markup {
    let state = use_case::state(&ctx.state.core, Asker::Themselves(me.user.id));
    view::own_page(&ctx, state.as_ref())
}

/// `POST /profile/data`: starts making the file; the page shows its progress.
pub async fn own_start(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Redirect> {
    use_case::start(
        &ctx.state.core,
        &trail.acting(&me),
        Asker::Themselves(me.user.id),
    )?;
    Ok(Redirect::to("/profile/data"))
}

/// `GET /profile/data/download`: only the person's own file.
pub async fn own_download(ctx: PageCtx, CurrentUser(me): CurrentUser) -> Result<Response> {
    download(&ctx, Asker::Themselves(me.user.id)).await
}

async fn download(ctx: &PageCtx, asker: Asker) -> Result<Response> {
    let path = use_case::ready_file(&ctx.state.core, asker).ok_or(AppError::NotFound)?;
    let data = tokio::fs::read(&path)
        .await
        .map_err(|_| AppError::NotFound)?;
    super::documents::file_response(
        data,
        "application/zip",
        &use_case::download_name(asker.person()),
    )
}

/// `POST /service/users/{id}/data`: the desk exports a customer's data.
pub async fn desk_start(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Redirect> {
    people::customer(&ctx.state.core, id)?.ok_or(AppError::NotFound)?;
    use_case::start(&ctx.state.core, &trail.acting(&me), Asker::Desk(id))?;
    Ok(Redirect::to(&format!(
        "/service/users/{id}?saved=export#personal-data"
    )))
}

/// `GET /service/users/{id}/data/download`
pub async fn desk_download(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Path(id): Path<u64>,
) -> Result<Response> {
    download(&ctx, Asker::Desk(id)).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    pub confirm_email: String,
}

/// `POST /service/users/{id}/erase`: confirmed by the person's address typed again.
pub async fn erase(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> Result<Response> {
    let p = people::customer(&ctx.state.core, id)?.ok_or(AppError::NotFound)?;
    let why = match use_case::erase(&ctx.state.core, &trail.acting(&me), id, &form.confirm_email)? {
        Ok(done) => {
            return Ok(
                Redirect::to(&format!("/service/users?erased={}", done.tickets)).into_response(),
            );
        }
        Err(EraseDenied::Unknown) => return Err(AppError::NotFound),
        Err(EraseDenied::NotConfirmed) => {
            ("service-erase-mismatch", StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(EraseDenied::LastAdministrator) => ("service-erase-last-admin", StatusCode::CONFLICT),
        Err(EraseDenied::Oneself) => ("service-erase-self", StatusCode::CONFLICT),
    };
    let mut errors = Errors::new();
    errors.add("confirm_email", why.0);
    let forms = Forms {
        erase: Some((&form.confirm_email, &errors)),
        ..Forms::default()
    };
    Ok((why.1, accounts_view::detail(&ctx, &p, &forms, "")).into_response())
}
