//! The files lists export as, and the links that ask for them.
//!
//! - CSV: UTF-8 with a byte order mark (so spreadsheet programs read it as UTF-8), `;`
//!   between fields for French and German (whose spreadsheets take the comma as the
//!   decimal mark) and `,` for English; the headings in the reader's language; a field
//!   that would start a formula (`=`, `+`, `-`, `@`) is prefixed with `'` so a subject a
//!   customer typed never runs in someone's spreadsheet.
//! - XLSX: `rust_xlsxwriter` in its constant-memory mode: each row goes to a temporary
//!   file as it comes, and the workbook is zipped at the end straight into the response.
//!   Dates and times are real dates (UTC), counts real numbers.

use std::io::Write;

use maud::{Markup, html};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::PageCtx;
use super::format;
use crate::domain::ticket::{TicketKind, TicketStatus};
use crate::i18n::{Lang, args};

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as stored.
    Text(String),
    /// A count or an id.
    Number(u64),
    /// A calendar date (`YYYY-MM-DD`).
    Date(String),
    /// An instant (Unix seconds), written in UTC.
    Time(u64),
    /// A request's state, in the reader's words.
    Status(TicketStatus),
    /// A request's kind, in the reader's words.
    Kind(TicketKind),
    /// A country's ISO code, written as its name.
    Country(String),
    /// A message id, translated when written.
    Word(&'static str),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or nothing when it is empty.
    pub fn text(s: &str) -> Self {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    }
}

/// The lists that export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Ticket Tracking (`/tickets`).
    Tracking,
    /// The service desk's queue (`/service/tickets`).
    Queue,
    /// The plant overview (`/plants`).
    Plants,
    /// A plant's devices (`/plants/{id}`).
    Devices,
}

impl List {
    /// The message ids of the columns' headings, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            List::Tracking => &[
                "ticket-number",
                "ticket-subject",
                "ticket-kind",
                "ticket-requester",
                "device-serial",
                "ticket-status",
                "ticket-updated",
            ],
            List::Queue => &[
                "ticket-number",
                "ticket-subject",
                "ticket-kind",
                "service-company",
                "ticket-requester",
                "field-email",
                "device-serial",
                "ticket-status",
                "service-assignee",
                "export-waiting-since",
                "ticket-updated",
            ],
            List::Plants => &[
                "plant-name",
                "field-street",
                "field-postal-code",
                "field-city",
                "field-country",
                "plant-operator",
                "plants-col-assignees",
                "devices",
                "export-warranties-ending",
                "plants-col-open-tickets",
            ],
            List::Devices => &[
                "device-serial",
                "device-product",
                "export-model",
                "export-category",
                "device-name",
                "subplant",
                "device-purchase-date",
                "plant-commissioning",
                "export-warranty-end",
                "device-warranty",
                "export-extended",
            ],
        }
    }

    /// The message id of the file's name (without its extension).
    pub fn file_name(self) -> &'static str {
        match self {
            List::Tracking => "export-file-tickets",
            List::Queue => "export-file-queue",
            List::Plants => "export-file-plants",
            List::Devices => "export-file-devices",
        }
    }
}

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// The format a link's `format` names (`csv`, `xlsx`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "csv" => Some(FileFormat::Csv),
            "xlsx" => Some(FileFormat::Xlsx),
            _ => None,
        }
    }

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
        }
    }

    /// The response's content type.
    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Csv => "text/csv; charset=utf-8",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The name of the file `list` exports as on `today` (`YYYY-MM-DD`), in the reader's
/// language: `anfragen-2026-12-03.csv`.
pub fn file_name(ctx: &PageCtx, list: List, format: FileFormat, today: &str) -> String {
    format!("{}-{today}.{}", ctx.t(list.file_name()), format.extension())
}

/// The export links under a list; `base` is the list's own link with its filters (and
/// a query string), to which the format is added.
pub fn links(ctx: &PageCtx, export_path: &str, query: &str) -> Markup {
    let href = |f: &str| {
        if query.is_empty() {
            format!("{export_path}?format={f}")
        } else {
            format!("{export_path}?{query}&format={f}")
        }
    };
    html! {
        p.export-links.no-print {
            (ctx.t("export-heading")) ": "
            a href=(href("csv")) download aria-label=(ctx.t("export-csv-label")) { (ctx.t("export-csv")) }
            " · "
            a href=(href("xlsx")) download aria-label=(ctx.t("export-xlsx-label")) { (ctx.t("export-xlsx")) }
        }
    }
}

/// How cells read in the reader's language.
#[derive(Debug, Clone)]
pub struct Words {
    ctx: PageCtx,
    staff: bool,
}

impl Words {
    /// The words of `ctx`'s language; `staff`: the reader is of the service team.
    pub fn new(ctx: PageCtx, staff: bool) -> Self {
        Self { ctx, staff }
    }

    /// The headings of `columns` (message ids).
    pub fn headings(&self, columns: &[&str]) -> Vec<String> {
        columns.iter().map(|id| self.ctx.t(id)).collect()
    }

