//! [`Namespace`]: the namespace path of a name, `["auth"]` in `auth.sendCode`.

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The namespace path of a definition's or a type's name: the parts before
/// the last `.` — `["auth"]` for `auth.sendCode`, `["storage", "daemon"]`
/// for `storage.daemon.torrent`, nothing for `message`.
///
/// It dereferences to a slice of its parts (`namespace.is_empty()`,
/// `namespace.iter()`, `namespace[0]`), compares equal to arrays, slices and
/// vectors of the same strings, and serialises as a list of strings. A path
/// of at most one part — every namespace of the Telegram schemas — is held
/// without a heap allocation.
#[derive(Clone, Default)]
pub struct Namespace(Parts);

#[derive(Clone, Default)]
enum Parts {
    #[default]
    Empty,
    One(CompactString),
    /// Two parts or more.
    Many(Box<[CompactString]>),
}

impl Namespace {
    /// The empty path, of a name in the global namespace.
    pub const fn new() -> Namespace {
        Namespace(Parts::Empty)
    }

    /// The path of one part: `auth`.
    pub fn one(part: impl Into<CompactString>) -> Namespace {
        Namespace(Parts::One(part.into()))
    }

    /// The parts, in order.
    pub fn as_slice(&self) -> &[CompactString] {
        match &self.0 {
            Parts::Empty => &[],
            Parts::One(part) => std::slice::from_ref(part),
            Parts::Many(parts) => parts,
        }
    }
}

impl Deref for Namespace {
    type Target = [CompactString];

    fn deref(&self) -> &[CompactString] {
        self.as_slice()
    }
}

impl<T: Into<CompactString>> FromIterator<T> for Namespace {
    fn from_iter<I: IntoIterator<Item = T>>(parts: I) -> Namespace {
        let mut parts = parts.into_iter();
        let Some(first) = parts.next() else {
            return Namespace::new();
        };
        let Some(second) = parts.next() else {
            return Namespace::one(first);
        };
        let all: Vec<CompactString> = [first.into(), second.into()]
            .into_iter()
            .chain(parts.map(Into::into))
            .collect();
        Namespace(Parts::Many(all.into_boxed_slice()))
    }
}

impl<T: Into<CompactString>> From<Vec<T>> for Namespace {
    fn from(parts: Vec<T>) -> Namespace {
        parts.into_iter().collect()
    }
}

impl<T: Into<CompactString>, const N: usize> From<[T; N]> for Namespace {
    fn from(parts: [T; N]) -> Namespace {
        parts.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Namespace {
    type Item = &'a CompactString;
    type IntoIter = std::slice::Iter<'a, CompactString>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl PartialEq for Namespace {
    fn eq(&self, other: &Namespace) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Namespace {}

impl<T> PartialEq<[T]> for Namespace
where
    CompactString: PartialEq<T>,
{
    fn eq(&self, other: &[T]) -> bool {
        self.as_slice() == other
    }
}

impl<T, const N: usize> PartialEq<[T; N]> for Namespace
where
    CompactString: PartialEq<T>,
{
    fn eq(&self, other: &[T; N]) -> bool {
        self.as_slice() == other
    }
}

impl<T> PartialEq<Vec<T>> for Namespace
where
    CompactString: PartialEq<T>,
{
    fn eq(&self, other: &Vec<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Hash for Namespace {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl fmt::Debug for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl Serialize for Namespace {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl<'de> Deserialize<'de> for Namespace {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Namespace, D::Error> {
        Vec::<CompactString>::deserialize(deserializer).map(Namespace::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Namespace;

    #[test]
    fn paths_of_any_length_keep_their_parts() {
        for parts in [
            vec![],
            vec!["auth"],
            vec!["storage", "daemon"],
            vec!["a", "b", "c"],
        ] {
            let namespace = Namespace::from(parts.clone());
            assert_eq!(namespace.len(), parts.len());
            assert_eq!(namespace, parts);
            assert_eq!(format!("{namespace:?}"), format!("{parts:?}"));
            let json = serde_json::to_string(&namespace).unwrap();
            assert_eq!(json, serde_json::to_string(&parts).unwrap());
            assert_eq!(serde_json::from_str::<Namespace>(&json).unwrap(), namespace);
        }
    }

    #[test]
    fn equal_paths_are_equal_however_they_were_built() {
        let built: Namespace = ["auth"].into_iter().collect();
        assert_eq!(built, Namespace::one("auth"));
        assert_eq!(Namespace::from(Vec::<String>::new()), Namespace::new());
        assert_ne!(Namespace::one("auth"), Namespace::new());
        assert_eq!(Namespace::one("auth"), ["auth"]);
    }

    #[test]
    fn short_paths_take_no_more_room_than_a_string() {
        assert_eq!(size_of::<Namespace>(), size_of::<String>());
    }
}
