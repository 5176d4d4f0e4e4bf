//! Thousands of generated requests across every route of the router, as a visitor, a
//! signed-in installer and a member of the service team: ids that do not exist or are no
//! numbers, hostile query strings, form bodies with wrong, missing, oversized and
//! control-character values (with the right CSRF token, so the handlers parse them),
//! bodies that are not what their content type says, broken multipart. None may answer
//! 5xx: whatever a client sends is the client's problem, answered with a 4xx or a form
//! with its messages.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::common::{Agent, Registration, TestApp};

/// What goes where a route has a parameter.
const PARAMS: &[&str] = &[
    "1",
    "2",
    "0",
    "-1",
    "18446744073709551616",
    "99999999999",
    "abc",
    "%00",
    "%FF%FE",
    "..%2F..%2Fetc%2Fpasswd",
    "%C3%BC%E2%80%AE",
    "1%0A2",
    "0x10",
];

/// Query strings.
const QUERIES: &[&str] = &[
    "",
    "?q=%00",
    "?q=%FF",
    "?page=-1&before=abc",
    "?before=18446744073709551616",
    "?sort=zzz&state=%FF&kind=nope&age=-3&assignee=x",
    "?next=//evil.example",
    "?next=/%09/evil.example",
    "?saved=%3Cscript%3E",
    "?q=*:*%20OR%20(",
    "?q=\"unterminated",
    "?show=everything&role=god",
];

/// Field names the forms of the portal use.
const FIELDS: &[&str] = &[
    "name",
    "email",
    "new_email",
    "password",
    "password_confirm",
    "current_password",
    "first_name",
    "last_name",
    "phone",
    "street",
    "postal_code",
    "city",
    "country",
    "language",
    "account_type",
    "company_name",
    "message",
    "topic",
    "subject",
    "serial",
    "serial_number",
    "product_id",
    "kind",
    "role",
    "status",
    "to",
    "reason",
    "q",
    "answer",
    "security_question",
    "security_answer",
    "accept_terms",
    "date",
    "failure_date",
    "commissioned_on",
    "event",
    "owner",
    "plant",
    "plant_id",
    "device",
    "device_id",
    "sub_plant",
    "parent_id",
    "assignee",
    "operator_name",
    "operator_email",
    "next",
    "text",
    "note",
    "id",
    "ids",
    "confirm",
];

/// Values typed into them.
fn junk(rng: &mut StdRng) -> String {
    match rng.random_range(0..14) {
        0 => String::new(),
        1 => "x".repeat(rng.random_range(1000..6000)),
        2 => "-1".into(),
        3 => "18446744073709551616".into(),
        4 => "2026-13-45".into(),
        5 => "<script>alert(1)</script>".into(),
        6 => "M\u{fc}ller\u{202e}gpj.exe".into(),
        7 => "\0\u{1}\u{7f}".into(),
        8 => "anna@example.com\r\nBcc: all@example.com".into(),
        9 => "1".into(),
        10 => "on".into(),
        11 => "DE".into(),
        12 => "   ".into(),
        _ => "ü".repeat(rng.random_range(1..300)),
    }
}

fn fill(pattern: &str, rng: &mut StdRng) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(PARAMS.choose(rng).unwrap());
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// One generated request of `method` to `path`: its status, or the transport's error.
async fn send(agent: &Agent, token: &str, method: &str, path: &str, rng: &mut StdRng) -> String {
    let url = format!("{}{path}", agent.base);
    let request = if method == "GET" {
        agent.client.get(url)
    } else {
        let post = agent.client.post(url);
        match rng.random_range(0..6) {
            // Only the token.
            0 => post.form(&[("csrf_token", token)]),
            // Many fields, junk values, the right token.
            1 | 2 => {
                let mut fields: Vec<(String, String)> = (0..rng.random_range(1..12))
                    .map(|_| ((*FIELDS.choose(rng).unwrap()).to_owned(), junk(rng)))
                    .collect();
                fields.push(("csrf_token".into(), token.to_owned()));
                post.form(&fields)
            }
            // Not URL-encoding at all.
            3 => post
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("a=%ZZ&&=&b=%&csrf_token={token}&email=%C3")),
            // A body that is not what its type says.
            4 => post.header("content-type", "application/json").body("{\"a\":"),
            // Broken multipart.
            _ => post
                .header("content-type", "multipart/form-data; boundary=XYZ")
                .body(format!(
                    "--XYZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 cut off"
                )),
        }
    };
    match request.send().await {
        Ok(r) => r.status().as_u16().to_string(),
        Err(e) => format!("transport error: {e}"),
    }
}

#[tokio::test]
async fn thousands_of_malformed_requests_across_the_routes_never_answer_5xx() {
    let app = TestApp::spawn().await;
    let installer = app
        .signed_in(&Registration::installer("boss@wirr.de", "Wirr Solar"))
        .await;
    // Something of theirs to point ids at: a plant and a request.
    installer.new_plant("Halle").await;
    let r = installer
        .post(
            "/contact",
            &[("topic", "general"), ("message", "Hallo, bitte melden.")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let staff = app.staff("sam@service.example").await;
    let visitor = app.new_agent();
    let mut agents = Vec::new();
    for agent in [visitor, installer, staff] {
        let token = agent.csrf().await;
        agents.push((agent, token));
    }

    let routes = osc::web::route_table();
    let mut rng = StdRng::seed_from_u64(0x05c_2026);
    let mut plan = Vec::new();
    for (who, _) in agents.iter().enumerate() {
        for (method, pattern) in &routes {
            // Logging out would end the session the rest of the run uses.
            if *pattern == "/logout" {
                continue;
            }
            for _ in 0..12 {
                let path = format!(
                    "{}{}",
                    fill(pattern, &mut rng),
                    QUERIES.choose(&mut rng).unwrap()
                );
                plan.push((who, *method, path, rng.random::<u64>()));
            }
        }
    }
    assert!(plan.len() > 2_000, "{} requests", plan.len());

    let failures = std::sync::Mutex::new(Vec::new());
    let statuses = std::sync::Mutex::new(std::collections::BTreeMap::<String, usize>::new());
    let chunks: Vec<_> = plan.chunks(plan.len().div_ceil(8)).collect();
    let runs = chunks.into_iter().map(|chunk| {
        let (agents, failures, statuses) = (&agents, &failures, &statuses);
        async move {
            for (who, method, path, seed) in chunk {
                let (agent, token) = &agents[*who];
                let mut rng = StdRng::seed_from_u64(*seed);
                let status = send(agent, token, method, path, &mut rng).await;
                *statuses.lock().unwrap().entry(status.clone()).or_default() += 1;
                if !status.starts_with(['2', '3', '4']) {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("{method} {path} as agent {who}: {status}"));
                }
            }
        }
    });
    let sent = plan.len();
    futures_util::future::join_all(runs).await;
    let failures = failures.into_inner().unwrap();
    eprintln!(
        "{sent} requests by status: {:?}",
        statuses.into_inner().unwrap()
    );
    assert!(
        failures.is_empty(),
        "{} of {sent} requests failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
