//! [`Trail`]: who is acting and from where, as the audit log records it, extracted from
//! the request (the signed-in person and the peer address); [`UserAgent`]: the browser
//! a session is started from.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::app::AppState;
use crate::auth::session::Viewer;
use crate::store::audit;

/// The actor of an audit entry for this request.
#[derive(Debug, Clone)]
pub struct Trail(pub audit::Actor);

impl FromRequestParts<AppState> for Trail {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _: &AppState,
    ) -> std::result::Result<Self, Self::Rejection> {
        let viewer = parts.extensions.get::<Viewer>();
        let address = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_default();
        Ok(Trail(audit::Actor {
            user: viewer.map(|v| v.user.id),
            name: viewer.map(|v| v.user.full_name()).unwrap_or_default(),
            address,
        }))
    }
}

impl Trail {
    /// The signed-in person `me` acting through this request, as the use cases take it.
    pub fn acting<'a>(&'a self, me: &'a Viewer) -> crate::service::Acting<'a> {
        crate::service::Acting {
            user: &me.user,
            actor: &me.actor,
            trail: &self.0,
            via_token: None,
        }
    }
}

/// The request's `User-Agent` (empty when absent or not text), for the list of sessions.
#[derive(Debug, Clone, Default)]
pub struct UserAgent(pub String);

impl<S: Send + Sync> FromRequestParts<S> for UserAgent {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _: &S,
    ) -> std::result::Result<Self, Self::Rejection> {
        Ok(UserAgent(
            parts
                .headers
                .get(axum::http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned(),
        ))
    }
}
