//! People with an account: registration, confirmation, log-in bookkeeping (failed
//! attempts, lock), password and security question, profile and delivery addresses.
//!
//! Every function that changes an account and must tell someone takes the mails to
//! queue, so they are written in the same transaction as the change.

use super::Txn;
use super::effects::{AuditFor, MailsFor};
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::companies::{self, Company};
use super::mail_queue::{self, OutgoingMail};
use super::sessions::{self, Session, SessionOrigin};
use super::tokens::{self, Token, TokenKind, TokenState};
use super::{Store, StoreError, audit, tables};
use crate::access::{AccountKind, Actor, CompanyRole};
use crate::domain::Email;
use crate::i18n::Lang;

crate::codes::stored_variants! {
    /// Where an account stands.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum UserStatus {
        /// Registered, e-mail not confirmed yet: cannot log in.
        Unconfirmed = 0,
        /// Can log in.
        Active = 1,
        /// Removed from their company by an administrator: cannot log in; everything they
        /// created stays with the company.
        Removed {
            /// When (unix seconds).
            at: u64,
        } = 2,
        /// Blocked by the service team (suspected fraud or abuse): cannot log in or recover
        /// the password until unblocked.
        Blocked {
            /// When (unix seconds).
            at: u64,
            /// Why, in the service team's words (shown to staff only).
            reason: String,
        } = 3,
    }
}

/// A delivery address kept in "My profile", offered in replacement requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryAddress {
    /// Id, unique within the user's addresses.
    pub id: u32,
    /// Recipient (person or company) as it goes on the parcel.
    pub recipient: String,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
}

/// An information request the person opted into, with the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoRequest {
    /// Topic id (`product-news`, `service-notices`, `training`).
    pub topic: String,
    /// When the person opted in (unix seconds).
    pub since: u64,
}

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Id.
    pub id: u64,
    /// Normalized e-mail: the log-in name.
    pub email: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone.
    pub phone: String,
    /// Account kind.
    pub kind: AccountKind,
    /// Company and role (installers and wholesalers).
    pub company: Option<(u64, CompanyRole)>,
    /// Language of pages and e-mails.
    pub language: Lang,
    /// Security question id.
    pub security_question: String,
    /// argon2id hash of the folded answer.
    pub security_answer_hash: String,
    /// Confirmed or not.
    pub status: UserStatus,
    /// Consecutive failed log-ins (and wrong recovery answers).
    pub failed_logins: u32,
    /// When the account was locked, while it is.
    pub locked_at: Option<u64>,
    /// Registration time.
    pub created_at: u64,
    /// Last successful log-in.
    pub last_login_at: Option<u64>,
    /// Delivery addresses.
    pub addresses: Vec<DeliveryAddress>,
    /// The address offered first.
    pub default_address: Option<u32>,
    /// Information requests opted into.
    pub info_requests: Vec<InfoRequest>,
}

impl User {
    /// "First Last".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// The actor this user acts as.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            name: self.full_name(),
            email: self.email.clone(),
            kind: self.kind,
            company: self.company,
        }
    }

    /// Whether the account is locked at `now`, given the automatic unlock delay
    /// (`lockout_minutes`, 0 = never by itself).
    pub fn is_locked(&self, now: u64, lockout_minutes: u64) -> bool {
        match self.locked_at {
            None => false,
            Some(_) if lockout_minutes == 0 => true,
            Some(at) => now < at.saturating_add(lockout_minutes * 60),
        }
    }

    /// The mailbox to write to: `"First Last" <email>`.
    pub fn mailbox(&self) -> String {
        let name = self.full_name().replace(['"', '\\', '<', '>'], "");
        format!("\"{name}\" <{}>", self.email)
    }
}

