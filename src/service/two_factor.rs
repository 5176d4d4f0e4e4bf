//! Two-step log-in, as its owner, the service team and the command line handle it:
//! setting it up (the current password first, then a right code from the authenticator),
//! new recovery codes, turning it off, and a reset by the service team (customers) or
//! `osc staff reset-2fa` (staff). Each change is audited, e-mailed to the account and
//! ends the account's other sessions, in one unit of work. The log-in's second step is
//! in [`super::login`].

use crate::access::AccountKind;
use crate::config::StaffTwoFactor;
use crate::domain;
use crate::links::url_encode_segment;
use crate::mail::templates::compose;
use crate::secrets::totp::{self, Secret};
use crate::store::audit::{self, Event};
use crate::store::effects::Effects;
use crate::store::mail_queue::OutgoingMail;
use crate::store::two_factor::TwoStep;
use crate::store::users::User;
use crate::views::components::Errors;
use crate::views::service::accounts::Person;
pub use crate::views::two_factor::{Setup, Status};

use super::people::AccountAction;
use super::profile::current_password_ok;
use super::{Acting, Core, Failure};

/// The status of what the store keeps (a set-up not confirmed yet counts as off).
fn status_of(stored: Option<&TwoStep>) -> Status {
    match stored.and_then(|t| t.enabled_at.map(|since| (t, since))) {
        Some((t, since)) => Status::On {
            since,
            recovery_left: t.recovery.len(),
        },
        None => Status::Off,
    }
}

/// The two-step log-in of `user`.
pub fn status(core: &Core, user: &User) -> Result<Status, Failure> {
    Ok(status_of(core.store.two_factor().get(user.id)?.as_ref()))
}

/// Whether `user` is a staff member who must set up two-step log-in before anything
/// else opens (`security.staff_two_factor = "required"`).
pub fn must_set_up(core: &Core, user: &User) -> Result<bool, Failure> {
    if user.kind != AccountKind::Staff
        || core.config.security.staff_two_factor != StaffTwoFactor::Required
    {
        return Ok(false);
    }
    Ok(!status(core, user)?.is_on())
}

/// The set-up of `user` waiting for its first code, if one is.
pub fn waiting_setup(core: &Core, user: &User) -> Result<Option<Setup>, Failure> {
    let stored = core.store.two_factor().get(user.id)?;
    Ok(stored
        .filter(|t| !t.is_on())
        .map(|t| setup_of(core, user, Secret(t.secret))))
}

fn setup_of(core: &Core, user: &User, secret: Secret) -> Setup {
    let uri = otpauth_uri(&secret, &core.config.branding.instance_name, &user.email);
    Setup {
        key: secret.grouped(),
        uri,
    }
}

/// The `otpauth://` link an authenticator app reads from the QR code (the format every
/// app takes): the account is labelled `issuer:account`.
fn otpauth_uri(secret: &Secret, issuer: &str, account: &str) -> String {
    let (issuer, account) = (url_encode_segment(issuer), url_encode_segment(account));
    format!(
        "otpauth://totp/{issuer}:{account}?secret={}&issuer={issuer}&algorithm=SHA1&digits={}&period={}",
        secret.base32(),
        totp::DIGITS,
        totp::STEP_SECS,
    )
}

/// Begins set-up after the current password: a new secret waits for its first code.
/// The error names `current_password`.
pub async fn begin(
    core: &Core,
    who: &Acting<'_>,
    password: &str,
) -> Result<Result<Setup, Errors>, Failure> {
    let mut errors = Errors::new();
    if !current_password_ok(core, who.user, password).await {
        errors.add("current_password", "current-password-wrong");
        return Ok(Err(errors));
    }
    let secret = Secret::generate();
    if !core
        .store
        .two_factor()
        .begin(who.user.id, secret.0, core.clock.now())?
    {
        errors.add("current_password", "two-factor-already-on");
        return Ok(Err(errors));
    }
    Ok(Ok(setup_of(core, who.user, secret)))
}

