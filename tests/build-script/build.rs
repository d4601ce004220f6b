//! The whole build script a crate needs for its own TL schema.

fn main() {
    tl_codegen::Config::new()
        .serde(tl_codegen::SerdeSupport::Always)
        .compile(&["../../tl-codegen/tests/fixtures/kv.tl"], "kv")
        .unwrap_or_else(|e| panic!("{e}"));
}
