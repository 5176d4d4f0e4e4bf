//! The JSON API: personal access tokens (made under "My access data", shown once, listed
//! with their last use, revoked), who a token acts for, its scopes, its rate, the
//! accounts whose tokens stop at once, problem details in the caller's language, and the
//! OpenAPI description of every route.

use serde_json::Value;

use crate::common::{Agent, PASSWORD, Registration, TestApp};

/// `GET path` of the API with `token` (none when empty) and `Accept-Language`.
pub(crate) async fn api_get(
    app: &TestApp,
    path: &str,
    token: &str,
    lang: &str,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .get(app.url(path))
        .header("Accept-Language", lang);
    if !token.is_empty() {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

/// The body of a problem answer, checked to be one.
pub(crate) async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: Value = response.json().await.expect("a JSON problem");
    assert_eq!(body["status"], status);
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    body
}

/// openapi-spec-validator, installed by `.ci/run` into `tools/openapi/.venv` (pinned in
/// `tools/openapi/requirements.txt`); without it the check is skipped, except in CI.
fn openapi_validator() -> Option<std::path::PathBuf> {
    let bin = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/openapi/.venv/bin/openapi-spec-validator");
    if bin.exists() {
        return Some(bin);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs {} (.ci/run installs it)",
        bin.display()
    );
    eprintln!("skipping the OpenAPI validation: no {}", bin.display());
    None
}

/// The token a "made" page shows.
fn token_in(html: &str) -> String {
    let start = html.find(r#"id="api-token">"#).expect("the token") + r#"id="api-token">"#.len();
    let end = html[start..].find("</code>").unwrap() + start;
    html[start..end].to_owned()
}

/// Makes a token through the form of `/account/tokens`.
async fn made_through_the_form(agent: &Agent, fields: &[(&str, &str)]) -> String {
    let r = agent.post("/account/tokens", fields).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    token_in(&r.text().await.unwrap())
}

#[tokio::test]
async fn a_token_is_shown_once_acts_for_its_owner_is_listed_with_its_use_and_revoked() {
    let app = TestApp::spawn().await;
    let company = app.company("Sonnenwerk GmbH", "sonnenwerk.example").await;
    let admin = &company.admin.agent;

    let (status, html) = admin.page("/account/access").await;
    assert_eq!(status, 200);
    assert!(html.contains("You have no API access tokens.") && html.contains("/account/tokens"));

    let token = made_through_the_form(
        admin,
        &[
            ("name", "ERP Süd"),
            ("read", "on"),
            ("company_wide", "on"),
            ("lifetime", "30"),
        ],
    )
    .await;
    assert!(token.starts_with("osc_") && token.len() == 68, "{token}");
    // Shown once: the list names it and never shows it again.
    let (_, list) = admin.page("/account/tokens").await;
    assert!(list.contains("ERP Süd") && list.contains("company-wide") && !list.contains(&token));
    assert!(list.contains("Last used") && list.contains("never"));
    // The store keeps its hash only.
    let user = &company.admin.user;
    let stored = app.state.store.api_tokens().of_user(user.id).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0].token.expires_at,
        Some(app.state.clock.now() + 30 * 86_400)
    );

    let before = app.state.clock.now();
    let r = api_get(&app, "/api/v1/me", &token, "en").await;
    assert_eq!(r.status(), 200);
    let me: Value = r.json().await.unwrap();
    assert_eq!(me["email"], "chef@sonnenwerk.example");
    assert_eq!(me["kind"], "installer");
    assert_eq!(me["company"]["name"], "Sonnenwerk GmbH");
    assert_eq!(me["company"]["role"], "admin");
    assert_eq!(me["token"]["name"], "ERP Süd");
    assert_eq!(me["token"]["scopes"], serde_json::json!(["read"]));
    assert_eq!(me["token"]["company_wide"], true);
    assert!(me["token"]["expires_at"].as_str().unwrap().ends_with('Z'));
    let used = app.state.store.api_tokens().of_user(user.id).unwrap();
    // The use is recorded when it happens (a second may pass before this reads it).
    let at = used[0].token.last_used_at.expect("the use recorded");
    assert!(
        (before..=app.state.clock.now()).contains(&at),
        "used at {at}"
    );
    let (_, list) = admin.page("/account/tokens").await;
    assert!(
        list.contains("<time class=\"when\""),
        "its last use is listed"
    );

    // Revoked: it stops at once; the log has both.
    let handle = used[0].handle();
    let r = admin
        .post(&format!("/account/tokens/{handle}/revoke"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let (_, list) = admin.page("/account/tokens?saved=revoked").await;
    assert!(list.contains("The token has been revoked") && list.contains("No tokens yet."));
    let r = api_get(&app, "/api/v1/me", &token, "en").await;
    assert_eq!(r.headers()["www-authenticate"], "Bearer realm=\"osc\"");
    problem(r, 401).await;
    let events: Vec<_> = app
        .state
        .store
        .audit()
        .page(Default::default(), 20)
        .unwrap()
        .entries
        .into_iter()
        .map(|e| (e.event, e.subject))
        .collect();
    use osc::store::audit::Event;
    assert!(events.contains(&(Event::ApiTokenCreated, "ERP Süd".to_owned())));
    assert!(events.contains(&(Event::ApiTokenRevoked, "ERP Süd".to_owned())));
    // Revoking again, or another person's token, changes nothing.
    let other = app.api_token(&company.installer.user, "read", false);
    let theirs = app
        .state
        .store
        .api_tokens()
        .of_user(company.installer.user.id)
        .unwrap();
    let r = admin
        .post(
            &format!("/account/tokens/{}/revoke", theirs[0].handle()),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        api_get(&app, "/api/v1/me", &other, "en").await.status(),
        200
    );
}

#[tokio::test]
async fn the_token_form_says_what_is_wrong_next_to_the_field_and_keeps_the_input() {
    let app = TestApp::spawn().await;
    let company = app.company("Dachdecker Süd", "dachdecker.example").await;
    let installer = &company.installer.agent;

    // No scope, a lifetime not offered.
    let r = installer
        .post(
            "/account/tokens",
            &[("name", "Monitoring Halle 3"), ("lifetime", "9999")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Choose at least one scope."), "{html}");
    assert!(html.contains("Choose one of the options."));
    assert!(
        html.contains(r#"value="Monitoring Halle 3""#),
        "the name is kept"
    );

    // Company-wide is for administrators only; an empty name is refused.
    let r = installer
        .post(
            "/account/tokens",
            &[
                ("name", "  "),
                ("read", "on"),
                ("company_wide", "on"),
                ("lifetime", "90"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Only a company's administrators can create company-wide tokens."));
    assert!(
        html.contains(r#"id="name-error""#) || html.contains("This field is required"),
        "{html}"
    );
    assert!(
        app.state
            .store
            .api_tokens()
            .of_user(company.installer.user.id)
            .unwrap()
            .is_empty()
    );

    // At most 20 per person.
    for _ in 0..20 {
        app.api_token(&company.installer.user, "read", false);
    }
    let r = installer
        .post(
            "/account/tokens",
            &[("name", "One more"), ("read", "on"), ("lifetime", "90")],
        )
        .await;
    assert_eq!(r.status(), 409);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("You have the most tokens allowed (20).")
    );
}

#[tokio::test]
async fn an_administrators_personal_token_sees_what_they_filed_and_a_company_wide_one_the_company()
{
    let app = TestApp::spawn().await;
    let company = app.company("Sonnenwerk GmbH", "sonnenwerk.example").await;
    let personal = app.api_token(&company.admin.user, "read", false);
    let wide = app.api_token(&company.admin.user, "read", true);
    let me = |token: String| {
        let app = &app;
        async move {
            api_get(app, "/api/v1/me", &token, "en")
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    // Both act for the administrator; only the company-wide one has the company's scope.
    assert_eq!(me(personal.clone()).await["token"]["company_wide"], false);
    assert_eq!(me(wide.clone()).await["token"]["company_wide"], true);
    let caller = |token: &str| {
        osc::service::api_tokens::caller(&app.state.core, token)
            .unwrap()
            .expect("a caller")
    };
    assert!(!caller(&personal).actor.is_company_admin());
    assert!(caller(&wide).actor.is_company_admin());
    assert!(caller(&wide).actor == company.admin.user.actor());
}

#[tokio::test]
async fn tokens_need_their_scope_their_time_and_an_active_account() {
    let app = TestApp::spawn().await;
    let company = app.company("Sonnenwerk GmbH", "sonnenwerk.example").await;
    let writer = app.api_token(&company.installer.user, "write", false);
    let reader = app.api_token(&company.installer.user, "read", false);

    // A write-only token may not read.
    let body = problem(api_get(&app, "/api/v1/me", &writer, "en").await, 403).await;
    assert!(
        body["detail"].as_str().unwrap().contains("\"read\""),
        "{body}"
    );

    // Malformed, unknown, without a scheme, in a cookie: 401.
    for bad in ["", "osc_nope", &format!("osc_{}", "0".repeat(64))] {
        problem(api_get(&app, "/api/v1/me", bad, "en").await, 401).await;
    }
    let r = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .header("Authorization", reader.clone())
        .send()
        .await
        .unwrap();
    problem(r, 401).await;
    // A signed-in browser's session cookie is not a token.
    let r = company.installer.agent.get("/api/v1/me").await;
    problem(r, 401).await;

    assert_eq!(
        api_get(&app, "/api/v1/me", &reader, "en").await.status(),
        200
    );
    // Expired after its 90 days.
    app.state.clock.advance(90 * 86_400);
    problem(api_get(&app, "/api/v1/me", &reader, "en").await, 401).await;
    // (Their session ended with the days too: they log in again.)
    let agent = app.new_agent();
    assert_eq!(
        agent
            .login("ina@sonnenwerk.example", PASSWORD)
            .await
            .status(),
        303
    );
    let (_, list) = agent.page("/account/tokens").await;
    assert!(
        list.contains("badge bad\">expired"),
        "an expired token is marked"
    );

    // A blocked account's tokens stop at once.
    let fresh = app.api_token(&company.installer.user, "read", false);
    assert_eq!(
        api_get(&app, "/api/v1/me", &fresh, "en").await.status(),
        200
    );
    let staff = app.staff("desk@service.example").await;
    let r = staff
        .post(
            &format!("/service/users/{}/block", company.installer.user.id),
            &[("reason", "Test")],
        )
        .await;
    assert_eq!(r.status(), 303);
    problem(api_get(&app, "/api/v1/me", &fresh, "en").await, 401).await;
}

#[tokio::test]
async fn an_erased_persons_tokens_are_deleted_with_them() {
    let app = TestApp::spawn().await;
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let token = app.api_token(&olga.user, "read write", false);
    assert_eq!(
        api_get(&app, "/api/v1/me", &token, "en").await.status(),
        200
    );
    let staff = app.staff("desk@service.example").await;
    let r = staff
        .post(
            &format!("/service/users/{}/erase", olga.user.id),
            &[("confirm_email", "olga@example.com")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        app.state
            .store
            .api_tokens()
            .of_user(olga.user.id)
            .unwrap()
            .is_empty()
    );
    problem(api_get(&app, "/api/v1/me", &token, "en").await, 401).await;
    let report = app.state.store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[tokio::test]
async fn a_token_past_its_rate_waits_for_the_minute_to_end() {
    let app = TestApp::spawn_with(|c| c.api.requests_per_minute = 3).await;
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let token = app.api_token(&olga.user, "read", false);
    let other = app.api_token(&olga.user, "read", false);
    for _ in 0..3 {
        assert_eq!(
            api_get(&app, "/api/v1/me", &token, "en").await.status(),
            200
        );
    }
    let r = api_get(&app, "/api/v1/me", &token, "en").await;
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    problem(r, 429).await;
    // Each token has its own rate.
    assert_eq!(
        api_get(&app, "/api/v1/me", &other, "en").await.status(),
        200
    );
    app.state.clock.advance(60);
    assert_eq!(
        api_get(&app, "/api/v1/me", &token, "en").await.status(),
        200
    );
}

#[tokio::test]
async fn problems_are_in_the_callers_language_and_never_an_html_page() {
    let app = TestApp::spawn().await;
    let de = problem(api_get(&app, "/api/v1/me", "", "de-DE,de;q=0.9").await, 401).await;
    assert_eq!(de["title"], "Nicht angemeldet");
    let fr = problem(api_get(&app, "/api/v1/me", "", "fr").await, 401).await;
    assert_eq!(fr["title"], "Non authentifié");
    // Unknown API paths and methods: problems too.
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let token = app.api_token(&olga.user, "read write", false);
    let body = problem(
        api_get(&app, "/api/v1/nothing-here", &token, "en").await,
        404,
    )
    .await;
    assert_eq!(body["title"], "Not found");
    let r = reqwest::Client::new()
        .delete(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    problem(r, 405).await;
}

#[tokio::test]
async fn the_openapi_description_lists_every_route_the_api_serves() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/v1/openapi.json").await;
    assert_eq!(r.status(), 200);
    let doc: Value = r.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert_eq!(
        doc["components"]["securitySchemes"]["token"]["scheme"],
        "bearer"
    );
    let problem = &doc["components"]["schemas"]["Problem"]["properties"];
    for member in ["type", "title", "status", "detail", "errors"] {
        assert!(
            problem[member].is_object(),
            "the problem shape has {member}"
        );
    }
    // Valid OpenAPI 3.1, as an independent validator reads it.
    if let Some(validator) = openapi_validator() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("openapi.json");
        std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
        let out = std::process::Command::new(validator)
            .arg(&file)
            .output()
            .expect("the validator runs");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Every route of the table is described, and each answers as described: without a
    // token, 401 (a route the router lacked would answer 404).
    let table = osc::web::api::route_table();
    assert!(table.contains(&("GET".to_owned(), "/api/v1/me".to_owned())));
    for (method, path) in &table {
        let rel = path.trim_start_matches("/api/v1");
        let op = &doc["paths"][rel][method.to_lowercase()];
        assert!(op.is_object(), "{method} {path} is described");
        for status in ["401", "403", "429"] {
            let problem = &op["responses"][status]["content"]["application/problem+json"];
            assert_eq!(
                problem["schema"]["$ref"], "#/components/schemas/Problem",
                "{method} {path} says {status} with a problem"
            );
        }
        let concrete = rel.replace("{id}", "1").replace("{serial}", "1");
        let r = reqwest::Client::new()
            .request(
                method.parse().unwrap(),
                app.url(&format!("/api/v1{concrete}")),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{method} {path}");
    }
}

#[tokio::test]
async fn hostile_requests_to_the_api_get_problems_never_a_server_error() {
    let app = TestApp::spawn().await;
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let token = app.api_token(&olga.user, "read", false);
    let long = "x".repeat(4000);
    let headers = [
        "Bearer",
        "Bearer ",
        "bearer osc_",
        "Basic b2xnYTpzZWNyZXQ=",
        "Bearer osc_ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
        "Bearer ../../../etc/passwd",
        long.as_str(),
    ];
    let paths = [
        "/api/v1/me?x=%ff%fe",
        "/api/v1/me/",
        "/api/v1/openapi.json/..",
        "/api/v1/me?q=\u{202e}",
        "/api/v2/me",
    ];
    for header in headers {
        for path in paths {
            let r = reqwest::Client::new()
                .get(app.url(path))
                .header("Authorization", header)
                .send()
                .await
                .unwrap();
            assert!(
                r.status().is_client_error(),
                "{path} with {header:.20}: {}",
                r.status()
            );
        }
    }
    // With a good token, junk bodies and methods are refused as problems.
    for method in ["POST", "PUT", "PATCH"] {
        let r = reqwest::Client::new()
            .request(method.parse().unwrap(), app.url("/api/v1/me"))
            .bearer_auth(&token)
            .header("Content-Type", "application/json")
            .body("{\"name\": ")
            .send()
            .await
            .unwrap();
        assert!(r.status().is_client_error(), "{method}: {}", r.status());
        assert_eq!(r.headers()["content-type"], "application/problem+json");
    }
}

/// `GET path` of the API as JSON, expecting 200.
pub(crate) async fn api_json(app: &TestApp, path: &str, token: &str) -> Value {
    let r = api_get(app, path, token, "en").await;
    assert_eq!(r.status(), 200, "{path}");
    r.json().await.unwrap()
}

/// The last message of a request's thread.
pub(crate) fn last_message(request: &Value) -> Value {
    request["messages"]
        .as_array()
        .and_then(|m| m.last())
        .cloned()
        .expect("a message")
}

/// The numbers of a list's items.
fn numbers(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn requests_are_listed_paged_searched_and_read_as_the_pages_show_them_to_each_person() {
    use osc::domain::ticket::TicketStatus;
    let app = TestApp::spawn().await;
    let (_, kuehn, _, first) = app.workshop_with_request(TicketStatus::InProgress).await;
    let sam = app.user("sam@service.example");
    let other = app.company("Dachdecker Süd", "dachdecker.example").await;
    // Kühn Solar's installer files five more; the other company one.
    let mut own = vec![first.clone()];
    for _ in 0..5 {
        own.push(app.ticket_in(&kuehn.installer.user, None, &sam, TicketStatus::New));
    }
    let theirs = app.ticket_in(
        &other.admin.user,
        Some("3009999999"),
        &sam,
        TicketStatus::New,
    );
    app.message(
        &sam,
        &first,
        "Ersatzgerät bestellt, Lieferung Freitag.",
        false,
    );
    app.message(&sam, &first, "Intern: Kunde ist Großabnehmer.", true);

    let wide = app.api_token(&kuehn.admin.user, "read", true);
    let personal = app.api_token(&kuehn.admin.user, "read", false);
    let installer = app.api_token(&kuehn.installer.user, "read", false);
    let staff = app.api_token(&sam, "read", false);
    let them = app.api_token(&other.admin.user, "read", true);

    // The company-wide token sees the company's six, newest first, in pages of four.
    let page1 = api_json(&app, "/api/v1/requests?limit=4", &wide).await;
    assert_eq!(page1["items"].as_array().unwrap().len(), 4);
    let cursor = page1["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let page2 = api_json(
        &app,
        &format!("/api/v1/requests?limit=4&cursor={cursor}"),
        &wide,
    )
    .await;
    assert!(page2["next_cursor"].is_null());
    let mut all = numbers(&page1);
    all.extend(numbers(&page2));
    // Newest change first (the messages made `first` the newest, or its equal within the
    // second, when the higher number comes first).
    let ids: Vec<u64> = own.iter().map(|t| t.id).collect();
    let mut now = app.state.store.tickets().by_ids(&ids).unwrap();
    now.sort_by_key(|t| std::cmp::Reverse((t.updated_at, t.id)));
    let expected: Vec<String> = now.iter().map(|t| t.number.clone()).collect();
    assert_eq!(all, expected, "every page, newest first, nothing twice");
    // The same as Ticket Tracking shows the administrator.
    let (_, html) = kuehn.admin.agent.page("/tickets").await;
    for n in &all {
        assert!(html.contains(n.as_str()));
    }
    assert!(!html.contains(&theirs.number));

    // Each person sees their own: the personal token of the administrator the one they
    // filed, the installer their five, the other company its one, the service team all.
    assert_eq!(
        numbers(&api_json(&app, "/api/v1/requests", &personal).await),
        vec![first.number.clone()]
    );
    assert_eq!(
        numbers(&api_json(&app, "/api/v1/requests", &installer).await).len(),
        5
    );
    assert_eq!(
        numbers(&api_json(&app, "/api/v1/requests", &them).await),
        vec![theirs.number.clone()]
    );
    assert_eq!(
        numbers(&api_json(&app, "/api/v1/requests", &staff).await).len(),
        7
    );

    // Filters and search, inside the scope (once the index has every request).
    app.state.indexer.flush().await;
    let closed = api_json(&app, "/api/v1/requests?state=closed", &wide).await;
    assert!(closed["items"].as_array().unwrap().is_empty());
    let found = api_json(&app, "/api/v1/requests?q=3001234567", &wide).await;
    assert_eq!(numbers(&found), vec![first.number.clone()]);
    assert!(found["next_cursor"].is_null());
    let found = api_json(&app, "/api/v1/requests?q=3009999999", &wide).await;
    assert!(
        numbers(&found).is_empty(),
        "another company's serial finds nothing"
    );
    let found = api_json(
        &app,
        &format!("/api/v1/requests?q={}", theirs.number),
        &staff,
    )
    .await;
    assert_eq!(numbers(&found), vec![theirs.number.clone()]);

    // One request: its thread and history; internal notes for the service team only.
    let path = format!("/api/v1/requests/{}", first.id);
    let detail = api_json(&app, &path, &wide).await;
    assert_eq!(detail["number"], first.number);
    assert_eq!(detail["state"], "in-progress");
    assert_eq!(detail["serial"], 3001234567u64);
    let texts: Vec<&str> = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"Ersatzgerät bestellt, Lieferung Freitag."));
    assert!(!texts.iter().any(|t| t.starts_with("Intern")), "{texts:?}");
    assert!(detail["history"].as_array().unwrap().len() >= 2);
    let seen_by_staff = api_json(&app, &path, &staff).await;
    assert!(
        seen_by_staff["messages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["internal"] == true)
    );
    // Another company's request, or one the person did not file: 404, as in the pages.
    problem(api_get(&app, &path, &them, "en").await, 404).await;
    problem(api_get(&app, &path, &installer, "en").await, 404).await;
    assert_eq!(
        kuehn
            .installer
            .agent
            .page(&format!("/tickets/{}", first.id))
            .await
            .0,
        404
    );
    problem(
        api_get(&app, "/api/v1/requests/999999", &staff, "en").await,
        404,
    )
    .await;
    problem(
        api_get(&app, "/api/v1/requests/abc", &staff, "en").await,
        400,
    )
    .await;
}

#[tokio::test]
async fn a_request_list_asked_for_wrongly_names_each_wrong_parameter() {
    let app = TestApp::spawn().await;
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let token = app.api_token(&olga.user, "read", false);
    let r = api_get(
        &app,
        "/api/v1/requests?state=half&kind=nope&sort=size&cursor=zz&limit=1000",
        &token,
        "de",
    )
    .await;
    let body = problem(r, 422).await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["state", "kind", "sort", "cursor", "limit"]);
    assert_eq!(
        body["errors"][4]["message"],
        "Geben Sie eine Zahl von 1 bis 100 an."
    );
    assert_eq!(body["errors"][0]["code"], "field-choose");
    for limit in ["0", "-1", "abc", "101"] {
        problem(
            api_get(
                &app,
                &format!("/api/v1/requests?limit={limit}"),
                &token,
                "en",
            )
            .await,
            422,
        )
        .await;
    }
    assert_eq!(
        api_get(&app, "/api/v1/requests?limit=100", &token, "en")
            .await
            .status(),
        200
    );
}

/// A valid plant for `POST /api/v1/plants`.
pub(crate) fn plant_body(name: &str) -> Value {
    serde_json::json!({
        "name": name,
        "street": "Feldweg 2",
        "postal_code": "34266",
        "city": "Niestetal",
        "country": "DE",
    })
}

/// A tiny PDF, as a proof of purchase, in base64.
pub(crate) fn pdf_base64() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
}

/// A valid replacement request for the typed `serial` (an inverter, product 9088).
pub(crate) fn replacement_body(serial: &str) -> Value {
    serde_json::json!({
        "serial": serial,
        "product": "9088",
        "event": "3501",
        "description": "Isolationsfehler seit dem Gewitter.",
        "failure_date": "2026-11-02",
        "role": "owner",
        "address": {
            "recipient": "Anna Müller",
            "street": "Sonnenallee 1",
            "postal_code": "34266",
            "city": "Niestetal",
            "country": "DE",
        },
        "onsite_name": "Anna Müller",
        "onsite_phone": "+49 561 123456",
        "confirm_pickup": true,
        "confirm_accessories": true,
        "proof_of_purchase": { "name": "rechnung.pdf", "content_base64": pdf_base64() },
    })
}

/// The token kinds of the API's authorization matrix, in the order of its rows.
const TOKENS: [&str; 9] = [
    "none",
    "write-only",
    "installer",
    "admin, personal",
    "admin, company-wide",
    "other company",
    "operator",
    "staff",
    "admin, company-wide, writing",
];

#[tokio::test]
async fn every_api_route_answers_every_kind_of_token_as_the_rules_say() {
    use osc::domain::ticket::TicketStatus;
    let app = TestApp::spawn().await;
    let (_, kuehn, plant, ticket) = app.workshop_with_request(TicketStatus::New).await;
    let device = app
        .state
        .store
        .devices()
        .by_serial(3001234567)
        .unwrap()
        .unwrap();
    let sam = app.user("sam@service.example");
    let other = app.company("Dachdecker Süd", "dachdecker.example").await;
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let tokens = [
        String::new(),
        app.api_token(&kuehn.installer.user, "write", false),
        app.api_token(&kuehn.installer.user, "read", false),
        app.api_token(&kuehn.admin.user, "read", false),
        app.api_token(&kuehn.admin.user, "read", true),
        app.api_token(&other.admin.user, "read write", true),
        app.api_token(&olga.user, "read write", false),
        app.api_token(&sam, "read write", false),
        app.api_token(&kuehn.admin.user, "read write", true),
    ];
    let id = ticket.id.to_string();
    let bought = (app.state.core.today() - time::Duration::days(60)).to_string();
    // (method, route, path, status per token kind in TOKENS order); POSTs send a valid
    // body. The operator and the other company cannot see the request: 404, as in the
    // pages; the read-only tokens may not write: 403.
    let rows: Vec<(&str, &str, String, [u16; 9])> = vec![
        (
            "POST",
            "/api/v1/requests",
            "/api/v1/requests".into(),
            [401, 201, 403, 403, 403, 201, 201, 201, 201],
        ),
        (
            "POST",
            "/api/v1/requests/{id}/messages",
            format!("/api/v1/requests/{id}/messages"),
            [401, 404, 403, 403, 403, 404, 404, 201, 201],
        ),
        // Plants: the overview answers everyone (with what they see); a plant and its
        // devices the company-wide token and the service team (the administrator's
        // personal token sees what they are assigned: nothing).
        (
            "GET",
            "/api/v1/plants",
            "/api/v1/plants".into(),
            [401, 403, 200, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/plants/{id}",
            format!("/api/v1/plants/{}", plant.id),
            [401, 403, 404, 404, 200, 404, 404, 200, 200],
        ),
        (
            "GET",
            "/api/v1/devices/{id}",
            format!("/api/v1/devices/{}", device.id),
            [401, 403, 404, 404, 200, 404, 404, 200, 200],
        ),
        (
            "GET",
            "/api/v1/devices/by-serial/{serial}",
            "/api/v1/devices/by-serial/3001234567".into(),
            [401, 403, 404, 404, 200, 404, 404, 200, 200],
        ),
        // The service desk's actions: the service team's only, 404 for everyone else.
        (
            "POST",
            "/api/v1/requests/{id}/state",
            format!("/api/v1/requests/{id}/state"),
            [401, 404, 403, 403, 403, 404, 404, 200, 404],
        ),
        (
            "POST",
            "/api/v1/requests/{id}/assignee",
            format!("/api/v1/requests/{id}/assignee"),
            [401, 404, 403, 403, 403, 404, 404, 204, 404],
        ),
        (
            "GET",
            "/api/v1/me",
            "/api/v1/me".into(),
            [401, 403, 200, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/requests",
            "/api/v1/requests".into(),
            [401, 403, 200, 200, 200, 200, 200, 200, 200],
        ),
        // The administrator filed it: their personal token sees it, the installer's not.
        (
            "GET",
            "/api/v1/requests/{id}",
            format!("/api/v1/requests/{id}"),
            [401, 403, 404, 200, 200, 404, 404, 200, 200],
        ),
        // Plants and devices are changed by who may change them in the pages: the
        // administrator (company-wide) or an assigned installer; the service team reads.
        (
            "POST",
            "/api/v1/plants",
            "/api/v1/plants".into(),
            [401, 201, 403, 403, 403, 201, 201, 403, 201],
        ),
        (
            "PATCH",
            "/api/v1/plants/{id}",
            format!("/api/v1/plants/{}", plant.id),
            [401, 404, 403, 403, 403, 404, 404, 404, 200],
        ),
        (
            "POST",
            "/api/v1/plants/{id}/devices",
            format!("/api/v1/plants/{}/devices", plant.id),
            [401, 404, 403, 403, 403, 404, 404, 404, 201],
        ),
        (
            "PATCH",
            "/api/v1/devices/{id}",
            format!("/api/v1/devices/{}", device.id),
            [401, 404, 403, 403, 403, 404, 404, 404, 200],
        ),
        (
            "GET",
            "/api/v1/catalog",
            "/api/v1/catalog?q=tripower".into(),
            [401, 403, 200, 200, 200, 200, 200, 200, 200],
        ),
        // Replacements: anyone but the service team, for a serial they type or own.
        (
            "POST",
            "/api/v1/requests/replacement",
            "/api/v1/requests/replacement".into(),
            [401, 201, 403, 403, 403, 201, 201, 403, 201],
        ),
        // An extension for the inverter (bought 60 days ago, set by the PATCH above):
        // whoever may change its plant.
        (
            "POST",
            "/api/v1/requests/warranty-extension",
            "/api/v1/requests/warranty-extension".into(),
            [401, 404, 403, 403, 403, 404, 404, 404, 201],
        ),
    ];
    let table: Vec<(String, String)> = rows
        .iter()
        .map(|(m, r, _, _)| ((*m).to_owned(), (*r).to_owned()))
        .collect();
    let mut served = osc::web::api::route_table();
    served.sort();
    let mut listed = table.clone();
    listed.sort();
    assert_eq!(listed, served, "the matrix lists exactly the API's routes");
    for (method, _, path, expected) in &rows {
        for (k, token) in tokens.iter().enumerate() {
            let mut request =
                reqwest::Client::new().request(method.parse().unwrap(), app.url(path));
            if !token.is_empty() {
                request = request.bearer_auth(token);
            }
            if *method == "POST" && path.ends_with("/messages") {
                request = request.json(&serde_json::json!({ "message": "Matrix" }));
            } else if *method == "POST" && path.ends_with("/plants") {
                request = request.json(&plant_body("Matrix"));
            } else if *method == "PATCH" && path.starts_with("/api/v1/plants/") {
                request = request.json(&serde_json::json!({ "name": "Scheune Nord" }));
            } else if *method == "POST" && path.ends_with("/devices") {
                request = request.json(&serde_json::json!({
                    "serial": format!("30090000{k:02}"),
                    "product": "9088",
                }));
            } else if *method == "PATCH" {
                request = request.json(&serde_json::json!({ "purchase_date": bought }));
            } else if *method == "POST" && path.ends_with("/replacement") {
                request = request.json(&replacement_body("3001234567"));
            } else if *method == "POST" && path.ends_with("/warranty-extension") {
                request = request.json(&serde_json::json!({ "device_id": device.id, "term": "5" }));
            } else if *method == "POST" && path.ends_with("/state") {
                request = request.json(&serde_json::json!({ "to": "in-progress" }));
            } else if *method == "POST" && path.ends_with("/assignee") {
                request = request.json(&serde_json::json!({ "to": "me" }));
            } else if *method == "POST" {
                request = request.json(&serde_json::json!({
                    "topic": "general",
                    "message": "Matrix",
                }));
            }
            let status = request.send().await.unwrap().status().as_u16();
            assert_eq!(
                status, expected[k],
                "{method} {path} with the {} token",
                TOKENS[k]
            );
        }
    }
}

/// `POST path` of the API with `token` and the JSON `body`.
pub(crate) async fn api_post(
    app: &TestApp,
    path: &str,
    token: &str,
    body: Value,
) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request")
}

/// The audit entries of `event`, newest first, as (subject, detail).
pub(crate) fn audited(app: &TestApp, event: osc::store::audit::Event) -> Vec<(String, String)> {
    let filter = osc::store::audit::Filter {
        event: Some(event),
        ..Default::default()
    };
    app.state
        .store
        .audit()
        .page(filter, 50)
        .unwrap()
        .entries
        .into_iter()
        .map(|e| (e.subject, e.detail))
        .collect()
}

#[tokio::test]
async fn a_request_filed_through_the_api_is_the_contact_forms_request_and_is_audited() {
    use osc::domain::ticket::TicketStatus;
    use osc::store::audit::Event;
    let app = TestApp::spawn().await;
    let (_, kuehn, plant, _) = app.workshop_with_request(TicketStatus::New).await;
    let token = app.api_token(&kuehn.admin.user, "read write", true);

    let r = api_post(
        &app,
        "/api/v1/requests",
        &token,
        serde_json::json!({
            "topic": "technical",
            "serial": "3001234567",
            "message": "Wechselrichter meldet Ereignis 3501.\nBitte um Rückruf.",
        }),
    )
    .await;
    assert_eq!(r.status(), 201);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let filed: Value = r.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/requests/{}", filed["id"]));
    assert_eq!(filed["kind"], "contact");
    assert_eq!(filed["state"], "new");
    assert_eq!(filed["topic"], "technical");
    assert_eq!(filed["subject"], "Wechselrichter meldet Ereignis 3501.");
    assert_eq!(filed["plant_id"], plant.id, "tied to the device's plant");
    let number = filed["number"].as_str().unwrap().to_owned();
    // As the contact form's: confirmed by e-mail, in Ticket Tracking, found by search.
    app.mail("chef@kuehn-solar.de", &number).await;
    let (_, html) = kuehn.admin.agent.page("/tickets").await;
    assert!(html.contains(&number));
    app.state.indexer.flush().await;
    let found = api_json(&app, "/api/v1/requests?q=Ereignis%203501", &token).await;
    assert!(numbers(&found).contains(&number));
    // The change is audited with the token's name.
    let entries = audited(&app, Event::ApiWrite);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].0, "read write token");
    assert_eq!(entries[0].1, format!("request {number} filed"));

    // Field errors as the form shows them; nothing filed.
    let before = app.state.store.tickets().page(0, 100).unwrap().len();
    let r = api_post(
        &app,
        "/api/v1/requests",
        &token,
        serde_json::json!({ "topic": "technical", "message": "  " }),
    )
    .await;
    let body = problem(r, 422).await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["message", "serial"]);
    // Not JSON of this shape: 400; not JSON at all: 415.
    let r = api_post(
        &app,
        "/api/v1/requests",
        &token,
        serde_json::json!({ "topic": 7 }),
    )
    .await;
    problem(r, 400).await;
    let r = api_post(
        &app,
        "/api/v1/requests",
        &token,
        serde_json::json!({ "topic": "general", "message": "x", "priority": "high" }),
    )
    .await;
    problem(r, 400).await;
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/requests"))
        .bearer_auth(&token)
        .body("topic=general&message=x")
        .send()
        .await
        .unwrap();
    problem(r, 415).await;
    // A read-only token may not write.
    let reader = app.api_token(&kuehn.admin.user, "read", true);
    let r = api_post(
        &app,
        "/api/v1/requests",
        &reader,
        serde_json::json!({ "topic": "general", "message": "Hallo" }),
    )
    .await;
    problem(r, 403).await;
    assert_eq!(
        app.state.store.tickets().page(0, 100).unwrap().len(),
        before
    );
    assert_eq!(audited(&app, Event::ApiWrite).len(), 1);
}

#[tokio::test]
async fn messages_added_through_the_api_follow_the_pages_rules_and_are_audited() {
    use osc::domain::ticket::TicketStatus;
    use osc::store::audit::Event;
    let app = TestApp::spawn().await;
    let (_, kuehn, _, ticket) = app.workshop_with_request(TicketStatus::InProgress).await;
    let sam = app.user("sam@service.example");
    let customer = app.api_token(&kuehn.admin.user, "read write", false);
    let desk = app.api_token(&sam, "read write", false);
    let other = app.company("Dachdecker Süd", "dachdecker.example").await;
    let stranger = app.api_token(&other.admin.user, "read write", true);
    let path = format!("/api/v1/requests/{}/messages", ticket.id);

    // The requester writes (asking for "internal" changes nothing for a customer).
    let r = api_post(
        &app,
        &path,
        &customer,
        serde_json::json!({ "message": "Das Gerät piept seit heute.", "internal": true }),
    )
    .await;
    assert_eq!(r.status(), 201);
    let after: Value = r.json().await.unwrap();
    let last = last_message(&after);
    assert_eq!(last["text"], "Das Gerät piept seit heute.");
    assert_eq!(last["internal"], false);
    assert_eq!(last["from_staff"], false);

    // The service team notes internally and answers; the customer sees only the answer,
    // and is e-mailed about it alone.
    let r = api_post(
        &app,
        &path,
        &desk,
        serde_json::json!({ "message": "Intern: Tausch prüfen.", "internal": true }),
    )
    .await;
    assert_eq!(r.status(), 201);
    let r = api_post(
        &app,
        &path,
        &desk,
        serde_json::json!({ "message": "Wir tauschen das Gerät." }),
    )
    .await;
    assert_eq!(r.status(), 201);
    let seen = api_json(&app, &format!("/api/v1/requests/{}", ticket.id), &customer).await;
    let texts: Vec<&str> = seen["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"Wir tauschen das Gerät.") && !texts.contains(&"Intern: Tausch prüfen.")
    );
    app.mail("chef@kuehn-solar.de", "Wir tauschen das Gerät.")
        .await;
    assert!(
        !app.mails_to("chef@kuehn-solar.de")
            .iter()
            .any(|m| m.contains("Intern: Tausch")),
        "no mail about a note"
    );
    // Each write through a token is audited; the service team's answers as before too.
    let writes = audited(&app, Event::ApiWrite);
    assert_eq!(writes.len(), 3);
    assert!(
        writes
            .iter()
            .all(|(_, d)| *d == format!("message added to {}", ticket.number))
    );
    let answers: Vec<String> = audited(&app, Event::TicketAnswered)
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    assert_eq!(
        answers,
        vec!["answer".to_owned(), "internal-note".to_owned()]
    );

    // Another company's request: 404, nothing added; an empty message: 422.
    problem(
        api_post(
            &app,
            &path,
            &stranger,
            serde_json::json!({ "message": "Hallo?" }),
        )
        .await,
        404,
    )
    .await;
    let body = problem(
        api_post(&app, &path, &customer, serde_json::json!({ "message": "" })).await,
        422,
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "message");
    let now = app
        .state
        .store
        .tickets()
        .by_ids(&[ticket.id])
        .unwrap()
        .remove(0);
    assert_eq!(
        now.messages.len(),
        4,
        "the first message and the three added"
    );
}

#[tokio::test]
async fn the_reference_page_shows_every_operation_and_shape_and_is_linked_from_the_help() {
    let app = TestApp::spawn().await;
    let help = app.get_page("/help", 200).await;
    assert!(help.contains(r#"href="/help/api""#));
    let page = api_get(&app, "/help/api", "", "en")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("<h1>API reference</h1>"));
    assert!(page.contains(r#"href="/api/v1/openapi.json""#));
    for (method, path) in osc::web::api::route_table() {
        let rel = path.trim_start_matches("/api/v1");
        assert!(
            page.contains(&format!("<code>{method} {rel}</code>")),
            "{method} {path} is in the contents"
        );
    }
    for shape in [
        "Me",
        "RequestList",
        "RequestDetail",
        "NewContactIn",
        "NewMessageIn",
    ] {
        assert!(page.contains(&format!(r#"id="schema-{shape}""#)), "{shape}");
    }
    // Nothing from elsewhere: no script, no outside address.
    assert!(!page.contains("<script") && !page.contains("https://cdn"));
    let de = reqwest::Client::new()
        .get(app.url("/help/api"))
        .header("Accept-Language", "de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(de.contains("<h1>API-Referenz</h1>"));
}

#[tokio::test]
async fn the_service_team_moves_and_assigns_requests_through_the_api_as_on_the_desk() {
    use osc::domain::ticket::TicketStatus;
    use osc::store::audit::Event;
    let app = TestApp::spawn().await;
    let (_, kuehn, _, ticket) = app.workshop_with_request(TicketStatus::New).await;
    let sam = app.user("sam@service.example");
    let desk = app.api_token(&sam, "read write", false);
    let state = format!("/api/v1/requests/{}/state", ticket.id);
    let assignee = format!("/api/v1/requests/{}/assignee", ticket.id);

    // A move the kind does not allow from here: said next to `to`, nothing changes.
    let body = problem(
        api_post(&app, &state, &desk, serde_json::json!({ "to": "closed" })).await,
        422,
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "to");
    let r = api_post(
        &app,
        &state,
        &desk,
        serde_json::json!({ "to": "in-progress" }),
    )
    .await;
    assert_eq!(r.status(), 200);
    let moved: Value = r.json().await.unwrap();
    assert_eq!(moved["state"], "in-progress");
    // The requester is told, as from the page.
    app.mail("chef@kuehn-solar.de", &ticket.number).await;

    let r = api_post(&app, &assignee, &desk, serde_json::json!({ "to": "me" })).await;
    assert_eq!(r.status(), 204);
    let now = app
        .state
        .store
        .tickets()
        .by_ids(&[ticket.id])
        .unwrap()
        .remove(0);
    assert_eq!(now.assignee, Some(sam.id));
    let body = problem(
        api_post(&app, &assignee, &desk, serde_json::json!({ "to": "99999" })).await,
        422,
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "to");
    problem(
        api_post(&app, &assignee, &desk, serde_json::json!({ "to": "chef" })).await,
        422,
    )
    .await;

    // Audited as on the desk, and as changes through the token.
    assert_eq!(audited(&app, Event::TicketMoved).len(), 1);
    assert_eq!(audited(&app, Event::TicketAssigned).len(), 1);
    let writes: Vec<String> = audited(&app, Event::ApiWrite)
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    assert_eq!(
        writes,
        vec![
            format!("{} assigned to Sam Service", ticket.number),
            format!("{} moved to in-progress", ticket.number),
        ],
        "newest first"
    );
    // A customer's token cannot use the desk's actions: 404, as the forms.
    let customer = app.api_token(&kuehn.admin.user, "read write", true);
    problem(
        api_post(
            &app,
            &state,
            &customer,
            serde_json::json!({ "to": "closed" }),
        )
        .await,
        404,
    )
    .await;
    problem(
        api_post(
            &app,
            &assignee,
            &customer,
            serde_json::json!({ "to": "me" }),
        )
        .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn a_removed_members_tokens_stop_and_their_administrators_keep_working() {
    let app = TestApp::spawn().await;
    let company = app.company("Sonnenwerk GmbH", "sonnenwerk.example").await;
    let admin_token = app.api_token(&company.admin.user, "read", false);
    let _kai = app
        .invite_and_join(
            &company.admin.agent,
            "kai@sonnenwerk.example",
            "installer",
            ("Kai", "Kollege"),
        )
        .await;
    let theirs = app.api_token(&app.user("kai@sonnenwerk.example"), "read", false);
    assert_eq!(
        api_get(&app, "/api/v1/me", &theirs, "en").await.status(),
        200
    );
    let id = app.user("kai@sonnenwerk.example").id;
    let r = company
        .admin
        .agent
        .post(&format!("/company/members/{id}/remove"), &[])
        .await;
    assert_eq!(r.status(), 303);
    problem(api_get(&app, "/api/v1/me", &theirs, "en").await, 401).await;
    assert_eq!(
        api_get(&app, "/api/v1/me", &admin_token, "en")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn plants_and_devices_are_read_as_the_plant_pages_show_them() {
    use osc::domain::ticket::TicketStatus;
    let app = TestApp::spawn().await;
    let (_, kuehn, plant, _) = app.workshop_with_request(TicketStatus::New).await;
    let other = app.company("Dachdecker Süd", "dachdecker.example").await;
    let wide = app.api_token(&kuehn.admin.user, "read", true);
    let them = app.api_token(&other.admin.user, "read", true);

    let list = api_json(&app, "/api/v1/plants", &wide).await;
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Scheune Nord"]);
    assert!(
        api_json(&app, "/api/v1/plants", &them).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        api_json(&app, "/api/v1/plants?q=Scheune", &wide).await["items"][0]["id"],
        plant.id
    );
    assert!(
        api_json(&app, "/api/v1/plants?q=Zzyzx", &wide).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let detail = api_json(&app, &format!("/api/v1/plants/{}", plant.id), &wide).await;
    assert_eq!(detail["name"], "Scheune Nord");
    let devices = detail["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0]["serial"], 3001234567u64);
    assert!(devices[0]["warranty"]["state"].is_string());
    let id = devices[0]["id"].as_u64().unwrap();
    let by_id = api_json(&app, &format!("/api/v1/devices/{id}"), &wide).await;
    let by_serial = api_json(&app, "/api/v1/devices/by-serial/3001234567", &wide).await;
    assert_eq!(by_id, by_serial);
    assert_eq!(by_id["plant_id"], plant.id);
    // Another company's: 404, as the pages; a serial that is not a number: 400.
    problem(
        api_get(&app, &format!("/api/v1/plants/{}", plant.id), &them, "en").await,
        404,
    )
    .await;
    problem(
        api_get(&app, &format!("/api/v1/devices/{id}"), &them, "en").await,
        404,
    )
    .await;
    problem(
        api_get(&app, "/api/v1/devices/by-serial/3001234567", &them, "en").await,
        404,
    )
    .await;
    problem(
        api_get(&app, "/api/v1/devices/by-serial/abc", &wide, "en").await,
        400,
    )
    .await;
    assert_eq!(
        other
            .admin
            .agent
            .page(&format!("/plants/{}", plant.id))
            .await
            .0,
        404
    );
}
