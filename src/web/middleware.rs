//! Middleware every response passes through: security headers, one tracing span per
//! request, the designed error pages (which also log internal errors, once), the form
//! rate limits and requests run off the async runtime.

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::layer::util::Stack;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, MakeSpan, TraceLayer};
use tracing::{Level, Span};

use super::context::PageCtx;
use crate::app::AppState;
use crate::auth::csrf::CsrfSeed;
use crate::auth::session::{self, Viewer};
use crate::error::ErrorDetail;
use crate::views;

/// The Content-Security-Policy of every response: nothing from elsewhere, no inline
/// scripts or styles, no framing.
pub const CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

type HeaderLayer = SetResponseHeaderLayer<HeaderValue>;

/// The layers [`security_headers`] stacks (the first one sets its header only if given).
pub type SecurityHeaders = Stack<
    SetResponseHeaderLayer<Option<HeaderValue>>,
    Stack<HeaderLayer, Stack<HeaderLayer, HeaderLayer>>,
>;

/// `Strict-Transport-Security` when the portal is served over https: browsers then use
/// https only, for a year from the last visit.
pub const HSTS: &str = "max-age=31536000";

/// `Content-Security-Policy`, `X-Content-Type-Options`, `Referrer-Policy` and, when
/// `https`, `Strict-Transport-Security`.
pub fn security_headers(https: bool) -> SecurityHeaders {
    let csp = SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    let nosniff = SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    let referrer = SetResponseHeaderLayer::overriding(
        HeaderName::from_static("referrer-policy"),
        HeaderValue::from_static("same-origin"),
    );
    let hsts = SetResponseHeaderLayer::overriding(
        header::STRICT_TRANSPORT_SECURITY,
        https.then(|| HeaderValue::from_static(HSTS)),
    );
    Stack::new(hsts, Stack::new(csp, Stack::new(nosniff, referrer)))
}

/// Names a request's span by method and *route*, never the raw path: paths can carry
/// tokens (confirmation and reset links) that must not reach a log.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpan;

impl<B> MakeSpan<B> for RouteSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map_or("-", MatchedPath::as_str);
        tracing::info_span!("request", method = %request.method(), route)
    }
}

