//! Arbitrary JSON → the TL-JSON encoders.

use crate::bundled::api_codec;
use tl_types::json::FromTlJson;
use tl_types::{AnyObject, Encode};

/// Reads the input as JSON text and encodes it with both TL-JSON encoders:
/// the dynamic codec and the generated `AnyObject`. They must agree: both
/// accept it and give the same bytes, or both refuse it.
pub fn encode_json(data: &[u8]) {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let dynamic = api_codec().encode(&json);
    let generated = AnyObject::from_tl_json(&json, "").map(|value| value.to_bytes());
    match (dynamic, generated) {
        (Ok(dynamic), Ok(Ok(generated))) => {
            assert_eq!(dynamic, generated, "the two encoders disagree on {json}")
        }
        (Err(dynamic), Ok(Err(generated))) => {
            let _ = (dynamic.to_string(), generated.to_string());
        }
        (Err(_), Err(_)) => {}
        (dynamic, generated) => panic!(
            "one encoder accepts what the other refuses: dynamic {:?}, generated {:?}\n{json}",
            dynamic.map(|_| ()),
            generated.map(|_| ())
        ),
    }
}
