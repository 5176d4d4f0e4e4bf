//! The styles, icons and scripts pages use, embedded in the binary, and their content-hashed URLs
//! (`/assets/<hash>/<path>`): a page names an asset with [`url`]; a new build changes the
//! hash, so browsers never see a stale file. Serving them is `web::assets`.

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/"]
#[include = "css/*"]
#[include = "icons/*"]
#[include = "js/*"]
pub struct Assets;

/// Length of the hash in asset URLs (hex digits of the file's SHA-256).
const HASH_LEN: usize = 16;

/// Each asset's path and the hash its URL carries.
pub fn hashes() -> &'static HashMap<String, String> {
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
