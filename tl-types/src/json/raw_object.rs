//! TL-JSON for fields of the open type `Object` (such as `rpc_result.result`
//! and `message.body` in the MTProto schema), kept as [`RawObject`] bytes.
//!
//! TL-JSON writes such a field as the object it holds. A `RawObject` is only
//! bytes, and this runtime knows no bindings, so the generated code says
//! which to read them with: an [`ObjectBindings`] list, the bindings' own
//! `AnyObject` unless their build script named others. Bytes none of them
//! can read are written as base64, as `bytes` are. Reading accepts both forms.

use super::{FromTlJson, JsonError, ToTlJson, error, support};
use crate::{Decode, Encode, EncodeError, RawObject};
use serde_json::Value;
use std::cell::Cell;

/// One set of generated bindings whose objects an `Object` field may hold:
/// its `AnyObject`, read from bytes to TL-JSON and back.
///
/// Generated code reads and writes an `Object` field's TL-JSON with a list of
/// these, tried in order. By default the list holds the bindings' own
/// `AnyObject`; bindings whose objects carry another schema's (MTProto's
/// `rpc_result` carrying API objects) name a list of their own with
/// `tl_codegen::Config::object_bindings`:
///
/// ```ignore
/// pub const OBJECTS: &[tl_types::json::ObjectBindings] = &[
///     tl_types::json::ObjectBindings::of::<service::AnyObject>(),
///     tl_types::json::ObjectBindings::of::<api::AnyObject>(),
/// ];
/// ```
#[derive(Clone, Copy)]
pub struct ObjectBindings {
    decode: fn(&[u8]) -> Option<Value>,
    encode: fn(&Value, &str) -> Result<RawObject, JsonError>,
}

impl ObjectBindings {
    /// The bindings whose objects `T` (their `AnyObject`) reads and writes.
    pub const fn of<T: Decode + Encode + ToTlJson + FromTlJson>() -> ObjectBindings {
        ObjectBindings {
            decode: |bytes| T::from_bytes(bytes).ok().map(|object| object.to_tl_json()),
            encode: |value, path| encoding_result(T::from_tl_json(value, path)?.to_bytes(), path),
        }
    }
}

impl std::fmt::Debug for ObjectBindings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectBindings").finish_non_exhaustive()
    }
}

/// TL-JSON of a value holding open objects ([`RawObject`], or a vector of
/// them), read with the bindings generated code names. Only generated code
/// calls this, through `tl_types::__private`.
pub trait OpenJson: Sized {
    /// The TL-JSON of the value, each object read with the first of
    /// `bindings` that knows it.
    fn to_open_json(&self, bindings: &[ObjectBindings]) -> Value;

    /// The value that `value` (at the JSON path `path`) describes.
    fn from_open_json(
        value: &Value,
        path: &str,
        bindings: &[ObjectBindings],
    ) -> Result<Self, JsonError>;
}

/// How many `RawObject`s deep the JSON writer may open. Each one starts a new
/// decode, so the decoder's own nesting limit does not see the levels
/// outside it; this bounds them (`message` in `msg_container` in `message`
/// ... cannot nest without end). Deeper ones are written as base64.
const MAX_OPEN_DEPTH: u32 = 8;

thread_local! {
    static OPEN_DEPTH: Cell<u32> = const { Cell::new(0) };
}

impl OpenJson for RawObject {
    fn to_open_json(&self, bindings: &[ObjectBindings]) -> Value {
        let depth = OPEN_DEPTH.with(Cell::get);
        if depth >= MAX_OPEN_DEPTH {
            return support::bytes_to_tl_json(&self.0);
        }
        OPEN_DEPTH.with(|d| d.set(depth + 1));
        let json = bindings.iter().find_map(|b| (b.decode)(&self.0));
        OPEN_DEPTH.with(|d| d.set(depth));
        json.unwrap_or_else(|| support::bytes_to_tl_json(&self.0))
    }

    fn from_open_json(
        value: &Value,
        path: &str,
        bindings: &[ObjectBindings],
    ) -> Result<Self, JsonError> {
        match value {
            Value::String(_) => Vec::from_tl_json(value, path).map(RawObject),
            Value::Bool(value) => encoding_result(value.to_bytes(), path),
            Value::Object(_) => encoded(value, path, bindings),
            other => Err(error(
                path,
                format!(
                    "expected an object, a boolean or base64 bytes, found {}",
                    support::kind(other)
                ),
            )),
        }
    }
}

impl<T: OpenJson> OpenJson for Vec<T> {
    fn to_open_json(&self, bindings: &[ObjectBindings]) -> Value {
        Value::Array(
            self.iter()
                .map(|item| item.to_open_json(bindings))
                .collect(),
        )
    }

    fn from_open_json(
        value: &Value,
        path: &str,
        bindings: &[ObjectBindings],
    ) -> Result<Self, JsonError> {
        let items = value.as_array().ok_or_else(|| {
            error(
                path,
                format!("expected an array, found {}", support::kind(value)),
            )
        })?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_open_json(item, &format!("{path}[{i}]"), bindings))
            .collect()
    }
}

/// The bytes of the object `value` describes: the first of `bindings` that
/// knows its `"_"` encodes it. If none does, the error is the first one's.
fn encoded(value: &Value, path: &str, bindings: &[ObjectBindings]) -> Result<RawObject, JsonError> {
    let name = support::constructor_name(value, path)?;
    let mut first_error: Option<JsonError> = None;
    for bindings in bindings {
        match (bindings.encode)(value, path) {
            Ok(raw) => return Ok(raw),
            Err(error) if !names_unknown(&error, path) => return Err(error),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| {
        error(
            &format!("{path}._"),
            format!("no bindings given for this field know `{name}`"),
        )
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
    bytes.map(RawObject).map_err(|e| error(path, e.to_string()))
}
