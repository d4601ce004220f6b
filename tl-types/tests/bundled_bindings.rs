//! The committed bindings in `src/generated/` are what the generator makes
//! of the bundled schema (`tl_types::schema`) today: this test generates them
//! again and fails on any difference, as rust-analyzer keeps its generated
//! files honest. After a schema or generator change, run
//! `UPDATE_EXPECT=1 cargo test -p tl-types --test bundled_bindings` to
//! rewrite them, and commit them with the change.
//!
//! This is where the bundled bindings come from: the settings below are the
//! whole of how they are made.

use expect_test::expect_file;
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
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()))
        .generate(&parsed(API))
        .unwrap();
    expect_file!["../src/generated/api.rs"].assert_eq(&source);
}

#[test]
fn mtproto_bindings_are_generated_from_the_mtproto_files() {
    let source = tl_codegen::Config::new()
        .runtime_crate("crate")
        // tdesktop's fake-TLS ClientHello description is not an MTProto object.
        .include(|d| !d.full_name().starts_with("tls"))
        // `rpc_result` carries API answers as well as MTProto objects.
        .object_bindings("crate::MTPROTO_OBJECTS")
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()))
        .generate(&parsed(MTPROTO))
        .unwrap();
    expect_file!["../src/generated/mtproto.rs"].assert_eq(&source);
}
