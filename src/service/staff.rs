//! The service team's accounts: added and removed by `osc staff` (and by the tests, the
//! same way), each recorded in the audit log in the same transaction as the change.

use crate::domain::Email;
use crate::domain::password::{NewPassword, PasswordProblem};
use crate::store::audit::{self, Entry, Event};
use crate::store::users::User;
use crate::store::{Storage, StoreError};

/// A staff account to add, checked.
#[derive(Debug)]
pub struct NewStaff {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub password: NewPassword,
}

/// Why a staff account was not added. Password refusals carry the message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffRefused {
    /// Not an e-mail address.
    EmailMalformed,
    /// No name given.
    NameMissing,
    /// The password policy refused the password (message id).
    Password(&'static str),
    /// Someone has an account with this e-mail already.
    EmailTaken,
    /// No active staff account has this e-mail (removing).
    NotStaff,
}

impl NewStaff {
    /// Checks the e-mail and the name ("First Last") alone: the command line does so
    /// before it asks for the password. Returns the address, first and last name.
    pub fn identity(email: &str, name: &str) -> Result<(Email, String, String), StaffRefused> {
        let email = Email::parse(email).map_err(|_| StaffRefused::EmailMalformed)?;
        let name = name.trim();
        let (first, last) = name.rsplit_once(' ').unwrap_or(("", name));
        if last.is_empty() {
            return Err(StaffRefused::NameMissing);
        }
        Ok((email, first.trim().to_owned(), last.to_owned()))
    }

    /// Checks what `osc staff add` was given: the e-mail, "First Last", and the password
    /// twice (the same policy as everyone's).
    pub fn parse(
        email: &str,
        name: &str,
        password: &str,
        confirm: &str,
    ) -> Result<Self, StaffRefused> {
        let (email, first, last) = Self::identity(email, name)?;
        let password = NewPassword::parse(password, confirm, email.as_str(), &[&first, &last])
            .map_err(|problem| match problem {
                PasswordProblem::Password(id) | PasswordProblem::Confirm(id) => {
                    StaffRefused::Password(id)
                }
            })?;
        Ok(Self {
            email,
            first_name: first,
            last_name: last,
            password,
        })
    }
}

/// The audit entry of a staff change made on the command line.
fn by_command_line(now: u64, event: Event, user: &User) -> Entry {
    Entry::new(now, event, audit::Actor::default(), user.email.clone())
        .about(user.id)
        .detail("command-line")
}

/// Adds the account (its password hashed by the caller, off any async worker), with its
/// audit entry.
pub fn add(
    store: &dyn Storage,
    new: &NewStaff,
    password_hash: String,
    now: u64,
) -> Result<Result<User, StaffRefused>, StoreError> {
    Ok(store
        .users()
        .create_staff(
            &new.email,
            &new.first_name,
            &new.last_name,
            password_hash,
            now,
            Box::new(|user| by_command_line(now, Event::StaffAdded, user)),
        )?
        .map_err(|_| StaffRefused::EmailTaken))
}

/// Removes an active staff account: it can no longer log in and its sessions end, with
/// its audit entry.
pub fn remove(
    store: &dyn Storage,
    email: &str,
    now: u64,
) -> Result<Result<User, StaffRefused>, StoreError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(Err(StaffRefused::EmailMalformed));
    };
    Ok(store
        .users()
        .remove_staff(
            &email,
            now,
            Box::new(|user| by_command_line(now, Event::AccountRemoved, user)),
        )?
        .ok_or(StaffRefused::NotStaff))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    const GOOD: &str = "Kranich-Dachrinne-47";

    #[test]
    fn what_is_given_is_checked_before_anything_is_written() {
        assert_eq!(
            NewStaff::parse("sam@", "Sam Service", GOOD, GOOD).unwrap_err(),
            StaffRefused::EmailMalformed
        );
        assert_eq!(
            NewStaff::parse("sam@service.example", "  ", GOOD, GOOD).unwrap_err(),
            StaffRefused::NameMissing
        );
        assert!(matches!(
            NewStaff::parse("sam@service.example", "Sam Service", "kurz", "kurz"),
            Err(StaffRefused::Password(_))
        ));
        assert!(matches!(
            NewStaff::parse("sam@service.example", "Sam Service", GOOD, "anders"),
            Err(StaffRefused::Password(_))
        ));
    }

    #[test]
    fn adding_and_removing_are_audited_with_the_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let new = NewStaff::parse("sam@service.example", "Sam Service", GOOD, GOOD).unwrap();
        let sam = add(&store, &new, "hash".into(), 10).unwrap().unwrap();
        assert_eq!(sam.full_name(), "Sam Service");
        assert_eq!(
            add(&store, &new, "hash".into(), 11).unwrap().unwrap_err(),
            StaffRefused::EmailTaken
        );
        assert_eq!(
            remove(&store, "kim@service.example", 12)
                .unwrap()
                .unwrap_err(),
            StaffRefused::NotStaff
        );
        remove(&store, "sam@service.example", 13).unwrap().unwrap();
        let log = store.audit().page(audit::Filter::default(), 10).unwrap();
        let events: Vec<Event> = log.entries.iter().map(|e| e.event).collect();
        assert_eq!(events, vec![Event::AccountRemoved, Event::StaffAdded]);
        assert!(
            log.entries
                .iter()
                .all(|e| e.subject_user == Some(sam.id) && e.detail == "command-line")
        );
    }
}
