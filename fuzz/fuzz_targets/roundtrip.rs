//! Decode ⇒ re-encode ⇒ decode through the generated code, and the dynamic codec must agree on the bytes and the JSON.
//! The body is `tl_fuzz_targets::roundtrip`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tl_fuzz_targets::roundtrip(data));
