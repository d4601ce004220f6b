//! Bytes → the generated decoders.

use tl_types::{AnyObject, Decode, DecodeError, enums};

/// The first byte picks a decoder, the rest is its input: `enums::Updates`,
/// `enums::messages::Messages`, `enums::RichText` (deeply recursive), or the
/// dispatch-by-id decoder `AnyObject`. Decoding must return, and an error
/// must point inside the input.
pub fn decode_generated(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    match selector % 4 {
        0 => decode::<enums::Updates>(bytes),
        1 => decode::<enums::messages::Messages>(bytes),
        2 => decode::<enums::RichText>(bytes),
        _ => decode::<AnyObject>(bytes),
    }
}

fn decode<T: Decode>(bytes: &[u8]) {
    if let Err(error) = T::from_bytes(bytes) {
        check_error(&error, bytes);
    }
}

/// Fails unless `error` points inside `bytes` and can be shown.
pub(crate) fn check_error(error: &DecodeError, bytes: &[u8]) {
    assert!(
        error.offset() <= bytes.len(),
        "error offset {} is past the end of {} bytes: {error}",
        error.offset(),
        bytes.len()
    );
    let _ = error.to_string();
}
