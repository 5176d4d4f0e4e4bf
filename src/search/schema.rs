//! The index's schema: which ticket fields are searchable and how they are analysed.
//!
//! Bump [`SCHEMA_VERSION`] on any change here: an index of another version is rebuilt
//! from the store at start-up.

use tantivy::Index;
use tantivy::schema::{FAST, Field, INDEXED, STORED, STRING, Schema, TEXT};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};

/// Version of the schema below.
pub const SCHEMA_VERSION: u32 = 6;

/// Ticket id (fast field: hits are turned into ids without touching the doc store).
pub const TICKET_ID: &str = "ticket_id";
/// Owning company (0 for tickets of people without a company).
pub const COMPANY: &str = "company";
/// Requesting user.
pub const REQUESTER: &str = "requester";
/// Human-readable ticket number, e.g. `2026-000123`.
pub const NUMBER: &str = "number";
/// Device serial numbers the ticket concerns, current and former.
pub const SERIALS: &str = "serials";
/// Customer names: requester, company, plant operator.
pub const NAMES: &str = "names";
/// The names again, each word in each of its spellings prefixed with the company
/// (`836:baumann`): a company's search reads only its own postings of a name, and its
/// prefixes and typos walk only its own names in the term dictionary.
pub const COMPANY_NAMES: &str = "company_names";
/// Subject and messages.
pub const BODY: &str = "body";
/// Last update, unix seconds (fast field for sorting and the visibility window).
pub const UPDATED: &str = "updated";
/// Until when a customer sees the ticket without searching the past: its last update,
/// or the end of time while it is open (open tickets always show). The visibility
/// window is then one range over this fast field.
pub const HORIZON: &str = "horizon";

/// Name of the tokenizer that folds case and accents (`Müller` → `muller`).
pub const FOLDED: &str = "folded";

/// Handles to every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub ticket_id: Field,
    pub company: Field,
    pub requester: Field,
    pub number: Field,
    pub serials: Field,
    pub names: Field,
    pub company_names: Field,
    pub body: Field,
    pub updated: Field,
    pub horizon: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let folded = tantivy::schema::TextOptions::default().set_indexing_options(
        tantivy::schema::TextFieldIndexing::default()
            .set_tokenizer(FOLDED)
            // Names are matched word by word, never as phrases, and how often a name occurs
            // says nothing of relevance: documents only, so equal scores let the top
            // hits be found without scoring every match.
            .set_index_option(tantivy::schema::IndexRecordOption::Basic),
    );
    let mut b = Schema::builder();
    let fields = Fields {
        ticket_id: b.add_u64_field(TICKET_ID, INDEXED | FAST | STORED),
        company: b.add_u64_field(COMPANY, INDEXED | FAST),
        requester: b.add_u64_field(REQUESTER, INDEXED | FAST),
        number: b.add_text_field(NUMBER, STRING),
        serials: b.add_text_field(SERIALS, STRING),
        names: b.add_text_field(NAMES, folded),
        company_names: b.add_text_field(COMPANY_NAMES, STRING),
        body: b.add_text_field(BODY, TEXT),
        updated: b.add_i64_field(UPDATED, INDEXED | FAST),
        horizon: b.add_i64_field(HORIZON, FAST),
    };
    (b.build(), fields)
}

impl Fields {
    /// Looks the fields up in an existing index's schema.
    pub fn of(schema: &Schema) -> tantivy::Result<Self> {
        Ok(Self {
            ticket_id: schema.get_field(TICKET_ID)?,
            company: schema.get_field(COMPANY)?,
            requester: schema.get_field(REQUESTER)?,
            number: schema.get_field(NUMBER)?,
            serials: schema.get_field(SERIALS)?,
            names: schema.get_field(NAMES)?,
            company_names: schema.get_field(COMPANY_NAMES)?,
            body: schema.get_field(BODY)?,
            updated: schema.get_field(UPDATED)?,
            horizon: schema.get_field(HORIZON)?,
        })
    }
}

/// Registers the custom tokenizers the schema refers to.
pub fn register_tokenizers(index: &Index) {
    let folded = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(FOLDED, folded);
}
