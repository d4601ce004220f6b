//! The members of constructor and function structs: their declarations with
//! docs, `new` with the required fields, and the accessors of `flags.N?true`
//! fields that share a bit with a value. How they are written and read is
//! in `codec`.

use super::{Options, Scope, docs, ident};
use crate::plan::{Field, Item, Role};
use proc_macro2::TokenStream;
use quote::quote;

/// The struct's field declarations, with their docs.
pub fn declarations(item: &Item, options: &Options<'_>, scope: &Scope) -> Vec<TokenStream> {
    let tl_name = item.definition.full_name();
    let described = match item.definition.category {
        tl_parser::Category::Function => options.descriptions.function(&tl_name),
        _ => options.descriptions.constructor(&tl_name),
    };
    item.fields
        .iter()
        .filter_map(|field| {
            let member = field.member.as_deref()?;
            let name = ident(member);
            if field.shared.is_some() {
                return Some(shared_declaration(item, member, scope));
            }
            let ty = scope.ty(&field.ty);
            let ty = match field.role {
                Role::Optional { .. } => {
                    let option = scope.std("Option");
                    quote!(#option<#ty>)
                }
                _ => ty,
            };
            let tl = tl_parser::print::param_text(&field.param);
            let mut doc = match &field.role {
                Role::Optional { mask, bit } => {
                    format!(
                        "`{tl}`: present when bit {bit} of `{}` is set.",
                        mask.trim_start_matches("r#")
                    )
                }
                Role::Bit { mask, bit } => {
                    format!("`{tl}`: bit {bit} of `{}`.", mask.trim_start_matches("r#"))
                }
                Role::Mask { bits } => format!(
                    "`{tl}`: the bits of this mask that no field stands for. {}; setting them \
                     here is an encoding error.",
                    gated_text(item, field, *bits)
                ),
                _ => format!("`{tl}`"),
            };
            if let Some(text) = described.and_then(|d| d.param(&field.param.name)) {
                doc = format!("{}\n\n{doc}", docs::text(text, options, scope, false));
            }
            let doc = docs::attrs(&doc);
            Some(quote! {
                #doc
                pub #name: #ty
            })
        })
        .collect()
}

/// The member holding fields that share a flag bit: `Option<(A, B)>`.
fn shared_declaration(item: &Item, member: &str, scope: &Scope) -> TokenStream {
    let parts: Vec<&Field> = item.shared_fields(member).collect();
    let types = parts.iter().map(|f| scope.ty(&f.ty));
    let option = scope.std("Option");
    let lines: Vec<String> = parts
        .iter()
        .map(|f| format!("`{}`", tl_parser::print::param_text(&f.param)))
        .collect();
    let (mask, bit) = parts[0].role.flag().unwrap_or_default();
    let doc = docs::attrs(&format!(
        "{}: present together when bit {bit} of `{}` is set, so they are one `Option`.",
        lines.join(", "),
        mask.trim_start_matches("r#")
    ));
    let name = ident(member);
    // A tuple of `Cow`s is what it says; a type alias per tuple would only
    // hide it.
    let allow = parts
        .iter()
        .any(|f| scope.lifetimes().of(&f.ty))
        .then(|| quote!(#[allow(clippy::type_complexity)]));
    quote! {
        #doc
        #allow
        pub #name: #option<(#(#types,)*)>
    }
}

/// `Bits 1 (`lt`) and 2 (`utime`) are set from those fields`.
fn gated_text(item: &Item, mask: &Field, bits: u32) -> String {
    let parts: Vec<String> = (0..32)
        .filter(|bit| bits & (1 << bit) != 0)
        .map(|bit| {
            let names: Vec<String> = item
                .fields
                .iter()
                .filter(|f| f.role.flag() == Some((mask.ident.as_str(), bit)))
                .map(|f| format!("`{}`", f.param.name))
                .collect();
            format!("{bit} ({})", names.join(", "))
        })
        .collect();
    match parts.as_slice() {
        [only] => format!("Bit {only} is set from that field"),
        [rest @ .., last] => format!(
            "Bits {} and {last} are set from those fields",
            rest.join(", ")
        ),
        [] => String::from("No bit stands for a field"),
    }
}

/// `new`, taking the fields that are always present (numbers as they are,
/// the rest as anything that converts into their type); the rest start absent. For a struct with no such
/// field there is none (it has `Default`, or nothing to give).
///
/// ```ignore
/// pub fn new(phone_number: impl Into<String>, api_id: i32, ...) -> Self {
///     Self { phone_number: phone_number.into(), api_id, ..., logout_tokens: None }
/// }
/// ```
pub fn constructor(item: &Item, scope: &Scope) -> Option<TokenStream> {
    let required: Vec<&Field> = item.required_fields().collect();
    if required.is_empty() {
        return None;
    }
    // Numbers and other `Copy` values are taken as they are, so a literal
    // gets the field's type (`5_000_000_000` for a `long`); the rest as
    // anything that converts (`&str` for a `String`, a struct for its enum).
    let params = required.iter().map(|field| {
        let name = ident(field.member.as_deref().unwrap_or(&field.ident));
        let ty = scope.ty(&field.ty);
        if field.ty.is_copy() {
            quote!(#name: #ty)
        } else {
            quote!(#name: impl ::core::convert::Into<#ty>)
        }
    });
    let values = item.fields.iter().filter_map(|field| {
        let name = ident(field.member.as_deref()?);
        Some(match field.role {
            Role::Required if field.ty.is_copy() => quote!(#name),
            Role::Required => quote!(#name: #name.into()),
            Role::Optional { .. } => quote!(#name: None),
            Role::Bit { .. } => quote!(#name: false),
            Role::Mask { .. } => quote!(#name: 0),
            Role::ImpliedBit { .. } => return None,
        })
    });
    let names: Vec<String> = required
        .iter()
        .map(|f| format!("`{}`", f.param.name))
        .collect();
    let fields_word = if names.len() == 1 { "field" } else { "fields" };
    let names = match names.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    };
    let has_optional = item
        .fields
        .iter()
        .any(|f| f.member.is_some() && f.role != Role::Required);
    let doc = docs::attrs(&if has_optional {
        format!(
            "Builds the value from its required {fields_word} {names}. The optional ones start \
             absent (`None`, `false`) and are set by name afterwards, so code written this \
             way keeps compiling when a later layer adds optional fields."
        )
    } else {
        format!("Builds the value from {names}.")
    });
    // A constructor's arguments are its fields, however many the schema gives.
    let allow = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    Some(quote! {
        #doc
        #allow
        pub fn new(#(#params),*) -> Self {
            Self { #(#values),* }
        }
    })
}

/// Methods for `flags.N?true` fields that are not stored because a value
/// field on the same bit says the same.
pub fn implied_accessors(item: &Item) -> Vec<TokenStream> {
    item.fields
        .iter()
        .filter_map(|field| {
            let Role::ImpliedBit { mask, bit, by } = &field.role else {
                return None;
            };
            let name = ident(&field.ident);
            let by_ident = ident(by);
            let by = by.trim_start_matches("r#");
            let doc = docs::attrs(&format!(
                "`{}`: bit {bit} of `{}`, which also gates `{by}`, so this is true exactly when `{by}` is present.",
                tl_parser::print::param_text(&field.param),
                mask.trim_start_matches("r#"),
            ));
            Some(quote! {
                #doc
                pub fn #name(&self) -> bool {
                    self.#by_ident.is_some()
                }
            })
        })
        .collect()
}

/// Whether a struct stores nothing and writes nothing: a unit struct.
pub fn is_unit(item: &Item) -> bool {
    item.fields.is_empty()
}
