//! The state every handler shares: configuration, store, search index, translations
//! and the mail worker's doorbell.

use std::sync::Arc;

use crate::auth::password::Hasher;
use crate::auth::throttle::LoginThrottle;
use crate::clock::Clock;
use crate::config::Config;
use crate::i18n::Translator;
use crate::mail::MailNotifier;
use crate::search::SearchIndex;
use crate::search::indexer::Indexer;
use crate::store::Store;

/// Cheap to clone: one `Arc` around [`App`].
#[derive(Clone, Debug)]
pub struct AppState(Arc<App>);

/// What [`AppState`] shares.
#[derive(Debug)]
pub struct App {
    /// The instance's settings, fixed at start-up.
    pub config: Arc<Config>,
    /// The redb store: the source of truth.
    pub store: Arc<Store>,
    /// The tantivy index over tickets, derived from the store.
    pub search: Arc<SearchIndex>,
    /// Every language's messages.
    pub i18n: Arc<Translator>,
    /// Wakes the mail worker after mail was queued.
    pub mail: MailNotifier,
    /// argon2 hashing, bounded to the cores.
    pub hasher: Hasher,
    /// Failed log-ins against unknown e-mails.
    pub throttle: LoginThrottle,
    /// The time handlers go by.
    pub clock: Clock,
    /// Feeds changed tickets to the search index.
    pub indexer: Indexer,
    /// How far running plant imports are.
    pub imports: crate::import::Progress,
}

impl AppState {
    /// Bundles the opened parts.
    pub fn new(
        config: Config,
        store: Arc<Store>,
        search: Arc<SearchIndex>,
        i18n: Translator,
        mail: MailNotifier,
        indexer: Indexer,
    ) -> Self {
        let hasher = Hasher::new(config.security.max_concurrent_hashes);
        Self(Arc::new(App {
            config: Arc::new(config),
            store,
            search,
            i18n: Arc::new(i18n),
            mail,
            hasher,
            throttle: LoginThrottle::default(),
            clock: Clock::default(),
            indexer,
            imports: crate::import::Progress::default(),
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.0
    }
}

impl crate::mail::templates::MailContext for AppState {
    fn translator(&self) -> &Translator {
        &self.i18n
    }

    fn settings(&self) -> &Config {
        &self.config
    }
}
