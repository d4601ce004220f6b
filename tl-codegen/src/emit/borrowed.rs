//! What borrowed bindings (`Config::borrowed`) have beside owned ones:
//! `BorrowDecode` reading the fields, `Decode` giving the owned form, and
//! the conversions to owned values (`tl::IntoOwned`), each value rebuilt
//! with its borrowed parts owned and what does not borrow moved as it is.
//!
//! Every `into_owned` is `#[inline]`, as the decoders of the dispatch
//! enums are: compiled in the crate that calls it, for the types it keeps,
//! and not for all two thousand in every build of the bindings.

use super::{Scope, generic_list, ident};
use crate::plan::{Item, RustType};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// Whether a value of `ty` changes type when made owned: it borrows, or it
/// holds a type parameter (which may).
fn converts(ty: &RustType, scope: &Scope) -> bool {
    fn holds_generic(ty: &RustType) -> bool {
        match ty {
            RustType::Generic(_) => true,
            RustType::Vector { element, .. } => holds_generic(element),
            _ => false,
        }
    }
    scope.lifetimes().of(ty) || holds_generic(ty)
}

/// A struct's `IntoOwned` impl: the value rebuilt where it takes a
/// lifetime or type parameters (which may borrow), the value itself for
/// other structs, which are owned already (and may be in a `tl::CowVec`
/// or a `tl::CowBox`, which are made owned by their elements' impls).
///
/// ```ignore
/// impl<'a> tl::IntoOwned for Message<'a> {
///     type Owned = Message<'static>;
///     fn into_owned(self) -> Message<'static> {
///         Message { id: self.id, message: tl::IntoOwned::into_owned(self.message), .. }
///     }
/// }
/// ```
pub fn struct_into_owned(item: &Item, lifetime: bool, scope: &Scope) -> Option<TokenStream> {
    let name = ident(&item.name);
    if !lifetime && item.generics.is_empty() {
        return Some(already_owned(&name));
    }
    let generics: Vec<Ident> = item.generics.iter().map(|g| ident(g)).collect();
    let params = generic_list(
        lifetime.then(|| quote!('a)),
        generics.iter().map(|g| quote!(#g: tl::IntoOwned)),
    );
    let args = generic_list(
        lifetime.then(|| quote!('a)),
        generics.iter().map(|g| quote!(#g)),
    );
    let owned_args = generic_list(
        lifetime.then(|| quote!('static)),
        generics.iter().map(|g| quote!(#g::Owned)),
    );
    let members = item.stored_fields().filter_map(|field| {
        let member_name = field.member.as_deref()?;
        let member = ident(member_name);
        if let Some(shared) = &field.shared {
            if shared.index != 0 {
                return None;
            }
            let parts: Vec<_> = item.shared_fields(member_name).collect();
            if !parts.iter().any(|f| converts(&f.ty, scope)) {
                return Some(quote!(#member: self.#member));
            }
            let locals: Vec<Ident> = parts.iter().map(|f| ident(&f.ident)).collect();
            let owned = parts.iter().zip(&locals).map(|(f, local)| {
                if converts(&f.ty, scope) {
                    quote!(tl::IntoOwned::into_owned(#local))
                } else {
                    quote!(#local)
                }
            });
            return Some(quote! {
                #member: self.#member.map(|(#(#locals,)*)| (#(#owned,)*))
            });
        }
        Some(if converts(&field.ty, scope) {
            quote!(#member: tl::IntoOwned::into_owned(self.#member))
        } else {
            quote!(#member: self.#member)
        })
    });
    Some(quote! {
        impl #params tl::IntoOwned for #name #args {
            type Owned = #name #owned_args;

            #[inline]
            fn into_owned(self) -> Self::Owned {
                #name { #(#members),* }
            }
        }
    })
}

/// The `IntoOwned` impl of an item that owns all it holds: the value itself.
fn already_owned(name: &Ident) -> TokenStream {
    quote! {
        impl tl::IntoOwned for #name {
            type Owned = #name;

            #[inline]
            fn into_owned(self) -> #name {
                self
            }
        }
    }
}

/// An enum's `IntoOwned` impl, from one arm per variant
/// (`Self::Message(value) => Message::Message(tl::IntoOwned::into_owned(value)),`)
/// where it takes a lifetime, else the value itself.
pub fn enum_into_owned(name: &Ident, lifetime: bool, arms: &[TokenStream]) -> TokenStream {
    if !lifetime {
        return already_owned(name);
    }
    quote! {
        impl<'a> tl::IntoOwned for #name<'a> {
            type Owned = #name<'static>;

            #[inline]
            fn into_owned(self) -> Self::Owned {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

/// The decoders of a type without type parameters in borrowed bindings:
/// `BorrowDecode` reads with `body` (from `reader`, `#[inline]` if
/// `inline`), and `Decode` gives the owned form, through `into_owned` where
/// the type takes a lifetime and as itself where it does not.
///
/// ```ignore
/// impl<'a> tl::BorrowDecode<'a> for Message<'a> { /* body */ }
/// impl tl::Decode for Message<'static> { /* `borrow_decode`, then `into_owned` */ }
/// impl<'a> tl::IntoOwned for Message<'a> { type Owned = Message<'static>; .. }
/// ```
pub fn decoders(
    name: &Ident,
    lifetime: bool,
    reader: &TokenStream,
    body: &TokenStream,
    inline: bool,
    into_owned: Option<TokenStream>,
    scope: &Scope,
) -> TokenStream {
    let result = scope.std("Result");
    let params = Scope::lifetime_params(lifetime);
    let (owned, decode_owned) = if lifetime {
        (
            quote!(#name<'static>),
            quote!(tl::__private::decode_owned::<#name<'_>>(reader)),
        )
    } else {
        (
            quote!(#name),
            quote!(<Self as tl::BorrowDecode<'_>>::borrow_decode(reader)),
        )
    };
    let inline = inline.then(|| quote!(#[inline]));
    quote! {
        impl<'a> tl::BorrowDecode<'a> for #name #params {
            #inline
            fn borrow_decode(#reader: &mut tl::Reader<'a>) -> #result<Self, tl::DecodeError> {
                #body
            }
        }

        impl tl::Decode for #owned {
            #[inline]
            fn decode(reader: &mut tl::Reader<'_>) -> #result<Self, tl::DecodeError> {
                #decode_owned
            }
        }

        #into_owned
    }
}
