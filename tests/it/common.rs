//! The test harness: [`TestApp::spawn`] starts the real server on `127.0.0.1:0` with a
//! temporary data directory and returns a cookie-keeping HTTP client pointed at it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use osc::secrets::totp::{self, Secret};
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
    /// The first run's set-up link the start printed (no service team yet).
    pub setup_link: Option<String>,
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

    /// A server on an existing data directory (to test restarts). Like an instance its
    /// operator has set up, it has a service team: on a fresh directory the first staff
    /// account, [`TEAM`], is made as `osc staff add` makes it.
    pub async fn spawn_in(dir: TempDir, adjust: impl FnOnce(&mut Config)) -> Self {
        let app = Self::spawn_first_run_in(dir, adjust).await;
        if app.setup_link.is_some() {
            osc::service::staff::add(
                &*app.state.store,
                &osc::service::staff::NewStaff::parse(TEAM, "Service Team", PASSWORD, PASSWORD)
                    .unwrap(),
                password_hash(),
                app.state.clock.now(),
            )
            .unwrap()
            .unwrap();
        }
        app
    }

    /// A server on a fresh directory as its first start leaves it: no service team, and
    /// the set-up link in [`TestApp::setup_link`].
    pub async fn spawn_first_run() -> Self {
        Self::spawn_first_run_in(tempfile::tempdir().expect("temp dir"), |_| {}).await
    }

    pub async fn spawn_first_run_in(dir: TempDir, adjust: impl FnOnce(&mut Config)) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = Config::default();
        config.storage.data_dir = dir.path().to_owned();
        config.storage.cache_mb = 8;
        if let Some(url) = test_postgres(dir.path()) {
            config.storage.backend = osc::config::StorageBackend::Postgres;
            config.storage.postgres_url = url.as_str().into();
            config.storage.postgres_connections = 16;
        }
        config.server.bind = addr;
        config.server.public_url = format!("http://{addr}");
        config.mail.retry_base_secs = 1;
        config.mail.retry_max_secs = 2;
        adjust(&mut config);
        let instance = Instance::start(config).await.expect("instance starts");
        let state = instance.state().clone();
        let setup_link = instance.setup_link().map(str::to_owned);
        let (shutdown, shutdown_rx) = oneshot::channel::<()>();
        let server = tokio::spawn(instance.serve(listener, async {
            let _ = shutdown_rx.await;
        }));
        let client = {
            osc::webhooks::sender::install_tls_provider();
            reqwest::Client::builder()
        }
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
        Self {
            base: format!("http://{addr}"),
            addr,
            client,
            state,
            setup_link,
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

/// A browser-like HTTP client with its own cookies (one person's session).
#[derive(Clone)]
pub struct Agent {
    pub client: reqwest::Client,
    pub base: String,
}

/// The two-step log-in key a set-up page shows as text.
pub fn key_in(html: &str) -> Secret {
    let start = html
        .find(r#"id="two-factor-key">"#)
        .expect("the key as text")
        + r#"id="two-factor-key">"#.len();
    let end = html[start..].find("</code>").unwrap() + start;
    Secret::from_base32(&html[start..end]).expect("a base32 key")
}

/// The recovery codes a page shows.
pub fn recovery_codes_in(html: &str) -> Vec<String> {
    let start = html
        .find(r#"id="recovery-codes""#)
        .expect("the recovery codes");
    let end = html[start..].find("</ol>").unwrap() + start;
    html[start..end]
        .split("<code>")
        .skip(1)
        .map(|c| c[..c.find("</code>").unwrap()].to_owned())
        .collect()
}

/// The value of the first `csrf_token` field in a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find(r#"name="csrf_token" value=""#)? + r#"name="csrf_token" value=""#.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

impl Agent {
    /// `GET path`.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }

    /// `GET path`: (status, body).
    pub async fn page(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// The CSRF token this agent's forms carry now.
    pub async fn csrf(&self) -> String {
        let (_, html) = self.page("/login").await;
        match csrf_in(&html) {
            Some(t) => t,
            // Signed in, /login redirects: any page of the portal carries the token (a
            // staff member who must set up two-step log-in first reaches only its page).
            None => match csrf_in(&self.page("/profile").await.1) {
                Some(t) => t,
                None => {
                    csrf_in(&self.page("/account/two-factor").await.1).expect("a page with a form")
                }
            },
        }
    }

    /// `POST path` with the fields and the right CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_raw(path, &all).await
    }

    /// `POST path` with exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .expect("request")
    }

    /// Registers a plant through the plant form; returns its id.
    pub async fn plant(&self, fields: &[(&str, &str)]) -> u64 {
        let r = self.post("/plants/new", fields).await;
        assert_eq!(r.status(), 303, "plant registered");
        redirect_id(&r, "/plants/")
    }

    /// Registers a plant in Germany at a place with coordinates (for the map); returns its id.
    pub async fn plant_at(
        &self,
        name: &str,
        (postal_code, city): (&str, &str),
        (lat, lon): (&str, &str),
    ) -> u64 {
        self.plant(&[
            ("name", name),
            ("street", "Am Markt 1"),
            ("postal_code", postal_code),
            ("city", city),
            ("country", "DE"),
            ("latitude", lat),
            ("longitude", lon),
        ])
        .await
    }

    /// Registers a device of catalog product `product` in `plant` through the device form.
    pub async fn device(&self, plant: u64, serial: &str, product: &str) {
        let r = self
            .post(
                &format!("/plants/{plant}/devices"),
                &[("serial_number", serial), ("product", product)],
            )
            .await;
        assert_eq!(r.status(), 303, "device registered");
    }

    /// Logs in; returns the response (303 on success).
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post("/login", &[("email", email), ("password", password)])
            .await
    }
}

/// A registration with sensible values; change fields as a test needs.
#[derive(Debug, Clone)]
pub struct Registration {
    pub fields: Vec<(&'static str, String)>,
}

/// A password the policy accepts.
pub const PASSWORD: &str = "Kranich-Dachrinne-47";

/// The service team's first account, which every [`TestApp::spawn`] instance has.
pub const TEAM: &str = "team@service.example";

/// The argon2 hash of [`PASSWORD`], computed once per test run.
pub fn password_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| osc::secrets::password::hash_blocking(PASSWORD).unwrap())
        .clone()
}

