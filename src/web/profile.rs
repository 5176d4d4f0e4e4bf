//! "My profile" (contact data, delivery addresses, information requests, legal
//! downloads) and "My access data" (password, security question, sessions).

pub use crate::views::profile::{AddressForm, INFO_TOPICS, ProfileForm};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::PageCtx;
use super::trail::Trail;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::auth::session::Viewer;
use crate::error::{AppError, Result};
use crate::service::profile as use_case;
use crate::store::users::{DeliveryAddress, User};
use crate::views::components::Errors;
use crate::views::profile as view;

/// Which message to show after a saved change (`?saved=…`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub saved: String,
}

impl ProfileForm {
    fn of(user: &User) -> Self {
        let has = |t: &str| {
            if user.info_requests.iter().any(|r| r.topic == t) {
                "on".to_owned()
            } else {
                String::new()
            }
        };
        Self {
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            phone: user.phone.clone(),
            language: user.language.code().to_owned(),
            info_product_news: has("product-news"),
            info_service_notices: has("service-notices"),
            info_training: has("training"),
        }
    }
}

impl AddressForm {
    fn checked(&self, id: u32) -> Result<DeliveryAddress, Errors> {
        crate::service::profile::checked_address(self, id)
    }

    fn of(a: &DeliveryAddress, is_default: bool) -> Self {
        Self {
            recipient: a.recipient.clone(),
            street: a.street.clone(),
            postal_code: a.postal_code.clone(),
            city: a.city.clone(),
            country: a.country.clone(),
            make_default: if is_default {
                "on".into()
            } else {
                String::new()
            },
        }
    }
}

fn company_line(ctx: &PageCtx, user: &User) -> Result<Option<(String, String)>> {
    let Some((company_id, role)) = user.company else {
        return Ok(None);
    };
    let company = ctx
        .state
        .store
        .companies()
        .get(company_id)?
        .ok_or_else(|| AppError::internal("member of a missing company"))?;
    let role = match role {
        crate::access::CompanyRole::Admin => ctx.t("role-admin"),
        crate::access::CompanyRole::Member => ctx.t("role-member"),
    };
    Ok(Some((company.name, role)))
}

fn render_profile(
    ctx: &PageCtx,
    user: &User,
    form: &ProfileForm,
    errors: &Errors,
    address: &AddressForm,
    address_errors: &Errors,
    saved: &str,
) -> Result<maud::Markup> {
    let company = company_line(ctx, user)?;
    let reminders = use_case::reminders(&ctx.state.core, user)?;
    Ok(view::profile(
        ctx,
        &view::ProfileData {
            user,
            company: company.as_ref().map(|(n, r)| (n.as_str(), r.as_str())),
            form,
            errors,
            address,
            address_errors,
            saved,
            reminders,
        },
    ))
}

/// `GET /profile`
pub async fn profile_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Saved>,
) -> Result<maud::Markup> {
    let form = ProfileForm::of(&me.user);
    render_profile(
        &ctx,
        &me.user,
        &form,
        &Errors::new(),
        &AddressForm::default(),
        &Errors::new(),
        &q.saved,
    )
}

