//! `GET /healthz`: 200 when the store answers and accepts writes and the search index
//! answers, 503 otherwise.

use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::State;
use axum::http::StatusCode;

use crate::app::AppState;

/// Whether the last check found everything well: a failing check is logged when it starts
/// failing, not at every probe (the store logs its own cause once).
static WAS_OK: AtomicBool = AtomicBool::new(true);

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
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
    if ok {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable\n")
    }
}
