//! Bytes → the borrowed bindings (`tl_codegen::Config::borrowed`), with an
//! arena and without, against the owned ones.

use crate::decode_generated::check_error;
use tl_borrowed_bindings::api as borrowed;
use tl_types::bumpalo::Bump;
use tl_types::{BorrowDecode, Decode, Encode, enums};

/// Reads `bytes` three ways and checks that they agree. Values are compared
/// by their bytes: a `double` may be NaN, unequal to itself, and text that
/// is not UTF-8 is read replaced, so neither need equal the input. (A macro:
/// each borrowed type has the lifetime of what it is read from, the input
/// or the arena, which a generic function could not name for both.)
macro_rules! agree {
    ($owned:ty, $borrowed:ident $(:: $path:ident)*, $bytes:expr) => {{
        let bytes: &[u8] = $bytes;
        let owned = <$owned>::from_bytes(bytes).map(|value| value.to_bytes().unwrap());
        let borrowed = $borrowed $(:: $path)*::borrow_from_bytes(bytes)
            .map(|value| value.to_bytes().unwrap());
        let arena = Bump::new();
        let in_arena = $borrowed $(:: $path)*::borrow_from_bytes_in(bytes, &arena)
            .map(|value| value.to_bytes().unwrap());
        assert_eq!(owned, borrowed, "the borrowed bindings read differently");
        assert_eq!(owned, in_arena, "the borrowed bindings read differently in an arena");
        if let Err(error) = &owned {
            check_error(error, bytes);
        }
    }};
}

/// The first byte picks a type, as in [`crate::decode_generated`], the rest
/// is its input: `Updates`, `messages.Messages`, `RichText` (deeply
/// recursive), or any object by its id. The borrowed bindings must read
/// what the owned ones read, with an arena and without: values that write
/// the same bytes, or the same error, pointing inside the input.
pub fn decode_borrowed(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    match selector % 4 {
        0 => agree!(enums::Updates, borrowed::enums::Updates, bytes),
        1 => agree!(
            enums::messages::Messages,
            borrowed::enums::messages::Messages,
            bytes
        ),
        2 => agree!(enums::RichText, borrowed::enums::RichText, bytes),
        _ => agree!(tl_types::AnyObject, borrowed::AnyObject, bytes),
    }
}
