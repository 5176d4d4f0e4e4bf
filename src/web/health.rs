//! `GET /healthz`: 200 when the store answers and accepts writes and the search index
//! answers, 503 otherwise. `GET /readyz`: 200 while the instance should get traffic (the
//! store is usable, the index is caught up within a bound, it is not shutting down).
//! `GET /metrics`: the Prometheus text, when `metrics.enabled`, to the addresses of
//! `metrics.allow`.

use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::State;
use axum::http::StatusCode;

use crate::app::AppState;

/// Whether the last check found everything well: a failing check is logged when it starts
/// failing, not at every probe (the store logs its own cause once).
static WAS_OK: AtomicBool = AtomicBool::new(true);

pub async fn healthz(State(state): State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let store_ok = state.store.is_usable();
    let search_ok = state.search.check().is_ok();
    let ok = store_ok && search_ok;
    if WAS_OK.swap(ok, Ordering::Relaxed) != ok {
        if ok {
            tracing::info!("health check passes again");
        } else {
            tracing::error!(store_ok, search_ok, "health check failed");
        }
    }
    let (status, text) = if ok {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable\n")
    };
    (
        status,
        axum::Extension(super::middleware::PlainAnswer),
        text,
    )
        .into_response()
}

/// `GET /readyz`
pub async fn readyz(State(state): State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let stopping = state.stopping.load(Ordering::SeqCst);
    let lag = state.indexer.lag();
    let core = state.core.clone();
    let ready = tokio::task::spawn_blocking(move || {
        crate::service::health::readiness(&core, lag, stopping)
    })
    .await
    .unwrap_or(Err(crate::service::health::NotReady::StoreUnusable));
    let (status, text) = match ready {
        Ok(()) => (StatusCode::OK, "ready\n".to_owned()),
        Err(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {why}\n"),
        ),
    };
    (
        status,
        axum::Extension(super::middleware::PlainAnswer),
        text,
    )
        .into_response()
}

/// `GET /metrics`
pub async fn metrics(
    State(state): State<AppState>,
    axum::extract::ConnectInfo(client): axum::extract::ConnectInfo<std::net::SocketAddr>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let settings = &state.config.metrics;
    if !settings.enabled {
        return crate::error::AppError::NotFound.into_response();
    }
    if !settings.allows(client.ip()) {
        tracing::info!(
            event = "metrics_refused",
            "a scrape from an address metrics.allow does not name"
        );
        return crate::error::AppError::Forbidden.into_response();
    }
    let lag = state.indexer.lag();
    let core = state.core.clone();
    let readings =
        tokio::task::spawn_blocking(move || crate::service::health::readings(&core, lag))
            .await
            .map_err(|_| crate::error::AppError::Internal("reading the metrics panicked".into()));
    match readings {
        Ok(Ok(readings)) => (
            [(
                axum::http::header::CONTENT_TYPE,
                crate::metrics::CONTENT_TYPE,
            )],
            crate::metrics::global().encode(readings),
        )
            .into_response(),
        Ok(Err(e)) => crate::error::AppError::from(e).into_response(),
        Err(e) => e.into_response(),
    }
}
