//! The one value codec of the store: serde + postcard, compact and fast.
//!
//! postcard is not self-describing, so a change to a stored struct needs a migration
//! (see [`super::migrations`]). Decoding errors name the table and never panic.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

/// Encodes a value for storage.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing plain structs into a Vec cannot fail: no maps with non-string keys,
    // no I/O. Should a future type make it fail, that is a programming error.
    postcard::to_stdvec(value).expect("postcard encodes store values")
}

/// Decodes a value read from `table`.
pub fn decode<T: DeserializeOwned>(table: &'static str, bytes: &[u8]) -> Result<T, StoreError> {
    postcard::from_bytes(bytes).map_err(|e| StoreError::Codec {
        table,
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Sample {
        id: u64,
        name: String,
        tags: Vec<String>,
    }

    #[test]
    fn round_trips() {
        let s = Sample {
            id: 7,
            name: "Müller".into(),
            tags: vec!["a".into()],
        };
        assert_eq!(decode::<Sample>("t", &encode(&s)).unwrap(), s);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let err = decode::<Sample>("mail_v1", &[0xff, 0xff, 0xff]).unwrap_err();
        assert!(err.to_string().contains("mail_v1"));
    }
}
