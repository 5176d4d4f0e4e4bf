//! A disk that fills up: the real binary on a small tmpfs. Below the reserve writes are
//! refused with 503 (and `/healthz` says 503) while pages that only read go on; with no
//! reserve redb meets the full disk, and the store reopens its file by itself once space
//! is freed. Either way every acknowledged request is still there afterwards, and a first
//! start on a full disk leaves no database file behind.
//!
//! Mounting a tmpfs needs root: without it these tests say so and pass, except in CI
//! (where `CI` is set), where running without root is a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use osc::store::{Storage, Store};

use crate::common::{Agent, PASSWORD, Registration, TestApp, serve_binary};

/// A tmpfs of a given size, mounted on a fresh directory and unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None` (after saying why) when this is not root and not CI.
    fn mount(mib: u64) -> Option<Self> {
        let uid = Command::new("id").arg("-u").output().unwrap();
        if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
            assert!(
                std::env::var_os("CI").is_none(),
                "the disk tests mount a tmpfs and need root in CI"
            );
            eprintln!("skipped: the disk tests mount a tmpfs and need root");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(mounted.success(), "mount a tmpfs on {:?}", dir.path());
        Some(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn free(&self) -> u64 {
        let s = rustix::fs::statvfs(self.path()).unwrap();
        s.f_bavail * s.f_frsize
    }

    /// Fills the file system with a file until at most `leave` bytes are free (0: until
    /// it refuses more).
    fn fill(&self, leave: u64) -> PathBuf {
        let path = self.path().join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![0x5a_u8; 64 * 1024];
        loop {
            let free = self.free();
            if free <= leave || free == 0 {
                break;
            }
            let n = usize::try_from((free - leave).min(block.len() as u64)).unwrap();
            if file
                .write_all(&block[..n])
                .and_then(|()| file.flush())
                .is_err()
            {
                break;
            }
        }
        path
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Files an anonymous contact request; its number when acknowledged, else the status.
async fn file_request(agent: &Agent, n: usize) -> Result<String, u16> {
    let message = format!("Zählerstand Nummer {n}");
    let r = agent
        .post(
            "/contact",
            &[
                ("name", "Kai Platte"),
                ("email", "kai@example.com"),
                ("topic", "general"),
                ("message", message.as_str()),
            ],
        )
        .await;
    if r.status() != 303 {
        return Err(r.status().as_u16());
    }
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    Ok(location.split("number=").nth(1).unwrap().to_owned())
}

async fn health(agent: &Agent) -> u16 {
    agent.get("/healthz").await.status().as_u16()
}

/// The binary serving a data directory in `data` with `env`; a visitor, and an installer
/// signed in (registered through the in-process server, the session kept in the store).
async fn serve_with_a_session(data: &Path, env: &[(&str, &str)]) -> (Child, Agent, Agent) {
    let app = TestApp::spawn_in(tempfile::tempdir_in(data).unwrap(), |c| {
        c.storage.reserve_mb = 0;
    })
    .await;
    let email = app
        .register_and_confirm(&Registration::installer("boss@platte.de", "Platte Solar"))
        .await;
    let dir = app.stop().await;
    // The data directory lives on in the tmpfs, past the TempDir.
    let dir = dir.keep();
    let mut env = env.to_vec();
    env.push(("OSC_LIMITS_ANONYMOUS_REQUESTS_PER_HOUR", "4000000000"));
    env.push(("OSC_STORAGE_CACHE_MB", "4"));
    let (server, base) = serve_binary(&dir, &env);
    let agent = Agent::plain(&base);
    assert_eq!(agent.login(&email, PASSWORD).await.status(), 303);
    (server, Agent::plain(&base), agent)
}

/// Stops the binary, then opens its store: every acknowledged request must be there.
fn assert_kept(mut server: Child, data: &Path, acked: &[String]) {
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    server.wait().unwrap();
    let dir = std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join(osc::store::DB_FILE).exists())
        .unwrap();
    let store = Store::open(&dir, 1 << 20).unwrap();
    for number in acked {
        assert!(
            store.tickets().by_number(number).unwrap().is_some(),
            "acknowledged request {number} lost"
        );
    }
}

#[tokio::test]
async fn below_the_reserve_writes_wait_reads_go_on_and_space_freed_lets_them_in_again() {
    let Some(disk) = Tmpfs::mount(48) else { return };
    let (server, agent, installer) =
        serve_with_a_session(disk.path(), &[("OSC_STORAGE_RESERVE_MB", "8")]).await;
    let mut acked = Vec::new();
    for n in 0..10 {
        acked.push(file_request(&agent, n).await.expect("room enough"));
    }
    assert_eq!(health(&agent).await, 200);

    let filler = disk.fill(4 << 20);
    assert_eq!(health(&agent).await, 503);
    assert_eq!(file_request(&agent, 100).await, Err(503));
    let r = agent.get("/contact").await;
    assert_eq!(r.status(), 200);
    // Pages that only read keep working: the installer's Ticket Tracking.
    let (status, html) = installer.page("/tickets").await;
    assert_eq!(status, 200, "{html}");

    std::fs::remove_file(filler).unwrap();
    assert_eq!(health(&agent).await, 200);
    for n in 200..205 {
        acked.push(file_request(&agent, n).await.expect("space freed"));
    }
    assert_kept(server, disk.path(), &acked);
}

#[tokio::test]
async fn a_store_that_met_a_full_disk_reopens_itself_once_space_is_freed() {
    let Some(disk) = Tmpfs::mount(48) else { return };
    let (server, agent, installer) =
        serve_with_a_session(disk.path(), &[("OSC_STORAGE_RESERVE_MB", "0")]).await;
    let mut acked = Vec::new();
    for n in 0..10 {
        acked.push(file_request(&agent, n).await.expect("room enough"));
    }
    let filler = disk.fill(0);
    // redb may still have room inside its file for a while: write until it fails.
    let mut refused = None;
    for n in 100..5_000 {
        match file_request(&agent, n).await {
            Ok(number) => acked.push(number),
            Err(status) => {
                refused = Some(status);
                break;
            }
        }
    }
    let refused = refused.expect("a full disk refuses a write at last");
    assert!(refused == 503, "a failed write answers 503, not {refused}");
    assert_eq!(health(&agent).await, 503);

    std::fs::remove_file(filler).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while health(&agent).await != 200 {
        assert!(
            std::time::Instant::now() < deadline,
            "the store reopens itself"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for n in 6_000..6_005 {
        acked.push(file_request(&agent, n).await.expect("reopened"));
    }
    let (status, _) = installer.page("/tickets").await;
    assert_eq!(status, 200);
    assert_kept(server, disk.path(), &acked);
}

#[test]
fn a_first_start_on_a_full_disk_leaves_no_database_file() {
    let Some(disk) = Tmpfs::mount(1) else { return };
    disk.fill(0);
    let out = Command::new(crate::common::OSC)
        .arg("serve")
        .env("OSC_SERVER_BIND", "127.0.0.1:0")
        .env("OSC_STORAGE_DATA_DIR", disk.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("osc.redb"),
        "the message names the file: {stderr}"
    );
    let left: Vec<_> = std::fs::read_dir(disk.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "filler")
        .collect();
    assert!(
        left.iter().all(|n| !n.starts_with("osc.redb")),
        "left behind: {left:?}"
    );
}
