//! The portal shell: start page, languages, error pages, assets, health and the HTTP
//! hygiene every response carries.

use osc::i18n::{Lang, MISSING_MARK};
use osc::store::{Storage, Store};

use crate::common::TestApp;

const CSP: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

fn assert_hygiene(response: &reqwest::Response) {
    let h = response.headers();
    assert_eq!(h["content-security-policy"], CSP, "{}", response.url());
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
}

#[tokio::test]
async fn start_page_renders_in_every_language_without_missing_messages() {
    let app = TestApp::spawn().await;
    let headings = [
        (Lang::Fr, "Le service de vos installations solaires"),
        (Lang::De, "Service für Ihre Solaranlagen"),
        (Lang::En, "Service for your solar plants"),
    ];
    for (lang, heading) in headings {
        let response = app
            .client
            .get(app.url("/"))
            .header("accept-language", lang.code())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{}\"", lang.code())));
        assert!(html.contains(heading), "{lang}: heading");
        assert!(
            !html.contains(MISSING_MARK),
            "{lang}: a message id is missing"
        );
        // The log-in box and the way to register.
        assert!(html.contains(r#"action="/login""#));
        assert!(html.contains(r#"name="email""#) && html.contains(r#"name="password""#));
        assert!(html.contains(r#"href="/register""#));
        // Footer with the legal links.
        assert!(html.contains(r#"href="/privacy""#) && html.contains(r#"href="/terms""#));
    }
}

#[tokio::test]
async fn default_language_is_french_and_configurable() {
    let app = TestApp::spawn().await;
    let html = app.get_page("/", 200).await;
    assert!(html.contains(r#"<html lang="fr""#));

    let app = TestApp::spawn_with(|c| c.i18n.default_language = Lang::De).await;
    let html = app.get_page("/", 200).await;
    assert!(html.contains(r#"<html lang="de""#));
}

#[tokio::test]
async fn language_switch_sets_a_cookie_that_wins_over_the_browser() {
    let app = TestApp::spawn().await;
    let response = app.get("/language/de?next=/privacy").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/privacy");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("osc_lang=de;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"));

    let html = app
        .client
        .get(app.url("/"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"<html lang="de""#),
        "cookie beats Accept-Language"
    );
}

#[tokio::test]
async fn language_switch_refuses_unknown_languages_and_foreign_redirects() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/language/it").await.status(), 404);
    let response = app.get("/language/en?next=//evil.example/").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/");
    let response = app.get("/language/en?next=https://evil.example/").await;
    assert_eq!(response.headers()["location"], "/");
}

#[tokio::test]
async fn unknown_pages_get_the_designed_404_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(app.url("/no/such/page"))
        .header("accept-language", "de-DE,de;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_hygiene(&response);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("Seite nicht gefunden"));
    assert!(html.contains(r#"href="/""#), "offers a way back");
}

#[tokio::test]
async fn wrong_method_and_oversized_bodies_get_designed_pages() {
    let app = TestApp::spawn_with(|c| c.server.body_limit_kb = 4).await;
    let response = app.client.delete(app.url("/")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert!(response.text().await.unwrap().contains("<h1"));

    let response = app
        .client
        .post(app.url("/"))
        .header("accept-language", "en")
        .body(vec![b'x'; 16 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_hygiene(&response);
    assert!(response.text().await.unwrap().contains("Too much data"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let html = app.get_page("/", 200).await;
    let css = html
        .split('"')
        .find(|s| s.starts_with("/assets/") && s.ends_with("osc.css"))
        .expect("stylesheet link")
        .to_owned();
    for path in ["/", "/healthz", "/privacy", "/nothing-here", css.as_str()] {
        let response = app.get(path).await;
        assert_hygiene(&response);
    }
}

#[tokio::test]
async fn assets_have_content_hashed_urls_and_long_cache_headers() {
    let app = TestApp::spawn().await;
    let html = app.get_page("/", 200).await;
    let css = html
        .split('"')
        .find(|s| s.starts_with("/assets/") && s.ends_with("osc.css"))
        .expect("stylesheet link")
        .to_owned();
    let response = app
        .client
        .get(app.url(&css))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-encoding"], "gzip", "compressed");

    // A stale or made-up hash is not served.
    let parts: Vec<&str> = css.splitn(4, '/').collect();
    let wrong = format!("/assets/0123456789abcdef/{}", parts[3]);
    assert_ne!(wrong, css);
    assert_eq!(app.get(&wrong).await.status(), 404);

    // Every page references only embedded assets; no external URL anywhere.
    assert!(!html.contains("http://") && !html.contains("https://"));
}

#[tokio::test]
async fn legal_pages_render_in_every_language() {
    let app = TestApp::spawn_with(|c| c.branding.team_name = "Sonnenservice GmbH".into()).await;
    for (lang, title) in [
        ("fr", "Politique de confidentialité"),
        ("de", "Datenschutzerklärung"),
        ("en", "Privacy policy"),
    ] {
        let html = app
            .client
            .get(app.url("/privacy"))
            .header("accept-language", lang)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{lang}");
        assert!(html.contains("Sonnenservice GmbH"), "branding is filled in");
        assert!(!html.contains("{team}"));
    }
    assert_eq!(app.get("/terms").await.status(), 200);
}

#[tokio::test]
async fn healthz_reports_store_and_index() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok\n");
}

#[tokio::test]
async fn graceful_shutdown_leaves_a_store_that_opens_again() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/").await.status(), 200);
    let dir = app.stop().await;
    let store = Store::open(dir.path(), 1 << 20).expect("store reopens after shutdown");
    assert_eq!(store.schema_version().unwrap(), osc::store::SCHEMA_VERSION);
    drop(store);
    // …and a server starts on it again.
    let app = TestApp::spawn_in(dir, |_| {}).await;
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn a_damaged_search_index_is_rebuilt_at_start() {
    let app = TestApp::spawn().await;
    let index_dir = app.data_dir().join("index");
    let dir = app.stop().await;
    std::fs::write(index_dir.join("meta.json"), b"garbage").unwrap();
    let app = TestApp::spawn_in(dir, |_| {}).await;
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn after_a_refused_form_the_language_switch_returns_to_the_form_s_page() {
    let app = TestApp::spawn().await;
    let anna = app
        .signed_in(&crate::common::Registration::installer(
            "anna@kuehn-solar.de",
            "Kühn Solar",
        ))
        .await;
    let plant = anna.new_plant("Scheune").await;
    let form_page = app.url(&format!("/plants/{plant}"));
    // A device with a serial that is not one: the form comes back from the POST address.
    let token = anna.csrf().await;
    let r = anna
        .client
        .post(app.url(&format!("/plants/{plant}/devices")))
        .header("referer", &form_page)
        .form(&[
            ("csrf_token", token.as_str()),
            ("serial", "12"),
            ("product", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    let back = format!("/language/de?next=/plants/{plant}");
    assert!(
        html.contains(&back),
        "the switch leads back to the plant's page"
    );
    let r = anna.get(&back).await;
    assert_eq!(r.headers()["location"], format!("/plants/{plant}"));
    assert_eq!(anna.get(&format!("/plants/{plant}")).await.status(), 200);
    // Without a Referer (or with one from elsewhere) it leads to the start page.
    let r = anna
        .client
        .post(app.url(&format!("/plants/{plant}/devices")))
        .header("referer", "https://evil.example//x")
        .form(&[
            ("csrf_token", token.as_str()),
            ("serial", "12"),
            ("product", ""),
        ])
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains(r#"/language/de?next=/""#));

    // Reloading the POST address (a GET) is not "not found".
    anna.get("/language/en?next=/").await;
    let r = anna.get(&format!("/plants/{plant}/devices")).await;
    assert_eq!(r.status(), 405);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("This address does not open that way"),
        "{html}"
    );
    assert!(!html.contains("Page not found"));
}
