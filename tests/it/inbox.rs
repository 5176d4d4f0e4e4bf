//! Requests by e-mail, from both sources: files delivered into the Maildir, and messages
//! delivered into a real IMAP server (Dovecot, on loopback) read over TLS. Replies land in
//! their thread (and only for people who may see it), mail to the service address opens
//! a request, machines open nothing, bounces mark the mail they return, nothing is
//! processed twice or lost. Every scenario runs once per source.

use std::ops::Deref;
use std::path::Path;
use std::time::Duration;

use osc::config::Config;
use osc::domain::ticket::TicketStatus;
use osc::store::Storage;
use osc::store::inbox::HoldReason;
use osc::store::mail_queue::MailState;
use osc::store::tickets::Ticket;

use crate::common::{Registration, TestApp, eventually, outbox_files};
use crate::dovecot::Dovecot;

const SERVICE: &str = "service@example.com";

/// The IMAP user whose INBOX the portal reads.
const USER: &str = "service";

/// Where a test delivers mail for the portal to read.
#[derive(Debug, Clone, Copy)]
enum Via {
    Maildir,
    Imap,
}

/// The portal and the mailbox it reads.
struct Mail {
    app: TestApp,
    dovecot: Option<Dovecot>,
}

impl Deref for Mail {
    type Target = TestApp;
    fn deref(&self) -> &TestApp {
        &self.app
    }
}

/// The portal reading mail `via` a source; `None` when that source's server is not
/// installed (outside CI).
async fn app(via: Via) -> Option<Mail> {
    app_with(via, |_| {}).await
}

async fn app_with(via: Via, adjust: impl FnOnce(&mut Config)) -> Option<Mail> {
    let dovecot = match via {
        Via::Maildir => None,
        Via::Imap => Some(Dovecot::start().await?),
    };
    let app = TestApp::spawn_with(|c| {
        c.mail_in.address = SERVICE.to_owned();
        if let Some(d) = &dovecot {
            d.configure(&mut c.mail_in, USER);
            // Far beyond the waits below: new mail is only seen in time if the
            // server announces it (IDLE).
            c.mail_in.poll_secs = 600;
        }
        adjust(c);
    })
    .await;
    Some(Mail { app, dovecot })
}

impl Mail {
    /// Delivers `raw` as a mail server does: for the Maildir written into `tmp/`, then
    /// moved into `new/`; for IMAP into the INBOX.
    fn deliver(&self, name: &str, raw: &str) {
        let raw = raw.replace('\n', "\r\n");
        match &self.dovecot {
            None => deliver(&self.data_dir(), name, &raw),
            Some(d) => d.deliver(USER, raw.as_bytes()),
        }
    }

    /// Messages still waiting to be read.
    fn waiting(&self) -> usize {
        match &self.dovecot {
            None => waiting(&self.data_dir()),
            Some(d) => d.count(USER, "INBOX"),
        }
    }

    /// Messages read and moved on.
    fn processed_count(&self) -> usize {
        match &self.dovecot {
            None => std::fs::read_dir(self.data_dir().join("inbox/cur")).map_or(0, |d| d.count()),
            Some(d) => d.count(USER, "Processed"),
        }
    }

    /// Messages moved to the held folder.
    fn held_count(&self) -> usize {
        match &self.dovecot {
            None => {
                std::fs::read_dir(self.data_dir().join("inbox/.Held/cur")).map_or(0, |d| d.count())
            }
            Some(d) => d.count(USER, "Held"),
        }
    }

    /// Waits until nothing is waiting: every message was processed or held.
    async fn processed(&self) {
        eventually(Duration::from_secs(10), || {
            (self.waiting() == 0).then_some(())
        })
        .await;
    }
}

/// Delivers `raw` into the Maildir under `dir` as a mail server does.
fn deliver(dir: &Path, name: &str, raw: &str) {
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(inbox.join("tmp")).unwrap();
    std::fs::create_dir_all(inbox.join("new")).unwrap();
    std::fs::write(inbox.join("tmp").join(name), raw).unwrap();
    std::fs::rename(inbox.join("tmp").join(name), inbox.join("new").join(name)).unwrap();
}

