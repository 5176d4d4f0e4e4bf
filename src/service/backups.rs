//! Backups of the store: taking one now (`osc backup`, the schedule), where they go by
//! default (`<data_dir>/backups/`, named by the store), how many of those are kept
//! (`backup.keep`), and the last one's outcome, which `osc status` and the service desk's
//! dashboard show (`<data_dir>/backups/last.json`, written after every attempt).

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::Core;
use crate::store::backup::{LastBackup, Manifest, Outcome};

/// The default backups' directory inside the data directory.
pub const DIR: &str = "backups";
/// The last backup's outcome, inside [`DIR`].
const LAST_FILE: &str = "last.json";
/// How long after start-up the first scheduled backup of an instance that never had one
/// is taken.
pub const FIRST_AFTER_SECS: u64 = 300;

/// Where a backup taken at `now` goes by default.
pub fn default_target(data_dir: &Path, now: u64) -> PathBuf {
    data_dir
        .join(DIR)
        .join(crate::store::backup::file_name(now))
}

/// A backup written.
#[derive(Debug, Clone)]
pub struct Written {
    pub file: PathBuf,
    pub manifest: Manifest,
    pub seconds: f64,
    /// Older backups deleted to keep `backup.keep`.
    pub pruned: Vec<PathBuf>,
}

/// Takes a backup into `to` (the default target when `None`) while the portal serves,
/// records its outcome, and prunes the default directory to `backup.keep` backups.
pub async fn back_up(core: &Core, to: Option<PathBuf>) -> Result<Written, String> {
    let now = core.clock.now();
    let data_dir = core.config.storage.data_dir.clone();
    let file = to.unwrap_or_else(|| default_target(&data_dir, now));
    let store = core.store.clone();
    let started = Instant::now();
    let target = file.clone();
    let result = tokio::task::spawn_blocking(move || store.back_up(&target, now))
        .await
        .map_err(|e| e.to_string())
        .and_then(|r| r.map_err(|e| e.to_string()));
    let seconds = started.elapsed().as_secs_f64();
    let outcome = match &result {
        Ok(m) => Outcome::Written {
            file: file.clone(),
            bytes: m.bytes,
            seconds,
            tickets: m.tickets(),
        },
        Err(why) => Outcome::Failed { why: why.clone() },
    };
    if let Err(e) = record(&data_dir, &LastBackup { at: now, outcome }) {
        tracing::warn!(error = %e, "the last backup's outcome could not be recorded");
    }
    let manifest = match result {
        Ok(m) => m,
        Err(why) => {
            tracing::error!(file = %file.display(), error = %why, "backup failed");
            return Err(why);
        }
    };
    let pruned = prune(&data_dir.join(DIR), core.config.backup.keep);
    tracing::info!(
        file = %file.display(),
        bytes = manifest.bytes,
        tickets = manifest.tickets(),
        seconds,
        pruned = pruned.len(),
        "backup written"
    );
    Ok(Written {
        file,
        manifest,
        seconds,
        pruned,
    })
}

/// The last backup's outcome, if one was ever attempted.
pub fn last(data_dir: &Path) -> Option<LastBackup> {
    let text = std::fs::read_to_string(data_dir.join(DIR).join(LAST_FILE)).ok()?;
    serde_json::from_str(&text).ok()
}

fn record(data_dir: &Path, last: &LastBackup) -> std::io::Result<()> {
    let dir = data_dir.join(DIR);
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(".last.json.partial");
    std::fs::write(
        &tmp,
        serde_json::to_vec_pretty(last).map_err(std::io::Error::other)?,
    )?;
    std::fs::rename(&tmp, dir.join(LAST_FILE))
}

/// Deletes the oldest backups of `dir` (with their manifests) beyond the newest `keep`;
/// only files named like the default target with a manifest beside them count. Returns
/// what it deleted.
pub fn prune(dir: &Path, keep: usize) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut backups: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(crate::store::backup::is_file_name)
                && crate::store::backup::manifest_path(p).exists()
        })
        .collect();
    // The names carry the time, so they sort oldest first.
    backups.sort();
    let excess = backups.len().saturating_sub(keep.max(1));
    let mut pruned = Vec::new();
    for old in backups.into_iter().take(excess) {
        let manifest = crate::store::backup::manifest_path(&old);
        match std::fs::remove_file(&old).and_then(|()| std::fs::remove_file(&manifest)) {
            Ok(()) => pruned.push(old),
            Err(e) => {
                tracing::warn!(file = %old.display(), error = %e, "an old backup could not be deleted")
            }
        }
    }
    pruned
}

/// When the next scheduled backup is due: `every_hours` after the last attempt, or
/// [`FIRST_AFTER_SECS`] after `started` when there was none; `None` when they are off.
pub fn next_due(last: Option<&LastBackup>, started: u64, every_hours: u64) -> Option<u64> {
    if every_hours == 0 {
        return None;
    }
    Some(match last {
        Some(l) => l.at.saturating_add(every_hours.saturating_mul(3600)),
        None => started.saturating_add(FIRST_AFTER_SECS),
    })
}

/// Takes the scheduled backups until `shutdown` turns true. A failed one is logged and
/// recorded (the dashboard shows it), and tried again at the next turn.
pub async fn schedule(
    core: std::sync::Arc<Core>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let started = core.clock.now();
    let data_dir = core.config.storage.data_dir.clone();
    loop {
        let Some(due) = next_due(
            last(&data_dir).as_ref(),
            started,
            core.config.backup.every_hours,
        ) else {
            return;
        };
        let now = core.clock.now();
        if now >= due {
            // Failures are recorded and logged by `back_up`.
            let _ = back_up(&core, None).await;
            continue;
        }
        // Looked at again at least every minute: the clock may be moved (tests, NTP).
        let wait = std::time::Duration::from_secs((due - now).min(60));
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(at: u64) -> LastBackup {
        LastBackup {
            at,
            outcome: Outcome::Failed { why: "x".into() },
        }
    }

    #[test]
    fn the_next_backup_follows_the_last_attempt() {
        assert_eq!(next_due(None, 1000, 0), None);
        assert_eq!(next_due(None, 1000, 24), Some(1000 + FIRST_AFTER_SECS));
        assert_eq!(next_due(Some(&written(50)), 1000, 2), Some(50 + 7200));
    }

    #[test]
    fn pruning_keeps_the_newest_backups_with_a_manifest() {
        let dir = tempfile::tempdir().unwrap();
        for stamp in ["20261201-000000Z", "20261202-000000Z", "20261203-000000Z"] {
            let file = dir.path().join(format!("osc-{stamp}.redb"));
            std::fs::write(&file, b"x").unwrap();
            std::fs::write(crate::store::backup::manifest_path(&file), b"{}").unwrap();
        }
        // Not one of the default backups: left alone.
        std::fs::write(dir.path().join("osc-mine.redb"), b"x").unwrap();
        let pruned = prune(dir.path(), 2);
        assert_eq!(pruned, vec![dir.path().join("osc-20261201-000000Z.redb")]);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "osc-20261202-000000Z.redb",
                "osc-20261202-000000Z.redb.manifest.json",
                "osc-20261203-000000Z.redb",
                "osc-20261203-000000Z.redb.manifest.json",
                "osc-mine.redb",
            ]
        );
    }
}
