//! "Two-step log-in" under "My access data": set it up (password, then the QR code or
//! the key and a first code), see the recovery codes once, renew them, turn it off.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::PageCtx;
use super::profile::Saved;
use super::trail::Trail;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::config::StaffTwoFactor;
use crate::error::Result;
use crate::service::two_factor as use_case;
use crate::views::components::Errors;
use crate::views::two_factor::{self as view, TwoFactorPage};

/// The page in `state`, for `me`.
fn render(ctx: &PageCtx, me: &Viewer, state: &TwoFactorPage<'_>, saved: &str) -> Result<Response> {
    let required = use_case::must_set_up(&ctx.state.core, &me.user)?;
    Ok(view::page(ctx, state, required, saved).into_response())
}

/// Whether `me` may turn two-step log-in off (staff may not while it is required).
fn may_turn_off(ctx: &PageCtx, me: &Viewer) -> bool {
    me.user.kind != crate::access::AccountKind::Staff
        || ctx.state.config.security.staff_two_factor == StaffTwoFactor::Optional
}

/// The page as it stands: off (set-up starts with the password) or on.
fn current(
    ctx: &PageCtx,
    me: &Viewer,
    errors: (&Errors, &Errors),
    saved: &str,
) -> Result<Response> {
    let status = use_case::status(&ctx.state.core, &me.user)?;
    let state = if status.is_on() {
        TwoFactorPage::On {
            status: &status,
            renew_errors: errors.0,
            off_errors: errors.1,
            may_turn_off: may_turn_off(ctx, me),
        }
    } else {
        TwoFactorPage::Off { errors: errors.0 }
    };
    render(ctx, me, &state, saved)
}

/// `GET /account/two-factor`
pub async fn page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Saved>,
) -> Result<Response> {
    let none = Errors::new();
    current(&ctx, &me, (&none, &none), &q.saved)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current_password: String,
}

/// `POST /account/two-factor/setup`: the current password opens set-up: a new key,
/// shown as a QR code and as text.
pub async fn setup(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    if use_case::status(core, &me.user)?.is_on() {
        // Nothing to set up: the page as it stands.
        return Ok(Redirect::to("/account/two-factor").into_response());
    }
    match use_case::begin(core, &trail.acting(&me), &form.current_password).await? {
        Ok(setup) => {
            let none = Errors::new();
            let state = TwoFactorPage::Setup {
                setup: &setup,
                code: "",
                errors: &none,
            };
            render(&ctx, &me, &state, "")
        }
        Err(errors) => Ok(refused(current(&ctx, &me, (&errors, &Errors::new()), "")?)),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
}

/// `POST /account/two-factor/confirm`: a right code turns it on and shows the recovery
/// codes once; a wrong one shows the same key again.
pub async fn confirm(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    match use_case::confirm(core, &trail.acting(&me), me.session, &form.code)? {
        Ok(codes) => render(
            &ctx,
            &me,
            &TwoFactorPage::Codes {
                codes: &codes,
                first: true,
            },
            "",
        ),
        Err(errors) => match use_case::waiting_setup(core, &me.user)? {
            Some(setup) => {
                let state = TwoFactorPage::Setup {
                    setup: &setup,
                    code: &form.code,
                    errors: &errors,
                };
                Ok(refused(render(&ctx, &me, &state, "")?))
            }
            // Nothing waits (set up meanwhile, or never begun): the page as it stands.
            None => Ok(refused(current(
                &ctx,
                &me,
                (&Errors::new(), &Errors::new()),
                "",
            )?)),
        },
    }
}

/// `POST /account/two-factor/recovery-codes`: new recovery codes, shown once.
pub async fn renew(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    match use_case::renew_recovery(core, &trail.acting(&me), &form.current_password).await? {
        Ok(codes) => render(
            &ctx,
            &me,
            &TwoFactorPage::Codes {
                codes: &codes,
                first: false,
            },
            "",
        ),
        Err(errors) => Ok(refused(current(&ctx, &me, (&errors, &Errors::new()), "")?)),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TurnOffForm {
    pub current_password: String,
    pub code: String,
}

/// `POST /account/two-factor/off`: the password and a code turn it off.
pub async fn turn_off(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<TurnOffForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    let typed = (form.current_password.as_str(), form.code.as_str());
    match use_case::turn_off(core, &trail.acting(&me), me.session, typed).await? {
        Ok(()) => Ok(Redirect::to("/account/access?saved=two-factor-off").into_response()),
        Err(errors) => Ok(refused(current(&ctx, &me, (&Errors::new(), &errors), "")?)),
    }
}

/// A page shown again with its errors.
fn refused(page: Response) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}
