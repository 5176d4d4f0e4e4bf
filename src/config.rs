//! The instance's settings: every key, its default, and how a file and the environment
//! are merged into one [`Config`].
//!
//! Start-up needs no configuration at all: every key has a default. `--config FILE` reads
//! TOML; an environment variable `OSC_<SECTION>_<KEY>` (e.g. `OSC_SERVER_BIND`) overrides
//! the key `<section>.<key>` of the file. A bad file, an unknown key or a bad value stops
//! start-up with a [`ConfigError`] naming the key and the problem. `config.example.toml`
//! documents the same keys; a test keeps the two in step.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Prefix of the environment variables that override configuration keys.
pub const ENV_PREFIX: &str = "OSC_";

/// `OSC_*` variables that are not configuration keys: the log filter and the
/// configuration file's path (read by the command line).
const NOT_KEYS: &[&str] = &["OSC_LOG", "OSC_CONFIG"];

/// Why the configuration could not be loaded. Every variant names the key or file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file named by `--config` could not be read.
    #[error("cannot read configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    #[error("configuration file {path} is not valid TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    /// An environment variable does not name a known `<section>_<key>`.
    #[error(
        "environment variable {var} does not name a configuration key (expected {ENV_PREFIX}<SECTION>_<KEY>)"
    )]
    EnvName { var: String },
    /// A key is unknown or its value has the wrong type or form.
    #[error("configuration key `{key}`: {message}")]
    Value { key: String, message: String },
}

/// All settings of one instance.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where the server listens and how it is reached.
    pub server: ServerConfig,
    /// Where data lives and how much memory the store may cache.
    pub storage: StorageConfig,
    /// How e-mail leaves the instance.
    pub mail: MailConfig,
    /// How e-mail comes in: replies to notifications and mail to the service address.
    pub mail_in: MailInConfig,
    /// Languages.
    pub i18n: I18nConfig,
    /// The names and contact shown to users.
    pub branding: BrandingConfig,
    /// Log-in, sessions, lockout and e-mailed links.
    pub security: SecurityConfig,
    /// How often one client address may use the forms that cost us a mail or a record.
    pub limits: LimitsConfig,
    /// Companies and their collaborators.
    pub companies: CompaniesConfig,
    /// Plants.
    pub plants: PlantsConfig,
    /// Warranty rules.
    pub warranty: WarrantyConfig,
    /// Uploaded documents.
    pub uploads: UploadsConfig,
    /// Service tickets.
    pub tickets: TicketsConfig,
    /// Scheduled backups of the database.
    pub backup: BackupConfig,
    /// The Prometheus metrics at `/metrics`.
    pub metrics: MetricsConfig,
    /// The JSON API at `/api/v1/`.
    pub api: ApiConfig,
    /// Webhook deliveries.
    pub webhooks: WebhooksConfig,
}

/// `[webhooks]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebhooksConfig {
    /// Hosts, addresses and CIDR ranges webhooks may reach although they are internal
    /// (loopback, private, link-local): an air-gapped site's own systems. A list in the
    /// file, comma-separated in `OSC_WEBHOOKS_ALLOW`.
    #[serde(deserialize_with = "list_or_csv")]
    pub allow: Vec<String>,
    /// An endpoint that has not answered within this many seconds has failed.
    pub timeout_secs: u64,
}

impl Default for WebhooksConfig {
    fn default() -> Self {
        Self {
            allow: Vec::new(),
            timeout_secs: 10,
        }
    }
}

/// `[api]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApiConfig {
    /// Requests one access token may make per minute; past it the API answers 429 with
    /// `Retry-After` until the minute is over.
    pub requests_per_minute: u32,
}

impl Default for ApiConfig {
    fn default() -> Self {
        Self {
            requests_per_minute: 600,
        }
    }
}

/// `[server]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address and port to listen on.
    pub bind: SocketAddr,
    /// The address users reach the portal at; used in e-mailed links and to decide on
    /// `Secure` cookies. Empty means `http://<bind>`.
    pub public_url: String,
    /// Largest request body accepted, in KiB (uploads have their own limit).
    pub body_limit_kb: usize,
    /// A request that takes longer than this is answered 408.
    pub request_timeout_secs: u64,
    /// A connection whose next request head has not fully arrived this long after the
    /// connection opened or the previous answer was sent is closed: half-sent requests
    /// and idle keep-alive connections do not hold a file descriptor for ever.
    pub header_read_timeout_secs: u64,
    /// Connections served normally at once. Beyond this many, a new connection is still
    /// answered (so `/healthz` and a quick page keep working) but gets one request, with
    /// one second to send its head, and is closed.
    pub max_connections: usize,
    /// Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` / `Forwarded`
    /// is believed for the client's address; a list in the file, comma-separated in
    /// `OSC_SERVER_TRUSTED_PROXIES`. Empty: the peer's address is the client's.
    #[serde(deserialize_with = "list_or_csv")]
    pub trusted_proxies: Vec<String>,
}

