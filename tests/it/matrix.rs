//! The authorization matrix: every route and method of the router × every kind of actor,
//! with the expected outcome, against the real server. It fails when the router has a
//! route this table lacks (and the other way round), so every new route must be added
//! here with its rules.

use osc::domain::Email;

use crate::common::{Agent, PASSWORD, Registration, TestApp, link_in};

/// What an actor gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum O {
    /// Served (any answer but a 5xx, a 404 or the log-in page): the actor may use it.
    Ok,
    /// Public: anything but a 5xx or the log-in page (unknown tokens answer 404 there).
    Pub,
    /// Sent to the log-in page.
    Login,
    /// 404, as for something that does not exist.
    NotFound,
}
use O::*;

/// Actors, in the order each row is tried: the administrator of company A comes last
/// because their successful changes (removing the spare collaborator …) come last.
const ACTORS: [&str; 6] = [
    "anonymous",
    "operator",
    "installer",
    "other admin",
    "staff",
    "admin",
];

/// The service desk's rows: only the service team gets in.
const STAFF_ONLY: [O; 6] = [NotFound, NotFound, NotFound, NotFound, Ok, NotFound];

/// Rows of what a company's administrators and the service team keep.
const ADMINS_AND_STAFF: [O; 6] = [Login, NotFound, NotFound, Ok, Ok, Ok];

/// Rows of company A's own things, for its administrator alone.
const ONLY_A_ADMIN: [O; 6] = [Login, NotFound, NotFound, NotFound, NotFound, Ok];

