//! Vectors read into the caller's arena (feature `arena`): what
//! [`crate::CowVec`]'s reader does when the [`Reader`] carries an arena.
//!
//! The arena frees its memory all at once and drops nothing, so what is
//! read into it must own no memory elsewhere: the values of borrowed
//! bindings, which borrow their strings from the input and their vectors
//! and boxes from the arena.

use crate::error::DecodeError;
use crate::reader::Reader;
use crate::traits::Decode;
use bumpalo::Bump;

/// Reads `count` elements one after another, each with `read`, into one
/// slice of `arena` (reserved before the first, so an element's own vectors
/// come after it and the slice never moves).
#[inline]
pub(crate) fn read_each_in<'a, T>(
    reader: &mut Reader<'a>,
    count: usize,
    arena: &'a Bump,
    mut read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<&'a [T], DecodeError> {
    let mut items = bumpalo::collections::Vec::with_capacity_in(count, arena);
    for _ in 0..count {
        items.push(read(reader)?);
    }
    Ok(items.into_bump_slice())
}

/// A number or an `int128` / `int256`: a fixed number of bytes on the wire.
pub(crate) trait FixedSize: Decode + Copy {
    /// How many bytes one takes.
    const SIZE: usize;

    /// One from exactly [`FixedSize::SIZE`] bytes.
    fn from_chunk(chunk: &[u8]) -> Self;
}

macro_rules! fixed_size {
    ($($ty:ty),*) => {$(
        impl FixedSize for $ty {
            const SIZE: usize = size_of::<$ty>();

            #[inline]
            fn from_chunk(chunk: &[u8]) -> Self {
                let mut array = [0; size_of::<$ty>()];
                array.copy_from_slice(chunk);
                <$ty>::from_le_bytes(array)
            }
        }
    )*};
}

fixed_size!(i32, u32, i64, f64);

impl<const N: usize> FixedSize for [u8; N] {
    const SIZE: usize = N;

    #[inline]
    fn from_chunk(chunk: &[u8]) -> Self {
        let mut array = [0; N];
        array.copy_from_slice(chunk);
        array
    }
}

/// Reads `count` fixed-size elements from one slice of the input into one
/// slice of `arena`. If the input is shorter, reads them one by one, so the
/// error is the one the element that runs out would give.
#[inline]
pub(crate) fn read_fixed_size_in<'a, T: FixedSize>(
    reader: &mut Reader<'a>,
    count: usize,
    arena: &'a Bump,
) -> Result<&'a [T], DecodeError> {
    match count.checked_mul(T::SIZE) {
        Some(len) if len <= reader.remaining() => {
            let bytes = reader.read_bytes(len)?;
            Ok(arena.alloc_slice_fill_iter(bytes.chunks_exact(T::SIZE).map(T::from_chunk)))
        }
        _ => read_each_in(reader, count, arena, T::decode),
    }
}
