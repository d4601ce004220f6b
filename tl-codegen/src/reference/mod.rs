//! The reference: what a page about each definition says. A function's
//! page has its description, TL line, an example in Rust, a table of its
//! parameters, its result, who may call it and the errors it returns; a
//! constructor's has its parameters and its boxed type; a boxed type's has
//! its constructors, the functions that return it and the definitions that
//! use it.
//!
//! It is decided here, once, from the plan (the Rust names), the method data
//! (the facts) and the [`Descriptions`] (the sentences), and spelled twice:
//! as rustdoc by the generator, and as a static site by `tl doc`.
//! Text from the descriptions is never invented: where they say nothing, a
//! page's description is `None`.

mod example;
mod type_text;

pub use example::Example;
pub use type_text::{TypePart, TypeText};

use crate::descriptions::{Descriptions, LinkTarget, Text};
use crate::error::Error;
use crate::method_data::MethodData;
use crate::plan::{Item, Plan, Role};
use crate::rpc_errors::ErrorPlan;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tl_parser::Schema;

/// The pages of every definition of a set of schemas.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The layer the schemas name, if any.
    pub layer: Option<u32>,
    /// One page per function, in schema order.
    pub functions: Vec<FunctionPage>,
    /// One page per constructor, in schema order.
    pub constructors: Vec<ConstructorPage>,
    /// One page per boxed type, in order of first appearance.
    pub types: Vec<TypePage>,
    /// The Rust path of each page's item, by link target.
    rust_paths: HashMap<LinkTarget, String>,
}

/// Settings of [`Reference::build`].
#[derive(Debug, Clone)]
pub struct ReferenceOptions<'a> {
    /// Facts about functions: who may call them, the errors they return.
    pub methods: &'a MethodData,
    /// The sentences: descriptions of definitions, parameters, types and errors.
    pub descriptions: &'a Descriptions,
    /// The Rust path the examples reach the bindings by: `tl_types::api`.
    pub bindings_path: &'a str,
    /// The Rust path of the runtime crate in the examples: `tl_types`.
    pub runtime_path: &'a str,
}

/// What every page of a constructor or function has.
#[derive(Debug, Clone)]
pub struct DefinitionPage {
    /// The TL name: `auth.sendCode`.
    pub tl_name: String,
    /// The constructor id.
    pub id: u32,
    /// The definition as the schema writes it, in canonical form.
    pub tl_line: String,
    /// The generated struct, from the root of the bindings:
    /// `functions::auth::SendCode`.
    pub rust_path: String,
    /// The description, where the descriptions have one.
    pub description: Option<Text>,
    /// The parameters, in wire order.
    pub params: Vec<Param>,
}

/// One parameter of a constructor or function.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name in the schema: `phone_number`.
    pub tl_name: String,
    /// The struct member holding it, if stored (a mask is not).
    pub rust_name: Option<String>,
    /// The Rust type of its value (without the `Option` of an optional one).
    pub rust_type: TypeText,
    /// Its TL type (without the `flags.N?` of an optional one).
    pub tl_type: TypeText,
    /// Whether it is always there.
    pub presence: Presence,
    /// The description, where the descriptions have one.
    pub description: Option<Text>,
}

/// Whether a parameter is always there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presence {
    /// Always there.
    Required,
    /// `flags.N?T`: there when bit `bit` of `mask` is set.
    Optional {
        /// The mask's name.
        mask: String,
        /// The bit.
        bit: u32,
    },
    /// `flags.N?true`: a flag, true when the bit is set.
    Flag {
        /// The mask's name.
        mask: String,
        /// The bit.
        bit: u32,
    },
    /// A `#` mask, computed from the optional fields and flags it gates.
    Mask,
}

impl Presence {
    /// A few words for a table cell: `required`, `optional (flags.2)`,
    /// `flag (flags.0)`, `mask`.
    pub fn describe(&self) -> String {
        match self {
            Presence::Required => "required".to_owned(),
            Presence::Optional { mask, bit } => format!("optional ({mask}.{bit})"),
            Presence::Flag { mask, bit } => format!("flag ({mask}.{bit})"),
            Presence::Mask => "mask".to_owned(),
        }
    }
}

/// A function's page.
#[derive(Debug, Clone)]
pub struct FunctionPage {
    /// The parts every definition's page has.
    pub page: DefinitionPage,
    /// The TL type it returns.
    pub returns_tl: TypeText,
    /// The Rust type of its answer (`RemoteCall::Return`).
    pub returns_rust: TypeText,
    /// The boxed type it returns, if it is one of the schema's.
    pub returns_type: Option<String>,
    /// Who may call it.
    pub usability: Usability,
    /// The errors it is known to return, by name; `None` where the method
    /// data do not list the function (unknown, which is not "none").
    pub errors: Option<Vec<ErrorRow>>,
    /// Rust code that builds the request and decodes the answer.
    pub example: Example,
}

/// Who may call a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usability {
    /// Users only.
    User,
    /// Bots only.
    Bot,
    /// Users and bots.
    Both,
    /// The method data do not say.
    Unknown,
}

