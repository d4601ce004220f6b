//! Bytes → TL-JSON, driven by the schema.

use crate::error::Error;
use crate::index::{Index, IndexedDefinition};
use serde_json::{Map, Value};
use std::collections::HashMap;
use tl_parser::{Primitive, Type};
use tl_types::json::ToTlJson;
use tl_types::{Decode, Reader, wire};

/// Decodes one object of any type by its leading constructor id.
pub fn object(index: &Index, reader: &mut Reader<'_>) -> Result<Value, Error> {
    let start = reader.position();
    let id = reader.peek_u32()?;
    if let Some(constructor) = index.constructor_by_id(id) {
        return boxed(index, constructor, reader);
    }
    if id == wire::BOOL_TRUE_ID || id == wire::BOOL_FALSE_ID {
        return Ok(Value::Bool(bool::decode(reader)?));
    }
    match index.function_by_id(id) {
        Some(function) => boxed(index, function, reader),
        None => Err(Error::Decode {
            offset: start,
            message: format!("constructor id {id:08x} is not in the schema"),
        }),
    }
}

/// A constructor or function with its id first, one nesting level deeper.
fn boxed(
    index: &Index,
    definition: &IndexedDefinition,
    reader: &mut Reader<'_>,
) -> Result<Value, Error> {
    let mut result = Ok(Value::Null);
    reader
        .nested(|reader| {
            let _id = reader.read_u32()?;
            result = body(index, definition, reader);
            Ok(())
        })
        .map_err(Error::from)?;
    result
}

/// A definition's fields, as a JSON object with its `"_"`.
fn body(
    index: &Index,
    definition: &IndexedDefinition,
    reader: &mut Reader<'_>,
) -> Result<Value, Error> {
    let mut object = Map::new();
    object.insert("_".into(), Value::String(definition.full_name()));
    let mut masks: HashMap<&str, u32> = HashMap::new();
    let nat_data = index.nat_fields_are_data(definition.schema);
    for param in &definition.params {
        if param.is_mask() {
            let value = reader.read_u32()?;
            masks.insert(&param.name, value);
            // Where `#` fields are data, one that gates nothing is a number,
            // and a mask with bits no field stands for is written whole.
            let gated = definition.gated_bits(&param.name);
            if nat_data && (gated == 0 || value & !gated != 0) {
                object.insert(param.name.to_string(), value.to_tl_json());
            }
            continue;
        }
        if let Some(flag) = &param.flag {
            let set = masks
                .get(flag.field.as_str())
                .is_some_and(|mask| flag.bit < 32 && mask & (1 << flag.bit) != 0);
            if param.ty.is_true() {
                object.insert(param.name.to_string(), Value::Bool(set));
                continue;
            }
            if !set {
                continue;
            }
        }
        let value = value(index, &param.ty, definition, reader)?;
        object.insert(param.name.to_string(), value);
    }
    Ok(Value::Object(object))
}

/// One value of type `ty` (a field of `definition`).
fn value(
    index: &Index,
    ty: &Type,
    definition: &IndexedDefinition,
    reader: &mut Reader<'_>,
) -> Result<Value, Error> {
    if ty.generic_ref {
        let start = reader.position();
        let id = reader.peek_u32()?;
        return match index.function_by_id(id) {
            Some(function) => boxed(index, function, reader),
            None => Err(Error::Decode {
                offset: start,
                message: format!("constructor id {id:08x} is not a function of the schema"),
            }),
        };
    }
    if let Some(primitive) = ty.primitive() {
        return Ok(match primitive {
            Primitive::Int => i32::decode(reader)?.to_tl_json(),
            Primitive::Nat => u32::decode(reader)?.to_tl_json(),
            Primitive::Long => i64::decode(reader)?.to_tl_json(),
            Primitive::Double => f64::decode(reader)?.to_tl_json(),
            Primitive::Int128 => <[u8; 16]>::decode(reader)?.to_tl_json(),
            Primitive::Int256 => <[u8; 32]>::decode(reader)?.to_tl_json(),
            Primitive::String => Value::String(String::decode(reader)?),
            Primitive::Bytes => tl_types::__private::bytes_to_tl_json(wire::read_bytes(reader)?),
            Primitive::Bool => Value::Bool(bool::decode(reader)?),
            Primitive::True => Value::Bool(true),
        });
    }
    if index.is_any_object(ty, definition.schema) {
        return object(index, reader);
    }
    if ty.namespace.is_empty() {
        match ty.name.as_str() {
            "Vector" | "vector" => {
                let [element] = ty.args.as_slice() else {
                    return Err(reader_error(reader, "a vector type without one argument"));
                };
                if ty.name == "Vector" {
                    tl_types::__private::expect_id(reader, wire::VECTOR_ID, "Vector")?;
                }
                return vector(index, element, definition, reader);
            }
            _ => {}
        }
    }
    if definition.generics.iter().any(|g| g.name == ty.name) {
        return object(index, reader);
    }
    if ty.bare {
        let constructor = index
            .bare_constructor(ty, definition.schema)
            .ok_or_else(|| {
                reader_error(reader, &format!("no constructor for the bare type `{ty}`"))
            })?;
        let mut result = Ok(Value::Null);
        reader.nested(|reader| {
            result = body(index, constructor, reader);
            Ok(())
        })?;
        return result;
    }
    let start = reader.position();
    let id = reader.peek_u32()?;
    let expected = ty.full_name();
    match index.constructor_by_id(id) {
        Some(constructor) if index.is_constructor_of(constructor, &expected, definition.schema) => {
            boxed(index, constructor, reader)
        }
        _ => Err(Error::Decode {
            offset: start,
            message: format!("constructor id {id:08x} is not a constructor of {expected}"),
        }),
    }
}

fn vector(
    index: &Index,
    element: &Type,
    definition: &IndexedDefinition,
    reader: &mut Reader<'_>,
) -> Result<Value, Error> {
    let start = reader.position();
    let count = i32::decode(reader)?;
    let count = usize::try_from(count).map_err(|_| Error::Decode {
        offset: start,
        message: format!("vector count {count} is negative"),
    })?;
    // Every element is taken to need 4 bytes or more, checked before anything
    // is allocated, as the generated code does. That holds for all but a
    // vector of `true`, which no real schema has; it is bounded the same way,
    // so that no count can make the decoder work or allocate without bound.
    if count > reader.remaining() / 4 {
        return Err(Error::Decode {
            offset: start,
            message: format!(
                "vector count {count} needs {} byte(s) or more, and {} are left",
                count as u64 * 4,
                reader.remaining()
            ),
        });
    }
    let mut items = Vec::with_capacity(count.min(reader.remaining() / 4));
    for _ in 0..count {
        items.push(value(index, element, definition, reader)?);
    }
    Ok(Value::Array(items))
}

fn reader_error(reader: &Reader<'_>, message: &str) -> Error {
    Error::Decode {
        offset: reader.position(),
        message: message.to_owned(),
    }
}
