//! Stored codes: how an enum of the store's file format is written, with every variant's
//! code spelled out beside it instead of taken from its position, so reordering or
//! inserting variants cannot silently misread a database (`tests/golden/` pins the
//! bytes). A leaf: it imports nothing of the crate.
//!
//! [`stored_codes!`] gives a unit-only enum its codes and names: binary formats (the
//! store's postcard) write the code as one byte, human-readable ones (forms, query
//! strings) the name. Codes below 128 are the bytes postcard wrote for the variant index
//! before the codes were explicit, so files written earlier read the same.

/// Declares a unit-only enum with the stored code and the name of every variant beside
/// it, and implements `stored_code`, `from_stored_code`, `Serialize` and `Deserialize`
/// from them.
macro_rules! stored_codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal => $name:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $($(#[$vmeta])* $variant),+
        }

        impl $ty {
            /// The byte this value is stored as.
            #[must_use]
            pub const fn stored_code(self) -> u8 {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The value stored as `code`, if any.
            #[must_use]
            pub const fn from_stored_code(code: u8) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if s.is_human_readable() {
                    s.serialize_str(match self {
                        $(Self::$variant => $name),+
                    })
                } else {
                    s.serialize_u8(self.stored_code())
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use serde::de::Error as _;
                if d.is_human_readable() {
                    let name = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                    match name.as_ref() {
                        $($name => Ok(Self::$variant),)+
                        other => Err(D::Error::unknown_variant(other, &[$($name),+])),
                    }
                } else {
                    let code = <u8 as serde::Deserialize>::deserialize(d)?;
                    Self::from_stored_code(code).ok_or_else(|| {
                        D::Error::custom(format_args!(
                            "unknown stored code {code} for {}",
                            stringify!($ty)
                        ))
                    })
                }
            }
        }
    };
}
pub(crate) use stored_codes;

#[cfg(test)]
mod tests {
    stored_codes! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Colour {
            Red = 3 => "red",
            Blue = 7 => "blue",
        }
    }

    #[test]
    fn binary_formats_write_the_code_readable_ones_the_name() {
        assert_eq!(postcard::to_stdvec(&Colour::Blue).unwrap(), vec![7]);
        assert_eq!(postcard::from_bytes::<Colour>(&[3]).unwrap(), Colour::Red);
        assert_eq!(serde_json::to_string(&Colour::Red).unwrap(), "\"red\"");
        assert_eq!(
            serde_json::from_str::<Colour>("\"blue\"").unwrap(),
            Colour::Blue
        );
    }

    #[test]
    fn unknown_codes_and_names_are_errors() {
        assert!(postcard::from_bytes::<Colour>(&[4]).is_err());
        assert!(serde_json::from_str::<Colour>("\"green\"").is_err());
        assert_eq!(Colour::from_stored_code(5), None);
    }
}
