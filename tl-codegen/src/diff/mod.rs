//! What changed between two versions of a schema (two Telegram layers, two
//! releases of TON's or TDLib's files), and what each change breaks: on the
//! wire, for peers on either side, and in Rust code written against the
//! bindings [`Config`](crate::Config) generates.
//!
//! ```
//! let old = tl_parser::parse("user#1 id:long = User;").unwrap();
//! let new = tl_parser::parse("user#2 flags:# id:long name:flags.0?string = User;").unwrap();
//! let diff = tl_codegen::diff::diff(&[old], &[new]);
//! let user = &diff.definitions[0];
//! assert_eq!(user.rust_item.as_deref(), Some("types::User"));
//! assert!(user.changes.iter().any(|c| !c.wire.is_compatible()));
//! ```
//!
//! Definitions are matched by their TL name (and category), then, among
//! those left over on both sides, by id: a definition whose name changed but
//! whose id did not is one definition renamed. Fields are matched by name,
//! then a `#` mask left over on both sides with another (a renamed mask),
//! then any field left over at the same place with the same type and flag (a
//! renamed field).
//!
//! # Wire classes
//!
//! Every [`Change`] says, for each direction, whether a peer still reads the
//! other's bytes ([`Wire`]): `old_reads_new` is an old peer reading what a
//! new one wrote, `new_reads_old` the reverse. A field's class is that of
//! its bytes alone; a changed constructor id, which Telegram's layers change
//! with almost every field, is a change of its own that breaks both
//! directions. Decoders drop mask bits they do not know (`docs/LIMITS.md`).
//!
//! | change | old reads new | new reads old |
//! | --- | --- | --- |
//! | constructor or function added (to a type) | while absent (not sent) | always |
//! | constructor or function removed | always | while absent |
//! | id changed, result type changed, type parameters changed, fields reordered | never | never |
//! | field added, always present (a value or a `#` mask) | never | never |
//! | field added, `flags.N?T` | while absent (bit clear) | always |
//! | field added, `flags.N?true` (no bytes) | always | always |
//! | field removed, `flags.N?T` | always | while absent (bit clear) |
//! | field removed otherwise | as when added | as when added |
//! | field or mask renamed (names are not on the wire) | always | always |
//! | type changed to one written alike (`int`/`int32`, `string`/`bytes`) | always | always |
//! | type changed otherwise, conditional on both sides | while absent | while absent |
//! | type changed otherwise (`int` → `long`; `Bool` → `flags.N?true`) | never | never |
//! | became conditional (`T` → `flags.N?T`) | while present | never |
//! | became required | never | while present |
//! | moved to another bit or mask | while absent | while absent |
//! | Rust names only | always | always |
//!
//! # Source classes
//!
//! [`Source`] says whether code written against the old generated types
//! still compiles against the new ones, judged from the generator's own plan
//! of both sides (struct paths, members, Rust types, enum variants), so the
//! item names are the ones `tl gen` emits. Adding an optional field (an
//! `Option`, a `bool` flag) is [`Source::BreaksStructLiterals`]: code in the
//! bindings' layer-proof style (`new` with the fields a value always has,
//! optional ones set by name, `..Default::default()`) compiles unchanged, and
//! only exhaustive struct literals and patterns break. Adding a constructor
//! to a type is [`Source::BreaksExhaustiveMatches`] (the enums are
//! exhaustive). Everything that removes, renames or retypes something that
//! code can name, or changes what `new` takes, is [`Source::Breaking`]. An
//! id change alone breaks no source. Not reported: the variants the dispatch
//! enums (`AnyValue`, `AnyCall`) gain with every new type and function.
//!
//! Where a side does not pass the checker (so it could not be generated),
//! its items are unnamed and the source classes are judged from the text.

mod compare;
mod matching;
mod rust_items;
mod types;
mod wire;

use std::fmt;
use tl_parser::{Category, Schema};

/// Compares two versions of a set of schema files (each side given as all of
/// its files, as to [`Config::generate`](crate::Config::generate)).
///
/// Works on any schema: the Rust item names come from the generator's plan
/// of each side; where a side cannot be generated (the checker finds an
/// error in it, such as a type no definition declares), its items are left
/// unnamed and source classes are judged from the TL text alone. Bad input
/// never panics.
pub fn diff(old: &[Schema], new: &[Schema]) -> SchemaDiff {
    let old_items = rust_items::RustItems::of(old);
    let new_items = rust_items::RustItems::of(new);
    let pairs = matching::pair_definitions(old, new);
    let definitions = pairs
        .iter()
        .filter_map(|pair| compare::definition(pair, &old_items, &new_items))
        .collect();
    let types = types::compare(&pairs, &old_items, &new_items);
    SchemaDiff { definitions, types }
}

