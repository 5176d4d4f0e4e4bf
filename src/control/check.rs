//! `osc check [--repair]`: the store reads to its last row and its derived tables match
//! their records (`store::integrity`), and the search index holds every ticket of the
//! store exactly once. With `--repair`, what is wrong among the derived parts (the
//! derived tables, the search index) is rebuilt; a record is never changed.

use std::time::{Duration, Instant};

use super::commands::Target;

/// How long a check waits for a running indexer to apply the changes made before it.
const CATCH_UP: Duration = Duration::from_secs(30);

/// What the search index lacks or holds too much, against the store.
#[derive(Debug, Default, PartialEq, Eq)]
struct IndexFindings {
    /// Tickets in the store the index has no document for.
    missing: Vec<u64>,
    /// Documents of tickets the store does not hold.
    extra: Vec<u64>,
    /// Tickets with more than one document.
    doubled: Vec<u64>,
}

impl IndexFindings {
    fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty() && self.doubled.is_empty()
    }
}

/// Compares the sorted ids of the store (taken first) with the sorted ids of the index;
/// documents of tickets newer than the store's snapshot are not held against it.
fn compare(stored: &[u64], indexed: &[u64]) -> IndexFindings {
    let newest = stored.last().copied().unwrap_or(0);
    let mut out = IndexFindings::default();
    let (mut i, mut j) = (0, 0);
    while i < stored.len() || j < indexed.len() {
        match (stored.get(i), indexed.get(j)) {
            (Some(s), Some(x)) if s == x => {
                i += 1;
                j += 1;
                while indexed.get(j) == Some(s) {
                    if out.doubled.last() != Some(s) {
                        out.doubled.push(*s);
                    }
                    j += 1;
                }
            }
            (Some(s), Some(x)) if s < x => {
                out.missing.push(*s);
                i += 1;
            }
            (Some(s), None) => {
                out.missing.push(*s);
                i += 1;
            }
            (_, Some(x)) => {
                if *x <= newest {
                    out.extra.push(*x);
                }
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// A few ids, for the report.
fn some(ids: &[u64]) -> String {
    let shown: Vec<String> = ids.iter().take(5).map(u64::to_string).collect();
    let more = if ids.len() > 5 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// Runs the check (and the repair); the report, and whether all was well.
pub async fn run(target: &Target, repair: bool) -> Result<(String, bool), String> {
    let started = Instant::now();
    let store = target.core.store.clone();
    let report = tokio::task::spawn_blocking(move || store.check())
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("the store cannot be read to its end: {e}"))?;
    let mut out = format!(
        "store        {} tables, {} rows read\n\
         derived      {} tables compared with their records\n",
        report.tables,
        report.rows,
        report.derived.len()
    );
    for p in &report.problems {
        out.push_str(&format!(
            "WRONG        {}: {} missing, {} not called for, {} differing (e.g. {})\n",
            p.table, p.missing, p.extra, p.differing, p.example
        ));
    }
    let index = index_findings(target).await?;
    let indexed_ok = index.is_clean();
    if indexed_ok {
        out.push_str("search index every ticket present once\n");
    } else {
        for (what, ids) in [
            ("tickets without a search document", &index.missing),
            ("search documents of no stored ticket", &index.extra),
            ("tickets indexed more than once", &index.doubled),
        ] {
            if !ids.is_empty() {
                out.push_str(&format!(
                    "WRONG        {} {what} (ids {})\n",
                    ids.len(),
                    some(ids)
                ));
            }
        }
    }
    let clean = report.problems.is_empty() && indexed_ok;
    if repair && !clean {
        if !report.problems.is_empty() {
            let store = target.core.store.clone();
            tokio::task::spawn_blocking(move || store.repair())
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| format!("the repair failed (nothing was changed): {e}"))?;
            out.push_str("repaired     the derived tables were rebuilt from the records\n");
        }
        if !indexed_ok {
            let count = rebuild_index(target).await?;
            out.push_str(&format!(
                "repaired     the search index was rebuilt ({count} tickets)\n"
            ));
        }
    }
    out.push_str(&format!(
        "{}in {:.1} s\n",
        match (clean, repair) {
            (true, _) => "all is well ",
            (false, false) => "problems found (osc check --repair rebuilds the derived parts) ",
            (false, true) => "repaired ",
        },
        started.elapsed().as_secs_f64()
    ));
    Ok((out, clean || repair))
}

/// The store's tickets against the index's documents.
async fn index_findings(target: &Target) -> Result<IndexFindings, String> {
    let store = target.core.store.clone();
    let (stored, last) = tokio::task::spawn_blocking(move || {
        Ok::<_, crate::store::StoreError>((store.tickets().ids()?, store.index_feed().last()?))
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    // A running indexer first applies what was written before the store's ids were read.
    if let Some((_, indexer)) = &target.running {
        let deadline = Instant::now() + CATCH_UP;
        while indexer.applied() < last && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let search = target.search.clone();
    let indexed = tokio::task::spawn_blocking(move || search.ticket_ids())
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    Ok(compare(&stored, &indexed))
}

async fn rebuild_index(target: &Target) -> Result<u64, String> {
    match &target.running {
        Some((_, indexer)) => indexer.rebuild().await,
        None => {
            let (store, search) = (target.core.store.clone(), target.search.clone());
            tokio::task::spawn_blocking(move || crate::search::docs::rebuild(&*store, &search))
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_is_compared_with_the_store() {
        assert!(compare(&[1, 2, 3], &[1, 2, 3]).is_clean());
        // Filed after the store's ids were read: not held against the index.
        assert!(compare(&[1, 2, 3], &[1, 2, 3, 4]).is_clean());
        let found = compare(&[1, 2, 3, 5], &[1, 1, 3, 4, 5]);
        assert_eq!(found.missing, [2]);
        assert_eq!(found.extra, [4]);
        assert_eq!(found.doubled, [1]);
    }
}
