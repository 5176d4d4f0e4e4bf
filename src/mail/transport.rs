//! The ways a message leaves the instance: `outbox` (an `.eml` file per message, via
//! lettre's file transport), `smtp` (lettre) and `log`.

use std::path::Path;
use std::time::Duration;

use lettre::message::Body;
use lettre::message::Mailbox;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailConfig, MailTransportKind, SmtpSecurity};
use crate::store::mail_queue::OutgoingMail;

use super::threading::Threading;

/// Name of the outbox directory inside the data directory.
pub const OUTBOX_DIR: &str = "outbox";

/// A configured transport.
pub enum Transport {
    /// `.eml` files under `<data_dir>/outbox/`.
    Outbox(AsyncFileTransport<Tokio1Executor>),
    /// An SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Logged only.
    Log,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Transport::Outbox(_) => "Transport::Outbox",
            Transport::Smtp(_) => "Transport::Smtp",
            Transport::Log => "Transport::Log",
        })
    }
}

/// Why a transport could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// The outbox directory could not be created.
    #[error("cannot create the mail outbox {0}: {1}")]
    Outbox(String, std::io::Error),
    /// The SMTP settings are unusable.
    #[error("mail.smtp_host: {0}")]
    Smtp(String),
}

impl Transport {
    /// Builds the transport the configuration names.
    pub fn from_config(config: &MailConfig, data_dir: &Path) -> Result<Self, TransportError> {
        match config.transport {
            MailTransportKind::Outbox => {
                let dir = data_dir.join(OUTBOX_DIR);
                std::fs::create_dir_all(&dir)
                    .map_err(|e| TransportError::Outbox(dir.display().to_string(), e))?;
                Ok(Transport::Outbox(AsyncFileTransport::new(dir)))
            }
            MailTransportKind::Log => Ok(Transport::Log),
            MailTransportKind::Smtp => {
                let host = config.smtp_host.as_str();
                let builder = match config.smtp_security {
                    SmtpSecurity::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                            .map_err(|e| TransportError::Smtp(e.to_string()))?
                    }
                    SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                        .map_err(|e| TransportError::Smtp(e.to_string()))?,
                    SmtpSecurity::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                    }
                };
                let mut builder = builder
                    .port(config.smtp_port)
                    .timeout(Some(Duration::from_secs(30)));
                if !config.smtp_username.is_empty() {
                    builder = builder.credentials(Credentials::new(
                        config.smtp_username.clone(),
                        config.smtp_password.expose().to_owned(),
                    ));
                }
                Ok(Transport::Smtp(builder.build()))
            }
        }
    }

    /// Delivers queued message `id`, with its Message-ID and, in a request's thread, the
    /// thread's headers and reply address. The error is a sentence fit for the mail
    /// queue's records: it never contains credentials.
    pub async fn deliver(
        &self,
        id: u64,
        mail: &OutgoingMail,
        threading: &Threading,
    ) -> Result<(), String> {
        let message = build_message(id, mail, threading)?;
        match self {
            Transport::Outbox(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Log => {
                tracing::info!(to = %mail.to, subject = %mail.subject, "mail (log transport)");
                Ok(())
            }
        }
    }
}

fn build_message(id: u64, mail: &OutgoingMail, threading: &Threading) -> Result<Message, String> {
    let from: Mailbox = mail
        .from
        .parse()
        .map_err(|e| format!("bad sender address: {e}"))?;
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| format!("bad recipient address: {e}"))?;
    let body = text_body(&mail.text);
    let mut builder = Message::builder().message_id(Some(threading.message_id(id, mail.thread)));
    if let Some(ticket) = mail.thread {
        let root = threading.thread_id(ticket);
        builder = builder.in_reply_to(root.clone()).references(root);
        if let Some(reply) = threading.reply_address(ticket) {
            let name = from.name.clone();
            let reply = reply
                .parse()
                .map_err(|e| format!("bad reply address: {e}"))?;
            builder = builder.reply_to(Mailbox::new(name, reply));
        }
    }
    builder
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| format!("cannot build message: {e}"))
}

/// Longest line 8bit transfer allows (RFC 5322), without the CRLF.
const MAX_8BIT_LINE: usize = 998;

/// The body as 8bit text, so links and umlauts stay readable in the outbox's `.eml`
/// files and in any mail client (lettre's own choice would base64-encode any line over 78
/// characters, links included). A body 8bit cannot carry is left to lettre to encode.
fn text_body(text: &str) -> Body {
    let crlf = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n");
    let fits = !crlf.contains('\0') && crlf.split("\r\n").all(|l| l.len() <= MAX_8BIT_LINE);
    if fits {
        Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
    } else {
        Body::new(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_stay_readable_8bit_text() {
        let body = text_body(
            "Grüße,\nhttp://example.com/confirm/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        );
        assert_eq!(body.encoding(), ContentTransferEncoding::EightBit);
        let text = String::from_utf8(body.into_vec()).unwrap();
        assert!(text.contains("Grüße,\r\nhttp://example.com/confirm/0123"));
        let long = "x".repeat(2000);
        assert_ne!(
            text_body(&long).encoding(),
            ContentTransferEncoding::EightBit
        );
    }
}
