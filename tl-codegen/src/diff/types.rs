//! Boxed types: which appeared or disappeared, which gained or lost
//! constructors, and what their enums lost (variants renamed, accessors).
//!
//! A type has no bytes of its own: the wire classes of a type that appears
//! or disappears are its constructors', reported with them; a constructor
//! gained or lost is classified here as its definition is.

use super::matching::Pair;
use super::rust_items::{RustEnum, RustItems};
use super::{Change, ChangeKind, Source, Status, TypeDiff, Wire, wire};
use std::collections::HashMap;
use tl_parser::{Category, Definition};

/// Constructors, by the type they build, in order of first appearance.
#[derive(Default)]
struct ByType {
    order: Vec<String>,
    constructors: HashMap<String, Vec<String>>,
}

impl ByType {
    fn add(&mut self, ty: String, constructor: String) {
        if !self.constructors.contains_key(&ty) {
            self.order.push(ty.clone());
        }
        self.constructors.entry(ty).or_default().push(constructor);
    }
}

fn is_constructor(d: &Definition) -> bool {
    d.category == Category::Type && !d.is_builtin()
}

/// The type changes that the paired definitions add up to.
pub(super) fn compare(pairs: &[Pair<'_>], old: &RustItems, new: &RustItems) -> Vec<TypeDiff> {
    let mut old_types = ByType::default();
    let mut new_types = ByType::default();
    let mut gained = ByType::default();
    let mut lost = ByType::default();
    // Constructors on both sides with the same result type: old and new name.
    let mut kept: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for pair in pairs {
        match *pair {
            Pair::Removed(d) if is_constructor(d) => {
                old_types.add(d.result.full_name(), d.full_name());
                lost.add(d.result.full_name(), d.full_name());
            }
            Pair::Added(d) if is_constructor(d) => {
                new_types.add(d.result.full_name(), d.full_name());
                gained.add(d.result.full_name(), d.full_name());
            }
            Pair::Both(o, n) if is_constructor(o) && is_constructor(n) => {
                let (from, to) = (o.result.full_name(), n.result.full_name());
                old_types.add(from.clone(), o.full_name());
                new_types.add(to.clone(), n.full_name());
                if from == to {
                    kept.entry(to)
                        .or_default()
                        .push((o.full_name(), n.full_name()));
                } else {
                    lost.add(from, o.full_name());
                    gained.add(to, n.full_name());
                }
            }
            _ => {}
        }
    }
    let mut diffs = Vec::new();
    for name in &old_types.order {
        if !new_types.constructors.contains_key(name) {
            let rust = old.enumeration(name);
            diffs.push(TypeDiff {
                status: Status::Removed,
                name: name.clone(),
                rust_item: rust.map(|e| e.path.clone()),
                changes: vec![Change {
                    kind: ChangeKind::Removed,
                    wire: Wire::COMPATIBLE,
                    source: if rust.is_some() || !old.planned {
                        Source::Breaking
                    } else {
                        Source::Compatible
                    },
                    rust_item: rust.map(|e| e.path.clone()),
                }],
            });
        }
    }
    for name in &new_types.order {
        let rust_new = new.enumeration(name);
        if !old_types.constructors.contains_key(name) {
            diffs.push(TypeDiff {
                status: Status::Added,
                name: name.clone(),
                rust_item: rust_new.map(|e| e.path.clone()),
                changes: vec![Change {
                    kind: ChangeKind::Added,
                    wire: Wire::COMPATIBLE,
                    source: Source::Compatible,
                    rust_item: rust_new.map(|e| e.path.clone()),
                }],
            });
            continue;
        }
        let rust_old = old.enumeration(name);
        let planned = old.planned && new.planned;
        let mut changes = Vec::new();
        let variant = |e: Option<&RustEnum>, constructor: &str| {
            e.map(|e| match e.variants.get(constructor) {
                Some(v) => format!("{}::{v}", e.path),
                None => e.path.clone(),
            })
        };
        for constructor in gained.constructors.get(name).into_iter().flatten() {
            changes.push(Change {
                kind: ChangeKind::ConstructorAdded {
                    constructor: constructor.clone(),
                },
                wire: wire::definition_added(),
                source: Source::BreaksExhaustiveMatches,
                rust_item: variant(rust_new, constructor),
            });
        }
        for constructor in lost.constructors.get(name).into_iter().flatten() {
            changes.push(Change {
                kind: ChangeKind::ConstructorRemoved {
                    constructor: constructor.clone(),
                },
                wire: wire::definition_removed(),
                source: Source::Breaking,
                rust_item: variant(rust_old, constructor),
            });
        }
        let tl_changed = !changes.is_empty();
        if let (true, Some(a), Some(b)) = (planned, rust_old, rust_new) {
            changes.extend(rust_changes(
                a,
                b,
                kept.get(name).map_or(&[], Vec::as_slice),
            ));
        }
        if !changes.is_empty() {
            diffs.push(TypeDiff {
                status: if tl_changed {
                    Status::Changed
                } else {
                    Status::RustRenamed
                },
                name: name.clone(),
                rust_item: rust_new.map(|e| e.path.clone()),
                changes,
            });
        }
    }
    diffs
}

/// What the enum of a type kept on both sides lost in Rust: its name, the
/// names of variants of constructors it kept, accessors.
fn rust_changes(old: &RustEnum, new: &RustEnum, kept: &[(String, String)]) -> Vec<Change> {
    let renamed = |old_name: String, new_name: String, item: String| Change {
        kind: ChangeKind::RustRenamed {
            old: old_name,
            new: new_name,
        },
        wire: Wire::COMPATIBLE,
        source: Source::Breaking,
        rust_item: Some(item),
    };
    let mut changes = Vec::new();
    if old.path != new.path {
        changes.push(renamed(
            old.path.clone(),
            new.path.clone(),
            new.path.clone(),
        ));
    }
    for (old_constructor, new_constructor) in kept {
        if let (Some(a), Some(b)) = (
            old.variants.get(old_constructor),
            new.variants.get(new_constructor),
        ) {
            if a != b {
                let path = |e: &RustEnum, v: &str| format!("{}::{v}", e.path);
                changes.push(renamed(path(old, a), path(new, b), path(new, b)));
            }
        }
    }
    let mut accessors: Vec<&String> = old.accessors.keys().collect();
    accessors.sort();
    for accessor in accessors {
        if new.accessors.get(accessor) != old.accessors.get(accessor) {
            changes.push(Change {
                kind: ChangeKind::AccessorChanged {
                    accessor: accessor.clone(),
                },
                wire: Wire::COMPATIBLE,
                source: Source::Breaking,
                rust_item: Some(format!("{}::{accessor}", old.path)),
            });
        }
    }
    changes
}
