//! Plant overview: registering and editing plants, who sees which plant, assignments.

use crate::common::{Agent, Registration, TestApp};

fn site(name: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("name", name),
        ("street", "Feldweg 2"),
        ("postal_code", "34266"),
        ("city", "Niestetal"),
        ("country", "DE"),
        ("latitude", "51,3127"),
        ("longitude", "9,4797"),
        ("commissioning_date", "2023-04-01"),
    ]
}

async fn create(agent: &Agent, fields: &[(&str, &str)]) -> u64 {
    let r = agent.post("/plants/new", fields).await;
    assert_eq!(r.status(), 303, "plant registered");
    r.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/plants/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn join(app: &TestApp, admin: &Agent, email: &str) -> Agent {
    app.invite_and_join(admin, email, "installer", ("Igor", email))
        .await
}

#[tokio::test]
async fn who_sees_which_plant() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("boss@a.de", "A Solar"))
        .await;
    let other_admin = app
        .signed_in(&Registration::installer("boss@b.de", "B Solar"))
        .await;
    let inst = join(&app, &admin, "inst@a.de").await;
    let colleague = join(&app, &admin, "colleague@a.de").await;
    let owner = app
        .signed_in(&Registration::operator("owner@example.com"))
        .await;
    let stranger = app
        .signed_in(&Registration::operator("stranger@example.com"))
        .await;

    let mut fields = site("Hof Sonnenschein");
    fields.push(("operator_name", "Olga Owner"));
    fields.push(("operator_email", "Owner@Example.com"));
    let plant = create(&inst, &fields).await;

    // The installer who registered it sees it (it is assigned to him), with its data.
    let (status, html) = inst.page(&format!("/plants/{plant}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Hof Sonnenschein") && html.contains("51.31270, 9.47970"));
    assert!(html.contains("openstreetmap.org/?mlat=51.3127&amp;mlon=9.4797"));
    let (_, list) = inst.page("/plants").await;
    assert!(list.contains("Hof Sonnenschein"));

    // The administrator sees every plant of the company, and who it is assigned to.
    let (_, list) = admin.page("/plants").await;
    assert!(list.contains("Hof Sonnenschein") && list.contains("Igor inst@a.de"));
    // The operator it names sees it; other operators and companies get a 404.
    assert_eq!(owner.get(&format!("/plants/{plant}")).await.status(), 200);
    assert!(owner.page("/plants").await.1.contains("Hof Sonnenschein"));
    for agent in [&stranger, &other_admin, &colleague] {
        assert_eq!(agent.get(&format!("/plants/{plant}")).await.status(), 404);
        assert!(!agent.page("/plants").await.1.contains("Hof Sonnenschein"));
    }
    assert_eq!(
        admin.get("/plants/999999").await.status(),
        404,
        "same as a plant that does not exist"
    );
    // The operator may look but not change a company's plant.
    assert_eq!(
        owner
            .post(&format!("/plants/{plant}"), &site("Mine now"))
            .await
            .status(),
        404
    );

    // The administrator assigns it to a colleague, who then sees it; and takes it away.
    let colleague_id = app.user("colleague@a.de").id.to_string();
    let r = admin
        .post(
            &format!("/plants/{plant}/assignees"),
            &[("installer_id", &colleague_id), ("action", "assign")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        colleague.get(&format!("/plants/{plant}")).await.status(),
        200
    );
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/assignees"),
            &[("installer_id", &colleague_id), ("action", "unassign")]
        )
        .await
        .status(),
        404,
        "installers do not assign"
    );
    admin
        .post(
            &format!("/plants/{plant}/assignees"),
            &[("installer_id", &colleague_id), ("action", "unassign")],
        )
        .await;
    assert_eq!(
        colleague.get(&format!("/plants/{plant}")).await.status(),
        404
    );
    // Another company's installer cannot be assigned.
    let foreign = app.user("boss@b.de").id.to_string();
    let r = admin
        .post(
            &format!("/plants/{plant}/assignees"),
            &[("installer_id", &foreign), ("action", "assign")],
        )
        .await;
    assert_eq!(r.status(), 404);

    // "Invite collaborators" lists the operator with contact data and the assignment count.
    let (_, members) = admin.page("/company/members").await;
    assert!(
        members.contains("Olga Owner")
            && members.contains("owner@example.com")
            && members.contains("+49 561 9522 0")
    );
    // The name next to the account's e-mail is the account holder's; the one the plant
    // gives is said as such.
    let row = &members[members
        .find("<td>Anna Müller<br>")
        .expect("the holder's name")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains("named “Olga Owner” in the plant")
            && row.contains(r#"href="mailto:owner@example.com""#),
        "{row}"
    );
    // Removing the installer drops his assignments; the plant stays with the company.
    let inst_id = app.user("inst@a.de").id;
    admin
        .post(&format!("/company/members/{inst_id}/remove"), &[])
        .await;
    let (_, list) = admin.page("/plants").await;
    assert!(list.contains("Hof Sonnenschein") && list.contains("not assigned"));
}