impl ServerConfig {
    /// [`Self::trusted_proxies`] parsed (checked when the configuration was loaded).
    pub fn trusted_networks(&self) -> Vec<ipnet::IpNet> {
        self.trusted_proxies
            .iter()
            .filter_map(|p| parse_network(p))
            .collect()
    }
}

/// An address (a network of one) or a CIDR range.
fn parse_network(s: &str) -> Option<ipnet::IpNet> {
    s.parse::<ipnet::IpNet>()
        .ok()
        .or_else(|| s.parse::<std::net::IpAddr>().ok().map(ipnet::IpNet::from))
}

/// Which database holds the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StorageBackend {
    /// The embedded file `<data_dir>/osc.redb`.
    Redb,
    /// A PostgreSQL database (`storage.postgres_url`).
    Postgres,
}

/// `[storage]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StorageConfig {
    /// `redb` (the embedded file) or `postgres`.
    pub backend: StorageBackend,
    /// The PostgreSQL database, `postgres://user:password@host:port/name`, with
    /// `backend = "postgres"`. Never printed (it may hold the password).
    pub postgres_url: Secret,
    /// How many connections to PostgreSQL the portal keeps at most.
    pub postgres_connections: usize,
    /// Directory that holds `osc.redb`, the search index and the mail outbox.
    pub data_dir: PathBuf,
    /// Memory the database may use as page cache, in MiB.
    pub cache_mb: usize,
    /// Space kept free on the data directory's file system, in MiB: below it writes are
    /// refused (reads go on) until space is freed. 0 = no check.
    pub reserve_mb: u64,
}

/// Which transport delivers queued mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransportKind {
    /// Each message written as an `.eml` file under `<data_dir>/outbox/`.
    Outbox,
    /// Delivered to an SMTP server.
    Smtp,
    /// Only logged (recipient and subject), never delivered.
    Log,
}

/// How an SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (required).
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption at all: only for a relay on the same machine.
    None,
}

/// `[mail]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    /// `outbox`, `smtp` or `log`.
    pub transport: MailTransportKind,
    /// Sender of every message, e.g. `Online Service Center <service@example.com>`.
    pub from: String,
    /// SMTP server host name.
    pub smtp_host: String,
    /// SMTP server port.
    pub smtp_port: u16,
    /// `starttls`, `tls` or `none`.
    pub smtp_security: SmtpSecurity,
    /// SMTP user name; empty means no authentication.
    pub smtp_username: String,
    /// SMTP password.
    pub smtp_password: Secret,
    /// First retry delay after a failed delivery, in seconds; doubles each attempt.
    pub retry_base_secs: u64,
    /// Longest delay between two delivery attempts, in seconds.
    pub retry_max_secs: u64,
}

/// Where incoming mail is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailInSource {
    /// A Maildir (`new/`, `cur/`, `tmp/`) a local mail server delivers into.
    Maildir,
    /// A folder of a mailbox read over IMAP (a mailbox at a provider).
    Imap,
    /// No incoming mail.
    Off,
}

/// How an IMAP connection is secured; there is no unencrypted IMAP, the password would
/// cross the network in clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImapSecurity {
    /// TLS from the first byte (usually port 993).
    Tls,
    /// A plain connection upgraded with STARTTLS before logging in (usually port 143).
    Starttls,
}

/// `[mail_in]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailInConfig {
    /// `maildir`, `imap` or `off`.
    pub source: MailInSource,
    /// The service address customers write to, e.g. `service@example.com`. Notifications
    /// about a request carry `service+<token>@example.com` in `Reply-To`. Empty: replies
    /// go to `mail.from` and are threaded by their headers alone.
    pub address: String,
    /// The Maildir read with `source = "maildir"`; empty means `<data_dir>/inbox`.
    pub maildir: PathBuf,
    /// IMAP server host name, with `source = "imap"`.
    pub imap_host: String,
    /// IMAP server port; 0 means 993 with `tls` and 143 with `starttls`.
    pub imap_port: u16,
    /// `tls` or `starttls`.
    pub imap_security: ImapSecurity,
    /// IMAP user name.
    pub imap_user: String,
    /// IMAP password.
    pub imap_password: Secret,
    /// A PEM file of certificates trusted besides the usual public ones, for a server
    /// with a certificate of the site's own authority; empty means only the public ones.
    pub imap_ca_file: PathBuf,
    /// The IMAP folder new mail is read from.
    pub imap_folder: String,
    /// The IMAP folder a message is moved to once its effect is stored.
    pub processed_folder: String,
    /// How often the IMAP folder is looked at when the server cannot announce new mail
    /// (IDLE), and how often IDLE is renewed where it can, in seconds.
    pub poll_secs: u64,
    /// Where messages that could not be turned into a request are kept: a folder of the
    /// Maildir (`.Held/`) or of the IMAP mailbox, listed in the service desk with the
    /// reason and a retry.
    pub held_folder: String,
    /// Largest message read, in KiB; larger ones are held.
    pub max_message_kb: u64,
    /// Messages turned into requests or replies per sender address and hour; more are held.
    pub per_sender_per_hour: u32,
}

