//! Ticket search from the box in Ticket Tracking: serials (exact and prefix), numbers,
//! customer names (case, accents, umlaut spellings, prefixes, one typo), words — and never
//! a hit from another company.

use osc::access::TicketScope;
use osc::search::query::search;

use crate::common::{Agent, Registration, TestApp};

async fn request(agent: &Agent, serial: &str, message: &str) -> String {
    let r = agent
        .post(
            "/contact",
            &[
                ("topic", "technical"),
                ("serial", serial),
                ("message", message),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    r.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

async fn indexed(app: &TestApp) {
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
}

/// Links to tickets on a page (`/tickets/<id>`).
pub fn hits(html: &str) -> usize {
    html.split(r#"<a href="/tickets/"#)
        .skip(1)
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .count()
}

#[tokio::test]
async fn search_finds_by_serial_name_number_and_words_within_the_company_only() {
    let app = TestApp::spawn().await;
    // Two companies whose people have the same names and write about the same serial.
    let a = app
        .signed_in(&Registration::installer(
            "anna@a-sun.de",
            "Sonnenschein GmbH",
        ))
        .await;
    let b = app
        .signed_in(
            &Registration::installer("anna@b-sun.de", "Sonnenschein AG")
                .with("postal_code", "80331"),
        )
        .await;
    let a_ticket = request(&a, "2130012345", "Display bleibt dunkel nach Gewitter").await;
    let b_ticket = request(&b, "2130012345", "Display bleibt dunkel nach Gewitter").await;
    request(&a, "2130012346", "Lüfter laut").await;
    let short = request(&a, "213001234", "Wechselrichter piept").await;
    // A logged-out request naming the same serial is the service team's alone.
    app.new_agent()
        .post(
            "/contact",
            &[
                ("name", "Anna Müller"),
                ("email", "anna@private.de"),
                ("topic", "technical"),
                ("serial", "2130012345"),
                ("message", "Display dunkel"),
            ],
        )
        .await;
    indexed(&app).await;

    let (_, html) = a.page("/tickets?q=2130012345").await;
    assert_eq!(hits(&html), 1, "the exact serial");
    assert!(
        html.contains(&format!(r#"href="{a_ticket}""#)) && html.contains("found by serial number")
    );
    assert!(
        !html.contains(&format!(r#"href="{b_ticket}""#)),
        "never another company's ticket"
    );

    // 213001234 is one ticket's whole serial and the start of two others: exact first.
    let (_, html) = a.page("/tickets?q=213001234").await;
    assert_eq!(hits(&html), 3);
    let first = html.find(r#"<td><a href="/tickets/"#).unwrap();
    assert!(
        html[first..].starts_with(&format!(r#"<td><a href="{short}""#)),
        "the exact serial ranks first"
    );

    let (_, html) = a.page("/tickets?q=2130%200123").await;
    assert_eq!(
        hits(&html),
        3,
        "a prefix of at least 4 digits, spaces ignored"
    );
    let (_, html) = a.page("/tickets?q=213").await;
    assert_eq!(hits(&html), 0, "three digits are no serial prefix");

    for q in [
        "muller",
        "M%C3%BCller",
        "mueller",
        "MUELLER",
        "m%C3%BCl",
        "muler",
        "anna%20muller",
        "sonnenschein",
    ] {
        let (_, html) = a.page(&format!("/tickets?q={q}")).await;
        assert_eq!(hits(&html), 3, "{q}");
        assert!(
            !html.contains(&format!(r#"href="{b_ticket}""#)),
            "{q}: no other company"
        );
    }
    let (_, html) = a.page("/tickets?q=anna%20schmidt").await;
    assert_eq!(hits(&html), 0, "every word must match");
    let (_, html) = a.page("/tickets?q=gewitter").await;
    assert_eq!(hits(&html), 1, "words of the messages");

    let number = a.page(&a_ticket).await.1.split("Request ").nth(1).unwrap()[..11].to_owned();
    let (_, html) = a.page(&format!("/tickets?q={number}")).await;
    assert_eq!(hits(&html), 1);
    assert!(html.contains("found by request number"));
    let (_, html) = b.page(&format!("/tickets?q={number}")).await;
    assert_eq!(hits(&html), 0, "another company's number finds nothing");

    let (_, html) = b.page("/tickets?q=muller").await;
    assert_eq!(hits(&html), 1, "B finds its own");
    assert!(html.contains(&format!(r#"href="{b_ticket}""#)));
}

#[tokio::test]
async fn a_new_request_is_findable_at_once_and_the_index_is_rebuilt_from_the_store() {
    let app = TestApp::spawn().await;
    let a = app
        .signed_in(&Registration::operator("olga@example.com"))
        .await;
    request(&a, "1900777777", "Kommunikation gestört").await;
    // Within a second, without help.
    let mut found = false;
    for _ in 0..40 {
        if hits(&a.page("/tickets?q=1900777777").await.1) == 1 {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(found, "searchable within two seconds");

    // Lose the index: the next start rebuilds it from the store.
    let dir = app.stop().await;
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let app = TestApp::spawn_in(dir, |_| {}).await;
    let a = app.new_agent();
    a.login("olga@example.com", crate::common::PASSWORD).await;
    assert_eq!(hits(&a.page("/tickets?q=1900777777").await.1), 1);
    assert_eq!(hits(&a.page("/tickets?q=mueller").await.1), 1);
}

#[tokio::test]
async fn ticket_tracking_filters_sorts_and_pages() {
    let app = TestApp::spawn().await;
    let a = app
        .signed_in(&Registration::operator("pia@example.com"))
        .await;
    for i in 0..52 {
        a.post(
            "/contact",
            &[("topic", "general"), ("message", &format!("Frage {i:02}"))],
        )
        .await;
    }
    let (_, html) = a.page("/tickets").await;
    assert!(
        html.contains("Frage 51") && !html.contains("Frage 00") && hits(&html) == 50,
        "newest first"
    );
    assert!(
        !html.contains(r#"rel="prev""#),
        "the first page has no previous one"
    );
    // The pager says where one is, as the plant overview does.
    assert!(html.contains(r#"<span aria-current="page">Page 1 of 2</span>"#));
    // Pages follow the key of the last row, not an offset.
    let next = html
        .split(r#"href=""#)
        .find_map(|s| {
            s.split_once(r#"" rel="next""#)
                .map(|(href, _)| href.replace("&amp;", "&"))
        })
        .expect("a link to the next page");
    assert!(next.contains("after="), "{next}");
    let (_, html) = a.page(&next).await;
    assert!(html.contains("Frage 00") && html.contains("Frage 01") && hits(&html) == 2);
    assert!(!html.contains(r#"rel="next""#), "the last page");
    assert!(html.contains(r#"<span aria-current="page">Page 2 of 2</span>"#));
    let previous = html
        .split(r#"href=""#)
        .find_map(|s| {
            s.split_once(r#"" rel="prev""#)
                .map(|(href, _)| href.replace("&amp;", "&"))
        })
        .expect("a link back");
    let (_, back) = a.page(&previous).await;
    assert!(back.contains("Frage 51") && back.contains("Frage 02") && hits(&back) == 50);
    assert!(back.contains(r#"<span aria-current="page">Page 1 of 2</span>"#));
    assert!(!back.contains("Frage 01"));
    let (_, html) = a.page("/tickets?sort=number").await;
    assert!(html.contains(r#"aria-sort="descending""#));
    // A search comes newest first too, its order still marked.
    let mut html = String::new();
    for _ in 0..100 {
        html = a.page("/tickets?q=Frage").await.1;
        if hits(&html) == 52 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (newer, older) = (html.find("Frage 51"), html.find("Frage 50"));
    assert!(
        newer.is_some() && newer < older,
        "newest first: {newer:?} {older:?} {}",
        hits(&html)
    );
    assert!(html.contains(r#"aria-sort="descending""#));
    let (_, html) = a.page("/tickets?state=closed").await;
    assert_eq!(hits(&html), 0, "none is closed");
    let (_, html) = a.page("/tickets?kind=replacement").await;
    assert_eq!(hits(&html), 0);
    let (_, html) = a.page("/tickets?kind=contact&state=open").await;
    assert_eq!(hits(&html), 50);
    // A damaged cursor shows the first page rather than failing.
    let (status, html) = a.page("/tickets?after=x.y&before=").await;
    assert_eq!(status, 200);
    assert!(html.contains("Frage 51"));
}

/// An anonymous contact request from `name`.
async fn anonymous(app: &TestApp, name: &str, message: &str) {
    let r = app
        .new_agent()
        .post(
            "/contact",
            &[
                ("name", name),
                ("email", "someone@example.org"),
                ("topic", "general"),
                ("message", message),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn typos_prefixes_and_spellings_find_the_names_and_stay_in_the_company() {
    let app = TestApp::spawn().await;
    let a = app
        .signed_in(
            &Registration::installer("anna@aebi-a.de", "Rüegg Aebi Solar")
                .with("last_name", "Bauer"),
        )
        .await;
    let b = app
        .signed_in(
            &Registration::installer("bert@aebi-b.de", "Rüegg Aebi Energie")
                .with("last_name", "Bauer")
                .with("postal_code", "80331"),
        )
        .await;
    request(&a, "2130099901", "Bitte ab sofort prüfen").await;
    request(&a, "2130099902", "Lüfter laut").await;
    request(&b, "2130099903", "Display dunkel").await;
    anonymous(&app, "Kai Werner", "Bitte ab morgen anrufen, ab 9 Uhr").await;
    anonymous(&app, "Jana Mueller", "Zähler").await;
    anonymous(&app, "Ole Sørensen", "Zähler").await;
    anonymous(&app, "Gerd Groß", "Zähler").await;
    indexed(&app).await;

    // A typo in a name whose folded spelling is shorter (Bauer → baur, Rüegg → rugg),
    // a prefix that folds to a common word (Aeb → ab): the company's two requests, never
    // the other company's.
    for q in [
        "Bauer", "Hauer", "Bkuer", "Rüego", "Ruegg", "Aeb", "aebi", "Rüe",
    ] {
        let (status, html) = a.page(&format!("/tickets?q={q}")).await;
        assert_eq!(status, 200);
        assert_eq!(hits(&html), 2, "{q} as company A");
    }
    let staff = app.staff("sam@service.example").await;
    // "ab" stands in a message without Aebi: the names come first.
    let (_, html) = staff.page("/service/tickets?q=Aeb").await;
    assert_eq!(
        hits(&html),
        3,
        "Aeb: the three requests of the Aebi companies"
    );
    assert!(!html.contains("Kai Werner"));
    // Umlaut spellings meet; ø and ß fold as they are indexed.
    for (q, who) in [
        ("müller", "Jana Mueller"),
        ("mueller", "Jana Mueller"),
        ("muller", "Jana Mueller"),
        ("Sørensen", "Ole Sørensen"),
        ("sorensen", "Ole Sørensen"),
        ("Groß", "Gerd Groß"),
        ("gross", "Gerd Groß"),
    ] {
        let (_, html) = staff.page(&format!("/service/tickets?q={q}")).await;
        assert_eq!(hits(&html), 1, "{q}");
        assert!(html.contains(who), "{q} finds {who}");
    }
}

#[tokio::test]
async fn a_whole_serial_or_number_finds_only_the_requester_s_own_tickets_in_the_window() {
    let app = TestApp::spawn().await;
    let pia = app
        .signed_in(&Registration::operator("pia@example.com"))
        .await;
    let olga = app
        .signed_in(&Registration::operator("olga@example.com").with("postal_code", "80331"))
        .await;
    let closed = request(&pia, "2130077777", "Fehler 3501").await;
    let open = request(&pia, "2130077777", "Fehler 3501 wieder").await;
    let other = request(&olga, "2130077777", "Fehler 3501").await;
    let staff = app.staff("sam@service.example").await;
    let closed_id = closed.trim_start_matches("/tickets/");
    for to in ["in-progress", "closed"] {
        let r = staff
            .post(&format!("/tickets/{closed_id}/status"), &[("to", to)])
            .await;
        assert_eq!(r.status(), 303, "{to}");
    }
    indexed(&app).await;
    let number = |html: &str| html.split("Request ").nth(1).unwrap()[..11].to_owned();
    let closed_number = number(&pia.page(&closed).await.1);
    let other_number = number(&olga.page(&other).await.1);

    let (_, html) = pia.page("/tickets?q=2130077777").await;
    assert_eq!(hits(&html), 2, "both of hers");
    assert!(
        !html.contains(&format!(r#"href="{other}""#)),
        "never Olga's"
    );
    let (_, html) = pia.page(&format!("/tickets?q={other_number}")).await;
    assert_eq!(hits(&html), 0, "Olga's number finds nothing for Pia");
    let (_, html) = olga.page("/tickets?q=2130077777").await;
    assert_eq!(hits(&html), 1);
    assert!(html.contains(&format!(r#"href="{other}""#)));
    // The index itself keeps the scope and the window (the pages check the scope once
    // more when they read the tickets).
    let id = |path: &str| path.trim_start_matches("/tickets/").parse::<u64>().unwrap();
    let pia_scope = TicketScope::Requester(app.user("pia@example.com").id);
    let found = |scope, since, q: &str| {
        let (mut ids, _) = search(&app.state.search, scope, since, q, 100).unwrap();
        ids.sort_unstable();
        ids
    };
    let now = i64::try_from(app.state.clock.now()).unwrap();
    assert_eq!(
        found(pia_scope, now - 60, "2130077777"),
        [id(&closed), id(&open)]
    );
    assert!(found(pia_scope, now - 60, &other_number).is_empty());
    assert_eq!(
        found(pia_scope, now + 3_600, "2130077777"),
        [id(&open)],
        "a window starting after the closed request's last update"
    );
    assert!(found(pia_scope, now + 3_600, &closed_number).is_empty());

    // 93 days on, the closed request has left Pia's window; the open one stays.
    app.state.clock.advance(93 * 86_400);
    let pia = app.new_agent();
    pia.login("pia@example.com", crate::common::PASSWORD).await;
    let (_, html) = pia.page("/tickets?q=2130077777").await;
    assert_eq!(hits(&html), 1, "only the open one");
    assert!(html.contains(&format!(r#"href="{open}""#)));
    let (_, html) = pia.page(&format!("/tickets?q={closed_number}")).await;
    assert_eq!(hits(&html), 0, "nor by its number");
    let staff = app.staff_again("sam@service.example").await;
    let (_, html) = staff.page("/tickets?q=2130077777").await;
    assert_eq!(
        hits(&html),
        3,
        "the service team sees every one, whatever its age"
    );
}
