//! Personal data (GDPR): a person's data as one file, and erasing a person.
//!
//! An export is a zip with `data.json` (the account, its addresses and information
//! requests, the plants it operates with their devices, its requests with their
//! messages, its audit history) and the files attached to its requests under
//! `attachments/`. Nothing of another person goes in: messages by anyone but the person
//! and the service team are shown as from "another person", and audit entries about
//! someone else keep only their time and kind. It is made in the background with its
//! progress shown, kept for [`KEPT_SECS`], and downloadable only by whoever asked for it
//! (the person from My profile, or the service desk).
//!
//! The erasure itself is the store's (`store::erasure`); here it is confirmed (the
//! address typed again) and audited without the erased data.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde_json::json;

use super::{Acting, Core, Failure};
use crate::store::audit::{self, Event};
use crate::store::erasure::{EraseRefused, Erased, Replacement};
use crate::store::ticket_list::{Filter, From, Order, Scope};
use crate::store::users::User;

/// How long an export is kept.
pub const KEPT_SECS: u64 = 24 * 3600;
/// The exports' directory inside the data directory.
pub const DIR: &str = "exports";

/// Who asked for an export: it is downloadable only by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Asker {
    /// The person, from My profile.
    Themselves(u64),
    /// The service desk, for the person with this account.
    Desk(u64),
}

impl Asker {
    /// The account whose data it is.
    pub fn person(self) -> u64 {
        match self {
            Asker::Themselves(id) | Asker::Desk(id) => id,
        }
    }

    fn file_name(self) -> String {
        match self {
            Asker::Themselves(id) => format!("own-{id}.zip"),
            Asker::Desk(id) => format!("desk-{id}.zip"),
        }
    }
}

pub use crate::views::personal_data::ExportState;

/// The exports under way or made since start-up (the files outlive a restart; their
/// state is then read from the file).
#[derive(Debug, Clone, Default)]
pub struct Exports(Arc<Mutex<HashMap<Asker, ExportState>>>);

impl Exports {
    fn set(&self, asker: Asker, state: ExportState) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(asker, state);
    }

    fn get(&self, asker: Asker) -> Option<ExportState> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&asker)
            .cloned()
    }
}

fn path_of(core: &Core, asker: Asker) -> PathBuf {
    core.config
        .storage
        .data_dir
        .join(DIR)
        .join(asker.file_name())
}

/// Where `asker`'s export stands (`None`: there is none, or it expired and was deleted).
pub fn state(core: &Core, asker: Asker) -> Option<ExportState> {
    let now = core.clock.now();
    if let Some(s @ (ExportState::Running { .. } | ExportState::Failed)) = core.exports.get(asker) {
        return Some(s);
    }
    let path = path_of(core, asker);
    let meta = std::fs::metadata(&path).ok()?;
    let made = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let until = match core.exports.get(asker) {
        Some(ExportState::Ready { until, .. }) => until,
        _ => made + KEPT_SECS,
    };
    if now >= until {
        let _ = std::fs::remove_file(&path);
        return None;
    }
    Some(ExportState::Ready {
        until,
        bytes: meta.len(),
    })
}

/// The file of `asker`'s export while it is ready.
pub fn ready_file(core: &Core, asker: Asker) -> Option<PathBuf> {
    matches!(state(core, asker), Some(ExportState::Ready { .. })).then(|| path_of(core, asker))
}

/// Starts making `asker`'s export in the background (unless one is being made); the
/// request is audited.
pub fn start(core: &Arc<Core>, who: &Acting, asker: Asker) -> Result<(), Failure> {
    if matches!(state(core, asker), Some(ExportState::Running { .. })) {
        return Ok(());
    }
    let now = core.clock.now();
    let mut entry = who.entry(
        now,
        Event::DataExported,
        format!("account {}", asker.person()),
    );
    entry = entry.about(asker.person());
    core.store.audit().record(entry)?;
    core.exports
        .set(asker, ExportState::Running { done: 0, total: 0 });
    let core = core.clone();
    tokio::task::spawn_blocking(move || {
        let until = core.clock.now() + KEPT_SECS;
        match write(&core, asker) {
            Ok(bytes) => core.exports.set(asker, ExportState::Ready { until, bytes }),
            Err(e) => {
                tracing::error!(error = %e, "a personal data export failed");
                core.exports.set(asker, ExportState::Failed);
            }
        }
    });
    Ok(())
}