/// Counts every request by route (its pattern; `-` when none matched) and status, and
/// records its latency, for `/metrics`.
pub async fn metrics(request: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    // A clone of the matched path is a shared string, not a copy.
    let route = request.extensions().get::<MatchedPath>().cloned();
    let response = next.run(request).await;
    crate::metrics::global().request(
        route.as_ref().map_or("-", MatchedPath::as_str),
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// One span per request; the response's status and latency logged at INFO.
pub fn trace() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, RouteSpan> {
    TraceLayer::new_for_http()
        .make_span_with(RouteSpan)
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

/// Marks an answer meant for machines (the probes' 503): sent as it is, not replaced by
/// the error page, and not logged as a failure at every probe.
#[derive(Debug, Clone, Copy)]
pub struct PlainAnswer;

/// Replaces every error response that is not already a page of ours (framework
/// rejections, [`crate::error::AppError`], timeouts, panics) with the designed error
/// page in the visitor's language, and logs internal errors.
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let ctx = PageCtx::build(
        &state,
        (request.method(), request.headers(), request.uri()),
        request.extensions().get::<Viewer>(),
        request.extensions().get::<CsrfSeed>(),
    );
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.extensions().get::<PlainAnswer>().is_some()
    {
        return response;
    }
    if let Some(ErrorDetail(detail)) = response.extensions().get::<ErrorDetail>() {
        // A store refusing writes for now says so in the log once, by itself.
        if status == axum::http::StatusCode::SERVICE_UNAVAILABLE {
            tracing::debug!(%status, reason = %detail, "request refused for now");
        } else if status.is_server_error() {
            tracing::error!(%status, error = %detail, "request failed");
        } else {
            tracing::debug!(%status, reason = %detail, "request refused");
        }
    } else if status.is_server_error() {
        tracing::error!(%status, "request failed");
    }
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_page {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_TYPE);
    let page = views::errors::error_page(&ctx, status).into_response();
    let (page_parts, body) = page.into_parts();
    parts.headers.extend(page_parts.headers);
    Response::from_parts(parts, body)
}

/// Counts the forms that cost a mail or a record per client address (`[limits]`);
/// past its limit a form answers 429 with `Retry-After` and the designed page. A
/// signed-in person's requests are not anonymous ones.
pub async fn rate_limits(State(state): State<AppState>, request: Request, next: Next) -> Response {
    use crate::service::rate_limits::Form;
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("", MatchedPath::as_str);
    let signed_in = request.extensions().get::<Viewer>().is_some();
    let form = match (request.method() == axum::http::Method::POST, route) {
        (true, "/register") => Some(Form::Registration),
        (true, "/contact" | "/info-sheet") if !signed_in => Some(Form::AnonymousRequest),
        (true, "/password/forgot") => Some(Form::Recovery),
        (true, "/confirm/resend") => Some(Form::ConfirmationResend),
        _ => None,
    };
    if let Some(form) = form {
        let address = request
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        if let Some(address) = address {
            let limit = form.limit(&state.config.limits);
            let now = state.clock.now();
            if let Err(secs) = state.rate_limits.admit(form, address, limit, now) {
                tracing::info!(event = "rate_limited", ?form, "form used too often");
                return crate::error::AppError::TooManyRequests(secs).into_response();
            }
        }
    }
    next.run(request).await
}

/// Whether the request of `viewer` for `path` is sent to the set-up of two-step log-in
/// instead: a staff member without it, while the instance requires it, reaches only its
/// set-up, log-out, the language switch and the assets.
fn must_set_up_first(state: &AppState, viewer: &Viewer, path: &str) -> bool {
    let open = path == "/account/two-factor"
        || path.starts_with("/account/two-factor/")
        || path == "/logout"
        || path == "/favicon.ico"
        || path.starts_with("/assets/")
        || path.starts_with("/language/");
    if open {
        return false;
    }
    match crate::service::two_factor::must_set_up(&state.core, &viewer.user) {
        Ok(must) => must,
        Err(e) => {
            // Fail closed: a staff member whose state cannot be read gets the set-up page.
            tracing::error!(error = %e, "reading two-step log-in failed");
            viewer.user.kind == crate::access::AccountKind::Staff
        }
    }
}

/// Resolves the request's session once (see [`session::resolve`]) and puts the
/// [`Viewer`] into the request's extensions (a staff member who must set up two-step
/// log-in first is sent there); gives every visitor a CSRF seed, setting the cookie when
/// it is new.
pub async fn session_and_csrf(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let https = state.config.is_https();
    if let Some(viewer) = session::resolve(
        &*state.store,
        &state.config,
        state.clock.now(),
        request.headers(),
    ) {
        if must_set_up_first(&state, &viewer, request.uri().path()) {
            return axum::response::Redirect::to("/account/two-factor").into_response();
        }
        request.extensions_mut().insert(viewer);
    }
    let seed = CsrfSeed::from_headers(request.headers(), https);
    let set_cookie = seed.fresh.then(|| seed.set_cookie(https));
    request.extensions_mut().insert(seed);
    let mut response = next.run(request).await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    // Only pages carry forms; assets stay cookie-free (and cacheable).
    if let Some(cookie) = set_cookie.filter(|_| is_page)
        && let Ok(value) = HeaderValue::from_str(&cookie)
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// How many reading requests (`GET`, `HEAD`) run on the blocking pool at once; the rest
/// wait their turn without a thread. A page is work for the processor: more threads than
/// a few per core add no speed, only stacks and allocator caches (a burst of 64
/// connections made 180 threads and 25 MB before there was a limit). Form posts are not
/// counted: their bodies may arrive slowly, and their commits wait for the disk.
#[derive(Clone)]
pub struct ReadSlots(std::sync::Arc<tokio::sync::Semaphore>);

impl ReadSlots {
    /// Four per processor core, at least 8: a page waiting on the disk or on the IMAP
    /// server (a held message's download, at most a minute) leaves the others room, and
    /// the processor is not shared among more pages than it can finish in turn (at
    /// 8,000 searched pages a second on 2 cores, 8 slots gave p99 5–7 ms, 16 gave 9–11).
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self::new(cores.saturating_mul(4).max(8))
    }

    /// `slots` readers at once.
    pub fn new(slots: usize) -> Self {
        ReadSlots(std::sync::Arc::new(tokio::sync::Semaphore::new(slots)))
    }
}

/// Runs the rest of the request (session lookup, handler, error page) on tokio's
/// blocking pool: the store's calls are synchronous, and a durable commit waits for the
/// disk, so none of them may run on one of the few async workers that accept
/// connections and move bytes. A reading request first takes one of the
/// [`ReadSlots`]. The request's span goes along.
pub async fn off_the_runtime(
    State(slots): State<ReadSlots>,
    request: Request,
    next: Next,
) -> Response {
    use tracing::Instrument;
    let reading = matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    // The semaphore is never closed, so a permit always comes.
    let slot = match reading {
        true => slots.0.clone().acquire_owned().await.ok(),
        false => None,
    };
    let span = Span::current();
    let runtime = tokio::runtime::Handle::current();
    let handler =
        tokio::task::spawn_blocking(move || runtime.block_on(next.run(request).instrument(span)));
    let answer = handler.await;
    // Given back once the thread is free again, so the next reader finds it idle
    // rather than starting another.
    drop(slot);
    match answer {
        Ok(response) => response,
        Err(_) => axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use axum::Router;
    use axum::body::Body;
    use axum::http::{Method, Request};
    use axum::routing::any;
    use tower::ServiceExt;

    use super::{ReadSlots, off_the_runtime};

    /// The most requests that were inside the handler at once, for `count` requests of
    /// `method` sent together through one reading slot.
    async fn most_at_once(method: Method, count: usize) -> usize {
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let (i, m) = (inside.clone(), most.clone());
        let router = Router::new()
            .route(
                "/",
                any(move || {
                    let (i, m) = (i.clone(), m.clone());
                    async move {
                        let now = i.fetch_add(1, Ordering::SeqCst) + 1;
                        m.fetch_max(now, Ordering::SeqCst);
                        // The handler runs on the blocking pool: it may block.
                        std::thread::sleep(Duration::from_millis(100));
                        i.fetch_sub(1, Ordering::SeqCst);
                    }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(
                ReadSlots::new(1),
                off_the_runtime,
            ));
        let requests = (0..count).map(|_| {
            let request = Request::builder()
                .method(method.clone())
                .uri("/")
                .body(Body::empty())
                .expect("request");
            tokio::spawn(router.clone().oneshot(request))
        });
        for answer in futures_util::future::join_all(requests).await {
            assert!(
                answer
                    .expect("joined")
                    .expect("answered")
                    .status()
                    .is_success()
            );
        }
        most.load(Ordering::SeqCst)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn readers_take_turns_in_their_slots_and_form_posts_do_not_wait() {
        assert_eq!(most_at_once(Method::GET, 4).await, 1);
        assert!(most_at_once(Method::POST, 4).await > 1);
    }
}
