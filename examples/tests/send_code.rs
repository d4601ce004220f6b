//! The README's first command: `send_code` prints the request's bytes as
//! gramjs writes them, its TL-JSON, and the answer decoded and re-encoded.

use std::process::Command;

/// A line of the gramjs corpus: its TL-JSON and its bytes.
fn corpus(name: &str) -> (serde_json::Value, String) {
    let line = include_str!("../../tests/corpus/seed.json")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["name"] == name)
        .unwrap();
    (
        line["json"].clone(),
        line["hex"].as_str().unwrap().to_owned(),
    )
}

/// What follows `marker` on the first line that has it.
fn after<'a>(output: &'a str, marker: &str) -> &'a str {
    output
        .lines()
        .find_map(|l| l.split_once(marker).map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no line with `{marker}` in\n{output}"))
}

#[test]
fn send_code_shows_the_request_and_the_answer() {
    let out = Command::new(env!("CARGO_BIN_EXE_send_code"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let output = String::from_utf8(out.stdout).unwrap();

    let (request_json, request_hex) = corpus("auth.sendCode");
    let bytes = after(&output, &format!("{} bytes: ", request_hex.len() / 2));
    assert_eq!(bytes.replace(' ', ""), request_hex);
    let json: serde_json::Value = serde_json::from_str(after(&output, "TL-JSON: ")).unwrap();
    assert_eq!(json, request_json);

    let (answer_json, answer_hex) = corpus("auth.sentCode");
    let answer = after(
        &output,
        &format!("answer, {} bytes: ", answer_hex.len() / 2),
    );
    assert_eq!(answer.replace(' ', ""), answer_hex);
    let decoded = output
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("TL-JSON: "))
        .nth(1)
        .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(decoded).unwrap(),
        answer_json
    );
    assert!(output.contains("encoded again: the same bytes"), "{output}");
    assert!(output.contains("SentCodeTypeSms { length: 5 }"), "{output}");
}