/// Everything that changed between two versions of a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaDiff {
    /// Definitions added, removed or changed: removed ones first (in the old
    /// files' order), then added and changed ones in the new files' order.
    pub definitions: Vec<DefinitionDiff>,
    /// Boxed types that appeared, disappeared, or gained or lost constructors.
    pub types: Vec<TypeDiff>,
}

impl SchemaDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.definitions.is_empty() && self.types.is_empty()
    }

    /// Every change, of definitions and of types.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.definitions
            .iter()
            .flat_map(|d| &d.changes)
            .chain(self.types.iter().flat_map(|t| &t.changes))
    }
}

/// Whether something was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Only in the new schema.
    Added,
    /// Only in the old schema.
    Removed,
    /// In both, different.
    Changed,
    /// In both, the same TL text, but the generator names its Rust item (or
    /// one of its members or variants) differently, because of something
    /// else that changed: another item that now takes its name.
    RustRenamed,
}

impl Status {
    /// `added`, `removed`, `changed`, `rust-renamed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
            Status::RustRenamed => "rust-renamed",
        }
    }
}

/// One definition (constructor, function or built-in declaration) that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionDiff {
    /// Added, removed or changed.
    pub status: Status,
    /// Constructor or function.
    pub category: Category,
    /// Its TL name: the new one, or for a removed definition the old one.
    pub name: String,
    /// Its canonical text in the old schema (`tl_parser::print::definition_text`).
    pub old_text: Option<String>,
    /// Its canonical text in the new schema.
    pub new_text: Option<String>,
    /// Its Rust struct (`types::Message`, `functions::messages::SendMessage`):
    /// the new one, or for a removed definition the old one.
    pub rust_item: Option<String>,
    /// What changed, each with its classes.
    pub changes: Vec<Change>,
}

/// A boxed type that appeared, disappeared, or gained or lost constructors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeDiff {
    /// Added (all its constructors are new), removed, or changed.
    pub status: Status,
    /// Its TL name: `MessageMedia`.
    pub name: String,
    /// Its Rust enum: `enums::MessageMedia`.
    pub rust_item: Option<String>,
    /// The constructors gained and lost, variants renamed, accessors lost.
    pub changes: Vec<Change>,
}

/// One change, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Whether peers on either side still read each other's bytes.
    pub wire: Wire,
    /// Whether code written against the old generated types still compiles.
    pub source: Source,
    /// The Rust item it affects: a struct, member, enum or variant
    /// (`types::Message::reactions`, `enums::MessageMedia::Paid`).
    pub rust_item: Option<String>,
}

