//! The service desk's saved replies (`/service/replies`): the team's list with the form
//! for a new one, and one reply's page to change or delete it. The text is kept in each
//! language; placeholders are filled from the request when the reply is inserted.

use maud::{Markup, html};
use serde::Deserialize;

use super::{Part, frame};
use crate::i18n::Lang;
use crate::store::saved_replies::SavedReply;
use crate::views::PageCtx;
use crate::views::components::{Errors, Field, csrf_field, error_summary, notice};
use crate::views::format;

/// The states a reply may move a request to, as the form offers them (the same as
/// `service::saved_replies::THEN`).
const THEN: [(&str, &str); 4] = [
    ("", "reply-then-none"),
    ("in-progress", "status-in-progress"),
    ("waiting", "status-waiting-customer"),
    ("closed", "status-closed"),
];

/// What the saved reply form sends.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    pub title: String,
    pub text_fr: String,
    pub text_de: String,
    pub text_en: String,
    /// The slug of the state to move to, or empty.
    pub then: String,
}

impl ReplyForm {
    /// The field of the text in `lang`.
    pub fn text_field(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "text_fr",
            Lang::De => "text_de",
            Lang::En => "text_en",
        }
    }

    /// The text typed for `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.text_fr,
            Lang::De => &self.text_de,
            Lang::En => &self.text_en,
        }
    }

    /// The form filled with a kept reply.
    pub fn of(reply: &SavedReply) -> Self {
        ReplyForm {
            title: reply.title.clone(),
            text_fr: reply.text(Lang::Fr).to_owned(),
            text_de: reply.text(Lang::De).to_owned(),
            text_en: reply.text(Lang::En).to_owned(),
            then: reply.then.map(|s| s.slug().to_owned()).unwrap_or_default(),
        }
    }
}

/// The language's name in the interface's language.
fn language_name(ctx: &PageCtx, lang: Lang) -> String {
    ctx.t(&format!("reply-text-{}", lang.code()))
}

/// The form's fields.
fn fields(ctx: &PageCtx, form: &ReplyForm, errors: &Errors) -> Markup {
    let then: Vec<(String, String)> = THEN
        .iter()
        .map(|(v, id)| ((*v).to_owned(), ctx.t(id)))
        .collect();
    html! {
        (Field::new("title", ctx.t("reply-title"), "text").value(&form.title).maxlength(120)
            .hint(ctx.t("reply-title-hint")).errors(ctx, errors).render())
        p.hint #placeholders-hint { (ctx.t("reply-placeholders")) " " code { "{name}" } ", " code { "{number}" } ", " code { "{serial}" } ", " code { "{rma}" } ", " code { "{tracking}" } }
        @for lang in Lang::ALL {
            (Field::new(ReplyForm::text_field(lang), language_name(ctx, lang), "").value(form.text(lang))
                .maxlength(5000).errors(ctx, errors).textarea())
        }
        (Field::new("then", ctx.t("reply-then"), "").value(&form.then)
            .hint(ctx.t("reply-then-hint")).errors(ctx, errors).select(&then, None))
    }
}

/// `/service/replies`: the team's saved replies and the form for a new one.
pub fn list(
    ctx: &PageCtx,
    replies: &[(u64, SavedReply)],
    (form, errors): (&ReplyForm, &Errors),
    saved: &str,
) -> Markup {
    let title = ctx.t("replies-title");
    let body = html! {
        h1 { (title) }
        @match saved {
            "created" => (notice("success", &ctx.t("saved-reply-created"))),
            "saved" => (notice("success", &ctx.t("saved-reply"))),
            "deleted" => (notice("success", &ctx.t("saved-reply-deleted"))),
            _ => {}
        }
        p.lead { (ctx.t("replies-intro")) }
        section.card #replies aria-labelledby="replies-heading" {
            h2 #replies-heading { (ctx.t("replies-kept")) }
            @if replies.is_empty() {
                p.empty { (ctx.t("replies-none")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                th scope="col" { (ctx.t("reply-title")) }
                                th scope="col" { (ctx.t("reply-then")) }
                                th scope="col" { (ctx.t("reply-changed")) }
                            }
                        }
                        tbody {
                            @for (id, r) in replies {
                                tr {
                                    td { a href={ "/service/replies/" (id) } { (r.title) } }
                                    td data-label=(ctx.t("reply-then")) {
                                        @match r.then {
                                            Some(s) => (crate::views::tickets::status_word(ctx, s)),
                                            None => "—",
                                        }
                                    }
                                    td data-label=(ctx.t("reply-changed")) { (format::when(r.updated_at)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card #new-reply aria-labelledby="new-reply-heading" {
            h2 #new-reply-heading { (ctx.t("reply-new")) }
            (error_summary(ctx, errors))
            form method="post" action="/service/replies" novalidate {
                (csrf_field(ctx))
                (fields(ctx, form, errors))
                button.button.primary type="submit" { (ctx.t("reply-create")) }
            }
        }
    };
    frame(ctx, &title, Part::Replies, body)
}

/// `/service/replies/{id}`: one saved reply, to change or delete.
pub fn edit(ctx: &PageCtx, id: u64, (form, errors): (&ReplyForm, &Errors)) -> Markup {
    let title = ctx.t("reply-edit-title");
    let body = html! {
        p.breadcrumb { a href="/service/replies" { (ctx.t("replies-title")) } }
        h1 { (title) }
        section.card aria-labelledby="reply-heading" {
            h2 #reply-heading { (form.title) }
            (error_summary(ctx, errors))
            form method="post" action={ "/service/replies/" (id) } novalidate {
                (csrf_field(ctx))
                (fields(ctx, form, errors))
                button.button.primary type="submit" { (ctx.t("profile-save")) }
            }
        }
        section.card aria-labelledby="delete-heading" {
            h2 #delete-heading { (ctx.t("reply-delete")) }
            form method="post" action={ "/service/replies/" (id) "/delete" } {
                (csrf_field(ctx))
                button.button.danger type="submit" { (ctx.t("reply-delete")) }
            }
        }
    };
    frame(ctx, &title, Part::Replies, body)
}
