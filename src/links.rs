//! Links and cookies: percent-encoding a query value, reading a cookie from request
//! headers, and telling a path on this site from anything else. A leaf: it imports
//! nothing of the crate, so the HTTP identity (`auth`), the pages (`views`) and the
//! handlers (`web`) share it without importing each other.

use axum::http::{HeaderMap, header};

/// Percent-encodes a query value (everything but unreserved characters and `/`, which
/// paths given as `next` keep).
pub fn url_encode(value: &str) -> String {
    encode(value, b"-_.~/")
}

/// Percent-encodes one path segment or label: everything but unreserved characters
/// (RFC 3986), `/` included.
pub fn url_encode_segment(value: &str) -> String {
    encode(value, b"-_.~")
}

fn encode(value: &str, kept: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || kept.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The value of cookie `name` in a request's headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// How long a cookie is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Until the browser closes.
    Session,
    /// This many seconds.
    For(u64),
    /// Removed now.
    Removed,
}

/// The `Set-Cookie` value of an `HttpOnly` cookie `name=value` on `path`, kept as
/// `kept` says, with `SameSite=same_site`, and `Secure` when the site is reached over https.
pub fn set_cookie(
    (name, value): (&str, &str),
    path: &str,
    kept: Kept,
    same_site: &str,
    https: bool,
) -> String {
    let max_age = match kept {
        Kept::Session => String::new(),
        Kept::For(secs) => format!("; Max-Age={secs}"),
        Kept::Removed => "; Max-Age=0".to_owned(),
    };
    let secure = if https { "; Secure" } else { "" };
    format!("{name}={value}; Path={path}{max_age}; HttpOnly; SameSite={same_site}{secure}")
}

/// Whether `target` is a path on this site (so redirecting to it is safe): it starts with
/// one `/` not followed by another `/` or a `\\`, and holds no backslash, whitespace or
/// control character, as given or once more percent-decoded. Browsers drop tabs and line
/// breaks from a `Location` and read `\\` as `/`, so `/\t/evil.example` would lead to
/// `//evil.example`; a line break would not even make a valid header.
pub fn is_local_path(target: &str) -> bool {
    fn plain_path(s: &str) -> bool {
        let mut chars = s.chars();
        chars.next() == Some('/')
            && !matches!(chars.next(), Some('/' | '\\'))
            && !s
                .chars()
                .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
    }
    plain_path(target) && plain_path(&percent_decoded(target))
}

/// `s` with its `%XX` escapes decoded (others left as they are; invalid UTF-8 replaced):
/// what [`url_encode`] wrote, read back.
pub fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
