//! Every page passes the Nu Html Checker (vnu): the pages a visitor, a plant operator, an
//! installer company's administrator and the service team reach, crawled over HTTP from
//! their landing pages along the portal's own links, and forms sent back with their
//! errors. vnu comes from npm (`tools/vnu`, installed by `.ci/run`) and runs on Java;
//! without them the test is skipped, except in CI (`CI` set), where that is a failure.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use osc::domain::ticket::TicketStatus;

use crate::common::{Agent, PASSWORD, Registration, TestApp};

/// Pages fetched per actor at most.
const PAGES_PER_ACTOR: usize = 80;

/// Query variants of one path crawled at most (filters and pages of a list).
const VARIANTS_PER_PATH: usize = 2;

/// The vnu jar, when it and Java are there.
fn vnu() -> Option<PathBuf> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
        });
    let java = std::process::Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if jar.exists() && java {
        return Some(jar);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs the Nu Html Checker: Java and {} (.ci/run installs them)",
        jar.display()
    );
    eprintln!(
        "skipping: no Nu Html Checker ({}) or no Java",
        jar.display()
    );
    None
}

/// Whether a link of a page is one to crawl: a page of the portal, not a download, an
/// asset, a language switch or the log-out.
fn crawlable(path: &str) -> bool {
    let skip = [
        "/logout",
        "/language/",
        "/assets/",
        "/favicon.ico",
        "/privacy/download",
        "/terms/download",
    ];
    let download = path.contains("/attachments/")
        || (path.starts_with("/documents/") && !path.ends_with("/delete"));
    path.starts_with('/')
        && !path.starts_with("//")
        && !skip.iter().any(|s| path.starts_with(s))
        && !download
}

/// The portal links of a page, as paths with their queries.
fn links_in(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .map(|href| href.split('#').next().unwrap_or("").to_owned())
        .filter(|href| crawlable(href))
        .collect()
}

/// Collects pages for the checker: what it fetched, under `dir`, by file name.
pub struct Pages {
    dir: PathBuf,
    by_file: BTreeMap<String, String>,
    /// Every page fetched with GET, as (who, path), in crawl order.
    pub visited: Vec<(&'static str, String)>,
    seen: HashSet<String>,
    variants: BTreeMap<String, usize>,
}

impl Pages {
    fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            by_file: BTreeMap::new(),
            visited: Vec::new(),
            seen: HashSet::new(),
            variants: BTreeMap::new(),
        }
    }

    /// Keeps `html`, the answer of `what`.
    fn keep(&mut self, what: &str, html: &str) {
        // The content security policy refuses inline styles: one would silently not apply.
        assert!(
            !html.contains(" style=\""),
            "{what}: an inline style attribute, which the CSP refuses"
        );
        let name = format!("{:04}.html", self.by_file.len());
        std::fs::write(self.dir.join(&name), html).unwrap();
        self.by_file.insert(name, what.to_owned());
    }

    /// Fetches the pages `agent` reaches from `starts`, breadth first.
    async fn crawl(&mut self, who: &'static str, agent: &Agent, starts: &[&str]) {
        let mut queue: VecDeque<String> = starts.iter().map(|s| (*s).to_owned()).collect();
        let mut fetched = 0;
        let mut own = HashSet::new();
        while let Some(path) = queue.pop_front() {
            if fetched >= PAGES_PER_ACTOR || !own.insert(path.clone()) {
                continue;
            }
            let bare = path.split('?').next().unwrap_or("").to_owned();
            if path.contains('?') {
                let n = self.variants.entry(format!("{who} {bare}")).or_default();
                if *n >= VARIANTS_PER_PATH {
                    continue;
                }
                *n += 1;
            }
            let r = agent.get(&path).await;
            let status = r.status().as_u16();
            assert!(status < 500, "{who}: GET {path} answered {status}");
            let html_page = r
                .headers()
                .get("content-type")
                .is_some_and(|v| v.to_str().unwrap_or("").starts_with("text/html"));
            if !html_page {
                continue;
            }
            let html = r.text().await.unwrap();
            fetched += 1;
            for link in links_in(&html) {
                queue.push_back(link);
            }
            // One copy per page and actor (a page reads differently per actor).
            if self.seen.insert(format!("{who} {path}")) {
                self.visited.push((who, path.clone()));
                self.keep(&format!("{who}: GET {path} ({status})"), &html);
            }
        }
    }

    /// Sends `fields` to `path` as `agent` and keeps the page that comes back.
    async fn refused(&mut self, who: &str, agent: &Agent, path: &str, fields: &[(&str, &str)]) {
        let r = agent.post(path, fields).await;
        let status = r.status().as_u16();
        assert!(
            (400..500).contains(&status),
            "{who}: POST {path} answered {status}"
        );
        let html = r.text().await.unwrap();
        self.keep(&format!("{who}: POST {path} ({status})"), &html);
    }
}

