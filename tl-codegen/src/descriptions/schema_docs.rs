//! The docs written in the schemas themselves: TDLib's `//@description ...
//! @param ...` comments and `/** ... */` blocks, which tl-parser keeps as
//! [`Definition::doc`](tl_parser::Definition::doc) and
//! [`Schema::type_docs`](tl_parser::Schema::type_docs). Their text is plain,
//! with bare URLs, which become links. TDLib documents a field named
//! `description` with `@param_description`.

use tl_parser::{Category, Definition, Schema};

use super::text::Text;
use super::{DefinitionText, Descriptions};

pub(crate) fn read(schemas: &[Schema]) -> Descriptions {
    let mut out = Descriptions::default();
    for schema in schemas {
        for definition in &schema.definitions {
            let Some(doc) = &definition.doc else {
                continue;
            };
            let mut text = DefinitionText {
                description: None,
                params: Vec::new(),
            };
            for tag in &doc.tags {
                let Some(tag_text) = Text::from_plain(&tag.text) else {
                    continue;
                };
                if tag.name == "description" {
                    text.description.get_or_insert(tag_text);
                } else {
                    let name = param_name(definition, &tag.name);
                    if text.param(name).is_none() {
                        text.params.push((name.to_owned(), tag_text));
                    }
                }
            }
            if text.description.is_none() && text.params.is_empty() {
                continue;
            }
            let map = match definition.category {
                Category::Type => &mut out.constructors,
                Category::Function => &mut out.functions,
            };
            map.entry(definition.full_name()).or_insert(text);
        }
        for type_doc in &schema.type_docs {
            if let Some(text) = type_doc.doc.description().and_then(Text::from_plain) {
                out.types.entry(type_doc.name.clone()).or_insert(text);
            }
        }
    }
    out
}

/// The parameter a tag documents: its name, except that TDLib writes
/// `@param_description` for a field named `description` (`@description`
/// being the definition's own).
fn param_name<'a>(definition: &Definition, tag: &'a str) -> &'a str {
    let has = |name: &str| definition.params.iter().any(|p| p.name == name);
    match tag.strip_prefix("param_") {
        Some(name) if !has(tag) && has(name) => name,
        _ => tag,
    }
}
