//! The JSON API: personal access tokens (made under "My access data", shown once, listed
//! with their last use, revoked), who a token acts for, its scopes, its rate, the
//! accounts whose tokens stop at once, problem details in the caller's language, and the
//! OpenAPI description of every route.

use serde_json::Value;

use crate::common::{Agent, PASSWORD, Registration, TestApp};

/// `GET path` of the API with `token` (none when empty) and `Accept-Language`.
async fn api_get(app: &TestApp, path: &str, token: &str, lang: &str) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .get(app.url(path))
        .header("Accept-Language", lang);
    if !token.is_empty() {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

/// The body of a problem answer, checked to be one.
async fn problem(response: reqwest::Response, status: u16) -> Value {
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
    assert_eq!(used[0].token.last_used_at, Some(app.state.clock.now()));
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
        assert!(
            op["responses"]["401"].is_object(),
            "{method} {path} says 401"
        );
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