/// The accounts: people of the companies and the service team, with their tokens, log-in failures and addresses.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Users: Send + Sync {
    /// A user by id.
    fn get(&self, id: u64) -> Result<Option<User>, StoreError>;

    /// A user by e-mail.
    fn find_by_email(&self, email: &Email) -> Result<Option<User>, StoreError>;

    /// Creates a staff account (for `osc staff add` and tests).
    fn create_staff(
        &self,
        email: &Email,
        first_name: &str,
        last_name: &str,
        password_hash: String,
        now: u64,
        audit: AuditFor<'_, User>,
    ) -> Result<Result<User, CreateRefused>, StoreError>;

    /// Creates the instance's first staff account through the first-run link whose token
    /// hashes to `link`, which is used in the same unit of work: refused while the link
    /// is not valid or once an active staff account exists.
    fn create_first_staff(
        &self,
        link: [u8; 32],
        name: (&Email, &str, &str),
        password_hash: String,
        now: u64,
        audit: AuditFor<'_, User>,
    ) -> Result<FirstStaff, StoreError>;

    /// Whether an active staff account exists (the instance is set up).
    fn has_active_staff(&self) -> Result<bool, StoreError>;

    /// Every staff account, removed ones included, by e-mail.
    fn staff(&self) -> Result<Vec<User>, StoreError>;

    /// Removes a staff account: it can no longer log in and its sessions end at once; the
    /// record stays (its name is in tickets' histories). `None` when `email` is no active
    /// staff account.
    fn remove_staff(
        &self,
        email: &Email,
        now: u64,
        audit: AuditFor<'_, User>,
    ) -> Result<Option<User>, StoreError>;

    /// Registers an account (and its company) with a confirmation token, or finds why not.
    /// `compose` writes the mails for the outcome; they are queued in the same transaction.
    fn register(
        &self,
        account: NewAccount,
        confirm_hash: [u8; 32],
        confirm_expires_at: u64,
        now: u64,
        compose: MailsFor<'_, Registered>,
    ) -> Result<Registered, StoreError>;

    /// Issues a new token of `kind` for `user_id` and queues the mails carrying it.
    fn issue_token(
        &self,
        user_id: u64,
        kind: TokenKind,
        hash: [u8; 32],
        expires_at: u64,
        now: u64,
        effects: super::effects::Effects,
    ) -> Result<(), StoreError>;

    /// Uses a confirmation token: the account becomes active. Returns the token's state
    /// before use (only `Valid` changed anything) and the user.
    fn confirm(&self, hash: [u8; 32], now: u64) -> Result<(TokenState, Option<User>), StoreError>;

    /// A failed log-in (or wrong recovery answer; `what` says which: `password` or
    /// `security-answer`): counts it, locks the
    /// account at `max`, and records both in the audit log with the request's `address`.
    /// Returns whether the account is now locked.
    fn record_failure(
        &self,
        id: u64,
        max: u32,
        now: u64,
        lockout_minutes: u64,
        address: &str,
        what: &str,
    ) -> Result<bool, StoreError>;

    /// A successful log-in: clears the failure count (and an expired lock), records the
    /// time and stores the new session, in one transaction.
    fn record_login(
        &self,
        id: u64,
        session_hash: [u8; 32],
        origin: &SessionOrigin,
        now: u64,
    ) -> Result<(), StoreError>;

    /// Sets a new password through a reset token: unlocks the account, ends all its
    /// sessions and queues the notification. Returns the token's state before use.
    fn reset_password(
        &self,
        hash: [u8; 32],
        password_hash: String,
        now: u64,
        compose: MailsFor<'_, User>,
    ) -> Result<(TokenState, Option<User>), StoreError>;

    /// Changes the password from "My access data": ends every other session and every
    /// reset link still out, and queues the notification.
    fn change_password(
        &self,
        id: u64,
        password_hash: String,
        keep_session: [u8; 32],
        now: u64,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), StoreError>;

    /// Changes the security question and answer.
    fn change_security_question(
        &self,
        id: u64,
        question: &str,
        answer_hash: String,
    ) -> Result<(), StoreError>;

    /// Saves "My profile".
    fn update_profile(&self, id: u64, change: ProfileChange, now: u64) -> Result<(), StoreError>;

    /// Adds a delivery address (or replaces the one with `address.id` when it exists);
    /// `make_default` makes it the default. The first address is the default.
    fn save_address(
        &self,
        id: u64,
        address: DeliveryAddress,
        make_default: bool,
    ) -> Result<Option<u32>, StoreError>;

    /// Deletes a delivery address; the next one becomes the default when it was.
    fn delete_address(&self, id: u64, address_id: u32) -> Result<bool, StoreError>;

    /// Makes an address the default.
    fn set_default_address(&self, id: u64, address_id: u32) -> Result<bool, StoreError>;

    /// Blocks an account: it cannot log in or recover its password, and every session ends
    /// at once; recorded in the audit log. `None` for an unknown account; `Some(false)` when
    /// it cannot be blocked (staff, removed, already blocked).
    fn block(
        &self,
        id: u64,
        reason: &str,
        now: u64,
        audit: audit::Entry,
    ) -> Result<Option<bool>, StoreError>;

    /// Unblocks an account: it is active again (it confirmed its e-mail before, or it could
    /// not have been blocked). `Some(false)` when it was not blocked.
    fn unblock(&self, id: u64, audit: audit::Entry) -> Result<Option<bool>, StoreError>;

    /// Unlocks an account locked by failed log-ins: the count starts afresh.
    /// `Some(false)` when it was not locked.
    fn unlock(&self, id: u64, audit: audit::Entry) -> Result<Option<bool>, StoreError>;

    /// Starts an e-mail change for `id`: stores the link's token for `new_email` and queues
    /// the link (to the new address) and the notice (to the old one), with the audit entry,
    /// in one transaction. The change happens when the new address confirms.
    #[allow(clippy::too_many_arguments)]
    fn request_email_change(
        &self,
        id: u64,
        new_email: &Email,
        hash: [u8; 32],
        expires_at: u64,
        now: u64,
        compose: MailsFor<'_, User>,
        audit: audit::Entry,
    ) -> Result<Option<Result<(), EmailChangeRefused>>, StoreError>;

    /// Follows an e-mail change link: the account's e-mail (its log-in name) becomes the new
    /// address, every session ends, and the audit log records it.
    fn confirm_email_change(
        &self,
        hash: [u8; 32],
        now: u64,
        address: &str,
    ) -> Result<EmailChanged, StoreError>;

    /// People whose name, e-mail or company name contains every word of `query` (folded for
    /// case and accents), staff first excluded, at most `limit`, by last name. The user table
    /// is read whole: an instance has thousands of people, not millions.
    fn find(&self, query: &str, limit: usize) -> Result<Vec<User>, StoreError>;
}

