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
    data: &'a [u8],
    position: usize,
    depth: u32,
    max_depth: u32,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`, with the default nesting limit.
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader {
            data,
            position: 0,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// The same reader with another nesting limit.
    pub fn with_max_depth(mut self, max_depth: u32) -> Reader<'a> {
        self.max_depth = max_depth;
        self
    }

    /// The offset of the next byte to read.
    pub fn position(&self) -> usize {
        self.position
    }

    /// How many bytes are left.
    pub fn remaining(&self) -> usize {
        self.data.len() - self.position
    }

    /// An error of this kind at the current offset.
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        self.error_at(self.position, kind)
    }

    /// An error of this kind at `offset`.
    pub fn error_at(&self, offset: usize, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(offset, kind)
    }

    /// Reads one value of any deserialisable type.
    #[inline]
    pub fn read<T: crate::Deserializable>(&mut self) -> Result<T, DecodeError> {
        T::deserialize(self)
    }

    /// The error for a constructor id, just read, that `expected` does not have.
    pub fn unexpected_constructor(&self, id: u32, expected: &'static str) -> DecodeError {
        self.error_at(
            self.position.saturating_sub(4),
            DecodeErrorKind::UnexpectedConstructor { id, expected },
        )
    }

    /// The next `len` bytes.
    #[inline]
    pub fn read_bytes(&mut self, len: usize) -> Result<&'a [u8], DecodeError> {
        let remaining = self.remaining();
        if len > remaining {
            return Err(self.error(DecodeErrorKind::UnexpectedEnd {
                needed: len - remaining,
            }));
        }
        let bytes = &self.data[self.position..self.position + len];
        self.position += len;
        Ok(bytes)
    }

    /// The next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let bytes = self.read_bytes(N)?;
        let mut array = [0; N];
        array.copy_from_slice(bytes);
        Ok(array)
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
    /// has one such call per boxed type.
    pub fn enter_boxed(&mut self) -> Result<u32, DecodeError> {
        self.check_depth()?;
        let id = self.read_u32()?;
        self.depth += 1;
        Ok(id)
    }

    /// Ends a boxed value started with [`Reader::enter_boxed`].
    pub fn leave_boxed(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `decode` one nesting level deeper, failing if that passes the limit.
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
