//! Registration and access: register, confirm the e-mail address, log in and out, and
//! recover a password with the security question and an e-mailed link.

pub use crate::views::accounts::RegisterForm;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::{PageCtx, is_local_path};
use crate::access::AccountKind;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::MaybeUser;
use crate::auth::{session, token};
use crate::domain::security_question::{self, SecurityQuestion};
use crate::domain::{self, AccountType, Country, Email, NewPassword};
use crate::error::{AppError, Result};
use crate::i18n::Lang;
use crate::mail::templates::compose;
use crate::store::audit;
use crate::store::effects::Effects;
use crate::store::tokens::{TokenKind, TokenState};
use crate::store::users::{
    self, DeliveryAddress, NewAccount, NewCompany, Registered, User, UserStatus,
};
use crate::views::accounts as view;
use crate::views::components::Errors;

/// `GET /register`
pub async fn register_page(ctx: PageCtx, MaybeUser(viewer): MaybeUser) -> Response {
    if viewer.is_some() {
        return Redirect::to("/profile").into_response();
    }
    let form = RegisterForm {
        language: ctx.lang.code().to_owned(),
        ..RegisterForm::default()
    };
    view::register(&ctx, &form, &Errors::new()).into_response()
}

/// The validated parts of a registration.
struct ValidRegistration {
    email: Email,
    password: NewPassword,
    account_type: AccountType,
    first_name: String,
    last_name: String,
    phone: String,
    company_name: String,
    street: String,
    postal_code: String,
    city: String,
    country: Country,
    language: Lang,
    question: SecurityQuestion,
    answer: String,
}

fn validate_registration(form: &RegisterForm) -> Result<ValidRegistration, Errors> {
    let mut e = Errors::new();
    let account_type = e.check("account_type", AccountType::parse(&form.account_type));
    let email = e.check("email", Email::parse(&form.email));
    let first_name = e.check("first_name", domain::required_text(&form.first_name, 80));
    let last_name = e.check("last_name", domain::required_text(&form.last_name, 80));
    let personal = [
        form.first_name.as_str(),
        form.last_name.as_str(),
        form.company_name.as_str(),
    ];
    let password = e.check_password(NewPassword::parse(
        &form.password,
        &form.password_confirm,
        &form.email,
        &personal,
    ));
    let phone = e.check("phone", domain::phone(&form.phone));
    let company_name = if account_type.is_some_and(AccountType::has_company) {
        e.check(
            "company_name",
            domain::required_text(&form.company_name, 120),
        )
    } else {
        Some(String::new())
    };
    let street = e.check("street", domain::required_text(&form.street, 120));
    let postal_code = e.check("postal_code", domain::required_text(&form.postal_code, 12));
    let city = e.check("city", domain::required_text(&form.city, 80));
    let country = e.check("country", Country::parse(&form.country));
    let language = e.check(
        "language",
        Lang::from_code(&form.language)
            .filter(|l| l.code() == form.language)
            .ok_or("language-unknown"),
    );
    let question = e.check(
        "security_question",
        SecurityQuestion::parse(&form.security_question),
    );
    let answer = e.check(
        "security_answer",
        security_question::parse_answer(&form.security_answer),
    );
    if form.accept_terms != "on" {
        e.add("accept_terms", "terms-not-accepted");
    }
    match (
        email,
        password,
        account_type,
        first_name,
        last_name,
        phone,
        company_name,
        street,
        postal_code,
        city,
        country,
        language,
        question,
        answer,
    ) {
        (
            Some(email),
            Some(password),
            Some(account_type),
            Some(first_name),
            Some(last_name),
            Some(phone),
            Some(company_name),
            Some(street),
            Some(postal_code),
            Some(city),
            Some(country),
            Some(language),
            Some(question),
            Some(answer),
        ) if e.is_empty() => Ok(ValidRegistration {
            email,
            password,
            account_type,
            first_name,
            last_name,
            phone,
            company_name,
            street,
            postal_code,
            city,
            country,
            language,
            question,
            answer,
        }),
        _ => Err(e),
    }
}

