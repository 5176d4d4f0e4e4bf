//! "Import from Sunny Portal" (docs/domain.md, "Sunny Portal import"): the uploaded file
//! is recorded and checked in the background with its progress; the preview is kept in
//! the store (it survives a reload); confirming writes each plant whole or not at all;
//! cancelling writes nothing. Only its uploader sees an import.

use std::sync::Arc;

use crate::access::{self as policy, AccountKind, CompanyRole};
use crate::domain::upload;
use crate::import;
use crate::store::imports::{ImportRecord, Outcome, Owner};

use super::{Acting, Core, Failure};

/// Whose plants an import creates: the importer's company (assigned to an importing
/// installer), or the plant operator himself.
pub fn owner(who: &Acting) -> Owner {
    match who.actor.company {
        Some((company, role)) => Owner {
            key: Owner::company_key(company),
            company: Some(company),
            user: who.user.id,
            assign_to: (role == CompanyRole::Member).then_some(who.user.id),
            operator: None,
        },
        None => Owner {
            key: Owner::operator_key(who.user.id),
            company: None,
            user: who.user.id,
            assign_to: None,
            operator: (who.actor.kind == AccountKind::Operator)
                .then(|| (who.user.full_name(), who.user.email.clone())),
        },
    }
}

/// Whether the actor may import plants (whoever may register them).
pub fn allowed(who: &Acting) -> bool {
    policy::can_create_plant(who.actor)
}

/// Why an uploaded file was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRefused {
    /// Larger than `plants.import_max_mb`.
    TooLarge,
    /// No file, or an empty one.
    Missing,
}

impl FileRefused {
    /// The message id next to the file field.
    pub fn message(self) -> &'static str {
        match self {
            FileRefused::TooLarge => "import-too-large",
            FileRefused::Missing => "import-choose-file",
        }
    }
}

/// An export file to check, with a safe name.
#[derive(Debug)]
pub struct ImportFile {
    pub name: String,
    pub data: Vec<u8>,
}

impl ImportFile {
    /// Checks the upload (name as sent and content, if any) against `limit` bytes;
    /// `too_large` when the request itself was cut off.
    pub fn check(
        file: Option<(&str, &[u8])>,
        too_large: bool,
        limit: u64,
    ) -> Result<Self, FileRefused> {
        if too_large || file.is_some_and(|(_, data)| data.len() as u64 > limit) {
            return Err(FileRefused::TooLarge);
        }
        match file {
            Some((name, data)) if !data.is_empty() => Ok(Self {
                name: upload::safe_name(name),
                data: data.to_vec(),
            }),
            _ => Err(FileRefused::Missing),
        }
    }
}

/// Ends an import's progress when dropped.
struct ProgressDone<'a>(&'a Core, u64);

impl Drop for ProgressDone<'_> {
    fn drop(&mut self) {
        self.0.imports.finish(self.1);
    }
}

/// Releases an import's write claim when dropped.
struct WriteClaim<'a>(&'a Core, u64);

impl Drop for WriteClaim<'_> {
    fn drop(&mut self) {
        self.0.imports.release(self.1);
    }
}

/// Records the upload and starts checking it in the background; returns the import's
/// id, whose page shows the progress and then the preview. Nothing is written to the
/// plants yet.
pub fn start(core: &Arc<Core>, who: &Acting, file: ImportFile) -> Result<u64, Failure> {
    let size = file.data.len() as u64;
    let id = core
        .store
        .imports()
        .start(who.user.id, &file.name, size, core.clock.now())?;
    core.imports.set(id, 0, 0);
    let owner = owner(who);
    let today = core.today().to_string();
    tracing::info!(
        event = "import_uploaded",
        import = id,
        user_id = who.user.id,
        bytes = size,
        "plant import uploaded"
    );
    let core = core.clone();
    // Parsing and checking thousands of rows runs off the async workers.
    tokio::task::spawn_blocking(move || {
        // However the check ends, its progress ends with it: a check that did not store
        // a preview is then reported as interrupted, never as running for ever.
        let _done = ProgressDone(&core, id);
        let parsed = import::parse(&file.data);
        let total: usize = parsed.plants.iter().map(|p| p.devices.len()).sum();
        core.imports.set(id, 0, total);
        let countries = &core.config.plants.registration_countries;
        let report = |done: usize| {
            if done.is_multiple_of(100) || done == total {
                core.imports.set(id, done, total);
            }
        };
        let result = import::plan::check(&*core.store, parsed, &owner, countries, &today, &report)
            .and_then(|preview| core.store.imports().set_preview(id, preview));
        if let Err(e) = result {
            tracing::error!(error = %e, import = id, "plant import could not be checked");
        }
    });
    Ok(id)
}

/// The import `id` if the actor uploaded it.
pub fn get(core: &Core, who: &Acting, id: u64) -> Result<Option<ImportRecord>, Failure> {
    if !allowed(who) {
        return Ok(None);
    }
    Ok(core.store.imports().get(who.user.id, id)?)
}

/// What confirming an import led to.
#[derive(Debug)]
pub enum Confirmed {
    /// Written now.
    Written(Outcome),
    /// Written before, being written by another request (a double click), or cancelled:
    /// its page shows what became of it.
    AlreadyHandled,
    /// Not the actor's import.
    Unknown,
}

/// Writes the preview of import `id`, each plant whole or not at all, off the async
/// workers.
pub async fn confirm(core: &Arc<Core>, who: &Acting<'_>, id: u64) -> Result<Confirmed, Failure> {
    if get(core, who, id)?.is_none() {
        return Ok(Confirmed::Unknown);
    }
    if !core.imports.claim(id) {
        return Ok(Confirmed::AlreadyHandled);
    }
    let owner = owner(who);
    let now = core.clock.now();
    let task = core.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let _claim = WriteClaim(&task, id);
        task.store.imports().apply(&owner, id, now)
    })
    .await
    .map_err(|e| Failure::Task(e.to_string()))??;
    let Some(o) = outcome else {
        return Ok(Confirmed::AlreadyHandled);
    };
    tracing::info!(
        event = "import_applied",
        import = id,
        user_id = who.user.id,
        created = o.created.len(),
        updated = o.updated.len(),
        skipped = o.skipped.len(),
        "plant import written"
    );
    Ok(Confirmed::Written(o))
}

/// Cancels import `id` while its preview waits; `false` if it is not the actor's.
pub fn cancel(core: &Core, who: &Acting, id: u64) -> Result<bool, Failure> {
    if get(core, who, id)?.is_none() {
        return Ok(false);
    }
    core.store.imports().cancel(who.user.id, id)?;
    Ok(true)
}
