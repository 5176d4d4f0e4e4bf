//! The audit log: every action of the service team and every security event (failed
//! log-ins and locks, blocks, unlocks, e-mail changes, role changes, removals,
//! invitations), with who did it, when, from which address and to whom.
//!
//! Append-only: this module has no function that changes or deletes an entry. Entries
//! are written in the transaction of the action they record ([`record_in`]), so an
//! action and its record land together; [`AuditLog::record`] is for the few actions whose write
//! lives in another aggregate's function (company roles, removals, invitations, requests
//! filed for customers, mail retries), right after it.

use super::Txn;
use serde::{Deserialize, Serialize};

use super::engine::ReadableTable;
use super::{Store, StoreError, tables};

crate::codes::stored_codes! {
    /// What happened.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Event {
        /// A log-in with a wrong password (or an unknown e-mail).
        LoginFailed = 0 => "LoginFailed",
        /// An account was locked after too many failures.
        AccountLocked = 1 => "AccountLocked",
        /// The service team unlocked an account.
        AccountUnlocked = 2 => "AccountUnlocked",
        /// The service team blocked an account.
        AccountBlocked = 3 => "AccountBlocked",
        /// The service team unblocked an account.
        AccountUnblocked = 4 => "AccountUnblocked",
        /// The service team asked for a user's e-mail to change.
        EmailChangeRequested = 5 => "EmailChangeRequested",
        /// The new address confirmed: the e-mail changed.
        EmailChanged = 6 => "EmailChanged",
        /// The service team sent a confirmation e-mail again.
        ConfirmationResent = 7 => "ConfirmationResent",
        /// A company member was made administrator or installer.
        RoleChanged = 8 => "RoleChanged",
        /// A collaborator or staff account was removed.
        AccountRemoved = 9 => "AccountRemoved",
        /// A collaborator was invited.
        Invited = 10 => "Invited",
        /// A ticket was assigned.
        TicketAssigned = 11 => "TicketAssigned",
        /// The service team answered a ticket or wrote an internal note.
        TicketAnswered = 12 => "TicketAnswered",
        /// The service team moved a ticket to another state.
        TicketMoved = 13 => "TicketMoved",
        /// The service team filed a ticket on a customer's behalf.
        TicketCreatedForCustomer = 14 => "TicketCreatedForCustomer",
        /// The service team asked for a queued e-mail to be sent again now.
        MailRetried = 15 => "MailRetried",
        /// A staff account was created (`osc staff add`).
        StaffAdded = 16 => "StaffAdded",
        /// The service team ended one or every session of a person.
        SessionsEnded = 17 => "SessionsEnded",
        /// Two-step log-in was turned on.
        TwoFactorOn = 18 => "TwoFactorOn",
        /// Its owner turned two-step log-in off.
        TwoFactorOff = 19 => "TwoFactorOff",
        /// A log-in's second step used a recovery code.
        RecoveryCodeUsed = 20 => "RecoveryCodeUsed",
        /// New recovery codes replaced the old ones.
        RecoveryCodesRenewed = 21 => "RecoveryCodesRenewed",
        /// The service team or the command line reset an account's two-step log-in.
        TwoFactorReset = 22 => "TwoFactorReset",
        /// The service team erased a person: their account is gone, their name and
        /// addresses replaced in what stays (the entry keeps neither).
        PersonErased = 23 => "PersonErased",
        /// A person's data was exported (by themselves or by the service team).
        DataExported = 24 => "DataExported",
        /// The service team put a held incoming message back for another attempt.
        InboxRetried = 25 => "InboxRetried",
        /// A personal access token for the API was made.
        ApiTokenCreated = 26 => "ApiTokenCreated",
        /// A personal access token for the API was revoked.
        ApiTokenRevoked = 27 => "ApiTokenRevoked",
        /// A change made through the JSON API with a personal access token.
        ApiWrite = 28 => "ApiWrite",
        /// A webhook endpoint was registered.
        WebhookAdded = 29 => "WebhookAdded",
        /// A webhook endpoint was deleted.
        WebhookRemoved = 30 => "WebhookRemoved",
    }
}

impl Event {
    /// Every event, in the order filters offer them.
    pub const ALL: [Event; 31] = [
        Event::LoginFailed,
        Event::AccountLocked,
        Event::AccountUnlocked,
        Event::AccountBlocked,
        Event::AccountUnblocked,
        Event::EmailChangeRequested,
        Event::EmailChanged,
        Event::ConfirmationResent,
        Event::RoleChanged,
        Event::AccountRemoved,
        Event::Invited,
        Event::TicketAssigned,
        Event::TicketAnswered,
        Event::TicketMoved,
        Event::TicketCreatedForCustomer,
        Event::MailRetried,
        Event::StaffAdded,
        Event::SessionsEnded,
        Event::TwoFactorOn,
        Event::TwoFactorOff,
        Event::RecoveryCodeUsed,
        Event::RecoveryCodesRenewed,
        Event::TwoFactorReset,
        Event::PersonErased,
        Event::DataExported,
        Event::InboxRetried,
        Event::ApiTokenCreated,
        Event::ApiTokenRevoked,
        Event::ApiWrite,
        Event::WebhookAdded,
        Event::WebhookRemoved,
    ];

