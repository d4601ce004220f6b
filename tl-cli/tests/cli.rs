//! The `tl` binary, run as a user runs it.

use std::process::{Command, Output};

fn tl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tl"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tl-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_of_the_bundled_schema_passes_with_the_known_warnings() {
    let out = tl(&[
        "check",
        "tl-types/schema/api.tl",
        "tl-types/schema/mtproto.tl",
    ]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for name in [
        "ipPortSecret",
        "accessPointRule",
        "help.configSimple",
        "tlsClientHello",
    ] {
        assert!(
            stderr.contains(&format!("`{name}`")),
            "{name} missing in\n{stderr}"
        );
    }
    assert!(
        stderr.contains("tl-types/schema/mtproto.tl:101:1"),
        "{stderr}"
    );
    assert!(stderr.ends_with("checked 2 file(s), 2540 definitions: 0 error(s), 15 warning(s)\n"));
    let quiet = tl(&[
        "check",
        "--quiet",
        "tl-types/schema/api.tl",
        "tl-types/schema/mtproto.tl",
    ]);
    assert!(!text(&quiet.stderr).contains("warning:"));
}

#[test]
fn check_fails_on_a_parse_error_with_the_place() {
    let path = temp_file("broken.tl", "ok = Ok;\nuser#1 id long = User;\n");
    let out = tl(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.tl:2:8"), "{stderr}");
    assert!(stderr.contains("user#1 id long = User;"), "{stderr}");
}

#[test]
fn check_fails_on_an_error_finding() {
    let path = temp_file("undefined.tl", "foo a:Bar = Foo;\n");
    let out = tl(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error: undefined type `Bar`"));
}

#[test]
fn check_reports_what_gen_cannot_generate_at_its_place() {
    // `%Pair` is a bare type of a boxed type with two constructors: the
    // checker has nothing against it, but no Rust can hold it.
    let path = temp_file(
        "bare_of_two.tl",
        "pair.a x:int = Pair;\npair.b y:long = Pair;\nholder p:%Pair = Holder;\n",
    );
    let file = path.to_str().unwrap();
    let check = tl(&["check", file]);
    let stderr = text(&check.stderr);
    assert!(!check.status.success(), "{stderr}");
    let message = "error: `holder` uses `%Pair`, a bare type of a boxed type with more than one constructor, which cannot be generated";
    assert!(stderr.contains(message), "{stderr}");
    assert!(stderr.contains("bare_of_two.tl:3:1"), "{stderr}");
    assert!(stderr.contains("1 error(s)"), "{stderr}");
    // `gen` refuses it with the same diagnostic, and never panics.
    let out_file = std::env::temp_dir().join(format!("tl-cli-gen-{}.rs", std::process::id()));
    let gen_out = tl(&["gen", file, "-o", out_file.to_str().unwrap()]);
    let gen_err = text(&gen_out.stderr);
    assert!(!gen_out.status.success());
    assert!(gen_err.contains(message), "{gen_err}");
    assert!(gen_err.contains("bare_of_two.tl:3:1"), "{gen_err}");
    assert!(!gen_err.contains("panicked"), "{gen_err}");
}

#[test]
fn gen_names_the_csv_file_and_line_of_malformed_method_data() {
    let schema = temp_file("ok.tl", "ok = Ok;\n---functions---\nping = Ok;\n");
    let methods = temp_file("methods.csv", "method,usability,errors\nping,both,\n");
    let errors = temp_file(
        "errors.csv",
        "name,codes\nFLOOD_WAIT_X,420\nPEER_ID_INVALID,4OO\n",
    );
    let out = tl(&[
        "gen",
        schema.to_str().unwrap(),
        "--methods",
        methods.to_str().unwrap(),
        "--errors",
        errors.to_str().unwrap(),
    ]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success());
    let expected = format!("{}:3: `4OO` is not an error code", errors.display());
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn gen_borrowed_writes_cow_fields_with_a_lifetime() {
    let schema = temp_file(
        "borrowed.tl",
        "note text:string data:bytes = Note;\npoint x:int = Point;\n",
    );
    let file = schema.to_str().unwrap();
    let owned = text(&tl(&["gen", file]).stdout);
    assert!(owned.contains("pub struct Note {"), "{owned}");
    assert!(owned.contains("pub text: String"), "{owned}");
    let out = tl(&["gen", file, "--borrowed"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let borrowed = text(&out.stdout);
    assert!(borrowed.contains("pub struct Note<'a> {"), "{borrowed}");
    assert!(borrowed.contains("pub text: Cow<'a, str>"), "{borrowed}");
    assert!(borrowed.contains("pub data: Cow<'a, [u8]>"), "{borrowed}");
    assert!(
        borrowed.contains("pub struct Point {"),
        "a type of numbers takes no lifetime: {borrowed}"
    );
    assert!(
        borrowed.contains("impl<'a> tl::BorrowDecode<'a> for Note<'a>"),
        "{borrowed}"
    );
}

#[test]
fn check_of_a_ton_schema_has_no_warning_for_its_computed_ids() {
    // One written id among computed ones, as in TON's files.
    let path = temp_file(
        "ton_like.tl",
        "adnl.message.query query_id:int256 query:bytes = adnl.Message;\nok = Ok;\nzero#1 x:int = Zero;\n",
    );
    let out = tl(&["check", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("has no explicit id"), "{stderr}");
}

#[test]
fn help_says_what_the_tool_does_and_keeps_examples_apart() {
    let out = tl(&["--help"]);
    let help = text(&out.stdout);
    for job in ["Rust bindings", "TL-JSON", "format"] {
        assert!(help.contains(job), "{help}");
    }
    let out = tl(&["gen", "--help"]);
    let help = text(&out.stdout);
    let examples: Vec<&str> = help
        .lines()
        .filter(|l| l.trim_start().starts_with("tl gen "))
        .collect();
    assert!(examples.len() >= 3, "each example on its own line:\n{help}");
}

#[test]
fn the_id_rule_can_be_chosen() {
    let path = temp_file(
        "one_line.tl",
        "adnl.message.query query_id:int256 query:bytes = adnl.Message;\n",
    );
    let file = path.to_str().unwrap();
    let id_of = |extra: &[&str]| {
        let mut args = vec!["parse", "--json", file];
        args.extend(extra);
        let model: serde_json::Value = serde_json::from_slice(&tl(&args).stdout).unwrap();
        model["definitions"][0]["id"].as_u64().unwrap()
    };
    assert_eq!(id_of(&[]), 0xb48bf97a, "TON's id, by the detected rule");
    assert_eq!(id_of(&["--id-rule", "telegram"]), 0x562c35d4);
    let out = tl(&["parse", file, "--id-rule", "ton"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("tl-compiler"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_of_a_missing_file_says_so() {
    let out = tl(&["check", "no/such/file.tl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error: cannot read no/such/file.tl"));
}

#[test]
fn parse_json_writes_the_model() {
    let out = tl(&["parse", "--json", "tl-types/schema/mtproto.tl"]);
    assert!(out.status.success());
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let definitions = model["definitions"].as_array().unwrap();
    let res_pq = definitions.iter().find(|d| d["name"] == "resPQ").unwrap();
    assert_eq!(res_pq["id"], 0x05162463);
    assert_eq!(res_pq["id_origin"], "explicit");
    assert_eq!(res_pq["category"], "type");
    assert_eq!(res_pq["params"][3]["ty"]["name"], "Vector");
    assert_eq!(res_pq["params"][3]["ty"]["args"][0]["name"], "long");
}

#[test]
fn fmt_lays_out_definitions_and_keeps_every_comment() {
    let path = temp_file(
        "loose.tl",
        "// Users\nfoo#7efe0e   a:int\n  b:Vector < long > = Foo; // note\n\n\n\n/* end */\n",
    );
    let out = tl(&["fmt", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        "// Users\nfoo#7efe0e a:int b:Vector<long> = Foo; // note\n\n\n/* end */\n"
    );
}

#[test]
fn fmt_check_shows_a_diff_and_write_fixes_it() {
    let path = temp_file("diff.tl", "a = A;\nfoo   a:int = Foo; // note\nb = B;\n");
    let name = path.to_str().unwrap();
    let check = tl(&["fmt", "--check", name]);
    assert_eq!(check.status.code(), Some(1));
    let diff = text(&check.stdout);
    assert!(
        diff.starts_with(&format!(
            "--- {name}\n+++ {name} (formatted)\n@@ -1,3 +1,3 @@\n"
        )),
        "{diff}"
    );
    assert!(
        diff.contains("\n-foo   a:int = Foo; // note\n+foo a:int = Foo; // note\n"),
        "{diff}"
    );
    assert!(tl(&["fmt", "--write", name]).status.success());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "a = A;\nfoo a:int = Foo; // note\nb = B;\n"
    );
    let again = tl(&["fmt", "--check", name]);
    assert!(again.status.success());
    assert!(again.stdout.is_empty());
}

#[test]
fn the_bundled_files_are_canonical() {
    let out = tl(&[
        "fmt",
        "--check",
        "tl-types/schema/api.tl",
        "tl-types/schema/mtproto.tl",
    ]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn fmt_write_keeps_the_comments_of_a_ton_schema() {
    let original = std::fs::read_to_string("../tl-parser/tests/fixtures/ton_api.tl").unwrap();
    let path = temp_file("ton_api.tl", &original);
    assert!(
        tl(&["fmt", "--write", path.to_str().unwrap()])
            .status
            .success()
    );
    let written = std::fs::read_to_string(&path).unwrap();
    let comment_lines = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .map(|l| l.trim().to_owned())
            .collect()
    };
    assert!(comment_lines(&original).len() >= 5);
    assert_eq!(comment_lines(&written), comment_lines(&original));
}

#[test]
fn fmt_prints_one_file_or_says_what_to_do() {
    let out = tl(&[
        "fmt",
        "tl-types/schema/api.tl",
        "tl-types/schema/mtproto.tl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: give one file to print, or use --check or --write for several\n"
    );
}

#[test]
fn help_lists_the_subcommands() {
    let out = tl(&["--help"]);
    let stdout = text(&out.stdout);
    for command in ["check", "parse", "fmt"] {
        assert!(stdout.contains(command), "{stdout}");
    }
}
