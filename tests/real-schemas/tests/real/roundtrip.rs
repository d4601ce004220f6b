//! The schema-driven property test on every real schema: for every
//! constructor and function, random values (written as bytes by a generator
//! that walks the parsed schema and knows nothing of the generated code)
//! decode with the generated bindings and encode back to the same bytes, and
//! a random truncation of them is an error.

#[path = "../../../../tl-types/tests/support/random_bytes.rs"]
pub mod random_bytes;

use proptest::prelude::*;
use random_bytes::Writer;
use tl_parser::Schema;
use tl_types::{Decode, Encode};

pub fn schema(file: &str) -> Schema {
    let path = format!("{}/{file}", tl_real_schemas::CACHE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    tl_parser::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

macro_rules! round_trips {
    ($($test:ident: $module:ident, $file:literal, $objects:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig {
                cases: 8,
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn $test(seed in any::<u64>()) {
                use tl_real_schemas::$module::AnyObject;
                let schema = schema($file);
                let count = Writer::new(&schema, seed).each_object(|d, bytes, cut| {
                    let object = AnyObject::from_bytes(bytes).unwrap_or_else(|e| {
                        panic!("{}: {e}\nbytes: {bytes:02x?}", d.full_name())
                    });
                    prop_assert_eq!(object.tl_name(), d.full_name());
                    prop_assert_eq!(&object.to_bytes().unwrap(), bytes, "{}", d.full_name());
                    prop_assert!(
                        AnyObject::from_bytes(&bytes[..cut]).is_err(),
                        "{} cut to {}", d.full_name(), cut
                    );
                    Ok(())
                })?;
                prop_assert_eq!(count, $objects, "objects of {}", $file);
            }
        }
    )*};
}

round_trips! {
    ton_api_round_trips: ton_api, "ton/ton_api.tl", 662;
    lite_api_round_trips: lite_api, "ton/lite_api.tl", 91;
    tonlib_api_round_trips: tonlib_api, "ton/tonlib_api.tl", 222;
    td_api_round_trips: td_api, "td/td_api.tl", 2943;
    telegram_230_api_round_trips: telegram_230_api, "telegram-230/api.tl", 2553;
    telegram_230_mtproto_round_trips: telegram_230_mtproto, "telegram-230/mtproto.tl", 59;
}

/// The two older TDLib schemas through the dynamic codec (`tl_json::Codec`),
/// which needs no generated code: the same random bytes of every
/// definition read as TL-JSON and written back to the same bytes, and a
/// truncation is an error. Their ids are checked in `ids.rs`; compiling
/// them as bindings too, beside the newest `td_api.tl`, cost CI minutes for
/// shapes the newest has.
macro_rules! dynamic_round_trips {
    ($($test:ident: $file:literal, $objects:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig {
                cases: 8,
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn $test(seed in any::<u64>()) {
                let schema = schema($file);
                let codec = tl_json::Codec::new(std::slice::from_ref(&schema));
                let count = Writer::new(&schema, seed).each_object(|d, bytes, cut| {
                    let json = codec.decode(bytes).unwrap_or_else(|e| {
                        panic!("{}: {e}\nbytes: {bytes:02x?}", d.full_name())
                    });
                    // A `Bool` standing alone is a JSON boolean, the rest objects named by `"_"`.
                    let name = match &json {
                        serde_json::Value::Bool(true) => "boolTrue",
                        serde_json::Value::Bool(false) => "boolFalse",
                        object => object["_"].as_str().unwrap_or_default(),
                    };
                    prop_assert_eq!(name, d.full_name());
                    prop_assert_eq!(&codec.encode(&json).unwrap(), bytes, "{}", d.full_name());
                    prop_assert!(codec.decode(&bytes[..cut]).is_err(), "{} cut to {}", d.full_name(), cut);
                    Ok(())
                })?;
                prop_assert_eq!(count, $objects, "objects of {}", $file);
            }
        }
    )*};
}

dynamic_round_trips! {
    td_api_1_8_29_round_trips: "td/td_api_1.8.29.tl", 2232;
    td_api_1_8_19_round_trips: "td/td_api_1.8.19.tl", 1935;
}
