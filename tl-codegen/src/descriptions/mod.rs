//! Descriptions of constructors, functions, their parameters, boxed types
//! and errors, for reference docs (rustdoc and `tl doc`).
//!
//! They come from two places, read at generation time and never stored in
//! this repository:
//! - mtcute's `tl/api-schema.json` (the npm package `@mtcute/core`), which
//!   holds Telegram's descriptions as HTML:
//!   [`Descriptions::from_mtcute_file`];
//! - the schemas' own TDLib-style doc comments:
//!   [`Descriptions::from_schema_docs`].
//!
//! [`Descriptions::or`] combines them. Each description is a [`Text`], a
//! small tree of inline markup that renders as plain text, as Markdown safe
//! for rustdoc and table cells, and as escaped HTML; links in it name a
//! constructor, function or type ([`LinkTarget`]), which the renderer's
//! caller maps to a page or intra-doc path.
//!
//! ```
//! use tl_codegen::descriptions::{Descriptions, LinkTarget};
//!
//! // A made-up file of mtcute's shape (the real one is `tl/api-schema.json`
//! // of `@mtcute/core`, see `tl-types/schema/fetch_mtcute.sh`).
//! let json = r#"{"l": 1, "e": [{"kind": "method", "name": "pets.feed",
//!     "comment": "Feeds a <strong>pet</strong>, see {@link pets.RawCat}",
//!     "arguments": [{"name": "grams", "comment": "How much, <code>1</code> or more"}],
//!     "throws": [{"code": 420, "name": "FEED_WAIT_%d", "comment": "Wait a while"}]}]}"#;
//! let schema = tl_parser::parse(
//!     "pets.cat#1 = pets.Pet;\n---functions---\npets.feed#2 grams:int = pets.Pet;",
//! )
//! .unwrap();
//! let mine = Descriptions::from_schema_docs(std::slice::from_ref(&schema));
//! let descriptions = Descriptions::from_mtcute_json("pets.json", json).unwrap().or(mine);
//!
//! let feed = descriptions.function("pets.feed").unwrap();
//! let link = |target: &LinkTarget| match target {
//!     LinkTarget::Constructor(name) => Some(format!("crate::types::{name}")),
//!     _ => None,
//! };
//! let description = feed.description.as_ref().unwrap();
//! assert_eq!(description.plain(), "Feeds a pet, see pets.cat");
//! assert_eq!(
//!     description.to_markdown(&link, false),
//!     "Feeds a **pet**, see [`pets.cat`](crate::types::pets.cat)"
//! );
//! assert_eq!(feed.param("grams").unwrap().to_html(&link), "How much, <code>1</code> or more");
//! assert_eq!(descriptions.error("FEED_WAIT_X").unwrap().plain(), "Wait a while");
//! assert!(descriptions.unmatched(std::slice::from_ref(&schema)).is_empty());
//! ```
//!
//! The files, one job each: `text` (the model and its normal form), `render`
//! (Markdown and HTML), `html` (description HTML to the model), `mtcute`
//! (the JSON file) and `schema_docs` (the schemas' own docs).

mod html;
mod mtcute;
mod render;
mod schema_docs;
mod text;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use tl_parser::{Category, Schema};

pub use text::{Inline, LinkTarget, Text};

use crate::Error;

/// Descriptions of a schema's items, looked up by TL name.
#[derive(Debug, Clone, Default)]
pub struct Descriptions {
    layer: Option<u32>,
    constructors: HashMap<String, DefinitionText>,
    functions: HashMap<String, DefinitionText>,
    types: HashMap<String, Text>,
    errors: HashMap<String, Text>,
}

/// The description of one constructor or function and of its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionText {
    /// What the definition is or does.
    pub description: Option<Text>,
    /// The parameters' descriptions, in the order written.
    params: Vec<(String, Text)>,
}

impl DefinitionText {
    /// The description of the parameter `name`.
    pub fn param(&self, name: &str) -> Option<&Text> {
        self.params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, text)| text)
    }

    /// Every described parameter, in the order written.
    pub fn params(&self) -> impl Iterator<Item = (&str, &Text)> {
        self.params.iter().map(|(name, text)| (name.as_str(), text))
    }

    /// `self`, its gaps filled from `other`.
    fn or(mut self, other: DefinitionText) -> DefinitionText {
        if self.description.is_none() {
            self.description = other.description;
        }
        for (name, text) in other.params {
            if self.param(&name).is_none() {
                self.params.push((name, text));
            }
        }
        self
    }
}

/// The entries of a [`Descriptions`] that name what the schemas lack, by
/// name, sorted: `len()` of each is its count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unmatched {
    /// Constructors no schema defines.
    pub constructors: Vec<String>,
    /// Functions no schema defines.
    pub functions: Vec<String>,
    /// Boxed types no constructor of the schemas has as its result.
    pub types: Vec<String>,
    /// Parameters (`definition.param`) that their definition, which the
    /// schemas have, lacks.
    pub params: Vec<String>,
    /// Internal link targets in the texts that the schemas lack.
    pub links: Vec<LinkTarget>,
}

impl Unmatched {
    /// Whether every entry matched.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// How many entries did not match, links included.
    pub fn total(&self) -> usize {
        self.constructors.len()
            + self.functions.len()
            + self.types.len()
            + self.params.len()
            + self.links.len()
    }
}

