//! Serving the embedded static files (see [`crate::views::assets`]) under their
//! content-hashed URLs with a one-year immutable cache.

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::{AppError, Result};
use crate::views::assets::{Assets, hashes, url};

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("js") => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `GET /assets/{hash}/{*path}`
pub async fn serve(Path((hash, path)): Path<(String, String)>) -> Result<Response> {
    if hashes().get(&path) != Some(&hash) {
        return Err(AppError::NotFound);
    }
    let file = Assets::get(&path).ok_or(AppError::NotFound)?;
    let mut response = file.data.into_owned().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&path)),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}

/// `GET /favicon.ico`: browsers ask for it by name.
pub async fn favicon() -> Redirect {
    Redirect::permanent(&url("icons/logo.svg"))
}
