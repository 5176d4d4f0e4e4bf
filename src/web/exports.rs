//! Lists as files (`…/export?format=csv|xlsx`, linked under each list with the list's
//! own filters): Ticket Tracking, the queue, the plant overview and a plant's devices.
//! The rows are read and written on a blocking thread a batch at a time and streamed to
//! the client as they are made, so memory stays bounded whatever the list's length; a
//! client that reads slowly holds the writer back (the channel between them is short),
//! and one that goes away stops it.

use std::io::Write;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tokio::sync::mpsc;

use super::context::PageCtx;
use crate::auth::extract::{CurrentUser, StaffMember};
use crate::domain::upload;
use crate::error::{AppError, Result};
use crate::service::exports::{self as use_case, Export};
use crate::views::exports::{CsvFile, FileFormat, Words, XlsxFile, file_name};
use crate::views::service::queue::QueueQuery;
use crate::views::tickets::ListQuery;

/// The format a download asks for.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormatQuery {
    /// `csv` or `xlsx`.
    pub format: String,
}

impl FormatQuery {
    fn format(&self) -> Result<FileFormat> {
        FileFormat::parse(&self.format).ok_or(AppError::NotFound)
    }
}

/// The plant overview's filter.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlantsQuery {
    pub q: String,
}

/// `GET /tickets/export`: Ticket Tracking with its filters and search.
pub async fn tracking(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(f): Query<FormatQuery>,
    Query(q): Query<ListQuery>,
) -> Result<Response> {
    let format = f.format()?;
    let state = &ctx.state;
    let export = use_case::tracking(state.core.clone(), state.search.clone(), me.actor, q);
    respond(&ctx, export, format)
}

/// `GET /service/tickets/export`: the queue with its filters and search.
pub async fn queue(
    ctx: PageCtx,
    StaffMember(me): StaffMember,
    Query(f): Query<FormatQuery>,
    Query(q): Query<QueueQuery>,
) -> Result<Response> {
    let format = f.format()?;
    let state = &ctx.state;
    let export = use_case::queue(
        state.core.clone(),
        state.search.clone(),
        me.actor,
        me.user.id,
        &q,
    )?;
    respond(&ctx, export, format)
}

/// `GET /plants/export`: the plant overview with its filter.
pub async fn plants(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Query(f): Query<FormatQuery>,
    Query(q): Query<PlantsQuery>,
) -> Result<Response> {
    let format = f.format()?;
    let state = &ctx.state;
    let export = use_case::plants(state.core.clone(), state.search.clone(), me.actor, &q.q)?;
    respond(&ctx, export, format)
}

/// `GET /plants/{id}/devices/export`: a plant's devices with their warranty.
pub async fn devices(
    ctx: PageCtx,
    CurrentUser(me): CurrentUser,
    Path(id): Path<u64>,
    Query(f): Query<FormatQuery>,
) -> Result<Response> {
    let format = f.format()?;
    let state = &ctx.state;
    let export = use_case::devices(state.core.clone(), state.search.clone(), me.actor, id)?
        .ok_or(AppError::NotFound)?;
    respond(&ctx, export, format)
}

/// What the writer hands the response: a piece of the file, or the error that cut it
/// short (the client then sees an incomplete transfer, never a file that looks whole).
type Piece = std::result::Result<Bytes, std::io::Error>;

/// Starts writing `export` as `format` and answers with the file as it is made.
fn respond(ctx: &PageCtx, export: Export, format: FileFormat) -> Result<Response> {
    let words = Words::new(ctx.page.clone(), export.for_staff());
    let name = file_name(
        &ctx.page,
        export.list,
        format,
        &ctx.state.core.today().to_string(),
    );
    let (tx, mut rx) = mpsc::channel::<Piece>(4);
    tokio::task::spawn_blocking(move || {
        let written = match format {
            FileFormat::Csv => write_csv(export, words, &tx),
            FileFormat::Xlsx => write_xlsx(export, words, &tx),
        };
        if let Err(e) = written
            && !matches!(e, Stop::Gone)
        {
            tracing::warn!(error = %e, "an export was cut short");
            let _ = tx.blocking_send(Err(std::io::Error::other("export failed")));
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&upload::content_disposition(&name)).map_err(AppError::internal)?,
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// Why writing an export stopped early.
#[derive(Debug, thiserror::Error)]
enum Stop {
    /// The client went away.
    #[error("the client went away")]
    Gone,
    #[error(transparent)]
    Read(#[from] crate::service::Failure),
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

fn send(tx: &mpsc::Sender<Piece>, bytes: Vec<u8>) -> std::result::Result<(), Stop> {
    if bytes.is_empty() {
        return Ok(());
    }
    tx.blocking_send(Ok(Bytes::from(bytes)))
        .map_err(|_| Stop::Gone)
}

fn write_csv(
    mut export: Export,
    words: Words,
    tx: &mpsc::Sender<Piece>,
) -> std::result::Result<(), Stop> {
    let file = CsvFile::new(words);
    send(tx, file.head(&export.columns()))?;
    while let Some(rows) = export.next_batch()? {
        send(tx, file.rows(&rows))?;
    }
    Ok(())
}

fn write_xlsx(
    mut export: Export,
    words: Words,
    tx: &mpsc::Sender<Piece>,
) -> std::result::Result<(), Stop> {
    let mut file = XlsxFile::new(words, export.list, &export.columns())?;
    while let Some(rows) = export.next_batch()? {
        if tx.is_closed() {
            return Err(Stop::Gone);
        }
        file.push(&rows)?;
    }
    let mut out = Chunks {
        tx,
        buffer: Vec::with_capacity(Chunks::SIZE),
    };
    file.finish(&mut out)?;
    out.flush().map_err(|_| Stop::Gone)
}

/// A writer that hands what it is given to the response in pieces of 64 KiB.
struct Chunks<'a> {
    tx: &'a mpsc::Sender<Piece>,
    buffer: Vec<u8>,
}

impl Chunks<'_> {
    const SIZE: usize = 64 * 1024;
}

impl Write for Chunks<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= Self::SIZE {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let bytes = std::mem::replace(&mut self.buffer, Vec::with_capacity(Self::SIZE));
        send(self.tx, bytes).map_err(|_| std::io::Error::other("the client went away"))
    }
}
