//! Bindings for a small key-value protocol, generated at build time from
//! `tl-codegen/tests/fixtures/kv.tl` by `build.rs`.

/// The generated bindings.
pub mod kv {
    include!(concat!(env!("OUT_DIR"), "/kv.rs"));
}
