//! Bytes written by an independent TON implementation (pytoniq-core 0.2.1,
//! see `ton-corpus/README.md`) for 50 objects of `lite_api.tl` and
//! `ton_api.tl`: the generated bindings decode each and encode it back to the
//! same bytes, and the dynamic TL-JSON codec decodes each to the JSON the
//! corpus gives and encodes that JSON to the same bytes.

use serde_json::Value;
use tl_types::{Decode, Encode};

pub struct Object {
    pub schema: String,
    pub name: String,
    id: u32,
    pub bytes: Vec<u8>,
    json: Value,
    pub shape: String,
}

pub fn corpus() -> Vec<Object> {
    let path = format!("{}/ton-corpus/pytoniq.jsonl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(|line| {
            let line: Value = serde_json::from_str(line).unwrap();
            let text = |key: &str| line[key].as_str().unwrap().to_owned();
            Object {
                schema: text("schema"),
                name: text("name"),
                id: u32::from_str_radix(&text("id"), 16).unwrap(),
                bytes: hex::decode(text("hex")).unwrap(),
                json: line["json"].clone(),
                shape: text("shape"),
            }
        })
        .collect()
}

fn codec(schema: &str) -> tl_json::Codec {
    let path = format!("{}/ton/{schema}.tl", tl_real_schemas::CACHE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    tl_json::Codec::new(&[tl_parser::parse(&text).unwrap()])
}

/// The generated bindings: the TL name and the bytes they encode back.
fn generated(object: &Object) -> (&'static str, Vec<u8>) {
    macro_rules! decode {
        ($module:ident) => {{
            let value = tl_real_schemas::$module::AnyObject::from_bytes(&object.bytes)
                .unwrap_or_else(|e| panic!("{} ({}): {e}", object.name, object.shape));
            (value.tl_name(), value.to_bytes().unwrap())
        }};
    }
    match object.schema.as_str() {
        "lite_api" => decode!(lite_api),
        "ton_api" => decode!(ton_api),
        other => panic!("no bindings for {other}"),
    }
}

#[test]
fn the_corpus_covers_both_schemas_and_the_shapes_that_matter() {
    let corpus = corpus();
    assert_eq!(corpus.len(), 50);
    let shapes: String = corpus.iter().map(|o| o.shape.as_str()).collect();
    for needle in [
        "int256",
        "(vector int)",
        "mode.",
        "?true",
        "plain #",
        "explicit #",
        "no field",
    ] {
        assert!(shapes.contains(needle), "no object exercises {needle}");
    }
}

#[test]
fn generated_bindings_read_and_write_the_same_bytes() {
    for object in corpus() {
        assert_eq!(
            object.bytes[..4],
            object.id.to_le_bytes(),
            "{}",
            object.name
        );
        let (name, bytes) = generated(&object);
        assert_eq!(name, object.name);
        assert_eq!(bytes, object.bytes, "{} ({})", object.name, object.shape);
    }
}

#[test]
fn the_dynamic_codec_reads_and_writes_the_same_json_and_bytes() {
    let lite = codec("lite_api");
    let ton = codec("ton_api");
    for object in corpus() {
        let codec = if object.schema == "lite_api" {
            &lite
        } else {
            &ton
        };
        let json = codec
            .decode(&object.bytes)
            .unwrap_or_else(|e| panic!("{} ({}): {e}", object.name, object.shape));
        assert_eq!(json, object.json, "{} ({})", object.name, object.shape);
        let bytes = codec
            .encode(&object.json)
            .unwrap_or_else(|e| panic!("{} ({}): {e}", object.name, object.shape));
        assert_eq!(bytes, object.bytes, "{} ({})", object.name, object.shape);
    }
}
