//! `diff::diff` on the odd schemas the parser's fuzzer found
//! (`fuzz/corpus/parse_schema.hex`, one input per line in hex): no panic on
//! any pair, nothing reported between a schema and itself, and everything
//! reported added when the old side is empty.

use tl_codegen::diff::{Status, diff};
use tl_parser::Schema;

fn corpus_schemas() -> Vec<Schema> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/corpus/parse_schema.hex"
    );
    let hex = std::fs::read_to_string(path).expect("the fuzz corpus of the repository");
    hex.lines()
        .filter_map(|line| {
            let bytes: Option<Vec<u8>> = (0..line.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(line.get(i..i + 2)?, 16).ok())
                .collect();
            let text = String::from_utf8(bytes?).ok()?;
            tl_parser::parse(&text).ok()
        })
        .collect()
}

#[test]
fn odd_schemas_diff_without_panicking() {
    let schemas = corpus_schemas();
    assert!(schemas.len() > 400, "{} schemas parsed", schemas.len());
    for (i, schema) in schemas.iter().enumerate() {
        let same = diff(std::slice::from_ref(schema), std::slice::from_ref(schema));
        assert!(same.is_empty(), "input {i} differs from itself: {same:#?}");
        let fresh = diff(&[], std::slice::from_ref(schema));
        assert_eq!(
            fresh.definitions.len(),
            schema.definitions.len(),
            "input {i}"
        );
        assert!(fresh.definitions.iter().all(|d| d.status == Status::Added));
        let next = &schemas[(i + 1) % schemas.len()];
        let _ = diff(std::slice::from_ref(schema), std::slice::from_ref(next));
    }
}
