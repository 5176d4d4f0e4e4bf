//! "Plant overview": the plants an actor may see, registering and editing a plant, and
//! assigning it to installers.

pub use crate::views::plants::PlantForm;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::context::PageCtx;
use super::trail::Trail;
use crate::access as policy;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::error::{AppError, Result};
use crate::service::plants::{self as use_case, PlantData};
use crate::store::plants::Plant;
use crate::views::components::Errors;
use crate::views::plants as view;

/// The overview's filter and page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub page: usize,
    pub saved: String,
}

/// `GET /plants`
pub async fn list(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Markup> {
    let overview = use_case::overview(&ctx.state.core, &me.actor, &q.q, q.page)?;
    Ok(view::list(
        &ctx,
        &view::ListData {
            rows: &overview.rows,
            total: overview.all.len(),
            query: &q.q,
            page: overview.page,
            pages: overview.pages,
            can_create: policy::can_create_plant(&me.actor),
            show_assignees: matches!(
                policy::plant_scope(&me.actor),
                policy::PlantScope::Company(_)
            ),
            map: crate::views::map::plant_map(
                &ctx,
                &overview.all.iter().collect::<Vec<_>>(),
                &ctx.state.config.plants.registration_countries,
            ),
        },
    ))
}

/// `GET /plants/new`
pub async fn new_page(ctx: PageCtx, CurrentUser(me): CurrentUser, trail: Trail) -> Result<Markup> {
    if !policy::can_create_plant(&me.actor) {
        return Err(AppError::NotFound);
    }
    let form = PlantForm {
        country: ctx.state.config.plants.registration_countries[0].clone(),
        ..PlantForm::default()
    };
    let own = use_case::operator_self(&trail.acting(&me)).is_some();
    Ok(view::new_plant(&ctx, &form, &Errors::new(), own))
}

/// The plant form checked, for a plant whose operator may be fixed.
fn checked(
    ctx: &PageCtx,
    form: &PlantForm,
    fixed: Option<&(String, String)>,
) -> Result<PlantData, Errors> {
    let open = &ctx.state.config.plants.registration_countries;
    let fixed = fixed.map(|(n, e)| (n.as_str(), e.as_str()));
    PlantData::check(form, open, ctx.state.core.today(), fixed)
}

/// `POST /plants/new`
pub async fn create(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<PlantForm>,
) -> Result<Response> {
    let acting = trail.acting(&me);
    let own = use_case::operator_self(&acting);
    match checked(&ctx, &form, own.as_ref()) {
        Ok(data) => {
            let plant =
                use_case::register(&ctx.state.core, &acting, data)?.ok_or(AppError::NotFound)?;
            Ok(Redirect::to(&format!("/plants/{}?saved=created", plant.id)).into_response())
        }
        Err(_) if !policy::can_create_plant(&me.actor) => Err(AppError::NotFound),
        Err(errors) => {
            let page = view::new_plant(&ctx, &form, &errors, own.is_some());
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Forms of the plant page shown again, with their errors, after a refused submission.
#[derive(Default)]
pub(crate) struct Refused<'a> {
    pub plant: Option<(&'a PlantForm, &'a Errors)>,
    pub subplant: Option<(&'a str, &'a Errors)>,
    pub device: Option<(&'a super::devices::DeviceForm, &'a Errors)>,
    pub document: Option<&'a Errors>,
}

/// The plant page with the upload form's error.
pub(crate) async fn render_detail_documents(
    ctx: &PageCtx,
    me: &crate::auth::session::Viewer,
    plant: &Plant,
    assignees: &[u64],
    errors: &Errors,
) -> Result<Markup> {
    let refused = Refused {
        document: Some(errors),
        ..Refused::default()
    };
    render_detail_with(ctx, me, plant, assignees, refused, "").await
}

/// The plant page, with the forms in `refused` shown again with their errors.
pub(crate) async fn render_detail_with(
    ctx: &PageCtx,
    me: &crate::auth::session::Viewer,
    plant: &Plant,
    assignees: &[u64],
    refused: Refused<'_>,
    saved: &str,
) -> Result<Markup> {
    let page = use_case::page(&ctx.state.core, &me.actor, plant, assignees)?;
    let empty_device_form = super::devices::DeviceForm::default();
    let empty_errors = Errors::new();
    let own_form = PlantForm::of(plant);
    let (plant_form, plant_errors) = refused.plant.unwrap_or((&own_form, &empty_errors));
    let (device_form, device_errors) = refused
        .device
        .unwrap_or((&empty_device_form, &empty_errors));
    let (subplant_name, subplant_errors) = refused.subplant.unwrap_or(("", &empty_errors));
    Ok(view::detail(
        ctx,
        &view::DetailData {
            plant,
            form: plant_form,
            errors: plant_errors,
            saved,
            can_edit: page.can_edit,
            can_assign: page.can_assign,
            operator_fixed: plant.company.is_none(),
            assigned: &page.assigned,
            assignable: &page.assignable,
            devices: &page.devices,
            device_form,
            device_errors,
            subplant_name,
            subplant_errors,
            documents: &page.documents,
            document_errors: refused.document.unwrap_or(&empty_errors),
            tickets: &page.tickets,
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub saved: String,
}

/// `GET /plants/{id}`
pub async fn detail(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    Query(q): Query<Saved>,
) -> Result<Markup> {
    let (plant, assignees) = ctx
        .state
        .store
        .plants()
        .visible(&me.actor, id)?
        .ok_or(AppError::NotFound)?;
    render_detail_with(&ctx, &me, &plant, &assignees, Refused::default(), &q.saved).await
}

/// `POST /plants/{id}`: saves the plant's data.
pub async fn save(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<PlantForm>,
) -> Result<Response> {
    let core = &ctx.state.core;
    let (plant, assignees) =
        use_case::editable(core, &trail.acting(&me), id)?.ok_or(AppError::NotFound)?;
    match checked(&ctx, &form, use_case::operator_fixed(&plant).as_ref()) {
        Ok(data) => {
            use_case::save(core, &trail.acting(&me), plant, data)?;
            Ok(Redirect::to(&format!("/plants/{id}?saved=plant")).into_response())
        }
        Err(errors) => {
            let refused = Refused {
                plant: Some((&form, &errors)),
                ..Refused::default()
            };
            let page = render_detail_with(&ctx, &me, &plant, &assignees, refused, "").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// What the assignment form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    pub installer_id: String,
    pub action: String,
}

/// `POST /plants/{id}/assignees`: administrators assign the plant to an installer of
/// their company, or take the assignment away.
pub async fn assign(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Result<Response> {
    let (plant, assignees) = ctx
        .state
        .store
        .plants()
        .visible(&me.actor, id)?
        .ok_or(AppError::NotFound)?;
    let acting = trail.acting(&me);
    if !use_case::may_assign(&acting, &plant, &assignees) {
        return Err(AppError::NotFound);
    }
    let installer: u64 = form
        .installer_id
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("installer_id".into()))?;
    let assigned = match form.action.as_str() {
        "assign" => true,
        "unassign" => false,
        _ => return Err(AppError::BadRequest("action".into())),
    };
    if !use_case::assign(
        &ctx.state.core,
        &acting,
        &plant,
        &assignees,
        installer,
        assigned,
    )? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/plants/{id}?saved=assignees#assignees")).into_response())
}
