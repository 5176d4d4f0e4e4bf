//! Forms sent as `multipart/form-data` (the ones that carry a file): their text fields
//! become the same typed form a `CsrfForm` would give, their files are kept with the
//! name the browser sent, and a body over the upload limit becomes a field error
//! rather than a failed request. The CSRF token is checked like every other form's.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::auth::csrf::{self, CsrfSeed};
use crate::domain::upload;
use crate::error::{AppError, Result};
use crate::store::tickets::Upload;

/// A file as the browser sent it.
#[derive(Debug, Clone)]
pub struct FilePart {
    /// The form field it came in.
    pub field: String,
    /// The file name the browser gave (not made safe yet).
    pub name: String,
    pub data: Vec<u8>,
}

/// A multipart form, read whole.
#[derive(Debug, Default)]
pub struct MultipartForm {
    fields: Vec<(String, String)>,
    /// The files, in the order they came (empty file inputs left out).
    pub files: Vec<FilePart>,
    /// The body went over the upload limit; what came before it is kept.
    pub too_large: bool,
}

impl MultipartForm {
    /// Reads every part of a request's body, then checks the CSRF token (refused with 403
    /// like any form). Handlers take the raw request and call this after their own checks,
    /// so a ticket one may not see is a 404 whatever the body.
    pub async fn read(request: Request, seed: &CsrfSeed) -> Result<Self> {
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let mut form = Self::default();
        loop {
            let mut field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    form.too_large = true;
                    break;
                }
                Err(e) => return Err(AppError::BadRequest(e.body_text())),
            };
            let name = field.name().unwrap_or("").to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let mut data = Vec::new();
            let mut failed = None;
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => data.extend_from_slice(&chunk),
                    Ok(None) => break,
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            if let Some(e) = failed {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    form.too_large = true;
                    break;
                }
                return Err(AppError::BadRequest(e.body_text()));
            }
            match file_name {
                Some(file_name) => {
                    if !file_name.is_empty() || !data.is_empty() {
                        form.files.push(FilePart {
                            field: name,
                            name: file_name,
                            data,
                        });
                    }
                }
                None => {
                    let text = String::from_utf8(data).map_err(|_| {
                        AppError::BadRequest("a form field is not UTF-8".to_owned())
                    })?;
                    form.fields.push((name, text));
                }
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

/// Checks files for a ticket like plant documents are checked (kind by content, size,
/// safe name); the message id of the first refusal otherwise.
pub fn checked_uploads<'a>(
    files: impl Iterator<Item = &'a FilePart>,
    limit: u64,
) -> std::result::Result<Vec<Upload>, &'static str> {
    let mut out = Vec::new();
    for file in files {
        if file.data.len() as u64 > limit {
            return Err("upload-too-large");
        }
        let name = upload::safe_name(&file.name);
        let kind = upload::detect(&name, &file.data)?;
        out.push(Upload {
            name,
            content_type: kind.content_type.to_owned(),
            data: file.data.clone(),
        });
    }
    Ok(out)
}
