//! Service tickets as the product knows them: kinds, contact topics, states and the
//! transitions allowed between them (docs/domain.md, "Replacement"), and the human-readable number.

use super::FieldError;

crate::codes::stored_codes! {
    /// What a ticket is about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TicketKind {
        /// A question or request to the service team.
        Contact = 0 => "Contact",
        /// A failed device to be replaced.
        Replacement = 1 => "Replacement",
        /// An order for a warranty extension.
        WarrantyExtension = 2 => "WarrantyExtension",
        /// An information sheet for a system that cannot be registered.
        InfoSheet = 3 => "InfoSheet",
    }
}

impl TicketKind {
    /// Every kind, in the order of their codes.
    pub const ALL: [TicketKind; 4] = [
        TicketKind::Contact,
        TicketKind::Replacement,
        TicketKind::WarrantyExtension,
        TicketKind::InfoSheet,
    ];

    /// A small stable number for list indexes: the stored code.
    pub fn code(self) -> u8 {
        self.stored_code()
    }

    /// The kind's value in links and forms.
    pub fn slug(self) -> &'static str {
        match self {
            TicketKind::Contact => "contact",
            TicketKind::Replacement => "replacement",
            TicketKind::WarrantyExtension => "warranty",
            TicketKind::InfoSheet => "info-sheet",
        }
    }

    /// The kind of a slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The message id of the kind's name.
    pub fn message_id(self) -> &'static str {
        match self {
            TicketKind::Contact => "ticket-kind-contact",
            TicketKind::Replacement => "ticket-kind-replacement",
            TicketKind::WarrantyExtension => "ticket-kind-warranty",
            TicketKind::InfoSheet => "ticket-kind-info-sheet",
        }
    }

    /// The state the service team works on a ticket of this kind in (a customer's answer
    /// to "waiting for you" moves it back there).
    pub fn working(self) -> TicketStatus {
        match self {
            TicketKind::Replacement => TicketStatus::InReview,
            _ => TicketStatus::InProgress,
        }
    }

    /// The state a new ticket of this kind starts in.
    pub fn initial(self) -> TicketStatus {
        match self {
            TicketKind::Replacement => TicketStatus::Submitted,
            _ => TicketStatus::New,
        }
    }
}

/// Topics of a contact request.
pub const TOPICS: [&str; 5] = ["general", "technical", "login", "account", "other"];

/// Parses a contact topic; returns whether it needs a serial number (technical).
pub fn parse_topic(value: &str) -> Result<&'static str, FieldError> {
    if value.trim().is_empty() {
        return Err("field-choose");
    }
    TOPICS
        .iter()
        .copied()
        .find(|t| *t == value.trim())
        .ok_or("ticket-topic-unknown")
}

crate::codes::stored_codes! {
    /// Where a ticket stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TicketStatus {
        /// Contact request received.
        New = 0 => "New",
        /// Replacement request received.
        Submitted = 1 => "Submitted",
        /// Someone of the service team works on it.
        InProgress = 2 => "InProgress",
        /// The service team reviews a replacement request.
        InReview = 3 => "InReview",
        /// The service team waits for an answer from the customer.
        WaitingForCustomer = 4 => "WaitingForCustomer",
        /// Replacement approved.
        Approved = 5 => "Approved",
        /// Replacement refused.
        Rejected = 6 => "Rejected",
        /// The replacement device is on its way.
        Shipped = 7 => "Shipped",
        /// The failed device is to be picked up.
        AwaitingReturn = 8 => "AwaitingReturn",
        /// Done.
        Closed = 9 => "Closed",
    }
}

impl TicketStatus {
    /// Every state, in the order of their codes.
    pub const ALL: [TicketStatus; 10] = [
        TicketStatus::New,
        TicketStatus::Submitted,
        TicketStatus::InProgress,
        TicketStatus::InReview,
        TicketStatus::WaitingForCustomer,
        TicketStatus::Approved,
        TicketStatus::Rejected,
        TicketStatus::Shipped,
        TicketStatus::AwaitingReturn,
        TicketStatus::Closed,
    ];

    /// A small stable number for list indexes: the stored code.
    pub fn code(self) -> u8 {
        self.stored_code()
    }

    /// The state of a code.
    pub fn from_code(code: u8) -> Option<Self> {
        Self::from_stored_code(code)
    }

