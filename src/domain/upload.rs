//! Uploaded files: which kinds are accepted (checked by their content, not only the
//! extension, and chunk by chunk as the file arrives: [`Sniffer`]) and how a hostile file
//! name is made safe to store and show.

/// A kind of file the portal accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// Extensions (lower case) a file of this kind may carry.
    pub extensions: &'static [&'static str],
    /// The content type it is served with.
    pub content_type: &'static str,
}

const PDF: FileKind = FileKind {
    extensions: &["pdf"],
    content_type: "application/pdf",
};
const PNG: FileKind = FileKind {
    extensions: &["png"],
    content_type: "image/png",
};
const JPEG: FileKind = FileKind {
    extensions: &["jpg", "jpeg"],
    content_type: "image/jpeg",
};
const WEBP: FileKind = FileKind {
    extensions: &["webp"],
    content_type: "image/webp",
};
const XLSX: FileKind = FileKind {
    extensions: &["xlsx"],
    content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const DOCX: FileKind = FileKind {
    extensions: &["docx"],
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
const DXF: FileKind = FileKind {
    extensions: &["dxf"],
    content_type: "image/vnd.dxf",
};
const CSV: FileKind = FileKind {
    extensions: &["csv"],
    content_type: "text/csv; charset=utf-8",
};
const TEXT: FileKind = FileKind {
    extensions: &["txt"],
    content_type: "text/plain; charset=utf-8",
};

/// The extension of a file name, lower case.
fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The kind of `data` named `name`, when content and extension agree; otherwise the
/// message id of the refusal.
pub fn detect(name: &str, data: &[u8]) -> Result<FileKind, &'static str> {
    let mut sniffer = Sniffer::default();
    sniffer.feed(data);
    sniffer.kind(name)
}

/// Bytes of the start kept for the magic numbers.
const HEAD: usize = 16;

/// Markers looked for anywhere in the content: the parts of an Office archive, a DXF
/// section.
const MARKERS: [&[u8]; 3] = [b"xl/", b"word/", b"SECTION"];
const LONGEST_MARKER: usize = 7;

/// What [`detect`] needs to know about a file, gathered chunk by chunk as the file
/// arrives, so the file never has to be in memory whole.
#[derive(Debug, Clone, Default)]
pub struct Sniffer {
    len: u64,
    head: Vec<u8>,
    /// The last bytes seen, for markers that span two chunks.
    tail: Vec<u8>,
    found: [bool; MARKERS.len()],
    /// Bytes of a UTF-8 sequence cut off at the end of the last chunk.
    unfinished: Vec<u8>,
    not_utf8: bool,
    has_nul: bool,
    /// The first character that is not whitespace, once the text had one.
    first_char: Option<char>,
}

impl Sniffer {
    /// Takes the next bytes of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        if chunk.is_empty() {
            return;
        }
        self.len += chunk.len() as u64;
        if self.head.len() < HEAD {
            let take = (HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        self.find_markers(chunk);
        self.has_nul |= chunk.contains(&0);
        if !self.not_utf8 {
            self.check_text(chunk);
        }
    }

    fn find_markers(&mut self, chunk: &[u8]) {
        let mut seam = std::mem::take(&mut self.tail);
        seam.extend_from_slice(&chunk[..chunk.len().min(LONGEST_MARKER)]);
        for (found, marker) in self.found.iter_mut().zip(MARKERS) {
            *found = *found
                || seam.windows(marker.len()).any(|w| w == marker)
                || chunk.windows(marker.len()).any(|w| w == marker);
        }
        let keep = LONGEST_MARKER - 1;
        self.tail = if chunk.len() >= keep {
            chunk[chunk.len() - keep..].to_vec()
        } else {
            seam[seam.len().saturating_sub(keep)..].to_vec()
        };
    }

    fn check_text(&mut self, chunk: &[u8]) {
        let joined;
        let bytes = if self.unfinished.is_empty() {
            chunk
        } else {
            let mut j = std::mem::take(&mut self.unfinished);
            j.extend_from_slice(chunk);
            joined = j;
            &joined
        };
        let (text, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            Err(e) if e.error_len().is_none() => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                // Valid up to there, by the error's own account.
                (std::str::from_utf8(valid).unwrap_or_default(), rest)
            }
            Err(_) => {
                self.not_utf8 = true;
                return;
            }
        };
        if self.first_char.is_none() {
            self.first_char = text.trim_start().chars().next();
        }
        self.unfinished = rest.to_vec();
    }

    /// The size of what was fed.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing was fed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The kind of the file fed, named `name`, when content and extension agree;
    /// otherwise the message id of the refusal.
    pub fn kind(&self, name: &str) -> Result<FileKind, &'static str> {
        if self.len == 0 {
            return Err("upload-empty");
        }
        let ext = extension(name);
        let head = self.head.as_slice();
        let holds = |marker: &[u8]| {
            MARKERS
                .iter()
                .position(|m| *m == marker)
                .is_some_and(|i| self.found[i])
        };
        let kind = if head.starts_with(b"%PDF-") {
            PDF
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            PNG
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            JPEG
        } else if self.len > 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            WEBP
        } else if head.starts_with(b"PK\x03\x04") {
            // Office files are zip archives; which one the name says, the content must hold.
            match ext.as_str() {
                "xlsx" if holds(b"xl/") => XLSX,
                "docx" if holds(b"word/") => DOCX,
                _ => return Err("upload-type-mismatch"),
            }
        } else if !self.not_utf8 && self.unfinished.is_empty() {
            if self.has_nul {
                return Err("upload-type-unknown");
            }
            match ext.as_str() {
                "dxf" if self.first_char == Some('0') && holds(b"SECTION") => DXF,
                "csv" => CSV,
                "txt" => TEXT,
                "dxf" => return Err("upload-type-mismatch"),
                _ => return Err("upload-type-unknown"),
            }
        } else {
            return Err("upload-type-unknown");
        };
        if kind.extensions.contains(&ext.as_str()) {
            Ok(kind)
        } else {
            Err("upload-type-mismatch")
        }
    }
}

