//! Values that borrow from the bytes they were read from: what bindings
//! generated with `tl_codegen::Config::borrowed` are built on.
//!
//! In such bindings a `string` is a `Cow<'a, str>` and a `bytes` a
//! `Cow<'a, [u8]>`, and every type that holds one, directly or not, takes
//! the lifetime `'a` (`types::Message<'a>`). [`BorrowDecode`] reads them
//! without copying: a string points into the input (valid UTF-8 nearly
//! always; other text is replaced, as the owned decoder does, and owned).
//! [`IntoOwned`] turns a value into its `'static` form, which is what
//! [`Decode`] gives and what a client keeps beyond the buffer.

use crate::cow::{CowBox, CowVec};
use crate::error::DecodeError;
use crate::reader::Reader;
use crate::traits::{Decode, Encode, RawObject, Sink};
use crate::wire::{self, read_bytes, write_bytes};
use crate::writer::Place;
use std::borrow::Cow;

/// A value that can be read from the MTProto wire format, borrowing its
/// strings and bytes from the input instead of copying them.
///
/// ```
/// use std::borrow::Cow;
/// use tl_types::BorrowDecode;
///
/// let input = [2, b'h', b'i', 0];
/// let text = Cow::<str>::borrow_from_bytes(&input).unwrap();
/// assert!(matches!(text, Cow::Borrowed("hi")));
/// ```
pub trait BorrowDecode<'a>: Sized {
    /// Reads one value from `reader`.
    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError>;

    /// Reads `count` values one after another: a vector's elements. Types of
    /// a fixed size read them in one go. Generated code's, through
    /// [`wire::borrow_bare_vector`].
    #[doc(hidden)]
    #[inline]
    fn borrow_elements(reader: &mut Reader<'a>, count: usize) -> Result<Vec<Self>, DecodeError> {
        wire::read_each(reader, count, Self::borrow_decode)
    }

    /// Whether a value read with an arena may still own memory elsewhere (a
    /// `String`, a `Vec`), so that it must not be put in the arena, which
    /// drops nothing. Never so for the values of borrowed bindings.
    #[doc(hidden)]
    const OWNS_HEAP: bool = false;

    /// [`BorrowDecode::borrow_elements`] into one slice of `arena`.
    #[cfg(feature = "arena")]
    #[doc(hidden)]
    #[inline]
    fn borrow_elements_in(
        reader: &mut Reader<'a>,
        count: usize,
        arena: &'a bumpalo::Bump,
    ) -> Result<&'a [Self], DecodeError> {
        crate::arena::read_each_in(reader, count, arena, Self::borrow_decode)
    }

    /// Reads one value that must fill `bytes` exactly: trailing bytes are an
    /// error. The value borrows from `bytes`.
    fn borrow_from_bytes(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        read_whole(Reader::new(bytes))
    }

    /// [`BorrowDecode::borrow_from_bytes`], with the value's vectors and
    /// boxes in `arena` ([`Reader::with_arena`]): the value borrows from
    /// `bytes` and `arena` and allocates nothing of its own. Reset the
    /// arena once the value is gone, to read the next one in the same
    /// memory.
    ///
    /// ```
    /// use tl_types::{BorrowDecode, CowVec, Encode, bumpalo::Bump};
    ///
    /// let bytes = vec![vec![1_i32], vec![2, 3]].to_bytes().unwrap();
    /// let mut arena = Bump::new();
    /// for _ in 0..2 {
    ///     let rows = CowVec::<CowVec<i32>>::borrow_from_bytes_in(&bytes, &arena).unwrap();
    ///     assert!(rows.is_borrowed() && rows.iter().all(|row| row.is_borrowed()));
    ///     assert_eq!(rows[1], [2, 3]);
    ///     drop(rows);
    ///     arena.reset();
    /// }
    /// ```
    #[cfg(feature = "arena")]
    fn borrow_from_bytes_in(
        bytes: &'a [u8],
        arena: &'a bumpalo::Bump,
    ) -> Result<Self, DecodeError> {
        read_whole(Reader::new(bytes).with_arena(arena))
    }
}

