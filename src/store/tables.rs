//! Every redb table of the store, declared once. Names carry a version suffix so a
//! migration can create a new layout beside the old one.
//!
//! Values are `&[u8]` encoded by [`super::codec`]; keys are redb's own types so their
//! order is the order lists are shown in. The tables of records are [`Records`]: their
//! name, the type they store and their numbering are declared here once.

use super::engine::{StoredKey, TableDefinition};

use super::records::Records;

/// Key: setting name (`schema_version`). Value: number.
pub const META: TableDefinition<&str, u64> = TableDefinition::new("meta_v1");

/// Key: what a secret is for (e.g. `decoy-questions`). Value: 32 random bytes made on
/// first use and kept for the life of the instance.
pub const INSTANCE_SECRETS: TableDefinition<&str, [u8; 32]> =
    TableDefinition::new("instance_secrets_v1");

/// Key: migration name. Value: unix time (seconds) it was applied.
pub const MIGRATIONS_APPLIED: TableDefinition<&str, u64> =
    TableDefinition::new("migrations_applied_v1");

/// Key: mail id (increasing). Value: codec-encoded [`super::mail_queue::QueuedMail`].
/// Sent mail stays here as the record of what was sent.
pub const MAIL: Records<u64, super::mail_queue::QueuedMail> = Records::new("mail_v1");

/// Key: (next attempt, unix seconds; mail id). Value: unit. The mails still to deliver,
/// in the order they are due: the delivery worker reads only this.
pub const MAIL_PENDING: TableDefinition<(u64, u64), ()> = TableDefinition::new("mail_pending_v1");

/// Key: user id. Value: codec-encoded [`super::users::User`].
pub const USERS: Records<u64, super::users::User> = Records::new("users_v1");

/// Key: normalized e-mail. Value: user id. One login per person.
pub const USER_BY_EMAIL: TableDefinition<&str, u64> = TableDefinition::new("user_by_email_v1");

/// Key: company id. Value: codec-encoded [`super::companies::Company`].
pub const COMPANIES: Records<u64, super::companies::Company> = Records::new("companies_v1");

/// Key: folded "name|postal code|country". Value: company id. Finds an already registered
/// company case- and accent-insensitively.
pub const COMPANY_BY_KEY: TableDefinition<&str, u64> = TableDefinition::new("company_by_key_v1");

/// Key: (company id, user id). Value: unit. The company's members.
pub const COMPANY_MEMBERS: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("company_members_v1");

/// Key: SHA-256 of the session token. Value: codec-encoded [`super::sessions::Session`].
pub const SESSIONS: Records<[u8; 32], super::sessions::Session> = Records::new("sessions_v1");

/// Key: SHA-256 of the session token. Value: codec-encoded
/// [`super::sessions::SessionOrigin`]: the browser and address a session was started from.
pub const SESSION_ORIGINS: Records<[u8; 32], super::sessions::SessionOrigin> =
    Records::new("session_origins_v1");

/// Key: (user id, SHA-256 of the session token). Value: unit. Ends all of a user's sessions.
pub const USER_SESSIONS: TableDefinition<(u64, [u8; 32]), ()> =
    TableDefinition::new("user_sessions_v1");

/// Key: SHA-256 of an e-mailed token. Value: codec-encoded [`super::tokens::Token`]
/// (confirmation and password-reset links). Used tokens stay, marked, so a second click
/// gets "already used" rather than "unknown".
pub const TOKENS: Records<[u8; 32], super::tokens::Token> = Records::new("tokens_v1");

/// Key: invitation id. Value: codec-encoded [`super::invitations::Invitation`].
pub const INVITATIONS: Records<u64, super::invitations::Invitation> =
    Records::new("invitations_v1");

/// Key: SHA-256 of the invitation link's token. Value: invitation id.
pub const INVITATION_BY_TOKEN: TableDefinition<[u8; 32], u64> =
    TableDefinition::new("invitation_by_token_v1");

/// Key: (company id, invitation id). Value: unit. A company's invitations.
pub const COMPANY_INVITATIONS: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("company_invitations_v1");

/// Key: (installer's user id, plant id). Value: unit. The plants an administrator
/// assigned to an installer (filled by the plants area).
pub const ASSIGNMENTS_BY_USER: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("assignments_by_user_v1");

/// Key: plant id. Value: codec-encoded [`super::plants::Plant`].
pub const PLANTS: Records<u64, super::plants::Plant> = Records::new("plants_v1");

