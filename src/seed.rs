//! `osc seed --tickets N`: fills a data directory with realistic demo data — installer
//! companies and wholesalers from Germany, Austria and Switzerland with their people,
//! plant operators with French, German, Austrian and Swiss names, plants in real towns
//! with coordinates, devices of real catalog products with serials in SMA's format, and
//! N tickets of every kind spread over the last two years, moved along the transitions
//! of docs/domain.md, as unevenly as on a real instance (a few companies with tens of
//! thousands of requests, mostly filed by one person, and a long tail of small ones). Deterministic for a given `--seed`. Writes in batches (one transaction
//! per few thousand records), then builds the search index.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::access::{AccountKind, CompanyRole};
use crate::domain::catalog::{Catalog, Category};
use crate::domain::fold::fold;
use crate::domain::ticket::{self, TicketKind, TicketStatus};
use crate::i18n::Lang;

use crate::store::companies::Company;
use crate::store::devices::Device;
use crate::store::plants::Plant;
use crate::store::tickets::{Replacement, StatusChange, Ticket, TicketMessage};
use crate::store::users::{DeliveryAddress, User, UserStatus};
use crate::store::{Storage, StoreError};

/// The password of every seeded account (printed at the end; demo data only).
pub const DEMO_PASSWORD: &str = "Sonnenschein-Demo-2026";

/// How much to seed.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub tickets: u64,
    /// Seed of the random generator: the same plan gives the same data.
    pub seed: u64,
    /// "Now" for the data (unix seconds): tickets reach two years back from it.
    pub now: u64,
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    pub companies: u64,
    pub users: u64,
    pub plants: u64,
    pub devices: u64,
    pub tickets: u64,
    /// An administrator to log in as.
    pub demo_admin: String,
}

struct Town {
    country: &'static str,
    postal_code: &'static str,
    city: &'static str,
    lat: f64,
    lon: f64,
}

const fn town(
    country: &'static str,
    postal_code: &'static str,
    city: &'static str,
    lat: f64,
    lon: f64,
) -> Town {
    Town {
        country,
        postal_code,
        city,
        lat,
        lon,
    }
}

const TOWNS: &[Town] = &[
    town("DE", "80331", "München", 48.137, 11.575),
    town("DE", "79098", "Freiburg im Breisgau", 47.999, 7.842),
    town("DE", "70173", "Stuttgart", 48.776, 9.177),
    town("DE", "97070", "Würzburg", 49.792, 9.939),
    town("DE", "34266", "Niestetal", 51.309, 9.574),
    town("DE", "04109", "Leipzig", 51.340, 12.375),
    town("DE", "93047", "Regensburg", 49.013, 12.101),
    town("DE", "89073", "Ulm", 48.398, 9.991),
    town("DE", "83022", "Rosenheim", 47.856, 12.128),
    town("DE", "49074", "Osnabrück", 52.279, 8.047),
    town("DE", "24103", "Kiel", 54.323, 10.139),
    town("DE", "01067", "Dresden", 51.050, 13.737),
    town("AT", "1010", "Wien", 48.208, 16.373),
    town("AT", "8010", "Graz", 47.070, 15.439),
    town("AT", "4020", "Linz", 48.306, 14.286),
    town("AT", "5020", "Salzburg", 47.809, 13.055),
    town("AT", "6020", "Innsbruck", 47.269, 11.404),
    town("AT", "9020", "Klagenfurt", 46.624, 14.307),
    town("CH", "3011", "Bern", 46.948, 7.447),
    town("CH", "8001", "Zürich", 47.376, 8.541),
    town("CH", "6003", "Luzern", 47.050, 8.309),
    town("CH", "9000", "St. Gallen", 47.424, 9.376),
    town("CH", "7000", "Chur", 46.850, 9.532),
    town("CH", "1700", "Fribourg", 46.806, 7.161),
    town("CH", "1003", "Lausanne", 46.520, 6.633),
    town("CH", "1204", "Genève", 46.204, 6.143),
];

const STREETS_DE: &[&str] = &[
    "Hauptstraße",
    "Bahnhofstraße",
    "Kirchweg",
    "Sonnenhalde",
    "Industriestraße",
    "Lindenallee",
    "Mühlweg",
    "Gartenstraße",
    "Am Anger",
    "Schulstrasse",
];
const STREETS_FR: &[&str] = &[
    "Rue du Marché",
    "Avenue de la Gare",
    "Chemin des Vignes",
    "Route de Berne",
    "Rue du Soleil",
];

