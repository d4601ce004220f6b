//! What generated code calls and a user does not: reached as
//! `tl_types::__private`, hidden from the documentation, and free to change
//! with any release. The user-facing runtime is the crate root, `tl_types::wire`
//! and `tl_types::json`.

use crate::error::{DecodeError, DecodeErrorKind};
use crate::reader::Reader;

pub use crate::borrow::decode_owned;
pub use crate::rpc_error::number_between;
pub use crate::run::{MAX_RUN, Run};

#[cfg(feature = "serde")]
pub use crate::json::{
    raw_object::OpenJson,
    support::{
        Fields, JsonObject, bytes_to_tl_json, constructor_name, json_variant, kind,
        unknown_constructor,
    },
};

/// Reads a constructor id and fails unless it is `expected_id`.
pub fn expect_id(
    reader: &mut Reader<'_>,
    expected_id: u32,
    expected: &'static str,
) -> Result<(), DecodeError> {
    let start = reader.position();
    let id = reader.read_u32()?;
    if id == expected_id {
        Ok(())
    } else {
        Err(reader.error_at(
            start,
            DecodeErrorKind::UnexpectedConstructor { id, expected },
        ))
    }
}

/// Reads `T`'s constructor id and fails unless it is the one read: the
/// start of a boxed function call.
#[inline]
pub fn expect_id_of<T: crate::Identifiable>(reader: &mut Reader<'_>) -> Result<(), DecodeError> {
    expect_id(reader, T::CONSTRUCTOR_ID, T::TL_NAME)
}

/// Reads an open-typed object of `len` bytes, a length read from the input
/// (the body of an MTProto `message`).
pub fn read_sized_object(
    reader: &mut Reader<'_>,
    len: i32,
) -> Result<crate::RawObject, DecodeError> {
    sized_object(reader, len).map(|bytes| crate::RawObject(bytes.to_vec()))
}

/// [`read_sized_object`] in borrowed bindings: the bytes point into the
/// input.
pub fn borrow_sized_object<'a>(
    reader: &mut Reader<'a>,
    len: i32,
) -> Result<crate::RawObject<std::borrow::Cow<'a, [u8]>>, DecodeError> {
    sized_object(reader, len).map(|bytes| crate::RawObject(std::borrow::Cow::Borrowed(bytes)))
}

/// The `len` bytes of an open-typed object whose length was read from the
/// input.
fn sized_object<'a>(reader: &mut Reader<'a>, len: i32) -> Result<&'a [u8], DecodeError> {
    let start = reader.position();
    let len = usize::try_from(len)
        .map_err(|_| reader.error_at(start, DecodeErrorKind::NegativeCount(len)))?;
    if len > reader.remaining() {
        return Err(reader.error(DecodeErrorKind::LengthOutOfRange {
            length: len as u64,
            remaining: reader.remaining(),
        }));
    }
    reader.read_bytes(len)
}
