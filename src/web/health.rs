//! `GET /healthz`: 200 when the store and the search index answer, 503 otherwise.

use axum::extract::State;
use axum::http::StatusCode;

use crate::app::AppState;

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let store_ok = state.store.is_usable();
    let search_ok = state.search.check().is_ok();
    if store_ok && search_ok {
        (StatusCode::OK, "ok\n")
    } else {
        tracing::error!(store_ok, search_ok, "health check failed");
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable\n")
    }
}
