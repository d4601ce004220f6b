//! TL-JSON for generated types (feature `serde`): the JSON form of TL objects
//! described in `docs/TL-JSON.md`.
//!
//! Every generated item implements [`ToTlJson`] and [`FromTlJson`], and
//! serde's `Serialize` and `Deserialize` through them, so any serde format
//! can carry it; the form itself is JSON's.

pub use serde;
pub use serde_json;

mod raw_object;

use base64::Engine;
use serde_json::{Map, Value};
use std::fmt;

/// JSON that does not fit the type: where (a JSON path such as
/// `.messages[3].entities[0]`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The JSON path of the offending value, `.` for the whole value.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "."
        } else {
            &self.path
        };
        write!(f, "at {path}: {}", self.message)
    }
}

impl std::error::Error for JsonError {}

fn error(path: &str, message: impl Into<String>) -> JsonError {
    JsonError {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// A value that has a TL-JSON form.
pub trait ToTlJson {
    /// The value in TL-JSON.
    fn to_tl_json(&self) -> Value;
}

/// A value that can be read from TL-JSON.
pub trait FromTlJson: Sized {
    /// Reads the value; `path` is where it stands, for errors.
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError>;
}

/// What kind of JSON value this is, for error messages: `a string`, `an array`.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl ToTlJson for i32 {
    fn to_tl_json(&self) -> Value {
        Value::from(*self)
    }
}

impl FromTlJson for i32 {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        integer(value, path)
    }
}

impl ToTlJson for u32 {
    fn to_tl_json(&self) -> Value {
        Value::from(*self)
    }
}

/// `#`: a mask, as a number.
impl FromTlJson for u32 {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        integer(value, path)
    }
}

/// A JSON integer that fits in `T`.
fn integer<T: TryFrom<i64>>(value: &Value, path: &str) -> Result<T, JsonError> {
    let number = value
        .as_i64()
        .ok_or_else(|| error(path, format!("expected an integer, found {}", kind(value))))?;
    T::try_from(number).map_err(|_| error(path, format!("{number} is out of range")))
}

impl ToTlJson for i64 {
    fn to_tl_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl FromTlJson for i64 {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        match value {
            Value::String(text) => text
                .parse()
                .map_err(|_| error(path, format!("`{text}` is not a 64-bit integer"))),
            Value::Number(number) => number
                .as_i64()
                .ok_or_else(|| error(path, format!("{number} is not a 64-bit integer"))),
            other => Err(error(
                path,
                format!("expected a decimal string, found {}", kind(other)),
            )),
        }
    }
}

impl ToTlJson for f64 {
    fn to_tl_json(&self) -> Value {
        match serde_json::Number::from_f64(*self) {
            Some(number) => Value::Number(number),
            None if self.is_nan() => Value::String("NaN".into()),
            None if *self > 0.0 => Value::String("Infinity".into()),
            None => Value::String("-Infinity".into()),
        }
    }
}

impl FromTlJson for f64 {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        match value {
            Value::Number(number) => number
                .as_f64()
                .ok_or_else(|| error(path, format!("{number} is not a double"))),
            Value::String(text) => match text.as_str() {
                "NaN" => Ok(f64::NAN),
                "Infinity" => Ok(f64::INFINITY),
                "-Infinity" => Ok(f64::NEG_INFINITY),
                _ => Err(error(path, format!("`{text}` is not a double"))),
            },
            other => Err(error(
                path,
                format!("expected a number, found {}", kind(other)),
            )),
        }
    }
}

impl ToTlJson for bool {
    fn to_tl_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl FromTlJson for bool {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        value.as_bool().ok_or_else(|| {
            error(
                path,
                format!("expected true or false, found {}", kind(value)),
            )
        })
    }
}

impl ToTlJson for String {
    fn to_tl_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl FromTlJson for String {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| error(path, format!("expected a string, found {}", kind(value))))
    }
}

/// `bytes` as TL-JSON writes them: standard base64 with padding.
pub fn bytes_to_tl_json(bytes: &[u8]) -> Value {
    Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// `bytes`: standard base64 with padding.
impl ToTlJson for Vec<u8> {
    fn to_tl_json(&self) -> Value {
        bytes_to_tl_json(self)
    }
}

impl FromTlJson for Vec<u8> {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        let text = value.as_str().ok_or_else(|| {
            error(
                path,
                format!("expected a base64 string, found {}", kind(value)),
            )
        })?;
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(|e| error(path, format!("malformed base64: {e}")))
    }
}

/// `int128`, `int256`: lowercase hex of the bytes as they stand on the wire.
impl<const N: usize> ToTlJson for [u8; N] {
    fn to_tl_json(&self) -> Value {
        Value::String(hex::encode(self))
    }
}

impl<const N: usize> FromTlJson for [u8; N] {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        let text = value.as_str().ok_or_else(|| {
            error(
                path,
                format!("expected a hex string, found {}", kind(value)),
            )
        })?;
        let mut bytes = [0; N];
        hex::decode_to_slice(text, &mut bytes).map_err(|_| {
            error(
                path,
                format!("expected {} hex digits, found `{text}`", 2 * N),
            )
        })?;
        Ok(bytes)
    }
}

impl<T: ToTlJson> ToTlJson for Vec<T> {
    fn to_tl_json(&self) -> Value {
        Value::Array(self.iter().map(ToTlJson::to_tl_json).collect())
    }
}

