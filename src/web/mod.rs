//! The HTTP surface: one router, the middleware stack every response passes through,
//! and one handler file per area of the portal.

pub mod accounts;
pub mod assets;
pub mod context;
mod health;
mod home;
mod legal;
pub mod middleware;
pub mod profile;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::AppState;
use crate::error::AppError;

/// Every route of the portal with its middleware. Tests drive it on `127.0.0.1:0`.
pub fn build_router(state: AppState) -> Router {
    let server = &state.config.server;
    let body_limit = server.body_limit_kb.saturating_mul(1024);
    let timeout = Duration::from_secs(server.request_timeout_secs);

    Router::new()
        .route("/", get(home::start_page))
        .route("/healthz", get(health::healthz))
        .route("/language/{code}", get(home::switch_language))
        .route("/privacy", get(legal::privacy))
        .route("/terms", get(legal::terms))
        .route("/privacy/download", get(legal::privacy_download))
        .route("/terms/download", get(legal::terms_download))
        .route(
            "/register",
            get(accounts::register_page).post(accounts::register),
        )
        .route("/register/sent", get(accounts::register_sent))
        .route(
            "/confirm/resend",
            get(accounts::resend_page).post(accounts::resend),
        )
        .route("/confirm/{token}", get(accounts::confirm))
        .route("/login", get(accounts::login_page).post(accounts::login))
        .route("/logout", post(accounts::logout))
        .route(
            "/password/forgot",
            get(accounts::forgot_page).post(accounts::forgot),
        )
        .route(
            "/password/reset/{token}",
            get(accounts::reset_page).post(accounts::reset),
        )
        .route(
            "/profile",
            get(profile::profile_page).post(profile::save_profile),
        )
        .route("/profile/addresses", post(profile::add_address))
        .route(
            "/profile/addresses/{id}",
            get(profile::edit_address_page).post(profile::edit_address),
        )
        .route(
            "/profile/addresses/{id}/delete",
            get(profile::delete_address_page).post(profile::delete_address),
        )
        .route(
            "/profile/addresses/{id}/default",
            post(profile::default_address),
        )
        .route("/account/access", get(profile::access_page))
        .route("/account/password", post(profile::change_password))
        .route("/account/security-question", post(profile::change_question))
        .route("/favicon.ico", get(assets::favicon))
        .route("/assets/{hash}/{*path}", get(assets::serve))
        .fallback(|| async { AppError::NotFound })
        .layer(
            // Outermost first: every response, error pages and assets included, gets the
            // security headers; errors are rendered inside the request's span.
            ServiceBuilder::new()
                .layer(middleware::security_headers())
                .layer(CompressionLayer::new())
                .layer(middleware::trace())
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    middleware::session_and_csrf,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    middleware::error_pages,
                ))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    timeout,
                ))
                .layer(CatchPanicLayer::new())
                .layer(RequestBodyLimitLayer::new(body_limit))
                .layer(DefaultBodyLimit::max(body_limit)),
        )
        .with_state(state)
}
