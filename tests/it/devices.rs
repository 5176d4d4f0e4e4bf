//! Devices and sub-plants: registration by serial and catalog product, the refusals
//! (malformed and duplicate serials, off-grid and non-SMA products, outside a plant),
//! moving between sub-plants, removal, warranty, and other companies' devices.

use crate::common::{Agent, Registration, TestApp};

async fn plant_of(agent: &Agent, name: &str) -> u64 {
    let r = agent
        .post(
            "/plants/new",
            &[
                ("name", name),
                ("street", "Hauptstr. 1"),
                ("postal_code", "34117"),
                ("city", "Kassel"),
                ("country", "DE"),
                ("commissioning_date", "2023-06-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
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

fn device<'a>(serial: &'a str, product: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("serial_number", serial), ("product", product)]
}

#[tokio::test]
async fn devices_are_registered_in_plants_with_their_warranty() {
    let app = TestApp::spawn().await;
    let inst = app
        .signed_in(&Registration::installer("boss@dev.de", "Dev Solar"))
        .await;
    let plant = plant_of(&inst, "Lagerhalle").await;

    let mut fields = device(
        " 213 001 2345 ",
        "STP 10.0-3AV-40 — Sunny Tripower 10.0 (9345)",
    );
    fields.push(("purchase_date", "2024-02-10"));
    fields.push(("name", "WR Dach"));
    let r = inst
        .post(&format!("/plants/{plant}/devices"), &fields)
        .await;
    assert_eq!(r.status(), 303, "{:?}", r.text().await);
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    assert!(html.contains("2130012345"), "serial stored without spaces");
    assert!(
        html.contains("until 2029-02-09"),
        "five years from purchase"
    );
    // An extension can be ordered: the line links to it.
    assert!(html.contains(">Order an extension</a>"));
    // A communication device has no warranty line; the commissioning date of the plant counts otherwise.
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/devices"),
            &device("1900123456", "Sunny HomeManager")
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/devices"),
            &device("3000123456", "9088")
        )
        .await
        .status(),
        303
    );
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    assert!(
        html.contains("until 2028-05-31"),
        "commissioning date when no purchase date"
    );
}

