//! Incoming mail in the service desk (`/service/inbox`): the held messages, each one
//! downloadable as it came and put back for another attempt.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

use super::oversight::NoFields;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::StaffMember;
use crate::config::MailInSource;
use crate::error::{AppError, Result};
use crate::service::inbox::{self, Reachable};
use crate::views::service::inbox::{self as view, InboxQuery, Reading, Source};
use crate::web::context::PageCtx;
use crate::web::documents::file_response;
use crate::web::trail::Trail;

/// `GET /service/inbox`
pub async fn page(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Query(q): Query<InboxQuery>,
) -> Result<Markup> {
    let config = &ctx.state.config;
    let settings = &config.mail_in;
    let source = Source {
        maildir: (settings.source == MailInSource::Maildir).then(|| {
            settings
                .maildir_in(&config.storage.data_dir)
                .display()
                .to_string()
        }),
        imap: (settings.source == MailInSource::Imap).then(|| {
            format!(
                "{} — {}@{}:{}",
                settings.imap_folder,
                settings.imap_user,
                settings.imap_host,
                settings.imap_port()
            )
        }),
        address: (!settings.address.is_empty()).then(|| settings.address.clone()),
        reading: ctx.state.core.mailbox.get().map(|r| match r {
            Reachable::Since(since) => Reading::Works { since },
            Reachable::Failing(since, reason) => Reading::Fails { since, reason },
        }),
    };
    let held = ctx.state.store.inbox().held()?;
    Ok(view::inbox(&ctx, &q, &source, &held))
}

/// `GET /service/inbox/{id}/message`: the held message as it came, as an `.eml` file.
pub async fn message(
    ctx: PageCtx,
    StaffMember(_me): StaffMember,
    Path(id): Path<u64>,
) -> Result<Response> {
    let Some((held, content)) = inbox::held_content(&ctx.state.core, id).await? else {
        return Err(AppError::NotFound);
    };
    file_response(content, "message/rfc822", &format!("{}.eml", held.file))
}

/// `POST /service/inbox/{id}/retry`: the held message is put back to be read again.
pub async fn retry(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    trail: Trail,
    Path(id): Path<u64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response> {
    if ctx.state.store.inbox().held_one(id)?.is_none() {
        return Err(AppError::NotFound);
    }
    let moved = inbox::retry(&ctx.state.core, &trail.acting(&me), id).await?;
    let saved = if moved { "retried" } else { "gone" };
    Ok(Redirect::to(&format!("/service/inbox?saved={saved}")).into_response())
}
