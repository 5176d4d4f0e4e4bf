//! Static files (CSS, icons) embedded in the binary and served under content-hashed
//! URLs (`/assets/<hash>/<path>`) with a one-year immutable cache. A page names an asset
//! with [`url`]; a new build changes the hash, so browsers never see a stale file.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use rust_embed::RustEmbed;

use crate::error::{AppError, Result};

#[derive(RustEmbed)]
#[folder = "assets/"]
#[include = "css/*"]
#[include = "icons/*"]
struct Assets;

/// Length of the hash in asset URLs (hex digits of the file's SHA-256).
const HASH_LEN: usize = 16;

fn hashes() -> &'static HashMap<String, String> {
    static HASHES: OnceLock<HashMap<String, String>> = OnceLock::new();
    HASHES.get_or_init(|| {
        Assets::iter()
            .filter_map(|path| {
                let file = Assets::get(&path)?;
                let hash = hex::encode(file.metadata.sha256_hash());
                Some((path.into_owned(), hash[..HASH_LEN].to_owned()))
            })
            .collect()
    })
}

/// The URL of an embedded asset, e.g. `url("css/osc.css")`.
pub fn url(path: &str) -> String {
    match hashes().get(path) {
        Some(hash) => format!("/assets/{hash}/{path}"),
        None => {
            tracing::error!(path, "unknown asset");
            format!("/assets/missing/{path}")
        }
    }
}

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
