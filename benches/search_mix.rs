//! Ticket search on a realistic mix of queries, drawn from the seeded data itself: for
//! each of 1,000 random tickets inside the 92-day window, within its company's scope (and so, as often as its
//! requests come up, the biggest company's), five kinds of query:
//!
//! - its serial number;
//! - its requester's last name, within the company;
//! - that name over everyone (the service team's search);
//! - the name's first three letters, within the company;
//! - the name with one letter changed (names of five letters or more), within the company.
//!
//! Prints p50 and p99 per kind, the same for the biggest company's queries alone, and how
//! often a prefix or a one-typo query found a request of the intended person.
//!
//!     cargo run --release -- seed --tickets 1000000    # once, into ./data
//!     BENCH_DATA=data cargo bench --bench search_mix
//!
//! `BENCH_KINDS=serial,typo` times only those kinds (serial, name, everyone, prefix,
//! typo), to profile one of them alone.
//!
//! Without `BENCH_DATA` it seeds `OSC_BENCH_TICKETS` tickets (default 100,000) into a
//! temporary directory first.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use osc::access::TicketScope;
use osc::domain::fold::fold;
use osc::store::Storage;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Rounds of the whole query set, timed; the p99 is over every call.
const ROUNDS: usize = 5;
const SAMPLES: usize = 1_000;
const LIMIT: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Serial,
    NameInCompany,
    NameEveryone,
    Prefix,
    Typo,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Serial => "serial, company scope",
            Kind::NameInCompany => "last name, company scope",
            Kind::NameEveryone => "last name, service team",
            Kind::Prefix => "3-letter prefix, company scope",
            Kind::Typo => "one typo, company scope",
        }
    }
}

struct Query {
    kind: Kind,
    scope: TicketScope,
    text: String,
    /// The intended person's last name, folded, for prefixes and typos.
    intended: String,
    biggest: bool,
}

#[path = "shared/data.rs"]
mod shared_data;

/// `name` with one letter (not the first) replaced by another.
fn typo(name: &str, rng: &mut StdRng) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let at = rng.random_range(1..chars.len());
    let was = chars[at].to_lowercase().next().unwrap_or('a');
    let letters: Vec<char> = ('a'..='z').filter(|c| *c != was).collect();
    chars[at] = letters[rng.random_range(0..letters.len())];
    chars.into_iter().collect()
}

