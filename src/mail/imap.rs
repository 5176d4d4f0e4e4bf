//! The IMAP folder incoming mail is read from (`mail_in.source = "imap"`): a mailbox at a
//! provider, reached over TLS or STARTTLS (never in clear), logged in with user and
//! password. A processed message is moved to the processed folder, a held one to the held
//! folder, from where a retry moves it back; a message is only moved after its effect is
//! durable, so a crash or a lost connection leaves it to be read again (its Message-ID
//! then says it was). Nothing is ever deleted. New mail is announced by the server (IDLE)
//! where it can, else the folder is looked at every `mail_in.poll_secs`.
//!
//! A held message is named `<UIDVALIDITY>.<UID>` of the held folder, so the name stays
//! valid as long as the folder does.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use async_imap::{Client, Session};
use futures_util::TryStreamExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore};

use super::maildir::Waiting;
use crate::config::{ImapSecurity, MailInConfig};

type Connection = Session<TlsStream<TcpStream>>;

/// How long connecting, logging in or one command may take before the connection is
/// given up (and made again).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// How many messages' sizes are asked for in one command.
const FETCH_SLICE: usize = 500;

/// The longest one IDLE lasts before it is renewed (servers end it after 30 minutes).
const IDLE_RENEWAL: Duration = Duration::from_secs(10 * 60);

/// A logged-in connection to the configured mailbox.
pub struct ImapFolder {
    session: Option<Connection>,
    folder: String,
    processed: String,
    held: String,
    can_move: bool,
    can_idle: bool,
    poll: Duration,
}

impl std::fmt::Debug for ImapFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImapFolder")
            .field("folder", &self.folder)
            .field("can_idle", &self.can_idle)
            .finish_non_exhaustive()
    }
}

fn broken(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// `what`, given up after [`COMMAND_TIMEOUT`].
async fn timed<T, E: std::fmt::Display>(
    what: &str,
    work: impl Future<Output = Result<T, E>>,
) -> io::Result<T> {
    match tokio::time::timeout(COMMAND_TIMEOUT, work).await {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(e)) => Err(io::Error::other(format!("IMAP {what}: {e}"))),
        Err(_) => Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!("IMAP {what}: no answer"),
        )),
    }
}

/// The certificates trusted: the public authorities, and those of `mail_in.imap_ca_file`.
fn tls(settings: &MailInConfig) -> io::Result<TlsConnector> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if !settings.imap_ca_file.as_os_str().is_empty() {
        let pem = std::fs::read(&settings.imap_ca_file).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "mail_in.imap_ca_file {}: {e}",
                    settings.imap_ca_file.display()
                ),
            )
        })?;
        for cert in CertificateDer::pem_slice_iter(&pem) {
            roots.add(cert.map_err(broken)?).map_err(broken)?;
        }
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(broken)?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

/// Connects, secures the connection and logs in.
async fn connect(settings: &MailInConfig) -> io::Result<Connection> {
    let host = settings.imap_host.trim();
    let name = ServerName::try_from(host.to_owned()).map_err(broken)?;
    let tls = tls(settings)?;
    let tcp = timed("connect", TcpStream::connect((host, settings.imap_port()))).await?;
    let tcp = match settings.imap_security {
        ImapSecurity::Tls => tcp,
        ImapSecurity::Starttls => {
            let mut plain = Client::new(tcp);
            timed("greeting", async {
                plain.read_response().await?.ok_or_else(|| broken("closed"))
            })
            .await?;
            timed("STARTTLS", plain.run_command_and_check_ok("STARTTLS", None)).await?;
            plain.into_inner()
        }
    };
    let secured = timed("TLS", tls.connect(name, tcp)).await?;
    let mut client = Client::new(secured);
    if settings.imap_security == ImapSecurity::Tls {
        timed("greeting", async {
            client
                .read_response()
                .await?
                .ok_or_else(|| broken("closed"))
        })
        .await?;
    }
    let login = client.login(&settings.imap_user, settings.imap_password.expose());
    // The error names neither user nor password.
    timed("login", async { login.await.map_err(|(e, _)| e) }).await
}

