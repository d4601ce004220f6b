//! Types as pages show them: text with the names of the schema's types and
//! constructors linked to their pages, in TL (`Vector<InputUser>`) and in
//! Rust (`Vec<enums::InputUser>`).

use crate::descriptions::LinkTarget;
use crate::plan::{Path, Plan, RustType};
use std::collections::{HashMap, HashSet};
use tl_parser::Type;

/// A type written out, in pieces: plain text and links.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypeText(pub Vec<TypePart>);

/// A piece of a [`TypeText`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypePart {
    /// Text that links nowhere: `Vec<`, `i32`, `string`.
    Plain(String),
    /// A name that has a page.
    Link {
        /// The name as shown: `InputUser`, `enums::InputUser`.
        text: String,
        /// Its page.
        target: LinkTarget,
    },
}

impl TypeText {
    fn plain(&mut self, text: &str) {
        match self.0.last_mut() {
            Some(TypePart::Plain(last)) => last.push_str(text),
            _ => self.0.push(TypePart::Plain(text.to_owned())),
        }
    }

    fn link(&mut self, text: String, target: LinkTarget) {
        self.0.push(TypePart::Link { text, target });
    }

    /// The type as plain text.
    pub fn text(&self) -> String {
        self.0
            .iter()
            .map(|part| match part {
                TypePart::Plain(text) | TypePart::Link { text, .. } => text.as_str(),
            })
            .collect()
    }
}

/// `root::module::Name` as Rust code writes it (with `r#` where needed).
fn link_path(root: &str, path: &Path) -> String {
    let mut parts = vec![root];
    parts.extend(path.module.iter().map(String::as_str));
    parts.push(&path.name);
    parts.join("::")
}

/// What the pages need to know of the plan's names.
pub(super) struct Names {
    boxed_types: HashSet<String>,
    constructors: HashSet<String>,
    enum_names: HashMap<Path, String>,
    struct_names: HashMap<Path, String>,
    rust_paths: HashMap<LinkTarget, String>,
    /// Whether strings and bytes are `Cow`s, vectors `CowVec`s and boxes
    /// `CowBox`es (borrowed bindings).
    borrowed: bool,
}

impl Names {
    pub(super) fn of(plan: &Plan) -> Names {
        let mut rust_paths = HashMap::new();
        let mut names = Names {
            boxed_types: HashSet::new(),
            constructors: HashSet::new(),
            enum_names: HashMap::new(),
            struct_names: HashMap::new(),
            rust_paths: HashMap::new(),
            borrowed: plan.lifetimes.borrowed(),
        };
        for boxed in &plan.enums {
            names.boxed_types.insert(boxed.tl_name.clone());
            names
                .enum_names
                .insert(boxed.path.clone(), boxed.tl_name.clone());
            rust_paths.insert(
                LinkTarget::Type(boxed.tl_name.clone()),
                link_path("enums", &boxed.path),
            );
        }
        for item in &plan.constructors {
            let tl_name = item.definition.full_name();
            names.constructors.insert(tl_name.clone());
            names.struct_names.insert(item.path(), tl_name.clone());
            rust_paths.insert(
                LinkTarget::Constructor(tl_name),
                link_path("types", &item.path()),
            );
        }
        for function in &plan.functions {
            rust_paths.insert(
                LinkTarget::Function(function.item.definition.full_name()),
                link_path("functions", &function.item.path()),
            );
        }
        names.rust_paths = rust_paths;
        names
    }

    pub(super) fn rust_paths(&self) -> HashMap<LinkTarget, String> {
        self.rust_paths.clone()
    }

    pub(super) fn is_boxed_type(&self, tl_name: &str) -> bool {
        self.boxed_types.contains(tl_name)
    }

    /// `enums::auth::SentCode`.
    pub(super) fn enum_path(&self, path: &Path) -> String {
        self.item_path("enums", path)
    }

    /// `root::module::Name`, without `r#`.
    pub(super) fn item_path(&self, root: &str, path: &Path) -> String {
        let mut parts = vec![root];
        parts.extend(path.module.iter().map(|m| m.trim_start_matches("r#")));
        parts.push(path.name.trim_start_matches("r#"));
        parts.join("::")
    }

    /// A TL type with its boxed types and bare constructors linked.
    pub(super) fn tl_type(&self, ty: &Type) -> TypeText {
        let mut text = TypeText::default();
        self.write_tl(&mut text, ty);
        text
    }

    fn write_tl(&self, text: &mut TypeText, ty: &Type) {
        if ty.generic_ref {
            text.plain("!");
        }
        let percent = ty.is_percent_bare();
        if percent {
            text.plain("%");
        }
        let name = ty.full_name();
        let boxed = !ty.bare || percent;
        if boxed && self.boxed_types.contains(&name) {
            text.link(name.clone(), LinkTarget::Type(name));
        } else if !boxed && self.constructors.contains(&name) {
            text.link(name.clone(), LinkTarget::Constructor(name));
        } else {
            text.plain(&name);
        }
        if !ty.args.is_empty() {
            text.plain("<");
            for (i, arg) in ty.args.iter().enumerate() {
                if i > 0 {
                    text.plain(",");
                }
                self.write_tl(text, arg);
            }
            text.plain(">");
        }
    }

    /// A Rust type, with the generated enums and structs linked.
    pub(super) fn rust_type(&self, ty: &RustType) -> TypeText {
        let mut text = TypeText::default();
        self.write_rust(&mut text, ty);
        text
    }

    fn write_rust(&self, text: &mut TypeText, ty: &RustType) {
        match ty {
            RustType::Int => text.plain("i32"),
            RustType::Nat => text.plain("u32"),
            RustType::Long => text.plain("i64"),
            RustType::Double => text.plain("f64"),
            RustType::Bool => text.plain("bool"),
            RustType::String if self.borrowed => text.plain("Cow<str>"),
            RustType::String => text.plain("String"),
            RustType::Bytes if self.borrowed => text.plain("Cow<[u8]>"),
            RustType::Bytes => text.plain("Vec<u8>"),
            RustType::Int128 => text.plain("[u8; 16]"),
            RustType::Int256 => text.plain("[u8; 32]"),
            RustType::Vector { element, .. } => {
                text.plain(if self.borrowed { "CowVec<" } else { "Vec<" });
                self.write_rust(text, element);
                text.plain(">");
            }
            RustType::Enum(path) => match self.enum_names.get(path) {
                Some(tl_name) => text.link(self.enum_path(path), LinkTarget::Type(tl_name.clone())),
                None => text.plain(&self.enum_path(path)),
            },
            RustType::Struct(path) => {
                let shown = self.item_path("types", path);
                match self.struct_names.get(path) {
                    Some(tl_name) => text.link(shown, LinkTarget::Constructor(tl_name.clone())),
                    None => text.plain(&shown),
                }
            }
            RustType::Generic(name) => text.plain(name),
            RustType::RawObject if self.borrowed => text.plain("RawObject<Cow<[u8]>>"),
            RustType::RawObject => text.plain("RawObject"),
            RustType::AnyValue if self.borrowed => text.plain("CowBox<AnyValue>"),
            RustType::AnyValue => text.plain("Box<AnyValue>"),
            RustType::AnyCall if self.borrowed => text.plain("CowBox<AnyCall>"),
            RustType::AnyCall => text.plain("Box<AnyCall>"),
        }
    }
}
