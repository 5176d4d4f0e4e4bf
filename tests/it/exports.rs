//! Exports of lists: the queue, Ticket Tracking, the plant overview and a plant's devices
//! as CSV (byte order mark, the separator of the reader's language, every filter, every
//! page) and as XLSX (read back); each holds what the same person's list shows, and
//! nothing of another company.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use osc::domain::ticket::TicketStatus;

use crate::common::{Agent, TestApp};

/// The ticket numbers a list page links to, in order.
fn numbers_on(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("<a href=\"/tickets/") {
        rest = &rest[at..];
        if let Some(code) = rest.find("<code>") {
            let start = code + "<code>".len();
            let end = rest[start..].find("</code>").unwrap() + start;
            let number = &rest[start..end];
            if number.starts_with('T') || number.chars().any(|c| c.is_ascii_digit()) {
                out.push(number.to_owned());
            }
        }
        rest = &rest[1..];
    }
    out.dedup();
    out
}

/// Every page of a list from `path`, following its "next" links.
async fn every_page(agent: &Agent, path: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    let mut next = Some(path.to_owned());
    let mut pages = 0;
    while let Some(path) = next.take() {
        let (status, page) = agent.page(&path).await;
        assert_eq!(status, 200, "{path}");
        numbers.extend(numbers_on(&page));
        pages += 1;
        if let Some(at) = page.find(r#"rel="next""#) {
            let href = page[..at].rfind("href=\"").unwrap() + 6;
            let end = page[href..].find('"').unwrap() + href;
            next = Some(page[href..end].replace("&amp;", "&"));
        }
    }
    assert!(pages > 1, "the list has several pages");
    numbers
}

/// A download: its status, content type, file name and bytes.
async fn download(agent: &Agent, path: &str) -> (u16, String, String, Vec<u8>) {
    let r = agent.get(path).await;
    let status = r.status().as_u16();
    let header = |name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (kind, disposition) = (header("content-type"), header("content-disposition"));
    (status, kind, disposition, r.bytes().await.unwrap().to_vec())
}

