//! Attacks on the edges: redirect targets that would leave the site, reset links that
//! outlive their turn.

use std::time::Duration;

use osc::links::url_encode;

use crate::common::{PASSWORD, Registration, TestApp, eventually, link_in};

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

const NEW_PASSWORD: &str = "Leuchtturm-Wellen-2026";

/// The reset links mailed to `email` so far.
fn reset_links(app: &TestApp, email: &str) -> Vec<String> {
    let mut mails = app.mails_to(email);
    mails.retain(|m| m.contains("/password/reset/"));
    mails
        .iter()
        .map(|m| link_in(m, "/password/reset/"))
        .collect()
}

async fn ask_for_a_reset_link(app: &TestApp, email: &str) {
    let r = app
        .new_agent()
        .post(
            "/password/forgot",
            &[("email", email), ("security_answer", "bello")],
        )
        .await;
    assert!(
        r.status().is_redirection() || r.status() == 200,
        "{}",
        r.status()
    );
}

async fn set_password_with(app: &TestApp, link: &str) -> u16 {
    app.new_agent()
        .post(
            link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_new_reset_link_ends_the_older_ones() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("olga.alt@example.org"))
        .await;
    ask_for_a_reset_link(&app, &email).await;
    let older = eventually(Duration::from_secs(10), || reset_links(&app, &email).pop()).await;
    ask_for_a_reset_link(&app, &email).await;
    let newer = eventually(Duration::from_secs(10), || {
        reset_links(&app, &email).into_iter().find(|l| *l != older)
    })
    .await;
    let (older, newer) = (&older, &newer);
    assert_ne!(older, newer);
    assert_eq!(set_password_with(&app, older).await, 410, "the older link");
    assert_eq!(
        app.new_agent().login(&email, PASSWORD).await.status(),
        303,
        "password unchanged by the older link"
    );
    assert_eq!(set_password_with(&app, newer).await, 200, "the newest link");
    assert_eq!(
        app.new_agent().login(&email, NEW_PASSWORD).await.status(),
        303
    );
    assert_eq!(set_password_with(&app, older).await, 410);
}

#[tokio::test]
async fn setting_the_password_ends_every_reset_link() {
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::operator("paul.neu@example.org"))
        .await;
    ask_for_a_reset_link(&app, &email).await;
    let link = eventually(Duration::from_secs(10), || reset_links(&app, &email).pop()).await;
    let agent = app.new_agent();
    agent.login(&email, PASSWORD).await;
    let r = agent
        .post(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "password changed in the profile");
    assert_eq!(
        set_password_with(&app, &link).await,
        410,
        "the link is over"
    );
}

#[tokio::test]
async fn https_portals_ask_browsers_to_stay_on_https() {
    let app = TestApp::spawn_with(|c| c.server.public_url = "https://osc.example.com".into()).await;
    for path in ["/", "/login", "/no-such-page", "/healthz"] {
        let r = app.get(path).await;
        assert_eq!(
            r.headers()["strict-transport-security"],
            "max-age=31536000",
            "{path}"
        );
    }
    let plain = TestApp::spawn().await;
    let r = plain.get("/login").await;
    assert!(
        r.headers().get("strict-transport-security").is_none(),
        "not over plain http: a browser would refuse the portal until the year is up"
    );
}

/// Whether the server closes `stream` within `limit` (read until the end).
async fn closed_within(stream: &mut tokio::net::TcpStream, limit: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut seen = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut seen))
        .await
        .is_ok()
}

async fn connect(app: &TestApp) -> tokio::net::TcpStream {
    let addr = app
        .url("/")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    tokio::net::TcpStream::connect(addr).await.unwrap()
}

#[tokio::test]
async fn half_sent_requests_and_idle_connections_are_closed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn_with(|c| c.server.header_read_timeout_secs = 1).await;
    // A request head that never ends.
    let mut slow = connect(&app).await;
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: osc\r\n")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    assert!(closed_within(&mut slow, Duration::from_secs(10)).await);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "not before the timeout"
    );

    // A keep-alive connection left idle after its answer.
    let mut idle = connect(&app).await;
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: osc\r\n\r\n")
        .await
        .unwrap();
    let mut answer = [0u8; 12];
    idle.read_exact(&mut answer).await.unwrap();
    assert_eq!(&answer, b"HTTP/1.1 200");
    assert!(closed_within(&mut idle, Duration::from_secs(10)).await);
}

