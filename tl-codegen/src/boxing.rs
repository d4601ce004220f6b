//! Which enum variants hold their constructor in a `Box`, decided from the
//! type graph.
//!
//! Two reasons to box a variant's payload:
//! - it lies on a cycle (`RichText` → `textBold` → `RichText`): without a box
//!   the type would have infinite size;
//! - it is large: an enum is as large as its largest variant, so one big
//!   constructor would make every value of the type big. Payloads estimated
//!   above [`INLINE_LIMIT`] bytes are boxed, which keeps every enum well under
//!   256 bytes.
//!
//! Functions are boxed by the same measure in the dispatch enum `AnyCall`.

use crate::plan::{Path, Plan, Role, RustType};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The largest payload, in estimated bytes, that an enum variant holds inline.
pub const INLINE_LIMIT: usize = 128;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Node {
    Enum(usize),
    Struct(usize),
}

/// Decides [`crate::plan::Variant::boxed`] for every variant of the plan.
pub fn decide(plan: &mut Plan) {
    let enum_index: HashMap<Path, usize> = plan
        .enums
        .iter()
        .enumerate()
        .map(|(i, e)| (e.path.clone(), i))
        .collect();
    let struct_index: HashMap<Path, usize> = plan
        .constructors
        .iter()
        .enumerate()
        .map(|(i, c)| (crate::plan::item_path(c), i))
        .collect();

    // Edges that make a value contain another inline (a `Vec` does not).
    let mut edges: HashMap<Node, Vec<Node>> = HashMap::new();
    for (e, boxed) in plan.enums.iter().enumerate() {
        edges.insert(
            Node::Enum(e),
            boxed
                .variants
                .iter()
                .map(|v| Node::Struct(v.constructor))
                .collect(),
        );
    }
    for (s, item) in plan.constructors.iter().enumerate() {
        let targets = item
            .stored_fields()
            .filter_map(|f| match &f.ty {
                RustType::Enum(p) => enum_index.get(p).map(|&i| Node::Enum(i)),
                RustType::Struct(p) => struct_index.get(p).map(|&i| Node::Struct(i)),
                _ => None,
            })
            .collect();
        edges.insert(Node::Struct(s), targets);
    }

    let components = strongly_connected(&edges);
    for (e, boxed) in plan.enums.iter_mut().enumerate() {
        for variant in &mut boxed.variants {
            let from = components[&Node::Enum(e)];
            let to = components[&Node::Struct(variant.constructor)];
            variant.boxed = from == to;
        }
    }

    let mut sizes = Sizes {
        plan,
        enum_index: &enum_index,
        struct_index: &struct_index,
        memo: HashMap::new(),
    };
    let mut large = Vec::new();
    for (e, boxed) in sizes.plan.enums.iter().enumerate() {
        for (v, variant) in boxed.variants.iter().enumerate() {
            if !variant.boxed && sizes.struct_size(variant.constructor) > INLINE_LIMIT {
                large.push((e, v));
            }
        }
    }
    let large_functions: Vec<usize> = (0..sizes.plan.functions.len())
        .filter(|&f| sizes.function_size(f) > INLINE_LIMIT)
        .collect();
    for (e, v) in large {
        plan.enums[e].variants[v].boxed = true;
    }
    for f in large_functions {
        plan.functions[f].boxed = true;
    }
}

/// Estimated sizes in bytes: upper bounds of what rustc lays out.
struct Sizes<'a> {
    plan: &'a Plan,
    enum_index: &'a HashMap<Path, usize>,
    struct_index: &'a HashMap<Path, usize>,
    memo: HashMap<Node, usize>,
}

