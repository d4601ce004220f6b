//! The checker: a pass over parsed schemas that finds what the grammar cannot.
//!
//! Errors: undefined types, duplicate names or ids, flag references to a field
//! that is missing, later, or not `#`, bits out of range, `!X` without
//! `{X:Type}`, repeated field names. Warnings: an explicit id that differs
//! from the computed one (the explicit id still wins on the wire), a
//! definition without an id in a file that otherwise writes them, `true`
//! outside a flag.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Category, Definition, IdOrigin, IdRule, Parameter, Schema, Span, Type};
use std::collections::{HashMap, HashSet};

/// Types every TL schema may use without declaring them. `Object` is any
/// serialised object, as MTProto's `rpc_result.result` is.
const PRELUDE: &[&str] = &[
    "#", "Type", "int", "long", "double", "string", "bytes", "int128", "int256", "true", "vector",
    "Vector", "Object",
];

/// The highest bit number a `#` mask has.
pub const MAX_FLAG_BIT: u32 = 31;

/// Checks schemas that are meant to be used together (such as `api.tl` and
/// `mtproto.tl`) and returns every finding, in source order. Each finding's
/// [`Diagnostic::source`] is the index of its schema in `schemas`.
pub fn check(schemas: &[&Schema]) -> Vec<Diagnostic> {
    let known = KnownTypes::collect(schemas);
    let mut findings = Vec::new();
    for (source, schema) in schemas.iter().enumerate() {
        let mut local = Vec::new();
        let ids = IdCounts::of(schema);
        for definition in &schema.definitions {
            check_definition(definition, &known, &ids, &mut local);
        }
        findings.extend(local.into_iter().map(|d| d.in_source(source)));
    }
    findings.extend(check_duplicates(schemas));
    findings.sort_by_key(|d| (d.source, d.span.start));
    findings
}

/// How a schema's ids came about: the rule, and how many of its real
/// definitions write their id.
struct IdCounts {
    rule: IdRule,
    written: usize,
    total: usize,
}

impl IdCounts {
    fn of(schema: &Schema) -> IdCounts {
        let real = schema.definitions.iter().filter(|d| !d.is_builtin());
        IdCounts {
            rule: schema.id_rule,
            written: real
                .clone()
                .filter(|d| d.id_origin == IdOrigin::Explicit)
                .count(),
            total: real.count(),
        }
    }
}

/// The names a type reference may resolve to.
struct KnownTypes {
    /// Boxed type names (`auth.SentCode`, `Int`).
    boxed: HashSet<String>,
    /// Constructor names usable as bare types (`message`, `int`).
    bare: HashSet<String>,
}

impl KnownTypes {
    fn collect(schemas: &[&Schema]) -> KnownTypes {
        let mut known = KnownTypes {
            boxed: HashSet::new(),
            bare: HashSet::new(),
        };
        for name in PRELUDE {
            known.bare.insert((*name).to_owned());
            known.boxed.insert((*name).to_owned());
        }
        for definition in schemas.iter().flat_map(|s| &s.definitions) {
            if definition.category == Category::Type {
                known.boxed.insert(definition.result.full_name());
                known.bare.insert(definition.full_name());
            }
        }
        known
    }

    fn contains(&self, ty: &Type) -> bool {
        let name = ty.full_name();
        if crate::model::starts_lowercase(&ty.name) {
            self.bare.contains(&name)
        } else {
            self.boxed.contains(&name)
        }
    }
}

fn name_span(definition: &Definition) -> Span {
    Span {
        end: definition.span.start + definition.full_name().len(),
        ..definition.span
    }
}

fn check_definition(
    definition: &Definition,
    known: &KnownTypes,
    ids: &IdCounts,
    out: &mut Vec<Diagnostic>,
) {
    let generics: HashSet<&str> = definition
        .generics
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    let name = definition.full_name();

    if !definition.is_builtin() {
        match definition.id_origin {
            IdOrigin::Explicit => {
                let computed = definition.computed_id(ids.rule);
                if computed != definition.id {
                    out.push(
                        Diagnostic::new(
                            Severity::Warning,
                            format!(
                                "explicit id {:08x} of `{name}` differs from the computed id {computed:08x}",
                                definition.id
                            ),
                            name_span(definition),
                        )
                        .with_note("the explicit id is the one used on the wire")
                        .with_note(format!(
                            "the id is computed by {} from `{}`",
                            ids.rule.in_words(),
                            crate::id::normalised_text(definition, ids.rule)
                        )),
                    );
                }
            }
            // In a file that writes its ids, as Telegram's do, one left out
            // is likely a slip; in one whose ids are computed, as TON's and
            // TDLib's are, it is the norm.
            IdOrigin::Computed if ids.rule == IdRule::Telegram && ids.written > 0 => out.push(
                Diagnostic::new(
                    Severity::Warning,
                    format!(
                        "`{name}` has no explicit id; it gets the computed id {:08x}",
                        definition.id
                    ),
                    name_span(definition),
                )
                .with_note(format!(
                    "{} of the {} definitions in this file write their id",
                    ids.written, ids.total
                )),
            ),
            IdOrigin::Computed => {}
        }
    }

    let mut seen: HashMap<&str, &Parameter> = HashMap::new();
    for (index, param) in definition.params.iter().enumerate() {
        if seen.insert(param.name.as_str(), param).is_some() {
            out.push(Diagnostic::new(
                Severity::Error,
                format!("field `{}` appears twice in `{name}`", param.name),
                param.span,
            ));
        }
        if let Some(flag) = &param.flag {
            check_flag(definition, index, param, flag, out);
        } else if param.ty.is_true() {
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    format!("field `{}` has type `true` but no flag", param.name),
                    param.span,
                )
                .with_note("`true` takes no bytes, so such a field carries no information"),
            );
        }
        check_type(&param.ty, &generics, known, param.span, out);
    }
    if definition.result.generic_ref {
        out.push(Diagnostic::new(
            Severity::Error,
            "a result type cannot be a `!` reference",
            name_span(definition),
        ));
    }
    if !definition.is_builtin() {
        check_type(
            &definition.result,
            &generics,
            known,
            name_span(definition),
            out,
        );
    }
}

