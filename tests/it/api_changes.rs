//! The API's changes to plants, devices and requests about devices, with the forms'
//! rules and field errors (named as the API names the fields): registering and changing
//! plants, registering devices (a serial taken is a 409) and moving them between
//! sub-plants, the catalog search, replacement requests with a proof of purchase,
//! warranty extensions, and messages with attachments. Each change is audited.

use base64::Engine;
use osc::domain::ticket::TicketStatus;
use osc::store::audit::Event;
use serde_json::{Value, json};

use crate::api::{
    api_get, api_json, api_post, audited, last_message, pdf_base64, plant_body, problem,
    replacement_body,
};
use crate::common::{Registration, TestApp};

/// `PATCH path` with `body`.
async fn api_patch(app: &TestApp, path: &str, token: &str, body: Value) -> reqwest::Response {
    reqwest::Client::new()
        .patch(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request")
}

/// The fields a 422 names, in order.
async fn fields(response: reqwest::Response) -> Vec<String> {
    let body = problem(response, 422).await;
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
            e["field"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[tokio::test]
async fn plants_are_registered_and_changed_by_the_plant_forms_rules() {
    let app = TestApp::spawn().await;
    let kuehn = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let token = app.api_token(&kuehn.admin.user, "read write", true);

    // Bad input: the form's errors, named as the API names the fields.
    let bad = json!({
        "name": "",
        "street": "Feldweg 2",
        "postal_code": "3426",
        "city": "Niestetal",
        "country": "FR",
        "latitude": 51.3,
        "commissioning": "2999-01-01",
    });
    let named = fields(api_post(&app, "/api/v1/plants", &token, bad).await).await;
    for field in ["name", "country", "longitude", "commissioning"] {
        assert!(named.contains(&field.to_owned()), "{field} in {named:?}");
    }
    assert!(
        app.state
            .store
            .plants()
            .list(&kuehn.admin.user.actor(), "")
            .unwrap()
            .is_empty()
    );
    // A field the plant has not is a 400, not ignored.
    let r = api_post(
        &app,
        "/api/v1/plants",
        &token,
        json!({ "name": "x", "smart_home": true }),
    )
    .await;
    problem(r, 400).await;

    // Registered: 201 with its address; it shows in the overview.
    let r = api_post(&app, "/api/v1/plants", &token, plant_body("Hof Süd")).await;
    assert_eq!(r.status(), 201);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let plant: Value = r.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/plants/{}", plant["id"]));
    assert_eq!(plant["name"], "Hof Süd");
    assert_eq!(plant["devices"], json!([]));
    let list = api_json(&app, "/api/v1/plants", &token).await;
    assert_eq!(list["items"][0]["name"], "Hof Süd");

    // Changed: what is sent changes, the rest stays; bad values are refused, nothing lost.
    let path = location.clone();
    let r = api_patch(
        &app,
        &path,
        &token,
        json!({ "name": "Hof Süd II", "latitude": 51.31, "longitude": 9.55 }),
    )
    .await;
    assert_eq!(r.status(), 200);
    let changed: Value = r.json().await.unwrap();
    assert_eq!(changed["name"], "Hof Süd II");
    assert_eq!(changed["city"], "Niestetal");
    assert_eq!(changed["latitude"], 51.31);
    let r = api_patch(&app, &path, &token, json!({ "postal_code": "1" })).await;
    assert_eq!(fields(r).await, ["postal_code"]);
    assert_eq!(api_json(&app, &path, &token).await["postal_code"], "34266");

    // Another company's token, and the service team, cannot change it.
    let other = app.company("Dachdecker Süd", "dachdecker.example").await;
    let theirs = app.api_token(&other.admin.user, "read write", true);
    let r = api_patch(&app, &path, &theirs, json!({ "name": "Mine" })).await;
    problem(r, 404).await;
    app.staff("sam@service.example").await;
    let sam = app.api_token(&app.user("sam@service.example"), "read write", false);
    problem(
        api_patch(&app, &path, &sam, json!({ "name": "Ours" })).await,
        404,
    )
    .await;
    problem(
        api_post(&app, "/api/v1/plants", &sam, plant_body("Desk")).await,
        403,
    )
    .await;

    // A plant operator's own plant names them, whatever the body says.
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let hers = app.api_token(&olga.user, "read write", false);
    let mut body = plant_body("Olgas Dach");
    body["operator_name"] = json!("Somebody Else");
    let r = api_post(&app, "/api/v1/plants", &hers, body).await;
    assert_eq!(r.status(), 201);
    let plant: Value = r.json().await.unwrap();
    assert_eq!(plant["operator_name"], olga.user.full_name());

    let writes = audited(&app, Event::ApiWrite);
    assert!(
        writes.iter().any(|(_, d)| d == "plant registered"),
        "{writes:?}"
    );
    assert!(
        writes.iter().any(|(_, d)| d.ends_with("changed")),
        "{writes:?}"
    );
}

#[tokio::test]
async fn devices_are_registered_once_per_serial_and_moved_between_sub_plants() {
    let app = TestApp::spawn().await;
    let (_, kuehn, plant, _) = app.workshop_with_request(TicketStatus::New).await;
    let token = app.api_token(&kuehn.admin.user, "read write", true);
    let r = kuehn
        .admin
        .agent
        .post(
            &format!("/plants/{}/subplants", plant.id),
            &[("name", "Dach Ost")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let devices = format!("/api/v1/plants/{}/devices", plant.id);

    let bad = json!({ "serial": "30012A", "product": "no such thing", "subplant": 9, "purchase_date": "2999-01-01" });
    let named = fields(api_post(&app, &devices, &token, bad).await).await;
    assert_eq!(named, ["serial", "product", "subplant", "purchase_date"]);

    // Taken: the inverter of the workshop carries it.
    let r = api_post(
        &app,
        &devices,
        &token,
        json!({ "serial": "3001234567", "product": "9088" }),
    )
    .await;
    let body = problem(r, 409).await;
    let said = app.state.i18n.t(
        app.state.config.i18n.default_language,
        "device-serial-taken",
    );
    assert_eq!(body["detail"], said.as_str(), "the form's own words");

    let r = api_post(
        &app,
        &devices,
        &token,
        json!({ "serial": "3009876543", "product": "9088", "name": "WR West", "subplant": 1 }),
    )
    .await;
    assert_eq!(r.status(), 201);
    let device: Value = r.json().await.unwrap();
    assert_eq!(device["serial"], 3_009_876_543u64);
    assert_eq!(device["subplant"], 1);
    assert_eq!(device["name"], "WR West");
    assert!(device["model"].as_str().is_some());
    let path = format!("/api/v1/devices/{}", device["id"]);

    // Moved out of the sub-plant and renamed; its serial cannot change.
    let r = api_patch(
        &app,
        &path,
        &token,
        json!({ "subplant": 0, "name": "WR Hof" }),
    )
    .await;
    assert_eq!(r.status(), 200);
    let moved: Value = r.json().await.unwrap();
    assert_eq!(moved["subplant"], Value::Null);
    assert_eq!(moved["name"], "WR Hof");
    let r = api_patch(&app, &path, &token, json!({ "serial": "3000000001" })).await;
    assert_eq!(fields(r).await, ["serial"]);
    let r = api_patch(&app, &path, &token, json!({ "subplant": 7 })).await;
    assert_eq!(fields(r).await, ["subplant"]);
    assert_eq!(api_json(&app, &path, &token).await["name"], "WR Hof");

    // The installer's personal token is not assigned to the plant: 404, as in the pages.
    let ina = app.api_token(&kuehn.installer.user, "read write", false);
    problem(
        api_patch(&app, &path, &ina, json!({ "name": "x" })).await,
        404,
    )
    .await;
    let r = api_post(
        &app,
        &devices,
        &ina,
        json!({ "serial": "3007777777", "product": "9088" }),
    )
    .await;
    problem(r, 404).await;

    let writes = audited(&app, Event::ApiWrite);
    assert!(
        writes
            .iter()
            .any(|(_, d)| d == "device 3009876543 registered"),
        "{writes:?}"
    );
}

#[tokio::test]
async fn the_catalog_is_searched_by_model_name_or_id() {
    let app = TestApp::spawn().await;
    let kuehn = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let token = app.api_token(&kuehn.installer.user, "read", false);
    let found = api_json(&app, "/api/v1/catalog?q=9088", &token).await;
    assert_eq!(found["items"][0]["id"], 9088);
    assert_eq!(found["items"][0]["category"], "inverter");
    assert_eq!(found["items"][0]["warranty"], true);
    let tripower = api_json(&app, "/api/v1/catalog?q=tripower", &token).await;
    let items = tripower["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|p| {
        let text = format!("{} {}", p["model"], p["name"]).to_lowercase();
        text.contains("tripower") || text.contains("stp")
    }));
    let none = api_json(&app, "/api/v1/catalog?q=zzzz", &token).await;
    assert_eq!(none["items"], json!([]));
    let all = api_json(&app, "/api/v1/catalog", &token).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 100);
    assert_eq!(all["more"], true);
}

#[tokio::test]
async fn replacement_and_extension_requests_are_filed_with_the_forms_checks() {
    let app = TestApp::spawn().await;
    let (_, kuehn, plant, _) = app.workshop_with_request(TicketStatus::New).await;
    let token = app.api_token(&kuehn.admin.user, "read write", true);
    let device = app
        .state
        .store
        .devices()
        .by_serial(3001234567)
        .unwrap()
        .unwrap();

    // Nothing filled in: every field the form asks for, by the API's names.
    let r = api_post(&app, "/api/v1/requests/replacement", &token, json!({})).await;
    let named = fields(r).await;
    for field in [
        "serial",
        "event",
        "description",
        "failure_date",
        "role",
        "onsite_name",
        "confirm_pickup",
        "proof_of_purchase",
    ] {
        assert!(named.contains(&field.to_owned()), "{field} in {named:?}");
    }
    // A proof that is not base64, or not the file it claims to be.
    let mut body = replacement_body("3001234567");
    body["proof_of_purchase"]["content_base64"] = json!("***");
    assert_eq!(
        fields(api_post(&app, "/api/v1/requests/replacement", &token, body).await).await,
        ["proof_of_purchase"]
    );
    let mut body = replacement_body("3001234567");
    body["proof_of_purchase"]["content_base64"] =
        json!(base64::engine::general_purpose::STANDARD.encode(b"MZ\x90\x00 not a pdf at all"));
    assert_eq!(
        fields(api_post(&app, "/api/v1/requests/replacement", &token, body).await).await,
        ["proof_of_purchase"]
    );

    // Filed about the inverter: tied to it and its plant, with the proof attached, and
    // confirmed by e-mail.
    let mut body = replacement_body("");
    body["device_id"] = json!(device.id);
    let r = api_post(&app, "/api/v1/requests/replacement", &token, body).await;
    assert_eq!(r.status(), 201);
    let filed: Value = r.json().await.unwrap();
    assert_eq!(filed["kind"], "replacement");
    assert_eq!(filed["plant_id"], plant.id);
    assert_eq!(filed["serial"], 3_001_234_567u64);
    let thread = &filed["messages"][0]["attachments"];
    assert_eq!(thread[0]["name"], "rechnung.pdf");
    app.mail("chef@kuehn-solar.de", filed["number"].as_str().unwrap())
        .await;
    // The service team files none.
    let sam = app.api_token(&app.user("sam@service.example"), "read write", false);
    problem(
        api_post(
            &app,
            "/api/v1/requests/replacement",
            &sam,
            replacement_body("3001234567"),
        )
        .await,
        403,
    )
    .await;

    // A warranty extension: not while the warranty is unknown (no purchase date) …
    let extension = json!({ "device_id": device.id, "term": "5" });
    problem(
        api_post(
            &app,
            "/api/v1/requests/warranty-extension",
            &token,
            extension.clone(),
        )
        .await,
        404,
    )
    .await;
    let bought = (app.state.core.today() - time::Duration::days(30)).to_string();
    let r = api_patch(
        &app,
        &format!("/api/v1/devices/{}", device.id),
        &token,
        json!({ "purchase_date": bought }),
    )
    .await;
    assert_eq!(r.status(), 200);
    // … a term not offered …
    let r = api_post(
        &app,
        "/api/v1/requests/warranty-extension",
        &token,
        json!({ "device_id": device.id, "term": "7" }),
    )
    .await;
    assert_eq!(fields(r).await, ["term"]);
    // … then filed.
    let r = api_post(
        &app,
        "/api/v1/requests/warranty-extension",
        &token,
        extension,
    )
    .await;
    assert_eq!(r.status(), 201);
    let filed: Value = r.json().await.unwrap();
    assert_eq!(filed["kind"], "warranty");
    assert_eq!(filed["serial"], 3_001_234_567u64);
    // Another company cannot order one for this device.
    let other = app.company("Dachdecker Süd", "dachdecker.example").await;
    let theirs = app.api_token(&other.admin.user, "read write", true);
    let r = api_post(
        &app,
        "/api/v1/requests/warranty-extension",
        &theirs,
        json!({ "device_id": device.id, "term": "5" }),
    )
    .await;
    problem(r, 404).await;

    let writes = audited(&app, Event::ApiWrite);
    assert_eq!(
        writes.iter().filter(|(_, d)| d.ends_with("filed")).count(),
        2,
        "{writes:?}"
    );
}

#[tokio::test]
async fn messages_carry_attachments_checked_like_the_pages_uploads() {
    let app = TestApp::spawn_with(|c| c.uploads.max_document_mb = 1).await;
    let (_, kuehn, _, ticket) = app.workshop_with_request(TicketStatus::New).await;
    let token = app.api_token(&kuehn.admin.user, "read write", true);
    let path = format!("/api/v1/requests/{}/messages", ticket.id);
    let pdf = json!({ "name": "bericht.pdf", "content_base64": pdf_base64() });
    let text = json!({ "name": "log.txt", "content_base64": base64::engine::general_purpose::STANDARD.encode("Ereignis 3501\n") });

    let r = api_post(
        &app,
        &path,
        &token,
        json!({ "message": "Zwei Dateien", "files": [pdf, text] }),
    )
    .await;
    assert_eq!(r.status(), 201);
    let detail: Value = r.json().await.unwrap();
    let last = last_message(&detail);
    let names: Vec<&str> = last["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bericht.pdf", "log.txt"]);
    // The file is served as it was sent, to who may see the request.
    let (_, page) = kuehn
        .admin
        .agent
        .page(&format!("/tickets/{}", ticket.id))
        .await;
    assert!(page.contains("bericht.pdf"));

    // Six files, a file that is not base64, and one past the size limit.
    let six: Vec<Value> = (0..6).map(|_| pdf.clone()).collect();
    let r = api_post(
        &app,
        &path,
        &token,
        json!({ "message": "Sechs", "files": six }),
    )
    .await;
    assert_eq!(fields(r).await, ["files"]);
    let r = api_post(
        &app,
        &path,
        &token,
        json!({ "message": "Kaputt", "files": [{ "name": "a.pdf", "content_base64": "%%%" }] }),
    )
    .await;
    assert_eq!(fields(r).await, ["files"]);
    let big = base64::engine::general_purpose::STANDARD.encode(vec![b'a'; 1024 * 1024 + 10]);
    let r = api_post(
        &app,
        &path,
        &token,
        json!({ "message": "Groß", "files": [{ "name": "a.txt", "content_base64": big }] }),
    )
    .await;
    let body = problem(r, 422).await;
    assert_eq!(body["errors"][0]["field"], "files");
    // A body past what the API reads at all is a 413 problem.
    let huge = "a".repeat(3 * 1024 * 1024);
    let r = api_post(
        &app,
        &path,
        &token,
        json!({ "message": "Riesig", "files": [{ "name": "a.txt", "content_base64": huge }] }),
    )
    .await;
    problem(r, 413).await;
    // Nothing of the refused messages is in the thread.
    let thread = api_get(
        &app,
        &format!("/api/v1/requests/{}", ticket.id),
        &token,
        "en",
    )
    .await;
    let thread: Value = thread.json().await.unwrap();
    assert_eq!(thread["messages"].as_array().unwrap().len(), 2);
}