impl Default for MailInConfig {
    fn default() -> Self {
        Self {
            source: MailInSource::Maildir,
            address: String::new(),
            maildir: PathBuf::new(),
            imap_host: String::new(),
            imap_port: 0,
            imap_security: ImapSecurity::Tls,
            imap_user: String::new(),
            imap_password: Secret::default(),
            imap_ca_file: PathBuf::new(),
            imap_folder: "INBOX".to_owned(),
            processed_folder: "Processed".to_owned(),
            poll_secs: 60,
            held_folder: "Held".to_owned(),
            max_message_kb: 25 * 1024,
            per_sender_per_hour: 30,
        }
    }
}

impl MailInConfig {
    /// The IMAP port: the configured one, else the usual one of the security.
    pub fn imap_port(&self) -> u16 {
        match (self.imap_port, self.imap_security) {
            (0, ImapSecurity::Tls) => 993,
            (0, ImapSecurity::Starttls) => 143,
            (port, _) => port,
        }
    }

    /// The Maildir to read: the configured one, else `<data_dir>/inbox`.
    pub fn maildir_in(&self, data_dir: &Path) -> PathBuf {
        if self.maildir.as_os_str().is_empty() {
            data_dir.join("inbox")
        } else {
            self.maildir.clone()
        }
    }
}

/// `[i18n]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct I18nConfig {
    /// Language used when neither the user's choice nor the browser's names one we have.
    pub default_language: Lang,
}

/// `[branding]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BrandingConfig {
    /// The name of this instance, shown in the top bar, titles and e-mails.
    pub instance_name: String,
    /// The name of the team that runs the instance.
    pub team_name: String,
    /// The address users can write to.
    pub contact_email: String,
    /// Where failed devices are sent back to, one line per line of the label (the
    /// return slip of a replacement prints it); empty: the slip names the team only.
    pub return_address: String,
}

/// `[limits]`: forms per client address and hour (past a limit the form answers 429 with
/// `Retry-After` until the hour is over), and mails per recipient and hour (past it the
/// mail waits in the queue for the next hour).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Registrations sent.
    pub registrations_per_hour: u32,
    /// Contact requests and information sheets sent without being signed in.
    pub anonymous_requests_per_hour: u32,
    /// Password-recovery steps sent (the e-mail, then the answer).
    pub recoveries_per_hour: u32,
    /// Confirmation mails asked for again.
    pub confirmation_resends_per_hour: u32,
    /// Mails delivered to one recipient address; more wait for the next hour.
    pub mails_per_recipient_per_hour: u32,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            registrations_per_hour: 20,
            anonymous_requests_per_hour: 30,
            recoveries_per_hour: 30,
            confirmation_resends_per_hour: 10,
            mails_per_recipient_per_hour: 30,
        }
    }
}

/// `[security]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// How long a registration's confirmation link stays valid, in hours.
    pub confirmation_hours: u64,
    /// How long a password-reset link stays valid, in minutes.
    pub reset_minutes: u64,
    /// A session unused for this many minutes ends.
    pub session_idle_minutes: u64,
    /// A session ends this many hours after log-in, used or not.
    pub session_absolute_hours: u64,
    /// Consecutive failed log-ins that lock an account.
    pub max_failed_logins: u32,
    /// A locked account unlocks by itself after this many minutes; 0 = only through
    /// password recovery or the service team.
    pub lockout_minutes: u64,
    /// Failed log-ins (known and unknown e-mails alike) one address may make per 15
    /// minutes; further failures are answered "wait" (a right password still signs in).
    pub unknown_login_limit: u32,
    /// Password hashes computed at once; 0 = one per CPU core.
    pub max_concurrent_hashes: usize,
    /// Whether the service team must log in in two steps (password, then an
    /// authenticator code): `required` sends a staff member without it to its set-up
    /// after the password, and nothing else opens until it is done.
    pub staff_two_factor: StaffTwoFactor,
}

