//! The plan: the TL model resolved into the Rust items to generate. Every
//! name, path, field role and Rust type is decided here, so the emitters
//! only turn the plan into tokens.

use crate::error::{Error, Location};
use crate::lifetimes::Lifetimes;
use crate::naming;
use std::collections::{BTreeMap, HashMap};
use tl_parser::{Category, Definition, Parameter, Primitive, Schema, Type};

/// Everything to generate from a set of schemas.
#[derive(Debug)]
pub struct Plan {
    /// The layer of the schema, if it names one.
    pub layer: Option<u32>,
    /// One struct in `types::` per constructor.
    pub constructors: Vec<Item>,
    /// One enum in `enums::` per boxed type.
    pub enums: Vec<BoxedType>,
    /// One struct in `functions::` per function.
    pub functions: Vec<Function>,
    /// Which items take a lifetime, in borrowed bindings (decided by
    /// [`crate::lifetimes`]; none in owned ones).
    pub lifetimes: Lifetimes,
}

impl Plan {
    /// Whether any field holds open objects kept as bytes
    /// ([`RustType::holds_raw_object`]).
    pub fn holds_raw_objects(&self) -> bool {
        self.constructors
            .iter()
            .chain(self.functions.iter().map(|f| &f.item))
            .flat_map(|item| &item.fields)
            .any(|field| field.ty.holds_raw_object())
    }
}

/// A constructor or function: one generated struct.
#[derive(Debug)]
pub struct Item {
    /// The definition it comes from.
    pub definition: Definition,
    /// The module path below `types::` or `functions::`.
    pub module: Vec<String>,
    /// The struct's name.
    pub name: String,
    /// The fields, in wire order (masks included, stored or not).
    pub fields: Vec<Field>,
    /// Type parameters (`X` of `{X:Type}`).
    pub generics: Vec<String>,
    /// Whether every stored field has a default (`None`, `false`, zero,
    /// empty, or a struct that has one), so the struct derives `Default`.
    pub derives_default: bool,
    /// For a constructor, its boxed type: an index into [`Plan::enums`].
    pub boxed_type: Option<usize>,
}

impl Item {
    /// The bits of the mask `mask` that fields stand for, in the order of
    /// their first field, each with its fields in wire order.
    pub fn bits_of<'a>(&'a self, mask: &str) -> Vec<(u32, Vec<&'a Field>)> {
        let mut bits: Vec<(u32, Vec<&Field>)> = Vec::new();
        for field in &self.fields {
            match field.role.flag() {
                Some((field_mask, bit)) if field_mask == mask => {
                    match bits.iter_mut().find(|(b, _)| *b == bit) {
                        Some((_, fields)) => fields.push(field),
                        None => bits.push((bit, vec![field])),
                    }
                }
                _ => {}
            }
        }
        bits
    }

    /// The fields stored in the tuple of the shared member `member`, in order.
    pub fn shared_fields<'a>(&'a self, member: &'a str) -> impl Iterator<Item = &'a Field> {
        self.fields
            .iter()
            .filter(move |f| f.shared.as_ref().is_some_and(|s| s.member == member))
    }

    /// The fields that `new` takes, in wire order: the stored ones that are
    /// always present. Optional fields, `true` flags and masks' other bits
    /// start absent (`None`, `false`, `0`), so a later layer that adds an
    /// optional field leaves `new`'s signature as it is.
    pub fn required_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| f.member.is_some() && f.role == Role::Required)
    }

    /// The fields stored in the struct.
    pub fn stored_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.member.is_some())
    }

    /// The path of the item's struct.
    pub fn path(&self) -> Path {
        Path {
            module: self.module.clone(),
            name: self.name.clone(),
        }
    }
}

