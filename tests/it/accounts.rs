//! Registration and access: registration, confirmation, log-in, lockout, recovery,
//! sessions, CSRF, "My profile" and "My access data".

use osc::store::tokens::TokenKind;

use crate::common::{PASSWORD, Registration, TestApp, link_in};

const NEW_PASSWORD: &str = "Birnbaum-Wolkenkratzer-93";

#[tokio::test]
async fn installer_registration_creates_company_with_its_administrator() {
    let app = TestApp::spawn().await;
    let agent = app.new_agent();
    let reg = Registration::installer("anna@solar-mueller.de", "Solartechnik Müller GmbH");
    let response = agent.post("/register", &reg.pairs()).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/register/sent");
    let (status, html) = agent.page("/register/sent").await;
    assert_eq!(status, 200);
    assert!(html.contains("Check your mailbox"));

    let mail = app.mail("anna@solar-mueller.de", "/confirm/").await;
    assert!(mail.contains("Hello Anna"), "{mail}");
    let link = link_in(&mail, "/confirm/");
    // Unconfirmed accounts cannot log in, and are told why.
    let response = agent.login("anna@solar-mueller.de", PASSWORD).await;
    assert_eq!(response.status(), 403);
    assert!(response.text().await.unwrap().contains("not confirmed yet"));

    let (status, html) = agent.page(&link).await;
    assert_eq!(status, 200);
    assert!(html.contains("Account activated"));

    let response = agent.login("ANNA@Solar-Mueller.de", PASSWORD).await;
    assert_eq!(response.status(), 303, "e-mail compared case-insensitively");
    assert_eq!(response.headers()["location"], "/plants");
    let (status, html) = agent.page("/profile").await;
    assert_eq!(status, 200);
    assert!(html.contains("Solartechnik Müller GmbH"));
    assert!(html.contains("Administrator"));
    assert!(
        html.contains("Sonnenallee 1"),
        "registration address is a delivery address"
    );

    let user = app
        .state
        .store
        .users()
        .find_by_email(&osc::domain::Email::parse("anna@solar-mueller.de").unwrap())
        .unwrap()
        .unwrap();
    assert!(user.actor().is_company_admin());
}

#[tokio::test]
async fn operator_and_wholesaler_register_too() {
    let app = TestApp::spawn().await;
    let agent = app
        .signed_in(&Registration::operator("olaf@example.org"))
        .await;
    let (_, html) = agent.page("/profile").await;
    assert!(!html.contains("Administrator"), "operators have no company");
    let agent = app
        .signed_in(
            &Registration::installer("wim@grosshandel.de", "Grosshandel Sued")
                .with("account_type", "wholesaler"),
        )
        .await;
    let (_, html) = agent.page("/profile").await;
    assert!(html.contains("Grosshandel Sued") && html.contains("Administrator"));
}

#[tokio::test]
async fn registration_refuses_bad_input_next_to_each_field_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let agent = app.new_agent();
    let cases: Vec<(Registration, &str, &str)> = vec![
        (
            Registration::operator("not-an-address"),
            "email-error",
            "Enter an e-mail address",
        ),
        (
            Registration::operator("a@example.com")
                .with("password", "Short1!")
                .with("password_confirm", "Short1!"),
            "password-error",
            "at least 12 characters",
        ),
        (
            Registration::operator("a@example.com")
                .with("password", "password1234")
                .with("password_confirm", "password1234"),
            "password-error",
            "too easy to guess",
        ),
        (
            Registration::operator("a.b@example.com")
                .with("password", "a.b@example.com")
                .with("password_confirm", "a.b@example.com"),
            "password-error",
            "must not be your e-mail",
        ),
        (
            Registration::operator("a@example.com").with("password", &"x".repeat(129)),
            "password-error",
            "at most 128",
        ),
        (
            Registration::operator("a@example.com")
                .with("password_confirm", "Kranich-Dachrinne-48"),
            "password_confirm-error",
            "not the same",
        ),
        (
            Registration::operator("a@example.com").with("country", "XX"),
            "country-error",
            "Choose a country",
        ),
        (
            Registration::operator("a@example.com").with("security_question", "favourite-colour"),
            "security_question-error",
            "Choose a question",
        ),
        (
            Registration::operator("a@example.com").with("security_answer", "ab"),
            "security_answer-error",
            "at least 3 characters",
        ),
        (
            Registration::operator("a@example.com").without("accept_terms"),
            "accept_terms-error",
            "accept the terms",
        ),
        (
            Registration::installer("a@example.com", ""),
            "company_name-error",
            "fill in this field",
        ),
        (
            Registration::operator("a@example.com").with("first_name", "   "),
            "first_name-error",
            "fill in this field",
        ),
        (
            Registration::operator("a@example.com").with("phone", "call me"),
            "phone-error",
            "phone number",
        ),
        (
            Registration::operator("a@example.com").with("account_type", "<script>"),
            "account_type-error",
            "account types",
        ),
        (
            Registration::operator("a@example.com").with("language", "xx"),
            "language-error",
            "Choose a language",
        ),
    ];
    for (reg, error_id, words) in cases {
        let response = agent.post("/register", &reg.pairs()).await;
        assert_eq!(response.status(), 422, "{error_id}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"id="{error_id}""#)),
            "{error_id} shown:\n{html}"
        );
        assert!(html.contains(words), "{error_id}: {words}");
        assert!(html.contains("Please correct the marked fields"));
        // What was typed stays, passwords excepted.
        assert!(
            html.contains(r#"value="Sonnenallee 1""#),
            "{error_id}: street kept"
        );
        assert!(!html.contains(PASSWORD), "{error_id}: password not echoed");
    }
    // A form with no fields at all is a list of messages too, not an error page.
    let response = agent.post("/register", &[]).await;
    assert_eq!(response.status(), 422);
    assert!(app.mails_to("a@example.com").is_empty());
}

