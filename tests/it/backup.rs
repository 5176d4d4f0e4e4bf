//! Running it for years: `osc backup` while the portal serves, `osc restore` that checks
//! before it replaces anything, and `osc check` that finds what is wrong with the derived
//! parts and repairs them. Everything runs the real binary on a real data directory.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use osc::store::backup::{Manifest, manifest_path};
use sha2::Digest;

use crate::cli::osc;
use crate::durability::{agent, file_until_gone, findable, serve};

fn sha256(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_eight_writers_file_tickets_restores_every_acknowledged_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_owned();
    let backups = tempfile::tempdir().unwrap();
    let file = backups.path().join("during-writes.redb");
    let (mut child, url) = serve(&data);
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..8)
        .map(|w| tokio::spawn(file_until_gone(agent(&url), format!("b{w}"), acked.clone())))
        .collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    while acked.lock().unwrap().len() < 60 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Everything acknowledged before the backup begins must be in it.
    let before = acked.lock().unwrap().clone();
    assert!(before.len() >= 60, "the writers are acknowledged");
    let (ok, out, err) = osc(&data, &["backup", "--to", file.to_str().unwrap()], "").await;
    assert!(ok, "{out}{err}");
    assert!(out.contains("backup written to"), "{out}");
    // The portal kept serving: writes were acknowledged while and after it ran.
    let deadline = Instant::now() + Duration::from_secs(10);
    while acked.lock().unwrap().len() < before.len() + 20 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(acked.lock().unwrap().len() >= before.len() + 20);
    let manifest = Manifest::read_beside(&file).unwrap();
    assert!(manifest.tickets() >= before.len() as u64, "{manifest:?}");
    assert_eq!(manifest.sha256, sha256(&file));

    // A restore needs the server stopped.
    let (ok, _, err) = osc(&data, &["restore", file.to_str().unwrap()], "").await;
    assert!(!ok && err.contains("stop it first"), "{err}");
    child.kill().unwrap();
    child.wait().unwrap();
    for w in writers {
        let _ = w.await;
    }
    let after = acked.lock().unwrap().len();
    let (ok, out, err) = osc(&data, &["restore", file.to_str().unwrap()], "").await;
    assert!(ok, "{out}{err}");
    assert!(out.contains("kept as"), "{out}");
    let kept: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("osc.redb.before-restore-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the database that was in place is kept");

    // The restored instance opens, holds and finds every ticket acknowledged before the
    // backup, and none of those filed after it.
    let app = crate::common::TestApp::spawn_in(dir, |_| {}).await;
    let tickets = app.state.store.tickets();
    for number in &before {
        assert!(tickets.by_number(number).unwrap().is_some(), "{number}");
        assert!(findable(&app.state.search, number), "{number} is found");
    }
    let held = app.state.store.totals().unwrap().tickets;
    assert_eq!(held, manifest.tickets());
    assert!(
        held < after as u64,
        "the later writes are not in the backup"
    );
    let staff = app.staff("sam@service.example").await;
    let (status, html) = staff
        .page(&format!("/service/tickets?q={}", before[0]))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&before[0]), "the desk finds it");
}

/// A data directory with a few requests and a backup of it; returns the backup file.
async fn backed_up() -> (tempfile::TempDir, std::path::PathBuf) {
    let app = crate::common::TestApp::spawn().await;
    app.workshop_with_request(osc::domain::ticket::TicketStatus::InProgress)
        .await;
    let data = app.data_dir();
    let (ok, out, err) = osc(&data, &["backup"], "").await;
    assert!(ok, "{out}{err}");
    let dir = app.stop().await;
    let backups = dir.path().join("backups");
    let file = std::fs::read_dir(&backups)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "redb"))
        .expect("the default target");
    let name = file.file_name().unwrap().to_str().unwrap().to_owned();
    assert!(
        name.starts_with("osc-") && name.ends_with("Z.redb"),
        "{name}"
    );
    (dir, file)
}

/// Copies `file` and its manifest to `name` beside it, changed by `damage`.
fn damaged_copy(
    file: &std::path::Path,
    name: &str,
    damage: impl FnOnce(&mut Vec<u8>),
) -> std::path::PathBuf {
    let copy = file.with_file_name(name);
    let mut bytes = std::fs::read(file).unwrap();
    damage(&mut bytes);
    std::fs::write(&copy, bytes).unwrap();
    std::fs::copy(manifest_path(file), manifest_path(&copy)).unwrap();
    copy
}

