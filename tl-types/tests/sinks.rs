//! Values encode into any sink: a `Vec`, a borrowed sink, a byte counter, a
//! `bytes::BytesMut` (feature `bytes`, on in `cargo test --workspace`), a
//! buffer of the user's own; the bytes are the same in each.
#![cfg(feature = "api")]

use proptest::prelude::*;
use tl_types::{ByteCounter, Decode, Encode, Sink, types};

fn value() -> types::InputPeerUser {
    types::InputPeerUser {
        user_id: 777,
        access_hash: -1,
    }
}

/// A caller's buffer type, outside this crate.
#[derive(Default)]
struct Chunks(Vec<Vec<u8>>);

impl Sink for Chunks {
    fn put(&mut self, bytes: &[u8]) {
        self.0.push(bytes.to_vec());
    }
}

/// What a library that writes into any sink looks like.
fn write_twice(mut sink: impl Sink) {
    value().encode(&mut sink).unwrap();
    value().encode(&mut sink).unwrap();
}

#[test]
fn every_sink_gets_the_same_bytes() {
    let expected = value().to_bytes().unwrap();
    assert_eq!(expected.len(), 16, "two longs, bare");

    let mut vec = Vec::new();
    write_twice(&mut vec);
    assert_eq!(vec, [expected.clone(), expected.clone()].concat());

    let mut counter = ByteCounter::default();
    write_twice(&mut counter);
    assert_eq!(counter.0, 32);

    let mut chunks = Chunks::default();
    write_twice(&mut chunks);
    assert_eq!(chunks.0.concat(), vec);

    // A `&mut &mut` sink too: borrowed sinks nest.
    let mut inner = Vec::new();
    let mut outer = &mut inner;
    value().encode(&mut outer).unwrap();
    assert_eq!(inner, expected);
}

#[cfg(feature = "bytes")]
#[test]
fn bytes_mut_is_a_sink() {
    let mut buffer = bytes::BytesMut::new();
    write_twice(&mut buffer);
    assert_eq!(&buffer[..16], value().to_bytes().unwrap());
    assert_eq!(buffer.len(), 32);
}

/// A sink that keeps the size hints it is given beside the bytes.
#[derive(Default)]
struct Hinted {
    bytes: Vec<u8>,
    hints: Vec<usize>,
}

impl Sink for Hinted {
    fn put(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    fn reserve(&mut self, additional: usize) {
        self.hints.push(additional);
    }
}

/// A vector of fixed-size elements, which is written in bulk, is its
/// count and then its elements one by one, in every sink; it reads back;
/// and the size hints the sink gets never promise more than comes.
fn check_bulk<T: Encode + Decode>(items: Vec<T>, element: impl Fn(&T) -> Vec<u8>) {
    let mut expected = 0x1cb5c415_u32.to_le_bytes().to_vec();
    expected.extend_from_slice(&(items.len() as u32).to_le_bytes());
    items.iter().for_each(|item| expected.extend(element(item)));

    let bytes = items.to_bytes().unwrap();
    assert_eq!(bytes, expected);
    let mut chunks = Chunks::default();
    items.encode(&mut chunks).unwrap();
    assert_eq!(chunks.0.concat(), expected);
    let mut hinted = Hinted::default();
    items.encode(&mut hinted).unwrap();
    assert_eq!(hinted.bytes, expected);
    assert!(hinted.hints.iter().sum::<usize>() <= expected.len());
    let read = Vec::<T>::from_bytes(&bytes).unwrap();
    assert_eq!(read.to_bytes().unwrap(), expected);
}

proptest! {
    #[test]
    fn fixed_size_elements_are_written_in_bulk_as_one_by_one(
        ints: Vec<i32>,
        longs: Vec<i64>,
        doubles: Vec<f64>,
        int128s: Vec<[u8; 16]>,
        int256s: Vec<[u8; 32]>,
    ) {
        check_bulk(ints, |item| item.to_le_bytes().to_vec());
        check_bulk(longs, |item| item.to_le_bytes().to_vec());
        check_bulk(doubles, |item| item.to_le_bytes().to_vec());
        check_bulk(int128s, |item| item.to_vec());
        check_bulk(int256s, |item| item.to_vec());
    }
}

/// A sink that lends at most `limit` bytes of its spare capacity at a time
/// and checks that what a writer commits is inside the room it lent last,
/// before anything else was asked of it. (A room the writer fills nothing
/// of is given up without a commit.)
struct Rooms {
    bytes: Vec<u8>,
    limit: usize,
    lent: Option<usize>,
    commits: usize,
}

impl Rooms {
    fn new(capacity: usize, limit: usize) -> Self {
        Rooms {
            bytes: Vec::with_capacity(capacity),
            limit,
            lent: None,
            commits: 0,
        }
    }
}

impl Sink for Rooms {
    fn put(&mut self, bytes: &[u8]) {
        self.lent = None;
        self.bytes.extend_from_slice(bytes);
    }