    /// The name in links and the translation id's suffix (`audit-event-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Event::LoginFailed => "login-failed",
            Event::AccountLocked => "account-locked",
            Event::AccountUnlocked => "account-unlocked",
            Event::AccountBlocked => "account-blocked",
            Event::AccountUnblocked => "account-unblocked",
            Event::EmailChangeRequested => "email-change-requested",
            Event::EmailChanged => "email-changed",
            Event::ConfirmationResent => "confirmation-resent",
            Event::RoleChanged => "role-changed",
            Event::AccountRemoved => "account-removed",
            Event::Invited => "invited",
            Event::TicketAssigned => "ticket-assigned",
            Event::TicketAnswered => "ticket-answered",
            Event::TicketMoved => "ticket-moved",
            Event::TicketCreatedForCustomer => "ticket-created-for-customer",
            Event::MailRetried => "mail-retried",
            Event::StaffAdded => "staff-added",
            Event::SessionsEnded => "sessions-ended",
            Event::TwoFactorOn => "two-factor-on",
            Event::TwoFactorOff => "two-factor-off",
            Event::RecoveryCodeUsed => "recovery-code-used",
            Event::RecoveryCodesRenewed => "recovery-codes-renewed",
            Event::TwoFactorReset => "two-factor-reset",
            Event::PersonErased => "person-erased",
            Event::DataExported => "data-exported",
            Event::InboxRetried => "inbox-retried",
            Event::ApiTokenCreated => "api-token-created",
            Event::ApiTokenRevoked => "api-token-revoked",
            Event::ApiWrite => "api-write",
            Event::WebhookAdded => "webhook-added",
            Event::WebhookRemoved => "webhook-removed",
        }
    }

    /// The event of a slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.slug() == slug)
    }

    /// Whether this is a security event (as opposed to a staff member's work).
    pub fn is_security(self) -> bool {
        matches!(
            self,
            Event::LoginFailed
                | Event::AccountLocked
                | Event::AccountUnlocked
                | Event::AccountBlocked
                | Event::AccountUnblocked
                | Event::EmailChangeRequested
                | Event::EmailChanged
                | Event::RoleChanged
                | Event::AccountRemoved
                | Event::Invited
                | Event::StaffAdded
                | Event::SessionsEnded
                | Event::TwoFactorOn
                | Event::TwoFactorOff
                | Event::RecoveryCodeUsed
                | Event::RecoveryCodesRenewed
                | Event::TwoFactorReset
                | Event::PersonErased
                | Event::DataExported
                | Event::ApiTokenCreated
                | Event::ApiTokenRevoked
                | Event::WebhookAdded
                | Event::WebhookRemoved
        )
    }

    /// Stored in the event index: the stored code.
    fn code(self) -> u8 {
        self.stored_code()
    }
}

/// Who did something and from where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Their account, if they were signed in (or the account concerned for log-ins).
    pub user: Option<u64>,
    /// Their name (or the e-mail typed, for a log-in), as it was.
    pub name: String,
    /// The network address the request came from; empty for the command line.
    pub address: String,
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Increasing number; also the order of the log.
    pub id: u64,
    /// When (unix seconds).
    pub at: u64,
    pub event: Event,
    pub actor: Actor,
    /// The account the event is about, if any.
    pub subject_user: Option<u64>,
    /// What it is about, in words: an e-mail, a ticket number, a mail id.
    pub subject: String,
    /// Details: a reason, the old and new e-mail, the new state.
    pub detail: String,
}

impl Entry {
    /// An entry to record; its id is given when it is written.
    pub fn new(at: u64, event: Event, actor: Actor, subject: impl Into<String>) -> Self {
        Self {
            id: 0,
            at,
            event,
            actor,
            subject_user: None,
            subject: subject.into(),
            detail: String::new(),
        }
    }

    /// The account the entry is about.
    pub fn about(mut self, user: u64) -> Self {
        self.subject_user = Some(user);
        self
    }

