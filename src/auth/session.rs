//! Session cookies and resolving a request's session to the signed-in person.
//!
//! The cookie holds a random 256-bit token; the store keeps only its hash. The cookie is
//! `HttpOnly; SameSite=Lax`, and `Secure` with the `__Host-` prefix when the instance is
//! reached over https. A session ends at log-out, after `security.session_idle_minutes`
//! without a request, `security.session_absolute_hours` after log-in, and when the
//! password changes.

use axum::http::HeaderMap;

use crate::access::Actor;
use crate::config::Config;
use crate::links::{self, Kept, cookie};
use crate::secrets::token;
use crate::store::Storage;
use crate::store::users::{User, UserStatus};

/// A session's last-seen time is written at most this often (seconds): page views must
/// not each cost a durable commit.
const TOUCH_EVERY_SECS: u64 = 60;

/// The signed-in person behind a request, resolved once by the session middleware.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The hash of the session's token.
    pub session: [u8; 32],
    /// The account.
    pub user: User,
    /// The account as the policy sees it.
    pub actor: Actor,
}

/// The session cookie's name: `__Host-osc_session` over https, else `osc_session`.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-osc_session"
    } else {
        "osc_session"
    }
}

/// The `Set-Cookie` value that stores `token`.
pub fn set_cookie(token: &str, https: bool) -> String {
    links::set_cookie(
        (cookie_name(https), token),
        "/",
        Kept::Session,
        "Lax",
        https,
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(https: bool) -> String {
    links::set_cookie((cookie_name(https), ""), "/", Kept::Removed, "Lax", https)
}

/// The cookie of a log-in waiting for its second step: `__Host-osc_login_step` over
/// https, else `osc_login_step`.
pub fn second_step_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-osc_login_step"
    } else {
        "osc_login_step"
    }
}

/// The `Set-Cookie` value that keeps the second step's `token` for `max_age` seconds.
pub fn set_second_step_cookie(token: &str, max_age: u64, https: bool) -> String {
    let name = second_step_cookie_name(https);
    links::set_cookie((name, token), "/", Kept::For(max_age), "Strict", https)
}

/// The `Set-Cookie` value that removes the second step's cookie.
pub fn clear_second_step_cookie(https: bool) -> String {
    let name = second_step_cookie_name(https);
    links::set_cookie((name, ""), "/", Kept::Removed, "Strict", https)
}

/// The second step's token a request carries, if well-formed.
pub fn second_step_token_of(headers: &HeaderMap, https: bool) -> Option<&str> {
    cookie(headers, second_step_cookie_name(https)).filter(|t| token::is_well_formed(t))
}

/// The session token a request carries, if well-formed.
pub fn token_of(headers: &HeaderMap, https: bool) -> Option<&str> {
    cookie(headers, cookie_name(https)).filter(|t| token::is_well_formed(t))
}

/// Finds the live session of a request and its user. Ends sessions that timed out.
pub fn resolve(
    store: &dyn Storage,
    config: &Config,
    now: u64,
    headers: &HeaderMap,
) -> Option<Viewer> {
    let https = config.is_https();
    let hash = token::hash(token_of(headers, https)?);
    let session = match store.sessions().get(hash) {
        Ok(s) => s?,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            return None;
        }
    };
    let sec = &config.security;
    let idle_over = now >= session.last_seen + sec.session_idle_minutes * 60;
    let absolute_over = now >= session.created_at + sec.session_absolute_hours * 3600;
    if idle_over || absolute_over {
        if let Err(e) = store.sessions().delete(hash) {
            tracing::error!(error = %e, "ending a timed-out session failed");
        }
        return None;
    }
    let user = store.users().get(session.user_id).ok()??;
    if user.status != UserStatus::Active {
        return None;
    }
    if now >= session.last_seen + TOUCH_EVERY_SECS
        && let Err(e) = store.sessions().touch(hash, now)
    {
        tracing::warn!(error = %e, "refreshing a session failed");
    }
    let actor = user.actor();
    Some(Viewer {
        session: hash,
        user,
        actor,
    })
}
