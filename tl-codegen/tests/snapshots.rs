//! The generated code for small fixture schemas, compared with the committed
//! expected output: every change to what the generator writes shows up in
//! review. After an intended change, run `UPDATE_EXPECT=1 cargo test -p tl-codegen`.

use expect_test::expect_file;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn key_value_protocol() {
    let source = tl_codegen::Config::new()
        .generate_files(&[fixture("kv.tl")])
        .unwrap();
    expect_file!["fixtures/kv.rs"].assert_eq(&source);
}

#[test]
fn telegram_excerpt_with_method_data() {
    let source = tl_codegen::Config::new()
        .method_data(METHODS, ERRORS)
        .rpc_error_kind("crate::RpcErrorKind")
        .doc_examples("telegram_excerpt")
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()))
        .generate_files(&[fixture("telegram_excerpt.tl")])
        .unwrap();
    expect_file!["fixtures/telegram_excerpt.rs"].assert_eq(&source);
}

/// Method data for the excerpt: `auth.sendCode` with errors,
/// `auth.logOut` with none recorded, and every other function unlisted.
const METHODS: &str = "method,usability,errors
auth.sendCode,user,API_ID_INVALID PHONE_MIGRATE_X PHONE_NUMBER_INVALID FLOOD_WAIT_X
auth.logOut,both,
";

/// Error names with the shapes that need care: a leading digit, a number
/// mid-name, a name with and without a number, a negative code, an X that
/// is no number, a unit after the number, a name the fallback has, two
/// names alike but for case.
const ERRORS: &str = "name,codes
2FA_CONFIRM_WAIT_X,420
API_ID_INVALID,400
AUTH_TOKEN_INVALIDX,400
EMAIL_UNCONFIRMED,400
EMAIL_UNCONFIRMED_X,400
FILE_PART_X_MISSING,400
FLOOD_WAIT_X,420
OTHER,400
PHONE_MIGRATE_X,303
PHONE_NUMBER_INVALID,400 406
PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN,406
TIMEOUT,-503 500
Timeout,-503
";

#[test]
fn rpc_errors_of_the_excerpt() {
    let source = tl_codegen::Config::new()
        .method_data(METHODS, ERRORS)
        .generate_rpc_errors()
        .unwrap();
    expect_file!["fixtures/telegram_excerpt_errors.rs"].assert_eq(&source);
}

#[test]
fn names_that_would_collide() {
    let source = tl_codegen::Config::new()
        .generate_files(&[fixture("collisions.tl")])
        .unwrap();
    expect_file!["fixtures/collisions.rs"].assert_eq(&source);
}

#[test]
fn generation_is_deterministic() {
    let config = tl_codegen::Config::new();
    let first = config.generate_files(&[fixture("kv.tl")]).unwrap();
    for _ in 0..3 {
        assert_eq!(config.generate_files(&[fixture("kv.tl")]).unwrap(), first);
    }
}

#[test]
fn a_schema_with_errors_is_refused_with_the_place() {
    let schema = tl_parser::parse("foo a:Missing = Foo;").unwrap();
    let error = tl_codegen::Config::new().generate(&[schema]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "error: undefined type `Missing` (schema 1, line 1, column 5)"
    );
}

/// A boxed type of up to 32 constructors whose fields are all numbers
/// writes each variant's id and fields as one run in its arm; a larger one
/// writes the id and calls the variant's serialiser, since its `match` is too
/// large for the runs to be inlined into.
#[test]
fn only_enums_of_up_to_32_constructors_write_runs_in_their_arms() {
    for (count, runs_in_arms) in [(32, true), (33, false)] {
        let text: String = (0..count)
            .map(|n| format!("point.p{n} x:int y:long = Point;\n"))
            .collect();
        let schema = tl_parser::parse(&text).unwrap();
        let source = tl_codegen::Config::new()
            .generate(std::slice::from_ref(&schema))
            .unwrap();
        let encode = &source[source.find("impl tl::Encode for Point {").unwrap()..];
        let encode = &encode[..encode.find("\n    }\n").unwrap()];
        let arm = format!("Self::P{}(value) => out.put_run((", count - 1);
        assert_eq!(encode.contains(&arm), runs_in_arms, "{count}: {encode}");
        assert_eq!(
            encode.contains("self.constructor_id().write_to(out);"),
            !runs_in_arms,
            "{count}: {encode}"
        );
    }
}

