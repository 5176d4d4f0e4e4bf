//! Service requests in the API: Ticket Tracking's list (its filters, the search query
//! `q`, pages by cursor) and one request with its thread and history, each exactly as the
//! same person sees them in the pages (another company's request answers 404).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::body::Body;
use super::caller::ApiCaller;
use super::problem::ApiError;
use crate::access as policy;
use crate::app::AppState;
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::service::tracking::{self, ListQuery};
use crate::service::{requests, ticket_thread};
use crate::store::ticket_list::{Cursor, TicketRow};
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::format::rfc3339;

/// The list's filters, order and place.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// Search: a ticket number, a serial number (or its start), names and words. A
    /// search returns its best 100 hits on one page.
    pub q: String,
    /// `open` or `closed`; all when empty.
    pub state: String,
    /// `contact`, `replacement`, `warranty` or `info-sheet`; all when empty.
    pub kind: String,
    /// `updated` (newest first, the default), `number` or `status`.
    pub sort: String,
    /// The `next_cursor` of the previous page.
    pub cursor: String,
    /// Requests per page, 1 to 100 (50 when empty).
    pub limit: String,
}

impl RequestQuery {
    /// The list query of the page, and the page size; field errors for values the
    /// pages never send.
    fn checked(&self) -> Result<(ListQuery, usize), Errors> {
        let mut e = Errors::new();
        if !matches!(self.state.as_str(), "" | "open" | "closed") {
            e.add("state", "field-choose");
        }
        if !self.kind.is_empty() && TicketKind::from_slug(&self.kind).is_none() {
            e.add("kind", "field-choose");
        }
        if !matches!(self.sort.as_str(), "" | "updated" | "number" | "status") {
            e.add("sort", "field-choose");
        }
        if !self.cursor.is_empty() && Cursor::parse(&self.cursor).is_none() {
            e.add("cursor", "api-cursor-invalid");
        }
        let limit = match self.limit.as_str() {
            "" => Some(tracking::PAGE_SIZE),
            l => l.parse::<usize>().ok().filter(|n| (1..=100).contains(n)),
        };
        if limit.is_none() {
            e.add("limit", "api-limit-invalid");
        }
        if self.q.chars().count() > 200 {
            e.add("q", "field-too-long");
        }
        e.finish(|| {
            Some((
                ListQuery {
                    q: self.q.clone(),
                    state: self.state.clone(),
                    kind: self.kind.clone(),
                    sort: self.sort.clone(),
                    after: self.cursor.clone(),
                    ..ListQuery::default()
                },
                limit?,
            ))
        })
    }
}

/// A request as a list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestSummary {
    pub id: u64,
    /// `2026-000123`
    pub number: String,
    /// `contact`, `replacement`, `warranty` or `info-sheet`.
    pub kind: &'static str,
    /// `new`, `submitted`, `in-progress`, `in-review`, `waiting`, `approved`,
    /// `rejected`, `shipped`, `awaiting-return` or `closed`.
    pub state: &'static str,
    pub open: bool,
    pub subject: String,
    pub requester_name: String,
    /// The serial number of the device it is about.
    pub serial: Option<u32>,
    /// Its last change (RFC 3339).
    pub updated_at: String,
}

impl RequestSummary {
    fn of(row: &TicketRow) -> Self {
        RequestSummary {
            id: row.id,
            number: row.number.clone(),
            kind: row.kind.slug(),
            state: row.status.slug(),
            open: row.status.is_open(),
            subject: row.subject.clone(),
            requester_name: row.requester_name.clone(),
            serial: row.serial,
            updated_at: rfc3339(row.updated_at),
        }
    }
}

/// One page of requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestList {
    pub items: Vec<RequestSummary>,
    /// Pass as `cursor` for the next page; absent on the last page (and for a search).
    pub next_cursor: Option<String>,
}

/// A file attached to a message.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentOut {
    /// Its number within the request.
    pub no: u32,
    pub name: String,
    pub size: u64,
    pub content_type: String,
}

