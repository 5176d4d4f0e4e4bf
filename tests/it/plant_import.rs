//! "Import from Sunny Portal": realistic exports from `tests/fixtures/import/` are
//! previewed (nothing written), confirmed (each plant whole), re-imported (updated, not
//! duplicated); every bad row is listed with its line and reason; the parser and the
//! checks take random and truncated files without panicking or writing.

use std::time::Duration;

use osc::store::{Storage, Store};
use proptest::prelude::*;

use crate::common::{Agent, Registration, TestApp};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Uploads a file and waits for its preview; returns (import page, its html).
async fn upload(agent: &Agent, name: &str, data: &[u8]) -> (String, String) {
    let r = agent
        .multipart("/plants/import", &[], &[("file", name, data)])
        .await;
    assert_eq!(r.status(), 303, "{name}");
    let page = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(page.starts_with("/plants/import/"), "{page}");
    let started = std::time::Instant::now();
    loop {
        let (status, html) = agent.page(&page).await;
        assert_eq!(status, 200);
        if !html.contains("Checking the file") {
            return (page, html);
        }
        assert!(html.contains("<progress"), "the check shows a progress bar");
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{name} is checked"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn confirm(agent: &Agent, page: &str) -> String {
    let r = agent.post(&format!("{page}/confirm"), &[]).await;
    assert_eq!(r.status(), 303);
    let (status, html) = agent.page(page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Import done"), "{html}");
    html
}

fn plant_count(app: &TestApp) -> usize {
    let admin = app.user("chef@a-solar.de");
    app.state
        .store
        .plants()
        .list(&admin.actor(), "")
        .unwrap()
        .len()
}

fn plant_id(html: &str) -> u64 {
    html.split("href=\"/plants/")
        .filter_map(|s| s.split('"').next())
        .find_map(|s| s.parse().ok())
        .expect("a link to the plant")
}

/// The company of the import tests: an administrator and an installer.
async fn company(app: &TestApp) -> (Agent, Agent) {
    let company = app.company("A Solar", "a-solar.de").await;
    (company.admin.agent, company.installer.agent)
}

#[tokio::test]
async fn a_home_plant_is_previewed_then_imported_and_shows_up_everywhere() {
    let app = TestApp::spawn().await;
    let (admin, installer) = company(&app).await;
    let (status, html) = installer.page("/plants").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(r#"href="/plants/import""#),
        "linked from the plant overview"
    );

    let (page, html) = upload(&installer, "home.csv", &fixture("home.csv")).await;
    assert!(html.contains("Preview of the import"));
    assert!(html.contains("Einfamilienhaus Berger"));
    assert!(
        html.contains("1 new plant, 0 plants updated, 2 devices to add"),
        "{html}"
    );
    assert!(html.contains("2130011001") && html.contains("2130011002"));
    assert!(!html.contains("Rows that cannot be taken"));
    assert_eq!(plant_count(&app), 0, "nothing is written before confirming");
    // The preview survives a reload.
    let (_, again) = installer.page(&page).await;
    assert!(again.contains("Einfamilienhaus Berger"));

    let html = confirm(&installer, &page).await;
    let plant = plant_id(&html);
    assert_eq!(plant_count(&app), 1);
    // Confirming twice writes nothing more.
    installer.post(&format!("{page}/confirm"), &[]).await;
    assert_eq!(plant_count(&app), 1);

    // In the plant overview (assigned to the installer who imported it), on the map,
    // found by a device's serial, and with its devices on its page.
    for agent in [&installer, &admin] {
        let (_, html) = agent.page("/plants").await;
        assert!(html.contains("Einfamilienhaus Berger"));
        assert!(html.contains("plant-map"), "on the map");
        let (_, html) = agent.page("/plants?q=2130011002").await;
        assert!(html.contains("Einfamilienhaus Berger"), "found by serial");
    }
    let (_, html) = installer.page(&format!("/plants/{plant}")).await;
    assert!(html.contains("2130011001") && html.contains("Speicher Keller"));
    assert!(html.contains("Sonnenallee 12"));
    let stored = app.state.store.plants().get(plant).unwrap().unwrap();
    assert_eq!(stored.latitude, Some(51.3127), "decimal comma");
    assert_eq!(stored.commissioning.as_deref(), Some("2021-04-20"));
    // Another company does not see it.
    let other = app
        .signed_in(&Registration::installer("chef@b-solar.de", "B Solar"))
        .await;
    assert_eq!(other.get(&format!("/plants/{plant}")).await.status(), 404);
    assert_eq!(other.get(&page).await.status(), 404, "nor the import");
    assert_eq!(
        other.post(&format!("{page}/confirm"), &[]).await.status(),
        404
    );
}

#[tokio::test]
async fn a_commercial_plant_brings_its_sub_plants_and_a_re_import_updates_it() {
    let app = TestApp::spawn().await;
    let (admin, _) = company(&app).await;
    let (page, html) = upload(&admin, "commercial.csv", &fixture("commercial.csv")).await;
    assert!(html.contains("13 devices to add"), "{html}");
    assert!(html.contains("3 new sub-plants"));
    let html = confirm(&admin, &page).await;
    let plant = plant_id(&html);
    let stored = app.state.store.plants().get(plant).unwrap().unwrap();
    let names: Vec<&str> = stored.subplants.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Halle 1", "Halle 2", "Halle 3"]);
    let devices = app.state.store.devices().of_plant(plant).unwrap();
    assert_eq!(devices.len(), 13);
    assert_eq!(devices.iter().filter(|d| d.subplant.is_some()).count(), 12);

    // The home plant, then its later export: updated, one device added, the missing
    // one reported and kept.
    let (page, _) = upload(&admin, "home.csv", &fixture("home.csv")).await;
    let html = confirm(&admin, &page).await;
    let home = plant_id(&html);
    let (page, html) = upload(&admin, "home-v2.csv", &fixture("home-v2.csv")).await;
    assert!(html.contains("Update"), "{html}");
    assert!(
        html.contains("1 device to add, 1 already registered in this plant"),
        "{html}"
    );
    assert!(html.contains("1 device of the plant is not in the file"));
    assert!(html.contains("2130011002"));
    let html = confirm(&admin, &page).await;
    assert!(html.contains("0 plants created, 1 updated"), "{html}");
    assert_eq!(plant_count(&app), 2, "no duplicate");
    let serials: Vec<u32> = app
        .state
        .store
        .devices()
        .of_plant(home)
        .unwrap()
        .iter()
        .map(|d| d.serial)
        .collect();
    assert_eq!(serials.len(), 3, "{serials:?}");
    assert!(
        serials.contains(&2130011002),
        "missing devices are not deleted"
    );
}

#[tokio::test]
async fn every_bad_row_is_listed_with_its_line_and_reason_and_nothing_else_is_lost() {
    let app = TestApp::spawn().await;
    let (admin, _) = company(&app).await;
    // Another company registered 2130012345.
    let other = app
        .signed_in(&Registration::installer("chef@b-solar.de", "B Solar"))
        .await;
    crate::replacement::plant_with_inverter(&other, "2130012345", "2024-01-10").await;

    let cases: [(&str, &[&str], usize); 6] = [
        (
            "bad-serial.csv",
            &[
                "Line 4",
                "“12AB45” is not a serial number",
                "Line 5",
                "“123” is not a serial number",
            ],
            1,
        ),
        (
            "unknown-product.csv",
            &["Line 4", "“99999” is not a known SMA device type"],
            1,
        ),
        (
            "off-grid.csv",
            &[
                "Line 4",
                "Sunny Island 4.4M (SI 4.4M) is an off-grid system",
            ],
            1,
        ),
        (
            "serial-taken.csv",
            &[
                "Line 4",
                "The serial number 2130012345 is already registered for a device of another plant",
            ],
            1,
        ),
        (
            "country-closed.csv",
            &[
                "Line 3",
                "Line 4",
                "Plants cannot be registered in “FR”",
                "Nothing in this file can be imported",
            ],
            0,
        ),
        (
            "missing-column.csv",
            &[
                "The column “device_serial” is missing",
                "Nothing in this file can be imported",
            ],
            0,
        ),
    ];
    for (name, expected, devices_taken) in cases {
        let before = plant_count(&app);
        let (page, html) = upload(&admin, name, &fixture(name)).await;
        for text in expected {
            assert!(html.contains(text), "{name}: {text}\n{html}");
        }
        let taken = if devices_taken == 1 {
            "1 device to add".to_owned()
        } else {
            format!("{devices_taken} devices to add")
        };
        assert!(html.contains(&taken), "{name}: {taken}");
        assert_eq!(
            plant_count(&app),
            before,
            "{name}: nothing written by the preview"
        );
        if devices_taken == 0 {
            assert!(!html.contains("/confirm"), "{name}: nothing to confirm");
            let r = admin.post(&format!("{page}/cancel"), &[]).await;
            assert_eq!(r.status(), 303);
            let (_, html) = admin.page(&page).await;
            assert!(html.contains("was cancelled; nothing was saved"));
        } else {
            confirm(&admin, &page).await;
            // The four files name the same Sunny Portal plant: the first creates it,
            // the others update it with their good row.
            assert_eq!(plant_count(&app), 1, "{name}");
            let good = html
                .split("<code>")
                .filter_map(|s| s.split("</code>").next())
                .find_map(|s| {
                    s.parse::<u32>()
                        .ok()
                        .filter(|n| *n > 2_130_030_000 && *n < 2_130_030_100)
                })
                .expect("the good row's serial is previewed");
            assert!(
                app.state.store.devices().by_serial(good).unwrap().is_some(),
                "{name}: the good row is taken"
            );
        }
    }
    // The other company's device is untouched.
    let device = app
        .state
        .store
        .devices()
        .by_serial(2130012345)
        .unwrap()
        .unwrap();
    let owner = app
        .state
        .store
        .plants()
        .get(device.plant_id)
        .unwrap()
        .unwrap();
    assert_eq!(owner.name, "Scheune Aebi");
}

#[tokio::test]
async fn byte_order_marks_windows_1252_and_json_are_read() {
    let app = TestApp::spawn().await;
    let operator = app
        .signed_in(&Registration::operator("otto@example.com"))
        .await;
    for (name, plant, device) in [
        ("bom.csv", "Dach Müller, Süd", "2130040001"),
        ("windows-1252.csv", "Bäckerei Größl", "2130050001"),
        ("plant.json", "Bauernhof Aebi", "2130060002"),
    ] {
        let (page, html) = upload(&operator, name, &fixture(name)).await;
        assert!(html.contains(plant), "{name}\n{html}");
        assert!(html.contains(device), "{name}");
        assert!(
            !html.contains("Rows that cannot be taken"),
            "{name}\n{html}"
        );
        let html = confirm(&operator, &page).await;
        let id = plant_id(&html);
        // A plant operator's import is his own plant.
        let (status, html) = operator.page(&format!("/plants/{id}")).await;
        assert_eq!(status, 200, "{name}");
        assert!(html.contains(plant));
    }
    let device = app
        .state
        .store
        .devices()
        .by_serial(2130050001)
        .unwrap()
        .unwrap();
    assert_eq!(
        device.commissioning_date.as_deref(),
        Some("2018-11-05"),
        "15.05.2018 style dates"
    );
    let json_device = app
        .state
        .store
        .devices()
        .by_serial(2130060001)
        .unwrap()
        .unwrap();
    assert_eq!(
        json_device.commissioning_date.as_deref(),
        Some("2020-03-18")
    );
}

#[tokio::test]
async fn a_plant_with_five_thousand_devices_is_imported_whole() {
    let app = TestApp::spawn().await;
    let (admin, _) = company(&app).await;
    let (page, html) = upload(&admin, "big-5000.csv", &fixture("big-5000.csv")).await;
    assert!(
        html.contains("5000 devices to add"),
        "{}",
        &html[..html.len().min(3000)]
    );
    assert!(html.contains("50 new sub-plants"));
    assert!(
        html.contains("… and 4900 more devices"),
        "the preview lists a first part"
    );
    // The server answers other pages meanwhile.
    assert_eq!(admin.get("/healthz").await.status(), 200);
    // A double click: two confirmations at once write the plant once.
    let confirm_path = format!("{page}/confirm");
    let (a, b) = tokio::join!(
        admin.post(&confirm_path, &[]),
        admin.post(&confirm_path, &[])
    );
    assert_eq!((a.status().as_u16(), b.status().as_u16()), (303, 303));
    assert_eq!(plant_count(&app), 1, "one plant for the one file");
    let html = confirm(&admin, &page).await;
    assert!(
        html.contains("5000 devices added, 50 new sub-plants"),
        "{html}"
    );
    let plant = plant_id(&html);
    assert_eq!(
        app.state.store.devices().count_of_plant(plant).unwrap(),
        5000
    );
}

#[tokio::test]
async fn refusals_say_what_is_wrong_next_to_the_file_field() {
    let app = TestApp::spawn_with(|c| c.plants.import_max_mb = 1).await;
    let (admin, _) = company(&app).await;
    let r = admin.multipart("/plants/import", &[], &[]).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Choose the export file to upload")
    );
    let big = vec![b'x'; 1024 * 1024 + 1];
    let r = admin
        .multipart("/plants/import", &[], &[("file", "huge.csv", &big)])
        .await;
    assert_eq!(r.status(), 413);
    let html = r.text().await.unwrap();
    assert!(html.contains("file-error") && html.contains("too large for an import"));
    // A file that is no export at all.
    let (_, html) = upload(&admin, "notes.txt", "Liebe Grüße vom Bodensee".as_bytes()).await;
    assert!(html.contains("This is not a Sunny Portal export"), "{html}");
    // Staff do not import plants.
    let staff = app.staff("sam@service.example").await;
    assert_eq!(staff.get("/plants/import").await.status(), 404);
}

/// Counts of the tables an import may write.
fn written(store: &dyn Storage) -> (usize, usize) {
    let actor = osc::access::Actor {
        user_id: 0,
        name: String::new(),
        email: String::new(),
        kind: osc::access::AccountKind::Staff,
        company: None,
    };
    let plants = store.plants().list(&actor, "").unwrap();
    let devices = plants
        .iter()
        .map(|(p, _)| store.devices().count_of_plant(p.id).unwrap())
        .sum();
    (plants.len(), devices)
}

fn truncations() -> Vec<Vec<u8>> {
    [
        "home.csv",
        "commercial.csv",
        "bom.csv",
        "windows-1252.csv",
        "plant.json",
    ]
    .iter()
    .map(|n| fixture(n))
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random bytes, and real exports cut anywhere or with a byte changed: the parser and
    /// the checks never panic, and checking never writes.
    #[test]
    fn random_and_truncated_files_never_panic_and_never_write(
        noise in proptest::collection::vec(any::<u8>(), 0..2048),
        which in 0usize..5,
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 8 << 20).unwrap();
        let owner = osc::store::imports::Owner {
            key: osc::store::imports::Owner::company_key(1),
            company: Some(1),
            user: 1,
            assign_to: None,
            operator: None,
        };
        let countries = vec!["DE".to_owned(), "AT".to_owned(), "CH".to_owned()];
        let files = truncations();
        let file = &files[which];
        let mut mutated = file[..cut.index(file.len() + 1)].to_vec();
        if !mutated.is_empty() {
            let at = flip.index(mutated.len());
            mutated[at] = byte;
        }
        for input in [noise, mutated] {
            let before = written(&store);
            let parsed = osc::import::parse(&input);
            let preview = osc::import::plan::check(&store, parsed, &owner, &countries, "2026-11-26", &|_| {});
            prop_assert!(preview.is_ok());
            prop_assert_eq!(written(&store), before);
        }
    }
}