    /// A cell as text.
    pub fn text(&self, cell: &Cell) -> String {
        match cell {
            Cell::Text(s) | Cell::Date(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Time(t) => format::date_time(*t),
            Cell::Status(s) => {
                if self.staff && *s == TicketStatus::WaitingForCustomer {
                    self.ctx.t("status-waiting-customer")
                } else {
                    self.ctx.t(s.message_id())
                }
            }
            Cell::Kind(k) => self.ctx.t(k.message_id()),
            Cell::Word(id) => self.ctx.t(id),
            Cell::Country(code) => super::plants::country_name(&self.ctx, code),
            Cell::Empty => String::new(),
        }
    }

    fn lang(&self) -> Lang {
        self.ctx.lang
    }
}

/// The CSV field separator for `lang`.
pub fn separator(lang: Lang) -> u8 {
    match lang {
        Lang::En => b',',
        Lang::Fr | Lang::De => b';',
    }
}

/// A field that a spreadsheet would read as a formula, made inert.
fn inert(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// A CSV file written a batch at a time.
#[derive(Debug)]
pub struct CsvFile {
    words: Words,
    separator: u8,
}

impl CsvFile {
    /// A file in `words`' language.
    pub fn new(words: Words) -> Self {
        let separator = separator(words.lang());
        Self { words, separator }
    }

    fn encode<I: IntoIterator<Item = String>>(&self, rows: impl IntoIterator<Item = I>) -> Vec<u8> {
        let mut out = csv::WriterBuilder::new()
            .delimiter(self.separator)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in rows {
            // Writing to memory only fails for a row of another length, which the
            // lists never hand out.
            let _ = out.write_record(row);
        }
        out.into_inner().unwrap_or_default()
    }

    /// The byte order mark and the headings of `columns`.
    pub fn head(&self, columns: &[&str]) -> Vec<u8> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        out.extend(self.encode([self.words.headings(columns)]));
        out
    }

    /// Rows, as lines of the file.
    pub fn rows(&self, rows: &[Vec<Cell>]) -> Vec<u8> {
        self.encode(rows.iter().map(|row| {
            row.iter()
                .map(|c| match c {
                    Cell::Text(_) => inert(self.words.text(c)),
                    _ => self.words.text(c),
                })
                .collect::<Vec<_>>()
        }))
    }
}

/// Rows an Excel worksheet holds, its heading included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;

/// An XLSX workbook of one sheet, written a batch at a time.
pub struct XlsxFile {
    workbook: Workbook,
    words: Words,
    /// The next row to write.
    row: u32,
    columns: u16,
    truncated: bool,
    date: Format,
    time: Format,
}

impl std::fmt::Debug for XlsxFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxFile").field("row", &self.row).finish()
    }
}

impl XlsxFile {
    /// A workbook whose sheet is named after `list`, with its headings in bold and
    /// frozen at the top.
    pub fn new(words: Words, list: List, columns: &[&str]) -> Result<Self, XlsxError> {
        let mut workbook = Workbook::new();
        let headings = words.headings(columns);
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        // Sheet names are at most 31 characters, without `[]:*?/\`.
        let name: String = words
            .ctx
            .t(list.file_name())
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        if !name.is_empty() {
            sheet.set_name(name)?;
        }
        let bold = Format::new().set_bold();
        for (col, heading) in (0u16..).zip(&headings) {
            sheet.write_string_with_format(0, col, heading, &bold)?;
            sheet.set_column_width(col, (heading.chars().count() as f64 + 2.0).max(12.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Self {
            workbook,
            words,
            row: 1,
            columns: u16::try_from(headings.len()).unwrap_or(u16::MAX),
            truncated: false,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        })
    }

    /// Writes `rows` below those written; past Excel's last row, notes that the sheet
    /// is cut short (the CSV file has every row).
    pub fn push(&mut self, rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
        for row in rows {
            if self.truncated {
                return Ok(());
            }
            let sheet = self.workbook.worksheet_from_index(0)?;
            if self.row == XLSX_MAX_ROWS - 1 {
                let note = self.words.ctx.t_args(
                    "export-sheet-truncated",
                    &args(&[("rows", &(XLSX_MAX_ROWS - 1).to_string())]),
                );
                sheet.write_string(self.row, 0, note)?;
                self.truncated = true;
                return Ok(());
            }
            for (col, cell) in (0u16..self.columns).zip(row) {
                let r = self.row;
                match cell {
                    Cell::Empty => {}
                    Cell::Number(n) => {
                        sheet.write_number(r, col, *n as f64)?;
                    }
                    Cell::Time(t) => match ExcelDateTime::from_timestamp(*t as i64) {
                        Ok(when) => {
                            sheet.write_datetime_with_format(r, col, &when, &self.time)?;
                        }
                        Err(_) => {
                            sheet.write_string(r, col, format::date_time(*t))?;
                        }
                    },
                    Cell::Date(d) => match ExcelDateTime::parse_from_str(d) {
                        Ok(day) => {
                            sheet.write_datetime_with_format(r, col, &day, &self.date)?;
                        }
                        Err(_) => {
                            sheet.write_string(r, col, d)?;
                        }
                    },
                    other => {
                        sheet.write_string(r, col, self.words.text(other))?;
                    }
                }
            }
            self.row += 1;
        }
        Ok(())
    }

    /// Zips the workbook into `out`.
    pub fn finish<W: Write + Send>(mut self, out: W) -> Result<(), XlsxError> {
        self.workbook.save_to_writer(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_that_would_be_a_formula_is_made_inert() {
        assert_eq!(inert("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("-1".into()), "'-1");
        assert_eq!(inert("Kein Strom".into()), "Kein Strom");
    }

    #[test]
    fn french_and_german_separate_by_semicolons_english_by_commas() {
        assert_eq!(separator(Lang::De), b';');
        assert_eq!(separator(Lang::Fr), b';');
        assert_eq!(separator(Lang::En), b',');
    }
}
