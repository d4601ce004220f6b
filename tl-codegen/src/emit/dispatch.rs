//! The dispatch enums: `AnyValue` (a value of any boxed type), `AnyCall`
//! (any function call) and `AnyObject` (either), decoded by the constructor
//! id that leads their bytes, for callers that do not know the type
//! beforehand: an `rpc_result`, an unexpected update, captured traffic.
//!
//! The three decoders are `#[inline]`. `AnyCall`'s is the only caller of the
//! function decoders (themselves `#[inline]`), so all of these are compiled
//! in the crate that decodes calls (a server, a test double, a traffic
//! inspector) and not at all for a client, which only sends calls; a client
//! reads answers and updates as the types it expects, without `AnyValue`
//! either (the build time this saves is in `BENCHMARKS.md`).

use super::{Options, Scope, borrowed, codec, decoders, docs, generic_list, hex_id, ident, json};
use crate::plan::{Plan, RustType};
use proc_macro2::TokenStream;
use quote::quote;

/// The three dispatch enums and their impls:
///
/// ```ignore
/// pub enum AnyValue { Bool(bool), InputPeer(enums::InputPeer), ... }
/// pub enum AnyCall { AuthSendCode(functions::auth::SendCode), ... }
/// pub enum AnyObject { Value(AnyValue), Call(AnyCall) }
/// impl tl::Decode for AnyValue {
///     fn decode(reader: &mut tl::Reader<'_>) -> Result<Self, tl::DecodeError> {
///         match reader.peek_u32()? { 0x7f3b18ea | 0x7b8e7de6 | ... => reader.read().map(Self::InputPeer), ... }
///     }
/// }
/// ```
pub fn dispatch(plan: &Plan, options: &Options<'_>, scope: &Scope) -> TokenStream {
    let result = scope.std("Result");
    let ok = scope.std("Ok");
    let err = scope.std("Err");
    let lifetimes = &plan.lifetimes;
    let read = codec::Reads::of(plan).value();
    let value_params = Scope::lifetime_params(lifetimes.any_value());
    let call_params = Scope::lifetime_params(lifetimes.any_call());
    let object_params = Scope::lifetime_params(lifetimes.any_object());
    // Each variant made owned, in borrowed bindings.
    let mut value_owned = Vec::new();
    let mut call_owned = Vec::new();

    // AnyValue: one variant per boxed type.
    let mut value_variants = Vec::new();
    let mut value_reads = Vec::new();
    let mut value_arms = Vec::new();
    let mut all_constructor_ids = Vec::new();
    let mut value_json_reads = Vec::new();
    let mut all_constructor_names: Vec<String> = Vec::new();
    let mut call_json_reads = Vec::new();
    for boxed in &plan.enums {
        let name = ident(&boxed.any_variant);
        let ty = scope.ty(&RustType::Enum(boxed.path.clone()));
        value_owned.push(if lifetimes.of_enum(&boxed.path) {
            quote!(Self::#name(value) => AnyValue::#name(tl::IntoOwned::into_owned(value)),)
        } else {
            quote!(Self::#name(value) => AnyValue::#name(value),)
        });
        let doc = docs::attrs(&format!(
            "A value of `{}`: {}.",
            boxed.tl_name,
            scope.doc_link("enums", &boxed.path)
        ));
        value_variants.push(quote!(#doc #name(#ty)));
        let ids: Vec<_> = boxed
            .variants
            .iter()
            .map(|v| hex_id(plan.constructors[v.constructor].definition.id))
            .collect();
        value_reads.push(quote!(#(#ids)|* => #read.map(Self::#name),));
        let names: Vec<String> = boxed
            .variants
            .iter()
            .map(|v| plan.constructors[v.constructor].definition.full_name())
            .collect();
        value_json_reads.push(quote! {
            #(#names)|* => tl::__private::json_variant(json, path, Self::#name),
        });
        all_constructor_names.extend(names);
        value_arms.push(name);
        all_constructor_ids.extend(ids);
    }

    // AnyCall: one variant per function.
    let mut call_variants = Vec::new();
    let mut call_reads = Vec::new();
    let mut call_ids = Vec::new();
    let mut call_names = Vec::new();
    let mut call_arms = Vec::new();
    for function in &plan.functions {
        let path = function.item.path();
        let name = ident(&function.any_variant);
        let lifetime = lifetimes.of_function(&path);
        let args = generic_list(
            lifetime.then(|| quote!('a)),
            function
                .item
                .generics
                .iter()
                .map(|_| scope.boxed(&quote!(AnyCall #call_params), &quote!('a))),
        );
        let function_path = scope.function_path(&path);
        let ty = quote!(#function_path #args);
        call_owned.push(
            if lifetime || !function.item.generics.is_empty() || function.boxed {
                quote!(Self::#name(call) => AnyCall::#name(tl::IntoOwned::into_owned(call)),)
            } else {
                quote!(Self::#name(call) => AnyCall::#name(call),)
            },
        );
        let payload = if function.boxed {
            scope.boxed(&ty, &quote!('a))
        } else {
            ty
        };
        let definition = &function.item.definition;
        let doc = docs::attrs(&format!(
            "A call of `{}`: {}.",
            definition.full_name(),
            scope.doc_link("functions", &path)
        ));
        call_variants.push(quote!(#doc #name(#payload)));
        let id = hex_id(definition.id);
        call_reads.push(quote!(#id => #read.map(Self::#name),));
        call_ids.push(quote!(Self::#name(_) => #id,));
        let tl_name = definition.full_name();
        call_names.push(quote!(Self::#name(_) => #tl_name,));
        call_json_reads.push(quote! {
            #tl_name => tl::__private::json_variant(json, path, Self::#name),
        });
        call_arms.push(name);
    }

    let value_body = quote! {
        let id = reader.peek_u32()?;
        match id {
            tl::wire::BOOL_TRUE_ID | tl::wire::BOOL_FALSE_ID => #read.map(Self::Bool),
            #(#value_reads)*
            _ => #err(reader.error(tl::DecodeErrorKind::UnexpectedConstructor {
                id,
                expected: "any boxed type",
            })),
        }
    };
    let call_body = quote! {
        reader.nested(|reader| {
            let id = reader.peek_u32()?;
            match id {
                #(#call_reads)*
                _ => #err(reader.error(tl::DecodeErrorKind::UnexpectedConstructor {
                    id,
                    expected: "any function",
                })),
            }
        })
    };
    let object_body = quote! {
        if AnyValue::is_constructor_id(reader.peek_u32()?) {
            #read.map(Self::Value)
        } else {
            #read.map(Self::Call)
        }
    };
    let object_owned = [
        (lifetimes.any_value(), quote!(Value)),
        (lifetimes.any_call(), quote!(Call)),
    ]
    .map(|(converts, variant)| {
        if converts {
            quote!(Self::#variant(inner) => AnyObject::#variant(tl::IntoOwned::into_owned(inner)),)
        } else {
            quote!(Self::#variant(inner) => AnyObject::#variant(inner),)
        }
    });
    let decode = |name: &str, takes: bool, body: &TokenStream, owned_arms: &[TokenStream]| {
        let name = ident(name);
        decoders(
            &name,
            takes,
            &quote!(reader),
            body,
            true,
            Some(borrowed::enum_into_owned(&name, takes, owned_arms)),
            scope,
        )
    };
    let mut value_owned_all = vec![quote!(Self::Bool(value) => AnyValue::Bool(value),)];
    value_owned_all.extend(value_owned);
    let value_decode = decode(
        "AnyValue",
        lifetimes.any_value(),
        &value_body,
        &value_owned_all,
    );
    let call_decode = decode("AnyCall", lifetimes.any_call(), &call_body, &call_owned);
    let object_decode = decode(
        "AnyObject",
        lifetimes.any_object(),
        &object_body,
        &object_owned,
    );

    let tl_json = json::gate(options).map(|gate| {
        let serde_value = json::serde_impls("AnyValue", &[], &gate);
        let serde_call = json::serde_impls("AnyCall", &[], &gate);
        let serde_object = json::serde_impls("AnyObject", &[], &gate);
        quote! {
            #gate
            impl AnyValue {
                #[doc = " Whether `name` is the TL name of one of this schema's constructors."]
                pub fn is_constructor_name(name: &str) -> bool {
                    matches!(name, "boolTrue" | "boolFalse" #(| #all_constructor_names)*)
                }
            }

            #gate
            impl tl::json::ToTlJson for AnyValue {
                fn to_tl_json(&self) -> tl::json::serde_json::Value {
                    match self {
                        // Standing alone, a Bool is an object like any other.
                        Self::Bool(_) => {
                            let mut map = tl::json::serde_json::Map::new();
                            map.insert("_".into(), self.tl_name().into());
                            tl::json::serde_json::Value::Object(map)
                        }
                        #(Self::#value_arms(value) => value.to_tl_json(),)*
                    }
                }
            }

            #gate
            impl tl::json::FromTlJson for AnyValue {
                fn from_tl_json(json: &tl::json::serde_json::Value, path: &str) -> #result<Self, tl::json::JsonError> {
                    if let tl::json::serde_json::Value::Bool(value) = json {
                        return #ok(Self::Bool(*value));
                    }
                    match tl::__private::constructor_name(json, path)? {
                        // No fields, and no other keys: nothing is dropped silently.
                        "boolTrue" => tl::__private::Fields::new(json, path, "boolTrue", &[], &[]).map(|_| Self::Bool(true)),
                        "boolFalse" => tl::__private::Fields::new(json, path, "boolFalse", &[], &[]).map(|_| Self::Bool(false)),
                        #(#value_json_reads)*
                        other => #err(tl::__private::unknown_constructor(path, other, "any boxed type")),
                    }
                }
            }

            #serde_value

            #gate
            impl tl::json::ToTlJson for AnyCall {
                fn to_tl_json(&self) -> tl::json::serde_json::Value {
                    match self {
                        #(Self::#call_arms(call) => call.to_tl_json(),)*
                    }
                }
            }

            #gate
            impl tl::json::FromTlJson for AnyCall {
                fn from_tl_json(json: &tl::json::serde_json::Value, path: &str) -> #result<Self, tl::json::JsonError> {
                    match tl::__private::constructor_name(json, path)? {
                        #(#call_json_reads)*
                        other => #err(tl::__private::unknown_constructor(path, other, "any function")),
                    }
                }
            }

            #serde_call

            #gate
            impl tl::json::ToTlJson for AnyObject {
                fn to_tl_json(&self) -> tl::json::serde_json::Value {
                    match self {
                        Self::Value(value) => value.to_tl_json(),
                        Self::Call(call) => call.to_tl_json(),
                    }
                }
            }

            #gate
            impl tl::json::FromTlJson for AnyObject {
                fn from_tl_json(json: &tl::json::serde_json::Value, path: &str) -> #result<Self, tl::json::JsonError> {
                    let is_value = json.is_boolean()
                        || AnyValue::is_constructor_name(tl::__private::constructor_name(json, path)?);
                    if is_value {
                        tl::json::FromTlJson::from_tl_json(json, path).map(Self::Value)
                    } else {
                        tl::json::FromTlJson::from_tl_json(json, path).map(Self::Call)
                    }
                }
            }

            #serde_object
        }
    });
    quote! {
        #tl_json

        #[doc = " A value of any boxed type of this schema, read by the constructor id that leads it."]
        #[derive(Debug, Clone, PartialEq)]
        pub enum AnyValue #value_params {
            #[doc = " A `Bool`: `boolTrue` or `boolFalse`."]
            Bool(bool),
            #(#value_variants,)*
        }

        impl #value_params AnyValue #value_params {
            #[doc = " Whether `id` is the constructor id of one of this schema's constructors."]
            pub fn is_constructor_id(id: u32) -> bool {
                matches!(id, tl::wire::BOOL_TRUE_ID | tl::wire::BOOL_FALSE_ID #(| #all_constructor_ids)*)
            }

            #[doc = " The constructor id of this value."]
            pub fn constructor_id(&self) -> u32 {
                match self {
                    Self::Bool(true) => tl::wire::BOOL_TRUE_ID,
                    Self::Bool(false) => tl::wire::BOOL_FALSE_ID,
                    #(Self::#value_arms(value) => value.constructor_id(),)*
                }
            }

            #[doc = " The TL name of this value's constructor."]
            pub fn tl_name(&self) -> &'static str {
                match self {
                    Self::Bool(true) => "boolTrue",
                    Self::Bool(false) => "boolFalse",
                    #(Self::#value_arms(value) => value.tl_name(),)*
                }
            }
        }

        impl #value_params tl::Encode for AnyValue #value_params {
            fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
                match self {
                    Self::Bool(value) => value.write_to(out),
                    #(Self::#value_arms(value) => value.write_to(out),)*
                }
            }
        }

        #value_decode

        #[doc = " A call of any function of this schema, read by the constructor id that leads it."]
        #[derive(Debug, Clone, PartialEq)]
        pub enum AnyCall #call_params {
            #(#call_variants,)*
        }

        impl #call_params AnyCall #call_params {
            #[doc = " The constructor id of this call's function."]
            pub fn constructor_id(&self) -> u32 {
                match self {
                    #(#call_ids)*
                }
            }

            #[doc = " The TL name of this call's function."]
            pub fn tl_name(&self) -> &'static str {
                match self {
                    #(#call_names)*
                }
            }
        }

        impl #call_params tl::Encode for AnyCall #call_params {
            fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
                match self {
                    #(Self::#call_arms(call) => call.write_to(out),)*
                }
            }
        }

        #call_decode

        #[doc = " Any object of this schema: a value of a boxed type or a function call."]
        #[doc = ""]
        #[doc = " Decoding tries the constructors first, then the functions."]
        #[derive(Debug, Clone, PartialEq)]
        pub enum AnyObject #object_params {
            #[doc = " A value of a boxed type."]
            Value(AnyValue #value_params),
            #[doc = " A function call."]
            Call(AnyCall #call_params),
        }

        impl #object_params AnyObject #object_params {
            #[doc = " The constructor id of this object."]
            pub fn constructor_id(&self) -> u32 {
                match self {
                    Self::Value(value) => value.constructor_id(),
                    Self::Call(call) => call.constructor_id(),
                }
            }

            #[doc = " The TL name of this object's constructor or function."]
            pub fn tl_name(&self) -> &'static str {
                match self {
                    Self::Value(value) => value.tl_name(),
                    Self::Call(call) => call.tl_name(),
                }
            }
        }

        impl #object_params tl::Encode for AnyObject #object_params {
            fn write_to<'w, S: tl::Sink + ?Sized>(&self, out: tl::Place<'w, S>) -> tl::Place<'w, S> {
                match self {
                    Self::Value(value) => value.write_to(out),
                    Self::Call(call) => call.write_to(out),
                }
            }
        }

        #object_decode
    }
}
