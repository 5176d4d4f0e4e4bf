//! The data the search benchmarks run on: the directory in `BENCH_DATA` (filled by
//! `osc seed`), or else a temporary one seeded here with `OSC_BENCH_TICKETS` tickets
//! (default 100,000). An index of another schema version is rebuilt, as `osc serve`
//! would.

use std::path::PathBuf;

use osc::search::SearchIndex;
use osc::store::Store;

/// The store and index, and the temporary directory they live in, if any.
pub struct Data {
    pub store: Store,
    pub index: SearchIndex,
    pub _temp: Option<tempfile::TempDir>,
}

/// Opens (or seeds) the benchmark data.
pub fn data() -> Data {
    let (dir, temp) = match std::env::var_os("BENCH_DATA") {
        Some(dir) => (PathBuf::from(dir), None),
        None => {
            let temp = tempfile::tempdir().expect("temp dir");
            (temp.path().to_owned(), Some(temp))
        }
    };
    let store = Store::open(&dir, 256 * 1024 * 1024).expect("store");
    let (index, opened) = SearchIndex::open(&dir).expect("index");
    if temp.is_none() && opened == osc::search::Opened::Fresh {
        osc::search::docs::rebuild(&store, &index).expect("index");
    }
    if temp.is_some() {
        let tickets = std::env::var("OSC_BENCH_TICKETS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100_000);
        let hash = osc::secrets::password::hash_blocking("bench").expect("hash");
        let plan = osc::seed::Plan {
            tickets,
            seed: 7,
            now: osc::clock::now_secs(),
        };
        osc::seed::run(&store, plan, &hash, &hash, |_| {}).expect("seed");
        osc::search::docs::rebuild(&store, &index).expect("index");
    }
    Data {
        store,
        index,
        _temp: temp,
    }
}
