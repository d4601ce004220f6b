//! The JSON form of a diff, for tools:
//!
//! ```text
//! {"definitions": [{"status", "category", "name", "old", "new", "rust_item",
//!                   "changes": [CHANGE...]}...],
//!  "types": [{"status", "name", "rust_item", "changes": [CHANGE...]}...],
//!  "summary": {"added", "removed", "changed", "rust_renamed", "types",
//!              "wire_incompatible", "source_breaking"}}
//! CHANGE = {"kind": "field_added", ...its fields..., "description",
//!           "wire": {"old_reads_new", "new_reads_old", "compatible"},
//!           "source", "rust_item"}
//! ```

use super::Summary;
use serde_json::{Map, Value, json};
use tl_codegen::diff::{Change, ChangeKind, SchemaDiff};
use tl_parser::Category;

/// The whole diff as pretty-printed JSON, with a final newline.
pub(super) fn render(diff: &SchemaDiff) -> String {
    let summary = Summary::of(diff);
    let value = json!({
        "definitions": diff.definitions.iter().map(|d| json!({
            "status": d.status.as_str(),
            "category": match d.category {
                Category::Type => "constructor",
                Category::Function => "function",
            },
            "name": d.name,
            "old": d.old_text,
            "new": d.new_text,
            "rust_item": d.rust_item,
            "changes": d.changes.iter().map(change).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "types": diff.types.iter().map(|t| json!({
            "status": t.status.as_str(),
            "name": t.name,
            "rust_item": t.rust_item,
            "changes": t.changes.iter().map(change).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "summary": {
            "added": summary.added,
            "removed": summary.removed,
            "changed": summary.changed,
            "rust_renamed": summary.rust_renamed,
            "types": summary.types,
            "wire_incompatible": summary.wire_incompatible,
            "source_breaking": summary.source_breaking,
        },
    });
    serde_json::to_string_pretty(&value).expect("JSON values print") + "\n"
}

fn change(change: &Change) -> Value {
    let (kind, fields) = kind(&change.kind);
    let mut object = Map::new();
    object.insert("kind".into(), kind.into());
    for (name, value) in fields {
        object.insert(name.into(), value);
    }
    object.insert("description".into(), change.kind.to_string().into());
    object.insert(
        "wire".into(),
        json!({
            "old_reads_new": change.wire.old_reads_new.as_str(),
            "new_reads_old": change.wire.new_reads_old.as_str(),
            "compatible": change.wire.is_compatible(),
        }),
    );
    object.insert("source".into(), change.source.as_str().into());
    object.insert("rust_item".into(), json!(change.rust_item));
    Value::Object(object)
}

/// The kind's name and its fields.
fn kind(kind: &ChangeKind) -> (&'static str, Vec<(&'static str, Value)>) {
    let pair = |a: &str, b: &str| vec![("old", json!(a)), ("new", json!(b))];
    match kind {
        ChangeKind::Added => ("added", vec![]),
        ChangeKind::Removed => ("removed", vec![]),
        ChangeKind::Renamed { old } => ("renamed", vec![("old", json!(old))]),
        ChangeKind::IdChanged { old, new } => (
            "id_changed",
            pair(&format!("{old:08x}"), &format!("{new:08x}")),
        ),
        ChangeKind::ResultChanged { old, new } => ("result_changed", pair(old, new)),
        ChangeKind::GenericsChanged { old, new } => ("generics_changed", pair(old, new)),
        ChangeKind::FieldAdded { param } => ("field_added", vec![("param", json!(param))]),
        ChangeKind::FieldRemoved { param } => ("field_removed", vec![("param", json!(param))]),
        ChangeKind::FieldRenamed { old, new } => ("field_renamed", pair(old, new)),
        ChangeKind::FieldTypeChanged { field, old, new } => {
            let mut fields = vec![("field", json!(field))];
            fields.extend(pair(old, new));
            ("field_type_changed", fields)
        }
        ChangeKind::BecameConditional { field, flag } => (
            "became_conditional",
            vec![("field", json!(field)), ("flag", json!(flag))],
        ),
        ChangeKind::BecameRequired { field, flag } => (
            "became_required",
            vec![("field", json!(field)), ("flag", json!(flag))],
        ),
        ChangeKind::FlagMoved { field, old, new } => {
            let mut fields = vec![("field", json!(field))];
            fields.extend(pair(old, new));
            ("flag_moved", fields)
        }
        ChangeKind::MaskRenamed { old, new } => ("mask_renamed", pair(old, new)),
        ChangeKind::FieldsReordered => ("fields_reordered", vec![]),
        ChangeKind::RustRenamed { old, new } => ("rust_renamed", pair(old, new)),
        ChangeKind::AccessorChanged { accessor } => {
            ("accessor_changed", vec![("accessor", json!(accessor))])
        }
        ChangeKind::ConstructorAdded { constructor } => (
            "constructor_added",
            vec![("constructor", json!(constructor))],
        ),
        ChangeKind::ConstructorRemoved { constructor } => (
            "constructor_removed",
            vec![("constructor", json!(constructor))],
        ),
        ChangeKind::Rewritten => ("rewritten", vec![]),
    }
}
