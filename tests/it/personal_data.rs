//! Personal data (GDPR): "Download my data" holds exactly the person's data; the service
//! desk exports it the same way and erases a person, after which nothing of the desk
//! (pages, search, exports, mails) shows their name or address; old closed requests are
//! anonymised.

use std::io::Read;
use std::time::{Duration, Instant};

use osc::domain::ticket::TicketStatus;

use crate::common::{Agent, Registration, TestApp};

/// Starts the export at `start` (posting) and waits on `page` until it can be fetched
/// from `download`; the zip's `data.json` and its file names.
async fn export(
    agent: &Agent,
    start: &str,
    page: &str,
    download: &str,
) -> (String, Vec<String>, Vec<u8>) {
    let r = agent.post(start, &[]).await;
    assert_eq!(r.status(), 303);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, html) = agent.page(page).await;
        assert_eq!(status, 200);
        if html.contains(download) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the export is not ready:\n{html}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let r = agent
        .client
        .get(format!("{}{download}", agent.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/zip");
    let bytes = r.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("a zip");
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    let mut data = String::new();
    zip.by_name("data.json")
        .unwrap()
        .read_to_string(&mut data)
        .unwrap();
    (data, names, bytes)
}

#[tokio::test]
async fn my_data_holds_exactly_my_data_and_only_i_can_download_it() {
    let app = TestApp::spawn().await;
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let (_, devices) =
        app.plant_with_devices(&company.admin.user, "Scheune Nord", &[("3001234567", 9088)]);
    // The administrator's replacement request with an invoice, and a colleague's request.
    let r = crate::replacement::file_with_invoice(&company.admin.agent, devices[0].id).await;
    assert_eq!(r.status(), 303);
    let sam = {
        app.staff("sam@service.example").await;
        app.user("sam@service.example")
    };
    let colleague = app.ticket_in(&company.installer.user, None, &sam, TicketStatus::New);
    let admin = &company.admin;
    let (page_status, html) = admin.agent.page("/profile").await;
    assert_eq!(page_status, 200);
    assert!(
        html.contains("href=\"/profile/data\""),
        "My profile offers it"
    );

    let (data, names, _) = export(
        &admin.agent,
        "/profile/data",
        "/profile/data",
        "/profile/data/download",
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(json["account"]["email"], admin.user.email.as_str());
    let requests = json["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 1, "{data}");
    let number = requests[0]["number"].as_str().unwrap();
    assert!(
        names.contains(&format!("attachments/{number}/1-rechnung.pdf")),
        "{names:?}"
    );
    assert!(json["audit"].as_array().is_some_and(|a| !a.is_empty()));
    // Nothing of the colleague in the same company.
    for theirs in [
        company.installer.user.email.as_str(),
        company.installer.user.last_name.as_str(),
        colleague.number.as_str(),
    ] {
        assert!(!data.contains(theirs), "{theirs} in the export:\n{data}");
    }
    assert!(!data.contains("password"), "no secrets");

    // Only its owner downloads it: the colleague gets theirs or nothing.
    let r = company
        .installer
        .agent
        .client
        .get(app.url("/profile/data/download"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        app.new_agent().get("/profile/data/download").await.status(),
        303
    );
}

#[tokio::test]
async fn an_erased_person_is_gone_from_every_page_search_export_and_mail_of_the_desk() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    let olga = app
        .signed_in(
            &Registration::operator("olga@example.com")
                .with("first_name", "Olga")
                .with("last_name", "Sonnenberg")
                .with("street", "Lindenweg 12"),
        )
        .await;
    let user = app.user("olga@example.com");
    let name = user.full_name();
    assert_eq!(name, "Olga Sonnenberg");
    olga.plant_at("Scheune Olga", ("34117", "Kassel"), ("51.3127", "9.4797"))
        .await;
    olga.post(
        "/contact",
        &[
            ("topic", "general"),
            ("message", "Zaehlerstand Oktober, Gruss Olga"),
        ],
    )
    .await;
    let ticket = app.state.store.tickets().page(0, 10).unwrap().remove(0);
    // A message of hers held aside by the incoming mail (too large, say).
    let held = app
        .state
        .store
        .inbox()
        .hold(osc::store::inbox::HeldMessage {
            at: app.state.clock.now(),
            file: "1.olga.host".to_owned(),
            from: "olga@example.com".to_owned(),
            subject: "Fotos vom Dach, Olga Sonnenberg".to_owned(),
            size: 30 << 20,
            reason: osc::store::inbox::HoldReason::TooLarge,
        })
        .unwrap();
    let person_page = format!("/service/users/{}", user.id);
    let (_, html) = staff.page(&person_page).await;
    assert!(html.contains("Erase this person"), "{html}");

    // The address typed wrongly: said next to the field, kept, nothing erased.
    let r = staff
        .post(
            &format!("{person_page}/erase"),
            &[("confirm_email", "olga@example.org")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("This is not the person") && html.contains("value=\"olga@example.org\""));
    assert!(app.state.store.users().get(user.id).unwrap().is_some());

    let r = staff
        .post(
            &format!("{person_page}/erase"),
            &[("confirm_email", "OLGA@example.com ")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/service/users?erased=")
    );
    assert!(app.state.store.users().get(user.id).unwrap().is_none());
    // Her held message stays listed, without her address or subject.
    let kept = app
        .state
        .store
        .inbox()
        .held_one(held)
        .unwrap()
        .expect("still listed");
    assert_eq!((kept.from.as_str(), kept.subject.as_str()), ("", ""));
    assert_eq!(kept.file, "1.olga.host");
    let (status, _) = olga.page("/tickets").await;
    assert_ne!(status, 200, "her session ended");

    // The request stays (number, facts), without her.
    let kept = app
        .state
        .store
        .tickets()
        .by_number(&ticket.number)
        .unwrap()
        .unwrap();
    assert_eq!(kept.id, ticket.id);
    // Search follows: neither her name nor her address finds anything.
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.state.indexer.lag() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    app.state.search.reload().unwrap();
    for q in [user.last_name.as_str(), "olga@example.com"] {
        let (ids, _) =
            osc::search::query::search(&app.state.search, osc::access::TicketScope::All, 0, q, 10)
                .unwrap();
        assert!(ids.is_empty(), "search for {q} finds {ids:?}");
    }
    let (_, found) = staff
        .page(&format!("/service/tickets?q={}", user.last_name))
        .await;
    assert!(!found.contains(&ticket.number), "the desk's search");
    let export_of_someone = {
        // The desk's export of another customer does not show her either.
        let other = app
            .signed_in(&Registration::operator("otto@example.com"))
            .await;
        other
            .post("/contact", &[("topic", "general"), ("message", "Hallo")])
            .await;
        let otto = app.user("otto@example.com");
        let base = format!("/service/users/{}", otto.id);
        export(
            &staff,
            &format!("{base}/data"),
            &base,
            &format!("{base}/data/download"),
        )
        .await
        .0
    };
    let pages = [
        "/service".to_owned(),
        "/service/tickets?state=all".to_owned(),
        format!("/tickets/{}", ticket.id),
        "/service/audit".to_owned(),
        "/service/mail?show=sent".to_owned(),
        "/service/mail?show=waiting".to_owned(),
        "/service/users?q=olga".to_owned(),
        "/plants".to_owned(),
    ];
    for page in &pages {
        let (_, html) = staff.page(page).await;
        for trace in [name.as_str(), "olga@example.com", user.last_name.as_str()] {
            if let Some(at) = html.find(trace) {
                panic!(
                    "{page} shows {trace}: …{}…",
                    &html[at.saturating_sub(300)..(at + 100).min(html.len())]
                );
            }
        }
    }
    assert!(!export_of_someone.contains("olga@example.com"));
    // The audit log records the erasure, without what was erased.
    let (_, audit) = staff.page("/service/audit?event=person-erased").await;
    assert!(audit.contains("Person erased") && audit.contains(&format!("account {}", user.id)));
    // The desk's mail records hold nothing addressed to her.
    let queued = app
        .state
        .store
        .mail_queue()
        .list(osc::store::mail_queue::Show::Sent, None, 1000)
        .unwrap()
        .0;
    assert!(
        queued
            .iter()
            .all(|(_, m)| !m.mail.to.contains("olga@example.com"))
    );
    // The erasure left every derived table in step with its records.
    let report = app.state.store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // Her address no longer logs in (an attempt now is a new entry of its own).
    let login = app
        .new_agent()
        .login("olga@example.com", crate::common::PASSWORD)
        .await;
    assert_ne!(
        login.headers().get("location").map(|l| l.to_str().unwrap()),
        Some("/tickets")
    );
}

#[tokio::test]
async fn the_last_administrator_of_a_company_with_members_is_not_erased() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let admin = &company.admin.user;
    let r = staff
        .post(
            &format!("/service/users/{}/erase", admin.id),
            &[("confirm_email", admin.email.as_str())],
        )
        .await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("last administrator"));
    assert!(app.state.store.users().get(admin.id).unwrap().is_some());
    // The member goes; then the administrator alone can go too.
    let installer = &company.installer.user;
    let r = staff
        .post(
            &format!("/service/users/{}/erase", installer.id),
            &[("confirm_email", installer.email.as_str())],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = staff
        .post(
            &format!("/service/users/{}/erase", admin.id),
            &[("confirm_email", admin.email.as_str())],
        )
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn closed_requests_past_the_retention_are_anonymised() {
    let app = TestApp::spawn_with(|c| c.tickets.retention_days = 30).await;
    app.staff("sam@service.example").await;
    let sam = app.user("sam@service.example");
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let closed = app.ticket_in(&olga.user, None, &sam, TicketStatus::Closed);
    let open = app.ticket_in(&olga.user, None, &sam, TicketStatus::New);
    assert_eq!(
        osc::service::personal_data::apply_retention(&app.state.core).unwrap(),
        0,
        "not old yet"
    );
    app.state.clock.advance(31 * 86_400);
    assert_eq!(
        osc::service::personal_data::apply_retention(&app.state.core).unwrap(),
        1
    );
    let tickets = app.state.store.tickets();
    let closed = tickets.by_number(&closed.number).unwrap().unwrap();
    assert_eq!(closed.requester_name, "[anonymised]");
    assert!(!closed.requester_email.contains("olga"));
    let open = tickets.by_number(&open.number).unwrap().unwrap();
    assert_eq!(
        open.requester_email, "olga@example.com",
        "open requests stay"
    );
    assert_eq!(
        osc::service::personal_data::apply_retention(&app.state.core).unwrap(),
        0,
        "once"
    );
}