fn main() {
    let shared_data::Data {
        store,
        index,
        _temp,
    } = shared_data::data();
    let total = index.len();
    let mut rng = StdRng::seed_from_u64(2026);
    // Requests per company, to know the biggest.
    let mut sizes: HashMap<u64, u64> = HashMap::new();
    let mut after = 0;
    loop {
        let page = store.tickets().page(after, 10_000).expect("tickets");
        let Some(last) = page.last() else { break };
        after = last.id;
        for t in &page {
            *sizes.entry(t.company.unwrap_or(0)).or_default() += 1;
        }
    }
    let biggest = sizes
        .iter()
        .filter(|(c, _)| **c != 0)
        .max_by_key(|(_, n)| **n)
        .map(|(c, _)| *c)
        .unwrap_or(0);
    let now = osc::clock::now_secs();
    let since = i64::try_from(now - 92 * 86_400).unwrap_or(0);
    let max_id = after;

    let mut queries = Vec::new();
    let mut drawn = 0;
    while drawn < SAMPLES {
        let id = rng.random_range(1..=max_id);
        let Some(t) = store
            .tickets()
            .by_ids(&[id])
            .expect("ticket")
            .into_iter()
            .next()
        else {
            continue;
        };
        let (Some(company), Some(serial)) = (t.company, t.serial) else {
            continue;
        };
        // Within what the company sees: updated in the window, or open.
        if i64::try_from(t.updated_at).unwrap_or(0) < since && !t.status.is_open() {
            continue;
        }
        drawn += 1;
        let scope = TicketScope::Company(company);
        let last = t.requester_name.rsplit(' ').next().unwrap_or("").to_owned();
        let intended = fold(&last);
        let big = company == biggest;
        let mut add = |kind, scope, text: String| {
            queries.push(Query {
                kind,
                scope,
                text,
                intended: intended.clone(),
                biggest: big,
            });
        };
        add(Kind::Serial, scope, serial.to_string());
        add(Kind::NameInCompany, scope, last.clone());
        add(Kind::NameEveryone, TicketScope::All, last.clone());
        add(Kind::Prefix, scope, last.chars().take(3).collect());
        if last.chars().count() >= 5 {
            add(Kind::Typo, scope, typo(&last, &mut rng));
        }
    }
    println!(
        "{total} tickets; {} queries drawn from {SAMPLES} tickets; the biggest company ({biggest}) has {} requests",
        queries.len(),
        sizes.get(&biggest).copied().unwrap_or(0)
    );

    // Whether prefixes and typos find the intended person (checked once, untimed).
    let mut found: HashMap<Kind, (usize, usize)> = HashMap::new();
    let mut misses = Vec::new();
    for q in queries
        .iter()
        .filter(|q| matches!(q.kind, Kind::Prefix | Kind::Typo))
    {
        let (ids, _) =
            osc::search::query::search(&index, q.scope, since, &q.text, LIMIT).expect("search");
        let hits = store.tickets().by_ids(&ids).expect("tickets");
        let ok = hits
            .iter()
            .any(|t| fold(&t.requester_name).split(' ').any(|w| w == q.intended));
        let entry = found.entry(q.kind).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else if misses.len() < 10 {
            misses.push(format!(
                "{:?} {:?} for {} in {:?}: {} hits",
                q.kind,
                q.text,
                q.intended,
                q.scope,
                ids.len()
            ));
        }
    }

    let kinds = std::env::var("BENCH_KINDS").unwrap_or_default();
    let timed = |kind: Kind| {
        kinds.is_empty()
            || kinds.split(',').any(|k| {
                k.trim()
                    == match kind {
                        Kind::Serial => "serial",
                        Kind::NameInCompany => "name",
                        Kind::NameEveryone => "everyone",
                        Kind::Prefix => "prefix",
                        Kind::Typo => "typo",
                    }
            })
    };
    queries.retain(|q| timed(q.kind));
    let mut times: HashMap<(Kind, bool), Vec<Duration>> = HashMap::new();
    let mut slowest: Vec<(Duration, usize)> = Vec::new();
    for _ in 0..ROUNDS {
        for (n, q) in queries.iter().enumerate() {
            let start = Instant::now();
            black_box(
                osc::search::query::search(&index, q.scope, since, &q.text, LIMIT).expect("search"),
            );
            let took = start.elapsed();
            slowest.push((took, n));
            times.entry((q.kind, false)).or_default().push(took);
            if q.biggest {
                times.entry((q.kind, true)).or_default().push(took);
            }
        }
    }
    let at = |t: &mut Vec<Duration>, p: f64| {
        t.sort_unstable();
        t[((t.len() as f64 * p) as usize).min(t.len() - 1)].as_secs_f64() * 1e6
    };
    println!(
        "{:<34} {:>8} {:>10} {:>10}   {:>12}",
        "kind", "calls", "p50 µs", "p99 µs", "biggest p99"
    );
    for kind in [
        Kind::Serial,
        Kind::NameInCompany,
        Kind::NameEveryone,
        Kind::Prefix,
        Kind::Typo,
    ] {
        let mut all = times.remove(&(kind, false)).unwrap_or_default();
        let mut big = times.remove(&(kind, true)).unwrap_or_default();
        if all.is_empty() {
            continue;
        }
        let big_p99 = if big.is_empty() {
            "-".to_owned()
        } else {
            format!("{:.1} ({})", at(&mut big, 0.99), big.len())
        };
        println!(
            "{:<34} {:>8} {:>10.1} {:>10.1}   {:>12}",
            kind.label(),
            all.len(),
            at(&mut all, 0.50),
            at(&mut all, 0.99),
            big_p99
        );
    }
    for kind in [Kind::Prefix, Kind::Typo] {
        let (ok, of) = found.get(&kind).copied().unwrap_or_default();
        println!(
            "{}: the intended person found for {ok} of {of} ({:.1} %)",
            kind.label(),
            100.0 * ok as f64 / of.max(1) as f64
        );
    }
    for miss in misses {
        println!("  missed: {miss}");
    }
    // The slowest calls, each query once, to see what the tail is made of.
    slowest.sort_unstable_by(|a, b| b.cmp(a));
    slowest.dedup_by_key(|(_, n)| *n);
    let mut shown = std::collections::HashSet::new();
    println!("slowest:");
    for (took, n) in slowest {
        if shown.len() == 12 {
            break;
        }
        if shown.insert(n) {
            let q = &queries[n];
            let size = match q.scope {
                TicketScope::Company(c) => sizes.get(&c).copied().unwrap_or(0),
                _ => total,
            };
            let (hits, _) =
                osc::search::query::search(&index, q.scope, since, &q.text, LIMIT).expect("search");
            println!(
                "  {:>8.1} µs  {:<32} {:?} in {:?} ({size} requests): {} hits",
                took.as_secs_f64() * 1e6,
                q.kind.label(),
                q.text,
                q.scope,
                hits.len()
            );
        }
    }
}
