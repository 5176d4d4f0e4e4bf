//! An incoming message read: who sent it, what it answers (`In-Reply-To`, `References`),
//! where it went, its text (HTML-only mail turned into text, every charset the MIME crate
//! knows decoded), its files, and whether a machine sent it (auto-replies, list mail,
//! delivery status reports), which must never open a request or get an answer.

use mail_parser::{HeaderValue, Message, MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

/// A file that came with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The name the sender gave (made up when it gave none).
    pub name: String,
    /// Its content.
    pub data: Vec<u8>,
}

/// Why a message counts as sent by a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Automatic {
    /// `Auto-Submitted` other than `no`, or `X-Autoreply` / `X-Autorespond`.
    AutoReply,
    /// `Precedence: bulk|list|junk`, or a mailing list's `List-Id` / `List-Unsubscribe`.
    List,
    /// A delivery status report (`multipart/report`), or mail from a mailer daemon.
    Report,
}

/// An incoming message, read.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Its Message-ID, without the angle brackets.
    pub message_id: Option<String>,
    /// The Message-IDs it answers: `In-Reply-To`, then `References`.
    pub answers: Vec<String>,
    /// The sender's address, lower case.
    pub from: String,
    /// The sender's name, when given.
    pub from_name: Option<String>,
    /// Where it was sent: `To`, `Cc`, `Delivered-To` and `X-Original-To`.
    pub recipients: Vec<String>,
    /// Its subject (empty when it has none).
    pub subject: String,
    /// Its text, as written (quoted history included).
    pub text: String,
    /// Its files.
    pub files: Vec<Part>,
    /// Whether a machine sent it, and how it says so.
    pub automatic: Option<Automatic>,
    /// For a delivery status report: the reason the report gives.
    pub report_reason: Option<String>,
}

impl Incoming {
    /// The key a second delivery of the same message is recognised by: its Message-ID,
    /// else the whole message.
    pub fn seen_key(&self, raw: &[u8]) -> [u8; 32] {
        let mut hash = Sha256::new();
        match &self.message_id {
            Some(id) => {
                hash.update(b"message-id\0");
                hash.update(id.as_bytes());
            }
            None => {
                hash.update(b"raw\0");
                hash.update(raw);
            }
        }
        hash.finalize().into()
    }
}

fn texts(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(t) => vec![t.to_string()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn header(message: &Message<'_>, name: &str) -> Option<String> {
    message
        .header_raw(name)
        .map(|v| v.trim().to_ascii_lowercase())
}

fn automatic(message: &Message<'_>, from: &str) -> Option<Automatic> {
    let is_report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    let local = from.split('@').next().unwrap_or("");
    if is_report || local == "mailer-daemon" || local == "postmaster" {
        return Some(Automatic::Report);
    }
    if header(message, "Auto-Submitted").is_some_and(|v| !v.starts_with("no"))
        || header(message, "X-Autoreply").is_some()
        || header(message, "X-Autorespond").is_some()
    {
        return Some(Automatic::AutoReply);
    }
    if header(message, "Precedence").is_some_and(|v| matches!(v.as_str(), "bulk" | "list" | "junk"))
        || header(message, "List-Id").is_some()
        || header(message, "List-Unsubscribe").is_some()
    {
        return Some(Automatic::List);
    }
    None
}

/// The reason a delivery status report gives: its `Diagnostic-Code`, else its `Status`,
/// else the first line of its text.
fn report_reason(raw: &[u8], text: &str) -> String {
    let raw = String::from_utf8_lossy(raw);
    for field in ["diagnostic-code:", "status:"] {
        if let Some(line) = raw
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with(field))
        {
            let value = line[field.len()..].trim();
            let value = value.strip_prefix("smtp;").unwrap_or(value).trim();
            if !value.is_empty() {
                return value.chars().take(300).collect();
            }
        }
    }
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("returned")
        .chars()
        .take(300)
        .collect()
}

/// Reads `raw`; `None` when it is not a message with a sender.
pub fn parse(raw: &[u8]) -> Option<Incoming> {
    let message = MessageParser::default().parse(raw)?;
    let sender = message.from()?.first()?;
    let from = sender.address()?.trim().to_ascii_lowercase();
    if !from.contains('@') {
        return None;
    }
    let from_name = sender
        .name()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    let mut recipients: Vec<String> = message
        .to()
        .into_iter()
        .chain(message.cc())
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address())
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    for name in ["Delivered-To", "X-Original-To"] {
        if let Some(value) = header(&message, name) {
            recipients.push(value.trim_matches(['<', '>']).to_owned());
        }
    }
    let mut answers = texts(message.in_reply_to());
    answers.extend(texts(message.references()));
    let text = message
        .body_text(0)
        .map(|t| t.replace("\r\n", "\n"))
        .unwrap_or_default();
    let files = message
        .attachments()
        .enumerate()
        .map(|(n, part)| {
            let name = part
                .attachment_name()
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    if part.is_message() {
                        format!("message-{}.eml", n + 1)
                    } else {
                        format!("attachment-{}", n + 1)
                    }
                });
            Part {
                name,
                data: part.contents().to_vec(),
            }
        })
        .collect();
    let automatic = automatic(&message, &from);
    let report_reason = (automatic == Some(Automatic::Report)).then(|| report_reason(raw, &text));
    Some(Incoming {
        message_id: message.message_id().map(|id| id.trim().to_owned()),
        answers,
        from,
        from_name,
        recipients,
        subject: message.subject().unwrap_or("").trim().to_owned(),
        text,
        files,
        automatic,
        report_reason,
    })
}

