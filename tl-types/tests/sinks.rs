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