#[tokio::test]
async fn registering_a_known_email_looks_the_same_and_tells_the_owner() {
    let app = TestApp::spawn().await;
    app.register_and_confirm(&Registration::operator("olga@example.com"))
        .await;
    let agent = app.new_agent();
    let again = Registration::operator("Olga@Example.com").with("first_name", "Mallory");
    let response = agent.post("/register", &again.pairs()).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/register/sent");
    let mail = app.mail("olga@example.com", "tried to register").await;
    assert!(mail.contains("/password/forgot"));
    // Still one account, with the original name.
    let user = app
        .state
        .store
        .users()
        .find_by_email(&osc::domain::Email::parse("olga@example.com").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(user.first_name, "Anna");
}

#[tokio::test]
async fn a_second_registrant_of_a_company_is_sent_to_its_administrator() {
    let app = TestApp::spawn().await;
    app.register_and_confirm(&Registration::installer(
        "chef@mueller-solar.de",
        "Solartechnik Müller",
    ))
    .await;
    let agent = app.new_agent();
    let reg = Registration::installer("geselle@mueller-solar.de", "  SOLARTECHNIK   muller ")
        .with("first_name", "Gero")
        .with("last_name", "Geselle")
        .with("postal_code", "34266");
    let response = agent.post("/register", &reg.pairs()).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("already registered"), "{html}");
    assert!(html.contains("administrator"));
    let mail = app
        .mail("chef@mueller-solar.de", "geselle@mueller-solar.de")
        .await;
    assert!(mail.contains("Gero Geselle"));
    assert!(
        app.mails_to("geselle@mueller-solar.de").is_empty(),
        "no account, no confirmation"
    );
    assert!(
        app.state
            .store
            .users()
            .find_by_email(&osc::domain::Email::parse("geselle@mueller-solar.de").unwrap())
            .unwrap()
            .is_none()
    );

    // Same name elsewhere is another company.
    let other =
        Registration::installer("x@other.de", "Solartechnik Müller").with("postal_code", "80331");
    assert_eq!(agent.post("/register", &other.pairs()).await.status(), 303);
}