fn waiting(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("inbox/new")).map_or(0, |d| d.count())
}

/// Each scenario as one test per source.
macro_rules! from_both_sources {
    ($($scenario:ident),* $(,)?) => {
        mod maildir {
            $(#[tokio::test]
            async fn $scenario() {
                super::$scenario(super::Via::Maildir).await
            })*
        }
        mod imap {
            $(#[tokio::test]
            async fn $scenario() {
                super::$scenario(super::Via::Imap).await
            })*
        }
    };
}

from_both_sources!(
    a_reply_to_a_notification_lands_in_its_thread_once,
    a_reply_from_someone_who_may_not_see_the_request_opens_their_own,
    mail_to_the_service_address_opens_a_request_and_its_replies_thread,
    machines_open_nothing_and_a_bounce_marks_the_mail_it_returns,
    what_cannot_be_processed_is_held_listed_and_retried,
    a_server_killed_while_reading_mail_processes_each_message_exactly_once,
);

fn ticket(app: &TestApp, id: u64) -> Ticket {
    app.state.store.tickets().by_ids(&[id]).unwrap().remove(0)
}

/// A header's value in an `.eml` the outbox holds.
fn header<'a>(eml: &'a str, name: &str) -> &'a str {
    eml.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("{name} in {eml}"))
        .trim()
}

/// An outbox message to `to` whose text holds `needle`.
fn sent_to(app: &TestApp, to: &str, needle: &str) -> Option<String> {
    outbox_files(&app.data_dir().join("outbox"))
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .rfind(|t| t.lines().any(|l| l.starts_with("To:") && l.contains(to)) && t.contains(needle))
}

async fn mail_to(app: &TestApp, to: &str, needle: &str) -> String {
    eventually(Duration::from_secs(10), || sent_to(app, to, needle)).await
}

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

