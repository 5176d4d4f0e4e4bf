//! [`Body`]: a JSON request body, refused as a problem: 415 without
//! `Content-Type: application/json`, 400 for anything that is not JSON of the expected
//! shape (a field of the wrong type, a field the route does not know, a syntax error),
//! 413 past the API's body limit ([`limit`]).
//! What the fields *say* is checked by the use case, with field errors (422).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use super::problem::ApiError;

/// A JSON request body of type `T`.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Body(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::NotJson),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TooLarge)
            }
            Err(rejection) => {
                tracing::debug!(reason = %rejection.body_text(), "API body refused");
                Err(ApiError::Unreadable)
            }
        }
    }
}

/// The largest JSON body the API reads: one document's worth of files in base64
/// (`uploads.max_document_mb`, four characters for three bytes) and a MiB for the rest.
pub fn limit(max_document_mb: u64) -> usize {
    let files = max_document_mb.saturating_mul(1024 * 1024) / 3 * 4;
    usize::try_from(files.saturating_add(1024 * 1024)).unwrap_or(usize::MAX)
}
