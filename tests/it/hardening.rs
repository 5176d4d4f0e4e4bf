//! Attacks on the edges: redirect targets that would leave the site.

use osc::links::url_encode;

use crate::common::{PASSWORD, Registration, TestApp};

/// `next` values that must never be followed: each would take a browser off the site, or
/// is not a path at all, as typed or once more decoded.
const HOSTILE_NEXT: &[&str] = &[
    "/\t/evil.example",
    "/%09/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%2f%2fevil.example",
    "https://evil.example",
    "evil.example",
    " /evil.example",
    "/\n/evil.example",
    "/\r\nSet-Cookie: a=b",
    "/%0D%0ASet-Cookie:%20a=b",
    "/\u{7f}/evil.example",
    "/plants\u{0}",
    "",
];

#[tokio::test]
async fn the_language_switch_goes_back_only_to_a_path_on_this_site() {
    let app = TestApp::spawn().await;
    for next in HOSTILE_NEXT {
        let r = app
            .get(&format!("/language/en?next={}", url_encode(next)))
            .await;
        assert_eq!(r.status(), 303, "next={next:?}");
        assert_eq!(r.headers()["location"], "/", "next={next:?}");
    }
    let r = app
        .get(&format!("/language/en?next={}", url_encode("/plants?q=1")))
        .await;
    assert_eq!(
        r.headers()["location"],
        "/plants?q=1",
        "a plain path is kept"
    );
}

#[tokio::test]
async fn a_log_in_goes_on_only_to_a_path_on_this_site() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("ruth.ziel@example.org"))
        .await;
    let home = {
        let agent = app.new_agent();
        let r = agent.login(&email, PASSWORD).await;
        r.headers()["location"].to_str().unwrap().to_owned()
    };
    for next in HOSTILE_NEXT {
        let agent = app.new_agent();
        let r = agent
            .post(
                "/login",
                &[("email", &email), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(r.status(), 303, "next={next:?}");
        assert_eq!(r.headers()["location"], home.as_str(), "next={next:?}");
    }
    let agent = app.new_agent();
    let r = agent
        .post(
            "/login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "/plants"),
            ],
        )
        .await;
    assert_eq!(r.headers()["location"], "/plants", "a plain path is kept");
}
