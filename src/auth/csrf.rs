//! CSRF tokens: every state-changing form carries `csrf_token`, derived from a secret
//! cookie the browser holds (the session cookie when signed in, else a per-visitor
//! `osc_csrf` cookie). Another site can make the browser send the cookie but cannot read
//! it, so it cannot produce the token. A log-in changes the session, and so the token.

use axum::extract::FromRequest;
use axum::http::{HeaderMap, Request};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::session;
use crate::error::AppError;
use crate::links::cookie;
use crate::secrets::token;

/// The anonymous visitor's CSRF cookie name.
pub fn cookie_name(https: bool) -> &'static str {
    if https { "__Host-osc_csrf" } else { "osc_csrf" }
}

/// The secret a request's forms are bound to, put into the request's extensions by the
/// CSRF middleware.
#[derive(Debug, Clone)]
pub struct CsrfSeed {
    /// The cookie value the token derives from.
    pub seed: String,
    /// Whether the middleware made it up for this request (and must set the cookie).
    pub fresh: bool,
}

impl CsrfSeed {
    /// Reads the seed from a request's cookies, or makes a new one.
    pub fn from_headers(headers: &HeaderMap, https: bool) -> Self {
        if let Some(t) = session::token_of(headers, https) {
            return Self {
                seed: t.to_owned(),
                fresh: false,
            };
        }
        if let Some(t) = cookie(headers, cookie_name(https)).filter(|t| token::is_well_formed(t)) {
            return Self {
                seed: t.to_owned(),
                fresh: false,
            };
        }
        Self {
            seed: token::generate().0,
            fresh: true,
        }
    }

    /// The token forms carry.
    pub fn token(&self) -> String {
        token_for(&self.seed)
    }

    /// The `Set-Cookie` value for a fresh seed.
    pub fn set_cookie(&self, https: bool) -> String {
        let cookie = (cookie_name(https), self.seed.as_str());
        crate::links::set_cookie(cookie, "/", crate::links::Kept::Session, "Lax", https)
    }
}

/// The form token for a seed.
pub fn token_for(seed: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"osc-csrf\0")
        .chain_update(seed.as_bytes())
        .finalize();
    hex::encode(digest)
}

/// Whether `presented` is the token for `seed` (compared in constant time).
pub fn verify(seed: &str, presented: &str) -> bool {
    let expected = token_for(seed);
    expected.as_bytes().ct_eq(presented.as_bytes()).into()
}

#[derive(Deserialize)]
struct TokenOnly {
    #[serde(default)]
    csrf_token: String,
}

/// A url-encoded form whose `csrf_token` was checked: a missing or wrong token is
/// answered 403. The form's own fields deserialize into `T` (use `#[serde(default)]` so
/// a missing field becomes a validation message, not a 400).
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(
        request: Request<axum::body::Body>,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        // The session and CSRF middleware puts the seed on every request.
        let Some(seed) = request.extensions().get::<CsrfSeed>().cloned() else {
            return Err(AppError::Forbidden);
        };
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let presented: TokenOnly = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| AppError::BadRequest(e.to_string()))?;
        if seed.fresh || !verify(&seed.seed, &presented.csrf_token) {
            return Err(AppError::Forbidden);
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| AppError::BadRequest(e.to_string()))?;
        Ok(CsrfForm(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_bind_to_their_seed() {
        let t = token_for("seed-a");
        assert!(verify("seed-a", &t));
        assert!(!verify("seed-b", &t));
        assert!(!verify("seed-a", ""));
    }
}
