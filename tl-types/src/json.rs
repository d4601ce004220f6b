//! TL-JSON for generated types (feature `serde`): the JSON form of TL objects
//! described in `docs/TL-JSON.md`.
//!
//! Every generated item implements [`ToTlJson`] and [`FromTlJson`], and
//! serde's `Serialize` and `Deserialize` through them: a value goes to and
//! from a [`serde_json::Value`] in TL-JSON's form, and serde carries that
//! value.
//!
//! So the serde impls work with the self-describing formats, which can
//! deserialize a value without being told its type: JSON, CBOR (`ciborium`,
//! tested here), MessagePack, YAML, RON. They do not work with formats that
//! need the type up front, such as `bincode` or `postcard`: deserializing
//! from those fails, since the form is only known once the `"_"` key is
//! read. For a compact binary form, use TL's own: [`crate::Encode`].

pub use serde;
pub use serde_json;

pub(crate) mod raw_object;
pub(crate) mod support;

pub use raw_object::ObjectBindings;

use base64::Engine;
use serde_json::Value;
use std::fmt;
use support::{bytes_to_tl_json, kind};

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

pub(crate) fn error(path: &str, message: impl Into<String>) -> JsonError {
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

/// Implements serde's `Serialize` and `Deserialize` through [`ToTlJson`]
/// and [`FromTlJson`], for generated types.
#[doc(hidden)]
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