/// `security.staff_two_factor`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StaffTwoFactor {
    /// Every staff account sets it up at its first log-in.
    #[default]
    Required,
    /// Staff accounts may turn it on, as customers may.
    Optional,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        Self {
            confirmation_hours: 48,
            reset_minutes: 60,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            max_failed_logins: 3,
            lockout_minutes: 30,
            unknown_login_limit: 20,
            max_concurrent_hashes: 0,
            staff_two_factor: StaffTwoFactor::Required,
        }
    }
}

/// `[companies]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CompaniesConfig {
    /// Administrators a company may have at most.
    pub max_admins: usize,
    /// How long an invitation link stays valid, in days.
    pub invitation_days: u64,
}

impl Default for CompaniesConfig {
    fn default() -> Self {
        Self {
            max_admins: 2,
            invitation_days: 7,
        }
    }
}

/// `[plants]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlantsConfig {
    /// Countries (ISO codes) where plants can be registered; a list in the file, a
    /// comma-separated string in `OSC_PLANTS_REGISTRATION_COUNTRIES`.
    #[serde(deserialize_with = "list_or_csv")]
    pub registration_countries: Vec<String>,
    /// Largest Sunny Portal export accepted by the import, in MiB.
    pub import_max_mb: u64,
}

impl Default for PlantsConfig {
    fn default() -> Self {
        Self {
            registration_countries: vec!["DE".into(), "AT".into(), "CH".into()],
            import_max_mb: 10,
        }
    }
}

fn list_or_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrCsv {
        List(Vec<String>),
        Csv(String),
    }
    Ok(match ListOrCsv::deserialize(d)? {
        ListOrCsv::List(l) => l,
        ListOrCsv::Csv(s) => s
            .split(',')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect(),
    })
}

/// `[uploads]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct UploadsConfig {
    /// Largest document accepted, in MiB.
    pub max_document_mb: u64,
    /// Documents a plant may hold in all, in MiB.
    pub plant_quota_mb: u64,
    /// Forms with files read at once; more wait their turn (their bodies unread).
    pub in_flight: usize,
}

impl Default for UploadsConfig {
    fn default() -> Self {
        Self {
            max_document_mb: 25,
            plant_quota_mb: 250,
            in_flight: 4,
        }
    }
}

/// `[tickets]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TicketsConfig {
    /// Customers see tickets updated within this many days (open ones always).
    pub visible_days: u64,
    /// Closed requests last changed more than this many days ago are anonymised by a
    /// daily job (the requester's name, e-mail and address replaced); 0 keeps them.
    pub retention_days: u64,
}

impl Default for TicketsConfig {
    fn default() -> Self {
        Self {
            visible_days: 92,
            retention_days: 0,
        }
    }
}

/// `[backup]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackupConfig {
    /// Hours between two scheduled backups into `<data_dir>/backups/`; 0 turns them off
    /// (`osc backup` still works).
    pub every_hours: u64,
    /// Scheduled and default-location backups kept there; older ones are deleted.
    pub keep: usize,
}

impl Default for BackupConfig {
    fn default() -> Self {
        Self {
            every_hours: 24,
            keep: 7,
        }
    }
}

/// `[metrics]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    /// Whether `/metrics` answers at all (otherwise it is not found).
    pub enabled: bool,
    /// Client addresses (addresses or CIDR ranges) `/metrics` answers; others are refused.
    /// The client's address is the one `server.trusted_proxies` leads to, so a scrape
    /// through a reverse proxy from outside is refused too. A list in the file,
    /// comma-separated in `OSC_METRICS_ALLOW`.
    #[serde(deserialize_with = "list_or_csv")]
    pub allow: Vec<String>,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        Self {
            enabled: false,
            allow: vec!["127.0.0.1/8".into(), "::1".into()],
        }
    }
}

impl MetricsConfig {
    /// Whether a client at `address` may read `/metrics`.
    pub fn allows(&self, address: std::net::IpAddr) -> bool {
        let address = match address {
            std::net::IpAddr::V6(v6) => v6
                .to_ipv4_mapped()
                .map_or(std::net::IpAddr::V6(v6), std::net::IpAddr::V4),
            v4 => v4,
        };
        self.allow
            .iter()
            .filter_map(|a| parse_network(a))
            .any(|net| net.contains(&address))
    }
}

/// `[warranty]`
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WarrantyConfig {
    /// Years of factory warranty, from the purchase date (else commissioning).
    pub factory_years: u8,
    /// Months after the warranty start within which an extension can be ordered.
    pub extension_window_months: u16,
}

impl Default for WarrantyConfig {
    fn default() -> Self {
        Self {
            factory_years: 5,
            extension_window_months: 60,
        }
    }
}

