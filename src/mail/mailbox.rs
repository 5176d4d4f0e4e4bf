//! Where incoming mail waits, whichever the configured source: the [`Maildir`] or the
//! [`ImapFolder`]. Both offer the same steps (what is waiting, its content, moved on once
//! processed, held aside, put back, a held one's content), so the reading of mail is
//! written once.

use std::io;

use super::imap::ImapFolder;
use super::maildir::{Maildir, Waiting};
use crate::config::{MailInConfig, MailInSource};

/// The headers of a message too large to read are looked at in its first this many bytes.
const HEAD: u64 = 64 * 1024;

/// The configured mailbox, opened.
#[derive(Debug)]
pub enum Mailbox {
    /// The Maildir (`mail_in.source = "maildir"`).
    Maildir(Maildir),
    /// The IMAP folder (`mail_in.source = "imap"`), logged in (its TLS session is large).
    Imap(Box<ImapFolder>),
}

impl Mailbox {
    /// Opens the configured source; `None` with `source = "off"`.
    pub async fn open(
        settings: &MailInConfig,
        data_dir: &std::path::Path,
    ) -> io::Result<Option<Self>> {
        Ok(match settings.source {
            MailInSource::Off => None,
            MailInSource::Maildir => Some(Self::Maildir(Maildir::open(
                &settings.maildir_in(data_dir),
                &settings.held_folder,
            )?)),
            MailInSource::Imap => Some(Self::Imap(Box::new(ImapFolder::open(settings).await?))),
        })
    }

    /// The messages waiting, oldest first.
    pub async fn waiting(&mut self) -> io::Result<Vec<Waiting>> {
        match self {
            Self::Maildir(m) => m.waiting(),
            Self::Imap(f) => f.waiting().await,
        }
    }

    /// A waiting message's content.
    pub async fn read(&mut self, w: &Waiting) -> io::Result<Vec<u8>> {
        match self {
            Self::Maildir(m) => m.read(w),
            Self::Imap(f) => f.read(w).await,
        }
    }

    /// At least the headers of a waiting message (for one too large to read whole).
    pub async fn head(&mut self, w: &Waiting) -> io::Result<Vec<u8>> {
        match self {
            Self::Maildir(m) => m.head(w, HEAD),
            Self::Imap(f) => f.head(w).await,
        }
    }

    /// Moves a processed message on.
    pub async fn done(&mut self, w: &Waiting) -> io::Result<()> {
        match self {
            Self::Maildir(m) => m.done(w),
            Self::Imap(f) => f.done(w).await,
        }
    }

    /// The name `w` will have once held, to be listed under before it is moved.
    pub async fn held_name(&mut self, w: &Waiting) -> io::Result<String> {
        match self {
            Self::Maildir(_) => Ok(w.name.clone()),
            Self::Imap(f) => f.held_name().await,
        }
    }

    /// Moves a message to the held folder.
    pub async fn hold(&mut self, w: &Waiting) -> io::Result<()> {
        match self {
            Self::Maildir(m) => m.hold(w).map(drop),
            Self::Imap(f) => f.hold(w).await,
        }
    }

    /// Puts held message `name` back to be read again; `false` when it is not held.
    pub async fn put_back(&mut self, name: &str) -> io::Result<bool> {
        match self {
            Self::Maildir(m) => m.put_back(name),
            Self::Imap(f) => f.put_back(name).await,
        }
    }

    /// Held message `name`'s content, if it is there.
    pub async fn held_content(&mut self, name: &str) -> io::Result<Option<Vec<u8>>> {
        match self {
            Self::Maildir(m) => m.held_content(name),
            Self::Imap(f) => f.held_content(name).await,
        }
    }

    /// Ends the connection, if there is one.
    pub async fn close(self) {
        if let Self::Imap(f) = self {
            (*f).close().await;
        }
    }
}
