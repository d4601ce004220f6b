//! The bundled schema, parsed once, and the dynamic codecs built from it.

use std::sync::OnceLock;
use tl_json::Codec;

const API: &str = include_str!("../../../schema/api.tl");
const MTPROTO: &str = include_str!("../../../schema/mtproto.tl");
const MTPROTO_MANUAL: &str = include_str!("../../../schema/mtproto-manual.tl");

fn parse(text: &str) -> tl_parser::Schema {
    tl_parser::parse(text).expect("the bundled schema parses")
}

/// A codec for the Telegram API alone: the same definitions as the generated
/// `tl_types::AnyObject`, so the two can be compared input by input.
pub fn api_codec() -> &'static Codec {
    static CODEC: OnceLock<Codec> = OnceLock::new();
    CODEC.get_or_init(|| Codec::new(&[parse(API)]))
}

/// A codec for everything bundled: the API and the MTProto service schema,
/// as `tl json` uses by default.
pub fn full_codec() -> &'static Codec {
    static CODEC: OnceLock<Codec> = OnceLock::new();
    CODEC.get_or_init(|| Codec::new(&[parse(API), parse(MTPROTO), parse(MTPROTO_MANUAL)]))
}