const FIRST_DE: &[&str] = &[
    "Anna",
    "Lukas",
    "Leonie",
    "Felix",
    "Marie",
    "Jonas",
    "Sophie",
    "Maximilian",
    "Lena",
    "Jürgen",
    "Hannah",
    "Elias",
    "Tobias",
    "Julia",
    "Stefan",
    "Katharina",
    "Sabine",
    "Andreas",
    "Björn",
    "Uwe",
];
const LAST_DE: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Krüger",
    "Hartmann",
    "Böhm",
    // Spellings the search must bring together or keep apart (see "Ticket Tracking" in
    // the README: folding of umlauts, ß and other letters).
    "Mueller",
    "Jäger",
    "Groß",
    "Gross",
    "Sørensen",
];
const FIRST_AT: &[&str] = &[
    "Florian",
    "Lisa",
    "Matthias",
    "Verena",
    "Bernhard",
    "Theresa",
    "Johann",
    "Magdalena",
];
const LAST_AT: &[&str] = &[
    "Gruber",
    "Huber",
    "Wimmer",
    "Pichler",
    "Moser",
    "Steiner",
    "Leitner",
    "Mayr",
    "Hofer",
    "Egger",
    "Aigner",
    "Wögerbauer",
];
const FIRST_CH: &[&str] = &[
    "Urs", "Reto", "Beat", "Nicole", "Corinne", "Luca", "Andrea", "Martina", "Res", "Mirjam",
];
const LAST_CH: &[&str] = &[
    "Meier", "Keller", "Frei", "Gerber", "Baumann", "Brunner", "Aebi", "Zürcher", "Lüthi", "Rüegg",
    "Bachmann", "Kälin",
];
const FIRST_FR: &[&str] = &[
    "Jean",
    "Marie",
    "Camille",
    "Lucas",
    "Chloé",
    "Hugo",
    "Léa",
    "Thomas",
    "Inès",
    "Noémie",
    "François",
    "Hélène",
];
const LAST_FR: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Mercier",
    "Lambert", "Faure", "Rousseau", "Bonnet", "Perrin",
];

/// An inverter event, as the requester's language names it: (German, French).
const EVENTS: &[(&str, &str)] = &[
    (
        "Ereignis 3501 – Isolationsfehler",
        "Événement 3501 – Défaut d’isolement",
    ),
    (
        "Ereignis 3401 – DC-Überspannung",
        "Événement 3401 – Surtension DC",
    ),
    (
        "Ereignis 6801 – Selbstdiagnose",
        "Événement 6801 – Autodiagnostic",
    ),
    (
        "Ereignis 7701 – Lüfterfehler",
        "Événement 7701 – Défaut du ventilateur",
    ),
    (
        "Ereignis 3302 – Instabiler Betrieb",
        "Événement 3302 – Fonctionnement instable",
    ),
    (
        "Ereignis 1501 – Netzzuschaltung gestört",
        "Événement 1501 – Défaut de reconnexion au réseau",
    ),
    ("Ereignis 8001 – Derating", "Événement 8001 – Derating"),
    (
        "Ereignis 6501 – Übertemperatur",
        "Événement 6501 – Surchauffe",
    ),
];

/// A contact request: its topic, then its text in German and in French (the subject is
/// made from it as the portal makes one, `requests::subject_of`).
const TOPIC_TEXTS: &[(&str, &str, &str)] = &[
    (
        "technical",
        "Der Wechselrichter speist seit gestern nicht mehr ein. Das Display bleibt dunkel.",
        "L’onduleur n’injecte plus depuis hier. L’écran reste noir.",
    ),
    (
        "technical",
        "Der Wechselrichter schaltet sich mehrmals am Tag ab. Es passiert meist gegen Mittag.",
        "L’onduleur s’arrête plusieurs fois par jour. Cela arrive surtout vers midi.",
    ),
    (
        "technical",
        "Die Verbindung zum Sunny Home Manager bricht ab. Seit dem Update jeden Abend.",
        "La liaison avec le Sunny Home Manager se coupe. Chaque soir depuis la mise à jour.",
    ),
    (
        "general",
        "Welche Speicher passen zu unserer Anlage? Wir planen eine Erweiterung im Frühjahr.",
        "Quelles batteries conviennent à notre installation ? Nous prévoyons une extension au printemps.",
    ),
    (
        "login",
        "Die Bestätigungs-E-Mail kommt nicht an. Können Sie sie erneut senden?",
        "L’e-mail de confirmation n’arrive pas. Pouvez-vous le renvoyer ?",
    ),
    (
        "account",
        "Unsere Firma ist umgezogen. Bitte ändern Sie die Adresse des Administrators.",
        "Notre société a déménagé. Merci de modifier l’adresse de l’administrateur.",
    ),
    (
        "other",
        "Bitte senden Sie uns das Inbetriebnahmeprotokoll. Der Netzbetreiber verlangt es.",
        "Merci de nous envoyer le procès-verbal de mise en service. Le gestionnaire de réseau le demande.",
    ),
    (
        "general",
        "Bis wann läuft die Garantie der zwei Wechselrichter auf dem Scheunendach?",
        "Jusqu’à quand court la garantie des deux onduleurs sur le toit de la grange ?",
    ),
];

