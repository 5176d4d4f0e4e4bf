//! Webhooks: endpoints registered by a company's administrators and by the service team,
//! deliveries queued with their events and posted to a receiver this test runs on
//! loopback (allowed through `webhooks.allow`), signed with HMAC-SHA256 that the test
//! checks itself, retried after failures, an endpoint paused after a day of them (its
//! owner told), resent with the same id, and the URLs that are refused.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use osc::domain::ticket::TicketStatus;
use serde_json::Value;
use sha2::Sha256;

use crate::common::{Agent, PASSWORD, Registration, TestApp, eventually, redirect_id};

/// One request the receiver got.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    event: String,
    pub(crate) delivery: String,
    signature: String,
    body: String,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// A webhook receiver on loopback: records every request and answers with the status
/// `answer` holds at the time.
#[derive(Clone)]
pub(crate) struct Receiver {
    pub(crate) url: String,
    got: Arc<Mutex<Vec<Received>>>,
    answer: Arc<Mutex<u16>>,
    delay: Arc<Mutex<Duration>>,
}

impl Receiver {
    pub(crate) async fn start() -> Self {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let answer = Arc::new(Mutex::new(200u16));
        let delay = Arc::new(Mutex::new(Duration::ZERO));
        let (g, a, w) = (got.clone(), answer.clone(), delay.clone());
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: String| {
                let (g, a, w) = (g.clone(), a.clone(), w.clone());
                async move {
                    let header = |name: &str| {
                        headers
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    g.lock().unwrap().push(Received {
                        event: header("osc-event"),
                        delivery: header("osc-delivery"),
                        signature: header("osc-signature"),
                        body,
                    });
                    let (status, wait) = (*a.lock().unwrap(), *w.lock().unwrap());
                    tokio::time::sleep(wait).await;
                    (
                        StatusCode::from_u16(status).unwrap(),
                        [("location", "http://169.254.169.254/latest/meta-data/")],
                    )
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver {
            url,
            got,
            answer,
            delay,
        }
    }

    fn answer(&self, status: u16) {
        *self.answer.lock().unwrap() = status;
    }

    fn delay(&self, wait: Duration) {
        *self.delay.lock().unwrap() = wait;
    }

    fn got(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until the receiver got `n` requests; returns them.
    pub(crate) async fn wait_for(&self, n: usize) -> Vec<Received> {
        eventually(Duration::from_secs(10), || {
            let got = self.got();
            (got.len() >= n).then_some(got)
        })
        .await
    }
}

/// Checks `r`'s signature as a receiver would: HMAC-SHA256 over "<t>.<body>" with the
/// endpoint's secret, in hex, in `OSC-Signature: t=<t>,v1=<hex>`.
fn signed_with(r: &Received, secret: &str) -> bool {
    let (Some(t), Some(v1)) = (
        r.signature.split(',').find_map(|p| p.strip_prefix("t=")),
        r.signature.split(',').find_map(|p| p.strip_prefix("v1=")),
    ) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{}", r.body).as_bytes());
    hex::encode(mac.finalize().into_bytes()) == v1
}

/// A portal whose webhooks may reach loopback (the test's receiver).
async fn portal() -> TestApp {
    TestApp::spawn_with(|c| c.webhooks.allow = vec!["127.0.0.1".into()]).await
}

/// Registers an endpoint through the form; its id and signing secret.
async fn register(agent: &Agent, url: &str, events: &[&str]) -> (u64, String) {
    let mut fields = vec![("url", url)];
    fields.extend(events.iter().map(|e| (*e, "on")));
    let r = agent.post("/webhooks", &fields).await;
    assert_eq!(r.status(), 303, "endpoint registered");
    let id = redirect_id(&r, "/webhooks/");
    let r = agent.get(&format!("/webhooks/{id}")).await;
    assert_eq!(r.headers()["cache-control"], "no-store");
    let page = r.text().await.unwrap();
    let start = page.find(r#"id="webhook-secret">"#).expect("the secret") + 20;
    let end = page[start..].find("</code>").unwrap() + start;
    let secret = page[start..end].to_owned();
    assert!(secret.starts_with("whsec_"), "{secret}");
    (id, secret)
}

/// Wakes the delivery worker (after the test clock moved on).
fn ring(app: &TestApp) {
    app.state.store.doorbells().hooks.notify_one();
}

#[tokio::test]
async fn a_companys_endpoint_gets_its_events_signed_and_nothing_of_others() {
    let app = portal().await;
    let receiver = Receiver::start().await;
    let (staff, company, plant, _) = app.workshop_with_request(TicketStatus::New).await;
    let every = [
        "request_created",
        "request_state_changed",
        "request_message_added",
        "plant_created",
        "device_registered",
        "device_swapped",
    ];
    let (_, secret) = register(&company.admin.agent, &receiver.url, &every).await;

    // A new plant with a device, a request about it, a message, a change of state.
    let admin = &company.admin.user;
    let (new_plant, _) = app.plant_with_devices(admin, "Hof Süd", &[("3009876543", 9088)]);
    let sam = app.user("sam@service.example");
    let ticket = app.ticket_in(admin, Some("3009876543"), &sam, TicketStatus::InProgress);
    app.message(&sam, &ticket, "Wir tauschen den Wechselrichter.", false);
    app.message(&sam, &ticket, "Intern: Lager prüfen", true);

    // Another company's plant and request: not this endpoint's.
    let other = app.company("Becker Energie", "becker.de").await;
    app.plant_with_devices(&other.admin.user, "Becker Dach", &[("3005555555", 9088)]);
    app.ticket_in(&other.admin.user, None, &sam, TicketStatus::New);

    receiver.wait_for(5).await;
    // Give stray deliveries a moment to show.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got = receiver.got();
    let mut events: Vec<&str> = got.iter().map(|r| r.event.as_str()).collect();
    events.sort_unstable();
    assert_eq!(
        events,
        [
            "device.registered",
            "plant.created",
            "request.created",
            "request.message_added",
            "request.state_changed",
        ],
        "nothing of Becker, no internal note"
    );
    for r in &got {
        assert!(signed_with(r, &secret), "signature of {}", r.event);
        assert!(!signed_with(r, "whsec_wrong"));
        let body = r.json();
        assert_eq!(body["id"], r.delivery, "the id receivers deduplicate by");
        assert_eq!(body["event"], r.event);
        assert!(body["created_at"].as_str().unwrap().ends_with('Z'));
    }
    let of = |event: &str| got.iter().find(|r| r.event == event).unwrap().json();
    let plant_event = of("plant.created");
    assert_eq!(plant_event["data"]["id"], new_plant.id);
    assert_eq!(plant_event["data"]["name"], "Hof Süd");
    assert_eq!(of("device.registered")["data"]["serial"], 3_009_876_543u64);
    let created = of("request.created");
    assert_eq!(created["data"]["number"], ticket.number.as_str());
    assert_eq!(created["data"]["status"], "new");
    let moved = of("request.state_changed");
    assert_eq!(moved["data"]["from"], "new");
    assert_eq!(moved["data"]["to"], "in-progress");
    let message = of("request.message_added");
    assert_eq!(
        message["data"]["message"]["text"],
        "Wir tauschen den Wechselrichter."
    );
    assert_eq!(message["data"]["message"]["internal"], false);
    let _ = (plant, staff);

    // The endpoint's page lists the deliveries with their answer and time.
    let (_, page) = company.admin.agent.page("/webhooks/1").await;
    assert!(page.contains("request.message_added"), "{page}");
    assert!(page.contains("HTTP 200"));
    assert!(page.contains(" ms"));
}

#[tokio::test]
async fn the_service_teams_endpoint_hears_every_company_and_internal_notes() {
    let app = portal().await;
    let receiver = Receiver::start().await;
    let (staff, company, _, ticket) = app.workshop_with_request(TicketStatus::New).await;
    let (_, secret) = register(
        &staff,
        &receiver.url,
        &["request_created", "request_message_added"],
    )
    .await;
    let sam = app.user("sam@service.example");
    app.message(&sam, &ticket, "Intern: Lager prüfen", true);
    let other = app.company("Becker Energie", "becker.de").await;
    app.ticket_in(&other.admin.user, None, &sam, TicketStatus::New);
    let got = receiver.wait_for(2).await;
    let note = got
        .iter()
        .find(|r| r.event == "request.message_added")
        .unwrap();
    assert_eq!(note.json()["data"]["message"]["internal"], true);
    let created = got.iter().find(|r| r.event == "request.created").unwrap();
    assert_eq!(created.json()["data"]["company_id"], other.id);
    assert!(got.iter().all(|r| signed_with(r, &secret)));

    // The company's administrator does not see the team's endpoint, nor its list.
    let (status, list) = company.admin.agent.page("/webhooks").await;
    assert_eq!(status, 200);
    assert!(
        !list.contains(&receiver.url),
        "another scope's endpoint listed"
    );
    assert_eq!(company.admin.agent.page("/webhooks/1").await.0, 404);
    let r = company
        .admin
        .agent
        .post("/webhooks/1/deliveries/1/resend", &[])
        .await;
    assert_eq!(r.status(), 404);
    // Installers and plant operators have no webhooks at all.
    assert_eq!(company.installer.agent.page("/webhooks").await.0, 404);
    let operator = app
        .signed_in(&Registration::operator("op@example.com"))
        .await;
    assert_eq!(operator.page("/webhooks").await.0, 404);
}

#[tokio::test]
async fn a_failing_receiver_is_retried_then_the_endpoint_paused_and_its_owner_told() {
    let app = portal().await;
    let receiver = Receiver::start().await;
    let (staff, company, _, _) = app.workshop_with_request(TicketStatus::New).await;
    let (id, secret) = register(&company.admin.agent, &receiver.url, &["request_created"]).await;
    let sam = app.user("sam@service.example");

    // Two failures, then the receiver takes it: the same delivery, the same id.
    receiver.answer(500);
    app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    receiver.wait_for(1).await;
    app.state.clock.advance(31);
    ring(&app);
    receiver.wait_for(2).await;
    receiver.answer(200);
    app.state.clock.advance(61);
    ring(&app);
    let got = receiver.wait_for(3).await;
    assert_eq!(got[0].delivery, got[2].delivery, "retried with the same id");
    assert!(got.iter().all(|r| signed_with(r, &secret)));
    let first = app.state.store.webhooks().recent(id, 1).unwrap()[0]
        .1
        .clone();
    eventually(Duration::from_secs(5), || {
        let d = &app.state.store.webhooks().recent(id, 1).unwrap()[0].1;
        d.delivered_at.is_some().then_some(())
    })
    .await;
    let _ = first;

    // Now it fails for good: retried at least hourly, paused after a day.
    receiver.answer(503);
    app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    receiver.wait_for(4).await;
    let mut paused = false;
    for _ in 0..40 {
        app.state.clock.advance(3600);
        ring(&app);
        let before = receiver.got().len();
        let _ = eventually(Duration::from_secs(5), || {
            let e = app.state.store.webhooks().get(id).unwrap().unwrap();
            (e.paused_at.is_some() || receiver.got().len() > before).then_some(())
        })
        .await;
        if app
            .state
            .store
            .webhooks()
            .get(id)
            .unwrap()
            .unwrap()
            .paused_at
            .is_some()
        {
            paused = true;
            break;
        }
    }
    assert!(paused, "paused after a day of failures");
    let mail = app.mail("chef@kuehn-solar.de", "paused").await;
    assert!(mail.contains(&receiver.url), "{mail}");
    assert!(mail.contains(&format!("/webhooks/{id}")), "{mail}");

    // Paused: nothing more is sent.
    let before = receiver.got().len();
    app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    app.state.clock.advance(3600);
    ring(&app);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.got().len(), before, "nothing sent while paused");

    // Its page says so; resuming sends what waited.
    let admin = app.new_agent();
    assert_eq!(
        admin.login("chef@kuehn-solar.de", PASSWORD).await.status(),
        303
    );
    let (_, page) = admin.page(&format!("/webhooks/{id}")).await;
    assert!(page.contains("Paused since"), "{page}");
    receiver.answer(200);
    let r = admin.post(&format!("/webhooks/{id}/resume"), &[]).await;
    assert_eq!(r.status(), 303);
    let got = receiver.wait_for(before + 2).await;
    let waited: Vec<_> = got[before..].iter().map(|r| r.event.as_str()).collect();
    assert_eq!(waited, ["request.created", "request.created"]);
    let _ = staff;
}

#[tokio::test]
async fn a_delivery_is_resent_with_the_same_id() {
    let app = portal().await;
    let receiver = Receiver::start().await;
    let (_, company, _, _) = app.workshop_with_request(TicketStatus::New).await;
    let (id, _) = register(&company.admin.agent, &receiver.url, &["request_created"]).await;
    let sam = app.user("sam@service.example");
    app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    let got = receiver.wait_for(1).await;
    let delivery = app.state.store.webhooks().recent(id, 1).unwrap()[0].0;
    let r = company
        .admin
        .agent
        .post(&format!("/webhooks/{id}/deliveries/{delivery}/resend"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let again = receiver.wait_for(2).await;
    assert_eq!(again[1].delivery, got[0].delivery);
    assert_eq!(again[1].body, got[0].body);
    // Another endpoint's delivery cannot be resent through this one.
    let r = company
        .admin
        .agent
        .post(&format!("/webhooks/{id}/deliveries/999/resend"), &[])
        .await;
    assert_eq!(r.status(), 404);
    // Taken deliveries are kept 30 days on the page, then deleted.
    app.state.clock.advance(31 * 24 * 3600);
    ring(&app);
    eventually(Duration::from_secs(5), || {
        app.state
            .store
            .webhooks()
            .recent(id, 10)
            .unwrap()
            .is_empty()
            .then_some(())
    })
    .await;
}

#[tokio::test]
async fn internal_and_malformed_addresses_are_refused_next_to_the_field() {
    // No `webhooks.allow`: loopback and private networks are out of reach.
    let app = TestApp::spawn().await;
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let agent = &company.admin.agent;
    for (url, message) in [
        ("http://127.0.0.1:9/hook", "private or local network"),
        // A name resolving to loopback is refused after resolution.
        ("http://localhost:9/hook", "private or local network"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "private or local network",
        ),
        ("http://10.1.2.3/hook", "private or local network"),
        ("http://[::1]/hook", "private or local network"),
        ("http://[fd00:ec2::254]/", "private or local network"),
        (
            "ftp://files.example.com/hook",
            "complete http or https address",
        ),
        ("hooks.example.com", "complete http or https address"),
        ("https://user:pw@192.0.2.1/hook", "user name and password"),
        ("", "Please fill in this field"),
    ] {
        let r = agent
            .post("/webhooks", &[("url", url), ("request_created", "on")])
            .await;
        assert_eq!(r.status(), 422, "{url}");
        let page = r.text().await.unwrap();
        assert!(page.contains(message), "{url}: {page}");
        assert!(
            page.contains(&format!(r#"value="{}""#, url.replace('&', "&amp;"))),
            "{url} kept in the field"
        );
        assert!(page.contains(r#"aria-invalid="true""#));
    }
    // No event chosen.
    let r = agent
        .post("/webhooks", &[("url", "http://192.0.2.1/hook")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Choose at least one event")
    );
    assert!(
        app.state
            .store
            .webhooks()
            .of_scope(Some(company.id))
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn an_address_no_longer_allowed_is_refused_at_delivery() {
    // Registered while loopback was allowed …
    let app = portal().await;
    let receiver = Receiver::start().await;
    let (_, company, _, _) = app.workshop_with_request(TicketStatus::New).await;
    let (id, _) = register(&company.admin.agent, &receiver.url, &["request_created"]).await;
    let dir = app.stop().await;
    // … and sent after the administrator took loopback off the list.
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let sam = app.user("sam@service.example");
    let admin = app.user("chef@kuehn-solar.de");
    app.ticket_in(&admin, None, &sam, TicketStatus::New);
    let attempt = eventually(Duration::from_secs(10), || {
        let recent = app.state.store.webhooks().recent(id, 1).unwrap();
        recent.first().and_then(|(_, d)| d.last.clone())
    })
    .await;
    assert_eq!(attempt.error.as_deref(), Some("refused"));
    assert_eq!(attempt.status, None);
    assert!(receiver.got().is_empty(), "nothing reached loopback");
    let agent = app.new_agent();
    agent.login("chef@kuehn-solar.de", PASSWORD).await;
    let (_, page) = agent.page(&format!("/webhooks/{id}")).await;
    assert!(page.contains("Address refused"), "{page}");
}

#[tokio::test]
async fn a_delivery_waiting_for_a_retry_outlives_a_restart() {
    let app = portal().await;
    let receiver = Receiver::start().await;
    let (_, company, _, _) = app.workshop_with_request(TicketStatus::New).await;
    let (id, secret) = register(&company.admin.agent, &receiver.url, &["request_created"]).await;
    receiver.answer(502);
    let sam = app.user("sam@service.example");
    let ticket = app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    receiver.wait_for(1).await;
    let dir = app.stop().await;
    // Started again, the delivery is still due and is made once the receiver is back.
    receiver.answer(200);
    let app = TestApp::spawn_in(dir, |c| c.webhooks.allow = vec!["127.0.0.1".into()]).await;
    app.state.clock.advance(31);
    ring(&app);
    let got = receiver.wait_for(2).await;
    assert_eq!(got[0].delivery, got[1].delivery);
    assert!(signed_with(&got[1], &secret));
    assert_eq!(got[1].json()["data"]["number"], ticket.number.as_str());
    eventually(Duration::from_secs(5), || {
        let d = &app.state.store.webhooks().recent(id, 1).unwrap()[0].1;
        (d.delivered_at.is_some() && d.attempts == 2).then_some(())
    })
    .await;
}

#[tokio::test]
async fn a_redirect_is_not_followed_and_a_slow_receiver_times_out() {
    let app = TestApp::spawn_with(|c| {
        c.webhooks.allow = vec!["127.0.0.1".into()];
        c.webhooks.timeout_secs = 1;
    })
    .await;
    let receiver = Receiver::start().await;
    let (_, company, _, _) = app.workshop_with_request(TicketStatus::New).await;
    let (id, _) = register(&company.admin.agent, &receiver.url, &["request_created"]).await;
    let sam = app.user("sam@service.example");
    let last = |app: &TestApp| {
        app.state.store.webhooks().recent(id, 1).unwrap()[0]
            .1
            .last
            .clone()
    };

    // A redirect (to the metadata address) counts as a failure and is not followed.
    receiver.answer(302);
    app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    receiver.wait_for(1).await;
    let attempt = eventually(Duration::from_secs(5), || last(&app)).await;
    assert_eq!(attempt.status, Some(302));
    assert_eq!(attempt.error.as_deref(), Some("redirect"));
    assert_eq!(receiver.got().len(), 1, "followed nowhere");

    // An answer later than webhooks.timeout_secs is a timeout.
    receiver.answer(200);
    receiver.delay(Duration::from_secs(3));
    app.state.clock.advance(31);
    ring(&app);
    let attempt = eventually(Duration::from_secs(8), || {
        last(&app).filter(|a| a.error.as_deref() == Some("timeout"))
    })
    .await;
    assert_eq!(attempt.status, None);
    let (_, page) = company.admin.agent.page(&format!("/webhooks/{id}")).await;
    assert!(page.contains("No answer in time"), "{page}");
}
