//! Plant documents: a file checked by its content and kept inside the store within the
//! plant's quota, and deleting one. Downloads are reads of the pages.

use crate::access as policy;
use crate::domain::upload::{self, Sniffer};
use crate::store::documents::{Document, StoreRefused};
use crate::store::file_content::FileContent;
use crate::store::plants::Plant;

use super::{Acting, Core, Failure};

/// Why a document was not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentRefused {
    /// Larger than `uploads.max_document_mb`, or the request was.
    TooLarge,
    /// No file was chosen.
    NoFile,
    /// Its content is not of a kind the portal keeps (message id).
    Kind(&'static str),
    /// The plant's documents would exceed `uploads.plant_quota_mb`.
    Quota,
}

impl DocumentRefused {
    /// The message id shown next to the file field.
    pub fn message(self) -> &'static str {
        match self {
            DocumentRefused::TooLarge => "upload-too-large",
            DocumentRefused::NoFile => "upload-no-file",
            DocumentRefused::Kind(message) => message,
            DocumentRefused::Quota => "upload-quota",
        }
    }
}

/// A file to keep, checked: a safe name and the type its content shows.
#[derive(Debug)]
pub struct NewDocument {
    pub name: String,
    pub content_type: &'static str,
    pub content: FileContent,
}

impl NewDocument {
    /// Checks the uploaded file (name as sent, content and what it showed of its kind),
    /// if any, against `limit` bytes; `too_large` when the request itself was cut off.
    pub fn check(
        file: Option<(String, FileContent, Sniffer)>,
        too_large: bool,
        limit: u64,
    ) -> Result<Self, DocumentRefused> {
        if too_large {
            return Err(DocumentRefused::TooLarge);
        }
        let (raw_name, content, sniffed) = file.ok_or(DocumentRefused::NoFile)?;
        if content.len() > limit {
            return Err(DocumentRefused::TooLarge);
        }
        let name = upload::safe_name(&raw_name);
        let kind = sniffed.kind(&name).map_err(DocumentRefused::Kind)?;
        Ok(Self {
            name,
            content_type: kind.content_type,
            content,
        })
    }
}

/// Stores the document with `plant`, which the caller may change, within its quota.
pub fn upload(
    core: &Core,
    who: &Acting,
    plant: &Plant,
    new: NewDocument,
) -> Result<Result<Document, DocumentRefused>, Failure> {
    let quota = core.config.uploads.plant_quota_mb * 1024 * 1024;
    let doc = Document {
        id: 0,
        plant_id: plant.id,
        name: new.name,
        size: 0,
        content_type: new.content_type.to_owned(),
        uploaded_by: who.user.id,
        uploaded_at: core.clock.now(),
        chunks: 0,
    };
    Ok(
        match core.store.documents().put(doc, &new.content, quota)? {
            Ok(doc) => {
                tracing::info!(
                    event = "document_uploaded",
                    user_id = who.user.id,
                    plant = plant.id,
                    document = doc.id,
                    size = doc.size,
                    "document uploaded"
                );
                Ok(doc)
            }
            Err(StoreRefused::Quota) => Err(DocumentRefused::Quota),
        },
    )
}

/// The document `id` with its plant and the plant's assignees, if the actor may see
/// the plant.
pub fn visible(
    core: &Core,
    who: &Acting,
    id: u64,
) -> Result<Option<(Document, Plant, Vec<u64>)>, Failure> {
    let Some(doc) = core.store.documents().get(id)? else {
        return Ok(None);
    };
    Ok(core
        .store
        .plants()
        .visible(who.actor, doc.plant_id)?
        .map(|(plant, assignees)| (doc, plant, assignees)))
}

/// The document `id` with its plant, if the actor may change the plant.
pub fn deletable(core: &Core, who: &Acting, id: u64) -> Result<Option<(Document, Plant)>, Failure> {
    Ok(visible(core, who, id)?
        .filter(|(_, plant, assignees)| {
            policy::can_edit_plant(who.actor, &plant.ownership(assignees))
        })
        .map(|(doc, plant, _)| (doc, plant)))
}

/// Deletes a document the caller may delete.
pub fn delete(core: &Core, who: &Acting, doc: &Document) -> Result<(), Failure> {
    core.store.documents().delete(doc)?;
    tracing::info!(
        event = "document_deleted",
        user_id = who.user.id,
        document = doc.id,
        "document deleted"
    );
    Ok(())
}
