//! The parts of constructor and function structs that come from their
//! fields: declarations, serialisation, deserialisation, and the accessors
//! of `flags.N?true` fields that share a bit with a value.

use super::{Scope, docs, ident};
use crate::plan::{Field, Item, Role, RustType};
use proc_macro2::TokenStream;
use quote::quote;

/// The struct's field declarations, with their docs.
pub fn declarations(item: &Item, scope: &Scope) -> Vec<TokenStream> {
    item.stored_fields()
        .map(|field| {
            let name = ident(&field.ident);
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
                    format!("`{tl}`: present when bit {bit} of `{mask}` is set.")
                }
                Role::Bit { mask, bit } => format!("`{tl}`: bit {bit} of `{mask}`."),
                _ => format!("`{tl}`"),
            };
            if let Some(text) = docs::param_doc(&item.definition, &field.param.name) {
                doc = format!("{}\n\n{doc}", docs::escape(text));
            }
            let doc = docs::attrs(&doc);
            quote! {
                #doc
                pub #name: #ty
            }
        })
        .collect()
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
            let doc = docs::attrs(&format!(
                "`{}`: bit {bit} of `{mask}`, which also gates `{}`, so this is true exactly when `{}` is present.",
                tl_parser::print::param_text(&field.param),
                by.trim_start_matches("r#"),
                by.trim_start_matches("r#"),
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

/// Statements writing the fields (and computed masks) to `out`, a `tl::Writer`;
/// a value that cannot be encoded records why with `out.fail` and is left out.
pub fn serialize(item: &Item) -> TokenStream {
    let tl_name = item.definition.full_name();
    let mut statements = Vec::new();
    for field in &item.fields {
        if let Some(length) = sized_by(item, field) {
            let object = ident(&field.ident);
            let length_ident = ident(&length.ident);
            let name = length.param.name.as_str();
            statements.push(quote! {
                if usize::try_from(self.#length_ident).ok() != Some(self.#object.0.len()) {
                    out.fail(tl::EncodeError::LengthMismatch {
                        definition: #tl_name,
                        field: #name,
                    });
                    return;
                }
            });
        }
    }
    for field in &item.fields {
        let name = ident(&field.ident);
        match &field.role {
            Role::Mask => {
                let (checks, bits) = mask_value(item, &field.ident, &tl_name);
                statements.extend(checks);
                let bits = if bits.is_empty() {
                    quote!(0)
                } else {
                    quote!(#(#bits)|*)
                };
                statements.push(quote! {
                    let #name: u32 = #bits;
                    #name.write_to(out);
                });
            }
            Role::Required => statements.push(write_value(&quote!(self.#name), &field.ty)),
            Role::Optional { .. } => {
                let write = write_value(&quote!(value), &field.ty);
                statements.push(quote! {
                    if let Some(value) = &self.#name {
                        #write
                    }
                });
            }
            Role::Bit { .. } | Role::ImpliedBit { .. } => {}
        }
    }
    quote!(#(#statements)*)
}

/// The bits of a mask, and checks that fields sharing a bit agree.
fn mask_value(item: &Item, mask: &str, tl_name: &str) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut checks = Vec::new();
    let mut bits = Vec::new();
    let mut seen_bits = Vec::new();
    for field in &item.fields {
        let Some((field_mask, bit)) = field.role.flag() else {
            continue;
        };
        if field_mask != mask || seen_bits.contains(&bit) {
            continue;
        }
        seen_bits.push(bit);
        let sharing: Vec<_> = item
            .fields
            .iter()
            .filter(|f| {
                f.role.flag() == Some((mask, bit)) && matches!(f.role, Role::Optional { .. })
            })
            .collect();
        let first = ident(&field.ident);
        let present = match field.role {
            Role::Bit { .. } => quote!(self.#first),
            Role::ImpliedBit { ref by, .. } => {
                let by = ident(by);
                quote!(self.#by.is_some())
            }
            _ => quote!(self.#first.is_some()),
        };
        if sharing.len() > 1 {
            let names: Vec<String> = sharing.iter().map(|f| f.param.name.to_string()).collect();
            let idents: Vec<_> = sharing.iter().map(|f| ident(&f.ident)).collect();
            let flag = format!("{}.{bit}", mask.trim_start_matches("r#"));
            let first_of = &idents[0];
            let rest = &idents[1..];
            checks.push(quote! {
                if #(self.#first_of.is_some() != self.#rest.is_some())||* {
                    out.fail(tl::EncodeError::InconsistentFlag {
                        definition: #tl_name,
                        flag: #flag,
                        fields: &[#(#names),*],
                    });
                    return;
                }
            });
        }
        bits.push(if bit == 0 {
            quote!(u32::from(#present))
        } else {
            let bit = proc_macro2::Literal::u32_unsuffixed(bit);
            quote!(u32::from(#present) << #bit)
        });
    }
    (checks, bits)
}

fn write_value(value: &TokenStream, ty: &RustType) -> TokenStream {
    match ty {
        RustType::Vector { bare: true, .. } => quote!(tl::wire::write_bare_vector(&#value, out);),
        _ => quote!(#value.write_to(out);),
    }
}

/// For an open-typed `Object` field, the `bytes:int` field before it that
/// gives its length, as in MTProto's `message`.
fn sized_by<'a>(item: &'a Item, field: &Field) -> Option<&'a Field> {
    if field.ty != RustType::RawObject {
        return None;
    }
    item.fields
        .iter()
        .take_while(|f| f.param.name != field.param.name)
        .find(|f| f.param.name == "bytes" && f.ty == RustType::Int && f.role == Role::Required)
}

/// Whether any field depends on the mask.
fn is_used_mask(item: &Item, mask: &str) -> bool {
    item.fields
        .iter()
        .any(|f| f.role.flag().is_some_and(|(m, _)| m == mask))
}

fn read_value(ty: &RustType) -> TokenStream {
    match ty {
        RustType::Vector { bare: true, .. } => quote!(tl::wire::read_bare_vector(reader)?),
        _ => quote!(tl::read!(reader)),
    }
}

/// Statements reading the fields from `reader`, ending in `Ok(Self { .. })`.
pub fn deserialize(item: &Item, scope: &Scope) -> TokenStream {
    let mut statements = Vec::new();
    for field in &item.fields {
        let name = ident(&field.ident);
        let read = match sized_by(item, field) {
            Some(length) => {
                let length = ident(&length.ident);
                quote!(tl::wire::read_sized_object(reader, #length)?)
            }
            None => read_value(&field.ty),
        };
        statements.push(match &field.role {
            Role::Mask if is_used_mask(item, &field.ident) => {
                quote!(let #name: u32 = tl::read!(reader);)
            }
            Role::Mask => quote!(let _: u32 = tl::read!(reader);),
            Role::Required => {
                let ty = scope.ty(&field.ty);
                quote!(let #name: #ty = #read;)
            }
            Role::Optional { mask, bit } => {
                let mask = ident(mask);
                let bit = proc_macro2::Literal::u32_unsuffixed(*bit);
                let some = scope.std("Some");
                let none = scope.std("None");
                let ty = scope.ty(&field.ty);
                let option = scope.std("Option");
                quote! {
                    let #name: #option<#ty> = if #mask & (1 << #bit) != 0 {
                        #some(#read)
                    } else {
                        #none
                    };
                }
            }
            Role::Bit { mask, bit } => {
                let mask = ident(mask);
                let bit = proc_macro2::Literal::u32_unsuffixed(*bit);
                quote!(let #name = #mask & (1 << #bit) != 0;)
            }
            Role::ImpliedBit { .. } => quote!(),
        });
    }
    let names = item.stored_fields().map(|f| ident(&f.ident));
    let ok = scope.std("Ok");
    quote! {
        #(#statements)*
        #ok(Self { #(#names),* })
    }
}

/// Whether a struct stores nothing and writes nothing: a unit struct.
pub fn is_unit(item: &Item) -> bool {
    item.fields.is_empty()
}

/// The name of the sink parameter, unused when nothing is written.
pub fn sink_name(item: &Item) -> TokenStream {
    if item
        .fields
        .iter()
        .all(|f| matches!(f.role, Role::Bit { .. } | Role::ImpliedBit { .. }))
    {
        quote!(_out)
    } else {
        quote!(out)
    }
}

/// The name of the reader parameter, unused when nothing is read.
pub fn reader_name(item: &Item) -> TokenStream {
    if item.fields.is_empty() {
        quote!(_reader)
    } else {
        quote!(reader)
    }
}
