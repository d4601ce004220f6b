//! `CowVec` and `CowBox`, the vectors and boxes of borrowed bindings: owned
//! when changed, and compared and shown as the values they hold.

use tl_types::{CowBox, CowVec};

#[test]
fn a_borrowed_vector_becomes_owned_when_changed() {
    let items = [1, 2];
    let mut vector = CowVec::Borrowed(&items[..]);
    assert!(vector.is_borrowed());
    vector.to_mut().push(3);
    assert!(!vector.is_borrowed());
    assert_eq!(vector, [1, 2, 3]);
    assert_eq!(items, [1, 2]);
    assert_eq!(vector.clone().into_vec(), vec![1, 2, 3]);
}

#[test]
fn a_borrowed_box_becomes_owned_when_changed() {
    let value = String::from("a");
    let mut boxed = CowBox::Borrowed(&value);
    assert!(boxed.is_borrowed());
    boxed.to_mut().push('b');
    assert!(!boxed.is_borrowed());
    assert_eq!(*boxed, "ab");
    assert_eq!(value, "a");
    assert_eq!(boxed.into_inner(), "ab");
}

#[test]
fn borrowed_and_owned_forms_compare_and_show_alike() {
    let items = vec![String::from("x")];
    let borrowed = CowVec::Borrowed(&items[..]);
    let owned = CowVec::Owned(items.clone());
    assert_eq!(borrowed, owned);
    assert_eq!(format!("{borrowed:?}"), format!("{items:?}"));
    assert_eq!(format!("{:?}", CowBox::Borrowed(&5)), "5");
    assert_ne!(CowVec::<i32>::new(), [1]);
}