#[tokio::test]
async fn a_restore_refuses_a_truncated_changed_newer_or_foreign_file_and_changes_nothing() {
    let (dir, file) = backed_up().await;
    let data = dir.path().to_owned();
    let db = data.join(osc::store::DB_FILE);
    // Without a server the command works on the files, saying the same.
    let offline = data.join("offline.redb");
    let (ok, out, err) = osc(&data, &["backup", "--to", offline.to_str().unwrap()], "").await;
    assert!(
        ok && out.contains("backup written to") && out.contains("1 tickets"),
        "{out}{err}"
    );
    let (a, b) = (
        osc::store::backup::verify(&offline).unwrap(),
        Manifest::read_beside(&file).unwrap(),
    );
    assert_eq!((a.tickets(), a.people()), (b.tickets(), b.people()));
    let (ok, _, err) = osc(&data, &["backup", "--to", offline.to_str().unwrap()], "").await;
    assert!(!ok && err.contains("never overwrites"), "{err}");
    let before = sha256(&db);

    let truncated = damaged_copy(&file, "truncated.redb", |b| b.truncate(b.len() / 2));
    let changed = damaged_copy(&file, "changed.redb", |b| {
        let middle = b.len() / 2;
        b[middle] ^= 0x01;
    });
    // A backup of a newer schema, with a manifest that describes it truly.
    let newer = file.with_file_name("newer.redb");
    std::fs::copy(&file, &newer).unwrap();
    {
        let db = redb::Database::open(&newer).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(osc::store::tables::META)
            .unwrap()
            .insert("schema_version", osc::store::SCHEMA_VERSION + 1)
            .unwrap();
        txn.commit().unwrap();
    }
    let mut manifest = Manifest::read_beside(&file).unwrap();
    manifest.schema = osc::store::SCHEMA_VERSION + 1;
    manifest.bytes = std::fs::metadata(&newer).unwrap().len();
    manifest.sha256 = sha256(&newer);
    std::fs::write(
        manifest_path(&newer),
        serde_json::to_string(&manifest).unwrap(),
    )
    .unwrap();
    let foreign = file.with_file_name("holiday.redb");
    std::fs::write(&foreign, b"not a database").unwrap();

    for (path, why) in [
        (&truncated, "incomplete or damaged"),
        (&changed, "SHA-256 differs"),
        (&newer, "restore it with a newer osc"),
        (&foreign, "no manifest"),
    ] {
        let (ok, out, err) = osc(&data, &["restore", path.to_str().unwrap()], "").await;
        assert!(!ok, "{} refused: {out}", path.display());
        assert!(
            err.contains(why) && err.contains("nothing was changed"),
            "{why}: {err}"
        );
        assert_eq!(sha256(&db), before, "the current database is untouched");
        let aside = std::fs::read_dir(&data)
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().contains("before-restore"));
        assert!(!aside, "nothing was moved aside");
    }

    // The good one is restored, and the instance starts on it.
    let (ok, out, err) = osc(&data, &["restore", file.to_str().unwrap()], "").await;
    assert!(ok, "{out}{err}");
    assert!(out.contains("1 tickets"), "{out}");
    let app = crate::common::TestApp::spawn_in(dir, |_| {}).await;
    assert_eq!(app.state.store.totals().unwrap().tickets, 1);
}

