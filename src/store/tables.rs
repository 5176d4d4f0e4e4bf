//! Every redb table of the store, declared once. Names carry a version suffix so a
//! migration can create a new layout beside the old one.
//!
//! Values are `&[u8]` encoded by [`super::codec`]; keys are redb's own types so their
//! order is the order lists are shown in.

use redb::TableDefinition;

/// Key: setting name (`schema_version`). Value: number.
pub const META: TableDefinition<&str, u64> = TableDefinition::new("meta_v1");

/// Key: migration name. Value: unix time (seconds) it was applied.
pub const MIGRATIONS_APPLIED: TableDefinition<&str, u64> =
    TableDefinition::new("migrations_applied_v1");

/// Key: mail id (increasing). Value: codec-encoded [`super::mail_queue::QueuedMail`].
/// Sent mail stays here as the record of what was sent.
pub const MAIL: TableDefinition<u64, &[u8]> = TableDefinition::new("mail_v1");

/// Key: (next attempt, unix seconds; mail id). Value: unit. The mails still to deliver,
/// in the order they are due: the delivery worker reads only this.
pub const MAIL_PENDING: TableDefinition<(u64, u64), ()> = TableDefinition::new("mail_pending_v1");