    /// Details.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// Appends `entry` inside the caller's transaction.
pub(crate) fn record_in(txn: &Txn, mut entry: Entry) -> Result<u64, StoreError> {
    entry.id = tables::AUDIT.next_id_in(txn)?;
    tables::AUDIT.put_in(txn, entry.id, &entry)?;
    index_in(txn, &entry)?;
    Ok(entry.id)
}

/// Adds an entry to the tables derived from it (by account, by event): what appending
/// writes, and what `osc check` derives again to compare.
pub(crate) fn index_in(txn: &Txn, entry: &Entry) -> Result<(), StoreError> {
    let mut by_user = txn.open_table(tables::AUDIT_BY_USER)?;
    for user in [entry.actor.user, entry.subject_user].into_iter().flatten() {
        by_user.insert((user, entry.id), ())?;
    }
    txn.open_table(tables::AUDIT_BY_EVENT)?
        .insert((entry.event.code(), entry.id), ())?;
    Ok(())
}

/// The audit log.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait AuditLog: Send + Sync {
    /// Appends `entry` in a transaction of its own (for actions whose own write is
    /// elsewhere).
    fn record(&self, entry: Entry) -> Result<u64, StoreError>;

    /// Entries kept by `filter`, newest first, at most `size`. Each filter reads its own
    /// index, so a rare event or a user's history costs what a page of it costs.
    fn page(&self, filter: Filter, size: usize) -> Result<Page, StoreError>;
}

/// What the log shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this event.
    pub event: Option<Event>,
    /// Only entries by or about this account.
    pub user: Option<u64>,
    /// Only entries before this id (the next page).
    pub before: Option<u64>,
}

/// One page of the log, newest first, and the id to continue before.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub entries: Vec<Entry>,
    pub next: Option<u64>,
}

impl AuditLog for Store {
    fn record(&self, entry: Entry) -> Result<u64, StoreError> {
        let txn = self.write()?;
        let id = record_in(&txn, entry)?;
        txn.commit()?;
        Ok(id)
    }

    fn page(&self, filter: Filter, size: usize) -> Result<Page, StoreError> {
        let txn = self.read()?;
        let log = txn.open_table(tables::AUDIT.def())?;
        let before = filter.before.unwrap_or(u64::MAX);
        let load = |id: u64| -> Result<Option<Entry>, StoreError> {
            log.get(id)?
                .map(|b| tables::AUDIT.decode(b.value()))
                .transpose()
        };
        let mut entries = Vec::with_capacity(size + 1);
        let mut push = |entry: Entry| -> bool {
            if filter.event.is_none_or(|e| e == entry.event)
                && filter
                    .user
                    .is_none_or(|u| entry.actor.user == Some(u) || entry.subject_user == Some(u))
            {
                entries.push(entry);
            }
            entries.len() > size
        };
        if let Some(user) = filter.user {
            let index = txn.open_table(tables::AUDIT_BY_USER)?;
            for row in index.range((user, 0)..(user, before))?.rev() {
                if let Some(entry) = load(row?.0.value().1)?
                    && push(entry)
                {
                    break;
                }
            }
        } else if let Some(event) = filter.event {
            let index = txn.open_table(tables::AUDIT_BY_EVENT)?;
            let code = event.code();
            for row in index.range((code, 0)..(code, before))?.rev() {
                if let Some(entry) = load(row?.0.value().1)?
                    && push(entry)
                {
                    break;
                }
            }
        } else {
            for row in log.range(..before)?.rev() {
                let entry = tables::AUDIT.decode(row?.1.value())?;
                if push(entry) {
                    break;
                }
            }
        }
        let more = entries.len() > size;
        entries.truncate(size);
        let next = if more {
            entries.last().map(|e| e.id)
        } else {
            None
        };
        Ok(Page { entries, next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 16 << 20).unwrap();
        (dir, store)
    }

    fn actor(user: u64) -> Actor {
        Actor {
            user: Some(user),
            name: format!("user {user}"),
            address: "192.0.2.1".into(),
        }
    }

    #[test]
    fn pages_newest_first_and_filters_by_event_and_user() {
        let (_dir, store) = store();
        for i in 0..7u64 {
            let event = if i % 2 == 0 {
                Event::LoginFailed
            } else {
                Event::AccountBlocked
            };
            AuditLog::record(
                &store,
                Entry::new(100 + i, event, actor(1), "x").about(10 + i % 3),
            )
            .unwrap();
        }
        let first = AuditLog::page(&store, Filter::default(), 3).unwrap();
        assert_eq!(
            first.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [7, 6, 5]
        );
        let second = AuditLog::page(
            &store,
            Filter {
                before: first.next,
                ..Filter::default()
            },
            3,
        )
        .unwrap();
        assert_eq!(
            second.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [4, 3, 2]
        );
        let blocks = AuditLog::page(
            &store,
            Filter {
                event: Some(Event::AccountBlocked),
                ..Filter::default()
            },
            10,
        )
        .unwrap();
        assert_eq!(
            blocks.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [6, 4, 2]
        );
        let about = AuditLog::page(
            &store,
            Filter {
                user: Some(11),
                ..Filter::default()
            },
            10,
        )
        .unwrap();
        assert_eq!(
            about.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [5, 2]
        );
        assert!(about.next.is_none());
    }

    #[test]
    fn slugs_round_trip() {
        for e in Event::ALL {
            assert_eq!(Event::from_slug(e.slug()), Some(e));
        }
    }
}
