//! [`CowVec`] and [`CowBox`]: the vectors and boxes of borrowed bindings
//! (`tl_codegen::Config::borrowed`), borrowed from an arena the value was
//! read into or owned on the heap, as a `Cow` is borrowed or owned.
//!
//! Read with an arena (`Reader::with_arena`, feature `arena`),
//! every vector and box of a value lands in the arena and the value
//! allocates nothing of its own; read without one, they are a `Vec` and a
//! `Box`, as in owned bindings. Either way a value reads the same through
//! `Deref`, compares equal to the other, and becomes `'static` with
//! [`crate::IntoOwned`].

use std::fmt;
use std::ops::Deref;

/// A vector of a borrowed binding: a slice borrowed from an arena, or a
/// `Vec`. It dereferences to `[T]`.
///
/// ```
/// use tl_types::CowVec;
///
/// let read: CowVec<'_, i64> = CowVec::Borrowed(&[1, 2]);
/// let built: CowVec<'_, i64> = vec![1, 2].into();
/// assert_eq!(read, built);
/// assert_eq!(read.iter().sum::<i64>(), 3);
/// ```
pub enum CowVec<'a, T> {
    /// Elements that live elsewhere: in the arena the value was read into.
    Borrowed(&'a [T]),
    /// Elements of its own.
    Owned(Vec<T>),
}

impl<'a, T> CowVec<'a, T> {
    /// An empty vector, which allocates nothing.
    pub const fn new() -> CowVec<'a, T> {
        CowVec::Owned(Vec::new())
    }

    /// Whether the elements are borrowed.
    pub fn is_borrowed(&self) -> bool {
        matches!(self, CowVec::Borrowed(_))
    }

    /// The elements as a `Vec` that can grow: borrowed ones are cloned into
    /// one first.
    pub fn to_mut(&mut self) -> &mut Vec<T>
    where
        T: Clone,
    {
        if let CowVec::Borrowed(items) = *self {
            *self = CowVec::Owned(items.to_vec());
        }
        match self {
            CowVec::Owned(items) => items,
            CowVec::Borrowed(_) => unreachable!("made owned above"),
        }
    }

    /// The elements as a `Vec`: owned ones moved, borrowed ones cloned.
    pub fn into_vec(self) -> Vec<T>
    where
        T: Clone,
    {
        match self {
            CowVec::Borrowed(items) => items.to_vec(),
            CowVec::Owned(items) => items,
        }
    }
}

impl<T> Deref for CowVec<'_, T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        match self {
            CowVec::Borrowed(items) => items,
            CowVec::Owned(items) => items,
        }
    }
}

impl<T> AsRef<[T]> for CowVec<'_, T> {
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T> Default for CowVec<'_, T> {
    fn default() -> Self {
        CowVec::new()
    }
}

/// A clone borrows what the original borrows and clones what it owns.
impl<T: Clone> Clone for CowVec<'_, T> {
    fn clone(&self) -> Self {
        match self {
            CowVec::Borrowed(items) => CowVec::Borrowed(items),
            CowVec::Owned(items) => CowVec::Owned(items.clone()),
        }
    }
}

/// Shown as its elements are, whether borrowed or owned.
impl<T: fmt::Debug> fmt::Debug for CowVec<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// Equal when the elements are, whether borrowed or owned.
impl<T: PartialEq<U>, U> PartialEq<CowVec<'_, U>> for CowVec<'_, T> {
    fn eq(&self, other: &CowVec<'_, U>) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for CowVec<'_, T> {}

impl<T: PartialEq<U>, U> PartialEq<[U]> for CowVec<'_, T> {
    fn eq(&self, other: &[U]) -> bool {
        **self == *other
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for CowVec<'_, T> {
    fn eq(&self, other: &[U; N]) -> bool {
        **self == other[..]
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for CowVec<'_, T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        **self == other[..]
    }
}

impl<T> From<Vec<T>> for CowVec<'_, T> {
    fn from(items: Vec<T>) -> Self {
        CowVec::Owned(items)
    }
}

impl<'a, T> From<&'a [T]> for CowVec<'a, T> {
    fn from(items: &'a [T]) -> Self {
        CowVec::Borrowed(items)
    }
}