/// A user by id, inside a write transaction.
pub(crate) fn get_in(txn: &Txn, id: u64) -> Result<Option<User>, StoreError> {
    tables::USERS.get(&txn, id)
}

/// A user by e-mail, inside a write transaction.
pub(crate) fn find_by_email_in(txn: &Txn, email: &str) -> Result<Option<User>, StoreError> {
    let id = txn
        .open_table(tables::USER_BY_EMAIL)?
        .get(email)?
        .map(|v| v.value());
    match id {
        Some(id) => get_in(txn, id),
        None => Ok(None),
    }
}

/// Writes a user record inside a write transaction.
pub(crate) fn put_in(txn: &Txn, user: &User) -> Result<(), StoreError> {
    tables::USERS.put_in(txn, user.id, user)?;
    Ok(())
}

/// Queues mails inside a write transaction.
pub(crate) fn queue_all(txn: &Txn, mails: Vec<OutgoingMail>) -> Result<(), StoreError> {
    for mail in mails {
        mail_queue::enqueue(txn, mail)?;
    }
    Ok(())
}

/// Changes one user inside a transaction of its own; `None` when there is no such user.
fn update<T>(
    store: &Store,
    id: u64,
    change: impl FnOnce(&Txn, &mut User) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    let txn = store.write()?;
    let Some(mut user) = get_in(&txn, id)? else {
        return Ok(None);
    };
    let out = change(&txn, &mut user)?;
    put_in(&txn, &user)?;
    txn.commit()?;
    Ok(Some(out))
}

/// Creates an active account directly (staff accounts, invited collaborators), with its
/// e-mail index, inside the caller's transaction; returns it with its new id.
pub(crate) fn create_active_in(txn: &Txn, mut user: User) -> Result<User, StoreError> {
    user.id = tables::USERS.next_id_in(txn)?;
    user.status = UserStatus::Active;
    put_in(txn, &user)?;
    txn.open_table(tables::USER_BY_EMAIL)?
        .insert(user.email.as_str(), user.id)?;
    if user.kind == AccountKind::Staff {
        txn.open_table(tables::STAFF_USERS)?.insert(user.id, ())?;
    }
    Ok(user)
}

/// A staff account made inside the caller's transaction, unless the e-mail is taken.
fn create_staff_in(
    txn: &Txn,
    email: &Email,
    (first_name, last_name): (&str, &str),
    password_hash: String,
    now: u64,
) -> Result<Result<User, CreateRefused>, StoreError> {
    if find_by_email_in(txn, email.as_str())?.is_some() {
        return Ok(Err(CreateRefused::EmailTaken));
    }
    let user = create_active_in(
        txn,
        User {
            id: 0,
            email: email.as_str().to_owned(),
            password_hash,
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            phone: String::new(),
            kind: AccountKind::Staff,
            company: None,
            language: Lang::En,
            security_question: String::new(),
            security_answer_hash: String::new(),
            status: UserStatus::Active,
            failed_logins: 0,
            locked_at: None,
            created_at: now,
            last_login_at: None,
            addresses: Vec::new(),
            default_address: None,
            info_requests: Vec::new(),
        },
    )?;
    Ok(Ok(user))
}

