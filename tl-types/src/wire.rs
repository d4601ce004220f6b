//! The MTProto wire format for TL's primitive types, and the helpers the
//! generated code calls. Everything is little-endian.
//!
//! | TL type | Rust type | bytes |
//! | --- | --- | --- |
//! | `int` | `i32` | 4 |
//! | `#` (a mask) | `u32` | 4 |
//! | `long` | `i64` | 8 |
//! | `double` | `f64` | 8, IEEE 754 |
//! | `int128`, `int256` | `[u8; 16]`, `[u8; 32]` | 16, 32, as they are |
//! | `string`, `bytes` | `String`, `Vec<u8>` | length, data, zero padding to a multiple of 4 |
//! | `Bool` | `bool` | the id of `boolTrue` or `boolFalse` |
//! | `Vector<T>` | `Vec<T>` | id `1cb5c415`, `int` count, elements |
//!
//! Decoding is strict: a string whose length under 254 is written in the long
//! form, or whose padding is not zero, is an error, so any value that decodes
//! encodes back to the same bytes. Strings that are not valid UTF-8 decode
//! with U+FFFD in place of the bad bytes.

use crate::__private::expect_id;
use crate::borrow::BorrowDecode;
use crate::cow::CowVec;
use crate::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::reader::Reader;
use crate::traits::{Decode, Encode, Sink};
use crate::writer::Place;
use std::borrow::Cow;

/// The id of `boolTrue`.
pub const BOOL_TRUE_ID: u32 = 0x997275b5;
/// The id of `boolFalse`.
pub const BOOL_FALSE_ID: u32 = 0xbc799737;
/// The id of `vector`, the one constructor of `Vector<T>`.
pub const VECTOR_ID: u32 = 0x1cb5c415;
/// The longest string or bytes value the format can hold: a 3-byte length.
pub const MAX_BYTES_LEN: usize = 0xff_ffff;

/// How many bytes a vector of fixed-size elements is written from at a time:
/// each block is one `Sink::put`.
const BLOCK: usize = 512;

/// The most bytes of fixed-size elements written one element at a time:
/// a block would cost more to clear than they take to write.
const SHORT: usize = 128;

/// Writes fixed-size elements, each element's bytes given by `bytes`,
/// into a sink told their whole size first: straight into the sink's room
/// when it has one (a `Vec`'s spare capacity), which on a little-endian
/// machine compiles to a copy; else in blocks of [`BLOCK`] bytes, one `put`
/// per block instead of one per element. Up to [`SHORT`] bytes of them are
/// written one by one.
#[inline]
fn write_fixed_size<'w, T, const SIZE: usize, S: Sink + ?Sized>(
    items: &[T],
    out: Place<'w, S>,
    bytes: impl Fn(&T) -> [u8; SIZE],
) -> Place<'w, S> {
    let len = size_of_val(items);
    let mut out = out.reserve(len);
    // SAFETY: the elements are written at once, and `bytes` (a number's
    // `to_le_bytes`) cannot panic.
    if let Some(room) = unsafe { out.room_for(len) } {
        for (index, item) in items.iter().enumerate() {
            // SAFETY: `room` holds `len` bytes, `SIZE` per element.
            unsafe {
                room.add(index * SIZE)
                    .cast::<[u8; SIZE]>()
                    .write_unaligned(bytes(item))
            };
        }
        return out;
    }
    if len <= SHORT {
        return items.iter().fold(out, |out, item| out.put(&bytes(item)));
    }
    let mut block = [0u8; BLOCK];
    for group in items.chunks(BLOCK / SIZE) {
        for (slot, item) in block.chunks_exact_mut(SIZE).zip(group) {
            slot.copy_from_slice(&bytes(item));
        }
        out = out.put(&block[..group.len() * SIZE]);
    }
    out
}

/// A number or an `int128` / `int256`: a fixed number of bytes on the wire,
/// so that a vector of them is read from one slice of the input.
pub(crate) trait FixedSize: Decode + Copy + 'static {
    /// How many bytes one takes.
    const SIZE: usize;

    /// One from exactly [`FixedSize::SIZE`] bytes.
    fn from_chunk(chunk: &[u8]) -> Self;
}