/// What changed. Fields are named by their TL names, types and parameters
/// written as in the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// The definition is new.
    Added,
    /// The definition is gone.
    Removed,
    /// The definition kept its id under another name.
    Renamed {
        /// The old TL name.
        old: String,
    },
    /// The constructor id changed.
    IdChanged {
        /// The old id.
        old: u32,
        /// The new id.
        new: u32,
    },
    /// A constructor moved to another type, or a function returns another type.
    ResultChanged {
        /// The old result type.
        old: String,
        /// The new result type.
        new: String,
    },
    /// The type parameters (`{X:Type}`) changed.
    GenericsChanged {
        /// The old ones, as written.
        old: String,
        /// The new ones.
        new: String,
    },
    /// A field was added.
    FieldAdded {
        /// The field as written: `reactions:flags.20?MessageReactions`.
        param: String,
    },
    /// A field was removed.
    FieldRemoved {
        /// The field as written.
        param: String,
    },
    /// A field kept its place, type and flag under another name.
    FieldRenamed {
        /// The old name.
        old: String,
        /// The new name.
        new: String,
    },
    /// A field's type changed.
    FieldTypeChanged {
        /// The field.
        field: String,
        /// The old type.
        old: String,
        /// The new type.
        new: String,
    },
    /// A field that was always present became conditional.
    BecameConditional {
        /// The field.
        field: String,
        /// Its flag: `flags.3`.
        flag: String,
    },
    /// A conditional field became always present.
    BecameRequired {
        /// The field.
        field: String,
        /// Its old flag.
        flag: String,
    },
    /// A conditional field moved to another bit or mask.
    FlagMoved {
        /// The field.
        field: String,
        /// The old flag (with the mask's new name where it was renamed).
        old: String,
        /// The new flag.
        new: String,
    },
    /// A `#` mask was renamed (`flags` → `mode`).
    MaskRenamed {
        /// The old name.
        old: String,
        /// The new name.
        new: String,
    },
    /// Fields present on both sides stand in another order.
    FieldsReordered,
    /// The generator names an item, member or variant differently, though
    /// its TL name did not change.
    RustRenamed {
        /// The old Rust name.
        old: String,
        /// The new Rust name.
        new: String,
    },
    /// An accessor that the enum had for a field most of its constructors
    /// share (`enums::User::id()`) is gone, or gives another type.
    AccessorChanged {
        /// The accessor's name.
        accessor: String,
    },
    /// The type gained a constructor.
    ConstructorAdded {
        /// The constructor's TL name.
        constructor: String,
    },
    /// The type lost a constructor.
    ConstructorRemoved {
        /// The constructor's TL name.
        constructor: String,
    },
    /// The text differs in a way none of the above describes (a built-in
    /// declaration's body, an id now written that was computed).
    Rewritten,
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeKind::Added => write!(f, "added"),
            ChangeKind::Removed => write!(f, "removed"),
            ChangeKind::Renamed { old } => write!(f, "renamed from {old} (same id)"),
            ChangeKind::IdChanged { old, new } => write!(f, "id {old:08x} → {new:08x}"),
            ChangeKind::ResultChanged { old, new } => write!(f, "result type {old} → {new}"),
            ChangeKind::GenericsChanged { old, new } => {
                write!(f, "type parameters `{old}` → `{new}`")
            }
            ChangeKind::FieldAdded { param } => write!(f, "field added: {param}"),
            ChangeKind::FieldRemoved { param } => write!(f, "field removed: {param}"),
            ChangeKind::FieldRenamed { old, new } => write!(f, "field {old} renamed to {new}"),
            ChangeKind::FieldTypeChanged { field, old, new } => {
                write!(f, "field {field}: type {old} → {new}")
            }
            ChangeKind::BecameConditional { field, flag } => {
                write!(f, "field {field} became conditional on {flag}")
            }
            ChangeKind::BecameRequired { field, flag } => {
                write!(f, "field {field} became required (was on {flag})")
            }
            ChangeKind::FlagMoved { field, old, new } => {
                write!(f, "field {field} moved from {old} to {new}")
            }
            ChangeKind::MaskRenamed { old, new } => write!(f, "mask {old} renamed to {new}"),
            ChangeKind::FieldsReordered => write!(f, "fields reordered"),
            ChangeKind::RustRenamed { old, new } => write!(f, "Rust name {old} → {new}"),
            ChangeKind::AccessorChanged { accessor } => {
                write!(f, "accessor {accessor}() gone or retyped")
            }
            ChangeKind::ConstructorAdded { constructor } => {
                write!(f, "constructor added: {constructor}")
            }
            ChangeKind::ConstructorRemoved { constructor } => {
                write!(f, "constructor removed: {constructor}")
            }
            ChangeKind::Rewritten => write!(f, "rewritten"),
        }
    }
}

/// Whether peers on each side of a change read each other's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wire {
    /// An old peer reading bytes a new peer wrote.
    pub old_reads_new: Readable,
    /// A new peer reading bytes an old peer wrote.
    pub new_reads_old: Readable,
}

impl Wire {
    /// Both directions read everything.
    pub const COMPATIBLE: Wire = Wire {
        old_reads_new: Readable::Always,
        new_reads_old: Readable::Always,
    };

    /// Neither direction reads the other.
    pub const BROKEN: Wire = Wire {
        old_reads_new: Readable::Never,
        new_reads_old: Readable::Never,
    };

    /// Whether both directions read everything.
    pub fn is_compatible(&self) -> bool {
        *self == Wire::COMPATIBLE
    }
}

/// Whether a peer reads the other side's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readable {
    /// Always.
    Always,
    /// As long as the writer does not use what changed: leaves the new
    /// field's bit clear, does not send the new constructor or call the new
    /// function.
    WhileAbsent,
    /// Only when the writer sets the field that changed.
    WhilePresent,
    /// Not at all.
    Never,
}

impl Readable {
    /// `always`, `while-absent`, `while-present`, `never`.
    pub fn as_str(self) -> &'static str {
        match self {
            Readable::Always => "always",
            Readable::WhileAbsent => "while-absent",
            Readable::WhilePresent => "while-present",
            Readable::Never => "never",
        }
    }
}

/// What a change does to Rust code written against the old generated types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Compiles unchanged.
    Compatible,
    /// Breaks only exhaustive struct literals and patterns; code in the
    /// layer-proof style (`new`, fields set by name, `..Default::default()`)
    /// compiles.
    BreaksStructLiterals,
    /// Breaks only exhaustive `match`es on an enum (a new variant).
    BreaksExhaustiveMatches,
    /// Breaks code that names what changed.
    Breaking,
}

impl Source {
    /// `compatible`, `breaks-struct-literals`, `breaks-exhaustive-matches`, `breaking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Compatible => "compatible",
            Source::BreaksStructLiterals => "breaks-struct-literals",
            Source::BreaksExhaustiveMatches => "breaks-exhaustive-matches",
            Source::Breaking => "breaking",
        }
    }
}

#[cfg(test)]
mod tests;
