//! Use cases: what the portal does, with typed input in and a typed outcome out, each
//! write one unit of work on the store carrying its effects (mails, audit entries, index
//! changes). The pages, the command line, the seed and the tests call the same functions.
//!
//! A use case takes the [`Core`]: the store, the settings, the translations (for the
//! mails it queues), the password hasher, the log-in throttle and the clock. It never
//! sees HTTP: a handler parses the request into the use case's input, calls it, and picks
//! the page for its outcome.

pub mod access_recovery;
pub mod api_tokens;
pub mod backups;
pub mod company;
pub mod desk;
pub mod devices;
pub mod documents;
pub mod exports;
pub mod first_run;
pub mod health;
pub mod inbox;
pub mod login;
pub mod people;
pub mod personal_data;
pub mod plant_import;
pub mod plants;
pub mod profile;
pub mod queue;
pub mod rate_limits;
pub mod registration;
pub mod replacement;
pub mod requests;
pub mod saved_replies;
pub mod service_levels;
pub mod sla_digest;
pub mod staff;
pub mod throttle;
pub mod ticket_thread;
pub mod tracking;
pub mod two_factor;
pub mod warranty;
pub mod warranty_reminders;
pub mod webhooks;

use std::sync::Arc;

use crate::access::Actor;
use crate::clock::Clock;
use crate::config::Config;
use crate::domain::SecurityQuestion;
use crate::i18n::Translator;
use crate::import::Progress;
use crate::mail::templates::MailContext;
use crate::mail::threading::Threading;
use crate::secrets::password::Hasher;
use crate::store::audit::{self, Entry, Event};
use crate::store::users::User;
use crate::store::{Storage, StoreError};
use throttle::LoginThrottle;

/// What every use case works with. Cheap to share; the server keeps one.
#[derive(Debug)]
pub struct Core {
    /// The instance's settings, fixed at start-up.
    pub config: Arc<Config>,
    /// The store: the source of truth.
    pub store: Arc<dyn Storage>,
    /// Every language's messages (the mails are composed in the recipient's).
    pub i18n: Arc<Translator>,
    /// argon2 hashing, bounded to the cores.
    pub hasher: Hasher,
    /// Failed log-ins against unknown e-mails.
    pub throttle: LoginThrottle,
    /// The time use cases go by.
    pub clock: Clock,
    /// How far running plant imports are.
    pub imports: Progress,
    /// The personal data exports under way or made.
    pub exports: personal_data::Exports,
    /// How often each client address used the forms that cost a mail or a record.
    pub rate_limits: rate_limits::RateLimits,
    /// Whether the incoming mailbox can be read, as the reader last found it.
    pub mailbox: inbox::MailboxStatus,
    /// The instance's key for the decoy security questions, read from the store once.
    decoy_key: std::sync::OnceLock<[u8; 32]>,
    /// The Message-IDs and reply addresses of threads, with the instance's key.
    threading: std::sync::OnceLock<Threading>,
}

impl Core {
    /// Bundles the parts; the hasher gets as many threads as the settings allow.
    pub fn new(config: Arc<Config>, store: Arc<dyn Storage>, i18n: Arc<Translator>) -> Self {
        let hasher = Hasher::new(config.security.max_concurrent_hashes);
        let clock = Clock::default();
        // Failed log-ins of the last minutes count after a restart too.
        let throttle = LoginThrottle::restored(&*store, clock.now()).unwrap_or_else(|e| {
            tracing::error!(error = %e, "reading the recent failed log-ins failed; counting afresh");
            LoginThrottle::default()
        });
        Self {
            config,
            store,
            i18n,
            hasher,
            throttle,
            clock,
            imports: Progress::default(),
            exports: personal_data::Exports::default(),
            rate_limits: rate_limits::RateLimits::default(),
            mailbox: inbox::MailboxStatus::default(),
            decoy_key: std::sync::OnceLock::new(),
            threading: std::sync::OnceLock::new(),
        }
    }