    fn reserve(&mut self, additional: usize) {
        self.lent = None;
        self.bytes.reserve(additional);
    }

    fn spare_room(&mut self) -> &mut [std::mem::MaybeUninit<u8>] {
        let room = self.bytes.spare_capacity_mut();
        let len = room.len().min(self.limit);
        self.lent = Some(len);
        &mut room[..len]
    }

    unsafe fn commit(&mut self, filled: usize) {
        let lent = self
            .lent
            .take()
            .expect("a commit follows the room it fills");
        assert!(
            0 < filled && filled <= lent,
            "{filled} bytes committed of {lent} lent"
        );
        self.commits += 1;
        // SAFETY: the writer wrote `filled` bytes of the spare capacity.
        unsafe { self.bytes.set_len(self.bytes.len() + filled) };
    }
}

/// Strings of every header size, fixed-size vectors and runs, one after
/// another through one writer.
fn write_mixed<S: Sink + ?Sized>(
    (text, blob, longs, int128s): &(String, Vec<u8>, Vec<i64>, Vec<[u8; 16]>),
    out: &mut tl_types::Writer<'_, S>,
) {
    out.write(text);
    out.write(&value());
    out.write(blob);
    out.write(longs);
    out.write(int128s);
    out.write(&true);
}

fn mixed() -> impl Strategy<Value = (String, Vec<u8>, Vec<i64>, Vec<[u8; 16]>)> {
    (
        ".{0,300}",
        proptest::collection::vec(any::<u8>(), 0..600),
        proptest::collection::vec(any::<i64>(), 0..100),
        proptest::collection::vec(any::<[u8; 16]>(), 0..10),
    )
}

proptest! {
    /// A writer fills a sink's room in place and puts what does not fit:
    /// the bytes are the same whatever room the sink lends, and whatever
    /// capacity a `Vec` starts with.
    #[test]
    fn the_bytes_are_the_same_whatever_room_the_sink_lends(
        parts in mixed(),
        capacity in 0_usize..2000,
        limit in 0_usize..80,
    ) {
        let mut chunks = Chunks::default();
        let mut out = tl_types::Writer::new(&mut chunks);
        write_mixed(&parts, &mut out);
        out.finish().unwrap();
        let expected = chunks.0.concat();

        let mut rooms = Rooms::new(capacity, limit);
        let mut out = tl_types::Writer::new(&mut rooms);
        write_mixed(&parts, &mut out);
        out.finish().unwrap();
        prop_assert_eq!(&rooms.bytes, &expected);
        if limit == 0 {
            prop_assert_eq!(rooms.commits, 0);
        } else if capacity >= 4 && limit >= 4 {
            prop_assert!(rooms.commits > 0, "the first piece fits the first room");
        }

        let mut vec = Vec::with_capacity(capacity);
        let mut out = tl_types::Writer::new(&mut vec);
        write_mixed(&parts, &mut out);
        out.finish().unwrap();
        prop_assert_eq!(vec, expected);
    }
}

#[test]
fn a_writer_dropped_without_finish_leaves_its_bytes_in_the_sink() {
    let mut vec = Vec::with_capacity(64);
    let mut out = tl_types::Writer::new(&mut vec);
    out.write(&value());
    drop(out);
    assert_eq!(vec, value().to_bytes().unwrap());

    // And an error is still only reported by `finish`: the bytes before it
    // stay, as after any `Err`, for the caller to throw away.
    let mut vec = Vec::new();
    let mut out = tl_types::Writer::new(&mut vec);
    out.write(&value());
    out.fail(tl_types::EncodeError::TooLong { length: 1 << 24 });
    assert!(out.finish().is_err());
    assert_eq!(vec, value().to_bytes().unwrap());
}

#[test]
fn a_writer_shows_what_it_holds_and_its_error() {
    let mut vec = Vec::with_capacity(64);
    let mut out = tl_types::Writer::new(&mut vec);
    out.write(&7_i32);
    assert_eq!(
        format!("{out:?}"),
        "Writer { uncommitted: 4, error: None, .. }"
    );
    out.fail(tl_types::EncodeError::TooLong { length: 1 << 24 });
    assert!(format!("{out:?}").contains("TooLong"));
}
