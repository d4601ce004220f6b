//! `tl json --schema` on TON's own schemas, with bytes written by an
//! independent TON implementation (pytoniq-core, `tests/real-schemas/ton-corpus`):
//! every object decodes to the corpus's JSON through the line protocol, and
//! that JSON encodes back to the same bytes. The schemas are fetched into the
//! real-schema cache (`tests/real-schemas/fetch.py`) if they are not there yet.

#[path = "support/real_schemas.rs"]
mod real_schemas;
#[path = "support/tl.rs"]
mod support;

use std::path::PathBuf;

fn ton_schema(name: &str) -> PathBuf {
    real_schemas::cached(&format!("ton/{name}"), "fetch.py")
}

/// `tl json MODE --schema SCHEMA` over these input lines: its output lines.
fn line_protocol(mode: &str, schema: &std::path::Path, lines: &[String]) -> Vec<String> {
    let schema = schema.to_str().unwrap();
    let output = support::tl_with_input(
        &["json", mode, "--schema", schema],
        &(lines.join("\n") + "\n"),
    );
    assert!(
        output.status.success(),
        "tl json {mode}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn pytoniq_bytes_decode_and_encode_back_through_tl_json() {
    let corpus: Vec<serde_json::Value> =
        include_str!("../../tests/real-schemas/ton-corpus/pytoniq.jsonl")
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    let mut checked = 0;
    for schema in ["lite_api", "ton_api"] {
        let objects: Vec<&serde_json::Value> =
            corpus.iter().filter(|o| o["schema"] == schema).collect();
        let path = ton_schema(&format!("{schema}.tl"));
        let hex: Vec<String> = objects
            .iter()
            .map(|o| o["hex"].as_str().unwrap().to_owned())
            .collect();
        let decoded = line_protocol("decode", &path, &hex);
        assert_eq!(decoded.len(), objects.len());
        for (line, object) in decoded.iter().zip(&objects) {
            let json: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(json, object["json"], "{}", object["name"]);
        }
        let encoded = line_protocol("encode", &path, &decoded);
        assert_eq!(encoded, hex, "{schema}");
        checked += objects.len();
    }
    assert_eq!(checked, 50);
}