#[tokio::test]
async fn check_finds_a_broken_secondary_index_and_a_missing_search_document_and_repairs_them() {
    let app = crate::common::TestApp::spawn().await;
    crate::html::people_of_the_portal(&app).await;
    // What changes the derived tables besides creation: a collaborator removed, a staff
    // account removed, sessions ended by logging out.
    let nord = app.company("Nord Solar GmbH", "nord-solar.de").await;
    let r = nord
        .admin
        .agent
        .post(
            &format!("/company/members/{}/remove", nord.installer.user.id),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303, "collaborator removed");
    osc::service::staff::remove(
        &*app.state.store,
        crate::common::TEAM,
        app.state.clock.now(),
    )
    .unwrap()
    .unwrap();
    nord.admin.agent.post("/logout", &[]).await;
    let ticket = app.state.store.tickets().page(0, 1).unwrap().remove(0);
    let data = app.data_dir();
    // A portal in use is well, through the running server as on the files.
    let (ok, online, err) = osc(&data, &["check"], "").await;
    assert!(ok, "{online}{err}");
    assert!(online.contains("all is well"), "{online}");
    let dir = app.stop().await;
    let (ok, offline, err) = osc(dir.path(), &["check"], "").await;
    assert!(ok, "{offline}{err}");
    let lines = |s: &str| {
        s.lines()
            .filter(|l| !l.contains(" in "))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lines(&online),
        lines(&offline),
        "the same report either way"
    );

    // A row of the ticket lists goes missing, and the index loses the ticket's document.
    {
        use redb::ReadableTable;
        let db = redb::Database::open(dir.path().join(osc::store::DB_FILE)).unwrap();
        let txn = db.begin_write().unwrap();
        {
            let mut lists = txn.open_table(osc::store::tables::TICKET_LIST).unwrap();
            let key = lists
                .iter()
                .unwrap()
                .map(|r| r.unwrap().0.value())
                .find(|k| k.3 == ticket.id)
                .unwrap();
            lists.remove(key).unwrap();
        }
        txn.commit().unwrap();
    }
    {
        let index = tantivy::Index::open_in_dir(dir.path().join(osc::search::INDEX_DIR)).unwrap();
        let field = index
            .schema()
            .get_field(osc::search::schema::TICKET_ID)
            .unwrap();
        let mut writer: tantivy::IndexWriter<tantivy::TantivyDocument> =
            index.writer(15_000_000).unwrap();
        writer.delete_term(tantivy::Term::from_field_u64(field, ticket.id));
        writer.commit().unwrap();
    }
    let (ok, out, err) = osc(dir.path(), &["check"], "").await;
    assert!(!ok, "problems exit non-zero: {out}");
    assert!(
        err.contains("WRONG        ticket_list_v2: 1 missing"),
        "{err}"
    );
    assert!(
        err.contains("1 tickets without a search document")
            && err.contains(&format!("ids {}", ticket.id)),
        "{err}"
    );
    let (ok, out, err) = osc(dir.path(), &["check", "--repair"], "").await;
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("derived tables were rebuilt") && out.contains("search index was rebuilt"),
        "{out}"
    );
    let (ok, out, err) = osc(dir.path(), &["check"], "").await;
    assert!(ok && out.contains("all is well"), "{out}{err}");
}

#[tokio::test]
async fn the_server_takes_scheduled_backups_and_the_desk_and_status_show_the_last_one() {
    use osc::store::backup::{LastBackup, Outcome};
    let app = crate::common::TestApp::spawn_with(|c| c.backup.every_hours = 0).await;
    let staff = app.staff("sam@service.example").await;
    let (_, html) = staff.page("/service").await;
    assert!(
        html.contains("No backup yet.") && html.contains("Scheduled backups are off"),
        "{html}"
    );
    // A backup two hours ago failed: the desk says so, without the reason's internals.
    let failed = LastBackup {
        at: app.state.clock.now() - 7200,
        outcome: Outcome::Failed {
            why: "/var/lib/osc/backups: No space left on device".into(),
        },
    };
    let backups = app.data_dir().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(
        backups.join("last.json"),
        serde_json::to_string(&failed).unwrap(),
    )
    .unwrap();
    let (_, html) = staff.page("/service").await;
    assert!(html.contains("The last backup, started"), "{html}");
    assert!(!html.contains("No space left"), "no internals on the page");
    let (_, status, _) = osc(&app.data_dir(), &["status"], "").await;
    assert!(
        status.contains("last backup  FAILED at") && status.contains("No space left"),
        "{status}"
    );
    let dir = app.stop().await;

    // With a backup due every hour, the restarted server takes one by itself.
    let app = crate::common::TestApp::spawn_in(dir, |c| {
        c.backup.every_hours = 1;
        c.backup.keep = 3;
    })
    .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let written = loop {
        let found = std::fs::read_dir(&backups)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "redb"));
        if let Some(f) = found.filter(|f| manifest_path(f).exists()) {
            break f;
        }
        assert!(Instant::now() < deadline, "no scheduled backup");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(osc::store::backup::verify(&written).is_ok());
    let staff = app.staff_again("sam@service.example").await;
    let (_, html) = staff.page("/service").await;
    assert!(
        html.contains("Last backup") && html.contains("every 1 hours and keeps the last 3"),
        "{html}"
    );
    let (_, status, _) = osc(&app.data_dir(), &["status"], "").await;
    let line = status
        .lines()
        .find(|l| l.starts_with("last backup"))
        .unwrap()
        .to_owned();
    assert!(
        line.contains(written.to_str().unwrap()) && line.contains("one every 1 h, 3 kept"),
        "{line}"
    );
}