/// A message of a request's thread.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageOut {
    pub at: String,
    pub author_name: String,
    /// Written by the service team.
    pub from_staff: bool,
    /// An internal note of the service team (only the service team sees them).
    pub internal: bool,
    pub text: String,
    pub attachments: Vec<AttachmentOut>,
}

/// A change of state.
#[derive(Debug, Serialize, ToSchema)]
pub struct StateChangeOut {
    pub at: String,
    /// Who, by name.
    pub by: String,
    /// The state before; absent for the first.
    pub from: Option<&'static str>,
    pub to: &'static str,
}

/// A request with its thread and history.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestDetail {
    #[serde(flatten)]
    pub summary: RequestSummary,
    /// The contact topic, for contact requests.
    pub topic: Option<String>,
    /// The plant it is about.
    pub plant_id: Option<u64>,
    pub created_at: String,
    pub messages: Vec<MessageOut>,
    pub history: Vec<StateChangeOut>,
}

fn state_name(s: TicketStatus) -> &'static str {
    s.slug()
}

impl RequestDetail {
    /// `t` as `staff` (the service team) or a customer sees it.
    pub(super) fn of(t: &Ticket, staff: bool) -> Self {
        RequestDetail {
            summary: RequestSummary::of(&TicketRow::of(t)),
            topic: t.topic.clone(),
            plant_id: t.plant,
            created_at: rfc3339(t.created_at),
            messages: t
                .messages
                .iter()
                .filter(|m| staff || !m.internal)
                .map(|m| MessageOut {
                    at: rfc3339(m.at),
                    author_name: m.author_name.clone(),
                    from_staff: m.from_staff,
                    internal: m.internal,
                    text: m.text.clone(),
                    attachments: m
                        .attachments
                        .iter()
                        .map(|a| AttachmentOut {
                            no: a.no,
                            name: a.name.clone(),
                            size: a.size,
                            content_type: a.content_type.clone(),
                        })
                        .collect(),
                })
                .collect(),
            history: t
                .history
                .iter()
                .map(|h| StateChangeOut {
                    at: rfc3339(h.at),
                    by: h.by.clone(),
                    from: h.from.map(state_name),
                    to: state_name(h.to),
                })
                .collect(),
        }
    }
}

/// The request `id` if `actor` may see it (404 otherwise, as in the pages).
fn visible(state: &AppState, actor: &crate::access::Actor, id: u64) -> Result<Ticket, ApiError> {
    state
        .store
        .tickets()
        .visible(actor, id)?
        .ok_or(ApiError::NotFound)
}

/// The requests the token's owner sees in Ticket Tracking.
#[utoipa::path(
    get,
    path = "/requests",
    operation_id = "list_requests",
    tag = "requests",
    params(RequestQuery),
    security(("token" = ["read"])),
    responses(
        (status = 200, description = "One page of requests", body = RequestList),
        (status = 422, description = "A filter, cursor or limit that is not valid", content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller, _): ApiCaller,
    Query(q): Query<RequestQuery>,
) -> Result<Json<RequestList>, ApiError> {
    let (query, size) = q.checked().map_err(ApiError::Invalid)?;
    let listing = tracking::list(&state.core, &state.search, &caller.actor, &query, size)?;
    Ok(Json(RequestList {
        items: listing.rows.iter().map(RequestSummary::of).collect(),
        next_cursor: listing.page.next.map(|c| c.to_string()),
    }))
}

/// One request with its thread and its history.
#[utoipa::path(
    get,
    path = "/requests/{id}",
    operation_id = "get_request",
    tag = "requests",
    params(("id" = u64, Path, description = "The request's id")),
    security(("token" = ["read"])),
    responses(
        (status = 200, description = "The request", body = RequestDetail),
        (status = 404, description = "No such request that the token may see", content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiCaller(caller, _): ApiCaller,
    Path(id): Path<u64>,
) -> Result<Json<RequestDetail>, ApiError> {
    let t = visible(&state, &caller.actor, id)?;
    let staff = policy::can_handle_tickets(&caller.actor);
    Ok(Json(RequestDetail::of(&t, staff)))
}

/// A contact request to file.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NewContactIn {
    /// `general`, `technical`, `login`, `account` or `other`.
    pub topic: String,
    /// The serial number of the device it is about (required for `technical`).
    pub serial: String,
    /// What the request is about (the first line becomes its subject).
    pub message: String,
}

