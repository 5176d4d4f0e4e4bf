//! Forms sent as `multipart/form-data` (the ones that carry a file): their text fields
//! become the same typed form a `CsrfForm` would give, their files are kept with the
//! name the browser sent, and a body over the upload limit becomes a field error
//! rather than a failed request. The CSRF token is checked like every other form's.
//!
//! A file is never in memory whole: its chunks go to a spool file in the data directory
//! as they arrive, and its kind is told from them on the way ([`upload::Sniffer`]). Only
//! `uploads.in_flight` such forms are read and handled at once; the others wait for a
//! turn with their bodies unread (TCP holds their senders back). The turn is taken after
//! the handler's own checks, so nobody without the right to upload can hold one.

use std::path::Path;

use tokio::sync::OwnedSemaphorePermit;

use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::app::AppState;
use crate::auth::csrf::{self, CsrfSeed};
use crate::domain::upload::{self, Sniffer};
use crate::error::{AppError, Result};
use crate::store::file_content::{FileContent, Spool};
use crate::store::tickets::Upload;

/// A file as the browser sent it.
#[derive(Debug, Clone)]
pub struct FilePart {
    /// The form field it came in.
    pub field: String,
    /// The file name the browser gave (not made safe yet).
    pub name: String,
    /// Its bytes, spooled.
    pub content: FileContent,
    /// What its bytes showed of its kind.
    pub sniffed: Sniffer,
}

/// A multipart form, read whole; it holds its upload turn until dropped.
#[derive(Debug)]
pub struct MultipartForm {
    fields: Vec<(String, String)>,
    /// The files, in the order they came (empty file inputs left out).
    pub files: Vec<FilePart>,
    /// The body went over the upload limit; what came before it is kept.
    pub too_large: bool,
    _turn: OwnedSemaphorePermit,
}

impl MultipartForm {
    /// Waits for an upload turn, reads every part of a request's body (files spooled in
    /// the data directory), then checks the CSRF token (refused with 403 like any form).
    /// Handlers take the raw request and call this after their own checks, so a ticket one
    /// may not see is a 404 whatever the body.
    pub async fn read(request: Request, seed: &CsrfSeed, state: &AppState) -> Result<Self> {
        let turn = state
            .uploads
            .clone()
            .acquire_owned()
            .await
            .map_err(AppError::internal)?;
        let data_dir = state.config.storage.data_dir.as_path();
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let mut form = Self {
            fields: Vec::new(),
            files: Vec::new(),
            too_large: false,
            _turn: turn,
        };
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    form.too_large = true;
                    break;
                }
                Err(e) => return Err(AppError::BadRequest(e.body_text())),
            };
            let name = field.name().unwrap_or("").to_owned();
            let read = match field.file_name().map(str::to_owned) {
                Some(file_name) => read_file(field, data_dir).await?.map(|(content, sniffed)| {
                    if !file_name.is_empty() || !content.is_empty() {
                        form.files.push(FilePart {
                            field: name,
                            name: file_name,
                            content,
                            sniffed,
                        });
                    }
                }),
                None => read_text(field)
                    .await?
                    .map(|text| form.fields.push((name, text))),
            };
            if let Err(TooLarge) = read {
                form.too_large = true;
                break;
            }
        }
        let token = form.text("csrf_token");
        // A body cut off by the limit may have lost its token with it; the refusal page
        // it leads to writes nothing, so only a token that arrived must be right.
        let checked = form.too_large && token.is_empty();
        if !checked && (seed.fresh || !csrf::verify(&seed.seed, &token)) {
            return Err(AppError::Forbidden);
        }
        Ok(form)
    }

    /// The value of a text field (the first one of that name), empty when missing.
    pub fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The text fields as a typed form (missing fields take their defaults).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        let encoded = serde_urlencoded::to_string(&self.fields).map_err(AppError::internal)?;
        serde_urlencoded::from_str(&encoded).map_err(|e| AppError::BadRequest(e.to_string()))
    }

    /// The files of a field.
    pub fn files_of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FilePart> + 'a {
        self.files.iter().filter(move |f| f.field == field)
    }
}

/// The body went over its limit while a part was read.
struct TooLarge;

/// What a part's body error means: over the limit, or a malformed request.
fn part_error(e: &MultipartError) -> Result<TooLarge> {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Ok(TooLarge)
    } else {
        Err(AppError::BadRequest(e.body_text()))
    }
}

/// A file part's bytes, spooled as they arrive and sniffed on the way.
async fn read_file(
    mut field: Field<'_>,
    data_dir: &Path,
) -> Result<std::result::Result<(FileContent, Sniffer), TooLarge>> {
    let mut spool = Spool::create(data_dir).map_err(AppError::internal)?;
    let mut sniffed = Sniffer::default();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                sniffed.feed(&chunk);
                spool.write(&chunk).map_err(AppError::internal)?;
            }
            Ok(None) => break,
            Err(e) => return part_error(&e).map(Err),
        }
    }
    let content = spool.finish().map_err(AppError::internal)?;
    Ok(Ok((content, sniffed)))
}

/// A text part, whole (the body limit bounds it).
async fn read_text(mut field: Field<'_>) -> Result<std::result::Result<String, TooLarge>> {
    let mut data = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => data.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(e) => return part_error(&e).map(Err),
        }
    }
    String::from_utf8(data)
        .map(Ok)
        .map_err(|_| AppError::BadRequest("a form field is not UTF-8".to_owned()))
}

/// Checks files for a ticket like plant documents are checked (kind by content, size,
/// safe name); the message id of the first refusal otherwise.
pub fn checked_uploads<'a>(
    files: impl Iterator<Item = &'a FilePart>,
    limit: u64,
) -> std::result::Result<Vec<Upload>, &'static str> {
    let mut out = Vec::new();
    for file in files {
        if file.content.len() > limit {
            return Err("upload-too-large");
        }
        let name = upload::safe_name(&file.name);
        let kind = file.sniffed.kind(&name)?;
        out.push(Upload {
            name,
            content_type: kind.content_type.to_owned(),
            content: file.content.clone(),
        });
    }
    Ok(out)
}