/// `POST /register`
pub async fn register(
    ctx: PageCtx,
    CsrfForm(mut form): CsrfForm<RegisterForm>,
) -> Result<Response> {
    let valid = match validate_registration(&form) {
        Ok(v) => v,
        Err(errors) => {
            form.password.clear();
            form.password_confirm.clear();
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view::register(&ctx, &form, &errors),
            )
                .into_response());
        }
    };
    let state = &ctx.state;
    // Both hashes are computed whatever the outcome, so every outcome takes as long.
    let password_hash = state
        .hasher
        .hash(valid.password.expose().to_owned())
        .await
        .map_err(AppError::internal)?;
    let answer_hash = state
        .hasher
        .hash(valid.answer.clone())
        .await
        .map_err(AppError::internal)?;
    let (confirm_token, confirm_hash) = token::generate();
    let now = state.clock.now();
    let expires_at = now + state.config.security.confirmation_hours * 3600;
    let base = state.config.public_url();
    let account = NewAccount {
        email: valid.email.clone(),
        password_hash,
        first_name: valid.first_name.clone(),
        last_name: valid.last_name.clone(),
        phone: valid.phone.clone(),
        kind: valid.account_type.kind(),
        language: valid.language,
        security_question: valid.question.id().to_owned(),
        security_answer_hash: answer_hash,
        company: valid.account_type.has_company().then(|| NewCompany {
            name: valid.company_name.clone(),
            street: valid.street.clone(),
            postal_code: valid.postal_code.clone(),
            city: valid.city.clone(),
            country: valid.country.code().to_owned(),
        }),
        info_requests: Vec::new(),
    };
    let requester = format!("{} {}", valid.first_name, valid.last_name);
    let hours = state.config.security.confirmation_hours.to_string();
    let outcome = users::register(
        &state.store,
        account,
        confirm_hash,
        expires_at,
        now,
        |outcome| match outcome {
            Registered::Created(user) => vec![compose(
                state,
                user.language,
                &user.mailbox(),
                "confirm",
                &[
                    ("name", &user.first_name),
                    ("link", &format!("{base}/confirm/{confirm_token}")),
                    ("hours", &hours),
                ],
            )],
            Registered::EmailTaken(existing) => vec![compose(
                state,
                existing.language,
                &existing.mailbox(),
                "already-registered",
                &[
                    ("name", &existing.first_name),
                    ("login", &format!("{base}/login")),
                    ("forgot", &format!("{base}/password/forgot")),
                ],
            )],
            Registered::CompanyExists { company, admins } => admins
                .iter()
                .map(|admin| {
                    compose(
                        state,
                        admin.language,
                        &admin.mailbox(),
                        "company-exists",
                        &[
                            ("name", &admin.first_name),
                            ("requester", &requester),
                            ("email", valid.email.as_str()),
                            ("company", &company.name),
                            ("members", &format!("{base}/company/members")),
                        ],
                    )
                })
                .collect(),
        },
    )?;
    match outcome {
        Registered::Created(user) => {
            // The registration's address is the first delivery address.
            let recipient = if valid.account_type.has_company() {
                format!("{} – {}", valid.company_name, user.full_name())
            } else {
                user.full_name()
            };
            users::save_address(
                &state.store,
                user.id,
                DeliveryAddress {
                    id: 0,
                    recipient,
                    street: valid.street,
                    postal_code: valid.postal_code,
                    city: valid.city,
                    country: valid.country.code().to_owned(),
                },
                true,
            )?;
            Ok(Redirect::to("/register/sent").into_response())
        }
        Registered::EmailTaken(_) => Ok(Redirect::to("/register/sent").into_response()),
        Registered::CompanyExists { company, .. } => {
            Ok(view::company_exists(&ctx, &company.name).into_response())
        }
    }
}

