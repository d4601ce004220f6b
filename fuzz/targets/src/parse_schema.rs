//! Schema text → parser, checker, diagnostics, printer, formatter.

use tl_parser::SourceText;

#[path = "../../../tl-parser/tests/support/comments.rs"]
mod comments;

/// Parses arbitrary text as a schema. On success the checker runs and its
/// diagnostics are rendered, the printed schema must parse back to an equal
/// schema, and so must the formatted text, which keeps every comment and
/// formats to itself; on failure the error is rendered against the source.
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
                schema.without_spans(),
                reparsed.without_spans(),
                "print -> parse changed the schema\n--- input ---\n{text}\n--- printed ---\n{printed}"
            );
            let formatted = tl_parser::format::format_schema(text, &schema);
            let again = tl_parser::parse(&formatted).unwrap_or_else(|err| {
                panic!("formatted schema does not parse: {err}\n--- input ---\n{text}\n--- formatted ---\n{formatted}")
            });
            assert_eq!(
                schema.without_spans(),
                again.without_spans(),
                "format -> parse changed the schema\n--- input ---\n{text}\n--- formatted ---\n{formatted}"
            );
            assert_eq!(
                comments::comments(text),
                comments::comments(&formatted),
                "format lost a comment\n--- input ---\n{text}\n--- formatted ---\n{formatted}"
            );
            assert_eq!(
                tl_parser::format::format_schema(&formatted, &again),
                formatted,
                "format is not idempotent\n--- input ---\n{text}"
            );
        }
        Err(err) => {
            let _ = tl_parser::render(&[err.to_diagnostic()], &sources);
        }
    }
}
