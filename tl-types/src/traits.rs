//! The traits every generated type implements.

use std::mem::MaybeUninit;

use crate::error::{DecodeError, EncodeError};
use crate::reader::Reader;
use crate::writer::{Place, Writer};

/// Where encoded bytes go: a `Vec<u8>`, a [`ByteCounter`], a `bytes::BytesMut`
/// (feature `bytes`), a `&mut` to any of them, or a buffer of your own.
pub trait Sink {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]);

    /// Makes room for `additional` more bytes, about to be put: a hint a
    /// growing buffer can take to grow once instead of step by step. The
    /// default does nothing.
    #[inline]
    fn reserve(&mut self, additional: usize) {
        let _ = additional;
    }

    /// Room right after the bytes put so far that a [`Writer`] may fill in
    /// place, telling the sink afterwards with [`Sink::commit`] how much of
    /// it it filled: a growing buffer's spare capacity. A writer copies
    /// small pieces (an id, a flag word, a short string) straight into it
    /// instead of calling [`Sink::put`] for each.
    ///
    /// A room is lent until the next call to the sink: the writer commits
    /// what it filled before it calls anything else, and gives up a room
    /// it filled nothing of without a commit. The default is no room, so
    /// every piece is a `put`.
    #[inline]
    fn spare_room(&mut self) -> &mut [MaybeUninit<u8>] {
        &mut []
    }

    /// Takes the first `filled` bytes of the room [`Sink::spare_room`] last
    /// gave as put, after the bytes put before it.
    ///
    /// # Safety
    ///
    /// The caller wrote those `filled` bytes, at most the room's length,
    /// and asked nothing else of the sink since it gave the room.
    #[inline]
    unsafe fn commit(&mut self, filled: usize) {
        let _ = filled;
    }
}

/// A growable buffer of bytes (`Vec<u8>`, `bytes::BytesMut`): puts extend
/// it, and its room is its spare capacity.
macro_rules! growable_sink {
    ($(#[$attribute:meta])* $buffer:ty) => {
        $(#[$attribute])*
        impl Sink for $buffer {
            #[inline]
            fn put(&mut self, bytes: &[u8]) {
                self.extend_from_slice(bytes);
            }

            #[inline]
            fn reserve(&mut self, additional: usize) {
                <$buffer>::reserve(self, additional);
            }

            #[inline]
            fn spare_room(&mut self) -> &mut [MaybeUninit<u8>] {
                self.spare_capacity_mut()
            }

            #[inline]
            unsafe fn commit(&mut self, filled: usize) {
                // SAFETY: the caller initialised `filled` bytes of the spare
                // capacity, which starts at the current length.
                unsafe { self.set_len(self.len() + filled) };
            }
        }
    };
}

growable_sink!(Vec<u8>);
growable_sink!(
    /// The buffer of the `bytes` crate, which tokio codecs and hyper use.
    #[cfg(feature = "bytes")]
    bytes::BytesMut
);

/// A borrowed sink is a sink: a function that takes `impl Sink` can be
/// given `&mut buffer` and the caller keeps the buffer.
impl<S: Sink + ?Sized> Sink for &mut S {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        (**self).put(bytes);
    }

    #[inline]
    fn reserve(&mut self, additional: usize) {
        (**self).reserve(additional);
    }

    #[inline]
    fn spare_room(&mut self) -> &mut [MaybeUninit<u8>] {
        (**self).spare_room()
    }

    #[inline]
    unsafe fn commit(&mut self, filled: usize) {
        // SAFETY: the caller's promise is the one the inner sink needs.
        unsafe { (**self).commit(filled) };
    }
}

/// Counts bytes instead of keeping them: the serialised size of a value.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ByteCounter(pub usize);

impl Sink for ByteCounter {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

/// How many bytes [`Encode::to_bytes`] makes room for before it writes.
const TO_BYTES_CAPACITY: usize = 64;

/// A value that can be written in the MTProto wire format.
///
/// What is written follows from the Rust type: an `enums::` value (a boxed
/// TL type) starts with its constructor id; a `types::` struct (a constructor
/// used as a bare type) is its fields alone; a `functions::` struct is always
/// written with its id, as a request is.
///
/// Implementations write with [`Encode::write_to`]; callers use
/// [`encode`](Encode::encode), [`to_bytes`](Encode::to_bytes)
/// or [`encoded_len`](Encode::encoded_len), which say whether the
/// value could be encoded at all (see [`EncodeError`]), or
/// [`Writer::write`] for several values into one sink.
pub trait Encode {
    /// Writes the value's bytes at `out`, and returns the place after
    /// them. A part that cannot be encoded records its error with
    /// [`Place::fail`] (writing goes on; the writer's owner checks once,
    /// with [`Writer::finish`]).
    ///
    /// The place is taken and given back by value, not borrowed, so that
    /// it stays in registers from one serialiser to the next ([`Place`]).
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S>;

    /// Writes `items` one after another: a vector's elements. Types of a
    /// fixed size write them in blocks. Generated code's, through
    /// [`crate::wire::write_bare_vector`].
    #[doc(hidden)]
    #[inline]
    fn write_elements<'w, S: Sink + ?Sized>(items: &[Self], out: Place<'w, S>) -> Place<'w, S>
    where
        Self: Sized,
    {
        items.iter().fold(out, |out, item| item.write_to(out))
    }

    /// Appends the value's bytes to `sink`. On `Err`, what was appended is
    /// not a valid encoding.
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) -> Result<(), EncodeError> {
        let mut out = Writer::new(sink);
        out.write(self);
        out.finish()
    }

    /// The value's bytes.
    ///
    /// The vector starts with room for 64 bytes, so most
    /// values (a request, a small object) take one allocation instead of
    /// the three or four of a vector grown from empty; larger ones grow
    /// from there. Counting the length first ([`Encode::encoded_len`]) would
    /// allocate exactly, but walks the value twice: for a 40 KB history that
    /// costs as much as the encoding itself (`BENCHMARKS.md`).
    fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        let mut bytes = Vec::with_capacity(TO_BYTES_CAPACITY);
        self.encode(&mut bytes)?;
        Ok(bytes)
    }

    /// How many bytes [`Encode::to_bytes`] would produce.
    fn encoded_len(&self) -> Result<usize, EncodeError> {
        let mut counter = ByteCounter::default();
        self.encode(&mut counter)?;
        Ok(counter.0)
    }
}

