//! The privacy policy and the terms of use: embedded texts in every language.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::Markup;
use rust_embed::RustEmbed;

use super::context::PageCtx;
use crate::error::{AppError, Result};
use crate::views;

#[derive(RustEmbed)]
#[folder = "assets/legal/"]
struct LegalTexts;

/// Which legal document.
#[derive(Debug, Clone, Copy)]
pub enum Document {
    Privacy,
    Terms,
}

impl Document {
    fn file(self) -> &'static str {
        match self {
            Document::Privacy => "privacy.md",
            Document::Terms => "terms.md",
        }
    }
}

fn text(ctx: &PageCtx, doc: Document) -> Result<String> {
    let file = LegalTexts::get(&format!("{}/{}", ctx.lang.code(), doc.file()))
        .ok_or_else(|| AppError::internal(format!("legal text {} missing", doc.file())))?;
    let text = String::from_utf8_lossy(&file.data);
    let b = &ctx.state.config.branding;
    Ok(text
        .replace("{instance}", &b.instance_name)
        .replace("{team}", &b.team_name)
        .replace("{contact}", &b.contact_email))
}

/// `GET /privacy`
pub async fn privacy(ctx: PageCtx) -> Result<Markup> {
    let body = text(&ctx, Document::Privacy)?;
    Ok(views::legal::page(
        &ctx,
        &ctx.t("legal-privacy-title"),
        &body,
    ))
}

/// `GET /terms`
pub async fn terms(ctx: PageCtx) -> Result<Markup> {
    let body = text(&ctx, Document::Terms)?;
    Ok(views::legal::page(&ctx, &ctx.t("legal-terms-title"), &body))
}

fn download(ctx: &PageCtx, doc: Document, name: &str) -> Result<Response> {
    let body = text(ctx, doc)?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    let disposition = format!("attachment; filename=\"{name}-{}.txt\"", ctx.lang.code());
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).map_err(AppError::internal)?,
    );
    Ok(response)
}

/// `GET /privacy/download`: the privacy policy as a file, in the visitor's language.
pub async fn privacy_download(ctx: PageCtx) -> Result<Response> {
    download(&ctx, Document::Privacy, "privacy-policy")
}

/// `GET /terms/download`: the terms of use as a file.
pub async fn terms_download(ctx: PageCtx) -> Result<Response> {
    download(&ctx, Document::Terms, "terms-of-use")
}
