//! A property test over the whole bundled schema: for every constructor and
//! every function, random values (written as bytes by a schema-driven
//! generator that knows nothing of the generated code) decode with the
//! generated code and encode back to the same bytes, and a random truncation
//! of them is an error.

#[path = "support/random_bytes.rs"]
mod random_bytes;

use proptest::prelude::*;
use random_bytes::Writer;
use tl_parser::Schema;
use tl_types::{AnyObject, Decode, Encode};

const API: &str = include_str!("../schema/api.tl");

fn schema() -> Schema {
    tl_parser::parse(API).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_definition_round_trips(seed in any::<u64>()) {
        let schema = schema();
        let count = Writer::new(&schema, seed).each_object(|d, bytes, cut| {
            let object = AnyObject::from_bytes(bytes).unwrap_or_else(|e| {
                panic!("{}: {e}\nbytes: {bytes:02x?}", d.full_name())
            });
            prop_assert_eq!(object.tl_name(), d.full_name());
            prop_assert_eq!(&object.to_bytes().unwrap(), bytes, "{}", d.full_name());
            let again = AnyObject::from_bytes(&object.to_bytes().unwrap()).unwrap();
            prop_assert_eq!(&again.to_bytes().unwrap(), bytes);
            prop_assert!(AnyObject::from_bytes(&bytes[..cut]).is_err(), "{} cut to {}", d.full_name(), cut);
            Ok(())
        })?;
        prop_assert_eq!(count, 2470);
    }
}
