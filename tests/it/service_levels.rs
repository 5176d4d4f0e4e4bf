//! Service levels with the test clock: the settings form and its errors, holidays added
//! by hand and from an `.ics` file, and a request's clocks on its page: across a weekend
//! and a holiday, paused while the request waits for the customer, and a change of the
//! hours applied from then on with what was due before it kept.

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use osc::domain::ticket::TicketStatus;

use crate::common::{Agent, TestApp};

/// Unix seconds of a Berlin wall-clock time.
fn berlin(day: Date, hour: i8) -> u64 {
    day.at(hour, 0, 0, 0)
        .to_zoned(TimeZone::get("Europe/Berlin").unwrap())
        .unwrap()
        .timestamp()
        .as_second() as u64
}

/// Moves the test clock on to `at`.
fn set_clock(app: &TestApp, at: u64) {
    let now = app.state.clock.now();
    assert!(at >= now, "the clock only moves on");
    app.state.clock.advance(at - now);
}

/// The next `weekday` at least two days after the test clock's today, in Berlin.
fn next(app: &TestApp, weekday: Weekday) -> Date {
    let today = jiff::Timestamp::from_second(app.state.clock.now() as i64)
        .unwrap()
        .to_zoned(TimeZone::get("Europe/Berlin").unwrap())
        .date();
    let mut day = today.tomorrow().unwrap().tomorrow().unwrap();
    while day.weekday() != weekday {
        day = day.tomorrow().unwrap();
    }
    day
}

/// The hours every test keeps: Monday to Friday, 08:00 to 17:00 in Berlin; contact
/// requests answered within 4 business hours and resolved within 10.
const HOURS: [(&str, &str); 13] = [
    ("zone", "Europe/Berlin"),
    ("mon_open", "08:00"),
    ("mon_close", "17:00"),
    ("tue_open", "08:00"),
    ("tue_close", "17:00"),
    ("wed_open", "08:00"),
    ("wed_close", "17:00"),
    ("thu_open", "08:00"),
    ("thu_close", "17:00"),
    ("fri_open", "08:00"),
    ("fri_close", "17:00"),
    ("contact_first", "4"),
    ("contact_resolution", "10"),
];

/// A portal whose test clock moves on by days (sessions last as long), its service team
/// (`sam`, signed in and as a user) and a customer company.
async fn desk() -> (
    TestApp,
    Agent,
    osc::store::users::User,
    crate::fixtures::Company,
) {
    let app = TestApp::spawn_with(|c| {
        c.security.session_idle_minutes = 30 * 24 * 60;
        c.security.session_absolute_hours = 30 * 24;
    })
    .await;
    let staff = app.staff("sam@service.example").await;
    let sam = app.user("sam@service.example");
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    (app, staff, sam, company)
}

