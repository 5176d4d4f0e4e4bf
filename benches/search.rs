//! Ticket search and Ticket Tracking's list at scale, on the real store and index.
//!
//! Data: the directory in `BENCH_DATA` (filled by `osc seed --tickets 1000000`), or
//! else a temporary one seeded here with `OSC_BENCH_TICKETS` tickets (default 100,000).
//!
//!     cargo run --release -- seed --tickets 1000000    # once, into ./data
//!     BENCH_DATA=data cargo bench --bench search
//!
//! Besides criterion's estimates it prints p50/p99 of 5,000 single calls per query (the
//! targets of issue #6 are p99 figures).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use osc::access::TicketScope;
use osc::store::Storage;
use osc::store::ticket_list::{Filter, From, Order};

#[path = "shared/data.rs"]
mod shared_data;
use shared_data::{Data, data};

/// A ticket with a serial, its company, and its requester's last name.
fn sample(data: &Data) -> (u64, String, String) {
    let after = data.index.len() / 2;
    let page = data.store.tickets().page(after, 1_000).expect("tickets");
    let t = page
        .iter()
        .find(|t| t.serial.is_some() && t.company.is_some())
        .expect("a ticket with a serial");
    let last = t
        .requester_name
        .rsplit(' ')
        .next()
        .unwrap_or("Müller")
        .to_owned();
    (
        t.company.unwrap_or(0),
        t.serial.unwrap_or(0).to_string(),
        last,
    )
}

fn percentiles(name: &str, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..5_000)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "{name:<40} p50 {:>9.1} µs   p99 {:>9.1} µs",
        at(0.50).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6
    );
}

fn benches(c: &mut Criterion) {
    let data = &data();
    let (company, serial, last_name) = sample(data);
    let scope = TicketScope::Company(company);
    let now = osc::clock::now_secs();
    let since = i64::try_from(now - 92 * 86_400).unwrap_or(0);
    println!(
        "{} tickets in the index; company {company}, serial {serial}, name {last_name}",
        data.index.len()
    );
    let prefix3: String = last_name.chars().take(3).collect();
    let serial_prefix: String = serial.chars().take(5).collect();
    let queries: Vec<(&str, TicketScope, String)> = vec![
        ("serial, company scope", scope, serial.clone()),
        ("serial, service team", TicketScope::All, serial.clone()),
        ("name, company scope", scope, last_name.clone()),
        ("name, service team", TicketScope::All, last_name.clone()),
        ("3-letter name prefix, company", scope, prefix3.clone()),
        (
            "3-letter name prefix, service team",
            TicketScope::All,
            prefix3,
        ),
        (
            "5-digit serial prefix, service team",
            TicketScope::All,
            serial_prefix,
        ),
    ];
    for (name, scope, text) in &queries {
        percentiles(name, || {
            black_box(
                osc::search::query::search(&data.index, *scope, since, text, 100).expect("search"),
            );
        });
    }
    let list = |scope: TicketScope, order: Order| {
        move || {
            black_box(
                data.store
                    .ticket_list()
                    .page(
                        scope.into(),
                        order,
                        Filter {
                            since: Some(now - 92 * 86_400),
                            ..Filter::default()
                        },
                        From::Start,
                        50,
                    )
                    .expect("page"),
            );
        }
    };
    percentiles("list, company, by last update", list(scope, Order::Updated));
    percentiles("list, company, by status", list(scope, Order::Status));
    percentiles(
        "list, service team, by number",
        list(TicketScope::All, Order::Number),
    );

    let mut group = c.benchmark_group("search");
    for (name, scope, text) in &queries {
        group.bench_function(*name, |b| {
            b.iter(|| osc::search::query::search(&data.index, *scope, since, text, 100))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("ticket tracking list");
    group.bench_function("company, by last update, first page", |b| {
        b.iter(list(scope, Order::Updated))
    });
    group.bench_function("service team, by number, first page", |b| {
        b.iter(list(TicketScope::All, Order::Number))
    });
    group.finish();
}

criterion_group! {
    name = search;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(search);
