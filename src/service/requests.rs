//! Filing service requests: the contact form and the information sheet (signed in or
//! not), a request the service team files for a customer, and what every new request
//! goes through: its number, the requester's confirmation mail and its index change,
//! written in one unit of work.

use crate::access::{AccountKind, Actor};
use crate::domain::ticket::{self, TicketKind};
use crate::domain::{self, Email, SerialNumber};
use crate::i18n::{Lang, args};
use crate::mail::templates::compose;
use crate::store::audit::{Entry, Event};
use crate::store::mail_queue::OutgoingMail;
use crate::store::plants::Plant;
use crate::store::tickets::{Requester, Ticket, TicketMessage, Upload};
use crate::store::users::{User, UserStatus};
use crate::views::components::Errors;
use crate::views::service::on_behalf::OnBehalfForm;
use crate::views::tickets::{ContactForm, InfoSheetForm, SYSTEMS};

use super::{Acting, Core, Failure};

/// Who files a request from the public forms: a signed-in person, or a visitor writing
/// in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct Filer<'a> {
    pub signed_in: Option<(&'a User, &'a Actor)>,
    pub lang: Lang,
}

impl Filer<'_> {
    /// The requester: the signed-in person, else the name and e-mail the visitor gave.
    fn requester(&self, name: String, email: String) -> Requester {
        match self.signed_in {
            Some((user, _)) => Requester::of(user),
            None => Requester {
                user: None,
                name,
                email,
                language: self.lang,
                company: None,
            },
        }
    }

    /// The name and e-mail of the request: the account's, else checked from the form.
    fn identity(&self, e: &mut Errors, name: &str, email: &str) -> Option<(String, String)> {
        match self.signed_in {
            Some((user, _)) => Some((user.full_name(), user.email.clone())),
            None => {
                let name = e.check("name", domain::required_text(name, 120));
                let email = e.check("email", Email::parse(email).map(|m| m.as_str().to_owned()));
                Some((name?, email?))
            }
        }
    }
}

/// The serial a request names (none when left empty) and its message, checked.
fn serial_and_message(
    e: &mut Errors,
    serial: &str,
    message: &str,
) -> (Option<SerialNumber>, Option<String>) {
    let serial = if serial.trim().is_empty() {
        None
    } else {
        e.check("serial", SerialNumber::parse(serial))
    };
    let message = e.check("message", domain::required_text_multiline(message, 5000));
    (serial, message)
}

/// The first line of a message, shortened at a word's end: the ticket's subject.
pub fn subject_of(message: &str) -> String {
    const MOST: usize = 80;
    let line = message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() <= MOST {
        return line.to_owned();
    }
    // Too long: cut at the last space before the limit, never inside a word.
    let cut: String = line.chars().take(MOST).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The year a request filed at `now` is numbered in.
pub fn year(now: u64) -> i32 {
    time::OffsetDateTime::from_unix_timestamp(i64::try_from(now).unwrap_or(0))
        .map_or(1970, |t| t.year())
}

/// Files a new request: its number, the requester's confirmation mail (with a link to
/// the request when they have an account; its subject without their text when they have
/// none), its index change, and `audit`'s entry.
pub fn file(
    core: &Core,
    new: Ticket,
    uploads: Vec<Upload>,
    with_link: bool,
    audit: impl FnOnce(&Ticket) -> Option<Entry>,
) -> Result<Ticket, Failure> {
    let compose_mail = confirmation(core, with_link);
    let year = year(core.clock.now());
    let created =
        core.store
            .tickets()
            .create(new, year, uploads, Box::new(compose_mail), Box::new(audit))?;
    tracing::info!(event = "ticket_created", ticket = created.id, kind = ?created.kind, with_link, "request received");
    Ok(created)
}

/// The requester's confirmation of a new request, composed from the ticket as filed (with
/// a link to it when they have an account), in the request's thread.
pub fn confirmation(core: &Core, with_link: bool) -> impl Fn(&Ticket) -> Vec<OutgoingMail> + '_ {
    let base = core.config.public_url();
    move |t: &Ticket| {
        // A sender without an account may give anybody's address: the subject of the
        // mail they cause carries no text they chose, so it cannot advertise anything.
        let template = if t.requester.is_none() {
            "ticket-received"
        } else {
            "ticket-created"
        };
        let link = if with_link {
            format!("{base}/tickets/{}", t.id)
        } else {
            String::new()
        };
        vec![
            compose(
                core,
                t.language,
                &t.requester_email,
                template,
                &[
                    ("name", &t.requester_name),
                    ("number", &t.number),
                    ("subject", &t.subject),
                    ("link", &link),
                ],
            )
            .in_thread(t.id),
        ]
    }
}

