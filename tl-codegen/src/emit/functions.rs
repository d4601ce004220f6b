//! `functions::`: one struct per function, always serialised with its id,
//! implementing `RemoteCall` with the type of its answer.
//!
//! Like a constructor's, a function's decoder is `#[inline]` (see `structs`):
//! its one caller in the bindings is `AnyCall`.

use super::{Options, Scope, borrowed, codec, docs, fields, generic_list, hex_id, ident, json};
use crate::plan::{Plan, RustType};
use proc_macro2::TokenStream;
use quote::quote;

/// The struct of a function, with its trait impls: as a constructor's
/// (`structs::constructor`), written and read with its id, and
///
/// ```ignore
/// impl tl::RemoteCall for SendCode { type Return = enums::auth::SentCode; }
/// ```
pub fn function(plan: &Plan, index: usize, options: &Options<'_>, scope: &Scope) -> TokenStream {
    let function = &plan.functions[index];
    let page = &options.reference.functions[index];
    let item = &function.item;
    let definition = &item.definition;
    let name = ident(&item.name);
    let tl_name = definition.full_name();
    let id = hex_id(definition.id);

    let returns = match &function.returns {
        RustType::Enum(path) => scope.doc_link("enums", path),
        RustType::Struct(path) => scope.doc_link("types", path),
        RustType::Generic(g) => format!("whatever the wrapped `{g}` is answered with"),
        _ => format!("`{}`", definition.result),
    };
    let mut doc = format!(
        "The function `{tl_name}`, answered with {returns}.\n{}",
        docs::definition_details(definition, page.page.description.as_ref(), options, scope)
    );
    doc.push_str(&docs::function_page(page, options, scope));
    let doc = docs::attrs(&doc);

    let generics: Vec<_> = item.generics.iter().map(|g| ident(g)).collect();
    let lifetime = plan.lifetimes.of_function(&item.path());
    let bounded = |bound: TokenStream| {
        generic_list(
            lifetime.then(|| quote!('a)),
            generics.iter().map(|g| quote!(#g: #bound)),
        )
    };
    let params = generic_list(
        lifetime.then(|| quote!('a)),
        generics.iter().map(|g| quote!(#g)),
    );
    let serialize_bounds = bounded(quote!(tl::Encode));
    let call_bounds = bounded(quote!(tl::RemoteCall));
    let declaration = if fields::is_unit(item) {
        quote!(pub struct #name;)
    } else {
        let fields = fields::declarations(item, options, scope);
        quote!(pub struct #name #params { #(#fields,)* })
    };
    let returns = match &function.returns {
        RustType::Generic(g) => {
            let g = ident(g);
            quote!(#g::Return)
        }
        other => scope.owned_ty(other),
    };
    let new = fields::constructor(item, scope);
    let accessors = fields::implied_accessors(item);
    let facts = method_facts(&tl_name, options, scope);
    let accessors = (new.is_some() || !accessors.is_empty() || facts.is_some()).then(|| {
        quote! {
            impl #params #name #params {
                #facts
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
    let write = codec::encoder(item, true);
    let decode = if plan.lifetimes.borrowed() {
        borrowed_decode(item, lifetime, scope)
    } else {
        owned_decode(item, lifetime, scope)
    };
    let tl_json = json::gate(options).map(|gate| {
        let impls = json::item(item, &gate, scope);
        let serde = json::serde_impls(&item.name, &item.generics, &gate);
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

        impl #serialize_bounds tl::Encode for #name #params {
            fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
                #write
            }
        }

        #decode

        impl #call_bounds tl::RemoteCall for #name #params {
            type Return = #returns;
        }

        #tl_json
    }
}

/// The function's `USABILITY` and `ERRORS` constants, with method data:
///
/// ```ignore
/// pub const USABILITY: tl::Usability = tl::Usability::User;
/// pub const ERRORS: Option<&'static [&'static str]> = Some(&["API_ID_INVALID"]);
/// ```
fn method_facts(tl_name: &str, options: &Options<'_>, scope: &Scope) -> Option<TokenStream> {
    if options.methods.is_empty() {
        return None;
    }
    let info = options.methods.method(tl_name);
    let usability = match info.map(|info| info.usability.as_str()) {
        Some("user") => quote!(User),
        Some("bot") => quote!(Bot),
        Some("both") => quote!(Both),
        _ => quote!(Unknown),
    };
    let option = scope.std("Option");
    let errors = match info {
        Some(info) => {
            let some = scope.std("Some");
            let names = &info.errors;
            quote!(#some(&[#(#names),*]))
        }
        None => scope.std("None"),
    };
    Some(quote! {
        /// Who may call it, as far as the method data know.
        pub const USABILITY: tl::Usability = tl::Usability::#usability;
        /// The errors it is known to return, by name (`FLOOD_WAIT_X` for
        /// `FLOOD_WAIT_30`, as `RpcErrorKind::name` gives it); `None` where
        /// the method data do not list it, which is unknown, not none.
        pub const ERRORS: #option<&'static [&'static str]> = #errors;
    })
}

/// A function's `Decode`: its id, then its fields read as owned values, for
/// its `'static` form where it takes a lifetime (in borrowed bindings,
/// where a generic function's type parameter is owned already).
fn owned_decode(item: &crate::plan::Item, lifetime: bool, scope: &Scope) -> TokenStream {
    let name = ident(&item.name);
    let generics: Vec<_> = item.generics.iter().map(|g| ident(g)).collect();
    let params = generic_list(None, generics.iter().map(|g| quote!(#g: tl::Decode)));
    let args = generic_list(
        lifetime.then(|| quote!('static)),
        generics.iter().map(|g| quote!(#g)),
    );
    let read = codec::decoder(item, scope, codec::Reads::Owned);
    let result = scope.std("Result");
    quote! {
        impl #params tl::Decode for #name #args {
            #[inline]
            fn decode(reader: &mut tl::Reader<'_>) -> #result<Self, tl::DecodeError> {
                tl::__private::expect_id_of::<Self>(reader)?;
                #read
            }
        }
    }
}

/// A function's decoders in borrowed bindings, as a constructor's
/// (`borrowed::decoders`), each reading the id first. A generic
/// function's `Decode` reads owned values itself, since its type parameter
/// is owned already.
fn borrowed_decode(item: &crate::plan::Item, lifetime: bool, scope: &Scope) -> TokenStream {
    let name = ident(&item.name);
    let borrowed = codec::decoder(item, scope, codec::Reads::Borrowed);
    let borrowed = quote! {
        tl::__private::expect_id_of::<Self>(reader)?;
        #borrowed
    };
    let into_owned = borrowed::struct_into_owned(item, lifetime, scope);
    if item.generics.is_empty() {
        let reader = quote!(reader);
        return borrowed::decoders(&name, lifetime, &reader, &borrowed, true, into_owned, scope);
    }
    let generics: Vec<_> = item.generics.iter().map(|g| ident(g)).collect();
    let result = scope.std("Result");
    let borrow_params = generic_list(
        Some(quote!('a)),
        generics.iter().map(|g| quote!(#g: tl::BorrowDecode<'a>)),
    );
    let args = generic_list(
        lifetime.then(|| quote!('a)),
        generics.iter().map(|g| quote!(#g)),
    );
    let owned = owned_decode(item, lifetime, scope);
    quote! {
        impl #borrow_params tl::BorrowDecode<'a> for #name #args {
            const OWNS_HEAP: bool = #(#generics::OWNS_HEAP)||*;

            #[inline]
            fn borrow_decode(reader: &mut tl::Reader<'a>) -> #result<Self, tl::DecodeError> {
                #borrowed
            }
        }

        #owned

        #into_owned
    }
}
