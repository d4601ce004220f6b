//! The typed model of a TL schema: what the parser produces and what the
//! checker, the printer, the code generator and the command-line tool read.
//!
//! Every type here is plain data: it derives `Serialize`/`Deserialize`, so
//! `tl parse --json` is simply the model written out by serde.
//!
//! Names (of definitions, namespaces, fields, types and type parameters) are
//! [`CompactString`]s: they dereference to `&str` and serialise as JSON
//! strings like a `String`, but a name of up to 24 bytes — nearly every name in
//! a real schema — is stored inline, without a heap allocation. Namespace
//! paths are [`Namespace`]s, slices of such names that need no allocation
//! either for the usual single part.

pub use crate::id::IdRule;
pub use crate::namespace::Namespace;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A whole parsed schema file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Schema {
    /// Every definition, in file order, built-in declarations included.
    pub definitions: Vec<Definition>,
    /// The layer named by a `// LAYER N` comment anywhere in the file.
    pub layer: Option<u32>,
    /// Documentation of boxed types, from TDLib-style `//@class Name @description ...` comments.
    pub type_docs: Vec<TypeDoc>,
    /// The rule the ids that the text leaves out were computed by, and that
    /// the checker holds written ids to: detected from the text
    /// ([`IdRule::detect`]) unless the parser was told.
    #[serde(default)]
    pub id_rule: IdRule,
}

impl Schema {
    /// The schema with every span reset: what it defines, regardless of
    /// where in the text. Two texts that define the same things (one
    /// reformatted from the other) give equal schemas this way.
    pub fn without_spans(&self) -> Schema {
        let mut schema = self.clone();
        for definition in &mut schema.definitions {
            definition.span = Span::default();
            for param in &mut definition.params {
                param.span = Span::default();
            }
        }
        for doc in &mut schema.type_docs {
            doc.span = Span::default();
        }
        schema
    }

    /// The definitions that are neither built-in declarations nor functions.
    pub fn constructors(&self) -> impl Iterator<Item = &Definition> {
        self.definitions
            .iter()
            .filter(|d| d.category == Category::Type && !d.is_builtin())
    }

    /// The function definitions.
    pub fn functions(&self) -> impl Iterator<Item = &Definition> {
        self.definitions
            .iter()
            .filter(|d| d.category == Category::Function && !d.is_builtin())
    }

    /// Whether the schema's `#` fields are data, as in TON's: a `#` that
    /// gates no field is a number (`liteServer.getTransactions count:#`), and
    /// the bits of a mask that no field stands for mean something of their
    /// own (`liteServer.lookupBlock mode:#`: bit 0 is "by seqno"). In
    /// Telegram's schemas every `#` is a mask computed from the fields it
    /// gates, and bits no field stands for come from a newer layer. It
    /// follows the schema family, which [`Schema::id_rule`] tells: true for
    /// the TL compiler's.
    pub fn nat_fields_are_data(&self) -> bool {
        self.id_rule == IdRule::TlCompiler
    }

    /// The definition with this full name (`auth.sendCode`) in this category, if any.
    pub fn find(&self, category: Category, full_name: &str) -> Option<&Definition> {
        self.definitions
            .iter()
            .find(|d| d.category == category && d.full_name() == full_name)
    }
}

/// Whether a definition is a constructor of a type or a function.
///
/// The `---types---` and `---functions---` separators switch between the two;
/// a file starts in the types section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A constructor: one of the shapes a value of its result type can take.
    Type,
    /// A function (an RPC method): a request whose answer has the result type.
    Function,
}

/// Where a definition's constructor id came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdOrigin {
    /// Written in the schema as `name#hex`. The explicit id is what the wire
    /// uses, even where it differs from the computed one.
    Explicit,
    /// Not written; computed as the CRC32 of the normalised definition.
    Computed,
}

/// One line (or several, up to the `;`) of a schema: a constructor, a function
/// or a built-in declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    /// The namespace path before the name: `["auth"]` for `auth.sendCode`.
    pub namespace: Namespace,
    /// The name without its namespace: `sendCode`.
    pub name: CompactString,
    /// The constructor id that goes on the wire.
    pub id: u32,
    /// Whether [`Definition::id`] was written in the schema or computed.
    pub id_origin: IdOrigin,
    /// Constructor or function, from the section the definition stands in.
    pub category: Category,
    /// Type parameters written `{X:Type}`.
    pub generics: Vec<GenericParam>,
    /// The fields, in order.
    pub params: Vec<Parameter>,
    /// The type a constructor builds or a function returns.
    pub result: Type,
    /// For a built-in declaration (`int ? = Int;`, `int128 4*[ int ] = Int128;`,
    /// `vector {t:Type} # [ t ] = Vector t;`), the canonical text of its body
    /// after the generic parameters: `?`, `4*[ int ]`, `# [ t ]`. Built-ins
    /// describe primitive types; they are never ordinary constructors.
    pub builtin: Option<String>,
    /// The documentation comments that precede the definition.
    pub doc: Option<Doc>,
    /// Where the definition stands in its source text.
    pub span: Span,
}

