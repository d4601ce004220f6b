//! The whole build script a crate needs for its own TL schema.

fn main() {
    tl_codegen::Config::new()
        .compile(&["../../tl-codegen/tests/fixtures/kv.tl"], "kv")
        .unwrap_or_else(|e| panic!("{e}"));
}
