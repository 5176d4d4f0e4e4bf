//! Two-step log-in with real authenticator codes (RFC 6238) computed from the key the
//! set-up page shows: set-up after the password and a right code, the log-in's second
//! step (each code once, never one from two windows ago), recovery codes once each,
//! wrong codes toward the lock, recovery by e-mail that still asks for the code, the
//! service team's obligation, resets by the service team, and what a wrong password
//! gives away (nothing).

use osc::secrets::totp::{self, Secret};
use osc::store::audit::{Entry, Event};

use crate::common::{Agent, PASSWORD, Registration, TestApp, key_in, link_in, recovery_codes_in};

/// The audit entries of `event`, newest first.
fn audited(app: &TestApp, event: Event) -> Vec<Entry> {
    app.state
        .store
        .audit()
        .page(
            osc::store::audit::Filter {
                event: Some(event),
                ..Default::default()
            },
            50,
        )
        .unwrap()
        .entries
}

/// Whether `agent` is still logged in.
async fn is_in(agent: &Agent) -> bool {
    let (status, _) = agent.page("/account/access").await;
    assert!(status == 200 || status == 303, "{status}");
    status == 200
}

/// A code of `secret` for none of the steps around now (a wrong code of the right form).
fn wrong_code(app: &TestApp, secret: &Secret) -> String {
    let step = totp::step_of(app.state.clock.now());
    let near: Vec<String> = (step - 1..=step + 2)
        .map(|s| secret.code_at_step(s))
        .collect();
    (10..)
        .map(|back| secret.code_at_step(step - back))
        .find(|c| !near.contains(c))
        .unwrap()
}

/// Logs in with the password; the response must lead to the second step.
async fn password_step(agent: &Agent, email: &str, password: &str) {
    let r = agent.login(email, password).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/login/code",
        "the second step follows"
    );
}

/// `POST /login/code` with `code`: (status, location, body).
async fn code_step(agent: &Agent, code: &str) -> (u16, String, String) {
    let r = agent.post("/login/code", &[("code", code)]).await;
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, r.text().await.unwrap())
}