/// (method, route, path to request, outcome per actor in [`ACTORS`] order)
fn matrix(f: &Fixture) -> Vec<(&'static str, &'static str, String, [O; 6])> {
    let victim = f.victim;
    let inv = f.invitation;
    let plant = f.plant;
    let device = f.device;
    let document = f.document;
    let ticket = f.ticket;
    let import = f.import;
    let held = f.held;
    let (hook, delivery) = f.hook;
    let reply = f.reply;
    let p = |s: &str| s.to_owned();
    vec![
        ("GET", "/", p("/"), [Pub; 6]),
        ("GET", "/healthz", p("/healthz"), [Pub; 6]),
        ("GET", "/readyz", p("/readyz"), [Pub; 6]),
        // Off unless metrics.enabled.
        ("GET", "/metrics", p("/metrics"), [NotFound; 6]),
        (
            "GET",
            "/language/{code}",
            p("/language/en?next=/"),
            [Pub; 6],
        ),
        ("GET", "/favicon.ico", p("/favicon.ico"), [Pub; 6]),
        ("GET", "/assets/{hash}/{*path}", f.css.clone(), [Pub; 6]),
        ("GET", "/privacy", p("/privacy"), [Pub; 6]),
        ("GET", "/help/api", p("/help/api"), [Pub; 6]),
        ("GET", "/terms", p("/terms"), [Pub; 6]),
        ("GET", "/privacy/download", p("/privacy/download"), [Pub; 6]),
        ("GET", "/terms/download", p("/terms/download"), [Pub; 6]),
        ("GET", "/register", p("/register"), [Pub; 6]),
        ("POST", "/register", p("/register"), [Pub; 6]),
        ("GET", "/register/sent", p("/register/sent"), [Pub; 6]),
        ("GET", "/confirm/resend", p("/confirm/resend"), [Pub; 6]),
        ("POST", "/confirm/resend", p("/confirm/resend"), [Pub; 6]),
        (
            "GET",
            "/confirm/{token}",
            format!("/confirm/{}", "a".repeat(64)),
            [Pub; 6],
        ),
        ("GET", "/login", p("/login"), [Pub; 6]),
        ("POST", "/login", p("/login"), [Pub; 6]),
        // The second step opens only to a browser whose password was right: without its
        // cookie, everyone is sent to log in.
        ("GET", "/login/code", p("/login/code"), [Login; 6]),
        // The first run's link: this instance is set up, so it is closed for everyone.
        (
            "GET",
            "/setup/{token}",
            format!("/setup/{}", "a".repeat(64)),
            [Pub; 6],
        ),
        (
            "POST",
            "/setup/{token}",
            format!("/setup/{}", "a".repeat(64)),
            [Pub; 6],
        ),
        ("POST", "/login/code", p("/login/code"), [Pub; 6]),
        ("POST", "/logout", p("/logout"), [Pub; 6]),
        ("GET", "/password/forgot", p("/password/forgot"), [Pub; 6]),
        ("POST", "/password/forgot", p("/password/forgot"), [Pub; 6]),
        (
            "GET",
            "/password/reset/{token}",
            format!("/password/reset/{}", "a".repeat(64)),
            [Pub; 6],
        ),
        (
            "POST",
            "/password/reset/{token}",
            format!("/password/reset/{}", "a".repeat(64)),
            [Pub; 6],
        ),
        (
            "GET",
            "/profile",
            p("/profile"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/profile",
            p("/profile"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/profile/addresses",
            p("/profile/addresses"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        // Address ids are per person; invited collaborators and staff have none yet.
        (
            "GET",
            "/profile/addresses/{id}",
            p("/profile/addresses/1"),
            [Login, Ok, NotFound, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/profile/addresses/{id}",
            p("/profile/addresses/1"),
            [Login, Ok, NotFound, Ok, NotFound, Ok],
        ),
        (
            "GET",
            "/profile/addresses/{id}/delete",
            p("/profile/addresses/1/delete"),
            [Login, Ok, NotFound, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/profile/addresses/{id}/delete",
            p("/profile/addresses/2/delete"),
            [Login, NotFound, NotFound, NotFound, NotFound, NotFound],
        ),
        (
            "POST",
            "/profile/addresses/{id}/default",
            p("/profile/addresses/1/default"),
            [Login, Ok, NotFound, Ok, NotFound, Ok],
        ),
        (
            "GET",
            "/profile/data",
            p("/profile/data"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/profile/data",
            p("/profile/data"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        // Each person's own file only, while it is ready (404 before).
        // The weekly warranty reminder is for administrators and plant operators.
        (
            "POST",
            "/profile/reminders",
            p("/profile/reminders"),
            [Login, Ok, NotFound, Ok, NotFound, Ok],
        ),
        (
            "GET",
            "/profile/data/download",
            p("/profile/data/download"),
            [Login, Pub, Pub, Pub, Pub, Pub],
        ),
        (
            "GET",
            "/account/access",
            p("/account/access"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/password",
            p("/account/password"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/security-question",
            p("/account/security-question"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/sessions/end-all",
            p("/account/sessions/end-all"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/sessions/{handle}/end",
            p("/account/sessions/0123456789abcdef/end"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "GET",
            "/account/tokens",
            p("/account/tokens"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/tokens",
            p("/account/tokens"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        // Another person's token, or none: the list as it is.
        (
            "POST",
            "/account/tokens/{handle}/revoke",
            p("/account/tokens/0123456789abcdef/revoke"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        // Webhooks: a company's administrators keep theirs, the service team its own;
        // nobody sees another scope's endpoint.
        ("GET", "/webhooks", p("/webhooks"), ADMINS_AND_STAFF),
        ("POST", "/webhooks", p("/webhooks"), ADMINS_AND_STAFF),
        (
            "GET",
            "/webhooks/{id}",
            format!("/webhooks/{hook}"),
            ONLY_A_ADMIN,
        ),
        (
            "POST",
            "/webhooks/{id}",
            format!("/webhooks/{hook}"),
            ONLY_A_ADMIN,
        ),
        (
            "POST",
            "/webhooks/{id}/deliveries/{delivery}/resend",
            format!("/webhooks/{hook}/deliveries/{delivery}/resend"),
            ONLY_A_ADMIN,
        ),
        (
            "POST",
            "/webhooks/{id}/pause",
            format!("/webhooks/{hook}/pause"),
            ONLY_A_ADMIN,
        ),
        (
            "POST",
            "/webhooks/{id}/resume",
            format!("/webhooks/{hook}/resume"),
            ONLY_A_ADMIN,
        ),
        (
            "POST",
            "/webhooks/{id}/delete",
            format!("/webhooks/{hook}/delete"),
            ONLY_A_ADMIN,
        ),
        (
            "GET",
            "/account/two-factor",
            p("/account/two-factor"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/two-factor/setup",
            p("/account/two-factor/setup"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/two-factor/confirm",
            p("/account/two-factor/confirm"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/two-factor/recovery-codes",
            p("/account/two-factor/recovery-codes"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "POST",
            "/account/two-factor/off",
            p("/account/two-factor/off"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "GET",
            "/company/members",
            p("/company/members"),
            [Login, NotFound, NotFound, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/company/invitations",
            p("/company/invitations"),
            [Login, NotFound, NotFound, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/company/invitations/{id}/resend",
            format!("/company/invitations/{inv}/resend"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/company/invitations/{id}/revoke",
            format!("/company/invitations/{inv}/revoke"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/company/members/{id}/admin",
            format!("/company/members/{victim}/admin"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/company/members/{id}/installer",
            format!("/company/members/{victim}/installer"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "GET",
            "/company/members/{id}/remove",
            format!("/company/members/{victim}/remove"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/company/members/{id}/remove",
            format!("/company/members/{victim}/remove"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "GET",
            "/invitations/{token}",
            f.invitation_link.clone(),
            [Pub; 6],
        ),
        (
            "POST",
            "/invitations/{token}",
            f.invitation_link.clone(),
            [Pub; 6],
        ),
        ("GET", "/contact", p("/contact"), [Pub; 6]),
        ("POST", "/contact", p("/contact"), [Pub; 6]),
        (
            "GET",
            "/contact/sent",
            p("/contact/sent?number=2026-000001"),
            [Pub; 6],
        ),
        ("GET", "/info-sheet", p("/info-sheet"), [Pub; 6]),
        ("POST", "/info-sheet", p("/info-sheet"), [Pub; 6]),
        (
            "GET",
            "/tickets",
            p("/tickets"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "GET",
            "/tickets/export",
            p("/tickets/export?format=csv"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        // The installer's request: his, his administrator's, the service team's.
        (
            "GET",
            "/tickets/{id}",
            format!("/tickets/{ticket}"),
            [Login, NotFound, Ok, NotFound, Ok, Ok],
        ),
        (
            "POST",
            "/tickets/{id}/messages",
            format!("/tickets/{ticket}/messages"),
            [Login, NotFound, Ok, NotFound, Ok, Ok],
        ),
        // The file the installer attached to his request.
        (
            "GET",
            "/tickets/{id}/attachments/{no}",
            format!("/tickets/{ticket}/attachments/1"),
            [Login, NotFound, Ok, NotFound, Ok, Ok],
        ),
        // A contact request has no return slip, for anyone (replacements have one:
        // replacement::an_approved_replacement_has_a_return_slip_…).
        (
            "GET",
            "/tickets/{id}/return-slip",
            format!("/tickets/{ticket}/return-slip"),
            [Login, NotFound, NotFound, NotFound, NotFound, NotFound],
        ),
        // Only the service team moves tickets on.
        (
            "POST",
            "/tickets/{id}/status",
            format!("/tickets/{ticket}/status"),
            [Login, NotFound, NotFound, NotFound, Ok, NotFound],
        ),
        // Customers ask for replacements; the service team files them from the desk.
        (
            "GET",
            "/tickets/replacement",
            p("/tickets/replacement"),
            [Login, Ok, Ok, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/tickets/replacement",
            p("/tickets/replacement"),
            [Login, Ok, Ok, Ok, NotFound, Ok],
        ),
        // The service desk: the service team only; for everyone else, signed in or not,
        // it does not exist. Empty forms change nothing (a block needs a reason …).
        ("GET", "/service", p("/service"), STAFF_ONLY),
        ("GET", "/service/tickets", p("/service/tickets"), STAFF_ONLY),
        (
            "GET",
            "/service/tickets/export",
            p("/service/tickets/export?format=xlsx"),
            STAFF_ONLY,
        ),
        (
            "GET",
            "/service/tickets/new",
            p("/service/tickets/new"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/tickets/new",
            p("/service/tickets/new"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/tickets/{id}/assign",
            format!("/service/tickets/{ticket}/assign"),
            STAFF_ONLY,
        ),
        ("GET", "/service/users", p("/service/users?q=a"), STAFF_ONLY),
        (
            "GET",
            "/service/users/{id}",
            format!("/service/users/{victim}"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/block",
            format!("/service/users/{victim}/block"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/unblock",
            format!("/service/users/{victim}/unblock"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/unlock",
            format!("/service/users/{victim}/unlock"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/sessions/end-all",
            format!("/service/users/{victim}/sessions/end-all"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/sessions/{handle}/end",
            format!("/service/users/{victim}/sessions/0123456789abcdef/end"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/two-factor/reset",
            format!("/service/users/{victim}/two-factor/reset"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/email",
            format!("/service/users/{victim}/email"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/confirmation",
            format!("/service/users/{victim}/confirmation"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/users/{id}/data",
            format!("/service/users/{victim}/data"),
            STAFF_ONLY,
        ),
        // The desk's export, while it is ready (404 before).
        (
            "GET",
            "/service/users/{id}/data/download",
            format!("/service/users/{victim}/data/download"),
            [NotFound, NotFound, NotFound, NotFound, Pub, NotFound],
        ),
        // Without the address typed again: refused, nothing erased.
        (
            "POST",
            "/service/users/{id}/erase",
            format!("/service/users/{victim}/erase"),
            STAFF_ONLY,
        ),
        ("GET", "/service/audit", p("/service/audit"), STAFF_ONLY),
        ("GET", "/service/mail", p("/service/mail"), STAFF_ONLY),
        ("GET", "/service/replies", p("/service/replies"), STAFF_ONLY),
        (
            "POST",
            "/service/replies",
            p("/service/replies"),
            STAFF_ONLY,
        ),
        (
            "GET",
            "/service/replies/{id}",
            format!("/service/replies/{reply}"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/replies/{id}",
            format!("/service/replies/{reply}"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/replies/{id}/delete",
            format!("/service/replies/{reply}/delete"),
            STAFF_ONLY,
        ),
        // Service levels; the holiday is the fixture's (the last row removes it).
        ("GET", "/service/levels", p("/service/levels"), STAFF_ONLY),
        ("POST", "/service/levels", p("/service/levels"), STAFF_ONLY),
        (
            "POST",
            "/service/levels/holidays",
            p("/service/levels/holidays"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/levels/holidays/import",
            p("/service/levels/holidays/import"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/levels/holidays/{date}/delete",
            p("/service/levels/holidays/2027-12-25/delete"),
            STAFF_ONLY,
        ),
        ("GET", "/service/inbox", p("/service/inbox"), STAFF_ONLY),
        (
            "GET",
            "/service/inbox/{id}/message",
            format!("/service/inbox/{held}/message"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/inbox/{id}/retry",
            format!("/service/inbox/{held}/retry"),
            STAFF_ONLY,
        ),
        (
            "POST",
            "/service/mail/{id}/retry",
            p("/service/mail/1/retry"),
            STAFF_ONLY,
        ),
        (
            "GET",
            "/email/confirm/{token}",
            format!("/email/confirm/{}", "a".repeat(64)),
            [Pub; 6],
        ),
        ("GET", "/help", p("/help?q=serial"), [Pub; 6]),
        // Plant overview; the plant is company A's, assigned to its installer, and names
        // op@example.com as its operator (who may look, not change).
        ("GET", "/plants", p("/plants"), [Login, Ok, Ok, Ok, Ok, Ok]),
        (
            "GET",
            "/plants/export",
            p("/plants/export?format=csv"),
            [Login, Ok, Ok, Ok, Ok, Ok],
        ),
        (
            "GET",
            "/plants/{id}/devices/export",
            format!("/plants/{plant}/devices/export?format=csv"),
            [Login, Ok, Ok, NotFound, Ok, Ok],
        ),
        (
            "GET",
            "/plants/new",
            p("/plants/new"),
            [Login, Ok, Ok, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/new",
            p("/plants/new"),
            [Login, Ok, Ok, Ok, NotFound, Ok],
        ),
        // Importing plants: the importer's own import only.
        (
            "GET",
            "/plants/import",
            p("/plants/import"),
            [Login, Ok, Ok, Ok, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/import",
            p("/plants/import"),
            [Login, Ok, Ok, Ok, NotFound, Ok],
        ),
        (
            "GET",
            "/plants/import/{id}",
            format!("/plants/import/{import}"),
            [Login, NotFound, Ok, NotFound, NotFound, NotFound],
        ),
        (
            "POST",
            "/plants/import/{id}/confirm",
            format!("/plants/import/{import}/confirm"),
            [Login, NotFound, Ok, NotFound, NotFound, NotFound],
        ),
        (
            "POST",
            "/plants/import/{id}/cancel",
            format!("/plants/import/{import}/cancel"),
            [Login, NotFound, Ok, NotFound, NotFound, NotFound],
        ),
        (
            "GET",
            "/plants/{id}",
            format!("/plants/{plant}"),
            [Login, Ok, Ok, NotFound, Ok, Ok],
        ),
        (
            "POST",
            "/plants/{id}",
            format!("/plants/{plant}"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/{id}/assignees",
            format!("/plants/{plant}/assignees"),
            [Login, NotFound, NotFound, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/{id}/subplants",
            format!("/plants/{plant}/subplants"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/{id}/subplants/{sid}",
            format!("/plants/{plant}/subplants/1"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/{id}/subplants/{sid}/delete",
            format!("/plants/{plant}/subplants/1/delete"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/plants/{id}/devices",
            format!("/plants/{plant}/devices"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "GET",
            "/devices/{id}",
            format!("/devices/{device}"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "POST",
            "/devices/{id}",
            format!("/devices/{device}"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        (
            "GET",
            "/devices/{id}/remove",
            format!("/devices/{device}/remove"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        // The installer removes the device; the administrator, coming after him, finds none
        // (administrators removing devices: tests/it/devices.rs).
        (
            "POST",
            "/devices/{id}/remove",
            format!("/devices/{device}/remove"),
            [Login, NotFound, Ok, NotFound, NotFound, NotFound],
        ),
        // The matrix's device has no warranty start: no extension to order, for anyone.
        (
            "GET",
            "/devices/{id}/warranty-extension",
            format!("/devices/{device}/warranty-extension"),
            [Login, NotFound, NotFound, NotFound, NotFound, NotFound],
        ),
        (
            "POST",
            "/devices/{id}/warranty-extension",
            format!("/devices/{device}/warranty-extension"),
            [Login, NotFound, NotFound, NotFound, NotFound, NotFound],
        ),
        (
            "POST",
            "/plants/{id}/documents",
            format!("/plants/{plant}/documents"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        // The plant names op@example.com as its operator: he may read its documents.
        (
            "GET",
            "/documents/{id}",
            format!("/documents/{document}"),
            [Login, Ok, Ok, NotFound, Ok, Ok],
        ),
        (
            "GET",
            "/documents/{id}/delete",
            format!("/documents/{document}/delete"),
            [Login, NotFound, Ok, NotFound, NotFound, Ok],
        ),
        // The installer deletes it; the administrator after him finds none (see documents.rs).
        (
            "POST",
            "/documents/{id}/delete",
            format!("/documents/{document}/delete"),
            [Login, NotFound, Ok, NotFound, NotFound, NotFound],
        ),
    ]
}

struct Fixture {
    agents: Vec<(Agent, Option<String>)>,
    victim: u64,
    invitation: u64,
    invitation_link: String,
    css: String,
    plant: u64,
    device: u64,
    document: u64,
    ticket: u64,
    import: u64,
    held: u64,
    /// A's webhook endpoint and one of its deliveries.
    hook: (u64, u64),
    /// A saved reply of the service team.
    reply: u64,
}

/// An unreadable message dropped into the Maildir, once it is held: its id.
async fn held_message(app: &TestApp) -> u64 {
    let inbox = app.data_dir().join("inbox");
    std::fs::create_dir_all(inbox.join("tmp")).unwrap();
    std::fs::create_dir_all(inbox.join("new")).unwrap();
    let file = inbox.join("tmp/1.matrix.host");
    std::fs::write(&file, b"not a message").unwrap();
    // Written a while ago, so it is not taken for one still being copied in.
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(earlier)
        .unwrap();
    std::fs::rename(&file, inbox.join("new/1.matrix.host")).unwrap();
    let store = app.state.store.clone();
    crate::common::eventually(std::time::Duration::from_secs(10), || {
        store.inbox().held().unwrap().first().map(|(id, _)| *id)
    })
    .await
}

async fn fixture(app: &TestApp) -> Fixture {
    let operator = app
        .signed_in(&Registration::operator("op@example.com"))
        .await;
    let admin = app
        .signed_in(&Registration::installer("admin@a-solar.de", "A Solar"))
        .await;
    let other = app
        .signed_in(&Registration::installer("admin@b-solar.de", "B Solar"))
        .await;
    // Two collaborators of A: the installer who acts, and a spare one the administrator
    // promotes, sets back and removes.
    let mut joined = Vec::new();
    for email in ["inst@a-solar.de", "spare@a-solar.de"] {
        joined.push(
            app.invite_and_join(&admin, email, "installer", ("Ina", "Stall"))
                .await,
        );
    }
    let installer = joined.remove(0);
    let r = installer
        .post(
            "/plants/new",
            &[
                ("name", "Scheune Nord"),
                ("street", "Feldweg 2"),
                ("postal_code", "34266"),
                ("city", "Niestetal"),
                ("country", "DE"),
                ("operator_name", "Otto"),
                ("operator_email", "op@example.com"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "plant registered");
    let plant: u64 = r.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/plants/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    installer
        .post(&format!("/plants/{plant}/subplants"), &[("name", "Dach")])
        .await;
    let r = installer
        .post(
            &format!("/plants/{plant}/devices"),
            &[
                ("serial_number", "2130012345"),
                ("product", "9088"),
                ("subplant_id", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "device registered");
    let (_, page) = installer.page(&format!("/plants/{plant}")).await;
    let device: u64 = page
        .split('"')
        .find_map(|s| s.strip_prefix("/devices/")?.parse().ok())
        .unwrap();
    let r = installer
        .upload(
            &format!("/plants/{plant}/documents"),
            "plan.txt",
            b"string plan".to_vec(),
        )
        .await;
    assert_eq!(r.status(), 303, "document uploaded");
    let (_, page) = installer.page(&format!("/plants/{plant}")).await;
    let document: u64 = page
        .split('"')
        .find_map(|s| s.strip_prefix("/documents/")?.parse().ok())
        .unwrap();
    // A's webhook, told of new requests (at a documentation address nobody answers).
    let r = admin
        .post(
            "/webhooks",
            &[("url", "http://192.0.2.10/hook"), ("request_created", "on")],
        )
        .await;
    assert_eq!(r.status(), 303, "webhook registered");
    let hook = crate::common::redirect_id(&r, "/webhooks/");
    let r = installer
        .post(
            "/contact",
            &[
                ("topic", "technical"),
                ("serial", "2130012345"),
                ("message", "Fehler 3501"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "request sent");
    let ticket = crate::common::redirect_id(&r, "/tickets/");
    let r = installer
        .multipart(
            &format!("/tickets/{ticket}/messages"),
            &[("message", "Der Fehlerbericht")],
            &[("file", "bericht.txt", b"Ereignis 3501")],
        )
        .await;
    assert_eq!(r.status(), 303, "file attached");
    // The installer's import of a Sunny Portal export.
    let r = installer
        .multipart(
            "/plants/import",
            &[],
            &[(
                "file",
                "export.csv",
                b"plant_id;plant_name;country;postal_code;city;street;device_serial;product_id\nM1;Matrix;DE;34266;Niestetal;Weg 1;2130077001;9281\n",
            )],
        )
        .await;
    assert_eq!(r.status(), 303, "import uploaded");
    let import = crate::common::redirect_id(&r, "/plants/import/");
    // A pending invitation of A.
    admin
        .post(
            "/company/invitations",
            &[("email", "pending@a-solar.de"), ("role", "installer")],
        )
        .await;
    let invitation_link = link_in(
        &app.mail("pending@a-solar.de", "/invitations/").await,
        "/invitations/",
    );
    let (_, html) = admin.page("/company/members").await;
    let invitation: u64 = html
        .split('"')
        .find_map(|s| {
            s.strip_prefix("/company/invitations/")?
                .strip_suffix("/resend")?
                .parse()
                .ok()
        })
        .unwrap();
    // Staff, as `osc staff add` creates them, with two-step log-in set up.
    let staff = app.staff("staff@service.example").await;
    let victim = app
        .state
        .store
        .users()
        .find_by_email(&Email::parse("spare@a-solar.de").unwrap())
        .unwrap()
        .unwrap()
        .id;
    let (_, home) = app.new_agent().page("/").await;
    let css = home
        .split('"')
        .find(|s| s.starts_with("/assets/") && s.ends_with(".css"))
        .unwrap()
        .to_owned();
    let held = held_message(app).await;
    let delivery = app.state.store.webhooks().recent(hook, 1).unwrap()[0].0;
    let r = staff
        .post(
            "/service/replies",
            &[
                ("title", "Matrix"),
                ("text_fr", "Bonjour"),
                ("text_de", "Hallo"),
                ("text_en", "Hello"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "saved reply kept");
    let reply = app.state.store.saved_replies().list().unwrap()[0].0;
    let r = staff
        .post(
            "/service/levels/holidays",
            &[("date", "2027-12-25"), ("name", "Weihnachten")],
        )
        .await;
    assert_eq!(r.status(), 303, "holiday kept");
    Fixture {
        reply,
        held,
        hook: (hook, delivery),
        agents: vec![
            (app.new_agent(), None),
            (operator, Some("op@example.com".into())),
            (installer, Some("inst@a-solar.de".into())),
            (other, Some("admin@b-solar.de".into())),
            (staff, Some("staff@service.example".into())),
            (admin, Some("admin@a-solar.de".into())),
        ],
        victim,
        invitation,
        invitation_link,
        css,
        plant,
        device,
        document,
        ticket,
        import,
    }
}

fn judge(expected: O, status: u16, location: &str) -> bool {
    let to_login = status == 303 && location.starts_with("/login");
    match expected {
        Ok => status < 500 && status != 404 && status != 403 && !to_login,
        Pub => status < 500 && status != 403 && !to_login,
        Login => to_login,
        NotFound => status == 404,
    }
}

#[tokio::test]
async fn every_route_answers_every_actor_as_the_rules_say() {
    let app = TestApp::spawn().await;
    let mut f = fixture(&app).await;
    let rows = matrix(&f);

    // The table and the router list the same routes.
    let table: Vec<(&str, &str)> = rows.iter().map(|(m, r, _, _)| (*m, *r)).collect();
    for route in osc::web::route_table() {
        assert!(
            table.contains(&route),
            "the matrix lacks {} {}",
            route.0,
            route.1
        );
    }
    for route in &table {
        assert!(
            osc::web::route_table().contains(route),
            "the router lacks {} {}",
            route.0,
            route.1
        );
    }

    let mut failures = Vec::new();
    for (method, route, path, expected) in rows {
        for (i, (agent, _)) in f.agents.iter().enumerate() {
            let multipart = [
                "/plants/{id}/documents",
                "/tickets/{id}/messages",
                "/tickets/replacement",
                "/plants/import",
                "/service/levels/holidays/import",
            ];
            let response = if method == "POST" && multipart.contains(&route) {
                agent.upload(&path, "matrix.txt", b"matrix".to_vec()).await
            } else if method == "GET" {
                agent.get(&path).await
            } else {
                agent.post(&path, &[]).await
            };
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if !judge(expected[i], status, &location) {
                failures.push(format!(
                    "{method} {route} ({path}) as {}: expected {:?}, got {status} {location}",
                    ACTORS[i], expected[i]
                ));
            }
        }
        if route == "/logout" {
            // Everyone logged out: sign the actors in again.
            for (agent, email) in f.agents.iter_mut() {
                match email.as_deref() {
                    // The service team logs in in two steps.
                    Some(staff @ "staff@service.example") => {
                        *agent = app.staff_again(staff).await;
                    }
                    Some(email) => {
                        *agent = app.new_agent();
                        assert_eq!(agent.login(email, PASSWORD).await.status(), 303);
                    }
                    None => {}
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
