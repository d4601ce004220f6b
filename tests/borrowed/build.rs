//! Generates borrowed bindings of the bundled Telegram API and MTProto
//! schemas, the way a client's build script would.

fn main() {
    let api = tl_codegen::Config::new()
        .borrowed(true)
        // Each function's docs get an example, compiled by `cargo test` as a doctest.
        .doc_examples("tl_borrowed_bindings::api")
        .max_enum_size(256)
        .compile(&["../../tl-types/schema/api.tl"], "api");
    let mtproto = tl_codegen::Config::new()
        .borrowed(true)
        // tdesktop's fake-TLS ClientHello description is not an MTProto object.
        .include(|d| !d.full_name().starts_with("tls"))
        .max_enum_size(256)
        .compile(
            &[
                "../../tl-types/schema/mtproto.tl",
                "../../tl-types/schema/mtproto-manual.tl",
            ],
            "mtproto",
        );
    // Small schemas with what the API lacks, as owned and as borrowed
    // bindings, to compare.
    let mut small = Vec::new();
    for (schema, name) in [
        ("../../tl-codegen/tests/fixtures/kv.tl", "kv"),
        ("schema/shapes.tl", "shapes"),
    ] {
        small.push(tl_codegen::Config::new().compile(&[schema], name));
        small.push(
            tl_codegen::Config::new()
                .borrowed(true)
                .compile(&[schema], &format!("{name}_borrowed")),
        );
    }
    for result in [api, mtproto].into_iter().chain(small) {
        if let Err(error) = result {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