async fn keep_hours(staff: &Agent) {
    let r = staff.post("/service/levels", &HOURS).await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn bad_settings_are_refused_next_to_their_fields_and_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    let (_, page) = staff.page("/service/levels").await;
    assert!(page.contains("No service levels are kept yet"));
    let mut typed = HOURS.to_vec();
    typed[0] = ("zone", "Mars/Olympus_Mons");
    typed[1] = ("mon_open", "9 Uhr");
    typed[11] = ("contact_first", "-2");
    let r = staff.post("/service/levels", &typed).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    for id in ["zone-error", "mon_open-error", "contact_first-error"] {
        assert!(page.contains(&format!(r#"id="{id}""#)), "{id}");
    }
    assert!(page.contains("Enter a time zone of the time zone database"));
    assert!(
        page.contains(r#"value="Mars/Olympus_Mons""#),
        "the zone kept"
    );
    assert!(page.contains(r#"value="9 Uhr""#), "the time kept");
    assert!(
        app.state
            .store
            .service_levels()
            .schedule()
            .unwrap()
            .versions
            .is_empty()
    );
    // Without any business day, nothing could ever be due.
    let closed: Vec<(&str, &str)> = vec![("zone", "Europe/Berlin"), ("contact_first", "4")];
    let r = staff.post("/service/levels", &closed).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Keep at least one day with business hours.")
    );

    keep_hours(&staff).await;
    let (_, page) = staff.page("/service/levels?saved=saved").await;
    assert!(page.contains("The service levels were saved."));
    assert!(page.contains(r#"id="mon_open" name="mon_open" value="08:00""#));
    // A holiday needs a date and a name; an .ics file must be one.
    let r = staff
        .post("/service/levels/holidays", &[("date", "24.12.")])
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"id="date-error""#) && page.contains(r#"id="name-error""#));
    let r = staff
        .multipart(
            "/service/levels/holidays/import",
            &[],
            &[("calendar", "feiertage.ics", b"not a calendar")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("This is not an iCalendar (.ics) file.")
    );
    // Only the service team reaches the settings.
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    assert_eq!(company.admin.agent.page("/service/levels").await.0, 404);
}

#[tokio::test]
async fn holidays_are_imported_from_an_ics_file_and_removed() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    keep_hours(&staff).await;
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\nBEGIN:VEVENT\r\n\
DTSTART;VALUE=DATE:20271225\r\nDTEND;VALUE=DATE:20271227\r\nSUMMARY:Weihnachten\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271003\r\nSUMMARY:Tag der Deutschen Einheit\r\n\
RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let r = staff
        .multipart(
            "/service/levels/holidays/import",
            &[],
            &[("calendar", "feiertage.ics", ics.as_bytes())],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = staff.page("/service/levels?saved=imported").await;
    for day in [
        "2027-10-03",
        "2027-12-25",
        "2027-12-26",
        "2028-10-03",
        "2029-10-03",
    ] {
        assert!(
            page.contains(&format!(r#"<time datetime="{day}">"#)),
            "{day}"
        );
    }
    assert!(page.contains("Tag der Deutschen Einheit"));
    let r = staff
        .post("/service/levels/holidays/2027-12-26/delete", &[])
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = staff.page("/service/levels").await;
    assert!(!page.contains(r#"datetime="2027-12-26""#));
    let r = staff
        .post("/service/levels/holidays/2027-12-26/delete", &[])
        .await;
    assert_eq!(r.status(), 404, "already gone");
}

#[tokio::test]
async fn a_requests_clock_skips_the_weekend_and_a_holiday_pauses_for_the_customer_and_follows_new_hours()
 {
    let (app, staff, sam, company) = desk().await;
    keep_hours(&staff).await;
    // Filed on a Thursday at 15:00; the Friday after is a holiday.
    let thursday = next(&app, Weekday::Thursday);
    let friday = thursday.tomorrow().unwrap();
    let monday = friday
        .tomorrow()
        .unwrap()
        .tomorrow()
        .unwrap()
        .tomorrow()
        .unwrap();
    let r = staff
        .post(
            "/service/levels/holidays",
            &[("date", &friday.to_string()), ("name", "Brückentag")],
        )
        .await;
    assert_eq!(r.status(), 303);
    set_clock(&app, berlin(thursday, 15));
    let ticket = app.ticket_in(&company.admin.user, None, &sam, TicketStatus::InProgress);

    // Monday 09:00: Thursday's two hours and Monday's first one count; one hour is left,
    // due at 10:00. The resolution clock has 7 hours left.
    set_clock(&app, berlin(monday, 9));
    let page = format!("/tickets/{}", ticket.id);
    let (_, html) = staff.page(&page).await;
    assert!(html.contains(r#"id="clocks""#), "the clocks are shown");
    assert!(
        html.contains(&format!("Due {monday} 10:00")),
        "first response due Monday 10:00"
    );
    assert!(html.contains("1 h 0 min left"));
    assert!(html.contains("7 h 0 min left"));
    // Customers do not see the desk's clocks.
    let (_, theirs) = company.admin.agent.page(&page).await;
    assert!(!theirs.contains(r#"id="clocks""#));

    // Waiting for the customer from 09:00: a day later nothing more was counted.
    let r = staff
        .post(
            &format!("/tickets/{}/status", ticket.id),
            &[("to", "waiting")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let tuesday = monday.tomorrow().unwrap();
    set_clock(&app, berlin(tuesday, 12));
    let (_, html) = staff.page(&page).await;
    assert!(
        html.contains(&format!("Paused since {monday} 09:00")),
        "paused"
    );
    assert!(html.contains("1 h 0 min left") && html.contains("7 h 0 min left"));

    // Back in progress at Tuesday 12:00, the first answer at 12:30 meets its target.
    let r = staff
        .post(
            &format!("/tickets/{}/status", ticket.id),
            &[("to", "in-progress")],
        )
        .await;
    assert_eq!(r.status(), 303);
    app.state.clock.advance(30 * 60);
    app.message(&sam, &ticket, "Wir kümmern uns darum.", false);
    let (_, html) = staff.page(&page).await;
    assert!(html.contains("Met"), "first response met");
    // The dashboard's weekly times: 3.5 business hours to the first answer (Thursday's
    // two, Monday's one, Tuesday's half), this week's median and 90th percentile alike.
    let (_, dashboard) = staff.page("/service").await;
    let times = dashboard.split(r#"id="times""#).nth(1).expect("the times");
    let times = times.split("</section>").next().unwrap();
    assert!(times.contains("<svg"), "drawn as a chart");
    assert!(
        times.contains(r#"<td class="num">3.5 h</td><td class="num">3.5 h</td>"#),
        "and as a table: {times}"
    );
    // 3.5 of the 10 resolution hours are used: 4.5 more on Tuesday, then due on
    // Wednesday at 10:00 under these hours.
    let wednesday = tuesday.tomorrow().unwrap();
    assert!(
        html.contains(&format!("Due {wednesday} 10:00")),
        "resolution due Wednesday 10:00"
    );

    // From now on (Tuesday 12:30) the desk opens at 10:00 on Wednesdays: the resolution
    // is due two hours later, and the page keeps what was due before.
    let mut later = HOURS.to_vec();
    later[5] = ("wed_open", "10:00");
    let r = staff.post("/service/levels", &later).await;
    assert_eq!(r.status(), 303);
    let (_, html) = staff.page(&page).await;
    assert!(
        html.contains(&format!("Due {wednesday} 12:00")),
        "due later under the new hours"
    );
    assert!(html.contains("What was due when"));
    assert!(html.contains(&format!(
        "due {wednesday} 10:00 before, {wednesday} 12:00 after"
    )));

    // Past the due time (Wednesday 10:00 to 15:00 counted), it says by how much.
    set_clock(&app, berlin(wednesday, 15));
    let (_, html) = staff.page(&page).await;
    assert!(html.contains("Breached by 3 h 0 min"), "breached");
}

/// The request numbers a queue page lists, in order.
fn listed(page: &str) -> Vec<String> {
    page.split("<code>")
        .skip(1)
        .filter_map(|s| s.split_once("</code>").map(|(n, _)| n.to_owned()))
        .filter(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect()
}

#[tokio::test]
async fn breached_and_soon_due_requests_lead_the_queue_and_the_dashboard() {
    let (app, staff, sam, company) = desk().await;
    let monday = next(&app, Weekday::Monday);
    // A is filed before the service levels are kept: saving them gives it its due time.
    set_clock(&app, berlin(monday, 8));
    let a = app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    keep_hours(&staff).await;
    set_clock(&app, berlin(monday, 10));
    let b = app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    app.state.clock.advance(30 * 60);
    let c = app.ticket_in(&company.admin.user, None, &sam, TicketStatus::New);
    app.message(&sam, &c, "Wir melden uns.", false);
    let closed = app.ticket_in(&company.admin.user, None, &sam, TicketStatus::Closed);

    // Monday 13:00: A's first answer was due at 12:00, B's is due at 14:00, C was
    // answered and is to be resolved by Tuesday 11:30.
    set_clock(&app, berlin(monday, 13));
    let (_, page) = staff.page("/service/tickets?sort=due").await;
    let order = listed(&page);
    assert_eq!(
        order[..3],
        [a.number.clone(), b.number.clone(), c.number.clone()]
    );
    assert!(page.contains("Breached"), "A is marked");
    let (_, page) = staff.page("/service/tickets?sla=breached&sort=due").await;
    assert_eq!(listed(&page), vec![a.number.clone()]);
    let (_, page) = staff.page("/service/tickets?sla=soon&sort=due").await;
    assert_eq!(
        listed(&page),
        vec![b.number.clone()],
        "due before 17:00 today"
    );
    let (_, page) = staff
        .page("/service/tickets?sla=breached&state=closed")
        .await;
    assert!(!listed(&page).contains(&closed.number));

    let (_, dashboard) = staff.page("/service").await;
    assert!(
        dashboard.contains("Breached: 1"),
        "breached on the dashboard"
    );
    assert!(dashboard.contains("Breaching within 4 business hours: 1"));
    let soon = dashboard.split(r#"id="due-soon""#).nth(1).unwrap();
    let soon = soon.split("</section>").next().unwrap();
    assert!(soon.contains(&b.number) && !soon.contains(&c.number));
    assert!(soon.contains(&format!("Due {monday} 14:00")));

    // The digest names B once (A is breached already, C is not due that soon) …
    let digest = |app: &TestApp| osc::service::sla_digest::run(&app.state.core).unwrap();
    assert_eq!(digest(&app), 1);
    assert_eq!(digest(&app), 0, "each due time once");
    let mail = app
        .mail("sam@service.example", "within 4 business hours")
        .await;
    assert!(mail.contains(&b.number) && !mail.contains(&c.number) && !mail.contains(&a.number));
    assert!(mail.contains(&format!("due {monday} 14:00")));
    // … and C the next morning, in a mail of its own.
    let tuesday = monday.tomorrow().unwrap();
    set_clock(&app, berlin(tuesday, 8));
    assert_eq!(digest(&app), 1);
    let digests = crate::common::eventually(std::time::Duration::from_secs(10), || {
        let found: Vec<String> = app
            .mails_to("sam@service.example")
            .into_iter()
            .filter(|m| m.contains("within 4 business hours"))
            .collect();
        (found.len() >= 2).then_some(found)
    })
    .await;
    assert_eq!(digests.len(), 2, "one mail per digest, not per request");
    assert!(digests.iter().any(|m| m.contains(&c.number)));
}

#[tokio::test]
async fn a_replacements_resolution_clock_pauses_while_the_failed_device_is_awaited() {
    let app = TestApp::spawn_with(|c| {
        c.security.session_idle_minutes = 30 * 24 * 60;
        c.security.session_absolute_hours = 30 * 24;
    })
    .await;
    let monday = next(&app, Weekday::Monday);
    set_clock(&app, berlin(monday, 9));
    // Filed and approved on Monday at 09:00 (the service team's first answer is the
    // approval's e-mail, not a message: only the resolution clock is looked at).
    let (_, staff, ticket) = crate::replacement::approved_replacement(&app).await;
    let mut hours = HOURS.to_vec();
    hours.push(("replacement_resolution", "40"));
    assert_eq!(staff.post("/service/levels", &hours).await.status(), 303);
    app.state.clock.advance(3600);
    let r = staff
        .post(
            &format!("/tickets/{ticket}/status"),
            &[
                ("to", "shipped"),
                ("tracking", "00340434161094042557"),
                ("new_serial", "2130099999"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "shipped at 10:00");
    app.state.clock.advance(3600);
    let r = staff
        .post(
            &format!("/tickets/{ticket}/status"),
            &[("to", "awaiting-return")],
        )
        .await;
    assert_eq!(r.status(), 303, "awaiting the failed device from 11:00");
    // Two days later only Monday's two hours were counted.
    let wednesday = monday.tomorrow().unwrap().tomorrow().unwrap();
    set_clock(&app, berlin(wednesday, 12));
    let (_, html) = staff.page(&format!("/tickets/{ticket}")).await;
    let clocks = html.split(r#"id="clocks""#).nth(1).expect("the clocks");
    let clocks = clocks.split("</section>").next().unwrap();
    assert!(
        clocks.contains(&format!("Paused since {monday} 11:00")),
        "{clocks}"
    );
    assert!(clocks.contains("38 h 0 min left"), "{clocks}");
}