/// `count` fixed-size elements from one slice of the input, if it holds
/// them all; else nothing is read, and the caller reads them one by one, so
/// that the error is the one the element that runs out would give.
#[inline]
pub(crate) fn fixed_size_elements<'a, T: FixedSize>(
    reader: &mut Reader<'a>,
    count: usize,
) -> Option<impl ExactSizeIterator<Item = T> + 'a> {
    let len = count
        .checked_mul(T::SIZE)
        .filter(|&len| len <= reader.remaining())?;
    let bytes = reader.read_bytes(len).ok()?;
    Some(bytes.chunks_exact(T::SIZE).map(T::from_chunk))
}

/// Reads `count` fixed-size elements into a `Vec` ([`fixed_size_elements`]).
#[inline]
fn read_fixed_size<T: FixedSize>(
    reader: &mut Reader<'_>,
    count: usize,
) -> Result<Vec<T>, DecodeError> {
    match fixed_size_elements(reader, count) {
        Some(items) => Ok(items.collect()),
        None => read_each(reader, count, T::decode),
    }
}

/// Reads `count` elements one after another, each with `read`: how a
/// vector's elements are read unless their type reads them in one go.
#[inline]
pub(crate) fn read_each<'a, T>(
    reader: &mut Reader<'a>,
    count: usize,
    mut read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let mut items = Vec::<T>::with_capacity(count);
    for filled in 0..count {
        let item = read(reader)?;
        // SAFETY: `filled < count`, the capacity, so the slot is in the
        // allocation and empty; the length then covers exactly the items
        // written. Unlike `push`, this has no path that grows the vector,
        // around which the item would be kept on the stack and copied.
        unsafe {
            items.as_mut_ptr().add(filled).write(item);
            items.set_len(filled + 1);
        }
    }
    Ok(items)
}

macro_rules! fixed_size {
    ($($ty:ty),*) => {$(
        impl Encode for $ty {
            #[inline]
            fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
                out.put(&self.to_le_bytes())
            }

            #[inline]
            fn write_elements<'w, S: Sink + ?Sized>(items: &[Self], out: Place<'w, S>) -> Place<'w, S> {
                write_fixed_size(items, out, |item| item.to_le_bytes())
            }
        }

        impl Decode for $ty {
            #[inline]
            fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
                reader.read_array().map(<$ty>::from_le_bytes)
            }

            #[inline]
            fn read_elements(reader: &mut Reader<'_>, count: usize) -> Result<Vec<Self>, DecodeError> {
                read_fixed_size(reader, count)
            }
        }

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

impl<const N: usize> Encode for [u8; N] {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        out.put(self)
    }

    #[inline]
    fn write_elements<'w, S: Sink + ?Sized>(items: &[Self], out: Place<'w, S>) -> Place<'w, S> {
        // Already bytes, one after another: one copy.
        out.put(items.as_flattened())
    }
}

impl<const N: usize> Decode for [u8; N] {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        reader.read_array()
    }

    #[inline]
    fn read_elements(reader: &mut Reader<'_>, count: usize) -> Result<Vec<Self>, DecodeError> {
        read_fixed_size(reader, count)
    }
}

impl<const N: usize> FixedSize for [u8; N] {
    const SIZE: usize = N;

    #[inline]
    fn from_chunk(chunk: &[u8]) -> Self {
        let mut array = [0; N];
        array.copy_from_slice(chunk);
        array
    }
}

impl Encode for bool {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        let id = if *self { BOOL_TRUE_ID } else { BOOL_FALSE_ID };
        id.write_to(out)
    }
}

impl Decode for bool {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let start = reader.position();
        match reader.read_u32()? {
            BOOL_TRUE_ID => Ok(true),
            BOOL_FALSE_ID => Ok(false),
            id => Err(reader.error_at(
                start,
                DecodeErrorKind::UnexpectedConstructor {
                    id,
                    expected: "Bool",
                },
            )),
        }
    }
}

/// Copies `data` to `to`: inline for up to 16 bytes, as two loads and two
/// stores that may overlap, since a call to `memcpy` costs more than the
/// copy for the short strings most values hold; longer ones are a `memcpy`.
///
/// # Safety
///
/// `to` is valid for writes of `data.len()` bytes, outside `data`.
#[inline(always)]
unsafe fn copy_short(data: &[u8], to: *mut u8) {
    let (from, len) = (data.as_ptr(), data.len());
    // SAFETY: every read is inside `data` and every write inside the
    // `len` bytes from `to`.
    unsafe {
        match len {
            0 => {}
            1..=3 => {
                // The first, middle and last bytes are all of them.
                *to = *from;
                *to.add(len / 2) = *from.add(len / 2);
                *to.add(len - 1) = *from.add(len - 1);
            }
            4..=7 => copy_head_and_tail::<u32>(from, to, len),
            8..=16 => copy_head_and_tail::<u64>(from, to, len),
            _ => std::ptr::copy_nonoverlapping(from, to, len),
        }
    }
}

