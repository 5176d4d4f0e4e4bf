//! "My profile" (contact data, delivery addresses, information requests, legal
//! downloads) and "My access data" (password, security question).

pub use crate::views::profile::{AddressForm, INFO_TOPICS, ProfileForm};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::PageCtx;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::CurrentUser;
use crate::domain::security_question::{self, SecurityQuestion};
use crate::domain::{self, NewPassword};
use crate::error::{AppError, Result};
use crate::i18n::Lang;
use crate::mail::templates::compose;
use crate::store::users::{DeliveryAddress, ProfileChange, User};
use crate::store::{companies, users};
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

    fn topics(&self) -> Vec<String> {
        [
            ("product-news", &self.info_product_news),
            ("service-notices", &self.info_service_notices),
            ("training", &self.info_training),
        ]
        .into_iter()
        .filter(|(_, v)| *v == "on")
        .map(|(t, _)| t.to_owned())
        .collect()
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
    let company = companies::get(&ctx.state.store, company_id)?
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

/// `POST /profile`: contact data, language and information requests.
pub async fn save_profile(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<Response> {
    let mut e = Errors::new();
    let first_name = e.check("first_name", domain::required_text(&form.first_name, 80));
    let last_name = e.check("last_name", domain::required_text(&form.last_name, 80));
    let phone = e.check("phone", domain::phone(&form.phone));
    let language = e.check(
        "language",
        Lang::from_code(&form.language)
            .filter(|l| l.code() == form.language)
            .ok_or("language-unknown"),
    );
    let (Some(first_name), Some(last_name), Some(phone), Some(language)) =
        (first_name, last_name, phone, language)
    else {
        let page = render_profile(
            &ctx,
            &me.user,
            &form,
            &e,
            &AddressForm::default(),
            &Errors::new(),
            "",
        )?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    users::update_profile(
        &ctx.state.store,
        me.user.id,
        ProfileChange {
            first_name,
            last_name,
            phone,
            language,
            info_requests: form.topics(),
        },
        ctx.state.clock.now(),
    )?;
    Ok(Redirect::to("/profile?saved=profile").into_response())
}

/// `POST /profile/addresses`: adds a delivery address.
pub async fn add_address(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Result<Response> {
    match form.checked(0) {
        Ok(address) => {
            users::save_address(
                &ctx.state.store,
                me.user.id,
                address,
                form.make_default == "on",
            )?;
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
    Path(id): Path<u32>,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Result<Response> {
    own_address(&me.user, id)?;
    match form.checked(id) {
        Ok(address) => {
            users::save_address(
                &ctx.state.store,
                me.user.id,
                address,
                form.make_default == "on",
            )?;
            Ok(Redirect::to("/profile?saved=address#addresses").into_response())
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view::edit_address(&ctx, id, &form, &errors),
        )
            .into_response()),
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
    Path(id): Path<u32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    own_address(&me.user, id)?;
    users::delete_address(&ctx.state.store, me.user.id, id)?;
    Ok(Redirect::to("/profile?saved=address-deleted#addresses").into_response())
}

/// `POST /profile/addresses/{id}/default`
pub async fn default_address(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    own_address(&me.user, id)?;
    users::set_default_address(&ctx.state.store, me.user.id, id)?;
    Ok(Redirect::to("/profile?saved=address#addresses").into_response())
}

/// Whether `presented` is the user's password (changes of access data require it).
async fn current_password_ok(ctx: &PageCtx, user: &User, presented: &str) -> bool {
    !presented.is_empty()
        && ctx
            .state
            .hasher
            .verify(presented.to_owned(), Some(user.password_hash.clone()))
            .await
}

/// `GET /account/access`
pub async fn access_page(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Saved>,
) -> maud::Markup {
    view::access(
        &ctx,
        &me.user,
        &q.saved,
        &Errors::new(),
        &Errors::new(),
        "",
        "",
    )
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
    CsrfForm(form): CsrfForm<PasswordChangeForm>,
) -> Result<Response> {
    let state = &ctx.state;
    let user = &me.user;
    let mut errors = Errors::new();
    if !current_password_ok(&ctx, user, &form.current_password).await {
        errors.add("current_password", "current-password-wrong");
    }
    let personal = [user.first_name.as_str(), user.last_name.as_str()];
    let password = errors.check_password(NewPassword::parse(
        &form.password,
        &form.password_confirm,
        &user.email,
        &personal,
    ));
    let (Some(password), true) = (password, errors.is_empty()) else {
        let page = view::access(&ctx, user, "", &errors, &Errors::new(), "", "");
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let hash = state
        .hasher
        .hash(password.expose().to_owned())
        .await
        .map_err(AppError::internal)?;
    let base = state.config.public_url();
    let mail = compose(
        state,
        user.language,
        &user.mailbox(),
        "password-changed",
        &[
            ("name", &user.first_name),
            ("forgot", &format!("{base}/password/forgot")),
        ],
    );
    users::change_password(&state.store, user.id, hash, me.session, vec![mail])?;
    tracing::info!(
        event = "password_changed",
        user_id = user.id,
        "password changed"
    );
    Ok(Redirect::to("/account/access?saved=password").into_response())
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
    CsrfForm(form): CsrfForm<QuestionChangeForm>,
) -> Result<Response> {
    let state = &ctx.state;
    let user = &me.user;
    let mut errors = Errors::new();
    if !current_password_ok(&ctx, user, &form.current_password).await {
        errors.add("q_current_password", "current-password-wrong");
    }
    let question = errors.check(
        "security_question",
        SecurityQuestion::parse(&form.security_question),
    );
    let answer = errors.check(
        "security_answer",
        security_question::parse_answer(&form.security_answer),
    );
    let (Some(question), Some(answer), true) = (question, answer, errors.is_empty()) else {
        let page = view::access(
            &ctx,
            user,
            "",
            &Errors::new(),
            &errors,
            &form.security_question,
            &form.security_answer,
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let hash = state
        .hasher
        .hash(answer)
        .await
        .map_err(AppError::internal)?;
    users::change_security_question(&state.store, user.id, question.id(), hash)?;
    tracing::info!(
        event = "security_question_changed",
        user_id = user.id,
        "security question changed"
    );
    Ok(Redirect::to("/account/access?saved=question").into_response())
}
