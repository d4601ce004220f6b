//! TL-JSON → bytes, driven by the schema, with errors at a JSON path.

use crate::error::{Error, Path};
use crate::index::{Index, IndexedDefinition};
use serde_json::Value;
use std::collections::HashMap;
use tl_parser::{Parameter, Primitive, Type};
use tl_types::__private::kind;
use tl_types::json::FromTlJson;
use tl_types::{Encode, wire};

/// How deep the encoder is in nested objects, and how deep it may go.
#[derive(Debug, Clone, Copy)]
struct Depth {
    level: u32,
    max: u32,
}

impl Depth {
    /// One object further in.
    fn deeper(self) -> Depth {
        Depth {
            level: self.level + 1,
            ..self
        }
    }
}

/// Encodes an object of any type, found by its `"_"`. Objects may nest
/// `max_depth` levels deep, as when decoding.
pub fn object(
    index: &Index,
    json: &Value,
    path: &Path,
    max_depth: u32,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let depth = Depth {
        level: 0,
        max: max_depth,
    };
    any_object(index, json, path, depth, out)
}

/// An object of any type: one found by its `"_"`, or a JSON boolean, which
/// is a `Bool` (`boolTrue`, `boolFalse`) as it is in a `Bool` field. The
/// generated `AnyObject` reads the same.
fn any_object(
    index: &Index,
    json: &Value,
    path: &Path,
    depth: Depth,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    if let Value::Bool(value) = json {
        value.encode(out).map_err(|e| path.error(e.to_string()))?;
        return Ok(());
    }
    let definition = named(json, path, |name| index.by_name(name))?;
    boxed(index, definition, json, path, depth, out)
}

/// The definition a JSON object's `"_"` names, looked up with `find`.
fn named<'a>(
    json: &Value,
    path: &Path,
    find: impl Fn(&str) -> Option<&'a IndexedDefinition>,
) -> Result<&'a IndexedDefinition, Error> {
    let Value::Object(map) = json else {
        return Err(path.error(format!("expected an object, found {}", kind(json))));
    };
    let Some(name) = map.get("_") else {
        return Err(path.error("the object has no \"_\" naming its constructor"));
    };
    let Value::String(name) = name else {
        return Err(path.key("_").error("expected a constructor name string"));
    };
    find(name).ok_or_else(|| {
        path.key("_")
            .error(format!("unknown constructor or function `{name}`"))
    })
}

fn boxed(
    index: &Index,
    definition: &IndexedDefinition,
    json: &Value,
    path: &Path,
    depth: Depth,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    definition
        .id
        .encode(out)
        .map_err(|e| path.error(e.to_string()))?;
    body(index, definition, json, path, depth, out)
}

/// A definition's fields from a JSON object.
fn body(
    index: &Index,
    definition: &IndexedDefinition,
    json: &Value,
    path: &Path,
    depth: Depth,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    // The same count as the decoder's: every object, boxed or bare, is one
    // level; vectors are not.
    if depth.level >= depth.max {
        return Err(path.error(format!(
            "objects nest deeper than the limit of {}",
            depth.max
        )));
    }
    // The object's `"_"` and keys are checked as the generated code checks
    // them, with the same messages.
    let name = definition.full_name();
    let fields: Vec<&str> = definition.params.iter().map(|p| p.name.as_str()).collect();
    let prefix = path.prefix();
    let checked = tl_types::__private::Fields::new(json, &prefix, &name, &fields, &[])?;
    let map = checked.object();

    let present = |param: &Parameter| match map.get(param.name.as_str()) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(false)) if param.ty.is_true() => false,
        Some(_) => true,
    };
    // The bits of each mask, from the fields that depend on it; fields that
    // share a bit must agree.
    let mut masks: HashMap<&str, u32> = HashMap::new();
    let mut bit_owner: HashMap<(&str, u32), &Parameter> = HashMap::new();
    for param in &definition.params {
        let Some(flag) = &param.flag else { continue };
        if param.ty.is_true() {
            match map.get(param.name.as_str()) {
                None | Some(Value::Null | Value::Bool(_)) => {}
                Some(other) => {
                    return Err(path
                        .key(&param.name)
                        .error(format!("expected true or false, found {}", kind(other))));
                }
            }
        }
        let on = present(param);
        if let Some(first) = bit_owner.get(&(flag.field.as_str(), flag.bit)) {
            if present(first) != on {
                return Err(path.key(&param.name).error(format!(
                    "`{}` and `{}` share {}.{} and must be both present (or true) or both absent",
                    first.name, param.name, flag.field, flag.bit
                )));
            }
        } else {
            bit_owner.insert((flag.field.as_str(), flag.bit), param);
        }
        if on && flag.bit < 32 {
            *masks.entry(flag.field.as_str()).or_default() |= 1 << flag.bit;
        }
    }

    let nat_data = index.nat_fields_are_data(definition.schema);
    for param in &definition.params {
        let field_path = path.key(&param.name);
        let gated = definition.gated_bits(&param.name);
        // Where `#` fields are data, one that gates nothing is a number like
        // any other, and a mask takes the bits no field stands for from its
        // key; the bits that fields stand for are theirs, as the spec says.
        if param.is_mask() && (gated != 0 || !nat_data) {
            let mut mask = masks.get(param.name.as_str()).copied().unwrap_or(0);
            if nat_data {
                let given: u32 = match map.get(param.name.as_str()) {
                    None | Some(Value::Null) => 0,
                    Some(value) => primitive(value, &field_path)?,
                };
                mask |= given & !gated;
            }
            mask.encode(out)
                .map_err(|e| field_path.error(e.to_string()))?;
            continue;
        }
        if param.flag.is_some() {
            if param.ty.is_true() || !present(param) {
                continue;
            }
        } else if !present(param) && !param.ty.is_true() {
            return Err(field_path.error(format!("`{name}` needs the field `{}`", param.name)));
        }
        let value = map.get(param.name.as_str()).unwrap_or(&Value::Null);
        self::value(index, &param.ty, definition, value, &field_path, depth, out)?;
    }
    Ok(())
}

