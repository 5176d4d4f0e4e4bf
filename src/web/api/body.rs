//! [`Body`]: a JSON request body, refused as a problem: 415 without
//! `Content-Type: application/json`, 400 for anything that is not JSON of the expected
//! shape (a field of the wrong type, a field the route does not know, a syntax error).
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
            Err(rejection) => {
                tracing::debug!(reason = %rejection.body_text(), "API body refused");
                Err(ApiError::Unreadable)
            }
        }
    }
}
