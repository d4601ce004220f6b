//! What can go wrong when encoding or decoding TL values.

use std::fmt;

/// Bytes that do not decode: what was wrong ([`kind`](Self::kind)) and at
/// which byte offset ([`offset`](Self::offset)).
///
/// The details are boxed, so the error is one pointer wide: every decoder in
/// the bindings returns a `Result<T, DecodeError>`, and a small error keeps
/// those results, and the code that moves them, small. The box is allocated
/// only when decoding fails.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Details>);

/// What a [`DecodeError`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    offset: usize,
    kind: DecodeErrorKind,
}

impl DecodeError {
    /// An error of this kind at byte `offset` of the input.
    #[cold]
    pub fn new(offset: usize, kind: DecodeErrorKind) -> Self {
        Self(Box::new(Details { offset, kind }))
    }

    /// Byte offset in the input where the problem was found.
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// What the problem is.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.0.kind
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("offset", &self.0.offset)
            .field("kind", &self.0.kind)
            .finish()
    }
}

/// The kinds of [`DecodeError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input ended while `needed` more bytes were expected.
    UnexpectedEnd {
        /// How many bytes the value needed past the end.
        needed: usize,
    },
    /// A constructor id that is not one of the expected type's constructors.
    UnexpectedConstructor {
        /// The id that was read.
        id: u32,
        /// The TL name of the type that was expected (`auth.SentCode`).
        expected: &'static str,
    },
    /// A length (of a string, bytes or vector) larger than the input that remains.
    LengthOutOfRange {
        /// The length that was read.
        length: u64,
        /// How many bytes remain after it.
        remaining: usize,
    },
    /// A vector count below zero.
    NegativeCount(i32),
    /// Values nested deeper than the reader's limit.
    NestingTooDeep {
        /// The limit in force.
        limit: u32,
    },
    /// Bytes left over after a complete value, in [`Decode::from_bytes`](crate::Decode::from_bytes).
    TrailingBytes {
        /// How many bytes were left.
        count: usize,
    },
    /// A string or bytes value whose padding is not all zero bytes.
    NonZeroPadding,
    /// A string or bytes length of under 254 written in the 4-byte long form.
    NonCanonicalLength,
}

/// What went wrong, without where: `input ends 3 byte(s) too early`.
impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeErrorKind::UnexpectedEnd { needed } => {
                write!(f, "input ends {needed} byte(s) too early")
            }
            DecodeErrorKind::UnexpectedConstructor { id, expected } => {
                write!(
                    f,
                    "constructor id {id:08x} is not a constructor of {expected}"
                )
            }
            DecodeErrorKind::LengthOutOfRange { length, remaining } => write!(
                f,
                "length {length} is larger than the {remaining} byte(s) of input left"
            ),
            DecodeErrorKind::NegativeCount(count) => write!(f, "vector count {count} is negative"),
            DecodeErrorKind::NestingTooDeep { limit } => {
                write!(f, "values nest deeper than the limit of {limit}")
            }
            DecodeErrorKind::TrailingBytes { count } => {
                write!(f, "{count} byte(s) left over after the value")
            }
            DecodeErrorKind::NonZeroPadding => f.write_str("string padding is not zero"),
            DecodeErrorKind::NonCanonicalLength => {
                f.write_str("a length under 254 is written in the long form")
            }
        }
    }
}

/// Where and what: `at byte 12: input ends 3 byte(s) too early`.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset(), self.kind())
    }
}

impl std::error::Error for DecodeError {}

/// A value that cannot be encoded without producing wrong bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// A string or bytes value longer than the wire format's 16,777,215 bytes.
    TooLong {
        /// Its length in bytes.
        length: usize,
    },
    /// A vector with more than `i32::MAX` elements.
    TooManyElements {
        /// Its length.
        length: usize,
    },
    /// A length field that does not match the object it measures (the
    /// `bytes` of an MTProto `message` and the size of its `body`).
    LengthMismatch {
        /// The TL name of the constructor.
        definition: &'static str,
        /// The length field.
        field: &'static str,
    },
    /// Fields gated by one flag bit, some present and some absent. They are one
    /// fact on the wire: all present or all absent. Up to four such fields are
    /// generated as one `Option` of a tuple, which cannot disagree, so this
    /// arises only where more share a bit (one constructor of TON's
    /// `ton_api.tl`; none in Telegram's layers).
    InconsistentFlag {
        /// The TL name of the constructor or function.
        definition: &'static str,
        /// The mask field and bit: `flags.4`.
        flag: &'static str,
        /// The fields that share the bit.
        fields: &'static [&'static str],
    },
    /// Bits set in the member that keeps a mask's other bits
    /// (`mode_other_bits`) that fields stand for: they follow from whether
    /// those fields are present, so set the fields instead.
    MaskBitsOfFields {
        /// The TL name of the constructor or function.
        definition: &'static str,
        /// The mask field: `mode`.
        mask: &'static str,
        /// The bits that fields stand for.
        bits: u32,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::TooLong { length } => write!(
                f,
                "{length} bytes is longer than the 16777215 a string or bytes value can hold"
            ),
            EncodeError::TooManyElements { length } => {
                write!(f, "{length} elements are more than a vector can hold")
            }
            EncodeError::LengthMismatch { definition, field } => write!(
                f,
                "in {definition}, `{field}` is not the length of the object it measures"
            ),
            EncodeError::InconsistentFlag {
                definition,
                flag,
                fields,
            } => write!(
                f,
                "in {definition}, the fields {} share {flag} and must all be present or all absent",
                fields.join(", ")
            ),
            EncodeError::MaskBitsOfFields {
                definition,
                mask,
                bits,
            } => write!(
                f,
                "in {definition}, bits {bits:#x} of `{mask}` stand for fields: set the fields, not the bits"
            ),
        }
    }
}

impl std::error::Error for EncodeError {}
