//! Which generated items take the lifetime `'a` in borrowed bindings
//! ([`crate::Config::borrowed`]): those that hold something borrowed,
//! directly or through a field or a variant. Borrowed are a `string` or
//! `bytes` (a `Cow<'a, str>`, a `Cow<'a, [u8]>`) and an open object (its
//! bytes a `Cow<'a, [u8]>`), which point into the input, and a vector (a
//! `tl::CowVec<'a, T>`) and a box (a `tl::CowBox<'a, T>`: an enum's boxed
//! variant, a value of any type), which may be in the caller's arena.
//! Decided once on the plan, as a fixed point over the type graph, since
//! types refer to each other in cycles.

use crate::plan::{Path, Plan, RustType};
use std::collections::HashSet;

/// The items of a plan that take a lifetime. Empty for owned bindings, the
/// default, where no item takes one and strings are `String`s.
#[derive(Debug, Default)]
pub struct Lifetimes {
    borrowed: bool,
    types: HashSet<Path>,
    enums: HashSet<Path>,
    functions: HashSet<Path>,
    any_value: bool,
    any_call: bool,
}

impl Lifetimes {
    /// Whether the bindings borrow: strings and bytes are `Cow`s.
    pub fn borrowed(&self) -> bool {
        self.borrowed
    }

    /// Whether a value of `ty` holds something borrowed.
    pub fn of(&self, ty: &RustType) -> bool {
        match ty {
            RustType::String
            | RustType::Bytes
            | RustType::Vector { .. }
            | RustType::RawObject
            | RustType::AnyValue
            | RustType::AnyCall => self.borrowed,
            RustType::Enum(path) => self.enums.contains(path),
            RustType::Struct(path) => self.types.contains(path),
            RustType::Int
            | RustType::Nat
            | RustType::Long
            | RustType::Double
            | RustType::Bool
            | RustType::Int128
            | RustType::Int256
            | RustType::Generic(_) => false,
        }
    }

    /// Whether the constructor struct at `path` takes a lifetime.
    pub fn of_struct(&self, path: &Path) -> bool {
        self.types.contains(path)
    }

    /// Whether the enum at `path` takes a lifetime.
    pub fn of_enum(&self, path: &Path) -> bool {
        self.enums.contains(path)
    }

    /// Whether the function struct at `path` takes a lifetime.
    pub fn of_function(&self, path: &Path) -> bool {
        self.functions.contains(path)
    }

    /// Whether `AnyValue` takes a lifetime.
    pub fn any_value(&self) -> bool {
        self.any_value
    }

    /// Whether `AnyCall` takes a lifetime.
    pub fn any_call(&self) -> bool {
        self.any_call
    }

    /// Whether `AnyObject`, a value or a call, takes a lifetime.
    pub fn any_object(&self) -> bool {
        self.any_value || self.any_call
    }
}

/// Makes the plan's bindings borrowed and decides [`Plan::lifetimes`].
pub fn decide(plan: &mut Plan) {
    let mut lifetimes = Lifetimes {
        borrowed: true,
        ..Lifetimes::default()
    };
    // Each round adds what holds something found borrowing in the rounds
    // before; nothing is ever removed, so this ends.
    loop {
        let mut changed = false;
        for item in &plan.constructors {
            if !lifetimes.types.contains(&item.path())
                && item.fields.iter().any(|f| lifetimes.of(&f.ty))
            {
                lifetimes.types.insert(item.path());
                changed = true;
            }
        }
        for boxed in &plan.enums {
            if !lifetimes.enums.contains(&boxed.path)
                && boxed.variants.iter().any(|v| {
                    v.boxed
                        || lifetimes
                            .types
                            .contains(&plan.constructors[v.constructor].path())
                })
            {
                lifetimes.enums.insert(boxed.path.clone());
                changed = true;
            }
        }
        for function in &plan.functions {
            let item = &function.item;
            if !lifetimes.functions.contains(&item.path())
                && item.fields.iter().any(|f| lifetimes.of(&f.ty))
            {
                lifetimes.functions.insert(item.path());
                changed = true;
            }
        }
        let any_value = !lifetimes.enums.is_empty();
        // A boxed variant is a `CowBox<'a, _>`, and a generic function's
        // variant holds `CowBox<'a, AnyCall<'a>>`s.
        let any_call = !lifetimes.functions.is_empty()
            || plan
                .functions
                .iter()
                .any(|f| f.boxed || !f.item.generics.is_empty());
        changed |= any_value != lifetimes.any_value || any_call != lifetimes.any_call;
        lifetimes.any_value = any_value;
        lifetimes.any_call = any_call;
        if !changed {
            break;
        }
    }
    plan.lifetimes = lifetimes;
}
