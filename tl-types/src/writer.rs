//! [`Writer`]: where a value's bytes go while it is serialised, with the
//! first reason it could not be; and [`Place`], the writer's place that a
//! serialiser takes and hands back.

use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::error::EncodeError;
use crate::traits::{Encode, Sink};

/// Writes serialised bytes into a [`Sink`] and keeps the first
/// [`EncodeError`] met on the way.
///
/// ```
/// use tl_types::Writer;
///
/// let mut bytes = Vec::new();
/// let mut out = Writer::new(&mut bytes);
/// out.write(&7_i32);
/// out.write("text");
/// out.finish().unwrap();
/// assert_eq!(bytes, [7, 0, 0, 0, 4, b't', b'e', b'x', b't', 0, 0, 0]);
/// ```
///
/// A value writes its fields one after another without checking anything
/// in between: a part that cannot be encoded (a string over 16,777,215
/// bytes, fields on one flag bit that disagree, ...) records why with
/// [`Place::fail`], and writing goes on. [`Writer::finish`] then reports
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
/// [`Encode::encode`] makes one around any sink; [`Writer::write`] writes
/// several values into one sink, to check once, which also saves taking
/// and handing back the room per value.
pub struct Writer<'a, S: Sink + ?Sized> {
    /// The next byte to fill of the room the sink gave.
    next: *mut u8,
    room: Room<S>,
    /// The writer borrows the sink, which `room` points to.
    _sink: PhantomData<&'a mut S>,
}

/// A [`Writer`]'s place, handed by value from one serialiser to the next:
/// what [`Encode::write_to`] takes and returns.
///
/// It is two words, the next byte to fill and the writer it belongs to,
/// so it travels in registers: a serialiser that calls another hands its
/// place over in a register and gets the new one back the same way,
/// instead of storing it in the writer for the callee to load. A chain of
/// nested values (a message, its peer, its entities) is then written with
/// no memory round trip per level.
///
/// ```
/// use tl_types::{Encode, Place, Sink};
///
/// /// A pair written as its two numbers.
/// struct Pair(i32, i64);
///
/// impl Encode for Pair {
///     fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
///         out.write(&self.0).write(&self.1)
///     }
/// }
///
/// assert_eq!(Pair(1, 2).to_bytes().unwrap().len(), 12);
/// ```
pub struct Place<'w, S: Sink + ?Sized> {
    /// The next byte to fill of the room the sink gave.
    next: *mut u8,
    room: &'w mut Room<S>,
}

/// What a writer keeps besides its place: the room the sink lent, the
/// sink, and the first error.
struct Room<S: Sink + ?Sized> {
    /// The end of the room the sink gave ([`Sink::spare_room`]).
    end: *mut u8,
    /// The room's first byte not yet committed to the sink
    /// ([`Sink::commit`]).
    uncommitted: *mut u8,
    /// The sink, borrowed by the writer for its whole life.
    sink: NonNull<S>,
    error: Option<EncodeError>,
}

// SAFETY: the pointers point into room the exclusively borrowed sink lent,
// and to that sink, so a writer or a place may move to or be shared with
// another thread whenever a `&mut S` may.
unsafe impl<S: Sink + Send + ?Sized> Send for Writer<'_, S> {}
// SAFETY: as for `Send`; nothing reachable from `&Writer` writes.
unsafe impl<S: Sink + Sync + ?Sized> Sync for Writer<'_, S> {}
// SAFETY: as for the writer's.
unsafe impl<S: Sink + Send + ?Sized> Send for Place<'_, S> {}
// SAFETY: as for the writer's.
unsafe impl<S: Sink + Sync + ?Sized> Sync for Place<'_, S> {}

impl<'a, S: Sink + ?Sized> Writer<'a, S> {
    /// A writer appending to `sink`.
    #[inline]
    pub fn new(sink: &'a mut S) -> Self {
        let mut room = Room {
            end: std::ptr::null_mut(),
            uncommitted: std::ptr::null_mut(),
            sink: NonNull::from(sink),
            error: None,
        };
        let next = room.take();
        Writer {
            next,
            room,
            _sink: PhantomData,
        }
    }

    /// Writes `value`'s bytes ([`Encode::write_to`]).
    #[inline]
    pub fn write<T: Encode + ?Sized>(&mut self, value: &T) {
        self.next = value.write_to(self.place()).next;
    }

    /// Appends `bytes`: a copy into the sink's spare room when they fit,
    /// else a [`Sink::put`].
    #[inline]
    pub fn put(&mut self, bytes: &[u8]) {
        self.next = self.place().put(bytes).next;
    }

    /// Tells the sink that `additional` more bytes are about to be put
    /// ([`Sink::reserve`]), unless the room it gave already holds them.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        self.next = self.place().reserve(additional).next;
    }

    /// Records that what is being written cannot be encoded; the first
    /// error recorded is the one [`Writer::finish`] returns.
    #[cold]
    pub fn fail(&mut self, error: EncodeError) {
        self.next = self.place().fail(error).next;
    }

    /// `Ok` if everything written could be encoded, or the first error.
    /// The bytes are in the sink once the writer is gone, whether or not
    /// `finish` was called.
    #[inline]
    pub fn finish(mut self) -> Result<(), EncodeError> {
        match self.room.error.take() {
            None => Ok(()),
            Some(error) => Err(error),
        }
    }

    /// The writer's place, for a serialiser to take.
    #[inline(always)]
    fn place(&mut self) -> Place<'_, S> {
        Place {
            next: self.next,
            room: &mut self.room,
        }
    }
}

