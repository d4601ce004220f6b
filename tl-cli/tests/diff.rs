//! `tl diff`, run as a user runs it: on small hand-written pairs, one kind
//! of change each, and on real pairs of Telegram layers (158, 198, 229, 230),
//! TDLib releases and TON's files of two pytoniq-core releases, where every reported change is checked against the
//! two definitions' printed text and nothing that differs is missed.

#[path = "support/real_schemas.rs"]
mod real_schemas;
#[path = "support/tl.rs"]
mod support;

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tl_parser::print::{definition_text, param_text, type_text};
use tl_parser::{Category, Definition, Schema};

fn tl(args: &[&str]) -> Output {
    support::tl_with_input(args, "")
}

fn tl_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tl"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A file with this text in a scratch directory of the test process.
fn schema_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tl-diff-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_owned()
}

fn json_diff(args: &[&str]) -> Value {
    let mut all = vec!["diff", "--json"];
    all.extend(args);
    let out = tl(&all);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

const OLD: &str = "\
peerUser#1 user_id:long = Peer;
peerChat#2 chat_id:long = Peer;
message#10 flags:# out:flags.1?true id:int peer:Peer = Message;
";
const NEW: &str = "\
peerUser#1 user_id:long = Peer;
peerChannel#3 channel_id:long = Peer;
message#10 flags:# out:flags.1?true id:int peer:Peer views:flags.3?int = Message;
";

#[test]
fn text_output_groups_changes_with_their_classes_and_a_summary() {
    let (old, new) = (schema_file("t_old.tl", OLD), schema_file("t_new.tl", NEW));
    let out = tl(&["diff", &old, &new]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // Piped: no colour.
    assert!(!stdout.contains('\x1b'), "{stdout}");
    for expected in [
        "removed (1)\n  - constructor peerChat  types::PeerChat\n      \
         new peers read old bytes only without it · source-breaking\n",
        "added (1)\n  + constructor peerChannel  types::PeerChannel\n",
        "changed (1)\n  ~ constructor message  types::Message\n      \
         field added: views:flags.3?int  types::Message::views\n        \
         old peers read new bytes only without it · breaks struct literals\n",
        "types (1)\n  ~ type Peer  enums::Peer\n      \
         constructor added: peerChannel  enums::Peer::Channel\n",
        "constructor removed: peerChat  enums::Peer::Chat\n",
    ] {
        assert!(stdout.contains(expected), "{expected}\nnot in\n{stdout}");
    }
    assert!(
        stdout.ends_with(
            "\n1 added, 1 removed, 1 changed; 1 type(s) affected; \
             3 wire-incompatible and 2 source-breaking change(s)\n"
        ),
        "{stdout}"
    );
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let (old, new) = (schema_file("c_old.tl", OLD), schema_file("c_new.tl", NEW));
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let out = tl_with_env(args, env);
        assert!(out.status.success());
        text(&out.stdout).contains("\x1b[")
    };
    assert!(!coloured(&["diff", &old, &new], &[]));
    assert!(coloured(&["diff", "--color", "always", &old, &new], &[]));
    assert!(coloured(&["diff", &old, &new], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(
        &["diff", &old, &new],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!coloured(
        &["diff", "--color", "never", &old, &new],
        &[("CLICOLOR_FORCE", "1")]
    ));
}

#[test]
fn several_files_a_side_are_split_by_a_double_dash() {
    let a = schema_file("s_a.tl", "a#1 = A;");
    let b = schema_file("s_b.tl", "b#2 x:A = B;");
    let b2 = schema_file("s_b2.tl", "b#3 x:A y:int = B;");
    let json = json_diff(&[&a, &b, "--", &a, &b2]);
    let definitions = json["definitions"].as_array().unwrap();
    assert_eq!(definitions.len(), 1, "{json:#}");
    assert_eq!(definitions[0]["name"], "b");
    assert_eq!(definitions[0]["rust_item"], "types::B");

    // Three files and no `--`: which are old is not clear.
    let out = tl(&["diff", &a, &b, &b2]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("give the old and the new file, or the old files, then `--`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bad_input_gets_the_parsers_diagnostics_and_status_2() {
    let good = schema_file("b_good.tl", "a#1 = A;");
    let bad = schema_file("b_bad.tl", "a#1 = A;\nb#2 x: = B;\n");
    let out = tl(&["diff", &good, &bad]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error:"), "{stderr}");
    assert!(stderr.contains("b_bad.tl:2:"), "{stderr}");
    assert!(out.stdout.is_empty());

    // Both sides' errors at once.
    let bad_too = schema_file("b_bad_too.tl", "c#3 = ;\n");
    let out = tl(&["diff", &bad_too, &bad]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("b_bad_too.tl:1:"), "{stderr}");
    assert!(stderr.contains("b_bad.tl:2:"), "{stderr}");

    let out = tl(&["diff", &good, "no/such/file.tl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no/such/file.tl"));
}

#[test]
fn fail_on_exits_1_only_for_its_class() {
    let base = schema_file("f_base.tl", "c#1 flags:# a:flags.0?int = C;");
    let renamed_mask = schema_file("f_mask.tl", "c#1 mode:# a:mode.0?int = C;");
    let optional = schema_file("f_opt.tl", "c#1 flags:# a:flags.0?int b:flags.1?int = C;");
    let retyped = schema_file("f_type.tl", "c#1 flags:# a:flags.0?long = C;");
    let status = |args: &[&str]| tl(args).status.code().unwrap();
    // A renamed mask changes nothing either class sees.
    assert_eq!(
        status(&["diff", "--fail-on", "wire", &base, &renamed_mask]),
        0
    );
    assert_eq!(
        status(&["diff", "--fail-on", "source", &base, &renamed_mask]),
        0
    );
    // An optional field: the wire (old peers cannot read it when set), and
    // only struct literals in Rust.
    assert_eq!(status(&["diff", "--fail-on", "wire", &base, &optional]), 1);
    assert_eq!(
        status(&["diff", "--fail-on", "source", &base, &optional]),
        0
    );
    // `int` → `long`: both.
    assert_eq!(status(&["diff", "--fail-on", "source", &base, &retyped]), 1);
    assert_eq!(
        status(&[
            "diff",
            "--fail-on",
            "wire",
            "--fail-on",
            "source",
            &base,
            &retyped
        ]),
        1
    );
    // Without --fail-on, finding changes is not a failure.
    assert_eq!(status(&["diff", &base, &retyped]), 0);
}

#[test]
fn json_names_each_change_its_classes_and_rust_item() {
    let (old, new) = (schema_file("j_old.tl", OLD), schema_file("j_new.tl", NEW));
    let json = json_diff(&[&old, &new]);
    let message = json["definitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "message")
        .unwrap();
    assert_eq!(message["status"], "changed");
    assert_eq!(message["category"], "constructor");
    assert_eq!(
        message["changes"][0],
        serde_json::json!({
            "kind": "field_added",
            "param": "views:flags.3?int",
            "description": "field added: views:flags.3?int",
            "wire": {"old_reads_new": "while-absent", "new_reads_old": "always", "compatible": false},
            "source": "breaks-struct-literals",
            "rust_item": "types::Message::views",
        })
    );
    assert_eq!(
        json["summary"],
        serde_json::json!({
            "added": 1, "removed": 1, "changed": 1, "rust_renamed": 0, "types": 1,
            "wire_incompatible": 3, "source_breaking": 2,
        })
    );
}

// ---- Real pairs ----------------------------------------------------------

fn newer_layers(relative: &str) -> PathBuf {
    real_schemas::cached(relative, "fetch.py")
}

fn older_layers(relative: &str) -> PathBuf {
    real_schemas::cached(relative, "fetch_layers.py")
}

fn bundled_229() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tl-types/schema/api.tl"
    ))
}

type Key = (&'static str, String);

fn category(c: Category) -> &'static str {
    match c {
        Category::Type => "constructor",
        Category::Function => "function",
    }
}

/// Each definition's canonical text and id, by category and TL name.
fn texts(paths: &[&Path]) -> HashMap<Key, (String, u32)> {
    let mut texts = HashMap::new();
    for path in paths {
        let schema = tl_parser::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        for d in &schema.definitions {
            texts.insert(
                (category(d.category), d.full_name()),
                (definition_text(d), d.id),
            );
        }
    }
    texts
}

/// A definition's printed text parsed back.
fn reparse(text: &str, category: &str) -> Definition {
    let text = match category {
        "function" => format!("---functions---\n{text}"),
        _ => text.to_owned(),
    };
    let schema: Schema = tl_parser::parse(&text).unwrap();
    schema.definitions.into_iter().next().unwrap()
}

/// A change of a changed definition is there in the two texts.
fn assert_real(old: &Definition, new: &Definition, change: &Value) {
    let s = |key: &str| change[key].as_str().unwrap_or_default().to_owned();
    let param = |d: &Definition, name: &str| d.params.iter().find(|p| p.name == name).cloned();
    let flag = |d: &Definition, name: &str| {
        param(d, name)
            .and_then(|p| p.flag)
            .map(|f| format!("{}.{}", f.field, f.bit))
    };
    let context = || format!("{change}\nold: {old}\nnew: {new}");
    match s("kind").as_str() {
        "id_changed" => {
            assert_eq!(format!("{:08x}", old.id), s("old"), "{}", context());
            assert_eq!(format!("{:08x}", new.id), s("new"), "{}", context());
        }
        "renamed" => assert_eq!(old.full_name(), s("old"), "{}", context()),
        "result_changed" => {
            assert_eq!(type_text(&old.result), s("old"), "{}", context());
            assert_eq!(type_text(&new.result), s("new"), "{}", context());
        }
        "field_added" => {
            let added = new.params.iter().find(|p| param_text(p) == s("param"));
            let name = added
                .unwrap_or_else(|| panic!("{}", context()))
                .name
                .clone();
            assert!(param(old, &name).is_none(), "{}", context());
        }
        "field_removed" => {
            let removed = old.params.iter().find(|p| param_text(p) == s("param"));
            let name = removed
                .unwrap_or_else(|| panic!("{}", context()))
                .name
                .clone();
            assert!(param(new, &name).is_none(), "{}", context());
        }
        "field_type_changed" => {
            let field = s("field");
            let old_ty = param(old, &field).map(|p| type_text(&p.ty));
            let new_ty = param(new, &field).map(|p| type_text(&p.ty));
            assert_eq!(new_ty, Some(s("new")), "{}", context());
            // The old field may have had another name (a renamed field).
            if old_ty.is_some() {
                assert_eq!(old_ty, Some(s("old")), "{}", context());
            }
        }
        "became_conditional" => {
            assert_eq!(flag(new, &s("field")), Some(s("flag")), "{}", context());
            assert_eq!(flag(old, &s("field")), None, "{}", context());
        }
        "became_required" => {
            assert_eq!(flag(new, &s("field")), None, "{}", context());
            assert!(flag(old, &s("field")).is_some(), "{}", context());
        }
        "flag_moved" => {
            assert_eq!(flag(new, &s("field")), Some(s("new")), "{}", context());
            assert_ne!(s("old"), s("new"), "{}", context());
        }
        "field_renamed" | "mask_renamed" => {
            assert!(param(old, &s("old")).is_some(), "{}", context());
            assert!(param(new, &s("old")).is_none(), "{}", context());
            assert!(param(new, &s("new")).is_some(), "{}", context());
            assert!(param(old, &s("new")).is_none(), "{}", context());
        }
        "fields_reordered" => {
            let names = |d: &Definition| d.params.iter().map(|p| p.name.to_string()).collect();
            let (a, b): (Vec<String>, Vec<String>) = (names(old), names(new));
            let common_a: Vec<_> = a.iter().filter(|n| b.contains(n)).collect();
            let common_b: Vec<_> = b.iter().filter(|n| a.contains(n)).collect();
            assert_ne!(common_a, common_b, "{}", context());
        }
        // Rust-only changes and the rest: no TL text to check them against.
        _ => {}
    }
}

/// Runs `tl diff --json OLD NEW` and checks it against the definitions'
/// printed texts: the added, removed and changed names are exactly those
/// the texts say, and every change of a changed definition is in its texts.
/// Returns the JSON for checks of particular changes.
fn check_real_pair(old: &Path, new: &Path) -> Value {
    check_real_sides(&[old], &[new])
}

/// [`check_real_pair`] with several files a side: `tl diff OLD... -- NEW...`.
fn check_real_sides(old: &[&Path], new: &[&Path]) -> Value {
    let mut args: Vec<&str> = old.iter().map(|p| p.to_str().unwrap()).collect();
    args.push("--");
    args.extend(new.iter().map(|p| p.to_str().unwrap()));
    let json = json_diff(&args);
    let (old_texts, new_texts) = (texts(old), texts(new));
    let old_keys: BTreeSet<&Key> = old_texts.keys().collect();
    let new_keys: BTreeSet<&Key> = new_texts.keys().collect();
    let expected_added: BTreeSet<Key> = new_keys
        .difference(&old_keys)
        .map(|k| (*k).clone())
        .collect();
    let expected_removed: BTreeSet<Key> = old_keys
        .difference(&new_keys)
        .map(|k| (*k).clone())
        .collect();
    let expected_changed: BTreeSet<Key> = old_keys
        .intersection(&new_keys)
        .filter(|k| old_texts[**k] != new_texts[**k])
        .map(|k| (*k).clone())
        .collect();

    let (mut added, mut removed, mut changed) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for definition in json["definitions"].as_array().unwrap() {
        let category = match definition["category"].as_str().unwrap() {
            "function" => "function",
            _ => "constructor",
        };
        let key: Key = (category, definition["name"].as_str().unwrap().to_owned());
        let changes = definition["changes"].as_array().unwrap();
        assert!(!changes.is_empty(), "{definition}");
        match definition["status"].as_str().unwrap() {
            "added" => assert!(added.insert(key)),
            "removed" => assert!(removed.insert(key)),
            "rust-renamed" => {
                assert_eq!(definition["old"], definition["new"], "{definition}");
            }
            "changed" => {
                let (old_text, new_text) = (
                    definition["old"].as_str().unwrap(),
                    definition["new"].as_str().unwrap(),
                );
                let (old_def, new_def) = (reparse(old_text, category), reparse(new_text, category));
                for change in changes {
                    assert_real(&old_def, &new_def, change);
                }
                // A definition renamed with its id: its old name is gone, its new one new.
                match changes.iter().find(|c| c["kind"] == "renamed") {
                    Some(renamed) => {
                        removed.insert((category, renamed["old"].as_str().unwrap().to_owned()));
                        added.insert(key);
                    }
                    None => {
                        assert_eq!(old_texts[&key].0, old_text);
                        assert_eq!(new_texts[&key].0, new_text);
                        assert!(changed.insert(key));
                    }
                }
            }
            other => panic!("status {other}"),
        }
    }
    assert_eq!(added, expected_added, "added");
    assert_eq!(removed, expected_removed, "removed");
    assert_eq!(changed, expected_changed, "changed");
    json
}

fn definition<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["definitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in the diff"))
}

fn change_of<'a>(definition: &'a Value, kind: &str, key: &str, value: &str) -> &'a Value {
    definition["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == kind && c[key] == value)
        .unwrap_or_else(|| panic!("no {kind} {value} in {definition:#}"))
}

#[test]
fn layer_229_to_230() {
    let json = check_real_pair(&bundled_229(), &newer_layers("telegram-230/api.tl"));
    // `username` gained two flags: no bytes, no id change; `new` unchanged.
    let username = definition(&json, "username");
    assert_eq!(
        username["changes"].as_array().unwrap().len(),
        2,
        "{username:#}"
    );
    let deletable = change_of(username, "field_added", "param", "deletable:flags.2?true");
    assert_eq!(deletable["wire"]["compatible"], true);
    assert_eq!(deletable["source"], "breaks-struct-literals");
    assert_eq!(deletable["rust_item"], "types::Username::deletable");
    // `bots.checkUsername` gained a mask: a new id, and the mask breaks the wire.
    let check = definition(&json, "bots.checkUsername");
    assert_eq!(check["rust_item"], "functions::bots::CheckUsername");
    let id = change_of(check, "id_changed", "new", "e3ac4c61");
    assert_eq!(id["wire"]["old_reads_new"], "never");
    let mask = change_of(check, "field_added", "param", "flags:#");
    assert_eq!(mask["wire"]["new_reads_old"], "never");
    assert_eq!(mask["source"], "compatible");
    // A string that became `TextWithEntities`, conditional on both sides.
    let settings = definition(&json, "botVerifierSettings");
    let retyped = change_of(
        settings,
        "field_type_changed",
        "field",
        "custom_description",
    );
    assert_eq!(retyped["wire"]["old_reads_new"], "while-absent");
    assert_eq!(retyped["source"], "breaking");
    // A constructor gone from its type.
    let passkey = json["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "InputPasskeyCredential")
        .unwrap();
    let lost = change_of(
        passkey,
        "constructor_removed",
        "constructor",
        "inputPasskeyCredentialFirebasePNV",
    );
    assert_eq!(
        lost["rust_item"],
        "enums::InputPasskeyCredential::FirebasePnv"
    );
    assert_eq!(lost["source"], "breaking");
    // Nothing that the bindings' layer-proof client code uses broke
    // (tests/real-schemas/tests/real/layer_bump_client.rs).
    for name in [
        "username",
        "bots.checkUsername",
        "auth.initFirebasePnvLogin",
        "auth.sendCode",
    ] {
        let Some(d) = json["definitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == name)
        else {
            continue;
        };
        for change in d["changes"].as_array().unwrap() {
            assert_ne!(change["source"], "breaking", "{change}");
        }
    }
}

/// What Pyrogram's `main_api.tl` leaves in comments, which Telegram's own
/// `api.tl` declares (its first lines): without `Bool` the layer does not
/// pass the checker, so it could not be generated, nor its Rust items named.
const PYROGRAM_PRELUDE: &str = "\
boolFalse#bc799737 = Bool;
boolTrue#997275b5 = Bool;
true#3fedd339 = True;
vector#1cb5c415 {t:Type} # [ t ] = Vector t;
error#c4b9f9bb code:int text:string = Error;
null#56730bcc = Null;
";

#[test]
fn older_telegram_layers_158_198_229() {
    let prelude = schema_file("pyrogram_prelude.tl", PYROGRAM_PRELUDE);
    let json = check_real_sides(
        &[Path::new(&prelude), &older_layers("telegram-158/api.tl")],
        &[&older_layers("telegram-198/api.tl")],
    );
    assert!(json["summary"]["changed"].as_u64().unwrap() > 100);
    // Named from the plan of layer 158 (with the prelude, it passes the checker).
    let gone = definition(&json, "updateGroupInvitePrivacyForbidden");
    assert_eq!(gone["status"], "removed");
    assert_eq!(
        gone["rust_item"],
        "types::UpdateGroupInvitePrivacyForbidden"
    );
    check_real_pair(&older_layers("telegram-198/api.tl"), &bundled_229());
}

#[test]
fn tdlib_releases() {
    let json = check_real_pair(
        &newer_layers("td/td_api_1.8.19.tl"),
        &newer_layers("td/td_api_1.8.29.tl"),
    );
    // TDLib's ids are computed: a field renamed changes the id, not the bytes of the field.
    let permissions = definition(&json, "chatPermissions");
    let renamed = change_of(permissions, "field_renamed", "new", "can_create_topics");
    assert_eq!(renamed["wire"]["compatible"], true);
    assert_eq!(renamed["source"], "breaking");
    assert_eq!(
        renamed["rust_item"],
        "types::ChatPermissions::can_create_topics"
    );
    check_real_pair(
        &newer_layers("td/td_api_1.8.29.tl"),
        &newer_layers("td/td_api.tl"),
    );
}

#[test]
fn ton_releases() {
    for file in ["ton_api.tl", "lite_api.tl", "tonlib_api.tl"] {
        let json = check_real_pair(
            &older_layers(&format!("ton-0.1.10/{file}")),
            &newer_layers(&format!("ton/{file}")),
        );
        if file == "lite_api.tl" {
            // A new field on a new bit of TON's `mode` mask.
            let transaction = definition(&json, "liteServer.transactionId");
            let metadata = change_of(
                transaction,
                "field_added",
                "param",
                "metadata:mode.8?liteServer.transactionMetadata",
            );
            assert_eq!(metadata["wire"]["old_reads_new"], "while-absent");
            assert_eq!(metadata["wire"]["new_reads_old"], "always");
            assert_eq!(
                metadata["rust_item"],
                "types::lite_server::TransactionId::metadata"
            );
            // Renamed with its id kept: one definition, not two.
            let ordinary = definition(&json, "liteServer.signatureSet.ordinary");
            change_of(ordinary, "renamed", "old", "liteServer.signatureSet");
        }
    }
}

#[test]
fn a_layer_compared_with_itself_has_no_change() {
    let path = bundled_229();
    let json = json_diff(&[path.to_str().unwrap(), path.to_str().unwrap()]);
    assert_eq!(json["definitions"], serde_json::json!([]));
    assert_eq!(json["types"], serde_json::json!([]));
    let ton = newer_layers("ton/ton_api.tl");
    let json = json_diff(&[ton.to_str().unwrap(), ton.to_str().unwrap()]);
    assert_eq!(json["definitions"], serde_json::json!([]));
}
