//! Fuzzes the whole pipeline on arbitrary text: parse, check, render the
//! diagnostics, print, and parse the printed text again. The parser, checker
//! and renderer must never panic, and printing must round-trip: the canonical
//! text parses to a schema equal to the first one (spans compare equal).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_parser::SourceText;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sources = [SourceText {
        name: "fuzz.tl",
        text,
    }];
    match tl_parser::parse(text) {
        Ok(schema) => {
            let diagnostics = tl_parser::check(&[&schema]);
            let _ = tl_parser::render(&diagnostics, &sources);

            let printed = schema.to_string();
            let reparsed = match tl_parser::parse(&printed) {
                Ok(reparsed) => reparsed,
                Err(err) => panic!(
                    "printed schema does not parse: {err}\n--- input ---\n{text}\n--- printed ---\n{printed}"
                ),
            };
            assert_eq!(
                schema, reparsed,
                "print -> parse changed the schema\n--- input ---\n{text}\n--- printed ---\n{printed}"
            );
        }
        Err(err) => {
            let _ = tl_parser::render(&[err.to_diagnostic()], &sources);
        }
    }
});