impl<T> FromIterator<T> for CowVec<'_, T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        CowVec::Owned(items.into_iter().collect())
    }
}

impl<'s, T> IntoIterator for &'s CowVec<'_, T> {
    type Item = &'s T;
    type IntoIter = std::slice::Iter<'s, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A box of a borrowed binding (a large variant of an enum, a value of any
/// type): a value borrowed from an arena, or a `Box`. It dereferences to
/// `T`.
///
/// ```
/// use tl_types::CowBox;
///
/// let read: CowBox<'_, i64> = CowBox::Borrowed(&7);
/// let built = CowBox::new(7);
/// assert_eq!(read, built);
/// assert_eq!(*read + 1, 8);
/// ```
pub enum CowBox<'a, T: ?Sized> {
    /// A value that lives elsewhere: in the arena it was read into.
    Borrowed(&'a T),
    /// A value of its own, on the heap.
    Owned(Box<T>),
}

impl<'a, T> CowBox<'a, T> {
    /// `value` in a box of its own.
    pub fn new(value: T) -> CowBox<'a, T> {
        CowBox::Owned(Box::new(value))
    }

    /// The value: an owned one moved out, a borrowed one cloned.
    pub fn into_inner(self) -> T
    where
        T: Clone,
    {
        match self {
            CowBox::Borrowed(value) => value.clone(),
            CowBox::Owned(value) => *value,
        }
    }

    /// The value, to change: a borrowed one is cloned into a box first.
    pub fn to_mut(&mut self) -> &mut T
    where
        T: Clone,
    {
        if let CowBox::Borrowed(value) = *self {
            *self = CowBox::new(value.clone());
        }
        match self {
            CowBox::Owned(value) => value,
            CowBox::Borrowed(_) => unreachable!("made owned above"),
        }
    }
}

impl<T: ?Sized> CowBox<'_, T> {
    /// Whether the value is borrowed.
    pub fn is_borrowed(&self) -> bool {
        matches!(self, CowBox::Borrowed(_))
    }
}

impl<T: ?Sized> Deref for CowBox<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        match self {
            CowBox::Borrowed(value) => value,
            CowBox::Owned(value) => value,
        }
    }
}

impl<T: ?Sized> AsRef<T> for CowBox<'_, T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: Default> Default for CowBox<'_, T> {
    fn default() -> Self {
        CowBox::new(T::default())
    }
}

/// A clone borrows what the original borrows and clones what it owns.
impl<T: Clone> Clone for CowBox<'_, T> {
    fn clone(&self) -> Self {
        match self {
            CowBox::Borrowed(value) => CowBox::Borrowed(value),
            CowBox::Owned(value) => CowBox::Owned(value.clone()),
        }
    }
}

/// Shown as its value is, whether borrowed or owned.
impl<T: fmt::Debug + ?Sized> fmt::Debug for CowBox<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// Equal when the values are, whether borrowed or owned.
impl<T: PartialEq<U> + ?Sized, U: ?Sized> PartialEq<CowBox<'_, U>> for CowBox<'_, T> {
    fn eq(&self, other: &CowBox<'_, U>) -> bool {
        **self == **other
    }
}

impl<T: Eq + ?Sized> Eq for CowBox<'_, T> {}

impl<T> From<T> for CowBox<'_, T> {
    fn from(value: T) -> Self {
        CowBox::new(value)
    }
}

impl<T: ?Sized> From<Box<T>> for CowBox<'_, T> {
    fn from(value: Box<T>) -> Self {
        CowBox::Owned(value)
    }
}
