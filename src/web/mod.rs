//! The HTTP surface: one router, the middleware stack every response passes through,
//! and one handler file per area of the portal.

pub mod accounts;
pub mod api;
pub mod api_tokens;
pub mod assets;
pub mod client_address;
pub mod company;
pub mod context;
pub mod devices;
pub mod documents;
pub mod exports;
pub mod first_run;
mod health;
pub mod help;
mod home;
mod legal;
pub mod listener;
pub mod middleware;
pub mod multipart;
pub mod personal_data;
pub mod plant_import;
pub mod plants;
pub mod profile;
pub mod replacement;
pub mod service;
pub mod ticket_page;
pub mod ticket_tracking;
pub mod tickets;
pub mod trail;
pub mod two_factor;
pub mod webhooks;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::StatusCode;
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::AppState;
use crate::error::AppError;

/// The routes declared so far and the router they build: every route goes through here,
/// so [`route_table`] lists exactly what the router answers (the authorization matrix
/// test checks every entry).
#[derive(Default)]
struct Routes {
    router: Router<AppState>,
    /// Routes that take file uploads: they get the upload size limit instead of the
    /// ordinary body limit.
    uploads: Router<AppState>,
    table: Vec<(&'static str, &'static str)>,
}

impl Routes {
    fn get<H: Handler<T, AppState>, T: 'static>(mut self, path: &'static str, h: H) -> Self {
        self.table.push(("GET", path));
        self.router = self.router.route(path, get(h));
        self
    }

    fn post<H: Handler<T, AppState>, T: 'static>(mut self, path: &'static str, h: H) -> Self {
        self.table.push(("POST", path));
        self.router = self.router.route(path, post(h));
        self
    }

    fn upload<H: Handler<T, AppState>, T: 'static>(mut self, path: &'static str, h: H) -> Self {
        self.table.push(("POST", path));
        self.uploads = self.uploads.route(path, post(h));
        self
    }

    fn get_post<G, TG, P, TP>(mut self, path: &'static str, g: G, p: P) -> Self
    where
        G: Handler<TG, AppState>,
        P: Handler<TP, AppState>,
        TG: 'static,
        TP: 'static,
    {
        self.table.push(("GET", path));
        self.table.push(("POST", path));
        self.router = self.router.route(path, get(g).post(p));
        self
    }
}

