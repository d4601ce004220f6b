//! One definition on both sides: what changed in it, field by field, with
//! each change's wire and source classes.

use super::matching::Pair;
use super::rust_items::{Holding, RustField, RustItems, RustStruct};
use super::{Change, ChangeKind, DefinitionDiff, Source, Status, Wire, wire};
use tl_parser::print::{definition_text, param_text, type_text};
use tl_parser::{Definition, FlagRef, Parameter};

/// What one pair of definitions adds up to, or `None` if nothing differs.
pub(super) fn definition(
    pair: &Pair<'_>,
    old_items: &RustItems,
    new_items: &RustItems,
) -> Option<DefinitionDiff> {
    match *pair {
        Pair::Added(d) => {
            let rust = new_items.item(d.category, &d.full_name());
            Some(DefinitionDiff {
                status: Status::Added,
                category: d.category,
                name: d.full_name(),
                old_text: None,
                new_text: Some(definition_text(d)),
                rust_item: rust.map(|r| r.path.clone()),
                changes: vec![Change {
                    kind: ChangeKind::Added,
                    wire: wire::definition_added(),
                    source: Source::Compatible,
                    rust_item: rust.map(|r| r.path.clone()),
                }],
            })
        }
        Pair::Removed(d) => {
            let rust = old_items.item(d.category, &d.full_name());
            // Unplanned, judge by the text: only a built-in has no struct.
            let named = rust.is_some() || (!old_items.planned && !d.is_builtin());
            Some(DefinitionDiff {
                status: Status::Removed,
                category: d.category,
                name: d.full_name(),
                old_text: Some(definition_text(d)),
                new_text: None,
                rust_item: rust.map(|r| r.path.clone()),
                changes: vec![Change {
                    kind: ChangeKind::Removed,
                    wire: wire::definition_removed(),
                    source: if named {
                        Source::Breaking
                    } else {
                        Source::Compatible
                    },
                    rust_item: rust.map(|r| r.path.clone()),
                }],
            })
        }
        Pair::Both(old, new) => both(old, new, old_items, new_items),
    }
}

/// The Rust side of a definition on both sides, where both were planned.
struct RustPair<'a> {
    old: Option<&'a RustStruct>,
    new: Option<&'a RustStruct>,
    /// Whether both sides were planned, so that the source classes come
    /// from the plan rather than from the text.
    planned: bool,
}

impl RustPair<'_> {
    fn old_field(&self, name: &str) -> Option<&RustField> {
        self.old.and_then(|s| s.fields.get(name))
    }

    fn new_field(&self, name: &str) -> Option<&RustField> {
        self.new.and_then(|s| s.fields.get(name))
    }

    /// The plan's answer where both sides were planned, else the text's.
    fn judge(&self, by_plan: impl FnOnce() -> Source, by_text: Source) -> Source {
        if self.planned { by_plan() } else { by_text }
    }

    /// The item a field change affects: the field's member, else the struct.
    fn item_of(&self, field: Option<&RustField>, old_side: bool) -> Option<String> {
        let item = if old_side { self.old } else { self.new };
        field
            .and_then(|f| f.member_path.clone())
            .or_else(|| item.map(|s| s.path.clone()))
    }
}

