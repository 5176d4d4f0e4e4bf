//! Authenticator codes for two-step log-in: time-based one-time passwords as RFC 6238
//! defines them with the parameters every authenticator app assumes (HMAC-SHA-1, six
//! digits, 30-second steps), the secret as the apps take it (base32, RFC 4648), and the
//! one-time recovery codes.
//!
//! Which step a code is accepted for, and that each step is accepted once, is decided by
//! the caller with the account's last accepted step ([`matching_step`] only says which
//! nearby step a code belongs to).

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// Seconds per time step.
pub const STEP_SECS: u64 = 30;

/// Digits of a code.
pub const DIGITS: usize = 6;

/// Recovery codes given out at once.
pub const RECOVERY_CODES: usize = 10;

/// The base32 alphabet of RFC 4648.
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Characters of a recovery code: lowercase letters and digits without the ones that
/// are read for each other (0/o, 1/l).
const RECOVERY_ALPHABET: &[u8; 32] = b"23456789abcdefghijkmnpqrstuvwxyz";

/// Characters of a recovery code, without its dashes (16 × 5 bits = 80 bits).
const RECOVERY_LEN: usize = 16;

/// A shared secret: 160 random bits, the length RFC 4226 recommends for HMAC-SHA-1.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub [u8; 20]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    /// A fresh random secret.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 20];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The secret in base32 without padding (32 characters), as authenticator apps take
    /// it when typed.
    pub fn base32(&self) -> String {
        let mut out = String::with_capacity(32);
        for chunk in self.0.chunks(5) {
            let mut group = [0u8; 5];
            group[..chunk.len()].copy_from_slice(chunk);
            let bits = group.iter().fold(0u64, |acc, b| acc << 8 | u64::from(*b));
            let chars = (chunk.len() * 8).div_ceil(5);
            for i in 0..chars {
                let index = (bits >> (35 - 5 * i)) & 0x1f;
                out.push(char::from(BASE32[index as usize]));
            }
        }
        out
    }

    /// The secret read back from base32 (case, spaces and padding ignored); `None` when
    /// it is not 20 bytes of base32.
    pub fn from_base32(text: &str) -> Option<Self> {
        let mut bits = 0u64;
        let mut count = 0u32;
        let mut bytes = Vec::with_capacity(20);
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
            let c = c.to_ascii_uppercase();
            let value = BASE32.iter().position(|b| char::from(*b) == c)?;
            bits = bits << 5 | value as u64;
            count += 5;
            if count >= 8 {
                count -= 8;
                bytes.push((bits >> count) as u8);
                bits &= (1 << count) - 1;
            }
        }
        Some(Self(bytes.try_into().ok()?))
    }

    /// The base32 secret in groups of four, easier to type from the screen.
    pub fn grouped(&self) -> String {
        let text = self.base32();
        let groups: Vec<&str> = text
            .as_bytes()
            .chunks(4)
            .map(|g| std::str::from_utf8(g).unwrap_or_default())
            .collect();
        groups.join(" ")
    }

    /// The code of time step `step` (RFC 4226's HOTP with the step as counter), as six
    /// digits with leading zeros.
    pub fn code_at_step(&self, step: u64) -> String {
        let mut mac = Hmac::<Sha1>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(&step.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let offset = usize::from(digest[19] & 0x0f);
        let bin = u32::from_be_bytes([
            digest[offset] & 0x7f,
            digest[offset + 1],
            digest[offset + 2],
            digest[offset + 3],
        ]);
        format!("{:06}", bin % 1_000_000)
    }

    /// The code valid at unix time `now`.
    pub fn code_at(&self, now: u64) -> String {
        self.code_at_step(step_of(now))
    }
}

/// The time step of unix time `now`.
pub fn step_of(now: u64) -> u64 {
    now / STEP_SECS
}