/// A value that can be read from the MTProto wire format.
pub trait Decode: Sized {
    /// Reads one value from `reader`.
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError>;

    /// Reads `count` values one after another: a vector's elements. Types of
    /// a fixed size read them in one go. Generated code's, through
    /// [`crate::wire::read_bare_vector`].
    #[doc(hidden)]
    #[inline]
    fn read_elements(reader: &mut Reader<'_>, count: usize) -> Result<Vec<Self>, DecodeError> {
        crate::wire::read_each(reader, count, Self::decode)
    }

    /// Reads one value that must fill `bytes` exactly: trailing bytes are an error.
    fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut reader = Reader::new(bytes);
        let value = Self::decode(&mut reader)?;
        reader.finish()?;
        Ok(value)
    }
}

/// A constructor or function with a constructor id.
pub trait Identifiable {
    /// The id that starts the boxed value on the wire.
    const CONSTRUCTOR_ID: u32;
    /// The name in the schema, namespace included: `auth.sendCode`.
    const TL_NAME: &'static str;
}

/// A function: a request whose answer is a `Return`.
pub trait RemoteCall: Encode {
    /// What the server answers with.
    type Return: Decode;
}

/// A serialised object whose type the schema leaves open (TL's `Object`):
/// the answer in an `rpc_result`, the body of an MTProto `message`.
///
/// Decode it with the type you expect (`T::from_bytes(&raw.0)`), or with the
/// generated `AnyObject` when you do not know it.
///
/// The bytes are a `Vec<u8>`; in borrowed bindings
/// (`tl_codegen::Config::borrowed`) they are a `Cow<'a, [u8]>` that points
/// into the input, as a `bytes` field does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawObject<B = Vec<u8>>(pub B);

/// Standing alone, an open-typed object is the rest of the input.
impl Decode for RawObject {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let len = reader.remaining();
        reader
            .read_bytes(len)
            .map(|bytes| RawObject(bytes.to_vec()))
    }
}

impl<B: AsRef<[u8]>> Encode for RawObject<B> {
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        out.put(self.0.as_ref())
    }
}
