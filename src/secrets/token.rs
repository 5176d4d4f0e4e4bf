//! Random 256-bit tokens (session cookies, e-mailed links) and the SHA-256 under which
//! the store keeps them.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh token as 64 hex characters, and its hash.
pub fn generate() -> (String, [u8; 32]) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = hash(&token);
    (token, hash)
}

/// The hash the store keys a token by.
pub fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Whether `token` looks like one of ours (64 lowercase hex digits): anything else is
/// refused before touching the store.
pub fn is_well_formed(token: &str) -> bool {
    token.len() == 64
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_well_formed() {
        let (a, ha) = generate();
        let (b, _) = generate();
        assert_ne!(a, b);
        assert!(is_well_formed(&a));
        assert_eq!(hash(&a), ha);
        assert!(!is_well_formed("../../etc/passwd"));
    }
}
