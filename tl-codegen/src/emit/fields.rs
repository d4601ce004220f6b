//! The parts of constructor and function structs that come from their
//! fields: declarations, serialisation, deserialisation, and the accessors
//! of `flags.N?true` fields that share a bit with a value.

use super::{Scope, docs, ident};
use crate::plan::{Field, Item, Role, RustType};
use proc_macro2::TokenStream;
use quote::quote;

/// The struct's field declarations, with their docs.
pub fn declarations(item: &Item, scope: &Scope) -> Vec<TokenStream> {
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
            if let Some(text) = docs::param_doc(&item.definition, &field.param.name) {
                doc = format!("{}\n\n{doc}", docs::escape(text));
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
    quote! {
        #doc
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

/// `new`, taking the fields that are always present, each as anything that
/// converts into its type; the rest start absent. For a struct with no such
/// field there is none (it has `Default`, or nothing to give).
///
/// ```ignore
/// pub fn new(phone_number: impl Into<String>, api_id: impl Into<i32>, ...) -> Self {
///     Self { phone_number: phone_number.into(), api_id: api_id.into(), ..., logout_tokens: None }
/// }
/// ```
pub fn constructor(item: &Item, scope: &Scope) -> Option<TokenStream> {
    let required: Vec<&Field> = item.required_fields().collect();
    if required.is_empty() {
        return None;
    }
    let params = required.iter().map(|field| {
        let name = ident(field.member.as_deref().unwrap_or(&field.ident));
        let ty = scope.ty(&field.ty);
        quote!(#name: impl ::core::convert::Into<#ty>)
    });
    let values = item.fields.iter().filter_map(|field| {
        let name = ident(field.member.as_deref()?);
        Some(match field.role {
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

/// Statements writing the fields (and computed masks) to `out`, a `tl::Writer`;
/// a value that cannot be encoded records why with `out.fail` and is left out.
pub fn encoder(item: &Item) -> TokenStream {
    let tl_name = item.definition.full_name();
    let mut statements = Vec::new();
    for field in &item.fields {
        if let Some(length) = &field.sized_by {
            let object = ident(&field.ident);
            let length_ident = ident(length);
            let name = length.trim_start_matches("r#");
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
            Role::Mask { bits: gated } => {
                statements.extend(inconsistent_flag_checks(item, &field.ident, &tl_name));
                let bits = mask_value(item, &field.ident);
                let mut bits = if bits.is_empty() {
                    quote!(0)
                } else {
                    quote!(#(#bits)|*)
                };
                if let Some(member) = &field.member {
                    let member = ident(member);
                    let mask = field.param.name.as_str();
                    let gated = hex_u32(*gated);
                    statements.push(quote! {
                        if self.#member & #gated != 0 {
                            out.fail(tl::EncodeError::MaskBitsOfFields {
                                definition: #tl_name,
                                mask: #mask,
                                bits: self.#member & #gated,
                            });
                            return;
                        }
                    });
                    bits = quote!(self.#member | #bits);
                }
                statements.push(quote! {
                    let #name: u32 = #bits;
                    #name.write_to(out);
                });
            }
            Role::Required => {
                statements.push(write_value(
                    &quote!(self.#name),
                    &quote!(&self.#name),
                    &field.ty,
                ));
            }
            Role::Optional { .. } => {
                let (holder, place, reference) = match &field.shared {
                    Some(shared) => {
                        let index = proc_macro2::Literal::usize_unsuffixed(shared.index);
                        (
                            ident(&shared.member),
                            quote!(value.#index),
                            quote!(&value.#index),
                        )
                    }
                    None => (name, quote!(value), quote!(value)),
                };
                let write = write_value(&place, &reference, &field.ty);
                statements.push(quote! {
                    if let Some(value) = &self.#holder {
                        #write
                    }
                });
            }
            Role::Bit { .. } | Role::ImpliedBit { .. } => {}
        }
    }
    quote!(#(#statements)*)
}

/// A `u32` literal in hex: `0x00000006_u32`.
fn hex_u32(bits: u32) -> TokenStream {
    format!("0x{bits:08x}_u32").parse().expect("a literal")
}

/// The bits of `mask` that fields stand for, in the order of their first
/// field, each with its fields in wire order.
fn bits_of<'a>(item: &'a Item, mask: &str) -> Vec<(u32, Vec<&'a Field>)> {
    let mut bits: Vec<(u32, Vec<&Field>)> = Vec::new();
    for field in &item.fields {
        match field.role.flag() {
            Some((field_mask, bit)) if field_mask == mask => {
                match bits.iter_mut().find(|(b, _)| *b == bit) {
                    Some((_, fields)) => fields.push(field),
                    None => bits.push((bit, vec![field])),
                }
            }
            _ => {}
        }
    }
    bits
}

/// The terms of a mask's bits from the fields that depend on it (fields
/// sharing a bit are one member, so they cannot disagree). Shared with the
/// TL-JSON writer.
pub fn mask_value(item: &Item, mask: &str) -> Vec<TokenStream> {
    let mut bits = Vec::new();
    for (bit, on_bit) in bits_of(item, mask) {
        let field = on_bit[0];
        let present = match (&field.role, &field.shared) {
            (Role::Bit { .. }, _) => {
                let member = ident(&field.ident);
                quote!(self.#member)
            }
            (Role::ImpliedBit { by, .. }, _) => {
                let by = ident(by);
                quote!(self.#by.is_some())
            }
            (_, Some(shared)) => {
                let member = ident(&shared.member);
                quote!(self.#member.is_some())
            }
            _ => {
                let member = ident(&field.ident);
                quote!(self.#member.is_some())
            }
        };
        bits.push(if bit == 0 {
            quote!(u32::from(#present))
        } else {
            let bit = proc_macro2::Literal::u32_unsuffixed(bit);
            quote!(u32::from(#present) << #bit)
        });
    }
    bits
}

/// Checks that separate `Option`s on one bit of `mask` (more than
/// [`crate::plan::MAX_SHARED`] of them, so not one tuple) are all present or
/// all absent; a value where they disagree is not encoded.
fn inconsistent_flag_checks(item: &Item, mask: &str, tl_name: &str) -> Vec<TokenStream> {
    let mut checks = Vec::new();
    for (bit, on_bit) in bits_of(item, mask) {
        let separate: Vec<&Field> = on_bit
            .into_iter()
            .filter(|f| matches!(f.role, Role::Optional { .. }) && f.shared.is_none())
            .collect();
        if separate.len() < 2 {
            continue;
        }
        let names: Vec<String> = separate.iter().map(|f| f.param.name.to_string()).collect();
        let idents: Vec<_> = separate.iter().map(|f| ident(&f.ident)).collect();
        let flag = format!("{}.{bit}", mask.trim_start_matches("r#"));
        let first = &idents[0];
        let rest = &idents[1..];
        checks.push(quote! {
            if #(self.#first.is_some() != self.#rest.is_some())||* {
                out.fail(tl::EncodeError::InconsistentFlag {
                    definition: #tl_name,
                    flag: #flag,
                    fields: &[#(#names),*],
                });
                return;
            }
        });
    }
    checks
}

/// A statement writing a value: `place` is the value itself (`self.x`,
/// `value`), `reference` a reference to it (`&self.x`, `value`).
fn write_value(place: &TokenStream, reference: &TokenStream, ty: &RustType) -> TokenStream {
    if ty.has_bare_vector() {
        let write = write_vector(reference, ty);
        quote!(#write;)
    } else {
        quote!(#place.write_to(out);)
    }
}

/// The call writing a vector whose codec is not its element type's alone:
/// bare, or holding a bare vector.
fn write_vector(reference: &TokenStream, ty: &RustType) -> TokenStream {
    let RustType::Vector { element, bare } = ty else {
        return quote!(#reference.write_to(out));
    };
    if element.has_bare_vector() {
        let inner = write_vector(&quote!(item), element);
        if *bare {
            quote!(tl::wire::write_bare_vector_with(#reference, out, |item, out| #inner))
        } else {
            quote!(tl::wire::write_vector_with(#reference, out, |item, out| #inner))
        }
    } else if *bare {
        quote!(tl::wire::write_bare_vector(#reference, out))
    } else {
        quote!(#reference.write_to(out))
    }
}

/// An expression reading a vector whose codec is not its element type's
/// alone, of type `Result<Vec<_>, DecodeError>`.
fn read_vector(ty: &RustType) -> TokenStream {
    let RustType::Vector { element, bare } = ty else {
        return quote!(reader.read());
    };
    if element.has_bare_vector() {
        let inner = read_vector(element);
        if *bare {
            quote!(tl::wire::read_bare_vector_with(reader, |reader| #inner))
        } else {
            quote!(tl::wire::read_vector_with(reader, |reader| #inner))
        }
    } else if *bare {
        quote!(tl::wire::read_bare_vector(reader))
    } else {
        quote!(reader.read())
    }
}

fn read_value(field: &Field) -> TokenStream {
    if let Some(length) = &field.sized_by {
        let length = ident(length);
        quote!(tl::__private::read_sized_object(reader, #length)?)
    } else if field.ty.has_bare_vector() {
        let read = read_vector(&field.ty);
        quote!(#read?)
    } else {
        quote!(tl::read!(reader))
    }
}

/// Statements reading the fields from `reader`, ending in `Ok(Self { .. })`.
pub fn decoder(item: &Item, scope: &Scope) -> TokenStream {
    let mut statements = Vec::new();
    for field in &item.fields {
        let name = ident(&field.ident);
        let read = read_value(field);
        statements.push(match &field.role {
            Role::Mask { bits } if *bits != 0 => {
                quote!(let #name: u32 = tl::read!(reader);)
            }
            Role::Mask { .. } => quote!(let _: u32 = tl::read!(reader);),
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
    let members = item.fields.iter().filter_map(|field| {
        let member_name = field.member.as_deref()?;
        let member = ident(member_name);
        Some(match (&field.role, &field.shared) {
            (Role::Mask { bits }, _) => {
                let local = ident(&field.ident);
                let others = hex_u32(!bits);
                quote!(#member: #local & #others)
            }
            // Read under one bit, the parts are all present or all absent.
            (_, Some(_)) => {
                let locals: Vec<_> = item
                    .shared_fields(member_name)
                    .map(|f| ident(&f.ident))
                    .collect();
                let some = scope.std("Some");
                let none = scope.std("None");
                quote! {
                    #member: match (#(#locals,)*) {
                        (#(#some(#locals),)*) => #some((#(#locals,)*)),
                        _ => #none,
                    }
                }
            }
            _ => quote!(#member),
        })
    });
    let ok = scope.std("Ok");
    quote! {
        #(#statements)*
        #ok(Self { #(#members),* })
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
