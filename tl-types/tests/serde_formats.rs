//! The serde impls carry TL-JSON's form through any self-describing serde
//! format, not only JSON: here CBOR (ciborium), a binary one.
#![cfg(all(feature = "serde", feature = "api"))]

use tl_types::{enums, types};

fn sent_code() -> enums::auth::SentCode {
    let mut sent =
        types::auth::SentCode::new(types::auth::SentCodeTypeSms::new(5), "2dc02d2cda9e615c84");
    sent.timeout = Some(120);
    sent.into()
}

#[test]
fn a_value_goes_through_cbor_and_back() {
    let mut cbor = Vec::new();
    ciborium::into_writer(&sent_code(), &mut cbor).unwrap();
    let back: enums::auth::SentCode = ciborium::from_reader(cbor.as_slice()).unwrap();
    assert_eq!(back, sent_code());
    // What CBOR carries is TL-JSON's form.
    let value: serde_json::Value = ciborium::from_reader(cbor.as_slice()).unwrap();
    assert_eq!(value["_"], "auth.sentCode");
    assert_eq!(value["type"]["length"], 5);
}

#[test]
fn bad_input_in_another_format_says_where() {
    let mut cbor = Vec::new();
    ciborium::into_writer(
        &serde_json::json!({"_": "auth.sentCode", "type": {"_": "auth.sentCodeTypeSms"}}),
        &mut cbor,
    )
    .unwrap();
    let error = ciborium::from_reader::<enums::auth::SentCode, _>(cbor.as_slice()).unwrap_err();
    assert!(error.to_string().contains(".type.length"), "{error}");
}
