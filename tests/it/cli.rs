//! The `osc` binary itself: zero-config start, configuration errors, shutdown on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use osc::store::Store;

const OSC: &str = env!("CARGO_BIN_EXE_osc");

#[test]
fn bad_config_value_stops_start_up_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("osc.toml");
    std::fs::write(&file, "[server]\nbind = \"not an address\"\n").unwrap();
    let out = Command::new(OSC)
        .args(["--config", file.to_str().unwrap(), "serve"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("server.bind"), "{err}");
    assert!(!dir.path().join("data").exists(), "nothing was created");
}

#[test]
fn bad_config_file_and_environment_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("osc.toml");
    std::fs::write(&file, "[server\nbind = 1").unwrap();
    let out = Command::new(OSC)
        .args(["--config", file.to_str().unwrap(), "serve"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid TOML"));

    let out = Command::new(OSC)
        .arg("serve")
        .env("OSC_STORAGE_CACHE_MB", "lots")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("storage.cache_mb"));

    let out = Command::new(OSC)
        .args([
            "--config",
            dir.path().join("missing.toml").to_str().unwrap(),
            "serve",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.toml"));
}

#[test]
fn serves_with_no_configuration_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(OSC)
        .arg("serve")
        .env("OSC_SERVER_BIND", "127.0.0.1:0")
        .env("NO_COLOR", "1")
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(pos) = line.find("listening on http://") {
            let rest = &line[pos + "listening on ".len()..];
            url = Some(rest.split_whitespace().next().unwrap().to_owned());
            break;
        }
    }
    let url = url.expect("logs the URL it listens on");
    assert!(dir.path().join("data/osc.redb").exists(), "creates ./data");

    let rt = tokio::runtime::Runtime::new().unwrap();
    let status = rt.block_on(async {
        reqwest::get(format!("{url}/healthz"))
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 200);
    // The server allocates with jemalloc, with its settings: the background thread that
    // returns freed memory to the system runs.
    let threads = std::fs::read_dir(format!("/proc/{}/task", child.id())).unwrap();
    let names: Vec<String> = threads
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.trim().starts_with("jemalloc_bg_thd")),
        "jemalloc's background thread: {names:?}"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(std::time::Instant::now() < deadline, "stops within 15 s");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "exit status {exit:?}");
    Store::open(&dir.path().join("data"), 1 << 20).expect("the store opens again");
}

#[test]
fn json_log_format_writes_one_json_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(OSC)
        .args(["--log-format", "json", "serve"])
        .env("OSC_SERVER_BIND", "127.0.0.1:0")
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut saw_listening = false;
    // The migrations of a fresh store log a line each before the server listens.
    for line in BufReader::new(stdout).lines().take(100) {
        let line = line.unwrap();
        let value: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(value.get("level").is_some() && value.get("fields").is_some());
        if line.contains("listening on") {
            saw_listening = true;
            break;
        }
    }
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    assert!(saw_listening);
}

#[test]
fn reindex_rebuilds_the_index_and_says_when_a_process_without_a_control_socket_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(OSC)
        .arg("reindex")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("search index rebuilt: 0 tickets"));
    assert!(dir.path().join("data/index").is_dir());

    // With the database held by a process that has no control socket (not an osc
    // server), it says so instead of waiting.
    let store = Store::open(&dir.path().join("data"), 1 << 20).unwrap();
    let out = Command::new(OSC)
        .arg("reindex")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("in use by another osc process"));
    drop(store);
}

fn osc_staff(dir: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    let args: Vec<String> = std::iter::once("staff")
        .chain(args.iter().copied())
        .map(str::to_owned)
        .collect();
    osc_output(dir, &args, stdin)
}

