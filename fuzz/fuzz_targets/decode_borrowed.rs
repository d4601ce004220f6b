//! Bytes → the borrowed bindings of `enums::Updates`, `enums::messages::Messages`, `enums::RichText` and `AnyObject` (the first byte picks one), with an arena and without, against the owned ones.
//! The body is `tl_fuzz_targets::decode_borrowed`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tl_fuzz_targets::decode_borrowed(data));
