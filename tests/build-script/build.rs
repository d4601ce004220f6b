//! The whole build script a crate needs for its own TL schema.

fn main() {
    let compiled = tl_codegen::Config::new()
        .serde(tl_codegen::SerdeSupport::Always)
        .compile(&["../../tl-codegen/tests/fixtures/kv.tl"], "kv");
    if let Err(error) = compiled {
        // Rendered like rustc's diagnostics; cargo shows it as our output.
        eprintln!("{error}");
        std::process::exit(1);
    }
}