impl Definition {
    /// The name with its namespace, as written in the schema: `auth.sendCode`.
    pub fn full_name(&self) -> String {
        join_name(&self.namespace, &self.name)
    }

    /// Whether this is a built-in declaration rather than a real constructor or function.
    pub fn is_builtin(&self) -> bool {
        self.builtin.is_some()
    }

    /// The id computed from the definition's normalised text by `rule`,
    /// whatever id the schema wrote. The rule of the definition's own schema
    /// is [`Schema::id_rule`].
    pub fn computed_id(&self, rule: IdRule) -> u32 {
        crate::id::compute_id(self, rule)
    }

    /// The bits of the `#` field `mask` that gate fields of this definition
    /// (`flags.N?T`, `flags.N?true`): zero for a `#` that gates nothing,
    /// which is a plain number (TON's `count:#`).
    pub fn gated_bits(&self, mask: &str) -> u32 {
        self.params
            .iter()
            .filter_map(|p| p.flag.as_ref())
            .filter(|flag| flag.field == mask && flag.bit < 32)
            .fold(0, |bits, flag| bits | 1 << flag.bit)
    }

    /// Records the id written in the schema (`name#hex`), if any. A
    /// definition without one gets its computed id once the whole text is
    /// read, since the rule depends on the whole text.
    pub(crate) fn set_written_id(&mut self, written: Option<u32>) {
        (self.id, self.id_origin) = match written {
            Some(id) => (id, IdOrigin::Explicit),
            None => (0, IdOrigin::Computed),
        };
    }
}

/// A type parameter of a generic definition, written `{X:Type}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenericParam {
    /// The parameter's name: `X`.
    pub name: CompactString,
    /// What it ranges over; `Type` in every real schema.
    pub kind: Type,
}

/// One field of a definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parameter {
    /// The field name as written: `phone_code_hash`.
    pub name: CompactString,
    /// The field's type. A mask field (`flags:#`) has the type named `#`.
    pub ty: Type,
    /// For a conditional field `flags.N?T`, the mask and the bit that gate it.
    pub flag: Option<FlagRef>,
    /// Where the parameter stands in its source text.
    pub span: Span,
}

impl Parameter {
    /// Whether this is a `#` field (`flags:#`, `count:#`): a mask where
    /// conditional fields refer to it ([`Definition::gated_bits`] is not
    /// zero), a plain number where none do.
    pub fn is_mask(&self) -> bool {
        self.flag.is_none() && self.ty.is_nat()
    }

    /// Whether this is a `flags.N?true` field: it takes no bytes and is true
    /// exactly when its bit is set.
    pub fn is_flag_bit(&self) -> bool {
        self.flag.is_some() && self.ty.is_true()
    }
}

/// The condition of a conditional field: `flags.3` in `flags.3?InputDocument`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FlagRef {
    /// The mask field's name: `flags`, `flags2`.
    pub field: CompactString,
    /// The bit number.
    pub bit: u32,
}

/// A type as it is written in a parameter or a result.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Type {
    /// The namespace path: `["auth"]` for `auth.SentCode`.
    pub namespace: Namespace,
    /// The name without namespace: `SentCode`, `int`, `Vector`, `#`, or a
    /// generic parameter such as `X`.
    pub name: CompactString,
    /// Bare (serialised without its constructor id): the name starts with a
    /// lowercase letter (`vector`, `int`, `message`) or was written with `%`
    /// (`%Message`).
    pub bare: bool,
    /// Written `!X`: a field holding a whole query of the generic type `X`.
    pub generic_ref: bool,
    /// Type arguments: `Vector<long>` and `Vector long` both have `[long]`.
    pub args: Vec<Type>,
}

impl Type {
    /// A type with this (possibly namespaced) name, bare if it starts with a
    /// lowercase letter, with no arguments.
    pub fn named(full_name: &str) -> Type {
        let (namespace, name) = split_name(full_name);
        Type {
            bare: starts_lowercase(&name),
            namespace,
            name,
            generic_ref: false,
            args: Vec::new(),
        }
    }

    /// The name with its namespace: `auth.SentCode`.
    pub fn full_name(&self) -> String {
        join_name(&self.namespace, &self.name)
    }