impl WarrantyConfig {
    /// The rules the domain computes with.
    pub fn rules(&self) -> crate::domain::warranty::WarrantyRules {
        crate::domain::warranty::WarrantyRules {
            factory_years: self.factory_years,
            extension_window_months: self.extension_window_months,
        }
    }
}

/// A configuration value that must never be printed (passwords).
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The secret itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A secret given in code (the tests, a command that asked for it).
impl From<&str> for Secret {
    fn from(secret: &str) -> Self {
        Self(secret.to_owned())
    }
}

/// Serialized as an empty string: a secret never leaves the process this way.
impl Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("")
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: String::new(),
            body_limit_kb: 1024,
            request_timeout_secs: 30,
            header_read_timeout_secs: 30,
            max_connections: 512,
            trusted_proxies: Vec::new(),
        }
    }
}

impl Default for StorageConfig {
    fn default() -> Self {
        Self {
            backend: StorageBackend::Redb,
            postgres_url: Secret::default(),
            postgres_connections: 32,
            data_dir: PathBuf::from("data"),
            cache_mb: 64,
            reserve_mb: 64,
        }
    }
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            transport: MailTransportKind::Outbox,
            from: "Online Service Center <noreply@localhost>".to_owned(),
            smtp_host: "localhost".to_owned(),
            smtp_port: 587,
            smtp_security: SmtpSecurity::Starttls,
            smtp_username: String::new(),
            smtp_password: Secret::default(),
            retry_base_secs: 30,
            retry_max_secs: 3600,
        }
    }
}

impl Default for I18nConfig {
    fn default() -> Self {
        Self {
            default_language: Lang::Fr,
        }
    }
}

impl Default for BrandingConfig {
    fn default() -> Self {
        Self {
            instance_name: "Online Service Center".to_owned(),
            team_name: "Online Service".to_owned(),
            contact_email: "service@localhost".to_owned(),
            return_address: String::new(),
        }
    }
}

impl BrandingConfig {
    /// Whether the team's name or contact address are still the placeholders a fresh
    /// instance starts with (the service desk asks for them to be set).
    pub fn is_placeholder(&self) -> bool {
        let defaults = Self::default();
        self.team_name == defaults.team_name || self.contact_email == defaults.contact_email
    }
}