/// A contact request, checked.
#[derive(Debug)]
pub struct NewContact {
    pub name: String,
    pub email: String,
    pub topic: &'static str,
    pub serial: Option<SerialNumber>,
    pub message: String,
}

impl NewContact {
    /// Checks the form; technical topics need the device's serial number.
    pub fn check(form: &ContactForm, filer: &Filer) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let identity = filer.identity(&mut e, &form.name, &form.email);
        let topic = e.check("topic", ticket::parse_topic(&form.topic));
        let (serial, message) = serial_and_message(&mut e, &form.serial, &form.message);
        if form.serial.trim().is_empty() && topic == Some("technical") {
            e.add("serial", "ticket-serial-required");
        }
        e.finish(|| {
            let (name, email) = identity?;
            Some(Self {
                name,
                email,
                topic: topic?,
                serial,
                message: message?,
            })
        })
    }
}

/// Files a contact request. A serial of a device the requester may see ties the request
/// to it and its plant.
pub fn contact(core: &Core, filer: &Filer, new: NewContact) -> Result<Ticket, Failure> {
    contact_audited(core, filer, new, |_| None)
}

/// Files a contact request for a person acting through the JSON API, audited as a change
/// made with their token in the same unit of work.
pub fn contact_by_token(core: &Core, who: &Acting, new: NewContact) -> Result<Ticket, Failure> {
    let filer = Filer {
        signed_in: Some((who.user, who.actor)),
        lang: who.user.language,
    };
    let now = core.clock.now();
    contact_audited(core, &filer, new, |t| {
        who.token_entry(now, format!("request {} filed", t.number))
    })
}

fn contact_audited(
    core: &Core,
    filer: &Filer,
    new: NewContact,
    audit: impl FnOnce(&Ticket) -> Option<Entry>,
) -> Result<Ticket, Failure> {
    let (device, plant) = match (filer.signed_in, new.serial) {
        (Some((_, actor)), Some(s)) => match core.store.devices().by_serial(s.value())? {
            Some(d) if core.store.plants().visible(actor, d.plant_id)?.is_some() => {
                (Some(d.id), Some(d.plant_id))
            }
            _ => (None, None),
        },
        _ => (None, None),
    };
    let author = filer.signed_in.map(|(u, _)| u.id);
    let first = TicketMessage::new(
        core.clock.now(),
        author,
        new.name.clone(),
        false,
        new.message,
    );
    let ticket = Ticket {
        topic: Some(new.topic.to_owned()),
        plant,
        device,
        serial: new.serial.map(SerialNumber::value),
        ..Ticket::filed(
            TicketKind::Contact,
            filer.requester(new.name, new.email),
            subject_of(&first.text),
            first,
        )
    };
    file(core, ticket, Vec::new(), filer.signed_in.is_some(), audit)
}

/// An information sheet, checked.
#[derive(Debug)]
pub struct NewInfoSheet {
    pub name: String,
    pub email: String,
    /// One of [`SYSTEMS`].
    pub system: &'static str,
    pub serials: String,
    pub site: String,
    pub message: String,
}

impl NewInfoSheet {
    /// Checks the form.
    pub fn check(form: &InfoSheetForm, filer: &Filer) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let identity = filer.identity(&mut e, &form.name, &form.email);
        let system =
            e.check(
                "system",
                SYSTEMS.iter().copied().find(|s| *s == form.system).ok_or(
                    if form.system.is_empty() {
                        "field-choose"
                    } else {
                        "info-system-unknown"
                    },
                ),
            );
        let serials = e.check(
            "serials",
            domain::required_text_multiline(&form.serials, 500),
        );
        let site = e.check("site", domain::required_text_multiline(&form.site, 500));
        let message = e.check(
            "message",
            domain::optional_text(&form.message.replace(['\r', '\n'], " "), 5000),
        );
        e.finish(|| {
            let (name, email) = identity?;
            Some(Self {
                name,
                email,
                system: system?,
                serials: serials?,
                site: site?,
                message: message?,
            })
        })
    }
}

/// Files the information sheet of a system that cannot be registered (SMA Smart Home,
/// off-grid; docs/domain.md, "Devices") as a ticket for the service team.
pub fn info_sheet(core: &Core, filer: &Filer, new: NewInfoSheet) -> Result<Ticket, Failure> {
    let system_id = format!("info-system-{}", new.system);
    let system_name = core.i18n.t(Lang::En, &system_id);
    let text = format!(
        "{system_name}\n\nSerial numbers:\n{}\n\nSite:\n{}\n\n{}",
        new.serials, new.site, new.message
    );
    let author = filer.signed_in.map(|(u, _)| u.id);
    let first = TicketMessage::new(core.clock.now(), author, new.name.clone(), false, text);
    let subject = core.i18n.t_args(
        filer.lang,
        "info-subject",
        &args(&[("system", &core.i18n.t(filer.lang, &system_id))]),
    );
    let ticket = Ticket {
        topic: Some(new.system.to_owned()),
        serial: new
            .serials
            .split(|c: char| !c.is_ascii_digit())
            .find_map(|s| SerialNumber::parse(s).ok())
            .map(SerialNumber::value),
        ..Ticket::filed(
            TicketKind::InfoSheet,
            filer.requester(new.name, new.email),
            subject,
            first,
        )
    };
    file(core, ticket, Vec::new(), filer.signed_in.is_some(), |_| {
        None
    })
}

