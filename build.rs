//! Keeps the bindings bundled in `tl-types` in step with `schema/`.
//!
//! Runs whenever a schema file (or the generator) changes: generates the
//! bindings and compares them with the committed `tl-types/src/generated/`
//! files. If they differ, it writes the new files and stops the build, since
//! `tl-types` may already have been compiled from the old ones in this build:
//! build again, and commit the regenerated files with the schema change.

use std::path::Path;

fn main() {
    let methods_csv = read("schema/methods.csv");
    let errors_csv = read("schema/errors.csv");
    println!("cargo:rerun-if-changed=schema/methods.csv");
    println!("cargo:rerun-if-changed=schema/errors.csv");

    let mut api = tl_codegen::Config::new();
    api.runtime_crate("crate")
        .method_data(&methods_csv, &errors_csv)
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()));

    // tdesktop's fake-TLS ClientHello description is not an MTProto object.
    let mut mtproto = tl_codegen::Config::new();
    mtproto
        .runtime_crate("crate")
        .include(|d| !d.full_name().starts_with("tls"))
        .object_bindings("crate::MTPROTO_OBJECTS")
        .max_enum_size(256)
        .serde(tl_codegen::SerdeSupport::Feature("serde".into()));

    let outputs = [
        ("tl-types/src/generated/api.rs", &api, vec!["schema/api.tl"]),
        (
            "tl-types/src/generated/mtproto.rs",
            &mtproto,
            vec!["schema/mtproto.tl", "schema/mtproto-manual.tl"],
        ),
    ];
    let mut regenerated = Vec::new();
    for (target, config, schemas) in outputs {
        for schema in &schemas {
            println!("cargo:rerun-if-changed={schema}");
        }
        let source = config
            .generate_files(&schemas)
            .unwrap_or_else(|e| panic!("cannot generate {target}: {e}"));
        if std::fs::read_to_string(target).ok().as_deref() != Some(source.as_str()) {
            std::fs::write(target, source).unwrap_or_else(|e| panic!("cannot write {target}: {e}"));
            regenerated.push(target);
        }
    }
    if !regenerated.is_empty() {
        panic!(
            "the bindings were out of date (the schema or the generator changed) and were regenerated: {}. \
             Build again, and commit them.",
            regenerated.join(", ")
        );
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}