/// One field of a constructor or function.
#[derive(Debug)]
pub struct Field {
    /// The parameter it comes from.
    pub param: Parameter,
    /// Its Rust identifier (escaped) as a local variable while reading and
    /// writing; conditional fields name their mask by it.
    pub ident: String,
    /// The struct member that stores it, if it is stored: the same as
    /// `ident`, or for a mask that keeps its other bits, `{mask}_other_bits`.
    pub member: Option<String>,
    /// How it is stored and written.
    pub role: Role,
    /// Its Rust type (of the value, without `Option`).
    pub ty: RustType,
    /// For an open-typed `Object` field, the `bytes:int` field before it that
    /// gives its length in bytes, as in MTProto's `message`.
    pub sized_by: Option<String>,
    /// For one of two or more `flags.N?T` fields on the same bit, which are
    /// present together or not at all: the one `Option` of a tuple that holds them.
    pub shared: Option<Shared>,
}

/// The most fields on one flag bit that are stored as one tuple. More (TON
/// has a constructor with 16) stay separate `Option`s, which the encoder
/// checks agree (`tl_types::EncodeError::InconsistentFlag`).
pub const MAX_SHARED: usize = 4;

/// Fields on one flag bit, stored as one `Option<(A, B, ...)>` so that one
/// present without the other cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The member holding the tuple (on the first field; the others store nothing).
    pub member: String,
    /// This field's place in the tuple.
    pub index: usize,
}

/// How a field is stored in the struct and written on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A `#` mask: written from the fields that depend on it, which stand
    /// for `bits`; where the schema's `#` fields are data, its member holds
    /// the other bits.
    Mask {
        /// The bits that fields stand for.
        bits: u32,
    },
    /// An ordinary field; also a `#` that gates nothing where the schema's
    /// `#` fields are data ([`tl_parser::Schema::nat_fields_are_data`]).
    Required,
    /// `flags.N?T`: an `Option<T>`, present when the bit is set.
    Optional {
        /// The mask field's identifier.
        mask: String,
        /// The bit.
        bit: u32,
    },
    /// `flags.N?true`: a `bool`, true when the bit is set.
    Bit {
        /// The mask field's identifier.
        mask: String,
        /// The bit.
        bit: u32,
    },
    /// `flags.N?true` whose bit also gates a value field: not stored, since
    /// it is true exactly when that field is present.
    ImpliedBit {
        /// The mask field's identifier.
        mask: String,
        /// The bit.
        bit: u32,
        /// The member of the field it follows.
        by: String,
    },
}

impl Role {
    /// The mask and bit that gate the field, if any.
    pub fn flag(&self) -> Option<(&str, u32)> {
        match self {
            Role::Optional { mask, bit }
            | Role::Bit { mask, bit }
            | Role::ImpliedBit { mask, bit, .. } => Some((mask, *bit)),
            Role::Mask { .. } | Role::Required => None,
        }
    }
}

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustType {
    /// `int`: `i32`.
    Int,
    /// `#`: `u32`.
    Nat,
    /// `long`: `i64`.
    Long,
    /// `double`: `f64`.
    Double,
    /// `Bool` (and `true`): `bool`.
    Bool,
    /// `string`: `String`.
    String,
    /// `bytes`: `Vec<u8>`.
    Bytes,
    /// `int128`: `[u8; 16]`.
    Int128,
    /// `int256`: `[u8; 32]`.
    Int256,
    /// `Vector<T>` (boxed, with the vector id) or `vector<T>` (bare).
    Vector {
        /// The element type.
        element: Box<RustType>,
        /// Bare: no vector id on the wire.
        bare: bool,
    },
    /// A boxed type: an enum in `enums::`.
    Enum(Path),
    /// A constructor used as a bare type: a struct in `types::`.
    Struct(Path),
    /// A type parameter.
    Generic(String),
    /// `Object` where the schema does not declare it (Telegram's): a
    /// serialised object of any type, kept as bytes.
    RawObject,
    /// `Object` (or `object`) where the schema declares it with `object ? =
    /// Object;`, as TON's do: a value of any of the schema's boxed types, read
    /// by its constructor id: a `Box<AnyValue>`.
    AnyValue,
    /// `Function` (or `function`) where the schema declares it with
    /// `function ? = Function;`: a call of any of the schema's functions, a
    /// `Box<AnyCall>`.
    AnyCall,
}

