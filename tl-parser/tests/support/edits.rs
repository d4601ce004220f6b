//! Random edits of a text (delete, insert, swap at relative positions), to
//! make near-miss schemas out of real ones. Shared by the property tests and
//! the in-crate fast-path tests (through `#[path]`).

use proptest::prelude::*;

/// An edit at a relative position of a text.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Delete up to this many characters.
    Delete(f64, usize),
    /// Insert this text.
    Insert(f64, String),
    /// Swap two characters.
    Swap(f64, f64),
}

/// Edits that delete at most `max_delete` characters and insert texts from `insert`.
pub fn edit(
    max_delete: usize,
    insert: impl Strategy<Value = String>,
) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0, 1usize..max_delete + 1).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0, insert).prop_map(|(at, s)| Edit::Insert(at, s)),
        (0.0..1.0, 0.0..1.0).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

/// `text` with `edits` applied in order.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
    for edit in edits {
        let len = chars.len();
        match edit {
            Edit::Delete(f, n) => {
                let i = at(*f, len);
                chars.drain(i..(i + n).min(len));
            }
            Edit::Insert(f, s) => {
                let i = at(*f, len);
                chars.splice(i..i, s.chars());
            }
            Edit::Swap(a, b) if len > 0 => {
                let (i, j) = (at(*a, len - 1), at(*b, len - 1));
                chars.swap(i, j);
            }
            Edit::Swap(..) => {}
        }
    }
    chars.into_iter().collect()
}