fn routes() -> Routes {
    Routes::default()
        .get("/", home::start_page)
        .get("/healthz", health::healthz)
        .get("/readyz", health::readyz)
        .get("/metrics", health::metrics)
        .get("/language/{code}", home::switch_language)
        .get("/favicon.ico", assets::favicon)
        .get("/assets/{hash}/{*path}", assets::serve)
        .get("/privacy", legal::privacy)
        .get("/terms", legal::terms)
        .get("/privacy/download", legal::privacy_download)
        .get("/terms/download", legal::terms_download)
        // Registration and access
        .get_post("/register", accounts::register_page, accounts::register)
        .get("/register/sent", accounts::register_sent)
        .get_post("/confirm/resend", accounts::resend_page, accounts::resend)
        .get("/confirm/{token}", accounts::confirm)
        .get_post("/login", accounts::login_page, accounts::login)
        .get_post("/setup/{token}", first_run::setup_page, first_run::setup)
        .get_post(
            "/login/code",
            accounts::login_code_page,
            accounts::login_code,
        )
        .post("/logout", accounts::logout)
        .get_post("/password/forgot", accounts::forgot_page, accounts::forgot)
        .get_post(
            "/password/reset/{token}",
            accounts::reset_page,
            accounts::reset,
        )
        // My profile, My access data
        .get_post("/profile", profile::profile_page, profile::save_profile)
        .post("/profile/addresses", profile::add_address)
        .get_post(
            "/profile/addresses/{id}",
            profile::edit_address_page,
            profile::edit_address,
        )
        .get_post(
            "/profile/addresses/{id}/delete",
            profile::delete_address_page,
            profile::delete_address,
        )
        .post("/profile/addresses/{id}/default", profile::default_address)
        .get_post(
            "/profile/data",
            personal_data::own_page,
            personal_data::own_start,
        )
        .get("/profile/data/download", personal_data::own_download)
        .post("/profile/reminders", profile::set_reminders)
        .get("/account/access", profile::access_page)
        .post("/account/password", profile::change_password)
        .post("/account/security-question", profile::change_question)
        .post("/account/sessions/end-all", profile::end_other_sessions)
        .post("/account/sessions/{handle}/end", profile::end_session)
        .get_post("/account/tokens", api_tokens::page, api_tokens::create)
        .post("/account/tokens/{handle}/revoke", api_tokens::revoke)
        // Webhooks (a company's administrators, the service team)
        .get_post("/webhooks", webhooks::list, webhooks::create)
        .get_post("/webhooks/{id}", webhooks::page, webhooks::save)
        .post("/webhooks/{id}/pause", webhooks::pause)
        .post("/webhooks/{id}/resume", webhooks::resume)
        .post("/webhooks/{id}/delete", webhooks::delete)
        .post(
            "/webhooks/{id}/deliveries/{delivery}/resend",
            webhooks::resend,
        )
        .get("/account/two-factor", two_factor::page)
        .post("/account/two-factor/setup", two_factor::setup)
        .post("/account/two-factor/confirm", two_factor::confirm)
        .post("/account/two-factor/recovery-codes", two_factor::renew)
        .post("/account/two-factor/off", two_factor::turn_off)
        // Invite collaborators
        .get("/company/members", company::members)
        .post("/company/invitations", company::invite)
        .post("/company/invitations/{id}/resend", company::resend)
        .post("/company/invitations/{id}/revoke", company::revoke)
        .post("/company/members/{id}/admin", company::promote)
        .post("/company/members/{id}/installer", company::demote)
        .get_post(
            "/company/members/{id}/remove",
            company::remove_page,
            company::remove,
        )
        .get_post("/invitations/{token}", company::join_page, company::join)
        // Plant overview
        .get("/plants", plants::list)
        .get("/plants/export", exports::plants)
        .get_post("/plants/new", plants::new_page, plants::create)
        .get("/plants/import", plant_import::upload_page)
        .upload("/plants/import", plant_import::upload)
        .get("/plants/import/{id}", plant_import::show)
        .post("/plants/import/{id}/confirm", plant_import::confirm)
        .post("/plants/import/{id}/cancel", plant_import::cancel)
        .get_post("/plants/{id}", plants::detail, plants::save)
        .post("/plants/{id}/assignees", plants::assign)
        .post("/plants/{id}/subplants", devices::add_subplant)
        .post("/plants/{id}/subplants/{sid}", devices::rename_subplant)
        .post(
            "/plants/{id}/subplants/{sid}/delete",
            devices::delete_subplant,
        )
        .post("/plants/{id}/devices", devices::register)
        .get("/plants/{id}/devices/export", exports::devices)
        .get_post("/devices/{id}", devices::edit_page, devices::save)
        .get_post(
            "/devices/{id}/remove",
            devices::remove_page,
            devices::remove,
        )
        .get_post(
            "/devices/{id}/warranty-extension",
            devices::extension_page,
            devices::extension,
        )
        // Service tickets
        .get_post("/contact", tickets::contact_page, tickets::contact)
        .get("/contact/sent", tickets::contact_sent)
        .get_post("/info-sheet", tickets::info_sheet_page, tickets::info_sheet)
        .get("/tickets", ticket_tracking::list)
        .get("/tickets/export", exports::tracking)
        .get("/tickets/replacement", replacement::form_page)
        .upload("/tickets/replacement", replacement::submit)
        .get("/tickets/{id}", ticket_page::detail)
        .upload("/tickets/{id}/messages", ticket_page::add_message)
        .post("/tickets/{id}/status", ticket_page::change_status)
        .get("/tickets/{id}/attachments/{no}", ticket_page::attachment)
        .get("/tickets/{id}/return-slip", ticket_page::return_slip)
        // Service desk (staff only; 404 for everyone else)
        .get("/service", service::dashboard::dashboard)
        .get("/service/tickets", service::queue::queue)
        .get("/service/tickets/export", exports::queue)
        .get_post(
            "/service/tickets/new",
            service::on_behalf::form_page,
            service::on_behalf::create,
        )
        .post("/service/tickets/{id}/assign", service::queue::assign)
        .get("/service/users", service::accounts::find)
        .get("/service/users/{id}", service::accounts::detail)
        .post("/service/users/{id}/block", service::accounts::block)
        .post("/service/users/{id}/unblock", service::accounts::unblock)
        .post("/service/users/{id}/unlock", service::accounts::unlock)
        .post(
            "/service/users/{id}/sessions/end-all",
            service::accounts::end_sessions,
        )
        .post(
            "/service/users/{id}/sessions/{handle}/end",
            service::accounts::end_session,
        )
        .post(
            "/service/users/{id}/two-factor/reset",
            service::accounts::reset_two_factor,
        )
        .post("/service/users/{id}/email", service::accounts::change_email)
        .post(
            "/service/users/{id}/confirmation",
            service::accounts::resend_confirmation,
        )
        .post("/service/users/{id}/data", personal_data::desk_start)
        .get(
            "/service/users/{id}/data/download",
            personal_data::desk_download,
        )
        .post("/service/users/{id}/erase", personal_data::erase)
        .get("/service/audit", service::oversight::audit_log)
        .get("/service/mail", service::oversight::mail)
        .post("/service/mail/{id}/retry", service::oversight::retry)
        .get_post(
            "/service/replies",
            service::replies::list,
            service::replies::create,
        )
        .get_post(
            "/service/replies/{id}",
            service::replies::edit_page,
            service::replies::save,
        )
        .post("/service/replies/{id}/delete", service::replies::delete)
        .get_post(
            "/service/levels",
            service::levels::page,
            service::levels::save,
        )
        .post("/service/levels/holidays", service::levels::add_holiday)
        .upload("/service/levels/holidays/import", service::levels::import)
        .post(
            "/service/levels/holidays/{date}/delete",
            service::levels::remove_holiday,
        )
        .get("/service/inbox", service::inbox::page)
        .get("/service/inbox/{id}/message", service::inbox::message)
        .post("/service/inbox/{id}/retry", service::inbox::retry)
        .get("/email/confirm/{token}", accounts::confirm_email_change)
        .get("/help", help::help)
        .get("/help/api", help::api_reference)
        // Plant documents
        .upload("/plants/{id}/documents", documents::upload)
        .get("/documents/{id}", documents::download)
        .get_post(
            "/documents/{id}/delete",
            documents::delete_page,
            documents::delete,
        )
}

