//! The state every handler shares: the use cases' [`Core`] (settings, store,
//! translations, hasher, throttle, clock, running plant imports), the search index, its
//! indexer and the mail worker's doorbell.

use std::sync::Arc;

use crate::config::Config;
use crate::i18n::Translator;
use crate::mail::MailNotifier;
use crate::search::SearchIndex;
use crate::search::indexer::Indexer;
use crate::service::Core;
use crate::store::Storage;

/// Cheap to clone: one `Arc` around [`App`].
#[derive(Clone, Debug)]
pub struct AppState(Arc<App>);

/// What [`AppState`] shares. Dereferences to the [`Core`], so `state.store` reads as
/// before.
#[derive(Debug)]
pub struct App {
    /// What the use cases work with (shared with the work they leave running, such as
    /// the check of a plant import).
    pub core: Arc<Core>,
    /// The tantivy index over tickets, derived from the store.
    pub search: Arc<SearchIndex>,
    /// Wakes the mail worker after mail was queued.
    pub mail: MailNotifier,
    /// Feeds changed tickets to the search index.
    pub indexer: Indexer,
    /// Turns of the forms with files: `uploads.in_flight` are read and handled at once.
    pub uploads: Arc<tokio::sync::Semaphore>,
    /// Set once the server begins to shut down (`/readyz` then answers 503).
    pub stopping: std::sync::atomic::AtomicBool,
}

impl AppState {
    /// Bundles the opened parts.
    pub fn new(
        config: Config,
        store: Arc<dyn Storage>,
        search: Arc<SearchIndex>,
        i18n: Translator,
        mail: MailNotifier,
        indexer: Indexer,
    ) -> Self {
        let uploads = Arc::new(tokio::sync::Semaphore::new(config.uploads.in_flight));
        Self(Arc::new(App {
            core: Arc::new(Core::new(Arc::new(config), store, Arc::new(i18n))),
            search,
            mail,
            indexer,
            uploads,
            stopping: std::sync::atomic::AtomicBool::new(false),
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.0
    }
}

impl std::ops::Deref for App {
    type Target = Core;

    fn deref(&self) -> &Core {
        &self.core
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
