//! Request extractors for handlers: [`CurrentUser`] (signed in, else sent to the log-in
//! page) and [`MaybeUser`]. The session middleware resolves the session once per
//! request; these only read what it found.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::session::Viewer;
use crate::links::url_encode;

/// The signed-in person; handlers that take it are for signed-in people only.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Viewer);

/// The signed-in person, if any.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<Viewer>);

/// Sends an anonymous visitor to the log-in page, coming back afterwards.
#[derive(Debug)]
pub struct LoginRequired(String);

impl IntoResponse for LoginRequired {
    fn into_response(self) -> Response {
        tracing::debug!("login required");
        Redirect::to(&format!("/login?next={}", url_encode(&self.0))).into_response()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = LoginRequired;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Viewer>() {
            Some(v) => Ok(CurrentUser(v.clone())),
            None => Err(LoginRequired(
                parts
                    .uri
                    .path_and_query()
                    .map_or("/", |p| p.as_str())
                    .to_owned(),
            )),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(parts.extensions.get::<Viewer>().cloned()))
    }
}

/// A company administrator with the scope of their company; anyone else signed in gets
/// a 404 (the page does not exist for them), anonymous visitors the log-in page.
#[derive(Debug, Clone)]
pub struct CompanyAdmin {
    /// The administrator.
    pub viewer: Viewer,
    /// Their company.
    pub scope: crate::access::CompanyScope,
}

impl<S: Send + Sync> FromRequestParts<S> for CompanyAdmin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let CurrentUser(viewer) = CurrentUser::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match crate::access::administered_company(&viewer.actor) {
            Some(scope) => Ok(CompanyAdmin { viewer, scope }),
            None => {
                tracing::debug!(user_id = viewer.user.id, "not a company administrator");
                Err(crate::error::AppError::NotFound.into_response())
            }
        }
    }
}

/// A member of the service team. Everyone else, signed in or not, gets a 404: the
/// service desk does not exist for them.
#[derive(Debug, Clone)]
pub struct StaffMember(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for StaffMember {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Viewer>() {
            Some(v) if crate::access::can_use_service_desk(&v.actor) => Ok(StaffMember(v.clone())),
            _ => Err(crate::error::AppError::NotFound.into_response()),
        }
    }
}
