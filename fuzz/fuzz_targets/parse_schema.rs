//! Schema text → parser, checker, diagnostics and printer; the printed schema must parse back equal.
//! The body is `tl_fuzz_targets::parse_schema`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tl_fuzz_targets::parse_schema(data));
