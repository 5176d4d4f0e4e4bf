//! Commands on a running instance. The server listens on a control socket in the data
//! directory (`osc.sock`: a Unix socket of mode 0600, owned by the server's user, nothing
//! on the network); `osc staff …`, `osc reindex`, `osc backup`, `osc check` and `osc status` send their request to it
//! when a server runs and run it on the files themselves when none does. Either way the
//! same [`commands::run`] does the work, so the output is the same.
//!
//! The protocol: one JSON [`Request`] per connection, answered by one JSON [`Reply`].

pub mod check;
pub mod client;
pub mod commands;
pub mod server;

use serde::{Deserialize, Serialize};

/// The control socket's file name inside the data directory.
pub const SOCKET: &str = "osc.sock";

/// What a command asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "kebab-case")]
pub enum Request {
    /// `osc status`.
    Status,
    /// `osc staff list`.
    StaffList,
    /// `osc staff add` (the password travels only over the owner-only socket).
    StaffAdd {
        email: String,
        name: String,
        password: String,
        confirm: String,
    },
    /// `osc staff remove`.
    StaffRemove { email: String },
    /// `osc staff reset-2fa`.
    StaffReset2fa { email: String },
    /// `osc reindex`.
    Reindex,
    /// `osc backup`: into `to` (an absolute path), or the default target.
    Backup { to: Option<std::path::PathBuf> },
    /// `osc check [--repair]`.
    Check { repair: bool },
}

impl Request {
    /// The command's name, for the log (never its fields: one may be a password).
    pub fn name(&self) -> &'static str {
        match self {
            Request::Status => "status",
            Request::StaffList => "staff list",
            Request::StaffAdd { .. } => "staff add",
            Request::StaffRemove { .. } => "staff remove",
            Request::StaffReset2fa { .. } => "staff reset-2fa",
            Request::Reindex => "reindex",
            Request::Backup { .. } => "backup",
            Request::Check { .. } => "check",
        }
    }
}

/// What a command answers: the text to print, or why it failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// Done: print this.
    Done(String),
    /// Refused or failed: say this and exit non-zero.
    Failed(String),
}