/// Key: (company id, plant id). Value: unit. The plants a company keeps.
pub const COMPANY_PLANTS: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("company_plants_v1");

/// Key: (operator's normalized e-mail, plant id). Value: unit. The plants that name an
/// operator; an operator account with that e-mail sees them.
pub const OPERATOR_PLANTS: TableDefinition<(&str, u64), ()> =
    TableDefinition::new("operator_plants_v1");

/// Key: (plant id, installer's user id). Value: unit. Who a plant is assigned to (the
/// other direction of [`ASSIGNMENTS_BY_USER`]).
pub const PLANT_ASSIGNEES: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("plant_assignees_v1");

/// Key: device id. Value: codec-encoded [`super::devices::Device`].
pub const DEVICES: Records<u64, super::devices::Device> = Records::new("devices_v1");

/// Key: serial number. Value: device id. A serial is registered once per instance.
pub const DEVICE_BY_SERIAL: TableDefinition<u32, u64> = TableDefinition::new("device_by_serial_v1");

/// Key: (plant id, device id). Value: unit. A plant's devices.
pub const PLANT_DEVICES: TableDefinition<(u64, u64), ()> = TableDefinition::new("plant_devices_v1");

/// Key: document id. Value: codec-encoded [`super::documents::Document`].
pub const DOCUMENTS: Records<u64, super::documents::Document> = Records::new("documents_v1");

/// Key: (document id, chunk number). Value: up to 256 KiB of the file. Files live in
/// the database so the data directory stays one file plus the index.
pub const DOCUMENT_CHUNKS: TableDefinition<(u64, u32), &[u8]> =
    TableDefinition::new("document_chunks_v1");

/// Key: (plant id, document id). Value: unit. A plant's documents.
pub const PLANT_DOCUMENTS: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("plant_documents_v1");

/// Key: ticket id. Value: codec-encoded [`super::tickets::Ticket`].
pub const TICKETS: Records<u64, super::tickets::Ticket> = Records::new("tickets_v1");

/// Key: ticket id. Value: codec-encoded [`super::ticket_list::TicketRow`], what a list
/// row shows of the ticket; derived, written with the list entries (migration 0012).
pub const TICKET_ROWS: Records<u64, super::ticket_list::TicketRow> = Records::new("ticket_rows_v1");

/// Key: year. Value: the last ticket sequence number given out that year.
pub const TICKET_SEQUENCE: TableDefinition<u32, u64> = TableDefinition::new("ticket_sequence_v1");

/// Key: ticket number (`2026-000123`). Value: ticket id.
pub const TICKET_BY_NUMBER: TableDefinition<&str, u64> =
    TableDefinition::new("ticket_by_number_v1");

/// Key: (scope, order, sort key, ticket id). Value: (kind and status in one byte, last
/// update), see `store::ticket_list`. Replaced by [`TICKET_LIST`] (migration 0002);
/// declared so the migration can delete it.
pub const TICKET_LIST_V1: TableDefinition<(u64, u8, u64, u64), (u8, u64)> =
    TableDefinition::new("ticket_list_v1");

/// (scope, order, sort key, ticket id): the key of [`TICKET_LIST`].
pub type ListKey = (u64, u8, u64, u64);

/// Key: (scope, order, sort key, ticket id). Value: (kind and status in one byte, last
/// update, waiting since), see `store::ticket_list`. Every list of tickets in every order
/// it is shown in: the scope is a company, a requester, an assignee or everything; the
/// order is last update, number, status or waiting time. Pages are read by key, never by
/// offset.
pub const TICKET_LIST: TableDefinition<ListKey, (u8, u64, u64)> =
    TableDefinition::new("ticket_list_v2");

/// Key: week (Monday-based weeks since 1970). Value: (tickets opened, tickets closed)
/// that week, counted when it happens (the service desk's chart).
pub const TICKET_WEEKS: TableDefinition<u32, (u64, u64)> = TableDefinition::new("ticket_weeks_v1");

/// Key: audit entry id (increasing). Value: codec-encoded [`super::audit::Entry`].
/// Append-only.
pub const AUDIT: Records<u64, super::audit::Entry> = Records::new("audit_v1");

/// Key: (user id, audit entry id). Value: unit. Entries by or about an account.
pub const AUDIT_BY_USER: TableDefinition<(u64, u64), ()> = TableDefinition::new("audit_by_user_v1");

