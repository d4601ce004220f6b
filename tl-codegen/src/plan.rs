//! The plan: the TL model resolved into the Rust items to generate. Every
//! name, path, field role and Rust type is decided here, so the emitters
//! only turn the plan into tokens.

use crate::error::Error;
use crate::naming;
use std::collections::{BTreeMap, HashMap};
use tl_parser::{Category, Definition, Parameter, Schema, Type};

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
    /// The fields, in wire order (masks included; they are not stored).
    pub fields: Vec<Field>,
    /// Type parameters (`X` of `{X:Type}`).
    pub generics: Vec<String>,
}

impl Item {
    /// The fields stored in the struct.
    pub fn stored_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.role.is_stored())
    }
}

/// One field of a constructor or function.
#[derive(Debug)]
pub struct Field {
    /// The parameter it comes from.
    pub param: Parameter,
    /// Its Rust identifier (escaped).
    pub ident: String,
    /// How it is stored and written.
    pub role: Role,
    /// Its Rust type (of the value, without `Option`).
    pub ty: RustType,
}

/// How a field is stored in the struct and written on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A `#` mask: not stored, computed from the fields that depend on it.
    Mask,
    /// An ordinary field.
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
        /// The identifier of the field it follows.
        by: String,
    },
}

impl Role {
    /// Whether the field is a member of the struct.
    pub fn is_stored(&self) -> bool {
        !matches!(self, Role::Mask | Role::ImpliedBit { .. })
    }

    /// The mask and bit that gate the field, if any.
    pub fn flag(&self) -> Option<(&str, u32)> {
        match self {
            Role::Optional { mask, bit }
            | Role::Bit { mask, bit }
            | Role::ImpliedBit { mask, bit, .. } => Some((mask, *bit)),
            Role::Mask | Role::Required => None,
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
    /// `Object`: a serialised object of any type, kept as bytes.
    RawObject,
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
}

/// TL names that stand for a Rust primitive, with the TDLib/TON spellings.
fn primitive(ty: &Type) -> Option<RustType> {
    if !ty.namespace.is_empty() {
        return None;
    }
    Some(match ty.name.as_str() {
        "int" | "Int" | "int32" | "Int32" => RustType::Int,
        "#" => RustType::Nat,
        "long" | "Long" | "int53" | "Int53" | "int64" | "Int64" => RustType::Long,
        "double" | "Double" => RustType::Double,
        "Bool" | "true" => RustType::Bool,
        "string" | "String" => RustType::String,
        "bytes" | "Bytes" => RustType::Bytes,
        "int128" | "Int128" => RustType::Int128,
        "int256" | "Int256" => RustType::Int256,
        _ => return None,
    })
}

/// Whether a definition describes a primitive rather than a real constructor
/// (`boolTrue = Bool;`, `int32 = Int32;`, `vector ... = Vector t;`).
fn is_primitive_constructor(definition: &Definition) -> bool {
    definition.is_builtin()
        || matches!(definition.result.name.as_str(), "Vector")
        || primitive(&definition.result).is_some()
}

/// Builds the plan for `schemas`, keeping the definitions `include` accepts.
pub fn build(schemas: &[Schema], include: &dyn Fn(&Definition) -> bool) -> Result<Plan, Error> {
    let layer = schemas.iter().find_map(|s| s.layer);
    let definitions: Vec<&Definition> = schemas
        .iter()
        .flat_map(|s| &s.definitions)
        .filter(|d| !d.is_builtin() && include(d))
        .collect();

    // Constructors, grouped by boxed type in order of first appearance.
    let mut constructors = Vec::new();
    let mut by_type: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut type_order: Vec<String> = Vec::new();
    let mut constructor_by_name: HashMap<String, usize> = HashMap::new();
    for definition in definitions
        .iter()
        .filter(|d| d.category == Category::Type && !is_primitive_constructor(d))
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
        constructors.push((*definition).clone());
    }

    let resolver = Resolver {
        by_type: &by_type,
        constructor_by_name: &constructor_by_name,
        constructors: &constructors,
    };

    let mut enums = Vec::new();
    for tl_name in &type_order {
        let members = &by_type[tl_name];
        let first = &constructors[members[0]];
        let path = Path {
            module: naming::module_path(&first.result.namespace),
            name: naming::type_name(&first.result.name),
        };
        let mut variants: Vec<Variant> = members
            .iter()
            .map(|&i| Variant {
                name: naming::variant(&constructors[i].name, &first.result.name),
                constructor: i,
                boxed: false,
            })
            .collect();
        // Where shortening made two variants alike, both keep their full names.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for v in &variants {
            *seen.entry(v.name.clone()).or_default() += 1;
        }
        for v in &mut variants {
            if seen[&v.name] > 1 {
                v.name = naming::type_name(&constructors[v.constructor].name);
            }
        }
        enums.push(BoxedType {
            tl_name: tl_name.clone(),
            path,
            variants,
        });
    }

    let constructor_items = constructors
        .iter()
        .map(|d| resolver.item(d))
        .collect::<Result<Vec<_>, _>>()?;