#[tokio::test]
async fn confirmation_links_are_single_use_and_expire() {
    let app = TestApp::spawn().await;
    let agent = app.new_agent();
    let reg = Registration::operator("ella@example.com");
    agent.post("/register", &reg.pairs()).await;
    let link = link_in(
        &app.mail("ella@example.com", "/confirm/").await,
        "/confirm/",
    );
    assert_eq!(agent.get(&link).await.status(), 200);
    let (status, html) = agent.page(&link).await;
    assert_eq!(status, 410);
    assert!(
        html.contains("already been used") || html.contains("used already"),
        "{html}"
    );
    assert!(html.contains(r#"href="/login""#));

    let (status, html) = agent.page(&format!("/confirm/{}", "0".repeat(64))).await;
    assert_eq!(status, 404);
    assert!(html.contains("/confirm/resend"));
    assert_eq!(agent.get("/confirm/..%2F..%2Fetc").await.status(), 404);

    // An expired link offers a new one.
    let agent = app.new_agent();
    agent
        .post(
            "/register",
            &Registration::operator("late@example.com").pairs(),
        )
        .await;
    let link = link_in(
        &app.mail("late@example.com", "/confirm/").await,
        "/confirm/",
    );
    app.state.clock.advance(49 * 3600);
    let (status, html) = agent.page(&link).await;
    assert_eq!(status, 410);
    assert!(html.contains("too old"));
    assert!(html.contains(r#"href="/confirm/resend""#));
    let response = agent
        .post("/confirm/resend", &[("email", "late@example.com")])
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("new link is on its way")
    );
    let mails = crate::common::eventually(std::time::Duration::from_secs(10), || {
        let m = app.mails_to("late@example.com");
        (m.len() == 2).then_some(m)
    })
    .await;
    let fresh = mails
        .iter()
        .map(|m| link_in(m, "/confirm/"))
        .find(|l| *l != link)
        .unwrap();
    assert_eq!(agent.get(&fresh).await.status(), 200);
}

#[tokio::test]
async fn three_failures_lock_and_recovery_unlocks() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("lena@example.com"))
        .await;
    let elsewhere = app.new_agent();
    assert_eq!(elsewhere.login(&email, PASSWORD).await.status(), 303);
    let agent = app.new_agent();
    for _ in 0..2 {
        let r = agent.login(&email, "Wrong-Password-123").await;
        assert_eq!(r.status(), 422);
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("E-mail address or password is wrong")
        );
    }
    let third = agent.login(&email, "Wrong-Password-123").await;
    assert_eq!(third.status(), 303, "the third failure locks");
    assert_eq!(third.headers()["location"], "/password/forgot?locked=1");
    let (_, html) = agent.page("/password/forgot?locked=1").await;
    assert!(html.contains("locked after 3 failed log-ins"));

    // The right password is refused while locked.
    let right = agent.login(&email, PASSWORD).await;
    assert_eq!(right.status(), 303);
    assert_eq!(right.headers()["location"], "/password/forgot?locked=1");

    // Recovery: e-mail, security question, link, new password.
    let step1 = agent.post("/password/forgot", &[("email", &email)]).await;
    assert_eq!(step1.status(), 200);
    assert!(
        step1
            .text()
            .await
            .unwrap()
            .contains("What was the name of your first pet?")
    );
    let step2 = agent
        .post(
            "/password/forgot",
            &[("email", &email), ("security_answer", "  BELLO ")],
        )
        .await;
    assert_eq!(step2.status(), 200);
    assert!(step2.text().await.unwrap().contains("Check your mailbox"));
    let link = link_in(
        &app.mail(&email, "/password/reset/").await,
        "/password/reset/",
    );
    let (status, html) = agent.page(&link).await;
    assert_eq!(status, 200);
    assert!(html.contains("Set a new password"));
    let weak = agent
        .post(
            &link,
            &[
                ("password", "password1234"),
                ("password_confirm", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status(), 422);
    let done = agent
        .post(
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status(), 200);
    assert!(done.text().await.unwrap().contains("account is unlocked"));
    app.mail(&email, "password of your account").await;
    assert_eq!(
        elsewhere.get("/profile").await.status(),
        303,
        "every session ended"
    );

    assert_eq!(
        agent.login(&email, PASSWORD).await.status(),
        422,
        "old password gone"
    );
    let ok = agent.login(&email, NEW_PASSWORD).await;
    assert_eq!(ok.status(), 303);
    assert_eq!(ok.headers()["location"], "/tickets");

    // The link worked once.
    let (status, html) = agent.page(&link).await;
    assert_eq!(status, 410);
    assert!(html.contains("used already"));
}

#[tokio::test]
async fn a_lock_runs_out_after_the_lockout_time() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("tim@example.com"))
        .await;
    let agent = app.new_agent();
    for _ in 0..3 {
        agent.login(&email, "Wrong-Password-123").await;
    }
    assert_eq!(
        agent.login(&email, PASSWORD).await.headers()["location"],
        "/password/forgot?locked=1"
    );
    app.state.clock.advance(29 * 60);
    assert_eq!(
        agent.login(&email, PASSWORD).await.headers()["location"],
        "/password/forgot?locked=1"
    );
    app.state.clock.advance(2 * 60);
    let r = agent.login(&email, PASSWORD).await;
    assert_eq!(
        r.headers()["location"],
        "/tickets",
        "unlocked after 30 minutes"
    );
}

#[tokio::test]
async fn lockout_zero_means_only_recovery_unlocks() {
    let app = TestApp::spawn_with(|c| c.security.lockout_minutes = 0).await;
    let email = app
        .register_and_confirm(&Registration::operator("never@example.com"))
        .await;
    let agent = app.new_agent();
    for _ in 0..3 {
        agent.login(&email, "Wrong-Password-123").await;
    }
    app.state.clock.advance(365 * 24 * 3600);
    assert_eq!(
        agent.login(&email, PASSWORD).await.headers()["location"],
        "/password/forgot?locked=1"
    );
}

