//! The service desk (`/service/…`): where the team that runs the instance works. Only
//! the service team gets in ([`crate::auth::extract::StaffMember`]); for everyone else
//! every path here is a 404.
//!
//! Tickets themselves are worked on their own page (`/tickets/{id}`), which shows the
//! service team its answer, note, state and assignment forms.

pub mod accounts;
pub mod dashboard;
pub mod inbox;
pub mod levels;
pub mod on_behalf;
pub mod oversight;
pub mod queue;
pub mod replies;

/// Rows per page of the service desk's lists.
pub const PAGE_SIZE: usize = 50;