/// The service team's answers: (German, French).
const STAFF_ANSWERS: &[(&str, &str)] = &[
    (
        "Vielen Dank für Ihre Anfrage. Bitte senden Sie uns ein Foto des Typenschilds.",
        "Merci pour votre demande. Pouvez-vous nous envoyer une photo de la plaque signalétique ?",
    ),
    (
        "Bitte senden Sie uns das Ereignisprotokoll des Wechselrichters.",
        "Merci pour votre message. Pouvez-vous nous transmettre le journal des événements ?",
    ),
    (
        "Wir haben die Einstellungen geprüft; bitte führen Sie ein Firmware-Update durch.",
        "Nous avons vérifié les réglages ; merci d’effectuer une mise à jour du firmware.",
    ),
    (
        "Danke, wir haben Ihre Anfrage an unser Technikteam weitergegeben.",
        "Merci, nous avons transmis votre demande à notre équipe technique.",
    ),
];

/// The German or the French of a pair, in the requester's language.
fn in_lang<'a>(lang: Lang, (de, fr): (&'a str, &'a str)) -> &'a str {
    if lang == Lang::Fr { fr } else { de }
}

/// A person's name from one of the four regions, with the language they write in.
fn person(rng: &mut StdRng) -> (String, String, Lang) {
    let (first, last, lang): (&[&str], &[&str], Lang) = match rng.random_range(0..10) {
        0..=4 => (FIRST_DE, LAST_DE, Lang::De),
        5..=6 => (FIRST_AT, LAST_AT, Lang::De),
        7..=8 => (FIRST_CH, LAST_CH, Lang::De),
        _ => (FIRST_FR, LAST_FR, Lang::Fr),
    };
    (
        (*first.choose(rng).unwrap_or(&"Anna")).to_owned(),
        (*last.choose(rng).unwrap_or(&"Müller")).to_owned(),
        lang,
    )
}

/// The company of the next request, skewed as on a distributor's instance: three
/// companies file a sixth of all requests (10 %, 4 % and 2 %; at 1 M tickets the first has
/// about 100,000, 12,600 of them within a customer's 92-day window), and the others a long
/// tail, the lower-numbered ones more (the square of a uniform draw).
fn company_for(rng: &mut StdRng, companies: usize) -> usize {
    let last = companies.saturating_sub(1);
    match rng.random_range(0..100u32) {
        0..=9 => 0,
        10..=13 => last.min(1),
        14..=15 => last.min(2),
        _ => {
            let u: f64 = rng.random();
            ((u * u * companies as f64) as usize).min(last)
        }
    }
}

/// The share of all requests [`company_for`] gives the company at `index`: what it
/// draws for three in twenty requests, and its slice of the square's tail for the rest.
fn share_of(index: usize, companies: usize) -> f64 {
    let n = companies.max(1) as f64;
    let tail = |i: usize| (i as f64 / n).sqrt().min(1.0);
    let last = companies.saturating_sub(1);
    0.84 * (tail(index + 1) - tail(index))
        + match index {
            0 => 0.10,
            1 if last >= 1 => 0.04,
            2 if last >= 2 => 0.02,
            _ => 0.0,
        }
}

fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// The n-th seeded serial: ten digits, unique for every n below two billion (a
/// multiplication modulo 2·10⁹ by a number prime to it is a permutation).
fn serial(n: u64) -> u32 {
    const M: u64 = 2_000_000_000;
    let spread = (n.wrapping_mul(1_234_567_891)) % M;
    u32::try_from(1_000_000_000 + spread).unwrap_or(u32::MAX)
}

