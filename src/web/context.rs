//! [`PageCtx`]: what every page needs to know about the request it answers (language,
//! signed-in person, current path), extracted once per request.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, Uri, header};

use crate::app::AppState;
use crate::auth::csrf::CsrfSeed;
use crate::auth::session::Viewer;
use crate::i18n;
use crate::views;

/// Name of the cookie that keeps the language chosen with the language switch.
pub const LANG_COOKIE: &str = "osc_lang";

/// The request as handlers see it: the shared state, and the page context views read
/// (which it dereferences to).
#[derive(Debug, Clone)]
pub struct PageCtx {
    /// Shared state (store, configuration, translations …).
    pub state: AppState,
    /// What the views see of the request.
    pub page: views::PageCtx,
}

impl std::ops::Deref for PageCtx {
    type Target = views::PageCtx;

    fn deref(&self) -> &views::PageCtx {
        &self.page
    }
}

impl PageCtx {
    /// Builds the context from a request's headers, URI and what the session and CSRF
    /// middleware found.
    pub fn build(
        state: &AppState,
        (method, headers, uri): (&Method, &HeaderMap, &Uri),
        viewer: Option<&Viewer>,
        seed: Option<&CsrfSeed>,
    ) -> Self {
        // The language switch's cookie, then the profile, then the browser.
        let chosen =
            cookie(headers, LANG_COOKIE).or_else(|| viewer.map(|v| v.user.language.code()));
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let lang = i18n::negotiate(chosen, accept, state.config.i18n.default_language);
        let csrf = match seed {
            Some(seed) => seed.token(),
            None => CsrfSeed::from_headers(headers, state.config.is_https()).token(),
        };
        let path = page_path(method, headers, uri);
        Self {
            state: state.clone(),
            page: views::PageCtx {
                lang,
                path,
                viewer: viewer.map(|v| v.actor.clone()),
                csrf,
                i18n: state.i18n.clone(),
                config: state.config.clone(),
            },
        }
    }
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(PageCtx::build(
            state,
            (&parts.method, &parts.headers, &parts.uri),
            parts.extensions.get::<Viewer>(),
            parts.extensions.get::<CsrfSeed>(),
        ))
    }
}

/// The page the visitor is on, for the language switch and the navigation: the address
/// itself for a page fetched with GET; for the answer to a form (a refused one shown
/// again), the page that held the form, as the `Referer` names it (the form's own
/// address may take POST only, and reloading it would send the form again), else `/`.
fn page_path(method: &Method, headers: &HeaderMap, uri: &Uri) -> String {
    if method == Method::GET || method == Method::HEAD {
        return uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
    }
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| {
            let after_scheme = referer.split_once("://").map_or(referer, |(_, rest)| rest);
            after_scheme.find('/').map(|i| &after_scheme[i..])
        })
        .filter(|p| is_local_path(p))
        .unwrap_or("/")
        .to_owned()
}

pub use crate::links::{cookie, is_local_path};

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn reads_cookies() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; osc_lang=de; b=2"),
        );
        assert_eq!(cookie(&h, "osc_lang"), Some("de"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn only_local_paths_are_redirect_targets() {
        assert!(is_local_path("/plants?q=1"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("/\t/evil.example"));
        assert!(!is_local_path("/%09/evil.example"));
        assert!(!is_local_path("/%2F/evil.example"));
        assert!(is_local_path("/tickets?q=M%C3%BCller"));
    }
}