/// Shows how many bytes the writer has filled of the room it holds, and
/// whether it has met an error; not the sink, which need not be `Debug`.
impl<S: Sink + ?Sized> std::fmt::Debug for Writer<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.room.debug("Writer", self.next, f)
    }
}

/// As a [`Writer`]'s.
impl<S: Sink + ?Sized> std::fmt::Debug for Place<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.room.debug("Place", self.next, f)
    }
}

impl<S: Sink + ?Sized> Drop for Writer<'_, S> {
    /// Commits what was written into the sink's room.
    #[inline]
    fn drop(&mut self) {
        self.room.commit(self.next);
    }
}

impl<'w, S: Sink + ?Sized> Place<'w, S> {
    /// Writes `value`'s bytes ([`Encode::write_to`]).
    #[inline(always)]
    pub fn write<T: Encode + ?Sized>(self, value: &T) -> Self {
        value.write_to(self)
    }

    /// Appends `bytes`: a copy into the sink's spare room when they fit,
    /// else a [`Sink::put`].
    #[inline]
    pub fn put(mut self, bytes: &[u8]) -> Self {
        if bytes.len() <= self.room_left() {
            // SAFETY: `next..end` is room the sink gave for writing, and
            // nothing has been asked of the sink since (each call to it
            // commits first and takes new room after); `bytes` is not in
            // it, since the sink is borrowed for as long as the writer is.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.next, bytes.len());
                self.next = self.next.add(bytes.len());
            }
            self
        } else {
            self.put_beyond_room(bytes)
        }
    }

    /// Tells the sink that `additional` more bytes are about to be put
    /// ([`Sink::reserve`]), unless the room it gave already holds them.
    #[inline]
    pub fn reserve(self, additional: usize) -> Self {
        if additional > self.room_left() {
            self.reserve_beyond_room(additional)
        } else {
            self
        }
    }

    /// Records that what is being written cannot be encoded; the first
    /// error recorded is the one [`Writer::finish`] returns.
    #[cold]
    pub fn fail(self, error: EncodeError) -> Self {
        self.room.error.get_or_insert(error);
        self
    }

    /// Writes `value` if it is there: a conditional field, whose flag bit
    /// says whether it is. Generated code's.
    #[doc(hidden)]
    #[inline(always)]
    pub fn write_optional<T: Encode + ?Sized>(self, value: Option<&T>) -> Self {
        match value {
            Some(value) => value.write_to(self),
            None => self,
        }
    }

    /// The place for the next `len` bytes in the sink's room, now counted
    /// as written. `None` if the room is short.
    ///
    /// # Safety
    ///
    /// The caller writes the `len` bytes at once, before anything that
    /// could panic or use the place.
    #[inline]
    pub(crate) unsafe fn room_for(&mut self, len: usize) -> Option<*mut u8> {
        if len <= self.room_left() {
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
    fn room_left(&self) -> usize {
        self.room.end.addr() - self.next.addr()
    }

    /// Puts what does not fit in the room, which is then taken anew: a
    /// growing buffer grows, and its new spare capacity is the room.
    #[cold]
    #[inline(never)]
    fn put_beyond_room(self, bytes: &[u8]) -> Self {
        self.through_sink(|sink| sink.put(bytes))
    }

    /// Asks the sink for more room than it gave.
    #[inline(never)]
    fn reserve_beyond_room(self, additional: usize) -> Self {
        self.through_sink(|sink| sink.reserve(additional))
    }

    /// Calls the sink, with what was filled committed first and the room
    /// taken anew after.
    #[inline(always)]
    fn through_sink(self, call: impl FnOnce(&mut S)) -> Self {
        self.room.commit(self.next);
        call(self.room.sink());
        let next = self.room.take();
        Place {
            next,
            room: self.room,
        }
    }
}

impl<S: Sink + ?Sized> Room<S> {
    /// The sink.
    #[inline(always)]
    fn sink(&mut self) -> &mut S {
        // SAFETY: the pointer is the writer's borrow of the sink, which
        // lasts as long as the writer, and only the writer's room reaches
        // it, through `&mut self`.
        unsafe { self.sink.as_mut() }
    }

    /// Takes the sink's spare room as the room to fill, and returns its
    /// first byte: the next to fill.
    #[inline]
    fn take(&mut self) -> *mut u8 {
        let room = self.sink().spare_room().as_mut_ptr_range();
        let start: *mut u8 = room.start.cast();
        self.end = room.end.cast();
        self.uncommitted = start;
        start
    }

    /// The `Debug` of a writer or a place named `name`, at `next`: the
    /// bytes filled and not yet committed, and the first error.
    fn debug(
        &self,
        name: &str,
        next: *mut u8,
        f: &mut std::fmt::Formatter<'_>,
    ) -> std::fmt::Result {
        f.debug_struct(name)
            .field("uncommitted", &(next.addr() - self.uncommitted.addr()))
            .field("error", &self.error)
            .finish_non_exhaustive()
    }

    /// Hands what was filled of the room, up to `next`, to the sink, and
    /// forgets the room: the sink may move its buffer on any later call.
    #[inline]
    fn commit(&mut self, next: *mut u8) {
        let filled = next.addr() - self.uncommitted.addr();
        self.end = next;
        self.uncommitted = next;
        if filled > 0 {
            // SAFETY: `filled` bytes of the room were written by `put`, and
            // nothing was asked of the sink since it gave the room.
            unsafe { self.sink().commit(filled) };
        }
    }
}
