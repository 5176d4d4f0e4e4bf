//! Builders of the usual arrangements, in one place and through the use cases
//! (`osc::service`) the pages call, on the running server's core: a confirmed account,
//! a company with an administrator and an installer, a plant with devices, a ticket in a
//! given state. Ids come from the use cases' outcomes, never from scraped HTML. Each
//! person comes with a signed-in [`Agent`] for the HTTP side of a test.

use osc::access::Actor;
use osc::domain::ticket::{TicketKind, TicketStatus, can_move};
use osc::service::api_tokens::{self, NewApiToken};
use osc::service::company::{self, Administering, NewInvitation, NewMember};
use osc::service::devices::{self, NewDevice};
use osc::service::plants::{self, PlantData};
use osc::service::registration::{self, NewRegistration};
use osc::service::requests::{self, Filer, NewContact};
use osc::service::ticket_thread::{self, StatusChange, StatusChanged};
use osc::service::{Acting, Core};
use osc::store::audit;
use osc::store::devices::Device;
use osc::store::plants::Plant;
use osc::store::tickets::Ticket;
use osc::store::users::User;
use osc::views::accounts::RegisterForm;
use osc::views::api_tokens::ApiTokenForm;
use osc::views::company::{InviteForm, JoinForm};
use osc::views::devices::DeviceForm;
use osc::views::plants::PlantForm;
use osc::views::tickets::ContactForm;

use crate::common::{Agent, PASSWORD, Registration, TestApp, link_in};

/// A confirmed account, and a browser signed in as it.
pub struct Person {
    pub user: User,
    pub agent: Agent,
}

/// A company with its administrator and one installer.
pub struct Company {
    pub id: u64,
    pub admin: Person,
    pub installer: Person,
}

/// `user` as the access rules see them, and as the audit log names them.
pub fn who(user: &User) -> (Actor, audit::Actor) {
    let trail = audit::Actor {
        user: Some(user.id),
        name: user.full_name(),
        address: "127.0.0.1".into(),
    };
    (user.actor(), trail)
}

/// Runs `f` with `user` acting.
fn acting<T>(user: &User, f: impl FnOnce(&Acting) -> T) -> T {
    let (actor, trail) = who(user);
    f(&Acting {
        user,
        actor: &actor,
        trail: &trail,
        via_token: None,
    })
}

