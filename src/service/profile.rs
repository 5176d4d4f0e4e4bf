//! "My profile": contact data, delivery addresses and information requests, and "My
//! access data": password, security question and the account's sessions.

use crate::domain::security_question::{self, SecurityQuestion};
use crate::domain::{self, Country, NewPassword};
use crate::i18n::Lang;
use crate::mail::templates::compose;
use crate::store::sessions::{self, SessionInfo};
use crate::store::users::{DeliveryAddress, ProfileChange, User};
use crate::views::components::Errors;
use crate::views::profile::{AddressForm, ProfileForm};

use super::{Acting, Core, Failure};

/// A delivery address checked from its form, with the id it will have (0: a new one).
pub fn checked_address(form: &AddressForm, id: u32) -> Result<DeliveryAddress, Errors> {
    let mut e = Errors::new();
    let recipient = e.check("recipient", domain::required_text(&form.recipient, 120));
    let street = e.check("street", domain::required_text(&form.street, 120));
    let postal_code = e.check(
        "postal_code",
        domain::postal_code::parse(&form.postal_code, Country::parse(&form.country).ok()),
    );
    let city = e.check("city", domain::required_text(&form.city, 80));
    let country = e.check("country", Country::parse(&form.country));
    e.finish(|| {
        Some(DeliveryAddress {
            id,
            recipient: recipient?,
            street: street?,
            postal_code: postal_code?,
            city: city?,
            country: country?.code().to_owned(),
        })
    })
}

/// A change of one's own contact data, checked.
pub fn checked_profile(form: &ProfileForm) -> Result<ProfileChange, Errors> {
    let mut e = Errors::new();
    let first_name = e.check("first_name", domain::required_text(&form.first_name, 80));
    let last_name = e.check("last_name", domain::required_text(&form.last_name, 80));
    let phone = e.check("phone", domain::phone(&form.phone));
    let language = e.check("language", Lang::parse_choice(&form.language));
    e.finish(|| {
        Some(ProfileChange {
            first_name: first_name?,
            last_name: last_name?,
            phone: phone?,
            language: language?,
            info_requests: form.topics(),
        })
    })
}

/// Saves one's own contact data, language and information requests.
pub fn save_profile(core: &Core, who: &Acting, change: ProfileChange) -> Result<(), Failure> {
    core.store
        .users()
        .update_profile(who.user.id, change, core.clock.now())?;
    Ok(())
}

/// Adds a delivery address (id 0) or saves an edited one of one's own; `make_default`
/// makes it the default. `false` if the address to edit is not one's own.
pub fn save_address(
    core: &Core,
    who: &Acting,
    address: DeliveryAddress,
    make_default: bool,
) -> Result<bool, Failure> {
    if address.id != 0 && !who.user.addresses.iter().any(|a| a.id == address.id) {
        return Ok(false);
    }
    core.store
        .users()
        .save_address(who.user.id, address, make_default)?;
    Ok(true)
}

/// Deletes one of one's delivery addresses; `false` if it is not one's own.
pub fn delete_address(core: &Core, who: &Acting, id: u32) -> Result<bool, Failure> {
    Ok(core.store.users().delete_address(who.user.id, id)?)
}

/// Makes one of one's delivery addresses the default; `false` if it is not one's own.
pub fn default_address(core: &Core, who: &Acting, id: u32) -> Result<bool, Failure> {
    Ok(core.store.users().set_default_address(who.user.id, id)?)
}

/// Whether `presented` is the user's password (changes of access data require it).
pub(super) async fn current_password_ok(core: &Core, user: &User, presented: &str) -> bool {
    !presented.is_empty()
        && core
            .hasher
            .verify(presented.to_owned(), Some(user.password_hash.clone()))
            .await
}