    /// The state's value in links and forms.
    pub fn slug(self) -> &'static str {
        self.message_id().trim_start_matches("status-")
    }

    /// The state of a slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Place in the "by status" order: what needs the service team first, done last.
    pub fn rank(self) -> u8 {
        match self {
            TicketStatus::New | TicketStatus::Submitted => 0,
            TicketStatus::InProgress | TicketStatus::InReview => 1,
            TicketStatus::WaitingForCustomer => 2,
            TicketStatus::Approved => 3,
            TicketStatus::Shipped => 4,
            TicketStatus::AwaitingReturn => 5,
            TicketStatus::Rejected => 6,
            TicketStatus::Closed => 7,
        }
    }

    /// Whether the ticket still needs something to happen.
    pub fn is_open(self) -> bool {
        !matches!(self, TicketStatus::Closed | TicketStatus::Rejected)
    }

    /// The message id of the state's name.
    pub fn message_id(self) -> &'static str {
        match self {
            TicketStatus::New => "status-new",
            TicketStatus::Submitted => "status-submitted",
            TicketStatus::InProgress => "status-in-progress",
            TicketStatus::InReview => "status-in-review",
            TicketStatus::WaitingForCustomer => "status-waiting",
            TicketStatus::Approved => "status-approved",
            TicketStatus::Rejected => "status-rejected",
            TicketStatus::Shipped => "status-shipped",
            TicketStatus::AwaitingReturn => "status-awaiting-return",
            TicketStatus::Closed => "status-closed",
        }
    }

    /// The badge colour class: ok (done), warn (waiting for the customer), none.
    pub fn badge(self) -> &'static str {
        match self {
            TicketStatus::Closed | TicketStatus::Approved | TicketStatus::Shipped => "ok",
            TicketStatus::WaitingForCustomer | TicketStatus::AwaitingReturn => "warn",
            TicketStatus::Rejected => "bad",
            _ => "",
        }
    }
}

/// The states a ticket of `kind` may move to from `from`.
pub fn next_states(kind: TicketKind, from: TicketStatus) -> Vec<TicketStatus> {
    TicketStatus::ALL
        .into_iter()
        .filter(|to| can_move(kind, from, *to))
        .collect()
}

/// Whether a ticket of `kind` may move from `from` to `to`.
pub fn can_move(kind: TicketKind, from: TicketStatus, to: TicketStatus) -> bool {
    use TicketStatus::*;
    match kind {
        TicketKind::Replacement => matches!(
            (from, to),
            (Submitted, InReview)
                | (InReview, WaitingForCustomer)
                | (WaitingForCustomer, InReview)
                | (InReview, Approved)
                | (InReview, Rejected)
                | (Approved, Shipped)
                | (Shipped, AwaitingReturn)
                | (AwaitingReturn, Closed)
                | (Rejected, Closed)
        ),
        _ => matches!(
            (from, to),
            (New, InProgress)
                | (InProgress, WaitingForCustomer)
                | (WaitingForCustomer, InProgress)
                | (InProgress, Closed)
                | (WaitingForCustomer, Closed)
        ),
    }
}

/// The ticket number shown to people: year and a six-digit sequence, `2026-000123`.
pub fn number(year: i32, sequence: u64) -> String {
    format!("{year}-{sequence:06}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use TicketStatus::*;

    #[test]
    fn replacement_states_follow_the_domain() {
        let k = TicketKind::Replacement;
        for (a, b) in [
            (Submitted, InReview),
            (InReview, WaitingForCustomer),
            (WaitingForCustomer, InReview),
            (InReview, Approved),
            (Approved, Shipped),
            (Shipped, AwaitingReturn),
            (AwaitingReturn, Closed),
            (InReview, Rejected),
        ] {
            assert!(can_move(k, a, b), "{a:?} → {b:?}");
        }
        assert!(!can_move(k, Submitted, Shipped));
        assert!(!can_move(k, Closed, InReview));
        assert!(!can_move(k, Rejected, Approved));
    }

    #[test]
    fn contact_states_follow_the_domain() {
        let k = TicketKind::Contact;
        assert!(can_move(k, New, InProgress));
        assert!(can_move(k, InProgress, WaitingForCustomer));
        assert!(can_move(k, WaitingForCustomer, InProgress));
        assert!(can_move(k, InProgress, Closed));
        assert!(!can_move(k, New, Closed));
        assert!(!can_move(k, Closed, New));
        assert!(!can_move(k, New, Approved));
    }

    #[test]
    fn numbers_and_topics() {
        assert_eq!(number(2026, 123), "2026-000123");
        assert_eq!(parse_topic("technical"), Ok("technical"));
        assert_eq!(parse_topic("x"), Err("ticket-topic-unknown"));
        assert!(!Closed.is_open() && New.is_open());
        for s in TicketStatus::ALL {
            assert_eq!(TicketStatus::from_code(s.code()), Some(s));
            assert_eq!(TicketStatus::from_slug(s.slug()), Some(s));
        }
        for k in TicketKind::ALL {
            assert_eq!(TicketKind::from_slug(k.slug()), Some(k));
        }
        assert_eq!(
            next_states(TicketKind::Replacement, InReview),
            vec![WaitingForCustomer, Approved, Rejected]
        );
    }
}
