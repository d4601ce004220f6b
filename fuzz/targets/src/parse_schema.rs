//! Schema text → parser, checker, diagnostics, printer.

use tl_parser::SourceText;

/// Parses arbitrary text as a schema. On success the checker runs and its
/// diagnostics are rendered, and the printed schema must parse back to an
/// equal schema; on failure the error is rendered against the source.
pub fn parse_schema(data: &[u8]) {
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
            let reparsed = tl_parser::parse(&printed).unwrap_or_else(|err| {
                panic!("printed schema does not parse: {err}\n--- input ---\n{text}\n--- printed ---\n{printed}")
            });
            assert_eq!(
                schema, reparsed,
                "print -> parse changed the schema\n--- input ---\n{text}\n--- printed ---\n{printed}"
            );
        }
        Err(err) => {
            let _ = tl_parser::render(&[err.to_diagnostic()], &sources);
        }
    }
}
