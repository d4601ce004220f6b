//! The committed bindings in `src/generated/` are what the generator makes
//! of the bundled schema (`tl_types::schema`) today: this test generates them
//! again and fails on any difference, as rust-analyzer keeps its generated
//! files honest. After a schema or generator change, run
//! `UPDATE_EXPECT=1 cargo test -p tl-types --test bundled_bindings` to
//! rewrite them, and commit them with the change.
//!
//! This is where the bundled bindings come from: the settings below are the
//! whole of how they are made.

use std::path::Path;
use tl_types::schema::{API, MTPROTO, SchemaFile};

fn parsed(files: &[SchemaFile]) -> Vec<tl_parser::Schema> {
    files
        .iter()
        .map(|file| tl_parser::parse(file.text).unwrap_or_else(|e| panic!("{}: {e}", file.name)))
        .collect()
}

#[test]
fn api_bindings_are_generated_from_api_tl() {
    let source = tl_codegen::Config::new()
        .runtime_crate("crate")
        .method_data(
            include_str!("../schema/methods.csv"),
            include_str!("../schema/errors.csv"),
        )
        .rpc_error_kind("crate::RpcErrorKind")
        .doc_examples("tl_types")
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()))
        .generate(&parsed(API))
        .unwrap();
    assert_committed("src/generated/api.rs", &source);
}

#[test]
fn rpc_errors_are_generated_from_errors_csv() {
    let source = tl_codegen::Config::new()
        .runtime_crate("crate")
        .method_data(
            include_str!("../schema/methods.csv"),
            include_str!("../schema/errors.csv"),
        )
        .generate_rpc_errors()
        .unwrap();
    assert_committed("src/generated/errors.rs", &source);
}

#[test]
fn mtproto_bindings_are_generated_from_the_mtproto_files() {
    let source = tl_codegen::Config::new()
        .runtime_crate("crate")
        // tdesktop's fake-TLS ClientHello description is not an MTProto object.
        .include(|d| !d.full_name().starts_with("tls"))
        // `rpc_result` carries API answers as well as MTProto objects.
        .object_bindings("crate::MTPROTO_OBJECTS")
        .doc_examples("tl_types::mtproto")
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()))
        .generate(&parsed(MTPROTO))
        .unwrap();
    assert_committed("src/generated/mtproto.rs", &source);
}

/// Fails unless the committed file `path` (in this crate) is `generated`;
/// with `UPDATE_EXPECT=1`, rewrites it instead. The failure shows the first
/// line that differs, not a diff of a file of 300,000 lines.
fn assert_committed(path: &str, generated: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    if committed == generated {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&file, generated).unwrap();
        return;
    }
    let (line, (old, new)) = committed
        .lines()
        .chain(std::iter::repeat("<end of file>"))
        .zip(generated.lines().chain(std::iter::repeat("<end of file>")))
        .enumerate()
        .find(|(_, (old, new))| old != new)
        .expect("the texts differ");
    panic!(
        "tl-types/{path} is not what the generator makes of the bundled schema; \
         first difference at line {}:\n  committed: {old}\n  generated: {new}\n\
         After a schema or generator change, rewrite it with \
         `UPDATE_EXPECT=1 cargo test -p tl-types --test bundled_bindings` and commit it.",
        line + 1
    );
}
