//! The form that files a request on a customer's behalf: first the customer, then the
//! request with one of their plants and a device.

use maud::{Markup, html};
use serde::Deserialize;

use super::{Part, frame};
use crate::domain::ticket::TOPICS;
use crate::i18n::args;
use crate::store::plants::Plant;
use crate::store::users::User;
use crate::views::PageCtx;
use crate::views::components::{Errors, Field, csrf_field, error_summary};

/// `GET /service/tickets/new`
pub fn form(
    ctx: &PageCtx,
    form: &OnBehalfForm,
    customer: Option<(&User, &[Plant])>,
    errors: &Errors,
) -> Markup {
    let title = ctx.t("service-new-ticket-title");
    let topics: Vec<(String, String)> = TOPICS
        .iter()
        .map(|t| ((*t).to_owned(), ctx.t(&format!("topic-{t}"))))
        .collect();
    frame(
        ctx,
        &title,
        Part::NewTicket,
        html! {
            div.narrow.wide {
                h1 { (title) }
                p.lead { (ctx.t("service-new-ticket-intro")) }
                (error_summary(ctx, errors))
                @match customer {
                    None => {
                        form.card method="get" action="/service/tickets/new" novalidate {
                            (Field::new("customer", ctx.t("service-customer"), "email").value(&form.customer)
                                .hint(ctx.t("service-customer-hint")).maxlength(254).autocomplete("off").errors(ctx, errors).render())
                            button.button.primary type="submit" { (ctx.t("service-continue")) }
                        }
                        p { a href="/service/users" { (ctx.t("service-customer-find")) } }
                    }
                    Some((user, plants)) => {
                        form.card method="post" action="/service/tickets/new" novalidate {
                            (csrf_field(ctx))
                            input type="hidden" name="customer" value=(user.email);
                            p {
                                (ctx.t_args("service-new-ticket-for", &args(&[("name", &user.full_name()), ("email", &user.email)])))
                                " " a href="/service/tickets/new" { (ctx.t("service-customer-other")) }
                            }
                            (Field::new("topic", ctx.t("contact-topic"), "").value(&form.topic).errors(ctx, errors)
                                .select(&topics, Some(&ctx.t("select-placeholder"))))
                            @let options: Vec<(String, String)> = plants.iter()
                                .map(|p| (p.id.to_string(), format!("{} · {} {}", p.name, p.postal_code, p.city))).collect();
                            (Field::new("plant", ctx.t("service-plant"), "").value(&form.plant).optional().errors(ctx, errors)
                                .select(&options, Some(&ctx.t("service-plant-none"))))
                            (Field::new("serial", ctx.t("device-serial"), "text").value(&form.serial).optional()
                                .hint(ctx.t("contact-serial-hint")).maxlength(20).autocomplete("off").errors(ctx, errors).render())
                            (Field::new("message", ctx.t("contact-message"), "").value(&form.message)
                                .hint(ctx.t("service-new-ticket-message-hint")).maxlength(5000).errors(ctx, errors).textarea())
                            button.button.primary type="submit" { (ctx.t("service-new-ticket-submit")) }
                        }
                    }
                }
            }
        },
    )
}

/// What the form sends.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct OnBehalfForm {
    /// The customer's e-mail.
    pub customer: String,
    pub topic: String,
    /// One of the customer's plants (id), or empty.
    pub plant: String,
    pub serial: String,
    pub message: String,
}
