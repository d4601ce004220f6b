//! Lookup tables over the schemas: definitions by id, by name, and the
//! constructors of each boxed type.

use std::collections::HashMap;
use tl_parser::{Category, Definition, Schema, Type};

/// The schemas, indexed for the codec.
#[derive(Debug, Default)]
pub struct Index {
    definitions: Vec<Definition>,
    constructor_by_id: HashMap<u32, usize>,
    function_by_id: HashMap<u32, usize>,
    constructor_by_name: HashMap<String, usize>,
    function_by_name: HashMap<String, usize>,
    constructors_of: HashMap<String, Vec<usize>>,
}

impl Index {
    /// Indexes schemas used together. Built-in declarations are skipped, and
    /// where two definitions share an id or a name the first one wins.
    pub fn new(schemas: &[Schema]) -> Index {
        let mut index = Index::default();
        for definition in schemas.iter().flat_map(|s| &s.definitions) {
            if definition.is_builtin() {
                continue;
            }
            let i = index.definitions.len();
            let name = definition.full_name();
            match definition.category {
                Category::Type => {
                    index.constructor_by_id.entry(definition.id).or_insert(i);
                    index.constructor_by_name.entry(name).or_insert(i);
                    index
                        .constructors_of
                        .entry(definition.result.full_name())
                        .or_default()
                        .push(i);
                }
                Category::Function => {
                    index.function_by_id.entry(definition.id).or_insert(i);
                    index.function_by_name.entry(name).or_insert(i);
                }
            }
            index.definitions.push(definition.clone());
        }
        index
    }

    /// The constructor with this id.
    pub fn constructor_by_id(&self, id: u32) -> Option<&Definition> {
        self.constructor_by_id
            .get(&id)
            .map(|&i| &self.definitions[i])
    }

    /// The function with this id.
    pub fn function_by_id(&self, id: u32) -> Option<&Definition> {
        self.function_by_id.get(&id).map(|&i| &self.definitions[i])
    }

    /// The constructor, or failing that the function, with this name.
    pub fn by_name(&self, name: &str) -> Option<&Definition> {
        self.constructor_by_name
            .get(name)
            .or_else(|| self.function_by_name.get(name))
            .map(|&i| &self.definitions[i])
    }

    /// The function with this name.
    pub fn function_by_name(&self, name: &str) -> Option<&Definition> {
        self.function_by_name
            .get(name)
            .map(|&i| &self.definitions[i])
    }

    /// The constructor with this name.
    pub fn constructor_by_name(&self, name: &str) -> Option<&Definition> {
        self.constructor_by_name
            .get(name)
            .map(|&i| &self.definitions[i])
    }

    /// The constructor a bare type stands for: `future_salt`, or `%Message`
    /// for a boxed type with exactly one constructor.
    pub fn bare_constructor(&self, ty: &Type) -> Option<&Definition> {
        let name = ty.full_name();
        if ty.is_percent_bare() {
            match self.constructors_of.get(&name).map(Vec::as_slice) {
                Some([only]) => Some(&self.definitions[*only]),
                _ => None,
            }
        } else {
            self.constructor_by_name(&name)
        }
    }

    /// Whether the constructor belongs to the boxed type named `ty`.
    pub fn is_constructor_of(&self, constructor: &Definition, ty: &str) -> bool {
        constructor.result.full_name() == ty
    }

    /// Whether a boxed type of this name has constructors.
    pub fn has_type(&self, ty: &str) -> bool {
        self.constructors_of.contains_key(ty)
    }
}