impl ImapFolder {
    /// Logs in to the configured mailbox, makes the processed and held folders if they are
    /// missing, and selects the folder mail arrives in.
    pub async fn open(settings: &MailInConfig) -> io::Result<Self> {
        let mut session = connect(settings).await?;
        let caps = timed("CAPABILITY", session.capabilities()).await?;
        for folder in [&settings.processed_folder, &settings.held_folder] {
            // Refused when it exists; a folder that cannot be made shows on the first move.
            let _ = timed("CREATE", session.create(folder)).await;
        }
        let mut this = Self {
            can_move: caps.has_str("MOVE"),
            can_idle: caps.has_str("IDLE"),
            session: Some(session),
            folder: settings.imap_folder.clone(),
            processed: settings.processed_folder.clone(),
            held: settings.held_folder.clone(),
            poll: Duration::from_secs(settings.poll_secs),
        };
        let folder = this.folder.clone();
        timed("SELECT", this.session()?.select(&folder)).await?;
        Ok(this)
    }

    fn session(&mut self) -> io::Result<&mut Connection> {
        self.session
            .as_mut()
            .ok_or_else(|| broken("the IMAP connection was lost"))
    }

    /// The messages waiting in the folder, oldest first (by UID).
    pub async fn waiting(&mut self) -> io::Result<Vec<Waiting>> {
        let session = self.session()?;
        let mut uids: Vec<u32> = timed("SEARCH", session.uid_search("UNDELETED"))
            .await?
            .into_iter()
            .collect();
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        uids.sort_unstable();
        let mut out = Vec::with_capacity(uids.len());
        // In slices, so a full folder does not make a command line too long for the server.
        for slice in uids.chunks(FETCH_SLICE) {
            let set = slice
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let sizes: Vec<_> = timed("FETCH", async {
                session
                    .uid_fetch(&set, "(UID RFC822.SIZE)")
                    .await?
                    .try_collect::<Vec<_>>()
                    .await
            })
            .await?;
            out.extend(sizes.iter().filter_map(|f| {
                Some(Waiting {
                    name: f.uid?.to_string(),
                    size: u64::from(f.size.unwrap_or(0)),
                    fresh: false,
                })
            }));
        }
        out.sort_by_key(|w| w.name.parse::<u32>().unwrap_or(u32::MAX));
        Ok(out)
    }

    /// The content of a waiting message, left unseen.
    pub async fn read(&mut self, w: &Waiting) -> io::Result<Vec<u8>> {
        fetch_body(self.session()?, &w.name).await
    }

    /// The headers of a waiting message.
    pub async fn head(&mut self, w: &Waiting) -> io::Result<Vec<u8>> {
        fetch_part(self.session()?, &w.name, "BODY.PEEK[HEADER]").await
    }