/// `GET /register/sent`: "check your mailbox".
pub async fn register_sent(ctx: PageCtx) -> Markup {
    view::register_sent(&ctx)
}

/// `GET /confirm/{token}`
pub async fn confirm(ctx: PageCtx, Path(presented): Path<String>) -> Result<Response> {
    if !token::is_well_formed(&presented) {
        return Ok((
            StatusCode::NOT_FOUND,
            view::confirm_result(&ctx, view::LinkState::Unknown),
        )
            .into_response());
    }
    let (state, _) = users::confirm(
        &ctx.state.store,
        token::hash(&presented),
        ctx.state.clock.now(),
    )?;
    let (status, link) = match state {
        TokenState::Valid(_) => (StatusCode::OK, view::LinkState::Done),
        TokenState::Used(_) => (StatusCode::GONE, view::LinkState::Used),
        TokenState::Expired(_) => (StatusCode::GONE, view::LinkState::Expired),
        TokenState::Unknown => (StatusCode::NOT_FOUND, view::LinkState::Unknown),
    };
    Ok((status, view::confirm_result(&ctx, link)).into_response())
}

/// `GET /email/confirm/{token}`: the new address the service team entered confirms; it
/// becomes the log-in, every session ends.
pub async fn confirm_email_change(
    ctx: PageCtx,
    Path(presented): Path<String>,
    trail: crate::web::trail::Trail,
) -> Result<Response> {
    if !token::is_well_formed(&presented) {
        return Ok((
            StatusCode::NOT_FOUND,
            view::email_change_result(&ctx, Some(view::LinkState::Unknown), ""),
        )
            .into_response());
    }
    let outcome = users::confirm_email_change(
        &ctx.state.store,
        token::hash(&presented),
        ctx.state.clock.now(),
        &trail.0.address,
    )?;
    let (status, state, email) = match outcome {
        users::EmailChanged::Changed(user) => {
            tracing::info!(event = "email_changed", user_id = user.id, "e-mail changed");
            (StatusCode::OK, Some(view::LinkState::Done), user.email)
        }
        users::EmailChanged::Taken => (StatusCode::CONFLICT, None, String::new()),
        users::EmailChanged::Invalid(state) => {
            let (status, link) = match state {
                TokenState::Valid(_) => (StatusCode::OK, view::LinkState::Done),
                TokenState::Used(_) => (StatusCode::GONE, view::LinkState::Used),
                TokenState::Expired(_) => (StatusCode::GONE, view::LinkState::Expired),
                TokenState::Unknown => (StatusCode::NOT_FOUND, view::LinkState::Unknown),
            };
            (status, Some(link), String::new())
        }
    };
    let mut response = (status, view::email_change_result(&ctx, state, &email)).into_response();
    if state == Some(view::LinkState::Done) {
        // The browser that followed the link may hold a session of the account: it ended.
        let cookie = session::clear_cookie(ctx.state.config.is_https());
        response.headers_mut().append(
            header::SET_COOKIE,
            HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
        );
    }
    Ok(response)
}

/// Issues a single-use link of `kind` for `user`, valid for `ttl_secs`, and queues the
/// mail that carries it (`confirm` or `reset`, with `name`, `link` and `extra` filled in).
fn send_link(
    state: &AppState,
    user: &User,
    kind: TokenKind,
    ttl_secs: u64,
    extra: (&str, &str),
) -> Result<()> {
    let (secret, hash) = token::generate();
    let now = state.clock.now();
    let (path, template) = match kind {
        TokenKind::Confirm => ("/confirm/", "confirm"),
        TokenKind::Reset => ("/password/reset/", "reset"),
        TokenKind::EmailChange => ("/email/confirm/", "email-change"),
    };
    let link = format!("{}{path}{secret}", state.config.public_url());
    let mail = compose(
        state,
        user.language,
        &user.mailbox(),
        template,
        &[("name", &user.first_name), ("link", &link), extra],
    );
    users::issue_token(
        &state.store,
        user.id,
        kind,
        hash,
        now + ttl_secs,
        now,
        Effects::mails(vec![mail]),
    )?;
    Ok(())
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
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(m) => {
            let mut errors = Errors::new();
            errors.add("email", m);
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view::resend(&ctx, &form.email, &errors, false),
            )
                .into_response());
        }
    };
    let state = &ctx.state;
    if let Some(user) = users::find_by_email(&state.store, &email)?
        && user.status == UserStatus::Unconfirmed
    {
        let hours = state.config.security.confirmation_hours;
        send_link(
            state,
            &user,
            TokenKind::Confirm,
            hours * 3600,
            ("hours", &hours.to_string()),
        )?;
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
) -> Response {
    if viewer.is_some() {
        return Redirect::to("/profile").into_response();
    }
    view::login(&ctx, "", &q.next, None).into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub next: String,
}