impl Registration {
    /// An installer registering `company`.
    pub fn installer(email: &str, company: &str) -> Self {
        Self::new("installer", email, company)
    }

    /// A plant operator.
    pub fn operator(email: &str) -> Self {
        Self::new("operator", email, "")
    }

    fn new(account_type: &str, email: &str, company: &str) -> Self {
        let f = |k: &'static str, v: &str| (k, v.to_owned());
        Self {
            fields: vec![
                f("account_type", account_type),
                f("email", email),
                f("password", PASSWORD),
                f("password_confirm", PASSWORD),
                f("first_name", "Anna"),
                f("last_name", "Müller"),
                f("phone", "+49 561 9522 0"),
                f("company_name", company),
                f("street", "Sonnenallee 1"),
                f("postal_code", "34266"),
                f("city", "Niestetal"),
                f("country", "DE"),
                f("language", "en"),
                f("security_question", "first-pet"),
                f("security_answer", "Bello"),
                f("accept_terms", "on"),
            ],
        }
    }

    /// Sets one field.
    pub fn with(mut self, key: &'static str, value: &str) -> Self {
        if let Some(slot) = self.fields.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = value.to_owned();
        } else {
            self.fields.push((key, value.to_owned()));
        }
        self
    }

    /// Drops one field.
    pub fn without(mut self, key: &str) -> Self {
        self.fields.retain(|(k, _)| *k != key);
        self
    }

    /// The e-mail address.
    pub fn email(&self) -> &str {
        &self.fields.iter().find(|(k, _)| *k == "email").unwrap().1
    }

    /// As form pairs.
    pub fn pairs(&self) -> Vec<(&str, &str)> {
        self.fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }
}

impl TestApp {
    /// A new client with empty cookies (another browser) whose browser asks for English.
    pub fn new_agent(&self) -> Agent {
        self.browser("")
    }

