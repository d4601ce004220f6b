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
use crate::RawObject;
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
#[allow(unused_variables)]
fn decoded_json(bytes: &[u8]) -> Option<Value> {
    #[cfg(feature = "api")]
    {
        use crate::Deserializable;
        if let Ok(object) = crate::AnyObject::from_bytes(bytes) {
            return Some(object.to_tl_json());
        }
    }
    #[cfg(feature = "mtproto")]
    {
        use crate::Deserializable;
        if let Ok(object) = crate::mtproto::AnyObject::from_bytes(bytes) {
            return Some(object.to_tl_json());
        }
    }
    None
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
#[allow(unused_variables, unused_mut)]
fn encoded(value: &Value, path: &str) -> Result<RawObject, JsonError> {
    if let Value::Bool(value) = value {
        use crate::Serializable;
        return to_raw(value.to_bytes(), path);
    }
    let name = super::constructor_name(value, path)?;
    let mut first_error: Option<JsonError> = None;
    #[cfg(feature = "api")]
    {
        use crate::Serializable;
        match crate::AnyObject::from_tl_json(value, path) {
            Ok(object) => return to_raw(object.to_bytes(), path),
            Err(error) if !names_unknown(&error, path) => return Err(error),
            Err(error) => first_error = first_error.or(Some(error)),
        }
    }
    #[cfg(feature = "mtproto")]
    {
        use crate::Serializable;
        match crate::mtproto::AnyObject::from_tl_json(value, path) {
            Ok(object) => return to_raw(object.to_bytes(), path),
            Err(error) if !names_unknown(&error, path) => return Err(error),
            Err(error) => first_error = first_error.or(Some(error)),
        }
    }
    Err(first_error.unwrap_or_else(|| JsonError {
        path: format!("{path}._"),
        message: format!("no bindings in this build know `{name}`"),
    }))
}

/// Whether `error` says that the object's own `"_"` is unknown (rather than
/// something inside it being wrong).
#[allow(dead_code)]
fn names_unknown(error: &JsonError, path: &str) -> bool {
    error.path.len() == path.len() + 2 && error.path.starts_with(path) && error.path.ends_with("._")
}

#[allow(dead_code)]
fn to_raw(bytes: Result<Vec<u8>, crate::EncodeError>, path: &str) -> Result<RawObject, JsonError> {
    bytes.map(RawObject).map_err(|error| JsonError {
        path: path.to_owned(),
        message: error.to_string(),
    })
}
