//! TL-JSON for [`RawObject`], a field of the open type `Object` (such as
//! `rpc_result.result` and `message.body` in the MTProto schema).
//!
//! TL-JSON writes such a field as the object it holds. A `RawObject` is only
//! bytes, so this reads them with the bundled bindings compiled into this
//! build: the Telegram API (feature `api`), then the MTProto service schema
//! (feature `mtproto`). Bytes neither can read (another schema's object, or
//! no bindings compiled in) are written as base64, as `bytes` are. Reading
//! accepts both forms.

use super::{FromTlJson, JsonError, ToTlJson, bytes_to_tl_json};
use crate::{Decode, Encode, EncodeError, RawObject};
use serde_json::Value;
use std::cell::Cell;

/// How many `RawObject`s deep the JSON writer may open. Each one starts a new
/// decode, so the decoder's own nesting limit does not see the levels
/// outside it; this bounds them (`message` in `msg_container` in `message`
/// ... cannot nest without end). Deeper ones are written as base64.
const MAX_OPEN_DEPTH: u32 = 8;

thread_local! {
    static OPEN_DEPTH: Cell<u32> = const { Cell::new(0) };
}

impl ToTlJson for RawObject {
    fn to_tl_json(&self) -> Value {
        let depth = OPEN_DEPTH.with(Cell::get);
        if depth >= MAX_OPEN_DEPTH {
            return bytes_to_tl_json(&self.0);
        }
        OPEN_DEPTH.with(|d| d.set(depth + 1));
        let json = decoded_json(&self.0);
        OPEN_DEPTH.with(|d| d.set(depth));
        json.unwrap_or_else(|| bytes_to_tl_json(&self.0))
    }
}

/// The TL-JSON of the one object `bytes` hold, if the bundled bindings can read it.
fn decoded_json(bytes: &[u8]) -> Option<Value> {
    BUNDLED.iter().find_map(|bindings| (bindings.decode)(bytes))
}

impl FromTlJson for RawObject {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        match value {
            Value::String(_) => Vec::from_tl_json(value, path).map(RawObject),
            Value::Object(_) | Value::Bool(_) => encoded(value, path),
            other => Err(JsonError {
                path: path.to_owned(),
                message: format!(
                    "expected an object, a boolean or base64 bytes, found {}",
                    super::kind(other)
                ),
            }),
        }
    }
}

/// The bytes of the object `value` describes, through the bundled bindings:
/// the first that knows its `"_"` encodes it. If none does, the error is the
/// first one's. A JSON boolean is a `Bool`.
fn encoded(value: &Value, path: &str) -> Result<RawObject, JsonError> {
    if let Value::Bool(value) = value {
        return encoding_result(value.to_bytes(), path);
    }
    let name = super::support::constructor_name(value, path)?;
    let mut first_error: Option<JsonError> = None;
    for bindings in BUNDLED {
        match (bindings.encode)(value, path) {
            Ok(raw) => return Ok(raw),
            Err(error) if !names_unknown(&error, path) => return Err(error),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| JsonError {
        path: format!("{path}._"),
        message: format!("no bindings in this build know `{name}`"),
    }))
}

/// Whether `error` says that the object's own `"_"` is unknown (rather than
/// something inside it being wrong).
fn names_unknown(error: &JsonError, path: &str) -> bool {
    error.path.len() == path.len() + 2 && error.path.starts_with(path) && error.path.ends_with("._")
}

fn encoding_result(
    bytes: Result<Vec<u8>, EncodeError>,
    path: &str,
) -> Result<RawObject, JsonError> {
    bytes.map(RawObject).map_err(|error| JsonError {
        path: path.to_owned(),
        message: error.to_string(),
    })
}

/// The bundled bindings compiled into this build, in the order they are
/// tried: the Telegram API, then the MTProto service schema.
const BUNDLED: &[Bindings] = &[
    #[cfg(feature = "api")]
    Bindings::of::<crate::AnyObject>(),
    #[cfg(feature = "mtproto")]
    Bindings::of::<crate::mtproto::AnyObject>(),
];

/// What this module needs of one set of bindings: its dispatch type
/// (`AnyObject`) read from bytes to TL-JSON, and from TL-JSON to bytes.
struct Bindings {
    decode: fn(&[u8]) -> Option<Value>,
    encode: fn(&Value, &str) -> Result<RawObject, JsonError>,
}

#[cfg_attr(not(any(feature = "api", feature = "mtproto")), allow(dead_code))]
impl Bindings {
    const fn of<T: Decode + Encode + ToTlJson + FromTlJson>() -> Bindings {
        Bindings {
            decode: |bytes| T::from_bytes(bytes).ok().map(|object| object.to_tl_json()),
            encode: |value, path| encoding_result(T::from_tl_json(value, path)?.to_bytes(), path),
        }
    }
}
