//! The test harness: [`TestApp::spawn`] starts the real server on `127.0.0.1:0` with a
//! temporary data directory and returns a cookie-keeping HTTP client pointed at it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use osc::{AppState, Config, Instance};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running server and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    /// Address the server listens on.
    #[allow(dead_code)]
    pub addr: SocketAddr,
    /// Keeps cookies; does not follow redirects, so tests see them.
    pub client: reqwest::Client,
    /// The server's shared state (store, config …), for arranging and asserting.
    pub state: AppState,
    dir: TempDir,
    shutdown: oneshot::Sender<()>,
    server: JoinHandle<std::io::Result<()>>,
}

impl TestApp {
    /// A server with the default configuration.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// A server whose configuration `adjust` changes first.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> Self {
        Self::spawn_in(tempfile::tempdir().expect("temp dir"), adjust).await
    }

    /// A server on an existing data directory (to test restarts).
    pub async fn spawn_in(dir: TempDir, adjust: impl FnOnce(&mut Config)) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = Config::default();
        config.storage.data_dir = dir.path().to_owned();
        config.storage.cache_mb = 8;
        config.server.bind = addr;
        config.server.public_url = format!("http://{addr}");
        config.mail.retry_base_secs = 1;
        config.mail.retry_max_secs = 2;
        adjust(&mut config);
        let instance = Instance::start(config).await.expect("instance starts");
        let state = instance.state().clone();
        let (shutdown, shutdown_rx) = oneshot::channel::<()>();
        let server = tokio::spawn(instance.serve(listener, async {
            let _ = shutdown_rx.await;
        }));
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            base: format!("http://{addr}"),
            addr,
            client,
            state,
            dir,
            shutdown,
            server,
        }
    }

    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// `GET path` and the body as text, asserting the status.
    pub async fn get_page(&self, path: &str, status: u16) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        response.text().await.unwrap()
    }

    /// The data directory.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().to_owned()
    }

    /// The `.eml` files in the outbox.
    #[allow(dead_code)]
    pub fn outbox(&self) -> Vec<PathBuf> {
        outbox_files(&self.dir.path().join("outbox"))
    }

    /// Shuts the server down gracefully and returns its data directory.
    pub async fn stop(self) -> TempDir {
        let TestApp {
            state,
            dir,
            shutdown,
            server,
            ..
        } = self;
        drop(state);
        let _ = shutdown.send(());
        server
            .await
            .expect("server task")
            .expect("server ends cleanly");
        dir
    }
}

/// The `.eml` files in an outbox directory, sorted.
pub fn outbox_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Polls `check` every 20 ms until it returns `Some`, for at most `limit`.
pub async fn eventually<T>(limit: Duration, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "condition not met within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