/// Confirms the waiting set-up with a code from the authenticator: two-step log-in is
/// on, every other session ends, the owner is told. Returns the recovery codes, shown
/// this once. The error names `code`.
pub fn confirm(
    core: &Core,
    who: &Acting<'_>,
    keep_session: [u8; 32],
    code: &str,
) -> Result<Result<Vec<String>, Errors>, Failure> {
    let user = who.user;
    let now = core.clock.now();
    let mut errors = Errors::new();
    let Some(waiting) = core.store.two_factor().get(user.id)?.filter(|t| !t.is_on()) else {
        errors.add("code", "two-factor-setup-gone");
        return Ok(Err(errors));
    };
    let Some(step) = totp::matching_step(&Secret(waiting.secret), code, now) else {
        errors.add("code", code_problem(code));
        return Ok(Err(errors));
    };
    let (codes, hashes) = totp::recovery_codes();
    let effects = notified(core, user, "two-factor-on").audited(
        who.entry(now, Event::TwoFactorOn, &user.email)
            .about(user.id),
    );
    if !core
        .store
        .two_factor()
        .enable(user.id, step, hashes, (keep_session, now), effects)?
    {
        errors.add("code", "two-factor-setup-gone");
        return Ok(Err(errors));
    }
    tracing::info!(
        event = "two_factor_on",
        user_id = user.id,
        "two-step log-in on"
    );
    Ok(Ok(codes))
}

/// New recovery codes after the current password; the old ones stop working. The error
/// names `r_current_password`.
pub async fn renew_recovery(
    core: &Core,
    who: &Acting<'_>,
    password: &str,
) -> Result<Result<Vec<String>, Errors>, Failure> {
    let user = who.user;
    let mut errors = Errors::new();
    if !current_password_ok(core, user, password).await {
        errors.add("r_current_password", "current-password-wrong");
        return Ok(Err(errors));
    }
    let (codes, hashes) = totp::recovery_codes();
    let entry = who
        .entry(core.clock.now(), Event::RecoveryCodesRenewed, &user.email)
        .about(user.id);
    if !core.store.two_factor().renew_recovery(
        user.id,
        hashes,
        Effects::default().audited(entry),
    )? {
        errors.add("r_current_password", "two-factor-not-on");
        return Ok(Err(errors));
    }
    tracing::info!(
        event = "recovery_codes_renewed",
        user_id = user.id,
        "new recovery codes"
    );
    Ok(Ok(codes))
}

