//! The three kinds of account a person can register.

use super::FieldError;

/// What the registration form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountType {
    /// Installation company (company created, first registrant is administrator).
    Installer,
    /// Plant operator (end customer, no company).
    Operator,
    /// Wholesaler (business-partner company).
    Wholesaler,
}

impl AccountType {
    /// In the order the form offers them.
    pub const ALL: [AccountType; 3] = [
        AccountType::Installer,
        AccountType::Operator,
        AccountType::Wholesaler,
    ];

    /// Parses the form value (`installer`, `operator`, `wholesaler`).
    pub fn parse(value: &str) -> Result<Self, FieldError> {
        match value.trim() {
            "installer" => Ok(AccountType::Installer),
            "operator" => Ok(AccountType::Operator),
            "wholesaler" => Ok(AccountType::Wholesaler),
            "" => Err("field-choose"),
            _ => Err("account-type-unknown"),
        }
    }

    /// The form value.
    pub fn value(self) -> &'static str {
        match self {
            AccountType::Installer => "installer",
            AccountType::Operator => "operator",
            AccountType::Wholesaler => "wholesaler",
        }
    }

    /// Whether this type registers a company.
    pub fn has_company(self) -> bool {
        !matches!(self, AccountType::Operator)
    }

    /// The account kind the policy knows.
    pub fn kind(self) -> AccountKind {
        match self {
            AccountType::Installer => AccountKind::Installer,
            AccountType::Operator => AccountKind::Operator,
            AccountType::Wholesaler => AccountKind::Wholesaler,
        }
    }
}

crate::codes::stored_codes! {
    /// The kind of account a person registered.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum AccountKind {
        /// Member of an installation company.
        Installer = 0 => "installer",
        /// Member of a wholesaler (business-partner company).
        Wholesaler = 1 => "wholesaler",
        /// Plant operator (end customer).
        Operator = 2 => "operator",
        /// The team that runs the instance.
        Staff = 3 => "staff",
    }
}

crate::codes::stored_codes! {
    /// A person's role inside their company.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub enum CompanyRole {
        /// Collaborator.
        Member = 0 => "member",
        /// Company administrator (at most two per company).
        Admin = 1 => "admin",
    }
}