impl Config {
    /// Loads the configuration: defaults, then the file (if any), then the process
    /// environment's `OSC_*` variables.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::load_from(file, std::env::vars())
    }

    /// Like [`Config::load`], with the environment given explicitly (for tests).
    pub fn load_from(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut table = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.to_owned(),
                    source,
                })?;
                toml::from_str::<toml::Table>(&text).map_err(|e| ConfigError::Syntax {
                    path: path.to_owned(),
                    message: e.message().to_owned(),
                })?
            }
            None => toml::Table::new(),
        };
        apply_env(&mut table, env)?;
        let config: Config =
            serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
                ConfigError::Value {
                    key: e.path().to_string(),
                    message: e.inner().to_string(),
                }
            })?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what types alone cannot say.
    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, message: &str| ConfigError::Value {
            key: key.to_owned(),
            message: message.to_owned(),
        };
        let url = &self.server.public_url;
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return Err(bad(
                "server.public_url",
                "must start with http:// or https://",
            ));
        }
        if self.server.body_limit_kb == 0 {
            return Err(bad("server.body_limit_kb", "must be at least 1"));
        }
        if self.server.request_timeout_secs == 0 {
            return Err(bad("server.request_timeout_secs", "must be at least 1"));
        }
        if self.server.header_read_timeout_secs == 0 {
            return Err(bad("server.header_read_timeout_secs", "must be at least 1"));
        }
        if self.uploads.in_flight == 0 {
            return Err(bad("uploads.in_flight", "must be at least 1"));
        }
        if self.server.max_connections == 0 {
            return Err(bad("server.max_connections", "must be at least 1"));
        }
        let l = &self.limits;
        for (key, value) in [
            ("limits.registrations_per_hour", l.registrations_per_hour),
            (
                "limits.anonymous_requests_per_hour",
                l.anonymous_requests_per_hour,
            ),
            ("limits.recoveries_per_hour", l.recoveries_per_hour),
            (
                "limits.confirmation_resends_per_hour",
                l.confirmation_resends_per_hour,
            ),
            (
                "limits.mails_per_recipient_per_hour",
                l.mails_per_recipient_per_hour,
            ),
        ] {
            if value == 0 {
                return Err(bad(key, "must be at least 1"));
            }
        }
        for (key, list) in [
            ("server.trusted_proxies", &self.server.trusted_proxies),
            ("metrics.allow", &self.metrics.allow),
        ] {
            if let Some(p) = list.iter().find(|p| parse_network(p).is_none()) {
                return Err(bad(
                    key,
                    &format!("{p:?} is neither an address nor a CIDR range (like 10.0.0.0/8)"),
                ));
            }
        }
        if self.storage.cache_mb == 0 {
            return Err(bad("storage.cache_mb", "must be at least 1"));
        }
        if self.storage.backend == StorageBackend::Postgres {
            let url = self.storage.postgres_url.expose();
            if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                return Err(bad(
                    "storage.postgres_url",
                    "must be a postgres:// URL (postgres://user:password@host:5432/name) with backend = \"postgres\"",
                ));
            }
            if self.storage.postgres_connections < 2 {
                return Err(bad("storage.postgres_connections", "must be at least 2"));
            }
        }
        if self.webhooks.timeout_secs == 0 || self.webhooks.timeout_secs > 60 {
            return Err(bad("webhooks.timeout_secs", "must be between 1 and 60"));
        }
        if self.api.requests_per_minute == 0 {
            return Err(bad("api.requests_per_minute", "must be at least 1"));
        }
        if self.mail.from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(bad(
                "mail.from",
                "is not an e-mail address such as `Name <noreply@example.com>`",
            ));
        }
        if self.mail.transport == MailTransportKind::Smtp && self.mail.smtp_host.trim().is_empty() {
            return Err(bad(
                "mail.smtp_host",
                "is required when mail.transport is smtp",
            ));
        }
        let inbound = &self.mail_in;
        if !inbound.address.is_empty() && crate::domain::Email::parse(&inbound.address).is_err() {
            return Err(bad(
                "mail_in.address",
                "is not a plain e-mail address such as `service@example.com`",
            ));
        }
        if inbound.max_message_kb == 0 || inbound.per_sender_per_hour == 0 {
            return Err(bad(
                "mail_in.max_message_kb",
                "and mail_in.per_sender_per_hour must be at least 1",
            ));
        }
        if inbound.held_folder.trim().is_empty() || inbound.held_folder.contains(['/', '\\', '.']) {
            return Err(bad(
                "mail_in.held_folder",
                "must be a folder name without `/`, `\\` or `.`",
            ));
        }
        if inbound.source == MailInSource::Imap {
            if inbound.imap_host.trim().is_empty() || inbound.imap_user.trim().is_empty() {
                return Err(bad(
                    "mail_in.imap_host",
                    "and mail_in.imap_user are required when mail_in.source is imap",
                ));
            }
            let folders = [
                &inbound.imap_folder,
                &inbound.processed_folder,
                &inbound.held_folder,
            ];
            if folders.iter().any(|f| f.trim().is_empty())
                || folders[0] == folders[1]
                || folders[1] == folders[2]
                || folders[0] == folders[2]
            {
                return Err(bad(
                    "mail_in.processed_folder",
                    "mail_in.imap_folder and mail_in.held_folder must be three different folders",
                ));
            }
            if inbound.poll_secs == 0 {
                return Err(bad("mail_in.poll_secs", "must be at least 1"));
            }
        }
        if self.mail.retry_base_secs == 0 || self.mail.retry_max_secs < self.mail.retry_base_secs {
            return Err(bad(
                "mail.retry_max_secs",
                "must be at least mail.retry_base_secs, which must be at least 1",
            ));
        }
        let sec = &self.security;
        for (key, value) in [
            ("security.confirmation_hours", sec.confirmation_hours),
            ("security.reset_minutes", sec.reset_minutes),
            ("security.session_idle_minutes", sec.session_idle_minutes),
            (
                "security.session_absolute_hours",
                sec.session_absolute_hours,
            ),
            (
                "security.max_failed_logins",
                u64::from(sec.max_failed_logins),
            ),
            (
                "security.unknown_login_limit",
                u64::from(sec.unknown_login_limit),
            ),
        ] {
            if value == 0 {
                return Err(bad(key, "must be at least 1"));
            }
        }
        if self.plants.registration_countries.is_empty() {
            return Err(bad(
                "plants.registration_countries",
                "must name at least one country",
            ));
        }
        for code in &self.plants.registration_countries {
            if crate::domain::Country::parse(code).is_err() {
                return Err(bad(
                    "plants.registration_countries",
                    &format!("`{code}` is not a country code the portal knows"),
                ));
            }
        }
        if self.branding.instance_name.trim().is_empty() {
            return Err(bad("branding.instance_name", "must not be empty"));
        }
        Ok(())
    }

    /// The base URL used in links sent by e-mail, without a trailing slash.
    pub fn public_url(&self) -> String {
        if self.server.public_url.is_empty() {
            format!("http://{}", self.server.bind)
        } else {
            self.server.public_url.trim_end_matches('/').to_owned()
        }
    }

    /// Whether users reach the instance over https (cookies are then `Secure`).
    pub fn is_https(&self) -> bool {
        self.server.public_url.starts_with("https://")
    }
}

