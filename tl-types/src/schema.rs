//! The TL text the bundled bindings are generated from, for tools that read
//! the same definitions at run time (a dynamic codec, a diff against a newer
//! layer): the Telegram API, layer 229, and the MTProto service schema.
//!
//! These are the one list of bundled schema files: the test that keeps the
//! committed bindings in step with them, the `tl` tool and the fuzz targets
//! all read it.

/// One bundled schema file: its name in `tl-types/schema/` and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaFile {
    /// The file's name, such as `api.tl`.
    pub name: &'static str,
    /// The file's text, as shipped.
    pub text: &'static str,
}

const API_TL: SchemaFile = SchemaFile {
    name: "api.tl",
    text: include_str!("../schema/api.tl"),
};

const MTPROTO_TL: SchemaFile = SchemaFile {
    name: "mtproto.tl",
    text: include_str!("../schema/mtproto.tl"),
};

const MTPROTO_MANUAL_TL: SchemaFile = SchemaFile {
    name: "mtproto-manual.tl",
    text: include_str!("../schema/mtproto-manual.tl"),
};

/// The files of the Telegram API bindings (feature `api`, at the crate root).
pub const API: &[SchemaFile] = &[API_TL];

/// The files of the MTProto bindings (feature `mtproto`, `tl_types::mtproto`):
/// Telegram Desktop's `mtproto.tl` and the objects it parses by hand.
pub const MTPROTO: &[SchemaFile] = &[MTPROTO_TL, MTPROTO_MANUAL_TL];

/// Every bundled file: the API's, then MTProto's.
pub const ALL: &[SchemaFile] = &[API_TL, MTPROTO_TL, MTPROTO_MANUAL_TL];