/// Copies `len` bytes as the first and the last word of type `W`, which
/// overlap unless `len` is twice a word.
///
/// # Safety
///
/// `len` is at least one word and at most two; `from` is valid for reads
/// and `to` for writes of `len` bytes, and they do not overlap.
#[inline(always)]
unsafe fn copy_head_and_tail<W: Copy>(from: *const u8, to: *mut u8, len: usize) {
    let last = len - size_of::<W>();
    // SAFETY: both words are inside the `len` bytes, by the caller's
    // promise.
    unsafe {
        let (head, tail) = (
            from.cast::<W>().read_unaligned(),
            from.add(last).cast::<W>().read_unaligned(),
        );
        to.cast::<W>().write_unaligned(head);
        to.add(last).cast::<W>().write_unaligned(tail);
    }
}

/// Writes `data` as a TL `string` or `bytes` value; data longer than
/// [`MAX_BYTES_LEN`] is not written but recorded as [`EncodeError::TooLong`].
pub fn write_bytes<'w, S: Sink + ?Sized>(data: &[u8], mut out: Place<'w, S>) -> Place<'w, S> {
    let len = data.len();
    if len <= 253 {
        // A short one, padded, into the sink's room with one check: the
        // last four bytes zeroed first, for the padding, then the length
        // and the data over them.
        let padded = (len + 4) & !3;
        // SAFETY: the bytes are written at once, and nothing below panics.
        if let Some(at) = unsafe { out.room_for(padded) } {
            // SAFETY: `at` holds `padded` bytes, at least 4 and at least
            // `1 + len`.
            unsafe {
                at.add(padded - 4).cast::<[u8; 4]>().write_unaligned([0; 4]);
                at.write(len as u8);
                copy_short(data, at.add(1));
            }
            return out;
        }
    }
    let (header, out) = if len <= 253 {
        (1, out.put(&[len as u8]))
    } else if len <= MAX_BYTES_LEN {
        // Room for all of it first, so that a growing sink grows once: the
        // padding would otherwise come after a buffer just grown to fit
        // the data, and grow it again, copying the data a second time.
        let out = out.reserve((len + 7) & !3);
        // 254, then the length in three bytes: one number, since four
        // bytes stored one by one and then copied as one stall the copy.
        (4, out.put(&(0xfe | (len as u32) << 8).to_le_bytes()))
    } else {
        return out.fail(EncodeError::TooLong { length: len });
    };
    let out = out.put(data);
    // One fixed-size write per case rather than a slice of variable length,
    // which would cost a call to copy at most three zeros.
    match (header + len) % 4 {
        1 => out.put(&[0; 3]),
        2 => out.put(&[0; 2]),
        3 => out.put(&[0; 1]),
        _ => out,
    }
}

/// Reads a TL `string` or `bytes` value, without copying it.
pub fn read_bytes<'a>(reader: &mut Reader<'a>) -> Result<&'a [u8], DecodeError> {
    let start = reader.position();
    let first = reader.read_array::<1>()?[0];
    let (len, header) = match first {
        0..=253 => (usize::from(first), 1),
        254 => {
            let [a, b, c] = reader.read_array::<3>()?;
            let len = u32::from_le_bytes([a, b, c, 0]) as usize;
            if len < 254 {
                return Err(reader.error_at(start, DecodeErrorKind::NonCanonicalLength));
            }
            (len, 4)
        }
        255 => return Err(reader.error_at(start, DecodeErrorKind::NonCanonicalLength)),
    };
    if len > reader.remaining() {
        return Err(reader.error(DecodeErrorKind::LengthOutOfRange {
            length: len as u64,
            remaining: reader.remaining(),
        }));
    }
    let data = reader.read_bytes(len)?;
    let padding_start = reader.position();
    let padding = reader.read_bytes((4 - (header + len) % 4) % 4)?;
    if padding.iter().any(|&b| b != 0) {
        return Err(reader.error_at(padding_start, DecodeErrorKind::NonZeroPadding));
    }
    Ok(data)
}

impl Encode for str {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        write_bytes(self.as_bytes(), out)
    }
}

