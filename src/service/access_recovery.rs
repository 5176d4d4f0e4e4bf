//! Getting back in: the security question, then a single-use link by e-mail, then a new
//! password that unlocks the account and ends its sessions. Unknown e-mails get a stable
//! decoy question and the same answers, so the pages tell nobody who has an account.

use std::net::IpAddr;

use crate::domain::security_question::{self, SecurityQuestion};
use crate::domain::{Email, NewPassword};
use crate::mail::templates::compose;
use crate::secrets::token;
use crate::store::effects::Effects;
use crate::store::tokens::{TokenKind, TokenState};
use crate::store::users::{User, UserStatus};
use crate::views::accounts::LinkState;
use crate::views::components::Errors;

use super::registration::link_state;
use super::{Core, Failure};

/// The single-use links [`send_link`] e-mails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailedLink {
    /// Confirms a registration's address.
    Confirm,
    /// Sets a new password.
    Reset,
}

/// Issues a single-use link of `kind` for `user`, valid for `ttl_secs`, and queues the
/// mail that carries it (`name`, `link` and `extra` filled in), in one unit of work.
pub fn send_link(
    core: &Core,
    user: &User,
    link: MailedLink,
    ttl_secs: u64,
    extra: (&str, &str),
) -> Result<(), Failure> {
    let (secret, hash) = token::generate();
    let now = core.clock.now();
    let (kind, path, template) = match link {
        MailedLink::Confirm => (TokenKind::Confirm, "/confirm/", "confirm"),
        MailedLink::Reset => (TokenKind::Reset, "/password/reset/", "reset"),
    };
    let link = format!("{}{path}{secret}", core.config.public_url());
    let mail = compose(
        core,
        user.language,
        &user.mailbox(),
        template,
        &[("name", &user.first_name), ("link", &link), extra],
    );
    core.store.users().issue_token(
        user.id,
        kind,
        hash,
        now + ttl_secs,
        now,
        Effects::mails(vec![mail]),
    )?;
    Ok(())
}

/// A recovery under way: the e-mail given and the question it is asked.
#[derive(Debug)]
pub struct Recovery {
    pub email: Email,
    pub question: SecurityQuestion,
    user: Option<User>,
}

/// What answering the security question led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// The link is on its way (or, for a removed collaborator, looks as if it were).
    LinkSent,
    /// The answer is empty or too long (message id).
    Malformed(&'static str),
    /// Too many wrong answers from this address.
    Throttled,
    /// The right answer on a blocked account: no link, and its owner is told why.
    Blocked,
    /// The wrong answer (counted against the account like a wrong password).
    Wrong,
}

impl Recovery {
    /// Starts a recovery for `email`: its account's question, or the decoy.
    pub fn start(core: &Core, email: Email) -> Result<Self, Failure> {
        let user = core.store.users().find_by_email(&email)?;
        let question = match user
            .as_ref()
            .and_then(|u| SecurityQuestion::parse(&u.security_question).ok())
        {
            Some(question) => question,
            None => core.decoy_question(email.as_str())?,
        };
        Ok(Self {
            email,
            question,
            user,
        })
    }

