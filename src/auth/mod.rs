//! Who is asking: sessions and their cookies, CSRF tokens, and the request extractors.
//! What an actor may do is answered in [`crate::access`]; password hashing and tokens
//! live in [`crate::secrets`], log-in throttling with the log-in use case in
//! [`crate::service`].

pub mod csrf;
pub mod extract;
pub mod session;
