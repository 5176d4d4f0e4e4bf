//! The HTTP surface: one router, the middleware stack every response passes through,
//! and one handler file per area of the portal.

pub mod assets;
pub mod context;
mod health;
mod home;
mod legal;
pub mod middleware;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::get;
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