fn check_flag(
    definition: &Definition,
    index: usize,
    param: &Parameter,
    flag: &crate::model::FlagRef,
    out: &mut Vec<Diagnostic>,
) {
    let mask = definition.params[..index]
        .iter()
        .find(|p| p.name == flag.field);
    match mask {
        Some(mask) if !mask.is_mask() => out.push(Diagnostic::new(
            Severity::Error,
            format!(
                "field `{}` depends on `{}`, which is not a `#` mask field",
                param.name, flag.field
            ),
            param.span,
        )),
        Some(_) => {}
        None => {
            let later = definition.params[index..]
                .iter()
                .any(|p| p.name == flag.field);
            let message = if later {
                format!(
                    "field `{}` depends on `{}`, which comes after it",
                    param.name, flag.field
                )
            } else {
                format!(
                    "field `{}` depends on `{}`, which is not a field of `{}`",
                    param.name,
                    flag.field,
                    definition.full_name()
                )
            };
            out.push(Diagnostic::new(Severity::Error, message, param.span));
        }
    }
    if flag.bit > MAX_FLAG_BIT {
        out.push(Diagnostic::new(
            Severity::Error,
            format!(
                "bit {} of `{}` is out of range: a mask has bits 0 to {MAX_FLAG_BIT}",
                flag.bit, flag.field
            ),
            param.span,
        ));
    }
}

fn check_type(
    ty: &Type,
    generics: &HashSet<&str>,
    known: &KnownTypes,
    span: Span,
    out: &mut Vec<Diagnostic>,
) {
    let is_generic = ty.namespace.is_empty() && generics.contains(ty.name.as_str());
    if ty.generic_ref && !is_generic {
        out.push(
            Diagnostic::new(
                Severity::Error,
                format!("`!{}` refers to no type parameter", ty.full_name()),
                span,
            )
            .with_note(format!("declare it with `{{{}:Type}}`", ty.full_name())),
        );
    } else if !is_generic && !known.contains(ty) {
        out.push(Diagnostic::new(
            Severity::Error,
            format!("undefined type `{}`", ty.full_name()),
            span,
        ));
    }
    for arg in &ty.args {
        check_type(arg, generics, known, span, out);
    }
}

/// Two definitions with the same name in the same category, or two real
/// definitions with the same id.
fn check_duplicates(schemas: &[&Schema]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut names: HashMap<(Category, String), (usize, &Definition)> = HashMap::new();
    let mut ids: HashMap<u32, (usize, &Definition)> = HashMap::new();
    for (source, schema) in schemas.iter().enumerate() {
        for definition in &schema.definitions {
            let key = (definition.category, definition.full_name());
            if let Some((first_source, first)) = names.get(&key) {
                if is_repeated_builtin(first, definition) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        Severity::Error,
                        format!("`{}` is defined twice", key.1),
                        name_span(definition),
                    )
                    .in_source(source)
                    .with_note(first_place(
                        schemas.len(),
                        *first_source,
                        first,
                    )),
                );
            } else {
                names.insert(key, (source, definition));
            }
            if definition.is_builtin() {
                continue;
            }
            if let Some((first_source, first)) = ids.get(&definition.id) {
                out.push(
                    Diagnostic::new(
                        Severity::Error,
                        format!(
                            "`{}` has the id {:08x}, which `{}` already has",
                            definition.full_name(),
                            definition.id,
                            first.full_name()
                        ),
                        name_span(definition),
                    )
                    .in_source(source)
                    .with_note(first_place(
                        schemas.len(),
                        *first_source,
                        first,
                    )),
                );
            } else {
                ids.insert(definition.id, (source, definition));
            }
        }
    }
    out
}

/// The same built-in declared in two files (`vector` in both `api.tl` and
/// `mtproto.tl`): one declaration, not a conflict.
fn is_repeated_builtin(first: &Definition, again: &Definition) -> bool {
    first.is_builtin()
        && again.is_builtin()
        && first.id == again.id
        && crate::id::normalised_text(first, IdRule::Telegram)
            == crate::id::normalised_text(again, IdRule::Telegram)
}

fn first_place(sources: usize, source: usize, first: &Definition) -> String {
    if sources > 1 {
        format!(
            "first defined in source {} at line {}",
            source + 1,
            first.span.line
        )
    } else {
        format!("first defined at line {}", first.span.line)
    }
}