#[tokio::test]
async fn device_refusals_say_why() {
    let app = TestApp::spawn().await;
    let inst = app
        .signed_in(&Registration::installer("boss@ref.de", "Ref Solar"))
        .await;
    let plant = plant_of(&inst, "Scheune").await;
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/devices"),
            &device("2130012345", "9088")
        )
        .await
        .status(),
        303
    );
    let other = app
        .signed_in(&Registration::installer("boss@other.de", "Other Solar"))
        .await;
    let other_plant = plant_of(&other, "Fremd").await;
    let cases = [
        (
            plant,
            device("12345", "9088"),
            "serial_number-error",
            "6 to 10 digits",
        ),
        (
            plant,
            device("12a45678", "9088"),
            "serial_number-error",
            "digits only",
        ),
        (
            plant,
            device("4294967296", "9088"),
            "serial_number-error",
            "at most 4294967295",
        ),
        (
            plant,
            device("2130012345", "9088"),
            "serial_number-error",
            "registered already",
        ),
        (
            other_plant,
            device("2130012345", "9088"),
            "serial_number-error",
            "registered already",
        ),
        (
            plant,
            device("2130099999", "9279"),
            "product-error",
            "Off-grid systems",
        ),
        (
            plant,
            device("2130099999", "Sunny Backup 5000"),
            "product-error",
            "Off-grid systems",
        ),
        (
            plant,
            device("2130099999", "FRITZ!DECT 200"),
            "product-error",
            "Only SMA inverters",
        ),
        (
            plant,
            device("2130099999", "Super Inverter 3000"),
            "product-error",
            "not in the catalog",
        ),
    ];
    for (p, fields, error_id, words) in cases {
        let agent = if p == plant { &inst } else { &other };
        let r = agent.post(&format!("/plants/{p}/devices"), &fields).await;
        assert_eq!(r.status(), 422, "{error_id} {words}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"id="{error_id}""#)) && html.contains(words),
            "{error_id}: {words}"
        );
        assert!(
            html.contains(&format!(r#"value="{}""#, fields[0].1)),
            "typed serial kept"
        );
    }
    // The duplicate and off-grid refusals point to the service team.
    let r = inst
        .post(
            &format!("/plants/{plant}/devices"),
            &device("2130012345", "9088"),
        )
        .await;
    assert!(r.text().await.unwrap().contains("contact the service team"));
    // No device outside a plant: another company's plant is not found.
    assert_eq!(
        inst.post(
            &format!("/plants/{other_plant}/devices"),
            &device("2130055555", "9088")
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        inst.post("/plants/999999/devices", &device("2130055555", "9088"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn sub_plants_hold_devices_and_devices_move_and_leave() {
    let app = TestApp::spawn().await;
    let inst = app
        .signed_in(&Registration::installer("boss@sub.de", "Sub Solar"))
        .await;
    let plant = plant_of(&inst, "Gewerbehof").await;
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/subplants"),
            &[("name", "Dach Ost")]
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/subplants"),
            &[("name", "Dach West")]
        )
        .await
        .status(),
        303
    );
    let r = inst
        .post(&format!("/plants/{plant}/subplants"), &[("name", " ")])
        .await;
    assert_eq!(r.status(), 422);
    let mut fields = device("2130011111", "9088");
    fields.push(("subplant_id", "1"));
    assert_eq!(
        inst.post(&format!("/plants/{plant}/devices"), &fields)
            .await
            .status(),
        303
    );
    let mut bad = device("2130022222", "9088");
    bad.push(("subplant_id", "7"));
    assert_eq!(
        inst.post(&format!("/plants/{plant}/devices"), &bad)
            .await
            .status(),
        422
    );

    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    assert!(
        html.contains("Sub-plant: Dach Ost") && html.contains("2130011111"),
        "the tree plant → sub-plant → device"
    );
    // A sub-plant with devices cannot be deleted; an empty one can; renaming works.
    assert_eq!(
        inst.post(&format!("/plants/{plant}/subplants/1/delete"), &[])
            .await
            .status(),
        409
    );
    assert_eq!(
        inst.post(&format!("/plants/{plant}/subplants/2/delete"), &[])
            .await
            .status(),
        303
    );
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/subplants/1"),
            &[("name", "Dach Süd")]
        )
        .await
        .status(),
        303
    );

    // Move the device out of the sub-plant, then remove it; its serial is free again.
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    let edit = html
        .split('"')
        .find(|s| {
            s.strip_prefix("/devices/")
                .is_some_and(|id| id.parse::<u64>().is_ok())
        })
        .unwrap()
        .to_owned();
    let r = inst
        .post(&edit, &[("name", "WR 1"), ("subplant_id", "")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    assert!(
        !html.contains("Sub-plant: Dach Süd"),
        "moved out of the sub-plant"
    );
    assert_eq!(
        inst.post(&format!("/plants/{plant}/subplants/1/delete"), &[])
            .await
            .status(),
        303,
        "now empty"
    );
    let (status, html) = inst.page(&format!("{edit}/remove")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Its tickets and history are kept"));
    assert_eq!(
        inst.post(&format!("{edit}/remove"), &[]).await.status(),
        303
    );
    assert_eq!(inst.get(&edit).await.status(), 404, "removed");
    assert_eq!(
        inst.post(
            &format!("/plants/{plant}/devices"),
            &device("2130011111", "9088")
        )
        .await
        .status(),
        303
    );

    // Other companies reach none of it.
    let other = app
        .signed_in(&Registration::installer("boss@other2.de", "Other2 Solar"))
        .await;
    let (_, html) = inst.page(&format!("/plants/{plant}")).await;
    let edit = html
        .split('"')
        .find(|s| {
            s.strip_prefix("/devices/")
                .is_some_and(|id| id.parse::<u64>().is_ok())
        })
        .unwrap()
        .to_owned();
    assert_eq!(other.get(&edit).await.status(), 404);
    assert_eq!(
        other.post(&format!("{edit}/remove"), &[]).await.status(),
        404
    );
    assert_eq!(
        other
            .post(&format!("/plants/{plant}/subplants"), &[("name", "X")])
            .await
            .status(),
        404
    );
}