fn locked_redirect() -> Response {
    Redirect::to("/password/forgot?locked=1").into_response()
}

/// `POST /login`. Unknown e-mail and wrong password give the same page, status and
/// timing; the third failure and any attempt on a locked account go to recovery.
pub async fn login(
    ctx: PageCtx,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response> {
    let state = &ctx.state;
    let sec = &state.config.security;
    let now = state.clock.now();
    let refuse = |message: &'static str, status: StatusCode| {
        (
            status,
            view::login(&ctx, &form.email, &form.next, Some(message)),
        )
            .into_response()
    };
    let Ok(email) = Email::parse(&form.email) else {
        return Ok(refuse("login-failed", StatusCode::UNPROCESSABLE_ENTITY));
    };
    if form.password.is_empty() || form.password.len() > 1024 {
        return Ok(refuse("login-failed", StatusCode::UNPROCESSABLE_ENTITY));
    }
    if state
        .throttle
        .address_blocked(peer.ip(), sec.unknown_login_limit, now)
    {
        return Ok(refuse("login-throttled", StatusCode::TOO_MANY_REQUESTS));
    }
    let user = users::find_by_email(&state.store, &email)?;
    let matched = state
        .hasher
        .verify(
            form.password.clone(),
            user.as_ref().map(|u| u.password_hash.clone()),
        )
        .await;
    let Some(user) = user else {
        let attempts = state
            .throttle
            .record_unknown(peer.ip(), email.as_str(), now);
        tracing::info!(event = "login_failed", known = false, "failed log-in");
        audit::record(
            &state.store,
            audit::Entry::new(
                now,
                audit::Event::LoginFailed,
                audit::Actor {
                    user: None,
                    name: email.as_str().to_owned(),
                    address: peer.ip().to_string(),
                },
                email.as_str(),
            )
            .detail("unknown-email"),
        )?;
        if attempts >= sec.max_failed_logins {
            return Ok(locked_redirect());
        }
        return Ok(refuse("login-failed", StatusCode::UNPROCESSABLE_ENTITY));
    };
    if user.is_locked(now, sec.lockout_minutes) {
        tracing::info!(
            event = "login_locked",
            user_id = user.id,
            "log-in on a locked account"
        );
        return Ok(locked_redirect());
    }
    if !matched {
        let locked = users::record_failure(
            &state.store,
            user.id,
            sec.max_failed_logins,
            now,
            sec.lockout_minutes,
            &peer.ip().to_string(),
            "password",
        )?;
        tracing::info!(
            event = "login_failed",
            known = true,
            user_id = user.id,
            locked,
            "failed log-in"
        );
        if locked {
            return Ok(locked_redirect());
        }
        return Ok(refuse("login-failed", StatusCode::UNPROCESSABLE_ENTITY));
    }
    match user.status {
        UserStatus::Unconfirmed => return Ok(refuse("login-unconfirmed", StatusCode::FORBIDDEN)),
        UserStatus::Removed { .. } => {
            tracing::info!(
                event = "login_removed",
                user_id = user.id,
                "log-in of a removed collaborator"
            );
            return Ok(refuse("login-removed", StatusCode::FORBIDDEN));
        }
        UserStatus::Blocked { .. } => {
            tracing::info!(
                event = "login_blocked",
                user_id = user.id,
                "log-in on a blocked account"
            );
            return Ok(refuse("login-blocked", StatusCode::FORBIDDEN));
        }
        UserStatus::Active => {}
    }
    let (session_token, session_hash) = token::generate();
    users::record_login(&state.store, user.id, session_hash, now)?;
    tracing::info!(event = "login", user_id = user.id, "logged in");
    let target = if is_local_path(&form.next) {
        form.next.clone()
    } else if user.kind == AccountKind::Staff {
        "/service".to_owned()
    } else {
        "/profile".to_owned()
    };
    let mut response = Redirect::to(&target).into_response();
    let cookie = session::set_cookie(&session_token, state.config.is_https());
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
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
        crate::store::sessions::delete(&ctx.state.store, viewer.session)?;
        tracing::info!(event = "logout", user_id = viewer.user.id, "logged out");
    }
    let mut response = Redirect::to("/").into_response();
    let cookie = session::clear_cookie(ctx.state.config.is_https());
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
    );
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotQuery {
    pub locked: String,
}

