//! The HTTP client that posts deliveries: reqwest over the rustls (ring, the public
//! authorities of webpki-roots) the portal already has, with a resolver that drops every
//! address [`super::address`] refuses (so a name that resolves to a private address is
//! not reached, and the address connected to is the one checked), no proxy from the
//! environment, no redirects, a short timeout and a bound on the answer it reads.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use super::address::{self, Allow, HookUrl};
use super::signature;

/// The most of an answer read (the rest is not waited for).
pub const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// What posting a delivery led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The status the endpoint answered, if it answered.
    pub status: Option<u16>,
    /// How long it took.
    pub millis: u32,
    /// Why there is no answer, in words for the endpoint's owner.
    pub error: Option<Failure>,
}

/// Why a delivery got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The URL is no longer acceptable, or its host resolves only to refused addresses.
    Refused,
    /// The host's name does not resolve.
    UnknownHost,
    /// No connection, or it broke.
    Connection,
    /// No answer within the timeout.
    Timeout,
    /// The endpoint answered with a redirect, which is not followed.
    Redirect,
}

impl Failure {
    /// Its code, as stored and translated (`webhook-failure-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Failure::Refused => "refused",
            Failure::UnknownHost => "unknown-host",
            Failure::Connection => "connection",
            Failure::Timeout => "timeout",
            Failure::Redirect => "redirect",
        }
    }
}

/// The resolver that keeps only addresses a webhook may reach.
#[derive(Debug)]
struct Guarded {
    allow: Allow,
}

/// The error of a name that resolved only to refused addresses.
#[derive(Debug, thiserror::Error)]
#[error("the host resolves only to internal addresses")]
struct InternalOnly;

/// The error of a name that does not resolve.
#[derive(Debug, thiserror::Error)]
#[error("the host's name does not resolve")]
struct UnknownName;

impl Resolve for Guarded {
    fn resolve(&self, name: Name) -> Resolving {
        let allow = self.allow.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let listed = allow.host(&host);
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await
                .map_err(|_| Box::new(UnknownName) as Box<dyn std::error::Error + Send + Sync>)?
                .filter(|a| listed || allow.ip(a.ip()))
                .collect();
            if found.is_empty() {
                return Err(Box::new(InternalOnly) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(found.into_iter()) as Addrs)
        })
    }
}

/// Makes ring the process's TLS provider, for every rustls client that does not bring
/// its own (reqwest builds one even for plain `http`). Idempotent.
pub fn install_tls_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Fails only when a provider is installed already, which is as good.
        let _ = tokio_rustls::rustls::crypto::ring::default_provider().install_default();
    });
}

/// Posts deliveries.
#[derive(Debug, Clone)]
pub struct Sender {
    client: reqwest::Client,
    allow: Allow,
}

impl Sender {
    /// A client for `webhooks.allow`, answering within `timeout`.
    pub fn new(allow: Allow, timeout: Duration) -> Result<Self, reqwest::Error> {
        install_tls_provider();
        let mut roots = tokio_rustls::rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let tls = tokio_rustls::rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .dns_resolver(Arc::new(Guarded {
                allow: allow.clone(),
            }))
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            .timeout(timeout)
            .user_agent(concat!("osc-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client, allow })
    }

    /// The rules this sender applies (the forms check URLs with the same).
    pub fn allow(&self) -> &Allow {
        &self.allow
    }

    /// Posts `body` to `url`, signed with `secret` at `timestamp`, as `event` with the
    /// idempotence id `key`.
    pub async fn post(
        &self,
        url: &str,
        secret: &str,
        (event, key): (&str, &str),
        timestamp: u64,
        body: &str,
    ) -> Sent {
        let started = Instant::now();
        let elapsed =
            |started: Instant| u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
        let refused = |failure| Sent {
            status: None,
            millis: 0,
            error: Some(failure),
        };
        // Checked again at every attempt: the setting may have changed since.
        let Ok(HookUrl { url, .. }) = address::parse(url, &self.allow) else {
            return refused(Failure::Refused);
        };
        let answer = self
            .client
            .post(&url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(signature::HEADER, signature::sign(secret, timestamp, body))
            .header("OSC-Event", event)
            .header("OSC-Delivery", key)
            .body(body.to_owned())
            .send()
            .await;
        match answer {
            Ok(response) => {
                let status = response.status();
                // Read a bounded part of the answer, so the connection can be kept.
                let mut stream = response.bytes_stream();
                let mut read = 0usize;
                while read < MAX_ANSWER_BYTES {
                    match stream.next().await {
                        Some(Ok(chunk)) => read += chunk.len(),
                        _ => break,
                    }
                }
                Sent {
                    status: Some(status.as_u16()),
                    millis: elapsed(started),
                    error: status.is_redirection().then_some(Failure::Redirect),
                }
            }
            Err(e) => Sent {
                status: None,
                millis: elapsed(started),
                error: Some(classify(&e)),
            },
        }
    }
}

/// What went wrong, in the terms the owner is shown.
fn classify(e: &reqwest::Error) -> Failure {
    if e.is_timeout() {
        return Failure::Timeout;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<InternalOnly>() {
            return Failure::Refused;
        }
        if s.is::<UnknownName>() {
            return Failure::UnknownHost;
        }
        source = s.source();
    }
    Failure::Connection
}
