//! The one error type of the HTTP layer.
//!
//! Handlers return [`Result<T>`]. A user's mistake in a form is not an error: the
//! handler re-renders the form with messages. [`AppError`] is for what ends a request:
//! a missing page, a refused request, or an internal failure. `into_response` only sets
//! the status and attaches the details; the error-page middleware
//! (`web::middleware::error_pages`) logs internal errors once, inside the request's span,
//! and renders the designed page in the visitor's language. Internals never reach the page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// `Result` with [`AppError`] as the default error.
pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// What ends a request early.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 404: no such page, or one the visitor may not know exists.
    #[error("not found")]
    NotFound,
    /// 403: the request lacks a valid CSRF token or is otherwise refused.
    #[error("forbidden")]
    Forbidden,
    /// 400: a request no form of ours produces (malformed, tampered with).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 429: a form used too often from one address; `Retry-After` says when again.
    #[error("too many requests; retry after {0} s")]
    TooManyRequests(u64),
    /// 503: the store refuses writes for now (too little disk space, or its file is
    /// being reopened after a failure); the message is logged, never shown.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// 500: something broke on our side; the message is logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// 404.
    pub fn not_found() -> Self {
        AppError::NotFound
    }

    /// 403.
    pub fn forbidden() -> Self {
        AppError::Forbidden
    }

    /// 500 from anything displayable.
    pub fn internal(e: impl std::fmt::Display) -> Self {
        AppError::Internal(e.to_string())
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Attached to error responses so the error-page middleware can log the cause.
#[derive(Debug, Clone)]
pub struct ErrorDetail(pub String);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        match self {
            AppError::TooManyRequests(secs) => {
                response
                    .headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, secs.into());
            }
            AppError::Unavailable(_) => {
                response.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from_static("60"),
                );
            }
            _ => {}
        }
        response
            .extensions_mut()
            .insert(ErrorDetail(self.to_string()));
        response
    }
}

impl From<crate::store::StoreError> for AppError {
    fn from(e: crate::store::StoreError) -> Self {
        if e.is_temporary() {
            AppError::Unavailable(e.to_string())
        } else {
            AppError::internal(e)
        }
    }
}

impl From<crate::service::Failure> for AppError {
    fn from(e: crate::service::Failure) -> Self {
        match e {
            crate::service::Failure::Store(e) => e.into(),
            // The IMAP server away: the desk may try again in a moment.
            e @ crate::service::Failure::Mailbox(_) => AppError::Unavailable(e.to_string()),
            other => AppError::internal(other),
        }
    }
}