#[tokio::test]
async fn plant_form_refusals_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let inst = app
        .signed_in(&Registration::installer("boss@c.de", "C Solar"))
        .await;
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec![("country", "FR")],
            "country-error",
            "only be registered in the countries",
        ),
        (
            vec![("latitude", "95")],
            "latitude-error",
            "outside the possible range",
        ),
        (
            vec![("longitude", "east")],
            "longitude-error",
            "number of degrees",
        ),
        (
            vec![("latitude", "")],
            "latitude-error",
            "both latitude and longitude",
        ),
        (
            vec![("commissioning_date", "2999-01-01")],
            "commissioning_date-error",
            "in the future",
        ),
        (
            vec![("operator_email", "not-mail")],
            "operator_email-error",
            "e-mail address",
        ),
        (vec![("name", " ")], "name-error", "fill in this field"),
        (
            vec![("smart_home", "on")],
            "smart_home-error",
            "Smart Home systems cannot be registered",
        ),
    ];
    for (changes, error_id, words) in cases {
        let mut fields = site("Dachanlage West");
        for (k, v) in &changes {
            fields.retain(|(f, _)| f != k);
            fields.push((k, v));
        }
        let r = inst.post("/plants/new", &fields).await;
        assert_eq!(r.status(), 422, "{error_id}");
        let html = r.text().await.unwrap();
        assert!(html.contains(&format!(r#"id="{error_id}""#)), "{error_id}");
        assert!(html.contains(words), "{error_id}: {words}");
        assert!(
            html.contains(r#"value="Feldweg 2""#),
            "{error_id}: typed values kept"
        );
    }
    assert!(
        !inst.page("/plants").await.1.contains("Dachanlage West"),
        "nothing saved"
    );
    // A refused edit keeps the saved plant as it was.
    let plant = create(&inst, &site("Dachanlage Ost")).await;
    let mut fields = site("");
    fields.retain(|(k, _)| *k != "country");
    fields.push(("country", "IT"));
    assert_eq!(
        inst.post(&format!("/plants/{plant}"), &fields)
            .await
            .status(),
        422
    );
    assert!(
        inst.page(&format!("/plants/{plant}"))
            .await
            .1
            .contains("Dachanlage Ost")
    );
    let mut fields = site("Dachanlage Ost 2");
    fields.retain(|(k, _)| *k != "country" && *k != "postal_code");
    fields.push(("country", "AT"));
    fields.push(("postal_code", "8010"));
    assert_eq!(
        inst.post(&format!("/plants/{plant}"), &fields)
            .await
            .status(),
        303
    );
    assert!(
        inst.page(&format!("/plants/{plant}"))
            .await
            .1
            .contains("Dachanlage Ost 2")
    );
}

#[tokio::test]
async fn an_operators_own_plant_is_his_alone() {
    let app = TestApp::spawn().await;
    let owner = app
        .signed_in(&Registration::operator("paul@example.com"))
        .await;
    let admin = app
        .signed_in(&Registration::installer("boss@d.de", "D Solar"))
        .await;
    let plant = create(&owner, &site("Gartenhaus")).await;
    let (_, html) = owner.page(&format!("/plants/{plant}")).await;
    assert!(
        html.contains("Gartenhaus") && html.contains("paul@example.com"),
        "he is its operator"
    );
    assert!(
        !html.contains(r#"name="operator_email""#),
        "no operator fields for his own plant"
    );
    assert_eq!(admin.get(&format!("/plants/{plant}")).await.status(), 404);
    assert_eq!(
        owner
            .post(&format!("/plants/{plant}"), &site("Gartenhaus Süd"))
            .await
            .status(),
        303
    );
}

#[tokio::test]
async fn the_overview_filters_and_pages() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("boss@e.de", "E Solar"))
        .await;
    let (_, html) = admin.page("/plants").await;
    assert!(
        html.contains("No plants yet"),
        "an empty state that says what to do"
    );
    for i in 0..53 {
        let name = format!("Anlage {i:02}");
        create(&admin, &site(&name)).await;
    }
    create(
        &admin,
        &[
            ("name", "Müllerhof"),
            ("street", "Weg 1"),
            ("postal_code", "6020"),
            ("city", "Innsbruck"),
            ("country", "AT"),
        ],
    )
    .await;
    let (_, html) = admin.page("/plants?q=mullerhof").await;
    assert!(
        html.contains("Müllerhof") && !html.contains("Anlage 01"),
        "accent-insensitive filter"
    );
    let (_, html) = admin.page("/plants?q=innsbruck").await;
    assert!(html.contains("Müllerhof"));
    let (_, first) = admin.page("/plants").await;
    assert!(
        first.contains("54 plants") && first.contains("Page 1 of 2") && first.contains("Anlage 00")
    );
    let (_, second) = admin.page("/plants?page=2").await;
    assert!(second.contains("Page 2 of 2") && !second.contains(">Anlage 00</a></td>"));
    assert_eq!(admin.get("/plants?page=abc").await.status(), 400);
    let (_, html) = admin.page("/plants?q=nothing-like-this").await;
    assert!(html.contains("No plant matches"));
}

#[tokio::test]
async fn a_plant_page_opens_with_a_summary_and_tabs_to_its_parts() {
    let app = TestApp::spawn().await;
    let (staff, company, plant, ticket) = app
        .workshop_with_request(osc::domain::ticket::TicketStatus::InProgress)
        .await;
    let admin = &company.admin.agent;
    let path = format!("/plants/{}", plant.id);
    let (_, html) = admin.page(&path).await;

    // The summary says what matters at a glance.
    assert!(
        html.contains("<dt>Devices</dt><dd>1</dd>"),
        "devices counted"
    );
    assert!(
        html.contains("<dt>Open requests</dt><dd>1</dd>"),
        "open requests"
    );
    // Tabs lead to each part of the page, in this order, and each part is there.
    let nav = &html[html
        .find(r#"<nav class="tabs in-page" aria-label="Parts of this plant">"#)
        .expect("the plant's tabs")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let mut at = 0;
    for (target, label) in [
        ("devices", "Devices"),
        ("subplants", "Sub-plants"),
        ("documents", "Documents"),
        ("tickets", "Ticket Tracking"),
        ("assignees", "Assignment to installers"),
        ("edit", "Plant data"),
    ] {
        let link = format!(r##"<a href="#{target}">{label}"##);
        let found = nav[at..]
            .find(&link)
            .unwrap_or_else(|| panic!("{link} in {nav}"));
        at += found;
        assert!(html.contains(&format!(r#"id="{target}""#)), "#{target}");
    }
    // The plant's data, changed seldom, is folded; a refused change opens it.
    assert!(html.contains(r#"<details class="plant-data">"#));
    let r = admin.post(&path, &[("name", "")]).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(r#"<details class="plant-data" open>"#)
    );

    // The service team reads the plant's request inside the desk, its tabs kept.
    let (_, page) = staff.page(&format!("/tickets/{}", ticket.id)).await;
    assert!(page.contains(r#"<nav class="tabs" aria-label="Service desk">"#));
    assert!(page.contains(r#"<a href="/service/tickets" aria-current="page">Queue</a>"#));
}

#[tokio::test]
async fn plants_at_one_place_are_one_dot_with_their_count_on_the_map() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("boss@karte.de", "Karte Solar"))
        .await;
    for (name, postal_code, city, lat, lon) in [
        ("Halle 1", "34117", "Kassel", "51.3127", "9.4797"),
        ("Halle 2", "34117", "Kassel", "51.3127", "9.4797"),
        ("Halle 3", "34117", "Kassel", "51.3128", "9.4798"),
        ("Rathaus", "80331", "München", "48.1372", "11.5756"),
    ] {
        admin.plant_at(name, (postal_code, city), (lat, lon)).await;
    }
    let (_, html) = admin.page("/plants").await;
    let dots = &html[html.find(r#"<g class="dots">"#).expect("the map's dots")..];
    let dots = &dots[..dots.find("</g>").unwrap()];
    // One dot for the three in Kassel, leading to them; one for the town hall.
    assert_eq!(dots.matches("<a ").count(), 2, "{dots}");
    assert!(dots.contains(
        r#"<a class="cluster" href="/plants?q=34117" aria-label="3 plants here: Halle 1, Halle 2, Halle 3">"#
    ));
    assert!(dots.contains(r#"aria-label="Rathaus""#));
}
