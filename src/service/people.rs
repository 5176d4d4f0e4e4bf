//! People's accounts as the service team handles them: a person's page (company, plants,
//! requests, audit history, sessions), blocking and unblocking, unlocking, changing the
//! e-mail address (the new one confirms through a link, the old one is told) and sending
//! the confirmation e-mail again. Every action is audited in its own unit of work.
//! Staff accounts are managed with `osc staff`: they are neither blocked nor renamed.

use crate::access::{self as policy, AccountKind};
use crate::domain::{self, Email};
use crate::mail::templates::compose;
use crate::secrets::token;
use crate::store::audit::{self, Event};
use crate::store::effects::Effects;
use crate::store::ticket_list::{self, Filter, Order};
use crate::store::tokens::TokenKind;
use crate::store::users::{EmailChangeRefused, UserStatus};
use crate::views::components::Errors;
use crate::views::service::accounts::Person;

use super::{Acting, Core, Failure};

/// How many of a person's requests and audit entries their page shows.
const RECENT: usize = 20;

/// The person `id` as the service team's page shows them.
pub fn person(core: &Core, id: u64) -> Result<Option<Person>, Failure> {
    let store = &core.store;
    let Some(user) = store.users().get(id)? else {
        return Ok(None);
    };
    let company = match user.company {
        Some((c, _)) => store.companies().get(c)?,
        None => None,
    };
    let actor = user.actor();
    // A staff member's own scope is everything: their page lists no plants or requests.
    let (plants, tickets) = if user.kind == AccountKind::Staff {
        (Vec::new(), Vec::new())
    } else {
        let plants = store
            .plants()
            .list(&actor, "")?
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        let scope = policy::ticket_scope(&actor);
        let tickets = store
            .ticket_list()
            .page(
                scope.into(),
                Order::Updated,
                Filter::default(),
                ticket_list::From::Start,
                RECENT,
            )?
            .tickets;
        (plants, tickets)
    };
    let history = store
        .audit()
        .page(
            audit::Filter {
                user: Some(id),
                ..audit::Filter::default()
            },
            RECENT,
        )?
        .entries;
    let sessions = store.sessions().of_user(id)?;
    let two_factor_since = store.two_factor().get(id)?.and_then(|t| t.enabled_at);
    Ok(Some(Person {
        user,
        company,
        plants,
        tickets,
        history,
        sessions,
        two_factor_since,
        export: super::personal_data::state(core, super::personal_data::Asker::Desk(id)),
    }))
}

/// The person `id` if the service team may block them or change their e-mail: a
/// customer, not a staff account.
pub fn customer(core: &Core, id: u64) -> Result<Option<Person>, Failure> {
    Ok(person(core, id)?.filter(|p| p.user.kind != AccountKind::Staff))
}

/// What an action on an account led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    Done,
    /// The account is not in a state the action applies to.
    NotApplicable,
    /// No such account.
    Gone,
}

impl From<Option<bool>> for AccountAction {
    fn from(stored: Option<bool>) -> Self {
        match stored {
            Some(true) => AccountAction::Done,
            Some(false) => AccountAction::NotApplicable,
            None => AccountAction::Gone,
        }
    }
}

/// The reason for a block, checked.
pub fn block_reason(typed: &str) -> Result<String, Errors> {
    reason_in("reason", typed)
}

/// The reason an action on a person requires (a block, a reset of two-step log-in),
/// checked, with its error under `field`.
pub fn reason_in(field: &'static str, typed: &str) -> Result<String, Errors> {
    let mut e = Errors::new();
    let reason = e.check(field, domain::required_text_multiline(typed, 500));
    e.finish(|| reason)
}

/// Blocks a customer's account: it can neither log in nor recover its password, and
/// every session ends at once.
pub fn block(
    core: &Core,
    who: &Acting,
    p: &Person,
    reason: &str,
) -> Result<AccountAction, Failure> {
    let now = core.clock.now();
    let entry = who.entry(now, Event::AccountBlocked, &p.user.email);
    let outcome = AccountAction::from(core.store.users().block(p.user.id, reason, now, entry)?);
    log(who, p, outcome, "account_blocked");
    Ok(outcome)
}

/// Lets a blocked account log in again.
pub fn unblock(core: &Core, who: &Acting, p: &Person) -> Result<AccountAction, Failure> {
    let entry = who.entry(core.clock.now(), Event::AccountUnblocked, &p.user.email);
    let outcome = AccountAction::from(core.store.users().unblock(p.user.id, entry)?);
    log(who, p, outcome, "account_unblocked");
    Ok(outcome)
}