/// Files a contact request in the token owner's name, as the contact form does: they
/// get its confirmation by e-mail; a serial of one of their devices ties it to the
/// device and its plant.
#[utoipa::path(
    post,
    path = "/requests",
    operation_id = "create_request",
    tag = "requests",
    request_body = NewContactIn,
    security(("token" = ["write"])),
    responses(
        (status = 201, description = "The request as filed; its address in Location", body = RequestDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 422, description = "Field errors, as the contact form shows them", content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    api: ApiCaller,
    Body(body): Body<NewContactIn>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let who = api.acting();
    let form = crate::views::tickets::ContactForm {
        topic: body.topic,
        serial: body.serial,
        message: body.message,
        ..Default::default()
    };
    let filer = requests::Filer {
        signed_in: Some((who.user, who.actor)),
        lang: who.user.language,
    };
    let new = requests::NewContact::check(&form, &filer).map_err(ApiError::Invalid)?;
    let t = requests::contact_by_token(&state.core, &who, new)?;
    let staff = policy::can_handle_tickets(who.actor);
    let location = format!("{}/requests/{}", super::PREFIX, t.id);
    Ok((
        axum::http::StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(RequestDetail::of(&t, staff)),
    )
        .into_response())
}

/// A message to add to a request's thread.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NewMessageIn {
    /// The text.
    pub message: String,
    /// For the service team: an internal note, which no customer sees and nobody is
    /// e-mailed about.
    pub internal: bool,
    /// Files to attach (at most 5, each within `uploads.max_document_mb`; PDF, images,
    /// Office documents, text), as the page's form takes them.
    pub files: Vec<super::files::FileIn>,
}

/// Adds a message to the thread, as the request's page does: the requester or their
/// company's administrator writes to the service team; the service team answers (the
/// requester is e-mailed) or notes.
#[utoipa::path(
    post,
    path = "/requests/{id}/messages",
    operation_id = "add_message",
    tag = "requests",
    params(("id" = u64, Path, description = "The request's id")),
    request_body = NewMessageIn,
    security(("token" = ["write"])),
    responses(
        (status = 201, description = "The request with the new message", body = RequestDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such request that the token may see", content_type = "application/problem+json"),
        (status = 422, description = "Field errors", content_type = "application/problem+json"),
    )
)]
pub async fn add_message(
    State(state): State<AppState>,
    api: ApiCaller,
    Path(id): Path<u64>,
    Body(body): Body<NewMessageIn>,
) -> Result<(axum::http::StatusCode, Json<RequestDetail>), ApiError> {
    let who = api.acting();
    let t = visible(&state, who.actor, id)?;
    let staff = policy::can_handle_tickets(who.actor);
    let form = crate::views::ticket_page::MessageForm {
        message: body.message,
        internal: if body.internal { "on" } else { "" }.into(),
        ..Default::default()
    };
    let limit = state.config.uploads.max_document_mb * 1024 * 1024;
    let files = if body.files.len() > crate::views::ticket_page::MAX_FILES {
        Err("upload-too-many")
    } else {
        super::files::uploads(&body.files, limit)
    };
    let new = ticket_thread::NewMessage::check(&form, files, staff)
        .map_err(|e| ApiError::fields_as(e, &[("file", "files")]))?;
    let t = ticket_thread::add_message(&state.core, &who, &t, new)?.ok_or(ApiError::NotFound)?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(RequestDetail::of(&t, staff)),
    ))
}

/// A change of state, for the service team.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct StateChangeIn {
    /// The new state (one the request's kind allows from where it is).
    pub to: String,
    /// Approving a replacement: the return authorisation number.
    pub rma: String,
    /// Shipping a replacement: the carrier's tracking number.
    pub tracking: String,
    /// Shipping a replacement: the new device's serial number.
    pub new_serial: String,
}