#[tokio::test]
async fn a_plant_is_written_whole_or_not_at_all() {
    let app = TestApp::spawn().await;
    let (admin, _) = company(&app).await;
    let (page, html) = upload(&admin, "home.csv", &fixture("home.csv")).await;
    assert!(html.contains("2 devices to add"));
    // Between preview and confirmation another company registers one of the serials.
    let other = app
        .signed_in(&Registration::installer("chef@b-solar.de", "B Solar"))
        .await;
    crate::replacement::plant_with_inverter(&other, "2130011002", "2024-01-10").await;
    let html = confirm(&admin, &page).await;
    assert!(html.contains("0 plants created"), "{html}");
    assert!(
        html.contains("Einfamilienhaus Berger: not imported, because the serial number 2130011002")
    );
    assert_eq!(plant_count(&app), 0, "no half plant");
    assert!(
        app.state
            .store
            .devices()
            .by_serial(2130011001)
            .unwrap()
            .is_none(),
        "the plant's other device was not written either"
    );
}

#[tokio::test]
async fn the_check_shows_its_progress_and_a_restart_is_reported() {
    let app = TestApp::spawn().await;
    let (admin, _) = company(&app).await;
    let me = app.user("chef@a-solar.de");
    let id = app
        .state
        .store
        .imports()
        .start(me.id, "park.csv", 745_163, 0)
        .unwrap();
    app.state.core.imports.set(id, 2500, 5000);
    let (status, html) = admin.page(&format!("/plants/import/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(r#"<progress id="import-progress" max="5000" value="2500">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"http-equiv="refresh""#),
        "it reloads itself without a script"
    );
    assert!(html.contains("2500 of 5000 devices checked"));
    // A check that a restart cut off says so and asks for the file again.
    app.state.core.imports.finish(id);
    let (_, html) = admin.page(&format!("/plants/import/{id}")).await;
    assert!(html.contains("was interrupted"));
    assert!(html.contains(r#"href="/plants/import""#));
    assert_eq!(
        admin
            .post(&format!("/plants/import/{id}/confirm"), &[])
            .await
            .status(),
        303
    );
    assert_eq!(plant_count(&app), 0, "an unchecked import writes nothing");
}
