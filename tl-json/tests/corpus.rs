//! The dynamic codec against the gramjs corpus (`tests/corpus/api.jsonl`):
//! for every constructor and function of layer 229, decoding gramjs's bytes
//! gives exactly its TL-JSON, and encoding the TL-JSON gives exactly its bytes.

use serde_json::Value;

fn codec() -> tl_json::Codec {
    let api = tl_parser::parse(include_str!("../../tl-types/schema/api.tl")).unwrap();
    tl_json::Codec::new(&[api])
}

fn vectors() -> Vec<(String, Value, Vec<u8>)> {
    include_str!("../../tests/corpus/api.jsonl")
        .lines()
        .chain(include_str!("../../tests/corpus/seed.json").lines())
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            let name = format!(
                "{} ({})",
                v["name"].as_str().unwrap(),
                v["variant"].as_str().unwrap()
            );
            (
                name,
                v["json"].clone(),
                hex::decode(v["hex"].as_str().unwrap()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn decoding_gramjs_bytes_gives_its_json() {
    let codec = codec();
    let vectors = vectors();
    assert_eq!(vectors.len(), 4942);
    for (name, json, bytes) in &vectors {
        let decoded = codec
            .decode(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(same(&decoded, json), "{name}: {decoded} != {json}");
    }
}

#[test]
fn encoding_its_json_gives_gramjs_bytes() {
    let codec = codec();
    for (name, json, bytes) in vectors() {
        let encoded = codec
            .encode(&json)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(encoded, bytes, "{name}");
    }
}

/// JSON equality where numbers compare by value: gramjs writes the double 0
/// as `0`, we write `0.0`.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn the_generated_code_reads_and_writes_the_same_json() {
    use tl_types::{AnyObject, Decode, Encode, json::ToTlJson};
    for (name, json, bytes) in vectors() {
        let object = AnyObject::from_bytes(&bytes).unwrap();
        assert!(
            same(&object.to_tl_json(), &json),
            "{name}: {}",
            object.to_tl_json()
        );
        let from_json: AnyObject =
            serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(from_json.to_bytes().unwrap(), bytes, "{name}");
    }
}