/// Reads one value that must fill what `reader` has left.
fn read_whole<'a, T: BorrowDecode<'a>>(mut reader: Reader<'a>) -> Result<T, DecodeError> {
    let value = T::borrow_decode(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// A value that can give up what it borrows: the same value, owning its
/// strings and bytes, with the lifetime `'static`.
///
/// ```
/// use std::borrow::Cow;
/// use tl_types::IntoOwned;
///
/// let text = String::from("kept");
/// let owned: Cow<'static, str> = IntoOwned::into_owned(Cow::Borrowed(text.as_str()));
/// drop(text);
/// assert_eq!(owned, "kept");
/// ```
pub trait IntoOwned {
    /// The owned form: the same type with `'static` for its lifetime.
    type Owned: 'static;

    /// The value, owning everything it holds. Borrowed strings and bytes
    /// are copied; owned ones are moved.
    fn into_owned(self) -> Self::Owned;
}

/// Decodes a value through its borrowed form and turns it owned: the
/// [`Decode`] impl of a type with a lifetime in borrowed bindings.
#[doc(hidden)]
#[inline]
pub fn decode_owned<'a, T>(reader: &mut Reader<'a>) -> Result<T::Owned, DecodeError>
where
    T: BorrowDecode<'a> + IntoOwned,
{
    T::borrow_decode(reader).map(T::into_owned)
}

/// Values that own all they hold read as they always do; those of a fixed
/// size (`fixed`) read a vector into an arena in one go, and those that own
/// memory elsewhere (`owns_heap`) are never put in an arena.
macro_rules! owned {
    ($kind:ident: $($ty:ty),*) => {$(
        impl<'a> BorrowDecode<'a> for $ty {
            const OWNS_HEAP: bool = owned!(@owns_heap $kind);

            #[inline]
            fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
                <$ty as Decode>::decode(reader)
            }

            #[inline]
            fn borrow_elements(reader: &mut Reader<'a>, count: usize) -> Result<Vec<Self>, DecodeError> {
                <$ty as Decode>::read_elements(reader, count)
            }

            owned!(@elements_in $kind);
        }

        impl IntoOwned for $ty {
            type Owned = $ty;

            #[inline]
            fn into_owned(self) -> $ty {
                self
            }
        }
    )*};
    (@owns_heap owns_heap) => { true };
    (@owns_heap $kind:ident) => { false };
    (@elements_in fixed) => {
        #[cfg(feature = "arena")]
        #[inline]
        fn borrow_elements_in(
            reader: &mut Reader<'a>,
            count: usize,
            arena: &'a bumpalo::Bump,
        ) -> Result<&'a [Self], DecodeError> {
            crate::arena::read_fixed_size_in(reader, count, arena)
        }
    };
    (@elements_in $kind:ident) => {};
}

owned!(fixed: i32, u32, i64, f64, [u8; 16], [u8; 32]);
owned!(plain: bool);
owned!(owns_heap: String, Vec<u8>, RawObject);

// Not `#[inline]`, as the owned readers: one shared copy.
impl<'a> BorrowDecode<'a> for Cow<'a, str> {
    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        // Text that is not UTF-8, replaced, goes in the arena, if any, so
        // that the value owns nothing.
        #[cfg(feature = "arena")]
        if let Some(arena) = reader.arena() {
            return wire::read_text_in(reader, arena);
        }
        wire::read_text(reader)
    }
}

impl<'a> BorrowDecode<'a> for Cow<'a, [u8]> {
    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        read_bytes(reader).map(Cow::Borrowed)
    }
}

impl Decode for Cow<'static, str> {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        String::decode(reader).map(Cow::Owned)
    }
}

impl Decode for Cow<'static, [u8]> {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Vec::<u8>::decode(reader).map(Cow::Owned)
    }
}

impl Encode for Cow<'_, str> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        write_bytes(self.as_bytes(), out)
    }
}

impl Encode for Cow<'_, [u8]> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        write_bytes(self, out)
    }
}

