//! Files sent to the API inside a JSON body (a message's attachments, a replacement's
//! proof of purchase): a name and the content in base64, checked exactly as the forms'
//! uploads are (kind by content and extension, size, a safe name).

use base64::Engine;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::domain::upload;
use crate::store::file_content::FileContent;
use crate::store::tickets::Upload;

/// A file.
#[derive(Debug, Default, Clone, Deserialize, ToSchema, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileIn {
    /// Its name, with the extension of its kind (`bericht.pdf`, `foto.jpg`).
    pub name: String,
    /// Its content, base64-encoded (RFC 4648, with padding).
    pub content_base64: String,
}

/// `files` as uploads, each at most `limit` bytes; the message id of the first refusal
/// otherwise (the forms' own).
pub fn uploads(files: &[FileIn], limit: u64) -> Result<Vec<Upload>, &'static str> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        // Four base64 characters carry three bytes: a body past the limit is refused
        // before it is decoded.
        if file.content_base64.len() as u64 / 4 * 3 > limit + 3 {
            return Err("upload-too-large");
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(file.content_base64.trim())
            .map_err(|_| "api-file-not-base64")?;
        if bytes.len() as u64 > limit {
            return Err("upload-too-large");
        }
        let name = upload::safe_name(&file.name);
        let kind = upload::detect(&name, &bytes)?;
        out.push(Upload {
            name,
            content_type: kind.content_type.to_owned(),
            content: FileContent::from_bytes(bytes),
        });
    }
    Ok(out)
}