    /// A new client like [`TestApp::new_agent`] that sends `user_agent` (none if empty).
    pub fn browser(&self, user_agent: &str) -> Agent {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("accept-language", "en".parse().unwrap());
        if !user_agent.is_empty() {
            headers.insert("user-agent", user_agent.parse().unwrap());
        }
        Agent {
            client: {
                osc::webhooks::sender::install_tls_provider();
                reqwest::Client::builder()
            }
            .default_headers(headers)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
            base: self.base.clone(),
        }
    }

    /// Waits for an `.eml` in the outbox addressed to `to` whose text contains `needle`;
    /// returns its whole text.
    pub async fn mail(&self, to: &str, needle: &str) -> String {
        let outbox = self.dir.path().join("outbox");
        eventually(Duration::from_secs(10), || {
            outbox_files(&outbox).into_iter().find_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                let to_line = text.lines().find(|l| l.starts_with("To:"))?;
                (to_line.contains(to) && text.contains(needle)).then_some(text)
            })
        })
        .await
    }

    /// A member of the service team (as `osc staff add` creates one), signed in.
    pub async fn staff(&self, email: &str) -> Agent {
        let hash = self.state.hasher.hash(PASSWORD.to_owned()).await.unwrap();
        osc::service::staff::add(
            &*self.state.store,
            &osc::service::staff::NewStaff::parse(email, "Sam Service", PASSWORD, PASSWORD)
                .unwrap(),
            hash,
            self.state.clock.now(),
        )
        .unwrap()
        .unwrap();
        let agent = self.new_agent();
        let r = agent.login(email, PASSWORD).await;
        assert_eq!(r.status(), 303);
        // The service team lands where it works: the service desk, once two-step log-in
        // (required of staff by default) is set up.
        assert_eq!(r.headers()["location"], "/service");
        if self.state.config.security.staff_two_factor == osc::config::StaffTwoFactor::Required {
            let r = agent.get("/service").await;
            assert_eq!(r.headers()["location"], "/account/two-factor");
            self.enrol(&agent, PASSWORD).await;
        }
        let (status, html) = agent.page("/service").await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"<a href="/service" aria-current="page">Service desk</a>"#));
        agent
    }

    /// Sets up two-step log-in for the signed-in `agent`, whose password is `password`,
    /// through its pages (the key read from the page's text, the first code computed from
    /// it); returns the key and the recovery codes shown.
    pub async fn enrol(&self, agent: &Agent, password: &str) -> (Secret, Vec<String>) {
        let r = agent
            .post(
                "/account/two-factor/setup",
                &[("current_password", password)],
            )
            .await;
        assert_eq!(r.status(), 200, "set-up opens after the password");
        let html = r.text().await.unwrap();
        let secret = key_in(&html);
        let code = secret.code_at(self.state.clock.now());
        let r = agent
            .post("/account/two-factor/confirm", &[("code", &code)])
            .await;
        assert_eq!(r.status(), 200, "a right code turns it on");
        let html = r.text().await.unwrap();
        (secret, recovery_codes_in(&html))
    }

    /// A code of `secret` that the server accepts now for `email`'s account: of a step
    /// after the last one used there (the clock moves on 30 s when the window is used up).
    pub fn fresh_code(&self, email: &str, secret: &Secret) -> String {
        let email = osc::domain::Email::parse(email).unwrap();
        let user = self
            .state
            .store
            .users()
            .find_by_email(&email)
            .unwrap()
            .unwrap();
        let last = self
            .state
            .store
            .two_factor()
            .get(user.id)
            .unwrap()
            .map_or(0, |t| t.last_step);
        loop {
            let step = totp::step_of(self.state.clock.now());
            if let Some(s) = [step, step + 1].into_iter().find(|s| *s > last) {
                return secret.code_at_step(s);
            }
            self.state.clock.advance(totp::STEP_SECS);
        }
    }

    /// The two-step log-in key of `email`'s account, as its authenticator app has it.
    pub fn key_of(&self, email: &str) -> Secret {
        let email = osc::domain::Email::parse(email).unwrap();
        let user = self
            .state
            .store
            .users()
            .find_by_email(&email)
            .unwrap()
            .unwrap();
        let two = self.state.store.two_factor().get(user.id).unwrap();
        Secret(two.expect("two-step log-in set up").secret)
    }

    /// Another browser of the staff member `email` (set up by [`TestApp::staff`]),
    /// signed in with the password and a code.
    pub async fn staff_again(&self, email: &str) -> Agent {
        let agent = self.new_agent();
        let r = self
            .log_in_two_steps(&agent, (email, PASSWORD), &self.key_of(email))
            .await;
        assert_eq!(r.status(), 303, "signed in with the code");
        agent
    }

    /// Logs `agent` in with the password and then a fresh code; the second step's
    /// response (303 on success).
    pub async fn log_in_two_steps(
        &self,
        agent: &Agent,
        (email, password): (&str, &str),
        secret: &Secret,
    ) -> reqwest::Response {
        let r = agent.login(email, password).await;
        assert_eq!(r.status(), 303);
        assert!(
            r.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login/code"),
            "the password leads to the second step"
        );
        let code = self.fresh_code(email, secret);
        agent.post("/login/code", &[("code", &code)]).await
    }

    /// The mails in the outbox addressed to `to`.
    pub fn mails_to(&self, to: &str) -> Vec<String> {
        outbox_files(&self.dir.path().join("outbox"))
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|t| t.lines().any(|l| l.starts_with("To:") && l.contains(to)))
            .collect()
    }

    /// Registers and confirms through the e-mailed link; returns the e-mail.
    pub async fn register_and_confirm(&self, registration: &Registration) -> String {
        let agent = self.new_agent();
        let response = agent.post("/register", &registration.pairs()).await;
        assert_eq!(response.status(), 303, "registration accepted");
        let email = registration.email().to_owned();
        let mail = self.mail(&email, "/confirm/").await;
        let link = link_in(&mail, "/confirm/");
        assert_eq!(
            agent.get(&link).await.status(),
            200,
            "confirmation link works"
        );
        email
    }

    /// `admin` invites `email` as `role` (`installer` or `admin`); the invited person,
    /// named `name` (first, last), follows the mailed link and joins. Returns their
    /// signed-in agent.
    pub async fn invite_and_join(
        &self,
        admin: &Agent,
        email: &str,
        role: &str,
        name: (&str, &str),
    ) -> Agent {
        let r = admin
            .post("/company/invitations", &[("email", email), ("role", role)])
            .await;
        assert_eq!(r.status(), 303, "invitation accepted");
        let link = link_in(&self.mail(email, "/invitations/").await, "/invitations/");
        let agent = self.new_agent();
        let r = agent
            .post(
                &link,
                &[
                    ("first_name", name.0),
                    ("last_name", name.1),
                    ("phone", "+49 561 1234567"),
                    ("language", "en"),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                    ("security_question", "first-pet"),
                    ("security_answer", "Bello"),
                    ("accept_terms", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "joined");
        assert_eq!(r.headers()["location"], "/profile?saved=joined");
        agent
    }

    /// A signed-in agent for a new, confirmed account.
    pub async fn signed_in(&self, registration: &Registration) -> Agent {
        let email = self.register_and_confirm(registration).await;
        let agent = self.new_agent();
        let response = agent.login(&email, PASSWORD).await;
        assert_eq!(response.status(), 303, "log-in accepted");
        agent
    }
}

/// The path of the first link in `text` whose path starts with `prefix`.
pub fn link_in(text: &str, prefix: &str) -> String {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} link in:\n{text}"));
    text[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

/// The `osc` binary this test run built.
pub const OSC: &str = env!("CARGO_BIN_EXE_osc");

/// The backend switch of the suite: with `TEST_POSTGRES_URL` set to the URL of a
/// PostgreSQL server the tests may make databases on (tools/postgres/throwaway.sh), the
/// store of the data directory `dir` is a database of its own there, made on first use
/// and named in a file inside `dir` (so a restart on the same directory finds it again);
/// without it, the redb file in `dir`. Returns the database's URL.
pub fn test_postgres(dir: &std::path::Path) -> Option<String> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static MADE: AtomicU64 = AtomicU64::new(0);
    let server = std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let marker = dir.join("test-postgres-database");
    let name = match std::fs::read_to_string(&marker) {
        Ok(name) => name,
        Err(_) => {
            let name = format!(
                "osc_test_{}_{}",
                std::process::id(),
                MADE.fetch_add(1, Ordering::Relaxed)
            );
            let (url, create) = (server.clone(), format!("CREATE DATABASE {name}"));
            // On a thread of its own: the callers are both async tests and plain ones.
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                        .await
                        .expect("the test PostgreSQL server (TEST_POSTGRES_URL) answers");
                    tokio::spawn(connection);
                    client.batch_execute(&create).await.unwrap();
                });
            })
            .join()
            .unwrap();
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&marker, &name).unwrap();
            name
        }
    };
    let mut url = url::Url::parse(&server).expect("TEST_POSTGRES_URL is a URL");
    url.set_path(&name);
    Some(url.to_string())
}

