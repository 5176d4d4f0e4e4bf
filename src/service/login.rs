//! Logging in: an unknown e-mail and a wrong password are refused alike, in the same
//! time; the third failure locks the account; past a limit of failures per network
//! address every failure is answered "wait", known e-mail or not, while a right password
//! still signs in. A log-in that succeeds starts a session, or, when the account has
//! two-step log-in, a pending log-in that its second step (an authenticator code or a
//! recovery code) turns into a session. Wrong codes count toward the same lock as wrong
//! passwords, and whether an account has two-step log-in is read only after its password
//! was right, so a wrong password is answered alike either way.

use std::net::IpAddr;

use crate::access::AccountKind;
use crate::domain::Email;
use crate::secrets::{token, totp};
use crate::store::audit;
use crate::store::effects::Effects;
use crate::store::sessions::SessionOrigin;
use crate::store::tokens::{TokenKind, TokenState};
use crate::store::two_factor::{NewSession, Proof, SecondStep, TwoStep};
use crate::store::users::{User, UserStatus};

use super::{Core, Failure, two_factor};

/// How long a log-in waits for its second step after the right password, in seconds.
pub const SECOND_STEP_SECS: u64 = 5 * 60;

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
    /// The password was right and the account has two-step log-in: the second step's
    /// token goes into its short-lived cookie.
    SecondStep { pending_token: String },
    /// Refused, and why (as the visitor may learn it).
    Refused(LoginRefused),
}

