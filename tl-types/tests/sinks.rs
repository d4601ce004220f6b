//! Values encode into any sink: a `Vec`, a borrowed sink, a byte counter, a
//! `bytes::BytesMut` (feature `bytes`, on in `cargo test --workspace`), a
//! buffer of the user's own; the bytes are the same in each.
#![cfg(feature = "api")]

use tl_types::{ByteCounter, Encode, Sink, types};

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
