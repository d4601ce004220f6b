//! The borrowed bindings read what the owned ones read, byte for byte and
//! error for error, with an arena and without: every constructor and
//! function of layer 229 as gramjs wrote it (`tests/corpus/api.jsonl`),
//! every truncation of those, and random damage to them.

#[path = "../../../tl-types/tests/support/gramjs_corpus.rs"]
mod gramjs_corpus;

use gramjs_corpus::Vector;
use proptest::prelude::*;
use std::borrow::Cow;
use tl_borrowed_bindings::api;
use tl_types::bumpalo::Bump;
use tl_types::{BorrowDecode, Decode, DecodeError, Encode, IntoOwned};

/// The corpus, read once for all the tests and proptest cases.
fn corpus() -> &'static [Vector] {
    static CORPUS: std::sync::OnceLock<Vec<Vector>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(gramjs_corpus::vectors)
}

/// Decodes `bytes` with both bindings: both read a value that encodes to
/// the same bytes, or both fail with the same error (same offset, same kind).
/// The borrowed bindings read the same with an arena as without.
fn agree(bytes: &[u8]) -> Result<(), TestCaseError> {
    let owned = tl_types::AnyObject::from_bytes(bytes);
    let borrowed = api::AnyObject::borrow_from_bytes(bytes);
    let arena = Bump::new();
    // Compared by bytes: a `double` may be NaN, unequal to itself.
    let encoded = |read: &Result<api::AnyObject, DecodeError>| {
        read.as_ref()
            .map(|value| value.to_bytes().unwrap())
            .map_err(Clone::clone)
    };
    prop_assert_eq!(
        encoded(&api::AnyObject::borrow_from_bytes_in(bytes, &arena)),
        encoded(&borrowed)
    );
    match (owned, borrowed) {
        (Ok(owned), Ok(borrowed)) => {
            let expected = owned.to_bytes().unwrap();
            prop_assert_eq!(borrowed.tl_name(), owned.tl_name());
            prop_assert_eq!(&borrowed.to_bytes().unwrap(), &expected);
            prop_assert_eq!(&borrowed.into_owned().to_bytes().unwrap(), &expected);
            let decoded_owned = api::AnyObject::from_bytes(bytes).unwrap();
            prop_assert_eq!(&decoded_owned.to_bytes().unwrap(), &expected);
        }
        (Err(owned), Err(borrowed)) => {
            prop_assert_eq!(&owned, &borrowed);
            prop_assert_eq!(Some(owned), api::AnyObject::from_bytes(bytes).err());
        }
        (owned, borrowed) => {
            prop_assert!(false, "owned: {owned:?}, borrowed: {borrowed:?}")
        }
    }
    Ok(())
}

#[test]
fn every_vector_reads_and_writes_back_as_the_owned_bindings_do() {
    let corpus = corpus();
    assert_eq!(corpus.len(), 4940);
    for vector in corpus {
        let name = format!("{} ({})", vector.name, vector.variant);
        let object = api::AnyObject::borrow_from_bytes(&vector.bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(object.tl_name(), vector.name);
        assert_eq!(object.to_bytes().unwrap(), vector.bytes, "{name}");
        assert_eq!(object.encoded_len().unwrap(), vector.bytes.len());
        agree(&vector.bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn every_truncation_fails_as_it_does_for_the_owned_bindings() {
    let mut checked = 0;
    for vector in corpus() {
        for len in 0..vector.bytes.len() {
            let cut = &vector.bytes[..len];
            let owned = tl_types::AnyObject::from_bytes(cut).unwrap_err();
            let borrowed = api::AnyObject::borrow_from_bytes(cut).unwrap_err();
            assert_eq!(owned, borrowed, "{} cut to {len} bytes", vector.name);
            let arena = Bump::new();
            let in_arena = api::AnyObject::borrow_from_bytes_in(cut, &arena).unwrap_err();
            assert_eq!(owned, in_arena, "{} cut to {len} bytes", vector.name);
            checked += 1;
        }
    }
    assert!(checked > 400_000, "{checked}");
}

#[test]
fn strings_and_bytes_point_into_the_input() {
    let mut strings = 0;
    for vector in corpus().iter().filter(|v| v.name == "message") {
        let api::AnyObject::Value(api::AnyValue::Message(api::enums::Message::Message(message))) =
            api::AnyObject::borrow_from_bytes(&vector.bytes).unwrap()
        else {
            panic!("not a message");
        };
        let Cow::Borrowed(text) = message.message else {
            panic!("the text was copied");
        };
        let range = vector.bytes.as_ptr_range();
        assert!(range.contains(&text.as_ptr()) || text.is_empty());
        strings += 1;
    }
    assert_eq!(strings, 2);
    for vector in corpus().iter().filter(|v| v.name == "fileHash") {
        let api::enums::FileHash::FileHash(hash) =
            api::enums::FileHash::borrow_from_bytes(&vector.bytes).unwrap();
        assert!(matches!(hash.hash, Cow::Borrowed(_)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Damaged input: up to eight bytes of a vector overwritten. Whatever
    /// the owned bindings make of it, the borrowed ones make the same.
    #[test]
    fn damaged_vectors_read_as_the_owned_bindings_read_them(
        index in 0..4940_usize,
        damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = corpus()[index].bytes.clone();
        for (at, value) in damage {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        agree(&bytes)?;
    }

    /// Bytes of no particular shape, led by a real constructor id.
    #[test]
    fn random_bytes_read_as_the_owned_bindings_read_them(
        index in 0..4940_usize,
        tail in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let mut bytes = corpus()[index].bytes[..4].to_vec();
        bytes.extend(tail);
        agree(&bytes)?;
    }
}