/// The visible request `id` for a member of the service team; 404 for anyone else, as
/// the service desk's forms are for them.
fn for_the_desk(
    state: &AppState,
    who: &crate::service::Acting<'_>,
    id: u64,
) -> Result<Ticket, ApiError> {
    if !policy::can_handle_tickets(who.actor) {
        return Err(ApiError::NotFound);
    }
    visible(state, who.actor, id)
}

/// Moves a request on, for the service team, as the request's page does: the requester
/// is e-mailed; a shipped replacement's serial goes to the device record.
#[utoipa::path(
    post,
    path = "/requests/{id}/state",
    operation_id = "change_request_state",
    tag = "requests",
    params(("id" = u64, Path, description = "The request's id")),
    request_body = StateChangeIn,
    security(("token" = ["write"])),
    responses(
        (status = 200, description = "The request in its new state", body = RequestDetail),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such request, or the token is not the service team's", content_type = "application/problem+json"),
        (status = 409, description = "Moved meanwhile, or the new serial is registered already", content_type = "application/problem+json"),
        (status = 422, description = "A state not allowed from here, or what it needs missing", content_type = "application/problem+json"),
    )
)]
pub async fn change_state(
    State(state): State<AppState>,
    api: ApiCaller,
    Path(id): Path<u64>,
    Body(body): Body<StateChangeIn>,
) -> Result<Json<RequestDetail>, ApiError> {
    let who = api.acting();
    let t = for_the_desk(&state, &who, id)?;
    let form = crate::views::ticket_page::StatusForm {
        to: body.to,
        rma: body.rma,
        tracking: body.tracking,
        new_serial: body.new_serial,
    };
    let change = ticket_thread::StatusChange::check(&form, &t).map_err(ApiError::Invalid)?;
    match ticket_thread::change_status(&state.core, &who, &t, change)? {
        ticket_thread::StatusChanged::Moved(t) => Ok(Json(RequestDetail::of(&t, true))),
        ticket_thread::StatusChanged::Gone => Err(ApiError::NotFound),
        ticket_thread::StatusChanged::TransitionRefused => {
            Err(ApiError::Conflict("ticket-transition-refused"))
        }
        ticket_thread::StatusChanged::SerialTaken => Err(ApiError::Conflict("device-serial-taken")),
    }
}

/// Who takes a request.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AssigneeIn {
    /// `me`, `none`, or the account id of a member of the service team.
    pub to: String,
}

/// Gives a request to a member of the service team (or to nobody), for the service team.
#[utoipa::path(
    post,
    path = "/requests/{id}/assignee",
    operation_id = "assign_request",
    tag = "requests",
    params(("id" = u64, Path, description = "The request's id")),
    request_body = AssigneeIn,
    security(("token" = ["write"])),
    responses(
        (status = 204, description = "Assigned"),
        (status = 400, description = "A body that is not JSON of this shape", content_type = "application/problem+json"),
        (status = 404, description = "No such request, or the token is not the service team's", content_type = "application/problem+json"),
        (status = 422, description = "Not an active member of the service team", content_type = "application/problem+json"),
    )
)]
pub async fn assign(
    State(state): State<AppState>,
    api: ApiCaller,
    Path(id): Path<u64>,
    Body(body): Body<AssigneeIn>,
) -> Result<axum::http::StatusCode, ApiError> {
    let who = api.acting();
    let t = for_the_desk(&state, &who, id)?;
    let mut invalid = Errors::new();
    invalid.add("to", "api-assignee-invalid");
    let to = crate::service::desk::Assignee::parse(body.to.trim())
        .ok_or_else(|| ApiError::Invalid(invalid.clone()))?;
    match crate::service::desk::assign(&state.core, &who, &t, to)? {
        true => Ok(axum::http::StatusCode::NO_CONTENT),
        false => Err(ApiError::Invalid(invalid)),
    }
}
