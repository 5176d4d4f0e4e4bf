//! The layout rules, in a real browser, on every page the crawl reaches (the pages the
//! Nu Html Checker reads: a visitor's, a plant operator's, an installer's, a company
//! administrator's and the service team's), at a desk's 1280 px and a phone's 390 px:
//! nothing wider than the screen, no text under 12 px, no control or map dot under 24 px,
//! no list or box that scrolls sideways (a phone gets a table's rows as cards), no date,
//! time or status badge broken inside. Each page is saved as a screenshot under
//! `target/screenshots/layout/` to be looked at (whole pages with
//! `LAYOUT_FULL_PAGE_SHOTS=1`).

use std::time::Duration;

use fantoccini::Locator;

use crate::browser::{LAYOUT_JS, browser, screenshot_dir, start_driver};
use crate::common::{PASSWORD, TestApp};
use crate::html::{Actor, crawl_portal, people_of_the_portal};

/// Signs `actor` in through the log-in page (the service team with a code too).
async fn sign_in(c: &fantoccini::Client, app: &TestApp, actor: &Actor) {
    let Some(email) = &actor.email else {
        return;
    };
    c.goto(&app.url("/login")).await.unwrap();
    for (id, text) in [("email", email.as_str()), ("password", PASSWORD)] {
        let field = c.find(Locator::Id(id)).await.unwrap();
        field.send_keys(text).await.unwrap();
    }
    c.find(Locator::Css(r#"main form[action="/login"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until_left(c, "/login").await;
    if c.current_url().await.unwrap().path() == "/login/code" {
        let code = app.fresh_code(email, &app.key_of(email));
        let field = c.find(Locator::Id("code")).await.unwrap();
        field.send_keys(&code).await.unwrap();
        c.find(Locator::Css(r#"form[action="/login/code"] button"#))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_until_left(c, "/login/code").await;
    }
}

/// Waits (up to 10 s) until the window shows another page than `path`.
async fn wait_until_left(c: &fantoccini::Client, path: &str) {
    for _ in 0..200 {
        if c.current_url().await.unwrap().path() != path {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("still on {path}");
}

#[tokio::test]
async fn every_page_keeps_the_layout_rules_on_a_desk_and_on_a_phone() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let people = people_of_the_portal(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let pages = crawl_portal(&people, dir.path()).await;
    let shots = screenshot_dir().join("layout");
    std::fs::create_dir_all(&shots).unwrap();

    // `LAYOUT_FULL_PAGE_SHOTS=1` saves each page whole instead of the window's view.
    let full_page = std::env::var_os("LAYOUT_FULL_PAGE_SHOTS").is_some();
    let mut index = String::new();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (width, height) in [(1280, 900), (390, 844)] {
        for actor in &people {
            let c = browser(&driver, width, height).await;
            sign_in(&c, &app, actor).await;
            let paths = pages.visited.iter().filter(|(who, _)| *who == actor.who);
            for (n, (_, path)) in paths.enumerate() {
                c.goto(&app.url(path)).await.unwrap();
                if n == 0 {
                    let inner = c.execute("return window.innerWidth", vec![]).await.unwrap();
                    assert_eq!(inner.as_u64(), Some(u64::from(width)), "the window's width");
                }
                let found = c.execute(LAYOUT_JS, vec![]).await.unwrap();
                for problem in found.as_array().unwrap() {
                    broken.push(format!(
                        "{} at {width} px, {path}: {}",
                        actor.who,
                        problem.as_str().unwrap()
                    ));
                }
                let file = format!("{}-{width}-{n:02}.png", actor.who);
                if full_page {
                    let tall = c
                        .execute("return document.documentElement.scrollHeight", vec![])
                        .await
                        .unwrap();
                    let tall = tall.as_u64().unwrap().clamp(u64::from(height), 6000) as u32;
                    c.set_window_size(width, tall + 100).await.unwrap();
                }
                std::fs::write(shots.join(&file), c.screenshot().await.unwrap()).unwrap();
                if full_page {
                    c.set_window_size(width, height).await.unwrap();
                }
                index.push_str(&format!("{file} {path}\n"));
                checked += 1;
            }
            c.close().await.unwrap();
        }
    }
    std::fs::write(shots.join("index.txt"), index).unwrap();
    assert!(checked > 120, "only {checked} pages checked");
    assert!(
        broken.is_empty(),
        "{} problems in {checked} pages:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// Applies the stylesheet's print rules to the window (through the CSSOM, which the
/// content security policy allows) and reports what a sheet of paper would show wrongly.
const PRINT_JS: &str = r#"
const sheet = [...document.styleSheets].find(s => [...s.cssRules].some(r => r.media && r.media.mediaText === 'print'));
for (const rule of [...sheet.cssRules].filter(r => r.media && r.media.mediaText === 'print')) {
  for (const inner of rule.cssRules) { if (!(inner instanceof CSSPageRule)) sheet.insertRule(inner.cssText, sheet.cssRules.length); }
}
const out = [];
const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
for (const sel of ['.topbar', '.side-nav', '.site-footer', 'main form', 'nav.tabs', '.button', '.breadcrumb']) {
  for (const e of document.querySelectorAll(sel)) if (shown(e)) out.push(`printed: ${sel}`);
}
for (const sel of arguments[0]) {
  const e = document.querySelector(sel);
  if (!e || !shown(e)) out.push(`missing on paper: ${sel}`);
}
const doc = document.documentElement;
if (doc.scrollWidth > doc.clientWidth) out.push(`wider than the paper by ${doc.scrollWidth - doc.clientWidth} px`);
return out;
"#;

#[tokio::test]
async fn a_plant_and_a_request_print_cleanly_for_the_site_visit() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let (_, company, plant, ticket) = app
        .workshop_with_request(osc::domain::ticket::TicketStatus::InProgress)
        .await;
    let admin = Actor {
        who: "administrator",
        agent: app.new_agent(),
        email: Some(company.admin.user.email.clone()),
        starts: &[],
    };
    // A4 at 96 dpi, less the page's margins: about 680 px of paper.
    let c = browser(&driver, 680, 960).await;
    sign_in(&c, &app, &admin).await;
    for (path, wanted, name) in [
        (
            format!("/plants/{}", plant.id),
            vec![
                "main h1",
                "main dl.facts",
                "#devices table thead",
                "#devices tbody tr",
                "#tickets",
            ],
            "print-plant.png",
        ),
        (
            format!("/tickets/{}", ticket.id),
            vec!["main h1", "main dl.facts", "ol.thread li", "ol.timeline li"],
            "print-request.png",
        ),
    ] {
        c.goto(&app.url(&path)).await.unwrap();
        let found = c
            .execute(PRINT_JS, vec![serde_json::json!(wanted)])
            .await
            .unwrap();
        std::fs::write(screenshot_dir().join(name), c.screenshot().await.unwrap()).unwrap();
        let found: Vec<String> = serde_json::from_value(found).unwrap();
        assert!(found.is_empty(), "{path} on paper: {found:?}");
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_saved_reply_is_used_and_a_return_slip_printed_to_pdf_in_a_real_browser() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn_with(|c| {
        c.branding.return_address =
            "Online Service – Returns\nSonnenallee 1\n34266 Niestetal".into();
    })
    .await;
    let (admin, staff, ticket) = crate::replacement::approved_replacement(&app).await;
    let r = staff
        .post(
            "/service/replies",
            &[
                ("title", "Abholung"),
                ("text_fr", "Bonjour {name}, RMA {rma} pour {serial}."),
                ("text_de", "Hallo {name}, RMA {rma} für {serial}."),
                (
                    "text_en",
                    "Hello {name}, your RMA {rma} for {serial} is ready.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (reply, _) = app.state.store.saved_replies().list().unwrap()[0].clone();

    // The service team picks the reply, inserts it, adds a line and sends it.
    let c = browser(&driver, 1280, 1000).await;
    let sam = Actor {
        who: "staff",
        agent: app.new_agent(),
        email: Some("sam@service.example".into()),
        starts: &[],
    };
    sign_in(&c, &app, &sam).await;
    c.goto(&app.url(&format!("/tickets/{ticket}")))
        .await
        .unwrap();
    let filled = "Hello Anna Müller, your RMA RMA-778899 for 2130012345 is ready.";
    // With scripts, picking the reply puts it into the field at once, after what was
    // typed; the "Insert" step (the page again, as without scripts) then starts afresh.
    let typed = c.find(Locator::Id("message")).await.unwrap();
    typed.send_keys("Guten Tag. ").await.unwrap();
    c.find(Locator::Id("reply"))
        .await
        .unwrap()
        .select_by_value(&reply.to_string())
        .await
        .unwrap();
    let wanted = format!("Guten Tag. {filled}");
    for _ in 0..50 {
        if typed.prop("value").await.unwrap().as_deref() == Some(wanted.as_str()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        typed.prop("value").await.unwrap().as_deref(),
        Some(wanted.as_str()),
        "inserted by the script: {}",
        c.source()
            .await
            .unwrap()
            .split("<script")
            .nth(1)
            .unwrap_or("no script")
    );
    c.find(Locator::Css("form.reply-picker button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The click loads the page again: the field found before it may go stale while the
    // new page arrives, so each look finds it afresh.
    for _ in 0..100 {
        let value = match c.find(Locator::Id("message")).await {
            Ok(field) => field.prop("value").await.ok().flatten(),
            Err(_) => None,
        };
        if value.as_deref() == Some(filled) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let field = c.find(Locator::Id("message")).await.unwrap();
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(filled));
    // Ctrl+End: to the end of the text, past the lines it wraps into.
    field
        .send_keys("\u{E009}\u{E010}\u{E000} Bitte bis Freitag.")
        .await
        .unwrap();
    crate::browser::shot(&c, "saved-reply-inserted.png").await;
    c.find(Locator::Css(&format!(
        r#"form[action="/tickets/{ticket}/messages"] button.primary"#
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    crate::browser::wait_for_text_containing(&c, "ol.thread", "Bitte bis Freitag.").await;
    let sam_user = app.user("sam@service.example");
    let sent = app
        .state
        .store
        .tickets()
        .visible(&sam_user.actor(), ticket)
        .unwrap()
        .unwrap();
    let last = &sent.messages.last().unwrap().text;
    assert_eq!(last, &format!("{filled} Bitte bis Freitag."));
    c.close().await.unwrap();

    // The customer prints the return slip: one A4 page of PDF, nothing of the portal's
    // frame on it; on screen it fits a desk and a phone.
    let c = browser(&driver, 1280, 1000).await;
    let urs = Actor {
        who: "administrator",
        agent: admin,
        email: Some("urs@aebi-solar.ch".into()),
        starts: &[],
    };
    sign_in(&c, &app, &urs).await;
    c.goto(&app.url(&format!("/tickets/{ticket}")))
        .await
        .unwrap();
    c.find(Locator::LinkText("Print the return slip"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    crate::browser::wait_for_text(&c, "main h1", "Return slip").await;
    crate::browser::shot(&c, "return-slip-desk.png").await;
    let pdf = c
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    std::fs::write(screenshot_dir().join("return-slip.pdf"), &pdf).unwrap();
    let pages = pdf.windows(10).filter(|w| w == b"/Type /Pag").count();
    assert!(pages <= 2, "one page (and the page tree): {pages}");
    c.set_window_size(390, 844).await.unwrap();
    let found = c.execute(LAYOUT_JS, vec![]).await.unwrap();
    assert_eq!(found.as_array().unwrap().len(), 0, "on a phone: {found}");
    crate::browser::shot(&c, "return-slip-phone.png").await;
    c.set_window_size(680, 960).await.unwrap();
    let found = c
        .execute(
            PRINT_JS,
            vec![serde_json::json!([
                ".return-slip",
                "svg.qr",
                ".slip-rma",
                ".slip-addresses"
            ])],
        )
        .await
        .unwrap();
    crate::browser::shot(&c, "print-return-slip.png").await;
    let found: Vec<String> = serde_json::from_value(found).unwrap();
    assert!(found.is_empty(), "the return slip on paper: {found:?}");
    c.close().await.unwrap();
}
