//! Borrowed bindings' conversions to owned values (`tl::IntoOwned`): each
//! value rebuilt with its borrowed parts owned, and what does not borrow
//! moved as it is.

use super::{Scope, ident};
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

/// A struct's `IntoOwned` impl, where it takes a lifetime or type
/// parameters (which may borrow); nothing for other structs, which are
/// owned already.
///
/// ```ignore
/// impl<'a> tl::IntoOwned for Message<'a> {
///     type Owned = Message<'static>;
///     fn into_owned(self) -> Message<'static> {
///         Message { id: self.id, message: tl::IntoOwned::into_owned(self.message), .. }
///     }
/// }
/// ```
pub fn struct_impl(item: &Item, lifetime: bool, scope: &Scope) -> Option<TokenStream> {
    if !lifetime && item.generics.is_empty() {
        return None;
    }
    let name = ident(&item.name);
    let generics: Vec<Ident> = item.generics.iter().map(|g| ident(g)).collect();
    let (params, args, owned_args) = match (lifetime, generics.is_empty()) {
        (true, true) => (quote!(<'a>), quote!(<'a>), quote!(<'static>)),
        (true, false) => (
            quote!(<'a, #(#generics: tl::IntoOwned),*>),
            quote!(<'a, #(#generics),*>),
            quote!(<'static, #(#generics::Owned),*>),
        ),
        (false, _) => (
            quote!(<#(#generics: tl::IntoOwned),*>),
            quote!(<#(#generics),*>),
            quote!(<#(#generics::Owned),*>),
        ),
    };
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

            fn into_owned(self) -> Self::Owned {
                #name { #(#members),* }
            }
        }
    })
}
