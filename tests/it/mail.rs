//! Mail that is never lost: queued inside the caller's transaction, delivered by the
//! worker, kept and retried (also after a restart) when delivery fails.

use std::time::Duration;

use osc::config::{MailTransportKind, SmtpSecurity};
use osc::store::mail_queue::{self, MailState, OutgoingMail};
use osc::store::{Storage, Store};

use crate::common::{TestApp, eventually, outbox_files};

fn sample(subject: &str) -> OutgoingMail {
    OutgoingMail {
        from: "Online Service Center <noreply@localhost>".into(),
        to: "Anna Müller <anna@example.com>".into(),
        subject: subject.into(),
        text: "Hallo Anna,\n\nIhr Ticket 2026-000001 ist eingegangen.\n".into(),
        thread: None,
    }
}

#[tokio::test]
async fn queued_mail_lands_in_the_outbox_as_eml() {
    let app = TestApp::spawn().await;
    let id = app
        .state
        .store
        .mail_queue()
        .enqueue_now(sample("Ticket 2026-000001"))
        .unwrap();
    let files = eventually(Duration::from_secs(10), || {
        let f = app.outbox();
        (!f.is_empty()).then_some(f)
    })
    .await;
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(eml.contains("Subject: Ticket 2026-000001"), "{eml}");
    assert!(eml.contains("To:") && eml.contains("anna@example.com"));
    let store = app.state.store.clone();
    eventually(Duration::from_secs(5), || {
        let m = store.mail_queue().get(id).unwrap().unwrap();
        matches!(m.state, MailState::Sent { .. }).then_some(())
    })
    .await;
}

#[tokio::test]
async fn mail_of_a_rolled_back_transaction_is_never_sent() {
    // The embedded store's own transaction, opened while the server is down.
    let dir = TestApp::spawn().await.stop().await;
    {
        let store = Store::open(dir.path(), 1 << 20).unwrap();
        {
            let txn = store.write().unwrap();
            mail_queue::enqueue(&txn, sample("never")).unwrap();
            // Dropped without commit: the action failed, so its mail must not leave.
        }
        store.mail_queue().enqueue_now(sample("sent")).unwrap();
    }
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let files = eventually(Duration::from_secs(10), || {
        let f = app.outbox();
        (!f.is_empty()).then_some(f)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let files_now = app.outbox();
    assert_eq!(files_now.len(), 1, "{files:?}");
    let eml = std::fs::read_to_string(&files_now[0]).unwrap();
    assert!(eml.contains("Subject: sent"));
    assert_eq!(app.state.store.mail_queue().counts().unwrap(), (0, 1));
}

#[tokio::test]
async fn failed_delivery_stays_queued_and_is_retried_after_restart() {
    // An SMTP server that is not there: every attempt fails.
    let closed_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = TestApp::spawn_with(|c| {
        c.mail.transport = MailTransportKind::Smtp;
        c.mail.smtp_host = "127.0.0.1".into();
        c.mail.smtp_port = closed_port;
        c.mail.smtp_security = SmtpSecurity::None;
        c.mail.retry_base_secs = 60;
        c.mail.retry_max_secs = 60;
    })
    .await;
    let id = app
        .state
        .store
        .mail_queue()
        .enqueue_now(sample("Bestätigung"))
        .unwrap();
    let store = app.state.store.clone();
    let failed = eventually(Duration::from_secs(20), || {
        let m = store.mail_queue().get(id).unwrap().unwrap();
        (m.attempts >= 1).then_some(m)
    })
    .await;
    drop(store);
    assert_eq!(failed.state, MailState::Pending, "kept after failing");
    assert!(failed.last_error.is_some(), "the reason is recorded");
    assert!(failed.next_attempt_at > failed.queued_at, "backs off");
    assert_eq!(app.state.store.mail_queue().counts().unwrap(), (1, 0));

    // Restart with a working transport: the message goes out.
    let dir = app.stop().await;
    let outbox = dir.path().join("outbox");
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let files = eventually(Duration::from_secs(10), || {
        let f = outbox_files(&outbox);
        (!f.is_empty()).then_some(f)
    })
    .await;
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        eml.contains("Subject: =?utf-8?") || eml.contains("Bestätigung"),
        "{eml}"
    );
    let store = app.state.store.clone();
    let sent = eventually(Duration::from_secs(5), || {
        let m = store.mail_queue().get(id).unwrap().unwrap();
        matches!(m.state, MailState::Sent { .. }).then_some(m)
    })
    .await;
    assert_eq!(sent.attempts, failed.attempts + 1);
}
