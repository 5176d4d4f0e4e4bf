//! The accept loop: every connection served by hyper's HTTP/1 connection, with the
//! header-read timeout (which also ends idle keep-alive connections) and the bound on
//! connections from `[server]`, and every request given its client's address
//! ([`super::client_address`]); graceful shutdown lets requests in flight finish.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How the accept loop treats connections.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Time for a request head to arrive, on a new or an idle keep-alive connection.
    pub header_read_timeout: Duration,
    /// Connections served normally at once.
    pub max_connections: usize,
    /// The reverse proxies whose forwarded addresses are believed.
    pub trusted_proxies: Arc<Vec<ipnet::IpNet>>,
}

/// The head-read time of a connection beyond [`Limits::max_connections`].
const OVERFLOW_HEAD_TIMEOUT: Duration = Duration::from_secs(1);

/// How long shutdown waits for requests in flight.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then lets the connections'
/// requests in flight finish (for at most [`DRAIN`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors, say: wait a little instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let slot = slots.clone().try_acquire_owned().ok();
        let mut builder = http1::Builder::new();
        builder.timer(TokioTimer::new());
        if slot.is_some() {
            builder.header_read_timeout(limits.header_read_timeout);
        } else {
            builder
                .header_read_timeout(OVERFLOW_HEAD_TIMEOUT)
                .keep_alive(false);
        }
        let trusted = limits.trusted_proxies.clone();
        // Handlers read the client's address as `ConnectInfo`.
        let service = TowerToHyperService::new(router.clone().map_request(
            move |mut request: Request<hyper::body::Incoming>| {
                let client = super::client_address::of(remote, request.headers(), &trusted);
                request.extensions_mut().insert(ConnectInfo(client));
                request
            },
        ));
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _slot = slot;
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still in flight after {DRAIN:?}; stopping anyway");
    }
    Ok(())
}