/// The `osc` binary on the data directory `dir`, with the suite's backend.
pub fn osc_on(dir: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(OSC);
    command.env("OSC_STORAGE_DATA_DIR", dir);
    if let Some(url) = test_postgres(dir) {
        command
            .env("OSC_STORAGE_BACKEND", "postgres")
            .env("OSC_STORAGE_POSTGRES_URL", url);
    }
    command
}

/// Starts the real binary, `osc serve`, on `dir` with the settings `env` (each one an
/// `OSC_…` variable); returns it with its base URL once it listens.
pub fn serve_binary(dir: &std::path::Path, env: &[(&str, &str)]) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    // A fresh directory is set up as its operator would: the first staff account first.
    let fresh =
        !dir.join(osc::store::DB_FILE).exists() && !dir.join("test-postgres-database").exists();
    if fresh {
        let mut add = osc_on(dir)
            .args(["staff", "add", "--email", TEAM, "--name", "Service Team"])
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        add.stdin
            .take()
            .unwrap()
            .write_all(format!("{PASSWORD}\n").as_bytes())
            .unwrap();
        assert!(add.wait().unwrap().success(), "the first staff account");
    }
    let mut child = osc_on(dir)
        .arg("serve")
        .env("OSC_SERVER_BIND", "127.0.0.1:0")
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines.next().expect("the server logs its address").unwrap();
        if let Some(pos) = line.find("listening on http://") {
            let rest = &line[pos + "listening on ".len()..];
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    // Keep reading the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, url)
}

