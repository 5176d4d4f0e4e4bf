//! A real IMAP server for the tests: Dovecot from Debian's packages (`dovecot-imapd`,
//! installed by `.ci/run`), started on loopback with its own configuration, certificate
//! and mail in a temp dir, and stopped when the test ends. Any user name logs in with
//! [`PASSWORD`] and has a mailbox of its own, so tests sharing one server stay apart.
//! Mail is delivered as a mail server does, with `doveadm save`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use osc::config::{ImapSecurity, MailInConfig, MailInSource};

pub const PASSWORD: &str = "imap-geheim";

/// A running Dovecot.
pub struct Dovecot {
    dir: tempfile::TempDir,
    child: Child,
    /// The port of IMAP over TLS.
    pub imaps: u16,
    /// The port of plain IMAP that must be upgraded with STARTTLS.
    pub imap: u16,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!(
            "{cmd:?}: {e} (the IMAP tests need Dovecot and OpenSSL: apt-get install dovecot-imapd)"
        )
    });
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether Dovecot and OpenSSL are installed; outside CI (where `.ci/run` installs them,
/// so their absence is a failure) the IMAP tests are skipped without them.
fn installed() -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/usr/bin".into()])
        .collect();
    let found = ["dovecot", "doveadm", "openssl"]
        .iter()
        .all(|tool| dirs.iter().any(|d| d.join(tool).is_file()));
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "Dovecot is not installed (apt-get install dovecot-imapd openssl)"
        );
        eprintln!("skipping IMAP test: Dovecot not installed");
    }
    found
}

impl Dovecot {
    /// Starts a server and waits until it answers; `None` when Dovecot is not installed
    /// (outside CI).
    pub async fn start() -> Option<Self> {
        Self::start_with("").await
    }

