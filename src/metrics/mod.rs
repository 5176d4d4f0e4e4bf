//! The instance's metrics, served at `/metrics` in the Prometheus text format (the
//! OpenMetrics flavour, by the `prometheus-client` crate): requests by route and status,
//! latency per route, the store's commit latency and group sizes, log-ins and locks, and,
//! read when scraped, the index lag, the mail queue, the active sessions and the backup's
//! age.
//!
//! Counters and histograms live in one process-wide [`Metrics`] ([`global`]): the store,
//! the log-in and the HTTP layer add to it where things happen, and nothing is recorded
//! that a scrape could not show. It imports nothing of the crate.

use std::sync::LazyLock;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// The `Content-Type` of [`Metrics::encode`]'s text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteStatus {
    route: String,
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Outcome {
    outcome: String,
}

/// What a log-in attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Login {
    /// Signed in (or on to the second step).
    Succeeded,
    /// Wrong e-mail, password or code.
    Failed,
    /// The attempt locked the account.
    Locked,
}

impl Login {
    fn label(self) -> &'static str {
        match self {
            Login::Succeeded => "succeeded",
            Login::Failed => "failed",
            Login::Locked => "locked",
        }
    }
}

/// What is read from the instance when it is scraped.
#[derive(Debug, Clone, Copy, Default)]
pub struct Readings {
    /// Changes not yet searchable.
    pub index_lag: u64,
    /// Mails waiting to be delivered.
    pub mail_waiting: u64,
    /// Of those, the ones that failed at least once.
    pub mail_failed: u64,
    /// Sessions not yet ended.
    pub sessions: u64,
    /// Seconds since the last backup was written (none yet: `None`).
    pub backup_age_secs: Option<u64>,
    /// Whether the last backup attempt failed.
    pub backup_failed: bool,
}

/// Every metric of the process.
pub struct Metrics {
    registry: Registry,
    requests: Family<RouteStatus, Counter>,
    latency: Family<Route, Histogram, fn() -> Histogram>,
    commit_seconds: Histogram,
    commit_group: Histogram,
    logins: Family<Outcome, Counter>,
    index_lag: Gauge,
    mail_waiting: Gauge,
    mail_failed: Gauge,
    sessions: Gauge,
    backup_age: Gauge,
    backup_failed: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Metrics {
    fn new() -> Self {
        let mut registry = Registry::with_prefix("osc");
        let requests = Family::<RouteStatus, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route and status",
            requests.clone(),
        );
        let latency = Family::<Route, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its response, by route",
            latency.clone(),
        );
        let commit_seconds = Histogram::new(exponential_buckets(0.0001, 2.0, 16));
        registry.register(
            "store_commit_duration_seconds",
            "Time from a write's commit to its being durable, group commit included",
            commit_seconds.clone(),
        );
        let commit_group = Histogram::new(exponential_buckets(1.0, 2.0, 10));
        registry.register(
            "store_commit_group_size",
            "Writes made durable by one disk flush",
            commit_group.clone(),
        );
        let logins = Family::<Outcome, Counter>::default();
        registry.register(
            "logins",
            "Log-in attempts, by outcome (succeeded, failed, locked)",
            logins.clone(),
        );
        let gauge = |registry: &mut Registry, name: &str, help: &str| {
            let g = Gauge::default();
            registry.register(name, help, g.clone());
            g
        };
        let index_lag = gauge(
            &mut registry,
            "index_lag_changes",
            "Changes of tickets not yet searchable",
        );
        let mail_waiting = gauge(
            &mut registry,
            "mail_queue_waiting",
            "Mails waiting to be delivered",
        );
        let mail_failed = gauge(
            &mut registry,
            "mail_queue_failed",
            "Waiting mails whose delivery failed at least once",
        );
        let sessions = gauge(&mut registry, "sessions_active", "Sessions not yet ended");
        let backup_age = gauge(
            &mut registry,
            "backup_age_seconds",
            "Seconds since the last backup was written (-1: none yet)",
        );
        let backup_failed = gauge(
            &mut registry,
            "backup_last_failed",
            "1 when the last backup attempt failed",
        );
        Self {
            registry,
            requests,
            latency,
            commit_seconds,
            commit_group,
            logins,
            index_lag,
            mail_waiting,
            mail_failed,
            sessions,
            backup_age,
            backup_failed,
        }
    }

    /// A request to `route` (its pattern, never the raw path) answered with `status`
    /// after `seconds`.
    pub fn request(&self, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RouteStatus {
                route: route.to_owned(),
                status: status.to_string(),
            })
            .inc();
        self.latency
            .get_or_create(&Route {
                route: route.to_owned(),
            })
            .observe(seconds);
    }

    /// A write made durable `seconds` after its commit began.
    pub fn commit(&self, seconds: f64) {
        self.commit_seconds.observe(seconds);
    }

    /// One disk flush that made `writes` writes durable.
    pub fn flush_group(&self, writes: u64) {
        self.commit_group.observe(writes as f64);
    }

    /// A log-in attempt.
    pub fn login(&self, outcome: Login) {
        self.logins
            .get_or_create(&Outcome {
                outcome: outcome.label().to_owned(),
            })
            .inc();
    }

    /// The text a scrape answers, with `readings` taken now.
    pub fn encode(&self, readings: Readings) -> String {
        let to_i64 = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        self.index_lag.set(to_i64(readings.index_lag));
        self.mail_waiting.set(to_i64(readings.mail_waiting));
        self.mail_failed.set(to_i64(readings.mail_failed));
        self.sessions.set(to_i64(readings.sessions));
        self.backup_age
            .set(readings.backup_age_secs.map_or(-1, to_i64));
        self.backup_failed.set(i64::from(readings.backup_failed));
        let mut out = String::new();
        // Writing into a String does not fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// The process's metrics.
pub fn global() -> &'static Metrics {
    static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);
    &METRICS
}