fn both(
    old: &Definition,
    new: &Definition,
    old_items: &RustItems,
    new_items: &RustItems,
) -> Option<DefinitionDiff> {
    let rust = RustPair {
        old: old_items.item(old.category, &old.full_name()),
        new: new_items.item(new.category, &new.full_name()),
        planned: old_items.planned && new_items.planned,
    };
    let struct_path = rust.new.or(rust.old).map(|s| s.path.clone());
    let renamed_rust = match (rust.old, rust.new) {
        (Some(a), Some(b)) if a.path != b.path => Some((a.path.clone(), b.path.clone())),
        _ => None,
    };
    let mut changes = Vec::new();
    let mut push = |kind, wire, source| {
        changes.push(Change {
            kind,
            wire,
            source,
            rust_item: struct_path.clone(),
        })
    };
    let (old_name, new_name) = (old.full_name(), new.full_name());
    if old_name != new_name {
        let source = rust.judge(
            || match renamed_rust {
                Some(_) => Source::Breaking,
                None => Source::Compatible,
            },
            Source::Breaking,
        );
        push(
            ChangeKind::Renamed { old: old_name },
            wire::renamed(),
            source,
        );
    } else if let Some((old_path, new_path)) = &renamed_rust {
        push(
            ChangeKind::RustRenamed {
                old: old_path.clone(),
                new: new_path.clone(),
            },
            Wire::COMPATIBLE,
            Source::Breaking,
        );
    }
    if old.id != new.id {
        push(
            ChangeKind::IdChanged {
                old: old.id,
                new: new.id,
            },
            wire::id_changed(),
            Source::Compatible,
        );
    }
    let generics = |d: &Definition| {
        d.generics
            .iter()
            .map(|g| format!("{{{}:{}}}", g.name, type_text(&g.kind)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if generics(old) != generics(new) {
        push(
            ChangeKind::GenericsChanged {
                old: generics(old),
                new: generics(new),
            },
            wire::generics_changed(),
            Source::Breaking,
        );
    }
    let (old_result, new_result) = (type_text(&old.result), type_text(&new.result));
    if old_result != new_result {
        push(
            ChangeKind::ResultChanged {
                old: old_result,
                new: new_result,
            },
            wire::result_changed(),
            Source::Breaking,
        );
    }
    changes.extend(fields(old, new, &rust));
    let (old_text, new_text) = (definition_text(old), definition_text(new));
    let text_differs = old_text != new_text;
    let tl_changed = text_differs || old.id != new.id;
    if tl_changed && changes.is_empty() {
        changes.push(Change {
            kind: ChangeKind::Rewritten,
            wire: Wire::COMPATIBLE,
            source: Source::Compatible,
            rust_item: struct_path.clone(),
        });
    }
    if changes.is_empty() {
        return None;
    }
    Some(DefinitionDiff {
        status: if tl_changed {
            Status::Changed
        } else {
            Status::RustRenamed
        },
        category: new.category,
        name: new_name,
        old_text: Some(old_text),
        new_text: Some(new_text),
        rust_item: struct_path,
        changes,
    })
}

/// The fields of two versions of a definition, matched.
struct FieldMatch<'a> {
    /// Matched fields: old, new, and how they were matched.
    pairs: Vec<(&'a Parameter, &'a Parameter, Matched)>,
    /// Old fields with no partner.
    removed: Vec<&'a Parameter>,
    /// New fields with no partner, in order, with their index.
    added: Vec<(usize, &'a Parameter)>,
    /// Masks renamed: old name → new name.
    mask_renames: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Matched {
    ByName,
    RenamedMask,
    RenamedField,
}

impl FieldMatch<'_> {
    /// An old flag with the mask's new name, where the mask was renamed.
    fn renamed_flag(&self, flag: &FlagRef) -> FlagRef {
        let field = self
            .mask_renames
            .iter()
            .find(|(old, _)| old.as_str() == flag.field.as_str())
            .map_or(flag.field.clone(), |(_, new)| new.as_str().into());
        FlagRef {
            field,
            bit: flag.bit,
        }
    }
}

/// Matches fields by name, then masks left over on both sides in order,
/// then fields left over at the same place with the same type and flag,
/// where that crosses no pair matched before.
fn match_fields<'a>(old: &'a [Parameter], new: &'a [Parameter]) -> FieldMatch<'a> {
    let mut partner: Vec<Option<(usize, Matched)>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    for (j, param) in new.iter().enumerate() {
        if let Some(i) = (0..old.len()).find(|&i| !taken[i] && old[i].name == param.name) {
            taken[i] = true;
            partner[j] = Some((i, Matched::ByName));
        }
    }
    let mut mask_renames = Vec::new();
    let left_masks: Vec<usize> = (0..old.len())
        .filter(|&i| !taken[i] && old[i].is_mask())
        .collect();
    let mut old_masks = left_masks.into_iter();
    for j in 0..new.len() {
        if partner[j].is_none() && new[j].is_mask() {
            let Some(i) = old_masks.next() else { break };
            taken[i] = true;
            partner[j] = Some((i, Matched::RenamedMask));
            mask_renames.push((old[i].name.to_string(), new[j].name.to_string()));
        }
    }
    let mut matched = FieldMatch {
        pairs: Vec::new(),
        removed: Vec::new(),
        added: Vec::new(),
        mask_renames,
    };
    for j in 0..new.len().min(old.len()) {
        if partner[j].is_some() || taken[j] {
            continue;
        }
        let same_flag = match (&old[j].flag, &new[j].flag) {
            (Some(a), Some(b)) => matched.renamed_flag(a) == *b,
            (None, None) => true,
            _ => false,
        };
        // Fields matched by name stay on the same side of it: a rename
        // that would cross them is a removal and an addition.
        let in_order = partner
            .iter()
            .enumerate()
            .all(|(k, p)| p.is_none_or(|(i, _)| (i < j) == (k < j)));
        if same_flag && in_order && type_text(&old[j].ty) == type_text(&new[j].ty) {
            taken[j] = true;
            partner[j] = Some((j, Matched::RenamedField));
        }
    }
    for (j, param) in new.iter().enumerate() {
        match partner[j] {
            Some((i, how)) => matched.pairs.push((&old[i], param, how)),
            None => matched.added.push((j, param)),
        }
    }
    matched.removed = (0..old.len())
        .filter(|&i| !taken[i])
        .map(|i| &old[i])
        .collect();
    matched
}

fn flag_text(flag: &FlagRef) -> String {
    format!("{}.{}", flag.field, flag.bit)
}

/// The field changes of a definition kept on both sides, in the new order,
/// removed fields last.
fn fields(old: &Definition, new: &Definition, rust: &RustPair<'_>) -> Vec<Change> {
    let matched = match_fields(&old.params, &new.params);
    let mut changes = Vec::new();
    for (o, n, how) in &matched.pairs {
        let of = rust.old_field(&o.name);
        let nf = rust.new_field(&n.name);
        let item = rust.item_of(nf, false);
        let access_differs = of.map(|f| &f.access) != nf.map(|f| &f.access);
        let mut push = |kind, wire, source| {
            changes.push(Change {
                kind,
                wire,
                source,
                rust_item: item.clone(),
            })
        };
        let renamed_source = |by_text| rust.judge(|| breaking_if(access_differs), by_text);
        match how {
            Matched::RenamedMask => push(
                ChangeKind::MaskRenamed {
                    old: o.name.to_string(),
                    new: n.name.to_string(),
                },
                wire::renamed(),
                renamed_source(Source::Compatible),
            ),
            Matched::RenamedField => push(
                ChangeKind::FieldRenamed {
                    old: o.name.to_string(),
                    new: n.name.to_string(),
                },
                wire::renamed(),
                renamed_source(Source::Breaking),
            ),
            Matched::ByName => {
                if access_differs && rust.planned {
                    let name = |f: Option<&RustField>| {
                        f.and_then(|f| f.access.clone())
                            .unwrap_or_else(|| "(not stored)".to_owned())
                    };
                    push(
                        ChangeKind::RustRenamed {
                            old: name(of),
                            new: name(nf),
                        },
                        Wire::COMPATIBLE,
                        Source::Breaking,
                    );
                }
            }
        }
        let holding_differs = of.map(|f| f.holding) != nf.map(|f| f.holding);
        let old_flag = o.flag.as_ref().map(|f| matched.renamed_flag(f));
        match (&old_flag, &n.flag) {
            (None, Some(flag)) => push(
                ChangeKind::BecameConditional {
                    field: n.name.to_string(),
                    flag: flag_text(flag),
                },
                wire::became_conditional(),
                rust.judge(|| breaking_if(holding_differs), Source::Breaking),
            ),
            (Some(flag), None) => push(
                ChangeKind::BecameRequired {
                    field: n.name.to_string(),
                    flag: flag_text(flag),
                },
                wire::became_required(),
                rust.judge(|| breaking_if(holding_differs), Source::Breaking),
            ),
            (Some(a), Some(b)) if a != b => push(
                ChangeKind::FlagMoved {
                    field: n.name.to_string(),
                    old: flag_text(a),
                    new: flag_text(b),
                },
                wire::flag_moved(),
                rust.judge(|| breaking_if(holding_differs), Source::Compatible),
            ),
            _ => {}
        }
        let (old_ty, new_ty) = (type_text(&o.ty), type_text(&n.ty));
        if old_ty != new_ty {
            let ty_differs = of.map(|f| &f.ty) != nf.map(|f| &f.ty);
            push(
                ChangeKind::FieldTypeChanged {
                    field: n.name.to_string(),
                    old: old_ty,
                    new: new_ty,
                },
                wire::type_changed(o, n),
                rust.judge(|| breaking_if(ty_differs), Source::Breaking),
            );
        }
    }
    for &(_, param) in &matched.added {
        let field = rust.new_field(&param.name);
        changes.push(Change {
            kind: ChangeKind::FieldAdded {
                param: param_text(param),
            },
            wire: wire::field_added(param),
            source: rust.judge(|| added_source(field), added_source_by_text(param)),
            rust_item: rust.item_of(field, false),
        });
    }
    for &param in &matched.removed {
        let field = rust.old_field(&param.name);
        let stored = field.is_some_and(|f| f.access.is_some());
        changes.push(Change {
            kind: ChangeKind::FieldRemoved {
                param: param_text(param),
            },
            wire: wire::field_removed(param),
            source: rust.judge(|| breaking_if(stored), breaking_if(!param.is_mask())),
            rust_item: rust.item_of(field, true),
        });
    }
    // Fields on both sides, in the new order: is the old order the same?
    let old_place = |p: &Parameter| old.params.iter().position(|q| std::ptr::eq(p, q));
    let places: Vec<Option<usize>> = matched.pairs.iter().map(|(o, _, _)| old_place(o)).collect();
    if places.windows(2).any(|w| w[0] > w[1]) {
        let new_args_reordered = match (rust.old, rust.new) {
            (Some(a), Some(b)) => {
                let renamed = |name: &String| {
                    matched
                        .pairs
                        .iter()
                        .find(|(o, _, _)| o.name.as_str() == name)
                        .map(|(_, n, _)| n.name.to_string())
                };
                let old_args: Vec<String> = a
                    .new_args
                    .iter()
                    .filter_map(renamed)
                    .filter(|n| b.new_args.contains(n))
                    .collect();
                let new_args: Vec<&String> =
                    b.new_args.iter().filter(|n| old_args.contains(n)).collect();
                old_args.iter().ne(new_args.iter().copied())
            }
            _ => true,
        };
        changes.push(Change {
            kind: ChangeKind::FieldsReordered,
            wire: wire::reordered(),
            source: rust.judge(|| breaking_if(new_args_reordered), Source::Breaking),
            rust_item: rust.new.map(|s| s.path.clone()),
        });
    }
    changes
}

fn breaking_if(breaks: bool) -> Source {
    if breaks {
        Source::Breaking
    } else {
        Source::Compatible
    }
}

/// A field added to a planned struct: one `new` takes breaks every caller;
/// an optional one breaks only struct literals; one not stored breaks nothing.
fn added_source(field: Option<&RustField>) -> Source {
    match field {
        Some(f) if f.access.is_none() => Source::Compatible,
        Some(f) if f.holding == Holding::Required => Source::Breaking,
        Some(_) => Source::BreaksStructLiterals,
        None => Source::Compatible,
    }
}

/// [`added_source`] judged from the text alone.
fn added_source_by_text(param: &Parameter) -> Source {
    if param.is_mask() {
        Source::Compatible
    } else if param.flag.is_some() {
        Source::BreaksStructLiterals
    } else {
        Source::Breaking
    }
}