    let mut functions = Vec::new();
    for definition in definitions
        .iter()
        .filter(|d| d.category == Category::Function)
    {
        let item = resolver.item(definition)?;
        let returns = resolver.rust_type(&definition.result, definition)?;
        functions.push(Function {
            item,
            returns,
            boxed: false,
        });
    }

    let plan = Plan {
        layer,
        constructors: constructor_items,
        enums,
        functions,
    };
    check_unique_names(&plan)?;
    Ok(plan)
}

struct Resolver<'a> {
    by_type: &'a BTreeMap<String, Vec<usize>>,
    constructor_by_name: &'a HashMap<String, usize>,
    constructors: &'a [Definition],
}

impl Resolver<'_> {
    fn item(&self, definition: &Definition) -> Result<Item, Error> {
        let generics: Vec<String> = definition
            .generics
            .iter()
            .map(|g| naming::type_name(&g.name))
            .collect();
        let mut fields = Vec::new();
        for param in &definition.params {
            let ident = naming::field(&param.name);
            let role = if param.is_mask() {
                Role::Mask
            } else if let Some(flag) = &param.flag {
                let mask = naming::field(&flag.field);
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
                            by: naming::field(&value.name),
                        },
                        None => Role::Bit { mask, bit },
                    }
                } else {
                    Role::Optional { mask, bit }
                }
            } else {
                Role::Required
            };
            let ty = self.rust_type(&param.ty, definition)?;
            fields.push(Field {
                param: param.clone(),
                ident,
                role,
                ty,
            });
        }
        Ok(Item {
            definition: definition.clone(),
            module: naming::module_path(&definition.namespace),
            name: naming::type_name(&definition.name),
            fields,
            generics,
        })
    }

    fn rust_type(&self, ty: &Type, definition: &Definition) -> Result<RustType, Error> {
        let unsupported = |what: String| Error::Unsupported {
            definition: definition.full_name(),
            what,
        };
        if ty.namespace.is_empty() && definition.generics.iter().any(|g| g.name == ty.name) {
            return Ok(RustType::Generic(naming::type_name(&ty.name)));
        }
        if ty.namespace.is_empty() && (ty.name == "Vector" || ty.name == "vector") {
            let [element] = ty.args.as_slice() else {
                return Err(unsupported(format!("`{ty}` needs one type argument")));
            };
            let element = self.rust_type(element, definition)?;
            if ty.bare && matches!(element, RustType::Vector { bare: true, .. }) {
                return Err(unsupported(format!("nested bare vectors (`{ty}`)")));
            }
            return Ok(RustType::Vector {
                element: Box::new(element),
                bare: ty.bare,
            });
        }
        if let Some(primitive) = primitive(ty) {
            return Ok(primitive);
        }
        if ty.namespace.is_empty() && ty.name == "Object" && !ty.bare {
            return Ok(RustType::RawObject);
        }
        let full_name = ty.full_name();
        let constructor = if ty.is_percent_bare() {
            match self.by_type.get(&full_name).map(Vec::as_slice) {
                Some([only]) => Some(*only),
                Some(_) => {
                    return Err(unsupported(format!(
                        "`%{full_name}`: a bare type needs exactly one constructor"
                    )));
                }
                None => None,
            }
        } else if ty.bare {
            self.constructor_by_name.get(&full_name).copied()
        } else {
            if self.by_type.contains_key(&full_name) {
                return Ok(RustType::Enum(Path {
                    module: naming::module_path(&ty.namespace),
                    name: naming::type_name(&ty.name),
                }));
            }
            None
        };
        match constructor {
            Some(index) => {
                let definition = &self.constructors[index];
                Ok(RustType::Struct(Path {
                    module: naming::module_path(&definition.namespace),
                    name: naming::type_name(&definition.name),
                }))
            }
            None => Err(Error::UndefinedType {
                definition: definition.full_name(),
                ty: ty.to_string(),
            }),
        }
    }
}

/// Two TL names that map to one Rust name in the same module would not compile.
fn check_unique_names(plan: &Plan) -> Result<(), Error> {
    let groups: [(&str, Vec<(Path, String)>); 3] = [
        (
            "types",
            plan.constructors
                .iter()
                .map(|i| (item_path(i), i.definition.full_name()))
                .collect(),
        ),
        (
            "enums",
            plan.enums
                .iter()
                .map(|e| (e.path.clone(), e.tl_name.clone()))
                .collect(),
        ),
        (
            "functions",
            plan.functions
                .iter()
                .map(|f| (item_path(&f.item), f.item.definition.full_name()))
                .collect(),
        ),
    ];
    for (root, items) in groups {
        let mut seen: HashMap<&Path, &str> = HashMap::new();
        for (path, tl_name) in &items {
            if let Some(first) = seen.insert(path, tl_name) {
                return Err(Error::NameClash {
                    first: first.to_owned(),
                    second: tl_name.clone(),
                    rust: format!("{root}::{}", path_text(path)),
                });
            }
        }
    }
    Ok(())
}

/// The path of an item's struct.
pub fn item_path(item: &Item) -> Path {
    Path {
        module: item.module.clone(),
        name: item.name.clone(),
    }
}

fn path_text(path: &Path) -> String {
    let mut parts = path.module.clone();
    parts.push(path.name.clone());
    parts.join("::")
}