#[test]
fn what_the_generator_cannot_express_is_refused_at_its_place() {
    let text = "pair.a x:int = Pair;\npair.b y:long = Pair;\nholder p:%Pair = Holder;\n";
    let schema = tl_parser::parse(text).unwrap();
    let config = tl_codegen::Config::new();
    let error = config.generate(std::slice::from_ref(&schema)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "error: `holder` uses `%Pair`, a bare type of a boxed type with more than one constructor, which cannot be generated (schema 1, line 3, column 1)"
    );
    let diagnostics = config.diagnostics(&[schema]);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        (diagnostics[0].span.line, diagnostics[0].span.column),
        (3, 1)
    );
    // From files, rendered with the source line, as a build script shows it.
    let path = std::env::temp_dir().join(format!("tl-codegen-{}-pair.tl", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let rendered = config.generate_files(&[&path]).unwrap_err().to_string();
    assert!(rendered.contains("pair.tl:3:1"), "{rendered}");
    assert!(
        rendered.contains("3 │ holder p:%Pair = Holder;"),
        "{rendered}"
    );
}

#[test]
fn functions_bring_every_type_they_reach_and_nothing_else() {
    let api = std::fs::read_to_string(format!(
        "{}/../tl-types/schema/api.tl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let schema = tl_parser::parse(&api).unwrap();
    let source = tl_codegen::Config::new()
        .functions(&["auth.sendCode", "auth.signIn"])
        .generate(&[schema])
        .unwrap();
    for present in [
        "pub struct SendCode",
        "pub struct SignIn",
        "pub struct CodeSettings",
        "pub enum SentCodeType",
        // auth.signIn answers auth.Authorization, which holds a User, which
        // holds a UserProfilePhoto: reached transitively.
        "pub enum UserProfilePhoto",
    ] {
        assert!(source.contains(present), "{present}");
    }
    for absent in [
        "pub struct SendMessage",
        "pub struct GetHistory",
        "pub struct LogOut",
    ] {
        assert!(!source.contains(absent), "{absent}");
    }
}

#[test]
fn include_filter_keeps_what_it_accepts() {
    let schema = tl_parser::parse(&std::fs::read_to_string(fixture("kv.tl")).unwrap()).unwrap();
    let source = tl_codegen::Config::new()
        .include(|d| d.namespace.first().map(|part| part.as_str()) == Some("tree"))
        .generate(&[schema])
        .unwrap();
    assert!(source.contains("pub enum Tree"));
    assert!(!source.contains("pub struct Entry"));
}

#[test]
fn a_mistyped_path_in_the_config_is_named_as_such() {
    let schema = || tl_parser::parse("ok = Ok;").unwrap();
    let error = tl_codegen::Config::new()
        .runtime_crate("tl types")
        .generate(&[schema()])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`tl types`, given to `Config::runtime_crate`, is not a Rust path"
    );
    let error = tl_codegen::Config::new()
        .object_bindings("crate::OBJECTS;")
        .generate(&[schema()])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`crate::OBJECTS;`, given to `Config::object_bindings`, is not a Rust path"
    );
}

/// A descriptions file of mtcute's shape, with made-up text: where each kind
/// of description lands in the generated docs.
const DESCRIPTIONS: &str = r#"{"l": 229, "e": [
  {"kind": "method", "name": "auth.sendCode", "comment": "Asks for a <strong>login code</strong>, see {@link auth.RawSentCode}",
   "arguments": [{"name": "phone_number", "comment": "Where to send it | any format"},
                 {"name": "settings", "comment": "How to send it, see <a href=\"https://core.telegram.org/type/CodeSettings\">settings</a>"}],
   "throws": [{"code": 400, "name": "API_ID_INVALID", "comment": "The app id is <code>wrong</code>"}]},
  {"kind": "class", "name": "auth.sentCode", "comment": "The code went out",
   "arguments": [{"name": "phone_code_hash", "comment": "Give it back with the code"}]},
  {"kind": "class", "name": "nowhere.toBeFound", "comment": "Not in the schema"}],
 "u": {"auth.SentCode": "What sending a code gives"}}"#;

