//! Companies and roles: invitations, the two-administrator limit, hand-over, removal of
//! collaborators, and no company seeing another's people.

use crate::common::{Agent, PASSWORD, Registration, TestApp, link_in};

/// A signed-in administrator of a new company.
async fn admin_of(app: &TestApp, email: &str, company: &str) -> Agent {
    app.signed_in(&Registration::installer(email, company).with("postal_code", "34266"))
        .await
}

/// Invites `email` as `role`; the person joins as "Ines Installateurin".
async fn invite_and_join(app: &TestApp, admin: &Agent, email: &str, role: &str) -> Agent {
    app.invite_and_join(admin, email, role, ("Ines", "Installateurin"))
        .await
}

#[tokio::test]
async fn an_invited_collaborator_joins_and_appears_in_the_list() {
    let app = TestApp::spawn().await;
    let admin = admin_of(&app, "chef@sonnen-dach.de", "Sonnendach GmbH").await;
    let (status, html) = admin.page("/company/members").await;
    assert_eq!(status, 200);
    assert!(html.contains("chef@sonnen-dach.de") && html.contains("No invitation is waiting"));

    let r = admin
        .post(
            "/company/invitations",
            &[("email", "ines@sonnen-dach.de"), ("role", "installer")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = admin.page("/company/members?done=invited").await;
    assert!(html.contains("The invitation has been sent") && html.contains("ines@sonnen-dach.de"));
    let mail = app.mail("ines@sonnen-dach.de", "/invitations/").await;
    assert!(mail.contains("Sonnendach GmbH") && mail.contains("Anna Müller"));
    let link = link_in(&mail, "/invitations/");

    // Bad input keeps what was typed.
    let agent = app.new_agent();
    let r = agent
        .post(&link, &[("first_name", "Ines"), ("password", "short")])
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"value="Ines""#) && html.contains(r#"id="password-error""#));

    let ines = {
        let r = agent
            .post(
                &link,
                &[
                    ("first_name", "Ines"),
                    ("last_name", "Installateurin"),
                    ("phone", "+49 561 1234567"),
                    ("language", "en"),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                    ("security_question", "first-car"),
                    ("security_answer", "Golf"),
                    ("accept_terms", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        agent
    };
    let (_, html) = ines.page("/profile").await;
    assert!(html.contains("Sonnendach GmbH") && html.contains("Collaborator"));
    assert!(
        !html.contains("Invite collaborators"),
        "installers do not see it"
    );
    assert_eq!(ines.get("/company/members").await.status(), 404);

    let (_, html) = admin.page("/company/members").await;
    assert!(html.contains("Ines Installateurin"));
    assert!(
        html.contains("No invitation is waiting"),
        "the invitation was used"
    );
    // The link worked once.
    let (status, html) = app.new_agent().page(&link).await;
    assert_eq!(status, 410);
    assert!(html.contains("used already"));
}

#[tokio::test]
async fn invitations_refuse_existing_accounts_and_expire_and_can_be_resent_or_revoked() {
    let app = TestApp::spawn().await;
    let admin = admin_of(&app, "chef@a-solar.de", "A Solar").await;
    app.register_and_confirm(&Registration::operator("owner@example.com"))
        .await;
    let r = admin
        .post(
            "/company/invitations",
            &[("email", "Owner@Example.com"), ("role", "installer")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("already has an account"));
    let r = admin
        .post(
            "/company/invitations",
            &[("email", "nope"), ("role", "installer")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = admin
        .post(
            "/company/invitations",
            &[("email", "x@a-solar.de"), ("role", "boss")],
        )
        .await;
    assert_eq!(r.status(), 422);

    admin
        .post(
            "/company/invitations",
            &[("email", "late@a-solar.de"), ("role", "installer")],
        )
        .await;
    let first = link_in(
        &app.mail("late@a-solar.de", "/invitations/").await,
        "/invitations/",
    );
    let r = admin
        .post(
            "/company/invitations",
            &[("email", "late@a-solar.de"), ("role", "installer")],
        )
        .await;
    assert_eq!(r.status(), 422, "already invited");
    app.state.clock.advance(8 * 86_400);
    let (status, html) = app.new_agent().page(&first).await;
    assert_eq!(status, 410);
    assert!(html.contains("too old"));

    // Resend: a new link that works, the old one no longer.
    let admin = app.new_agent();
    assert_eq!(admin.login("chef@a-solar.de", PASSWORD).await.status(), 303);
    let (_, html) = admin.page("/company/members").await;
    assert!(html.contains("Expired"), "expired invitations are marked");
    let resend = html
        .split('"')
        .find(|s| s.starts_with("/company/invitations/") && s.ends_with("/resend"))
        .unwrap()
        .to_owned();
    assert_eq!(admin.post(&resend, &[]).await.status(), 303);
    let second = crate::common::eventually(std::time::Duration::from_secs(10), || {
        app.mails_to("late@a-solar.de")
            .iter()
            .map(|m| link_in(m, "/invitations/"))
            .find(|l| *l != first)
    })
    .await;
    assert_eq!(app.new_agent().get(&second).await.status(), 200);
    assert_eq!(app.new_agent().get(&first).await.status(), 404);

    // Revoke: the link stops working.
    let revoke = resend.replace("/resend", "/revoke");
    assert_eq!(admin.post(&revoke, &[]).await.status(), 303);
    let (status, html) = app.new_agent().page(&second).await;
    assert_eq!(status, 410);
    assert!(html.contains("withdrawn"));
    assert_eq!(
        admin.post(&revoke, &[]).await.status(),
        404,
        "only pending ones"
    );
}

#[tokio::test]
async fn at_most_two_administrators_and_always_one() {
    let app = TestApp::spawn().await;
    let first = admin_of(&app, "one@b-solar.de", "B Solar").await;
    let second = invite_and_join(&app, &first, "two@b-solar.de", "admin").await;
    let third = invite_and_join(&app, &first, "three@b-solar.de", "installer").await;
    let (_, html) = second.page("/company/members").await;
    assert!(
        html.contains("three@b-solar.de"),
        "the second administrator manages too"
    );

    // A third administrator is refused, by promotion and by invitation.
    let three = app.user("three@b-solar.de").id;
    let r = first
        .post(&format!("/company/members/{three}/admin"), &[])
        .await;
    assert_eq!(r.status(), 409);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("at most two administrators")
    );
    let r = first
        .post(
            "/company/invitations",
            &[("email", "four@b-solar.de"), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("at most two administrators")
    );

    // Hand-over: the first steps down, the third is promoted.
    let one = app.user("one@b-solar.de").id;
    let r = first
        .post(&format!("/company/members/{one}/installer"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        first.get("/company/members").await.status(),
        404,
        "no longer an administrator"
    );
    assert_eq!(
        second
            .post(&format!("/company/members/{three}/admin"), &[])
            .await
            .status(),
        303
    );
    let (_, html) = third.page("/company/members").await;
    assert!(html.contains("Step down as administrator"));

    // The last administrator cannot step down.
    let two = app.user("two@b-solar.de").id;
    assert_eq!(
        third
            .post(&format!("/company/members/{two}/installer"), &[])
            .await
            .status(),
        303
    );
    let r = third
        .post(&format!("/company/members/{three}/installer"), &[])
        .await;
    assert_eq!(r.status(), 409);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("at least one administrator")
    );
}

#[tokio::test]
async fn removing_a_collaborator_ends_access_at_once_and_tells_them() {
    let app = TestApp::spawn().await;
    let admin = admin_of(&app, "boss@c-solar.de", "C Solar").await;
    let ines = invite_and_join(&app, &admin, "ines@c-solar.de", "installer").await;
    let phone = app.new_agent();
    assert_eq!(phone.login("ines@c-solar.de", PASSWORD).await.status(), 303);
    let id = app.user("ines@c-solar.de").id;

    let (status, html) = admin.page(&format!("/company/members/{id}/remove")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Remove this collaborator?") && html.contains("ines@c-solar.de"));
    assert_eq!(
        admin
            .post(&format!("/company/members/{id}/remove"), &[])
            .await
            .status(),
        303
    );

    assert_eq!(ines.get("/profile").await.status(), 303, "session ended");
    assert_eq!(
        phone.get("/profile").await.status(),
        303,
        "every session ended"
    );
    let r = app.new_agent().login("ines@c-solar.de", PASSWORD).await;
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("deactivated"));
    let mail = app.mail("ines@c-solar.de", "business relationship").await;
    assert!(mail.contains("C Solar"));
    // Recovery does not bring the access back.
    let r = app
        .new_agent()
        .post(
            "/password/forgot",
            &[("email", "ines@c-solar.de"), ("security_answer", "bello")],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        app.mails_to("ines@c-solar.de")
            .iter()
            .all(|m| !m.contains("/password/reset/"))
    );
    let (_, html) = admin.page("/company/members").await;
    assert!(!html.contains("ines@c-solar.de"));
    // The account is kept (nothing they created is lost).
    assert!(app.state.store.users().get(id).unwrap().is_some());
}

#[tokio::test]
async fn nobody_removes_himself_and_members_remove_nobody() {
    let app = TestApp::spawn().await;
    let admin = admin_of(&app, "self@d-solar.de", "D Solar").await;
    let me = app.user("self@d-solar.de").id;
    let r = admin
        .post(&format!("/company/members/{me}/remove"), &[])
        .await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("cannot remove yourself"));
    let ines = invite_and_join(&app, &admin, "ines@d-solar.de", "installer").await;
    assert_eq!(
        ines.post(&format!("/company/members/{me}/remove"), &[])
            .await
            .status(),
        404
    );
    // When two administrators exist, one can remove the other.
    let second = invite_and_join(&app, &admin, "second@d-solar.de", "admin").await;
    assert_eq!(
        second
            .post(&format!("/company/members/{me}/remove"), &[])
            .await
            .status(),
        303
    );
    assert_eq!(admin.get("/profile").await.status(), 303);
}

#[tokio::test]
async fn another_companys_people_are_not_found() {
    let app = TestApp::spawn().await;
    let a = admin_of(&app, "boss@e-solar.de", "E Solar").await;
    let b = admin_of(&app, "boss@f-solar.de", "F Solar").await;
    invite_and_join(&app, &a, "ines@e-solar.de", "installer").await;
    let ines = app.user("ines@e-solar.de").id;
    let (_, html) = b.page("/company/members").await;
    assert!(
        !html.contains("e-solar.de"),
        "no other company's people in the list"
    );
    for path in [format!("/company/members/{ines}/remove")] {
        assert_eq!(b.get(&path).await.status(), 404);
    }
    for path in [
        format!("/company/members/{ines}/remove"),
        format!("/company/members/{ines}/admin"),
        format!("/company/members/{ines}/installer"),
    ] {
        assert_eq!(b.post(&path, &[]).await.status(), 404, "{path}");
    }
    // …with the same answer as for an id that does not exist.
    assert_eq!(b.get("/company/members/999999/remove").await.status(), 404);
    // Invitations likewise.
    a.post(
        "/company/invitations",
        &[("email", "new@e-solar.de"), ("role", "installer")],
    )
    .await;
    let (_, html) = a.page("/company/members").await;
    let resend = html
        .split('"')
        .find(|s| s.ends_with("/resend"))
        .unwrap()
        .to_owned();
    assert_eq!(b.post(&resend, &[]).await.status(), 404);
    assert_eq!(
        b.post(&resend.replace("/resend", "/revoke"), &[])
            .await
            .status(),
        404
    );
}
