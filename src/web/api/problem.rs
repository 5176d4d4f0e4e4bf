//! The API's errors as RFC 9457 `application/problem+json`, translated by the request's
//! `Accept-Language`: a handler or extractor answers an [`ApiError`]; [`render`], a layer
//! of the API's router, writes its body in the caller's language. The framework's own
//! refusals (a malformed JSON body, a method the route lacks, a body too large) and
//! unknown API paths get a problem body too, never an HTML page.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::app::AppState;
use crate::error::AppError;
use crate::i18n::{Lang, Translator, negotiate};
use crate::service::Failure;
use crate::views::components::Errors;
use crate::web::middleware::PlainAnswer;

/// What the API refuses or fails with.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// No token, or one that is malformed, unknown, expired, revoked, or whose account
    /// cannot log in.
    Unauthorized,
    /// The token lacks the scope the request needs (`read` or `write`).
    MissingScope(&'static str),
    /// The caller may see this but not do that (the service team registering a plant,
    /// a person filing a replacement request the pages do not offer them).
    Forbidden,
    /// Nothing the caller may see is there.
    NotFound,
    /// The body is not JSON of the shape the route reads.
    Unreadable,
    /// The body is not sent as `application/json`.
    NotJson,
    /// The body is larger than the API reads.
    TooLarge,
    /// The input contradicts what is stored (a serial already taken); the message id.
    Conflict(&'static str),
    /// The input has field errors.
    Invalid(Errors),
    /// The token made more requests this minute than `api.requests_per_minute`; retry
    /// after this many seconds.
    TooMany(u64),
    /// The store refuses writes for now (the disk is nearly full).
    Unavailable,
    /// Something failed on our side; the detail goes to the log, never to the caller.
    Internal(String),
}

impl ApiError {
    /// The field errors of a form's check, named as the API's body names the fields
    /// (`names`: the form's name, the API's).
    pub fn fields_as(errors: Errors, names: &[(&'static str, &'static str)]) -> Self {
        let mut out = Errors::new();
        for (field, code) in errors.iter() {
            let name = names
                .iter()
                .find(|(form, _)| *form == field)
                .map_or(field, |(_, api)| *api);
            out.add(name, code);
        }
        ApiError::Invalid(out)
    }
}

impl From<Failure> for ApiError {
    fn from(failure: Failure) -> Self {
        match AppError::from(failure) {
            AppError::Unavailable(_) => ApiError::Unavailable,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(error: crate::store::StoreError) -> Self {
        Failure::from(error).into()
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::NotFound => ApiError::NotFound,
            AppError::Unavailable(_) => ApiError::Unavailable,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::MissingScope(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unreadable => StatusCode::BAD_REQUEST,
            ApiError::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    /// The status and its headers; the body is written by [`render`], which knows the
    /// caller's language.
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        match &self {
            ApiError::Unauthorized => {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"osc\""),
                );
            }
            ApiError::TooMany(secs) => retry_after(&mut response, *secs),
            ApiError::Unavailable => retry_after(&mut response, 60),
            ApiError::Internal(detail) => tracing::error!(error = %detail, "API request failed"),
            _ => {}
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// Says when to try again.
fn retry_after(response: &mut Response, secs: u64) {
    if let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
}

/// A field's error as the problem lists it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The field, as the request named it.
    field: &'static str,
    /// A stable code for programs.
    code: &'static str,
    /// The message, in the caller's language.
    message: String,
}

/// An RFC 9457 problem, in the language of `Accept-Language`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    r#type: &'static str,
    /// The status in words.
    title: String,
    /// The HTTP status.
    status: u16,
    /// What went wrong and what to do.
    detail: String,
    /// For invalid input: each field's error.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

/// The message ids of a status's title and of its usual detail.
fn words(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("api-problem-400", "api-problem-400-detail"),
        401 => ("api-problem-401", "api-problem-401-detail"),
        403 => ("api-problem-403", "api-problem-403-detail"),
        404 => ("api-problem-404", "api-problem-404-detail"),
        405 => ("api-problem-405", "api-problem-405-detail"),
        408 => ("api-problem-408", "api-problem-408-detail"),
        409 => ("api-problem-409", "api-problem-409-detail"),
        413 => ("api-problem-413", "api-problem-413-detail"),
        415 => ("api-problem-415", "api-problem-415-detail"),
        422 => ("api-problem-422", "api-problem-422-detail"),
        429 => ("api-problem-429", "api-problem-429-detail"),
        503 => ("api-problem-503", "api-problem-503-detail"),
        s if s >= 500 => ("api-problem-500", "api-problem-500-detail"),
        _ => ("api-problem-400", "api-problem-400-detail"),
    }
}

fn problem_of(
    error: Option<&ApiError>,
    status: StatusCode,
    i18n: &Translator,
    lang: Lang,
) -> Problem {
    let (title, detail) = words(status);
    let mut problem = Problem {
        r#type: "about:blank",
        title: i18n.t(lang, title),
        status: status.as_u16(),
        detail: i18n.t(lang, detail),
        errors: Vec::new(),
    };
    match error {
        Some(ApiError::MissingScope(scope)) => {
            problem.detail = i18n.t_args(
                lang,
                "api-problem-403-scope",
                &crate::i18n::args(&[("scope", scope)]),
            );
        }
        Some(ApiError::Conflict(message)) => problem.detail = i18n.t(lang, message),
        Some(ApiError::Invalid(errors)) => {
            problem.errors = errors
                .iter()
                .map(|(field, code)| FieldProblem {
                    field,
                    code,
                    message: i18n.t(lang, code),
                })
                .collect();
        }
        _ => {}
    }
    problem
}

/// Writes the problem body of every error answer of the API, in the language the
/// caller's `Accept-Language` prefers.
pub async fn render(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = negotiate(
        None,
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
        state.config.i18n.default_language,
    );
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let error = response.extensions().get::<ApiError>().cloned();
    let problem = problem_of(error.as_ref(), status, &state.i18n, lang);
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    parts.headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    parts.extensions.insert(PlainAnswer);
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    Response::from_parts(parts, axum::body::Body::from(body))
}
