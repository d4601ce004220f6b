//! The bodies of the fuzz targets, as plain functions over `&[u8]`.
//!
//! Each function is one target: it must never panic on any input, and where
//! it can, it checks a property on top (a round trip, or two codecs agreeing)
//! with `assert!`, so that a broken property is a crash the fuzzer reports.
//! The libFuzzer binaries in `fuzz/fuzz_targets/` are one-line wrappers around
//! these functions, and `tests/replay.rs` runs every committed corpus and
//! crash input through them in `cargo test --workspace`.

mod bundled;
mod decode_borrowed;
mod decode_dynamic;
mod decode_generated;
mod encode_json;
mod parse_schema;
mod roundtrip;

pub use decode_borrowed::decode_borrowed;
pub use decode_dynamic::decode_dynamic;
pub use decode_generated::decode_generated;
pub use encode_json::encode_json;
pub use parse_schema::parse_schema;
pub use roundtrip::roundtrip;

/// A fuzz target: takes any bytes, panics only on a bug.
pub type Target = fn(&[u8]);

/// Every target by the name of its binary and corpus directory.
pub const TARGETS: &[(&str, Target)] = &[
    ("parse_schema", parse_schema),
    ("decode_generated", decode_generated),
    ("decode_borrowed", decode_borrowed),
    ("decode_dynamic", decode_dynamic),
    ("encode_json", encode_json),
    ("roundtrip", roundtrip),
];
