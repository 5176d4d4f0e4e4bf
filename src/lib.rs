//! The Online Service Center (`osc`): a self-hosted service portal for solar
//! installation companies, plant operators and wholesalers, and for the team that runs it.
//!
//! [`Instance::start`] opens the store and the search index and starts the background
//! workers; [`Instance::serve`] answers HTTP on a listener until a shutdown signal, then
//! stops the workers and closes the store. [`build_router`] is the whole HTTP surface.

pub mod access;
pub mod app;
pub mod auth;
pub mod clock;
pub mod codes;
pub mod config;
pub mod control;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod import;
pub mod links;
pub mod mail;
pub mod metrics;
pub mod search;
pub mod secrets;
pub mod seed;
pub mod service;
pub mod store;
pub mod views;
pub mod web;
pub mod webhooks;

use std::future::Future;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use app::AppState;
pub use config::Config;
pub use web::build_router;

/// Why the instance could not start. Each message says what to fix.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The search index could not be opened or created.
    #[error(transparent)]
    Search(#[from] search::SearchError),
    /// The mail transport could not be set up.
    #[error(transparent)]
    Mail(#[from] mail::transport::TransportError),
    /// The search index could not be rebuilt from the store.
    #[error("rebuilding the search index: {0}")]
    Rebuild(search::docs::RebuildError),
    /// The embedded translations are broken (a build defect).
    #[error(transparent)]
    I18n(#[from] i18n::I18nError),
    /// The first run's set-up link could not be stored.
    #[error("opening the first-run set-up link: {0}")]
    FirstRun(service::Failure),
    /// The key that threads replies to their requests could not be read or made.
    #[error("reading the mail threading key: {0}")]
    Threading(service::Failure),
    #[error("setting up the webhook client: {0}")]
    Webhooks(reqwest::Error),
}

/// A started instance: state plus the background workers that serve it.
pub struct Instance {
    state: AppState,
    shutdown: watch::Sender<bool>,
    workers: Vec<JoinHandle<()>>,
    indexer_thread: Option<std::thread::JoinHandle<()>>,
    setup_link: Option<String>,
}

/// Opens the store `storage` names: the redb file in its data directory, or the
/// PostgreSQL database.
pub fn open_store(storage: &config::StorageConfig) -> Result<store::Store, store::StoreError> {
    match storage.backend {
        config::StorageBackend::Redb => store::Store::open_with_reserve(
            &storage.data_dir,
            storage.cache_mb.saturating_mul(1024 * 1024),
            storage.reserve_mb.saturating_mul(1024 * 1024),
        ),
        config::StorageBackend::Postgres => {
            store::Store::connect(storage.postgres_url.expose(), storage.postgres_connections)
        }
    }
}

impl Instance {
    /// Opens everything the configuration names and starts the background workers.
    pub async fn start(config: Config) -> Result<Self, StartError> {
        let data_dir = config.storage.data_dir.clone();
        std::fs::create_dir_all(&data_dir).map_err(|source| StartError::DataDir {
            path: data_dir.clone(),
            source,
        })?;
        let store = {
            let storage = config.storage.clone();
            tokio::task::spawn_blocking(move || open_store(&storage))
                .await
                .expect("store opening does not panic")?
        };
        let (index, opened) = search::SearchIndex::open(&data_dir)?;
        let transport = mail::transport::Transport::from_config(&config.mail, &data_dir)?;
        let translator = i18n::Translator::load()?;

        let store: Arc<dyn store::Storage> = Arc::new(store);
        let index = Arc::new(index);
        // An index that holds changes the store never recorded (the database was put back
        // from an older copy) no longer describes it: rebuild it too.
        let ahead_of_store = opened == search::Opened::Existing && {
            let s = store.clone();
            let last = tokio::task::spawn_blocking(move || s.index_feed().last())
                .await
                .expect("reading the feed does not panic")?;
            let committed = search::indexer::committed_change(&index)?;
            if committed > last {
                tracing::warn!(
                    committed,
                    last,
                    "search index is ahead of the database; rebuilding it"
                );
            }
            committed > last
        };
        if opened == search::Opened::Fresh || ahead_of_store {
            let (s, i) = (store.clone(), index.clone());
            tokio::task::spawn_blocking(move || search::docs::rebuild(&*s, &i))
                .await
                .expect("the rebuild does not panic")
                .map_err(StartError::Rebuild)?;
        }
        let (indexer, indexer_thread) = search::indexer::spawn(store.clone(), index.clone())?;
        let notifier = mail::MailNotifier::of(store.doorbells().clone());
        let (shutdown, shutdown_rx) = watch::channel(false);
        let (mail_config, per_recipient) = (
            config.mail.clone(),
            config.limits.mails_per_recipient_per_hour,
        );
        let state = AppState::new(
            config,
            store.clone(),
            index,
            translator,
            notifier.clone(),
            indexer,
        );
        let core = state.core.clone();
        let threading = tokio::task::spawn_blocking(move || core.threading().cloned())
            .await
            .expect("reading the threading key does not panic")
            .map_err(StartError::Threading)?;
        let mail_worker = tokio::spawn(mail::worker::run(
            store,
            transport,
            mail_config,
            per_recipient,
            notifier,
            threading,
            shutdown_rx,
        ));
        // The first run: without a service team, a link to create its first account.
        let core = state.core.clone();
        let setup_link = tokio::task::spawn_blocking(move || service::first_run::open_link(&core))
            .await
            .expect("opening the set-up link does not panic")
            .map_err(StartError::FirstRun)?;
        if let Some(link) = &setup_link {
            tracing::warn!(
                setup_link = %link,
                "no service-team account yet: open the set-up link (it works once) to create \
                 the first one, or run `osc staff add`"
            );
        }
        // Commands on the running instance (`osc staff`, `osc reindex`, `osc status`).
        // Without the socket (a data directory path too long for one, say) the portal
        // still serves; those commands then say the database is in use.
        let mut workers = vec![mail_worker];
        // The upkeep: expired data exports deleted hourly, old closed requests anonymised daily.
        workers.push(tokio::spawn(service::personal_data::daily(
            state.core.clone(),
            shutdown.subscribe(),
        )));
        // Incoming mail: replies and requests from the Maildir (`mail_in.source`).
        workers.push(tokio::spawn(service::inbox::watch(
            state.core.clone(),
            shutdown.subscribe(),
        )));
        // The weekly warranty reminder (Mondays from six).
        workers.push(tokio::spawn(service::warranty_reminders::weekly(
            state.core.clone(),
            shutdown.subscribe(),
        )));
        // The service team's digest of requests about to breach (every five minutes).
        workers.push(tokio::spawn(service::sla_digest::watch(
            state.core.clone(),
            shutdown.subscribe(),
        )));
        // Webhook deliveries queued with their events (`webhooks.*`).
        let sender = webhooks::sender::Sender::new(
            webhooks::address::Allow::new(&state.config.webhooks.allow),
            std::time::Duration::from_secs(state.config.webhooks.timeout_secs),
        )
        .map_err(StartError::Webhooks)?;
        workers.push(tokio::spawn(service::webhooks::deliver(
            state.core.clone(),
            sender,
            shutdown.subscribe(),
        )));
        // Scheduled backups (`backup.every_hours`; a stop waits for one in progress).
        workers.push(tokio::spawn(service::backups::schedule(
            state.core.clone(),
            shutdown.subscribe(),
        )));
        match control::server::bind(&data_dir) {
            Ok(control) => {
                let target = Arc::new(control::commands::Target {
                    core: state.core.clone(),
                    search: state.search.clone(),
                    running: Some((state.clock.now(), state.indexer.clone())),
                });
                workers.push(tokio::spawn(control::server::serve(
                    (control, data_dir.clone()),
                    target,
                    shutdown.subscribe(),
                )));
            }
            Err(e) => {
                tracing::warn!(error = %e, "no control socket: osc commands cannot reach this server")
            }
        }
        Ok(Self {
            state,
            shutdown,
            workers,
            indexer_thread: Some(indexer_thread),
            setup_link,
        })
    }

    /// The first run's set-up link this start printed, when the instance has no service
    /// team yet.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    /// The shared state, for tests and commands that act on a started instance.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves HTTP on `listener` until `shutdown` completes, lets in-flight requests
    /// finish, stops the workers and closes the store.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let router = build_router(self.state.clone());
        let server = &self.state.config.server;
        let limits = web::listener::Limits {
            header_read_timeout: std::time::Duration::from_secs(server.header_read_timeout_secs),
            max_connections: server.max_connections,
            trusted_proxies: Arc::new(server.trusted_networks()),
        };
        let state = self.state.clone();
        let shutdown = async move {
            shutdown.await;
            state
                .stopping
                .store(true, std::sync::atomic::Ordering::SeqCst);
        };
        let result = web::listener::serve(listener, router, limits, shutdown).await;
        self.stop().await;
        result
    }

    /// Stops the background workers and drops this handle's share of the store; the
    /// store closes once the last request holding it is done.
    pub async fn stop(mut self) {
        let _ = self.shutdown.send(true);
        for worker in std::mem::take(&mut self.workers) {
            let _ = worker.await;
        }
        // The indexer commits what it holds, then ends.
        self.state.indexer.stop();
        if let Some(thread) = self.indexer_thread.take() {
            let _ = tokio::task::spawn_blocking(move || thread.join()).await;
        }
        drop(self.state);
        tracing::info!("stopped");
    }
}

/// A future that completes on SIGINT (Ctrl-C) or SIGTERM. The handlers are installed
/// when this is called, not when the future is first polled, so a signal sent as soon as
/// the server says it listens is never met by the default action. Call it inside the
/// runtime.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let (interrupt, terminate) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()).ok(),
            signal(SignalKind::terminate()).ok(),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(interrupt) => {},
                () = wait(terminate) => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("shutdown requested; finishing in-flight requests");
    }
}
