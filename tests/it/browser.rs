//! Browser smoke test: headless Chromium (Debian's `chromium` and `chromium-driver`)
//! driven through WebDriver against the running server. Screenshots are saved under
//! `target/screenshots/` to be looked at.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::common::TestApp;

/// One browser test at a time: Chromium sessions side by side on two cores make each
/// other slow enough to time out.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A chromedriver process, ended when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(program))
            .find(|p| p.is_file())
    })
}

/// Starts chromedriver, or returns `None` when Chromium is not installed and we are
/// not in CI (where `.ci/run` installs it, so its absence is a failure).
pub async fn start_driver() -> Option<Driver> {
    let Some(chromedriver) = find("chromedriver") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromedriver is not installed (apt-get install chromium chromium-driver)"
        );
        eprintln!("skipping browser test: chromedriver not installed");
        return None;
    };
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let turn = ONE_AT_A_TIME.lock().await;
    // Wrapped at once, so the process is killed and waited for on every path.
    let driver = Driver {
        _turn: turn,
        child: Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
        url: format!("http://127.0.0.1:{port}"),
    };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Some(driver);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start");
}

/// A headless Chromium session of the given window size.
pub async fn browser(driver: &Driver, width: u32, height: u32) -> fantoccini::Client {
    let profile = tempfile::tempdir().unwrap().keep();
    let mut caps = serde_json::Map::new();
    let mut options = serde_json::json!({
        "binary": find("chromium").map(|p| p.display().to_string()).unwrap_or_default(),
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--lang=en-US",
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.display()),
        ]
    });
    // Headless Chromium keeps a window at least 500 px wide: a phone's width is had by
    // emulating the phone (its viewport, touch, and the mobile layout).
    if width < 500 {
        options["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true, "mobile": true }
        });
    }
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("WebDriver session")
}

