//! The dynamic codec and the generated code agree on every constructor and
//! function of the bundled schema: for random values (as bytes from a
//! schema-driven generator), both decode them and give back the same bytes,
//! both give the same TL-JSON, and that JSON encodes back to the same bytes
//! through either: bytes → JSON → bytes is the identity, and so is
//! JSON → bytes → JSON.

#[path = "../../tl-types/tests/support/random_bytes.rs"]
mod random_bytes;

use proptest::prelude::*;
use random_bytes::Writer;
use tl_types::{AnyObject, Decode, Encode};

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_and_dynamic_codecs_give_identical_bytes(seed in any::<u64>()) {
        let schema = tl_parser::parse(include_str!("../../tl-types/schema/api.tl")).unwrap();
        let codec = tl_json::Codec::new(std::slice::from_ref(&schema));
        Writer::new(&schema, seed).each_object(|definition, bytes, cut| {
            let name = definition.full_name();

            let json = codec.decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            prop_assert_eq!(json["_"].as_str(), Some(name.as_str()));
            let from_json = codec.encode(&json).unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
            prop_assert_eq!(&from_json, bytes, "{}: {}", name, json);

            let generated = AnyObject::from_bytes(bytes).unwrap();
            prop_assert_eq!(&generated.to_bytes().unwrap(), bytes, "{}", name);

            // The generated code's TL-JSON is the dynamic codec's, both ways.
            let generated_json = tl_types::json::ToTlJson::to_tl_json(&generated);
            prop_assert_eq!(&generated_json, &json, "{}", name);
            let from_json: AnyObject = serde_json::from_value(json.clone())
                .unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
            prop_assert_eq!(&from_json.to_bytes().unwrap(), bytes, "{}", name);

            let text = serde_json::to_string(&json).unwrap();
            let reparsed: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&codec.encode(&reparsed).unwrap(), bytes, "{}: through JSON text", name);

            // Both refuse the same truncation.
            let cut = &bytes[..cut];
            prop_assert!(codec.decode(cut).is_err(), "{} cut to {}", name, cut.len());
            prop_assert!(AnyObject::from_bytes(cut).is_err(), "{} cut to {}", name, cut.len());
            Ok(())
        })?;
    }
}