/// Changes one's password: the current one is required; the other sessions end (not
/// `keep_session`, the one asking) and the owner is told by e-mail. The errors name
/// `current_password`, `password` or `password_confirm`.
pub async fn change_password(
    core: &Core,
    who: &Acting<'_>,
    keep_session: [u8; 32],
    (current, password, confirm): (&str, &str, &str),
) -> Result<Result<(), Errors>, Failure> {
    let user = who.user;
    let mut errors = Errors::new();
    if !current_password_ok(core, user, current).await {
        errors.add("current_password", "current-password-wrong");
    }
    let personal = [user.first_name.as_str(), user.last_name.as_str()];
    let password = errors.check_password(NewPassword::parse(
        password,
        confirm,
        &user.email,
        &personal,
    ));
    let password = match errors.finish(|| password) {
        Ok(password) => password,
        Err(errors) => return Ok(Err(errors)),
    };
    let hash = core.hash(password.expose()).await?;
    let base = core.config.public_url();
    let mail = compose(
        core,
        user.language,
        &user.mailbox(),
        "password-changed",
        &[
            ("name", &user.first_name),
            ("forgot", &format!("{base}/password/forgot")),
        ],
    );
    core.store.users().change_password(
        user.id,
        hash,
        keep_session,
        core.clock.now(),
        vec![mail],
    )?;
    tracing::info!(
        event = "password_changed",
        user_id = user.id,
        "password changed"
    );
    Ok(Ok(()))
}

/// Changes one's security question and answer; the current password is required. The
/// errors name `q_current_password`, `security_question` or `security_answer`.
pub async fn change_question(
    core: &Core,
    who: &Acting<'_>,
    (current, question, answer): (&str, &str, &str),
) -> Result<Result<(), Errors>, Failure> {
    let user = who.user;
    let mut errors = Errors::new();
    if !current_password_ok(core, user, current).await {
        errors.add("q_current_password", "current-password-wrong");
    }
    let question = errors.check("security_question", SecurityQuestion::parse(question));
    let answer = errors.check("security_answer", security_question::parse_answer(answer));
    let (question, answer) = match errors.finish(|| question.zip(answer)) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Err(errors)),
    };
    let hash = core.hash(&answer).await?;
    core.store
        .users()
        .change_security_question(user.id, question.id(), hash)?;
    tracing::info!(
        event = "security_question_changed",
        user_id = user.id,
        "security question changed"
    );
    Ok(Ok(()))
}

/// One's own sessions, the most recently seen first.
pub fn sessions(core: &Core, who: &Acting) -> Result<Vec<SessionInfo>, Failure> {
    Ok(core.store.sessions().of_user(who.user.id)?)
}

/// Logs out one of one's own sessions (named by its handle), never `current`, the one
/// asking (that is the log-out button's job); whether one ended.
pub fn end_session(
    core: &Core,
    who: &Acting,
    current: [u8; 32],
    handle: &str,
) -> Result<bool, Failure> {
    if handle == sessions::handle_of(&current) {
        return Ok(false);
    }
    let ended = core.store.sessions().end_one(who.user.id, handle, None)?;
    if ended {
        tracing::info!(
            event = "session_ended",
            user_id = who.user.id,
            "session ended"
        );
    }
    Ok(ended)
}

/// Logs out every session of one's own but `current`, the one asking; how many ended.
pub fn end_other_sessions(core: &Core, who: &Acting, current: [u8; 32]) -> Result<usize, Failure> {
    let ended = core
        .store
        .sessions()
        .end_all(who.user.id, Some(current), None)?;
    tracing::info!(
        event = "sessions_ended",
        user_id = who.user.id,
        ended,
        "other sessions ended"
    );
    Ok(ended)
}

/// Whether the weekly warranty reminder is on for `user`, for those it is for (a
/// company's administrators and plant operators); `None` for everyone else.
pub fn reminders(core: &Core, user: &User) -> Result<Option<bool>, Failure> {
    if !reminders_apply(user) {
        return Ok(None);
    }
    Ok(Some(!core.store.reminders().opted_out(user.id)?))
}

/// Turns the weekly warranty reminder on or off; `None` for whom it is not.
pub fn set_reminders(core: &Core, user: &User, on: bool) -> Result<Option<()>, Failure> {
    if !reminders_apply(user) {
        return Ok(None);
    }
    core.store.reminders().set_opted_out(user.id, !on)?;
    Ok(Some(()))
}

/// Whether `user` is one the warranty reminder is for.
fn reminders_apply(user: &User) -> bool {
    user.kind == crate::access::AccountKind::Operator || user.actor().is_company_admin()
}