/// Key: (event code, audit entry id). Value: unit. Entries of one kind.
pub const AUDIT_BY_EVENT: TableDefinition<(u8, u64), ()> =
    TableDefinition::new("audit_by_event_v1");

/// Key: SHA-256 of an e-mail change link's token. Value: the new address it confirms
/// (the token itself, with its expiry, is in [`TOKENS`]).
pub const PENDING_EMAIL: TableDefinition<[u8; 32], &str> = TableDefinition::new("pending_email_v1");

/// Key: (ticket id, attachment number, chunk number). Value: up to 256 KiB of the file.
pub const TICKET_ATTACHMENT_CHUNKS: TableDefinition<(u64, u32, u32), &[u8]> =
    TableDefinition::new("ticket_attachment_chunks_v1");

/// Key: a former serial number. Value: the device that carried it before a swap.
pub const DEVICE_BY_FORMER_SERIAL: TableDefinition<u32, u64> =
    TableDefinition::new("device_by_former_serial_v1");

/// Key: (plant id, ticket id). Value: unit. The tickets about a plant.
pub const TICKETS_BY_PLANT: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("tickets_by_plant_v1");

/// Key: import id (increasing). Value: codec-encoded [`super::imports::ImportRecord`]: an
/// uploaded Sunny Portal export, its preview and what it did.
pub const IMPORTS: Records<u64, super::imports::ImportRecord> = Records::new("imports_v1");

/// Key: (owner: company id << 1, or operator's user id << 1 | 1; the Sunny Portal plant
/// id). Value: plant id. A re-import updates the plant instead of adding another.
pub const PLANT_BY_PORTAL_ID: TableDefinition<(u64, &str), u64> =
    TableDefinition::new("plant_by_portal_id_v1");

/// Key: change number (increasing). Value: ticket id. The search index's feed: every
/// write that changes what the index keeps of a ticket records the ticket here in its own
/// transaction; the indexer applies the feed in order and prunes what it has committed.
/// The last number given out is `index_feed_last` in [`META`].
pub const INDEX_FEED: TableDefinition<u64, u64> = TableDefinition::new("index_feed_v1");

/// Key: (kind code, status code). Value: how many tickets are of that kind in that state
/// now, kept as tickets change (the service desk's counts; migration 0005 fills it).
pub const TICKET_STATE_COUNTS: TableDefinition<(u8, u8), u64> =
    TableDefinition::new("ticket_state_counts_v1");

/// Key: user id of a service-team account (removed ones included). Value: unit. The
/// service team without reading every account (migration 0006 fills it).
pub const STAFF_USERS: TableDefinition<u64, ()> = TableDefinition::new("staff_users_v1");

/// Key: (status code, when the ticket entered that state, ticket id). Value: unit. Every
/// ticket by the state it is in, longest in it first (the service desk's overdue
/// returns); kept as tickets change, filled by migration 0007.
pub const TICKETS_BY_STATE: TableDefinition<(u8, u64, u64), ()> =
    TableDefinition::new("tickets_by_state_v1");

/// Key: (user id, token kind code, SHA-256 of the token). Value: unit. A user's unused
/// tokens of a kind, so that a new reset link can end the older ones (migration 0008
/// fills it; a token leaves it when it is used or ended).
pub const USER_TOKENS: TableDefinition<(u64, u8, [u8; 32]), ()> =
    TableDefinition::new("user_tokens_v1");

/// Key: user id. Value: codec-encoded [`super::two_factor::TwoStep`]: the account's
/// authenticator secret, the last step a code was accepted for and its recovery codes'
/// hashes (migration 0010 creates it).
pub const TWO_FACTOR: Records<u64, super::two_factor::TwoStep> = Records::new("two_factor_v1");

/// Key: mail id. Value: the ticket whose thread the message belongs to (migration 0011):
/// it is sent with that thread's Message-ID headers and reply address.
pub const MAIL_THREADS: TableDefinition<u64, u64> = TableDefinition::new("mail_threads_v1");

/// Key: id of a sent message that came back (a delivery status report named it), for the
/// service desk's list of returned mail (migration 0011).
pub const MAIL_RETURNED: TableDefinition<u64, ()> = TableDefinition::new("mail_returned_v1");

