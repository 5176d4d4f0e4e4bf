//! How an operator sees the running instance: `/metrics` (off by default, only to the
//! allowed addresses, parsed here as Prometheus text) and `/readyz`.

use crate::common::TestApp;

/// The samples of a scrape, parsed as Prometheus text.
fn parse(text: &str) -> prometheus_parse::Scrape {
    let lines = text.lines().map(|l| Ok(l.to_owned()));
    prometheus_parse::Scrape::parse(lines).expect("Prometheus text")
}

fn value(scrape: &prometheus_parse::Scrape, metric: &str, labels: &[(&str, &str)]) -> Option<f64> {
    scrape
        .samples
        .iter()
        .find(|s| s.metric == metric && labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
        .map(|s| match s.value {
            prometheus_parse::Value::Counter(v)
            | prometheus_parse::Value::Gauge(v)
            | prometheus_parse::Value::Untyped(v) => v,
            prometheus_parse::Value::Histogram(ref h) => h.last().map_or(0.0, |b| b.count),
            prometheus_parse::Value::Summary(_) => 0.0,
        })
}

#[tokio::test]
async fn metrics_are_off_by_default_and_readyz_answers() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/metrics").await.status(), 404);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready\n");
    // Once it begins to stop, it is no longer ready (health stays as it is).
    app.state
        .stopping
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    assert!(ready.text().await.unwrap().contains("shutting down"));
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn metrics_parse_as_prometheus_text_and_count_requests_commits_and_log_ins() {
    let app = TestApp::spawn_with(|c| c.metrics.enabled = true).await;
    let olga = app
        .signed_in(&crate::common::Registration::operator("olga@example.com"))
        .await;
    olga.post(
        "/contact",
        &[("topic", "general"), ("message", "Zaehlerstand")],
    )
    .await;
    let failed = app.new_agent();
    failed.login("olga@example.com", "not-her-password").await;
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    let text = response.text().await.unwrap();
    assert!(text.ends_with("# EOF\n"), "{text}");
    let scrape = parse(&text);
    let at_least = |metric: &str, labels: &[(&str, &str)], n: f64| {
        let v = value(&scrape, metric, labels)
            .unwrap_or_else(|| panic!("{metric} {labels:?} in\n{text}"));
        assert!(v >= n, "{metric} {labels:?} = {v}");
    };
    at_least(
        "osc_http_requests_total",
        &[("route", "/login"), ("status", "303")],
        1.0,
    );
    at_least(
        "osc_http_requests_total",
        &[("route", "/contact"), ("status", "303")],
        1.0,
    );
    at_least(
        "osc_http_request_duration_seconds_count",
        &[("route", "/contact")],
        1.0,
    );
    at_least("osc_store_commit_duration_seconds_count", &[], 1.0);
    at_least("osc_store_commit_group_size_count", &[], 1.0);
    at_least("osc_logins_total", &[("outcome", "succeeded")], 1.0);
    at_least("osc_logins_total", &[("outcome", "failed")], 1.0);
    at_least("osc_sessions_active", &[], 1.0);
    for gauge in [
        "osc_index_lag_changes",
        "osc_mail_queue_waiting",
        "osc_mail_queue_failed",
        "osc_backup_age_seconds",
        "osc_backup_last_failed",
    ] {
        assert!(value(&scrape, gauge, &[]).is_some(), "{gauge} in\n{text}");
    }
    // No backup yet.
    assert_eq!(value(&scrape, "osc_backup_age_seconds", &[]), Some(-1.0));
    // Raw paths never become labels: a ticket's page counts under its route.
    assert!(!text.contains("route=\"/tickets/1\""), "{text}");
}

#[tokio::test]
async fn metrics_are_refused_to_an_address_that_is_not_allowed() {
    // The test client connects from 127.0.0.1.
    let app = TestApp::spawn_with(|c| {
        c.metrics.enabled = true;
        c.metrics.allow = vec!["10.0.0.0/8".into()];
    })
    .await;
    assert_eq!(app.get("/metrics").await.status(), 403);

    // Through a trusted reverse proxy, the client is the one it names: from outside, refused.
    let app = TestApp::spawn_with(|c| {
        c.metrics.enabled = true;
        c.server.trusted_proxies = vec!["127.0.0.1".into()];
    })
    .await;
    let outside = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status(), 403);
    assert_eq!(
        app.get("/metrics").await.status(),
        200,
        "loopback is allowed"
    );
}