impl Encode for String {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        write_bytes(self.as_bytes(), out)
    }
}

// Not `#[inline]`, unlike the integers: one shared copy of the string and
// bytes readers, instead of one inlined into every such field of the
// bindings, is much less code to compile and no slower to call.
impl Decode for String {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        read_text(reader).map(Cow::into_owned)
    }
}

/// Reads a TL `string` as text, without copying it: a slice of the input
/// where it is valid UTF-8, else the text with U+FFFD in place of the bad
/// bytes. The owned reader copies it once; the borrowed one keeps it.
#[inline]
pub(crate) fn read_text<'a>(reader: &mut Reader<'a>) -> Result<Cow<'a, str>, DecodeError> {
    read_text_replacing(reader, String::from_utf8_lossy)
}

/// [`read_text`], with text that is not UTF-8 replaced in `arena`, so that
/// the text is always borrowed.
#[cfg(feature = "arena")]
#[inline]
pub(crate) fn read_text_in<'a>(
    reader: &mut Reader<'a>,
    arena: &'a bumpalo::Bump,
) -> Result<Cow<'a, str>, DecodeError> {
    read_text_replacing(reader, |data| {
        Cow::Borrowed(bumpalo::collections::String::from_utf8_lossy_in(data, arena).into_bump_str())
    })
}

/// A TL `string` as text: a slice of the input where it is valid UTF-8,
/// else what `replace` makes of its bytes.
#[inline]
fn read_text_replacing<'a>(
    reader: &mut Reader<'a>,
    replace: impl FnOnce(&'a [u8]) -> Cow<'a, str>,
) -> Result<Cow<'a, str>, DecodeError> {
    // Valid UTF-8, nearly always: checked by the fast validator first.
    // `from_utf8_lossy` alone walks the text chunk by chunk, which was 14% of
    // a history decode.
    read_bytes(reader).map(|data| match valid_text(data) {
        Some(text) => Cow::Borrowed(text),
        None => replace(data),
    })
}

/// `data` as text if it is valid UTF-8.
///
/// Out of line on purpose: `str::from_utf8` hands its `Result` back through
/// memory in two 8-byte stores, which a caller that copies the `&str` on
/// with one 16-byte load waits for (a failed store-to-load forward, 63% of
/// the borrowed string reader's samples in perf). Returned from here, the
/// `Option<&str>` comes back in two registers: the borrowed `sent_code`
/// decode went from 40 to 33 ns, back to back.
#[inline(never)]
fn valid_text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

impl Encode for Vec<u8> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        write_bytes(self, out)
    }
}

impl Decode for Vec<u8> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        read_bytes(reader).map(<[u8]>::to_vec)
    }
}

/// Writes a bare `vector<T>`: the count, then the elements. More than
/// `i32::MAX` elements are not written but recorded as
/// [`EncodeError::TooManyElements`].
#[inline]
pub fn write_bare_vector<'w, T: Encode, S: Sink + ?Sized>(
    items: &[T],
    out: Place<'w, S>,
) -> Place<'w, S> {
    match write_count(items.len(), out) {
        Ok(out) => T::write_elements(items, out),
        Err(out) => out,
    }
}

/// Writes a vector's count; or, when it does not fit an `int`, records
/// [`EncodeError::TooManyElements`] and gives the place back as `Err`, for
/// the elements to be left out.
#[inline]
fn write_count<'w, S: Sink + ?Sized>(
    len: usize,
    out: Place<'w, S>,
) -> Result<Place<'w, S>, Place<'w, S>> {
    match i32::try_from(len) {
        Ok(count) => Ok(count.write_to(out)),
        Err(_) => Err(out.fail(EncodeError::TooManyElements { length: len })),
    }
}

/// Writes a bare `vector<T>` whose elements `write` writes: for elements
/// that are not written as their own type is (bare vectors in a vector,
/// TDLib's `vector<vector<keyboardButton>>`).
#[inline]
pub fn write_bare_vector_with<'w, T, S: Sink + ?Sized>(
    items: &[T],
    out: Place<'w, S>,
    mut write: impl FnMut(&T, Place<'w, S>) -> Place<'w, S>,
) -> Place<'w, S> {
    match write_count(items.len(), out) {
        Ok(out) => items.iter().fold(out, |out, item| write(item, out)),
        Err(out) => out,
    }
}

