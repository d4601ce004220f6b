//! The key-value fixture and `schema/shapes.tl`, generated both ways: for
//! random values of every constructor and function (written by walking the
//! parsed schema, knowing nothing of the generated code), the borrowed
//! bindings read what the owned ones read and write the same bytes back,
//! and a truncation fails with the same error (or, where an open `Object`
//! takes the rest, reads the same value). Read with an arena, they read the
//! same value as without, which stays whole once made owned and the arena
//! is gone.

#[path = "../../../tl-types/tests/support/random_bytes.rs"]
mod random_bytes;

use proptest::prelude::*;
use random_bytes::Writer;
use std::borrow::Cow;
use tl_borrowed_bindings::{kv, kv_borrowed, shapes, shapes_borrowed};
use tl_types::bumpalo::Bump;
use tl_types::{BorrowDecode, Decode, Encode, IntoOwned};

fn schema(text: &str) -> tl_parser::Schema {
    tl_parser::parse(text).unwrap()
}

macro_rules! agree {
    ($($test:ident: $owned:ident, $borrowed:ident, $file:literal, $objects:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig {
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn $test(seed in any::<u64>()) {
                let schema = schema(include_str!($file));
                let count = Writer::new(&schema, seed).each_object(|d, bytes, cut| {
                    let owned = $owned::AnyObject::from_bytes(bytes).unwrap();
                    let borrowed = $borrowed::AnyObject::borrow_from_bytes(bytes).unwrap();
                    let arena = Bump::new();
                    let in_arena = $borrowed::AnyObject::borrow_from_bytes_in(bytes, &arena).unwrap();
                    // Compared by bytes: a `double` may be NaN, unequal to itself.
                    prop_assert_eq!(&in_arena.to_bytes().unwrap(), bytes);
                    let kept: $borrowed::AnyObject<'static> = in_arena.into_owned();
                    drop(arena);
                    prop_assert_eq!(&kept.to_bytes().unwrap(), bytes);
                    prop_assert_eq!(borrowed.tl_name(), d.full_name());
                    prop_assert_eq!(&borrowed.to_bytes().unwrap(), bytes);
                    prop_assert_eq!(&owned.to_bytes().unwrap(), bytes);
                    let kept: $borrowed::AnyObject<'static> = borrowed.into_owned();
                    prop_assert_eq!(&kept.to_bytes().unwrap(), bytes);
                    // An open `Object` at the end takes whatever is left,
                    // so a cut can be a value too: then the same one.
                    let cut = &bytes[..cut];
                    match ($owned::AnyObject::from_bytes(cut), $borrowed::AnyObject::borrow_from_bytes(cut)) {
                        (Err(owned), Err(borrowed)) => prop_assert_eq!(owned, borrowed, "{}", d.full_name()),
                        (Ok(owned), Ok(borrowed)) => prop_assert_eq!(owned.to_bytes().unwrap(), borrowed.to_bytes().unwrap()),
                        (owned, borrowed) => prop_assert!(false, "{}: {owned:?} but {borrowed:?}", d.full_name()),
                    }
                    Ok(())
                })?;
                prop_assert_eq!(count, $objects);
            }
        }
    )*};
}

agree! {
    kv_agrees: kv, kv_borrowed, "../../../tl-codegen/tests/fixtures/kv.tl", 15;
    shapes_agree: shapes, shapes_borrowed, "../schema/shapes.tl", 7;
}

#[test]
fn nested_bare_vectors_borrow_every_string() {
    let grid = shapes::types::Grid {
        rows: vec![vec!["a".into(), "bc".into()], vec![]],
        cells: vec![vec![vec![1, 2, 3]]],
        origin: shapes::types::Point { x: 1, y: 2 },
    };
    let bytes = grid.to_bytes().unwrap();
    let read = shapes_borrowed::types::Grid::borrow_from_bytes(&bytes).unwrap();
    assert!(
        read.rows
            .iter()
            .flatten()
            .all(|s| matches!(s, Cow::Borrowed(_)))
    );
    assert!(
        read.cells
            .iter()
            .flatten()
            .all(|b| matches!(b, Cow::Borrowed(_)))
    );
    assert_eq!(read.rows[0], ["a", "bc"]);
    assert_eq!(read.to_bytes().unwrap(), bytes);
    // With an arena, the vectors at every level are in it.
    let arena = Bump::new();
    let in_arena = shapes_borrowed::types::Grid::borrow_from_bytes_in(&bytes, &arena).unwrap();
    assert!(in_arena.rows.is_borrowed() && in_arena.rows.iter().all(|row| row.is_borrowed()));
    assert!(in_arena.cells.is_borrowed() && in_arena.cells[0].is_borrowed());
    assert_eq!(in_arena, read);
}

#[test]
fn a_type_named_cow_is_no_trouble() {
    let cow = shapes_borrowed::enums::Cow::from(shapes_borrowed::types::Cow::new("moo"));
    let bytes = cow.to_bytes().unwrap();
    let shapes_borrowed::enums::Cow::Cow(read) =
        shapes_borrowed::enums::Cow::borrow_from_bytes(&bytes).unwrap();
    assert!(matches!(read.name, Cow::Borrowed("moo")));
}