/// Deletes the exports older than [`KEPT_SECS`].
pub fn sweep(core: &Core) {
    let Ok(entries) = std::fs::read_dir(core.config.storage.data_dir.join(DIR)) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let old = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age.as_secs() >= KEPT_SECS);
        if old {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{0}")]
    File(#[from] std::io::Error),
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the account is gone")]
    Gone,
}

/// A file name that stays inside its folder of the zip.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_start_matches('.');
    if trimmed.is_empty() {
        "file".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Writes the export under a temporary name and moves it into place; its size.
fn write(core: &Core, asker: Asker) -> Result<u64, ExportError> {
    let store = &*core.store;
    let id = asker.person();
    let user = store.users().get(id)?.ok_or(ExportError::Gone)?;
    let dir = core.config.storage.data_dir.join(DIR);
    std::fs::create_dir_all(&dir)?;
    let target = dir.join(asker.file_name());
    let partial = tempfile::Builder::new()
        .prefix(".export-")
        .tempfile_in(&dir)?;
    let mut zip = zip::ZipWriter::new(partial.reopen()?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);

    let tickets = requests_of(core, &user)?;
    let total = tickets.len();
    core.exports
        .set(asker, ExportState::Running { done: 0, total });
    let mut requests = Vec::with_capacity(total);
    for (done, t) in tickets.iter().enumerate() {
        let mut messages = Vec::new();
        for m in t.messages.iter().filter(|m| !m.internal) {
            let author = if m.author == Some(id) {
                user.full_name()
            } else if m.from_staff {
                m.author_name.clone()
            } else {
                "another person".to_owned()
            };
            let mut files = Vec::new();
            for a in &m.attachments {
                let name = format!("attachments/{}/{}-{}", t.number, a.no, safe_name(&a.name));
                let content = store.tickets().attachment_content(t.id, a.no)?;
                zip.start_file(name.as_str(), options)?;
                zip.write_all(&content)?;
                files.push(json!({ "name": a.name, "size": a.size, "file": name }));
            }
            messages.push(json!({
                "at": m.at,
                "author": author,
                "from_service_team": m.from_staff,
                "text": m.text,
                "attachments": files,
            }));
        }
        let replacement = t.replacement.as_ref().map(|r| {
            json!({
                "event": r.event,
                "failure_date": r.failure_date,
                "delivery": r.delivery,
                "onsite_name": r.onsite_name,
                "onsite_phone": r.onsite_phone,
                "rma": r.rma,
                "tracking": r.tracking,
                "new_serial": r.new_serial,
            })
        });
        requests.push(json!({
            "number": t.number,
            "kind": format!("{:?}", t.kind),
            "status": format!("{:?}", t.status),
            "subject": t.subject,
            "serial": t.serial,
            "created_at": t.created_at,
            "updated_at": t.updated_at,
            "states": t.history.iter().map(|c| json!({ "at": c.at, "to": format!("{:?}", c.to) })).collect::<Vec<_>>(),
            "replacement": replacement,
            "messages": messages,
        }));
        core.exports.set(
            asker,
            ExportState::Running {
                done: done + 1,
                total,
            },
        );
    }
    let data = json!({
        "exported_at": core.clock.now(),
        "instance": core.config.branding.instance_name,
        "account": account_of(core, &user)?,
        "plants": plants_of(core, &user)?,
        "requests": requests,
        "audit": audit_of(core, &user)?,
    });
    zip.start_file("data.json", options)?;
    zip.write_all(
        serde_json::to_string_pretty(&data)
            .unwrap_or_default()
            .as_bytes(),
    )?;
    zip.finish()?.sync_all()?;
    let bytes = std::fs::metadata(partial.path())?.len();
    partial
        .persist(&target)
        .map_err(|e| ExportError::File(e.error))?;
    Ok(bytes)
}

fn account_of(core: &Core, user: &User) -> Result<serde_json::Value, ExportError> {
    let company = match user.company {
        Some((c, role)) => core
            .store
            .companies()
            .get(c)?
            .map(|company| json!({ "name": company.name, "role": format!("{role:?}") })),
        None => None,
    };
    Ok(json!({
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "kind": format!("{:?}", user.kind),
        "company": company,
        "language": user.language.code(),
        "created_at": user.created_at,
        "last_login_at": user.last_login_at,
        "security_question": user.security_question,
        "addresses": user.addresses,
        "information_requests": user.info_requests,
    }))
}

/// Every request the person filed, newest first.
fn requests_of(
    core: &Core,
    user: &User,
) -> Result<Vec<crate::store::tickets::Ticket>, ExportError> {
    let mut out = Vec::new();
    let mut from = From::Start;
    loop {
        let page = core.store.ticket_list().page(
            Scope::Requester(user.id),
            Order::Updated,
            Filter::default(),
            from,
            200,
        )?;
        out.extend(page.tickets);
        match page.next {
            Some(next) => from = From::After(next),
            None => return Ok(out),
        }
    }
}

/// The plants naming the person as operator, with their devices.
fn plants_of(core: &Core, user: &User) -> Result<Vec<serde_json::Value>, ExportError> {
    let mut out = Vec::new();
    for (plant, _) in core.store.plants().list(&user.actor(), "")? {
        if !plant.operator_email.eq_ignore_ascii_case(&user.email) {
            continue;
        }
        let devices = core.store.devices().of_plant(plant.id)?;
        out.push(json!({ "plant": plant, "devices": devices }));
    }
    Ok(out)
}

/// The audit entries by or about the person; of an entry by the person about someone
/// else only its time and kind.
fn audit_of(core: &Core, user: &User) -> Result<Vec<serde_json::Value>, ExportError> {
    let mut out = Vec::new();
    let mut before = None;
    loop {
        let page = core.store.audit().page(
            audit::Filter {
                event: None,
                user: Some(user.id),
                before,
            },
            500,
        )?;
        for e in &page.entries {
            let theirs = e.subject_user == Some(user.id);
            let by_them = e.actor.user == Some(user.id);
            out.push(json!({
                "at": e.at,
                "event": e.event.slug(),
                "by": if by_them { "you".to_owned() } else if e.actor.user.is_some() { e.actor.name.clone() } else { String::new() },
                "address": if by_them { e.actor.address.clone() } else { String::new() },
                "subject": if theirs { e.subject.clone() } else { String::new() },
                "detail": if theirs { e.detail.clone() } else { String::new() },
            }));
        }
        match page.next {
            Some(n) => before = Some(n),
            None => return Ok(out),
        }
    }
}

/// Why the desk's erasure was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EraseDenied {
    /// The address typed is not the person's.
    NotConfirmed,
    /// No such account.
    Unknown,
    /// The last administrator of a company that still has members.
    LastAdministrator,
    /// A staff member cannot erase their own account.
    Oneself,
}

/// Erases the person with account `id`, once `typed` is their e-mail address.
pub fn erase(
    core: &Core,
    who: &Acting,
    id: u64,
    typed: &str,
) -> Result<Result<Erased, EraseDenied>, Failure> {
    let Some(user) = core.store.users().get(id)? else {
        return Ok(Err(EraseDenied::Unknown));
    };
    if user.id == who.user.id {
        return Ok(Err(EraseDenied::Oneself));
    }
    if !typed.trim().eq_ignore_ascii_case(&user.email) {
        return Ok(Err(EraseDenied::NotConfirmed));
    }
    let now = core.clock.now();
    // The entry keeps the account's number, never its name or address.
    let entry = who
        .entry(now, Event::PersonErased, format!("account {id}"))
        .about(id);
    let outcome = core
        .store
        .erase_person(id, &Replacement::for_id(id), entry)?;
    Ok(match outcome {
        Ok(done) => {
            tracing::info!(
                event = "person_erased",
                user_id = id,
                tickets = done.tickets,
                "a person was erased"
            );
            let _ = std::fs::remove_file(path_of(core, Asker::Themselves(id)));
            let _ = std::fs::remove_file(path_of(core, Asker::Desk(id)));
            Ok(done)
        }
        Err(EraseRefused::Unknown) => Err(EraseDenied::Unknown),
        Err(EraseRefused::LastAdministrator) => Err(EraseDenied::LastAdministrator),
    })
}

/// Anonymises the closed requests older than `tickets.retention_days` (0: keeps them).
pub fn apply_retention(core: &Core) -> Result<u64, Failure> {
    let days = core.config.tickets.retention_days;
    if days == 0 {
        return Ok(0);
    }
    let before = core.clock.now().saturating_sub(days.saturating_mul(86_400));
    let changed = core.store.anonymise_closed(before)?;
    if changed > 0 {
        tracing::info!(
            changed,
            days,
            "closed requests past tickets.retention_days anonymised"
        );
    }
    Ok(changed)
}

/// The background upkeep: expired exports are deleted every hour, and old closed
/// requests anonymised once a day (at start-up, then every 24 hours), until `shutdown`.
pub async fn daily(core: Arc<Core>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    let mut hours = 0u64;
    loop {
        let c = core.clone();
        let retention = hours.is_multiple_of(24);
        let outcome = tokio::task::spawn_blocking(move || {
            sweep(&c);
            if retention {
                apply_retention(&c)
            } else {
                Ok(0)
            }
        })
        .await;
        if let Ok(Err(e)) = outcome {
            tracing::error!(error = %e, "anonymising old closed requests failed; tried again tomorrow");
        }
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
        hours += 1;
    }
}

/// The export file's download name.
pub fn download_name(id: u64) -> String {
    format!("personal-data-{id}.zip")
}