    /// The security question the recovery form shows for an e-mail without an account:
    /// stable per address, and drawn with this instance's secret (made on first use), so
    /// it cannot be computed from outside.
    pub fn decoy_question(&self, email: &str) -> Result<SecurityQuestion, Failure> {
        let key = match self.decoy_key.get() {
            Some(key) => *key,
            None => {
                let (_, fresh) = crate::secrets::token::generate();
                let key = self.store.instance_secret("decoy-questions", fresh)?;
                *self.decoy_key.get_or_init(|| key)
            }
        };
        Ok(SecurityQuestion::decoy_for(email, &key))
    }

    /// How messages are threaded: the Message-IDs and reply addresses of requests, made
    /// with this instance's key (made on first use and kept in the store).
    pub fn threading(&self) -> Result<&Threading, Failure> {
        if let Some(threading) = self.threading.get() {
            return Ok(threading);
        }
        let (_, fresh) = crate::secrets::token::generate();
        let key = self.store.instance_secret("mail-threads", fresh)?;
        let threading = Threading::new(key, &self.config.mail.from, &self.config.mail_in.address);
        Ok(self.threading.get_or_init(|| threading))
    }

    /// Hashes a password or a security answer off the async workers.
    pub async fn hash(&self, secret: &str) -> Result<String, Failure> {
        self.hasher
            .hash(secret.to_owned())
            .await
            .map_err(Failure::Hashing)
    }
}

impl Core {
    /// Today's date by the instance's clock (UTC).
    pub fn today(&self) -> time::Date {
        time::OffsetDateTime::from_unix_timestamp(i64::try_from(self.clock.now()).unwrap_or(0))
            .map(|t| t.date())
            .unwrap_or(time::Date::MIN)
    }
}

/// Who asks a use case to act: the signed-in person, what the access rules let them do,
/// and who and where they are for the audit log.
#[derive(Debug, Clone, Copy)]
pub struct Acting<'a> {
    pub user: &'a User,
    pub actor: &'a Actor,
    pub trail: &'a audit::Actor,
    /// The name of the API access token the person acts through, if it is one.
    pub via_token: Option<&'a str>,
}

impl Acting<'_> {
    /// An audit entry by this person, to record with the action it describes.
    pub fn entry(&self, at: u64, event: Event, subject: impl Into<String>) -> Entry {
        Entry::new(at, event, self.trail.clone(), subject)
    }

    /// When acting through an API access token: the audit entry of a change made with
    /// it (`what`, e.g. "request 2026-000123 filed"), to record with the change.
    pub fn token_entry(&self, at: u64, what: impl Into<String>) -> Option<Entry> {
        let token = self.via_token?;
        Some(
            Entry::new(at, Event::ApiWrite, self.trail.clone(), token)
                .about(self.user.id)
                .detail(what),
        )
    }
}

impl MailContext for Core {
    fn translator(&self) -> &Translator {
        &self.i18n
    }

    fn settings(&self) -> &Config {
        &self.config
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The password hasher failed.
    #[error("password hashing: {0}")]
    Hashing(String),
    /// Work moved off the async workers did not finish (it panicked).
    #[error("background task: {0}")]
    Task(String),
    /// The mailbox incoming mail is read from cannot be reached or refused a step.
    #[error("incoming mailbox: {0}")]
    Mailbox(String),
    /// The search index failed.
    #[error("search: {0}")]
    Search(String),
}

#[cfg(test)]
pub(crate) mod testing {
    //! A [`Core`] over a store in a temporary directory, for the use cases' own tests.

    use super::*;
    use crate::store::Store;

    /// The core and the directory its store lives in (removed when dropped).
    pub(crate) fn core() -> (Core, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(dir.path(), 1 << 20).unwrap());
        let config = Arc::new(Config::default());
        let i18n = Arc::new(Translator::load().unwrap());
        (Core::new(config, store, i18n), dir)
    }
}
