//! Borrowed bindings of TON's three schemas: random values of every
//! constructor and function (from the schema-driven writer of `roundtrip`)
//! read as the owned bindings read them, and encode back to the same bytes;
//! a random truncation fails with the owned bindings' very error. Read into
//! an arena, each value writes the same bytes, still does once made owned
//! and the arena dropped, and a truncation fails the same way. TON's
//! corpus, written by pytoniq-core, reads the same way, with an arena too. (TDLib's shapes,
//! nested bare vectors, are in `tests/borrowed`'s `shapes.tl`.)

use super::roundtrip::schema;
use crate::roundtrip::random_bytes::Writer;
use proptest::prelude::*;
use tl_types::bumpalo::Bump;
use tl_types::{BorrowDecode, Decode, Encode, IntoOwned};

macro_rules! borrowed_agrees {
    ($($test:ident: $owned:ident, $borrowed:ident, $file:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig {
                cases: 4,
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn $test(seed in any::<u64>()) {
                use tl_real_schemas::{$owned as owned, $borrowed as borrowed};
                let schema = schema($file);
                Writer::new(&schema, seed).each_object(|d, bytes, cut| {
                    let object = borrowed::AnyObject::borrow_from_bytes(bytes).unwrap_or_else(|e| {
                        panic!("{}: {e}\nbytes: {bytes:02x?}", d.full_name())
                    });
                    prop_assert_eq!(object.tl_name(), d.full_name());
                    prop_assert_eq!(&object.to_bytes().unwrap(), bytes, "{}", d.full_name());
                    prop_assert_eq!(&object.into_owned().to_bytes().unwrap(), bytes);
                    let arena = Bump::new();
                    let in_arena = borrowed::AnyObject::borrow_from_bytes_in(bytes, &arena)
                        .unwrap_or_else(|e| panic!("{} in an arena: {e}", d.full_name()));
                    // Compared by bytes: a `double` may be NaN, unequal to itself.
                    prop_assert_eq!(&in_arena.to_bytes().unwrap(), bytes, "{}", d.full_name());
                    let kept: borrowed::AnyObject<'static> = in_arena.into_owned();
                    drop(arena);
                    prop_assert_eq!(&kept.to_bytes().unwrap(), bytes);
                    let error = owned::AnyObject::from_bytes(&bytes[..cut]).unwrap_err();
                    prop_assert_eq!(
                        &error,
                        &borrowed::AnyObject::borrow_from_bytes(&bytes[..cut]).unwrap_err(),
                        "{} cut to {}", d.full_name(), cut
                    );
                    let arena = Bump::new();
                    prop_assert_eq!(
                        &error,
                        &borrowed::AnyObject::borrow_from_bytes_in(&bytes[..cut], &arena).unwrap_err(),
                        "{} cut to {}, in an arena", d.full_name(), cut
                    );
                    Ok(())
                })?;
            }
        }
    )*};
}

borrowed_agrees! {
    ton_api_borrowed_agrees: ton_api, ton_api_borrowed, "ton/ton_api.tl";
    lite_api_borrowed_agrees: lite_api, lite_api_borrowed, "ton/lite_api.tl";
    tonlib_api_borrowed_agrees: tonlib_api, tonlib_api_borrowed, "ton/tonlib_api.tl";
}

#[test]
fn the_ton_corpus_reads_in_place() {
    let (mut read, mut used_the_arena) = (0, 0);
    for object in crate::ton_corpus::corpus() {
        for arena in [None, Some(Bump::new())] {
            // The object read by one schema's borrowed bindings, into the
            // arena if there is one: its name and the bytes it writes.
            macro_rules! read {
                ($bindings:ident) => {{
                    use tl_real_schemas::$bindings::AnyObject;
                    let value = match &arena {
                        None => AnyObject::borrow_from_bytes(&object.bytes),
                        Some(arena) => AnyObject::borrow_from_bytes_in(&object.bytes, arena),
                    };
                    value.map(|v| (v.tl_name(), v.to_bytes().unwrap()))
                }};
            }
            let bytes = match object.schema.as_str() {
                "lite_api" => read!(lite_api_borrowed),
                "ton_api" => read!(ton_api_borrowed),
                other => panic!("no bindings for {other}"),
            };
            let in_arena = if arena.is_some() { " in an arena" } else { "" };
            let (name, bytes) = bytes.unwrap_or_else(|e| panic!("{}{in_arena}: {e}", object.name));
            assert_eq!(name, object.name);
            assert_eq!(
                bytes, object.bytes,
                "{} ({}){in_arena}",
                object.name, object.shape
            );
            used_the_arena += usize::from(arena.is_some_and(|arena| arena.allocated_bytes() > 0));
        }
        read += 1;
    }
    assert_eq!(read, 50);
    // The objects with a vector or a boxed value put it in the arena.
    assert!(
        used_the_arena >= 10,
        "{used_the_arena} of 50 used the arena"
    );
}