impl Descriptions {
    /// Reads mtcute's `api-schema.json`. A file that cannot be read is
    /// [`Error::Io`]; a malformed one is [`Error::Descriptions`], naming the
    /// file, the place (line:column for JSON syntax, or the entry, such as
    /// `e[12].arguments[3].comment`) and what is wrong.
    pub fn from_mtcute_file(path: &Path) -> Result<Descriptions, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Descriptions::from_mtcute_json(&path.display().to_string(), &text)
    }

    /// Reads the text of mtcute's `api-schema.json`; `file_name` names it in
    /// errors, as in [`Descriptions::from_mtcute_file`].
    pub fn from_mtcute_json(file_name: &str, text: &str) -> Result<Descriptions, Error> {
        mtcute::read(file_name, text)
    }

    /// The docs written in the schemas themselves (TDLib style): each
    /// definition's `@description` and parameter tags, and each `@class`
    /// type's description. The first schema that describes an item wins.
    pub fn from_schema_docs(schemas: &[Schema]) -> Descriptions {
        schema_docs::read(schemas)
    }

    /// Self's entries win; `other` fills the gaps, down to a definition's
    /// description and single parameters.
    pub fn or(mut self, other: Descriptions) -> Descriptions {
        self.layer = self.layer.or(other.layer);
        for (name, text) in other.constructors {
            merge(&mut self.constructors, name, text);
        }
        for (name, text) in other.functions {
            merge(&mut self.functions, name, text);
        }
        for (name, text) in other.types {
            self.types.entry(name).or_insert(text);
        }
        for (name, text) in other.errors {
            self.errors.entry(name).or_insert(text);
        }
        self
    }

    /// The layer the file says it describes (mtcute's `l`), if it says.
    pub fn layer(&self) -> Option<u32> {
        self.layer
    }

    /// The description of the constructor `tl_name` (`user`,
    /// `auth.sentCode`).
    pub fn constructor(&self, tl_name: &str) -> Option<&DefinitionText> {
        self.constructors.get(tl_name)
    }

    /// The description of the function `tl_name` (`auth.sendCode`).
    pub fn function(&self, tl_name: &str) -> Option<&DefinitionText> {
        self.functions.get(tl_name)
    }

    /// The description of the boxed type `tl_name` (`InputPeer`).
    pub fn boxed_type(&self, tl_name: &str) -> Option<&Text> {
        self.types.get(tl_name)
    }

    /// The description of an RPC error, by its name with `X` for a number
    /// (`FLOOD_WAIT_X`): the first non-empty one among the functions that
    /// throw it.
    pub fn error(&self, name_in_x_form: &str) -> Option<&Text> {
        self.errors.get(name_in_x_form)
    }

    /// Every constructor description, in no order.
    pub fn constructors(&self) -> impl Iterator<Item = (&str, &DefinitionText)> {
        self.constructors.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Every function description, in no order.
    pub fn functions(&self) -> impl Iterator<Item = (&str, &DefinitionText)> {
        self.functions.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Every boxed type description, in no order.
    pub fn boxed_types(&self) -> impl Iterator<Item = (&str, &Text)> {
        self.types.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Every error description, in no order.
    pub fn errors(&self) -> impl Iterator<Item = (&str, &Text)> {
        self.errors.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Every text held, in no order.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        let definitions = self.constructors.values().chain(self.functions.values());
        definitions
            .flat_map(|d| d.description.iter().chain(d.params.iter().map(|(_, t)| t)))
            .chain(self.types.values())
            .chain(self.errors.values())
    }

    /// The entries naming constructors, functions, types or parameters that
    /// the schemas lack, and the link targets they lack.
    pub fn unmatched(&self, schemas: &[Schema]) -> Unmatched {
        let mut constructors = HashMap::new();
        let mut functions = HashMap::new();
        let mut types = HashSet::new();
        for definition in schemas.iter().flat_map(|s| &s.definitions) {
            let params: HashSet<&str> = definition.params.iter().map(|p| p.name.as_str()).collect();
            match definition.category {
                Category::Type => {
                    types.insert(definition.result.full_name());
                    constructors
                        .entry(definition.full_name())
                        .or_insert_with(HashSet::new)
                        .extend(params);
                }
                Category::Function => {
                    functions
                        .entry(definition.full_name())
                        .or_insert_with(HashSet::new)
                        .extend(params);
                }
            }
        }
        let mut out = Unmatched::default();
        for (texts, known, missing) in [
            (&self.constructors, &constructors, &mut out.constructors),
            (&self.functions, &functions, &mut out.functions),
        ] {
            for (name, text) in texts {
                match known.get(name) {
                    None => missing.push(name.clone()),
                    Some(params) => out.params.extend(
                        text.params
                            .iter()
                            .filter(|(param, _)| !params.contains(param.as_str()))
                            .map(|(param, _)| format!("{name}.{param}")),
                    ),
                }
            }
        }
        out.types = self
            .types
            .keys()
            .filter(|name| !types.contains(name.as_str()))
            .cloned()
            .collect();
        let links: BTreeSet<LinkTarget> = self
            .texts()
            .flat_map(Text::links)
            .filter(|target| match target {
                LinkTarget::Constructor(name) => !constructors.contains_key(name),
                LinkTarget::Function(name) => !functions.contains_key(name),
                LinkTarget::Type(name) => !types.contains(name),
                LinkTarget::External(_) => false,
            })
            .cloned()
            .collect();
        out.links = links.into_iter().collect();
        out.constructors.sort();
        out.functions.sort();
        out.types.sort();
        out.params.sort();
        out
    }
}

fn merge(map: &mut HashMap<String, DefinitionText>, name: String, text: DefinitionText) {
    match map.remove(&name) {
        Some(mine) => map.insert(name, mine.or(text)),
        None => map.insert(name, text),
    };
}
