//! The weekly warranty reminder: a company's administrators and plant operators are
//! e-mailed, in their language, the inverters whose warranty ends within 90 days and
//! those whose extension window closes within 60 days, with the links to order it; not
//! when there is nothing, not twice in a week, not after turning it off in "My profile".

use std::time::Duration;

use osc::service::warranty_reminders;

use crate::common::{Agent, Registration, TestApp};

/// Registers an inverter (product 9088) with its purchase date in `plant` through the
/// plant page's form.
async fn inverter(agent: &Agent, plant: u64, serial: &str, bought: time::Date) {
    let r = agent
        .post(
            &format!("/plants/{plant}/devices"),
            &[
                ("serial_number", serial),
                ("product", "9088"),
                ("purchase_date", &bought.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "device {serial} registered");
}

/// The reminders of the week, as the weekly job sends them; how many went.
fn run(app: &TestApp) -> usize {
    warranty_reminders::run(&app.state.core, app.state.core.today()).unwrap()
}

/// The reminder mails queued for `to` so far.
async fn reminders_to(app: &TestApp, to: &str) -> Vec<String> {
    // The mail worker writes them to the outbox shortly after they are queued.
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.mails_to(to)
        .into_iter()
        .filter(|m| m.contains("reminder") || m.contains("Erinnerung"))
        .collect()
}

#[tokio::test]
async fn the_weekly_reminder_lists_ending_warranties_and_closing_windows_once_a_week() {
    // Extensions within two years of the start, so a window can close long before the
    // warranty ends.
    let app = TestApp::spawn_with(|c| c.warranty.extension_window_months = 24).await;
    let today = app.state.core.today();
    let kuehn = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let admin = &kuehn.admin.agent;
    let plant = admin.new_plant("Scheune Nord").await;
    // Ends in about 80 days (five years from its purchase); its window closed long ago.
    let ending = today - time::Duration::days(5 * 365 + 1) + time::Duration::days(80);
    inverter(admin, plant, "3001111111", ending).await;
    // Its window closes in about 40 days; the warranty runs for years.
    let closing = today - time::Duration::days(2 * 365) + time::Duration::days(40);
    inverter(admin, plant, "3002222222", closing).await;
    // Bought last month: nothing to say.
    inverter(admin, plant, "3003333333", today - time::Duration::days(30)).await;

    // A German plant operator with an inverter whose warranty ends soon, and a company
    // with nothing to remind of.
    let greta = app
        .person(&Registration::operator("greta@example.de").with("language", "de"))
        .await;
    let hers = greta.agent.new_plant("Greta Dach").await;
    inverter(&greta.agent, hers, "3004444444", ending).await;
    let quiet = app.company("Dachdecker Süd", "dachdecker.example").await;
    let theirs = quiet.admin.agent.new_plant("Halle").await;
    inverter(
        &quiet.admin.agent,
        theirs,
        "3005555555",
        today - time::Duration::days(10),
    )
    .await;

    assert_eq!(run(&app), 2, "the administrator and the operator");
    let mails = reminders_to(&app, "chef@kuehn-solar.de").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let mail = &mails[0];
    assert!(mail.contains("Warranty reminder: 2 devices"), "{mail}");
    let ends_at = mail.find("Factory warranty ending within 90 days").unwrap();
    let closes_at = mail.find("Extension can be ordered only until").unwrap();
    let first = mail.find("3001111111").unwrap();
    let second = mail.find("3002222222").unwrap();
    assert!(
        ends_at < first && first < closes_at && closes_at < second,
        "{mail}"
    );
    assert!(!mail.contains("3003333333"));
    let device = app
        .state
        .store
        .devices()
        .by_serial(3002222222)
        .unwrap()
        .unwrap();
    assert!(
        mail.contains(&format!("/devices/{}/warranty-extension", device.id)),
        "{mail}"
    );
    assert!(mail.contains("/profile#reminders"));
    let german = reminders_to(&app, "greta@example.de").await;
    assert_eq!(german.len(), 1);
    assert!(german[0].contains("die Garantie endet am"), "{}", german[0]);
    assert!(
        reminders_to(&app, "chef@dachdecker.example")
            .await
            .is_empty(),
        "nothing to say"
    );
    assert!(
        reminders_to(&app, "ina@kuehn-solar.de").await.is_empty(),
        "installers get none"
    );

    // The same week: nothing again. The next week: again.
    assert_eq!(run(&app), 0);
    app.state.clock.advance(7 * 24 * 3600);
    assert_eq!(run(&app), 2);
    assert_eq!(reminders_to(&app, "chef@kuehn-solar.de").await.len(), 2);
}

#[tokio::test]
async fn the_reminder_is_turned_off_and_on_in_my_profile() {
    let app = TestApp::spawn().await;
    let today = app.state.core.today();
    let kuehn = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let admin = &kuehn.admin.agent;
    let plant = admin.new_plant("Scheune Nord").await;
    let ending = today - time::Duration::days(5 * 365 + 1) + time::Duration::days(30);
    inverter(admin, plant, "3001111111", ending).await;

    let (_, page) = admin.page("/profile").await;
    assert!(
        page.contains(r#"id="weekly" name="weekly" value="on" checked"#),
        "on by default"
    );
    // Off: the box not ticked.
    let r = admin.post("/profile/reminders", &[]).await;
    assert_eq!(r.status(), 303);
    let (_, page) = admin.page("/profile?saved=reminders-off").await;
    assert!(page.contains("The weekly warranty reminder is off."));
    assert!(!page.contains(r#"value="on" checked"#));
    assert_eq!(run(&app), 0);
    assert!(reminders_to(&app, "chef@kuehn-solar.de").await.is_empty());
    // On again.
    let r = admin.post("/profile/reminders", &[("weekly", "on")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(run(&app), 1);

    // Installers have no such setting.
    let (_, page) = kuehn.installer.agent.page("/profile").await;
    assert!(!page.contains(r#"id="weekly""#));
    let r = kuehn.installer.agent.post("/profile/reminders", &[]).await;
    assert_eq!(r.status(), 404);
}
