//! The device replacement request form, in the order the service team needs the facts:
//! the device, what happened, who asks, where the replacement goes, the proof of
//! purchase and the two confirmations.

use serde::Deserialize;

use crate::store::devices::Device;
use crate::store::plants::Plant;
use maud::{Markup, html};

use super::components::{Errors, Field, checkbox, csrf_field, error_summary};
use super::layout;
use crate::domain::catalog::Catalog;
use crate::i18n::args;
use crate::store::users::User;
use crate::views::PageCtx;

fn device_options(ctx: &PageCtx, choices: &[Choice]) -> Vec<(String, String)> {
    let catalog = Catalog::get();
    let mut out: Vec<(String, String)> = choices
        .iter()
        .map(|c| {
            let product = catalog
                .product(c.device.product_id)
                .map_or_else(String::new, |p| p.name.clone());
            (
                c.device.id.to_string(),
                format!("{} · {} · {}", c.device.serial, product, c.plant.name),
            )
        })
        .collect();
    out.push(("other".to_owned(), ctx.t("replacement-device-other")));
    out
}

fn radio(name: &str, value: &str, current: &str, label: String) -> Markup {
    let id = format!("{name}-{value}");
    html! {
        div.radio {
            input type="radio" id=(id) name=(name) value=(value) checked[current == value];
            label for=(id) { (label) }
        }
    }
}

