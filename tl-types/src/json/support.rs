//! The TL-JSON helpers that generated code and tl-json call (through
//! [`crate::__private`]): reading a constructor's fields from a JSON object,
//! and dispatching on its `"_"`.

use super::raw_object::{ObjectBindings, OpenJson};
use super::{FromTlJson, JsonError, ToTlJson, error};
use base64::Engine;
use serde_json::{Map, Value};

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

/// `bytes` as TL-JSON writes them: standard base64 with padding.
pub fn bytes_to_tl_json(bytes: &[u8]) -> Value {
    Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
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

    /// A field that must be there and holds open objects, read with `bindings`.
    pub fn required_open<T: OpenJson>(
        &self,
        key: &str,
        bindings: &[ObjectBindings],
    ) -> Result<T, JsonError> {
        let path = format!("{}.{key}", self.path);
        match self.map.get(key) {
            None | Some(Value::Null) => Err(error(&path, "missing field")),
            Some(value) => T::from_open_json(value, &path, bindings),
        }
    }

    /// A conditional field holding open objects, read with `bindings`:
    /// absent or `null` is `None`.
    pub fn optional_open<T: OpenJson>(
        &self,
        key: &str,
        bindings: &[ObjectBindings],
    ) -> Result<Option<T>, JsonError> {
        let path = format!("{}.{key}", self.path);
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::from_open_json(value, &path, bindings).map(Some),
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

    /// The error for fields on one flag bit of which some are given and some
    /// not: they are present together or not at all.
    pub fn shared_flag_error(&self, keys: &[&str], flag: &str) -> JsonError {
        let names: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
        error(
            self.path,
            format!(
                "{} share the bit {flag}: give all of them or none",
                names.join(", ")
            ),
        )
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

/// A constructor's TL-JSON object, built field by field in schema order
/// after its `"_"`: what a generated `to_tl_json` is made of.
pub struct JsonObject(Map<String, Value>);

impl JsonObject {
    /// An object whose `"_"` is `name`.
    #[inline]
    pub fn new(name: &str) -> JsonObject {
        let mut map = Map::new();
        map.insert("_".into(), name.into());
        JsonObject(map)
    }

    /// A field that is always there.
    #[inline]
    pub fn field<T: ToTlJson + ?Sized>(self, key: &str, value: &T) -> JsonObject {
        self.json(key, value.to_tl_json())
    }

    /// A field whose TL-JSON is already made.
    #[inline]
    pub fn json(mut self, key: &str, value: Value) -> JsonObject {
        self.0.insert(key.into(), value);
        self
    }

    /// A conditional field: written when present.
    #[inline]
    pub fn optional<T: ToTlJson + ?Sized>(self, key: &str, value: Option<&T>) -> JsonObject {
        match value {
            Some(value) => self.field(key, value),
            None => self,
        }
    }

    /// A conditional field whose TL-JSON is already made: written when present.
    #[inline]
    pub fn optional_json(self, key: &str, value: Option<Value>) -> JsonObject {
        match value {
            Some(value) => self.json(key, value),
            None => self,
        }
    }

    /// A `flags.N?true` field: always written, as `true` or `false`.
    #[inline]
    pub fn flag(self, key: &str, value: bool) -> JsonObject {
        self.json(key, Value::Bool(value))
    }

    /// A mask that keeps bits no field stands for: written, whole (`other`
    /// with the bits its fields stand for, `derived`), when it has any.
    #[inline]
    pub fn mask(self, key: &str, other: u32, derived: u32) -> JsonObject {
        if other == 0 {
            self
        } else {
            self.field(key, &(other | derived))
        }
    }

    /// The finished object.
    #[inline]
    pub fn finish(self) -> Value {
        Value::Object(self.0)
    }
}

/// A value of a dispatch or boxed type's variant, read from TL-JSON as the
/// variant's payload `T` and wrapped by `variant`.
#[inline]
pub fn json_variant<T: FromTlJson, E>(
    value: &Value,
    path: &str,
    variant: fn(T) -> E,
) -> Result<E, JsonError> {
    T::from_tl_json(value, path).map(variant)
}
