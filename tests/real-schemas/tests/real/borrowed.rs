//! Borrowed bindings of TON's three schemas: random values of every
//! constructor and function (from the schema-driven writer of `roundtrip`)
//! read as the owned bindings read them, and encode back to the same bytes;
//! a random truncation fails with the owned bindings' very error. TON's
//! corpus, written by pytoniq-core, reads the same way. (TDLib's shapes,
//! nested bare vectors, are in `tests/borrowed`'s `shapes.tl`.)

use super::roundtrip::schema;
use crate::roundtrip::random_bytes::Writer;
use proptest::prelude::*;
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
                    prop_assert_eq!(
                        owned::AnyObject::from_bytes(&bytes[..cut]).unwrap_err(),
                        borrowed::AnyObject::borrow_from_bytes(&bytes[..cut]).unwrap_err(),
                        "{} cut to {}", d.full_name(), cut
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
    let mut read = 0;
    for object in crate::ton_corpus::corpus() {
        let bytes = match object.schema.as_str() {
            "lite_api" => {
                let value =
                    tl_real_schemas::lite_api_borrowed::AnyObject::borrow_from_bytes(&object.bytes);
                value.map(|v| (v.tl_name(), v.to_bytes().unwrap()))
            }
            "ton_api" => {
                let value =
                    tl_real_schemas::ton_api_borrowed::AnyObject::borrow_from_bytes(&object.bytes);
                value.map(|v| (v.tl_name(), v.to_bytes().unwrap()))
            }
            other => panic!("no bindings for {other}"),
        };
        let (name, bytes) = bytes.unwrap_or_else(|e| panic!("{}: {e}", object.name));
        assert_eq!(name, object.name);
        assert_eq!(bytes, object.bytes, "{} ({})", object.name, object.shape);
        read += 1;
    }
    assert_eq!(read, 50);
}
