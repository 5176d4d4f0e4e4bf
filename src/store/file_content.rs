//! An uploaded file's bytes on their way into the store. While the request body arrives
//! they are spooled to an unlinked temporary file in `<data_dir>/spool/`, so an upload
//! costs a small buffer in memory rather than its size, and a crash leaves nothing behind
//! (the file has no name). The write that stores them reads them back in chunks. Code
//! that makes a small file itself (tests, the seed) can hold it in memory instead.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The spool's directory inside the data directory.
pub const SPOOL_DIR: &str = "spool";

/// Bytes buffered before they are written to the spool file.
const WRITE_BUFFER: usize = 64 * 1024;

/// A file's bytes, spooled or in memory; cheap to clone (the clones share them).
#[derive(Debug, Clone)]
pub struct FileContent {
    bytes: Bytes,
    len: u64,
}

#[derive(Debug, Clone)]
enum Bytes {
    Memory(Arc<[u8]>),
    Spooled(Arc<Mutex<File>>),
}

impl FileContent {
    /// Bytes held in memory.
    pub fn from_bytes(bytes: impl Into<Arc<[u8]>>) -> Self {
        let bytes: Arc<[u8]> = bytes.into();
        Self {
            len: bytes.len() as u64,
            bytes: Bytes::Memory(bytes),
        }
    }

    /// The size in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `each` with the bytes in order, at most `size` at a time.
    pub fn for_each_chunk<E: From<io::Error>>(
        &self,
        size: usize,
        mut each: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        match &self.bytes {
            Bytes::Memory(bytes) => bytes.chunks(size).try_for_each(each),
            Bytes::Spooled(file) => {
                let mut file = file.lock().unwrap_or_else(|p| p.into_inner());
                file.seek(SeekFrom::Start(0))?;
                let mut buffer = vec![0; size];
                let mut left = self.len;
                while left > 0 {
                    let want = usize::try_from(left).map_or(size, |l| l.min(size));
                    file.read_exact(&mut buffer[..want])?;
                    each(&buffer[..want])?;
                    left -= want as u64;
                }
                Ok(())
            }
        }
    }

    /// Every byte in one buffer, for files whose limit is small enough to be read whole
    /// (a plant export to check).
    pub fn to_vec(&self) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0));
        self.for_each_chunk(WRITE_BUFFER, |chunk| {
            out.extend_from_slice(chunk);
            Ok::<_, io::Error>(())
        })?;
        Ok(out)
    }
}

/// A spool file being written.
#[derive(Debug)]
pub struct Spool {
    file: BufWriter<File>,
    len: u64,
}

impl Spool {
    /// A new, nameless spool file in `<data_dir>/spool/`.
    pub fn create(data_dir: &Path) -> io::Result<Self> {
        let dir = data_dir.join(SPOOL_DIR);
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            file: BufWriter::with_capacity(WRITE_BUFFER, tempfile::tempfile_in(dir)?),
            len: 0,
        })
    }

    /// Appends `bytes`.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.len += bytes.len() as u64;
        Ok(())
    }

    /// The bytes written so far.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes written, to read back.
    pub fn finish(self) -> io::Result<FileContent> {
        let file = self
            .file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        Ok(FileContent {
            bytes: Bytes::Spooled(Arc::new(Mutex::new(file))),
            len: self.len,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks_of(content: &FileContent, size: usize) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        content
            .for_each_chunk(size, |c| {
                out.push(c.to_vec());
                Ok::<_, io::Error>(())
            })
            .unwrap();
        out
    }

    #[test]
    fn spooled_bytes_come_back_in_order_and_leave_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut spool = Spool::create(dir.path()).unwrap();
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        for part in data.chunks(7_000) {
            spool.write(part).unwrap();
        }
        let content = spool.finish().unwrap();
        assert_eq!(content.len(), 200_000);
        assert_eq!(content.to_vec().unwrap(), data);
        let chunks = chunks_of(&content, 65_536);
        assert_eq!(chunks.len(), 4);
        assert_eq!(chunks.concat(), data);
        // Read twice: the same bytes.
        assert_eq!(content.clone().to_vec().unwrap(), data);
        let names: Vec<_> = std::fs::read_dir(dir.path().join(SPOOL_DIR))
            .unwrap()
            .collect();
        assert!(names.is_empty(), "a spool file has no name: {names:?}");
    }

    #[test]
    fn bytes_in_memory_come_back_in_chunks() {
        let content = FileContent::from_bytes(b"abcdefg".to_vec());
        assert_eq!(
            chunks_of(&content, 3),
            [b"abc".to_vec(), b"def".to_vec(), b"g".to_vec()]
        );
        assert!(FileContent::from_bytes(Vec::new()).is_empty());
    }
}
