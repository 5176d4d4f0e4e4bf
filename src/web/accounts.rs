//! Registration and access: register, confirm the e-mail address, log in and out, and
//! recover a password with the security question and an e-mailed link.

pub use crate::views::accounts::RegisterForm;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::{PageCtx, is_local_path};
use super::trail::UserAgent;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::MaybeUser;
use crate::auth::session;
use crate::domain::Email;
use crate::error::{AppError, Result};
use crate::service::access_recovery::{self, Answered, Recovery, Reset};
use crate::service::login::{self, CodeStep, Login, LoginRefused};
use crate::service::registration::{self, EmailConfirmed, NewRegistration, Registration};
use crate::views::accounts as view;
use crate::views::components::Errors;
use crate::views::two_factor as two_factor_view;

/// `GET /register`
pub async fn register_page(ctx: PageCtx, MaybeUser(viewer): MaybeUser) -> Result<Response> {
    if let Some(viewer) = viewer {
        let home = login::home_of(&ctx.state.core, &viewer.user)?;
        return Ok(Redirect::to(home).into_response());
    }
    let form = RegisterForm {
        language: ctx.lang.code().to_owned(),
        ..RegisterForm::default()
    };
    Ok(view::register(&ctx, &form, &Errors::new()).into_response())
}

/// `POST /register`
pub async fn register(
    ctx: PageCtx,
    CsrfForm(mut form): CsrfForm<RegisterForm>,
) -> Result<Response> {
    let new = match NewRegistration::try_from(&form) {
        Ok(new) => new,
        Err(errors) => {
            form.password.clear();
            form.password_confirm.clear();
            return Ok(unprocessable(view::register(&ctx, &form, &errors)));
        }
    };
    Ok(match registration::register(&ctx.state.core, new).await? {
        Registration::LinkSent => Redirect::to("/register/sent").into_response(),
        Registration::CompanyExists { company_name } => {
            view::company_exists(&ctx, &company_name).into_response()
        }
    })
}

/// A form shown again with its errors.
fn unprocessable(page: Markup) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// The status a followed link answers with.
fn link_status(link: view::LinkState) -> StatusCode {
    match link {
        view::LinkState::Done => StatusCode::OK,
        view::LinkState::Used | view::LinkState::Expired => StatusCode::GONE,
        view::LinkState::Unknown => StatusCode::NOT_FOUND,
    }
}

/// `GET /register/sent`: "check your mailbox".
pub async fn register_sent(ctx: PageCtx) -> Markup {
    view::register_sent(&ctx)
}

/// `GET /confirm/{token}`
pub async fn confirm(ctx: PageCtx, Path(presented): Path<String>) -> Result<Response> {
    let link = registration::confirm(&ctx.state.core, &presented)?;
    Ok((link_status(link), view::confirm_result(&ctx, link)).into_response())
}