impl<T: FromTlJson> FromTlJson for Vec<T> {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        let items = value
            .as_array()
            .ok_or_else(|| error(path, format!("expected an array, found {}", kind(value))))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_tl_json(item, &format!("{path}[{i}]")))
            .collect()
    }
}

impl<T: ToTlJson + ?Sized> ToTlJson for Box<T> {
    fn to_tl_json(&self) -> Value {
        (**self).to_tl_json()
    }
}

impl<T: FromTlJson> FromTlJson for Box<T> {
    fn from_tl_json(value: &Value, path: &str) -> Result<Self, JsonError> {
        T::from_tl_json(value, path).map(Box::new)
    }
}

/// A TL object's fields, read from a JSON object whose `"_"` is `name` and
/// whose other keys are all among `fields` (a `#` mask key is ignored).
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
}

impl<'a> Fields<'a> {
    /// Checks the object's `"_"` and keys.
    pub fn new(
        value: &'a Value,
        path: &'a str,
        name: &str,
        fields: &[&str],
        masks: &[&str],
    ) -> Result<Fields<'a>, JsonError> {
        let map = value
            .as_object()
            .ok_or_else(|| error(path, format!("expected an object, found {}", kind(value))))?;
        match map.get("_") {
            Some(Value::String(given)) if given == name => {}
            Some(Value::String(given)) => {
                return Err(error(
                    &format!("{path}._"),
                    format!("expected `{name}`, found `{given}`"),
                ));
            }
            _ => {
                return Err(error(
                    path,
                    format!("expected an object with \"_\": \"{name}\""),
                ));
            }
        }
        for key in map.keys() {
            if key != "_" && !fields.contains(&key.as_str()) && !masks.contains(&key.as_str()) {
                return Err(error(
                    &format!("{path}.{key}"),
                    format!("`{name}` has no field `{key}`"),
                ));
            }
        }
        Ok(Fields { map, path })
    }

    /// The whole JSON object.
    pub fn object(&self) -> &'a Map<String, Value> {
        self.map
    }

    /// A field that must be there.
    pub fn required<T: FromTlJson>(&self, key: &str) -> Result<T, JsonError> {
        let path = format!("{}.{key}", self.path);
        match self.map.get(key) {
            None | Some(Value::Null) => Err(error(&path, "missing field")),
            Some(value) => T::from_tl_json(value, &path),
        }
    }

    /// A conditional field: absent or `null` is `None`.
    pub fn optional<T: FromTlJson>(&self, key: &str) -> Result<Option<T>, JsonError> {
        let path = format!("{}.{key}", self.path);
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::from_tl_json(value, &path).map(Some),
        }
    }

    /// The bits of the mask `key` that no field stands for, where the
    /// schema keeps them: those of its value outside `gated`, the bits that
    /// fields stand for (which are derived from the fields, and ignored
    /// here). An absent mask has none.
    pub fn other_bits(&self, key: &str, gated: u32) -> Result<u32, JsonError> {
        let path = format!("{}.{key}", self.path);
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(0),
            Some(value) => u32::from_tl_json(value, &path).map(|mask| mask & !gated),
        }
    }

    /// A `flags.N?true` field: absent is `false`.
    pub fn flag(&self, key: &str) -> Result<bool, JsonError> {
        let path = format!("{}.{key}", self.path);
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(value) => bool::from_tl_json(value, &path),
        }
    }

    /// A `flags.N?true` field that must say what its value field says: true
    /// exactly when `present`. A missing one is `false`, as everywhere, so
    /// it must be written (as `true`) when its value field is present.
    pub fn implied_flag(&self, key: &str, present: bool, by: &str) -> Result<(), JsonError> {
        if self.flag(key)? == present {
            Ok(())
        } else {
            Err(error(
                &format!("{}.{key}", self.path),
                format!(
                    "`{key}` must be {present}, as `{by}` is {}",
                    if present { "present" } else { "absent" }
                ),
            ))
        }
    }
}

/// The `"_"` of a JSON object, for dispatching on it.
pub fn constructor_name<'a>(value: &'a Value, path: &str) -> Result<&'a str, JsonError> {
    match value.get("_") {
        Some(Value::String(name)) => Ok(name),
        _ => Err(error(
            path,
            format!("expected an object with \"_\", found {}", kind(value)),
        )),
    }
}

/// The error for a `"_"` that names no constructor of the expected type.
pub fn unknown_constructor(path: &str, name: &str, expected: &str) -> JsonError {
    error(
        &format!("{path}._"),
        format!("`{name}` is not a constructor of `{expected}`"),
    )
}

/// Implements serde's `Serialize` and `Deserialize` through [`ToTlJson`]
/// and [`FromTlJson`], for generated types.
#[macro_export]
macro_rules! impl_serde_via_tl_json {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::json::serde::Serialize for $ty {
            fn serialize<S: $crate::json::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::json::serde::Serialize::serialize(&$crate::json::ToTlJson::to_tl_json(self), serializer)
            }
        }

        impl<'de> $crate::json::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::json::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let value = <$crate::json::serde_json::Value as $crate::json::serde::Deserialize>::deserialize(deserializer)?;
                <Self as $crate::json::FromTlJson>::from_tl_json(&value, "")
                    .map_err(<D::Error as $crate::json::serde::de::Error>::custom)
            }
        }
    )*};
}