async fn a_reply_to_a_notification_lands_in_its_thread_once(via: Via) {
    let Some(app) = app(via).await else { return };
    let (staff, company, _, t) = app
        .workshop_with_request(TicketStatus::WaitingForCustomer)
        .await;
    let chef = &company.admin.user.email;
    // The notification names its thread and carries the request's reply address.
    let notice = mail_to(&app, chef, &t.number).await;
    let reply_to = header(&notice, "Reply-To");
    assert!(
        reply_to.contains(&format!("service+t{}.", t.id)),
        "{reply_to}"
    );
    let thread = header(&notice, "References");
    assert!(thread.starts_with(&format!("<osc.t{}.", t.id)), "{thread}");
    assert_eq!(header(&notice, "In-Reply-To"), thread);
    let address = reply_to
        .rsplit_once('<')
        .map_or(reply_to, |(_, a)| a.trim_end_matches('>'));

    let before = ticket(&app, t.id).messages.len();
    let reply = format!(
        "From: Chef <{chef}>\n\
To: {address}\n\
Subject: Re: {number}\n\
Message-ID: <reply-1@kuehn-solar.de>\n\
MIME-Version: 1.0\n\
Content-Type: multipart/mixed; boundary=\"b1\"\n\
\n\
--b1\n\
Content-Type: text/plain; charset=utf-8\n\
\n\
Hier das Foto vom Typenschild.\n\
\n\
Am 01.12.2026 um 10:00 schrieb Service:\n\
> Bitte senden Sie uns ein Foto.\n\
--b1\n\
Content-Type: image/png; name=\"typenschild.png\"\n\
Content-Disposition: attachment; filename=\"typenschild.png\"\n\
Content-Transfer-Encoding: base64\n\
\n\
{PNG}\n\
--b1\n\
Content-Type: application/octet-stream; name=\"tool.exe\"\n\
Content-Disposition: attachment; filename=\"tool.exe\"\n\
Content-Transfer-Encoding: base64\n\
\n\
TVqQAAMAAAAEAAAA\n\
--b1--\n",
        number = t.number
    );
    app.deliver("1.reply.host", &reply);
    app.processed().await;
    let after = ticket(&app, t.id);
    assert_eq!(after.messages.len(), before + 1);
    let m = after.messages.last().unwrap();
    assert!(!m.from_staff && !m.internal);
    assert_eq!(m.author, Some(company.admin.user.id));
    assert!(
        m.text.starts_with("Hier das Foto vom Typenschild."),
        "{}",
        m.text
    );
    assert!(
        !m.text.contains("Bitte senden"),
        "the quote is cut: {}",
        m.text
    );
    assert!(
        m.text.contains("tool.exe"),
        "the refused file is listed: {}",
        m.text
    );
    let names: Vec<&str> = m.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["typenschild.png", "original-message.txt"]);
    // Waiting for the customer, the reply puts it back to work.
    assert_eq!(after.status, TicketStatus::InProgress);
    // The full original is viewable from the page.
    let (status, html) = company
        .admin
        .agent
        .page(&format!("/tickets/{}", t.id))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Hier das Foto vom Typenschild.") && html.contains("original-message.txt")
    );

    // The same mail delivered a second time adds nothing.
    app.deliver("2.reply-again.host", &reply);
    app.processed().await;
    assert_eq!(ticket(&app, t.id).messages.len(), before + 1);
    assert_eq!(app.processed_count(), 2, "moved on, not deleted");

    // A staff answer goes out in the same thread, so the customer's program threads it.
    let r = staff
        .multipart(
            &format!("/tickets/{}/messages", t.id),
            &[("message", "Danke, wir prüfen das.")],
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let answer = mail_to(&app, chef, "Danke, wir pr").await;
    assert_eq!(header(&answer, "References"), thread);
    assert_eq!(header(&answer, "In-Reply-To"), thread);
    assert!(header(&answer, "Message-ID").starts_with("<osc.m"));
}

async fn a_reply_from_someone_who_may_not_see_the_request_opens_their_own(via: Via) {
    let Some(app) = app(via).await else { return };
    let (_, company, _, t) = app.workshop_with_request(TicketStatus::InProgress).await;
    let notice = mail_to(&app, &company.admin.user.email, &t.number).await;
    let message_id = header(&notice, "Message-ID").to_owned();
    let before = ticket(&app, t.id).messages.len();
    // Forwarded to someone outside the company, who answers it.
    app.deliver(
        "1.stranger.host",
        &format!(
            "From: Otto Fremd <otto@fremd.example>\nTo: {SERVICE}\nSubject: Re: Ihre Anfrage\n\
Message-ID: <otto-1@fremd.example>\nIn-Reply-To: {message_id}\nReferences: {message_id}\n\n\
Ich habe das gleiche Problem.\n"
        ),
    );
    app.processed().await;
    assert_eq!(
        ticket(&app, t.id).messages.len(),
        before,
        "nothing leaks into the thread"
    );
    let confirmation = mail_to(&app, "otto@fremd.example", "2026-").await;
    let tickets = app.state.store.tickets().page(t.id, 10).unwrap();
    let theirs = tickets
        .iter()
        .find(|x| x.requester_email == "otto@fremd.example")
        .expect("a request of their own");
    assert!(confirmation.contains(&theirs.number));
    assert!(theirs.requester.is_none());
    let text = &theirs.messages[0].text;
    assert!(
        text.contains(&t.number) && text.contains("Ich habe das gleiche Problem."),
        "{text}"
    );
}