/// `GET /email/confirm/{token}`: the new address the service team entered confirms; it
/// becomes the log-in, every session ends.
pub async fn confirm_email_change(
    ctx: PageCtx,
    Path(presented): Path<String>,
    trail: crate::web::trail::Trail,
) -> Result<Response> {
    let core = &ctx.state.core;
    let (status, link, email) =
        match registration::confirm_email_change(core, &presented, &trail.0.address)? {
            EmailConfirmed::Changed { email } => {
                (StatusCode::OK, Some(view::LinkState::Done), email)
            }
            EmailConfirmed::Taken => (StatusCode::CONFLICT, None, String::new()),
            EmailConfirmed::Invalid(link) => (link_status(link), Some(link), String::new()),
        };
    let response = (status, view::email_change_result(&ctx, link, &email)).into_response();
    if link != Some(view::LinkState::Done) {
        return Ok(response);
    }
    // The browser that followed the link may hold a session of the account: it ended.
    with_cookie(
        response,
        &session::clear_cookie(ctx.state.config.is_https()),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}

/// `GET /confirm/resend`
pub async fn resend_page(ctx: PageCtx) -> Markup {
    view::resend(&ctx, "", &Errors::new(), false)
}

/// `POST /confirm/resend`: the same answer whether or not an unconfirmed account exists.
pub async fn resend(ctx: PageCtx, CsrfForm(form): CsrfForm<EmailForm>) -> Result<Response> {
    match Email::parse(&form.email) {
        Ok(email) => registration::resend(&ctx.state.core, &email)?,
        Err(message) => {
            let mut errors = Errors::new();
            errors.add("email", message);
            return Ok(unprocessable(view::resend(
                &ctx,
                &form.email,
                &errors,
                false,
            )));
        }
    }
    Ok(view::resend(&ctx, "", &Errors::new(), true).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginQuery {
    pub next: String,
}

/// `GET /login`
pub async fn login_page(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    Query(q): Query<LoginQuery>,
) -> Result<Response> {
    if let Some(viewer) = viewer {
        let home = login::home_of(&ctx.state.core, &viewer.user)?;
        return Ok(Redirect::to(home).into_response());
    }
    Ok(view::login(&ctx, "", &q.next, None).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub next: String,
}

/// `POST /login`. Unknown e-mail and wrong password give the same page, status and
/// timing; the third failure and any attempt on a locked account go to recovery.
pub async fn login(
    ctx: PageCtx,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    UserAgent(agent): UserAgent,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response> {
    // A field left empty is named next to it: that gives nothing away.
    let mut empty = Errors::new();
    if form.email.trim().is_empty() {
        empty.add("email", "login-email-missing");
    }
    if form.password.is_empty() {
        empty.add("password", "login-password-missing");
    }
    if !empty.is_empty() {
        let page = view::login_with(&ctx, &form.email, &form.next, None, &empty);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let from = (peer.ip(), agent.as_str());
    let outcome = login::log_in(&ctx.state.core, from, &form.email, &form.password).await?;
    let (user, session_token) = match outcome {
        Login::Started {
            user,
            session_token,
        } => (user, session_token),
        Login::SecondStep { pending_token } => {
            let https = ctx.state.config.is_https();
            let cookie =
                session::set_second_step_cookie(&pending_token, login::SECOND_STEP_SECS, https);
            return with_cookie(
                Redirect::to(&second_step_path(&form.next)).into_response(),
                &cookie,
            );
        }
        Login::Refused(LoginRefused::Locked) => {
            // Recovery is the way in; its form keeps the address typed here.
            let response = Redirect::to("/password/forgot?locked=1").into_response();
            let cookie = crate::links::set_cookie(
                (
                    RECOVERY_EMAIL_COOKIE,
                    &crate::links::url_encode(form.email.trim()),
                ),
                "/password/forgot",
                crate::links::Kept::For(600),
                "Strict",
                ctx.state.config.is_https(),
            );
            return with_cookie(response, &cookie);
        }
        Login::Refused(why) => {
            let status = match why {
                LoginRefused::Throttled => StatusCode::TOO_MANY_REQUESTS,
                LoginRefused::Unconfirmed | LoginRefused::Removed | LoginRefused::Blocked => {
                    StatusCode::FORBIDDEN
                }
                LoginRefused::Failed | LoginRefused::Locked => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let page = view::login(&ctx, &form.email, &form.next, Some(why.message()));
            return Ok((status, page).into_response());
        }
    };
    let target = if is_local_path(&form.next) {
        form.next.as_str()
    } else {
        login::home_of(&ctx.state.core, &user)?
    };
    let cookie = session::set_cookie(&session_token, ctx.state.config.is_https());
    with_cookie(Redirect::to(target).into_response(), &cookie)
}

/// The second step's page, carrying `next` along when it is a path of this site.
fn second_step_path(next: &str) -> String {
    if is_local_path(next) {
        let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
        format!("/login/code?{query}")
    } else {
        "/login/code".to_owned()
    }
}

/// `GET /login/code`: the second step, for a browser whose password was right.
pub async fn login_code_page(
    ctx: PageCtx,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> Response {
    if session::second_step_token_of(&headers, ctx.state.config.is_https()).is_none() {
        return Redirect::to("/login").into_response();
    }
    two_factor_view::login_code(&ctx, &q.next, None).into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
    pub next: String,
}

/// `POST /login/code`: a right code (or recovery code) starts the session; wrong ones
/// count toward the account's lock.
pub async fn login_code(
    ctx: PageCtx,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    UserAgent(agent): UserAgent,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response> {
    let https = ctx.state.config.is_https();
    let pending = session::second_step_token_of(&headers, https).unwrap_or_default();
    let from = (peer.ip(), agent.as_str());
    let outcome = login::second_step(&ctx.state.core, from, pending, &form.code)?;
    let done = session::clear_second_step_cookie(https);
    let (user, session_token) = match outcome {
        CodeStep::Started {
            user,
            session_token,
            ..
        } => (user, session_token),
        CodeStep::Wrong(message) => {
            let page = two_factor_view::login_code(&ctx, &form.next, Some(message));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
        CodeStep::Throttled => {
            let page = two_factor_view::login_code(&ctx, &form.next, Some("login-throttled"));
            return Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response());
        }
        CodeStep::Locked => {
            let response = Redirect::to("/password/forgot?locked=1").into_response();
            return with_cookie(response, &done);
        }
        CodeStep::Gone => {
            let page = view::login(&ctx, "", &form.next, Some("login-code-gone"));
            let response = (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
            return with_cookie(response, &done);
        }
    };
    let target = if is_local_path(&form.next) {
        form.next.as_str()
    } else {
        login::home_of(&ctx.state.core, &user)?
    };
    let cookie = session::set_cookie(&session_token, https);
    let response = with_cookie(Redirect::to(target).into_response(), &cookie)?;
    with_cookie(response, &done)
}

/// `response` with a `Set-Cookie` header added.
fn with_cookie(mut response: Response, cookie: &str) -> Result<Response> {
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(cookie).map_err(AppError::internal)?,
    );
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct NoFields {}

/// `POST /logout`: ends the session on the server and removes the cookie.
pub async fn logout(
    ctx: PageCtx,
    MaybeUser(viewer): MaybeUser,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if let Some(viewer) = viewer {
        login::log_out(&ctx.state.core, &viewer.user, viewer.session)?;
    }
    let cookie = session::clear_cookie(ctx.state.config.is_https());
    with_cookie(Redirect::to("/").into_response(), &cookie)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotQuery {
    pub locked: String,
}

/// The cookie that carries the address of a locked log-in to the recovery form (ten
/// minutes, that path only).
const RECOVERY_EMAIL_COOKIE: &str = "osc_recover_email";

/// `GET /password/forgot`; after a lock, with the address the log-in was typed with.
pub async fn forgot_page(ctx: PageCtx, headers: HeaderMap, Query(q): Query<ForgotQuery>) -> Markup {
    let locked = q.locked == "1";
    let email = locked
        .then(|| crate::links::cookie(&headers, RECOVERY_EMAIL_COOKIE))
        .flatten()
        .map(crate::links::percent_decoded)
        .unwrap_or_default();
    view::forgot_email(&ctx, &email, &Errors::new(), locked)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    pub email: String,
    /// Present (maybe empty) on the second step.
    pub security_answer: Option<String>,
}

/// `POST /password/forgot`: first the e-mail, then the account's security question (a
/// stable decoy for unknown e-mails); a right answer e-mails a single-use link.
pub async fn forgot(
    ctx: PageCtx,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response> {
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(message) => {
            let mut errors = Errors::new();
            errors.add("email", message);
            return Ok(unprocessable(view::forgot_email(
                &ctx,
                &form.email,
                &errors,
                false,
            )));
        }
    };
    let recovery = Recovery::start(&ctx.state.core, email)?;
    let (email, question) = (recovery.email.as_str(), recovery.question);
    let Some(answer) = form.security_answer else {
        return Ok(view::forgot_question(&ctx, email, question, &Errors::new()).into_response());
    };
    let (status, message) = match recovery.answer(&ctx.state.core, peer.ip(), &answer).await? {
        Answered::LinkSent => return Ok(view::forgot_sent(&ctx).into_response()),
        Answered::Malformed(message) => (StatusCode::UNPROCESSABLE_ENTITY, message),
        Answered::Throttled => (StatusCode::TOO_MANY_REQUESTS, "login-throttled"),
        Answered::Blocked => (StatusCode::FORBIDDEN, "login-blocked"),
        Answered::Wrong => (StatusCode::UNPROCESSABLE_ENTITY, "security-answer-wrong"),
    };
    let mut errors = Errors::new();
    errors.add("security_answer", message);
    Ok((
        status,
        view::forgot_question(&ctx, email, question, &errors),
    )
        .into_response())
}

/// `GET /password/reset/{token}`
pub async fn reset_page(ctx: PageCtx, Path(presented): Path<String>) -> Result<Response> {
    Ok(
        match access_recovery::reset_link(&ctx.state.core, &presented)? {
            None => view::reset_form(&ctx, &presented, &Errors::new()).into_response(),
            Some(link) => invalid_reset_link(&ctx, link),
        },
    )
}

/// The page of a reset link that cannot be used.
fn invalid_reset_link(ctx: &PageCtx, link: view::LinkState) -> Response {
    let status = match link {
        view::LinkState::Unknown => StatusCode::NOT_FOUND,
        _ => StatusCode::GONE,
    };
    (status, view::reset_invalid(ctx, link)).into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewPasswordForm {
    pub password: String,
    pub password_confirm: String,
}

/// `POST /password/reset/{token}`: sets the password, unlocks the account, ends its
/// sessions and tells the owner by e-mail.
pub async fn reset(
    ctx: PageCtx,
    Path(presented): Path<String>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    let (password, confirm) = (&form.password, &form.password_confirm);
    Ok(
        match access_recovery::reset_password(core, &presented, password, confirm).await? {
            Reset::Done => view::reset_done(&ctx).into_response(),
            Reset::Invalid(link) => invalid_reset_link(&ctx, link),
            Reset::Refused(errors) => unprocessable(view::reset_form(&ctx, &presented, &errors)),
        },
    )
}
