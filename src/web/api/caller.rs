//! Who an API request acts for: the `Authorization: Bearer` token (never a cookie, so no
//! CSRF), its owner's access, its scopes against the request's method, and its rate.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{Method, header, request::Parts};

use super::problem::ApiError;
use crate::app::AppState;
use crate::service::Acting;
use crate::service::api_tokens::{self, Caller};
use crate::store::audit;

/// The caller of an API request, admitted: a live token of an active account, within
/// its rate, with the scope the method needs (`read` for `GET`, `write` otherwise).
#[derive(Debug, Clone)]
pub struct ApiCaller(pub Caller, pub Trail);

/// Who acts and from where, as the audit log records a change made with a token.
#[derive(Debug, Clone)]
pub struct Trail(pub audit::Actor);

impl ApiCaller {
    /// The token's owner acting through it, as the use cases take it.
    pub fn acting(&self) -> Acting<'_> {
        Acting {
            user: &self.0.user,
            actor: &self.0.actor,
            trail: &self.1.0,
            via_token: Some(&self.0.token.name),
        }
    }
}

/// The token of `Authorization: Bearer <token>`.
fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let secret = bearer(parts).ok_or(ApiError::Unauthorized)?;
        let caller = api_tokens::caller(&state.core, secret)?.ok_or(ApiError::Unauthorized)?;
        let limit = state.config.api.requests_per_minute;
        state
            .core
            .rate_limits
            .admit_token(caller.hash, limit, state.core.clock.now())
            .map_err(ApiError::TooMany)?;
        let reading = matches!(parts.method, Method::GET | Method::HEAD);
        match (reading, caller.token.read, caller.token.write) {
            (true, false, _) => Err(ApiError::MissingScope("read")),
            (false, _, false) => Err(ApiError::MissingScope("write")),
            _ => {
                let address = parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|c| c.0.ip().to_string())
                    .unwrap_or_default();
                let trail = Trail(audit::Actor {
                    user: Some(caller.user.id),
                    name: caller.user.full_name(),
                    address,
                });
                Ok(ApiCaller(caller, trail))
            }
        }
    }
}