    /// Whether this is the natural-number type `#` used by mask fields.
    pub fn is_nat(&self) -> bool {
        self.name == "#" && self.namespace.is_empty()
    }

    /// Whether this is the bare type `true` used by `flags.N?true` fields.
    pub fn is_true(&self) -> bool {
        self.name == "true" && self.namespace.is_empty() && self.args.is_empty()
    }

    /// The wire primitive this type names, in any schema's spelling
    /// (Telegram's `int`, TDLib's `int32`, `int53`, `int64`, tonlib's
    /// `secureString`), if it names one.
    pub fn primitive(&self) -> Option<Primitive> {
        if !self.namespace.is_empty() || !self.args.is_empty() {
            return None;
        }
        Some(match self.name.as_str() {
            "int" | "Int" | "int32" | "Int32" => Primitive::Int,
            "#" => Primitive::Nat,
            "long" | "Long" | "int53" | "Int53" | "int64" | "Int64" => Primitive::Long,
            "double" | "Double" => Primitive::Double,
            "Bool" => Primitive::Bool,
            "true" => Primitive::True,
            // tonlib's `secureString` and `secureBytes` are strings and bytes
            // on the wire, kept in wiped memory by TON's own code.
            "string" | "String" | "secureString" | "SecureString" => Primitive::String,
            "bytes" | "Bytes" | "secureBytes" | "SecureBytes" => Primitive::Bytes,
            "int128" | "Int128" => Primitive::Int128,
            "int256" | "Int256" => Primitive::Int256,
            _ => return None,
        })
    }

    /// Whether the name was written with a leading `%` to make a type bare
    /// (`%Message`, and the odd `%#`).
    pub fn is_percent_bare(&self) -> bool {
        self.bare && !starts_lowercase(&self.name)
    }
}

/// The primitive types of the wire format, whatever a schema calls them
/// (see [`Type::primitive`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Primitive {
    /// A 32-bit signed integer: `int`, `int32`.
    Int,
    /// `#`: a 32-bit unsigned number or mask.
    Nat,
    /// A 64-bit signed integer: `long`, `int53`, `int64`.
    Long,
    /// A 64-bit IEEE 754 float: `double`.
    Double,
    /// `Bool`: `boolTrue` or `boolFalse`.
    Bool,
    /// The bare `true` of `flags.N?true`: no bytes.
    True,
    /// A string: `string`, `secureString`.
    String,
    /// Bytes: `bytes`, `secureBytes`.
    Bytes,
    /// 16 opaque bytes: `int128`.
    Int128,
    /// 32 opaque bytes: `int256`.
    Int256,
}

/// Where something stands in the source text. Line and column count from 1;
/// the column counts characters. Two spans are equal when they are the same
/// place; to compare what two texts define regardless of where, compare
/// [`Schema::without_spans`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Line of the first character, from 1.
    pub line: u32,
    /// Column of the first character, from 1, in characters.
    pub column: u32,
}

/// Documentation attached to a definition, from TDLib-style comments:
/// `//@description Text @param_name Text`, continued on `//-` lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Doc {
    /// The tags in the order written: `("description", "...")`, then one per
    /// documented field, with the field's name as the tag.
    pub tags: Vec<DocTag>,
}

impl Doc {
    /// The text of the tag with this name.
    pub fn get(&self, tag: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|t| t.name == tag)
            .map(|t| t.text.as_str())
    }

    /// The `@description` text.
    pub fn description(&self) -> Option<&str> {
        self.get("description")
    }
}

/// One `@name text` entry of a doc comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocTag {
    /// The tag name without `@`: `description`, or a field name.
    pub name: String,
    /// The text, with continuation lines joined by single spaces.
    pub text: String,
}

/// Documentation of a boxed type: `//@class AuthorizationState @description ...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeDoc {
    /// The boxed type's name.
    pub name: String,
    /// The remaining tags (normally just `description`).
    pub doc: Doc,
    /// Where the comment stands.
    pub span: Span,
}

/// `auth` + `sendCode` → `auth.sendCode`.
pub(crate) fn join_name(namespace: &[CompactString], name: &str) -> String {
    let mut full = String::new();
    for part in namespace {
        full.push_str(part);
        full.push('.');
    }
    full.push_str(name);
    full
}

/// `auth.sendCode` → (`["auth"]`, `sendCode`).
pub(crate) fn split_name(full_name: &str) -> (Namespace, CompactString) {
    match full_name.rsplit_once('.') {
        Some((path, name)) => (path.split('.').collect(), CompactString::from(name)),
        None => (Namespace::new(), CompactString::from(full_name)),
    }
}

pub(crate) fn starts_lowercase(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}
