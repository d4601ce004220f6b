//! [`Reader`]: a cursor over input bytes that tracks the offset (for errors)
//! and how deeply values nest (so hostile input cannot exhaust the stack).

use crate::error::{DecodeError, DecodeErrorKind};

/// How deeply values may nest by default: a boxed value inside a boxed value
/// inside ... Real Telegram objects nest a few levels; hostile input could
/// nest millions.
pub const DEFAULT_MAX_DEPTH: u32 = 64;

/// A cursor over bytes being decoded.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    /// The bytes not read yet: a read takes them off the front, so it needs
    /// one length check and never an index that could panic.
    rest: &'a [u8],
    /// The length of the whole input, so that `len - rest.len()` is the offset.
    len: usize,
    depth: u32,
    max_depth: u32,
    /// Where borrowed bindings put the vectors and boxes they read, if the
    /// caller gave an arena.
    #[cfg(feature = "arena")]
    arena: Option<&'a bumpalo::Bump>,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`, with the default nesting limit.
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader {
            rest: data,
            len: data.len(),
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
            #[cfg(feature = "arena")]
            arena: None,
        }
    }

    /// The same reader, putting the vectors and boxes that borrowed bindings
    /// read in `arena` (and the rare text that is not UTF-8, once replaced),
    /// so that the value read allocates nothing of its own: it borrows from
    /// the input and the arena. Owned bindings do not use the arena.
    ///
    /// ```
    /// use tl_types::{BorrowDecode, CowVec, Encode, Reader, bumpalo::Bump};
    ///
    /// let bytes = vec![1_i64, 2, 3].to_bytes().unwrap();
    /// let arena = Bump::new();
    /// let mut reader = Reader::new(&bytes).with_arena(&arena);
    /// let numbers = CowVec::<i64>::borrow_decode(&mut reader).unwrap();
    /// assert!(numbers.is_borrowed());
    /// assert_eq!(numbers, [1, 2, 3]);
    /// ```
    #[cfg(feature = "arena")]
    pub fn with_arena(mut self, arena: &'a bumpalo::Bump) -> Reader<'a> {
        self.arena = Some(arena);
        self
    }

    /// The arena borrowed bindings read vectors and boxes into, if any.
    #[cfg(feature = "arena")]
    #[inline]
    pub fn arena(&self) -> Option<&'a bumpalo::Bump> {
        self.arena
    }

    /// The same reader with another nesting limit.
    pub fn with_max_depth(mut self, max_depth: u32) -> Reader<'a> {
        self.max_depth = max_depth;
        self
    }

    /// The offset of the next byte to read.
    #[inline]
    pub fn position(&self) -> usize {
        self.len - self.rest.len()
    }

    /// How many bytes are left.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// An error of this kind at the current offset.
    #[cold]
    #[inline(never)]
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        self.error_at(self.position(), kind)
    }

    /// An error of this kind at `offset`.
    #[doc(hidden)]
    #[cold]
    #[inline(never)]
    pub fn error_at(&self, offset: usize, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(offset, kind)
    }

    /// The error for a read of `len` bytes that the input does not have.
    ///
    /// Every read of the bindings inlines its length check; this, out of
    /// line and cold, keeps the failing branch to one call.
    #[cold]
    #[inline(never)]
    fn unexpected_end(&self, len: usize) -> DecodeError {
        self.error(DecodeErrorKind::UnexpectedEnd {
            needed: len - self.rest.len(),
        })
    }

    /// Reads one value of any deserialisable type.
    #[inline]
    pub fn read<T: crate::Decode>(&mut self) -> Result<T, DecodeError> {
        T::decode(self)
    }

    /// Reads one value if `present` (its flag bit is set), else nothing.
    #[doc(hidden)]
    #[inline]
    pub fn read_if<T: crate::Decode>(&mut self, present: bool) -> Result<Option<T>, DecodeError> {
        if present {
            T::decode(self).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Reads one value that borrows from the input.
    #[inline]
    pub fn borrow<T: crate::BorrowDecode<'a>>(&mut self) -> Result<T, DecodeError> {
        T::borrow_decode(self)
    }

    /// Reads one value that borrows from the input if `present` (its flag
    /// bit is set), else nothing.
    #[doc(hidden)]
    #[inline]
    pub fn borrow_if<T: crate::BorrowDecode<'a>>(
        &mut self,
        present: bool,
    ) -> Result<Option<T>, DecodeError> {
        if present {
            T::borrow_decode(self).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The error for a constructor id, just read, that `expected` does not have.
    #[doc(hidden)]
    #[cold]
    #[inline(never)]
    pub fn unexpected_constructor(&self, id: u32, expected: &'static str) -> DecodeError {
        self.error_at(
            self.position().saturating_sub(4),
            DecodeErrorKind::UnexpectedConstructor { id, expected },
        )
    }

    /// The next `len` bytes.
    #[inline]
    pub fn read_bytes(&mut self, len: usize) -> Result<&'a [u8], DecodeError> {
        match self.rest.split_at_checked(len) {
            Some((bytes, rest)) => {
                self.rest = rest;
                Ok(bytes)
            }
            None => Err(self.unexpected_end(len)),
        }
    }

    /// The next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        match self.rest.split_first_chunk::<N>() {
            Some((bytes, rest)) => {
                self.rest = rest;
                Ok(*bytes)
            }
            None => Err(self.unexpected_end(N)),
        }
    }

    /// A little-endian 32-bit word: an `int`, a `#` mask or a constructor id.
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32, DecodeError> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// The next 32-bit word without consuming it.
    pub fn peek_u32(&self) -> Result<u32, DecodeError> {
        self.clone().read_u32()
    }

    /// Starts a boxed value: one nesting level deeper (failing, at the
    /// value's first byte, if that passes the limit), then its constructor
    /// id, which it returns. Every successful call must be paired with
    /// [`Reader::leave_boxed`] once the value is read, whether or not reading
    /// it succeeded. On failure nothing needs undoing.
    ///
    /// This is [`Reader::nested`] without a closure, for generated code, which
    /// has one such call per boxed type. Not `#[inline]`: inlined into each
    /// of those, it made a cold release build of the bundled bindings 30%
    /// slower (`BENCHMARKS.md`).
    #[doc(hidden)]
    pub fn enter_boxed(&mut self) -> Result<u32, DecodeError> {
        self.check_depth()?;
        let id = self.read_u32()?;
        self.depth += 1;
        Ok(id)
    }

    /// Ends a boxed value started with [`Reader::enter_boxed`].
    #[doc(hidden)]
    pub fn leave_boxed(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `decode` one nesting level deeper, failing if that passes the limit.
    #[doc(hidden)]
    #[inline]
    pub fn nested<T>(
        &mut self,
        decode: impl FnOnce(&mut Reader<'a>) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        self.check_depth()?;
        self.depth += 1;
        let result = decode(self);
        self.depth -= 1;
        result
    }

    /// Fails if one level deeper would pass the nesting limit.
    #[inline]
    fn check_depth(&self) -> Result<(), DecodeError> {
        if self.depth >= self.max_depth {
            return Err(self.error(DecodeErrorKind::NestingTooDeep {
                limit: self.max_depth,
            }));
        }
        Ok(())
    }

    /// Fails unless every byte has been read.
    pub fn finish(&self) -> Result<(), DecodeError> {
        match self.remaining() {
            0 => Ok(()),
            count => Err(self.error(DecodeErrorKind::TrailingBytes { count })),
        }
    }
}

/// Reads one value from a [`Reader`](crate::Reader), returning early with the
/// error if that fails: `read!(reader)` is `reader.read()?` written out, and
/// `read!(reader, if present)` is `reader.read_if(present)?`, an optional
/// field read when its flag bit is set.
///
/// The generated decoders read every field with it. It expands to the
/// `match` that `?` stands for here, which spares the compiler the `?`
/// operator's trait machinery (`Try`, `FromResidual`, `From`) at each of
/// the thousands of field reads of a Telegram layer (what that saves is in
/// `BENCHMARKS.md`). It can only be used in a function that returns
/// `Result<_, DecodeError>`. Generated code's, not an API: hidden from the docs.
///
/// ```
/// use tl_types::{DecodeError, Reader};
///
/// fn read_pair(reader: &mut Reader<'_>) -> Result<(i32, Option<String>), DecodeError> {
///     let id: i32 = tl_types::read!(reader);
///     let name: Option<String> = tl_types::read!(reader, if id & 1 != 0);
///     Ok((id, name))
/// }
///
/// let mut reader = Reader::new(&[7, 0, 0, 0, 2, b'h', b'i', 0]);
/// assert_eq!(read_pair(&mut reader).unwrap(), (7, Some("hi".to_string())));
/// assert_eq!(read_pair(&mut Reader::new(&[6, 0, 0, 0])).unwrap(), (6, None));
/// assert!(read_pair(&mut Reader::new(&[7, 0, 0, 0, 2, b'h'])).is_err());
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! read {
    ($reader:expr) => {
        match $reader.read() {
            ::core::result::Result::Ok(value) => value,
            ::core::result::Result::Err(error) => return ::core::result::Result::Err(error),
        }
    };
    ($reader:expr, if $present:expr) => {
        match $reader.read_if($present) {
            ::core::result::Result::Ok(value) => value,
            ::core::result::Result::Err(error) => return ::core::result::Result::Err(error),
        }
    };
}

/// [`read!`] for values that borrow from the input: `borrow!(reader)` is
/// `reader.borrow()?`, `borrow!(reader, if present)` is
/// `reader.borrow_if(present)?`. The decoders of bindings generated with
/// `tl_codegen::Config::borrowed` read every field with it. Generated
/// code's, not an API: hidden from the docs.
///
/// ```
/// use std::borrow::Cow;
/// use tl_types::{DecodeError, Reader};
///
/// fn read_name<'a>(reader: &mut Reader<'a>) -> Result<Option<Cow<'a, str>>, DecodeError> {
///     let flags: u32 = tl_types::borrow!(reader);
///     Ok(tl_types::borrow!(reader, if flags & 1 != 0))
/// }
///
/// let input = [1, 0, 0, 0, 2, b'h', b'i', 0];
/// assert!(matches!(read_name(&mut Reader::new(&input)), Ok(Some(Cow::Borrowed("hi")))));
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! borrow {
    ($reader:expr) => {
        match $reader.borrow() {
            ::core::result::Result::Ok(value) => value,
            ::core::result::Result::Err(error) => return ::core::result::Result::Err(error),
        }
    };
    ($reader:expr, if $present:expr) => {
        match $reader.borrow_if($present) {
            ::core::result::Result::Ok(value) => value,
            ::core::result::Result::Err(error) => return ::core::result::Result::Err(error),
        }
    };
}
