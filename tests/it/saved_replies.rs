//! Saved replies: kept by the service team in every language, checked like every form,
//! inserted on a request's page in the requester's language with the placeholders filled,
//! edited before sending, and moving the request on when that is asked and allowed.

use osc::domain::ticket::TicketStatus;

use crate::common::{Registration, TestApp};

/// The saved reply every test uses.
const REPLY: [(&str, &str); 5] = [
    ("title", "Seriennummer fehlt"),
    (
        "text_fr",
        "Bonjour {name}, pour la demande {number}, envoyez-nous le numéro de série {serial}.",
    ),
    (
        "text_de",
        "Hallo {name}, zu Anfrage {number} brauchen wir die Seriennummer {serial}.",
    ),
    (
        "text_en",
        "Hello {name}, for request {number} we need serial number {serial}.",
    ),
    ("then", "waiting"),
];

/// The textarea `message` of a page.
fn message_field(page: &str) -> String {
    let start = page.find(r#"name="message""#).expect("the message field");
    let open = page[start..].find('>').unwrap() + start + 1;
    let close = page[open..].find("</textarea>").unwrap() + open;
    page[open..close].to_owned()
}

#[tokio::test]
async fn saved_replies_are_kept_in_every_language_with_their_errors_next_to_the_fields() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    // Nothing but the German text: every other field says what it needs, the text kept.
    let r = staff
        .post(
            "/service/replies",
            &[("text_de", "Nur deutsch"), ("then", "shipped")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    for field in ["title", "text_fr", "text_en", "then"] {
        assert!(page.contains(&format!(r#"id="{field}-error""#)), "{field}");
    }
    assert!(page.contains("Nur deutsch"), "the typed text is kept");
    assert!(app.state.store.saved_replies().list().unwrap().is_empty());

    let r = staff.post("/service/replies", &REPLY).await;
    assert_eq!(r.status(), 303);
    let (_, list) = staff.page("/service/replies").await;
    assert!(list.contains("Seriennummer fehlt"));
    let (id, _) = app.state.store.saved_replies().list().unwrap()[0].clone();
    // Changed, then deleted.
    let mut changed = REPLY.to_vec();
    changed[0] = ("title", "Seriennummer bitte");
    let r = staff
        .post(&format!("/service/replies/{id}"), &changed)
        .await;
    assert_eq!(r.status(), 303);
    let (_, edit) = staff.page(&format!("/service/replies/{id}")).await;
    assert!(edit.contains("Seriennummer bitte"));
    let r = staff
        .post(&format!("/service/replies/{id}"), &[("title", "")])
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        app.state
            .store
            .saved_replies()
            .get(id)
            .unwrap()
            .unwrap()
            .title,
        "Seriennummer bitte"
    );
    let r = staff
        .post(&format!("/service/replies/{id}/delete"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert!(app.state.store.saved_replies().list().unwrap().is_empty());
    assert_eq!(staff.page(&format!("/service/replies/{id}")).await.0, 404);

    // Customers have none.
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    assert_eq!(company.admin.agent.page("/service/replies").await.0, 404);
    let r = company.admin.agent.post("/service/replies", &REPLY).await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn a_saved_reply_is_inserted_in_the_requesters_language_edited_and_sent_moving_the_request() {
    let app = TestApp::spawn().await;
    let staff = app.staff("sam@service.example").await;
    let sam = app.user("sam@service.example");
    let r = staff.post("/service/replies", &REPLY).await;
    assert_eq!(r.status(), 303);
    let (reply, _) = app.state.store.saved_replies().list().unwrap()[0].clone();

    // A German-speaking operator's request about a serial, and an English one's.
    let greta = app
        .person(&Registration::operator("greta@example.de").with("language", "de"))
        .await;
    let german = app.ticket_in(&greta.user, None, &sam, TicketStatus::InProgress);
    let olga = app
        .person(&Registration::operator("olga@example.com"))
        .await;
    let english = app.ticket_in(&olga.user, None, &sam, TicketStatus::New);

    let (_, page) = staff
        .page(&format!("/tickets/{}?reply={reply}", german.id))
        .await;
    let text = message_field(&page);
    assert_eq!(
        text,
        format!(
            "Hallo {}, zu Anfrage {} brauchen wir die Seriennummer .",
            german.requester_name, german.number
        )
    );
    assert!(page.contains(r#"name="then_state" value="waiting""#));
    let (_, page) = staff
        .page(&format!("/tickets/{}?reply={reply}", english.id))
        .await;
    assert!(message_field(&page).starts_with(&format!(
        "Hello {}, for request {}",
        english.requester_name, english.number
    )));

    // Edited and sent with the change of state.
    let r = staff
        .multipart(
            &format!("/tickets/{}/messages", german.id),
            &[
                (
                    "message",
                    "Hallo, bitte senden Sie uns die Seriennummer vom Typenschild.",
                ),
                ("then", "on"),
                ("then_state", "waiting"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let after = app
        .state
        .store
        .tickets()
        .by_number(&german.number)
        .unwrap()
        .unwrap();
    assert_eq!(after.status, TicketStatus::WaitingForCustomer);
    assert_eq!(
        after.messages.last().unwrap().text,
        "Hallo, bitte senden Sie uns die Seriennummer vom Typenschild."
    );
    app.mail("greta@example.de", "Typenschild").await;

    // Not ticked: the state stays.
    let r = staff
        .multipart(
            &format!("/tickets/{}/messages", english.id),
            &[
                ("message", "Hello, we are on it."),
                ("then_state", "waiting"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let after = app
        .state
        .store
        .tickets()
        .by_number(&english.number)
        .unwrap()
        .unwrap();
    assert_eq!(after.status, TicketStatus::New);

    // A move the request's state does not allow: said next to the box, nothing sent.
    let closed = app.ticket_in(&olga.user, None, &sam, TicketStatus::Closed);
    let r = staff
        .multipart(
            &format!("/tickets/{}/messages", closed.id),
            &[
                ("message", "Noch etwas?"),
                ("then", "on"),
                ("then_state", "waiting"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"id="then-error""#), "{page}");
    assert!(page.contains("Noch etwas?"), "the message is kept");
    let after = app
        .state
        .store
        .tickets()
        .by_number(&closed.number)
        .unwrap()
        .unwrap();
    assert_eq!(after.messages.len(), closed.messages.len());

    // The requester gets no picker and no reply inserted.
    let (_, page) = olga
        .agent
        .page(&format!("/tickets/{}?reply={reply}", english.id))
        .await;
    assert!(!page.contains(r#"name="reply""#));
    assert!(message_field(&page).is_empty());
}