/// Someone who uses the portal in the crawl: who they are, their signed-in HTTP agent,
/// their e-mail address (none for the visitor) and where their crawl starts.
pub struct Actor {
    pub who: &'static str,
    pub agent: Agent,
    pub email: Option<String>,
    pub starts: &'static [&'static str],
}

/// The people and what they keep: a company with a plant, devices and requests, a plant
/// operator, the service team, and a visitor.
pub async fn people_of_the_portal(app: &TestApp) -> Vec<Actor> {
    let staff = app.staff("sam@service.example").await;
    let sam = app.user("sam@service.example");
    let company = app.company("Kühn Solar GmbH", "kuehn-solar.de").await;
    let (_, devices) = app.plant_with_devices(
        &company.admin.user,
        "Scheune Nord",
        &[("3001234567", 9088), ("3001234568", 9088)],
    );
    assert!(!devices.is_empty());
    app.ticket_in(
        &company.admin.user,
        Some("3001234567"),
        &sam,
        TicketStatus::InProgress,
    );
    // Service levels, so the queue, the dashboard and a request's page show their
    // clocks; the installer's request is answered, which stops its first clock.
    let mut hours = vec![
        ("zone", "Europe/Berlin"),
        ("contact_first", "4"),
        ("contact_resolution", "16"),
    ];
    for day in ["mon", "tue", "wed", "thu", "fri"] {
        hours.push((Box::leak(format!("{day}_open").into_boxed_str()), "08:00"));
        hours.push((Box::leak(format!("{day}_close").into_boxed_str()), "17:00"));
    }
    assert_eq!(staff.post("/service/levels", &hours).await.status(), 303);
    let asked = app.ticket_in(&company.installer.user, None, &sam, TicketStatus::New);
    app.message(&sam, &asked, "Wir sehen uns das an.", false);
    // A replacement request, whose page lists the replacement's facts.
    let r = crate::replacement::file_with_invoice(&company.admin.agent, devices[0].id).await;
    assert_eq!(r.status(), 303, "replacement filed");
    // Plants on the map: two at one place (one dot with their count), one elsewhere.
    for (name, postal_code, city, lat, lon) in [
        ("Halle Ost", "34117", "Kassel", "51.3127", "9.4797"),
        ("Halle West", "34117", "Kassel", "51.3127", "9.4797"),
        ("Bürgerhaus", "37073", "Göttingen", "51.5413", "9.9158"),
    ] {
        company
            .admin
            .agent
            .plant_at(name, (postal_code, city), (lat, lon))
            .await;
    }
    // A webhook endpoint (at a documentation address), whose page the crawl reaches.
    let r = company
        .admin
        .agent
        .post(
            "/webhooks",
            &[
                ("url", "https://192.0.2.10/hooks/osc"),
                ("request_created", "on"),
                ("device_swapped", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "webhook registered");
    let operator = app
        .person(&Registration::operator("olaf@example.com"))
        .await;
    vec![
        Actor {
            who: "visitor",
            agent: app.new_agent(),
            email: None,
            starts: &[
                "/",
                "/register",
                "/login",
                "/contact",
                "/info-sheet",
                "/password/forgot",
                "/confirm/resend",
                "/help",
                "/no/such/page",
            ],
        },
        Actor {
            who: "administrator",
            email: Some(company.admin.user.email.clone()),
            agent: company.admin.agent,
            starts: &[
                "/plants",
                "/plants/new",
                "/plants/import",
                "/tickets",
                "/tickets/replacement",
                "/company/members",
                "/profile",
                "/account/access",
                "/account/two-factor",
            ],
        },
        Actor {
            who: "installer",
            email: Some(company.installer.user.email.clone()),
            agent: company.installer.agent,
            starts: &["/plants", "/tickets"],
        },
        Actor {
            who: "operator",
            email: Some(operator.user.email.clone()),
            agent: operator.agent,
            starts: &["/profile", "/plants", "/tickets"],
        },
        Actor {
            who: "staff",
            email: Some("sam@service.example".to_owned()),
            agent: staff,
            starts: &[
                "/service",
                "/service/tickets",
                "/service/tickets/new",
                "/service/users",
                "/service/users?q=kuehn",
                "/service/audit",
                "/service/mail",
            ],
        },
    ]
}

/// The pages each of `people` reaches over HTTP along the portal's links, kept under
/// `dir`.
pub async fn crawl_portal(people: &[Actor], dir: &Path) -> Pages {
    let mut pages = Pages::new(dir);
    for actor in people {
        pages.crawl(actor.who, &actor.agent, actor.starts).await;
    }
    pages
}

#[tokio::test]
async fn every_page_passes_the_nu_html_checker() {
    let Some(jar) = vnu() else {
        return;
    };
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let people = people_of_the_portal(&app).await;
    let mut pages = crawl_portal(&people, dir.path()).await;
    let by = |who: &str| &people.iter().find(|a| a.who == who).unwrap().agent;
    let (visitor, admin, operator) = (by("visitor"), by("administrator"), by("operator"));

    // Forms sent back with their errors.
    pages.refused("visitor", visitor, "/register", &[]).await;
    pages.refused("visitor", visitor, "/contact", &[]).await;
    pages.refused("visitor", visitor, "/login", &[]).await;
    pages
        .refused("administrator", admin, "/plants/new", &[])
        .await;
    pages
        .refused("administrator", admin, "/account/password", &[])
        .await;
    pages
        .refused("administrator", admin, "/company/invitations", &[])
        .await;
    pages
        .refused("administrator", admin, "/account/tokens", &[])
        .await;
    pages
        .refused("administrator", admin, "/webhooks", &[("url", "ftp://x")])
        .await;
    // An API access token, shown the one time it is made.
    let r = admin
        .post(
            "/account/tokens",
            &[("name", "ERP"), ("read", "on"), ("lifetime", "90")],
        )
        .await;
    assert_eq!(r.status(), 200);
    pages.keep(
        "administrator: POST /account/tokens",
        &r.text().await.unwrap(),
    );
    // Two-step log-in's set-up page, with its QR code.
    let r = operator
        .post(
            "/account/two-factor/setup",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 200);
    pages.keep(
        "operator: POST /account/two-factor/setup",
        &r.text().await.unwrap(),
    );
    assert!(
        pages.by_file.len() > 60,
        "only {} pages",
        pages.by_file.len()
    );

    let files: Vec<PathBuf> = pages.by_file.keys().map(|f| dir.path().join(f)).collect();
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--stdout"])
        .args(&files)
        .output()
        .expect("vnu runs");
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("vnu's report: {e}"));
    let problems: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            let file = m["url"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("");
            format!(
                "{} — line {}: {} [{}]",
                pages.by_file.get(file).map_or(file, String::as_str),
                m["lastLine"],
                m["message"].as_str().unwrap_or(""),
                m["extract"].as_str().unwrap_or("").trim()
            )
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} errors in {} pages:\n{}",
        problems.len(),
        pages.by_file.len(),
        problems.join("\n")
    );
}