/// Runs `osc <args>` on the data directory `dir` with `stdin` as its input.
fn osc_output(dir: &std::path::Path, args: &[String], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = crate::common::osc_on(dir)
        .args(args)
        .env("OSC_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn staff_accounts_are_added_listed_and_removed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let add = [
        "add",
        "--email",
        "sam@service.example",
        "--name",
        "Sam Service",
    ];
    // The password policy applies: too short, or made of the name, is refused.
    let out = osc_staff(dir.path(), &add, "kurz\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("password refused"));
    let out = osc_staff(dir.path(), &add, &format!("{}\n", crate::common::PASSWORD));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // It says that the first log-in sets up two-step log-in (required of staff).
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("set up two-step log-in") && said.contains("\"required\""),
        "{said}"
    );
    let out = osc_staff(dir.path(), &add, &format!("{}\n", crate::common::PASSWORD));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already has an account"));
    let out = osc_staff(dir.path(), &["add", "--email", "nope", "--name", "X"], "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an e-mail address"));
    let out = osc_staff(dir.path(), &["list"], "");
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.contains("sam@service.example\tSam Service\tactive"),
        "{list}"
    );

    // The account logs in and lands on the service desk; removal ends its session at once.
    let app = crate::common::TestApp::spawn_in(dir, |_| {}).await;
    // The audit log names the command line as the actor.
    let log = app
        .state
        .store
        .audit()
        .page(
            osc::store::audit::Filter {
                event: Some(osc::store::audit::Event::StaffAdded),
                ..Default::default()
            },
            10,
        )
        .unwrap();
    assert_eq!(log.entries.len(), 1);
    assert_eq!(log.entries[0].subject, "sam@service.example");
    assert!(log.entries[0].actor.user.is_none());
    let staff = app.new_agent();
    let r = staff
        .login("sam@service.example", crate::common::PASSWORD)
        .await;
    assert_eq!(r.headers()["location"], "/service");
    app.enrol(&staff, crate::common::PASSWORD).await;
    assert_eq!(staff.get("/tickets").await.status(), 200);
    let dir = app.stop().await;
    let out = osc_staff(
        dir.path(),
        &["remove", "--email", "sam@service.example"],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = osc_staff(dir.path(), &["list"], "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\tremoved"));
    let out = osc_staff(
        dir.path(),
        &["remove", "--email", "sam@service.example"],
        "",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no active staff account"));
    let app = crate::common::TestApp::spawn_in(dir, |_| {}).await;
    let again = app.new_agent();
    let r = again
        .login("sam@service.example", crate::common::PASSWORD)
        .await;
    assert_ne!(r.status(), 303, "a removed account cannot log in");
}

#[tokio::test]
async fn a_staff_member_s_two_step_log_in_is_reset_from_the_command_line() {
    let app = crate::common::TestApp::spawn().await;
    let email = "kim@service.example";
    app.staff(email).await;
    let dir = app.stop().await;

    let out = osc_staff(
        dir.path(),
        &["reset-2fa", "--email", "nobody@service.example"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no account has the e-mail"));
    let out = osc_staff(dir.path(), &["reset-2fa", "--email", email], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("two-step log-in of kim@service.example reset")
    );
    let out = osc_staff(dir.path(), &["reset-2fa", "--email", email], "");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("has no two-step log-in; nothing changed")
    );

    let app = crate::common::TestApp::spawn_in(dir, |_| {}).await;
    // The password alone signs in again, and, as it is required of staff, the set-up
    // comes first once more.
    let kim = app.new_agent();
    let r = kim.login(email, crate::common::PASSWORD).await;
    assert_eq!(r.headers()["location"], "/service");
    let r = kim.get("/service").await;
    assert_eq!(r.headers()["location"], "/account/two-factor");
    // Audited as done on the command line, and the owner is told.
    let log = app
        .state
        .store
        .audit()
        .page(
            osc::store::audit::Filter {
                event: Some(osc::store::audit::Event::TwoFactorReset),
                ..Default::default()
            },
            10,
        )
        .unwrap();
    assert_eq!(log.entries.len(), 1, "one reset changed something");
    assert_eq!(log.entries[0].subject, email);
    assert_eq!(log.entries[0].detail, "command-line");
    app.mail(email, "has reset the two-step log-in").await;
}

/// Runs `osc <args>` on `dir`, with `stdin` as its input, off the test's runtime (whose
/// thread also runs the server it may talk to); returns its exit, output and errors.
pub async fn osc(dir: &std::path::Path, args: &[&str], stdin: &str) -> (bool, String, String) {
    let (dir, stdin) = (dir.to_owned(), stdin.to_owned());
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || osc_blocking(&dir, &args, &stdin))
        .await
        .unwrap()
}

