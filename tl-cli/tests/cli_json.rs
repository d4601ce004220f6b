//! `tl json encode` and `tl json decode`, run as a user runs them.

#[path = "support/tl.rs"]
mod support;

use std::process::Output;

fn tl(args: &[&str], stdin: &str) -> Output {
    support::tl_with_input(args, stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn seed(line: usize) -> serde_json::Value {
    let text = include_str!("../../tests/corpus/seed.json")
        .lines()
        .nth(line)
        .unwrap();
    serde_json::from_str(text).unwrap()
}

#[test]
fn the_line_protocol_both_ways() {
    let request = seed(0);
    let answer = seed(1);
    let input = format!("{}\n{}\n", request["json"], answer["json"]);
    let out = tl(&["json", "encode"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out),
        format!(
            "{}\n{}\n",
            request["hex"].as_str().unwrap(),
            answer["hex"].as_str().unwrap()
        )
    );

    let out = tl(&["json", "decode"], &stdout(&out));
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, [request["json"].clone(), answer["json"].clone()]);
    let first = stdout(&out).lines().next().unwrap().to_owned();
    assert!(
        first.starts_with(r#"{"_":"auth.sendCode","phone_number":"#),
        "schema order: {first}"
    );
}

#[test]
fn a_bad_line_is_an_error_line_and_the_rest_goes_on() {
    let input = "6b18f9c4\nzz\n02250052\n{}\nc4f9186b\n";
    let out = tl(&["json", "decode"], input);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(lines[0], r#"{"_":"help.getConfig"}"#);
    assert!(lines[1].starts_with("error: not hex"), "{}", lines[1]);
    assert!(
        lines[2].starts_with("error: at byte 0: constructor id 52002502 is not in the schema"),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("error: not hex"), "{}", lines[3]);
    assert!(lines[4].starts_with("error: at byte 0"), "{}", lines[4]);
}

#[test]
fn encode_errors_name_the_json_path() {
    let input = r#"{"_":"messages.sendMultiMedia","peer":{"_":"inputPeerSelf"},"multi_media":[{"_":"inputSingleMedia","media":{"_":"inputMediaEmpty"},"random_id":"1","message":"","entities":[{"_":"messageEntityBold","offset":0,"length":"x"}]}]}"#;
    let out = tl(&["json", "encode"], &format!("{input}\n"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out).trim_end(),
        "error: at .multi_media[0].entities[0].length: expected an integer, found a string"
    );
}

#[test]
fn a_file_is_one_value_pretty_printed() {
    let dir = std::env::temp_dir().join(format!("tl-json-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let answer = seed(1);
    let hex = answer["hex"].as_str().unwrap();
    let hex_file = dir.join("reply.hex");
    std::fs::write(&hex_file, format!("{}\n{}\n", &hex[..10], &hex[10..])).unwrap();
    let out = tl(&["json", "decode", "--hex", hex_file.to_str().unwrap()], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json, answer["json"]);
    assert!(stdout(&out).contains("\n  \"type\": {"), "pretty");

    let raw_file = dir.join("reply.bin");
    std::fs::write(&raw_file, hex::decode(hex).unwrap()).unwrap();
    let out = tl(&["json", "decode", raw_file.to_str().unwrap()], "");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap(),
        answer["json"]
    );

    let json_file = dir.join("reply.json");
    std::fs::write(&json_file, answer["json"].to_string()).unwrap();
    let out = tl(
        &["json", "encode", "--base64", json_file.to_str().unwrap()],
        "",
    );
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(stdout(&out).trim())
        .unwrap();
    assert_eq!(hex::encode(bytes), hex);

    let mut broken = hex::decode(hex).unwrap();
    broken.truncate(10);
    std::fs::write(&raw_file, broken).unwrap();
    let out = tl(&["json", "decode", "--raw", raw_file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing half-written");
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: at byte 8"));
}

#[test]
fn a_schema_given_at_run_time() {
    let out = tl(
        &[
            "json",
            "encode",
            "--schema",
            "tl-codegen/tests/fixtures/kv.tl",
        ],
        "{\"_\":\"kv.get\",\"key\":\"a\"}\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hex = stdout(&out);
    let out = tl(
        &[
            "json",
            "decode",
            "--schema",
            "tl-codegen/tests/fixtures/kv.tl",
        ],
        &hex,
    );
    assert_eq!(stdout(&out), "{\"_\":\"kv.get\",\"key\":\"a\"}\n");
}

#[test]
fn the_whole_gramjs_corpus_through_the_line_protocol() {
    let vectors: Vec<serde_json::Value> = include_str!("../../tests/corpus/api.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let json_lines: String = vectors.iter().map(|v| format!("{}\n", v["json"])).collect();
    let hex_lines: String = vectors
        .iter()
        .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
        .collect();

    let encoded = tl(&["json", "encode"], &json_lines);
    assert!(encoded.status.success());
    assert_eq!(
        stdout(&encoded),
        hex_lines,
        "tl json encode gives gramjs's bytes"
    );

    let decoded = tl(&["json", "decode"], &hex_lines);
    assert!(decoded.status.success());
    let text = stdout(&decoded);
    assert_eq!(text.lines().count(), vectors.len());
    for (line, vector) in text.lines().zip(&vectors) {
        let ours: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(ours["_"], vector["json"]["_"]);
    }
    // Decoding then encoding again gives the same bytes, in one pass.
    let round = tl(&["json", "encode"], &text);
    assert_eq!(stdout(&round), hex_lines);
}

#[test]
fn the_line_limit_just_inside_and_just_outside() {
    // `6b18f9c4` is 8 bytes; the limit counts the line without its break.
    let out = tl(
        &["json", "decode", "--max-line-bytes", "8"],
        "6b18f9c4\n6b18f9c4 \n6b18f9c4\n",
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], r#"{"_":"help.getConfig"}"#);
    assert_eq!(lines[1], "error: the line is longer than 8 bytes");
    assert_eq!(
        lines[2], r#"{"_":"help.getConfig"}"#,
        "reading goes on after a long line"
    );
    assert_eq!(out.status.code(), Some(1));
    let last_without_break = tl(&["json", "decode", "--max-line-bytes", "8"], "6b18f9c4");
    assert!(last_without_break.status.success());
}

#[test]
fn the_nesting_limit_just_inside_and_just_outside() {
    // `objects` rich texts nested: textBold around textBold ... around textEmpty.
    let nested = |objects: usize| format!("{}4f823ddc\n", "c4ab2467".repeat(objects - 1));
    let inside = tl(&["json", "decode"], &nested(64));
    assert!(inside.status.success());
    let json: serde_json::Value = serde_json::from_str(stdout(&inside).trim()).unwrap();
    assert_eq!(json["_"], "textBold");

    let outside = tl(&["json", "decode"], &nested(65));
    assert_eq!(
        stdout(&outside),
        "error: at byte 256: values nest deeper than the limit of 64\n"
    );
    assert_eq!(outside.status.code(), Some(1));

    let raised = tl(&["json", "decode", "--max-depth", "65"], &nested(65));
    assert!(raised.status.success());
    let round = tl(&["json", "encode", "--max-depth", "65"], &stdout(&raised));
    assert_eq!(stdout(&round), nested(65));
    let refused = tl(&["json", "encode"], &stdout(&raised));
    assert!(
        stdout(&refused).starts_with("error: at .text.text"),
        "{}",
        stdout(&refused)
    );

    let zero = tl(&["json", "decode", "--max-depth", "0"], "");
    assert!(!zero.status.success());
}

#[test]
fn a_container_of_messages_as_captured() {
    // msg_container [message{msg_id 2, seqno 1, 16 bytes: rpc_result{req_msg_id 1, boolTrue}}]:
    // the bare `message` is MTProto's, not the API's constructor of that name.
    let hex = concat!(
        "dcf8f173",
        "01000000", // msg_container, 1 message
        "0200000000000000",
        "01000000",
        "10000000", // msg_id, seqno, bytes
        "016d5cf3",
        "0100000000000000",
        "b5757299", // rpc_result, req_msg_id, boolTrue
        "\n"
    );
    let out = tl(&["json", "decode"], hex);
    assert_eq!(
        stdout(&out),
        concat!(
            r#"{"_":"msg_container","messages":[{"_":"message","msg_id":"2","seqno":1,"bytes":16,"#,
            r#""body":{"_":"rpc_result","req_msg_id":"1","result":{"_":"boolTrue"}}}]}"#,
            "\n"
        )
    );
    let back = tl(&["json", "encode"], &stdout(&out));
    assert_eq!(stdout(&back), hex);
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tl-cli-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn hex_may_be_spaced_as_captured_traffic_is() {
    let out = tl(
        &["json", "decode"],
        "a2bb00c0 05000000\n\t a2 bb 00 c0 05 00 00 00\n",
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "{\"_\":\"auth.sentCodeTypeSms\",\"length\":5}\n".repeat(2)
    );
}

#[test]
fn refused_input_says_why_in_words() {
    let out = tl(&["json", "decode"], "a2bb00c0 0500000\nc000bba2 05000000\n");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "error: not hex: 15 hex digits, an odd number; each byte takes two"
    );
    // An id written as the schema writes it, not as the wire does.
    assert_eq!(
        lines[1],
        "error: at byte 0: constructor id a2bb00c0 is not in the schema (note: c000bba2, its bytes \
         the other way round, is `auth.sentCodeTypeSms`: ids are little-endian on the wire, so \
         its bytes are a2bb00c0)"
    );
    assert_eq!(lines.len(), 2, "one line for each line: {text}");
}

#[test]
fn a_file_of_hex_or_base64_text_read_as_bytes_is_recognised() {
    for (name, contents, option) in [
        ("dump.txt", &b"6b18f9c4\n"[..], "--hex"),
        ("dump.b64", &b"orsAwAUAAAA=\n"[..], "--base64"),
    ] {
        let path = temp_file(name, contents);
        let out = tl(&["json", "decode", path.to_str().unwrap()], "");
        assert_eq!(out.status.code(), Some(1));
        let text = stderr(&out);
        assert!(
            text.contains(&format!(
                "looks like {} text rather than bytes: decode it with {option}",
                &option[2..]
            )),
            "{text}"
        );
        let read = tl(&["json", "decode", option, path.to_str().unwrap()], "");
        assert!(read.status.success(), "{}", stderr(&read));
    }
}

#[test]
fn schema_takes_one_file_each_time_and_errors_say_error_once() {
    let query = temp_file("q.json", br#"{"_":"kv.get","key":"a"}"#);
    let kv = "tl-codegen/tests/fixtures/kv.tl";
    // The file after `--schema FILE` is the input, not a second schema.
    let out = tl(
        &["json", "encode", "--schema", kv, query.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "948ac17c01610000\n");
    // Two schemas used together: `--schema` once each.
    let out = tl(
        &[
            "json",
            "decode",
            "--schema",
            kv,
            "--schema",
            "tl-types/schema/mtproto.tl",
        ],
        "948ac17c01610000\n",
    );
    assert_eq!(stdout(&out), "{\"_\":\"kv.get\",\"key\":\"a\"}\n");
    // A schema that does not parse: its diagnostic, with `error:` once.
    let bad = temp_file("bad.tl", b"foo a:int = Foo\n");
    let out = tl(
        &[
            "json",
            "encode",
            "--schema",
            bad.to_str().unwrap(),
            query.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.starts_with("error: expected `;`"), "{text}");
    assert!(!text.contains("error: error"), "{text}");
}

#[test]
fn json_help_has_examples_on_lines_of_their_own() {
    for direction in ["encode", "decode"] {
        let out = tl(&["json", direction, "--help"], "");
        let text = stdout(&out);
        assert!(
            text.lines().any(
                |l| l.trim_start().starts_with(&format!("tl json {direction}"))
                    || l.trim_start().starts_with("echo ")
            ),
            "{text}"
        );
        assert!(text.contains("Examples:"), "{text}");
    }
}
