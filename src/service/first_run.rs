//! The first run: while an instance has no active service-team account, nobody could read
//! the requests it would take, so it says so, and each start prints a one-time link whose
//! page creates the first staff account (the same password rules as everyone's). The link
//! works until it is used, a newer start replaces it, or `osc staff add` made an account.

use crate::domain::{self, Email, NewPassword};
use crate::secrets::token;
use crate::store::audit::{self, Entry, Event};
use crate::store::effects::Effects;
use crate::store::tokens::{TokenKind, TokenState};
use crate::store::users::{FirstStaff, User};
use crate::views::components::Errors;
use crate::views::first_run::SetupForm;

use super::{Core, Failure};

/// Whether the instance has an active staff account.
pub fn is_set_up(core: &Core) -> Result<bool, Failure> {
    Ok(core.store.users().has_active_staff()?)
}

/// At start: a fresh set-up link when the instance is not set up (the link of an earlier
/// start stops working), else `None`.
pub fn open_link(core: &Core) -> Result<Option<String>, Failure> {
    if is_set_up(core)? {
        return Ok(None);
    }
    let (secret, hash) = token::generate();
    let now = core.clock.now();
    core.store.users().issue_token(
        FIRST_RUN_OWNER,
        TokenKind::FirstRun,
        hash,
        u64::MAX,
        now,
        Effects::default(),
    )?;
    Ok(Some(format!("{}/setup/{secret}", core.config.public_url())))
}

/// The set-up link's token belongs to no account: it is filed under this id, which no
/// account has (ids start at 1).
const FIRST_RUN_OWNER: u64 = 0;

/// What a presented set-up link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupLink {
    /// It opens the form.
    Open,
    /// A staff account exists: there is nothing to set up.
    SetUpAlready,
    /// It was used, or a later start replaced it.
    Used,
    /// It was never given out.
    Unknown,
}

/// The state of the set-up link `presented`.
pub fn link(core: &Core, presented: &str) -> Result<SetupLink, Failure> {
    if !token::is_well_formed(presented) {
        return Ok(SetupLink::Unknown);
    }
    if is_set_up(core)? {
        return Ok(SetupLink::SetUpAlready);
    }
    let state = core.store.tokens().state(
        token::hash(presented),
        TokenKind::FirstRun,
        core.clock.now(),
    )?;
    Ok(match state {
        TokenState::Valid(_) => SetupLink::Open,
        TokenState::Used(_) | TokenState::Expired(_) => SetupLink::Used,
        TokenState::Unknown => SetupLink::Unknown,
    })
}

/// What the set-up form led to.
#[derive(Debug)]
pub enum SetUp {
    /// The first staff account exists; it logs in next.
    Created(Box<User>),
    /// The form is shown again with these errors.
    Refused(Errors),
    /// The link no longer opens the form.
    Closed(SetupLink),
}

/// Creates the first staff account from the set-up form of link `presented`. The
/// errors name `email`, `name`, `password` or `password_confirm`.
pub async fn create(core: &Core, presented: &str, form: &SetupForm) -> Result<SetUp, Failure> {
    let state = link(core, presented)?;
    if state != SetupLink::Open {
        return Ok(SetUp::Closed(state));
    }
    let mut errors = Errors::new();
    let email = errors.check("email", Email::parse(&form.email));
    let name = errors.check("name", domain::required_text(&form.name, 120));
    let parts = name.as_deref().and_then(|n| {
        let (first, last) = n.rsplit_once(' ')?;
        Some((first.trim().to_owned(), last.trim().to_owned()))
    });
    if name.is_some() && parts.is_none() {
        errors.add("name", "setup-name-two-words");
    }
    let (first, last) = parts.clone().unwrap_or_default();
    let password = errors.check_password(NewPassword::parse(
        &form.password,
        &form.password_confirm,
        email.as_ref().map_or("", |e| e.as_str()),
        &[&first, &last],
    ));
    let (email, password) = match errors.finish(|| email.zip(password)) {
        Ok(checked) => checked,
        Err(errors) => return Ok(SetUp::Refused(errors)),
    };
    let hash = core.hash(password.expose()).await?;
    let now = core.clock.now();
    let audit = Box::new(move |user: &User| {
        Entry::new(now, Event::StaffAdded, audit::Actor::default(), &user.email)
            .about(user.id)
            .detail("first-run")
    });
    let outcome = core.store.users().create_first_staff(
        token::hash(presented),
        (&email, &first, &last),
        hash,
        now,
        audit,
    )?;
    Ok(match outcome {
        FirstStaff::Created(user) => {
            tracing::info!(
                event = "first_staff_created",
                user_id = user.id,
                "the first staff account was created through the set-up link"
            );
            SetUp::Created(user)
        }
        FirstStaff::EmailTaken => {
            let mut errors = Errors::new();
            errors.add("email", "setup-email-taken");
            SetUp::Refused(errors)
        }
        FirstStaff::SetUpAlready => SetUp::Closed(SetupLink::SetUpAlready),
        FirstStaff::LinkInvalid => SetUp::Closed(SetupLink::Used),
    })
}