/// Key: SHA-256 of an incoming message's Message-ID (of the whole message when it has
/// none). Value: when it was processed. A message seen here is never processed again.
pub const INBOX_SEEN: TableDefinition<[u8; 32], u64> = TableDefinition::new("inbox_seen_v1");

/// Key: held message id. Value: codec-encoded [`super::inbox::HeldMessage`]: an incoming
/// message that could not be turned into a request, kept aside in the mail source.
pub const INBOX_HELD: Records<u64, super::inbox::HeldMessage> = Records::new("inbox_held_v1");

/// Key: SHA-256 of a personal access token. Value: codec-encoded
/// [`super::api_tokens::ApiToken`] (migration 0013 creates it).
pub const API_TOKENS: Records<[u8; 32], super::api_tokens::ApiToken> =
    Records::new("api_tokens_v1");

/// Key: (user id, SHA-256 of the token). Value: unit. A person's access tokens.
pub const USER_API_TOKENS: TableDefinition<(u64, [u8; 32]), ()> =
    TableDefinition::new("user_api_tokens_v1");

/// Key: endpoint id. Value: codec-encoded [`super::webhooks::Endpoint`] (migration 0014).
pub const WEBHOOKS: Records<u64, super::webhooks::Endpoint> = Records::new("webhooks_v1");

/// Key: delivery id. Value: codec-encoded [`super::webhooks::Delivery`]: one event for one
/// endpoint, kept with its last attempt.
pub const WEBHOOK_DELIVERIES: Records<u64, super::webhooks::Delivery> =
    Records::new("webhook_deliveries_v1");

/// Key: (next attempt, unix seconds; delivery id). Value: unit. The deliveries still to
/// make, in the order they are due: the delivery worker reads only this.
pub const WEBHOOK_PENDING: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("webhook_pending_v1");

/// Key: (endpoint id, delivery id). Value: unit. An endpoint's deliveries.
pub const ENDPOINT_DELIVERIES: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("webhook_endpoint_deliveries_v1");

/// Key: saved reply id. Value: codec-encoded [`super::saved_replies::SavedReply`]
/// (migration 0015).
pub const SAVED_REPLIES: Records<u64, super::saved_replies::SavedReply> =
    Records::new("saved_replies_v1");

/// Key: user id. Value: unit. The people who turned the weekly warranty reminders off
/// (migration 0016).
pub const REMINDER_OPT_OUTS: TableDefinition<u64, ()> =
    TableDefinition::new("reminder_opt_outs_v1");

/// Key: (user id, ISO year × 100 + week). Value: when the week's warranty reminder was
/// queued for them.
pub const REMINDERS_SENT: TableDefinition<(u64, u32), u64> =
    TableDefinition::new("warranty_reminders_sent_v1");

/// Key: 0. Value: codec-encoded [`crate::domain::service_levels::Schedule`], every
/// version of the service levels (migration 0017).
pub const SERVICE_LEVELS: Records<u64, crate::domain::service_levels::Schedule> =
    Records::new("service_levels_v1");

/// Key: ticket id. Value: the ticket's key in the lists by due time
/// ([`super::ticket_list::Order::Due`]), as the service levels of its last write decided
/// it, so its entries are found to be removed (migration 0018).
pub const TICKET_DUE_KEYS: TableDefinition<u64, u64> = TableDefinition::new("ticket_due_keys_v1");

/// Key: (ticket id, due time). Value: unit. The due times the service team was warned
/// of in a digest of requests about to breach (migration 0018).
pub const SLA_WARNED: TableDefinition<(u64, u64), ()> = TableDefinition::new("sla_warned_v1");

/// Key: (clock: 0 first response, 1 resolution; week number; business seconds it took;
/// ticket id). Value: unit. The service-level clocks that stopped, by week, in the order
/// of the time they took: the dashboard reads a week's median and 90th percentile from
/// it (migration 0018).
pub const SLA_TIMES: TableDefinition<(u8, u32, u64, u64), ()> =
    TableDefinition::new("sla_times_v1");

/// Something done to every table of the store, whatever its key and value types (the
/// backup copies each one, the restore counts each one).
pub trait TableVisitor {
    /// Visits one table.
    fn visit<K: StoredKey, V: redb::Value + 'static>(
        &mut self,
        table: TableDefinition<'static, K, V>,
    ) -> Result<(), super::StoreError>;
}