/// `POST /profile`: saves contact data, language and information requests.
pub async fn save_profile(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<Response> {
    match use_case::checked_profile(&form) {
        Ok(change) => {
            use_case::save_profile(&ctx.state.core, &trail.acting(&me), change)?;
            Ok(Redirect::to("/profile?saved=profile").into_response())
        }
        Err(e) => {
            let no_address = AddressForm::default();
            let page = render_profile(&ctx, &me.user, &form, &e, &no_address, &Errors::new(), "")?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// What the reminder form sends (a box not ticked is not sent).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RemindersForm {
    pub weekly: String,
}

/// `POST /profile/reminders`: the weekly warranty reminder on or off.
pub async fn set_reminders(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    CsrfForm(form): CsrfForm<RemindersForm>,
) -> Result<Response> {
    let on = form.weekly == "on";
    if use_case::set_reminders(&ctx.state.core, &me.user, on)?.is_none() {
        return Err(AppError::NotFound);
    }
    let saved = if on { "reminders-on" } else { "reminders-off" };
    Ok(Redirect::to(&format!("/profile?saved={saved}#reminders")).into_response())
}

/// `POST /profile/addresses`: adds a delivery address.
pub async fn add_address(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Result<Response> {
    match form.checked(0) {
        Ok(address) => {
            let make_default = form.make_default == "on";
            use_case::save_address(&ctx.state.core, &trail.acting(&me), address, make_default)?;
            Ok(Redirect::to("/profile?saved=address#addresses").into_response())
        }
        Err(errors) => {
            let profile = ProfileForm::of(&me.user);
            let page =
                render_profile(&ctx, &me.user, &profile, &Errors::new(), &form, &errors, "")?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

fn own_address(user: &User, id: u32) -> Result<&DeliveryAddress> {
    user.addresses
        .iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)
}

/// `GET /profile/addresses/{id}`: the edit form.
pub async fn edit_address_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u32>,
) -> Result<maud::Markup> {
    let address = own_address(&me.user, id)?;
    let form = AddressForm::of(address, me.user.default_address == Some(id));
    Ok(view::edit_address(&ctx, id, &form, &Errors::new()))
}

/// `POST /profile/addresses/{id}`: saves an edited address.
pub async fn edit_address(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u32>,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Result<Response> {
    own_address(&me.user, id)?;
    match form.checked(id) {
        Ok(address) => {
            let make_default = form.make_default == "on";
            use_case::save_address(&ctx.state.core, &trail.acting(&me), address, make_default)?;
            Ok(Redirect::to("/profile?saved=address#addresses").into_response())
        }
        Err(errors) => {
            let page = view::edit_address(&ctx, id, &form, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `GET /profile/addresses/{id}/delete`: asks for confirmation.
pub async fn delete_address_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u32>,
) -> Result<maud::Markup> {
    let address = own_address(&me.user, id)?;
    Ok(view::confirm_delete_address(&ctx, address))
}

#[derive(Debug, Default, Deserialize)]
pub struct Empty {}

/// `POST /profile/addresses/{id}/delete`
pub async fn delete_address(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    own_address(&me.user, id)?;
    use_case::delete_address(&ctx.state.core, &trail.acting(&me), id)?;
    Ok(Redirect::to("/profile?saved=address-deleted#addresses").into_response())
}

/// `POST /profile/addresses/{id}/default`
pub async fn default_address(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(id): Path<u32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    own_address(&me.user, id)?;
    use_case::default_address(&ctx.state.core, &trail.acting(&me), id)?;
    Ok(Redirect::to("/profile?saved=address#addresses").into_response())
}

/// The account's access data as its page shows them.
fn access_of<'a>(ctx: &PageCtx, me: &'a Viewer, trail: &'a Trail) -> Result<view::AccessOf<'a>> {
    Ok(view::AccessOf {
        user: &me.user,
        sessions: use_case::sessions(&ctx.state.core, &trail.acting(me))?,
        current: me.session,
        two_factor: crate::service::two_factor::status(&ctx.state.core, &me.user)?,
        api_tokens: crate::service::api_tokens::list(&ctx.state.core, &me.user)?.len(),
    })
}

/// `GET /account/access`
pub async fn access_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Query(q): Query<Saved>,
) -> Result<maud::Markup> {
    let of = access_of(&ctx, &me, &trail)?;
    let none = Errors::new();
    Ok(view::access(&ctx, &of, &q.saved, &none, &none, "", ""))
}

/// `POST /account/sessions/{handle}/end`: logs out one of one's other sessions (one
/// already gone, or the current one, is left as it is).
pub async fn end_session(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    Path(handle): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    use_case::end_session(&ctx.state.core, &trail.acting(&me), me.session, &handle)?;
    Ok(Redirect::to("/account/access?saved=session-ended#sessions").into_response())
}

/// `POST /account/sessions/end-all`: logs out every session but this one.
pub async fn end_other_sessions(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    use_case::end_other_sessions(&ctx.state.core, &trail.acting(&me), me.session)?;
    Ok(Redirect::to("/account/access?saved=sessions-ended#sessions").into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordChangeForm {
    pub current_password: String,
    pub password: String,
    pub password_confirm: String,
}

/// `POST /account/password`: needs the current password; ends the other sessions and
/// tells the owner by e-mail.
pub async fn change_password(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<PasswordChangeForm>,
) -> Result<Response> {
    let typed = (
        form.current_password.as_str(),
        form.password.as_str(),
        form.password_confirm.as_str(),
    );
    let acting = trail.acting(&me);
    match use_case::change_password(&ctx.state.core, &acting, me.session, typed).await? {
        Ok(()) => Ok(Redirect::to("/account/access?saved=password").into_response()),
        Err(errors) => {
            let of = access_of(&ctx, &me, &trail)?;
            let page = view::access(&ctx, &of, "", &errors, &Errors::new(), "", "");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QuestionChangeForm {
    pub current_password: String,
    pub security_question: String,
    pub security_answer: String,
}

/// `POST /account/security-question`: needs the current password.
pub async fn change_question(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    trail: Trail,
    CsrfForm(form): CsrfForm<QuestionChangeForm>,
) -> Result<Response> {
    let typed = (
        form.current_password.as_str(),
        form.security_question.as_str(),
        form.security_answer.as_str(),
    );
    match use_case::change_question(&ctx.state.core, &trail.acting(&me), typed).await? {
        Ok(()) => Ok(Redirect::to("/account/access?saved=question").into_response()),
        Err(errors) => {
            let (question, answer) = (&form.security_question, &form.security_answer);
            let no_errors = Errors::new();
            let of = access_of(&ctx, &me, &trail)?;
            let page = view::access(&ctx, &of, "", &no_errors, &errors, question, answer);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