/// `GET /password/forgot`
pub async fn forgot_page(ctx: PageCtx, Query(q): Query<ForgotQuery>) -> Markup {
    view::forgot_email(&ctx, "", &Errors::new(), q.locked == "1")
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
    let state = &ctx.state;
    let sec = &state.config.security;
    let now = state.clock.now();
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(m) => {
            let mut errors = Errors::new();
            errors.add("email", m);
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view::forgot_email(&ctx, &form.email, &errors, false),
            )
                .into_response());
        }
    };
    let user = users::find_by_email(&state.store, &email)?;
    let question = user
        .as_ref()
        .and_then(|u| SecurityQuestion::parse(&u.security_question).ok())
        .unwrap_or_else(|| SecurityQuestion::decoy_for(email.as_str()));
    let Some(answer) = form.security_answer else {
        return Ok(
            view::forgot_question(&ctx, email.as_str(), question, &Errors::new()).into_response(),
        );
    };
    let mut errors = Errors::new();
    let Some(answer) = errors.check("security_answer", security_question::parse_answer(&answer))
    else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::forgot_question(&ctx, email.as_str(), question, &errors),
        )
            .into_response());
    };
    if state
        .throttle
        .address_blocked(peer.ip(), sec.unknown_login_limit, now)
    {
        errors.add("security_answer", "login-throttled");
        return Ok((
            StatusCode::TOO_MANY_REQUESTS,
            view::forgot_question(&ctx, email.as_str(), question, &errors),
        )
            .into_response());
    }
    let right = state
        .hasher
        .verify(
            answer,
            user.as_ref().map(|u| u.security_answer_hash.clone()),
        )
        .await;
    match user {
        // A removed collaborator's access stays off: the page looks the same, no link.
        Some(user) if right && matches!(user.status, UserStatus::Removed { .. }) => {
            Ok(view::forgot_sent(&ctx).into_response())
        }
        // A blocked account gets no link; whoever knows the answer is told why.
        Some(user) if right && matches!(user.status, UserStatus::Blocked { .. }) => {
            tracing::info!(
                event = "recovery_blocked",
                user_id = user.id,
                "password recovery on a blocked account"
            );
            errors.add("security_answer", "login-blocked");
            Ok((
                StatusCode::FORBIDDEN,
                view::forgot_question(&ctx, email.as_str(), question, &errors),
            )
                .into_response())
        }
        Some(user) if right => {
            let minutes = sec.reset_minutes;
            send_link(
                state,
                &user,
                TokenKind::Reset,
                minutes * 60,
                ("minutes", &minutes.to_string()),
            )?;
            tracing::info!(
                event = "recovery_link_sent",
                user_id = user.id,
                "password recovery link sent"
            );
            Ok(view::forgot_sent(&ctx).into_response())
        }
        other => {
            if let Some(user) = &other {
                users::record_failure(
                    &state.store,
                    user.id,
                    sec.max_failed_logins,
                    now,
                    sec.lockout_minutes,
                    &peer.ip().to_string(),
                    "security-answer",
                )?;
            }
            state
                .throttle
                .record_unknown(peer.ip(), &format!("recovery:{email}"), now);
            tracing::info!(event = "recovery_answer_wrong", "wrong security answer");
            errors.add("security_answer", "security-answer-wrong");
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view::forgot_question(&ctx, email.as_str(), question, &errors),
            )
                .into_response())
        }
    }
}

