//! TL-JSON impls (`ToTlJson`, `FromTlJson`, and serde's traits through them)
//! for structs, enums and the dispatch enums, when the `Config` asks for them.

use super::{Options, Scope, ident};
use crate::plan::{Field, Item, Plan, Role, item_path};

use proc_macro2::TokenStream;
use quote::quote;

/// The attribute that gates TL-JSON impls, or `None` when they are not wanted.
pub fn gate(options: &Options<'_>) -> Option<TokenStream> {
    match &options.serde {
        crate::SerdeSupport::None => None,
        crate::SerdeSupport::Always => Some(quote!()),
        crate::SerdeSupport::Feature(feature) => Some(quote!(#[cfg(feature = #feature)])),
    }
}

/// The name of the constant, at the generated root, listing the bindings an
/// `Object` field's TL-JSON reads and writes objects with.
const OBJECT_BINDINGS: &str = "OBJECT_BINDINGS";

/// The constant an `Object` field's TL-JSON reads its bindings from, where
/// TL-JSON impls are wanted and some field holds open objects:
///
/// ```ignore
/// #[cfg(feature = "serde")]
/// const OBJECT_BINDINGS: &[tl::json::ObjectBindings] =
///     &[tl::json::ObjectBindings::of::<AnyObject>()];
/// ```
///
/// or, when the config names a list, that list.
pub fn object_bindings(plan: &Plan, options: &Options<'_>) -> Option<TokenStream> {
    let gate = gate(options)?;
    if !plan.holds_raw_objects() {
        return None;
    }
    let name = ident(OBJECT_BINDINGS);
    let list = match &options.object_bindings {
        Some(path) => quote!(#path),
        None => quote!(&[tl::json::ObjectBindings::of::<AnyObject>()]),
    };
    Some(quote! {
        #gate
        #[doc = " The bindings whose objects an `Object` field's TL-JSON reads and writes, in order."]
        const #name: &[tl::json::ObjectBindings] = #list;
    })
}

/// The builder call adding `field` to a `tl::__private::JsonObject`: `value`
/// is a reference to its value, or for a conditional field an `Option` of one.
fn add_value(
    field: &Field,
    key: &str,
    value: TokenStream,
    optional: bool,
    scope: &Scope,
) -> TokenStream {
    match (field.ty.holds_raw_object(), optional) {
        (false, false) => quote!(.field(#key, #value)),
        (false, true) => quote!(.optional(#key, #value)),
        (true, optional) => {
            let bindings = object_bindings_path(scope);
            let json = quote!(tl::__private::OpenJson::to_open_json(value, #bindings));
            if optional {
                quote!(.optional_json(#key, #value.map(|value| #json)))
            } else {
                quote!(.json(#key, { let value = #value; #json }))
            }
        }
    }
}

/// Reads `field` from `fields` under `key`: `required` or `optional`.
fn read_value(field: &Field, key: &str, optional: bool, scope: &Scope) -> TokenStream {
    match (field.ty.holds_raw_object(), optional) {
        (false, false) => quote!(fields.required(#key)),
        (false, true) => quote!(fields.optional(#key)),
        (true, optional) => {
            let bindings = object_bindings_path(scope);
            if optional {
                quote!(fields.optional_open(#key, #bindings))
            } else {
                quote!(fields.required_open(#key, #bindings))
            }
        }
    }
}

/// The path of [`OBJECT_BINDINGS`] from the module `scope` is in.
fn object_bindings_path(scope: &Scope) -> TokenStream {
    let up = (0..scope.depth()).map(|_| ident("super"));
    let name = ident(OBJECT_BINDINGS);
    quote!(#(#up::)* #name)
}

/// `ToTlJson`/`FromTlJson` for a constructor's or a function's struct:
///
/// ```ignore
/// impl tl::json::ToTlJson for CodeSettings {
///     fn to_tl_json(&self) -> tl::json::serde_json::Value {
///         tl::__private::JsonObject::new(<Self as tl::Identifiable>::TL_NAME)
///             .flag("allow_flashcall", self.allow_flashcall)
///             .optional("logout_tokens", self.logout_tokens.as_ref())
///             .finish()
///     }
/// }
/// impl tl::json::FromTlJson for CodeSettings {
///     fn from_tl_json(json: &Value, path: &str) -> Result<Self, tl::json::JsonError> {
///         let fields = tl::__private::Fields::new(json, path, <Self as tl::Identifiable>::TL_NAME, &["allow_flashcall", "logout_tokens"], &["flags"])?;
///         let result = Self { allow_flashcall: fields.flag("allow_flashcall")?, logout_tokens: fields.optional("logout_tokens")? };
///         Ok(result)
///     }
/// }
/// ```
pub fn item(item: &Item, gate: &TokenStream, scope: &Scope) -> TokenStream {
    let name = ident(&item.name);
    let ok = scope.std("Ok");
    let result = scope.std("Result");
    let generics: Vec<_> = item.generics.iter().map(|g| ident(g)).collect();
    let (params, to_bounds, from_bounds) = if generics.is_empty() {
        (quote!(), quote!(), quote!())
    } else {
        (
            quote!(<#(#generics),*>),
            quote!(<#(#generics: tl::json::ToTlJson),*>),
            quote!(<#(#generics: tl::json::FromTlJson),*>),
        )
    };

    let mut inserts = Vec::new();
    let mut reads = Vec::new();
    let mut checks = Vec::new();
    let mut field_names = Vec::new();
    let mut mask_names = Vec::new();
    for field in &item.fields {
        let key = field.param.name.as_str();
        let member = ident(&field.ident);
        match &field.role {
            Role::Mask { bits } => {
                mask_names.push(key.to_owned());
                // A mask is derived from its fields; where it keeps other
                // bits, the whole mask is written when they are set, and
                // those bits are read back from it.
                if let Some(kept) = &field.member {
                    let kept = ident(kept);
                    let derived = super::codec::mask_value(item, &field.ident);
                    let derived = if derived.is_empty() {
                        quote!(0)
                    } else {
                        quote!(#(#derived)|*)
                    };
                    inserts.push(quote!(.mask(#key, self.#kept, #derived)));
                    let gated = proc_macro2::Literal::u32_unsuffixed(*bits);
                    reads.push(quote!(#kept: fields.other_bits(#key, #gated)?));
                }
            }
            Role::Required => {
                field_names.push(key.to_owned());
                let read = read_value(field, key, false, scope);
                inserts.push(add_value(field, key, quote!(&self.#member), false, scope));
                reads.push(quote!(#member: #read?));
            }
            Role::Optional { .. } => {
                field_names.push(key.to_owned());
                match &field.shared {
                    // Each part under its own key, as TL-JSON writes every
                    // field; read back, all of them or none.
                    Some(shared) => {
                        let holder = ident(&shared.member);
                        let index = proc_macro2::Literal::usize_unsuffixed(shared.index);
                        let part = quote!(self.#holder.as_ref().map(|value| &value.#index));
                        inserts.push(add_value(field, key, part, true, scope));
                        if shared.index == 0 {
                            reads.push(shared_read(item, &shared.member, scope));
                        }
                    }
                    None => {
                        let read = read_value(field, key, true, scope);
                        let value = quote!(self.#member.as_ref());
                        inserts.push(add_value(field, key, value, true, scope));
                        reads.push(quote!(#member: #read?));
                    }
                }
            }
            Role::Bit { .. } => {
                field_names.push(key.to_owned());
                inserts.push(quote!(.flag(#key, self.#member)));
                reads.push(quote!(#member: fields.flag(#key)?));
            }
            Role::ImpliedBit { by, .. } => {
                field_names.push(key.to_owned());
                let by_member = ident(by);
                let by_key = item
                    .fields
                    .iter()
                    .find(|f| f.member.as_deref() == Some(by.as_str()))
                    .map_or(by.as_str(), |f| f.param.name.as_str());
                inserts.push(quote!(.flag(#key, self.#by_member.is_some())));
                checks.push(
                    quote!(fields.implied_flag(#key, result.#by_member.is_some(), #by_key)?;),
                );
            }
        }
    }
    let construct = if item.fields.is_empty() {
        quote!(let result = Self;)
    } else {
        quote!(let result = Self { #(#reads,)* };)
    };
    let uses_fields = !reads.is_empty() || !checks.is_empty();
    let fields_binding = if uses_fields {
        quote!(fields)
    } else {
        quote!(_)
    };
    quote! {
        #gate
        impl #to_bounds tl::json::ToTlJson for #name #params {
            fn to_tl_json(&self) -> tl::json::serde_json::Value {
                tl::__private::JsonObject::new(<Self as tl::Identifiable>::TL_NAME)
                    #(#inserts)*
                    .finish()
            }
        }

        #gate
        impl #from_bounds tl::json::FromTlJson for #name #params {
            fn from_tl_json(json: &tl::json::serde_json::Value, path: &str) -> #result<Self, tl::json::JsonError> {
                let #fields_binding = tl::__private::Fields::new(json, path, <Self as tl::Identifiable>::TL_NAME, &[#(#field_names),*], &[#(#mask_names),*])?;
                #construct
                #(#checks)*
                #ok(result)
            }
        }
    }
}

/// The initializer of a member holding fields that share a flag bit, from
/// their keys: all present, or all absent, or an error naming them.
fn shared_read(item: &Item, member: &str, scope: &Scope) -> TokenStream {
    let parts: Vec<_> = item.shared_fields(member).collect();
    let keys: Vec<&str> = parts.iter().map(|f| f.param.name.as_str()).collect();
    let reads = parts
        .iter()
        .map(|f| read_value(f, &f.param.name, true, scope));
    let locals: Vec<_> = parts.iter().map(|f| ident(&f.ident)).collect();
    let nones = parts.iter().map(|_| quote!(None));
    let (mask, bit) = parts[0].role.flag().unwrap_or_default();
    let flag = format!("{}.{bit}", mask.trim_start_matches("r#"));
    let some = scope.std("Some");
    let err = scope.std("Err");
    let holder = ident(member);
    quote! {
        #holder: match (#(#reads?,)*) {
            (#(#some(#locals),)*) => #some((#(#locals,)*)),
            (#(#nones,)*) => None,
            _ => return #err(fields.shared_flag_error(&[#(#keys),*], #flag)),
        }
    }
}

/// serde's traits, through TL-JSON, for the item named `name` with these
/// type parameters.
pub fn serde_impls(name: &str, generics: &[String], gate: &TokenStream) -> TokenStream {
    let name = ident(name);
    if generics.is_empty() {
        return quote! {
            #gate
            tl::impl_serde_via_tl_json!(#name);
        };
    }
    let generics: Vec<_> = generics.iter().map(|g| ident(g)).collect();
    quote! {
        #gate
        impl<#(#generics: tl::json::ToTlJson),*> tl::json::serde::Serialize for #name<#(#generics),*> {
            fn serialize<S: tl::json::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                tl::json::serde::Serialize::serialize(&tl::json::ToTlJson::to_tl_json(self), serializer)
            }
        }

        #gate
        impl<'de, #(#generics: tl::json::FromTlJson),*> tl::json::serde::Deserialize<'de> for #name<#(#generics),*> {
            fn deserialize<D: tl::json::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let value = <tl::json::serde_json::Value as tl::json::serde::Deserialize>::deserialize(deserializer)?;
                <Self as tl::json::FromTlJson>::from_tl_json(&value, "")
                    .map_err(<D::Error as tl::json::serde::de::Error>::custom)
            }
        }
    }
}

/// `ToTlJson`/`FromTlJson` for a boxed type's enum: each variant's own, and
/// read by the `"_"`:
///
/// ```ignore
/// match tl::__private::constructor_name(json, path)? {
///     "inputPeerUser" => tl::__private::json_variant::<types::InputPeerUser, _>(json, path, Self::User),
///     other => Err(tl::__private::unknown_constructor(path, other, "InputPeer")),
/// }
/// ```
pub fn boxed_type(plan: &Plan, index: usize, gate: &TokenStream, scope: &Scope) -> TokenStream {
    let boxed = &plan.enums[index];
    let name = ident(&boxed.path.name);
    let tl_name = &boxed.tl_name;
    let result = scope.std("Result");
    let err = scope.std("Err");
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    for variant in &boxed.variants {
        let item = &plan.constructors[variant.constructor];
        let variant_name = ident(&variant.name);
        let ty = scope.struct_path(&item_path(item));
        let constructor = item.definition.full_name();
        if item.fields.is_empty() {
            writes.push(quote!(Self::#variant_name => tl::json::ToTlJson::to_tl_json(&#ty),));
        } else {
            writes.push(quote!(Self::#variant_name(value) => value.to_tl_json(),));
        }
        let wrap = if item.fields.is_empty() || variant.boxed {
            quote!(Self::from)
        } else {
            quote!(Self::#variant_name)
        };
        reads.push(
            quote!(#constructor => tl::__private::json_variant::<#ty, _>(json, path, #wrap),),
        );
    }
    quote! {
        #gate
        impl tl::json::ToTlJson for #name {
            fn to_tl_json(&self) -> tl::json::serde_json::Value {
                match self {
                    #(#writes)*
                }
            }
        }

        #gate
        impl tl::json::FromTlJson for #name {
            fn from_tl_json(json: &tl::json::serde_json::Value, path: &str) -> #result<Self, tl::json::JsonError> {
                match tl::__private::constructor_name(json, path)? {
                    #(#reads)*
                    other => #err(tl::__private::unknown_constructor(path, other, #tl_name)),
                }
            }
        }
    }
}
