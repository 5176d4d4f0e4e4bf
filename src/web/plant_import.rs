//! "Import from Sunny Portal" (`/plants/import`): the upload, the check in the
//! background with its progress, the preview (kept in the store, so it survives a
//! reload), the confirmation that writes, and the result.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use super::context::PageCtx;
use super::multipart::MultipartForm;
use crate::access::{self as policy, AccountKind, CompanyRole};
use crate::auth::csrf::{CsrfForm, CsrfSeed};
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::{AppError, Result};
use crate::import;
use crate::store::imports::{self, ImportState, Owner};
use crate::views::components::Errors;
use crate::views::plant_import as view;

fn allowed(me: &Viewer) -> Result<()> {
    if policy::can_create_plant(&me.actor) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Whose plants the import creates: the importer's company (assigned to an importing
/// installer), or the plant operator himself.
fn owner(me: &Viewer) -> Owner {
    match me.actor.company {
        Some((company, role)) => Owner {
            key: Owner::company_key(company),
            company: Some(company),
            user: me.user.id,
            assign_to: (role == CompanyRole::Member).then_some(me.user.id),
            operator: None,
        },
        None => Owner {
            key: Owner::operator_key(me.user.id),
            company: None,
            user: me.user.id,
            assign_to: None,
            operator: (me.actor.kind == AccountKind::Operator)
                .then(|| (me.user.full_name(), me.user.email.clone())),
        },
    }
}

/// Ends an import's progress when dropped.
struct ProgressDone<'a>(&'a crate::app::AppState, u64);

impl Drop for ProgressDone<'_> {
    fn drop(&mut self) {
        self.0.imports.finish(self.1);
    }
}

/// Releases an import's write claim when dropped.
struct WriteClaim<'a>(&'a crate::app::AppState, u64);

impl Drop for WriteClaim<'_> {
    fn drop(&mut self) {
        self.0.imports.release(self.1);
    }
}

/// `GET /plants/import`
pub async fn upload_page(ctx: PageCtx, CurrentUser(me): CurrentUser) -> Result<Markup> {
    allowed(&me)?;
    Ok(view::upload(&ctx, &Errors::new()))
}

/// `POST /plants/import` (multipart `file`): records the upload, checks it in the
/// background and sends the browser to its page, which shows the progress and then the
/// preview. Nothing is written to the plants yet.
pub async fn upload(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    seed: axum::Extension<CsrfSeed>,
    request: axum::extract::Request,
) -> Result<Response> {
    allowed(&me)?;
    let form = MultipartForm::read(request, &seed).await?;
    let limit = ctx.state.config.plants.import_max_mb * 1024 * 1024;
    let file = form.files_of("file").next();
    let mut e = Errors::new();
    let status = if form.too_large || file.is_some_and(|f| f.data.len() as u64 > limit) {
        e.add("file", "import-too-large");
        StatusCode::PAYLOAD_TOO_LARGE
    } else if file.is_none_or(|f| f.data.is_empty()) {
        e.add("file", "import-choose-file");
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let Some(file) = file.filter(|_| e.is_empty()) else {
        return Ok((status, view::upload(&ctx, &e)).into_response());
    };
    let state = ctx.state.clone();
    let name = crate::domain::upload::safe_name(&file.name);
    let id = imports::start(
        &state.store,
        me.user.id,
        &name,
        file.data.len() as u64,
        state.clock.now(),
    )?;
    state.imports.set(id, 0, 0);
    let data = file.data.clone();
    let owner = owner(&me);
    let today = super::plants::today(&ctx).to_string();
    tracing::info!(
        event = "import_uploaded",
        import = id,
        user_id = me.user.id,
        bytes = data.len(),
        "plant import uploaded"
    );
    // Parsing and checking thousands of rows runs off the async workers.
    tokio::task::spawn_blocking(move || {
        // However the check ends, its progress ends with it: a check that did not store
        // a preview is then reported as interrupted, never as running for ever.
        let _done = ProgressDone(&state, id);
        let parsed = import::parse(&data);
        let total: usize = parsed.plants.iter().map(|p| p.devices.len()).sum();
        state.imports.set(id, 0, total);
        let countries = &state.config.plants.registration_countries;
        let report = |done: usize| {
            if done.is_multiple_of(100) || done == total {
                state.imports.set(id, done, total);
            }
        };
        let result = import::plan::check(&state.store, parsed, &owner, countries, &today, &report)
            .and_then(|preview| imports::set_preview(&state.store, id, preview));
        if let Err(e) = result {
            tracing::error!(error = %e, import = id, "plant import could not be checked");
        }
    });
    Ok(Redirect::to(&format!("/plants/import/{id}")).into_response())
}

/// `GET /plants/import/{id}`: the progress, the preview, or the result.
pub async fn show(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
) -> Result<Response> {
    allowed(&me)?;
    let record = imports::get(&ctx.state.store, me.user.id, id)?.ok_or(AppError::NotFound)?;
    Ok(match &record.state {
        ImportState::Checking => match ctx.state.imports.get(id) {
            Some((done, total)) => view::progress(&ctx, &record, done, total).into_response(),
            None => view::interrupted(&ctx, &record).into_response(),
        },
        ImportState::Ready(preview) => view::preview(&ctx, &record, preview).into_response(),
        ImportState::Done(outcome) => view::result(&ctx, &record, outcome).into_response(),
        ImportState::Cancelled => view::cancelled(&ctx, &record).into_response(),
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoFields {}

/// `POST /plants/import/{id}/confirm`: writes the preview, each plant whole or not at
/// all, then shows the result.
pub async fn confirm(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    allowed(&me)?;
    imports::get(&ctx.state.store, me.user.id, id)?.ok_or(AppError::NotFound)?;
    if !ctx.state.imports.claim(id) {
        // Another request (a double click) is writing it: its result page follows.
        return Ok(Redirect::to(&format!("/plants/import/{id}")).into_response());
    }
    let state = ctx.state.clone();
    let owner = owner(&me);
    let now = state.clock.now();
    let outcome = tokio::task::spawn_blocking(move || {
        let _claim = WriteClaim(&state, id);
        imports::apply(&state.store, &owner, id, now)
    })
    .await
    .map_err(AppError::internal)??;
    if let Some(o) = &outcome {
        tracing::info!(
            event = "import_applied",
            import = id,
            user_id = me.user.id,
            created = o.created.len(),
            updated = o.updated.len(),
            skipped = o.skipped.len(),
            "plant import written"
        );
    }
    // Confirming twice (a reload, a second click) shows the result of the first.
    Ok(Redirect::to(&format!("/plants/import/{id}")).into_response())
}

/// `POST /plants/import/{id}/cancel`: nothing is written.
pub async fn cancel(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    allowed(&me)?;
    imports::get(&ctx.state.store, me.user.id, id)?.ok_or(AppError::NotFound)?;
    imports::cancel(&ctx.state.store, me.user.id, id)?;
    Ok(Redirect::to(&format!("/plants/import/{id}")).into_response())
}
