//! Decode ⇒ re-encode ⇒ decode, through the generated code, with the
//! dynamic codec as a second opinion.

use crate::bundled::api_codec;
use serde_json::Value;
use tl_types::json::{FromTlJson, ToTlJson};
use tl_types::{AnyObject, Decode, Encode};

/// Decodes any object of the API with the generated dispatch decoder. If that
/// succeeds: re-encoding must work, decoding the new bytes must give the same
/// bytes again, the TL-JSON must read back to the same JSON (and to the same
/// bytes, unless a double is a NaN: JSON has one spelling for every NaN, see
/// docs/TL-JSON.md), and the dynamic codec must decode the bytes to that same
/// TL-JSON. If the generated decoder fails, the dynamic codec must fail too.
pub fn roundtrip(bytes: &[u8]) {
    let codec = api_codec();
    let Ok(value) = AnyObject::from_bytes(bytes) else {
        assert!(
            codec.decode(bytes).is_err(),
            "the dynamic codec decodes bytes the generated code refuses"
        );
        return;
    };
    let encoded = value
        .to_bytes()
        .unwrap_or_else(|err| panic!("a decoded value does not encode: {err}\n{value:?}"));
    let again = AnyObject::from_bytes(&encoded)
        .unwrap_or_else(|err| panic!("re-encoded bytes do not decode: {err}\n{value:?}"));
    assert_eq!(
        again.to_bytes().ok().as_deref(),
        Some(encoded.as_slice()),
        "decode -> encode is not a fixed point"
    );

    let json = value.to_tl_json();
    let from_json = AnyObject::from_tl_json(&json, "")
        .unwrap_or_else(|err| panic!("generated TL-JSON does not read back: {err}\n{json}"));
    assert_eq!(
        from_json.to_tl_json(),
        json,
        "JSON -> value -> JSON changed the JSON"
    );
    if !holds_nan(&json) {
        assert_eq!(
            from_json.to_bytes().ok().as_deref(),
            Some(encoded.as_slice()),
            "bytes -> JSON -> bytes changed the bytes\n{json}"
        );
    }

    let dynamic = codec.decode(bytes).unwrap_or_else(|err| {
        panic!("the dynamic codec refuses what the generated code decodes: {err}\n{json}")
    });
    assert_eq!(dynamic, json, "the two decoders give different TL-JSON");
}

/// Whether the JSON holds the string `"NaN"` anywhere: the spelling of a NaN
/// double (a string field with that text only makes the check weaker).
fn holds_nan(json: &Value) -> bool {
    match json {
        Value::String(text) => text == "NaN",
        Value::Array(items) => items.iter().any(holds_nan),
        Value::Object(fields) => fields.values().any(holds_nan),
        _ => false,
    }
}