#[tokio::test]
async fn set_up_asks_the_password_then_a_right_code_and_shows_the_recovery_codes_once() {
    let app = TestApp::spawn().await;
    let email = "anna@kuehn-solar.de";
    let anna = app
        .signed_in(&Registration::installer(email, "Kühn Solar"))
        .await;
    let elsewhere = app.new_agent();
    assert_eq!(elsewhere.login(email, PASSWORD).await.status(), 303);
    let (_, access) = anna.page("/account/access").await;
    assert!(
        access.contains("Set up two-step log-in"),
        "offered on My access data"
    );

    // The current password comes first.
    let r = anna
        .post(
            "/account/two-factor/setup",
            &[("current_password", "Falsch-Passwort-11")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("This is not your current password.")
    );
    let r = anna
        .post(
            "/account/two-factor/setup",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains(r#"<svg class="qr""#),
        "the QR code, drawn on the server"
    );
    let secret = key_in(&html);

    // A wrong code, or no code at all, leaves it off and shows the same key again.
    for (typed, message) in [
        (wrong_code(&app, &secret), "This code is not right"),
        ("12ab".to_owned(), "Enter the six digits from the app"),
        (String::new(), "Enter the code."),
    ] {
        let r = anna
            .post("/account/two-factor/confirm", &[("code", &typed)])
            .await;
        assert_eq!(r.status(), 422, "{typed:?}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "{typed:?}: {html}");
        assert_eq!(key_in(&html), secret, "the same key");
        assert!(
            html.contains(&format!(r#"value="{typed}""#)),
            "what was typed stays"
        );
    }
    assert_eq!(
        elsewhere.login(email, PASSWORD).await.headers()["location"],
        "/plants",
        "not on yet: the password alone signs in"
    );

    let code = secret.code_at(app.state.clock.now());
    let r = anna
        .post("/account/two-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(r.status(), 200);
    let codes = recovery_codes_in(&r.text().await.unwrap());
    assert_eq!(codes.len(), 10);
    // Shown once: the page afterwards counts them and shows none.
    let (_, page) = anna.page("/account/two-factor").await;
    assert!(page.contains("10 unused recovery codes left."));
    assert!(!page.contains(&codes[0]));
    let (_, access) = anna.page("/account/access").await;
    assert!(access.contains("Log-in asks for a code from your authenticator app since"));
    // The code that turned it on does not open a log-in, and the other sessions ended.
    assert!(is_in(&anna).await);
    assert!(
        !is_in(&elsewhere).await,
        "a two-step change ends the other sessions"
    );
    let stored = app
        .state
        .store
        .two_factor()
        .get(app.user(email).id)
        .unwrap()
        .unwrap();
    assert!(
        stored
            .recovery
            .contains(&totp::recovery_hash(&codes[0]).unwrap())
    );
    let file = std::fs::read(app.data_dir().join("osc.redb")).unwrap();
    assert!(
        !file.windows(19).any(|w| w == codes[0].as_bytes()),
        "the recovery codes are kept hashed"
    );
    assert_eq!(audited(&app, Event::TwoFactorOn).len(), 1);
    app.mail(email, "two-step log-in has just been turned on")
        .await;

    // Set up once: a second set-up leads back to the page as it stands, key unchanged.
    let r = anna
        .post(
            "/account/two-factor/setup",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(r.headers()["location"], "/account/two-factor");
    assert_eq!(app.key_of(email), secret);
}

#[tokio::test]
async fn log_in_asks_for_the_code_and_takes_each_code_once_and_none_two_windows_old() {
    let app = TestApp::spawn().await;
    let email = "olaf@example.com";
    let olaf = app.signed_in(&Registration::operator(email)).await;
    let (secret, _) = app.enrol(&olaf, PASSWORD).await;

    let phone = app.new_agent();
    password_step(&phone, email, PASSWORD).await;
    assert!(!is_in(&phone).await, "the password alone is no session");
    let (status, page) = phone.page("/login/code").await;
    assert_eq!(status, 200);
    assert!(page.contains("Now enter the code your authenticator app shows."));
    // A code of two windows ago is refused.
    let now = app.state.clock.now();
    let old = secret.code_at_step(totp::step_of(now) - 2);
    if totp::matching_step(&secret, &old, now).is_none() {
        let (status, _, html) = code_step(&phone, &old).await;
        assert_eq!(status, 422);
        assert!(html.contains("This code is not right"));
    }
    let code = app.fresh_code(email, &secret);
    let (status, location, _) = code_step(&phone, &code).await;
    assert_eq!((status, location.as_str()), (303, "/tickets"));
    assert!(is_in(&phone).await);

    // The same code again, inside its window, is refused.
    let laptop = app.new_agent();
    password_step(&laptop, email, PASSWORD).await;
    let (status, _, html) = code_step(&laptop, &code).await;
    assert_eq!(status, 422, "a code works once");
    assert!(html.contains("This code is not right, or was used already."));
    assert!(!is_in(&laptop).await);
    let (status, _, _) = code_step(&laptop, &app.fresh_code(email, &secret)).await;
    assert_eq!(status, 303, "the next code signs in");

    // Without the second step's cookie there is nothing to complete.
    let stranger = app.new_agent();
    assert_eq!(
        stranger.get("/login/code").await.headers()["location"],
        "/login"
    );
    let (status, _, html) = code_step(&stranger, &app.fresh_code(email, &secret)).await;
    assert_eq!(status, 422);
    assert!(html.contains("The time for the second step ran out."));

    // The second step waits five minutes.
    let slow = app.new_agent();
    password_step(&slow, email, PASSWORD).await;
    app.state.clock.advance(5 * 60 + 1);
    let (status, _, html) = code_step(&slow, &app.fresh_code(email, &secret)).await;
    assert_eq!(status, 422);
    assert!(html.contains("The time for the second step ran out."));
    assert!(!is_in(&slow).await);

    // `next` is carried through both steps.
    let deep = app.new_agent();
    let r = deep
        .post(
            "/login",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("next", "/plants"),
            ],
        )
        .await;
    assert_eq!(r.headers()["location"], "/login/code?next=%2Fplants");
    let r = deep
        .post(
            "/login/code",
            &[
                ("code", &app.fresh_code(email, &secret)),
                ("next", "/plants"),
            ],
        )
        .await;
    assert_eq!(r.headers()["location"], "/plants");
}

#[tokio::test]
async fn recovery_codes_work_once_each_and_new_ones_replace_them() {
    let app = TestApp::spawn().await;
    let email = "olaf@example.com";
    let olaf = app.signed_in(&Registration::operator(email)).await;
    let (_, codes) = app.enrol(&olaf, PASSWORD).await;

    let lost_phone = app.new_agent();
    password_step(&lost_phone, email, PASSWORD).await;
    let (status, _, _) = code_step(&lost_phone, &codes[0]).await;
    assert_eq!(status, 303, "a recovery code instead of the app's");
    let used = audited(&app, Event::RecoveryCodeUsed);
    assert_eq!(used.len(), 1);
    assert_eq!(used[0].detail, "9", "how many are left");
    app.mail(
        email,
        "with one of your recovery codes. Recovery codes left: 9.",
    )
    .await;

    let again = app.new_agent();
    password_step(&again, email, PASSWORD).await;
    let (status, _, _) = code_step(&again, &codes[0]).await;
    assert_eq!(status, 422, "each recovery code works once");
    // However it is typed: upper case, spaces for dashes.
    let typed = codes[1].replace('-', " ").to_uppercase();
    let (status, _, _) = code_step(&again, &typed).await;
    assert_eq!(status, 303);
    let (_, page) = olaf.page("/account/two-factor").await;
    assert!(page.contains("8 unused recovery codes left."), "{page}");

    // New codes after the password; the old ones stop working.
    let r = olaf
        .post(
            "/account/two-factor/recovery-codes",
            &[("current_password", "nope")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = olaf
        .post(
            "/account/two-factor/recovery-codes",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let fresh = recovery_codes_in(&r.text().await.unwrap());
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|c| !codes.contains(c)));
    assert_eq!(audited(&app, Event::RecoveryCodesRenewed).len(), 1);
    let third = app.new_agent();
    password_step(&third, email, PASSWORD).await;
    let (status, _, _) = code_step(&third, &codes[2]).await;
    assert_eq!(status, 422, "an old code no longer works");
    let (status, _, _) = code_step(&third, &fresh[0]).await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn wrong_codes_count_toward_the_lock_and_recovery_still_asks_for_the_code() {
    let app = TestApp::spawn().await;
    let email = "olaf@example.com";
    let olaf = app.signed_in(&Registration::operator(email)).await;
    let (secret, _) = app.enrol(&olaf, PASSWORD).await;

    let thief = app.new_agent();
    password_step(&thief, email, PASSWORD).await;
    for _ in 0..2 {
        let (status, _, _) = code_step(&thief, &wrong_code(&app, &secret)).await;
        assert_eq!(status, 422);
    }
    // The password again does not give the codes their count back.
    password_step(&thief, email, PASSWORD).await;
    let (status, location, _) = code_step(&thief, &wrong_code(&app, &secret)).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/password/forgot?locked=1"),
        "the third wrong code locks the account"
    );
    let failed = audited(&app, Event::LoginFailed);
    assert_eq!(failed.iter().filter(|e| e.detail == "code").count(), 3);
    assert_eq!(audited(&app, Event::AccountLocked)[0].detail, "code");
    // Locked: neither the password nor a right code opens it.
    let owner = app.new_agent();
    assert_eq!(
        owner.login(email, PASSWORD).await.headers()["location"],
        "/password/forgot?locked=1"
    );

    // Recovery by the security question and the mailed link sets a new password and
    // unlocks, and log-in still asks for the code.
    owner
        .post(
            "/password/forgot",
            &[("email", email), ("security_answer", "Bello")],
        )
        .await;
    let link = link_in(
        &app.mail(email, "/password/reset/").await,
        "/password/reset/",
    );
    let new_password = "Sonnendach-Wechselrichter-92";
    let r = owner
        .post(
            &link,
            &[
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    // The thief's second step, begun with the old password, is over.
    let (status, _, html) = code_step(&thief, &app.fresh_code(email, &secret)).await;
    assert_eq!(status, 422);
    assert!(html.contains("The time for the second step ran out."));
    password_step(&owner, email, new_password).await;
    assert!(!is_in(&owner).await);
    let (status, location, _) = code_step(&owner, &app.fresh_code(email, &secret)).await;
    assert_eq!((status, location.as_str()), (303, "/tickets"));
}

#[tokio::test]
async fn a_wrong_password_reads_the_same_with_or_without_two_step_log_in() {
    let app = TestApp::spawn().await;
    let with = "mit@example.com";
    let without = "ohne@example.com";
    let agent = app.signed_in(&Registration::operator(with)).await;
    app.enrol(&agent, PASSWORD).await;
    app.signed_in(&Registration::operator(without)).await;

    // The same browser (one CSRF token) tries both with a wrong password, and an
    // unknown address: the pages differ in the address typed, nothing else.
    let visitor = app.new_agent();
    let mut answers = Vec::new();
    for email in [with, without, "niemand@example.com"] {
        let r = visitor.login(email, "Falsches-Passwort-77").await;
        let status = r.status();
        let cookies: Vec<String> = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().split('=').next().unwrap().to_owned())
            .collect();
        let body = r.text().await.unwrap().replace(email, "EMAIL");
        answers.push((status, cookies, body));
    }
    assert_eq!(answers[0].0, 422);
    assert_eq!(answers[0], answers[1], "two-step log-in does not show");
    assert_eq!(answers[1], answers[2], "nor does an unknown address");
    assert!(
        answers[0].1.is_empty(),
        "no second-step cookie for a wrong password"
    );
}

#[tokio::test]
async fn the_service_team_must_set_it_up_before_anything_else_opens() {
    let app = TestApp::spawn().await;
    let email = "kim@service.example";
    let hash = app.state.hasher.hash(PASSWORD.to_owned()).await.unwrap();
    osc::service::staff::add(
        &*app.state.store,
        &osc::service::staff::NewStaff::parse(email, "Kim Service", PASSWORD, PASSWORD).unwrap(),
        hash,
        app.state.clock.now(),
    )
    .unwrap()
    .unwrap();
    let kim = app.new_agent();
    assert_eq!(
        kim.login(email, PASSWORD).await.headers()["location"],
        "/service"
    );
    for path in [
        "/service",
        "/service/users",
        "/tickets",
        "/profile",
        "/account/access",
    ] {
        let r = kim.get(path).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(r.headers()["location"], "/account/two-factor", "{path}");
    }
    let r = kim.post("/service/users/1/block", &[("reason", "x")]).await;
    assert_eq!(
        r.headers()["location"],
        "/account/two-factor",
        "no action either"
    );
    // Log-out still works while confined.
    let other = app.new_agent();
    other.login(email, PASSWORD).await;
    let r = other.post("/logout", &[]).await;
    assert_eq!(r.headers()["location"], "/");
    assert!(!is_in(&other).await, "logged out");
    let (status, page) = kim.page("/account/two-factor").await;
    assert_eq!(status, 200);
    assert!(page.contains("nothing else opens until it is done"));
    let (secret, _) = app.enrol(&kim, PASSWORD).await;
    assert_eq!(kim.get("/service").await.status(), 200);
    // Required of staff: it cannot be turned off.
    let r = kim
        .post(
            "/account/two-factor/off",
            &[
                ("current_password", PASSWORD),
                ("code", &app.fresh_code(email, &secret)),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("it cannot be turned off"));
    assert_eq!(audited(&app, Event::TwoFactorOff).len(), 0);
    // From now on its log-in takes two steps.
    let fresh = app.new_agent();
    password_step(&fresh, email, PASSWORD).await;

    // With `optional`, staff go straight to the desk.
    let relaxed = TestApp::spawn_with(|c| {
        c.security.staff_two_factor = osc::config::StaffTwoFactor::Optional;
    })
    .await;
    let hash = relaxed
        .state
        .hasher
        .hash(PASSWORD.to_owned())
        .await
        .unwrap();
    osc::service::staff::add(
        &*relaxed.state.store,
        &osc::service::staff::NewStaff::parse(email, "Kim Service", PASSWORD, PASSWORD).unwrap(),
        hash,
        relaxed.state.clock.now(),
    )
    .unwrap()
    .unwrap();
    let kim = relaxed.new_agent();
    kim.login(email, PASSWORD).await;
    assert_eq!(kim.get("/service").await.status(), 200);
}

#[tokio::test]
async fn the_service_team_resets_a_customer_s_two_step_log_in_with_a_reason() {
    let app = TestApp::spawn().await;
    let email = "olaf@example.com";
    let olaf = app.signed_in(&Registration::operator(email)).await;
    app.enrol(&olaf, PASSWORD).await;
    let id = app.user(email).id;
    let staff = app.staff("sam@service.example").await;
    let (_, page) = staff.page(&format!("/service/users/{id}")).await;
    assert!(page.contains("On since"), "the person's page shows it");
    assert!(page.contains("Reset two-step log-in"));

    let path = format!("/service/users/{id}/two-factor/reset");
    let r = staff.post(&path, &[("reason", "  ")]).await;
    assert_eq!(r.status(), 422, "a reason is required");
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="two_factor_reason-error""#), "{html}");
    let r = staff
        .post(
            &path,
            &[("reason", "Phone lost; identity checked by call-back")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        format!("/service/users/{id}?saved=two-factor-reset")
    );
    assert!(!is_in(&olaf).await, "every session of theirs ended");
    let reset = audited(&app, Event::TwoFactorReset);
    assert_eq!(reset.len(), 1);
    assert_eq!(reset[0].detail, "Phone lost; identity checked by call-back");
    assert_eq!(reset[0].subject_user, Some(id));
    app.mail(email, "the service team has reset the two-step log-in")
        .await;
    let back = app.new_agent();
    assert_eq!(
        back.login(email, PASSWORD).await.headers()["location"],
        "/tickets",
        "the password alone signs in again"
    );
    // Nothing left to reset.
    let r = staff.post(&path, &[("reason", "again")]).await;
    assert_eq!(r.status(), 409);

    // A staff member's own is reset only on the command line.
    let sam = app.user("sam@service.example").id;
    let (_, page) = staff.page(&format!("/service/users/{sam}")).await;
    assert!(page.contains("osc staff reset-2fa"));
    let r = staff
        .post(
            &format!("/service/users/{sam}/two-factor/reset"),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn turning_it_off_takes_the_password_and_a_code_and_ends_the_other_sessions() {
    let app = TestApp::spawn().await;
    let email = "olaf@example.com";
    let olaf = app.signed_in(&Registration::operator(email)).await;
    let (secret, _) = app.enrol(&olaf, PASSWORD).await;
    let elsewhere = app.new_agent();
    app.log_in_two_steps(&elsewhere, (email, PASSWORD), &secret)
        .await;
    assert!(is_in(&elsewhere).await);

    let r = olaf
        .post(
            "/account/two-factor/off",
            &[
                ("current_password", PASSWORD),
                ("code", &wrong_code(&app, &secret)),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(r#"id="o_code-error""#));
    let r = olaf
        .post(
            "/account/two-factor/off",
            &[
                ("current_password", PASSWORD),
                ("code", &app.fresh_code(email, &secret)),
            ],
        )
        .await;
    assert_eq!(
        r.headers()["location"],
        "/account/access?saved=two-factor-off"
    );
    assert!(is_in(&olaf).await);
    assert!(!is_in(&elsewhere).await, "the other sessions ended");
    assert_eq!(audited(&app, Event::TwoFactorOff).len(), 1);
    app.mail(email, "two-step log-in has just been turned off")
        .await;
    let back = app.new_agent();
    assert_eq!(
        back.login(email, PASSWORD).await.headers()["location"],
        "/tickets"
    );
}
