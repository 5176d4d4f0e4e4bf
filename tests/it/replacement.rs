//! Device replacement requests from the form to the closed ticket: refusals that keep
//! what was typed, the proof of purchase, the states and refused transitions, the
//! e-mails of each step, the serial swap (old and new serial find device, plant and
//! request) and the inherited warranty; attachments and internal notes in the thread.

use crate::common::{Agent, Registration, TestApp};
use crate::search::hits;

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn id_of(location: &str, prefix: &str) -> u64 {
    location
        .trim_start_matches(prefix)
        .split(['?', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// A plant in Bern with one inverter bought on `purchase`; returns (plant, device).
pub async fn plant_with_inverter(agent: &Agent, serial: &str, purchase: &str) -> (u64, u64) {
    let r = agent
        .post(
            "/plants/new",
            &[
                ("name", "Scheune Aebi"),
                ("street", "Dorfstr. 9"),
                ("postal_code", "3012"),
                ("city", "Bern"),
                ("country", "CH"),
            ],
        )
        .await;
    let plant = id_of(r.headers()["location"].to_str().unwrap(), "/plants/");
    let r = agent
        .post(
            &format!("/plants/{plant}/devices"),
            &[
                ("serial_number", serial),
                ("product", "9088"),
                ("purchase_date", purchase),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = agent.page(&format!("/plants/{plant}")).await;
    let device = html
        .split('"')
        .find_map(|s| s.strip_prefix("/devices/")?.parse().ok())
        .unwrap();
    (plant, device)
}

/// `agent` files a replacement request for `device` with the invoice attached; the
/// response (303 to the request's page when accepted).
pub async fn file_with_invoice(agent: &crate::common::Agent, device: u64) -> reqwest::Response {
    let fields = request_fields(&device.to_string());
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    agent
        .multipart(
            "/tickets/replacement",
            &pairs,
            &[("file", "rechnung.pdf", PDF)],
        )
        .await
}

pub fn request_fields(device: &str) -> Vec<(&'static str, String)> {
    [
        ("device", device),
        ("event", "Ereignis 3501"),
        (
            "description",
            "Isolationsfehler nach Gewitter, Display dunkel.",
        ),
        ("failure_date", "2026-11-20"),
        ("role", "installer"),
        ("address", "new"),
        ("recipient", "Aebi Solar AG"),
        ("street", "Lagerweg 1"),
        ("postal_code", "3012"),
        ("city", "Bern"),
        ("country", "CH"),
        ("onsite_name", "Urs Aebi"),
        ("onsite_phone", "+41 31 555 12 12"),
        ("confirm_pickup", "on"),
        ("confirm_accessories", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

async fn submit(
    agent: &Agent,
    fields: &[(&'static str, String)],
    files: &[(&str, &str, &[u8])],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    agent.multipart("/tickets/replacement", &pairs, files).await
}

async fn move_to(staff: &Agent, ticket: u64, fields: &[(&str, &str)]) -> (u16, String) {
    let r = staff
        .post(&format!("/tickets/{ticket}/status"), fields)
        .await;
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

#[tokio::test]
async fn a_replacement_request_from_the_form_to_the_closed_ticket() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer(
            "urs@aebi-solar.ch",
            "Aebi Solar AG",
        ))
        .await;
    let (plant, device) = plant_with_inverter(&admin, "2130012345", "2022-03-15").await;

    // The device's serial preselects it.
    let (_, html) = admin.page("/tickets/replacement?serial=2130012345").await;
    assert!(html.contains(&format!(r#"<option value="{device}" selected"#)));
    assert!(html.contains("without accessories") && html.contains("5 business days"));

    // Everything missing: a message next to each field, nothing filed.
    let r = admin.multipart("/tickets/replacement", &[], &[]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for message in [
        "Choose the device from the list or type its serial number.",
        "Attach the proof of purchase",
        "Please confirm that the failed device will be ready for pickup.",
        "Please confirm that you know the replacement ships without accessories.",
    ] {
        assert!(html.contains(message), "{message}");
    }
    // One mistake: the rest of what was typed stays, the file must be chosen again.
    let mut fields = request_fields(&device.to_string());
    fields.retain(|(k, _)| *k != "confirm_accessories");
    fields.push(("failure_date", "2099-01-01".into()));
    fields.retain(|(k, v)| *k != "failure_date" || v == "2099-01-01");
    let r = submit(&admin, &fields, &[("file", "rechnung.pdf", PDF)]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Isolationsfehler nach Gewitter") && html.contains("Urs Aebi"));
    assert!(html.contains("Please choose the file again"));
    assert!(html.contains("ships without accessories."));
    // A proof that is no PDF or image is refused by its content.
    let r = submit(
        &admin,
        &request_fields(&device.to_string()),
        &[("file", "rechnung.pdf", b"MZ\x90\x00 not a pdf")],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(admin.page("/tickets").await.1.contains("No requests yet"));

    // Filed: a number, the confirmation mail, the details on the ticket's page.
    let mut fields = request_fields(&device.to_string());
    fields.push(("save_address", "on".into()));
    let r = submit(&admin, &fields, &[("file", "rechnung.pdf", PDF)]).await;
    assert_eq!(r.status(), 303);
    let ticket = id_of(r.headers()["location"].to_str().unwrap(), "/tickets/");
    app.mail("urs@aebi-solar.ch", "Replacement of 2130012345")
        .await;
    let (_, html) = admin.page(&format!("/tickets/{ticket}")).await;
    for fact in [
        "Ereignis 3501",
        "2026-11-20",
        "Lagerweg 1",
        "Urs Aebi",
        "+41 31 555 12 12",
        "Submitted",
        "rechnung.pdf",
    ] {
        assert!(html.contains(fact), "{fact}");
    }
    assert!(
        !html.contains("Change the state"),
        "customers do not move tickets"
    );
    let r = admin.get(&format!("/tickets/{ticket}/attachments/1")).await;
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);
    // The new address went to the profile as asked; the plant lists the request.
    assert!(admin.page("/profile").await.1.contains("Lagerweg 1"));
    assert!(
        admin
            .page(&format!("/plants/{plant}"))
            .await
            .1
            .contains("Replacement of 2130012345")
    );

    // Customers cannot move it; the service team only along the transitions.
    assert_eq!(
        admin
            .post(&format!("/tickets/{ticket}/status"), &[("to", "approved")])
            .await
            .status(),
        404
    );
    let staff = app.staff("sam@service.example").await;
    let (status, html) = move_to(&staff, ticket, &[("to", "shipped")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("This state cannot follow the current one."));
    let (status, _) = move_to(&staff, ticket, &[("to", "in-review")]).await;
    assert_eq!(status, 303);
    app.mail("urs@aebi-solar.ch", "is now: In review").await;
    let (status, html) = move_to(&staff, ticket, &[("to", "approved")]).await;
    assert_eq!(status, 422, "approving needs the RMA number");
    assert!(html.contains(r#"id="rma-error""#));
    move_to(&staff, ticket, &[("to", "approved"), ("rma", "RMA-778899")]).await;
    app.mail("urs@aebi-solar.ch", "RMA-778899").await;
    // Shipping needs the tracking number and a serial that is free.
    plant_with_inverter(&admin, "2130054321", "2023-01-01").await;
    let (status, html) = move_to(
        &staff,
        ticket,
        &[
            ("to", "shipped"),
            ("tracking", "00340434161094042557"),
            ("new_serial", "2130054321"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("This serial number is registered already."));
    let (status, _) = move_to(
        &staff,
        ticket,
        &[
            ("to", "shipped"),
            ("tracking", "00340434161094042557"),
            ("new_serial", "2130099999"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let mail = app.mail("urs@aebi-solar.ch", "00340434161094042557").await;
    assert!(mail.contains("2130099999"));

    // The device carries on under the new serial; both serials find plant and request.
    let (_, html) = admin.page(&format!("/plants/{plant}")).await;
    assert!(html.contains("2130099999") && !html.contains(">2130012345<"));
    for serial in ["2130012345", "2130099999"] {
        let (_, html) = admin.page(&format!("/plants?q={serial}")).await;
        assert!(html.contains("Scheune Aebi"), "plant by {serial}");
        app.state.indexer.flush().await;
        app.state.search.reload().unwrap();
        let (_, html) = admin.page(&format!("/tickets?q={serial}")).await;
        assert_eq!(hits(&html), 1, "request by {serial}");
    }
    // The factory warranty (to 2027-03-14) is less than a year away: a year it is.
    let (_, html) = admin.page(&format!("/devices/{device}")).await;
    assert!(
        html.contains("2130012345 replaced by 2130099999"),
        "the swap history"
    );
    let today = time::OffsetDateTime::from_unix_timestamp(app.state.clock.now() as i64)
        .unwrap()
        .date();
    let year = time::Date::from_calendar_date(today.year() + 1, today.month(), today.day())
        .unwrap()
        .previous_day()
        .unwrap();
    let inherited = year.max(time::macros::date!(2027 - 03 - 14)).to_string();
    assert!(
        html.contains(&inherited),
        "warranty inherited until {inherited}"
    );

    move_to(&staff, ticket, &[("to", "awaiting-return")]).await;
    app.mail(
        "urs@aebi-solar.ch",
        "ready for pickup within 5 business days",
    )
    .await;
    move_to(&staff, ticket, &[("to", "closed")]).await;
    let (status, _) = move_to(&staff, ticket, &[("to", "in-review")]).await;
    assert_eq!(status, 422, "closed is final");
    let (_, html) = admin.page(&format!("/tickets/{ticket}")).await;
    for step in [
        "Submitted",
        "In review",
        "Approved",
        "Replacement shipped",
        "Awaiting the failed device",
        "Closed",
        "RMA-778899",
        "00340434161094042557",
    ] {
        assert!(html.contains(step), "{step}");
    }
}

#[tokio::test]
async fn the_thread_carries_files_answers_and_notes_the_customer_never_sees() {
    let app = TestApp::spawn().await;
    let customer = app
        .signed_in(&Registration::operator("lea@example.com").with("language", "de"))
        .await;
    let other = app
        .signed_in(&Registration::installer("max@other.de", "Other Solar"))
        .await;
    let r = customer
        .post(
            "/contact",
            &[("topic", "general"), ("message", "Frage zur Anlage")],
        )
        .await;
    let ticket = id_of(r.headers()["location"].to_str().unwrap(), "/tickets/");
    let path = format!("/tickets/{ticket}/messages");

    // Files follow the documents' rules.
    let r = customer
        .multipart(
            &path,
            &[("message", "Hier das Foto")],
            &[("file", "foto.png", b"not a png at all")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let six: Vec<(&str, &str, &[u8])> = (0..6).map(|_| ("file", "a.txt", &b"x"[..])).collect();
    let r = customer
        .multipart(&path, &[("message", "Viele")], &six)
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("höchstens fünf Dateien"));
    let r = customer
        .multipart(
            &path,
            &[("message", "Hier der Bericht")],
            &[("file", "bericht.txt", b"Ereignis 3501")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        other
            .get(&format!("/tickets/{ticket}/attachments/1"))
            .await
            .status(),
        404
    );

    // An answer reaches the customer by mail, in German; a note reaches nobody.
    let staff = app.staff("sam@service.example").await;
    assert_eq!(
        staff
            .multipart(&path, &[("message", "Bitte Foto vom Typenschild.")], &[])
            .await
            .status(),
        303
    );
    let mail = app
        .mail("lea@example.com", "Bitte Foto vom Typenschild.")
        .await;
    assert!(mail.contains("Antwort auf Ihre Anfrage"));
    assert_eq!(
        staff
            .multipart(
                &path,
                &[
                    ("message", "Kulanzfall pruefen Wichtelmann"),
                    ("internal", "on")
                ],
                &[("file", "intern.txt", b"nur intern")],
            )
            .await
            .status(),
        303
    );
    let (_, staff_view) = staff.page(&format!("/tickets/{ticket}")).await;
    assert!(staff_view.contains("Wichtelmann") && staff_view.contains("Internal note"));
    let (_, customer_view) = customer.page(&format!("/tickets/{ticket}")).await;
    assert!(!customer_view.contains("Wichtelmann") && !customer_view.contains("intern.txt"));
    assert_eq!(
        customer
            .get(&format!("/tickets/{ticket}/attachments/2"))
            .await
            .status(),
        404,
        "a note's file stays internal"
    );
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    assert_eq!(hits(&customer.page("/tickets?q=Wichtelmann").await.1), 0);
    assert_eq!(hits(&staff.page("/tickets?q=Wichtelmann").await.1), 0);
    assert!(
        !app.mails_to("lea@example.com")
            .iter()
            .any(|m| m.contains("Wichtelmann")),
        "no mail carries a note"
    );

    // Waiting for the customer: his answer puts it back to work.
    move_to(&staff, ticket, &[("to", "in-progress")]).await;
    move_to(&staff, ticket, &[("to", "waiting")]).await;
    app.mail("lea@example.com", "Wartet auf Sie").await;
    customer
        .multipart(&path, &[("message", "Foto anbei")], &[])
        .await;
    let (_, html) = customer.page(&format!("/tickets/{ticket}")).await;
    let badge = html.find("badge").unwrap();
    assert!(html[badge..].contains("In Bearbeitung"));
}

#[tokio::test]
async fn contact_requests_move_along_their_own_states_and_leave_the_window_when_closed() {
    let app = TestApp::spawn().await;
    // Logged out: the answer goes to the address given.
    let r = app
        .new_agent()
        .post(
            "/contact",
            &[
                ("name", "Hans Gast"),
                ("email", "hans@gast.de"),
                ("topic", "login"),
                ("message", "Ich komme nicht mehr rein"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let staff = app.staff("sam@service.example").await;
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    let (_, html) = staff.page("/tickets?q=gast").await;
    assert_eq!(hits(&html), 1);
    let ticket: u64 = html
        .split(r#"<td><a href="/tickets/"#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    staff
        .multipart(
            &format!("/tickets/{ticket}/messages"),
            &[("message", "Bitte setzen Sie Ihr Passwort zurück.")],
            &[],
        )
        .await;
    app.mail("hans@gast.de", "Bitte setzen Sie Ihr Passwort zurück.")
        .await;
    let (status, _) = move_to(&staff, ticket, &[("to", "closed")]).await;
    assert_eq!(status, 422, "new → closed skips the work");
    let (status, _) = move_to(&staff, ticket, &[("to", "approved")]).await;
    assert_eq!(status, 422, "contact requests are never approved");
    let (status, _) = move_to(&staff, ticket, &[("to", "no-such-state")]).await;
    assert_eq!(status, 422);

    // A customer's closed request stays in Ticket Tracking for 92 days after its last
    // update, an open one always.
    let customer = app
        .signed_in(&Registration::operator("pia@example.com"))
        .await;
    for text in ["Erledigte Frage", "Offene Frage"] {
        customer
            .post("/contact", &[("topic", "general"), ("message", text)])
            .await;
    }
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    let (_, html) = staff.page("/tickets?q=erledigte").await;
    let closed: u64 = html
        .split(r#"<td><a href="/tickets/"#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    move_to(&staff, closed, &[("to", "in-progress")]).await;
    move_to(&staff, closed, &[("to", "closed")]).await;
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    app.state.clock.advance(91 * 86_400);
    let customer = app.new_agent();
    customer
        .login("pia@example.com", crate::common::PASSWORD)
        .await;
    let (_, html) = customer.page("/tickets").await;
    assert!(html.contains("Erledigte Frage") && html.contains("Offene Frage"));
    app.state.clock.advance(2 * 86_400);
    let customer = app.new_agent();
    customer
        .login("pia@example.com", crate::common::PASSWORD)
        .await;
    let (_, html) = customer.page("/tickets").await;
    assert!(!html.contains("Erledigte Frage") && html.contains("Offene Frage"));
    let (_, html) = customer.page("/tickets?q=erledigte").await;
    assert_eq!(hits(&html), 0, "nor does search find it");
}

/// The opening tag of the input or select with `id` in `html`.
fn tag_of<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!(r#"id="{id}""#))
        .unwrap_or_else(|| panic!("#{id}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..at + html[at..].find('>').unwrap()]
}

#[tokio::test]
async fn the_form_asks_only_for_what_the_choices_leave_open() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer(
            "urs@aebi-solar.ch",
            "Aebi Solar AG",
        ))
        .await;
    // Without a registered device the product is needed.
    let (_, html) = admin.page("/tickets/replacement").await;
    assert!(tag_of(&html, "product").contains(" required"));
    let (_, device) = plant_with_inverter(&admin, "2130012345", "2022-03-15").await;

    // With a registered device to choose, the product is only for another device; with
    // a saved address, the new one is folded away and not marked required.
    let (_, html) = admin.page("/tickets/replacement").await;
    assert!(!tag_of(&html, "product").contains(" required"));
    assert!(html.contains("Only for a device not in the list"));
    for id in ["recipient", "street", "postal_code", "city", "country"] {
        assert!(!tag_of(&html, id).contains("required"), "{id}");
    }
    assert!(
        html.contains(
            r#"<details class="add-address"><summary>Send it to a new address</summary>"#
        )
    );

    // Asking for a new address and leaving it empty: the fold opens with the messages.
    let mut fields = request_fields(&device.to_string());
    fields.retain(|(k, _)| !matches!(*k, "recipient" | "street" | "postal_code" | "city"));
    let r = submit(&admin, &fields, &[("file", "rechnung.pdf", PDF)]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"<details class="add-address" open>"#));
    assert!(tag_of(&html, "street").contains("aria-invalid"));
}

/// A replacement request of Aebi Solar's administrator (`urs@aebi-solar.ch`) for
/// inverter 2130012345, just filed: (administrator, request id).
async fn filed_replacement(app: &TestApp) -> (Agent, u64) {
    let admin = app
        .signed_in(&Registration::installer(
            "urs@aebi-solar.ch",
            "Aebi Solar AG",
        ))
        .await;
    let (_, device) = plant_with_inverter(&admin, "2130012345", "2022-03-15").await;
    let r = file_with_invoice(&admin, device).await;
    assert_eq!(r.status(), 303);
    (
        admin,
        id_of(r.headers()["location"].to_str().unwrap(), "/tickets/"),
    )
}

/// The request of [`filed_replacement`], approved by the service team with RMA number `RMA-778899`:
/// (administrator, service team, request id).
pub async fn approved_replacement(app: &TestApp) -> (Agent, Agent, u64) {
    let (admin, ticket) = filed_replacement(app).await;
    let staff = app.staff("sam@service.example").await;
    assert_eq!(move_to(&staff, ticket, &[("to", "in-review")]).await.0, 303);
    let (status, _) = move_to(&staff, ticket, &[("to", "approved"), ("rma", "RMA-778899")]).await;
    assert_eq!(status, 303);
    (admin, staff, ticket)
}

#[tokio::test]
async fn an_approved_replacement_has_a_return_slip_with_its_rma_number_as_a_qr_code() {
    let app = TestApp::spawn_with(|c| {
        c.branding.return_address =
            "Online Service – Retouren\nSonnenallee 1\n34266 Niestetal".into();
    })
    .await;
    let (admin, staff, ticket) = approved_replacement(&app).await;
    let slip = format!("/tickets/{ticket}/return-slip");
    let (_, page) = admin.page(&format!("/tickets/{ticket}")).await;
    assert!(
        page.contains(&format!(r#"href="{slip}""#)),
        "linked from the request"
    );
    for agent in [&admin, &staff] {
        let (status, html) = agent.page(&slip).await;
        assert_eq!(status, 200);
        for part in [
            "<code>RMA-778899</code>",
            r#"<svg class="qr""#,
            r#"aria-label="QR code of the RMA number RMA-778899""#,
            "2130012345",
            "Aebi Solar AG",
            "Lagerweg 1",
            "<strong>Online Service – Retouren</strong><br>Sonnenallee 1<br>34266 Niestetal",
        ] {
            assert!(html.contains(part), "{part}");
        }
    }
    // Another company does not find it; a contact request has no slip.
    let other = app.company("Licht & Dach AG", "licht-dach.de").await;
    assert_eq!(other.admin.agent.page(&slip).await.0, 404);
    let r = admin
        .post("/contact", &[("topic", "other"), ("message", "Eine Frage")])
        .await;
    let contact = id_of(r.headers()["location"].to_str().unwrap(), "/tickets/");
    assert_eq!(
        admin
            .page(&format!("/tickets/{contact}/return-slip"))
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn before_its_approval_a_replacement_says_when_its_return_slip_comes() {
    let app = TestApp::spawn().await;
    let (admin, ticket) = filed_replacement(&app).await;
    let (_, page) = admin.page(&format!("/tickets/{ticket}")).await;
    assert!(!page.contains("/return-slip"), "no link yet");
    let (status, html) = admin.page(&format!("/tickets/{ticket}/return-slip")).await;
    assert_eq!(status, 200);
    assert!(html.contains("This request has no RMA number yet"));
    assert!(!html.contains("<svg"));
}