/// Whether the staff index names an active account, in opened tables (of a read
/// snapshot or a write transaction).
fn any_active_staff(
    users: &impl ReadableTable<u64, &'static [u8]>,
    staff: &impl ReadableTable<u64, ()>,
) -> Result<bool, StoreError> {
    for row in staff.iter()? {
        let id = row?.0.value();
        if tables::USERS
            .read(users, id)?
            .is_some_and(|u| u.status == UserStatus::Active)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What the first-run link's form led to.
#[derive(Debug)]
pub enum FirstStaff {
    /// The first staff account.
    Created(Box<User>),
    /// The link is unknown or was used.
    LinkInvalid,
    /// A staff account exists (made with `osc staff add`, or through the link already).
    SetUpAlready,
    /// The e-mail already has an account.
    EmailTaken,
}

/// Why an account could not be created directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateRefused {
    /// The e-mail already has an account.
    EmailTaken,
}

/// Migration 0006: indexes the staff accounts already stored.
pub(crate) fn index_staff_in(txn: &Txn) -> Result<(), StoreError> {
    let mut ids = Vec::new();
    for row in txn.open_table(tables::USERS.def())?.iter()? {
        let (id, bytes) = row?;
        let user: User = tables::USERS.decode(bytes.value())?;
        if user.kind == AccountKind::Staff {
            ids.push(id.value());
        }
    }
    let mut staff = txn.open_table(tables::STAFF_USERS)?;
    for id in ids {
        staff.insert(id, ())?;
    }
    Ok(())
}

/// A company to create with its first member.
#[derive(Debug, Clone)]
pub struct NewCompany {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
}

/// A registration that passed validation.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: Email,
    pub password_hash: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub kind: AccountKind,
    pub language: Lang,
    pub security_question: String,
    pub security_answer_hash: String,
    pub company: Option<NewCompany>,
    /// The first delivery address, made the default (its id is given here).
    pub first_address: Option<DeliveryAddress>,
    pub info_requests: Vec<String>,
}

/// What a registration led to.
#[derive(Debug, Clone)]
pub enum Registered {
    /// A new, unconfirmed account (and its company, whose administrator it is).
    Created(User),
    /// The e-mail already has an account: its owner is told, nothing else changes.
    EmailTaken(User),
    /// The company already exists: its administrators are told who asked.
    CompanyExists { company: Company, admins: Vec<User> },
}

/// Contact data and preferences from "My profile".
#[derive(Debug, Clone)]
pub struct ProfileChange {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub language: Lang,
    /// Topics opted into; the date of an existing opt-in is kept.
    pub info_requests: Vec<String>,
}

/// Why an e-mail change could not be started or finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailChangeRefused {
    /// Another account has that address.
    Taken,
    /// The account has that address already.
    Same,
}

/// What following an e-mail change link did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailChanged {
    /// The account's log-in is now the new address; its sessions ended.
    Changed(Box<User>),
    /// The address was taken by another account meanwhile: nothing changed.
    Taken,
    /// The link is expired, used or unknown.
    Invalid(TokenState),
}

impl Users for Store {
    fn get(&self, id: u64) -> Result<Option<User>, StoreError> {
        let txn = self.read()?;
        tables::USERS.get(&txn, id)
    }

