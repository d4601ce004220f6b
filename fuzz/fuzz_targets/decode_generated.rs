//! Bytes → the generated decoders of `enums::Updates`, `enums::messages::Messages`, `enums::RichText` and the dispatch decoder `AnyObject` (the first byte picks one).
//! The body is `tl_fuzz_targets::decode_generated`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tl_fuzz_targets::decode_generated(data));