/// Turns one's two-step log-in off after the current password and a code (or a
/// recovery code); every other session ends, the owner is told. The errors name
/// `o_current_password` and `o_code`. Staff cannot while it is required of them.
pub async fn turn_off(
    core: &Core,
    who: &Acting<'_>,
    keep_session: [u8; 32],
    (password, code): (&str, &str),
) -> Result<Result<(), Errors>, Failure> {
    let user = who.user;
    let now = core.clock.now();
    let mut errors = Errors::new();
    if user.kind == AccountKind::Staff
        && core.config.security.staff_two_factor == StaffTwoFactor::Required
    {
        errors.add("o_current_password", "two-factor-required-staff");
        return Ok(Err(errors));
    }
    if !current_password_ok(core, user, password).await {
        errors.add("o_current_password", "current-password-wrong");
    }
    let stored = core.store.two_factor().get(user.id)?.filter(TwoStep::is_on);
    let proven = stored.as_ref().is_some_and(|t| {
        totp::matching_step(&Secret(t.secret), code, now).is_some_and(|s| s > t.last_step)
            || totp::recovery_hash(code).is_some_and(|h| t.recovery.contains(&h))
    });
    if !proven {
        errors.add("o_code", code_problem(code));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let effects = notified(core, user, "two-factor-off").audited(
        who.entry(now, Event::TwoFactorOff, &user.email)
            .about(user.id),
    );
    core.store
        .two_factor()
        .disable(user.id, Some(keep_session), effects)?;
    tracing::info!(
        event = "two_factor_off",
        user_id = user.id,
        "two-step log-in off"
    );
    Ok(Ok(()))
}

/// The reason for a reset, checked (its field on the person's page is
/// `two_factor_reason`, beside the block form's `reason`).
pub fn reset_reason(typed: &str) -> Result<String, Errors> {
    super::people::reason_in("two_factor_reason", typed)
}

/// The service team resets a customer's two-step log-in (they lost their phone and
/// their recovery codes): it is off, every session of theirs ends, they are e-mailed.
/// A staff member's own is reset only with `osc staff reset-2fa`.
pub fn reset_for_customer(
    core: &Core,
    who: &Acting,
    p: &Person,
    reason: &str,
) -> Result<AccountAction, Failure> {
    if p.user.kind == AccountKind::Staff {
        return Ok(AccountAction::NotApplicable);
    }
    let now = core.clock.now();
    let entry = who
        .entry(now, Event::TwoFactorReset, &p.user.email)
        .about(p.user.id)
        .detail(reason);
    let done = reset(core, &p.user, entry)?;
    tracing::info!(
        event = "two_factor_reset",
        staff_id = who.user.id,
        user_id = p.user.id,
        done,
        "two-step log-in reset"
    );
    Ok(if done {
        AccountAction::Done
    } else {
        AccountAction::NotApplicable
    })
}

/// `osc staff reset-2fa`: resets the two-step log-in of the account with `email` from
/// the command line (the only way for a staff member's own). `None` when no account
/// has that address; otherwise the account and whether it was on.
pub fn reset_from_command_line(core: &Core, email: &str) -> Result<Option<(User, bool)>, Failure> {
    let Ok(email) = domain::Email::parse(email) else {
        return Ok(None);
    };
    let Some(user) = core.store.users().find_by_email(&email)? else {
        return Ok(None);
    };
    let entry = audit::Entry::new(
        core.clock.now(),
        Event::TwoFactorReset,
        audit::Actor::default(),
        &user.email,
    )
    .about(user.id)
    .detail("command-line");
    let done = reset(core, &user, entry)?;
    tracing::info!(
        event = "two_factor_reset",
        user_id = user.id,
        done,
        "two-step log-in reset from the command line"
    );
    Ok(Some((user, done)))
}

fn reset(core: &Core, user: &User, entry: audit::Entry) -> Result<bool, Failure> {
    let effects = notified(core, user, "two-factor-reset").audited(entry);
    Ok(core.store.two_factor().disable(user.id, None, effects)?)
}

/// The mail `name` to `user`, with the effects that send it.
fn notified(core: &Core, user: &User, name: &str) -> Effects {
    Effects::mails(vec![mail_to(core, user, name, &[])])
}

/// The mail `name` telling `user` of a change to their two-step log-in; `values` fill
/// its placeables besides the name and the links.
pub(super) fn mail_to(
    core: &Core,
    user: &User,
    name: &str,
    values: &[(&str, &str)],
) -> OutgoingMail {
    let base = core.config.public_url();
    let (access, forgot) = (
        format!("{base}/account/two-factor"),
        format!("{base}/password/forgot"),
    );
    let mut all = vec![
        ("name", user.first_name.as_str()),
        ("access", access.as_str()),
        ("forgot", forgot.as_str()),
    ];
    all.extend_from_slice(values);
    compose(core, user.language, &user.mailbox(), name, &all)
}

/// The message for a code that was not accepted: empty, malformed or wrong.
pub(super) fn code_problem(code: &str) -> &'static str {
    if code.trim().is_empty() {
        "two-factor-code-missing"
    } else if totp::looks_like_code(code) || totp::recovery_hash(code).is_some() {
        "two-factor-code-wrong"
    } else {
        "two-factor-code-malformed"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_otpauth_link_names_issuer_and_account() {
        let uri = otpauth_uri(
            &Secret(*b"12345678901234567890"),
            "Online Service Center",
            "kim@example.com",
        );
        assert_eq!(
            uri,
            "otpauth://totp/Online%20Service%20Center:kim%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Online%20Service%20Center&algorithm=SHA1&digits=6&period=30"
        );
    }
}