impl Usability {
    /// A sentence for the page: `Users only.`, `Bots only.`, `Users and
    /// bots.`, or that it is not recorded.
    pub fn sentence(self) -> &'static str {
        match self {
            Usability::User => "Users only.",
            Usability::Bot => "Bots only.",
            Usability::Both => "Users and bots.",
            Usability::Unknown => "Not recorded.",
        }
    }
}

/// One error a function is known to return.
#[derive(Debug, Clone)]
pub struct ErrorRow {
    /// Its name, with `X` where a number goes: `FLOOD_WAIT_X`.
    pub name: String,
    /// The error codes it comes with (empty if the data have none).
    pub codes: Vec<i32>,
    /// Its variant of the generated `RpcErrorKind`: `FloodWait`.
    pub variant: Option<String>,
    /// The description, where the descriptions have one.
    pub description: Option<Text>,
}

/// A constructor's page.
#[derive(Debug, Clone)]
pub struct ConstructorPage {
    /// The parts every definition's page has.
    pub page: DefinitionPage,
    /// The boxed type it builds: `auth.SentCode`.
    pub boxed_type: String,
}

/// A boxed type's page.
#[derive(Debug, Clone)]
pub struct TypePage {
    /// The TL name: `auth.SentCode`.
    pub tl_name: String,
    /// The generated enum, from the root of the bindings: `enums::auth::SentCode`.
    pub rust_path: String,
    /// The description, where the descriptions have one.
    pub description: Option<Text>,
    /// Its constructors' TL names, in schema order.
    pub constructors: Vec<String>,
    /// The functions that return it (or a vector of it), by TL name.
    pub returned_by: Vec<String>,
    /// The constructors and functions with a parameter of this type, by TL
    /// name, sorted.
    pub used_by: Vec<LinkTarget>,
}

impl Reference {
    /// The pages of every definition of `schemas`. Refuses what the
    /// generator refuses (a type no constructor builds, a name clash it
    /// cannot resolve).
    pub fn build(schemas: &[Schema], options: &ReferenceOptions<'_>) -> Result<Reference, Error> {
        let plan = crate::plan::build(schemas, &|_| true)?;
        Ok(Reference::of_plan(&plan, options))
    }

    /// The pages of the items of a plan.
    pub(crate) fn of_plan(plan: &Plan, options: &ReferenceOptions<'_>) -> Reference {
        let names = type_text::Names::of(plan);
        let descriptions = options.descriptions;
        let errors = ErrorPlan::new(options.methods);
        let examples = example::Examples::new(plan, options);

        let constructors: Vec<ConstructorPage> = plan
            .constructors
            .iter()
            .map(|item| ConstructorPage {
                page: definition_page(
                    item,
                    "types",
                    descriptions.constructor(&item.definition.full_name()),
                    &names,
                ),
                boxed_type: item.definition.result.full_name(),
            })
            .collect();

        let functions: Vec<FunctionPage> = plan
            .functions
            .iter()
            .map(|function| {
                let item = &function.item;
                let tl_name = item.definition.full_name();
                let info = options.methods.method(&tl_name);
                let usability = match info.map(|i| i.usability.as_str()) {
                    Some("user") => Usability::User,
                    Some("bot") => Usability::Bot,
                    Some("both") => Usability::Both,
                    _ => Usability::Unknown,
                };
                let error_rows = info.map(|info| {
                    info.errors
                        .iter()
                        .map(|name| ErrorRow {
                            name: name.clone(),
                            codes: options
                                .methods
                                .error_codes(name)
                                .map(<[i32]>::to_vec)
                                .unwrap_or_default(),
                            variant: errors.variant(name).map(|v| v.variant.clone()),
                            description: descriptions.error(name).cloned(),
                        })
                        .collect()
                });
                let result = &item.definition.result;
                let returns_type = names
                    .is_boxed_type(&result.full_name())
                    .then(|| result.full_name());
                FunctionPage {
                    page: definition_page(
                        item,
                        "functions",
                        descriptions.function(&tl_name),
                        &names,
                    ),
                    returns_tl: names.tl_type(result),
                    returns_rust: names.rust_type(&function.returns),
                    returns_type,
                    usability,
                    errors: error_rows,
                    example: examples.of(function),
                }
            })
            .collect();

        let mut returned_by: HashMap<String, Vec<String>> = HashMap::new();
        for function in &plan.functions {
            let mut result = &function.item.definition.result;
            while result.name == "Vector" || result.name == "vector" {
                match result.args.first() {
                    Some(arg) => result = arg,
                    None => break,
                }
            }
            returned_by
                .entry(result.full_name())
                .or_default()
                .push(function.item.definition.full_name());
        }
        let mut used_by: HashMap<String, BTreeSet<LinkTarget>> = HashMap::new();
        for (item, target) in plan
            .constructors
            .iter()
            .map(|c| (c, LinkTarget::Constructor(c.definition.full_name())))
            .chain(
                plan.functions
                    .iter()
                    .map(|f| (&f.item, LinkTarget::Function(f.item.definition.full_name()))),
            )
        {
            for field in &item.fields {
                let mut types = vec![&field.param.ty];
                while let Some(ty) = types.pop() {
                    types.extend(&ty.args);
                    used_by
                        .entry(ty.full_name())
                        .or_default()
                        .insert(target.clone());
                }
            }
        }
        let types = plan
            .enums
            .iter()
            .map(|boxed| TypePage {
                tl_name: boxed.tl_name.clone(),
                rust_path: names.enum_path(&boxed.path),
                description: descriptions.boxed_type(&boxed.tl_name).cloned(),
                constructors: boxed
                    .variants
                    .iter()
                    .map(|v| plan.constructors[v.constructor].definition.full_name())
                    .collect(),
                returned_by: returned_by.remove(&boxed.tl_name).unwrap_or_default(),
                used_by: used_by
                    .remove(&boxed.tl_name)
                    .map(|set| set.into_iter().collect())
                    .unwrap_or_default(),
            })
            .collect();

        Reference {
            layer: plan.layer,
            functions,
            constructors,
            types,
            rust_paths: names.rust_paths(),
        }
    }