/// The names of every table [`visit_every_table`] visits (the PostgreSQL engine registers
/// them at start-up, so no write transaction has to).
pub fn names() -> Result<Vec<String>, super::StoreError> {
    struct Names(Vec<String>);
    impl TableVisitor for Names {
        fn visit<K: StoredKey, V: redb::Value + 'static>(
            &mut self,
            table: TableDefinition<'static, K, V>,
        ) -> Result<(), super::StoreError> {
            use super::engine::TableHandle as _;
            self.0.push(table.name().to_owned());
            Ok(())
        }
    }
    let mut names = Names(Vec::new());
    visit_every_table(&mut names)?;
    Ok(names.0)
}

/// Visits every table declared above. A table added to this module is added here too:
/// the backup refuses a store holding a table this list does not name, so a forgotten
/// one fails loudly (and its test) instead of being left out of every backup.
pub fn visit_every_table(v: &mut impl TableVisitor) -> Result<(), super::StoreError> {
    v.visit(META)?;
    v.visit(INSTANCE_SECRETS)?;
    v.visit(MIGRATIONS_APPLIED)?;
    v.visit(MAIL.def())?;
    v.visit(MAIL_PENDING)?;
    v.visit(USERS.def())?;
    v.visit(USER_BY_EMAIL)?;
    v.visit(COMPANIES.def())?;
    v.visit(COMPANY_BY_KEY)?;
    v.visit(COMPANY_MEMBERS)?;
    v.visit(SESSIONS.def())?;
    v.visit(SESSION_ORIGINS.def())?;
    v.visit(USER_SESSIONS)?;
    v.visit(TOKENS.def())?;
    v.visit(INVITATIONS.def())?;
    v.visit(INVITATION_BY_TOKEN)?;
    v.visit(COMPANY_INVITATIONS)?;
    v.visit(ASSIGNMENTS_BY_USER)?;
    v.visit(PLANTS.def())?;
    v.visit(COMPANY_PLANTS)?;
    v.visit(OPERATOR_PLANTS)?;
    v.visit(PLANT_ASSIGNEES)?;
    v.visit(DEVICES.def())?;
    v.visit(DEVICE_BY_SERIAL)?;
    v.visit(PLANT_DEVICES)?;
    v.visit(DOCUMENTS.def())?;
    v.visit(DOCUMENT_CHUNKS)?;
    v.visit(PLANT_DOCUMENTS)?;
    v.visit(TICKETS.def())?;
    v.visit(TICKET_SEQUENCE)?;
    v.visit(TICKET_BY_NUMBER)?;
    v.visit(TICKET_LIST_V1)?;
    v.visit(TICKET_LIST)?;
    v.visit(TICKET_WEEKS)?;
    v.visit(AUDIT.def())?;
    v.visit(AUDIT_BY_USER)?;
    v.visit(AUDIT_BY_EVENT)?;
    v.visit(PENDING_EMAIL)?;
    v.visit(TICKET_ATTACHMENT_CHUNKS)?;
    v.visit(DEVICE_BY_FORMER_SERIAL)?;
    v.visit(TICKETS_BY_PLANT)?;
    v.visit(IMPORTS.def())?;
    v.visit(PLANT_BY_PORTAL_ID)?;
    v.visit(INDEX_FEED)?;
    v.visit(TICKET_STATE_COUNTS)?;
    v.visit(STAFF_USERS)?;
    v.visit(TICKETS_BY_STATE)?;
    v.visit(TICKET_ROWS.def())?;
    v.visit(USER_TOKENS)?;
    v.visit(TWO_FACTOR.def())?;
    v.visit(MAIL_THREADS)?;
    v.visit(MAIL_RETURNED)?;
    v.visit(INBOX_SEEN)?;
    v.visit(INBOX_HELD.def())?;
    v.visit(API_TOKENS.def())?;
    v.visit(USER_API_TOKENS)?;
    v.visit(WEBHOOKS.def())?;
    v.visit(WEBHOOK_DELIVERIES.def())?;
    v.visit(WEBHOOK_PENDING)?;
    v.visit(ENDPOINT_DELIVERIES)?;
    v.visit(SAVED_REPLIES.def())?;
    v.visit(REMINDER_OPT_OUTS)?;
    v.visit(REMINDERS_SENT)?;
    v.visit(SERVICE_LEVELS.def())?;
    v.visit(TICKET_DUE_KEYS)?;
    v.visit(SLA_WARNED)?;
    v.visit(SLA_TIMES)
}