/// Longest stored file name, in characters.
const MAX_NAME: usize = 120;

/// Makes an uploaded file name safe: no directories, no control, NUL or text-direction
/// characters, at most 120 characters (keeping the extension); never empty.
pub fn safe_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .filter(|c| !matches!(*c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    let cleaned = if cleaned.is_empty() {
        "document".to_owned()
    } else {
        cleaned
    };
    if cleaned.chars().count() <= MAX_NAME {
        return cleaned;
    }
    let ext = extension(&cleaned);
    let keep = MAX_NAME.saturating_sub(ext.len() + 1);
    let stem: String = cleaned.chars().take(keep).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// `Content-Disposition: attachment` for `name` (RFC 6266): an ASCII fallback and the
/// exact name as `filename*`.
pub fn content_disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' && c != '%' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_checked_by_content() {
        assert_eq!(
            detect("plan.pdf", b"%PDF-1.7 ...").unwrap().content_type,
            "application/pdf"
        );
        assert_eq!(
            detect("Foto.JPG", &[0xFF, 0xD8, 0xFF, 0xE0])
                .unwrap()
                .content_type,
            "image/jpeg"
        );
        assert_eq!(
            detect("werte.csv", b"a;b\n1;2\n").unwrap().content_type,
            "text/csv; charset=utf-8"
        );
        assert_eq!(
            detect("fake.pdf", b"\x89PNG\r\n\x1a\n....").unwrap_err(),
            "upload-type-mismatch"
        );
        assert_eq!(
            detect("run.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff").unwrap_err(),
            "upload-type-unknown"
        );
        assert_eq!(
            detect("notes.pdf", b"just text").unwrap_err(),
            "upload-type-unknown"
        );
        assert_eq!(
            detect("sheet.xlsx", b"PK\x03\x04....xl/workbook.xml")
                .unwrap()
                .extensions,
            &["xlsx"]
        );
        assert_eq!(
            detect("evil.docx", b"PK\x03\x04....xl/workbook.xml").unwrap_err(),
            "upload-type-mismatch"
        );
        assert_eq!(detect("empty.txt", b"").unwrap_err(), "upload-empty");
    }

    /// Every way of cutting `data` in two, fed as two chunks, gives what it gives whole.
    fn same_in_pieces(name: &str, data: &[u8]) {
        let whole = detect(name, data);
        for cut in 0..=data.len() {
            let mut s = Sniffer::default();
            s.feed(&data[..cut]);
            s.feed(&data[cut..]);
            assert_eq!(s.kind(name), whole, "{name} cut at {cut}");
            assert_eq!(s.len(), data.len() as u64);
        }
    }

    #[test]
    fn a_file_fed_in_pieces_is_told_apart_as_if_whole() {
        same_in_pieces("sheet.xlsx", b"PK\x03\x04....xl/workbook.xml");
        same_in_pieces("letter.docx", b"PK\x03\x04..........word/document.xml");
        same_in_pieces("plan.dxf", b"  0\nSECTION\n2\nHEADER\n");
        same_in_pieces("werte.csv", "Straße;Größe\nMüller;5\n".as_bytes());
        same_in_pieces("bad.txt", b"ab\xC3(cd");
        same_in_pieces("nul.txt", b"abc\0def");
        same_in_pieces("cut.txt", b"abc\xC3");
        same_in_pieces("bild.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ");
        same_in_pieces("plan.pdf", b"%PDF-1.7 ...");
        assert_eq!(
            detect("plan.dxf", b"  0\nSECTION\n").unwrap().content_type,
            "image/vnd.dxf"
        );
        assert_eq!(
            detect("cut.txt", b"abc\xC3").unwrap_err(),
            "upload-type-unknown"
        );
    }

    #[test]
    fn hostile_names_are_made_safe() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\Users\\x\\plan.pdf"), "plan.pdf");
        assert_eq!(safe_name("a\0b\x07c.pdf"), "abc.pdf");
        assert_eq!(safe_name("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(safe_name("..."), "document");
        let long = format!("{}.pdf", "x".repeat(300));
        let safe = safe_name(&long);
        assert_eq!(safe.chars().count(), 120);
        assert!(safe.ends_with(".pdf"));
    }

    #[test]
    fn disposition_has_both_names() {
        assert_eq!(
            content_disposition("Strangplan Dach Süd.pdf"),
            "attachment; filename=\"Strangplan Dach S_d.pdf\"; filename*=UTF-8''Strangplan%20Dach%20S%C3%BCd.pdf"
        );
    }
}
