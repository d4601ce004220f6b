//! `enums::`: one enum per boxed type, one variant per constructor, and the
//! conversions between a variant's struct and the enum.

use super::{Options, Scope, borrowed, codec, decoders, docs, hex_id, ident, json};
use crate::plan::{BoxedType, CommonField, CommonKind, Plan, RustType, item_path};
use proc_macro2::TokenStream;
use quote::quote;

/// The most constructors a boxed type may have for its serialiser to write a
/// variant whose fields are all numbers as one run with its id, in the
/// variant's arm. Past that (`Update`'s 165, `MessageAction`'s 69 in layer
/// 229) the `match` is too large for LLVM to inline the run's write into:
/// each arm then handed its run to an out-of-line `put_run` on the stack,
/// where a load spanning two of the stores stalls. The arms of a larger enum
/// write the id and call the variant's own serialiser, which writes its
/// fields as one run.
const MAX_VARIANTS_WITH_RUN_ARMS: usize = 32;

/// The enum of boxed type number `index`, with its impls:
///
/// ```ignore
/// pub enum InputPeer { Empty, User(types::InputPeerUser), ... }
/// impl InputPeer { pub fn constructor_id(&self) -> u32 { .. } pub fn tl_name(&self) -> &'static str { .. } }
/// impl tl::Encode for InputPeer {
///     fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
///         let out = self.constructor_id().write_to(out);
///         match self { Self::User(value) => value.write_to(out), ..., _ => out }
///     }
/// }
/// // Where some variant's fields are all numbers, each arm writes its own id
/// // (in an enum of at most MAX_VARIANTS_WITH_RUN_ARMS constructors):
/// // match self { Self::User(value) => out.put_run((0xdde8a54c_u32, value.user_id, value.access_hash)), ... }
/// impl tl::Decode for InputPeer { /* by the id read first */ }
/// impl From<types::InputPeerUser> for InputPeer { .. }
/// impl TryFrom<InputPeer> for types::InputPeerUser { .. }
/// ```
pub fn boxed_type(plan: &Plan, index: usize, options: &Options<'_>, scope: &Scope) -> TokenStream {
    let boxed = &plan.enums[index];
    let name = ident(&boxed.path.name);
    let tl_name = &boxed.tl_name;
    let result = scope.std("Result");
    let ok = scope.std("Ok");
    let err = scope.std("Err");
    let box_ = scope.std("Box");
    let from = scope.std("From");
    let try_from = scope.std("TryFrom");
    let lifetime = plan.lifetimes.of_enum(&boxed.path);
    let borrowed = plan.lifetimes.borrowed();
    let params = Scope::lifetime_params(lifetime);
    let read_variant = codec::Reads::of(plan).value();
    // Each variant made owned, in borrowed bindings.
    let mut owned_arms = Vec::new();

    let mut variants = Vec::new();
    let mut writes = Vec::new();
    // Each variant writing its own id, for when some are one run.
    let mut own_id_writes = Vec::new();
    let mut any_run = false;
    let mut data_variants = Vec::new();
    let mut reads = Vec::new();
    let mut ids = Vec::new();
    let mut names = Vec::new();
    let mut conversions = Vec::new();
    let single = boxed.variants.len() == 1;
    let runs_in_arms = boxed.variants.len() <= MAX_VARIANTS_WITH_RUN_ARMS;
    for variant in &boxed.variants {
        let item = &plan.constructors[variant.constructor];
        let definition = &item.definition;
        let variant_name = ident(&variant.name);
        let struct_path = item_path(item);
        let ty = scope.ty(&RustType::Struct(struct_path.clone()));
        let id = hex_id(definition.id);
        let constructor_name = definition.full_name();
        let doc = docs::attrs(&format!(
            "`{}#{:08x}`: {}.",
            definition.full_name(),
            definition.id,
            scope.doc_link("types", &struct_path)
        ));
        let unit = item.fields.is_empty();
        let payload = if variant.boxed {
            scope.boxed(&ty, &quote!('a))
        } else {
            ty.clone()
        };
        let id_u32 = codec::hex_u32(definition.id);
        if unit {
            own_id_writes.push(quote!(Self::#variant_name => #id_u32.write_to(out),));
        } else if let Some(members) = codec::run_members(item).filter(|_| runs_in_arms) {
            any_run = true;
            own_id_writes.push(quote! {
                Self::#variant_name(value) => out.put_run((#id_u32, #(value.#members),*)),
            });
        } else {
            own_id_writes.push(quote! {
                Self::#variant_name(value) => {
                    let out = #id_u32.write_to(out);
                    value.write_to(out)
                }
            });
        }
        owned_arms.push(if unit {
            quote!(Self::#variant_name => #name::#variant_name,)
        } else if plan.lifetimes.of_struct(&struct_path) || variant.boxed {
            quote!(Self::#variant_name(value) => #name::#variant_name(tl::IntoOwned::into_owned(value)),)
        } else {
            quote!(Self::#variant_name(value) => #name::#variant_name(value),)
        });
        if unit {
            variants.push(quote!(#doc #variant_name));

            reads.push(quote!(#id => #ok(Self::#variant_name),));
            ids.push(quote!(Self::#variant_name => #id,));
            names.push(quote!(Self::#variant_name => #constructor_name,));
            conversions.push(quote! {
                impl #params #from<#ty> for #name #params {
                    fn from(_: #ty) -> Self {
                        Self::#variant_name
                    }
                }
            });
        } else {
            variants.push(quote!(#doc #variant_name(#payload)));
            writes.push(quote!(Self::#variant_name(value) => value.write_to(out),));
            data_variants.push(variant_name.clone());
            reads.push(quote!(#id => #read_variant.map(Self::#variant_name),));
            ids.push(quote!(Self::#variant_name(_) => #id,));
            names.push(quote!(Self::#variant_name(_) => #constructor_name,));
            let wrap = match (variant.boxed, borrowed) {
                (true, true) => quote!(tl::CowBox::new(value)),
                (true, false) => quote!(#box_::new(value)),
                (false, _) => quote!(value),
            };
            conversions.push(quote! {
                impl #params #from<#ty> for #name #params {
                    fn from(value: #ty) -> Self {
                        Self::#variant_name(#wrap)
                    }
                }
            });
        }
        let unwrap = match (unit, variant.boxed) {
            (true, _) => quote!(#ty),
            (false, true) if borrowed => quote!(value.into_inner()),
            (false, true) => quote!(*value),
            (false, false) => quote!(value),
        };
        let pattern = if unit {
            quote!(#name::#variant_name)
        } else {
            quote!(#name::#variant_name(value))
        };
        conversions.push(if single {
            quote! {
                impl #params #from<#name #params> for #ty {
                    fn from(value: #name #params) -> Self {
                        let #pattern = value;
                        #unwrap
                    }
                }
            }
        } else {
            quote! {
                impl #params #try_from<#name #params> for #ty {
                    type Error = #name #params;

                    fn try_from(value: #name #params) -> #result<Self, #name #params> {
                        match value {
                            #pattern => #ok(#unwrap),
                            other => #err(other),
                        }
                    }
                }
            }
        });
    }

    // The id is written once, before the value's fields; variants with no
    // fields have nothing more to write. Where a variant's fields are all
    // numbers, its id and fields are one run instead (one `put`), and each
    // variant writes its own id; not in an enum too large for the runs to be
    // inlined (`MAX_VARIANTS_WITH_RUN_ARMS`).
    let write_values = match (writes.as_slice(), data_variants.as_slice()) {
        _ if any_run => quote!(match self { #(#own_id_writes)* }),
        ([], _) => quote!(self.constructor_id().write_to(out)),
        ([_], [variant]) if boxed.variants.len() > 1 => quote! {
            let out = self.constructor_id().write_to(out);
            match self { Self::#variant(value) => value.write_to(out), _ => out }
        },
        _ if writes.len() < boxed.variants.len() => quote! {
            let out = self.constructor_id().write_to(out);
            match self { #(#writes)* _ => out }
        },
        _ => quote! {
            let out = self.constructor_id().write_to(out);
            match self { #(#writes)* }
        },
    };
    let accessors = boxed
        .common_fields
        .iter()
        .map(|field| common_accessor(boxed, field, scope));

    let mut doc = format!(
        "The boxed type `{tl_name}`: {}, written with its constructor id first.",
        match boxed.variants.len() {
            1 => "a value is its one constructor".to_owned(),
            n => format!("a value is one of its {n} constructors"),
        }
    );
    if let Some(description) = options.descriptions.boxed_type(tl_name) {
        doc.push_str("\n\n");
        doc.push_str(&docs::text(description, options, scope, false));
    }
    let doc = docs::attrs(&doc);
    let size_check = options.max_enum_size.map(|limit| {
        let message = format!("enums::{} is larger than {limit} bytes", boxed.path.name);
        let args = lifetime.then(|| quote!(<'static>));
        quote! {
            const _: () = assert!(::core::mem::size_of::<#name #args>() <= #limit, #message);
        }
    });
    let reads = quote! {
        let id = reader.enter_boxed()?;
        let value = match id {
            #(#reads)*
            _ => #err(reader.unexpected_constructor(id, #tl_name)),
        };
        reader.leave_boxed();
        value
    };
    let decode = decoders(
        &name,
        lifetime,
        &quote!(reader),
        &reads,
        false,
        Some(borrowed::enum_into_owned(&name, lifetime, &owned_arms)),
        scope,
    );
    let tl_json = json::gate(options).map(|gate| {
        let impls = json::boxed_type(plan, index, &gate, scope);
        let serde = json::serde_impls(&boxed.path.name, &[], &gate);
        quote!(#impls #serde)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name #params {
            #(#variants,)*
        }

        impl #params #name #params {
            #[doc = " The constructor id of the variant this value is."]
            #[inline]
            pub fn constructor_id(&self) -> u32 {
                match self {
                    #(#ids)*
                }
            }

            #[doc = " The TL name of the constructor of the variant this value is."]
            pub fn tl_name(&self) -> &'static str {
                match self {
                    #(#names)*
                }
            }

            #(#accessors)*
        }

        impl #params tl::Encode for #name #params {
            fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
                #write_values
            }
        }

        #decode

        #size_check

        #(#conversions)*

        #tl_json
    }
}

/// The accessor of a field most or all constructors have: a `Copy` value by value,
/// anything else by reference, an optional one as an `Option`.
///
/// ```ignore
/// /// `id`, which every constructor of `User` has.
/// pub fn id(&self) -> i64 {
///     match self { Self::Empty(value) => value.id, Self::User(value) => value.id }
/// }
/// ```
fn common_accessor(boxed: &BoxedType, field: &CommonField, scope: &Scope) -> TokenStream {
    let member = ident(&field.member);
    let ty = scope.ty(&field.ty);
    let copy = field.ty.is_copy();
    let option = scope.std("Option");
    let some = scope.std("Some");
    let none = scope.std("None");
    let returns = match (field.kind, copy) {
        (CommonKind::Bit, _) => quote!(bool),
        (CommonKind::Required, true) => ty,
        (CommonKind::Required, false) => quote!(&#ty),
        (CommonKind::Optional, true) => quote!(#option<#ty>),
        (CommonKind::Optional, false) => quote!(#option<&#ty>),
    };
    let arms = boxed
        .variants
        .iter()
        .zip(&field.held)
        .map(|(variant, held)| {
            let variant = ident(&variant.name);
            let read = match (field.kind, held, copy) {
                (_, None, _) => return quote!(Self::#variant { .. } => #none,),
                (CommonKind::Optional, Some(true), true) => quote!(#some(value.#member)),
                (CommonKind::Optional, Some(true), false) => quote!(#some(&value.#member)),
                (CommonKind::Optional, Some(false), false) => quote!(value.#member.as_ref()),
                (_, _, true) | (CommonKind::Bit, _, _) => quote!(value.#member),
                (_, _, false) => quote!(&value.#member),
            };
            quote!(Self::#variant(value) => #read,)
        });
    let doc = if field.kind == CommonKind::Optional {
        format!(
            "`{}`, which most constructors of `{}` have: `None` where this one lacks it or leaves it out.",
            field.tl_name, boxed.tl_name
        )
    } else {
        format!(
            "`{}`, which every constructor of `{}` has.",
            field.tl_name, boxed.tl_name
        )
    };
    let doc = docs::attrs(&doc);
    // Inline: compiled in the crates that call it, not in every build of the bindings.
    quote! {
        #doc
        #[inline]
        pub fn #member(&self) -> #returns {
            match self {
                #(#arms)*
            }
        }
    }
}
