//! The Maildir incoming mail is read from: a local mail server delivers each message as
//! a file into `tmp/` and moves it into `new/`; a processed message moves on to `cur/`
//! (flagged seen), a held one to the held folder (`.Held/cur/`), from where a retry puts
//! it back into `new/`. A message is only moved after its effect is durable, so a crash
//! leaves it in `new/` to be processed again (its Message-ID then says it was).

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A Maildir with its held folder.
#[derive(Debug, Clone)]
pub struct Maildir {
    root: PathBuf,
    held: PathBuf,
}

/// A message waiting in `new/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// Its file name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Whether it was written in the last moments (it may still be being copied in).
    pub fresh: bool,
}

/// A message younger than this may still be being written by a program that does not
/// deliver through `tmp/`.
const FRESH: Duration = Duration::from_secs(2);

/// A file name fit to stand for a message (no path separator, not hidden).
fn plain_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\'])
}

impl Maildir {
    /// The Maildir at `root` with its held folder `.{held}`, both created if missing.
    pub fn open(root: &Path, held: &str) -> io::Result<Self> {
        let held = root.join(format!(".{held}"));
        for dir in [root, held.as_path()] {
            for sub in ["new", "cur", "tmp"] {
                std::fs::create_dir_all(dir.join(sub))?;
            }
        }
        Ok(Self {
            root: root.to_owned(),
            held,
        })
    }

    /// The messages waiting in `new/`, oldest delivery first (Maildir names start with
    /// the delivery time).
    pub fn waiting(&self) -> io::Result<Vec<Waiting>> {
        let now = SystemTime::now();
        let mut out = Vec::new();
        for entry in std::fs::read_dir(self.root.join("new"))? {
            let entry = entry?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let meta = entry.metadata()?;
            if !meta.is_file() || !plain_name(&name) {
                continue;
            }
            let fresh = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_none_or(|age| age < FRESH);
            out.push(Waiting {
                name,
                size: meta.len(),
                fresh,
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The content of a waiting message.
    pub fn read(&self, w: &Waiting) -> io::Result<Vec<u8>> {
        std::fs::read(self.root.join("new").join(&w.name))
    }

    /// The first `limit` bytes of a waiting message (its headers, for one too large).
    pub fn head(&self, w: &Waiting, limit: u64) -> io::Result<Vec<u8>> {
        use std::io::Read;
        let mut head = Vec::new();
        std::fs::File::open(self.root.join("new").join(&w.name))?
            .take(limit)
            .read_to_end(&mut head)?;
        Ok(head)
    }

    /// Moves a processed message to `cur/`, flagged seen.
    pub fn done(&self, w: &Waiting) -> io::Result<()> {
        let base = w.name.split(":2,").next().unwrap_or(&w.name);
        std::fs::rename(
            self.root.join("new").join(&w.name),
            self.root.join("cur").join(format!("{base}:2,S")),
        )
    }

    /// Moves a message to the held folder; its name there.
    pub fn hold(&self, w: &Waiting) -> io::Result<String> {
        std::fs::rename(
            self.root.join("new").join(&w.name),
            self.held.join("cur").join(&w.name),
        )?;
        Ok(w.name.clone())
    }

    /// Puts held message `name` back into `new/` for another attempt; `false` when it is
    /// no longer in the held folder.
    pub fn put_back(&self, name: &str) -> io::Result<bool> {
        if !plain_name(name) {
            return Ok(false);
        }
        match std::fs::rename(
            self.held.join("cur").join(name),
            self.root.join("new").join(name),
        ) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The content of held message `name`, if it is there.
    pub fn held_content(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        if !plain_name(name) {
            return Ok(None);
        }
        match std::fs::read(self.held.join("cur").join(name)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_move_from_new_to_cur_or_held_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let maildir = Maildir::open(dir.path(), "Held").unwrap();
        std::fs::write(dir.path().join("new/1.a.host"), b"one").unwrap();
        std::fs::write(dir.path().join("new/2.b.host"), b"two").unwrap();
        std::fs::write(dir.path().join("new/.hidden"), b"x").unwrap();
        let waiting = maildir.waiting().unwrap();
        assert_eq!(
            waiting.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(),
            ["1.a.host", "2.b.host"]
        );
        assert!(waiting[0].fresh);
        assert_eq!(maildir.read(&waiting[0]).unwrap(), b"one");
        maildir.done(&waiting[0]).unwrap();
        assert!(dir.path().join("cur/1.a.host:2,S").exists());
        assert_eq!(maildir.hold(&waiting[1]).unwrap(), "2.b.host");
        assert!(dir.path().join(".Held/cur/2.b.host").exists());
        assert_eq!(maildir.held_content("2.b.host").unwrap().unwrap(), b"two");
        assert!(maildir.put_back("2.b.host").unwrap());
        assert!(!maildir.put_back("2.b.host").unwrap());
        assert!(!maildir.put_back("../../etc/passwd").unwrap());
        assert_eq!(maildir.waiting().unwrap().len(), 1);
    }
}
