//! The sessions of an account: listed on "My access data" with browser, system and
//! address; logged out one by one, or all but the one asking; and shown and ended by the
//! service team, each time in the audit log.

use crate::common::{Agent, PASSWORD, Registration, TestApp};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/// A browser logged in as `email` that sends `user_agent`.
async fn logged_in(app: &TestApp, email: &str, user_agent: &str) -> Agent {
    let agent = app.browser(user_agent);
    let r = agent.login(email, PASSWORD).await;
    assert_eq!(r.status(), 303, "logged in");
    agent
}

/// Whether `agent` is still logged in.
async fn is_in(agent: &Agent) -> bool {
    let (status, _) = agent.page("/account/access").await;
    assert!(status == 200 || status == 303, "{status}");
    status == 200
}

/// The table row that contains `text`.
fn row_of<'a>(html: &'a str, text: &str) -> Option<&'a str> {
    html.split("<tr>")
        .map(|row| row.split("</tr>").next().unwrap_or(row))
        .find(|row| row.contains(text))
}

/// The action of the form in the table row that names `browser`.
fn end_action(html: &str, browser: &str) -> String {
    let row = row_of(html, browser).unwrap_or_else(|| panic!("a row for {browser}"));
    let start = row.find(r#"action=""#).expect("a form in the row") + r#"action=""#.len();
    row[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn sessions_are_listed_and_logged_out_one_by_one_or_all_but_this_one() {
    let app = TestApp::spawn().await;
    let email = "pia@example.com";
    let desk = app.signed_in(&Registration::operator(email)).await;
    let phone = logged_in(&app, email, IPHONE).await;
    let laptop = logged_in(&app, email, FIREFOX).await;

    let (status, html) = desk.page("/account/access").await;
    assert_eq!(status, 200);
    for shown in [
        "<h2 id=\"sessions-heading\">Sessions</h2>",
        "Safari on iOS",
        "Firefox on Linux",
        "Unknown browser",
        "This session",
        "<code>127.0.0.1</code>",
        "Log out everywhere else",
    ] {
        assert!(html.contains(shown), "{shown}");
    }
    assert_eq!(
        html.matches(r#"action="/account/sessions/"#).count(),
        3,
        "one button for each other session, one for all of them"
    );
    assert!(
        html.contains(r#"aria-label="Log out Safari on iOS, last active"#),
        "each button says which session it ends"
    );
    // This session has no button of its own: logging out does that.
    let this_row = row_of(&html, "This session").unwrap();
    assert!(!this_row.contains("<form"));

    let r = desk.post(&end_action(&html, "Safari on iOS"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/account/access?saved=session-ended#sessions"
    );
    assert!(!is_in(&phone).await, "the phone is logged out");
    assert!(
        is_in(&laptop).await && is_in(&desk).await,
        "the others stay"
    );
    let (_, html) = desk.page("/account/access?saved=session-ended").await;
    assert!(html.contains("That session has been logged out."));
    assert!(!html.contains("Safari on iOS"));

    // A handle that names no session of this account changes nothing.
    let r = desk
        .post("/account/sessions/0123456789abcdef/end", &[])
        .await;
    assert_eq!(r.status(), 303);
    assert!(is_in(&laptop).await);

    let r = desk.post("/account/sessions/end-all", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/account/access?saved=sessions-ended#sessions"
    );
    assert!(!is_in(&laptop).await, "every other session ends");
    assert!(is_in(&desk).await, "but not this one");
    let (_, html) = desk.page("/account/access").await;
    assert_eq!(
        html.matches("<tr>").count(),
        2,
        "the header and this session"
    );
    assert!(
        !html.contains("Log out everywhere else"),
        "nothing else to end"
    );
    assert_eq!(
        app.state
            .store
            .sessions()
            .count_for_user(app.user(email).id)
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn the_service_team_sees_and_ends_a_person_s_sessions_in_the_audit_log() {
    let app = TestApp::spawn().await;
    let email = "olga@example.com";
    let office = app.signed_in(&Registration::operator(email)).await;
    let laptop = logged_in(&app, email, FIREFOX).await;
    let other = app
        .signed_in(&Registration::operator("pia@example.com").with("postal_code", "80331"))
        .await;
    let staff = app.staff("sam@service.example").await;
    let id = app.user(email).id;

    let (status, html) = staff.page(&format!("/service/users/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Firefox on Linux") && html.contains("Unknown browser"));
    assert!(html.contains("End all sessions"));
    assert_eq!(html.matches(">End session<").count(), 2);
    assert!(
        !html.contains("This session"),
        "none of them is the staff member's"
    );

    // Pia's session, through Olga's page, is not Olga's: nothing ends.
    let other_id = app.user("pia@example.com").id;
    let (_, other_html) = staff.page(&format!("/service/users/{other_id}")).await;
    let pia_action = end_action(&other_html, "Unknown browser");
    let pia_handle = pia_action.split('/').nth(5).unwrap();
    let r = staff
        .post(
            &format!("/service/users/{id}/sessions/{pia_handle}/end"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(is_in(&other).await);

    let r = staff
        .post(&end_action(&html, "Firefox on Linux"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        format!("/service/users/{id}?saved=session-ended")
    );
    assert!(!is_in(&laptop).await && is_in(&office).await);

    let r = staff
        .post(&format!("/service/users/{id}/sessions/end-all"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert!(!is_in(&office).await, "every session of the person ends");
    assert!(
        is_in(&other).await && is_in(&staff).await,
        "and nobody else's"
    );

    let (_, log) = staff
        .page(&format!("/service/audit?user={id}&event=sessions-ended"))
        .await;
    assert_eq!(
        log.matches(r#"<span class="badge warn">Sessions ended</span>"#)
            .count(),
        2,
        "one entry each time, by the staff member"
    );
    assert!(log.contains("Sam Service"));

    // The page of someone without sessions says so.
    let (_, html) = staff.page(&format!("/service/users/{id}")).await;
    assert!(html.contains("No open sessions."));
}
