//! The first run: an instance without a service team says so and takes no requests
//! nobody could read; the set-up link printed at start creates the first staff account
//! (same password rules), once; a restart replaces the link and `osc staff add` closes it.

use osc::store::audit::Event;

use crate::common::{PASSWORD, Registration, TestApp};

const CONTACT: [(&str, &str); 4] = [
    ("name", "Vera Visitor"),
    ("email", "vera@example.com"),
    ("topic", "general"),
    ("message", "Is anybody there?"),
];

#[tokio::test]
async fn a_fresh_instance_says_it_is_not_set_up_and_its_link_makes_the_first_staff_account() {
    let app = TestApp::spawn_first_run().await;
    let link = app
        .setup_link
        .clone()
        .expect("a set-up link at the first start");
    assert!(link.starts_with(&app.url("/setup/")), "{link}");
    let visitor = app.new_agent();
    let (_, home) = visitor.page("/").await;
    assert!(home.contains("This portal is not set up yet."));
    // No request is taken that nobody could read.
    for path in ["/contact", "/info-sheet"] {
        let (status, html) = visitor.page(path).await;
        assert_eq!(status, 503, "{path}");
        assert!(html.contains("open the set-up link printed in the server"));
    }
    assert_eq!(visitor.post("/contact", &CONTACT).await.status(), 503);
    assert!(app.mails_to("vera@example.com").is_empty());
    // A customer may register meanwhile; their address is then taken.
    app.signed_in(&Registration::operator("olaf@example.com"))
        .await;

    let path = link.strip_prefix(&app.base).unwrap().to_owned();
    let (status, form) = visitor.page(&path).await;
    assert_eq!(status, 200);
    assert!(form.contains("Create the first account of the service team."));
    for (fields, field, message) in [
        (
            [
                ("email", "sam@"),
                ("name", "Sam Service"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
            "email",
            "",
        ),
        (
            [
                ("email", "sam@service.example"),
                ("name", "Sam"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
            "name",
            "Enter the first and the last name.",
        ),
        (
            [
                ("email", "sam@service.example"),
                ("name", "Sam Service"),
                ("password", "kurz"),
                ("password_confirm", "kurz"),
            ],
            "password",
            "",
        ),
        (
            [
                ("email", "olaf@example.com"),
                ("name", "Sam Service"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
            "email",
            "This e-mail address already has an account.",
        ),
    ] {
        let r = visitor.post(&path, &fields).await;
        assert_eq!(r.status(), 422, "{field}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"id="{field}-error""#)),
            "{field}: {html}"
        );
        assert!(html.contains(message), "{message}");
        assert!(
            html.contains(&format!(r#"value="{}""#, fields[1].1)),
            "the name stays"
        );
        assert!(!html.contains(PASSWORD), "passwords are not sent back");
    }
    assert!(!app.state.store.users().has_active_staff().unwrap());

    let r = visitor
        .post(
            &path,
            &[
                ("email", "sam@service.example"),
                ("name", "Sam Service"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("The service-team account sam@service.example is ready.")
    );
    let added = app
        .state
        .store
        .audit()
        .page(
            osc::store::audit::Filter {
                event: Some(Event::StaffAdded),
                ..Default::default()
            },
            10,
        )
        .unwrap()
        .entries;
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].detail, "first-run");
    // The link worked once; the instance is set up.
    let (status, html) = visitor.page(&path).await;
    assert_eq!(status, 410);
    assert!(html.contains("This portal is set up already"));
    let (_, home) = visitor.page("/").await;
    assert!(!home.contains("This portal is not set up yet."));
    assert_eq!(visitor.page("/contact").await.0, 200);
    assert_eq!(visitor.post("/contact", &CONTACT).await.status(), 303);

    // The new account logs in to the service desk, by way of two-step log-in.
    let sam = app.new_agent();
    assert_eq!(
        sam.login("sam@service.example", PASSWORD).await.headers()["location"],
        "/service"
    );
    assert_eq!(
        sam.get("/service").await.headers()["location"],
        "/account/two-factor"
    );
    app.enrol(&sam, PASSWORD).await;
    let (status, desk) = sam.page("/service").await;
    assert_eq!(status, 200);
    assert!(
        desk.contains("are placeholders"),
        "the default branding is flagged to staff"
    );
}

#[tokio::test]
async fn a_restart_replaces_the_link_and_a_staff_account_made_otherwise_closes_it() {
    let app = TestApp::spawn_first_run().await;
    let first = app.setup_link.clone().unwrap();
    let dir = app.stop().await;
    let app = TestApp::spawn_first_run_in(dir, |_| {}).await;
    let second = app.setup_link.clone().unwrap();
    assert_ne!(first, second, "each start prints a new link");
    let visitor = app.new_agent();
    // The port changes with each start; the path is what counts.
    let path = |link: &str| link[link.find("/setup/").unwrap()..].to_owned();
    let (status, html) = visitor.page(&path(&first)).await;
    assert_eq!(status, 410, "the older link no longer works");
    assert!(html.contains("This set-up link does not work (any more)."));
    assert_eq!(visitor.page(&path(&second)).await.0, 200);
    assert_eq!(
        visitor.page(&format!("/setup/{}", "b".repeat(64))).await.0,
        404
    );
    assert_eq!(visitor.page("/setup/not-a-token").await.0, 404);

    // `osc staff add` made the first account: the link is closed.
    osc::service::staff::add(
        &*app.state.store,
        &osc::service::staff::NewStaff::parse(
            "kim@service.example",
            "Kim Service",
            PASSWORD,
            PASSWORD,
        )
        .unwrap(),
        crate::common::password_hash(),
        app.state.clock.now(),
    )
    .unwrap()
    .unwrap();
    let (status, html) = visitor.page(&path(&second)).await;
    assert_eq!(status, 410);
    assert!(html.contains("This portal is set up already"));
    let r = visitor
        .post(
            &path(&second),
            &[
                ("email", "eve@example.com"),
                ("name", "Eve Intruder"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 410, "no second account through the link");
    let dir = app.stop().await;
    let app = TestApp::spawn_first_run_in(dir, |_| {}).await;
    assert!(app.setup_link.is_none(), "a set-up instance prints no link");
}

#[test]
fn the_binary_prints_the_set_up_link_in_its_log_at_the_first_start() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut child = crate::common::osc_on(dir.path())
        .arg("serve")
        .env("OSC_SERVER_BIND", "127.0.0.1:0")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut link = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(pos) = line.find("setup_link=") {
            let rest = &line[pos + "setup_link=".len()..];
            link = rest.split_whitespace().next().map(str::to_owned);
        }
        if line.contains("listening on http://") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let link = link.expect("the log names the set-up link");
    assert!(link.contains("/setup/"), "{link}");
    let token = link.rsplit('/').next().unwrap();
    assert!(osc::secrets::token::is_well_formed(token), "{token}");
}