async fn mail_to_the_service_address_opens_a_request_and_its_replies_thread(via: Via) {
    let Some(app) = app(via).await else { return };
    // A customer with an account: the request shows in their Ticket Tracking.
    let olaf = app
        .signed_in(&Registration::operator("olaf@example.org").with("first_name", "Olaf"))
        .await;
    app.deliver("1.olaf.host",
        &format!(
            "From: Olaf <Olaf@Example.org>\nTo: Service <{SERVICE}>\nSubject: Display bleibt dunkel\n\
Message-ID: <olaf-1@example.org>\n\nSeit heute Morgen ist das Display dunkel.\n"
        ),
    );
    app.processed().await;
    let (_, tracking) = olaf.page("/tickets").await;
    assert!(tracking.contains("Display bleibt dunkel"), "{tracking}");
    mail_to(&app, "olaf@example.org", "Display bleibt dunkel").await;

    // A visitor: a request like the logged-out contact form's, confirmed with its number.
    app.deliver(
        "2.vera.host",
        &format!(
            "From: Vera Vogel <vera@example.net>\nTo: {SERVICE}\nSubject: Frage zur Garantie\n\
Message-ID: <vera-1@example.net>\n\nWie lange gilt die Garantie?\n"
        ),
    );
    app.processed().await;
    let all = app.state.store.tickets().page(0, 10).unwrap();
    let vera = all
        .iter()
        .find(|x| x.requester_email == "vera@example.net")
        .expect("the visitor's request");
    assert!(vera.requester.is_none());
    assert_eq!(vera.subject, "Frage zur Garantie");
    let confirmation = mail_to(&app, "vera@example.net", &vera.number).await;
    // Her answer to the confirmation lands in that request.
    let id = header(&confirmation, "Message-ID").to_owned();
    app.deliver("3.vera.host",
        &format!(
            "From: vera@example.net\nTo: {SERVICE}\nSubject: Re: {}\nMessage-ID: <vera-2@example.net>\n\
In-Reply-To: {id}\n\nDie Seriennummer ist 3001234567.\n",
            vera.number
        ),
    );
    app.processed().await;
    let thread = ticket(&app, vera.id);
    assert_eq!(thread.messages.len(), 2);
    assert_eq!(thread.messages[1].text, "Die Seriennummer ist 3001234567.");
    assert_eq!(app.state.store.tickets().page(0, 10).unwrap().len(), 2);

    // An old mail program's Windows-1252 with an encoded subject, and an HTML-only mail.
    app.deliver(
        "4.legacy.host",
        &format!(
            "From: =?windows-1252?Q?J=FCrgen_M=FCller?= <juergen@example.net>\nTo: {SERVICE}\n\
Subject: =?windows-1252?Q?Z=E4hler_l=E4uft_r=FCckw=E4rts?=\nMessage-ID: <legacy-1@example.net>\n\
MIME-Version: 1.0\nContent-Type: text/plain; charset=windows-1252\n\
Content-Transfer-Encoding: quoted-printable\n\nDer Z=E4hler zeigt =80 statt kWh.\n"
        ),
    );
    app.deliver(
        "5.html.host",
        &format!(
            "From: hanna@example.net\nTo: {SERVICE}\nSubject: Angebot\nMessage-ID: <html-1@example.net>\n\
MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n\
<html><body><p>Bitte ein <b>Angebot</b> f&uuml;r zwei Speicher.</p><script>x()</script></body></html>\n"
        ),
    );
    app.processed().await;
    let all = app.state.store.tickets().page(0, 10).unwrap();
    let legacy = all
        .iter()
        .find(|x| x.requester_email == "juergen@example.net")
        .expect("the Windows-1252 mail");
    assert_eq!(legacy.subject, "Zähler läuft rückwärts");
    assert_eq!(legacy.requester_name, "Jürgen Müller");
    assert_eq!(legacy.messages[0].text, "Der Zähler zeigt € statt kWh.");
    let html = all
        .iter()
        .find(|x| x.requester_email == "hanna@example.net")
        .expect("the HTML-only mail");
    let text = &html.messages[0].text;
    assert!(
        text.contains("Bitte ein Angebot für zwei Speicher."),
        "{text}"
    );
    assert!(!text.contains('<') && !text.contains("x()"), "{text}");
}