    /// The Rust path (from the bindings' root) of the item a link points at,
    /// as code writes it (`r#` included): `enums::auth::SentCode` for the
    /// type `auth.SentCode`; `None` for an external link or a name the
    /// schemas lack.
    pub fn rust_path(&self, target: &LinkTarget) -> Option<&str> {
        self.rust_paths.get(target).map(String::as_str)
    }

    /// The function named `tl_name`.
    pub fn function(&self, tl_name: &str) -> Option<&FunctionPage> {
        self.functions.iter().find(|f| f.page.tl_name == tl_name)
    }

    /// The namespaces of the definitions and types, each with its
    /// constructors, functions and types (TL names, sorted); `""` is the
    /// root.
    pub fn namespaces(&self) -> BTreeMap<String, Namespace> {
        let mut namespaces: BTreeMap<String, Namespace> = BTreeMap::new();
        let of = |name: &str| name.rsplit_once('.').map_or("", |(ns, _)| ns).to_owned();
        for c in &self.constructors {
            let ns = namespaces.entry(of(&c.page.tl_name)).or_default();
            ns.constructors.push(c.page.tl_name.clone());
        }
        for f in &self.functions {
            let ns = namespaces.entry(of(&f.page.tl_name)).or_default();
            ns.functions.push(f.page.tl_name.clone());
        }
        for t in &self.types {
            let ns = namespaces.entry(of(&t.tl_name)).or_default();
            ns.types.push(t.tl_name.clone());
        }
        for ns in namespaces.values_mut() {
            ns.constructors.sort();
            ns.functions.sort();
            ns.types.sort();
        }
        namespaces
    }
}

/// What one namespace holds, by TL name.
#[derive(Debug, Clone, Default)]
pub struct Namespace {
    /// Its constructors.
    pub constructors: Vec<String>,
    /// Its functions.
    pub functions: Vec<String>,
    /// Its boxed types.
    pub types: Vec<String>,
}

fn definition_page(
    item: &Item,
    root: &str,
    text: Option<&crate::descriptions::DefinitionText>,
    names: &type_text::Names,
) -> DefinitionPage {
    let definition = &item.definition;
    let params = item
        .fields
        .iter()
        .map(|field| {
            let presence = match &field.role {
                Role::Mask { .. } => Presence::Mask,
                Role::Required => Presence::Required,
                Role::Optional { mask, bit } => Presence::Optional {
                    mask: field_name(item, mask),
                    bit: *bit,
                },
                Role::Bit { mask, bit } | Role::ImpliedBit { mask, bit, .. } => Presence::Flag {
                    mask: field_name(item, mask),
                    bit: *bit,
                },
            };
            let rust_name = match &field.role {
                Role::ImpliedBit { .. } => None,
                _ => field
                    .shared
                    .as_ref()
                    .map(|s| s.member.clone())
                    .or_else(|| field.member.clone()),
            };
            Param {
                tl_name: field.param.name.to_string(),
                rust_name: rust_name.map(|n| n.trim_start_matches("r#").to_owned()),
                rust_type: names.rust_type(&field.ty),
                tl_type: names.tl_type(&field.param.ty),
                presence,
                description: text.and_then(|t| t.param(&field.param.name)).cloned(),
            }
        })
        .collect();
    DefinitionPage {
        tl_name: definition.full_name(),
        id: definition.id,
        tl_line: tl_parser::print::definition_text(definition),
        rust_path: names.item_path(root, &item.path()),
        description: text.and_then(|t| t.description.clone()),
        params,
    }
}

/// The schema's name of the mask field whose Rust identifier is `ident`.
fn field_name(item: &Item, ident: &str) -> String {
    item.fields
        .iter()
        .find(|f| f.ident == ident)
        .map_or_else(|| ident.to_owned(), |f| f.param.name.to_string())
}