/// `GET /tickets/replacement`
pub fn form(
    ctx: &PageCtx,
    user: &User,
    choices: &[Choice],
    form: &ReplacementForm,
    errors: &Errors,
) -> Markup {
    let title = ctx.t("replacement-title");
    let mut addresses: Vec<(String, String)> = user
        .addresses
        .iter()
        .map(|a| {
            (
                a.id.to_string(),
                format!(
                    "{}, {}, {} {}",
                    a.recipient, a.street, a.postal_code, a.city
                ),
            )
        })
        .collect();
    addresses.push(("new".to_owned(), ctx.t("replacement-address-new")));
    let role_error = errors.get("role");
    let address_error = ["recipient", "street", "postal_code", "city", "country"]
        .iter()
        .any(|f| errors.get(f).is_some());
    let new_address = html! {
        (super::profile::address_inputs(ctx, &form.address_form(), errors, user.addresses.is_empty()))
        (checkbox(ctx, "save_address", html! { (ctx.t("replacement-save-address")) }, form.save_address == "on", errors))
    };
    let mb = ctx.config.uploads.max_document_mb.to_string();
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow.wide {
                p.breadcrumb { a href="/tickets" { (ctx.t("nav-tickets")) } " › " (title) }
                h1 { (title) }
                p.lead { (ctx.t("replacement-intro")) }
                div.notice.info { (ctx.t("contact-serial-reminder")) }
                (error_summary(ctx, errors))
                form.card method="post" action="/tickets/replacement" enctype="multipart/form-data" novalidate {
                    (csrf_field(ctx))
                    fieldset {
                        legend { (ctx.t("replacement-section-device")) }
                        @if !choices.is_empty() {
                            (Field::new("device", ctx.t("replacement-device"), "").value(&form.device).optional()
                                .hint(ctx.t("replacement-device-hint")).errors(ctx, errors)
                                .select(&device_options(ctx, choices), Some(&ctx.t("select-placeholder"))))
                        }
                        (Field::new("serial", ctx.t("device-serial"), "text").value(&form.serial).optional()
                            .hint(ctx.t("replacement-serial-hint")).maxlength(20).autocomplete("off").errors(ctx, errors).render())
                        (crate::views::devices::product_field(ctx, &form.product, errors, !choices.is_empty()))
                    }
                    fieldset {
                        legend { (ctx.t("replacement-section-failure")) }
                        (Field::new("event", ctx.t("replacement-event"), "text").value(&form.event)
                            .hint(ctx.t("replacement-event-hint")).maxlength(200).autocomplete("off").errors(ctx, errors).render())
                        (Field::new("failure_date", ctx.t("replacement-failure-date"), "date").value(&form.failure_date)
                            .errors(ctx, errors).render())
                        (Field::new("description", ctx.t("replacement-description"), "").value(&form.description)
                            .hint(ctx.t("replacement-description-hint")).maxlength(5000).errors(ctx, errors).textarea())
                    }
                    fieldset.has-error[role_error.is_some()] aria-describedby=[role_error.map(|_| "role-error")] {
                        legend { (ctx.t("replacement-role")) span.required aria-hidden="true" { " *" } }
                        (radio("role", "owner", &form.role, ctx.t("replacement-role-owner")))
                        (radio("role", "installer", &form.role, ctx.t("replacement-role-installer")))
                        @if let Some(message) = role_error {
                            p.field-error id="role-error" { span.icon aria-hidden="true" { "⚠" } " " (ctx.t(message)) }
                        }
                    }
                    fieldset {
                        legend { (ctx.t("replacement-delivery")) }
                        @if !user.addresses.is_empty() {
                            (Field::new("address", ctx.t("replacement-address"), "").value(&form.address)
                                .hint(ctx.t("replacement-address-hint")).errors(ctx, errors).select(&addresses, None))
                        }
                        @if user.addresses.is_empty() {
                            div.subform {
                                p.hint { (ctx.t("replacement-address-first")) }
                                (new_address)
                            }
                        } @else {
                            // With a saved address chosen the new one is not needed: it
                            // waits folded, and opens when it is wanted or has an error.
                            details.add-address open[form.wants_new_address() || address_error] {
                                summary { (ctx.t("replacement-address-new-summary")) }
                                p.hint { (ctx.t("replacement-address-new-hint")) }
                                (new_address)
                            }
                        }
                        (Field::new("onsite_name", ctx.t("replacement-onsite-name"), "text").value(&form.onsite_name)
                            .autocomplete("name").maxlength(120).errors(ctx, errors).render())
                        (Field::new("onsite_phone", ctx.t("replacement-onsite-phone"), "tel").value(&form.onsite_phone)
                            .autocomplete("tel").maxlength(30).errors(ctx, errors).render())
                    }
                    fieldset {
                        legend { (ctx.t("replacement-section-proof")) }
                        (Field::new("file", ctx.t("replacement-proof"), "file")
                            .hint(ctx.t_args("replacement-proof-hint", &args(&[("mb", &mb)])))
                            .accept(".pdf,.jpg,.jpeg,.png,.webp").errors(ctx, errors).render())
                        (checkbox(ctx, "confirm_pickup", html! { (ctx.t("replacement-confirm-pickup")) }, form.confirm_pickup == "on", errors))
                        (checkbox(ctx, "confirm_accessories", html! { (ctx.t("replacement-confirm-accessories")) }, form.confirm_accessories == "on", errors))
                    }
                    button.button.primary type="submit" { (ctx.t("replacement-submit")) }
                }
            }
        },
    )
}

/// A device the requester may ask a replacement for, with its plant.
pub struct Choice {
    pub device: Device,
    pub plant: Plant,
}

/// What the replacement form sends (besides the proof of purchase).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ReplacementForm {
    /// Id of a device of the requester's plants, or empty when the serial is typed.
    pub device: String,
    pub serial: String,
    pub product: String,
    pub event: String,
    pub description: String,
    pub failure_date: String,
    /// `owner` or `installer`.
    pub role: String,
    /// Id of a delivery address of the profile, or `new`.
    pub address: String,
    pub recipient: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub save_address: String,
    pub onsite_name: String,
    pub onsite_phone: String,
    pub confirm_pickup: String,
    pub confirm_accessories: String,
}

impl ReplacementForm {
    /// Whether the replacement goes to a new address: chosen in the list, or typed in
    /// (filling in the new address means it, whatever the list still shows).
    pub fn wants_new_address(&self) -> bool {
        self.address == "new"
            || [&self.recipient, &self.street, &self.postal_code, &self.city]
                .iter()
                .any(|v| !v.trim().is_empty())
    }

    /// The new-address part of the form.
    pub fn address_form(&self) -> crate::views::profile::AddressForm {
        crate::views::profile::AddressForm {
            recipient: self.recipient.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            make_default: String::new(),
        }
    }
}
