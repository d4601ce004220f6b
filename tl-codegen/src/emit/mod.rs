//! From a [`Plan`] to Rust tokens: the module tree, with one emitter per
//! kind of generated item (`structs`, `enums`, `functions`) and the pieces
//! they share (`fields`, `codec`, `docs`).

mod borrowed;
mod codec;
mod dispatch;
mod docs;
mod enums;
mod fields;
mod functions;
mod json;
pub mod rpc_errors;
mod structs;

use crate::lifetimes::Lifetimes;
use crate::method_data::MethodData;
use crate::plan::{Path, Plan, RustType};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};

/// Settings the emitters need.
pub struct Options<'a> {
    /// The path of the runtime crate (`::tl_types`, or `crate` inside it).
    pub runtime: TokenStream,
    /// Facts about functions for their docs.
    pub methods: &'a MethodData,
    /// The path of the generated `RpcErrorKind`, if the docs link to it.
    pub rpc_error_kind: Option<String>,
    /// The size no enum may exceed, checked at compile time.
    pub max_enum_size: Option<usize>,
    /// Whether to generate TL-JSON impls, and behind which feature.
    pub serde: crate::SerdeSupport,
    /// The path of the bindings list an `Object` field's TL-JSON uses, if
    /// not the generated bindings' own.
    pub object_bindings: Option<TokenStream>,
    /// The pages of the definitions, which the docs spell.
    pub reference: &'a crate::reference::Reference,
    /// The descriptions of constructors, fields and types.
    pub descriptions: &'a crate::descriptions::Descriptions,
    /// Whether functions' docs show an example (a doctest).
    pub examples: bool,
}

/// The whole generated file.
pub fn file(plan: &Plan, options: &Options<'_>) -> TokenStream {
    let layer = plan.layer.map(|layer| {
        let layer = proc_macro2::Literal::u32_unsuffixed(layer);
        quote! {
            #[doc = " The layer of the schema these bindings were generated from."]
            pub const LAYER: i32 = #layer;
        }
    });

    let mut types: Vec<ItemEmitter<'_>> = Vec::new();
    for (index, item) in plan.constructors.iter().enumerate() {
        types.push((
            item.module.clone(),
            item.name.clone(),
            Box::new(move |scope: &Scope| structs::constructor(plan, index, options, scope)),
        ));
    }
    let mut enums: Vec<ItemEmitter<'_>> = Vec::new();
    for (index, boxed) in plan.enums.iter().enumerate() {
        enums.push((
            boxed.path.module.clone(),
            boxed.path.name.clone(),
            Box::new(move |scope: &Scope| enums::boxed_type(plan, index, options, scope)),
        ));
    }
    let mut functions: Vec<ItemEmitter<'_>> = Vec::new();
    for (index, function) in plan.functions.iter().enumerate() {
        functions.push((
            function.item.module.clone(),
            function.item.name.clone(),
            Box::new(move |scope: &Scope| functions::function(plan, index, options, scope)),
        ));
    }

    let lifetimes = &plan.lifetimes;
    let types = module_tree(
        "types",
        " One struct per constructor. Used as a field type, a struct is a bare value: its fields without the constructor id.",
        types,
        options,
        lifetimes,
    );
    let enums = module_tree(
        "enums",
        " One enum per boxed type, one variant per constructor. A boxed value starts with its constructor id.",
        enums,
        options,
        lifetimes,
    );
    let functions = module_tree(
        "functions",
        " One struct per function. Each implements `RemoteCall`, whose `Return` is the type of the answer.",
        functions,
        options,
        lifetimes,
    );
    let root = Scope::new(
        0,
        &HashSet::from(["AnyValue", "AnyCall", "AnyObject"]),
        lifetimes,
    );
    let dispatch = dispatch::dispatch(plan, options, &root);
    let object_bindings = json::object_bindings(plan, options);
    let prelude = root.prelude(&options.runtime);
    quote! {
        #prelude
        #layer
        #dispatch
        #object_bindings
        #types
        #enums
        #functions
    }
}

/// Emits one item into the module it belongs to.
type Emit<'a> = Box<dyn Fn(&Scope) -> TokenStream + 'a>;

/// An item's module path, its name and its emitter.
type ItemEmitter<'a> = (Vec<String>, String, Emit<'a>);

