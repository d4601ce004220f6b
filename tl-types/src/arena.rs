//! Vectors read into the caller's arena (feature `arena`): what
//! [`crate::CowVec`]'s reader does when the [`Reader`] carries an arena.
//!
//! The arena frees its memory all at once and drops nothing, so what is
//! read into it must own no memory elsewhere: the values of borrowed
//! bindings, which borrow their strings from the input and their vectors
//! and boxes from the arena.

use crate::error::DecodeError;
use crate::reader::Reader;
use crate::wire::{self, FixedSize};
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
    // Each element is written into its slot as it is read; on an error the
    // arena takes the slice's room back if nothing came after it.
    let items = arena.alloc_slice_try_fill_with(count, |_| read(reader))?;
    Ok(items)
}

/// Reads `count` fixed-size elements into one slice of `arena`
/// ([`wire::fixed_size_elements`]).
#[inline]
pub(crate) fn read_fixed_size_in<'a, T: FixedSize>(
    reader: &mut Reader<'a>,
    count: usize,
    arena: &'a Bump,
) -> Result<&'a [T], DecodeError> {
    match wire::fixed_size_elements(reader, count) {
        Some(items) => Ok(arena.alloc_slice_fill_iter(items)),
        None => read_each_in(reader, count, arena, T::decode),
    }
}
