//! The order-preserving encoding of keys for PostgreSQL: bytes that compare (as
//! `bytea`, byte by byte) in the order redb compares the keys themselves, so a range over
//! a table comes back in the same order from both engines.
//!
//! Integers are written big-endian; fixed byte arrays as they are; a string as its UTF-8
//! bytes with every 0x00 written 0x00 0xFF and 0x00 0x00 after it (so a string sorts
//! before every longer string it begins, also inside a tuple); a tuple as its elements one
//! after the other. redb's own encoding of the key is stored beside it, and is what is
//! read back.

use redb::Key;

/// A key type the store uses, with its order-preserving encoding.
pub trait StoredKey: Key + 'static {
    /// Appends the order-preserving encoding of `key` to `out`.
    fn ordered(key: &Self::SelfType<'_>, out: &mut Vec<u8>);
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl StoredKey for $t {
            fn ordered(key: &Self::SelfType<'_>, out: &mut Vec<u8>) {
                out.extend_from_slice(&key.to_be_bytes());
            }
        }
    )*};
}

integers!(u8, u16, u32, u64);

impl<const N: usize> StoredKey for [u8; N] {
    fn ordered(key: &Self::SelfType<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(key);
    }
}

impl StoredKey for &'static str {
    fn ordered(key: &Self::SelfType<'_>, out: &mut Vec<u8>) {
        for b in key.bytes() {
            out.push(b);
            if b == 0 {
                out.push(0xFF);
            }
        }
        out.extend_from_slice(&[0, 0]);
    }
}

macro_rules! tuples {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: StoredKey),+> StoredKey for ($($t,)+) {
            fn ordered(key: &Self::SelfType<'_>, out: &mut Vec<u8>) {
                $($t::ordered(&key.$n, out);)+
            }
        }
    )*};
}

tuples!((0 A, 1 B), (0 A, 1 B, 2 C), (0 A, 1 B, 2 C, 3 D));

#[cfg(test)]
mod tests {
    use super::*;

    fn enc<K: StoredKey>(k: &K::SelfType<'_>) -> Vec<u8> {
        let mut out = Vec::new();
        K::ordered(k, &mut out);
        out
    }

    #[test]
    fn encoded_keys_sort_as_redb_sorts_the_keys() {
        let mut ints = vec![0u64, 1, 255, 256, 65_536, u64::MAX, 7];
        let mut by_bytes = ints.clone();
        ints.sort_unstable();
        by_bytes.sort_by_key(enc::<u64>);
        assert_eq!(ints, by_bytes);

        let mut strs = vec!["", "a", "a\0", "a\0b", "ab", "b", "ä", "\0"];
        let mut by_bytes = strs.clone();
        strs.sort_unstable();
        by_bytes.sort_by_key(enc::<&str>);
        assert_eq!(strs, by_bytes);

        let mut pairs = vec![("a", 2u64), ("a", 1), ("", 9), ("ab", 0), ("a\0", 0)];
        let mut by_bytes = pairs.clone();
        pairs.sort_unstable();
        by_bytes.sort_by_key(enc::<(&str, u64)>);
        assert_eq!(pairs, by_bytes);

        let mut quads = vec![
            (1u64, 2u8, 3u64, 4u64),
            (1, 2, 3, 3),
            (0, 9, 9, 9),
            (1, 1, 9, 9),
        ];
        let mut by_bytes = quads.clone();
        quads.sort_unstable();
        by_bytes.sort_by_key(enc::<(u64, u8, u64, u64)>);
        assert_eq!(quads, by_bytes);
    }
}
