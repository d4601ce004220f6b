//! Telegram's TL types for Rust: the MTProto wire runtime, and bindings
//! generated from the bundled API schema (layer 229).
//!
//! ```
//! # #[cfg(feature = "api")] {
//! use tl_types::{Decode, RemoteCall, Encode, functions, types};
//!
//! // Every field of `codeSettings` is optional: give the ones you set.
//! let settings = types::CodeSettings {
//!     current_number: true,
//!     ..Default::default()
//! };
//! // `new` takes the fields that are always there; optional ones are then
//! // set by name. Neither breaks when a later layer adds an optional field.
//! let request = functions::auth::SendCode::new(
//!     "+15550100",
//!     372518,
//!     "0123456789abcdef0123456789abcdef",
//!     settings,
//! );
//! let bytes = request.to_bytes().unwrap();
//! assert_eq!(bytes[..4], 0xa677244fu32.to_le_bytes());
//!
//!
//! // The answer's type follows from the request's: `enums::auth::SentCode`.
//! fn read_answer(
//!     bytes: &[u8],
//! ) -> Result<<functions::auth::SendCode as RemoteCall>::Return, tl_types::DecodeError> {
//!     Decode::from_bytes(bytes)
//! }
//! assert!(read_answer(&[0x02, 0x25]).is_err());
//! # }
//! ```
//!
//! Layout: `types::` holds one struct per constructor, `enums::` one enum per
//! boxed type, `functions::` one struct per function; TL namespaces are
//! modules (`functions::auth::SendCode`). [`RemoteCall::Return`] gives each
//! function's answer type. `RpcError` (feature `api`) reads the errors a server answers
//! with; each function's `USABILITY` and `ERRORS` say who may call it and
//! what it is known to fail with.
//!
//! Features: `api` (default) for the Telegram API at the crate root; `mtproto`
//! for the MTProto service schema under `mtproto`. With neither, the crate
//! is the runtime alone, for bindings generated from another schema with
//! `tl-codegen`. `arena` lets borrowed bindings read a value's vectors and
//! boxes into the caller's arena (`Reader::with_arena`).

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
/// The README's example, compiled and run as a doctest.
#[cfg(all(doctest, feature = "api"))]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

#[cfg(feature = "arena")]
mod arena;
mod borrow;
mod cow;
mod error;
#[cfg(feature = "serde")]
pub mod json;
mod reader;
mod rpc_error;
mod run;
pub mod schema;
mod traits;
pub mod wire;
mod writer;

#[cfg(feature = "api")]
#[path = "generated/api.rs"]
// Generated files are not rustfmt's to read: they are formatted by the
// generator (prettyplease), and rustfmt runs out of memory on one this size.
#[rustfmt::skip]
mod api;
#[cfg(feature = "api")]
pub use api::{AnyCall, AnyObject, AnyValue, LAYER, enums, functions, types};

#[cfg(feature = "api")]
#[path = "generated/errors.rs"]
#[rustfmt::skip]
mod errors;
#[cfg(feature = "api")]
pub use errors::RpcErrorKind;
#[cfg(feature = "api")]
pub use rpc_error::RpcError;
pub use rpc_error::Usability;

/// The MTProto service schema: Telegram Desktop's `mtproto.tl` (without its
/// fake-TLS ClientHello description) and the objects it parses by hand
/// (`rpc_result`, `message`, `msg_container`, `msg_copy`, `gzip_packed`), as
/// `mtproto::types`, `mtproto::enums`, `mtproto::functions`.
#[cfg(feature = "mtproto")]
#[path = "generated/mtproto.rs"]
#[rustfmt::skip]
pub mod mtproto;

/// The bindings whose objects an `Object` field of the MTProto schema
/// (`rpc_result.result`, `message.body`) holds, for its TL-JSON: the MTProto
/// schema's own, then the Telegram API's, when compiled in.
#[cfg(all(feature = "mtproto", feature = "serde"))]
const MTPROTO_OBJECTS: &[json::ObjectBindings] = &[
    json::ObjectBindings::of::<mtproto::AnyObject>(),
    #[cfg(feature = "api")]
    json::ObjectBindings::of::<AnyObject>(),
];

pub use borrow::{BorrowDecode, IntoOwned};
/// The arena crate [`Reader::with_arena`] takes (feature `arena`), re-exported
/// so that the arena a client makes is the one the reader takes.
#[cfg(feature = "arena")]
pub use bumpalo;
pub use cow::{CowBox, CowVec};
pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use reader::{DEFAULT_MAX_DEPTH, Reader};
pub use traits::{ByteCounter, Decode, Encode, Identifiable, RawObject, RemoteCall, Sink};
pub use writer::{Place, Writer};