fn date(at: u64) -> String {
    time::OffsetDateTime::from_unix_timestamp(i64::try_from(at).unwrap_or(0))
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

fn year(at: u64) -> i32 {
    time::OffsetDateTime::from_unix_timestamp(i64::try_from(at).unwrap_or(0))
        .map_or(1970, |t| t.year())
}

struct SeedCompany {
    id: u64,
    users: Vec<(u64, String, String, Lang)>,
    plants: Vec<SeedPlant>,
}

struct SeedPlant {
    id: u64,
    devices: Vec<(u64, u32, u32)>,
    street: String,
    town: usize,
}

/// The states a ticket of `kind` passes through on its way to the end.
fn path(kind: TicketKind, rng: &mut StdRng) -> Vec<TicketStatus> {
    use TicketStatus::*;
    match kind {
        TicketKind::Replacement if rng.random_bool(0.15) => {
            vec![Submitted, InReview, Rejected, Closed]
        }
        TicketKind::Replacement if rng.random_bool(0.3) => vec![
            Submitted,
            InReview,
            WaitingForCustomer,
            InReview,
            Approved,
            Shipped,
            AwaitingReturn,
            Closed,
        ],
        TicketKind::Replacement => vec![
            Submitted,
            InReview,
            Approved,
            Shipped,
            AwaitingReturn,
            Closed,
        ],
        _ if rng.random_bool(0.3) => vec![New, InProgress, WaitingForCustomer, InProgress, Closed],
        _ => vec![New, InProgress, Closed],
    }
}

/// Fills `store` according to `plan`; `progress` hears about every committed batch.
pub fn run(
    store: &dyn Storage,
    plan: Plan,
    password_hash: &str,
    answer_hash: &str,
    mut progress: impl FnMut(&Seeded),
) -> Result<Seeded, StoreError> {
    let mut rng = StdRng::seed_from_u64(plan.seed);
    let catalog = Catalog::get();
    let inverters: Vec<_> = catalog
        .all()
        .iter()
        .filter(|p| matches!(p.category, Category::Inverter | Category::StorageInverter))
        .collect();
    let meters: Vec<_> = catalog
        .all()
        .iter()
        .filter(|p| p.category == Category::Communication)
        .collect();
    let mut done = Seeded::default();
    let span = 730 * 86_400;
    let start = plan.now.saturating_sub(span);
    let company_count = (plan.tickets / 400).clamp(3, 5_000);
    let mut companies: Vec<SeedCompany> = Vec::new();
    let mut serial_no = plan.seed.wrapping_mul(7_919) % 1_000_000;

    // Companies with their people, plants and devices, a few hundred per batch.
    let mut batch = store.bulk()?;
    for c in 0..company_count {
        let town_index = rng.random_range(0..TOWNS.len());
        let t = &TOWNS[town_index];
        let (_, owner_last, _) = person(&mut rng);
        let name = match rng.random_range(0..4) {
            0 => format!("{owner_last} Solartechnik GmbH"),
            1 => format!("Solar {} AG", t.city),
            2 => format!("Sonnenkraft {owner_last} e.K."),
            _ if t.country == "CH" => format!("{owner_last} Energie SA"),
            _ => format!("{owner_last} & Partner Photovoltaik GmbH"),
        };
        let kind = if c % 12 == 11 {
            AccountKind::Wholesaler
        } else {
            AccountKind::Installer
        };
        let company = batch.company(Company {
            id: 0,
            name: name.clone(),
            street: format!(
                "{} {}",
                STREETS_DE.choose(&mut rng).unwrap_or(&"Hauptstraße"),
                rng.random_range(1..120)
            ),
            postal_code: t.postal_code.to_owned(),
            city: t.city.to_owned(),
            country: t.country.to_owned(),
            kind,
            created_at: start,
        })?;
        done.companies += 1;
        let domain = format!("{}-{c}.example", slug(&name));
        let mut seeded = SeedCompany {
            id: company.id,
            users: Vec::new(),
            plants: Vec::new(),
        };
        for u in 0..rng.random_range(1..=4u32) {
            let (first, last, lang) = person(&mut rng);
            let role = if u == 0 {
                CompanyRole::Admin
            } else {
                CompanyRole::Member
            };
            let email = format!("{}.{}@{domain}", slug(&first), slug(&last));
            let email = if seeded.users.iter().any(|(_, _, e, _)| *e == email) {
                format!("{}.{}{u}@{domain}", slug(&first), slug(&last))
            } else {
                email
            };
            let user = batch.user(User {
                id: 0,
                email: email.clone(),
                password_hash: password_hash.to_owned(),
                first_name: first.clone(),
                last_name: last.clone(),
                phone: format!(
                    "+49 {} {}",
                    rng.random_range(30..999),
                    rng.random_range(100_000..999_999)
                ),
                kind,
                company: Some((company.id, role)),
                language: lang,
                security_question: "first-pet".to_owned(),
                security_answer_hash: answer_hash.to_owned(),
                status: UserStatus::Active,
                failed_logins: 0,
                locked_at: None,
                created_at: start,
                last_login_at: None,
                addresses: vec![DeliveryAddress {
                    id: 1,
                    recipient: name.clone(),
                    street: company.street.clone(),
                    postal_code: company.postal_code.clone(),
                    city: company.city.clone(),
                    country: company.country.clone(),
                }],
                default_address: Some(1),
                info_requests: Vec::new(),
            })?;
            if done.demo_admin.is_empty() {
                done.demo_admin = email.clone();
            }
            done.users += 1;
            seeded.users.push((user.id, user.full_name(), email, lang));
        }
        if kind == AccountKind::Installer {
            // About one plant per twenty of its requests: a company that files many
            // looks after many plants, so a device sees a few requests in two years, not
            // thousands.
            let expected = share_of(c as usize, company_count as usize) * plan.tickets as f64;
            let plants = ((expected / 20.0) as u64).clamp(2, 10_000);
            for p in 0..plants {
                let town_index = if rng.random_bool(0.7) {
                    town_index
                } else {
                    rng.random_range(0..TOWNS.len())
                };
                let t = &TOWNS[town_index];
                let (first, last, _) = person(&mut rng);
                let streets = if matches!(t.city, "Fribourg" | "Lausanne" | "Genève") {
                    STREETS_FR
                } else {
                    STREETS_DE
                };
                let street = format!(
                    "{} {}",
                    streets.choose(&mut rng).unwrap_or(&"Hauptstraße"),
                    rng.random_range(1..80)
                );
                let commissioned = start - rng.random_range(0..5 * 365) * 86_400;
                let assignee = seeded
                    .users
                    .get(1 + (p as usize) % seeded.users.len().max(1));
                let plant = batch.plant(
                    Plant {
                        id: 0,
                        company: Some(company.id),
                        created_by: seeded.users[0].0,
                        name: format!(
                            "{last} {}",
                            ["Dach", "Scheune", "Carport", "Halle", "Toit"][p as usize % 5]
                        ),
                        street: street.clone(),
                        postal_code: t.postal_code.to_owned(),
                        city: t.city.to_owned(),
                        country: t.country.to_owned(),
                        latitude: Some(t.lat + rng.random_range(-0.08..0.08)),
                        longitude: Some(t.lon + rng.random_range(-0.08..0.08)),
                        commissioning: Some(date(commissioned)),
                        operator_name: format!("{first} {last}"),
                        operator_email: String::new(),
                        created_at: start,
                        updated_at: start,
                        subplants: Vec::new(),
                    },
                    assignee.map(|(id, _, _, _)| *id),
                )?;
                done.plants += 1;
                let mut devices = Vec::new();
                for d in 0..rng.random_range(1..=4u32) {
                    let product = if d == 3 {
                        meters.choose(&mut rng)
                    } else {
                        inverters.choose(&mut rng)
                    };
                    let Some(product) = product else { continue };
                    serial_no += 1;
                    let device = batch.device(Device {
                        id: 0,
                        plant_id: plant.id,
                        serial: serial(serial_no),
                        product_id: product.id,
                        name: String::new(),
                        subplant: None,
                        purchase_date: Some(date(commissioned - 20 * 86_400)),
                        commissioning_date: Some(date(commissioned)),
                        pic: String::new(),
                        rid: String::new(),
                        extended: rng.random_bool(0.1),
                        created_by: seeded.users[0].0,
                        created_at: start,
                        removed_at: None,
                        swaps: Vec::new(),
                        inherited_warranty_end: None,
                    })?;
                    if let Some(device) = device {
                        done.devices += 1;
                        devices.push((device.id, device.serial, device.product_id));
                    }
                }
                seeded.plants.push(SeedPlant {
                    id: plant.id,
                    devices,
                    street,
                    town: town_index,
                });
            }
        }
        companies.push(seeded);
        if c % 200 == 199 {
            batch.commit()?;
            progress(&done);
            batch = store.bulk()?;
        }
    }
    batch.commit()?;
    progress(&done);

    // Tickets in the order they were opened, so numbers follow the calendar.
    let mut batch = store.bulk()?;
    let step = span / plan.tickets.max(1);
    for n in 0..plan.tickets {
        let created = start + n * step + rng.random_range(0..step.max(1));
        let company = &companies[company_for(&mut rng, companies.len())];
        // Most of a company's requests come from one person (the administrator who files
        // them for everyone), the rest from anybody.
        let requester = if rng.random_range(0..100) < 60 {
            company.users.first()
        } else {
            company.users.choose(&mut rng)
        };
        let Some((user_id, user_name, email, lang)) = requester.cloned() else {
            continue;
        };
        let plant = company.plants.choose(&mut rng);
        let device = plant.and_then(|p| p.devices.choose(&mut rng));
        let kind = match (rng.random_range(0..100), device) {
            (0..=54, _) | (_, None) => TicketKind::Contact,
            (55..=84, Some(_)) => TicketKind::Replacement,
            (85..=94, Some(_)) => TicketKind::WarrantyExtension,
            _ => TicketKind::InfoSheet,
        };
        // Everything a person writes is in their language.
        let (topic, de, fr) = TOPIC_TEXTS
            .choose(&mut rng)
            .copied()
            .unwrap_or(("general", "", ""));
        let text = in_lang(lang, (de, fr));
        let event = in_lang(lang, *EVENTS.choose(&mut rng).unwrap_or(&EVENTS[0]));
        let serial = device.map(|(_, s, _)| *s);
        let number = serial.unwrap_or(0);
        let years = [5, 10, 15][(n % 3) as usize];
        let french = lang == Lang::Fr;
        let subject = match kind {
            TicketKind::Contact => crate::service::requests::subject_of(text),
            TicketKind::Replacement if french => format!("Remplacement de {number} : {event}"),
            TicketKind::Replacement => format!("Austausch von {number}: {event}"),
            TicketKind::WarrantyExtension if french => {
                format!("Extension de garantie +{years} ans pour {number}")
            }
            TicketKind::WarrantyExtension => {
                format!("Garantieverlängerung +{years} Jahre für {number}")
            }
            TicketKind::InfoSheet if french => "Fiche d’information : site isolé".to_owned(),
            TicketKind::InfoSheet => "Informationsblatt: Inselanlage".to_owned(),
        };
        // Old tickets have come to their end; recent ones are somewhere on the way.
        let full = path(kind, &mut rng);
        let age = plan.now.saturating_sub(created);
        let reached = if age > 60 * 86_400 {
            full.len()
        } else {
            rng.random_range(1..=full.len())
        };
        let mut at = created;
        let mut history = Vec::with_capacity(reached);
        let mut from = None;
        for (i, to) in full.iter().take(reached).enumerate() {
            if i > 0 {
                at = (at + rng.random_range(3_600..5 * 86_400)).min(plan.now);
            }
            debug_assert!(from.is_none_or(|f| ticket::can_move(kind, f, *to)));
            history.push(StatusChange {
                at,
                by: if i == 0 {
                    user_name.clone()
                } else {
                    "Online Service".to_owned()
                },
                from,
                to: *to,
            });
            from = Some(*to);
        }
        let status = history.last().map_or(kind.initial(), |h| h.to);
        let mut messages = vec![TicketMessage {
            at: created,
            author: Some(user_id),
            author_name: user_name.clone(),
            from_staff: false,
            internal: false,
            text: match kind {
                TicketKind::Replacement => format!("{event}\n{text}"),
                _ => text.to_owned(),
            },
            attachments: Vec::new(),
        }];
        if reached > 1 {
            messages.push(TicketMessage {
                at: history[1].at,
                author: None,
                author_name: "Online Service".to_owned(),
                from_staff: true,
                internal: false,
                text: in_lang(
                    lang,
                    *STAFF_ANSWERS.choose(&mut rng).unwrap_or(&STAFF_ANSWERS[0]),
                )
                .to_owned(),
                attachments: Vec::new(),
            });
        }
        let town = plant.map(|p| &TOWNS[p.town]);
        let replacement = (kind == TicketKind::Replacement).then(|| Replacement {
            product_id: device.map_or(0, |(_, _, p)| *p),
            event: event.to_owned(),
            failure_date: date(created.saturating_sub(86_400)),
            owner: false,
            delivery: DeliveryAddress {
                id: 0,
                recipient: user_name.clone(),
                street: plant.map_or_else(String::new, |p| p.street.clone()),
                postal_code: town.map_or("", |t| t.postal_code).to_owned(),
                city: town.map_or("", |t| t.city).to_owned(),
                country: town.map_or("DE", |t| t.country).to_owned(),
            },
            onsite_name: user_name.clone(),
            onsite_phone: "+49 561 9522 0".to_owned(),
            rma: if status.rank() >= 3 && status != TicketStatus::Rejected {
                format!("RMA{}", 400_000 + n)
            } else {
                String::new()
            },
            tracking: String::new(),
            new_serial: None,
        });
        batch.ticket(
            Ticket {
                id: 0,
                number: String::new(),
                kind,
                topic: (kind == TicketKind::Contact).then(|| topic.to_owned()),
                status,
                history,
                requester: Some(user_id),
                requester_name: user_name,
                requester_email: email,
                language: lang,
                company: Some(company.id),
                plant: plant.map(|p| p.id),
                device: device.map(|(d, _, _)| *d),
                serial,
                subject,
                replacement,
                messages,
                created_at: created,
                updated_at: at.max(created),
                assignee: None,
            },
            year(created),
        )?;
        done.tickets += 1;
        if done.tickets % 5_000 == 0 {
            batch.commit()?;
            progress(&done);
            batch = store.bulk()?;
        }
    }
    batch.commit()?;
    progress(&done);
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_ten_digits_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..100_000 {
            let s = serial(n);
            assert!((1_000_000_000..=2_999_999_999).contains(&s));
            assert!(seen.insert(s));
        }
        assert_eq!(slug("Müller & Partner GmbH"), "muller-partner-gmbh");
    }

    #[test]
    fn the_expected_shares_are_what_the_draws_give() {
        let companies = 250;
        let total: f64 = (0..companies).map(|c| share_of(c, companies)).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        let mut rng = StdRng::seed_from_u64(1);
        let draws = 400_000;
        let mut counts = vec![0u32; companies];
        for _ in 0..draws {
            counts[company_for(&mut rng, companies)] += 1;
        }
        for c in [0, 1, 2, 3, 10, 100, 249] {
            let drawn = f64::from(counts[c]) / f64::from(draws);
            let expected = share_of(c, companies);
            assert!(
                (drawn - expected).abs() < 0.1 * expected + 0.0005,
                "company {c}: drawn {drawn}, expected {expected}"
            );
        }
    }

    #[test]
    fn each_person_writes_in_their_own_language() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(dir.path(), 1 << 20).unwrap();
        let plan = Plan {
            tickets: 3_000,
            seed: 7,
            now: 1_795_000_000,
        };
        let done = run(&store, plan, "hash", "hash", |_| {}).unwrap();
        let german = [
            "Austausch",
            "Garantieverlängerung",
            "Ereignis",
            "Informationsblatt",
            "Wechselrichter",
            "Bitte",
        ];
        let french = [
            "Remplacement",
            "Extension de garantie",
            "Événement",
            "Fiche",
            "onduleur",
            "Merci",
        ];
        let (mut fr, mut de) = (0, 0);
        let all = store.tickets().page(0, usize::MAX).unwrap();
        assert_eq!(all.len() as u64, done.tickets);
        for t in &all {
            let words: Vec<&str> = std::iter::once(t.subject.as_str())
                .chain(t.messages.iter().map(|m| m.text.as_str()))
                .collect();
            let foreign = if t.language == Lang::Fr {
                fr += 1;
                &german
            } else {
                de += 1;
                &french
            };
            for text in &words {
                assert!(
                    !foreign.iter().any(|w| text.contains(w)),
                    "{:?}: {text}",
                    t.language
                );
            }
            // A subject is never cut inside a word.
            if let Some(cut) = t.subject.strip_suffix('…') {
                assert!(t.messages[0].text.starts_with(cut), "{}", t.subject);
                let next = t.messages[0].text[cut.len()..].chars().next();
                assert!(next.is_none_or(|c| c == ' ' || c == ','), "{}", t.subject);
            }
        }
        assert!(fr > 0 && de > 0, "both languages: {fr} French, {de} German");
    }
}