/// The sections a variable may name; the key is the rest of the variable's name.
const SECTIONS: &[&str] = &[
    "server",
    "storage",
    // Before "mail": OSC_MAIL_IN_SOURCE names mail_in.source, not mail.in_source.
    "mail_in",
    "mail",
    "i18n",
    "branding",
    "security",
    "limits",
    "companies",
    "plants",
    "warranty",
    "uploads",
    "tickets",
    "backup",
    "metrics",
    "api",
];

/// Writes every `OSC_<SECTION>_<KEY>` variable into `table` as `<section>.<key>`.
/// Values that read as TOML scalars (numbers, booleans) keep that type; anything else is
/// taken as a string, so `OSC_SERVER_BIND=0.0.0.0:8080` needs no quotes.
fn apply_env(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    for (var, raw) in env {
        let Some(rest) = var.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        if NOT_KEYS.contains(&var.as_str()) {
            continue;
        }
        let rest = rest.to_ascii_lowercase();
        let Some((section, key)) = SECTIONS.iter().find_map(|s| {
            rest.strip_prefix(s)
                .and_then(|k| k.strip_prefix('_'))
                .filter(|k| !k.is_empty())
                .map(|k| (*s, k.to_owned()))
        }) else {
            return Err(ConfigError::EnvName { var });
        };
        let value = toml::from_str::<toml::Table>(&format!("v = {raw}"))
            .ok()
            .and_then(|mut t| t.remove("v"))
            .filter(|v| !matches!(v, toml::Value::Table(_) | toml::Value::Array(_)))
            .unwrap_or(toml::Value::String(raw));
        let entry = table
            .entry(section)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let toml::Value::Table(section_table) = entry else {
            return Err(ConfigError::Value {
                key: section.to_owned(),
                message: "must be a table".to_owned(),
            });
        };
        section_table.insert(key, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_need_no_file() {
        let config = Config::load_from(None, env(&[])).unwrap();
        assert_eq!(config.server.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(config.storage.data_dir, PathBuf::from("data"));
        assert_eq!(config.i18n.default_language, Lang::Fr);
        assert_eq!(config.public_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn environment_overrides_keys_and_keeps_types() {
        let config = Config::load_from(
            None,
            env(&[
                ("OSC_SERVER_BIND", "0.0.0.0:9000"),
                ("OSC_STORAGE_CACHE_MB", "16"),
                ("OSC_I18N_DEFAULT_LANGUAGE", "de"),
                ("OSC_SERVER_PUBLIC_URL", "https://osc.example.com/"),
                ("UNRELATED", "x"),
                ("OSC_LOG", "debug"),
                ("OSC_CONFIG", "/etc/osc.toml"),
                ("OSC_PLANTS_REGISTRATION_COUNTRIES", "DE, FR"),
            ]),
        )
        .unwrap();
        assert_eq!(config.server.bind.port(), 9000);
        assert_eq!(config.storage.cache_mb, 16);
        assert_eq!(config.i18n.default_language, Lang::De);
        assert_eq!(config.public_url(), "https://osc.example.com");
        assert!(config.is_https());
        assert_eq!(config.plants.registration_countries, ["DE", "FR"]);
    }

    #[test]
    fn metrics_allow_addresses_or_ranges() {
        let config =
            Config::load_from(None, env(&[("OSC_METRICS_ALLOW", "10.0.0.0/8, ::1")])).unwrap();
        assert!(config.metrics.allows("10.1.2.3".parse().unwrap()));
        assert!(
            config.metrics.allows("::ffff:10.1.2.3".parse().unwrap()),
            "v4 mapped"
        );
        assert!(!config.metrics.allows("192.0.2.1".parse().unwrap()));
        assert!(
            Config::default()
                .metrics
                .allows("127.0.0.1".parse().unwrap())
        );
        let err =
            Config::load_from(None, env(&[("OSC_METRICS_ALLOW", "prometheus.lan")])).unwrap_err();
        assert!(err.to_string().contains("metrics.allow"), "{err}");
    }

    #[test]
    fn trusted_proxies_are_addresses_or_ranges() {
        let config = Config::load_from(
            None,
            env(&[("OSC_SERVER_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1, ::1")]),
        )
        .unwrap();
        let nets = config.server.trusted_networks();
        assert_eq!(nets.len(), 3);
        assert!(nets[1].contains(&"192.0.2.1".parse::<std::net::IpAddr>().unwrap()));
        let err = Config::load_from(None, env(&[("OSC_SERVER_TRUSTED_PROXIES", "proxy.lan")]))
            .unwrap_err();
        assert!(err.to_string().contains("server.trusted_proxies"), "{err}");
    }

    #[test]
    fn an_imap_source_is_set_by_the_environment_and_needs_its_server() {
        let imap = [
            ("OSC_MAIL_IN_SOURCE", "imap"),
            ("OSC_MAIL_IN_IMAP_HOST", "imap.example.com"),
            ("OSC_MAIL_IN_IMAP_USER", "service@example.com"),
            ("OSC_MAIL_IN_IMAP_PASSWORD", "hunter2-imap"),
            ("OSC_MAIL_IN_IMAP_SECURITY", "starttls"),
        ];
        let config = Config::load_from(None, env(&imap)).unwrap();
        let inbound = &config.mail_in;
        assert_eq!(inbound.source, MailInSource::Imap);
        assert_eq!(inbound.imap_port(), 143, "the usual port of STARTTLS");
        assert_eq!(inbound.imap_password.expose(), "hunter2-imap");
        assert!(!format!("{inbound:?}").contains("hunter2"), "never printed");
        assert_eq!(
            (
                inbound.imap_folder.as_str(),
                inbound.processed_folder.as_str()
            ),
            ("INBOX", "Processed")
        );

        let err = Config::load_from(None, env(&imap[..2])).unwrap_err();
        assert!(err.to_string().contains("mail_in.imap_user"), "{err}");
        let mut same = imap.to_vec();
        same.push(("OSC_MAIL_IN_PROCESSED_FOLDER", "INBOX"));
        let err = Config::load_from(None, env(&same)).unwrap_err();
        assert!(
            err.to_string().contains("mail_in.processed_folder"),
            "{err}"
        );
        let mut plain = imap.to_vec();
        plain.push(("OSC_MAIL_IN_IMAP_SECURITY", "none"));
        let err = Config::load_from(None, env(&plain)).unwrap_err();
        assert!(err.to_string().contains("imap_security"), "{err}");
    }

    #[test]
    fn bad_values_name_their_key() {
        let err = Config::load_from(None, env(&[("OSC_SERVER_BIND", "nowhere")])).unwrap_err();
        assert!(err.to_string().contains("server.bind"), "{err}");

        let err = Config::load_from(None, env(&[("OSC_I18N_DEFAULT_LANGUAGE", "xx")])).unwrap_err();
        assert!(err.to_string().contains("i18n.default_language"), "{err}");

        let err = Config::load_from(None, env(&[("OSC_SERVER_COLOUR", "blue")])).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");

        let err = Config::load_from(None, env(&[("OSC_NOSUCH_KEY", "1")])).unwrap_err();
        assert!(err.to_string().contains("OSC_NOSUCH_KEY"), "{err}");

        let err = Config::load_from(None, env(&[("OSC_MAIL_FROM", "not an address")])).unwrap_err();
        assert!(err.to_string().contains("mail.from"), "{err}");
    }

    #[test]
    fn secrets_do_not_print() {
        let config =
            Config::load_from(None, env(&[("OSC_MAIL_SMTP_PASSWORD", "hunter2-secret")])).unwrap();
        assert_eq!(config.mail.smtp_password.expose(), "hunter2-secret");
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[test]
    fn example_file_lists_every_key_with_its_default() {
        let example = include_str!("../config.example.toml");
        // Uncommenting every `# key = value` line must give a valid file equal to the defaults.
        let uncommented: String = example
            .lines()
            .map(|line| {
                let t = line.trim_start();
                let is_key = |r: &str| {
                    r.split_once(" = ").is_some_and(|(k, _)| {
                        k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    })
                };
                if let Some(rest) = t.strip_prefix("# ")
                    && (rest.starts_with('[') || is_key(rest))
                {
                    return format!("{rest}\n");
                }
                if t.starts_with('#') || t.is_empty() {
                    return String::new();
                }
                format!("{line}\n")
            })
            .collect();
        let table: toml::Table = toml::from_str(&uncommented).expect("example parses");
        let from_example: Config =
            serde_path_to_error::deserialize(toml::Value::Table(table.clone())).unwrap();
        let defaults = toml::Value::try_from(Config::default()).unwrap();
        assert_eq!(toml::Value::try_from(from_example).unwrap(), defaults);
        // …and must name every key the program knows.
        for (section, keys) in defaults.as_table().unwrap() {
            let in_example = table
                .get(section)
                .and_then(|s| s.as_table())
                .unwrap_or_else(|| panic!("config.example.toml lacks [{section}]"));
            for key in keys.as_table().unwrap().keys() {
                assert!(
                    in_example.contains_key(key),
                    "config.example.toml lacks {section}.{key}"
                );
            }
        }
    }
}