impl RustType {
    /// Whether the Rust type is `Copy`, so an accessor returns it by value.
    pub fn is_copy(&self) -> bool {
        matches!(
            self,
            RustType::Int
                | RustType::Nat
                | RustType::Long
                | RustType::Double
                | RustType::Bool
                | RustType::Int128
                | RustType::Int256
        )
    }

    /// Whether the type holds open objects kept as bytes (`RawObject`), whose
    /// TL-JSON needs the bindings to read them with.
    pub fn holds_raw_object(&self) -> bool {
        match self {
            RustType::RawObject => true,
            RustType::Vector { element, .. } => element.holds_raw_object(),
            _ => false,
        }
    }

    /// Whether reading or writing the type needs more than the element
    /// type's own codec: a bare vector, or a vector holding one.
    pub fn has_bare_vector(&self) -> bool {
        match self {
            RustType::Vector { bare: true, .. } => true,
            RustType::Vector { element, .. } => element.has_bare_vector(),
            _ => false,
        }
    }
}

/// Where a generated item is: its module below the root module and its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path {
    /// The module path below `types::`/`enums::`.
    pub module: Vec<String>,
    /// The item's name.
    pub name: String,
}

/// A boxed type: one generated enum.
#[derive(Debug)]
pub struct BoxedType {
    /// The TL name: `auth.SentCode`.
    pub tl_name: String,
    /// Where the enum is.
    pub path: Path,
    /// One variant per constructor.
    pub variants: Vec<Variant>,
    /// Its variant in `AnyValue`.
    pub any_variant: String,
    /// The fields every one of its constructors has, alike, which the enum
    /// reads without a `match` (`enums::User::id()`).
    pub common_fields: Vec<CommonField>,
}

/// A field that most constructors of a boxed type (of two or more) have:
/// the same member and Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct CommonField {
    /// The member each constructor's struct stores it in, and the accessor's name.
    pub member: String,
    /// The field's name in the schema.
    pub tl_name: String,
    /// Its Rust type (of the value, without `Option`).
    pub ty: RustType,
    /// How the accessor gives it.
    pub kind: CommonKind,
    /// For each variant, in order: whether its constructor holds the field
    /// always (`Some(true)`), as optional (`Some(false)`), or not at all (`None`).
    pub held: Vec<Option<bool>>,
}

/// How the accessor of a [`CommonField`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommonKind {
    /// Every constructor always has it: the value.
    Required,
    /// Some constructor lacks it or holds it as `flags.N?T`: an `Option`.
    Optional,
    /// `flags.N?true` in every constructor: a `bool`.
    Bit,
}

/// One variant of a boxed type's enum.
#[derive(Debug)]
pub struct Variant {
    /// The variant's name.
    pub name: String,
    /// Index of its constructor in [`Plan::constructors`].
    pub constructor: usize,
    /// Whether the payload is boxed (decided by [`crate::boxing`]).
    pub boxed: bool,
}

/// A function: its struct and what it returns.
#[derive(Debug)]
pub struct Function {
    /// The struct.
    pub item: Item,
    /// The `RemoteCall::Return` type.
    pub returns: RustType,
    /// Whether the dispatch enum holds it in a `Box` (decided by [`crate::boxing`]).
    pub boxed: bool,
    /// Its variant in `AnyCall`.
    pub any_variant: String,
}

/// The Rust type of a wire primitive, in any schema's spelling.
fn primitive(ty: &Type) -> Option<RustType> {
    Some(match ty.primitive()? {
        Primitive::Int => RustType::Int,
        Primitive::Nat => RustType::Nat,
        Primitive::Long => RustType::Long,
        Primitive::Double => RustType::Double,
        Primitive::Bool | Primitive::True => RustType::Bool,
        Primitive::String => RustType::String,
        Primitive::Bytes => RustType::Bytes,
        Primitive::Int128 => RustType::Int128,
        Primitive::Int256 => RustType::Int256,
    })
}

