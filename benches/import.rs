//! The Sunny Portal import of a large commercial plant (5,000 devices in 50 sub-plants,
//! `tests/fixtures/import/big-5000.csv`) on a real store: reading the file, checking it
//! (catalog, serials, the plant imported before), and writing it.
//!
//!     cargo bench --bench import

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use osc::import::{self, plan};
use osc::store::imports::Owner;
use osc::store::{Storage, Store};

fn owner() -> Owner {
    Owner {
        key: Owner::company_key(1),
        company: Some(1),
        user: 1,
        assign_to: None,
        operator: None,
    }
}

fn countries() -> Vec<String> {
    vec!["DE".into(), "AT".into(), "CH".into()]
}

fn file() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/big-5000.csv"
    ))
    .expect("fixture")
}

/// Reads and checks `data` as the owner's import.
fn checked(store: &dyn Storage, data: &[u8]) -> plan::Preview {
    plan::check(
        store,
        import::parse(data),
        &owner(),
        &countries(),
        "2026-11-26",
        &|_| {},
    )
    .expect("checked")
}

/// An import of `data` checked and waiting for confirmation; its id.
fn previewed(store: &dyn Storage, data: &[u8]) -> u64 {
    let id = store
        .imports()
        .start(1, "big-5000.csv", 0, 0)
        .expect("start");
    store
        .imports()
        .set_preview(id, checked(store, data))
        .expect("preview");
    id
}

fn bench(c: &mut Criterion) {
    let data = file();
    let mut group = c.benchmark_group("import 5,000 devices");
    group.sample_size(20);
    group.bench_function("read the CSV", |b| {
        b.iter(|| black_box(import::parse(black_box(&data))))
    });

    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path(), 64 << 20).expect("store");
    group.bench_function("check a new plant", |b| {
        b.iter(|| black_box(checked(&store, &data)))
    });

    group.bench_function("write a new plant", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(dir.path(), 64 << 20).expect("store");
                let id = previewed(&store, &data);
                (dir, store, id)
            },
            |(_dir, store, id)| black_box(store.imports().apply(&owner(), id, 0).expect("written")),
            BatchSize::PerIteration,
        )
    });

    // The plant is there now: a re-import checks every serial against it.
    let id = previewed(&store, &data);
    store.imports().apply(&owner(), id, 0).expect("written");
    group.bench_function("check a re-import", |b| {
        b.iter(|| black_box(checked(&store, &data)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