/// A field of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM` …).
pub fn proc_status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{field} in /proc/{pid}/status"))
}

impl Agent {
    /// A client with empty cookies that asks for no language, for a server at `base`.
    pub fn plain(base: &str) -> Self {
        Agent {
            client: {
                osc::webhooks::sender::install_tls_provider();
                reqwest::Client::builder()
            }
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
            base: base.to_owned(),
        }
    }

    /// Registers a plant in Graz (operator Ole) through the form; its id.
    pub async fn new_plant(&self, name: &str) -> u64 {
        let r = self
            .post(
                "/plants/new",
                &[
                    ("name", name),
                    ("street", "Am Hang 3"),
                    ("postal_code", "8010"),
                    ("city", "Graz"),
                    ("country", "AT"),
                    ("operator_name", "Ole"),
                    ("operator_email", "ole@example.com"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "plant registered");
        redirect_id(&r, "/plants/")
    }

    /// `POST path` as `multipart/form-data` with the CSRF token and one file.
    /// `POST path` as `multipart/form-data`: text fields (with the CSRF token) and files
    /// as (field, file name, content).
    pub async fn multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> reqwest::Response {
        let token = self.csrf().await;
        let mut form = reqwest::multipart::Form::new().text("csrf_token", token);
        for (name, value) in fields {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        for (field, name, data) in files {
            form = form.part(
                (*field).to_owned(),
                reqwest::multipart::Part::bytes(data.to_vec()).file_name((*name).to_owned()),
            );
        }
        self.client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .expect("request")
    }

    pub async fn upload(&self, path: &str, file_name: &str, data: Vec<u8>) -> reqwest::Response {
        let token = self.csrf().await;
        let form = reqwest::multipart::Form::new()
            .text("csrf_token", token)
            .part(
                "file",
                reqwest::multipart::Part::bytes(data).file_name(file_name.to_owned()),
            );
        self.client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .expect("request")
    }
}

/// The id in a redirect's location (`/tickets/12?saved=created` with `/tickets/` → 12).
pub fn redirect_id(response: &reqwest::Response, prefix: &str) -> u64 {
    response.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches(prefix)
        .split(['?', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}
