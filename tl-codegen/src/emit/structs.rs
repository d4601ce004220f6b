//! `types::`: one struct per constructor, serialised bare (fields only).
//!
//! A constructor's decoder is `#[inline]`: its callers are its boxed type's
//! `decode` and bare fields, so it is compiled into them instead of as
//! an exported function of its own that every caller reaches through
//! cross-unit inlining, which is slower to build (`BENCHMARKS.md`).

use super::{Options, Scope, borrowed, codec, decoders, docs, fields, hex_id, ident, json};
use crate::plan::Plan;
use proc_macro2::TokenStream;
use quote::quote;

/// The struct of constructor number `index`, with its trait impls:
///
/// ```ignore
/// /// The constructor `inputPeerUser`, a form of [`enums::InputPeer`](..).
/// #[derive(Debug, Clone, PartialEq, Default)]
/// pub struct InputPeerUser { pub user_id: i64, pub access_hash: i64 }
/// impl InputPeerUser { pub fn new(..) -> Self { .. } }
/// impl tl::Identifiable for InputPeerUser { const CONSTRUCTOR_ID: u32 = 0xdde8a54c; const TL_NAME: &'static str = "inputPeerUser"; }
/// impl tl::Encode for InputPeerUser { /* the fields: `codec::encoder` */ }
/// impl tl::Decode for InputPeerUser { /* the fields: `codec::decoder` */ }
/// ```
pub fn constructor(plan: &Plan, index: usize, options: &Options<'_>, scope: &Scope) -> TokenStream {
    let item = &plan.constructors[index];
    let definition = &item.definition;
    let name = ident(&item.name);
    let tl_name = definition.full_name();
    let id = hex_id(definition.id);

    let of = match item.boxed_type.map(|e| &plan.enums[e]) {
        Some(boxed) => format!(", a form of {}", scope.doc_link("enums", &boxed.path)),
        None => String::new(),
    };
    let description = options
        .descriptions
        .constructor(&tl_name)
        .and_then(|d| d.description.as_ref());
    let doc = docs::attrs(&format!(
        "The constructor `{tl_name}`{of}.\n{}",
        docs::definition_details(definition, description, options, scope)
    ));

    let lifetime = plan.lifetimes.of_struct(&item.path());
    let params = Scope::lifetime_params(lifetime);
    let declaration = if fields::is_unit(item) {
        quote!(pub struct #name;)
    } else {
        let fields = fields::declarations(item, options, scope);
        quote!(pub struct #name #params { #(#fields,)* })
    };
    let new = fields::constructor(item, scope);
    let accessors = fields::implied_accessors(item);
    let accessors = (new.is_some() || !accessors.is_empty()).then(|| {
        quote! {
            impl #params #name #params {
                #new
                #(#accessors)*
            }
        }
    });
    let derives = if item.derives_default {
        quote!(#[derive(Debug, Clone, PartialEq, Default)])
    } else {
        quote!(#[derive(Debug, Clone, PartialEq)])
    };
    let reader = codec::reader_name(item);
    let write = codec::encoder(item, false);
    let read = codec::decoder(item, scope, codec::Reads::of(plan));
    let decode = decoders(
        &name,
        lifetime,
        &reader,
        &read,
        true,
        borrowed::struct_into_owned(item, lifetime, scope),
        scope,
    );
    let tl_json = json::gate(options).map(|gate| {
        let impls = json::item(item, &gate, scope);
        let serde = json::serde_impls(&item.name, &[], &gate);
        quote!(#impls #serde)
    });
    quote! {
        #doc
        #derives
        #declaration

        #accessors

        impl #params tl::Identifiable for #name #params {
            const CONSTRUCTOR_ID: u32 = #id;
            const TL_NAME: &'static str = #tl_name;
        }

        impl #params tl::Encode for #name #params {
            fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
                #write
            }
        }

        #decode

        #tl_json
    }
}
