//! The service team's saved replies: a title, the text in each language with its
//! placeholders (`{name}`, `{number}`, `{serial}`, `{rma}`, `{tracking}`), and the state
//! a request may be moved to when the reply is sent. Shared by the whole team.

use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, tables};
use crate::domain::ticket::TicketStatus;
use crate::i18n::Lang;

/// A saved reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedReply {
    /// What the team picks it by.
    pub title: String,
    /// The text in every language, with placeholders.
    pub texts: Vec<(Lang, String)>,
    /// The state the request is moved to with the reply, if any.
    pub then: Option<TicketStatus>,
    /// Who changed it last, and when.
    pub updated_by: u64,
    pub updated_at: u64,
}

impl SavedReply {
    /// The text in `lang` (the first one kept when there is none in it).
    pub fn text(&self, lang: Lang) -> &str {
        self.texts
            .iter()
            .find(|(l, _)| *l == lang)
            .or(self.texts.first())
            .map_or("", |(_, t)| t.as_str())
    }
}

/// The saved replies.
pub trait SavedReplies: Send + Sync {
    /// Every saved reply, by title.
    fn list(&self) -> Result<Vec<(u64, SavedReply)>, StoreError>;
    /// One.
    fn get(&self, id: u64) -> Result<Option<SavedReply>, StoreError>;
    /// Keeps a new one; its id.
    fn create(&self, reply: &SavedReply) -> Result<u64, StoreError>;
    /// Saves a changed one; `false` when there is none with that id.
    fn update(&self, id: u64, reply: &SavedReply) -> Result<bool, StoreError>;
    /// Deletes one; `false` when there is none with that id.
    fn delete(&self, id: u64) -> Result<bool, StoreError>;
}

impl SavedReplies for Store {
    fn list(&self) -> Result<Vec<(u64, SavedReply)>, StoreError> {
        let txn = self.read()?;
        let table = txn.open_table(tables::SAVED_REPLIES.def())?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (id, bytes) = row?;
            out.push((id.value(), tables::SAVED_REPLIES.decode(bytes.value())?));
        }
        out.sort_by_cached_key(|(_, r)| r.title.to_lowercase());
        Ok(out)
    }

    fn get(&self, id: u64) -> Result<Option<SavedReply>, StoreError> {
        tables::SAVED_REPLIES.get(&self.read()?, id)
    }

    fn create(&self, reply: &SavedReply) -> Result<u64, StoreError> {
        let txn = self.write()?;
        let id = tables::SAVED_REPLIES.next_id_in(&txn)?;
        tables::SAVED_REPLIES.put_in(&txn, id, reply)?;
        txn.commit()?;
        Ok(id)
    }

    fn update(&self, id: u64, reply: &SavedReply) -> Result<bool, StoreError> {
        let txn = self.write()?;
        if tables::SAVED_REPLIES.get(&txn, id)?.is_none() {
            return Ok(false);
        }
        tables::SAVED_REPLIES.put_in(&txn, id, reply)?;
        txn.commit()?;
        Ok(true)
    }

    fn delete(&self, id: u64) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let gone = txn
            .open_table(tables::SAVED_REPLIES.def())?
            .remove(id)?
            .is_some();
        txn.commit()?;
        Ok(gone)
    }
}
