//! The service levels page (`/service/levels`): business hours, time zone and targets
//! saved in one form, holidays added one by one, imported from an `.ics` file, or
//! removed. Every change is a new version in force from now on.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::StaffMember;
use crate::error::{AppError, Result};
use crate::service::service_levels as use_case;
use crate::views::components::Errors;
use crate::views::service::levels::{self as view, HolidayForm, LevelsForm, LevelsPage};
use crate::web::accounts::NoFields;
use crate::web::context::PageCtx;
use crate::web::multipart::MultipartForm;

/// The largest `.ics` file read.
const MAX_ICS_BYTES: u64 = 1024 * 1024;

/// What a page of the settings is asked with.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Saved {
    pub saved: String,
}

/// The settings page, with what a refused form sent.
fn render(
    ctx: &PageCtx,
    form: Option<&LevelsForm>,
    errors: &Errors,
    holiday: (&HolidayForm, &Errors),
    import_error: Option<&'static str>,
    saved: &str,
) -> Result<Markup> {
    let schedule = use_case::schedule(&ctx.state.core)?;
    let filled = use_case::form_of(&use_case::current(&schedule));
    Ok(view::page(
        ctx,
        &LevelsPage {
            schedule: &schedule,
            form: form.unwrap_or(&filled),
            errors,
            holiday: holiday.0,
            holiday_errors: holiday.1,
            import_error,
            saved,
        },
    ))
}

/// `GET /service/levels`
pub async fn page(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Query(q): Query<Saved>,
) -> Result<Markup> {
    let none = Errors::new();
    render(
        &ctx,
        None,
        &none,
        (&HolidayForm::default(), &none),
        None,
        &q.saved,
    )
}

/// `POST /service/levels`: hours, time zone and targets, in force from now on.
pub async fn save(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    CsrfForm(form): CsrfForm<LevelsForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    let base = use_case::current(&use_case::schedule(core)?);
    match use_case::check(&form, &base) {
        Ok(levels) => {
            use_case::save(core, levels)?;
            Ok(Redirect::to("/service/levels?saved=saved#hours").into_response())
        }
        Err(errors) => {
            let none = Errors::new();
            let page = render(
                &ctx,
                Some(&form),
                &errors,
                (&HolidayForm::default(), &none),
                None,
                "",
            )?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /service/levels/holidays`: one holiday.
pub async fn add_holiday(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    CsrfForm(form): CsrfForm<HolidayForm>,
) -> Result<Response> {
    match use_case::holiday(&form.date, &form.name) {
        Ok(day) => {
            use_case::add_holidays(&ctx.state.core, &[day])?;
            Ok(Redirect::to("/service/levels?saved=holiday#holidays").into_response())
        }
        Err(errors) => {
            let page = render(&ctx, None, &Errors::new(), (&form, &errors), None, "")?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /service/levels/holidays/import` (multipart `calendar`): the all-day events of
/// an `.ics` file as holidays.
pub async fn import(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    let form = MultipartForm::read(request, &seed, &ctx.state).await?;
    let part = form.files_of("calendar").next();
    let refused = match part {
        None => "levels-ics-missing",
        Some(_) if form.too_large => "levels-ics-too-large",
        Some(f) if f.content.len() > MAX_ICS_BYTES => "levels-ics-too-large",
        Some(f) => {
            let bytes = f.content.to_vec().map_err(AppError::internal)?;
            match use_case::holidays_of_ics(&bytes) {
                Ok(days) => {
                    use_case::add_holidays(&ctx.state.core, &days)?;
                    return Ok(
                        Redirect::to("/service/levels?saved=imported#holidays").into_response()
                    );
                }
                Err(message) => message,
            }
        }
    };
    let none = Errors::new();
    let page = render(
        &ctx,
        None,
        &none,
        (&HolidayForm::default(), &none),
        Some(refused),
        "",
    )?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// `POST /service/levels/holidays/{date}/delete`
pub async fn remove_holiday(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Path(date): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Redirect> {
    if !use_case::remove_holiday(&ctx.state.core, &date)? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(
        "/service/levels?saved=holiday-removed#holidays",
    ))
}
