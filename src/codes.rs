//! Stored codes: how an enum of the store's file format is written, with every variant's
//! code spelled out beside it instead of taken from its position, so reordering or
//! inserting variants cannot silently misread a database (`tests/golden/` pins the
//! bytes). A leaf: it imports nothing of the crate.
//!
//! [`stored_codes!`] gives a unit-only enum its codes and names: binary formats (the
//! store's postcard) write the code as one byte, human-readable ones (forms, query
//! strings) the name. [`stored_variants!`] does the same for an enum whose variants carry
//! data: the code, then the fields in order. Codes below 128 are the bytes postcard wrote
//! for the variant index before the codes were explicit, so files written earlier read
//! the same.

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

/// Declares an enum whose variants may carry data, each with its stored code beside it
/// (`Sent { at: u64 } = 1`; tuple fields are named too: `Line(line: u64) = 1`), and
/// implements `Serialize` and `Deserialize` writing the code and then the fields in
/// order, as postcard wrote the derived form. For the store's binary format only.
macro_rules! stored_variants {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident
                $({ $($(#[$fmeta:meta])* $field:ident : $fty:ty),* $(,)? })?
                $(( $($tfield:ident : $tty:ty),* $(,)? ))?
                = $code:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $(
                $(#[$vmeta])*
                $variant $({ $($(#[$fmeta])* $field: $fty),* })? $(( $($tty),* ))?
            ),+
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(
                        Self::$variant $({ $($field),* })? $(( $($tfield),* ))? => s
                            .serialize_newtype_variant(
                                stringify!($ty),
                                $code,
                                stringify!($variant),
                                &( $($($field,)*)? $($($tfield,)*)? ),
                            ),
                    )+
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Codes;
                impl<'de> serde::de::Visitor<'de> for Codes {
                    type Value = $ty;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "a stored {}", stringify!($ty))
                    }

                    fn visit_enum<A: serde::de::EnumAccess<'de>>(
                        self,
                        data: A,
                    ) -> Result<$ty, A::Error> {
                        use serde::de::{Error as _, VariantAccess as _};
                        let (code, variant): (u32, _) = data.variant()?;
                        match code {
                            $(
                                $code => {
                                    #[allow(unused_parens)]
                                    let ( $($($field,)*)? $($($tfield,)*)? ) = variant
                                        .newtype_variant::<( $($($fty,)*)? $($($tty,)*)? )>()?;
                                    Ok($ty::$variant $({ $($field),* })? $(( $($tfield),* ))?)
                                }
                            )+
                            other => Err(A::Error::custom(format_args!(
                                "unknown stored code {other} for {}",
                                stringify!($ty)
                            ))),
                        }
                    }
                }
                d.deserialize_enum(stringify!($ty), &[$(stringify!($variant)),+], Codes)
            }
        }
    };
}
pub(crate) use stored_variants;

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

    stored_variants! {
        #[derive(Debug, Clone, PartialEq, Eq)]
        enum Parcel {
            Waiting = 0,
            Sent { at: u64, carrier: String } = 1,
            Split(first: u32, second: u32) = 2,
        }
    }

    /// What serde's derive wrote before the codes were explicit.
    #[derive(serde::Serialize)]
    enum Derived {
        Waiting,
        Sent { at: u64, carrier: String },
        Split(u32, u32),
    }

    #[test]
    fn variants_with_data_write_the_bytes_the_derive_wrote_and_read_them_back() {
        let pairs = [
            (Parcel::Waiting, Derived::Waiting),
            (
                Parcel::Sent {
                    at: 300,
                    carrier: "DHL".into(),
                },
                Derived::Sent {
                    at: 300,
                    carrier: "DHL".into(),
                },
            ),
            (Parcel::Split(7, 9), Derived::Split(7, 9)),
        ];
        for (ours, derived) in pairs {
            let bytes = postcard::to_stdvec(&ours).unwrap();
            assert_eq!(bytes, postcard::to_stdvec(&derived).unwrap());
            assert_eq!(postcard::from_bytes::<Parcel>(&bytes).unwrap(), ours);
        }
        assert!(postcard::from_bytes::<Parcel>(&[5]).is_err());
    }
}
