//! Secrets and how they are kept: argon2 hashing of passwords and security answers, and
//! the random tokens of sessions and e-mailed links with the SHA-256 the store keeps,
//! and the authenticator codes and recovery codes of two-step log-in.
//! A leaf: it imports nothing of the crate.

pub mod password;
pub mod token;
pub mod totp;