fn reset_link_state(state: &TokenState) -> view::LinkState {
    match state {
        TokenState::Valid(_) => view::LinkState::Done,
        TokenState::Used(_) => view::LinkState::Used,
        TokenState::Expired(_) => view::LinkState::Expired,
        TokenState::Unknown => view::LinkState::Unknown,
    }
}

/// `GET /password/reset/{token}`
pub async fn reset_page(ctx: PageCtx, Path(presented): Path<String>) -> Result<Response> {
    if !token::is_well_formed(&presented) {
        return Ok((
            StatusCode::NOT_FOUND,
            view::reset_invalid(&ctx, view::LinkState::Unknown),
        )
            .into_response());
    }
    let state = crate::store::tokens::state(
        &ctx.state.store,
        token::hash(&presented),
        TokenKind::Reset,
        ctx.state.clock.now(),
    )?;
    Ok(match state {
        TokenState::Valid(_) => view::reset_form(&ctx, &presented, &Errors::new()).into_response(),
        other => (
            StatusCode::GONE,
            view::reset_invalid(&ctx, reset_link_state(&other)),
        )
            .into_response(),
    })
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
    if !token::is_well_formed(&presented) {
        return Ok((
            StatusCode::NOT_FOUND,
            view::reset_invalid(&ctx, view::LinkState::Unknown),
        )
            .into_response());
    }
    let store = &ctx.state.store;
    let hash = token::hash(&presented);
    let now = ctx.state.clock.now();
    let token_state = crate::store::tokens::state(store, hash, TokenKind::Reset, now)?;
    let TokenState::Valid(token) = &token_state else {
        return Ok((
            StatusCode::GONE,
            view::reset_invalid(&ctx, reset_link_state(&token_state)),
        )
            .into_response());
    };
    let Some(user) = users::get(store, token.user_id)? else {
        return Ok((
            StatusCode::NOT_FOUND,
            view::reset_invalid(&ctx, view::LinkState::Unknown),
        )
            .into_response());
    };
    let personal = [user.first_name.as_str(), user.last_name.as_str()];
    let mut errors = Errors::new();
    let Some(password) = errors.check_password(NewPassword::parse(
        &form.password,
        &form.password_confirm,
        &user.email,
        &personal,
    )) else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::reset_form(&ctx, &presented, &errors),
        )
            .into_response());
    };
    let state = &ctx.state;
    let password_hash = state
        .hasher
        .hash(password.expose().to_owned())
        .await
        .map_err(AppError::internal)?;
    let base = state.config.public_url();
    let (after, _) = users::reset_password(store, hash, password_hash, now, |u| {
        vec![compose(
            state,
            u.language,
            &u.mailbox(),
            "password-changed",
            &[
                ("name", &u.first_name),
                ("forgot", &format!("{base}/password/forgot")),
            ],
        )]
    })?;
    Ok(match after {
        TokenState::Valid(_) => {
            tracing::info!(
                event = "password_reset",
                user_id = user.id,
                "password reset; account unlocked"
            );
            view::reset_done(&ctx).into_response()
        }
        other => (
            StatusCode::GONE,
            view::reset_invalid(&ctx, reset_link_state(&other)),
        )
            .into_response(),
    })
}