fn value(
    index: &Index,
    ty: &Type,
    definition: &IndexedDefinition,
    json: &Value,
    path: &Path,
    depth: Depth,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let write =
        |result: Result<(), tl_types::EncodeError>| result.map_err(|e| path.error(e.to_string()));
    if ty.generic_ref {
        let function = named(json, path, |name| index.function_by_name(name))?;
        return boxed(index, function, json, path, depth.deeper(), out);
    }
    if let Some(primitive) = ty.primitive() {
        return write(match primitive {
            Primitive::Int => self::primitive::<i32>(json, path)?.encode(out),
            Primitive::Nat => self::primitive::<u32>(json, path)?.encode(out),
            Primitive::Long => self::primitive::<i64>(json, path)?.encode(out),
            Primitive::Double => self::primitive::<f64>(json, path)?.encode(out),
            Primitive::Int128 => self::primitive::<[u8; 16]>(json, path)?.encode(out),
            Primitive::Int256 => self::primitive::<[u8; 32]>(json, path)?.encode(out),
            Primitive::String => self::primitive::<String>(json, path)?.encode(out),
            Primitive::Bytes => self::primitive::<Vec<u8>>(json, path)?.encode(out),
            Primitive::Bool => self::primitive::<bool>(json, path)?.encode(out),
            Primitive::True => Ok(()),
        });
    }
    if index.is_any_object(ty, definition.schema) {
        return any_object(index, json, path, depth.deeper(), out);
    }
    if ty.namespace.is_empty() {
        match ty.name.as_str() {
            "Vector" | "vector" => {
                let [element] = ty.args.as_slice() else {
                    return Err(path.error("a vector type without one argument"));
                };
                let Value::Array(items) = json else {
                    return Err(path.error(format!("expected an array, found {}", kind(json))));
                };
                if ty.name == "Vector" {
                    write(wire::VECTOR_ID.encode(out))?;
                }
                let count = i32::try_from(items.len())
                    .map_err(|_| path.error("more elements than a vector can hold"))?;
                write(count.encode(out))?;
                for (i, item) in items.iter().enumerate() {
                    value(index, element, definition, item, &path.index(i), depth, out)?;
                }
                return Ok(());
            }
            _ => {}
        }
    }
    if definition.generics.iter().any(|g| g.name == ty.name) {
        let any = named(json, path, |name| index.by_name(name))?;
        return boxed(index, any, json, path, depth.deeper(), out);
    }
    if ty.bare {
        let constructor = index
            .bare_constructor(ty, definition.schema)
            .ok_or_else(|| path.error(format!("no constructor for the bare type `{ty}`")))?;
        return body(index, constructor, json, path, depth.deeper(), out);
    }
    let expected = ty.full_name();
    let constructor = named(json, path, |name| {
        index.constructor_by_name(name, definition.schema)
    })?;
    if !index.is_constructor_of(constructor, &expected, definition.schema) {
        return Err(path.key("_").error(format!(
            "`{}` is not a constructor of `{expected}`",
            constructor.full_name()
        )));
    }
    boxed(index, constructor, json, path, depth.deeper(), out)
}

/// A primitive from its TL-JSON form, with errors at `path`.
fn primitive<T: FromTlJson>(json: &Value, path: &Path) -> Result<T, Error> {
    T::from_tl_json(json, &path.to_string()).map_err(Error::from)
}