    /// Moves `uid` from the selected folder to `to`.
    async fn move_to(&mut self, uid: &str, to: &str) -> io::Result<()> {
        let can_move = self.can_move;
        let session = self.session()?;
        if can_move {
            return timed("MOVE", session.uid_mv(uid, to)).await;
        }
        // COPY, then mark and expunge: the message is in one folder or in both, never lost.
        timed("COPY", session.uid_copy(uid, to)).await?;
        timed("STORE", async {
            session
                .uid_store(uid, "+FLAGS.SILENT (\\Deleted)")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await?;
        timed("EXPUNGE", async {
            session.expunge().await?.try_collect::<Vec<_>>().await
        })
        .await?;
        Ok(())
    }

    /// Moves a processed message to the processed folder, flagged seen (as a mail
    /// program shows what was read).
    pub async fn done(&mut self, w: &Waiting) -> io::Result<()> {
        let session = self.session()?;
        timed("STORE", async {
            session
                .uid_store(&w.name, "+FLAGS.SILENT (\\Seen)")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await?;
        let to = self.processed.clone();
        self.move_to(&w.name, &to).await
    }

    /// The name a message will have once held (`<UIDVALIDITY>.<UID>` in the held folder).
    pub async fn held_name(&mut self) -> io::Result<String> {
        let held = self.held.clone();
        let status = timed(
            "STATUS",
            self.session()?.status(&held, "(UIDNEXT UIDVALIDITY)"),
        )
        .await?;
        match (status.uid_validity, status.uid_next) {
            (Some(validity), Some(next)) => Ok(format!("{validity}.{next}")),
            _ => Err(broken("the held folder has no UIDs")),
        }
    }

    /// Moves a message to the held folder.
    pub async fn hold(&mut self, w: &Waiting) -> io::Result<()> {
        let to = self.held.clone();
        self.move_to(&w.name, &to).await
    }

    /// Selects the held folder and finds held message `name` in it: its UID, if it is
    /// there. The folder stays selected (read-only with `examine`).
    async fn find_held(&mut self, name: &str, examine: bool) -> io::Result<Option<String>> {
        let Some((validity, uid)) = name.split_once('.') else {
            return Ok(None);
        };
        let (Ok(validity), Ok(uid)) = (validity.parse::<u32>(), uid.parse::<u32>()) else {
            return Ok(None);
        };
        let held = self.held.clone();
        let session = self.session()?;
        let mailbox = if examine {
            timed("EXAMINE", session.examine(&held)).await?
        } else {
            timed("SELECT", session.select(&held)).await?
        };
        if mailbox.uid_validity != Some(validity) {
            return Ok(None);
        }
        let found = timed("SEARCH", session.uid_search(format!("UID {uid}"))).await?;
        Ok(found.contains(&uid).then(|| uid.to_string()))
    }

    /// Puts held message `name` back into the folder mail arrives in; `false` when it is
    /// no longer held.
    pub async fn put_back(&mut self, name: &str) -> io::Result<bool> {
        let Some(uid) = self.find_held(name, false).await? else {
            return Ok(false);
        };
        let to = self.folder.clone();
        self.move_to(&uid, &to).await?;
        Ok(true)
    }

    /// The content of held message `name`, if it is there.
    pub async fn held_content(&mut self, name: &str) -> io::Result<Option<Vec<u8>>> {
        let Some(uid) = self.find_held(name, true).await? else {
            return Ok(None);
        };
        fetch_body(self.session()?, &uid).await.map(Some)
    }

    /// Waits until the server announces a change to the folder (IDLE), or for the poll
    /// interval where it cannot; `Err` when the connection broke.
    pub async fn wait_for_news(&mut self) -> io::Result<()> {
        if !self.can_idle {
            tokio::time::sleep(self.poll).await;
            return timed("NOOP", self.session()?.noop()).await;
        }
        let session = self
            .session
            .take()
            .ok_or_else(|| broken("the IMAP connection was lost"))?;
        let mut idle = session.idle();
        timed("IDLE", idle.init()).await?;
        // Renewed at least every poll interval: should an announcement slip between the
        // last look and the start of IDLE, the message waits no longer than when polling.
        let (news, _stop) = idle.wait_with_timeout(self.poll.min(IDLE_RENEWAL));
        news.await.map_err(broken)?;
        self.session = Some(timed("DONE", idle.done()).await?);
        Ok(())
    }

    /// Logs out, as a courtesy to the server.
    pub async fn close(mut self) {
        if let Some(mut session) = self.session.take() {
            let _ = timed("LOGOUT", session.logout()).await;
        }
    }
}

async fn fetch_body(session: &mut Connection, uid: &str) -> io::Result<Vec<u8>> {
    fetch_part(session, uid, "BODY.PEEK[]").await
}

/// Part `what` of message `uid`, leaving it unseen.
async fn fetch_part(session: &mut Connection, uid: &str, what: &str) -> io::Result<Vec<u8>> {
    let fetched: Vec<_> = timed("FETCH", async {
        session
            .uid_fetch(uid, what)
            .await?
            .try_collect::<Vec<_>>()
            .await
    })
    .await?;
    fetched
        .iter()
        .find_map(|f| f.body().or_else(|| f.header()).map(<[u8]>::to_vec))
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("message {uid} is gone")))
}
