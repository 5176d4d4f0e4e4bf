//! The commands `osc` runs on an instance, the same whether the server runs them for a
//! client of the control socket or `osc` runs them on the files: each answers the text to
//! print (or why it failed).

use std::sync::Arc;

use super::{Reply, Request};
use crate::config::StaffTwoFactor;
use crate::search::SearchIndex;
use crate::search::indexer::Indexer;
use crate::service::Core;
use crate::service::staff::{self, NewStaff, StaffRefused};

/// What the commands work on.
pub struct Target {
    /// The use cases' core over the open store.
    pub core: Arc<Core>,
    /// The search index.
    pub search: Arc<SearchIndex>,
    /// Set when the server runs: since when (unix seconds), and its indexer (a running
    /// instance rebuilds its index through it).
    pub running: Option<(u64, Indexer)>,
}

/// Runs `request` on `target`.
pub async fn run(target: &Target, request: Request) -> Reply {
    match answer(target, request).await {
        Ok(text) => Reply::Done(text),
        Err(why) => Reply::Failed(why),
    }
}

async fn answer(target: &Target, request: Request) -> Result<String, String> {
    let core = &target.core;
    let now = core.clock.now();
    let store = &*core.store;
    let failed = |e: &dyn std::fmt::Display| e.to_string();
    match request {
        Request::Status => status(target).await,
        Request::StaffList => {
            let mut out = String::new();
            for user in store.users().staff().map_err(|e| failed(&e))? {
                let status = match user.status {
                    crate::store::users::UserStatus::Removed { .. } => "removed",
                    _ => "active",
                };
                out.push_str(&format!("{}\t{}\t{status}\n", user.email, user.full_name()));
            }
            Ok(out)
        }
        Request::StaffAdd {
            email,
            name,
            password,
            confirm,
        } => {
            let new = NewStaff::parse(&email, &name, &password, &confirm)
                .map_err(|why| refused(why, &email))?;
            let hash = core
                .hash(new.password.expose())
                .await
                .map_err(|e| failed(&e))?;
            let user = staff::add(store, &new, hash, now)
                .map_err(|e| failed(&e))?
                .map_err(|why| refused(why, &email))?;
            let two_step = match core.config.security.staff_two_factor {
                StaffTwoFactor::Required => {
                    "at the first log-in, after the password, they set up two-step log-in with an \
                     authenticator app; nothing else opens until it is done \
                     (security.staff_two_factor = \"required\")"
                }
                StaffTwoFactor::Optional => {
                    "two-step log-in is optional for staff (security.staff_two_factor = \
                     \"optional\"); they can turn it on under My access data"
                }
            };
            Ok(format!(
                "staff account {} created for {}\n{two_step}\n",
                user.email,
                user.full_name()
            ))
        }
        Request::StaffRemove { email } => {
            let user = staff::remove(store, &email, now)
                .map_err(|e| failed(&e))?
                .map_err(|why| refused(why, &email))?;
            Ok(format!(
                "staff account {} removed; its sessions ended\n",
                user.email
            ))
        }
        Request::StaffReset2fa { email } => {
            match crate::service::two_factor::reset_from_command_line(core, &email)
                .map_err(|e| failed(&e))?
            {
                None => Err(format!("no account has the e-mail {}", email.trim())),
                Some((user, true)) => Ok(format!(
                    "two-step log-in of {} reset: its sessions ended, the owner is e-mailed{}\n",
                    user.email,
                    if target.running.is_some() {
                        ""
                    } else {
                        " (the mail leaves when the server runs)"
                    }
                )),
                Some((user, false)) => Ok(format!(
                    "{} has no two-step log-in; nothing changed\n",
                    user.email
                )),
            }
        }
        Request::Reindex => {
            let count = match &target.running {
                Some((_, indexer)) => indexer.rebuild().await?,
                None => {
                    let (store, search) = (core.store.clone(), target.search.clone());
                    tokio::task::spawn_blocking(move || {
                        crate::search::docs::rebuild(&*store, &search)
                    })
                    .await
                    .map_err(|e| failed(&e))?
                    .map_err(|e| failed(&e))?
                }
            };
            Ok(format!("search index rebuilt: {count} tickets\n"))
        }
        Request::Check { repair } => match super::check::run(target, repair).await? {
            (report, true) => Ok(report),
            (report, false) => Err(report.trim_end().to_owned()),
        },
        Request::Backup { to } => {
            let done = crate::service::backups::back_up(core, to).await?;
            let mut out = format!(
                "backup written to {} ({:.1} MB, {} tickets, {} people) in {:.1} s\n\
                 manifest {}\n",
                done.file.display(),
                done.manifest.bytes as f64 / 1e6,
                done.manifest.tickets(),
                done.manifest.people(),
                done.seconds,
                crate::store::backup::manifest_path(&done.file).display(),
            );
            for old in &done.pruned {
                out.push_str(&format!("deleted the older backup {}\n", old.display()));
            }
            Ok(out)
        }
    }
}

