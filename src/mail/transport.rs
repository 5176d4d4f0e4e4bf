//! The ways a message leaves the instance: `outbox` (an `.eml` file per message, via
//! lettre's file transport), `smtp` (lettre) and `log`.

use std::path::Path;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailConfig, MailTransportKind, SmtpSecurity};
use crate::store::mail_queue::OutgoingMail;

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

    /// Delivers one message. The error is a sentence fit for the mail queue's records:
    /// it never contains credentials.
    pub async fn deliver(&self, mail: &OutgoingMail) -> Result<(), String> {
        let message = build_message(mail)?;
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

fn build_message(mail: &OutgoingMail) -> Result<Message, String> {
    let from: Mailbox = mail
        .from
        .parse()
        .map_err(|e| format!("bad sender address: {e}"))?;
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| format!("bad recipient address: {e}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.text.clone())
        .map_err(|e| format!("cannot build message: {e}"))
}