    /// A server with `extra` added to its configuration.
    pub async fn start_with(extra: &str) -> Option<Self> {
        if !installed() {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Dovecot's mail processes run as its own user, which must reach the mail.
        run(Command::new("chmod").arg("755").arg(root));
        // The site's own authority, and the server's certificate it signed.
        let ec = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ];
        run(Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-days",
                "2",
                "-subj",
                "/CN=osc test authority",
            ])
            .args(ec)
            .current_dir(root)
            .args(["-keyout", "ca.key", "-out", "ca.pem"]));
        run(Command::new("openssl")
            .args(["req", "-subj", "/CN=localhost"])
            .args(ec)
            .current_dir(root)
            .args(["-keyout", "key.pem", "-out", "server.csr"]));
        std::fs::write(
            root.join("server.ext"),
            "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost\n\
extendedKeyUsage=serverAuth\n",
        )
        .unwrap();
        run(Command::new("openssl")
            .args(["x509", "-req", "-days", "2", "-in", "server.csr"])
            .args(["-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial"])
            .args(["-extfile", "server.ext", "-out", "cert.pem"])
            .current_dir(root));
        for sub in ["run", "state", "mail"] {
            std::fs::create_dir(root.join(sub)).unwrap();
        }
        run(Command::new("chown")
            .arg("dovecot:dovecot")
            .arg(root.join("mail")));
        let (imap, imaps) = (free_port(), free_port());
        let r = root.display();
        let config = format!(
            "base_dir = {r}/run\nstate_dir = {r}/state\nlog_path = {r}/dovecot.log\n\
instance_name = osc-test-{imaps}\nprotocols = imap\nlisten = 127.0.0.1\n\
ssl = required\nssl_cert = <{r}/cert.pem\nssl_key = <{r}/key.pem\n\
auth_mechanisms = plain login\n\
passdb {{\n  driver = static\n  args = password={PASSWORD}\n}}\n\
userdb {{\n  driver = static\n  args = uid=dovecot gid=dovecot home={r}/mail/%u\n}}\n\
first_valid_uid = 1\nmail_location = maildir:~/Maildir\n\
service imap-login {{\n  chroot =\n  inet_listener imap {{\n    port = {imap}\n  }}\n\
  inet_listener imaps {{\n    port = {imaps}\n    ssl = yes\n  }}\n}}\n\
service anvil {{\n  chroot =\n}}\n{extra}\n"
        );
        std::fs::write(root.join("dovecot.conf"), config).unwrap();
        let server = Self {
            child: spawn(root),
            dir,
            imaps,
            imap,
        };
        server.wait_until_up().await;
        Some(server)
    }

    /// The authority that signed the server's certificate (for `localhost`), trusted by
    /// nobody else.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// The portal's settings to read `user`'s INBOX over TLS.
    pub fn configure(&self, c: &mut MailInConfig, user: &str) {
        c.source = MailInSource::Imap;
        c.imap_host = "localhost".to_owned();
        c.imap_port = self.imaps;
        c.imap_security = ImapSecurity::Tls;
        c.imap_user = user.to_owned();
        c.imap_password = PASSWORD.into();
        c.imap_ca_file = self.ca_file();
    }

    /// The same settings as environment variables, for the binary.
    pub fn env(&self, user: &str) -> Vec<(&'static str, String)> {
        vec![
            ("OSC_MAIL_IN_SOURCE", "imap".to_owned()),
            ("OSC_MAIL_IN_IMAP_HOST", "localhost".to_owned()),
            ("OSC_MAIL_IN_IMAP_PORT", self.imaps.to_string()),
            ("OSC_MAIL_IN_IMAP_USER", user.to_owned()),
            ("OSC_MAIL_IN_IMAP_PASSWORD", PASSWORD.to_owned()),
            (
                "OSC_MAIL_IN_IMAP_CA_FILE",
                self.ca_file().display().to_string(),
            ),
        ]
    }

    /// Delivers `raw` into `user`'s INBOX.
    pub fn deliver(&self, user: &str, raw: &[u8]) {
        use std::io::Write;
        let mut save = Command::new("doveadm")
            .arg("-c")
            .arg(self.dir.path().join("dovecot.conf"))
            .args(["save", "-u", user, "-m", "INBOX"])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        save.stdin.take().unwrap().write_all(raw).unwrap();
        let out = save.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "doveadm save: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// What the server logged (log-ins name their user).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    /// Stops the server (ending every connection) and starts it again on the same
    /// ports, with the same mail.
    pub async fn restart(mut self) -> Self {
        self.stop();
        let child = spawn(self.dir.path());
        self.child = child;
        self.wait_until_up().await;
        self
    }

    fn stop(&mut self) {
        // SIGTERM: the master stops its login and mail processes with it.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }

    async fn wait_until_up(&self) {
        for _ in 0..400 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.imaps))
                .await
                .is_ok()
                && tokio::net::TcpStream::connect(("127.0.0.1", self.imap))
                    .await
                    .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("Dovecot did not start: {}", self.log());
    }

    /// `user`'s Maildir as Dovecot keeps it.
    fn maildir(&self, user: &str) -> PathBuf {
        self.dir.path().join("mail").join(user).join("Maildir")
    }

    /// How many messages `user`'s `folder` holds (`INBOX`, `Processed`, `Held` …).
    pub fn count(&self, user: &str, folder: &str) -> usize {
        let root = self.maildir(user);
        let dir = if folder == "INBOX" {
            root
        } else {
            root.join(format!(".{folder}"))
        };
        count_in(&dir)
    }
}

impl Dovecot {
    /// How many messages in `user`'s `folder` are flagged seen (Maildir's `:2,…S…`).
    pub fn seen(&self, user: &str, folder: &str) -> usize {
        let dir = self.maildir(user).join(format!(".{folder}")).join("cur");
        std::fs::read_dir(dir).map_or(0, |d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| {
                    name.rsplit_once(":2,")
                        .is_some_and(|(_, flags)| flags.contains('S'))
                })
                .count()
        })
    }
}

fn count_in(dir: &Path) -> usize {
    ["new", "cur"]
        .iter()
        .map(|sub| std::fs::read_dir(dir.join(sub)).map_or(0, |d| d.count()))
        .sum()
}

/// Dovecot in the foreground on the configuration in `root`.
fn spawn(root: &Path) -> Child {
    Command::new("dovecot")
        .arg("-F")
        .arg("-c")
        .arg(root.join("dovecot.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dovecot (apt-get install dovecot-imapd)")
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        self.stop();
    }
}
