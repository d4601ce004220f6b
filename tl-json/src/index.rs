//! Lookup tables over the schemas: definitions by id, by name, and the
//! constructors of each boxed type, with names resolved per schema.
//!
//! Schemas used together may reuse a name: Telegram's API has a constructor
//! `message` of type `Message`, and the MTProto service schema has another
//! `message` of another `Message`. So a name written inside a definition is
//! looked up in that definition's own schema first, then in the others in the
//! order given; a name with no context (the `"_"` of a top-level object) is
//! looked up in schema order. Constructor ids are unique in practice; where
//! two definitions share one, the first wins.

use std::collections::HashMap;
use std::ops::Deref;
use tl_parser::{Category, Definition, Schema, Type};

/// A definition and the schema it comes from (its position in the list
/// given to [`Index::new`]). It dereferences to the [`Definition`].
#[derive(Debug)]
pub struct IndexedDefinition {
    /// Which schema, by position.
    pub schema: usize,
    /// The definition itself.
    pub definition: Definition,
}

impl Deref for IndexedDefinition {
    type Target = Definition;

    fn deref(&self) -> &Definition {
        &self.definition
    }
}

/// The schemas, indexed for the codec.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<IndexedDefinition>,
    constructor_by_id: HashMap<u32, usize>,
    function_by_id: HashMap<u32, usize>,
    /// Every constructor of each name, in schema order.
    constructors_named: HashMap<String, Vec<usize>>,
    /// Every function of each name, in schema order.
    functions_named: HashMap<String, Vec<usize>>,
    /// The constructors of each boxed type name, in schema order.
    constructors_of: HashMap<String, Vec<usize>>,
    /// For each schema, whether its `#` fields are data
    /// ([`Schema::nat_fields_are_data`]).
    nat_data: Vec<bool>,
    /// For each schema, whether it declares `Object` and `Function` as any
    /// object (TON's `object ? = Object;`, `function ? = Function;`).
    declares_any: Vec<bool>,
}

impl Index {
    /// Indexes schemas used together. Built-in declarations are skipped.
    pub fn new(schemas: &[Schema]) -> Index {
        let mut index = Index {
            nat_data: schemas.iter().map(Schema::nat_fields_are_data).collect(),
            declares_any: schemas
                .iter()
                .map(|s| {
                    s.definitions
                        .iter()
                        .any(|d| d.is_builtin() && d.result.full_name() == "Object")
                })
                .collect(),
            ..Index::default()
        };
        for (schema, definitions) in schemas.iter().map(|s| &s.definitions).enumerate() {
            for definition in definitions.iter().filter(|d| !d.is_builtin()) {
                let i = index.entries.len();
                let name = definition.full_name();
                match definition.category {
                    Category::Type => {
                        index.constructor_by_id.entry(definition.id).or_insert(i);
                        index.constructors_named.entry(name).or_default().push(i);
                        index
                            .constructors_of
                            .entry(definition.result.full_name())
                            .or_default()
                            .push(i);
                    }
                    Category::Function => {
                        index.function_by_id.entry(definition.id).or_insert(i);
                        index.functions_named.entry(name).or_default().push(i);
                    }
                }
                index.entries.push(IndexedDefinition {
                    schema,
                    definition: definition.clone(),
                });
            }
        }
        index
    }

    /// The constructor with this id.
    pub fn constructor_by_id(&self, id: u32) -> Option<&IndexedDefinition> {
        self.constructor_by_id.get(&id).map(|&i| &self.entries[i])
    }

    /// The function with this id.
    pub fn function_by_id(&self, id: u32) -> Option<&IndexedDefinition> {
        self.function_by_id.get(&id).map(|&i| &self.entries[i])
    }

    /// The constructor, or failing that the function, with this name, in
    /// schema order.
    pub fn by_name(&self, name: &str) -> Option<&IndexedDefinition> {
        self.first(&self.constructors_named, name, None)
            .or_else(|| self.first(&self.functions_named, name, None))
    }

    /// The function with this name, in schema order.
    pub fn function_by_name(&self, name: &str) -> Option<&IndexedDefinition> {
        self.first(&self.functions_named, name, None)
    }

    /// The constructor with this name, as seen from a definition of schema
    /// `from`: that schema's own first.
    pub fn constructor_by_name(&self, name: &str, from: usize) -> Option<&IndexedDefinition> {
        self.first(&self.constructors_named, name, Some(from))
    }

    /// The constructor a bare type written in schema `from` stands for:
    /// `future_salt`, or `%Message` for a boxed type with exactly one
    /// constructor.
    pub fn bare_constructor(&self, ty: &Type, from: usize) -> Option<&IndexedDefinition> {
        let name = ty.full_name();
        if ty.is_percent_bare() {
            let owner = self.owner(&name, from)?;
            let mut of_owner = self.constructors_of[&name]
                .iter()
                .map(|&i| &self.entries[i])
                .filter(|entry| entry.schema == owner);
            match (of_owner.next(), of_owner.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        } else {
            self.constructor_by_name(&name, from)
        }
    }

    /// Whether the constructor belongs to the boxed type `ty` as written in
    /// schema `from`: the type of that name in `from`, or failing that in
    /// the first schema that has it.
    pub fn is_constructor_of(
        &self,
        constructor: &IndexedDefinition,
        ty: &str,
        from: usize,
    ) -> bool {
        constructor.result.full_name() == ty && self.owner(ty, from) == Some(constructor.schema)
    }

    /// Whether the `#` fields of schema `schema` are data: a `#` that gates
    /// nothing is a number, and a mask keeps the bits no field stands for
    /// (see [`Schema::nat_fields_are_data`]).
    pub fn nat_fields_are_data(&self, schema: usize) -> bool {
        self.nat_data.get(schema).copied().unwrap_or(false)
    }

    /// Whether `ty`, written in schema `from`, is any object of the schemas:
    /// `Object` (and `object`, `function`, `Function`) where that schema
    /// declares them as TON's do, Telegram's undeclared `Object` anywhere.
    pub fn is_any_object(&self, ty: &Type, from: usize) -> bool {
        if !ty.namespace.is_empty() || !ty.args.is_empty() {
            return false;
        }
        match ty.name.as_str() {
            "Object" => true,
            "object" | "function" | "Function" => {
                self.declares_any.get(from).copied().unwrap_or(false)
            }
            _ => false,
        }
    }

    /// Whether a boxed type of this name has constructors in any schema.
    pub fn has_type(&self, ty: &str) -> bool {
        self.constructors_of.contains_key(ty)
    }

    /// The schema whose boxed type `ty` a definition of schema `from` means.
    fn owner(&self, ty: &str, from: usize) -> Option<usize> {
        let constructors = self.constructors_of.get(ty)?;
        let schemas = constructors.iter().map(|&i| self.entries[i].schema);
        schemas
            .clone()
            .find(|&schema| schema == from)
            .or_else(|| schemas.min())
    }

    /// The first entry of `name` in `table`: from schema `from` if it has
    /// one, otherwise in schema order.
    fn first(
        &self,
        table: &HashMap<String, Vec<usize>>,
        name: &str,
        from: Option<usize>,
    ) -> Option<&IndexedDefinition> {
        let candidates = table.get(name)?;
        let preferred =
            from.and_then(|from| candidates.iter().find(|&&i| self.entries[i].schema == from));
        preferred.or(candidates.first()).map(|&i| &self.entries[i])
    }
}
