//! What a crash or a steady stream of writes must not do: lose an acknowledged request,
//! or leave it out of search. The index follows the store's feed of changes, so after a
//! real `kill -9` of the binary it catches up from its last commit (no rebuild), and
//! while writes keep coming it still commits; derived changes (a plant operator's new
//! name) reach every ticket they concern.

use std::process::{Child, Command};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use osc::access::TicketScope;
use osc::search::SearchIndex;
use osc::search::query::search;

use crate::common::{Agent, Registration, TestApp};

/// Starts `osc serve` on `dir` and returns it with its base URL.
pub fn serve(dir: &std::path::Path) -> (Child, String) {
    // Every request comes from this one address.
    crate::common::serve_binary(
        dir,
        &[("OSC_LIMITS_ANONYMOUS_REQUESTS_PER_HOUR", "4000000000")],
    )
}

pub fn agent(base: &str) -> Agent {
    Agent::plain(base)
}

/// Files contact requests from `agent` until the server stops answering; pushes the
/// number of every acknowledged one.
pub async fn file_until_gone(agent: Agent, tag: String, acked: Arc<Mutex<Vec<String>>>) {
    let Ok(page) = agent
        .client
        .get(format!("{}/contact", agent.base))
        .send()
        .await
    else {
        return;
    };
    let Ok(html) = page.text().await else { return };
    let Some(token) = crate::common::csrf_in(&html) else {
        return;
    };
    for n in 0.. {
        let message = format!("Zaehlerstand {tag} Nummer {n}");
        let sent = agent
            .client
            .post(format!("{}/contact", agent.base))
            .form(&[
                ("name", "Kai Absturz"),
                ("email", "kai@example.com"),
                ("topic", "general"),
                ("message", message.as_str()),
                ("csrf_token", token.as_str()),
            ])
            .send()
            .await;
        let Ok(sent) = sent else { return };
        if sent.status() != 303 {
            return;
        }
        let location = sent.headers()["location"].to_str().unwrap().to_owned();
        let number = location.rsplit('=').next().unwrap().to_owned();
        acked.lock().unwrap().push(number);
    }
}

/// Whether the index finds ticket `number` (service-team scope).
pub fn findable(index: &SearchIndex, number: &str) -> bool {
    search(index, TicketScope::All, 0, number, 5).is_ok_and(|(ids, _)| !ids.is_empty())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_request_is_searchable_soon_after_a_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut rounds_with_a_gap = 0;
    for round in 0..3 {
        let (mut child, url) = serve(dir.path());
        let writers: Vec<_> = (0..8)
            .map(|w| {
                tokio::spawn(file_until_gone(
                    agent(&url),
                    format!("r{round}w{w}"),
                    acked.clone(),
                ))
            })
            .collect();
        // Let the writers get going, then kill the server in the middle of their work.
        let before = acked.lock().unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(20);
        while acked.lock().unwrap().len() < before + 40 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status()
            .unwrap();
        child.wait().unwrap();
        for w in writers {
            let _ = w.await;
        }
        // What the index on disk holds at the moment of the crash.
        let (index, _) = SearchIndex::open(dir.path()).unwrap();
        let numbers = acked.lock().unwrap().clone();
        if numbers.iter().any(|n| !findable(&index, n)) {
            rounds_with_a_gap += 1;
        }
    }
    let numbers = acked.lock().unwrap().clone();
    assert!(numbers.len() >= 120, "the writers were acknowledged");
    assert!(
        rounds_with_a_gap > 0,
        "some kill landed between a commit and its indexing"
    );

    // Restart: everything acknowledged is in the store and searchable within 2 s.
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let started = Instant::now();
    for number in &numbers {
        assert!(
            app.state
                .store
                .tickets()
                .by_number(number)
                .unwrap()
                .is_some(),
            "acknowledged request {number} is in the store"
        );
    }
    loop {
        app.state.search.reload().unwrap();
        let missing = numbers
            .iter()
            .filter(|n| !findable(&app.state.search, n))
            .count();
        if missing == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{missing} acknowledged requests still not searchable 2 s after the restart"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(app.state.indexer.lag(), 0);
}

#[tokio::test]
async fn requests_become_searchable_while_writes_keep_coming() {
    // Every request comes from this one address.
    let app = TestApp::spawn_with(|c| c.limits.anonymous_requests_per_hour = 1000).await;
    let filed = Arc::new(Mutex::new(Vec::<String>::new()));
    let writer = {
        let agent = app.new_agent();
        let filed = filed.clone();
        tokio::spawn(async move {
            for n in 0..40 {
                let r = agent
                    .post(
                        "/contact",
                        &[
                            ("name", "Stefan Strom"),
                            ("email", "stefan@example.com"),
                            ("topic", "general"),
                            ("message", &format!("Dauerlauf {n}")),
                        ],
                    )
                    .await;
                assert_eq!(r.status(), 303);
                let location = r.headers()["location"].to_str().unwrap().to_owned();
                filed
                    .lock()
                    .unwrap()
                    .push(location.rsplit('=').next().unwrap().to_owned());
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    // The first request is found while the stream of writes still goes on.
    let mut found_while_writing = false;
    while !writer.is_finished() {
        let first = filed.lock().unwrap().first().cloned();
        if first.is_some_and(|n| findable(&app.state.search, &n)) {
            found_while_writing = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        found_while_writing,
        "a request was searchable before the writes stopped"
    );
    writer.await.unwrap();
    let numbers = filed.lock().unwrap().clone();
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    assert!(numbers.iter().all(|n| findable(&app.state.search, n)));
}

#[tokio::test]
async fn a_plant_operators_new_name_finds_the_plants_requests() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer(
            "chef@umbenannt.de",
            "Umbenannt Solar",
        ))
        .await;
    let mut plant = vec![
        ("name", "Scheune Nord"),
        ("street", "Feldweg 2"),
        ("postal_code", "34266"),
        ("city", "Niestetal"),
        ("country", "DE"),
        ("commissioning_date", "2023-04-01"),
        ("operator_name", "Olga Altname"),
    ];
    let plant_id = admin.plant(&plant).await;
    admin
        .device(
            plant_id,
            "2130077001",
            "STP 10.0-3AV-40 — Sunny Tripower 10.0 (9345)",
        )
        .await;
    let r = admin
        .post(
            "/contact",
            &[
                ("topic", "technical"),
                ("serial", "2130077001"),
                ("message", "Isolationsfehler seit gestern"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    app.state.indexer.flush().await;
    let (_, html) = admin.page("/tickets?q=Altname").await;
    assert_eq!(
        crate::search::hits(&html),
        1,
        "found by the operator's name"
    );

    // The operator's name changes on the plant: its requests follow.
    plant.retain(|(k, _)| *k != "operator_name");
    plant.push(("operator_name", "Olga Neuname"));
    let r = admin.post(&format!("/plants/{plant_id}"), &plant).await;
    assert_eq!(r.status(), 303, "plant saved");
    app.state.indexer.flush().await;
    let (_, html) = admin.page("/tickets?q=Neuname").await;
    assert_eq!(crate::search::hits(&html), 1, "found by the new name");
    let (_, html) = admin.page("/tickets?q=Altname").await;
    assert_eq!(crate::search::hits(&html), 0, "the old name is gone");
}
