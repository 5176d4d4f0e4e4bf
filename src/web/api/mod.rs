//! The JSON API (`/api/v1/`): the same use cases as the pages, for programs (an ERP, a
//! plant monitoring), with personal access tokens instead of cookies. Every route is
//! registered through utoipa-axum's router, so the OpenAPI 3.1 description served at
//! `/api/v1/openapi.json` is generated from the very handlers the router serves.
//!
//! - [`caller`]: the bearer token, its scopes and its rate;
//! - [`problem`]: errors as RFC 9457 problem details, in the caller's language;
//! - [`body`]: JSON request bodies, refused as problems;
//! - one module per resource.

pub mod body;
pub mod caller;
pub mod catalog;
pub mod devices;
pub mod files;
pub mod filing;
pub mod me;
pub mod plants;
pub mod problem;
pub mod requests;

use std::sync::OnceLock;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
pub use problem::ApiError;

/// Where the API lives.
pub const PREFIX: &str = "/api/v1";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Online Service Center API",
        version = "1",
        description = "The service requests, plants and devices of the Online Service \
            Center, for programs. \
            Every request carries a personal access token made under \
            \"My access data\": `Authorization: Bearer osc_…`. A token sees and does what \
            its owner sees and does in the pages, within its scopes (`read` for GET, \
            `write` for everything else). Errors are RFC 9457 problem details \
            (`application/problem+json`) in the language of `Accept-Language`."
    ),
    modifiers(&BearerToken),
    components(schemas(problem::Problem, problem::FieldProblem)),
    tags(
        (name = "caller", description = "Who a token acts for"),
        (name = "requests", description = "Service requests, as Ticket Tracking shows them"),
        (name = "plants", description = "Plants, their devices and the device catalog, as the plant pages show them")
    )
)]
struct Description;

/// Declares the bearer token every route asks for.
struct BearerToken;

impl utoipa::Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal access token (`osc_` and 64 hex digits) from \
                         \"My access data\" → \"API access tokens\".",
                    ))
                    .build(),
            ),
        );
    }
}

/// The answers every operation may give, whatever it does: no valid token, a token
/// without the scope, too many requests this minute. Added to each operation here rather
/// than repeated in each annotation.
const EVERY_OPERATION: [(&str, &str); 3] = [
    ("401", "No valid token"),
    ("403", "The token lacks the scope"),
    ("429", "Too many requests this minute (see Retry-After)"),
];

/// Adds [`EVERY_OPERATION`]'s answers to each operation of `doc`, and the problem
/// shape they (and every error) carry.
fn with_common_problems(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let problem = || {
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build()
    };
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            for (status, description) in EVERY_OPERATION {
                let answers = &mut operation.responses.responses;
                if !answers.contains_key(status) {
                    let answer = ResponseBuilder::new()
                        .description(description)
                        .content("application/problem+json", problem())
                        .build();
                    answers.insert(status.to_owned(), answer.into());
                }
            }
            // The errors an annotation names carry the problem shape too.
            for response in operation.responses.responses.values_mut() {
                if let utoipa::openapi::RefOr::T(r) = response
                    && let Some(content) = r.content.get_mut("application/problem+json")
                    && content.schema.is_none()
                {
                    content.schema = Some(Ref::from_schema_name("Problem").into());
                }
            }
        }
    }
    doc
}

/// The API's routes with their description.
fn described() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, doc) = OpenApiRouter::with_openapi(Description::openapi())
        .routes(routes!(me::me))
        .routes(routes!(requests::list, requests::create))
        .routes(routes!(filing::replacement))
        .routes(routes!(filing::warranty_extension))
        .routes(routes!(requests::get))
        .routes(routes!(requests::add_message))
        .routes(routes!(requests::change_state))
        .routes(routes!(requests::assign))
        .routes(routes!(plants::list, plants::create))
        .routes(routes!(plants::get, plants::update))
        .routes(routes!(devices::register))
        .routes(routes!(plants::device, devices::update))
        .routes(routes!(plants::by_serial))
        .routes(routes!(catalog::search))
        .split_for_parts();
    (router, with_common_problems(doc))
}

/// The OpenAPI 3.1 description of every API route, with the server's address,
/// generated once.
pub fn openapi() -> &'static utoipa::openapi::OpenApi {
    &described_once().0
}

/// The description as JSON (`/api/v1/openapi.json`, the reference page).
pub fn openapi_json_value() -> &'static serde_json::Value {
    &described_once().1
}

/// The description, its JSON and its text, made at the first use.
fn described_once() -> &'static (utoipa::openapi::OpenApi, serde_json::Value, String) {
    static DOC: OnceLock<(utoipa::openapi::OpenApi, serde_json::Value, String)> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, mut doc) = described();
        doc.servers = Some(vec![utoipa::openapi::Server::new(PREFIX)]);
        let value = serde_json::to_value(&doc).unwrap_or_default();
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        (doc, value, text)
    })
}

/// `GET /api/v1/openapi.json`: the description, generated once.
async fn openapi_json() -> Response {
    let json = &described_once().2;
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        json.as_str(),
    )
        .into_response()
}

/// Every (method, path) the API answers, as its description lists them, with the
/// prefix (the authorization tests go through each).
pub fn route_table() -> Vec<(String, String)> {
    let doc = openapi();
    let mut out = Vec::new();
    for (path, item) in &doc.paths.paths {
        let methods = [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("PATCH", item.patch.is_some()),
            ("DELETE", item.delete.is_some()),
        ];
        for (method, present) in methods {
            if present {
                out.push((method.to_owned(), format!("{PREFIX}{path}")));
            }
        }
    }
    out
}

/// The API's router, to nest at [`PREFIX`]: the described routes, the description
/// itself, problem details for every error and for paths it does not know.
pub fn router(state: AppState) -> Router<AppState> {
    let (routes, _) = described();
    let limit = body::limit(state.config.uploads.max_document_mb);
    routes
        .layer(axum::extract::DefaultBodyLimit::max(limit))
        .route("/openapi.json", axum::routing::get(openapi_json))
        .fallback(|| async { ApiError::NotFound })
        .layer(axum::middleware::from_fn_with_state(state, problem::render))
}