/// Every Message-ID-like `<…@…>` in `raw`: a delivery status report quotes the message it
/// returns, whose Message-ID names the queued message.
pub fn quoted_ids(raw: &[u8]) -> Vec<String> {
    let raw = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    let mut rest = raw.as_ref();
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let Some(end) = rest.find(['>', '<', '\n', ' ']) else {
            break;
        };
        let candidate = &rest[..end];
        if rest[end..].starts_with('>') && candidate.contains('@') {
            out.push(candidate.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_encoded_words_read_as_written() {
        let raw = b"From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <J.Mueller@Example.com>\r\n\
To: service@example.com\r\n\
Subject: =?windows-1252?Q?Wechselrichter_st=F6rt_=96_bitte_pr=FCfen?=\r\n\
Message-ID: <abc@example.com>\r\n\
Content-Type: text/plain; charset=windows-1252\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Gr=FC=DFe, das Ger=E4t zeigt =84Fehler 3501=93.\r\n";
        let m = parse(raw).unwrap();
        assert_eq!(m.from, "j.mueller@example.com");
        assert_eq!(m.from_name.as_deref(), Some("Jürgen Müller"));
        assert_eq!(m.subject, "Wechselrichter stört – bitte prüfen");
        assert_eq!(m.text.trim(), "Grüße, das Gerät zeigt „Fehler 3501“.");
        assert_eq!(m.message_id.as_deref(), Some("abc@example.com"));
        assert_eq!(m.automatic, None);
    }

    #[test]
    fn html_only_mail_becomes_text() {
        let raw = b"From: anna@example.com\r\nSubject: Hi\r\n\
Content-Type: text/html; charset=utf-8\r\n\r\n\
<html><body><p>Guten Tag,</p><p>mein <b>Display</b> bleibt dunkel.</p></body></html>\r\n";
        let m = parse(raw).unwrap();
        assert!(m.text.contains("Guten Tag,"), "{}", m.text);
        assert!(m.text.contains("mein Display bleibt dunkel."), "{}", m.text);
        assert!(!m.text.contains('<'));
    }

    #[test]
    fn machines_are_recognised() {
        let with = |h: &str| {
            let raw = format!("From: a@example.com\r\n{h}\r\nSubject: x\r\n\r\nbody\r\n");
            parse(raw.as_bytes()).unwrap().automatic
        };
        assert_eq!(
            with("Auto-Submitted: auto-replied"),
            Some(Automatic::AutoReply)
        );
        assert_eq!(with("Auto-Submitted: no"), None);
        assert_eq!(with("X-Autoreply: yes"), Some(Automatic::AutoReply));
        assert_eq!(with("Precedence: bulk"), Some(Automatic::List));
        assert_eq!(with("List-Id: <news.example.com>"), Some(Automatic::List));
        assert_eq!(with("X-Mailer: Thunderbird"), None);
        let daemon =
            parse(b"From: MAILER-DAEMON@example.com\r\nSubject: x\r\n\r\nbody\r\n").unwrap();
        assert_eq!(daemon.automatic, Some(Automatic::Report));
    }

    #[test]
    fn garbage_is_not_a_message() {
        assert!(parse(b"").is_none());
        assert!(parse(b"\x00\x01\x02 no headers at all").is_none());
        assert!(parse(b"Subject: no sender\r\n\r\nbody").is_none());
    }

    #[test]
    fn quoted_ids_are_found() {
        let ids = quoted_ids(
            b"Message-ID: <osc.m5.abc@example.com>\r\nIn-Reply-To: <x@y>\r\n<not an id>",
        );
        assert_eq!(ids, vec!["osc.m5.abc@example.com", "x@y"]);
    }
}
