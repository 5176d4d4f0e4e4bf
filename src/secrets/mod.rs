//! Secrets and how they are kept: argon2 hashing of passwords and security answers, and
//! the random tokens of sessions and e-mailed links with the SHA-256 the store keeps.
//! A leaf: it imports nothing of the crate.

pub mod password;
pub mod token;