#[tokio::test]
async fn unknown_email_and_wrong_password_get_byte_identical_answers() {
    let app = TestApp::spawn().await;
    let known = app
        .register_and_confirm(&Registration::operator("known@example.com"))
        .await;
    let agent = app.new_agent();
    let token = agent.csrf().await;
    let mut bodies = Vec::new();
    // Two addresses of the same length, so even Content-Length must match.
    assert_eq!(known.len(), "other@example.com".len());
    for email in [known.as_str(), "other@example.com"] {
        let r = agent
            .post_raw(
                "/login",
                &[
                    ("email", email),
                    ("password", "Wrong-Password-123"),
                    ("csrf_token", &token),
                ],
            )
            .await;
        let status = r.status();
        let headers: Vec<_> = r
            .headers()
            .iter()
            .filter(|(k, _)| *k != "date")
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        let body = r.text().await.unwrap().replace(email, "EMAIL");
        bodies.push((status, headers, body));
    }
    assert_eq!(bodies[0], bodies[1]);
    // …and the third attempt goes to recovery for both.
    for email in [known.as_str(), "other@example.com"] {
        agent.login(email, "Wrong-Password-123").await;
        let r = agent.login(email, "Wrong-Password-123").await;
        assert_eq!(
            r.headers()["location"],
            "/password/forgot?locked=1",
            "{email}"
        );
    }

    // Recovery: the question page and a wrong answer look the same too.
    let agent = app.new_agent();
    let mut pages = Vec::new();
    for email in ["known@example.com", "ghost@example.com"] {
        let q = agent.post("/password/forgot", &[("email", email)]).await;
        assert_eq!(q.status(), 200);
        let question_page = q.text().await.unwrap();
        let wrong = agent
            .post(
                "/password/forgot",
                &[("email", email), ("security_answer", "Rex")],
            )
            .await;
        assert_eq!(wrong.status(), 422);
        let wrong_page = wrong.text().await.unwrap();
        assert!(wrong_page.contains("does not match"));
        let question = app.state.core.decoy_question(email).unwrap();
        let mask = |s: String| {
            let mut s = s.replace(email, "EMAIL");
            for q in osc::domain::security_question::QUESTIONS {
                s = s.replace(q, "QUESTION");
            }
            s.replace(
                &app.state
                    .i18n
                    .t(osc::i18n::Lang::En, &question.message_id()),
                "TEXT",
            )
            .replace("What was the name of your first pet?", "TEXT")
        };
        pages.push((mask(question_page), mask(wrong_page)));
    }
    assert_eq!(pages[0], pages[1]);
    // The decoy question stays the same for the same unknown e-mail.
    let again = agent
        .post("/password/forgot", &[("email", "ghost@example.com")])
        .await;
    let decoy = app.state.core.decoy_question("ghost@example.com").unwrap();
    let text = app.state.i18n.t(osc::i18n::Lang::En, &decoy.message_id());
    assert!(again.text().await.unwrap().contains(&text));
}

#[tokio::test]
async fn wrong_recovery_answers_count_as_failed_attempts() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("rita@example.com"))
        .await;
    let agent = app.new_agent();
    for _ in 0..3 {
        agent
            .post(
                "/password/forgot",
                &[("email", &email), ("security_answer", "Rex")],
            )
            .await;
    }
    assert_eq!(
        agent.login(&email, PASSWORD).await.headers()["location"],
        "/password/forgot?locked=1"
    );
}

#[tokio::test]
async fn failed_attempts_on_unknown_emails_are_throttled_per_address() {
    let app = TestApp::spawn_with(|c| c.security.unknown_login_limit = 4).await;
    let agent = app.new_agent();
    for i in 0..4 {
        let r = agent
            .login(&format!("ghost{i}@example.com"), "Wrong-Password-123")
            .await;
        assert_eq!(r.status(), 422);
    }
    let r = agent
        .login("ghost9@example.com", "Wrong-Password-123")
        .await;
    assert_eq!(r.status(), 429);
    assert!(r.text().await.unwrap().contains("wait 15 minutes"));
}