impl Sizes<'_> {
    fn function_size(&mut self, index: usize) -> usize {
        let plan = self.plan;
        let item = &plan.functions[index].item;
        let fields: Vec<_> = item.stored_fields().collect();
        self.fields_size(&fields)
    }

    fn fields_size(&mut self, fields: &[&crate::plan::Field]) -> usize {
        let mut total = 0;
        for field in fields {
            let size = match field.ty {
                RustType::Generic(_) => 8,
                _ => self.type_size(&field.ty),
            };
            total += match field.role {
                Role::Optional { .. } if !has_niche(&field.ty) => size + 8,
                _ => size,
            };
        }
        total.div_ceil(8) * 8
    }

    fn struct_size(&mut self, index: usize) -> usize {
        if let Some(&size) = self.memo.get(&Node::Struct(index)) {
            return size;
        }
        // A placeholder for the (impossible) bare cycle keeps recursion finite.
        self.memo.insert(Node::Struct(index), 8);
        let plan = self.plan;
        let fields: Vec<_> = plan.constructors[index].stored_fields().collect();
        let size = self.fields_size(&fields);
        self.memo.insert(Node::Struct(index), size);
        size
    }

    fn enum_size(&mut self, index: usize) -> usize {
        if let Some(&size) = self.memo.get(&Node::Enum(index)) {
            return size;
        }
        self.memo.insert(Node::Enum(index), 16);
        let plan = self.plan;
        let mut largest = 0;
        for variant in &plan.enums[index].variants {
            let payload = if variant.boxed {
                8
            } else {
                self.struct_size(variant.constructor)
            };
            largest = largest.max(payload);
        }
        let size = 8 + largest;
        self.memo.insert(Node::Enum(index), size);
        size
    }

    fn type_size(&mut self, ty: &RustType) -> usize {
        match ty {
            RustType::Bool => 1,
            RustType::Int | RustType::Nat => 4,
            RustType::Long | RustType::Double => 8,
            RustType::Int128 => 16,
            RustType::Int256 => 32,
            RustType::String | RustType::Bytes | RustType::Vector { .. } | RustType::RawObject => {
                24
            }
            RustType::AnyValue | RustType::AnyCall => 8,
            RustType::Generic(_) => 0,
            RustType::Enum(path) => match self.enum_index.get(path) {
                Some(&i) => self.enum_size(i),
                None => 8,
            },
            RustType::Struct(path) => match self.struct_index.get(path) {
                Some(&i) => self.struct_size(i),
                None => 8,
            },
        }
    }
}

/// Whether `Option<T>` is no larger than `T`.
fn has_niche(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::String
            | RustType::Bytes
            | RustType::Vector { .. }
            | RustType::RawObject
            | RustType::AnyValue
            | RustType::AnyCall
            | RustType::Enum(_)
    )
}

/// Tarjan's algorithm, iteratively: each node's component number.
fn strongly_connected(edges: &HashMap<Node, Vec<Node>>) -> HashMap<Node, usize> {
    let mut index_of: HashMap<Node, usize> = HashMap::new();
    let mut low: HashMap<Node, usize> = HashMap::new();
    let mut on_stack: HashMap<Node, bool> = HashMap::new();
    let mut stack: Vec<Node> = Vec::new();
    let mut component: HashMap<Node, usize> = HashMap::new();
    let mut next_index = 0;
    let mut next_component = 0;

    let mut roots: Vec<Node> = edges.keys().copied().collect();
    roots.sort_by_key(|n| match n {
        Node::Enum(i) => (0, *i),
        Node::Struct(i) => (1, *i),
    });
    for root in roots {
        if index_of.contains_key(&root) {
            continue;
        }
        // (node, index of the next edge to follow)
        let mut work: Vec<(Node, usize)> = vec![(root, 0)];
        index_of.insert(root, next_index);
        low.insert(root, next_index);
        next_index += 1;
        stack.push(root);
        on_stack.insert(root, true);
        while let Some(&mut (node, ref mut next_edge)) = work.last_mut() {
            let targets = edges.get(&node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&target) = targets.get(*next_edge) {
                *next_edge += 1;
                if let Entry::Vacant(slot) = index_of.entry(target) {
                    slot.insert(next_index);
                    low.insert(target, next_index);
                    next_index += 1;
                    stack.push(target);
                    on_stack.insert(target, true);
                    work.push((target, 0));
                } else if on_stack.get(&target).copied().unwrap_or(false) {
                    let l = low[&node].min(index_of[&target]);
                    low.insert(node, l);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                let l = low[&parent].min(low[&node]);
                low.insert(parent, l);
            }
            if low[&node] == index_of[&node] {
                while let Some(member) = stack.pop() {
                    on_stack.insert(member, false);
                    component.insert(member, next_component);
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}
