//! A function's example: Rust code that builds the request with the
//! generated API, encodes it, and decodes the answer as the function's
//! return type. Lines starting with `# ` are rustdoc's hidden lines: they
//! make the example compile as a doctest (and check that the type it names
//! is the function's `RemoteCall::Return`), and the site leaves them out.
//!
//! Every required field gets a value: `0`, `""`, `false`, an empty `Vec`, or
//! the constructor of its type that takes the fewest values to build,
//! itself built the same way.

use super::ReferenceOptions;
use super::type_text::Names;
use crate::plan::{Function, Item, Path, Plan, RustType};
use std::collections::{BTreeSet, HashMap};

/// A function's example code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The code, with rustdoc's hidden lines (`# ...`).
    pub code: String,
}

impl Example {
    /// The code a reader sees: without the hidden lines.
    pub fn visible(&self) -> String {
        let mut out = String::new();
        for line in self.code.lines() {
            let trimmed = line.trim_start();
            if trimmed == "#" || trimmed.starts_with("# ") {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

/// A cost no value of the type can be built for.
const UNBUILDABLE: u32 = u32::MAX;

/// Builds the examples of a plan's functions.
pub(super) struct Examples<'a> {
    plan: &'a Plan,
    names: Names,
    bindings: &'a str,
    runtime: &'a str,
    constructor_by_path: HashMap<Path, usize>,
    enum_by_path: HashMap<&'a Path, usize>,
    /// For each constructor, how many values building it takes.
    cost: Vec<u32>,
    /// A function with nothing to give, for a generic `!X` field.
    query: Option<&'a Function>,
}

impl<'a> Examples<'a> {
    pub(super) fn new(plan: &'a Plan, options: &ReferenceOptions<'a>) -> Examples<'a> {
        let mut examples = Examples {
            plan,
            names: Names::of(plan),
            bindings: options.bindings_path,
            runtime: options.runtime_path,
            constructor_by_path: plan
                .constructors
                .iter()
                .enumerate()
                .map(|(i, c)| (c.path(), i))
                .collect(),
            enum_by_path: plan
                .enums
                .iter()
                .enumerate()
                .map(|(i, e)| (&e.path, i))
                .collect(),
            cost: vec![UNBUILDABLE; plan.constructors.len()],
            query: None,
        };
        // The cheapest constructor of each type, found by relaxing until
        // nothing changes (each round settles at least one more).
        loop {
            let mut changed = false;
            for (i, item) in plan.constructors.iter().enumerate() {
                let cost = examples.item_cost(item);
                if cost < examples.cost[i] {
                    examples.cost[i] = cost;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // The query a wrapper (`invokeWithLayer`) wraps: a function with
        // nothing to give, a getter where there is one (Telegram's
        // `help.getConfig`, the usual first call).
        let queries: Vec<&Function> = plan
            .functions
            .iter()
            .filter(|f| f.item.generics.is_empty() && f.item.required_fields().next().is_none())
            .filter(|f| buildable_without_fields(&f.item))
            .collect();
        let name = |f: &&Function| f.item.definition.name.to_string();
        examples.query = queries
            .iter()
            .find(|f| name(f) == "getConfig")
            .or_else(|| queries.iter().find(|f| name(f).starts_with("get")))
            .or_else(|| queries.first())
            .copied();
        examples
    }

    fn item_cost(&self, item: &Item) -> u32 {
        let mut required = item.required_fields().peekable();
        if required.peek().is_none() {
            return if buildable_without_fields(item) {
                1
            } else {
                UNBUILDABLE
            };
        }
        required.fold(1u32, |sum, field| {
            sum.saturating_add(self.type_cost(&field.ty))
        })
    }

    fn type_cost(&self, ty: &RustType) -> u32 {
        match ty {
            RustType::Enum(path) => self.enum_by_path.get(path).map_or(UNBUILDABLE, |&e| {
                self.plan.enums[e]
                    .variants
                    .iter()
                    .map(|v| self.cost[v.constructor])
                    .min()
                    .unwrap_or(UNBUILDABLE)
            }),
            RustType::Struct(path) => self
                .constructor_by_path
                .get(path)
                .map_or(UNBUILDABLE, |&c| self.cost[c]),
            RustType::AnyValue | RustType::AnyCall => UNBUILDABLE,
            _ => 1,
        }
    }

    /// The example of one function.
    pub(super) fn of(&self, function: &Function) -> Example {
        let mut roots = BTreeSet::new();
        roots.insert("functions");
        let item = &function.item;
        let runtime = self.runtime;
        let mut path = self.names.item_path("functions", &item.path());
        let mut answer_type = None;
        // A wrapper (`invokeWithLayer`) wraps a query: a getter of the
        // schema, or where it has none the parameter of a generic function.
        // `new`'s `impl Into<X>` cannot infer it: named with a turbofish.
        let generic = !item.generics.is_empty();
        let query = self
            .query
            .map(|query| (self.names.item_path("functions", &query.item.path()), query));
        if generic {
            match &query {
                Some((query_path, query)) => {
                    path = format!("{path}::<{query_path}>");
                    answer_type = Some(self.type_name(&query.returns, &mut roots));
                }
                None => {
                    path = format!("{path}::<Q>");
                    answer_type = Some("Q::Return".to_owned());
                }
            }
        }
        let mut body = String::from("let request = ");
        let required: Vec<_> = item.required_fields().collect();
        if required.is_empty() {
            body.push_str(&path);
            if !item.fields.is_empty() {
                body.push_str("::default()");
            }
            body.push_str(";\n");
        } else {
            body.push_str(&format!("{path}::new(\n"));
            for field in &required {
                let value = match (&field.ty, &query) {
                    (RustType::Generic(_), Some((query_path, query))) => {
                        if query.item.fields.is_empty() {
                            query_path.clone()
                        } else {
                            format!("{query_path}::default()")
                        }
                    }
                    (RustType::Generic(_), None) => "query".to_owned(),
                    (ty, _) => self.value(ty, &mut roots),
                };
                body.push_str(&format!("    {value}, // {}\n", field.param.name));
            }
            body.push_str(");\n");
        }
        let answer_type =
            answer_type.unwrap_or_else(|| self.type_name(&function.returns, &mut roots));
        body.push_str("let bytes = request.to_bytes()?;\n");
        body.push_str(&format!(
            "// Send `bytes`; the answer decodes as `{answer_type}`:\n"
        ));
        body.push_str("# let answer_bytes: Vec<u8> = Vec::new();\n");
        body.push_str(&format!(
            "let answer: {answer_type} = Decode::from_bytes(&answer_bytes)?;\n"
        ));
        // Checks, hidden, that the type named is the request's answer.
        body.push_str(&format!(
            "# fn answered_with<F: {runtime}::RemoteCall<Return = R>, R>(_: &F, _: &R) {{}}\n"
        ));
        body.push_str("# answered_with(&request, &answer);\n");
        let body = if generic && query.is_none() {
            let mut wrapped = format!(
                "fn call<Q: {runtime}::RemoteCall>(query: Q) -> Result<Q::Return, Box<dyn std::error::Error>> {{\n"
            );
            for line in body.lines() {
                if !line.starts_with("# ") {
                    wrapped.push_str("    ");
                }
                wrapped.push_str(line);
                wrapped.push('\n');
            }
            wrapped.push_str("    Ok(answer)\n}\n");
            wrapped
        } else {
            body + "# Ok::<(), Box<dyn std::error::Error>>(())\n"
        };

        let roots: Vec<&str> = roots.into_iter().collect();
        let uses = if self.bindings == runtime {
            format!("use {runtime}::{{Decode, Encode, {}}};\n", roots.join(", "))
        } else {
            let modules = match roots.as_slice() {
                [one] => (*one).to_owned(),
                _ => format!("{{{}}}", roots.join(", ")),
            };
            format!(
                "use {}::{modules};\nuse {runtime}::{{Decode, Encode}};\n",
                self.bindings
            )
        };
        Example {
            code: format!("{uses}\n{body}"),
        }
    }

    /// A value of a required field's type.
    fn value(&self, ty: &RustType, roots: &mut BTreeSet<&'static str>) -> String {
        match ty {
            RustType::Int | RustType::Nat | RustType::Long => "0".to_owned(),
            RustType::Double => "0.0".to_owned(),
            RustType::Bool => "false".to_owned(),
            RustType::String => "\"\"".to_owned(),
            RustType::Bytes | RustType::Vector { .. } => "Vec::new()".to_owned(),
            RustType::Int128 => "[0; 16]".to_owned(),
            RustType::Int256 => "[0; 32]".to_owned(),
            RustType::RawObject => format!("{}::RawObject::default()", self.runtime),
            RustType::Enum(path) => {
                let cheapest = self.enum_by_path.get(path).and_then(|&e| {
                    self.plan.enums[e]
                        .variants
                        .iter()
                        .map(|v| v.constructor)
                        .min_by_key(|&c| self.cost[c])
                });
                match cheapest {
                    Some(c) if self.cost[c] != UNBUILDABLE => self.construct(c, roots),
                    _ => "todo!()".to_owned(),
                }
            }
            RustType::Struct(path) => match self.constructor_by_path.get(path) {
                Some(&c) if self.cost[c] != UNBUILDABLE => self.construct(c, roots),
                _ => "todo!()".to_owned(),
            },
            RustType::Generic(_) | RustType::AnyValue | RustType::AnyCall => "todo!()".to_owned(),
        }
    }

    /// The constructor `index`, built from values of its required fields.
    fn construct(&self, index: usize, roots: &mut BTreeSet<&'static str>) -> String {
        roots.insert("types");
        let item = &self.plan.constructors[index];
        let path = self.names.item_path("types", &item.path());
        let required: Vec<_> = item.required_fields().collect();
        if required.is_empty() {
            return if item.fields.is_empty() {
                path
            } else {
                format!("{path}::default()")
            };
        }
        let args: Vec<String> = required.iter().map(|f| self.value(&f.ty, roots)).collect();
        format!("{path}::new({})", args.join(", "))
    }

    /// A Rust type as the example writes it, noting the modules it uses.
    fn type_name(&self, ty: &RustType, roots: &mut BTreeSet<&'static str>) -> String {
        match ty {
            RustType::Enum(_) => {
                roots.insert("enums");
            }
            RustType::Struct(_) => {
                roots.insert("types");
            }
            // Borrowed bindings' owned form: `CowVec<'static, _>`, and
            // `Cow<'static, [u8]>` bytes.
            RustType::Vector { element, .. } if self.plan.lifetimes.borrowed() => {
                let element = self.type_name(element, roots);
                return format!("{}::CowVec<'static, {element}>", self.runtime);
            }
            RustType::Vector { element, .. } => {
                return format!("Vec<{}>", self.type_name(element, roots));
            }
            RustType::RawObject if self.plan.lifetimes.borrowed() => {
                return format!(
                    "{}::RawObject<std::borrow::Cow<'static, [u8]>>",
                    self.runtime
                );
            }
            RustType::RawObject => return format!("{}::RawObject", self.runtime),
            _ => {}
        }
        self.names.rust_type(ty).text()
    }
}

/// Whether an item with no required field can be built: a unit struct, or
/// one with `Default`.
fn buildable_without_fields(item: &Item) -> bool {
    item.fields.is_empty() || item.derives_default
}