/// Waits (up to 10 s) until the element at `css` reads `want`, across page loads.
pub async fn wait_for_text(c: &fantoccini::Client, css: &str, want: &str) {
    let mut last = String::new();
    for _ in 0..200 {
        if let Ok(e) = c.find(Locator::Css(css)).await
            && let Ok(text) = e.text().await
        {
            if text == want {
                return;
            }
            last = text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} reads {last:?}, not {want:?}");
}

/// Waits (up to 10 s) until the element at `css` contains `needle`, across page loads.
pub async fn wait_for_text_containing(c: &fantoccini::Client, css: &str, needle: &str) {
    let mut last = String::new();
    for _ in 0..200 {
        if let Ok(e) = c.find(Locator::Css(css)).await
            && let Ok(text) = e.text().await
        {
            if text.contains(needle) {
                return;
            }
            last = text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} reads {last:?}, without {needle:?}");
}

/// Logs in an installer through the log-in page and waits for where they land: the plant
/// overview.
pub async fn log_in(c: &fantoccini::Client, app: &TestApp, email: &str) {
    log_in_to(c, app, email, "Plant overview").await;
}

/// Logs in through the log-in page and waits for the page headed `heading`.
pub async fn log_in_to(c: &fantoccini::Client, app: &TestApp, email: &str, heading: &str) {
    c.goto(&app.url("/login")).await.unwrap();
    c.find(Locator::Id("email"))
        .await
        .unwrap()
        .send_keys(email)
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(crate::common::PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css(r#"main form[action="/login"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "main h1", heading).await;
}

/// Types `text` into the input with the id `id`.
async fn type_into(c: &fantoccini::Client, id: &str, text: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Clicks the element `css` finds.
async fn click(c: &fantoccini::Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Saves a screenshot of the window as `target/screenshots/<name>`, after checking that
/// the page keeps the layout rules ([`LAYOUT_JS`]): every page a browser test looks at is
/// checked at the width it was looked at.
pub async fn shot(c: &fantoccini::Client, name: &str) {
    let found = c.execute(LAYOUT_JS, vec![]).await.unwrap();
    let found: Vec<String> = serde_json::from_value(found).unwrap();
    assert!(found.is_empty(), "{name}: {found:#?}");
    std::fs::write(screenshot_dir().join(name), c.screenshot().await.unwrap()).unwrap();
}

/// What breaks the rules on the page in the window, one line each (none when it keeps
/// them). Text is measured as drawn: an SVG's labels at the size the drawing is scaled to.
pub const LAYOUT_JS: &str = r#"
const out = [];
const doc = document.documentElement;
if (doc.scrollWidth > doc.clientWidth) out.push(`wider than the screen by ${doc.scrollWidth - doc.clientWidth} px`);
for (const e of document.querySelectorAll('body *')) {
  const o = getComputedStyle(e).overflowX;
  if ((o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth + 1) out.push(`scrolls sideways by ${e.scrollWidth - e.clientWidth} px: ${e.outerHTML.slice(0, 60)}`);
}
const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
const name = e => e.outerHTML.slice(0, 90).replace(/\s+/g, ' ');
for (const e of document.querySelectorAll('body *')) {
  if (!shown(e) || e.closest('.visually-hidden, .skip-link')) continue;
  const text = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!text) continue;
  let size = parseFloat(getComputedStyle(e).fontSize);
  if (e instanceof SVGElement && e.getScreenCTM()) size *= e.getScreenCTM().a;
  if (size < 11.5) out.push(`text of ${size.toFixed(1)} px: ${name(e)}`);
}
for (const e of document.querySelectorAll('button, select, textarea, input:not([type=hidden]), svg a, .plant-map a, .button, nav a')) {
  if (!shown(e)) continue;
  const r = e.getBoundingClientRect();
  if (r.width < 23.5 || r.height < 23.5) out.push(`target of ${r.width.toFixed(0)}×${r.height.toFixed(0)} px: ${name(e)}`);
}
for (const e of document.querySelectorAll('time:not(:has(> span)), time > span, .badge')) {
  if (!shown(e)) continue;
  const lines = e.getClientRects().length;
  const tall = e.getBoundingClientRect().height > 1.9 * parseFloat(getComputedStyle(e).fontSize);
  if (lines > 1 || tall) out.push(`broken over two lines: ${name(e)}`);
}
return out;
"#;

/// Where screenshots go: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn start_page_and_language_switch_in_a_real_browser() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let c = browser(&driver, 1280, 900).await;

    c.goto(&app.url("/")).await.unwrap();
    let h1 = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(h1.starts_with("Service for your solar plants"), "{h1}");
    // The stylesheet applied: the top bar is the deep blue of the palette.
    let topbar = c.find(Locator::Css(".topbar")).await.unwrap();
    let bg = topbar.css_value("background-color").await.unwrap();
    assert_eq!(bg, "rgba(11, 58, 102, 1)");
    shot(&c, "start-en.png").await;

    // Switch to German with the keyboard-reachable link in the header.
    c.find(Locator::Css(r#".lang-switch a[hreflang="de"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "Service für Ihre Solaranlagen, an einem Ort").await;
    let current = c
        .find(Locator::Css(r#".lang-switch a[aria-current="true"]"#))
        .await
        .unwrap()
        .attr("hreflang")
        .await
        .unwrap();
    assert_eq!(current.as_deref(), Some("de"));
    shot(&c, "start-de.png").await;

    // The choice sticks on the next page.
    c.goto(&app.url("/no-such-page")).await.unwrap();
    wait_for_text(&c, "h1", "Seite nicht gefunden").await;
    shot(&c, "not-found-de.png").await;
    c.close().await.unwrap();

    // A phone-sized window: the page still reads in one column.
    let c = browser(&driver, 390, 844).await;
    c.goto(&app.url("/")).await.unwrap();
    shot(&c, "start-phone.png").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn register_confirm_log_in_and_see_my_profile_in_a_real_browser() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let c = browser(&driver, 1280, 1000).await;

    c.goto(&app.url("/")).await.unwrap();
    c.find(Locator::Css(r#"a[href="/register"].button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let form = c
        .form(Locator::Css(r#"form[action="/register"]"#))
        .await
        .unwrap();
    form.set_by_name("account_type", "installer").await.unwrap();
    for (name, value) in [
        ("email", "browser@solar-example.de"),
        ("password", crate::common::PASSWORD),
        ("password_confirm", crate::common::PASSWORD),
        ("first_name", "Bruno"),
        ("last_name", "Browser"),
        ("phone", "+49 30 1234567"),
        ("company_name", "Browser Solar GmbH"),
        ("street", "Lindenstraße 3"),
        ("postal_code", "10969"),
        ("city", "Berlin"),
        ("security_answer", "Bello"),
    ] {
        c.find(Locator::Id(name))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    form.set_by_name("country", "DE").await.unwrap();
    form.set_by_name("security_question", "first-pet")
        .await
        .unwrap();
    c.find(Locator::Id("accept_terms"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    shot(&c, "register-filled.png").await;
    c.find(Locator::Css(
        r#"form[action="/register"] button[type="submit"]"#,
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_for_text(&c, "h1", "Check your mailbox").await;

    // The link from the .eml in the outbox.
    let mail = app.mail("browser@solar-example.de", "/confirm/").await;
    let link = crate::common::link_in(&mail, "/confirm/");
    c.goto(&app.url(&link)).await.unwrap();
    wait_for_text(&c, "h1", "Account activated").await;
    c.find(Locator::Css(r#"a.button[href="/login"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    c.find(Locator::Id("email"))
        .await
        .unwrap()
        .send_keys("browser@solar-example.de")
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(crate::common::PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css(r#"main form[action="/login"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    // An installer lands at the work: the plant overview, first in the navigation.
    wait_for_text(&c, "main h1", "Plant overview").await;
    let current = c
        .find(Locator::Css(
            r#".side-nav .nav-wide a[aria-current="page"]"#,
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(current, "Plant overview");
    let first = c
        .find(Locator::Css(".side-nav .nav-wide a"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(first, "Plant overview");
    c.find(Locator::Css(r#".side-nav .nav-wide a[href="/profile"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "My profile").await;
    let page = c.source().await.unwrap();
    assert!(page.contains("Browser Solar GmbH") && page.contains("Administrator"));
    shot(&c, "profile.png").await;

    // A refused form keeps what was typed and focuses the first field in error.
    c.goto(&app.url("/account/access")).await.unwrap();
    c.find(Locator::Id("current_password"))
        .await
        .unwrap()
        .send_keys("wrong-password")
        .await
        .unwrap();
    c.find(Locator::Css(r#"form[action="/account/password"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(
        &c,
        "main .notice.error",
        "Please correct the marked fields.",
    )
    .await;
    let focused = c.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(focused.as_deref(), Some("current_password"));
    shot(&c, "access-errors.png").await;

    // The sessions, at desk width and on a phone.
    let to_sessions = "document.getElementById('sessions').scrollIntoView()";
    c.execute(to_sessions, vec![]).await.unwrap();
    wait_for_text(&c, "#sessions td .badge", "This session").await;
    shot(&c, "access-sessions.png").await;
    c.set_window_size(390, 844).await.unwrap();
    c.execute(to_sessions, vec![]).await.unwrap();
    let page_width = c
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .unwrap();
    assert!(
        page_width.as_u64().is_some_and(|w| w <= 390),
        "the page does not scroll sideways: {page_width}"
    );
    // Each session reads as a card there, its mark in view without scrolling sideways.
    let mark = c.find(Locator::Css("#sessions td .badge")).await.unwrap();
    let (x, _, w, _) = mark.rectangle().await.unwrap();
    assert!(
        x >= 0.0 && x + w <= 390.0,
        "the mark is on the screen: {x} + {w}"
    );
    shot(&c, "access-sessions-phone.png").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn an_administrator_invites_a_collaborator_who_joins_through_the_mailed_link() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&crate::common::Registration::installer(
            "chefin@dach-solar.de",
            "Dach Solar KG",
        ))
        .await;
    let c = browser(&driver, 1280, 1000).await;

    log_in(&c, &app, &email).await;
    c.find(Locator::Css(
        r#".side-nav .nav-wide a[href="/company/members"]"#,
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    c.find(Locator::Css(
        r#"form[action="/company/invitations"] #email"#,
    ))
    .await
    .unwrap()
    .send_keys("kollege@dach-solar.de")
    .await
    .unwrap();
    c.find(Locator::Css(
        r#"form[action="/company/invitations"] button"#,
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_for_text(&c, ".notice.success", "The invitation has been sent.").await;

    // The colleague opens the link from the .eml in the outbox, in another browser.
    let mail = app.mail("kollege@dach-solar.de", "/invitations/").await;
    let link = crate::common::link_in(&mail, "/invitations/");
    let colleague = browser(&driver, 1280, 1000).await;
    colleague.goto(&app.url(&link)).await.unwrap();
    for (name, value) in [
        ("first_name", "Konrad"),
        ("last_name", "Kollege"),
        ("phone", "+49 561 7654321"),
        ("password", crate::common::PASSWORD),
        ("password_confirm", crate::common::PASSWORD),
        ("security_answer", "Bello"),
    ] {
        colleague
            .find(Locator::Id(name))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    colleague
        .form(Locator::Css("main form"))
        .await
        .unwrap()
        .set_by_name("security_question", "first-pet")
        .await
        .unwrap();
    colleague
        .find(Locator::Id("accept_terms"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    shot(&colleague, "join.png").await;
    colleague
        .find(Locator::Css("main form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&colleague, "main h1", "My profile").await;
    colleague.close().await.unwrap();

    // …and appears in the administrator's list.
    c.refresh().await.unwrap();
    let rows = c
        .find(Locator::Css("main table tbody"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        rows.contains("Konrad Kollege") && rows.contains("kollege@dach-solar.de"),
        "{rows}"
    );
    shot(&c, "members.png").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_plant_with_a_sub_plant_two_devices_and_a_string_plan() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&crate::common::Registration::installer(
            "planer@sonne-solar.de",
            "Sonne Solar GmbH",
        ))
        .await;
    // A second plant so the map has more than one dot.
    let c = browser(&driver, 1280, 1000).await;
    log_in(&c, &app, &email).await;

    for (name, city, postal, country, lat, lon) in [
        (
            "Bürgerhaus Kassel",
            "Kassel",
            "34117",
            "DE",
            "51,3127",
            "9,4797",
        ),
        (
            "Alpenhof Innsbruck",
            "Innsbruck",
            "6020",
            "AT",
            "47,2692",
            "11,4041",
        ),
    ] {
        c.goto(&app.url("/plants/new")).await.unwrap();
        for (id, value) in [
            ("name", name),
            ("street", "Hauptstraße 1"),
            ("postal_code", postal),
            ("city", city),
            ("latitude", lat),
            ("longitude", lon),
        ] {
            c.find(Locator::Id(id))
                .await
                .unwrap()
                .send_keys(value)
                .await
                .unwrap();
        }
        c.form(Locator::Css(r#"form[action="/plants/new"]"#))
            .await
            .unwrap()
            .set_by_name("country", country)
            .await
            .unwrap();
        c.find(Locator::Css(
            r#"form[action="/plants/new"] button[type=submit]"#,
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        wait_for_text(&c, "main h1", name).await;
    }

    // Sub-plant, then two devices (one in the sub-plant).
    c.find(Locator::Id("subplant_name"))
        .await
        .unwrap()
        .send_keys("Dach Ost")
        .await
        .unwrap();
    c.find(Locator::Css(r#"form[action$="/subplants"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, ".notice.success", "The sub-plant has been saved.").await;
    for (serial, product, sub) in [
        (
            "2130012345",
            "STP 10.0-3AV-40 — Sunny Tripower 10.0 (9345)",
            "1",
        ),
        ("1900123456", "9119", ""),
    ] {
        c.find(Locator::Css("details.add-device summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.find(Locator::Id("serial_number"))
            .await
            .unwrap()
            .send_keys(serial)
            .await
            .unwrap();
        c.find(Locator::Id("product"))
            .await
            .unwrap()
            .send_keys(product)
            .await
            .unwrap();
        c.find(Locator::Id("purchase_date"))
            .await
            .unwrap()
            .send_keys("03152024")
            .await
            .unwrap();
        if !sub.is_empty() {
            c.form(Locator::Css(r#"form[action$="/devices"]"#))
                .await
                .unwrap()
                .set_by_name("subplant_id", sub)
                .await
                .unwrap();
        }
        c.find(Locator::Css(
            r#"form[action$="/devices"] button[type=submit]"#,
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        wait_for_text(&c, ".notice.success", "The device has been saved.").await;
        // The next round opens the form again on a fresh page.
        c.goto(c.current_url().await.unwrap().as_str())
            .await
            .unwrap();
    }

    // A string plan as PDF.
    let pdf = std::env::temp_dir().join(format!("Strangplan-{}.pdf", std::process::id()));
    std::fs::write(&pdf, b"%PDF-1.4\n% string plan roof east\n%%EOF\n").unwrap();
    c.find(Locator::Id("file"))
        .await
        .unwrap()
        .send_keys(pdf.to_str().unwrap())
        .await
        .unwrap();
    c.find(Locator::Css(r#"form[action$="/documents"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, ".notice.success", "The document has been uploaded.").await;
    let page = c.source().await.unwrap();
    assert!(
        page.contains("Sub-plant: Dach Ost")
            && page.contains("2130012345")
            && page.contains("1900123456")
    );
    let href = c
        .find(Locator::Css(r#"#documents a[download]"#))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    // Download it again with the browser's own session.
    let session = c.get_named_cookie("osc_session").await.unwrap();
    let body = reqwest::Client::new()
        .get(app.url(&href))
        .header("cookie", format!("osc_session={}", session.value()))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(body.starts_with(b"%PDF-1.4\n% string plan roof east"));
    c.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
    shot(&c, "plant.png").await;
    c.find(Locator::Css("#devices"))
        .await
        .unwrap()
        .screenshot()
        .await
        .map(|png| {
            std::fs::write(screenshot_dir().join("plant-devices.png"), png).unwrap();
        })
        .unwrap();

    // The overview's map: a dot per plant, each a link.
    c.goto(&app.url("/plants")).await.unwrap();
    let dots = c
        .find_all(Locator::Css(".plant-map .dots a"))
        .await
        .unwrap();
    assert_eq!(dots.len(), 2);
    shot(&c, "plants-map.png").await;
    c.close().await.unwrap();
    let _ = std::fs::remove_file(pdf);
}

/// Kühn Solar's administrator, signed in, with a plant and one inverter (`serial`);
/// returns the agent and the device.
async fn workshop_with_inverter(app: &TestApp, serial: &str) -> (crate::common::Agent, u64) {
    let agent = app
        .signed_in(&crate::common::Registration::installer(
            "werkstatt@kuehn-solar.de",
            "Kühn Solar GmbH",
        ))
        .await;
    let (_, device) = crate::replacement::plant_with_inverter(&agent, serial, "2023-04-01").await;
    (agent, device)
}

#[tokio::test]
async fn a_replacement_request_is_filed_and_found_from_the_search_box() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let (_, device) = workshop_with_inverter(&app, "2130088888").await;
    let proof = tempfile::tempdir().unwrap();
    let proof_path = proof.path().join("rechnung.pdf");
    std::fs::write(&proof_path, b"%PDF-1.4\n%%EOF\n").unwrap();

    let c = browser(&driver, 1280, 1000).await;
    log_in(&c, &app, "werkstatt@kuehn-solar.de").await;
    // From the device's page, which preselects it.
    c.goto(&app.url(&format!("/devices/{device}")))
        .await
        .unwrap();
    c.find(Locator::LinkText("Request a replacement device"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Device replacement request").await;
    // The device is chosen, so the product is not asked for; the saved address is, so
    // a new one waits folded until it is wanted.
    let product = c
        .find(Locator::Css(r#"label[for="product"]"#))
        .await
        .unwrap();
    assert!(!product.html(false).await.unwrap().contains("required"));
    assert!(
        !c.find(Locator::Id("recipient"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap()
    );
    click(&c, "details.add-address summary").await;
    for (id, value) in [
        ("event", "Ereignis 3501 – Isolationsfehler"),
        (
            "description",
            "Seit dem Gewitter speist der Wechselrichter nicht mehr ein.",
        ),
        ("recipient", "Kühn Solar GmbH"),
        ("street", "Lagerstraße 4"),
        ("postal_code", "34117"),
        ("city", "Kassel"),
        ("onsite_name", "Jörg Kühn"),
        ("onsite_phone", "+49 561 123456"),
    ] {
        let field = c.find(Locator::Id(id)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }
    c.execute(
        "document.getElementById('failure_date').value = '2026-11-20';",
        vec![],
    )
    .await
    .unwrap();
    c.form(Locator::Css(r#"form[action="/tickets/replacement"]"#))
        .await
        .unwrap()
        .set_by_name("country", "DE")
        .await
        .unwrap();
    c.find(Locator::Id("file"))
        .await
        .unwrap()
        .send_keys(&proof_path.display().to_string())
        .await
        .unwrap();
    for id in ["role-installer", "confirm_pickup", "confirm_accessories"] {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    shot(&c, "replacement-form.png").await;
    c.find(Locator::Css(
        r#"form[action="/tickets/replacement"] button[type=submit]"#,
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let h1 = loop {
        if let Ok(e) = c.find(Locator::Css("main h1")).await
            && let Ok(t) = e.text().await
            && t.starts_with("Request 2026-")
        {
            break t;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(h1.contains("Submitted"), "{h1}");
    let page = c.source().await.unwrap();
    assert!(
        page.contains("rechnung.pdf") && page.contains("Lagerstraße 4"),
        "{}",
        &page[page.find("<main").unwrap_or(0)..]
    );
    shot(&c, "ticket.png").await;

    // Found from the search box by serial and by the customer's name.
    app.state.indexer.flush().await;
    app.state.search.reload().unwrap();
    for query in ["2130088888", "muller"] {
        c.goto(&app.url("/tickets")).await.unwrap();
        c.find(Locator::Id("q"))
            .await
            .unwrap()
            .send_keys(query)
            .await
            .unwrap();
        c.find(Locator::Css(r#"form.search button"#))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        loop {
            if let Ok(e) = c.find(Locator::Css("main table tbody")).await
                && let Ok(t) = e.text().await
                && t.contains("Replacement of 2130088888")
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    shot(&c, "ticket-tracking.png").await;
    c.close().await.unwrap();
}

/// Waits until the page's `main h1` starts with `prefix`; returns it.
async fn heading_starting(c: &fantoccini::Client, prefix: &str) -> String {
    for _ in 0..200 {
        if let Ok(e) = c.find(Locator::Css("main h1")).await
            && let Ok(t) = e.text().await
            && t.starts_with(prefix)
        {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no heading starting with {prefix:?}");
}

#[tokio::test]
async fn a_replacement_walks_from_the_customer_through_the_service_desk_to_closed() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let (agent, device) = workshop_with_inverter(&app, "2130044444").await;
    // Some history for the dashboard: a request closed last week, one still open.
    for (text, close) in [("Frage zur Einspeisung", true), ("Frage zum Portal", false)] {
        let r = agent
            .post("/contact", &[("topic", "general"), ("message", text)])
            .await;
        assert_eq!(r.status(), 303);
        if close {
            let id = crate::common::redirect_id(&r, "/tickets/");
            let desk = app.staff("kim@service.example").await;
            for to in ["in-progress", "closed"] {
                desk.post(&format!("/tickets/{id}/status"), &[("to", to)])
                    .await;
            }
        }
    }
    // The customer files the request (the form itself is walked in the browser by
    // `a_replacement_request_is_filed_and_found_from_the_search_box`).
    let r = crate::replacement::file_with_invoice(&agent, device).await;
    assert_eq!(r.status(), 303);
    let ticket_path = r.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let hash = app
        .state
        .hasher
        .hash(crate::common::PASSWORD.to_owned())
        .await
        .unwrap();
    osc::service::staff::add(
        &*app.state.store,
        &osc::service::staff::NewStaff::parse(
            "sam@service.example",
            "Sam Service",
            crate::common::PASSWORD,
            crate::common::PASSWORD,
        )
        .unwrap(),
        hash,
        app.state.clock.now(),
    )
    .unwrap()
    .unwrap();

    let customer = browser(&driver, 1280, 1000).await;
    log_in(&customer, &app, "werkstatt@kuehn-solar.de").await;
    customer.goto(&app.url(&ticket_path)).await.unwrap();
    assert!(
        heading_starting(&customer, "Request 2026-")
            .await
            .contains("Submitted")
    );

    // The service team logs in: two-step log-in is required of it, so the password
    // leads to its set-up first. The key is read from the page's text, as someone
    // without a camera would type it into their app.
    let staff = browser(&driver, 1280, 1700).await;
    log_in_to(&staff, &app, "sam@service.example", "Two-step log-in").await;
    staff.goto(&app.url("/service")).await.unwrap();
    wait_for_text(&staff, "main h1", "Two-step log-in").await;
    type_into(&staff, "current_password", crate::common::PASSWORD).await;
    click(&staff, r#"form[action="/account/two-factor/setup"] button"#).await;
    wait_for_text(&staff, "main h2", "Connect your authenticator app").await;
    assert!(
        staff.find(Locator::Css("svg.qr[role=img]")).await.is_ok(),
        "the QR code is drawn"
    );
    shot(&staff, "two-factor-setup.png").await;
    let key = staff
        .find(Locator::Id("two-factor-key"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let secret = osc::secrets::totp::Secret::from_base32(&key).expect("the key as text");
    type_into(&staff, "code", &secret.code_at(app.state.clock.now())).await;
    click(
        &staff,
        r#"form[action="/account/two-factor/confirm"] button"#,
    )
    .await;
    wait_for_text(&staff, "main h2", "Your recovery codes").await;
    let codes = staff
        .find_all(Locator::Css("#recovery-codes code"))
        .await
        .unwrap();
    assert_eq!(codes.len(), 10, "ten recovery codes, shown once");
    shot(&staff, "two-factor-recovery-codes.png").await;
    staff
        .find(Locator::LinkText("I have saved my recovery codes"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&staff, "main .notice", "Two-step log-in is on.").await;
    staff.goto(&app.url("/service")).await.unwrap();
    wait_for_text(&staff, "main h1", "Service desk").await;

    // Another browser, on a phone: the password, then a code from the app.
    let phone = browser(&driver, 390, 844).await;
    log_in_to(&phone, &app, "sam@service.example", "Second step").await;
    shot(&phone, "login-second-step-phone.png").await;
    let code = app.fresh_code("sam@service.example", &secret);
    type_into(&phone, "code", &code).await;
    click(&phone, r#"form[action="/login/code"] button"#).await;
    wait_for_text(&phone, "main h1", "Service desk").await;
    phone.close().await.unwrap();

    staff.goto(&app.url("/service")).await.unwrap();
    wait_for_text(&staff, "main h1", "Service desk").await;
    let page = staff.source().await.unwrap();
    assert!(
        page.contains("Open requests (2)"),
        "the open contact request and the replacement"
    );
    shot(&staff, "service-dashboard.png").await;

    // From the queue to the request; take it.
    staff
        .find(Locator::LinkText("Queue"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&staff, "main h1", "Queue").await;
    staff
        .find(Locator::Css(&format!(
            r#"main table a[href="{ticket_path}"]"#
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    heading_starting(&staff, "Request 2026-").await;
    staff
        .form(Locator::Css(r#"form[action$="/assign"]"#))
        .await
        .unwrap()
        .set_by_name(
            "assignee",
            &app.state
                .store
                .users()
                .find_by_email(&osc::domain::Email::parse("sam@service.example").unwrap())
                .unwrap()
                .unwrap()
                .id
                .to_string(),
        )
        .await
        .unwrap()
        .submit()
        .await
        .unwrap();
    wait_for_text(&staff, "main .notice", "The assignment is saved.").await;

    // Each step by the service team; the customer sees each one on his page.
    // (state, what the form adds, what the heading then says)
    type Step<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let steps: [Step<'_>; 5] = [
        ("in-review", &[], "In review"),
        ("approved", &[("rma", "RMA-2026-0042")], "Approved"),
        (
            "shipped",
            &[
                ("tracking", "1Z999AA10123456784"),
                ("new_serial", "2130099999"),
            ],
            "Replacement shipped",
        ),
        ("awaiting-return", &[], "Awaiting the failed device"),
        ("closed", &[], "Closed"),
    ];
    for (to, extra, word) in steps {
        let form = staff
            .form(Locator::Css(r#"form[action$="/status"]"#))
            .await
            .unwrap();
        form.set_by_name("to", to).await.unwrap();
        for (name, value) in extra {
            staff
                .find(Locator::Id(name))
                .await
                .unwrap()
                .send_keys(value)
                .await
                .unwrap();
        }
        form.submit().await.unwrap();
        let h1 = loop {
            let h1 = heading_starting(&staff, "Request 2026-").await;
            if h1.ends_with(word) {
                break h1;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        assert!(h1.ends_with(word), "{h1}");
        if to == "shipped" {
            shot(&staff, "service-ticket.png").await;
        }
        customer.goto(&app.url(&ticket_path)).await.unwrap();
        let seen = heading_starting(&customer, "Request 2026-").await;
        assert!(seen.ends_with(word), "the customer sees {word}: {seen}");
        let page = customer.source().await.unwrap();
        for (_, value) in extra {
            assert!(page.contains(value), "the customer sees {value}");
        }
    }
    shot(&customer, "customer-ticket-closed.png").await;
    // The device now carries the replacement's serial.
    customer
        .goto(&app.url(&format!("/devices/{device}")))
        .await
        .unwrap();
    assert!(customer.source().await.unwrap().contains("2130099999"));
    // The customer's page at the service desk lists the browser they are logged in with.
    let person = app.user("werkstatt@kuehn-solar.de").id;
    staff
        .goto(&app.url(&format!("/service/users/{person}")))
        .await
        .unwrap();
    wait_for_text(&staff, "#sessions-heading", "Sessions").await;
    staff
        .execute(
            "document.getElementById('sessions-heading').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    let page = staff.source().await.unwrap();
    assert!(page.contains("Chrome on Linux") && page.contains("End all sessions"));
    shot(&staff, "service-person-sessions.png").await;
    customer.close().await.unwrap();
    staff.close().await.unwrap();
}

#[tokio::test]
async fn plants_are_imported_from_a_sunny_portal_export_in_a_real_browser() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    app.signed_in(&crate::common::Registration::installer(
        "werkstatt@kuehn-solar.de",
        "Kühn Solar GmbH",
    ))
    .await;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let c = browser(&driver, 1280, 1400).await;
    log_in(&c, &app, "werkstatt@kuehn-solar.de").await;
    for (file, shot_name) in [
        ("bad-serial.csv", "import-preview-problems.png"),
        ("commercial.csv", "import-preview.png"),
    ] {
        c.goto(&app.url("/plants")).await.unwrap();
        c.find(Locator::LinkText("Import from Sunny Portal"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_text(&c, "main h1", "Import from Sunny Portal").await;
        c.find(Locator::Id("file"))
            .await
            .unwrap()
            .send_keys(&fixtures.join(file).display().to_string())
            .await
            .unwrap();
        c.find(Locator::Css(
            r#"form[action="/plants/import"] button[type=submit]"#,
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        // The progress page reloads itself until the preview is there.
        wait_for_text(&c, "main h1", "Preview of the import").await;
        shot(&c, shot_name).await;
    }
    let page = c.source().await.unwrap();
    assert!(page.contains("Logistikzentrum Kassel-Ost") && page.contains("13 devices to add"));
    c.find(Locator::Css(r#"form[action$="/confirm"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Import done").await;
    shot(&c, "import-result.png").await;
    c.find(Locator::LinkText("Logistikzentrum Kassel-Ost"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Logistikzentrum Kassel-Ost").await;
    let page = c.source().await.unwrap();
    assert!(page.contains("Halle 3") && page.contains("2130020013"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_first_run_sets_up_the_service_team_in_a_real_browser() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn_first_run().await;
    let link = app.setup_link.clone().expect("a set-up link");

    // A visitor on a phone learns the portal is not set up yet; nothing is wider than
    // the screen.
    let phone = browser(&driver, 390, 844).await;
    phone.goto(&app.url("/")).await.unwrap();
    wait_for_text(
        &phone,
        "#not-set-up strong",
        "This portal is not set up yet.",
    )
    .await;
    let overflow = phone
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    shot(&phone, "first-run-start-phone.png").await;
    assert!(
        overflow.as_i64().unwrap() <= 0,
        "wider than the screen by {overflow}"
    );
    phone.close().await.unwrap();

    // Whoever runs it opens the link from the log and creates the first staff account.
    let c = browser(&driver, 1280, 900).await;
    c.goto(&link).await.unwrap();
    wait_for_text(&c, "main h1", "Set up this portal").await;
    for (id, value) in [
        ("email", "sam@service.example"),
        ("name", "Sam Service"),
        ("password", crate::common::PASSWORD),
        ("password_confirm", crate::common::PASSWORD),
    ] {
        type_into(&c, id, value).await;
    }
    shot(&c, "first-run-setup.png").await;
    click(&c, "main form button").await;
    wait_for_text(&c, "main h1", "The portal is set up").await;
    c.find(Locator::Css("main a.button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Log in").await;
    type_into(&c, "email", "sam@service.example").await;
    type_into(&c, "password", crate::common::PASSWORD).await;
    click(&c, r#"main form[action="/login"] button"#).await;
    // Staff set up two-step log-in before the desk opens.
    wait_for_text(&c, "main h1", "Two-step log-in").await;
    c.close().await.unwrap();
}

/// The contrast of each focused element's ring against what surrounds it (the nearest
/// ancestor with a background), for the first `stops` tab stops of the page.
const FOCUS_CONTRAST_JS: &str = r#"
const lum = c => {
  const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => {
    v = v / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const bg = el => {
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') return c;
  }
  return 'rgb(255, 255, 255)';
};
const el = document.activeElement;
const s = getComputedStyle(el);
if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0) return [el.outerHTML.slice(0, 80), 0];
const [a, b] = [lum(s.outlineColor), lum(bg(el))];
return [el.outerHTML.slice(0, 80), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
"#;

#[tokio::test]
async fn focus_rings_reach_three_to_one_against_their_surroundings() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let c = browser(&driver, 1280, 900).await;
    c.goto(&app.url("/")).await.unwrap();
    wait_for_text(&c, "h1", "Service for your solar plants, in one place").await;
    // Tab through the start page: skip link, brand, languages, the log-in box (on a
    // white card), the register box (on dark blue), the footer.
    let body = c.find(Locator::Css("body")).await.unwrap();
    let mut seen = 0;
    for _ in 0..14 {
        body.send_keys("\u{e004}").await.unwrap();
        let answer = c.execute(FOCUS_CONTRAST_JS, vec![]).await.unwrap();
        let what = answer[0].as_str().unwrap_or("").to_owned();
        let ratio = answer[1].as_f64().unwrap();
        if what.starts_with("<body") {
            continue;
        }
        assert!(ratio >= 3.0, "focus ring of {what}: {ratio:.2}:1");
        seen += 1;
    }
    assert!(seen >= 10, "tabbed through {seen} elements");
    c.close().await.unwrap();
}

#[tokio::test]
async fn an_api_token_is_made_copied_and_revoked_in_a_real_browser_at_desk_and_phone_width() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let email = app
        .register_and_confirm(&crate::common::Registration::installer(
            "chefin@dach-solar.de",
            "Dach Solar KG",
        ))
        .await;
    for (width, height, suffix) in [(1280, 1000, "desk"), (390, 844, "phone")] {
        let c = browser(&driver, width, height).await;
        log_in(&c, &app, &email).await;
        c.goto(&app.url("/account/access")).await.unwrap();
        click(&c, r#"main a[href="/account/tokens"]"#).await;
        wait_for_text(&c, "main h1", "API access tokens").await;
        // Without a scope: said next to the scopes, the name kept.
        type_into(&c, "name", &format!("ERP {suffix}")).await;
        click(&c, "#read").await;
        click(&c, r#"form[action="/account/tokens"] button[type=submit]"#).await;
        wait_for_text(&c, "#scopes-error", "⚠ Choose at least one scope.").await;
        shot(&c, &format!("api-token-refused-{suffix}.png")).await;
        click(&c, "#read").await;
        click(&c, "#write").await;
        click(&c, "#company_wide").await;
        click(&c, r#"form[action="/account/tokens"] button[type=submit]"#).await;
        wait_for_text(&c, "main h1", "Your new token").await;
        let token = c
            .find(Locator::Id("api-token"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(token.starts_with("osc_"), "{token}");
        shot(&c, &format!("api-token-made-{suffix}.png")).await;
        click(&c, r#"main a[href="/account/tokens"].button"#).await;
        wait_for_text(&c, "main h1", "API access tokens").await;
        let rows = c
            .find(Locator::Css("#tokens tbody"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            rows.contains(&format!("ERP {suffix}")) && !rows.contains(&token),
            "{rows}"
        );
        shot(&c, &format!("api-tokens-{suffix}.png")).await;
        click(&c, r#"#tokens form[action$="/revoke"] button"#).await;
        wait_for_text(
            &c,
            ".notice.success",
            "The token has been revoked: it no longer works.",
        )
        .await;
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn a_webhook_is_registered_delivered_and_resent_in_a_real_browser_at_desk_and_phone_width() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::spawn_with(|c| c.webhooks.allow = vec!["127.0.0.1".into()]).await;
    let receiver = crate::webhooks::Receiver::start().await;
    let (_, company, _, _) = app
        .workshop_with_request(osc::domain::ticket::TicketStatus::New)
        .await;
    let sam = app.user("sam@service.example");
    let mut delivered = 0;
    for (width, height, suffix) in [(1280, 1100, "desk"), (390, 844, "phone")] {
        let c = browser(&driver, width, height).await;
        log_in(&c, &app, "chef@kuehn-solar.de").await;
        c.goto(&app.url("/company/members")).await.unwrap();
        click(&c, r#"#webhooks a[href="/webhooks"]"#).await;
        wait_for_text(&c, "main h1", "Webhooks").await;
        // A URL that is not http: said next to the field, kept.
        type_into(&c, "url", "ftp://erp.example.com/hooks").await;
        click(&c, r#"form[action="/webhooks"] button[type=submit]"#).await;
        wait_for_text_containing(&c, "#url-error", "complete http or https address").await;
        shot(&c, &format!("webhook-refused-{suffix}.png")).await;
        let field = c.find(Locator::Id("url")).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(&receiver.url).await.unwrap();
        click(&c, r#"form[action="/webhooks"] button[type=submit]"#).await;
        wait_for_text(&c, "main h1", "Webhook endpoint").await;
        let secret = c
            .find(Locator::Id("webhook-secret"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(secret.starts_with("whsec_"), "{secret}");
        // A request is filed: the delivery shows on the endpoint's page.
        app.ticket_in(
            &company.admin.user,
            None,
            &sam,
            osc::domain::ticket::TicketStatus::New,
        );
        delivered += 1;
        receiver.wait_for(delivered).await;
        c.refresh().await.unwrap();
        wait_for_text_containing(&c, "#deliveries tbody", "Delivered").await;
        shot(&c, &format!("webhook-endpoint-{suffix}.png")).await;
        click(&c, r#"#deliveries form[action$="/resend"] button"#).await;
        wait_for_text(
            &c,
            ".notice.success",
            "The delivery will be sent again in a moment.",
        )
        .await;
        delivered += 1;
        let got = receiver.wait_for(delivered).await;
        assert_eq!(got[delivered - 1].delivery, got[delivered - 2].delivery);
        let page = c.current_url().await.unwrap();
        c.goto(&app.url("/webhooks")).await.unwrap();
        wait_for_text_containing(&c, "#endpoints tbody", &receiver.url).await;
        shot(&c, &format!("webhooks-{suffix}.png")).await;
        // Deleted from its page: nothing more is sent to it.
        c.goto(page.as_str()).await.unwrap();
        click(&c, r#"form[action$="/delete"] button"#).await;
        wait_for_text(&c, ".notice.success", "The endpoint was deleted.").await;
        c.close().await.unwrap();
    }
}