/// What the second step of a log-in led to.
#[derive(Debug)]
pub enum CodeStep {
    /// A new session: its token goes into the cookie. A recovery code was used when
    /// `recovery_left` says how many are left.
    Started {
        user: Box<User>,
        session_token: String,
        recovery_left: Option<usize>,
    },
    /// The code was not accepted (the message id says why); the step can be tried again.
    Wrong(&'static str),
    /// Too many failures from this address: wait.
    Throttled,
    /// The account is locked (now or by this failure): recovery is the way in.
    Locked,
    /// The pending log-in is unknown or timed out: start again with the password.
    Gone,
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

/// Where a user lands after logging in when the log-in page was not sent a `next`: at
/// their work. The service team at the service desk; installers and wholesalers at their
/// company's plant overview; a plant operator at the plants that name them, or at Ticket
/// Tracking when none does.
pub fn home_of(core: &Core, user: &User) -> Result<&'static str, Failure> {
    Ok(match user.kind {
        AccountKind::Staff => "/service",
        AccountKind::Operator => {
            if core.store.plants().list(&user.actor(), "")?.is_empty() {
                "/tickets"
            } else {
                "/plants"
            }
        }
        AccountKind::Installer | AccountKind::Wholesaler => "/plants",
    })
}

/// Logs in with `email` and `password` from `peer`, in the browser `user_agent`; the
/// outcome is counted for `/metrics`.
pub async fn log_in(
    core: &Core,
    client: (IpAddr, &str),
    email: &str,
    password: &str,
) -> Result<Login, Failure> {
    use crate::metrics::Login as Counted;
    let outcome = attempt(core, client, email, password).await;
    if let Ok(login) = &outcome {
        crate::metrics::global().login(match login {
            Login::Refused(LoginRefused::Locked) => Counted::Locked,
            Login::Refused(_) => Counted::Failed,
            _ => Counted::Succeeded,
        });
    }
    outcome
}

async fn attempt(
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
        let locked = count_failure(core, &user, peer, "password")?;
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
    // Only now, with the password right, does it matter whether a second step follows;
    // the lock's count is reset by the second step, not by the password alone.
    if core
        .store
        .two_factor()
        .get(user.id)?
        .is_some_and(|t| t.is_on())
    {
        let (pending_token, pending_hash) = token::generate();
        core.store.users().issue_token(
            user.id,
            TokenKind::LoginStep,
            pending_hash,
            now + SECOND_STEP_SECS,
            now,
            Effects::default(),
        )?;
        tracing::info!(
            event = "login_second_step",
            user_id = user.id,
            "password right; asking for the second step"
        );
        return Ok(Login::SecondStep { pending_token });
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

/// The second step of the log-in whose pending token is `pending_token`, from `peer` in
/// the browser `user_agent`: `typed` is a six-digit code of the authenticator (of the
/// previous, current or next 30 seconds, each step accepted once) or a recovery code
/// (each accepted once).
pub fn second_step(
    core: &Core,
    (peer, user_agent): (IpAddr, &str),
    pending_token: &str,
    typed: &str,
) -> Result<CodeStep, Failure> {
    let sec = &core.config.security;
    let now = core.clock.now();
    if !token::is_well_formed(pending_token) {
        return Ok(CodeStep::Gone);
    }
    let pending = token::hash(pending_token);
    let TokenState::Valid(waiting) =
        core.store
            .tokens()
            .state(pending, TokenKind::LoginStep, now)?
    else {
        return Ok(CodeStep::Gone);
    };
    let Some(user) = core.store.users().get(waiting.user_id)? else {
        return Ok(CodeStep::Gone);
    };
    if user.is_locked(now, sec.lockout_minutes) {
        return Ok(CodeStep::Locked);
    }
    let Some(two) = core.store.two_factor().get(user.id)?.filter(TwoStep::is_on) else {
        return Ok(CodeStep::Gone);
    };
    if typed.trim().is_empty() {
        return Ok(CodeStep::Wrong("two-factor-code-missing"));
    }
    let proof = if totp::looks_like_code(typed) {
        totp::matching_step(&totp::Secret(two.secret), typed, now).map(|step| Proof::Code { step })
    } else {
        totp::recovery_hash(typed).map(|hash| Proof::Recovery { hash })
    };
    if let Some(proof) = proof {
        let (session_token, session_hash) = token::generate();
        let left = two.recovery.len().saturating_sub(1).to_string();
        let trail = audit::Actor {
            user: Some(user.id),
            name: user.email.clone(),
            address: peer.to_string(),
        };
        let on_recovery = Effects::mails(vec![two_factor::mail_to(
            core,
            &user,
            "recovery-code-used",
            &[("left", &left)],
        )])
        .audited(
            audit::Entry::new(now, audit::Event::RecoveryCodeUsed, trail, &user.email)
                .about(user.id)
                .detail(&left),
        );
        let session = NewSession {
            hash: session_hash,
            origin: SessionOrigin::new(user_agent, &peer.to_string()),
        };
        match core
            .store
            .two_factor()
            .complete_login(pending, proof, session, now, on_recovery)?
        {
            SecondStep::LoggedIn {
                user,
                recovery_left,
            } => {
                tracing::info!(
                    event = "login",
                    user_id = user.id,
                    recovery_code = recovery_left.is_some(),
                    "logged in in two steps"
                );
                return Ok(CodeStep::Started {
                    user,
                    session_token,
                    recovery_left,
                });
            }
            SecondStep::Gone => return Ok(CodeStep::Gone),
            SecondStep::Spent => {}
        }
    }
    let locked = count_failure(core, &user, peer, "code")?;
    Ok(if locked {
        CodeStep::Locked
    } else if core
        .throttle
        .address_over(peer, sec.unknown_login_limit, now)
    {
        CodeStep::Throttled
    } else {
        CodeStep::Wrong(two_factor::code_problem(typed))
    })
}

/// Counts a failed attempt on `user`'s account from `peer` (`what` failed: `password` or
/// `code`) toward its lock, in the audit log and toward the address's limit; whether the
/// account is locked now.
fn count_failure(core: &Core, user: &User, peer: IpAddr, what: &str) -> Result<bool, Failure> {
    let sec = &core.config.security;
    let now = core.clock.now();
    let locked = core.store.users().record_failure(
        user.id,
        sec.max_failed_logins,
        now,
        sec.lockout_minutes,
        &peer.to_string(),
        what,
    )?;
    tracing::info!(
        event = "login_failed",
        known = true,
        user_id = user.id,
        locked,
        what,
        "failed log-in"
    );
    core.throttle.record_known(peer, now);
    Ok(locked)
}

/// Ends the session `session` (the SHA-256 of its token) of `user`.
pub fn log_out(core: &Core, user: &User, session: [u8; 32]) -> Result<(), Failure> {
    core.store.sessions().delete(session)?;
    tracing::info!(event = "logout", user_id = user.id, "logged out");
    Ok(())
}
