//! Service tickets from the customer's side: the contact form (logged out and in),
//! Ticket Tracking, a ticket's page and replies, and who sees which ticket.

use crate::common::{Agent, Registration, TestApp};

async fn plant_with_device(agent: &Agent, serial: &str) -> u64 {
    let plant = agent
        .plant(&[
            ("name", "Kuhstall"),
            ("street", "Dorfstr. 9"),
            ("postal_code", "3012"),
            ("city", "Bern"),
            ("country", "CH"),
        ])
        .await;
    agent.device(plant, serial, "9088").await;
    plant
}

#[tokio::test]
async fn a_logged_out_contact_request_gets_a_number_and_a_confirmation() {
    let app = TestApp::spawn().await;
    let visitor = app.new_agent();
    let (status, html) = visitor.page("/contact").await;
    assert_eq!(status, 200);
    assert!(html.contains("Technical requests need the serial number"));

    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec![
                ("email", "v@example.com"),
                ("topic", "general"),
                ("message", "Hallo"),
            ],
            "name-error",
            "fill in this field",
        ),
        (
            vec![
                ("name", "Vera"),
                ("email", "nope"),
                ("topic", "general"),
                ("message", "Hallo"),
            ],
            "email-error",
            "e-mail address",
        ),
        (
            vec![
                ("name", "Vera"),
                ("email", "v@example.com"),
                ("topic", "technical"),
                ("message", "Fehler 3501"),
            ],
            "serial-error",
            "serial number",
        ),
        (
            vec![
                ("name", "Vera"),
                ("email", "v@example.com"),
                ("topic", "technical"),
                ("serial", "12ab"),
                ("message", "x"),
            ],
            "serial-error",
            "digits only",
        ),
        (
            vec![
                ("name", "Vera"),
                ("email", "v@example.com"),
                ("topic", "weather"),
                ("message", "x"),
            ],
            "topic-error",
            "topic from the list",
        ),
        (
            vec![
                ("name", "Vera"),
                ("email", "v@example.com"),
                ("topic", "general"),
                ("message", "  "),
            ],
            "message-error",
            "fill in this field",
        ),
    ];
    for (fields, error_id, words) in cases {
        let r = visitor.post("/contact", &fields).await;
        assert_eq!(r.status(), 422, "{error_id}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"id="{error_id}""#)) && html.contains(words),
            "{error_id}: {words}"
        );
    }
    let r = visitor
        .post(
            "/contact",
            &[
                ("name", "Vera Vogel"),
                ("email", "vera@example.com"),
                ("topic", "technical"),
                ("serial", "2130 012 345"),
                ("message", "Fehler 3501 seit gestern\nDisplay zeigt nichts"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/contact/sent?number=2026-0000"),
        "{location}"
    );
    let (_, html) = visitor.page(&location).await;
    assert!(html.contains("Request received") && html.contains("2026-000001"));
    let mail = app.mail("vera@example.com", "2026-000001").await;
    assert!(mail.contains("Fehler 3501 seit gestern"));
    let text = mail.replace("\r\n", "\n");
    assert!(
        !text.contains("\n\n\n"),
        "one blank line between paragraphs:\n{text}"
    );
    // Nobody but the service team sees it.
    let admin = app
        .signed_in(&Registration::installer("boss@t.de", "T Solar"))
        .await;
    assert!(!admin.page("/tickets").await.1.contains("2026-000001"));
    assert_eq!(admin.get("/tickets/1").await.status(), 404);
}

#[tokio::test]
async fn signed_in_requests_appear_in_ticket_tracking_for_whom_they_concern() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("boss@tt.de", "TT Solar"))
        .await;
    // An installer of the company.
    let inst = app
        .invite_and_join(&admin, "inst@tt.de", "installer", ("Ivo", "Inst"))
        .await;
    let plant = plant_with_device(&inst, "2130077777").await;
    let other = app
        .signed_in(&Registration::installer("boss@other-tt.de", "Other TT"))
        .await;

    let r = inst
        .post(
            "/contact",
            &[
                ("topic", "technical"),
                ("serial", "2130077777"),
                ("message", "Wechselrichter meldet Ereignis 3501"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let ticket = r.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (status, html) = inst.page(&format!("{ticket}?saved=created")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("has been received") && html.contains("Wechselrichter meldet Ereignis 3501")
    );
    assert!(
        html.contains(&format!("/plants/{plant}")),
        "tied to the device's plant"
    );
    app.mail("inst@tt.de", "Wechselrichter meldet").await;

    // His Ticket Tracking, his administrator's, not another company's.
    assert!(
        inst.page("/tickets")
            .await
            .1
            .contains("Wechselrichter meldet Ereignis 3501")
    );
    assert!(
        admin
            .page("/tickets")
            .await
            .1
            .contains("Wechselrichter meldet Ereignis 3501")
    );
    assert!(!other.page("/tickets").await.1.contains("Wechselrichter"));
    assert_eq!(other.get(&ticket).await.status(), 404);
    assert_eq!(
        other
            .multipart(&format!("{ticket}/messages"), &[("message", "hi")], &[])
            .await
            .status(),
        404
    );
    // The device's page lists it too.
    let (_, page) = inst.page(&format!("/plants/{plant}")).await;
    let device = page
        .split('"')
        .find(|s| {
            s.strip_prefix("/devices/")
                .is_some_and(|id| id.parse::<u64>().is_ok())
        })
        .unwrap()
        .to_owned();
    assert!(
        inst.page(&device)
            .await
            .1
            .contains("Wechselrichter meldet Ereignis 3501")
    );
    // The plant lists it; the overview counts it as open.
    let (_, html) = admin.page(&format!("/plants/{plant}")).await;
    assert!(html.contains("Wechselrichter meldet Ereignis 3501"));
    let (_, list) = admin.page("/plants").await;
    assert!(
        list.contains(r#"<td class="num" data-label="Open requests">1</td>"#),
        "one open request"
    );

    // The administrator's own request is his company's, not the installer's.
    admin
        .post(
            "/contact",
            &[
                ("topic", "general"),
                ("message", "Rechnungsfrage der Firma"),
            ],
        )
        .await;
    assert!(admin.page("/tickets").await.1.contains("Rechnungsfrage"));
    assert!(!inst.page("/tickets").await.1.contains("Rechnungsfrage"));

    // Replies go into the thread; an empty one is refused.
    assert_eq!(
        inst.multipart(&format!("{ticket}/messages"), &[("message", " ")], &[])
            .await
            .status(),
        422
    );
    assert_eq!(
        inst.multipart(
            &format!("{ticket}/messages"),
            &[("message", "Foto vom Display folgt")],
            &[]
        )
        .await
        .status(),
        303
    );
    assert!(
        admin
            .page(&ticket)
            .await
            .1
            .contains("Foto vom Display folgt")
    );

    // Open requests stay in Ticket Tracking however old.
    app.state.clock.advance(200 * 86_400);
    let inst2 = app.new_agent();
    inst2.login("inst@tt.de", crate::common::PASSWORD).await;
    assert!(
        inst2
            .page("/tickets")
            .await
            .1
            .contains("Wechselrichter meldet Ereignis 3501")
    );
}

#[tokio::test]
async fn systems_that_cannot_be_registered_lead_to_the_information_sheet() {
    let app = TestApp::spawn().await;
    let inst = app
        .signed_in(&Registration::installer("boss@info.de", "Info Solar"))
        .await;
    // The refusals link the form.
    let r = inst
        .post(
            "/plants/new",
            &[
                ("name", "Haus"),
                ("street", "Weg 1"),
                ("postal_code", "1010"),
                ("city", "Wien"),
                ("country", "AT"),
                ("smart_home", "on"),
            ],
        )
        .await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(r#"href="/info-sheet?system=smart-home""#)
    );
    let plant = plant_with_device(&inst, "2130033333").await;
    let r = inst
        .post(
            &format!("/plants/{plant}/devices"),
            &[("serial_number", "2130044444"), ("product", "9279")],
        )
        .await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(r#"href="/info-sheet?system=off-grid""#)
    );

    // Logged out, refusals keep what was typed; then it goes through with a number.
    let visitor = app.new_agent();
    let (status, html) = visitor.page("/info-sheet?system=off-grid").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<option value="off-grid" selected>"#));
    let r = visitor
        .post(
            "/info-sheet",
            &[
                ("name", "Olaf"),
                ("email", "olaf@example.com"),
                ("system", "off-grid"),
                ("serials", ""),
                ("site", "Alm 3, 6020 Innsbruck"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="serials-error""#) && html.contains("Alm 3, 6020 Innsbruck"));
    let r = visitor
        .post(
            "/info-sheet",
            &[
                ("name", "Olaf"),
                ("email", "olaf@example.com"),
                ("system", "off-grid"),
                ("serials", "2130044444\n2130044445"),
                ("site", "Alm 3, 6020 Innsbruck"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/contact/sent?number=")
    );
    let mail = app.mail("olaf@example.com", "Information sheet").await;
    assert!(mail.contains("Off-grid system"));
}

#[tokio::test]
async fn a_warranty_extension_is_requested_from_the_devices_warranty_line() {
    let app = TestApp::spawn().await;
    let inst = app
        .signed_in(&Registration::installer("boss@ext.de", "Ext Solar"))
        .await;
    let plant = plant_with_device(&inst, "2130055555").await;
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    // The device has no purchase or commissioning date yet: no extension line.
    assert!(!html.contains("/warranty-extension"));
    let device = html
        .split('"')
        .find_map(|s| s.strip_prefix("/devices/")?.parse::<u64>().ok())
        .unwrap();
    assert_eq!(
        inst.get(&format!("/devices/{device}/warranty-extension"))
            .await
            .status(),
        404
    );
    inst.post(
        &format!("/devices/{device}"),
        &[("purchase_date", "2025-03-01")],
    )
    .await;
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    let link = format!("/devices/{device}/warranty-extension");
    assert!(html.contains(&link));
    // The device's own page has the warranty line with "Order an extension" too.
    let (_, page) = inst.page(&format!("/devices/{device}")).await;
    let line = &page[page.find(r#"<dd id="warranty">"#).expect("a warranty line")..];
    let line = &line[..line.find("</dd>").unwrap()];
    assert!(
        line.contains("until 2030-02-28")
            && line.contains(&format!(
                r#"<a class="small" href="{link}">Order an extension</a>"#
            )),
        "{line}"
    );
    let (status, html) = inst.page(&link).await;
    assert_eq!(status, 200);
    assert!(html.contains("runs until 2030-02-28"));
    assert_eq!(inst.post(&link, &[("term", "7")]).await.status(), 422);
    let r = inst
        .post(&link, &[("term", "10"), ("message", "Bitte Angebot")])
        .await;
    assert_eq!(r.status(), 303);
    let ticket = r.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (_, html) = inst.page(&ticket).await;
    assert!(
        html.contains("Warranty extension +10 years for 2130055555")
            && html.contains("Warranty extension")
    );
    let other = app
        .signed_in(&Registration::installer("boss@noext.de", "NoExt Solar"))
        .await;
    assert_eq!(other.get(&link).await.status(), 404);
}

#[tokio::test]
async fn a_request_s_page_names_its_plant_and_words_the_wait_for_who_reads_it() {
    let app = TestApp::spawn().await;
    let (staff, company, plant, t) = app
        .workshop_with_request(osc::domain::ticket::TicketStatus::WaitingForCustomer)
        .await;
    let path = format!("/tickets/{}", t.id);
    let (status, customer) = company.admin.agent.page(&path).await;
    assert_eq!(status, 200);
    assert!(
        customer.contains(&format!(
            r#"<a href="/plants/{}">Scheune Nord</a>"#,
            plant.id
        )),
        "the plant by its name"
    );
    assert!(customer.contains("Waiting for you"));
    let (_, desk) = staff.page(&path).await;
    assert!(
        desk.contains("Waiting for the customer"),
        "the service team waits for the customer"
    );
    assert!(!desk.contains("Waiting for you"));
    let (_, queue) = staff.page("/service/tickets?state=all").await;
    assert!(queue.contains("Waiting for the customer"));
}