fn register_form(registration: &Registration) -> RegisterForm {
    let field = |key: &str| {
        registration
            .fields
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    RegisterForm {
        email: field("email"),
        password: field("password"),
        password_confirm: field("password_confirm"),
        first_name: field("first_name"),
        last_name: field("last_name"),
        phone: field("phone"),
        account_type: field("account_type"),
        company_name: field("company_name"),
        street: field("street"),
        postal_code: field("postal_code"),
        city: field("city"),
        country: field("country"),
        language: field("language"),
        security_question: field("security_question"),
        security_answer: field("security_answer"),
        accept_terms: field("accept_terms"),
    }
}

impl TestApp {
    fn core(&self) -> &Core {
        &self.state.core
    }

    /// The account with `email`.
    pub fn user(&self, email: &str) -> User {
        let email = osc::domain::Email::parse(email).expect("an e-mail address");
        self.state
            .store
            .users()
            .find_by_email(&email)
            .unwrap()
            .expect("an account")
    }

    /// A browser signed in as `email`.
    async fn signed_in_agent(&self, email: &str) -> Agent {
        let agent = self.new_agent();
        let r = agent.login(email, PASSWORD).await;
        assert_eq!(r.status(), 303, "log-in accepted");
        agent
    }

    /// Registers `registration` through the registration use case and confirms it with
    /// the token of the mailed link.
    pub async fn person(&self, registration: &Registration) -> Person {
        let new = NewRegistration::try_from(&register_form(registration)).expect("valid");
        registration::register(self.core(), new).await.unwrap();
        let email = registration.email();
        let link = link_in(&self.mail(email, "/confirm/").await, "/confirm/");
        let token = link.trim_start_matches("/confirm/");
        registration::confirm(self.core(), token).unwrap();
        let user = self.user(email);
        Person {
            agent: self.signed_in_agent(email).await,
            user,
        }
    }

    /// An installer company `name` whose administrator (`chef@domain`) invites an
    /// installer (`ina@domain`), who joins through the token of the mailed link.
    pub async fn company(&self, name: &str, domain: &str) -> Company {
        let admin = self
            .person(&Registration::installer(&format!("chef@{domain}"), name))
            .await;
        let scope =
            osc::access::administered_company(&admin.user.actor()).expect("an administrator");
        let email = format!("ina@{domain}");
        let form = InviteForm {
            email: email.clone(),
            role: "installer".into(),
        };
        let new = NewInvitation::check(&form).unwrap();
        acting(&admin.user, |who| {
            let admin = Administering { who: *who, scope };
            company::invite(self.core(), &admin, new).unwrap().unwrap();
        });
        let link = link_in(&self.mail(&email, "/invitations/").await, "/invitations/");
        let secret = link.trim_start_matches("/invitations/");
        let (invitation, company_name) = company::usable_invitation(self.core(), secret)
            .unwrap()
            .unwrap();
        let join = JoinForm {
            first_name: "Ida".into(),
            last_name: "Installateur".into(),
            phone: "+49 561 1234567".into(),
            language: "en".into(),
            password: PASSWORD.into(),
            password_confirm: PASSWORD.into(),
            security_question: "first-pet".into(),
            security_answer: "Bello".into(),
            accept_terms: "on".into(),
        };
        let new = NewMember::check(&join, &invitation, &company_name).unwrap();
        let company::Joined::Member { user, .. } =
            company::join(self.core(), secret, &invitation, new, &Default::default())
                .await
                .unwrap()
        else {
            panic!("joined");
        };
        let installer = Person {
            agent: self.signed_in_agent(&email).await,
            user: *user,
        };
        Company {
            id: scope.company_id(),
            admin,
            installer,
        }
    }

    /// An API access token of `user` through the use case: `scopes` is `"read"`,
    /// `"write"` or `"read write"`; valid for 90 days.
    pub fn api_token(&self, user: &User, scopes: &str, company_wide: bool) -> String {
        let form = ApiTokenForm {
            name: format!("{scopes} token"),
            read: if scopes.contains("read") { "on" } else { "" }.into(),
            write: if scopes.contains("write") { "on" } else { "" }.into(),
            company_wide: if company_wide { "on" } else { "" }.into(),
            lifetime: "90".into(),
        };
        let new = NewApiToken::parse(&form, &user.actor()).expect("a valid token form");
        match acting(user, |who| {
            api_tokens::create(self.core(), who, new).unwrap()
        }) {
            api_tokens::Made::Made { secret, .. } => secret,
            api_tokens::Made::TooMany => panic!("too many tokens"),
        }
    }

    /// A plant `name` registered by `owner`, with a device per `(serial, product id)`.
    pub fn plant_with_devices(
        &self,
        owner: &User,
        name: &str,
        devices: &[(&str, u32)],
    ) -> (Plant, Vec<Device>) {
        let form = PlantForm {
            name: name.into(),
            street: "Sonnenallee 1".into(),
            postal_code: "34266".into(),
            city: "Niestetal".into(),
            country: "DE".into(),
            ..PlantForm::default()
        };
        let core = self.core();
        let open = &core.config.plants.registration_countries;
        let fixed = acting(owner, plants::operator_self);
        let fixed = fixed.as_ref().map(|(n, e)| (n.as_str(), e.as_str()));
        let data = PlantData::check(&form, open, core.today(), fixed).unwrap();
        acting(owner, |who| {
            let plant = plants::register(core, who, data)
                .unwrap()
                .expect("may register");
            let devices = devices
                .iter()
                .map(|(serial, product)| {
                    let form = DeviceForm {
                        serial_number: (*serial).into(),
                        product: product.to_string(),
                        ..DeviceForm::default()
                    };
                    let new = NewDevice::check(&form, &plant, core.today()).unwrap();
                    match devices::register(core, who, &plant, new).unwrap() {
                        devices::Registration::Registered(d) => *d,
                        devices::Registration::SerialTaken => panic!("serial {serial} taken"),
                    }
                })
                .collect();
            (plant, devices)
        })
    }

    /// The service team's Sam (signed in), Kühn Solar with its plant "Scheune Nord" (one
    /// inverter, 3001234567) and a request about the inverter that Sam moved to `status`.
    pub async fn workshop_with_request(
        &self,
        status: TicketStatus,
    ) -> (Agent, Company, Plant, Ticket) {
        let staff = self.staff("sam@service.example").await;
        let sam = self.user("sam@service.example");
        let company = self.company("Kühn Solar GmbH", "kuehn-solar.de").await;
        let (plant, _) =
            self.plant_with_devices(&company.admin.user, "Scheune Nord", &[("3001234567", 9088)]);
        let ticket = self.ticket_in(&company.admin.user, Some("3001234567"), &sam, status);
        (staff, company, plant, ticket)
    }

    /// A message by `author` in the thread of `ticket`: an internal note when `internal`
    /// (and `author` is of the service team).
    pub fn message(&self, author: &User, ticket: &Ticket, text: &str, internal: bool) {
        let form = osc::views::ticket_page::MessageForm {
            message: text.into(),
            internal: if internal { "on" } else { "" }.into(),
            ..Default::default()
        };
        let staff = author.kind == osc::access::AccountKind::Staff;
        let new = ticket_thread::NewMessage::check(&form, Ok(Vec::new()), staff).unwrap();
        acting(author, |who| {
            ticket_thread::add_message(self.core(), who, ticket, new).unwrap()
        });
    }

    /// A contact request of `requester` (about `serial`, if any), moved by `staff`
    /// along the allowed transitions until it is `status`.
    pub fn ticket_in(
        &self,
        requester: &User,
        serial: Option<&str>,
        staff: &User,
        status: TicketStatus,
    ) -> Ticket {
        let core = self.core();
        let form = ContactForm {
            topic: if serial.is_some() {
                "technical"
            } else {
                "other"
            }
            .into(),
            serial: serial.unwrap_or_default().into(),
            message: "The inverter shows event 3501.\nPlease call back.".into(),
            ..ContactForm::default()
        };
        let (actor, _) = who(requester);
        let filer = Filer {
            signed_in: Some((requester, &actor)),
            lang: requester.language,
        };
        let new = NewContact::check(&form, &filer).unwrap();
        let mut ticket = requests::contact(core, &filer, new).unwrap();
        for step in path(ticket.kind, ticket.status, status) {
            let change = StatusChange {
                to: step,
                rma: None,
                tracking: None,
                new_serial: None,
            };
            ticket = acting(staff, |who| {
                match ticket_thread::change_status(core, who, &ticket, change).unwrap() {
                    StatusChanged::Moved(t) => *t,
                    other => panic!("moving to {step:?}: {other:?}"),
                }
            });
        }
        ticket
    }
}

/// The shortest way from `from` to `to` through the transitions `kind` allows.
fn path(kind: TicketKind, from: TicketStatus, to: TicketStatus) -> Vec<TicketStatus> {
    let mut paths = vec![vec![from]];
    let mut seen = vec![from];
    while !paths.is_empty() {
        let mut next = Vec::new();
        for p in paths {
            let last = *p.last().unwrap();
            if last == to {
                return p[1..].to_vec();
            }
            for s in TicketStatus::ALL {
                if can_move(kind, last, s) && !seen.contains(&s) {
                    seen.push(s);
                    let mut longer = p.clone();
                    longer.push(s);
                    next.push(longer);
                }
            }
        }
        paths = next;
    }
    panic!("{to:?} cannot be reached from {from:?}");
}

#[tokio::test]
async fn the_builders_arrange_through_the_use_cases() {
    let app = TestApp::spawn().await;
    let company = app
        .company("Sonnenschein Solartechnik", "sonnenschein.example")
        .await;
    assert_eq!(company.admin.user.company.map(|(c, _)| c), Some(company.id));
    assert_eq!(
        company.installer.user.company,
        Some((company.id, osc::access::CompanyRole::Member))
    );
    let (plant, devices) =
        app.plant_with_devices(&company.installer.user, "Scheune", &[("3001234567", 9088)]);
    assert_eq!(devices.len(), 1);
    // The installer registered it, so it is assigned to them and their pages show it.
    let (status, html) = company
        .installer
        .agent
        .page(&format!("/plants/{}", plant.id))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Scheune") && html.contains("3001234567"));

    app.staff("sam@service.example").await;
    let staff = app.user("sam@service.example");
    let t = app.ticket_in(
        &company.installer.user,
        Some("3001234567"),
        &staff,
        TicketStatus::WaitingForCustomer,
    );
    assert_eq!(t.status, TicketStatus::WaitingForCustomer);
    assert_eq!(t.device, Some(devices[0].id));
    let (status, html) = company
        .installer
        .agent
        .page(&format!("/tickets/{}", t.id))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&t.number));
}
