//! A plant's "Documents": the list, the upload form, and the delete confirmation.

use maud::{Markup, html};

use super::components::{Errors, csrf_field};
use super::format;
use super::layout;
use crate::i18n::args;
use crate::store::documents::Document;
use crate::store::plants::Plant;
use crate::views::PageCtx;

/// The documents section of the plant page.
pub fn section(
    ctx: &PageCtx,
    plant: &Plant,
    docs: &[(Document, String)],
    can_edit: bool,
    errors: &Errors,
) -> Markup {
    let max = ctx.config.uploads.max_document_mb.to_string();
    html! {
        section.card #documents aria-labelledby="documents-heading" {
            h2 #documents-heading { (ctx.t("documents")) }
            @if docs.is_empty() {
                p.empty { (ctx.t("documents-empty")) }
            } @else {
                div.table-wrap {
                    table.stack-narrow {
                        thead {
                            tr {
                                th scope="col" { (ctx.t("document-name")) }
                                th.num scope="col" { (ctx.t("document-size")) }
                                th scope="col" { (ctx.t("document-uploader")) }
                                th scope="col" { (ctx.t("document-date")) }
                                @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("members-col-actions")) } } }
                            }
                        }
                        tbody {
                            @for (doc, uploader) in docs {
                                tr {
                                    td { a href={ "/documents/" (doc.id) } download { (doc.name) } }
                                    td.num data-label=(ctx.t("document-size")) { (crate::views::format::size(doc.size)) }
                                    td data-label=(ctx.t("document-uploader")) { (uploader) }
                                    td data-label=(ctx.t("document-date")) { (format::when(doc.uploaded_at)) }
                                    @if can_edit { td { a href={ "/documents/" (doc.id) "/delete" } { (ctx.t("action-delete")) } } }
                                }
                            }
                        }
                    }
                }
            }
            @if can_edit {
                form method="post" action={ "/plants/" (plant.id) "/documents" } enctype="multipart/form-data" {
                    (csrf_field(ctx))
                    div.field.has-error[errors.get("file").is_some()] {
                        label for="file" { (ctx.t("document-upload")) }
                        p.hint #file-hint { (ctx.t_args("document-upload-hint", &args(&[("max", &max)]))) }
                        input #file type="file" name="file" required
                            accept=".pdf,.png,.jpg,.jpeg,.webp,.txt,.csv,.dxf,.xlsx,.docx"
                            aria-describedby={ "file-hint" @if errors.get("file").is_some() { " file-error" } }
                            aria-invalid=[errors.get("file").map(|_| "true")]
                            autofocus[errors.get("file").is_some()];
                        @if let Some(message) = errors.get("file") {
                            p.field-error #file-error { span.icon aria-hidden="true" { "⚠" } " " (ctx.t(message)) }
                        }
                    }
                    button.button.secondary type="submit" { (ctx.t("document-upload-submit")) }
                }
            }
        }
    }
}

/// `GET /documents/{id}/delete`
pub fn confirm_delete(ctx: &PageCtx, doc: &Document, plant: &Plant) -> Markup {
    let title = ctx.t("document-delete-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.narrow {
                section.card {
                    h1 { (title) }
                    p.lead { (ctx.t_args("document-delete-text", &args(&[("name", &doc.name), ("plant", &plant.name)]))) }
                    form method="post" action={ "/documents/" (doc.id) "/delete" } {
                        (csrf_field(ctx))
                        div.actions {
                            button.button.danger type="submit" { (ctx.t("action-delete")) }
                            a.button.secondary href={ "/plants/" (plant.id) "#documents" } { (ctx.t("action-cancel")) }
                        }
                    }
                }
            }
        },
    )
}