#[tokio::test]
async fn reset_links_expire_after_an_hour() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("ida@example.com"))
        .await;
    let agent = app.new_agent();
    agent
        .post(
            "/password/forgot",
            &[("email", &email), ("security_answer", "bello")],
        )
        .await;
    let link = link_in(
        &app.mail(&email, "/password/reset/").await,
        "/password/reset/",
    );
    app.state.clock.advance(61 * 60);
    let (status, html) = agent.page(&link).await;
    assert_eq!(status, 410);
    assert!(html.contains("too old"));
    let r = agent
        .post(
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 410);
    assert_eq!(
        agent.login(&email, PASSWORD).await.status(),
        303,
        "password unchanged"
    );
}

#[tokio::test]
async fn forms_without_the_right_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("cs@example.com"))
        .await;
    let agent = app.new_agent();
    let r = agent
        .post_raw("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("Request refused"));
    let r = agent
        .post_raw(
            "/login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("csrf_token", &"0".repeat(64)),
            ],
        )
        .await;
    assert_eq!(r.status(), 403);
    let r = agent
        .post_raw(
            "/register",
            &Registration::operator("x@example.com").pairs(),
        )
        .await;
    assert_eq!(r.status(), 403);

    // Signed in, a token from before the log-in no longer works.
    let old = agent.csrf().await;
    assert_eq!(agent.login(&email, PASSWORD).await.status(), 303);
    let r = agent.post_raw("/logout", &[("csrf_token", &old)]).await;
    assert_eq!(r.status(), 403);
    assert_eq!(agent.page("/profile").await.0, 200, "still signed in");
    let r = agent
        .post_raw(
            "/profile",
            &[
                ("first_name", "Eve"),
                ("last_name", "X"),
                ("phone", "1234567"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn sessions_cookies_log_out_and_timeouts() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("sam@example.com"))
        .await;
    let agent = app.new_agent();
    let first = agent.login(&email, PASSWORD).await;
    let cookie = first.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("osc_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "plain http");
    let second = app.new_agent().login(&email, PASSWORD).await;
    let other = second.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert_ne!(
        cookie.split(';').next(),
        other.split(';').next(),
        "a new token at every log-in"
    );

    // Anonymous pages that need a session send to the log-in page, and back.
    let r = app.new_agent().get("/account/access").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login?next=/account/access");

    // Log-out deletes the session on the server: the old cookie is worthless.
    let user = app
        .state
        .store
        .users()
        .find_by_email(&osc::domain::Email::parse(&email).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        app.state.store.sessions().count_for_user(user.id).unwrap(),
        2
    );
    let token = cookie.split(';').next().unwrap().to_owned();
    assert_eq!(agent.post("/logout", &[]).await.status(), 303);
    assert_eq!(
        app.state.store.sessions().count_for_user(user.id).unwrap(),
        1
    );
    let replay = app
        .client
        .get(app.url("/profile"))
        .header("cookie", token)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303, "replayed cookie after log-out");

    // Idle timeout: 30 minutes without a request.
    let agent = app.new_agent();
    agent.login(&email, PASSWORD).await;
    app.state.clock.advance(29 * 60);
    assert_eq!(agent.page("/profile").await.0, 200);
    app.state.clock.advance(29 * 60);
    assert_eq!(
        agent.page("/profile").await.0,
        200,
        "activity keeps it alive"
    );
    app.state.clock.advance(31 * 60);
    assert_eq!(agent.get("/profile").await.status(), 303, "idle too long");

    // Absolute timeout: 12 hours, however active.
    let agent = app.new_agent();
    agent.login(&email, PASSWORD).await;
    for _ in 0..28 {
        app.state.clock.advance(25 * 60);
        assert_eq!(agent.page("/profile").await.0, 200);
    }
    app.state.clock.advance(25 * 60);
    assert_eq!(
        agent.get("/profile").await.status(),
        303,
        "12 hours are over"
    );
}

#[tokio::test]
async fn secure_host_cookie_over_https() {
    let app = TestApp::spawn_with(|c| c.server.public_url = "https://osc.example.com".into()).await;
    let agent = app.new_agent();
    let r = agent.get("/login").await;
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with("__Host-osc_csrf=")
            && cookie.contains("Secure")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("pia@example.com"))
        .await;
    let here = app.new_agent();
    let elsewhere = app.new_agent();
    here.login(&email, PASSWORD).await;
    elsewhere.login(&email, PASSWORD).await;

    let r = here
        .post(
            "/account/password",
            &[
                ("current_password", "nope-nope-nope"),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("not your current password")
    );
    let r = here
        .post(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", "short"),
                ("password_confirm", "short"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);

    let r = here
        .post(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/account/access?saved=password");
    assert_eq!(
        here.page("/account/access").await.0,
        200,
        "this session stays"
    );
    assert_eq!(
        elsewhere.get("/account/access").await.status(),
        303,
        "the other one ended"
    );
    app.mail(&email, "has just been changed").await;
    assert_eq!(
        app.new_agent().login(&email, NEW_PASSWORD).await.status(),
        303
    );
}

#[tokio::test]
async fn security_question_change_needs_the_current_password() {
    let app = TestApp::spawn().await;
    let agent = app
        .signed_in(&Registration::operator("quin@example.com"))
        .await;
    let r = agent
        .post(
            "/account/security-question",
            &[
                ("current_password", "wrong"),
                ("security_question", "first-car"),
                ("security_answer", "Trabant"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="q_current_password-error""#));
    assert!(html.contains(r#"value="Trabant""#), "answer kept");
    let r = agent
        .post(
            "/account/security-question",
            &[
                ("current_password", PASSWORD),
                ("security_question", "first-car"),
                ("security_answer", "Trabant"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    // Recovery now asks the new question.
    let r = app
        .new_agent()
        .post("/password/forgot", &[("email", "quin@example.com")])
        .await;
    assert!(r.text().await.unwrap().contains("make of your first car"));
}

#[tokio::test]
async fn profile_saves_contact_data_and_keeps_typed_values_on_errors() {
    let app = TestApp::spawn().await;
    let agent = app
        .signed_in(&Registration::operator("pete@example.com"))
        .await;
    let r = agent
        .post(
            "/profile",
            &[
                ("first_name", "Peter"),
                ("last_name", ""),
                ("phone", "12"),
                ("language", "de"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"value="Peter""#));
    assert!(html.contains(r#"id="last_name-error""#) && html.contains(r#"id="phone-error""#));
    assert!(html.contains("pete@example.com"), "e-mail shown read-only");

    let r = agent
        .post(
            "/profile",
            &[
                ("first_name", "Peter"),
                ("last_name", "Pan"),
                ("phone", "+41 44 123 45 67"),
                ("language", "de"),
                ("info_training", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = agent.page("/profile?saved=profile").await;
    assert!(
        html.contains(r#"<html lang="de""#),
        "profile language applies"
    );
    assert!(html.contains("Ihre Kontaktdaten wurden gespeichert"));
    assert!(html.contains(r#"value="Pan""#));
    assert!(
        html.contains("Schulungen und Webinare")
            && html.contains(r#"name="info_training" value="on" checked"#)
    );
    // The e-mail cannot be changed by the user.
    assert!(!html.contains(r#"name="email""#));
}

#[tokio::test]
async fn delivery_addresses_add_edit_default_and_delete_with_confirmation() {
    let app = TestApp::spawn().await;
    let agent = app
        .signed_in(&Registration::operator("dora@example.com"))
        .await;
    let r = agent
        .post(
            "/profile/addresses",
            &[
                ("recipient", "Dora Lager"),
                ("street", ""),
                ("postal_code", "1010"),
                ("city", "Wien"),
                ("country", "AT"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(r#"value="Dora Lager""#));
    let r = agent
        .post(
            "/profile/addresses",
            &[
                ("recipient", "Dora Lager"),
                ("street", "Ring 5"),
                ("postal_code", "1010"),
                ("city", "Wien"),
                ("country", "AT"),
                ("make_default", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let user = app
        .state
        .store
        .users()
        .find_by_email(&osc::domain::Email::parse("dora@example.com").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(user.addresses.len(), 2);
    let new_id = user.addresses[1].id;
    assert_eq!(user.default_address, Some(new_id));

    let r = agent
        .post(
            &format!("/profile/addresses/{new_id}"),
            &[
                ("recipient", "Dora Lager"),
                ("street", "Ring 7"),
                ("postal_code", "1010"),
                ("city", "Wien"),
                ("country", "AT"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let first_id = user.addresses[0].id;
    assert_eq!(
        agent
            .post(&format!("/profile/addresses/{first_id}/default"), &[])
            .await
            .status(),
        303
    );
    let (status, html) = agent
        .page(&format!("/profile/addresses/{new_id}/delete"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Delete this delivery address?") && html.contains("Ring 7"));
    assert_eq!(
        agent
            .post(&format!("/profile/addresses/{new_id}/delete"), &[])
            .await
            .status(),
        303
    );
    let user = app.state.store.users().get(user.id).unwrap().unwrap();
    assert_eq!(user.addresses.len(), 1);
    assert_eq!(user.default_address, Some(first_id));

    // Address ids are per person: another person reaches only their own.
    let other = app
        .signed_in(&Registration::operator("eve@example.com"))
        .await;
    assert_eq!(
        other
            .get(&format!("/profile/addresses/{new_id}/delete"))
            .await
            .status(),
        404
    );
    assert_eq!(
        other
            .post(&format!("/profile/addresses/{new_id}/delete"), &[])
            .await
            .status(),
        404
    );
    assert_eq!(other.get("/profile/addresses/999").await.status(), 404);
    assert_eq!(other.get("/profile/addresses/abc").await.status(), 400);
}

#[tokio::test]
async fn legal_documents_download_as_attachments() {
    let app = TestApp::spawn().await;
    let agent = app
        .signed_in(&Registration::operator("lex@example.com"))
        .await;
    let (_, html) = agent.page("/profile").await;
    assert!(
        html.contains(r#"href="/privacy/download""#) && html.contains(r#"href="/terms/download""#)
    );
    for (path, name) in [
        ("/privacy/download", "privacy-policy-en.txt"),
        ("/terms/download", "terms-of-use-en.txt"),
    ] {
        let r = agent.get(path).await;
        assert_eq!(r.status(), 200);
        assert_eq!(
            r.headers()["content-disposition"],
            format!("attachment; filename=\"{name}\"")
        );
        assert!(r.text().await.unwrap().contains("Online Service Center"));
    }
}

#[tokio::test]
async fn signed_in_pages_show_the_navigation_for_the_role() {
    let app = TestApp::spawn().await;
    let agent = app
        .signed_in(&Registration::installer("nav@firma.de", "Firma Nav"))
        .await;
    let (_, html) = agent.page("/profile").await;
    for label in [
        "My profile",
        "My access data",
        "Plant overview",
        "Ticket Tracking",
        "Invite collaborators",
    ] {
        assert!(html.contains(label), "{label}");
    }
    assert!(!html.contains("Service desk"));
    assert!(html.contains(r#"action="/logout""#));
    let agent = app
        .signed_in(&Registration::operator("op@example.com"))
        .await;
    let (_, html) = agent.page("/profile").await;
    assert!(!html.contains("Invite collaborators"));
}

#[tokio::test]
async fn expired_tokens_issued_directly_are_refused() {
    // The store refuses a reset token past its time even without the clock moving.
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("old@example.com"))
        .await;
    let user = app
        .state
        .store
        .users()
        .find_by_email(&osc::domain::Email::parse(&email).unwrap())
        .unwrap()
        .unwrap();
    let (token, hash) = osc::secrets::token::generate();
    let now = app.state.clock.now();
    app.state
        .store
        .users()
        .issue_token(
            user.id,
            TokenKind::Reset,
            hash,
            now - 1,
            now - 3600,
            Default::default(),
        )
        .unwrap();
    assert_eq!(
        app.new_agent()
            .get(&format!("/password/reset/{token}"))
            .await
            .status(),
        410
    );
}

#[tokio::test]
async fn shutdown_finishes_requests_in_flight() {
    // One hash at a time: five log-ins queue behind each other for a while.
    let app = TestApp::spawn_with(|c| c.security.max_concurrent_hashes = 1).await;
    let email = app
        .register_and_confirm(&Registration::operator("late-bird@example.com"))
        .await;
    let agent = app.new_agent();
    let token = agent.csrf().await;
    let mut in_flight = Vec::new();
    for _ in 0..5 {
        let agent = agent.clone();
        let token = token.clone();
        let email = email.clone();
        in_flight.push(tokio::spawn(async move {
            agent
                .post_raw(
                    "/login",
                    &[
                        ("email", &email),
                        ("password", PASSWORD),
                        ("csrf_token", &token),
                    ],
                )
                .await
                .status()
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    let dir = app.stop().await;
    for request in in_flight {
        assert_eq!(request.await.unwrap(), 303, "answered despite the shutdown");
    }
    drop(dir);
}

#[tokio::test]
async fn an_empty_log_in_names_the_missing_fields_and_a_lock_keeps_the_address_for_recovery() {
    let app = TestApp::spawn().await;
    let email = "olaf@example.com";
    app.signed_in(&Registration::operator(email)).await;
    let visitor = app.new_agent();
    let r = visitor
        .post("/login", &[("email", ""), ("password", "")])
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="email-error""#) && html.contains("Enter your e-mail address."));
    assert!(html.contains(r#"id="password-error""#) && html.contains("Enter your password."));
    assert!(!html.contains("E-mail address or password is wrong."));
    let r = visitor
        .post("/login", &[("email", email), ("password", "")])
        .await;
    let html = r.text().await.unwrap();
    assert!(
        html.contains(&format!(r#"value="{email}""#)),
        "the address stays"
    );
    assert!(!html.contains(r#"id="email-error""#));
    assert!(html.contains("Enter your password."));

    // Locked by wrong passwords: the recovery form already holds the address.
    let mut last = None;
    for _ in 0..3 {
        last = Some(visitor.login(email, "Falsches-Passwort-11").await);
    }
    let last = last.unwrap();
    assert_eq!(last.headers()["location"], "/password/forgot?locked=1");
    let (_, recovery) = visitor.page("/password/forgot?locked=1").await;
    assert!(
        recovery.contains(&format!(r#"value="{email}""#)),
        "{recovery}"
    );
    // Without the lock's redirect the form starts empty.
    let (_, fresh) = app.new_agent().page("/password/forgot?locked=1").await;
    assert!(!fresh.contains(&format!(r#"value="{email}""#)));
}

#[tokio::test]
async fn a_choice_left_unchosen_asks_to_choose_rather_than_to_fill_in() {
    let app = TestApp::spawn().await;
    let visitor = app.new_agent();
    let r = visitor
        .post(
            "/register",
            &Registration::operator("a@example.com")
                .without("account_type")
                .with("security_question", "")
                .with("country", "")
                .pairs(),
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for field in ["account_type", "security_question", "country"] {
        let at = html
            .find(&format!(r#"id="{field}-error""#))
            .unwrap_or_else(|| panic!("{field} has an error"));
        assert!(
            html[at..at + 200].contains("Choose one of the options."),
            "{field}: {}",
            &html[at..at + 200]
        );
    }
    let r = visitor
        .post(
            "/contact",
            &[
                ("name", "Vera"),
                ("email", "v@example.com"),
                ("message", "Hallo"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    let at = html.find(r#"id="topic-error""#).expect("the topic's error");
    assert!(html[at..at + 200].contains("Choose one of the options."));
}

#[tokio::test]
async fn postal_codes_are_checked_against_the_country_and_kept_its_way() {
    let app = TestApp::spawn().await;
    let visitor = app.new_agent();
    let r = visitor
        .post(
            "/register",
            &Registration::operator("a@example.com")
                .with("postal_code", "ABC")
                .pairs(),
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    let at = html
        .find(r#"id="postal_code-error""#)
        .expect("the postal code's error");
    assert!(
        html[at..at + 200].contains("5 digits"),
        "{}",
        &html[at..at + 200]
    );
    assert!(html.contains(r#"value="ABC""#), "what was typed stays");
    // A Dutch one, typed loosely, is kept as the Dutch post writes it.
    app.signed_in(
        &Registration::operator("nl@example.com")
            .with("country", "NL")
            .with("postal_code", "1234ab"),
    )
    .await;
    let kept: Vec<String> = app
        .user("nl@example.com")
        .addresses
        .iter()
        .map(|a| a.postal_code.clone())
        .collect();
    assert_eq!(kept, ["1234 AB"]);
}

#[tokio::test]
async fn after_log_in_each_person_lands_at_their_work() {
    let app = TestApp::spawn().await;
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let operator = app
        .person(&Registration::operator("olaf@example.com"))
        .await;
    let lands = |email: String| {
        let agent = app.new_agent();
        async move {
            let r = agent.login(&email, PASSWORD).await;
            assert_eq!(r.status(), 303);
            r.headers()["location"].to_str().unwrap().to_owned()
        }
    };
    // Installers at their company's plant overview; a plant operator whom no plant names
    // yet at Ticket Tracking.
    assert_eq!(lands(company.admin.user.email.clone()).await, "/plants");
    assert_eq!(lands(company.installer.user.email.clone()).await, "/plants");
    assert_eq!(lands("olaf@example.com".to_owned()).await, "/tickets");
    // Once a plant names the operator, at the plants.
    app.plant_with_devices(&operator.user, "Hofdach", &[]);
    assert_eq!(lands("olaf@example.com".to_owned()).await, "/plants");
    // Someone signed in who opens the log-in or registration page is sent there too.
    for page in ["/login", "/register"] {
        let r = operator.agent.get(page).await;
        assert_eq!(r.status(), 303, "{page}");
        assert_eq!(r.headers()["location"], "/plants", "{page}");
    }
    // A `next` the log-in page was sent still wins.
    let agent = app.new_agent();
    let r = agent
        .post(
            "/login",
            &[
                ("email", "olaf@example.com"),
                ("password", PASSWORD),
                ("next", "/profile"),
            ],
        )
        .await;
    assert_eq!(r.headers()["location"], "/profile");
}
