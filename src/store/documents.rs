//! Plant documents (string plans, data sheets, photos …): metadata plus the file in
//! 256 KiB chunks, all inside the database, written in one transaction.

use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::file_content::FileContent;
use super::{Store, StoreError, tables};

/// Size of one stored chunk.
pub const CHUNK: usize = 256 * 1024;

/// A document's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Id.
    pub id: u64,
    /// The plant it belongs to.
    pub plant_id: u64,
    /// File name as uploaded, made safe (no path, no control or direction characters).
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Content type detected from the content.
    pub content_type: String,
    /// Who uploaded it.
    pub uploaded_by: u64,
    /// When.
    pub uploaded_at: u64,
    /// Number of chunks.
    pub chunks: u32,
}

/// Why an upload was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreRefused {
    /// The plant's quota would be exceeded.
    Quota,
}

/// The documents filed on plants, with their content and the company's quota.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Documents: Send + Sync {
    /// Stores a document if the plant stays within `quota` bytes.
    fn put(
        &self,
        doc: Document,
        content: &FileContent,
        quota: u64,
    ) -> Result<Result<Document, StoreRefused>, StoreError>;

    /// A document's metadata.
    fn get(&self, id: u64) -> Result<Option<Document>, StoreError>;

    /// A document's content.
    fn content(&self, doc: &Document) -> Result<Vec<u8>, StoreError>;

    /// A plant's documents, newest first.
    fn of_plant(&self, plant: u64) -> Result<Vec<Document>, StoreError>;

    /// Deletes a document and its content.
    fn delete(&self, doc: &Document) -> Result<(), StoreError>;
}

impl Documents for Store {
    fn put(
        &self,
        mut doc: Document,
        content: &FileContent,
        quota: u64,
    ) -> Result<Result<Document, StoreRefused>, StoreError> {
        let txn = self.write()?;
        let used: u64 = {
            let docs = txn.open_table(tables::DOCUMENTS.def())?;
            let mut used = 0;
            for row in txn
                .open_table(tables::PLANT_DOCUMENTS)?
                .range((doc.plant_id, 0)..=(doc.plant_id, u64::MAX))?
            {
                let id = row?.0.value().1;
                if let Some(b) = docs.get(id)? {
                    used += tables::DOCUMENTS.decode(b.value())?.size;
                }
            }
            used
        };
        if used + content.len() > quota {
            return Ok(Err(StoreRefused::Quota));
        }
        {
            doc.id = tables::DOCUMENTS.next_id_in(&txn)?;
            let mut docs = txn.open_table(tables::DOCUMENTS.def())?;
            doc.size = content.len();
            doc.chunks = u32::try_from(content.len().div_ceil(CHUNK as u64)).unwrap_or(u32::MAX);
            tables::DOCUMENTS.write(&mut docs, doc.id, &doc)?;
            let mut chunks = txn.open_table(tables::DOCUMENT_CHUNKS)?;
            let mut i = 0u32;
            content.for_each_chunk(CHUNK, |chunk| -> Result<(), StoreError> {
                chunks.insert((doc.id, i), chunk)?;
                i = i.saturating_add(1);
                Ok(())
            })?;
            txn.open_table(tables::PLANT_DOCUMENTS)?
                .insert((doc.plant_id, doc.id), ())?;
        }
        txn.commit()?;
        Ok(Ok(doc))
    }

    fn get(&self, id: u64) -> Result<Option<Document>, StoreError> {
        let txn = self.read()?;
        tables::DOCUMENTS.get(&txn, id)
    }

    fn content(&self, doc: &Document) -> Result<Vec<u8>, StoreError> {
        let txn = self.read()?;
        let chunks = txn.open_table(tables::DOCUMENT_CHUNKS)?;
        let mut out = Vec::with_capacity(usize::try_from(doc.size).unwrap_or(0));
        for row in chunks.range((doc.id, 0)..=(doc.id, u32::MAX))? {
            out.extend_from_slice(row?.1.value());
        }
        Ok(out)
    }

    fn of_plant(&self, plant: u64) -> Result<Vec<Document>, StoreError> {
        let txn = self.read()?;
        let docs = txn.open_table(tables::DOCUMENTS.def())?;
        let mut out = Vec::new();
        for row in txn
            .open_table(tables::PLANT_DOCUMENTS)?
            .range((plant, 0)..=(plant, u64::MAX))?
        {
            let id = row?.0.value().1;
            if let Some(b) = docs.get(id)? {
                out.push(tables::DOCUMENTS.decode(b.value())?);
            }
        }
        out.sort_by_key(|d| std::cmp::Reverse(d.uploaded_at));
        Ok(out)
    }

    fn delete(&self, doc: &Document) -> Result<(), StoreError> {
        let txn = self.write()?;
        txn.open_table(tables::DOCUMENTS.def())?.remove(doc.id)?;
        {
            let mut chunks = txn.open_table(tables::DOCUMENT_CHUNKS)?;
            for i in 0..doc.chunks {
                chunks.remove((doc.id, i))?;
            }
        }
        txn.open_table(tables::PLANT_DOCUMENTS)?
            .remove((doc.plant_id, doc.id))?;
        txn.commit()?;
        Ok(())
    }
}
