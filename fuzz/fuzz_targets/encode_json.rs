//! JSON text → both TL-JSON encoders (dynamic and generated), which must agree.
//! The body is `tl_fuzz_targets::encode_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tl_fuzz_targets::encode_json(data));
