//! Bytes → the dynamic codec (`tl json decode`).

use crate::bundled::full_codec;

/// Decodes arbitrary bytes to TL-JSON with the bundled API and MTProto
/// schema. Whatever decodes must encode again, and decoding those bytes must
/// give the same JSON (the first decode may normalise, for example by
/// dropping unknown mask bits; after that, bytes and JSON are fixed points).
pub fn decode_dynamic(bytes: &[u8]) {
    let codec = full_codec();
    let json = match codec.decode(bytes) {
        Ok(json) => json,
        Err(err) => {
            let _ = err.to_string();
            return;
        }
    };
    let encoded = codec
        .encode(&json)
        .unwrap_or_else(|err| panic!("decoded JSON does not encode: {err}\n{json}"));
    let again = codec
        .decode(&encoded)
        .unwrap_or_else(|err| panic!("re-encoded bytes do not decode: {err}\n{json}"));
    assert_eq!(
        json, again,
        "bytes -> JSON -> bytes -> JSON changed the JSON"
    );
}