/// A customer the service team files for: an active customer account and its plants.
#[derive(Debug)]
pub struct Customer {
    pub user: User,
    pub plants: Vec<Plant>,
}

impl Customer {
    /// The customer `email` names, if it is an active customer account.
    pub fn find(core: &Core, email: &str) -> Result<Option<Self>, Failure> {
        let Ok(email) = Email::parse(email) else {
            return Ok(None);
        };
        let Some(user) = core
            .store
            .users()
            .find_by_email(&email)?
            .filter(|u| u.kind != AccountKind::Staff && u.status == UserStatus::Active)
        else {
            return Ok(None);
        };
        let plants = core
            .store
            .plants()
            .list(&user.actor(), "")?
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        Ok(Some(Self { user, plants }))
    }
}

/// A request the service team files for a customer, checked.
#[derive(Debug)]
pub struct ForCustomer {
    pub topic: &'static str,
    /// One of the customer's plants.
    pub plant: Option<u64>,
    pub serial: Option<SerialNumber>,
    pub message: String,
}

impl ForCustomer {
    /// Checks the form for `customer` (none: the e-mail named no customer).
    pub fn check(form: &OnBehalfForm, customer: Option<&Customer>) -> Result<Self, Errors> {
        let mut e = Errors::new();
        if customer.is_none() {
            e.add("customer", "service-customer-unknown");
        }
        let topic = e.check("topic", ticket::parse_topic(&form.topic));
        let plant = match (customer, form.plant.trim()) {
            (_, "") | (None, _) => None,
            (Some(customer), id) => {
                let found = id
                    .parse::<u64>()
                    .ok()
                    .filter(|id| customer.plants.iter().any(|p| p.id == *id));
                if found.is_none() {
                    e.add("plant", "service-plant-not-theirs");
                }
                found
            }
        };
        let (serial, message) = serial_and_message(&mut e, &form.serial, &form.message);
        e.finish(|| {
            Some(Self {
                topic: topic?,
                plant,
                serial,
                message: message?,
            })
        })
    }
}

/// Files the request as the customer's, assigned to the staff member who wrote it, with
/// its audit entry. A serial of a device on one of the customer's plants ties it there.
pub fn file_for_customer(
    core: &Core,
    who: &Acting,
    customer: &Customer,
    new: ForCustomer,
) -> Result<Ticket, Failure> {
    let now = core.clock.now();
    let device = match new.serial {
        Some(s) => core
            .store
            .devices()
            .by_serial(s.value())?
            .filter(|d| customer.plants.iter().any(|p| p.id == d.plant_id)),
        None => None,
    };
    let subject = subject_of(&new.message);
    let me = who.user;
    let first = TicketMessage::new(now, Some(me.id), me.full_name(), true, new.message);
    let ticket = Ticket {
        topic: Some(new.topic.to_owned()),
        plant: device.as_ref().map(|d| d.plant_id).or(new.plant),
        device: device.as_ref().map(|d| d.id),
        serial: new.serial.map(SerialNumber::value),
        assignee: Some(me.id),
        ..Ticket::filed(
            TicketKind::Contact,
            Requester::of(&customer.user),
            subject,
            first,
        )
    };
    file(core, ticket, Vec::new(), true, |t| {
        Some(
            who.entry(now, Event::TicketCreatedForCustomer, &t.number)
                .about(customer.user.id),
        )
    })
}

#[cfg(test)]
mod subject_tests {
    use super::subject_of;

    #[test]
    fn a_subject_is_the_first_line_cut_at_a_word_s_end() {
        assert_eq!(
            subject_of("\n  Display dunkel.\nMehr Text"),
            "Display dunkel."
        );
        let long = "Der Wechselrichter schaltet sich mehrmals am Tag ab, meistens gegen Mittag, manchmal auch am Abend.";
        let subject = subject_of(long);
        assert_eq!(
            subject,
            "Der Wechselrichter schaltet sich mehrmals am Tag ab, meistens gegen Mittag…"
        );
        assert!(subject.chars().count() <= 81);
        // One word longer than the limit is cut where it must be.
        let word = "x".repeat(100);
        assert_eq!(subject_of(&word).chars().count(), 81);
    }
}
