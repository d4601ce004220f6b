//! The readers of borrowed bindings (`BorrowDecode`): strings and bytes as
//! slices of the input, text that is not UTF-8 replaced and owned, and the
//! same values and errors as the owned readers (`Decode`) on any input.

use proptest::prelude::*;
use std::borrow::Cow;
use tl_types::{BorrowDecode, Decode, Encode, IntoOwned};

#[test]
fn strings_point_into_the_input() {
    let input = [5, b'h', b'e', b'l', b'l', b'o', 0, 0];
    let text = Cow::<str>::borrow_from_bytes(&input).unwrap();
    assert!(matches!(text, Cow::Borrowed("hello")));
    let bytes = Cow::<[u8]>::borrow_from_bytes(&input).unwrap();
    assert!(matches!(bytes, Cow::Borrowed(b"hello")));
}

#[test]
fn text_that_is_not_utf8_is_replaced_and_owned() {
    let input = [2, b'a', 0xff, 0];
    let text = Cow::<str>::borrow_from_bytes(&input).unwrap();
    assert!(matches!(text, Cow::Owned(_)));
    assert_eq!(text, String::from_bytes(&input).unwrap());
}

#[test]
fn a_vector_of_borrowed_strings_and_of_numbers() {
    let mut input = Vec::new();
    vec!["a".to_owned(), "bc".to_owned()]
        .encode(&mut input)
        .unwrap();
    let texts = Vec::<Cow<str>>::borrow_from_bytes(&input).unwrap();
    assert!(texts.iter().all(|t| matches!(t, Cow::Borrowed(_))));
    assert_eq!(texts, ["a", "bc"]);
    let mut numbers = Vec::new();
    vec![1_i64, -2, 3].encode(&mut numbers).unwrap();
    assert_eq!(Vec::<i64>::borrow_from_bytes(&numbers).unwrap(), [1, -2, 3]);
}

#[test]
fn into_owned_keeps_the_value() {
    let text = String::from("ab");
    let value: Vec<Option<Box<Cow<str>>>> = vec![Some(Box::new(Cow::Borrowed(&text))), None];
    let owned = value.clone().into_owned();
    drop(text);
    assert_eq!(owned.len(), 2);
    assert_eq!(owned[0].as_deref().map(|t| &**t), Some("ab"));
    assert!(matches!(owned[0].as_deref(), Some(Cow::Owned(_))));
}

proptest! {
    /// On any input, the borrowed readers accept what the owned ones
    /// accept, read the same values, and fail at the same place.
    #[test]
    fn borrowed_reading_agrees_with_owned(input in proptest::collection::vec(any::<u8>(), 0..64)) {
        let owned = Vec::<String>::from_bytes(&input);
        let borrowed = Vec::<Cow<str>>::borrow_from_bytes(&input);
        match (owned, borrowed) {
            (Ok(owned), Ok(borrowed)) => prop_assert_eq!(owned, borrowed.into_owned()),
            (Err(owned), Err(borrowed)) => prop_assert_eq!(owned, borrowed),
            (owned, borrowed) => prop_assert!(false, "{owned:?} but {borrowed:?}"),
        }
        let owned = Vec::<u8>::from_bytes(&input);
        let borrowed = Cow::<[u8]>::borrow_from_bytes(&input);
        prop_assert_eq!(owned, borrowed.map(Cow::into_owned));
    }

    /// What is encoded from a borrowed value reads back the same.
    #[test]
    fn encoding_a_borrowed_value_round_trips(text in ".{0,300}") {
        let borrowed = Cow::Borrowed(text.as_str());
        let bytes = borrowed.to_bytes().unwrap();
        prop_assert_eq!(&bytes, &text.to_bytes().unwrap());
        prop_assert_eq!(Cow::<str>::borrow_from_bytes(&bytes).unwrap(), borrowed);
    }
}