/// Why a staff command was refused, in words.
fn refused(why: StaffRefused, email: &str) -> String {
    match why {
        StaffRefused::EmailMalformed => format!("not an e-mail address: {email}"),
        StaffRefused::NameMissing => "--name needs the person's name".to_owned(),
        StaffRefused::Password(id) => match crate::i18n::Translator::load() {
            Ok(i18n) => format!("password refused: {}", i18n.t(crate::i18n::Lang::En, id)),
            Err(_) => format!("password refused: {id}"),
        },
        StaffRefused::EmailTaken => format!("{email} already has an account"),
        StaffRefused::NotStaff => format!("{email} is no active staff account"),
    }
}

/// `osc status`: what runs, where, how much it holds, and what waits.
async fn status(target: &Target) -> Result<String, String> {
    let core = &target.core;
    let status_core = core.clone();
    let (totals, (waiting, failed), last_change) = tokio::task::spawn_blocking(move || {
        let core = &*status_core;
        Ok::<_, crate::store::StoreError>((
            core.store.totals()?,
            crate::service::health::mail_queue(core)?,
            core.store.index_feed().last()?,
        ))
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    let (server, lag) = match &target.running {
        Some((since, indexer)) => {
            let up = core.clock.now().saturating_sub(*since);
            (
                format!(
                    "running for {} (since {})",
                    duration(up),
                    crate::views::format::date_time(*since)
                ),
                indexer.lag(),
            )
        }
        None => {
            let committed = crate::search::indexer::committed_change(&target.search).unwrap_or(0);
            (
                "not running".to_owned(),
                last_change.saturating_sub(committed),
            )
        }
    };
    Ok(format!(
        "version      {}\n\
         server       {server}\n\
         data         {}\n\
         store        {:.1} MB (schema {})\n\
         tickets      {}\n\
         people       {}\n\
         index lag    {lag} changes not yet searchable\n\
         mail queue   {waiting} waiting, {failed} failed\n\
         last backup  {}\n",
        env!("CARGO_PKG_VERSION"),
        core.config.storage.data_dir.display(),
        totals.bytes as f64 / 1e6,
        core.store.schema_version().unwrap_or(0),
        totals.tickets,
        totals.people,
        last_backup(core),
    ))
}

/// The last backup's outcome, in a line.
fn last_backup(core: &crate::service::Core) -> String {
    use crate::store::backup::Outcome;
    let every = core.config.backup.every_hours;
    let schedule = if every == 0 {
        "scheduled backups off (backup.every_hours = 0)".to_owned()
    } else {
        format!("one every {every} h, {} kept", core.config.backup.keep)
    };
    match crate::service::backups::last(&core.config.storage.data_dir) {
        None => format!("none yet; {schedule}"),
        Some(last) => match last.outcome {
            Outcome::Written { file, bytes, .. } => format!(
                "{}, {:.1} MB, {}; {schedule}",
                crate::views::format::date_time(last.at),
                bytes as f64 / 1e6,
                file.display()
            ),
            Outcome::Failed { why } => format!(
                "FAILED at {}: {why}; {schedule}",
                crate::views::format::date_time(last.at)
            ),
        },
    }
}

/// `3 d 4 h`, `2 h 5 min`, `45 s`.
fn duration(secs: u64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    if d > 0 {
        format!("{d} d {h} h")
    } else if h > 0 {
        format!("{h} h {m} min")
    } else if m > 0 {
        format!("{m} min")
    } else {
        format!("{secs} s")
    }
}
