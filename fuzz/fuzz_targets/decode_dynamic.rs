//! Bytes → the dynamic codec with the bundled schema; what decodes must re-encode and decode to the same JSON.
//! The body is `tl_fuzz_targets::decode_dynamic`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tl_fuzz_targets::decode_dynamic(data));
