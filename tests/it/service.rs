//! The service desk: the queue and its filters, assignments, requests filed for
//! customers, people's accounts (block, unlock, e-mail change, confirmation), the audit
//! log, the mail queue, the dashboard; and the FAQ.

use crate::common::{Agent, PASSWORD, Registration, TestApp, link_in};
use crate::replacement::plant_with_inverter;

/// A local port nobody listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The ticket id a filing redirected to.
fn ticket_of(r: &reqwest::Response) -> u64 {
    crate::common::redirect_id(r, "/tickets/")
}

/// Ticket numbers linked from a page, in order.
fn numbers(html: &str) -> Vec<String> {
    html.split("<code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .filter(|s| s.len() == 11 && s.as_bytes()[4] == b'-')
        .map(str::to_owned)
        .collect()
}

async fn contact(agent: &Agent, message: &str) -> u64 {
    let r = agent
        .post("/contact", &[("topic", "general"), ("message", message)])
        .await;
    let status = r.status();
    if status != 303 {
        panic!("{}", r.text().await.unwrap());
    }
    ticket_of(&r)
}

#[tokio::test]
async fn the_queue_shows_every_request_filtered_and_the_longest_waiting_first() {
    let app = TestApp::spawn().await;
    let a = app
        .signed_in(&Registration::installer("chef@a-solar.de", "A Solar"))
        .await;
    let first = contact(&a, "Erste Frage von A").await;
    app.state.clock.advance(3 * 86_400);
    let b = app
        .signed_in(&Registration::installer("chef@b-solar.de", "B Solar"))
        .await;
    let second = contact(&b, "Frage von B").await;
    app.state.clock.advance(3600);
    // A visitor without an account, and an information sheet.
    let visitor = app.new_agent();
    let r = visitor
        .post(
            "/contact",
            &[
                ("name", "Vera Gast"),
                ("email", "vera@example.org"),
                ("topic", "general"),
                ("message", "Frage ohne Konto"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = visitor
        .post(
            "/info-sheet",
            &[
                ("name", "Ivo Insel"),
                ("email", "ivo@example.org"),
                ("system", "off-grid"),
                ("serials", "1900012345"),
                ("site", "Alm 1, 6100 Seefeld"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);

    let staff = app.staff("sam@service.example").await;
    let (status, html) = staff.page("/service/tickets").await;
    assert_eq!(status, 200);
    let all = numbers(&html);
    assert_eq!(
        all.len(),
        4,
        "every request, from every company and none: {all:?}"
    );
    // The longest waiting first: A's request waited three days longer.
    assert!(all[0].ends_with("-000001"), "{all:?}");
    assert!(
        html.contains("vera@example.org"),
        "the visitor's address is shown"
    );
    assert!(html.contains("ivo@example.org"));
    // The other order.
    let (_, html) = staff.page("/service/tickets?sort=number").await;
    let by_number = numbers(&html);
    let mut expected = all.clone();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(by_number, expected, "newest number first");

    // By kind, by company (name or id), by waiting time.
    let (_, html) = staff.page("/service/tickets?kind=info-sheet").await;
    assert_eq!(numbers(&html).len(), 1);
    let (_, html) = staff.page("/service/tickets?company=b+solar").await;
    assert_eq!(numbers(&html).len(), 1);
    assert!(html.contains("Frage von B"));
    let (status, html) = staff.page("/service/tickets?company=Nowhere+GmbH").await;
    assert_eq!(status, 200);
    assert!(html.contains("No company is called"));
    assert!(numbers(&html).is_empty());
    let (_, html) = staff.page("/service/tickets?company=solar").await;
    assert!(
        html.contains("Several companies match"),
        "two companies match: pick one"
    );
    let (_, html) = staff.page("/service/tickets?age=3").await;
    assert_eq!(numbers(&html).len(), 1, "only A's request waits three days");
    assert!(html.contains("Erste Frage von A"));

    // The search box finds requests of every company.
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    let (_, html) = staff.page("/service/tickets?q=frage").await;
    assert_eq!(numbers(&html).len(), 3, "{html}");

    // Taking a request: it is mine, not nobody's; the audit log says so.
    let r = staff
        .post(
            &format!("/service/tickets/{second}/assign"),
            &[("assignee", "me")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = staff.page("/service/tickets?assignee=me").await;
    assert_eq!(numbers(&html).len(), 1);
    assert!(html.contains("Frage von B"));
    let (_, html) = staff.page("/service/tickets?assignee=none").await;
    assert_eq!(numbers(&html).len(), 3);
    let (_, html) = staff.page(&format!("/tickets/{second}")).await;
    assert!(html.contains("Assigned to Sam Service"));
    // Filters combine: B's company and my requests.
    let (_, html) = staff
        .page(&format!(
            "/service/tickets?assignee=me&company={}",
            "A+Solar"
        ))
        .await;
    assert!(numbers(&html).is_empty());
    // Assigning to someone who is not in the service team is refused.
    let customer = app.user("chef@a-solar.de");
    let r = staff
        .post(
            &format!("/service/tickets/{first}/assign"),
            &[("assignee", &customer.id.to_string())],
        )
        .await;
    assert_eq!(r.status(), 404);
    let (_, html) = staff.page("/service/audit?event=ticket-assigned").await;
    assert!(html.contains("Request assigned"));
    assert!(html.contains("127.0.0.1"), "the address is recorded");

    // The customer's view does not show who works on it.
    let (_, html) = b.page(&format!("/tickets/{second}")).await;
    assert!(!html.contains("Sam Service"));
}

#[tokio::test]
async fn answers_reach_visitors_without_an_account_by_e_mail() {
    let app = TestApp::spawn().await;
    let visitor = app.new_agent();
    let r = visitor
        .post(
            "/contact",
            &[
                ("name", "Vera Gast"),
                ("email", "vera@example.org"),
                ("topic", "general"),
                ("message", "Wo finde ich das Datenblatt?"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let staff = app.staff("sam@service.example").await;
    let (_, html) = staff.page("/service/tickets").await;
    let id: u64 = html
        .split("href=\"/tickets/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    let r = staff
        .multipart(
            &format!("/tickets/{id}/messages"),
            &[("message", "Im Downloadbereich, Kapitel 4.")],
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let mail = app.mail("vera@example.org", "Kapitel 4").await;
    assert!(
        !mail.contains("/tickets/"),
        "no link a visitor could not open"
    );
    let (_, log) = staff.page("/service/audit?event=ticket-answered").await;
    assert!(
        log.contains("Sam Service") && log.contains(">answer to the customer<"),
        "{log}"
    );
}

#[tokio::test]
async fn the_service_team_files_a_request_that_becomes_the_customers() {
    let app = TestApp::spawn().await;
    let customer = app
        .signed_in(&Registration::installer("chef@a-solar.de", "A Solar"))
        .await;
    let (plant, _) = plant_with_inverter(&customer, "2130077777", "2024-03-01").await;
    let other = app
        .signed_in(&Registration::installer("chef@b-solar.de", "B Solar"))
        .await;
    let (other_plant, _) = plant_with_inverter(&other, "2130088888", "2024-03-01").await;
    let staff = app.staff("sam@service.example").await;

    // First the customer: an unknown address is said so, next to the field.
    let (status, html) = staff
        .page("/service/tickets/new?customer=nobody%40example.com")
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("No active customer account has this e-mail address"));
    assert!(html.contains("nobody@example.com"), "what was typed stays");
    let (status, html) = staff
        .page("/service/tickets/new?customer=chef%40a-solar.de")
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Scheune Aebi"),
        "the customer's plants are offered"
    );

    // Refusals keep what was typed.
    let r = staff
        .post(
            "/service/tickets/new",
            &[
                ("customer", "chef@a-solar.de"),
                ("topic", "technical"),
                ("plant", &other_plant.to_string()),
                ("message", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Choose one of this customer"),
        "another company's plant"
    );
    assert!(html.contains("message-error"));
    let r = staff
        .post(
            "/service/tickets/new",
            &[
                ("customer", "chef@a-solar.de"),
                ("topic", "technical"),
                ("plant", &plant.to_string()),
                ("serial", "2130077777"),
                ("message", "Anruf: Fehler 3501 seit gestern\nbitte prüfen"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let id = ticket_of(&r);

    // It is the customer's: in his Ticket Tracking, on his plant, in his mailbox.
    let (_, html) = customer.page("/tickets").await;
    assert!(html.contains("Anruf: Fehler 3501 seit gestern"));
    let (status, html) = customer.page(&format!("/tickets/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Anna Müller"), "he is the requester");
    let (_, html) = customer.page(&format!("/plants/{plant}")).await;
    assert!(html.contains("Anruf: Fehler 3501"));
    app.mail("chef@a-solar.de", "Anruf: Fehler 3501").await;
    let (status, _) = other.page(&format!("/tickets/{id}")).await;
    assert_eq!(status, 404);
    let (_, html) = staff
        .page("/service/audit?event=ticket-created-for-customer")
        .await;
    assert!(html.contains("Request filed for a customer"));
}

#[tokio::test]
async fn a_blocked_account_loses_its_sessions_and_cannot_log_in_or_recover() {
    let app = TestApp::spawn().await;
    let registration = Registration::operator("otto@example.com");
    let customer = app.signed_in(&registration).await;
    // A reset link asked for before the block.
    let recovery = app.new_agent();
    recovery
        .post("/password/forgot", &[("email", "otto@example.com")])
        .await;
    let r = recovery
        .post(
            "/password/forgot",
            &[("email", "otto@example.com"), ("security_answer", "Bello")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let reset = link_in(
        &app.mail("otto@example.com", "/password/reset/").await,
        "/password/reset/",
    );

    let staff = app.staff("sam@service.example").await;
    let id = app.user("otto@example.com").id;
    let (_, html) = staff.page("/service/users?q=otto").await;
    assert!(
        html.contains(&format!("/service/users/{id}")),
        "found by e-mail"
    );
    let (_, html) = staff.page("/service/users?q=muller").await;
    assert!(
        html.contains("otto@example.com"),
        "found by name, without the umlaut"
    );

    // No reason, no block.
    let r = staff
        .post(&format!("/service/users/{id}/block"), &[("reason", "  ")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("reason-error"));
    assert_eq!(
        customer.get("/profile").await.status(),
        200,
        "nothing happened"
    );

    let r = staff
        .post(
            &format!("/service/users/{id}/block"),
            &[("reason", "Karte gestohlen gemeldet")],
        )
        .await;
    assert_eq!(r.status(), 303);
    // The live session ended at once.
    let r = customer.get("/profile").await;
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
    // Log-in says why and links the contact form.
    let fresh = app.new_agent();
    let r = fresh.login("otto@example.com", PASSWORD).await;
    assert_eq!(r.status(), 403);
    let html = r.text().await.unwrap();
    assert!(html.contains("This account is blocked"));
    assert!(html.contains(r#"href="/contact""#));
    // Recovery gives no link, and the earlier link no longer works.
    let before = app.mails_to("otto@example.com").len();
    fresh
        .post("/password/forgot", &[("email", "otto@example.com")])
        .await;
    let r = fresh
        .post(
            "/password/forgot",
            &[("email", "otto@example.com"), ("security_answer", "Bello")],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("This account is blocked"));
    let r = fresh
        .post(
            &reset,
            &[
                ("password", "Neues-Passwort-2026!"),
                ("password_confirm", "Neues-Passwort-2026!"),
            ],
        )
        .await;
    assert_ne!(r.status(), 303, "the old link sets nothing");
    assert_eq!(
        app.mails_to("otto@example.com").len(),
        before,
        "no new link was sent"
    );
    let r = fresh.login("otto@example.com", PASSWORD).await;
    assert_eq!(
        r.status(),
        403,
        "the password is unchanged and still refused"
    );

    // The staff page shows the block and its reason; the audit log has it.
    let (_, html) = staff.page(&format!("/service/users/{id}")).await;
    assert!(html.contains("Blocked"));
    assert!(html.contains("Karte gestohlen gemeldet"));
    let (_, html) = staff.page("/service/audit?event=account-blocked").await;
    assert!(html.contains("otto@example.com"));

    // Unblocked, the account logs in again.
    let r = staff
        .post(&format!("/service/users/{id}/unblock"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let r = fresh.login("otto@example.com", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/tickets");
}

#[tokio::test]
async fn the_service_team_unlocks_a_locked_account_and_the_log_shows_why() {
    let app = TestApp::spawn().await;
    app.register_and_confirm(&Registration::operator("otto@example.com"))
        .await;
    let agent = app.new_agent();
    for _ in 0..3 {
        agent.login("otto@example.com", "wrong-password-123").await;
    }
    let r = agent.login("otto@example.com", PASSWORD).await;
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/password/forgot"),
        "locked"
    );
    let staff = app.staff("sam@service.example").await;
    let id = app.user("otto@example.com").id;
    let (_, html) = staff.page(&format!("/service/users/{id}")).await;
    assert!(html.contains("Locked"));
    let (_, html) = staff.page(&format!("/service/audit?user={id}")).await;
    assert_eq!(
        html.matches("badge warn\">Failed log-in").count(),
        3,
        "{html}"
    );
    assert!(html.contains("Account locked"));
    assert!(html.contains("127.0.0.1"));
    let r = staff
        .post(&format!("/service/users/{id}/unlock"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let r = agent.login("otto@example.com", PASSWORD).await;
    assert_eq!(r.headers()["location"], "/tickets");
    let (_, html) = staff.page("/service/audit?user=otto%40example.com").await;
    assert!(html.contains("Account unlocked"));
    assert!(html.contains("Sam Service"));
    // An unknown address is said so.
    let (_, html) = staff.page("/service/audit?user=nobody%40example.com").await;
    assert!(html.contains("No account has this e-mail address"));
}

#[tokio::test]
async fn an_e_mail_change_takes_effect_when_the_new_address_confirms() {
    let app = TestApp::spawn().await;
    let customer = app
        .signed_in(&Registration::operator("otto@example.com"))
        .await;
    app.register_and_confirm(&Registration::operator("taken@example.com"))
        .await;
    let staff = app.staff("sam@service.example").await;
    let id = app.user("otto@example.com").id;
    let page = format!("/service/users/{id}/email");

    for (email, message) in [
        ("not-an-address", "email-error"),
        (
            "taken@example.com",
            "Another account has this e-mail address",
        ),
        ("otto@example.com", "already the account"),
    ] {
        let r = staff.post(&page, &[("email", email)]).await;
        assert!(r.status() == 422 || r.status() == 409, "{email}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "{email}: {message}");
        assert!(html.contains(email), "what was typed stays");
    }
    let r = staff
        .post(&page, &[("email", "Otto.Neu@Example.com")])
        .await;
    assert_eq!(r.status(), 303);
    let mail = app.mail("otto.neu@example.com", "/email/confirm/").await;
    let link = link_in(&mail, "/email/confirm/");
    app.mail("otto@example.com", "otto.neu@example.com").await;

    // Until the new address confirms, nothing changes.
    assert_eq!(customer.get("/profile").await.status(), 200);
    let other = app.new_agent();
    assert_eq!(
        other.login("otto.neu@example.com", PASSWORD).await.status(),
        422
    );

    let r = other.get(&link).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("otto.neu@example.com"));
    assert_eq!(other.get(&link).await.status(), 410, "used once");
    // Sessions ended; the old address no longer logs in, the new one does.
    assert_eq!(customer.get("/profile").await.status(), 303);
    assert_eq!(
        other.login("otto@example.com", PASSWORD).await.status(),
        422
    );
    let r = other.login("otto.neu@example.com", PASSWORD).await;
    assert_eq!(r.headers()["location"], "/tickets");
    let (_, html) = staff.page(&format!("/service/audit?user={id}")).await;
    assert!(html.contains("E-mail change requested"));
    assert!(html.contains("E-mail changed"));
}

#[tokio::test]
async fn the_service_team_sends_a_confirmation_again() {
    let app = TestApp::spawn().await;
    let registration = Registration::operator("late@example.com");
    let r = app
        .new_agent()
        .post("/register", &registration.pairs())
        .await;
    assert_eq!(r.status(), 303);
    app.mail("late@example.com", "/confirm/").await;
    let staff = app.staff("sam@service.example").await;
    let id = app.user("late@example.com").id;
    let (_, html) = staff.page(&format!("/service/users/{id}")).await;
    assert!(html.contains("Not confirmed"));
    let r = staff
        .post(&format!("/service/users/{id}/confirmation"), &[])
        .await;
    assert_eq!(r.status(), 303);
    crate::common::eventually(std::time::Duration::from_secs(10), || {
        (app.mails_to("late@example.com").len() >= 2).then_some(())
    })
    .await;
    let mails = app.mails_to("late@example.com");
    let link = link_in(mails.last().unwrap(), "/confirm/");
    assert_eq!(app.new_agent().get(&link).await.status(), 200);
}

#[tokio::test]
async fn the_mail_queue_shows_failures_and_retries_them() {
    // A mail server that is not there: every delivery fails.
    let app = TestApp::spawn_with(|c| {
        c.mail.transport = osc::config::MailTransportKind::Smtp;
        c.mail.smtp_host = "127.0.0.1".into();
        c.mail.smtp_port = closed_port();
        c.mail.smtp_security = osc::config::SmtpSecurity::None;
    })
    .await;
    let visitor = app.new_agent();
    let r = visitor
        .post(
            "/contact",
            &[
                ("name", "Vera Gast"),
                ("email", "vera@example.org"),
                ("topic", "general"),
                ("message", "Hallo"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    crate::common::eventually(std::time::Duration::from_secs(10), || {
        let m = app.state.store.mail_queue().get(1).ok()??;
        m.last_error.is_some().then_some(())
    })
    .await;
    let staff = app.staff("sam@service.example").await;
    let (status, html) = staff.page("/service/mail?show=failed").await;
    assert_eq!(status, 200);
    assert!(html.contains("vera@example.org"));
    assert!(html.contains("Failed"));
    let attempts = app
        .state
        .store
        .mail_queue()
        .get(1)
        .unwrap()
        .unwrap()
        .attempts;
    let r = staff.post("/service/mail/1/retry", &[]).await;
    assert_eq!(r.status(), 303);
    crate::common::eventually(std::time::Duration::from_secs(10), || {
        let m = app.state.store.mail_queue().get(1).ok()??;
        (m.attempts > attempts).then_some(())
    })
    .await;
    let (_, html) = staff.page("/service/audit?event=mail-retried").await;
    assert!(html.contains("#1"));
    assert_eq!(
        staff.post("/service/mail/999/retry", &[]).await.status(),
        404
    );
}

#[tokio::test]
async fn the_dashboard_counts_open_requests_and_flags_overdue_returns() {
    let app = TestApp::spawn().await;
    let customer = app
        .signed_in(&Registration::installer("chef@a-solar.de", "A Solar"))
        .await;
    contact(&customer, "Frage eins").await;
    let closed = contact(&customer, "Frage zwei").await;
    let staff = app.staff("sam@service.example").await;
    for to in ["in-progress", "closed"] {
        let r = staff
            .post(&format!("/tickets/{closed}/status"), &[("to", to)])
            .await;
        assert_eq!(r.status(), 303);
    }
    // A replacement whose failed device is awaited for pickup.
    let (_, device) = plant_with_inverter(&customer, "2130055555", "2024-03-01").await;
    let r = customer
        .multipart(
            "/tickets/replacement",
            &crate::replacement::request_fields(&device.to_string())
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
            &[("file", "rechnung.pdf", crate::replacement::PDF)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let replacement = ticket_of(&r);
    for fields in [
        vec![("to", "in-review")],
        vec![("to", "approved"), ("rma", "RMA-77")],
        vec![
            ("to", "shipped"),
            ("tracking", "1Z999"),
            ("new_serial", "2130066666"),
        ],
        vec![("to", "awaiting-return")],
    ] {
        let r = staff
            .post(&format!("/tickets/{replacement}/status"), &fields)
            .await;
        assert_eq!(r.status(), 303, "{fields:?}");
    }
    // Every move is in the audit log, with the states.
    let (_, log) = staff.page("/service/audit?event=ticket-moved").await;
    assert!(log.contains("in-progress → closed"), "{log}");
    assert!(log.contains("shipped → awaiting-return"));
    let (status, html) = staff.page("/service").await;
    assert_eq!(status, 200);
    assert!(html.contains("Open requests (2)"), "{html}");
    assert!(html.contains("Every failed device awaiting pickup is within its pickup window"));
    assert!(html.contains("<svg"), "the weekly chart");
    assert!(html.contains("<title>"), "bars carry their figures");
    // Two weeks later (ten business days, whatever weekday the test runs on) the return is
    // overdue: eight days from a Friday end on a Saturday only five business days on.
    app.state.clock.advance(14 * 86_400);
    let staff = app.staff("kim@service.example").await;
    let (_, html) = staff.page("/service").await;
    assert!(html.contains("RMA-77"), "{html}");
}

#[tokio::test]
async fn the_faq_answers_in_three_languages_links_real_pages_and_filters() {
    let app = TestApp::spawn().await;
    let agent = app.new_agent();
    let routes = osc::web::route_table();
    for lang in ["en", "de", "fr"] {
        agent.get(&format!("/language/{lang}?next=/help")).await;
        let (status, html) = agent.page("/help").await;
        assert_eq!(status, 200, "{lang}");
        assert_eq!(
            html.matches("<details").count(),
            17,
            "{lang}: every question"
        );
        // Every answer links a page the router serves.
        for link in html
            .split("<p><a href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            assert!(
                routes.iter().any(|(m, r)| *m == "GET" && *r == link),
                "{lang}: {link} is not a page"
            );
        }
    }
    agent.get("/language/en?next=/help").await;
    let (_, html) = agent.page("/help?q=pickup").await;
    assert_eq!(html.matches("<details").count(), 1, "{html}");
    assert!(html.contains("/tickets/replacement"));
    let (_, html) = agent.page("/help?q=locked").await;
    assert!(
        html.contains("My account is locked after 3 attempts"),
        "{html}"
    );
    let (_, html) = agent.page("/help?q=Seriennummer").await;
    assert_eq!(html.matches("<details").count(), 0);
    assert!(html.contains("No question matches"));
    agent.get("/language/de?next=/help").await;
    let (_, html) = agent.page("/help?q=seriennummer").await;
    assert!(
        html.matches("<details").count() >= 2,
        "German words in German"
    );
}

#[tokio::test]
async fn company_changes_land_in_the_audit_log_with_who_did_them() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("chef@a-solar.de", "A Solar"))
        .await;
    app.invite_and_join(&admin, "ina@a-solar.de", "installer", ("Ina", "Stall"))
        .await;
    let ina = app.user("ina@a-solar.de").id;
    for path in [
        format!("/company/members/{ina}/admin"),
        format!("/company/members/{ina}/installer"),
        format!("/company/members/{ina}/remove"),
    ] {
        let r = admin.post(&path, &[]).await;
        assert_eq!(r.status(), 303, "{path}");
    }
    let staff = app.staff("sam@service.example").await;
    let (_, html) = staff.page(&format!("/service/audit?user={ina}")).await;
    assert!(html.contains("Account removed"), "{html}");
    assert_eq!(html.matches("badge warn\">Role changed").count(), 2);
    assert!(html.contains(">made administrator<") && html.contains(">made installer<"));
    assert!(html.contains("Anna Müller"), "the administrator who did it");
    let (_, html) = staff.page("/service/audit?event=invited").await;
    assert!(html.contains("ina@a-solar.de"));
    // The removed collaborator's page says so; the staff command line is recorded too.
    let (_, html) = staff.page(&format!("/service/users/{ina}")).await;
    assert!(html.contains("Removed"));
}

#[tokio::test]
async fn staff_accounts_have_a_page_but_are_neither_blocked_nor_renamed_from_the_desk() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    let kim = app.staff("kim@service.example").await;
    let id = app.user("kim@service.example").id;
    let (status, html) = staff.page(&format!("/service/users/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("managed on the command line"));
    assert!(!html.contains("/block\"") && !html.contains("/email\""));
    let r = staff
        .post(&format!("/service/users/{id}/block"), &[("reason", "Test")])
        .await;
    assert_eq!(r.status(), 404, "no such action for staff accounts");
    let r = staff
        .post(
            &format!("/service/users/{id}/email"),
            &[("email", "k@example.com")],
        )
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(kim.get("/service").await.status(), 200, "still signed in");
    // The people search says how many it found.
    app.register_and_confirm(&Registration::operator("otto@example.com"))
        .await;
    let (_, html) = staff.page("/service/users?q=otto").await;
    assert!(html.contains("1 person matches “otto”"), "{html}");
}

/// How many audit entries of `event` the log holds.
fn audited(app: &TestApp, event: osc::store::audit::Event) -> usize {
    let filter = osc::store::audit::Filter {
        event: Some(event),
        ..Default::default()
    };
    app.state
        .store
        .audit()
        .page(filter, 100)
        .unwrap()
        .entries
        .len()
}

#[tokio::test]
async fn audit_entries_are_written_with_their_action_and_never_for_a_refused_one() {
    use osc::store::audit::Event;
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer(
            "chef@audit-solar.de",
            "Audit Solar",
        ))
        .await;
    let invite = [("email", "ines@audit-solar.de"), ("role", "installer")];
    assert_eq!(
        admin.post("/company/invitations", &invite).await.status(),
        303
    );
    assert_eq!(audited(&app, Event::Invited), 1);
    // The same address again is refused: no second entry.
    assert_ne!(
        admin.post("/company/invitations", &invite).await.status(),
        303
    );
    assert_eq!(
        audited(&app, Event::Invited),
        1,
        "the refusal left no entry"
    );

    // A change of state the request's kind does not allow leaves no entry either.
    let ticket = contact(&admin, "Frage zum Zähler").await;
    let staff = app.staff("sam@service.example").await;
    let r = staff
        .post(&format!("/tickets/{ticket}/status"), &[("to", "approved")])
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(audited(&app, Event::TicketMoved), 0);
    let r = staff
        .post(
            &format!("/tickets/{ticket}/status"),
            &[("to", "in-progress")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(audited(&app, Event::TicketMoved), 1);

    // A request filed for a customer and a mail retried are recorded with them.
    let customer = app
        .state
        .store
        .users()
        .find_by_email(&osc::domain::Email::parse("chef@audit-solar.de").unwrap())
        .unwrap()
        .unwrap();
    let r = staff
        .post(
            "/service/tickets/new",
            &[
                ("customer", "chef@audit-solar.de"),
                ("topic", "general"),
                ("message", "Rückruf vereinbart"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(audited(&app, Event::TicketCreatedForCustomer), 1);
    let entry = app
        .state
        .store
        .audit()
        .page(
            osc::store::audit::Filter {
                event: Some(Event::TicketCreatedForCustomer),
                ..Default::default()
            },
            1,
        )
        .unwrap()
        .entries
        .remove(0);
    assert_eq!(entry.subject_user, Some(customer.id));
    assert_eq!(
        staff.post("/service/mail/999999/retry", &[]).await.status(),
        404
    );
    assert_eq!(audited(&app, Event::MailRetried), 0);
}

#[tokio::test]
async fn the_desk_has_one_name_in_french_and_its_tabs_fit() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    staff.get("/language/fr?next=/service").await;
    let (_, html) = staff.page("/service").await;
    // The heading, the tabs' label and the navigation say the same.
    assert!(html.contains("<h1>Service client</h1>"), "heading");
    assert!(html.contains(r#"<nav class="tabs" aria-label="Service client">"#));
    assert!(html.contains(r#"aria-current="page">Service client</a>"#));
    assert!(!html.contains("Service desk"));
    // The tab for a new request is short enough to keep the tabs on one line.
    assert!(html.contains(r#"<a href="/service/tickets/new">Nouvelle demande</a>"#));
}

#[tokio::test]
async fn a_person_s_page_lists_facts_plants_as_links_and_each_action_under_its_heading() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let (plant, _) = app.plant_with_devices(&company.admin.user, "Scheune Nord", &[]);
    let (_, html) = staff
        .page(&format!("/service/users/{}", company.admin.user.id))
        .await;
    assert!(html.contains(r#"<dl class="facts">"#), "styled facts");
    assert!(
        html.contains(&format!(
            r#"<a href="/plants/{}">Scheune Nord</a>"#,
            plant.id
        )),
        "the plant is a link"
    );
    // Blocking sits under its own heading, after the other actions, never above an
    // unrelated form.
    let block = html
        .find("<h3>Block the account</h3>")
        .expect("its heading");
    let form = html
        .find(&format!(
            r#"<form method="post" action="/service/users/{}/block""#,
            company.admin.user.id
        ))
        .expect("its form");
    let email = html
        .find("<h3>Change the e-mail address</h3>")
        .expect("e-mail change");
    assert!(email < block && block < form, "order of the actions");
    assert!(
        !html[block..form].contains("<form"),
        "nothing between the heading and its form"
    );
}