/// Whether a definition describes a primitive rather than a real constructor
/// (`boolTrue = Bool;`, `int32 = Int32;`, `vector ... = Vector t;`).
/// Telegram's `true#3fedd339 = True;` is a real constructor, and stays one.
fn is_primitive_constructor(definition: &Definition) -> bool {
    let result = &definition.result;
    definition.is_builtin()
        || (result.namespace.is_empty() && result.name == "Vector")
        || primitive(result).is_some()
}

/// What the schemas declare beyond ordinary constructors.
#[derive(Debug, Clone, Copy)]
struct Declared {
    /// `object ? = Object;`: `Object` is any value of the schema.
    object: bool,
    /// `function ? = Function;`: `Function` is any call of the schema.
    function: bool,
}

impl Declared {
    fn of(schemas: &[Schema]) -> Declared {
        let declares = |name: &str| {
            schemas
                .iter()
                .flat_map(|s| &s.definitions)
                .any(|d| d.is_builtin() && d.result.namespace.is_empty() && d.result.name == name)
        };
        Declared {
            object: declares("Object"),
            function: declares("Function"),
        }
    }
}

/// The definitions to generate: those `include` accepts, and every
/// constructor of every type they use, transitively, so that a build script
/// can name the functions it calls and get what they need.
fn kept<'a>(
    schemas: &'a [Schema],
    include: &dyn Fn(&Definition) -> bool,
) -> Vec<(usize, &'a Definition)> {
    let all: Vec<(usize, &Definition)> = schemas
        .iter()
        .enumerate()
        .flat_map(|(source, s)| s.definitions.iter().map(move |d| (source, d)))
        .filter(|(_, d)| !d.is_builtin())
        .collect();
    let mut of_type: HashMap<String, Vec<usize>> = HashMap::new();
    let mut named: HashMap<String, usize> = HashMap::new();
    for (i, (_, d)) in all.iter().enumerate() {
        if d.category == Category::Type {
            of_type.entry(d.result.full_name()).or_default().push(i);
            named.insert(d.full_name(), i);
        }
    }
    let mut keep = vec![false; all.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, (_, d)) in all.iter().enumerate() {
        if include(d) {
            keep[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        let d = all[i].1;
        let mut types: Vec<&Type> = d.params.iter().map(|p| &p.ty).collect();
        if d.category == Category::Function {
            types.push(&d.result);
        }
        while let Some(ty) = types.pop() {
            types.extend(&ty.args);
            let name = ty.full_name();
            let used = if ty.bare && !ty.is_percent_bare() {
                named.get(&name).map(std::slice::from_ref)
            } else {
                of_type.get(&name).map(Vec::as_slice)
            };
            for &j in used.unwrap_or_default() {
                if !keep[j] {
                    keep[j] = true;
                    work.push(j);
                }
            }
        }
    }
    all.into_iter()
        .zip(keep)
        .filter_map(|(entry, keep)| keep.then_some(entry))
        .collect()
}

/// Builds the plan for `schemas`, keeping the definitions `include` accepts
/// and every constructor they need.
pub fn build(schemas: &[Schema], include: &dyn Fn(&Definition) -> bool) -> Result<Plan, Error> {
    let layer = schemas.iter().find_map(|s| s.layer);
    // Each definition with the index of its schema.
    let definitions = kept(schemas, include);

    // Constructors, grouped by boxed type in order of first appearance.
    let mut constructors: Vec<(usize, &Definition)> = Vec::new();
    let mut by_type: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut type_order: Vec<String> = Vec::new();
    let mut constructor_by_name: HashMap<String, usize> = HashMap::new();
    for &(source, definition) in definitions
        .iter()
        .filter(|(_, d)| d.category == Category::Type && !is_primitive_constructor(d))
    {
        let index = constructors.len();
        let result = definition.result.full_name();
        by_type
            .entry(result.clone())
            .or_insert_with(|| {
                type_order.push(result);
                Vec::new()
            })
            .push(index);
        constructor_by_name.insert(definition.full_name(), index);
        constructors.push((source, definition));
    }

    // Names: structs of constructors, enums of boxed types, structs of
    // functions, each unique in its module.
    let constructor_names = naming::unique_in_modules(constructors.iter().map(|(_, d)| {
        (
            naming::module_path(&d.namespace),
            vec![naming::type_name(&d.name)],
        )
    }));
    let enum_names = naming::unique_in_modules(type_order.iter().map(|tl_name| {
        let result = &constructors[by_type[tl_name][0]].1.result;
        (
            naming::module_path(&result.namespace),
            vec![naming::type_name(&result.name)],
        )
    }));
    let function_list: Vec<(usize, &Definition)> = definitions
        .iter()
        .copied()
        .filter(|(_, d)| d.category == Category::Function)
        .collect();
    let function_names = naming::unique_in_modules(function_list.iter().map(|(_, d)| {
        (
            naming::module_path(&d.namespace),
            vec![naming::type_name(&d.name)],
        )
    }));
    let enum_paths: HashMap<&str, Path> = type_order
        .iter()
        .zip(&enum_names)
        .map(|(tl_name, name)| {
            let result = &constructors[by_type[tl_name][0]].1.result;
            (
                tl_name.as_str(),
                Path {
                    module: naming::module_path(&result.namespace),
                    name: name.clone(),
                },
            )
        })
        .collect();

    let resolver = Resolver {
        by_type: &by_type,
        constructor_by_name: &constructor_by_name,
        constructor_paths: constructors
            .iter()
            .zip(&constructor_names)
            .map(|((_, d), name)| Path {
                module: naming::module_path(&d.namespace),
                name: name.clone(),
            })
            .collect(),
        enum_paths: &enum_paths,
        declared: Declared::of(schemas),
        schemas,
    };

    let any_values = naming::unique(
        type_order
            .iter()
            .map(|tl_name| vec![naming::dispatch_variant(&enum_paths[tl_name.as_str()])])
            .collect::<Vec<_>>()
            .as_slice(),
    );
    let mut enums = Vec::new();
    for (tl_name, any_variant) in type_order.iter().zip(any_values) {
        let members = &by_type[tl_name];
        let boxed_type = &constructors[members[0]].1.result;
        let candidates: Vec<Vec<String>> = members
            .iter()
            .map(|&i| naming::variant_candidates(constructors[i].1, boxed_type))
            .collect();
        let variants = members
            .iter()
            .zip(naming::unique(&candidates))
            .map(|(&constructor, name)| Variant {
                name,
                constructor,
                boxed: false,
            })
            .collect();
        enums.push(BoxedType {
            tl_name: tl_name.clone(),
            path: enum_paths[tl_name.as_str()].clone(),
            variants,
            any_variant,
            // Decided once the constructors' fields are, by `decide_common_fields`.
            common_fields: Vec::new(),
        });
    }

    let mut constructor_items = constructors
        .iter()
        .zip(&constructor_names)
        .map(|(&(source, d), name)| resolver.item(source, d, name))
        .collect::<Result<Vec<_>, _>>()?;
    for (index, boxed) in enums.iter().enumerate() {
        for variant in &boxed.variants {
            constructor_items[variant.constructor].boxed_type = Some(index);
        }
    }

    let any_calls = naming::unique(
        function_list
            .iter()
            .zip(&function_names)
            .map(|((_, d), name)| {
                vec![naming::dispatch_variant(&Path {
                    module: naming::module_path(&d.namespace),
                    name: name.clone(),
                })]
            })
            .collect::<Vec<_>>()
            .as_slice(),
    );
    let mut functions = Vec::new();
    for ((&(source, definition), name), any_variant) in
        function_list.iter().zip(&function_names).zip(any_calls)
    {
        let item = resolver.item(source, definition, name)?;
        let returns = resolver.rust_type(&definition.result, source, definition)?;
        functions.push(Function {
            item,
            returns,
            boxed: false,
            any_variant,
        });
    }

    let mut plan = Plan {
        layer,
        constructors: constructor_items,
        enums,
        functions,
        lifetimes: Lifetimes::default(),
    };
    decide_defaults(&mut plan);
    decide_common_fields(&mut plan);
    crate::boxing::decide(&mut plan);
    Ok(plan)
}

/// Method names every enum already has, which no accessor may take.
const ENUM_METHODS: &[&str] = &["constructor_id", "tl_name"];

/// Sets [`BoxedType::common_fields`]: for a type of two or more
/// constructors, each field (a member with one Rust type) that more than
/// half of them have, in order of first appearance. One that every
/// constructor has and always holds is read as it is; one that some
/// constructor lacks or holds as optional is read as an `Option`.
fn decide_common_fields(plan: &mut Plan) {
    let constructors = &plan.constructors;
    for boxed in &mut plan.enums {
        let items: Vec<&Item> = boxed
            .variants
            .iter()
            .map(|v| &constructors[v.constructor])
            .collect();
        if items.len() < 2 {
            continue;
        }
        let mut common: Vec<CommonField> = Vec::new();
        for field in items.iter().flat_map(|item| item.stored_fields()) {
            let Some(member) = field.member.as_deref() else {
                continue;
            };
            if ENUM_METHODS.contains(&member)
                || matches!(field.role, Role::Mask { .. })
                || field.shared.is_some()
                || common.iter().any(|c| c.member == member)
            {
                continue;
            }
            let holds: Vec<Option<&Field>> = items
                .iter()
                .map(|item| {
                    item.stored_fields().find(|f| {
                        f.member.as_deref() == Some(member)
                            && f.ty == field.ty
                            && f.shared.is_none()
                    })
                })
                .collect();
            let count = holds.iter().flatten().count();
            if count * 2 <= items.len() {
                continue;
            }
            let everywhere = count == items.len();
            let all = |role: fn(&Role) -> bool| holds.iter().flatten().all(|f| role(&f.role));
            let kind = if everywhere && all(|r| *r == Role::Required) {
                CommonKind::Required
            } else if everywhere && all(|r| matches!(r, Role::Bit { .. })) {
                CommonKind::Bit
            } else if all(|r| matches!(r, Role::Required | Role::Optional { .. })) {
                CommonKind::Optional
            } else {
                continue;
            };
            common.push(CommonField {
                member: member.to_owned(),
                tl_name: field.param.name.to_string(),
                ty: field.ty.clone(),
                kind,
                held: holds
                    .iter()
                    .map(|f| f.map(|f| f.role == Role::Required))
                    .collect(),
            });
        }
        boxed.common_fields = common;
    }
}

/// Sets [`Item::derives_default`] on every item: the greatest set of
/// structs whose stored fields all have defaults, found by striking out
/// structs until none changes (a bare struct field has a default when its
/// struct does).
fn decide_defaults(plan: &mut Plan) {
    let mut defaults: HashMap<Path, bool> = plan
        .constructors
        .iter()
        .map(|item| (item.path(), true))
        .collect();
    loop {
        let mut changed = false;
        for item in &plan.constructors {
            if defaults[&item.path()] && !fields_have_defaults(item, &defaults) {
                defaults.insert(item.path(), false);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for item in &mut plan.constructors {
        item.derives_default = defaults[&item.path()];
    }
    for function in &mut plan.functions {
        function.item.derives_default = fields_have_defaults(&function.item, &defaults);
    }
}

fn fields_have_defaults(item: &Item, struct_defaults: &HashMap<Path, bool>) -> bool {
    item.fields
        .iter()
        .filter(|f| f.member.is_some())
        .all(|f| f.role != Role::Required || has_default(&f.ty, struct_defaults))
}

/// Whether a value of this type has a `Default`.
fn has_default(ty: &RustType, struct_defaults: &HashMap<Path, bool>) -> bool {
    match ty {
        RustType::Int
        | RustType::Nat
        | RustType::Long
        | RustType::Double
        | RustType::Bool
        | RustType::String
        | RustType::Bytes
        | RustType::Int128
        | RustType::Int256
        | RustType::Vector { .. }
        | RustType::RawObject => true,
        RustType::Struct(path) => struct_defaults.get(path).copied().unwrap_or(false),
        RustType::Enum(_) | RustType::Generic(_) | RustType::AnyValue | RustType::AnyCall => false,
    }
}

struct Resolver<'a> {
    by_type: &'a BTreeMap<String, Vec<usize>>,
    constructor_by_name: &'a HashMap<String, usize>,
    constructor_paths: Vec<Path>,
    enum_paths: &'a HashMap<&'a str, Path>,
    declared: Declared,
    schemas: &'a [Schema],
}

impl Resolver<'_> {
    fn item(&self, source: usize, definition: &Definition, name: &str) -> Result<Item, Error> {
        let nat_data = self.schemas[source].nat_fields_are_data();
        let generics: Vec<String> = definition
            .generics
            .iter()
            .map(|g| naming::type_name(&g.name))
            .collect();
        // Identifiers of the fields, and of the members that keep masks'
        // other bits, unique within the struct.
        let mut candidates: Vec<Vec<String>> = definition
            .params
            .iter()
            .map(|p| vec![naming::field(&p.name)])
            .collect();
        let other_bits: Vec<usize> = definition
            .params
            .iter()
            .enumerate()
            .filter(|(_, p)| nat_data && p.is_mask() && definition.gated_bits(&p.name) != 0)
            .map(|(i, _)| i)
            .collect();
        for &i in &other_bits {
            candidates.push(vec![naming::field(&format!(
                "{}_other_bits",
                definition.params[i].name
            ))]);
        }
        // Value fields on one flag bit: each group of two or more is stored
        // as one member, named after its fields.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, param) in definition.params.iter().enumerate() {
            let Some(flag) = &param.flag else { continue };
            if param.ty.is_true() || groups.iter().any(|g| g.contains(&i)) {
                continue;
            }
            let group: Vec<usize> = (i..definition.params.len())
                .filter(|&j| {
                    let other = &definition.params[j];
                    other.flag.as_ref() == Some(flag) && !other.ty.is_true()
                })
                .collect();
            if (2..=MAX_SHARED).contains(&group.len()) {
                groups.push(group);
            }
        }
        let group_base = candidates.len();
        for group in &groups {
            let names: Vec<&str> = group
                .iter()
                .map(|&i| definition.params[i].name.as_str())
                .collect();
            candidates.push(vec![naming::field(&names.join("_and_"))]);
        }
        let idents = naming::unique(&candidates);
        let shared_of = |index: usize| {
            groups.iter().enumerate().find_map(|(g, members)| {
                members
                    .iter()
                    .position(|&i| i == index)
                    .map(|place| Shared {
                        member: idents[group_base + g].clone(),
                        index: place,
                    })
            })
        };
        let ident_of = |tl_name: &str| {
            definition
                .params
                .iter()
                .position(|p| p.name == tl_name)
                .map(|i| idents[i].clone())
                .unwrap_or_else(|| naming::field(tl_name))
        };

        let mut fields = Vec::new();
        for (index, param) in definition.params.iter().enumerate() {
            let ident = idents[index].clone();
            let gated = definition.gated_bits(&param.name);
            let role = if param.is_mask() && (gated != 0 || !nat_data) {
                Role::Mask { bits: gated }
            } else if let Some(flag) = &param.flag {
                let mask = ident_of(&flag.field);
                let bit = flag.bit;
                if param.ty.is_true() {
                    let value_on_same_bit = definition
                        .params
                        .iter()
                        .find(|p| p.flag.as_ref() == Some(flag) && !p.ty.is_true());
                    match value_on_same_bit {
                        Some(value) => Role::ImpliedBit {
                            mask,
                            bit,
                            // The member that stores the value: its own, or its group's.
                            by: definition
                                .params
                                .iter()
                                .position(|p| p.name == value.name)
                                .and_then(shared_of)
                                .map_or_else(|| ident_of(&value.name), |shared| shared.member),
                        },
                        None => Role::Bit { mask, bit },
                    }
                } else {
                    Role::Optional { mask, bit }
                }
            } else {
                Role::Required
            };
            let shared = shared_of(index);
            let member = match (&role, &shared) {
                (Role::Mask { .. }, _) => other_bits
                    .iter()
                    .position(|&i| i == index)
                    .map(|k| idents[definition.params.len() + k].clone()),
                (Role::ImpliedBit { .. }, _) => None,
                (_, Some(shared)) => (shared.index == 0).then(|| shared.member.clone()),
                _ => Some(ident.clone()),
            };
            let ty = self.rust_type(&param.ty, source, definition)?;
            let sized_by = (ty == RustType::RawObject)
                .then(|| {
                    definition.params[..index].iter().position(|p| {
                        p.name == "bytes"
                            && p.flag.is_none()
                            && primitive(&p.ty) == Some(RustType::Int)
                    })
                })
                .flatten()
                .map(|i| idents[i].clone());
            fields.push(Field {
                param: param.clone(),
                ident,
                member,
                role,
                ty,
                sized_by,
                shared,
            });
        }
        Ok(Item {
            definition: definition.clone(),
            module: naming::module_path(&definition.namespace),
            name: name.to_owned(),
            fields,
            generics,
            // Decided for all items at once, by `decide_defaults`.
            derives_default: false,
            // Set by `build` once the enums are.
            boxed_type: None,
        })
    }

    fn rust_type(
        &self,
        ty: &Type,
        source: usize,
        definition: &Definition,
    ) -> Result<RustType, Error> {
        let unsupported = |what: String| Error::Unsupported {
            definition: definition.full_name(),
            what,
            at: Location::of(source, definition),
        };
        if ty.namespace.is_empty() && definition.generics.iter().any(|g| g.name == ty.name) {
            return Ok(RustType::Generic(naming::type_name(&ty.name)));
        }
        if ty.namespace.is_empty() && (ty.name == "Vector" || ty.name == "vector") {
            let [element] = ty.args.as_slice() else {
                return Err(unsupported(format!(
                    "`{ty}`, which needs one type argument"
                )));
            };
            let element = self.rust_type(element, source, definition)?;
            return Ok(RustType::Vector {
                element: Box::new(element),
                bare: ty.bare,
            });
        }
        if let Some(primitive) = primitive(ty) {
            return Ok(primitive);
        }
        if ty.namespace.is_empty() && ty.args.is_empty() {
            match ty.name.as_str() {
                "Object" | "object" if self.declared.object => return Ok(RustType::AnyValue),
                "Function" | "function" if self.declared.function => {
                    return Ok(RustType::AnyCall);
                }
                "Object" if !ty.bare => return Ok(RustType::RawObject),
                _ => {}
            }
        }
        let full_name = ty.full_name();
        let constructor = if ty.is_percent_bare() {
            match self.by_type.get(&full_name).map(Vec::as_slice) {
                Some([only]) => Some(*only),
                Some(_) => {
                    return Err(unsupported(format!(
                        "`%{full_name}`, a bare type of a boxed type with more than one constructor"
                    )));
                }
                None => None,
            }
        } else if ty.bare {
            self.constructor_by_name.get(&full_name).copied()
        } else {
            if let Some(path) = self.enum_paths.get(full_name.as_str()) {
                return Ok(RustType::Enum(path.clone()));
            }
            None
        };
        match constructor {
            Some(index) => Ok(RustType::Struct(self.constructor_paths[index].clone())),
            None => Err(Error::UndefinedType {
                definition: definition.full_name(),
                ty: ty.to_string(),
                at: Location::of(source, definition),
            }),
        }
    }
}

/// The path of an item's struct.
pub fn item_path(item: &Item) -> Path {
    item.path()
}
