//! The schema bundled into the binary: Telegram API layer 229 and the
//! MTProto service schema, the same files `tl-types` is generated from.

use tl_parser::Schema;

/// The bundled schema files, by name.
const FILES: [(&str, &str); 3] = [
    ("schema/api.tl", include_str!("../schema/api.tl")),
    ("schema/mtproto.tl", include_str!("../schema/mtproto.tl")),
    (
        "schema/mtproto-manual.tl",
        include_str!("../schema/mtproto-manual.tl"),
    ),
];

/// The bundled schemas, parsed.
pub fn schemas() -> Vec<Schema> {
    FILES
        .iter()
        .map(|(name, text)| {
            tl_parser::parse(text).unwrap_or_else(|e| panic!("bundled {name} does not parse: {e}"))
        })
        .collect()
}
