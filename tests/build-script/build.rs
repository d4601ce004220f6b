//! The whole build script a crate needs for its own TL schema.

fn main() {
    let compiled = tl_codegen::Config::new()
        .serde(tl_codegen::SerdeSupport::Always)
        // Each function's docs get an example, compiled by `cargo test` as a doctest.
        .doc_examples("tl_build_script_example::kv")
        .compile(&["../../tl-codegen/tests/fixtures/kv.tl"], "kv");
    if let Err(error) = compiled {
        // Rendered like rustc's diagnostics; cargo shows it as our output.
        eprintln!("{error}");
        std::process::exit(1);
    }
}