#[tokio::test]
async fn healthz_answers_while_the_connection_bound_is_reached() {
    use tokio::io::AsyncWriteExt;
    let app = TestApp::spawn_with(|c| {
        c.server.max_connections = 4;
        c.server.header_read_timeout_secs = 60;
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..12 {
        let mut s = connect(&app).await;
        s.write_all(b"GET / HTTP/1.1\r\nHost: osc\r\n")
            .await
            .unwrap();
        held.push(s);
    }
    let r = tokio::time::timeout(Duration::from_secs(5), app.get("/healthz"))
        .await
        .expect("/healthz answers beyond the bound");
    assert_eq!(r.status(), 200);
    // The connections beyond the bound had one second for their head; the first four
    // keep theirs.
    let mut closed = 0;
    for s in &mut held {
        if closed_within(s, Duration::from_secs(3)).await {
            closed += 1;
        }
    }
    assert_eq!(
        closed, 8,
        "of the 12 held, those beyond the bound are closed"
    );
}

#[tokio::test]
async fn the_throttle_answers_alike_for_known_and_unknown_e_mails_and_lets_a_right_password_in() {
    let app = TestApp::spawn_with(|c| c.security.unknown_login_limit = 4).await;
    let known = app
        .register_and_confirm(&Registration::operator("vera.echt@example.org"))
        .await;
    let attacker = app.new_agent();
    for i in 0..4 {
        let r = attacker
            .login(&format!("ghost{i}@example.com"), "Wrong-Password-123")
            .await;
        assert_eq!(r.status(), 422);
    }
    // Past the limit: the candidate and an e-mail nobody has get the same answer, so the
    // throttle tells nothing about who has an account.
    let candidate = attacker.login(&known, "Wrong-Password-123").await;
    let (candidate_status, candidate_page) = (candidate.status(), candidate.text().await.unwrap());
    let nobody = attacker
        .login("nobody-here@example.com", "Wrong-Password-123")
        .await;
    assert_eq!(candidate_status, 429);
    assert_eq!(nobody.status(), 429);
    let nobody_page = nobody.text().await.unwrap();
    let without_token = |html: &str| {
        html.lines()
            .filter(|l| !l.contains("csrf_token"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        without_token(&candidate_page).replace(known.as_str(), "EMAIL"),
        without_token(&nobody_page).replace("nobody-here@example.com", "EMAIL"),
        "the same page for both"
    );
    // The owner, behind the same address, still signs in with the right password.
    let owner = app.new_agent();
    assert_eq!(owner.login(&known, PASSWORD).await.status(), 303);
}

#[tokio::test]
async fn a_failure_on_a_known_e_mail_counts_like_one_on_an_unknown_one() {
    // The probe: limit − 1 unknown e-mails, the candidate, one more unknown. If only
    // unknown e-mails counted, the last answer would tell whether the candidate exists.
    let mut last = Vec::new();
    for candidate_exists in [true, false] {
        let app = TestApp::spawn_with(|c| c.security.unknown_login_limit = 4).await;
        let candidate = "wanda.probe@example.org";
        if candidate_exists {
            app.register_and_confirm(&Registration::operator(candidate))
                .await;
        }
        let attacker = app.new_agent();
        for i in 0..3 {
            attacker
                .login(&format!("ghost{i}@example.com"), "Wrong-Password-123")
                .await;
        }
        attacker.login(candidate, "Wrong-Password-123").await;
        let r = attacker
            .login("ghost9@example.com", "Wrong-Password-123")
            .await;
        last.push(r.status().as_u16());
    }
    assert_eq!(last, [429, 429]);
}

/// The decoy question the recovery page shows `app`'s visitors for `email`.
async fn shown_question(app: &TestApp, email: &str) -> String {
    let page = app
        .new_agent()
        .post("/password/forgot", &[("email", email)])
        .await
        .text()
        .await
        .unwrap();
    osc::domain::security_question::QUESTIONS
        .iter()
        .map(|q| osc::domain::SecurityQuestion::parse(q).unwrap())
        .find(|q| page.contains(&app.state.i18n.t(osc::i18n::Lang::En, &q.message_id())))
        .map(|q| q.id().to_owned())
        .expect("a question on the page")
}

#[tokio::test]
async fn decoy_questions_differ_between_instances_and_last_across_restarts() {
    let emails: Vec<String> = (0..16).map(|i| format!("nobody{i}@example.com")).collect();
    let first = TestApp::spawn().await;
    let second = TestApp::spawn().await;
    let mut shown = (Vec::new(), Vec::new());
    for email in &emails {
        shown.0.push(shown_question(&first, email).await);
        shown.1.push(shown_question(&second, email).await);
    }
    assert_ne!(
        shown.0, shown.1,
        "nobody can compute another instance's decoys"
    );
    let dir = first.stop().await;
    let again = TestApp::spawn_in(dir, |_| {}).await;
    for (email, before) in emails.iter().zip(&shown.0) {
        assert_eq!(&shown_question(&again, email).await, before, "{email}");
    }
}

/// A failed log-in from `forwarded` (as a reverse proxy would name the client).
async fn failed_login_via(app: &TestApp, agent: &crate::common::Agent, forwarded: &str) -> u16 {
    // A new e-mail each time: three failures on one e-mail answer like a locked account.
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let email = format!("ghost{n}@example.com");
    let token = agent.csrf().await;
    agent
        .client
        .post(app.url("/login"))
        .header("X-Forwarded-For", forwarded)
        .form(&[
            ("email", email.as_str()),
            ("password", "Wrong-Password-123"),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_address_is_throttled_on_its_own() {
    let app = TestApp::spawn_with(|c| {
        c.security.unknown_login_limit = 4;
        c.server.trusted_proxies = vec!["127.0.0.0/8".into()];
    })
    .await;
    let agent = app.new_agent();
    for _ in 0..4 {
        assert_eq!(failed_login_via(&app, &agent, "203.0.113.7").await, 422);
    }
    assert_eq!(failed_login_via(&app, &agent, "203.0.113.7").await, 429);
    assert_eq!(
        failed_login_via(&app, &agent, "203.0.113.8").await,
        422,
        "another client behind the same proxy is not held back"
    );
    // A client cannot escape by naming another address itself: the proxy appends the
    // real one, which is read from the right.
    assert_eq!(
        failed_login_via(&app, &agent, "198.51.100.1, 203.0.113.7").await,
        429
    );
}

#[tokio::test]
async fn forwarded_addresses_from_anyone_else_are_ignored() {
    let app = TestApp::spawn_with(|c| c.security.unknown_login_limit = 4).await;
    let agent = app.new_agent();
    for i in 0..4 {
        let forwarded = format!("203.0.113.{i}");
        assert_eq!(failed_login_via(&app, &agent, &forwarded).await, 422);
    }
    assert_eq!(failed_login_via(&app, &agent, "203.0.113.99").await, 429);
}

#[tokio::test]
async fn an_anonymous_request_s_confirmation_carries_no_sender_text_in_its_subject() {
    let app = TestApp::spawn().await;
    let visitor = app.new_agent();
    let r = visitor
        .post(
            "/contact",
            &[
                ("name", "Kai Werbung"),
                ("email", "victim@example.org"),
                ("topic", "general"),
                ("message", "Visit https://evil.example/29 now"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let number = location.split("number=").nth(1).unwrap().to_owned();
    let mail = app.mail("victim@example.org", "Subject:").await;
    let subject = mail
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .unwrap()
        .to_owned();
    assert!(subject.contains(&number), "{subject}");
    assert!(!subject.contains("evil"), "{subject}");
}

#[tokio::test]
async fn each_rate_limited_form_answers_429_past_its_limit() {
    let app = TestApp::spawn_with(|c| {
        c.limits.registrations_per_hour = 2;
        c.limits.anonymous_requests_per_hour = 2;
        c.limits.recoveries_per_hour = 2;
        c.limits.confirmation_resends_per_hour = 2;
    })
    .await;
    let visitor = app.new_agent();
    let rita = Registration::operator("rita.rate@example.org");
    let registration = rita.pairs();
    let contact = vec![
        ("name", "Kai"),
        ("email", "kai@example.org"),
        ("topic", "general"),
        ("message", "Hallo"),
    ];
    let nobody = vec![("email", "nobody@example.org")];
    let forms = [
        ("/register", &registration),
        ("/contact", &contact),
        ("/password/forgot", &nobody),
        ("/confirm/resend", &nobody),
    ];
    for (path, fields) in forms {
        for _ in 0..2 {
            let r = visitor.post(path, fields).await;
            assert_ne!(r.status(), 429, "{path} within its limit");
        }
        let last = visitor.post(path, fields).await;
        assert_eq!(last.status(), 429, "{path} past its limit");
        let retry: u64 = last.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=3600).contains(&retry), "{retry}");
        let page = last.text().await.unwrap();
        assert!(page.contains("Please wait a little"), "{path}");
    }
    // Contact requests and information sheets share the anonymous limit.
    let r = visitor.post("/info-sheet", &contact).await;
    assert_eq!(r.status(), 429);
}

#[tokio::test]
async fn no_recipient_gets_more_than_the_hour_s_mails_and_the_rest_wait() {
    let app = TestApp::spawn_with(|c| c.limits.mails_per_recipient_per_hour = 3).await;
    let visitor = app.new_agent();
    for (n, email) in [
        "victim@example.org",
        "Victim@Example.org",
        "victim@example.org",
        "victim@example.org",
        "victim@example.org",
        "other@example.org",
    ]
    .into_iter()
    .enumerate()
    {
        let message = format!("Request {n}");
        let r = visitor
            .post(
                "/contact",
                &[
                    ("name", "Kai"),
                    ("email", email),
                    ("topic", "general"),
                    ("message", &message),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
    }
    app.mail("other@example.org", "Subject:").await;
    let store = app.state.store.clone();
    let queue = eventually(Duration::from_secs(10), || {
        let (page, _) = store
            .mail_queue()
            .list(osc::store::mail_queue::Show::Waiting, None, 50)
            .unwrap();
        (page.len() == 2 && app.mails_to("ictim@").len() == 3).then_some(page)
    })
    .await;
    let now = app.state.clock.now();
    for (_, waiting) in queue {
        assert!(waiting.mail.to.eq_ignore_ascii_case("victim@example.org"));
        assert_eq!(waiting.attempts, 0, "a wait is not a failed attempt");
        assert!(waiting.last_error.is_none());
        assert!(
            waiting.next_attempt_at > now + 3000,
            "waits for the next hour"
        );
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.mails_to("ictim@").len(), 3);
}

/// A PDF of `size` bytes.
fn pdf(size: usize) -> Vec<u8> {
    let mut data = b"%PDF-1.7\n%spooled\n".to_vec();
    data.resize(size, b'.');
    data
}

#[tokio::test]
async fn sixteen_uploads_at_once_of_the_largest_size_stay_within_a_memory_bound() {
    const MB: usize = 8;
    const UPLOADS: usize = 16;
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&Registration::installer("boss@spool.de", "Spool Solar"))
        .await;
    let dir = app.stop().await;
    let mb = MB.to_string();
    let (mut server, base) = crate::common::serve_binary(
        dir.path(),
        &[
            ("OSC_UPLOADS_MAX_DOCUMENT_MB", mb.as_str()),
            ("OSC_UPLOADS_PLANT_QUOTA_MB", "100000"),
            ("OSC_STORAGE_CACHE_MB", "16"),
            // On a busy machine the last uploads wait long for their turn: this test is
            // about memory, not time.
            ("OSC_SERVER_REQUEST_TIMEOUT_SECS", "600"),
        ],
    );
    let agent = crate::common::Agent::plain(&base);
    assert_eq!(agent.login(&email, PASSWORD).await.status(), 303);
    let plant = agent.new_plant("Lagerhalle").await;
    let path = format!("/plants/{plant}/documents");
    // Warm: the first upload's buffers and the index's are part of the baseline.
    assert_eq!(
        agent.upload(&path, "warm.pdf", pdf(1 << 20)).await.status(),
        303
    );
    let before = crate::common::proc_status_kib(server.id(), "VmRSS");
    let file = pdf(MB << 20);
    let mut uploads = tokio::task::JoinSet::new();
    for n in 0..UPLOADS {
        let (agent, path, file) = (agent.clone(), path.clone(), file.clone());
        uploads.spawn(async move {
            agent
                .upload(&path, &format!("plan-{n}.pdf"), file)
                .await
                .status()
        });
    }
    let statuses = uploads.join_all().await;
    let peak = crate::common::proc_status_kib(server.id(), "VmHWM");
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    // Holding the files would take 16 × 8 MiB = 128 MiB on top (it took 257 MiB when
    // they were read into memory); spooled, four at a time, the peak stays within 80 MiB
    // of what the server used before (the store's 16 MiB page cache included).
    let grew_mib = peak.saturating_sub(before) / 1024;
    eprintln!(
        "resident before {} MiB, peak {} MiB",
        before / 1024,
        peak / 1024
    );
    assert!(grew_mib < 80, "grew by {grew_mib} MiB");
}

#[tokio::test]
async fn uploads_past_the_bound_wait_for_their_turn() {
    let app = TestApp::spawn_with(|c| c.uploads.in_flight = 1).await;
    let agent = app
        .signed_in(&Registration::installer("boss@turns.de", "Turn Solar"))
        .await;
    let plant = agent.new_plant("Scheune").await;
    let url = format!("{}/plants/{plant}/documents", agent.base);
    // The first upload sends half its file, then holds back the rest.
    let (more, parts) = tokio::sync::mpsc::channel::<std::io::Result<Vec<u8>>>(4);
    let body = futures_util::stream::unfold(parts, |mut parts| async move {
        parts.recv().await.map(|part| (part, parts))
    });
    let slow = reqwest::multipart::Form::new()
        .text("csrf_token", agent.csrf().await)
        .part(
            "file",
            reqwest::multipart::Part::stream(reqwest::Body::wrap_stream(body))
                .file_name("slow.pdf"),
        );
    let client = agent.client.clone();
    let slow = tokio::spawn(async move { client.post(url).multipart(slow).send().await });
    more.send(Ok(pdf(64 * 1024))).await.unwrap();
    let uploads = app.state.uploads.clone();
    eventually(Duration::from_secs(5), || {
        (uploads.available_permits() == 0).then_some(())
    })
    .await;
    // The second one waits for the only turn …
    let path = format!("/plants/{plant}/documents");
    let quick_agent = agent.clone();
    let mut quick = tokio::spawn(async move {
        quick_agent
            .upload(&path, "quick.pdf", pdf(1000))
            .await
            .status()
    });
    assert!(
        tokio::time::timeout(Duration::from_millis(700), &mut quick)
            .await
            .is_err(),
        "a second upload is read while the first holds the only turn"
    );
    // … and gets it once the first is done.
    more.send(Ok(vec![b'.'; 64 * 1024])).await.unwrap();
    drop(more);
    assert_eq!(slow.await.unwrap().unwrap().status(), 303);
    assert_eq!(quick.await.unwrap(), 303);
    let (_, html) = agent.page(&format!("/plants/{plant}")).await;
    assert!(html.contains("slow.pdf") && html.contains("quick.pdf"));
}

#[tokio::test]
async fn failed_log_ins_still_count_after_a_restart() {
    let limit = |c: &mut osc::config::Config| c.security.unknown_login_limit = 4;
    let app = TestApp::spawn_with(limit).await;
    let known = app
        .register_and_confirm(&Registration::operator("vera.echt@example.org"))
        .await;
    let attacker = app.new_agent();
    for i in 0..3 {
        let r = attacker
            .login(&format!("ghost{i}@example.com"), "Wrong-Password-123")
            .await;
        assert_eq!(r.status(), 422);
    }
    let r = attacker.login(&known, "Wrong-Password-123").await;
    assert_eq!(r.status(), 422, "the fourth failure, on a known account");
    let dir = app.stop().await;

    // The address has used up its attempts, restart or not; a right password still
    // signs in.
    let app = TestApp::spawn_in(dir, limit).await;
    let attacker = app.new_agent();
    let r = attacker
        .login("ghost9@example.com", "Wrong-Password-123")
        .await;
    assert_eq!(r.status(), 429, "past the limit after the restart too");
    let r = attacker.login(&known, PASSWORD).await;
    assert_eq!(r.status(), 303);

    // An unknown e-mail's attempts count on as well: the third looks like a lock.
    let dir = app.stop().await;
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let other = app.new_agent();
    for _ in 0..2 {
        let r = other.login("nemo@example.com", "Wrong-Password-123").await;
        assert_eq!(r.status(), 422);
    }
    let dir = app.stop().await;
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let r = app
        .new_agent()
        .login("nemo@example.com", "Wrong-Password-123")
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/password/forgot?locked=1");
}
