//! Every constructor and function of layer 229, as bytes that gramjs wrote
//! (`tests/corpus/api.jsonl`, two vectors each): the generated code decodes
//! them by their leading id, knows their names, writes back the very same
//! bytes, and refuses every truncation.

#[path = "support/gramjs_corpus.rs"]
mod gramjs_corpus;

use gramjs_corpus::vectors as corpus;
use tl_types::{AnyObject, Decode, Encode};

#[test]
fn every_vector_decodes_by_id_and_encodes_back_to_the_same_bytes() {
    let corpus = corpus();
    assert_eq!(corpus.len(), 4940);
    let mut names = std::collections::HashSet::new();
    for vector in &corpus {
        let object = AnyObject::from_bytes(&vector.bytes)
            .unwrap_or_else(|e| panic!("{} ({}): {e}", vector.name, vector.variant));
        assert_eq!(object.tl_name(), vector.name);
        assert_eq!(
            object.constructor_id().to_le_bytes(),
            vector.bytes[..4],
            "{}",
            vector.name
        );
        let bytes = object.to_bytes().unwrap();
        assert_eq!(bytes, vector.bytes, "{} ({})", vector.name, vector.variant);
        assert_eq!(object.encoded_len().unwrap(), bytes.len());
        names.insert(vector.name.as_str());
    }
    assert_eq!(
        names.len(),
        2470,
        "every definition but the `vector` built-in"
    );
}

#[test]
fn every_truncation_is_an_error() {
    let mut checked = 0;
    for vector in corpus() {
        for len in 0..vector.bytes.len() {
            let result = AnyObject::from_bytes(&vector.bytes[..len]);
            assert!(
                result.is_err(),
                "{} cut to {len} bytes decoded",
                vector.name
            );
            checked += 1;
        }
    }
    assert!(checked > 400_000, "{checked}");
}

#[test]
fn a_constructor_is_not_a_call() {
    let sent_code = include_str!("../../tests/corpus/seed.json")
        .lines()
        .nth(1)
        .unwrap();
    assert!(sent_code.contains("auth.sentCode"));
    let error = tl_types::AnyCall::from_bytes(&[0x02, 0x25, 0x00, 0x5e]).unwrap_err();
    assert_eq!(
        *error.kind(),
        tl_types::DecodeErrorKind::UnexpectedConstructor {
            id: 0x5e002502,
            expected: "any function"
        }
    );
}