/// A module holding items, grouped into submodules by their module path.
fn module_tree(
    root: &str,
    doc: &str,
    items: Vec<ItemEmitter<'_>>,
    options: &Options<'_>,
    lifetimes: &Lifetimes,
) -> TokenStream {
    #[derive(Default)]
    struct Node<'a> {
        items: Vec<(String, Emit<'a>)>,
        children: BTreeMap<String, Node<'a>>,
    }
    let mut top = Node::default();
    for (module, name, emit) in items {
        let mut node = &mut top;
        for part in module {
            node = node.children.entry(part).or_default();
        }
        node.items.push((name, emit));
    }

    fn emit(
        name: &str,
        doc: &str,
        node: &Node<'_>,
        depth: usize,
        options: &Options<'_>,
        lifetimes: &Lifetimes,
    ) -> TokenStream {
        let names: HashSet<&str> = node
            .items
            .iter()
            .map(|(n, _)| n.as_str())
            .chain(node.children.keys().map(String::as_str))
            .collect();
        let scope = Scope::new(depth, &names, lifetimes);
        let items: Vec<TokenStream> = node.items.iter().map(|(_, emit)| emit(&scope)).collect();
        let children: Vec<TokenStream> = node
            .children
            .iter()
            .map(|(child, node)| {
                let doc = format!(" The `{}` namespace.", child.trim_start_matches("r#"));
                emit(child, &doc, node, depth + 1, options, lifetimes)
            })
            .collect();
        // A module of namespaces alone (`ton_api`'s `storage` above
        // `storage::daemon`) uses nothing of the runtime.
        let prelude = (!node.items.is_empty()).then(|| scope.prelude(&options.runtime));
        let name = ident(name);
        // Doc links show an item's path from the bindings' root and point at
        // it from the module they are in, which works whether or not the
        // module imports that root; where it does, rustdoc finds the target
        // redundant. The imports follow what the code uses, not the docs.
        let allow = (depth == 1).then(|| quote!(#[allow(rustdoc::redundant_explicit_links)]));
        quote! {
            #[doc = #doc]
            #allow
            pub mod #name {
                #prelude
                #(#items)*
                #(#children)*
            }
        }
    }
    emit(root, doc, &top, 1, options, lifetimes)
}

/// What an item being emitted can see: how deep its module is, which
/// prelude names its module's items shadow, which items take a lifetime,
/// and what it used.
pub struct Scope<'l> {
    depth: usize,
    shadowed: HashSet<&'static str>,
    lifetimes: &'l Lifetimes,
    uses_types: Cell<bool>,
    uses_enums: Cell<bool>,
    uses_functions: Cell<bool>,
    uses_cow: Cell<bool>,
}

/// Prelude names the generated code uses, with the path to use where a
/// generated item of the same name shadows them.
const PRELUDE: &[(&str, &str)] = &[
    ("Option", "::core::option::Option"),
    ("Some", "::core::option::Option::Some"),
    ("None", "::core::option::Option::None"),
    ("Result", "::core::result::Result"),
    ("Ok", "::core::result::Result::Ok"),
    ("Err", "::core::result::Result::Err"),
    ("Vec", "::std::vec::Vec"),
    ("String", "::std::string::String"),
    ("Box", "::std::boxed::Box"),
    ("From", "::core::convert::From"),
    ("TryFrom", "::core::convert::TryFrom"),
    // Not in Rust's prelude: imported where borrowed bindings use it.
    ("Cow", "::std::borrow::Cow"),
];

impl<'l> Scope<'l> {
    fn new(depth: usize, names: &HashSet<&str>, lifetimes: &'l Lifetimes) -> Scope<'l> {
        Scope {
            depth,
            shadowed: PRELUDE
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| names.contains(name))
                .collect(),
            lifetimes,
            uses_types: Cell::new(false),
            uses_enums: Cell::new(false),
            uses_functions: Cell::new(false),
            uses_cow: Cell::new(false),
        }
    }

