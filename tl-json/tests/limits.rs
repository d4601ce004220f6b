//! The dynamic codec's limits, each tested just inside and just outside:
//! nesting depth (decoding and encoding count the same way, and
//! `Codec::with_max_depth` changes both), and vector counts, which are
//! checked against the input that remains before anything is allocated.

use serde_json::{Value, json};
use tl_types::DEFAULT_MAX_DEPTH;

const TEXT_BOLD: u32 = 0x6724abc4;
const TEXT_EMPTY: u32 = 0xdc3d824f;
const TEXT_CONCAT: u32 = 0x7e6260d7;
const VECTOR: u32 = 0x1cb5c415;

fn codec() -> tl_json::Codec {
    let api = tl_parser::parse(include_str!("../../tl-types/schema/api.tl")).unwrap();
    tl_json::Codec::new(&[api])
}

fn words(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// `objects` nested rich texts: `objects - 1` textBold around one textEmpty.
fn nested_bytes(objects: usize) -> Vec<u8> {
    let mut ids = vec![TEXT_BOLD; objects - 1];
    ids.push(TEXT_EMPTY);
    words(&ids)
}

fn nested_json(objects: usize) -> Value {
    let mut json = json!({"_": "textEmpty"});
    for _ in 1..objects {
        json = json!({"_": "textBold", "text": json});
    }
    json
}

#[test]
fn nesting_at_the_default_limit() {
    let limit = DEFAULT_MAX_DEPTH as usize;
    let codec = codec();
    let json = codec.decode(&nested_bytes(limit)).unwrap();
    assert_eq!(json, nested_json(limit));
    assert_eq!(codec.encode(&json).unwrap(), nested_bytes(limit));

    let error = codec.decode(&nested_bytes(limit + 1)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "at byte {}: values nest deeper than the limit of {limit}",
            limit * 4
        )
    );
    let error = codec.encode(&nested_json(limit + 1)).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with(&format!("objects nest deeper than the limit of {limit}")),
        "{error}"
    );
}

#[test]
fn the_nesting_limit_can_be_changed() {
    let codec = codec().with_max_depth(3);
    assert!(codec.decode(&nested_bytes(3)).is_ok());
    assert!(codec.encode(&nested_json(3)).is_ok());
    assert!(codec.decode(&nested_bytes(4)).is_err());
    assert_eq!(
        codec.encode(&nested_json(4)).unwrap_err().to_string(),
        "at .text.text.text: objects nest deeper than the limit of 3"
    );

    let deeper = self::codec().with_max_depth(200);
    assert_eq!(deeper.decode(&nested_bytes(200)).unwrap(), nested_json(200));
}

#[test]
fn vectors_nest_no_deeper_than_their_elements() {
    // textConcat [textBold textEmpty]: the vector itself is not a level.
    let bytes = words(&[TEXT_CONCAT, VECTOR, 1, TEXT_BOLD, TEXT_EMPTY]);
    let codec = codec().with_max_depth(3);
    let json = codec.decode(&bytes).unwrap();
    assert_eq!(codec.encode(&json).unwrap(), bytes);
    assert!(codec.with_max_depth(2).decode(&bytes).is_err());
}

#[test]
fn a_vector_count_is_checked_against_the_input_left() {
    // textConcat with `count` elements announced and 4 bytes per element
    // present: the smallest an element can be.
    let concat = |count: u32, present: usize| {
        let mut ids = vec![TEXT_CONCAT, VECTOR, count];
        ids.extend(std::iter::repeat_n(TEXT_EMPTY, present));
        words(&ids)
    };
    let codec = codec();
    assert!(codec.decode(&concat(3, 3)).is_ok());
    let error = codec.decode(&concat(4, 3)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "at byte 8: vector count 4 needs 16 byte(s) or more, and 12 are left"
    );
    let error = codec.decode(&concat(i32::MAX as u32, 3)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("vector count 2147483647 needs 8589934588 byte(s)"),
        "{error}"
    );
}

#[test]
fn a_vector_of_true_is_bounded_too() {
    // `true` takes no bytes on the wire, so without the bound a count of
    // 2^31 - 1 would make the decoder build two billion values.
    let schema = tl_parser::parse("flags#11111111 list:Vector<true> = Flags;").unwrap();
    let codec = tl_json::Codec::new(&[schema]);
    let hostile = words(&[0x11111111, VECTOR, i32::MAX as u32]);
    let error = codec.decode(&hostile).unwrap_err();
    assert!(
        error.to_string().contains("vector count 2147483647"),
        "{error}"
    );
    let small = words(&[0x11111111, VECTOR, 0]);
    assert_eq!(
        codec.decode(&small).unwrap(),
        json!({"_": "flags", "list": []})
    );
}
