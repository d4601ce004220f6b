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
/// A writer copies straight into the room a sink lends it
/// ([`Sink::spare_room`]: a `Vec`'s spare capacity), keeping its place in
/// that room itself, and hands the sink what it filled
/// ([`Sink::commit`]) before anything else is asked of the sink and when
/// it is dropped. Each piece is then a bounds check and a copy, with no
/// trip through the sink.
///
/// [`Encode::encode`](crate::Encode::encode) makes one
/// around any sink; call [`Encode::write_to`](crate::Encode::write_to)
/// with a `Writer` to write several values into one sink and check once,
/// which also saves taking and handing back the room per value.
pub struct Writer<'a, S: Sink + ?Sized> {
    /// The next byte to fill of the room the sink gave
    /// ([`Sink::spare_room`]).
    next: *mut u8,
    /// The end of that room.
    end: *mut u8,
    /// Its first byte not yet committed to the sink ([`Sink::commit`]).
    uncommitted: *mut u8,
    sink: &'a mut S,
    error: Option<EncodeError>,
}

// SAFETY: the pointers point into room the exclusively borrowed sink lent,
// so a writer may move to or be shared with another thread whenever a
// `&mut S` may.
unsafe impl<S: Sink + Send + ?Sized> Send for Writer<'_, S> {}
// SAFETY: as for `Send`; nothing reachable from `&Writer` writes.
unsafe impl<S: Sink + Sync + ?Sized> Sync for Writer<'_, S> {}

impl<'a, S: Sink + ?Sized> Writer<'a, S> {
    /// A writer appending to `sink`.
    #[inline]
    pub fn new(sink: &'a mut S) -> Self {
        let mut writer = Writer {
            next: std::ptr::null_mut(),
            end: std::ptr::null_mut(),
            uncommitted: std::ptr::null_mut(),
            sink,
            error: None,
        };
        writer.take_room();
        writer
    }

    /// Tells the sink that `additional` more bytes are about to be put
    /// ([`Sink::reserve`]), unless the room it gave already holds them.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        if additional > self.room() {
            self.commit();
            self.sink.reserve(additional);
            self.take_room();
        }
    }

    /// Appends `bytes`: a copy into the sink's spare room when they fit,
    /// else a [`Sink::put`].
    #[inline]
    pub fn put(&mut self, bytes: &[u8]) {
        if bytes.len() <= self.room() {
            // SAFETY: `next..end` is room the sink gave for writing, and
            // nothing has been asked of the sink since (each call to it
            // commits first and takes new room after); `bytes` is not in
            // it, since the sink is borrowed for as long as the writer is.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.next, bytes.len());
                self.next = self.next.add(bytes.len());
            }
        } else {
            self.put_beyond_room(bytes);
        }
    }

    /// The place for the next `len` bytes in the sink's room, now counted
    /// as written. `None` if the room is short.
    ///
    /// # Safety
    ///
    /// The caller writes the `len` bytes at once, before anything that
    /// could panic or use the writer: dropping it commits them.
    #[inline]
    pub(crate) unsafe fn room_for(&mut self, len: usize) -> Option<*mut u8> {
        if len <= self.room() {
            let at = self.next;
            // SAFETY: `len` more bytes are inside the room.
            self.next = unsafe { at.add(len) };
            Some(at)
        } else {
            None
        }
    }

    /// How many bytes the room has left.
    #[inline(always)]
    fn room(&self) -> usize {
        self.end.addr() - self.next.addr()
    }

    /// Puts what does not fit in the room, which is then taken anew: a
    /// growing buffer grows, and its new spare capacity is the room.
    #[cold]
    #[inline(never)]
    fn put_beyond_room(&mut self, bytes: &[u8]) {
        self.commit();
        self.sink.put(bytes);
        self.take_room();
    }

    /// Takes the sink's spare room as the room to fill.
    #[inline]
    fn take_room(&mut self) {
        let room = self.sink.spare_room().as_mut_ptr_range();
        self.next = room.start.cast();
        self.end = room.end.cast();
        self.uncommitted = self.next;
    }

    /// Hands what was filled of the room to the sink, and forgets the
    /// room: the sink may move its buffer on any later call.
    #[inline]
    fn commit(&mut self) {
        let filled = self.next.addr() - self.uncommitted.addr();
        self.end = self.next;
        self.uncommitted = self.next;
        if filled > 0 {
            // SAFETY: `filled` bytes of the room were written by `put`, and
            // nothing was asked of the sink since it gave the room.
            unsafe { self.sink.commit(filled) };
        }
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
    /// The bytes are in the sink once the writer is gone, whether or not
    /// `finish` was called.
    #[inline]
    pub fn finish(mut self) -> Result<(), EncodeError> {
        match self.error.take() {
            None => Ok(()),
            Some(error) => Err(error),
        }
    }
}

impl<S: Sink + ?Sized> Drop for Writer<'_, S> {
    /// Commits what was written into the sink's room.
    #[inline]
    fn drop(&mut self) {
        self.commit();
    }
}