    /// Checks the answer given from `peer`; the right one e-mails a reset link.
    pub async fn answer(
        &self,
        core: &Core,
        peer: IpAddr,
        given: &str,
    ) -> Result<Answered, Failure> {
        let sec = &core.config.security;
        let now = core.clock.now();
        let answer = match security_question::parse_answer(given) {
            Ok(answer) => answer,
            Err(message) => return Ok(Answered::Malformed(message)),
        };
        if core
            .throttle
            .address_blocked(peer, sec.unknown_login_limit, now)
        {
            return Ok(Answered::Throttled);
        }
        let right = core
            .hasher
            .verify(
                answer,
                self.user.as_ref().map(|u| u.security_answer_hash.clone()),
            )
            .await;
        match &self.user {
            // A removed collaborator's access stays off: the page looks the same, no link.
            Some(user) if right && matches!(user.status, UserStatus::Removed { .. }) => {
                Ok(Answered::LinkSent)
            }
            Some(user) if right && matches!(user.status, UserStatus::Blocked { .. }) => {
                tracing::info!(
                    event = "recovery_blocked",
                    user_id = user.id,
                    "password recovery on a blocked account"
                );
                Ok(Answered::Blocked)
            }
            Some(user) if right => {
                let minutes = sec.reset_minutes;
                send_link(
                    core,
                    user,
                    MailedLink::Reset,
                    minutes * 60,
                    ("minutes", &minutes.to_string()),
                )?;
                tracing::info!(
                    event = "recovery_link_sent",
                    user_id = user.id,
                    "password recovery link sent"
                );
                Ok(Answered::LinkSent)
            }
            other => {
                if let Some(user) = other {
                    core.store.users().record_failure(
                        user.id,
                        sec.max_failed_logins,
                        now,
                        sec.lockout_minutes,
                        &peer.to_string(),
                        "security-answer",
                    )?;
                }
                core.throttle
                    .record_unknown(peer, &format!("recovery:{}", self.email), now);
                tracing::info!(event = "recovery_answer_wrong", "wrong security answer");
                Ok(Answered::Wrong)
            }
        }
    }
}

/// Whether a reset link can still set a password, and if not, why.
pub fn reset_link(core: &Core, presented: &str) -> Result<Option<LinkState>, Failure> {
    if !token::is_well_formed(presented) {
        return Ok(Some(LinkState::Unknown));
    }
    let state =
        core.store
            .tokens()
            .state(token::hash(presented), TokenKind::Reset, core.clock.now())?;
    Ok(match state {
        TokenState::Valid(_) => None,
        other => Some(link_state(&other)),
    })
}

/// What setting a new password with a reset link led to.
#[derive(Debug)]
pub enum Reset {
    /// The password is set, the account unlocked, its sessions ended, its owner told.
    Done,
    /// The link cannot be used (any more).
    Invalid(LinkState),
    /// The password policy refused the new password.
    Refused(Errors),
}

/// Sets the password a reset link was sent for, with the mail that tells its owner.
pub async fn reset_password(
    core: &Core,
    presented: &str,
    password: &str,
    confirm: &str,
) -> Result<Reset, Failure> {
    if !token::is_well_formed(presented) {
        return Ok(Reset::Invalid(LinkState::Unknown));
    }
    let hash = token::hash(presented);
    let now = core.clock.now();
    let token_state = core.store.tokens().state(hash, TokenKind::Reset, now)?;
    let TokenState::Valid(token) = &token_state else {
        return Ok(Reset::Invalid(link_state(&token_state)));
    };
    let Some(user) = core.store.users().get(token.user_id)? else {
        return Ok(Reset::Invalid(LinkState::Unknown));
    };
    let personal = [user.first_name.as_str(), user.last_name.as_str()];
    let mut errors = Errors::new();
    let Some(password) = errors.check_password(NewPassword::parse(
        password,
        confirm,
        &user.email,
        &personal,
    )) else {
        return Ok(Reset::Refused(errors));
    };
    let password_hash = core.hash(password.expose()).await?;
    let base = core.config.public_url();
    let (after, _) = core.store.users().reset_password(
        hash,
        password_hash,
        now,
        Box::new(|u| {
            vec![compose(
                core,
                u.language,
                &u.mailbox(),
                "password-changed",
                &[
                    ("name", &u.first_name),
                    ("forgot", &format!("{base}/password/forgot")),
                ],
            )]
        }),
    )?;
    Ok(match after {
        TokenState::Valid(_) => {
            tracing::info!(
                event = "password_reset",
                user_id = user.id,
                "password reset; account unlocked"
            );
            Reset::Done
        }
        other => Reset::Invalid(link_state(&other)),
    })
}