    /// Which items take a lifetime.
    pub fn lifetimes(&self) -> &'l Lifetimes {
        self.lifetimes
    }

    /// `Cow`, imported by the module's prelude (or spelled out in full
    /// where the module shadows it).
    fn cow(&self) -> TokenStream {
        if !self.shadowed.contains("Cow") {
            self.uses_cow.set(true);
        }
        self.std("Cow")
    }

    /// A prelude name (`Ok`, `Vec`, ...), spelled out in full where this
    /// module shadows it.
    pub fn std(&self, name: &'static str) -> TokenStream {
        if self.shadowed.contains(name) {
            let full = PRELUDE
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(name, |(_, full)| full);
            full.parse().expect("a path")
        } else {
            let name = ident(name);
            quote!(#name)
        }
    }

    /// How many modules deep this module is below the generated root.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// `super::super` from this module up to the generated root.
    pub fn to_root(&self) -> String {
        vec!["super"; self.depth].join("::")
    }

    /// The path of an enum, as this module's items write it.
    pub fn enum_path(&self, path: &Path) -> TokenStream {
        self.uses_enums.set(true);
        item_path("enums", path)
    }

    /// The path of a constructor's struct, as this module's items write it.
    pub fn struct_path(&self, path: &Path) -> TokenStream {
        self.uses_types.set(true);
        item_path("types", path)
    }

    /// The path of a function's struct, as this module's items write it.
    pub fn function_path(&self, path: &Path) -> TokenStream {
        self.uses_functions.set(true);
        item_path("functions", path)
    }

    /// A Rust type, with the lifetime `'a` where it borrows.
    pub fn ty(&self, ty: &RustType) -> TokenStream {
        self.ty_with(ty, &quote!('a))
    }

    /// A Rust type in its owned form: the lifetime `'static` where it would
    /// borrow (a function's `RemoteCall::Return`).
    pub fn owned_ty(&self, ty: &RustType) -> TokenStream {
        self.ty_with(ty, &quote!('static))
    }

    fn ty_with(&self, ty: &RustType, lifetime: &TokenStream) -> TokenStream {
        let borrowed = self.lifetimes.borrowed();
        match ty {
            RustType::Int => quote!(i32),
            RustType::Nat => quote!(u32),
            RustType::Long => quote!(i64),
            RustType::Double => quote!(f64),
            RustType::Bool => quote!(bool),
            RustType::String if borrowed => {
                let cow = self.cow();
                quote!(#cow<#lifetime, str>)
            }
            RustType::String => self.std("String"),
            RustType::Bytes if borrowed => {
                let cow = self.cow();
                quote!(#cow<#lifetime, [u8]>)
            }
            RustType::Bytes => {
                let vec = self.std("Vec");
                quote!(#vec<u8>)
            }
            RustType::Int128 => quote!([u8; 16]),
            RustType::Int256 => quote!([u8; 32]),
            RustType::Vector { element, .. } => {
                let element = self.ty_with(element, lifetime);
                if borrowed {
                    quote!(tl::CowVec<#lifetime, #element>)
                } else {
                    let vec = self.std("Vec");
                    quote!(#vec<#element>)
                }
            }
            RustType::Enum(path) => {
                let path_tokens = self.enum_path(path);
                let args = self.lifetimes.of_enum(path).then(|| quote!(<#lifetime>));
                quote!(#path_tokens #args)
            }
            RustType::Struct(path) => {
                let path_tokens = self.struct_path(path);
                let args = self.lifetimes.of_struct(path).then(|| quote!(<#lifetime>));
                quote!(#path_tokens #args)
            }
            RustType::Generic(name) => {
                let name = ident(name);
                quote!(#name)
            }
            RustType::RawObject if borrowed => {
                let cow = self.cow();
                quote!(tl::RawObject<#cow<#lifetime, [u8]>>)
            }
            RustType::RawObject => quote!(tl::RawObject),
            RustType::AnyValue | RustType::AnyCall => {
                let name = if *ty == RustType::AnyValue {
                    ident("AnyValue")
                } else {
                    ident("AnyCall")
                };
                let up = (0..self.depth).map(|_| ident("super"));
                let takes = if *ty == RustType::AnyValue {
                    self.lifetimes.any_value()
                } else {
                    self.lifetimes.any_call()
                };
                let args = takes.then(|| quote!(<#lifetime>));
                let boxed = quote!(#(#up::)* #name #args);
                self.boxed(&boxed, lifetime)
            }
        }
    }

    /// A box of `ty`: a `Box` in owned bindings, a `tl::CowBox` with
    /// `lifetime` in borrowed ones.
    pub fn boxed(&self, ty: &TokenStream, lifetime: &TokenStream) -> TokenStream {
        if self.lifetimes.borrowed() {
            quote!(tl::CowBox<#lifetime, #ty>)
        } else {
            let box_ = self.std("Box");
            quote!(#box_<#ty>)
        }
    }

    /// A doc link to a generated item: ``[`enums::auth::SentCode`](super::super::enums::auth::SentCode)``,
    /// or ``[`enums::auth::SentCode`]`` at the root, where the path shown is
    /// the way to the item (unless it drops an `r#`).
    pub fn doc_link(&self, root: &str, path: &Path) -> String {
        let mut parts = vec![root.to_owned()];
        parts.extend(
            path.module
                .iter()
                .map(|m| m.trim_start_matches("r#").to_owned()),
        );
        parts.push(path.name.trim_start_matches("r#").to_owned());
        let shown = parts.join("::");
        let mut target = vec![root.to_owned()];
        target.extend(path.module.iter().cloned());
        target.push(path.name.clone());
        let target = target.join("::");
        if self.depth > 0 {
            format!("[`{shown}`]({}::{target})", self.to_root())
        } else if shown == target {
            format!("[`{shown}`]")
        } else {
            format!("[`{shown}`]({target})")
        }
    }

    /// `<'a>` for an item that takes the lifetime, else nothing: its
    /// generics in its declaration and impls.
    pub fn lifetime_params(takes: bool) -> TokenStream {
        generic_list(takes.then(|| quote!('a)), [])
    }

    fn prelude(&self, runtime: &TokenStream) -> TokenStream {
        let up: Vec<Ident> = (0..self.depth).map(|_| ident("super")).collect();
        let mut roots = Vec::new();
        if self.uses_enums.get() {
            roots.push(ident("enums"));
        }
        if self.uses_functions.get() {
            roots.push(ident("functions"));
        }
        if self.uses_types.get() {
            roots.push(ident("types"));
        }
        if self.depth == 0 {
            // At the root, the modules are in scope already.
            roots.clear();
        }
        let roots = match roots.len() {
            0 => quote!(),
            1 => {
                let root = &roots[0];
                quote!(use #(#up::)* #root;)
            }
            _ => quote!(use #(#up::)* {#(#roots),*};),
        };
        let cow = self.uses_cow.get().then(|| {
            quote!(
                use ::std::borrow::Cow;
            )
        });
        quote! {
            #roots
            #cow
            use #runtime as tl;
        }
    }
}

/// The decoder impls of a type without type parameters, whose `body` reads
/// it from `reader` (`#[inline]` if `inline`; read with
/// [`codec::Reads::of`] the bindings): `Decode` in owned bindings, and in
/// borrowed ones what [`borrowed::decoders`] writes, with `into_owned`, the
/// type's `IntoOwned` where it has one.
pub fn decoders(
    name: &Ident,
    lifetime: bool,
    reader: &TokenStream,
    body: &TokenStream,
    inline: bool,
    into_owned: Option<TokenStream>,
    scope: &Scope,
) -> TokenStream {
    if scope.lifetimes().borrowed() {
        return borrowed::decoders(name, lifetime, reader, body, inline, into_owned, scope);
    }
    let result = scope.std("Result");
    let inline = inline.then(|| quote!(#[inline]));
    quote! {
        impl tl::Decode for #name {
            #inline
            fn decode(#reader: &mut tl::Reader<'_>) -> #result<Self, tl::DecodeError> {
                #body
            }
        }
    }
}

/// A list of generic parameters or arguments, the lifetime first:
/// `<'a, X: tl::Encode>`, `<'static, X::Owned>`, `<X>`, or nothing where
/// there is neither.
pub fn generic_list(
    lifetime: Option<TokenStream>,
    types: impl IntoIterator<Item = TokenStream>,
) -> TokenStream {
    let parts: Vec<TokenStream> = lifetime.into_iter().chain(types).collect();
    if parts.is_empty() {
        quote!()
    } else {
        quote!(<#(#parts),*>)
    }
}

fn item_path(root: &str, path: &Path) -> TokenStream {
    let root = ident(root);
    let modules = path.module.iter().map(|m| ident(m));
    let name = ident(&path.name);
    quote!(#root #(::#modules)* :: #name)
}

/// An identifier, raw where the name is written `r#name`.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// A constructor id as a hex literal: `0x5e002502`.
pub fn hex_id(id: u32) -> TokenStream {
    format!("0x{id:08x}").parse().expect("a literal")
}