/// The records of a CSV file after its byte order mark, split at `separator`.
fn records(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    let bom = "\u{feff}".as_bytes();
    assert!(bytes.starts_with(bom), "a byte order mark first");
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(&bytes[bom.len()..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_csv_of_a_filtered_queue_holds_every_page_of_the_list_in_german_with_semicolons() {
    let app = TestApp::spawn().await;
    let (staff, company, _, _) = app.workshop_with_request(TicketStatus::New).await;
    let sam = app.user("sam@service.example");
    let other = app.company("Licht & Dach AG", "licht-dach.de").await;
    // 130 open requests of Kühn and 20 closed ones, and 30 of another company: the
    // filter (Kühn, open) keeps 131 of them, three pages of 50.
    for i in 0..130 {
        let status = [TicketStatus::New, TicketStatus::InProgress][i % 2];
        app.ticket_in(&company.admin.user, None, &sam, status);
    }
    for _ in 0..20 {
        app.ticket_in(&company.admin.user, None, &sam, TicketStatus::Closed);
    }
    for _ in 0..30 {
        app.ticket_in(&other.admin.user, None, &sam, TicketStatus::New);
    }
    staff.get("/language/de").await;
    let filter = format!("company={}&state=open&sort=number", company.id);
    let listed = every_page(&staff, &format!("/service/tickets?{filter}")).await;
    assert_eq!(listed.len(), 131);

    let (status, kind, disposition, bytes) = download(
        &staff,
        &format!("/service/tickets/export?{filter}&format=csv"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(kind, "text/csv; charset=utf-8");
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(disposition.contains("warteschlange-"), "{disposition}");
    let rows = records(&bytes, b';');
    assert_eq!(rows[0][0], "Nummer", "German headings: {:?}", rows[0]);
    assert!(rows[0].len() > 5, "split at semicolons: {:?}", rows[0]);
    let exported: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        exported, listed,
        "the file lists what the pages list, in order"
    );
    assert!(
        rows[1..].iter().all(|r| r[3] == "Kühn Solar GmbH"),
        "only the company asked for"
    );
    // A search with a filter exports the hits the page shows.
    let number = &listed[0];
    let (_, page) = staff
        .page(&format!("/service/tickets?q={number}&state=all"))
        .await;
    let (_, _, _, bytes) = download(
        &staff,
        &format!("/service/tickets/export?q={number}&state=all&format=csv"),
    )
    .await;
    let rows = records(&bytes, b';');
    assert_eq!(
        rows[1..].iter().map(|r| r[0].clone()).collect::<Vec<_>>(),
        numbers_on(&page)
    );
    // Only the service team exports the queue; an unknown format is not found.
    let (status, ..) = download(&company.admin.agent, "/service/tickets/export?format=csv").await;
    assert_eq!(status, 404);
    let (status, ..) = download(&staff, "/service/tickets/export?format=pdf").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn ticket_tracking_exports_in_english_with_commas_and_nothing_of_another_company() {
    let app = TestApp::spawn().await;
    let (_, company, _, first) = app.workshop_with_request(TicketStatus::InProgress).await;
    let sam = app.user("sam@service.example");
    let other = app.company("Licht & Dach AG", "licht-dach.de").await;
    let foreign = app.ticket_in(&other.admin.user, None, &sam, TicketStatus::New);
    for _ in 0..60 {
        app.ticket_in(&company.installer.user, None, &sam, TicketStatus::New);
    }
    let admin = &company.admin.agent;
    admin.get("/language/en").await;
    let listed = every_page(admin, "/tickets?sort=number").await;
    assert_eq!(listed.len(), 61);
    let (status, _, disposition, bytes) =
        download(admin, "/tickets/export?sort=number&format=csv").await;
    assert_eq!(status, 200);
    assert!(disposition.contains("requests-"), "{disposition}");
    let rows = records(&bytes, b',');
    assert_eq!(rows[0][0], "Number", "{:?}", rows[0]);
    let exported: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(exported, listed);
    assert!(exported.contains(&first.number));
    assert!(
        !exported.contains(&foreign.number),
        "another company's request"
    );
    // The serial column holds the device of the first request.
    let row = rows.iter().find(|r| r[0] == first.number).unwrap();
    assert!(row.contains(&"3001234567".to_owned()), "{row:?}");
    // A search of another company's number finds nothing, in the file as on the page.
    let (_, _, _, bytes) = download(
        admin,
        &format!("/tickets/export?q={}&format=csv", foreign.number),
    )
    .await;
    assert_eq!(records(&bytes, b',').len(), 1, "the headings only");
}

/// The rows of the first sheet of an XLSX file.
fn sheet(bytes: Vec<u8>) -> Vec<Vec<Data>> {
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("the workbook opens");
    let range = book.worksheet_range_at(0).expect("a sheet").unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

#[tokio::test]
async fn xlsx_files_open_with_their_headings_dates_and_counts() {
    let app = TestApp::spawn().await;
    let (staff, company, plant, ticket) = app.workshop_with_request(TicketStatus::New).await;
    // The queue in French.
    staff.get("/language/fr").await;
    let (status, kind, disposition, bytes) =
        download(&staff, "/service/tickets/export?format=xlsx").await;
    assert_eq!(status, 200);
    assert_eq!(
        kind,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(disposition.contains(".xlsx"), "{disposition}");
    let rows = sheet(bytes);
    assert_eq!(rows[0][0], Data::String("Numéro".into()));
    assert_eq!(rows.len(), 2, "the heading and the one open request");
    assert_eq!(rows[1][0], Data::String(ticket.number.clone()));
    assert_eq!(rows[1][3], Data::String("Kühn Solar GmbH".into()));
    assert!(
        matches!(rows[1][10], Data::DateTime(_)),
        "the last update is a date: {:?}",
        rows[1][10]
    );

    // The plant overview and the plant's devices, for the company's administrator.
    let admin = &company.admin.agent;
    admin.get("/language/de").await;
    let (status, _, _, bytes) = download(admin, "/plants/export?format=xlsx").await;
    assert_eq!(status, 200);
    let rows = sheet(bytes);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], Data::String("Scheune Nord".into()));
    assert_eq!(rows[1][4], Data::String("Deutschland".into()));
    let (status, _, _, bytes) = download(admin, "/plants/export?format=csv&q=nichts").await;
    assert_eq!(status, 200);
    assert_eq!(records(&bytes, b';').len(), 1, "the filter applies");
    let path = format!("/plants/{}/devices/export?format=xlsx", plant.id);
    let (status, _, _, bytes) = download(admin, &path).await;
    assert_eq!(status, 200);
    let rows = sheet(bytes);
    assert_eq!(
        rows[1][0],
        Data::Float(3_001_234_567.0),
        "the serial as a number"
    );
    let (status, _, _, bytes) = download(
        admin,
        &format!("/plants/{}/devices/export?format=csv", plant.id),
    )
    .await;
    assert_eq!(status, 200);
    let rows = records(&bytes, b';');
    assert_eq!(rows[0][0], "Seriennummer");
    assert_eq!(rows[1][0], "3001234567");

    // Another company's plant and its devices are not found; its overview is empty.
    let other = app.company("Licht & Dach AG", "licht-dach.de").await;
    let (status, ..) = download(&other.admin.agent, &path).await;
    assert_eq!(status, 404);
    let (_, _, _, bytes) = download(&other.admin.agent, "/plants/export?format=csv").await;
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("Scheune Nord"));
    // Signed out, an export leads to the log-in like the list.
    let r = app.get("/tickets/export?format=csv").await;
    assert_ne!(r.status().as_u16(), 200);
}
