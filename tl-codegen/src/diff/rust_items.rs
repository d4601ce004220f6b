//! The Rust side of a schema as the generator plans it: each definition's
//! struct path and fields' members, each boxed type's enum, variants and
//! accessors. Read from [`crate::plan`], so the names are those `tl gen`
//! emits.

use crate::plan::{self, CommonKind, Path, Plan, Role, RustType};
use std::collections::HashMap;
use tl_parser::{Category, Schema};

/// How a field is held, as far as code using the struct can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holding {
    /// A `#` mask (written from the fields it gates).
    Mask,
    /// A plain value, taken by `new`.
    Required,
    /// An `Option`.
    Optional,
    /// A `bool` flag.
    Bit,
    /// A `true` flag that is not stored: it follows a value field.
    Implied,
}

/// A field of a planned struct.
#[derive(Debug, Clone)]
pub(super) struct RustField {
    /// How code reaches it: its member, or `member.N` inside a shared tuple;
    /// `None` if it is not stored.
    pub access: Option<String>,
    /// The member's path: `types::Message::reactions`.
    pub member_path: Option<String>,
    /// Its Rust type (of the value).
    pub ty: RustType,
    /// How it is held.
    pub holding: Holding,
}

/// A planned struct.
#[derive(Debug, Clone)]
pub(super) struct RustStruct {
    /// `types::Message`, `functions::messages::SendMessage`.
    pub path: String,
    /// Its fields by TL name.
    pub fields: HashMap<String, RustField>,
    /// The TL names of the fields `new` takes, in order.
    pub new_args: Vec<String>,
}

/// A planned enum.
#[derive(Debug, Clone)]
pub(super) struct RustEnum {
    /// `enums::MessageMedia`.
    pub path: String,
    /// Each constructor's variant, by the constructor's TL name.
    pub variants: HashMap<String, String>,
    /// Accessors of shared fields: name, type, how they give it.
    pub accessors: HashMap<String, (RustType, CommonKind)>,
}

/// The planned Rust items of one side.
#[derive(Debug, Default)]
pub(super) struct RustItems {
    structs: HashMap<(Category, String), RustStruct>,
    enums: HashMap<String, RustEnum>,
    /// Whether the side could be planned at all.
    pub planned: bool,
}

/// `types::auth::SentCode`.
fn path_text(root: &str, path: &Path) -> String {
    let mut text = root.to_owned();
    for part in path.module.iter().chain(std::iter::once(&path.name)) {
        text.push_str("::");
        text.push_str(part);
    }
    text
}

fn holding(role: &Role) -> Holding {
    match role {
        Role::Mask { .. } => Holding::Mask,
        Role::Required => Holding::Required,
        Role::Optional { .. } => Holding::Optional,
        Role::Bit { .. } => Holding::Bit,
        Role::ImpliedBit { .. } => Holding::Implied,
    }
}

fn planned_struct(root: &str, item: &plan::Item) -> RustStruct {
    let path = path_text(root, &item.path());
    let fields = item
        .fields
        .iter()
        .map(|field| {
            let member = field
                .shared
                .as_ref()
                .map(|shared| shared.member.clone())
                .or_else(|| field.member.clone());
            let access = match &field.shared {
                Some(shared) => Some(format!("{}.{}", shared.member, shared.index)),
                None => field.member.clone(),
            };
            let rust = RustField {
                access,
                member_path: member.map(|m| format!("{path}::{m}")),
                ty: field.ty.clone(),
                holding: holding(&field.role),
            };
            (field.param.name.to_string(), rust)
        })
        .collect();
    RustStruct {
        new_args: item
            .required_fields()
            .map(|f| f.param.name.to_string())
            .collect(),
        path,
        fields,
    }
}

impl RustItems {
    /// The items of `schemas` as the generator plans them; none if it cannot,
    /// or if the checker finds errors (the generator plans checked schemas).
    pub(super) fn of(schemas: &[Schema]) -> RustItems {
        let refs: Vec<&Schema> = schemas.iter().collect();
        let errors = tl_parser::check(&refs)
            .iter()
            .any(|d| d.severity == tl_parser::Severity::Error);
        if errors {
            return RustItems::default();
        }
        match plan::build(schemas, &|_| true) {
            Ok(plan) => RustItems::from_plan(&plan),
            Err(_) => RustItems::default(),
        }
    }

    fn from_plan(plan: &Plan) -> RustItems {
        let mut structs = HashMap::new();
        for item in &plan.constructors {
            let key = (Category::Type, item.definition.full_name());
            structs.insert(key, planned_struct("types", item));
        }
        for function in &plan.functions {
            let key = (Category::Function, function.item.definition.full_name());
            structs.insert(key, planned_struct("functions", &function.item));
        }
        let enums = plan
            .enums
            .iter()
            .map(|boxed| {
                let rust = RustEnum {
                    path: path_text("enums", &boxed.path),
                    variants: boxed
                        .variants
                        .iter()
                        .map(|v| {
                            let constructor = &plan.constructors[v.constructor].definition;
                            (constructor.full_name(), v.name.clone())
                        })
                        .collect(),
                    accessors: boxed
                        .common_fields
                        .iter()
                        .map(|c| (c.member.clone(), (c.ty.clone(), c.kind)))
                        .collect(),
                };
                (boxed.tl_name.clone(), rust)
            })
            .collect();
        RustItems {
            structs,
            enums,
            planned: true,
        }
    }

    /// The struct of the definition with this category and TL name.
    pub(super) fn item(&self, category: Category, name: &str) -> Option<&RustStruct> {
        self.structs.get(&(category, name.to_owned()))
    }

    /// The enum of the boxed type with this TL name.
    pub(super) fn enumeration(&self, type_name: &str) -> Option<&RustEnum> {
        self.enums.get(type_name)
    }
}