/// Lets an account locked by failed log-ins log in again at once.
pub fn unlock(core: &Core, who: &Acting, p: &Person) -> Result<AccountAction, Failure> {
    let entry = who.entry(core.clock.now(), Event::AccountUnlocked, &p.user.email);
    let outcome = AccountAction::from(core.store.users().unlock(p.user.id, entry)?);
    log(who, p, outcome, "account_unlocked");
    Ok(outcome)
}

fn log(who: &Acting, p: &Person, outcome: AccountAction, event: &'static str) {
    if outcome == AccountAction::Done {
        tracing::info!(
            event,
            user_id = p.user.id,
            by = who.user.id,
            "account changed"
        );
    }
}

/// What asking for a new e-mail address led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailChange {
    /// The link is on its way to the new address, the notice to the old one.
    Sent,
    /// Someone has an account with the new address.
    Taken,
    /// It is the address the account has.
    Same,
    Gone,
}

/// Sends a confirmation link to the new address and a notice to the old one; the
/// log-in changes when the link is followed.
pub fn change_email(
    core: &Core,
    who: &Acting,
    p: &Person,
    new_email: &Email,
) -> Result<EmailChange, Failure> {
    let now = core.clock.now();
    let hours = core.config.security.confirmation_hours;
    let (secret, hash) = token::generate();
    let link = format!("{}/email/confirm/{secret}", core.config.public_url());
    let outcome = core.store.users().request_email_change(
        p.user.id,
        new_email,
        hash,
        now + hours * 3600,
        now,
        Box::new(|user| {
            vec![
                compose(
                    core,
                    user.language,
                    new_email.as_str(),
                    "email-change",
                    &[
                        ("name", &user.first_name),
                        ("link", &link),
                        ("hours", &hours.to_string()),
                    ],
                ),
                compose(
                    core,
                    user.language,
                    &user.mailbox(),
                    "email-change-notice",
                    &[("name", &user.first_name), ("email", new_email.as_str())],
                ),
            ]
        }),
        who.entry(now, Event::EmailChangeRequested, &p.user.email),
    )?;
    Ok(match outcome {
        None => EmailChange::Gone,
        Some(Ok(())) => {
            tracing::info!(
                event = "email_change_requested",
                user_id = p.user.id,
                by = who.user.id,
                "e-mail change sent for confirmation"
            );
            EmailChange::Sent
        }
        Some(Err(EmailChangeRefused::Taken)) => EmailChange::Taken,
        Some(Err(EmailChangeRefused::Same)) => EmailChange::Same,
    })
}

/// Sends a new confirmation link to an account that has not confirmed its e-mail yet;
/// `NotApplicable` if it has.
pub fn resend_confirmation(
    core: &Core,
    who: &Acting,
    p: &Person,
) -> Result<AccountAction, Failure> {
    if p.user.status != UserStatus::Unconfirmed {
        return Ok(AccountAction::NotApplicable);
    }
    let now = core.clock.now();
    let hours = core.config.security.confirmation_hours;
    let (secret, hash) = token::generate();
    let link = format!("{}/confirm/{secret}", core.config.public_url());
    let mail = compose(
        core,
        p.user.language,
        &p.user.mailbox(),
        "confirm",
        &[
            ("name", &p.user.first_name),
            ("link", &link),
            ("hours", &hours.to_string()),
        ],
    );
    let audit = who
        .entry(now, Event::ConfirmationResent, &p.user.email)
        .about(p.user.id);
    core.store.users().issue_token(
        p.user.id,
        TokenKind::Confirm,
        hash,
        now + hours * 3600,
        now,
        Effects::mails(vec![mail]).audited(audit),
    )?;
    log(who, p, AccountAction::Done, "confirmation_resent");
    Ok(AccountAction::Done)
}

/// Ends one session of a person (named by its handle), audited; whether one ended.
pub fn end_session(core: &Core, who: &Acting, p: &Person, handle: &str) -> Result<bool, Failure> {
    let entry = who.entry(core.clock.now(), Event::SessionsEnded, &p.user.email);
    let audit =
        Box::new(move |_: &crate::store::sessions::Session| entry.about(p.user.id).detail("1"));
    let ended = core
        .store
        .sessions()
        .end_one(p.user.id, handle, Some(audit))?;
    if ended {
        log(who, p, AccountAction::Done, "session_ended");
    }
    Ok(ended)
}

/// Ends every session of a person, audited with how many ended; that number.
pub fn end_sessions(core: &Core, who: &Acting, p: &Person) -> Result<usize, Failure> {
    let entry = who.entry(core.clock.now(), Event::SessionsEnded, &p.user.email);
    let audit = Box::new(move |ended: &usize| entry.about(p.user.id).detail(ended.to_string()));
    let ended = core
        .store
        .sessions()
        .end_all(p.user.id, None, Some(audit))?;
    log(who, p, AccountAction::Done, "sessions_ended");
    Ok(ended)
}
