//! Logging in: an unknown e-mail and a wrong password are refused alike, in the same
//! time; the third failure locks the account; past a limit of failures per network
//! address every failure is answered "wait", known e-mail or not, while a right password
//! still signs in. A log-in that succeeds starts a session.

use std::net::IpAddr;

use crate::access::AccountKind;
use crate::domain::Email;
use crate::secrets::token;
use crate::store::audit;
use crate::store::sessions::SessionOrigin;
use crate::store::users::{User, UserStatus};

use super::{Core, Failure};

/// Passwords longer than this are refused before they reach the hasher.
const MAX_PASSWORD_BYTES: usize = 1024;

/// What a log-in led to.
#[derive(Debug)]
pub enum Login {
    /// A new session: its token goes into the cookie.
    Started {
        user: Box<User>,
        session_token: String,
    },
    /// Refused, and why (as the visitor may learn it).
    Refused(LoginRefused),
}

/// Why a log-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginRefused {
    /// Unknown e-mail, wrong password or nothing given: the visitor cannot tell which.
    Failed,
    /// Too many attempts with unknown e-mails from this address.
    Throttled,
    /// The account is locked (now or by this failure): recovery is the way in.
    Locked,
    /// The e-mail address was never confirmed.
    Unconfirmed,
    /// The company removed this collaborator.
    Removed,
    /// The service team blocked the account.
    Blocked,
}

impl LoginRefused {
    /// The message id shown on the log-in page.
    pub fn message(self) -> &'static str {
        match self {
            LoginRefused::Failed | LoginRefused::Locked => "login-failed",
            LoginRefused::Throttled => "login-throttled",
            LoginRefused::Unconfirmed => "login-unconfirmed",
            LoginRefused::Removed => "login-removed",
            LoginRefused::Blocked => "login-blocked",
        }
    }
}

/// Where a user lands after logging in when the log-in page was not sent a `next`.
pub fn home_of(user: &User) -> &'static str {
    if user.kind == AccountKind::Staff {
        "/service"
    } else {
        "/profile"
    }
}

/// Logs in with `email` and `password` from `peer`, in the browser `user_agent`.
pub async fn log_in(
    core: &Core,
    (peer, user_agent): (IpAddr, &str),
    email: &str,
    password: &str,
) -> Result<Login, Failure> {
    let sec = &core.config.security;
    let now = core.clock.now();
    let refused = |why| Ok(Login::Refused(why));
    let Ok(email) = Email::parse(email) else {
        return refused(LoginRefused::Failed);
    };
    if password.is_empty() || password.len() > MAX_PASSWORD_BYTES {
        return refused(LoginRefused::Failed);
    }
    // Past the address's limit a failure is answered "wait", whether the e-mail has an
    // account or not; a right password on an account that is not locked still signs in.
    let throttled_or = |why| {
        if core
            .throttle
            .address_over(peer, sec.unknown_login_limit, now)
        {
            LoginRefused::Throttled
        } else {
            why
        }
    };
    let user = core.store.users().find_by_email(&email)?;
    let matched = core
        .hasher
        .verify(
            password.to_owned(),
            user.as_ref().map(|u| u.password_hash.clone()),
        )
        .await;
    let Some(user) = user else {
        let attempts = core.throttle.record_unknown(peer, email.as_str(), now);
        tracing::info!(event = "login_failed", known = false, "failed log-in");
        core.store.audit().record(
            audit::Entry::new(
                now,
                audit::Event::LoginFailed,
                audit::Actor {
                    user: None,
                    name: email.as_str().to_owned(),
                    address: peer.to_string(),
                },
                email.as_str(),
            )
            .detail("unknown-email"),
        )?;
        return refused(throttled_or(if attempts >= sec.max_failed_logins {
            LoginRefused::Locked
        } else {
            LoginRefused::Failed
        }));
    };
    if user.is_locked(now, sec.lockout_minutes) {
        tracing::info!(
            event = "login_locked",
            user_id = user.id,
            "log-in on a locked account"
        );
        core.throttle.record_known(peer, now);
        return refused(throttled_or(LoginRefused::Locked));
    }
    if !matched {
        let locked = core.store.users().record_failure(
            user.id,
            sec.max_failed_logins,
            now,
            sec.lockout_minutes,
            &peer.to_string(),
            "password",
        )?;
        tracing::info!(
            event = "login_failed",
            known = true,
            user_id = user.id,
            locked,
            "failed log-in"
        );
        core.throttle.record_known(peer, now);
        return refused(throttled_or(if locked {
            LoginRefused::Locked
        } else {
            LoginRefused::Failed
        }));
    }
    match user.status {
        UserStatus::Unconfirmed => return refused(LoginRefused::Unconfirmed),
        UserStatus::Removed { .. } => {
            tracing::info!(
                event = "login_removed",
                user_id = user.id,
                "log-in of a removed collaborator"
            );
            return refused(LoginRefused::Removed);
        }
        UserStatus::Blocked { .. } => {
            tracing::info!(
                event = "login_blocked",
                user_id = user.id,
                "log-in on a blocked account"
            );
            return refused(LoginRefused::Blocked);
        }
        UserStatus::Active => {}
    }
    let (session_token, session_hash) = token::generate();
    core.store.users().record_login(
        user.id,
        session_hash,
        &SessionOrigin::new(user_agent, &peer.to_string()),
        now,
    )?;
    tracing::info!(event = "login", user_id = user.id, "logged in");
    Ok(Login::Started {
        user: Box::new(user),
        session_token,
    })
}

/// Ends the session `session` (the SHA-256 of its token) of `user`.
pub fn log_out(core: &Core, user: &User, session: [u8; 32]) -> Result<(), Failure> {
    core.store.sessions().delete(session)?;
    tracing::info!(event = "logout", user_id = user.id, "logged out");
    Ok(())
}