/// Every (method, path) the router answers, in declaration order.
pub fn route_table() -> Vec<(&'static str, &'static str)> {
    routes().table
}

/// Every route of the portal with its middleware. Tests drive it on `127.0.0.1:0`.
pub fn build_router(state: AppState) -> Router {
    let server = &state.config.server;
    let body_limit = server.body_limit_kb.saturating_mul(1024);
    let timeout = Duration::from_secs(server.request_timeout_secs);

    let upload_limit = usize::try_from(state.config.uploads.max_document_mb)
        .unwrap_or(usize::MAX / 2)
        .saturating_mul(1024 * 1024)
        .saturating_add(64 * 1024);
    let routes = routes();
    routes
        .router
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(DefaultBodyLimit::max(body_limit))
        .merge(
            routes
                .uploads
                .layer(RequestBodyLimitLayer::new(upload_limit))
                .layer(DefaultBodyLimit::max(upload_limit)),
        )
        .nest(api::PREFIX, api::router(state.clone()))
        .fallback(|| async { AppError::NotFound })
        .layer(
            // Outermost first: every response, error pages and assets included, gets the
            // security headers; errors are rendered inside the request's span.
            ServiceBuilder::new()
                .layer(middleware::security_headers(state.config.is_https()))
                .layer(axum::middleware::from_fn(middleware::metrics))
                .layer(CompressionLayer::new())
                .layer(middleware::trace())
                .layer(axum::middleware::from_fn_with_state(
                    middleware::ReadSlots::for_this_machine(),
                    middleware::off_the_runtime,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    middleware::session_and_csrf,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    middleware::error_pages,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    middleware::rate_limits,
                ))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    timeout,
                ))
                .layer(CatchPanicLayer::new()),
        )
        .with_state(state)
}