async fn machines_open_nothing_and_a_bounce_marks_the_mail_it_returns(via: Via) {
    let Some(app) = app(via).await else { return };
    app.deliver("1.ask.host",
        &format!(
            "From: kunde@nirgendwo.example\nTo: {SERVICE}\nSubject: Hallo\nMessage-ID: <k-1@nirgendwo.example>\n\nHallo?\n"
        ),
    );
    app.processed().await;
    let confirmation = mail_to(&app, "kunde@nirgendwo.example", "2026-").await;
    let confirmation_id = header(&confirmation, "Message-ID").to_owned();
    let tickets = || app.state.store.tickets().page(0, 100).unwrap().len();
    assert_eq!(tickets(), 1);
    let outbox = || outbox_files(&app.data_dir().join("outbox")).len();
    let sent_before = outbox();

    // An out-of-office reply, list mail and the portal's own mail: nothing opened or sent.
    for (n, extra) in [
        "Auto-Submitted: auto-replied",
        "X-Autoreply: yes",
        "Precedence: bulk",
        "List-Id: <news.example.com>",
    ]
    .iter()
    .enumerate()
    {
        app.deliver(&format!("2.auto-{n}.host"),
            &format!(
                "From: someone@example.net\nTo: {SERVICE}\n{extra}\nSubject: Abwesend\nMessage-ID: <auto-{n}@example.net>\n\nIch bin nicht im Büro.\n"
            ),
        );
    }
    app.deliver("3.own.host",
        &format!(
            "From: Online Service Center <noreply@localhost>\nTo: {SERVICE}\nSubject: loop\nMessage-ID: <own@localhost>\n\nloop\n"
        ),
    );
    // The recipient's server returns the confirmation: a delivery status report.
    app.deliver("4.bounce.host",
        &format!(
            "From: Mail Delivery System <MAILER-DAEMON@mx.nirgendwo.example>\n\
To: noreply@localhost\nSubject: Undelivered Mail Returned to Sender\n\
Message-ID: <bounce-1@mx.nirgendwo.example>\nMIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n\
--r\nContent-Type: text/plain\n\nThe mail could not be delivered.\n\
--r\nContent-Type: message/delivery-status\n\n\
Reporting-MTA: dns; mx.nirgendwo.example\n\nFinal-Recipient: rfc822; kunde@nirgendwo.example\n\
Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <kunde@nirgendwo.example>: user unknown\n\n\
--r\nContent-Type: text/rfc822-headers\n\n\
From: noreply@localhost\nTo: kunde@nirgendwo.example\nMessage-ID: {confirmation_id}\n\
--r--\n"
        ),
    );
    app.processed().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(tickets(), 1, "machines open no request");
    assert_eq!(outbox(), sent_before, "and get no answer");
    let (mails, _) = app
        .state
        .store
        .mail_queue()
        .list(osc::store::mail_queue::Show::Returned, None, 10)
        .unwrap();
    assert_eq!(mails.len(), 1);
    let (_, bounced) = &mails[0];
    assert!(matches!(bounced.state, MailState::Bounced { .. }));
    assert!(bounced.mail.to.contains("kunde@nirgendwo.example"));
    assert_eq!(
        bounced.last_error.as_deref(),
        Some("550 5.1.1 <kunde@nirgendwo.example>: user unknown")
    );
    let staff = app.staff("sam@service.example").await;
    let (_, page) = staff.page("/service/mail?show=returned").await;
    assert!(
        page.contains("Returned") && page.contains("user unknown"),
        "{page}"
    );
}

