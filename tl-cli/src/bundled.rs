//! The schema bundled into the binary: Telegram API layer 229 and the
//! MTProto service schema, the files `tl-types` is generated from
//! ([`tl_types::schema::ALL`]).

use tl_parser::Schema;

/// The bundled schemas, parsed.
pub fn schemas() -> Vec<Schema> {
    tl_types::schema::ALL
        .iter()
        .map(|file| {
            tl_parser::parse(file.text)
                .unwrap_or_else(|e| panic!("bundled {} does not parse: {e}", file.name))
        })
        .collect()
}