    fn find_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        let txn = self.read()?;
        let Some(id) = txn
            .open_table(tables::USER_BY_EMAIL)?
            .get(email.as_str())?
            .map(|v| v.value())
        else {
            return Ok(None);
        };
        tables::USERS.get(&txn, id)
    }

    fn create_staff(
        &self,
        email: &Email,
        first_name: &str,
        last_name: &str,
        password_hash: String,
        now: u64,
        audit: AuditFor<'_, User>,
    ) -> Result<Result<User, CreateRefused>, StoreError> {
        let txn = self.write()?;
        let user = match create_staff_in(&txn, email, (first_name, last_name), password_hash, now)?
        {
            Ok(user) => user,
            Err(refused) => return Ok(Err(refused)),
        };
        super::audit::record_in(&txn, audit(&user))?;
        txn.commit()?;
        Ok(Ok(user))
    }

    fn create_first_staff(
        &self,
        link: [u8; 32],
        (email, first_name, last_name): (&Email, &str, &str),
        password_hash: String,
        now: u64,
        audit: AuditFor<'_, User>,
    ) -> Result<FirstStaff, StoreError> {
        let txn = self.write()?;
        if !matches!(
            tokens::state_in(&txn, link, TokenKind::FirstRun, now)?,
            TokenState::Valid(_)
        ) {
            return Ok(FirstStaff::LinkInvalid);
        }
        let set_up = any_active_staff(
            &txn.open_table(tables::USERS.def())?,
            &txn.open_table(tables::STAFF_USERS)?,
        )?;
        if set_up {
            return Ok(FirstStaff::SetUpAlready);
        }
        let user = match create_staff_in(&txn, email, (first_name, last_name), password_hash, now)?
        {
            Ok(user) => user,
            Err(CreateRefused::EmailTaken) => return Ok(FirstStaff::EmailTaken),
        };
        tokens::mark_used(&txn, link, now)?;
        super::audit::record_in(&txn, audit(&user))?;
        txn.commit()?;
        Ok(FirstStaff::Created(Box::new(user)))
    }

    fn has_active_staff(&self) -> Result<bool, StoreError> {
        let txn = self.read()?;
        any_active_staff(
            &txn.open_table(tables::USERS.def())?,
            &txn.open_table(tables::STAFF_USERS)?,
        )
    }

    fn staff(&self) -> Result<Vec<User>, StoreError> {
        let txn = self.read()?;
        let users = txn.open_table(tables::USERS.def())?;
        let mut out = Vec::new();
        for row in txn.open_table(tables::STAFF_USERS)?.iter()? {
            let id = row?.0.value();
            if let Some(bytes) = users.get(id)? {
                out.push(tables::USERS.decode(bytes.value())?);
            }
        }
        out.sort_by(|a, b| a.email.cmp(&b.email));
        Ok(out)
    }

    fn remove_staff(
        &self,
        email: &Email,
        now: u64,
        audit: AuditFor<'_, User>,
    ) -> Result<Option<User>, StoreError> {
        let txn = self.write()?;
        let Some(mut user) = find_by_email_in(&txn, email.as_str())?.filter(|u| {
            u.kind == AccountKind::Staff && !matches!(u.status, UserStatus::Removed { .. })
        }) else {
            return Ok(None);
        };
        user.status = UserStatus::Removed { at: now };
        put_in(&txn, &user)?;
        super::sessions::delete_for_user(&txn, user.id, None)?;
        super::audit::record_in(&txn, audit(&user))?;
        txn.commit()?;
        Ok(Some(user))
    }

    fn register(
        &self,
        account: NewAccount,
        confirm_hash: [u8; 32],
        confirm_expires_at: u64,
        now: u64,
        compose: MailsFor<'_, Registered>,
    ) -> Result<Registered, StoreError> {
        let txn = self.write()?;
        let outcome = if let Some(existing) = find_by_email_in(&txn, account.email.as_str())? {
            Registered::EmailTaken(existing)
        } else if let Some(company) = account
            .company
            .as_ref()
            .map(|c| companies::match_key(&c.name, &c.postal_code, &c.country))
            .map(|key| companies::find_by_key_in(&txn, &key))
            .transpose()?
            .flatten()
        {
            let mut admins = Vec::new();
            for id in companies::member_ids_in(&txn, company.id)? {
                if let Some(u) = get_in(&txn, id)?
                    && matches!(u.company, Some((_, CompanyRole::Admin)))
                {
                    admins.push(u);
                }
            }
            Registered::CompanyExists { company, admins }
        } else {
            let id = tables::USERS.next_id_in(&txn)?;
            let company = match &account.company {
                Some(c) => {
                    let created = companies::create_in(
                        &txn,
                        Company {
                            id: 0,
                            name: c.name.clone(),
                            street: c.street.clone(),
                            postal_code: c.postal_code.clone(),
                            city: c.city.clone(),
                            country: c.country.clone(),
                            kind: account.kind,
                            created_at: now,
                        },
                    )?;
                    companies::add_member_in(&txn, created.id, id)?;
                    Some((created.id, CompanyRole::Admin))
                }
                None => None,
            };
            let user = User {
                id,
                email: account.email.as_str().to_owned(),
                password_hash: account.password_hash,
                first_name: account.first_name,
                last_name: account.last_name,
                phone: account.phone,
                kind: account.kind,
                company,
                language: account.language,
                security_question: account.security_question,
                security_answer_hash: account.security_answer_hash,
                status: UserStatus::Unconfirmed,
                failed_logins: 0,
                locked_at: None,
                created_at: now,
                last_login_at: None,
                default_address: account.first_address.as_ref().map(|_| 1),
                addresses: account
                    .first_address
                    .into_iter()
                    .map(|address| DeliveryAddress { id: 1, ..address })
                    .collect(),
                info_requests: account
                    .info_requests
                    .into_iter()
                    .map(|topic| InfoRequest { topic, since: now })
                    .collect(),
            };
            put_in(&txn, &user)?;
            txn.open_table(tables::USER_BY_EMAIL)?
                .insert(user.email.as_str(), user.id)?;
            tokens::insert(
                &txn,
                confirm_hash,
                &Token {
                    kind: TokenKind::Confirm,
                    user_id: user.id,
                    created_at: now,
                    expires_at: confirm_expires_at,
                    used_at: None,
                },
            )?;
            Registered::Created(user)
        };
        queue_all(&txn, compose(&outcome))?;
        txn.commit()?;
        Ok(outcome)
    }

    fn issue_token(
        &self,
        user_id: u64,
        kind: TokenKind,
        hash: [u8; 32],
        expires_at: u64,
        now: u64,
        effects: super::effects::Effects,
    ) -> Result<(), StoreError> {
        let txn = self.write()?;
        effects.write_in(&txn)?;
        tokens::insert(
            &txn,
            hash,
            &Token {
                kind,
                user_id,
                created_at: now,
                expires_at,
                used_at: None,
            },
        )?;
        txn.commit()?;
        Ok(())
    }

    fn confirm(&self, hash: [u8; 32], now: u64) -> Result<(TokenState, Option<User>), StoreError> {
        let txn = self.write()?;
        let state = tokens::state_in(&txn, hash, TokenKind::Confirm, now)?;
        let user_id = match &state {
            TokenState::Valid(t) | TokenState::Expired(t) | TokenState::Used(t) => Some(t.user_id),
            TokenState::Unknown => None,
        };
        let mut user = match user_id {
            Some(id) => get_in(&txn, id)?,
            None => None,
        };
        if let (TokenState::Valid(_), Some(u)) = (&state, user.as_mut()) {
            tokens::mark_used(&txn, hash, now)?;
            u.status = UserStatus::Active;
            put_in(&txn, u)?;
        }
        txn.commit()?;
        Ok((state, user))
    }

    fn record_failure(
        &self,
        id: u64,
        max: u32,
        now: u64,
        lockout_minutes: u64,
        address: &str,
        what: &str,
    ) -> Result<bool, StoreError> {
        Ok(update(self, id, |txn, user| {
            if user.locked_at.is_some() && !user.is_locked(now, lockout_minutes) {
                // The lock ran out: start counting afresh.
                user.locked_at = None;
                user.failed_logins = 0;
            }
            user.failed_logins = user.failed_logins.saturating_add(1);
            let was_locked = user.locked_at.is_some();
            if user.failed_logins >= max && user.locked_at.is_none() {
                user.locked_at = Some(now);
            }
            let actor = audit::Actor {
                user: None,
                name: user.email.clone(),
                address: address.to_owned(),
            };
            audit::record_in(
                txn,
                audit::Entry::new(now, audit::Event::LoginFailed, actor.clone(), &user.email)
                    .about(user.id)
                    .detail(what),
            )?;
            if !was_locked && user.locked_at.is_some() {
                audit::record_in(
                    txn,
                    audit::Entry::new(now, audit::Event::AccountLocked, actor, &user.email)
                        .about(user.id)
                        .detail(what),
                )?;
            }
            Ok(user.locked_at.is_some())
        })?
        .unwrap_or(false))
    }

    fn record_login(
        &self,
        id: u64,
        session_hash: [u8; 32],
        origin: &SessionOrigin,
        now: u64,
    ) -> Result<(), StoreError> {
        update(self, id, |txn, user| {
            user.failed_logins = 0;
            user.locked_at = None;
            user.last_login_at = Some(now);
            sessions::insert(
                txn,
                session_hash,
                &Session {
                    user_id: user.id,
                    created_at: now,
                    last_seen: now,
                },
                origin,
            )
        })?;
        Ok(())
    }

    fn reset_password(
        &self,
        hash: [u8; 32],
        password_hash: String,
        now: u64,
        compose: MailsFor<'_, User>,
    ) -> Result<(TokenState, Option<User>), StoreError> {
        let txn = self.write()?;
        let state = tokens::state_in(&txn, hash, TokenKind::Reset, now)?;
        let TokenState::Valid(token) = &state else {
            return Ok((state, None));
        };
        let Some(mut user) = get_in(&txn, token.user_id)? else {
            return Ok((TokenState::Unknown, None));
        };
        // A link sent before the account was blocked or removed does not work any more.
        if matches!(
            user.status,
            UserStatus::Blocked { .. } | UserStatus::Removed { .. }
        ) {
            return Ok((TokenState::Unknown, None));
        }
        // Setting the password ends this link and every other reset link still out, and
        // every log-in waiting for its second step after the old password.
        tokens::end_all_in(&txn, user.id, TokenKind::Reset, now)?;
        tokens::end_all_in(&txn, user.id, TokenKind::LoginStep, now)?;
        user.password_hash = password_hash;
        user.failed_logins = 0;
        user.locked_at = None;
        // The link proved the address.
        if user.status == UserStatus::Unconfirmed {
            user.status = UserStatus::Active;
        }
        put_in(&txn, &user)?;
        sessions::delete_for_user(&txn, user.id, None)?;
        queue_all(&txn, compose(&user))?;
        txn.commit()?;
        Ok((state, Some(user)))
    }

    fn change_password(
        &self,
        id: u64,
        password_hash: String,
        keep_session: [u8; 32],
        now: u64,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), StoreError> {
        update(self, id, |txn, user| {
            user.password_hash = password_hash;
            tokens::end_all_in(txn, user.id, TokenKind::Reset, now)?;
            tokens::end_all_in(txn, user.id, TokenKind::LoginStep, now)?;
            sessions::delete_for_user(txn, user.id, Some(keep_session))?;
            queue_all(txn, mails)
        })?;
        Ok(())
    }

    fn change_security_question(
        &self,
        id: u64,
        question: &str,
        answer_hash: String,
    ) -> Result<(), StoreError> {
        update(self, id, |_, user| {
            user.security_question = question.to_owned();
            user.security_answer_hash = answer_hash;
            Ok(())
        })?;
        Ok(())
    }

    fn update_profile(&self, id: u64, change: ProfileChange, now: u64) -> Result<(), StoreError> {
        update(self, id, |_, user| {
            user.first_name = change.first_name;
            user.last_name = change.last_name;
            user.phone = change.phone;
            user.language = change.language;
            let old = std::mem::take(&mut user.info_requests);
            user.info_requests = change
                .info_requests
                .into_iter()
                .map(|topic| {
                    let since = old
                        .iter()
                        .find(|r| r.topic == topic)
                        .map_or(now, |r| r.since);
                    InfoRequest { topic, since }
                })
                .collect();
            Ok(())
        })?;
        Ok(())
    }

    fn save_address(
        &self,
        id: u64,
        mut address: DeliveryAddress,
        make_default: bool,
    ) -> Result<Option<u32>, StoreError> {
        update(self, id, |_, user| {
            let saved_id = if let Some(existing) = user
                .addresses
                .iter_mut()
                .find(|a| a.id == address.id && address.id != 0)
            {
                *existing = address.clone();
                existing.id
            } else {
                address.id = user.addresses.iter().map(|a| a.id).max().unwrap_or(0) + 1;
                let new_id = address.id;
                user.addresses.push(address);
                new_id
            };
            if make_default || user.default_address.is_none() {
                user.default_address = Some(saved_id);
            }
            Ok(saved_id)
        })
    }

    fn delete_address(&self, id: u64, address_id: u32) -> Result<bool, StoreError> {
        Ok(update(self, id, |_, user| {
            let before = user.addresses.len();
            user.addresses.retain(|a| a.id != address_id);
            if user.default_address == Some(address_id) {
                user.default_address = user.addresses.first().map(|a| a.id);
            }
            Ok(user.addresses.len() != before)
        })?
        .unwrap_or(false))
    }

    fn set_default_address(&self, id: u64, address_id: u32) -> Result<bool, StoreError> {
        Ok(update(self, id, |_, user| {
            let exists = user.addresses.iter().any(|a| a.id == address_id);
            if exists {
                user.default_address = Some(address_id);
            }
            Ok(exists)
        })?
        .unwrap_or(false))
    }

    fn block(
        &self,
        id: u64,
        reason: &str,
        now: u64,
        audit: audit::Entry,
    ) -> Result<Option<bool>, StoreError> {
        update(self, id, |txn, user| {
            if user.kind == AccountKind::Staff
                || matches!(
                    user.status,
                    UserStatus::Removed { .. } | UserStatus::Blocked { .. }
                )
            {
                return Ok(false);
            }
            user.status = UserStatus::Blocked {
                at: now,
                reason: reason.to_owned(),
            };
            sessions::delete_for_user(txn, user.id, None)?;
            audit::record_in(txn, audit.about(user.id).detail(reason))?;
            Ok(true)
        })
    }

    fn unblock(&self, id: u64, audit: audit::Entry) -> Result<Option<bool>, StoreError> {
        update(self, id, |txn, user| {
            if !matches!(user.status, UserStatus::Blocked { .. }) {
                return Ok(false);
            }
            user.status = UserStatus::Active;
            audit::record_in(txn, audit.about(user.id))?;
            Ok(true)
        })
    }

    fn unlock(&self, id: u64, audit: audit::Entry) -> Result<Option<bool>, StoreError> {
        update(self, id, |txn, user| {
            if user.locked_at.is_none() && user.failed_logins == 0 {
                return Ok(false);
            }
            user.locked_at = None;
            user.failed_logins = 0;
            audit::record_in(txn, audit.about(user.id))?;
            Ok(true)
        })
    }

    fn request_email_change(
        &self,
        id: u64,
        new_email: &Email,
        hash: [u8; 32],
        expires_at: u64,
        now: u64,
        compose: MailsFor<'_, User>,
        audit: audit::Entry,
    ) -> Result<Option<Result<(), EmailChangeRefused>>, StoreError> {
        let txn = self.write()?;
        let Some(user) = get_in(&txn, id)? else {
            return Ok(None);
        };
        if user.email == new_email.as_str() {
            return Ok(Some(Err(EmailChangeRefused::Same)));
        }
        if find_by_email_in(&txn, new_email.as_str())?.is_some() {
            return Ok(Some(Err(EmailChangeRefused::Taken)));
        }
        tokens::insert(
            &txn,
            hash,
            &Token {
                kind: TokenKind::EmailChange,
                user_id: id,
                created_at: now,
                expires_at,
                used_at: None,
            },
        )?;
        txn.open_table(tables::PENDING_EMAIL)?
            .insert(hash, new_email.as_str())?;
        queue_all(&txn, compose(&user))?;
        audit::record_in(
            &txn,
            audit
                .about(id)
                .detail(format!("{} → {}", user.email, new_email.as_str())),
        )?;
        txn.commit()?;
        Ok(Some(Ok(())))
    }

    fn confirm_email_change(
        &self,
        hash: [u8; 32],
        now: u64,
        address: &str,
    ) -> Result<EmailChanged, StoreError> {
        let txn = self.write()?;
        let state = tokens::state_in(&txn, hash, TokenKind::EmailChange, now)?;
        let TokenState::Valid(token) = &state else {
            return Ok(EmailChanged::Invalid(state));
        };
        let new_email = txn
            .open_table(tables::PENDING_EMAIL)?
            .get(hash)?
            .map(|v| v.value().to_owned());
        let (Some(new_email), Some(mut user)) = (new_email, get_in(&txn, token.user_id)?) else {
            return Ok(EmailChanged::Invalid(TokenState::Unknown));
        };
        if find_by_email_in(&txn, &new_email)?.is_some() {
            return Ok(EmailChanged::Taken);
        }
        tokens::mark_used(&txn, hash, now)?;
        let old_email = std::mem::replace(&mut user.email, new_email);
        {
            let mut by_email = txn.open_table(tables::USER_BY_EMAIL)?;
            by_email.remove(old_email.as_str())?;
            by_email.insert(user.email.as_str(), user.id)?;
        }
        put_in(&txn, &user)?;
        sessions::delete_for_user(&txn, user.id, None)?;
        audit::record_in(
            &txn,
            audit::Entry::new(
                now,
                audit::Event::EmailChanged,
                audit::Actor {
                    user: Some(user.id),
                    name: user.full_name(),
                    address: address.to_owned(),
                },
                user.email.clone(),
            )
            .about(user.id)
            .detail(format!("{old_email} → {}", user.email)),
        )?;
        txn.commit()?;
        Ok(EmailChanged::Changed(Box::new(user)))
    }

    fn find(&self, query: &str, limit: usize) -> Result<Vec<User>, StoreError> {
        let words: Vec<String> = crate::domain::fold::fold(query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let txn = self.read()?;
        let companies = txn.open_table(tables::COMPANIES.def())?;
        let mut names = std::collections::HashMap::<u64, String>::new();
        let mut out = Vec::new();
        for row in txn.open_table(tables::USERS.def())?.iter()? {
            let user: User = tables::USERS.decode(row?.1.value())?;
            if user.kind == AccountKind::Staff {
                continue;
            }
            let company = match user.company {
                Some((c, _)) => match names.get(&c) {
                    Some(n) => n.clone(),
                    None => {
                        let name = companies
                            .get(c)?
                            .map(|b| tables::COMPANIES.decode(b.value()))
                            .transpose()?
                            .map(|c| crate::domain::fold::fold(&c.name))
                            .unwrap_or_default();
                        names.insert(c, name.clone());
                        name
                    }
                },
                None => String::new(),
            };
            let haystack = format!(
                "{} {} {}",
                crate::domain::fold::fold(&user.full_name()),
                user.email,
                company
            );
            if words.iter().all(|w| haystack.contains(w.as_str())) {
                out.push(user);
            }
        }
        out.sort_by(|a, b| {
            (a.last_name.to_lowercase(), &a.first_name)
                .cmp(&(b.last_name.to_lowercase(), &b.first_name))
        });
        out.truncate(limit);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_accounts_are_listed_from_their_index_and_the_migration_fills_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        let entry = |u: &User| {
            super::super::audit::Entry::new(
                1,
                super::super::audit::Event::StaffAdded,
                super::super::audit::Actor::default(),
                u.email.clone(),
            )
        };
        for (email, last) in [("kim@service.example", "Kim"), ("al@service.example", "Al")] {
            let email = Email::parse(email).unwrap();
            Users::create_staff(
                &store,
                &email,
                "Sam",
                last,
                "hash".into(),
                1,
                Box::new(entry),
            )
            .unwrap()
            .unwrap();
        }
        let emails = |store: &Store| -> Vec<String> {
            Users::staff(store)
                .unwrap()
                .into_iter()
                .map(|u| u.email)
                .collect()
        };
        assert_eq!(
            emails(&store),
            ["al@service.example", "kim@service.example"]
        );

        // A file from before the index: migration 0006 finds the same accounts.
        let txn = store.write().unwrap();
        txn.open_table(tables::STAFF_USERS)
            .unwrap()
            .clear()
            .unwrap();
        txn.commit().unwrap();
        assert!(emails(&store).is_empty());
        let txn = store.write().unwrap();
        index_staff_in(&txn).unwrap();
        txn.commit().unwrap();
        assert_eq!(
            emails(&store),
            ["al@service.example", "kim@service.example"]
        );
    }
}
