//! The bundled schema, parsed once, and the dynamic codecs built from it.

use std::sync::OnceLock;
use tl_json::Codec;

use tl_types::schema::{ALL, API, SchemaFile};

fn parse(files: &[SchemaFile]) -> Vec<tl_parser::Schema> {
    files
        .iter()
        .map(|file| tl_parser::parse(file.text).expect("the bundled schema parses"))
        .collect()
}

/// A codec for the Telegram API alone: the same definitions as the generated
/// `tl_types::AnyObject`, so the two can be compared input by input.
pub fn api_codec() -> &'static Codec {
    static CODEC: OnceLock<Codec> = OnceLock::new();
    CODEC.get_or_init(|| Codec::new(&parse(API)))
}

/// A codec for everything bundled: the API and the MTProto service schema,
/// as `tl json` uses by default.
pub fn full_codec() -> &'static Codec {
    static CODEC: OnceLock<Codec> = OnceLock::new();
    CODEC.get_or_init(|| Codec::new(&parse(ALL)))
}
