//! Runs of fixed-size fields written with one [`Place::put`]: the
//! generated serialiser of `inputPeerUser` writes `(self.user_id,
//! self.access_hash)` as 16 bytes, one capacity check and one copy, instead
//! of a `put` per field. Generated code's, through [`Place::put_run`].

use crate::traits::Sink;
use crate::wire::{BOOL_FALSE_ID, BOOL_TRUE_ID};
use crate::writer::Place;

/// The most bytes a run may take: the generator makes no longer runs.
pub const MAX_RUN: usize = 64;

/// A value of a fixed size on the wire, or a tuple of such values.
pub trait Run {
    /// Its size on the wire.
    const SIZE: usize;

    /// Writes its [`Run::SIZE`] bytes from `out` on.
    ///
    /// # Safety
    ///
    /// `out` is valid for writes of [`Run::SIZE`] bytes.
    unsafe fn write_at(&self, out: *mut u8);
}

macro_rules! numbers {
    ($($ty:ty),*) => {$(
        impl Run for $ty {
            const SIZE: usize = size_of::<$ty>();

            #[inline(always)]
            unsafe fn write_at(&self, out: *mut u8) {
                // SAFETY: the caller's promise.
                unsafe { out.cast::<[u8; size_of::<$ty>()]>().write_unaligned(self.to_le_bytes()) };
            }
        }
    )*};
}

numbers!(i32, u32, i64, f64);

impl<const N: usize> Run for [u8; N] {
    const SIZE: usize = N;

    #[inline(always)]
    unsafe fn write_at(&self, out: *mut u8) {
        // SAFETY: the caller's promise.
        unsafe { out.cast::<[u8; N]>().write_unaligned(*self) };
    }
}

impl Run for bool {
    const SIZE: usize = 4;

    #[inline(always)]
    unsafe fn write_at(&self, out: *mut u8) {
        let id = if *self { BOOL_TRUE_ID } else { BOOL_FALSE_ID };
        // SAFETY: the caller's promise.
        unsafe { id.write_at(out) };
    }
}

/// A run is written as its parts one after another.
macro_rules! tuples {
    ($(($($part:ident $index:tt),+))*) => {$(
        impl<$($part: Run),+> Run for ($($part,)+) {
            const SIZE: usize = 0 $(+ $part::SIZE)+;

            #[inline(always)]
            unsafe fn write_at(&self, out: *mut u8) {
                let mut at = out;
                $(
                    // SAFETY: the parts' sizes add up to the run's, for
                    // which the caller promised room.
                    unsafe {
                        self.$index.write_at(at);
                        at = at.add($part::SIZE);
                    }
                )+
                let _ = at;
            }
        }
    )*};
}

tuples! {
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
}

impl<S: Sink + ?Sized> Place<'_, S> {
    /// Writes a run of fixed-size fields (a tuple of at most [`MAX_RUN`]
    /// bytes) straight into the sink's room, or with one [`Place::put`]
    /// when the room is short. Generated code's.
    #[doc(hidden)]
    #[inline]
    pub fn put_run<R: Run>(mut self, run: R) -> Self {
        const { assert!(R::SIZE <= MAX_RUN, "a run of more than MAX_RUN bytes") };
        // SAFETY: the run is written at once, and writing numbers cannot
        // panic.
        match unsafe { self.room_for(R::SIZE) } {
            Some(room) => {
                // SAFETY: `room_for` gave room for `R::SIZE` bytes.
                unsafe { run.write_at(room) };
                self
            }
            None => {
                let mut bytes = [0u8; MAX_RUN];
                // SAFETY: `bytes` holds at least `R::SIZE`.
                unsafe { run.write_at(bytes.as_mut_ptr()) };
                self.put(&bytes[..R::SIZE])
            }
        }
    }
}
