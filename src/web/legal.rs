//! The privacy policy and the terms of use: embedded texts in every language.

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
