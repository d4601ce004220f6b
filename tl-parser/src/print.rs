//! Printing the model back to canonical TL text.
//!
//! The canonical form has one definition per line, ids as 8 lowercase hex
//! digits, type arguments in angle brackets, one `//@tag text` line per doc
//! tag, a section separator wherever the category changes, and the layer as a
//! final `// LAYER N` comment. Parsing the printed text gives back an equal
//! model, so this is also the formatter behind `tl fmt`.

use crate::model::{Category, Definition, Doc, IdOrigin, Parameter, Schema, Type, TypeDoc};
use std::fmt::{self, Display, Write};

/// A type as written in a schema: `Vector<long>`, `%Message`, `!X`, `flags:#`'s `#`.
pub fn type_text(ty: &Type) -> String {
    let mut out = String::new();
    write_type(&mut out, ty);
    out
}

fn write_type(out: &mut String, ty: &Type) {
    if ty.generic_ref {
        out.push('!');
    }
    if ty.is_percent_bare() {
        out.push('%');
    }
    out.push_str(&ty.full_name());
    if !ty.args.is_empty() {
        out.push('<');
        for (i, arg) in ty.args.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_type(out, arg);
        }
        out.push('>');
    }
}

/// A parameter as written in a schema: `next_type:flags.1?auth.CodeType`.
pub fn param_text(param: &Parameter) -> String {
    let mut out = format!("{}:", param.name);
    if let Some(flag) = &param.flag {
        let _ = write!(out, "{}.{}?", flag.field, flag.bit);
    }
    write_type(&mut out, &param.ty);
    out
}

/// One definition on one line, without its doc comment:
/// `auth.sendCode#a677244f phone_number:string ... = auth.SentCode;`.
pub fn definition_text(definition: &Definition) -> String {
    let mut out = definition.full_name();
    if definition.id_origin == IdOrigin::Explicit {
        let _ = write!(out, "#{:08x}", definition.id);
    }
    for generic in &definition.generics {
        let _ = write!(out, " {{{}:{}}}", generic.name, type_text(&generic.kind));
    }
    if let Some(body) = &definition.builtin {
        out.push(' ');
        out.push_str(body);
    }
    for param in &definition.params {
        out.push(' ');
        out.push_str(&param_text(param));
    }
    out.push_str(" = ");
    write_type(&mut out, &definition.result);
    out.push(';');
    out
}

/// A type's doc on one line, as TDLib writes it: `//@class Name @description ...`.
/// On one line, a second `@description` stays in the type's doc.
fn write_type_doc(out: &mut String, type_doc: &TypeDoc) {
    let _ = write!(out, "//@class {}", type_doc.name);
    for tag in &type_doc.doc.tags {
        let _ = write!(out, " @{} {}", tag.name, tag.text);
    }
    out.push('\n');
}

fn write_doc(out: &mut String, doc: &Doc) {
    for tag in &doc.tags {
        let _ = writeln!(out, "//@{} {}", tag.name, tag.text);
    }
}

/// The whole schema as canonical TL text.
pub fn schema_text(schema: &Schema) -> String {
    let mut out = String::new();
    let mut category = Category::Type;
    let mut pending_type_docs: Vec<_> = schema.type_docs.iter().collect();
    for definition in &schema.definitions {
        if definition.category != category {
            category = definition.category;
            out.push_str(match category {
                Category::Type => "\n---types---\n\n",
                Category::Function => "\n---functions---\n\n",
            });
        }
        let result = definition.result.full_name();
        if category == Category::Type {
            // Type docs keep their order: the one for this type, and every
            // one written before it.
            if let Some(last) = pending_type_docs.iter().rposition(|d| d.name == result) {
                for type_doc in pending_type_docs.drain(..=last) {
                    write_type_doc(&mut out, type_doc);
                    out.push('\n');
                }
            }
        }
        if let Some(doc) = &definition.doc {
            write_doc(&mut out, doc);
        }
        out.push_str(&definition_text(definition));
        out.push('\n');
    }
    for type_doc in pending_type_docs {
        out.push('\n');
        write_type_doc(&mut out, type_doc);
    }
    if let Some(layer) = schema.layer {
        let _ = writeln!(out, "\n// LAYER {layer}");
    }
    out
}

impl Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&schema_text(self))
    }
}

impl Display for Definition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&definition_text(self))
    }
}

impl Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&type_text(self))
    }
}
