//! [`Writer`]: where a value's bytes go while it is serialised, with the
//! first reason it could not be.

use crate::error::EncodeError;
use crate::traits::Sink;

/// Writes serialised bytes into a [`Sink`] and keeps the first
/// [`EncodeError`] met on the way.
///
/// A value writes its fields one after another without checking anything
/// in between: a part that cannot be encoded (a string over 16,777,215
/// bytes, fields on one flag bit that disagree, ...) records why with
/// [`Writer::fail`], and writing goes on. [`Writer::finish`] then reports
/// the first such error, and the bytes written are not a valid encoding:
/// throw them away, as after any `Err`. So every serialiser, generated or
/// not, is straight-line code with no `Result` to pass along per field.
///
/// [`Encode::encode`](crate::Encode::encode) makes one
/// around any sink; call [`Encode::write_to`](crate::Encode::write_to)
/// with a `Writer` to write several values into one sink and check once.
pub struct Writer<'a, S: Sink + ?Sized> {
    sink: &'a mut S,
    error: Option<EncodeError>,
}

impl<'a, S: Sink + ?Sized> Writer<'a, S> {
    /// A writer appending to `sink`.
    pub fn new(sink: &'a mut S) -> Self {
        Writer { sink, error: None }
    }

    /// Tells the sink that `additional` more bytes are about to be put
    /// ([`Sink::reserve`]).
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        self.sink.reserve(additional);
    }

    /// Appends `bytes`.
    #[inline]
    pub fn put(&mut self, bytes: &[u8]) {
        self.sink.put(bytes);
    }

    /// Writes `value` if it is there: a conditional field, whose flag bit
    /// says whether it is. Generated code's.
    #[doc(hidden)]
    #[inline]
    pub fn write_optional<T: crate::Encode + ?Sized>(&mut self, value: Option<&T>) {
        if let Some(value) = value {
            value.write_to(self);
        }
    }

    /// Records that what is being written cannot be encoded; the first
    /// error recorded is the one [`Writer::finish`] returns.
    #[cold]
    pub fn fail(&mut self, error: EncodeError) {
        self.error.get_or_insert(error);
    }

    /// `Ok` if everything written could be encoded, or the first error.
    pub fn finish(self) -> Result<(), EncodeError> {
        match self.error {
            None => Ok(()),
            Some(error) => Err(error),
        }
    }
}