#[test]
fn descriptions_land_in_the_docs_with_their_links() {
    let dir = std::env::temp_dir().join(format!("tl-codegen-descriptions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("api-schema.json");
    std::fs::write(&file, DESCRIPTIONS).unwrap();
    let source = tl_codegen::Config::new()
        .method_data(METHODS, ERRORS)
        .rpc_error_kind("crate::RpcErrorKind")
        .descriptions(&file)
        .generate_files(&[fixture("telegram_excerpt.tl")])
        .unwrap();
    let has = |line: &str| {
        assert!(
            source.lines().any(|l| l.trim() == line),
            "no line `{line}` in the generated docs"
        )
    };
    // The function: its description, linked to the constructor it names.
    has(
        "/// Asks for a **login code**, see [`auth.sentCode`](super::super::types::auth::SentCode)",
    );
    // Its parameters' table, with a description column; `|` escaped in a cell.
    has("/// | name | Rust type | TL type | presence | description |");
    has(
        "/// | `phone_number` | `String` | `string` | required | Where to send it \\| any format |",
    );
    has(
        "/// | `settings` | [`enums::CodeSettings`](super::super::enums::CodeSettings) | [`CodeSettings`](super::super::enums::CodeSettings) | required | How to send it, see [settings](super::super::enums::CodeSettings) |",
    );
    // Its errors' table, described where the file describes them.
    has("/// | code | error | description |");
    has(
        "/// | 400 | [`API_ID_INVALID`](crate::RpcErrorKind::ApiIdInvalid) | The app id is `wrong` |",
    );
    has("/// | 303 | [`PHONE_MIGRATE_X`](crate::RpcErrorKind::PhoneMigrate) | |");
    // A constructor, a field and a boxed type.
    has("/// The code went out");
    has("/// Give it back with the code");
    has("/// What sending a code gives");
    // A missing file is an error naming it; a malformed one names the place.
    let missing = tl_codegen::Config::new()
        .descriptions(dir.join("missing.json"))
        .generate_files(&[fixture("telegram_excerpt.tl")])
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing.json"), "{missing}");
    std::fs::write(&file, r#"{"l": 1, "e": [{"kind": "method", "name": 5}]}"#).unwrap();
    let malformed = tl_codegen::Config::new()
        .descriptions(&file)
        .generate_files(&[fixture("telegram_excerpt.tl")])
        .unwrap_err()
        .to_string();
    assert!(
        malformed.contains("api-schema.json") && malformed.contains("e[0]"),
        "{malformed}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn telegram_excerpt_borrowed() {
    let source = tl_codegen::Config::new()
        .borrowed(true)
        .doc_examples("telegram_excerpt")
        .max_enum_size(256)
        .generate_files(&[fixture("telegram_excerpt.tl")])
        .unwrap();
    expect_file!["fixtures/telegram_excerpt_borrowed.rs"].assert_eq(&source);
}

#[test]
fn borrowed_bindings_with_tl_json_are_refused() {
    let error = tl_codegen::Config::new()
        .borrowed(true)
        .serde(tl_codegen::SerdeSupport::Always)
        .generate_files(&[fixture("kv.tl")])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`Config::borrowed` and `Config::serde` cannot be combined: borrowed bindings have no TL-JSON impls yet"
    );
}