/// The step among the previous, current and next one at `now` whose code `code` is
/// (spaces ignored), the latest first; `None` for any other code. Comparing six-digit
/// strings of equal length in constant time keeps which digit differed to itself.
pub fn matching_step(secret: &Secret, code: &str, now: u64) -> Option<u64> {
    let typed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = step_of(now);
    let mut found = None;
    for step in [current + 1, current, current.saturating_sub(1)] {
        let expected = secret.code_at_step(step);
        let same: bool =
            subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), typed.as_bytes()).into();
        if same && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// Whether `typed` looks like a six-digit code rather than a recovery code.
pub fn looks_like_code(typed: &str) -> bool {
    let digits = typed.chars().filter(|c| !c.is_whitespace()).count();
    digits == DIGITS
        && typed
            .chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| c.is_ascii_digit())
}

/// Fresh recovery codes as shown once to their owner (`xxxx-xxxx-xxxx-xxxx`), and the
/// hashes the store keeps of them.
pub fn recovery_codes() -> (Vec<String>, Vec<[u8; 32]>) {
    let mut rng = rand::rng();
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; RECOVERY_LEN];
            rng.fill_bytes(&mut bytes);
            let chars: Vec<char> = bytes
                .iter()
                .map(|b| char::from(RECOVERY_ALPHABET[usize::from(b & 0x1f)]))
                .collect();
            chars
                .chunks(4)
                .map(|g| g.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect();
    let hashes = codes.iter().filter_map(|c| recovery_hash(c)).collect();
    (codes, hashes)
}

/// The hash a recovery code is kept under, of its characters without dashes or spaces,
/// lowercased; `None` when it cannot be a recovery code.
pub fn recovery_hash(typed: &str) -> Option<[u8; 32]> {
    let plain: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let fits = plain.len() == RECOVERY_LEN && plain.bytes().all(|b| RECOVERY_ALPHABET.contains(&b));
    fits.then(|| Sha256::digest(plain.as_bytes()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 key "12345678901234567890" and its eight-digit
    /// codes, of which authenticator apps show the last six.
    #[test]
    fn codes_are_those_of_rfc_6238() {
        let secret = Secret(*b"12345678901234567890");
        for (time, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(secret.code_at(time), eight[2..], "at {time}");
        }
    }

    #[test]
    fn the_secret_goes_to_base32_and_back() {
        let secret = Secret(*b"12345678901234567890");
        assert_eq!(secret.base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(
            Secret::from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"),
            Some(secret.clone())
        );
        assert_eq!(secret.grouped().split(' ').count(), 8);
        let fresh = Secret::generate();
        assert_eq!(Secret::from_base32(&fresh.base32()), Some(fresh));
        assert_eq!(Secret::from_base32("GEZDGNBV"), None);
        assert_eq!(Secret::from_base32("not base32!"), None);
    }

    #[test]
    fn a_code_matches_the_steps_next_to_now_only() {
        let secret = Secret::generate();
        let now = 1_800_000_015;
        let step = step_of(now);
        for near in [step - 1, step, step + 1] {
            let code = secret.code_at_step(near);
            assert_eq!(matching_step(&secret, &code, now), Some(near));
        }
        let spaced = format!(
            "{} {}",
            &secret.code_at(now)[..3],
            &secret.code_at(now)[3..]
        );
        assert_eq!(matching_step(&secret, &spaced, now), Some(step));
        let old = secret.code_at_step(step - 2);
        if ![step - 1, step, step + 1]
            .iter()
            .any(|s| secret.code_at_step(*s) == old)
        {
            assert_eq!(matching_step(&secret, &old, now), None);
        }
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_however_typed() {
        let (codes, hashes) = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(hashes.len(), RECOVERY_CODES);
        let mut unique = hashes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let code = &codes[0];
        assert_eq!(code.len(), 19);
        assert_eq!(recovery_hash(code), Some(hashes[0]));
        let typed = code.replace('-', " ").to_uppercase();
        assert_eq!(recovery_hash(&typed), Some(hashes[0]));
        assert_eq!(recovery_hash("123456"), None);
        assert_eq!(recovery_hash("0000-0000-0000-0000"), None);
        assert!(looks_like_code("123 456"));
        assert!(!looks_like_code(code));
    }
}