/// Writes a boxed `Vector<T>` (the vector id, then a bare vector) whose
/// elements `write` writes.
#[inline]
pub fn write_vector_with<'w, T, S: Sink + ?Sized>(
    items: &[T],
    out: Place<'w, S>,
    write: impl FnMut(&T, Place<'w, S>) -> Place<'w, S>,
) -> Place<'w, S> {
    write_bare_vector_with(items, VECTOR_ID.write_to(out), write)
}

/// Reads a bare `vector<T>`: the count, then the elements.
///
/// Every element takes at least 4 bytes, so a count larger than a quarter of
/// the remaining input is refused before anything is allocated.
pub fn read_bare_vector<T: Decode>(reader: &mut Reader<'_>) -> Result<Vec<T>, DecodeError> {
    let count = read_count(reader)?;
    T::read_elements(reader, count)
}

/// Reads a bare `vector<T>` of borrowed values, with the same bound on the
/// count as [`read_bare_vector`]: into the reader's arena, if it has one
/// (feature `arena`) and the elements own nothing elsewhere, else into a
/// `Vec`.
pub fn borrow_bare_vector<'a, T: BorrowDecode<'a>>(
    reader: &mut Reader<'a>,
) -> Result<CowVec<'a, T>, DecodeError> {
    let count = read_count(reader)?;
    #[cfg(feature = "arena")]
    if let Some(arena) = reader.arena().filter(|_| !T::OWNS_HEAP) {
        return T::borrow_elements_in(reader, count, arena).map(CowVec::Borrowed);
    }
    T::borrow_elements(reader, count).map(CowVec::Owned)
}

/// Reads a bare `vector<T>` of borrowed values that `read` reads (a vector
/// of vectors), as [`borrow_bare_vector`] does. What `read` gives goes in the
/// arena as it is: it must own nothing elsewhere, as borrowed bindings'
/// values do not.
pub fn borrow_bare_vector_with<'a, T>(
    reader: &mut Reader<'a>,
    read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<CowVec<'a, T>, DecodeError> {
    let count = read_count(reader)?;
    #[cfg(feature = "arena")]
    if let Some(arena) = reader.arena() {
        return crate::arena::read_each_in(reader, count, arena, read).map(CowVec::Borrowed);
    }
    read_each(reader, count, read).map(CowVec::Owned)
}

/// Reads a boxed `Vector<T>` of borrowed values that `read` reads, as
/// [`borrow_bare_vector_with`] does.
pub fn borrow_vector_with<'a, T>(
    reader: &mut Reader<'a>,
    read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<CowVec<'a, T>, DecodeError> {
    expect_id(reader, VECTOR_ID, "Vector")?;
    borrow_bare_vector_with(reader, read)
}

/// Reads a vector's count, refusing one larger than a quarter of the
/// remaining input (every element takes at least 4 bytes) before anything
/// is allocated.
pub(crate) fn read_count(reader: &mut Reader<'_>) -> Result<usize, DecodeError> {
    let start = reader.position();
    let count = i32::decode(reader)?;
    let count = usize::try_from(count)
        .map_err(|_| reader.error_at(start, DecodeErrorKind::NegativeCount(count)))?;
    if count > reader.remaining() / 4 {
        return Err(reader.error_at(
            start,
            DecodeErrorKind::LengthOutOfRange {
                length: count as u64,
                remaining: reader.remaining(),
            },
        ));
    }
    Ok(count)
}

/// Reads a bare `vector<T>` whose elements `read` reads (see
/// [`write_bare_vector_with`]), with the same bound on the count as
/// [`read_bare_vector`].
pub fn read_bare_vector_with<'a, T>(
    reader: &mut Reader<'a>,
    read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let count = read_count(reader)?;
    read_each(reader, count, read)
}

/// Reads a boxed `Vector<T>` (the vector id, then a bare vector) whose
/// elements `read` reads.
pub fn read_vector_with<'a, T>(
    reader: &mut Reader<'a>,
    read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    expect_id(reader, VECTOR_ID, "Vector")?;
    read_bare_vector_with(reader, read)
}

impl<T: Encode> Encode for Vec<T> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        write_bare_vector(self, VECTOR_ID.write_to(out))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        expect_id(reader, VECTOR_ID, "Vector")?;
        read_bare_vector(reader)
    }
}

impl<T: Encode + ?Sized> Encode for Box<T> {
    #[inline]
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        (**self).write_to(out)
    }
}

impl<T: Decode> Decode for Box<T> {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        T::decode(reader).map(Box::new)
    }
}
