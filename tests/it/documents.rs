//! Plant documents: upload checked by content, download as an attachment only for who
//! may see the plant, hostile names, size limit, quota, deletion.

use crate::common::{Agent, Registration, TestApp};

fn pdf(size: usize) -> Vec<u8> {
    let mut data = b"%PDF-1.7\n%string plan\n".to_vec();
    data.resize(size.max(data.len()), b'.');
    data
}

async fn plant(agent: &Agent, operator_email: &str) -> u64 {
    let r = agent
        .post(
            "/plants/new",
            &[
                ("name", "Reithalle"),
                ("street", "Am Hang 3"),
                ("postal_code", "8010"),
                ("city", "Graz"),
                ("country", "AT"),
                ("operator_name", "Ole"),
                ("operator_email", operator_email),
            ],
        )
        .await;
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

fn document_link(html: &str) -> String {
    html.split('"')
        .find(|s| s.starts_with("/documents/") && !s.ends_with("/delete"))
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn upload_list_download_and_delete() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("boss@doc.de", "Doc Solar"))
        .await;
    let owner = app
        .signed_in(&Registration::operator("ole@example.com"))
        .await;
    let other = app
        .signed_in(&Registration::installer("boss@nodoc.de", "NoDoc Solar"))
        .await;
    let p = plant(&admin, "ole@example.com").await;
    let data = pdf(300 * 1024);
    let r = admin
        .upload(
            &format!("/plants/{p}/documents"),
            "Strangplan Dach Süd.pdf",
            data.clone(),
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = admin.page(&format!("/plants/{p}")).await;
    assert!(
        html.contains("Strangplan Dach Süd.pdf")
            && html.contains("300 KB")
            && html.contains("Anna Müller")
    );
    let link = document_link(&html);

    for agent in [&admin, &owner] {
        let r = agent.get(&link).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "application/pdf");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
        assert_eq!(
            r.headers()["content-disposition"],
            "attachment; filename=\"Strangplan Dach S_d.pdf\"; filename*=UTF-8''Strangplan%20Dach%20S%C3%BCd.pdf"
        );
        assert_eq!(
            r.bytes().await.unwrap().to_vec(),
            data,
            "the same bytes, across chunks"
        );
    }
    assert_eq!(
        other.get(&link).await.status(),
        404,
        "another company's document"
    );
    assert_eq!(
        app.new_agent().get(&link).await.status(),
        303,
        "anonymous: log in first"
    );
    assert_eq!(
        owner.get(&format!("{link}/delete")).await.status(),
        404,
        "the operator may look, not delete"
    );

    let (status, html) = admin.page(&format!("{link}/delete")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Delete this document?"));
    assert_eq!(
        other.post(&format!("{link}/delete"), &[]).await.status(),
        404
    );
    assert_eq!(
        admin.post(&format!("{link}/delete"), &[]).await.status(),
        303
    );
    assert_eq!(admin.get(&link).await.status(), 404);
}

#[tokio::test]
async fn disguised_oversized_and_over_quota_uploads_are_refused() {
    let app = TestApp::spawn_with(|c| {
        c.uploads.max_document_mb = 1;
        c.uploads.plant_quota_mb = 1;
    })
    .await;
    let admin = app
        .signed_in(&Registration::installer("boss@up.de", "Up Solar"))
        .await;
    let p = plant(&admin, "").await;
    let path = format!("/plants/{p}/documents");
    let r = admin
        .upload(&path, "plan.pdf", b"\x89PNG\r\n\x1a\nrest".to_vec())
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("does not match its name"));
    let r = admin
        .upload(&path, "tool.exe", b"MZ\x90\x00binary\x00".to_vec())
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("not accepted"));
    let r = admin.upload(&path, "big.pdf", pdf(1024 * 1024 + 10)).await;
    assert_eq!(r.status(), 413);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("larger than the portal accepts")
    );
    let r = admin.upload(&path, "huge.pdf", pdf(3 * 1024 * 1024)).await;
    assert_eq!(
        r.status(),
        413,
        "past the request limit too: a designed page, never a 500"
    );
    assert_eq!(
        admin.upload(&path, "a.pdf", pdf(600 * 1024)).await.status(),
        303
    );
    let r = admin.upload(&path, "b.pdf", pdf(600 * 1024)).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("exceed the space"));
    // Without the token: refused, nothing stored.
    let r = admin
        .client
        .post(format!("{}{path}", admin.base))
        .multipart(reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(pdf(10)).file_name("x.pdf"),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let (_, html) = admin.page(&format!("/plants/{p}")).await;
    assert!(html.contains("a.pdf") && !html.contains("x.pdf") && !html.contains("b.pdf"));
}

#[tokio::test]
async fn hostile_file_names_are_stored_safely_and_shown_escaped() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in(&Registration::installer("boss@name.de", "Name Solar"))
        .await;
    let p = plant(&admin, "").await;
    let path = format!("/plants/{p}/documents");
    for name in [
        "../../etc/passwd.txt",
        "<img src=x onerror=alert(1)>.txt",
        "report\u{202E}fdp.txt",
        &format!("{}.txt", "n".repeat(300)),
    ] {
        assert_eq!(
            admin.upload(&path, name, b"hello".to_vec()).await.status(),
            303,
            "{name}"
        );
    }
    let (_, html) = admin.page(&format!("/plants/{p}")).await;
    assert!(html.contains(">passwd.txt<") && !html.contains("../"));
    assert!(
        !html.contains("<img src=x") && html.contains("&lt;img src=x onerror=alert(1)&gt;.txt")
    );
    assert!(html.contains("reportfdp.txt") && !html.contains('\u{202E}'));
    assert!(html.contains(&format!("{}.txt", "n".repeat(116))) && !html.contains(&"n".repeat(117)));
}
