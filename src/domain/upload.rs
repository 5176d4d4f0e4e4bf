//! Uploaded files: which kinds are accepted (checked by their content, not only the
//! extension) and how a hostile file name is made safe to store and show.

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
    if data.is_empty() {
        return Err("upload-empty");
    }
    let ext = extension(name);
    let kind = if data.starts_with(b"%PDF-") {
        PDF
    } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        PNG
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        JPEG
    } else if data.len() > 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP" {
        WEBP
    } else if data.starts_with(b"PK\x03\x04") {
        // Office files are zip archives; which one the name says, the content must hold.
        let holds = |marker: &[u8]| data.windows(marker.len()).any(|w| w == marker);
        match ext.as_str() {
            "xlsx" if holds(b"xl/") => XLSX,
            "docx" if holds(b"word/") => DOCX,
            _ => return Err("upload-type-mismatch"),
        }
    } else if let Ok(text) = std::str::from_utf8(data) {
        if text.contains('\0') {
            return Err("upload-type-unknown");
        }
        let head: String = text.trim_start().chars().take(64).collect();
        match ext.as_str() {
            "dxf" if head.starts_with('0') && text.contains("SECTION") => DXF,
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
