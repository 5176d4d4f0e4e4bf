//! The service desk's saved replies (`/service/replies`): listed with the form for a new
//! one, changed and deleted. Only the service team gets in.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::oversight::NoFields;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::error::{AppError, Result};
use crate::service::saved_replies::{self as use_case, ReplyData};
use crate::views::components::Errors;
use crate::views::service::replies::{self as view, ReplyForm};
use crate::web::context::PageCtx;
use crate::web::profile::Saved;
use crate::web::trail::Trail;

/// The list with `form` and its `errors`.
fn list_page(
    ctx: &PageCtx,
    trail: &Trail,
    me: &crate::auth::session::Viewer,
    (form, errors): (&ReplyForm, &Errors),
    saved: &str,
) -> Result<maud::Markup> {
    let replies = use_case::list(&ctx.state.core, &trail.acting(me))?.ok_or(AppError::NotFound)?;
    Ok(view::list(ctx, &replies, (form, errors), saved))
}

/// `GET /service/replies`
pub async fn list(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Query(q): Query<Saved>,
) -> Result<maud::Markup> {
    list_page(
        &ctx,
        &trail,
        &me,
        (&ReplyForm::default(), &Errors::new()),
        &q.saved,
    )
}

/// `POST /service/replies`
pub async fn create(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> Result<Response> {
    match ReplyData::check(&form) {
        Ok(data) => {
            use_case::create(&ctx.state.core, &trail.acting(&me), data)?
                .ok_or(AppError::NotFound)?;
            Ok(Redirect::to("/service/replies?saved=created").into_response())
        }
        Err(errors) => {
            let page = list_page(&ctx, &trail, &me, (&form, &errors), "")?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `GET /service/replies/{id}`
pub async fn edit_page(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
) -> Result<maud::Markup> {
    let reply =
        use_case::get(&ctx.state.core, &trail.acting(&me), id)?.ok_or(AppError::NotFound)?;
    Ok(view::edit(
        &ctx,
        id,
        (&ReplyForm::of(&reply), &Errors::new()),
    ))
}

/// `POST /service/replies/{id}`
pub async fn save(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> Result<Response> {
    let who = trail.acting(&me);
    use_case::get(&ctx.state.core, &who, id)?.ok_or(AppError::NotFound)?;
    match ReplyData::check(&form) {
        Ok(data) => {
            if !use_case::save(&ctx.state.core, &who, id, data)? {
                return Err(AppError::NotFound);
            }
            Ok(Redirect::to("/service/replies?saved=saved").into_response())
        }
        Err(errors) => {
            let page = view::edit(&ctx, id, (&form, &errors));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /service/replies/{id}/delete`
pub async fn delete(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if !use_case::delete(&ctx.state.core, &trail.acting(&me), id)? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/service/replies?saved=deleted").into_response())
}