async fn what_cannot_be_processed_is_held_listed_and_retried(via: Via) {
    let Some(app) = app_with(via, |c| {
        c.mail_in.per_sender_per_hour = 2;
        c.mail_in.max_message_kb = 2;
    })
    .await
    else {
        return;
    };
    // Larger than the limit: held unread, listed by its headers.
    app.deliver(
        "0.large.host",
        &format!(
            "From: Gross <gross@example.net>\nTo: {SERVICE}\nSubject: Riesige Anlage\n\
Message-ID: <large-1@example.net>\n\n{}\n",
            "Zeile mit Messwerten\n".repeat(200)
        ),
    );
    app.deliver("1.garbage.host", "\u{1}\u{2} this is not an e-mail at all");
    for n in 0..3 {
        app.deliver(&format!("2.storm-{n}.host"),
            &format!(
                "From: sturm@example.net\nTo: {SERVICE}\nSubject: Nummer {n}\nMessage-ID: <storm-{n}@example.net>\n\nNachricht {n}\n"
            ),
        );
    }
    let store = app.state.store.clone();
    let held = eventually(Duration::from_secs(10), || {
        let held = store.inbox().held().unwrap();
        (held.len() == 3).then_some(held)
    })
    .await;
    let reasons: Vec<HoldReason> = held.iter().map(|(_, h)| h.reason).collect();
    assert!(reasons.contains(&HoldReason::Unreadable) && reasons.contains(&HoldReason::TooMany));
    let (_, large) = held
        .iter()
        .find(|(_, h)| h.reason == HoldReason::TooLarge)
        .expect("the large one");
    assert_eq!(
        (large.from.as_str(), large.subject.as_str()),
        ("gross@example.net", "Riesige Anlage")
    );
    assert_eq!(
        app.state.store.tickets().page(0, 10).unwrap().len(),
        2,
        "two of the storm got in"
    );
    // Listed first, then moved aside: kept, not deleted.
    eventually(Duration::from_secs(10), || {
        (app.held_count() == 3).then_some(())
    })
    .await;

    // The service desk lists them with the reason, lets them be read and retried.
    let staff = app.staff("sam@service.example").await;
    let (status, page) = staff.page("/service/inbox").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Not a readable e-mail")
            && page.contains("Too many from this sender")
            && page.contains("Larger than the limit")
            && page.contains("Riesige Anlage"),
        "{page}"
    );
    assert!(page.contains("Nummer 2"));
    let (garbage, garbage_held) = held
        .iter()
        .find(|(_, h)| h.reason == HoldReason::Unreadable)
        .unwrap();
    let download = staff
        .get(&format!("/service/inbox/{garbage}/message"))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "message/rfc822");
    assert!(download.text().await.unwrap().contains("not an e-mail"));
    let r = staff
        .post(&format!("/service/inbox/{garbage}/retry"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/service/inbox?saved=retried");
    // Read again (still unreadable, so held again under a new line), and audited.
    let again = eventually(Duration::from_secs(10), || {
        let held = store.inbox().held().unwrap();
        held.iter()
            .any(|(id, h)| id != garbage && h.reason == HoldReason::Unreadable)
            .then_some(held)
    })
    .await;
    assert_eq!(again.len(), 3);
    let (_, audit) = staff.page("/service/audit?event=inbox-retried").await;
    assert!(audit.contains(&garbage_held.file), "{audit}");
    // Unknown ids answer 404, not 500.
    assert_eq!(staff.get("/service/inbox/999/message").await.status(), 404);
    assert_eq!(
        staff.post("/service/inbox/999/retry", &[]).await.status(),
        404
    );
}

/// The real binary killed with `kill -9` while it reads: after a restart each message is
/// a request exactly once, and nothing is left waiting.
async fn a_server_killed_while_reading_mail_processes_each_message_exactly_once(via: Via) {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = match via {
        Via::Maildir => None,
        Via::Imap => match Dovecot::start().await {
            Some(d) => Some(d),
            None => return,
        },
    };
    let count = 60;
    for n in 0..count {
        let raw = format!(
            "From: k{n}@example.net\r\nTo: service@example.com\r\nSubject: Anfrage {n}\r\n\
Message-ID: <crash-{n}@example.net>\r\n\r\nText {n}\r\n"
        );
        match &dovecot {
            None => deliver(dir.path(), &format!("{n:04}.crash.host"), &raw),
            Some(d) => d.deliver(USER, raw.as_bytes()),
        }
    }
    let env: Vec<(&str, String)> = dovecot.as_ref().map_or_else(Vec::new, |d| d.env(USER));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = || match &dovecot {
        None => std::fs::read_dir(dir.path().join("inbox/cur")).map_or(0, |d| d.count()),
        Some(d) => d.count(USER, "Processed"),
    };
    let left = || match &dovecot {
        None => waiting(dir.path()),
        Some(d) => d.count(USER, "INBOX"),
    };
    let (mut child, _) = crate::common::serve_binary(dir.path(), &env);
    eventually(Duration::from_secs(30), || (done() >= 5).then_some(())).await;
    child.kill().unwrap();
    child.wait().unwrap();
    let (mut child, _) = crate::common::serve_binary(dir.path(), &env);
    eventually(Duration::from_secs(30), || (left() == 0).then_some(())).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(done(), count, "every message moved on, none deleted");
    let store = osc::store::Store::open(dir.path(), 1 << 20).unwrap();
    let tickets = store.tickets().page(0, 1000).unwrap();
    let mut subjects: Vec<String> = tickets.iter().map(|t| t.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(tickets.len(), count, "each message once");
    assert_eq!(subjects.len(), count);
}

/// The message the IMAP tests below deliver.
const HELLO: &str = "From: Olga <olga@example.org>\r\nTo: service@example.com\r\n\
Subject: Wechselrichter piept\r\nMessage-ID: <olga-1@example.org>\r\n\r\nEr piept.\r\n";

/// A second message, from the same sender.
fn hello_again() -> String {
    HELLO
        .replace("olga-1@", "olga-2@")
        .replace("piept", "schweigt")
}

/// A portal reading [`USER`]'s INBOX every `poll_secs` (where the server has no IDLE),
/// once it has read [`HELLO`].
async fn reading_hello(dovecot: &Dovecot, poll_secs: u64) -> TestApp {
    let app = TestApp::spawn_with(|c| {
        dovecot.configure(&mut c.mail_in, USER);
        c.mail_in.poll_secs = poll_secs;
    })
    .await;
    dovecot.deliver(USER, HELLO.as_bytes());
    eventually(Duration::from_secs(10), || (filed(&app) == 1).then_some(())).await;
    app
}

fn filed(app: &TestApp) -> usize {
    app.state.store.tickets().page(0, 10).unwrap().len()
}

#[tokio::test]
async fn imap_over_starttls_reads_the_mail_and_a_server_it_cannot_trust_gets_no_password() {
    let Some(dovecot) = Dovecot::start().await else {
        return;
    };
    // On the plain port, upgraded with STARTTLS before logging in.
    let app = TestApp::spawn_with(|c| {
        dovecot.configure(&mut c.mail_in, "upgraded");
        c.mail_in.imap_security = osc::config::ImapSecurity::Starttls;
        c.mail_in.imap_port = dovecot.imap;
    })
    .await;
    dovecot.deliver("upgraded", HELLO.as_bytes());
    // A move is a copy and then an expunge: wait for both.
    eventually(Duration::from_secs(10), || {
        (dovecot.count("upgraded", "Processed") == 1 && dovecot.count("upgraded", "INBOX") == 0)
            .then_some(())
    })
    .await;
    assert_eq!(dovecot.seen("upgraded", "Processed"), 1, "flagged read");
    assert_eq!(filed(&app), 1);

    // Without the site's authority the certificate is refused before anything is sent;
    // with a wrong password the server refuses the log-in. Either way the mail stays.
    let untrusted = TestApp::spawn_with(|c| {
        dovecot.configure(&mut c.mail_in, "untrusted");
        c.mail_in.imap_ca_file = std::path::PathBuf::new();
    })
    .await;
    let refused = TestApp::spawn_with(|c| {
        dovecot.configure(&mut c.mail_in, "refused");
        c.mail_in.imap_password = "falsch".into();
    })
    .await;
    dovecot.deliver("untrusted", HELLO.as_bytes());
    dovecot.deliver("refused", HELLO.as_bytes());
    tokio::time::sleep(Duration::from_secs(3)).await;
    for (user, app) in [("untrusted", &untrusted), ("refused", &refused)] {
        assert_eq!(dovecot.count(user, "INBOX"), 1, "{user}: left where it was");
        assert_eq!(dovecot.count(user, "Processed"), 0);
        assert_eq!(filed(app), 0);
    }
    // The desk cannot reach a mailbox that refuses it: 503, to be tried again, not 500.
    let id = refused
        .state
        .store
        .inbox()
        .hold(osc::store::inbox::HeldMessage {
            at: refused.state.clock.now(),
            file: "1.1".to_owned(),
            from: "olga@example.org".to_owned(),
            subject: "Wechselrichter piept".to_owned(),
            size: 100,
            reason: HoldReason::Failed,
        })
        .unwrap();
    // The desk says whether the mailbox is read, and if not why.
    let (_, page) = app
        .staff("sam@service.example")
        .await
        .page("/service/inbox")
        .await;
    assert!(page.contains("read without trouble since"), "{page}");
    let (_, page) = untrusted
        .staff("sam@service.example")
        .await
        .page("/service/inbox")
        .await;
    assert!(
        page.contains("cannot be read since") && page.contains("certificate"),
        "{page}"
    );
    let staff = refused.staff("sam@service.example").await;
    let (_, page) = staff.page("/service/inbox").await;
    assert!(
        page.contains("cannot be read since") && page.contains("uthentication"),
        "{page}"
    );
    let r = staff.get(&format!("/service/inbox/{id}/message")).await;
    assert_eq!(r.status(), 503);
    let r = staff.post(&format!("/service/inbox/{id}/retry"), &[]).await;
    assert_eq!(r.status(), 503);
    assert!(
        refused.state.store.inbox().held_one(id).unwrap().is_some(),
        "still listed"
    );

    let log = dovecot.log();
    assert!(log.contains("user=<upgraded>"), "{log}");
    assert!(
        !log.contains("user=<untrusted>"),
        "no log-in was tried: {log}"
    );
}

#[tokio::test]
async fn imap_mail_is_read_again_once_the_server_is_back() {
    let Some(dovecot) = Dovecot::start().await else {
        return;
    };
    let app = reading_hello(&dovecot, 600).await;
    // The server goes away under the open connection, and comes back.
    let dovecot = dovecot.restart().await;
    dovecot.deliver(USER, hello_again().as_bytes());
    // Filed first, moved once that is durable: wait until nothing is left. A message
    // whose MOVE the stopping server had copied but not yet expunged is read again (and
    // skipped: one request each) and moved again, so Processed may hold it twice; it
    // is never in neither.
    eventually(Duration::from_secs(20), || {
        (filed(&app) == 2 && dovecot.count(USER, "INBOX") == 0).then_some(())
    })
    .await;
    assert!(dovecot.count(USER, "Processed") >= 2);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(filed(&app), 2, "one request per message");
}

#[tokio::test]
async fn imap_without_idle_or_move_is_polled_and_copies_before_it_expunges() {
    // A server that announces neither IDLE nor MOVE (as some providers' do not).
    let Some(dovecot) = Dovecot::start_with("imap_capability = IMAP4rev1 LITERAL+ UIDPLUS").await
    else {
        return;
    };
    let app = reading_hello(&dovecot, 1).await;
    // Delivered while the portal waits between two looks.
    tokio::time::sleep(Duration::from_millis(300)).await;
    dovecot.deliver(USER, hello_again().as_bytes());
    eventually(Duration::from_secs(10), || {
        (dovecot.count(USER, "Processed") == 2 && dovecot.count(USER, "INBOX") == 0).then_some(())
    })
    .await;
    assert_eq!(filed(&app), 2);
    assert_eq!(dovecot.seen(USER, "Processed"), 2, "flags kept by the copy");
}