impl IntoOwned for Cow<'_, str> {
    type Owned = Cow<'static, str>;

    #[inline]
    fn into_owned(self) -> Cow<'static, str> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl IntoOwned for Cow<'_, [u8]> {
    type Owned = Cow<'static, [u8]>;

    #[inline]
    fn into_owned(self) -> Cow<'static, [u8]> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl<'a, T: BorrowDecode<'a>> BorrowDecode<'a> for Vec<T> {
    const OWNS_HEAP: bool = true;

    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        crate::__private::expect_id(reader, wire::VECTOR_ID, "Vector")?;
        let count = wire::read_count(reader)?;
        T::borrow_elements(reader, count)
    }
}

impl<'a, T: BorrowDecode<'a>> BorrowDecode<'a> for Box<T> {
    const OWNS_HEAP: bool = true;

    #[inline]
    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        T::borrow_decode(reader).map(Box::new)
    }
}

impl<'a> BorrowDecode<'a> for RawObject<Cow<'a, [u8]>> {
    /// Standing alone, an open-typed object is the rest of the input.
    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let len = reader.remaining();
        reader
            .read_bytes(len)
            .map(|bytes| RawObject(Cow::Borrowed(bytes)))
    }
}

impl Decode for RawObject<Cow<'static, [u8]>> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        RawObject::<Vec<u8>>::decode(reader).map(|raw| RawObject(Cow::Owned(raw.0)))
    }
}

impl IntoOwned for RawObject<Cow<'_, [u8]>> {
    type Owned = RawObject<Cow<'static, [u8]>>;

    #[inline]
    fn into_owned(self) -> Self::Owned {
        RawObject(IntoOwned::into_owned(self.0))
    }
}

impl<'a, T: BorrowDecode<'a>> BorrowDecode<'a> for CowVec<'a, T> {
    const OWNS_HEAP: bool = T::OWNS_HEAP;

    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        crate::__private::expect_id(reader, wire::VECTOR_ID, "Vector")?;
        wire::borrow_bare_vector(reader)
    }
}

impl<'a, T: BorrowDecode<'a>> BorrowDecode<'a> for CowBox<'a, T> {
    const OWNS_HEAP: bool = T::OWNS_HEAP;

    /// The value, in the reader's arena if it has one (and the value owns
    /// nothing elsewhere), else in a box.
    #[inline]
    fn borrow_decode(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        #[cfg(feature = "arena")]
        if let Some(arena) = reader.arena().filter(|_| !T::OWNS_HEAP) {
            // Read straight into the arena: the value is not copied there
            // after it is read.
            return arena
                .alloc_try_with(|| T::borrow_decode(reader))
                .map(|value| CowBox::Borrowed(&*value));
        }
        T::borrow_decode(reader).map(CowBox::new)
    }
}

impl<T: Decode> Decode for CowVec<'static, T> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Vec::<T>::decode(reader).map(CowVec::Owned)
    }
}

impl<T: Decode> Decode for CowBox<'static, T> {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        T::decode(reader).map(CowBox::new)
    }
}

impl<T: Encode> Encode for CowVec<'_, T> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        wire::write_bare_vector(self, wire::VECTOR_ID.write_to(out))
    }
}

impl<T: Encode + ?Sized> Encode for CowBox<'_, T> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        (**self).write_to(out)
    }
}

/// Borrowed elements are cloned, then made owned; owned ones are made owned
/// in place.
impl<T: IntoOwned + Clone> IntoOwned for CowVec<'_, T> {
    type Owned = CowVec<'static, T::Owned>;

    fn into_owned(self) -> CowVec<'static, T::Owned> {
        match self {
            CowVec::Borrowed(items) => items.iter().cloned().map(T::into_owned).collect(),
            CowVec::Owned(items) => items.into_iter().map(T::into_owned).collect(),
        }
    }
}

impl<T: IntoOwned + Clone> IntoOwned for CowBox<'_, T> {
    type Owned = CowBox<'static, T::Owned>;

    #[inline]
    fn into_owned(self) -> CowBox<'static, T::Owned> {
        CowBox::new(self.into_inner().into_owned())
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;

    fn into_owned(self) -> Vec<T::Owned> {
        self.into_iter().map(T::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Box<T> {
    type Owned = Box<T::Owned>;

    #[inline]
    fn into_owned(self) -> Box<T::Owned> {
        Box::new((*self).into_owned())
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;

    #[inline]
    fn into_owned(self) -> Option<T::Owned> {
        self.map(T::into_owned)
    }
}