fn osc_blocking(dir: &std::path::Path, args: &[String], stdin: &str) -> (bool, String, String) {
    let out = osc_output(dir, args, stdin);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn commands_work_on_a_running_server_and_without_it_with_the_same_output() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_owned();
    let password = format!("{}\n", crate::common::PASSWORD);
    let add = |email: &'static str| ["staff", "add", "--email", email, "--name", "Sam Service"];
    let (ok, _, err) = osc(&data, &add("sam@service.example"), &password).await;
    assert!(ok, "{err}");
    let (_, list_offline, _) = osc(&data, &["staff", "list"], "").await;
    let (ok, status, err) = osc(&data, &["status"], "").await;
    assert!(ok, "{err}");
    for line in [
        "server       not running",
        "tickets      0",
        "people       1",
        "mail queue   0 waiting, 0 failed",
    ] {
        assert!(status.contains(line), "{line} in:\n{status}");
    }

    // A server runs: the same commands reach it through its owner-only socket.
    let app = crate::common::TestApp::spawn_in(dir, |_| {}).await;
    let socket = data.join(osc::control::SOCKET);
    let meta = std::fs::metadata(&socket).expect("the control socket");
    assert!(meta.file_type().is_socket());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "owner only");
    let (_, list_online, _) = osc(&data, &["staff", "list"], "").await;
    assert_eq!(list_online, list_offline, "the same output either way");
    let (ok, out, err) = osc(&data, &add("kim@service.example"), &password).await;
    assert!(
        ok && out.contains("staff account kim@service.example created"),
        "{out}{err}"
    );
    // The new account logs in on the running server at once.
    let kim = app.new_agent();
    let r = kim
        .login("kim@service.example", crate::common::PASSWORD)
        .await;
    assert_eq!(r.headers()["location"], "/service");
    let (ok, _, err) = osc(&data, &add("kim@service.example"), &password).await;
    assert!(!ok && err.contains("already has an account"), "{err}");

    // Requests filed meanwhile are counted, and found after a rebuild on the live index,
    // which then goes on following new ones.
    let olga = app
        .signed_in(&crate::common::Registration::operator("olga@example.com"))
        .await;
    olga.post(
        "/contact",
        &[("topic", "general"), ("message", "Zaehlerstand Oktober")],
    )
    .await;
    let (ok, status, err) = osc(&data, &["status"], "").await;
    assert!(ok, "{err}");
    assert!(status.contains("server       running for"), "{status}");
    assert!(
        status.contains("tickets      1") && status.contains("people       3"),
        "{status}"
    );
    let (ok, out, err) = osc(&data, &["reindex"], "").await;
    assert!(
        ok && out.contains("search index rebuilt: 1 tickets"),
        "{out}{err}"
    );
    olga.post(
        "/contact",
        &[("topic", "general"), ("message", "Zaehlerstand November")],
    )
    .await;
    for _ in 0..100 {
        let (_, html) = olga.page("/tickets?q=Zaehlerstand").await;
        if html.contains("Zaehlerstand November") && html.contains("Zaehlerstand Oktober") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, html) = olga.page("/tickets?q=Zaehlerstand").await;
    assert!(html.contains("Zaehlerstand November") && html.contains("Zaehlerstand Oktober"));
    let dir = app.stop().await;
    assert!(!socket.exists(), "a stopped server removes its socket");

    // A server killed with -9 leaves its socket behind: the next command notices nobody
    // answers, removes it and works on the files.
    let (mut server, _) = crate::common::serve_binary(dir.path(), &[]);
    assert!(socket.exists());
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(socket.exists(), "left behind by the killed server");
    let (ok, list, err) = osc(dir.path(), &["staff", "list"], "").await;
    assert!(ok, "{err}");
    assert!(list.contains("kim@service.example"), "{list}");
    assert!(!socket.exists(), "the stale socket is removed");
}

#[tokio::test]
async fn the_control_socket_answers_a_garbled_request_with_a_refusal_and_keeps_serving() {
    let app = crate::common::TestApp::spawn().await;
    let socket = app.data_dir().join(osc::control::SOCKET);
    let send = |bytes: &'static [u8]| {
        let socket = socket.clone();
        tokio::task::spawn_blocking(move || {
            use std::io::{Read, Write};
            let mut s = std::os::unix::net::UnixStream::connect(&socket).unwrap();
            s.write_all(bytes).unwrap();
            let mut answer = String::new();
            s.read_to_string(&mut answer).unwrap();
            answer
        })
    };
    let answer = send(b"{\"command\": \"drop-tables\"}\n").await.unwrap();
    let reply: osc::control::Reply = serde_json::from_str(&answer).unwrap();
    assert_eq!(
        reply,
        osc::control::Reply::Failed("the control socket did not understand the request".into())
    );
    let answer = send(b"{\"command\": \"staff-list\"}\n").await.unwrap();
    let reply: osc::control::Reply = serde_json::from_str(&answer).unwrap();
    assert!(
        matches!(&reply, osc::control::Reply::Done(text) if text.contains(crate::common::TEAM)),
        "{reply:?}"
    );
}
