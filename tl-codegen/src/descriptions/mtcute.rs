//! mtcute's `tl/api-schema.json` (npm package `@mtcute/core`): its
//! descriptions of constructors, functions, their parameters, boxed types
//! and errors, as HTML.
//!
//! The shape read: `{"l": layer, "e": [entry], "u": {"Type": "html"}}`, each
//! entry `{"kind": "class" | "method", "name", "comment"?, "arguments"?:
//! [{"name", "comment"?}], "throws"?: [{"name", "comment"?}]}`; other fields
//! are ignored.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::html;
use super::text::{LinkTarget, Text};
use super::{DefinitionText, Descriptions};
use crate::Error;

/// Where the pages of Telegram's reference stand, which relative links in a
/// description resolve against.
const REFERENCE: &str = "https://core.telegram.org";

pub(crate) fn read(file: &str, text: &str) -> Result<Descriptions, Error> {
    let invalid = |place: &str, message: String| Error::Descriptions {
        file: file.to_owned(),
        place: place.to_owned(),
        message,
    };
    let root: Value = serde_json::from_str(text).map_err(|e| {
        // The place is said first, as `line:column`.
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        invalid(
            &format!("{}:{}", e.line(), e.column()),
            format!("not JSON: {message}"),
        )
    })?;
    let root = object(&invalid, &root, "the top level")?;
    let mut out = Descriptions {
        layer: match root.get("l") {
            None | Some(Value::Null) => None,
            Some(layer) => Some(
                layer
                    .as_u64()
                    .and_then(|l| u32::try_from(l).ok())
                    .ok_or_else(|| invalid("l", "the layer is not a whole number".into()))?,
            ),
        },
        ..Descriptions::default()
    };
    let entries = match root.get("e") {
        Some(entries) => array(&invalid, entries, "e")?,
        None => return Err(invalid("the top level", "no `e` (the entries)".into())),
    };
    // `{@link ns.RawFooRequest}` is the function `ns.foo` unless the file
    // has no such function but a constructor `ns.fooRequest`.
    let mut names = HashSet::new();
    for entry in entries {
        let kind = entry.get("kind").and_then(Value::as_str);
        if let (Some(kind), Some(name)) = (kind, entry.get("name").and_then(Value::as_str)) {
            names.insert((kind == "method", name));
        }
    }
    let link = |name: &str| {
        let candidates = html::mtcute_candidates(name);
        let known = candidates.iter().find(|target| match target {
            LinkTarget::Constructor(name) => names.contains(&(false, name.as_str())),
            LinkTarget::Function(name) => names.contains(&(true, name.as_str())),
            LinkTarget::Type(_) | LinkTarget::External(_) => false,
        });
        known.or(candidates.first()).cloned()
    };
    let reader = Reader {
        invalid: &invalid,
        link: &link,
    };
    for (i, entry) in entries.iter().enumerate() {
        reader.entry(entry, &format!("e[{i}]"), &mut out)?;
    }
    if let Some(types) = root.get("u") {
        for (name, comment) in reader.object(types, "u")? {
            let place = format!("u.{name}");
            let page = format!("{REFERENCE}/type/{name}");
            let comment = reader.string(comment, &place)?;
            if let Some(text) = reader.html(comment, &page) {
                out.types.entry(name.clone()).or_insert(text);
            }
        }
    }
    Ok(out)
}

struct Reader<'a> {
    invalid: &'a dyn Fn(&str, String) -> Error,
    link: &'a dyn Fn(&str) -> Option<LinkTarget>,
}

impl Reader<'_> {
    fn html(&self, html: &str, page: &str) -> Option<Text> {
        html::to_text(html, Some(page), self.link)
    }

    fn entry(&self, entry: &Value, place: &str, out: &mut Descriptions) -> Result<(), Error> {
        let fields = self.object(entry, place)?;
        let name = self.required_string(fields, place, "name")?;
        let kind = self.required_string(fields, place, "kind")?;
        let (page, is_function) = match kind {
            "class" => (format!("{REFERENCE}/constructor/{name}"), false),
            "method" => (format!("{REFERENCE}/method/{name}"), true),
            other => {
                return Err((self.invalid)(
                    &format!("{place}.kind"),
                    format!("`{other}` is neither `class` nor `method`"),
                ));
            }
        };
        let html = |field: &str, fields: &Map<String, Value>, place: &str| {
            self.optional_string(fields, place, field)
                .map(|comment| comment.and_then(|c| self.html(c, &page)))
        };
        let mut text = DefinitionText {
            description: html("comment", fields, place)?,
            params: Vec::new(),
        };
        if let Some(arguments) = fields.get("arguments") {
            let place = format!("{place}.arguments");
            for (i, argument) in self.array(arguments, &place)?.iter().enumerate() {
                let place = format!("{place}[{i}]");
                let argument = self.object(argument, &place)?;
                let param = self.required_string(argument, &place, "name")?;
                if let Some(comment) = html("comment", argument, &place)? {
                    if text.param(param).is_none() {
                        text.params.push((param.to_owned(), comment));
                    }
                }
            }
        }
        if let Some(throws) = fields.get("throws") {
            let place = format!("{place}.throws");
            for (i, error) in self.array(throws, &place)?.iter().enumerate() {
                let place = format!("{place}[{i}]");
                let error = self.object(error, &place)?;
                let name = self
                    .required_string(error, &place, "name")?
                    .replace("%d", "X");
                if let Some(comment) = html("comment", error, &place)? {
                    out.errors.entry(name).or_insert(comment);
                }
            }
        }
        if text.description.is_some() || !text.params.is_empty() {
            let map = if is_function {
                &mut out.functions
            } else {
                &mut out.constructors
            };
            map.entry(name.to_owned()).or_insert(text);
        }
        Ok(())
    }

    fn object<'v>(&self, value: &'v Value, place: &str) -> Result<&'v Map<String, Value>, Error> {
        object(self.invalid, value, place)
    }

    fn array<'v>(&self, value: &'v Value, place: &str) -> Result<&'v [Value], Error> {
        array(self.invalid, value, place)
    }

    fn string<'v>(&self, value: &'v Value, place: &str) -> Result<&'v str, Error> {
        value.as_str().ok_or_else(|| {
            (self.invalid)(place, format!("expected a string, found {}", kind(value)))
        })
    }

    fn required_string<'v>(
        &self,
        fields: &'v Map<String, Value>,
        place: &str,
        field: &str,
    ) -> Result<&'v str, Error> {
        match fields.get(field) {
            Some(value) => self.string(value, &format!("{place}.{field}")),
            None => Err((self.invalid)(place, format!("no `{field}`"))),
        }
    }

    /// A field that may be missing or `null`.
    fn optional_string<'v>(
        &self,
        fields: &'v Map<String, Value>,
        place: &str,
        field: &str,
    ) -> Result<Option<&'v str>, Error> {
        match fields.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => self.string(value, &format!("{place}.{field}")).map(Some),
        }
    }
}

type Invalid<'a> = &'a dyn Fn(&str, String) -> Error;

fn object<'v>(
    invalid: Invalid<'_>,
    value: &'v Value,
    place: &str,
) -> Result<&'v Map<String, Value>, Error> {
    value
        .as_object()
        .ok_or_else(|| invalid(place, format!("expected an object, found {}", kind(value))))
}

fn array<'v>(invalid: Invalid<'_>, value: &'v Value, place: &str) -> Result<&'v [Value], Error> {
    value
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| invalid(place, format!("expected an array, found {}", kind(value))))
}

/// What a JSON value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
