//! The RPC error enum, `RpcErrorKind`: one variant per known error, read
//! from a message and written back to the same text.
//!
//! ```ignore
//! pub enum RpcErrorKind {
//!     /// `FLOOD_WAIT_X` (420): the number is seconds to wait before trying again.
//!     FloodWait(i32),
//!     /// `ABOUT_TOO_LONG` (400).
//!     AboutTooLong,
//!     Other(String),
//! }
//! ```

use super::{docs, ident};
use crate::rpc_errors::{ErrorPlan, Meaning};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The enum with its parser, `Display` and helpers.
pub fn file(plan: &ErrorPlan, runtime: &TokenStream) -> TokenStream {
    let other = ident(&plan.other);
    let declarations = plan.variants.iter().map(|v| {
        let codes: Vec<String> = v.codes.iter().map(i32::to_string).collect();
        let mut doc = format!("`{}` ({})", v.name, codes.join(", "));
        match &v.number {
            Some(number) => doc.push_str(&format!(": {}", number.meaning.describe())),
            None => doc.push('.'),
        }
        let doc = docs::attrs(&doc);
        let name = ident(&v.variant);
        match v.number {
            Some(_) => quote!(#doc #name(i32)),
            None => quote!(#doc #name),
        }
    });
    // A table sorted by name, searched by halves: much less for the
    // compiler than a `match` of some 800 strings.
    let mut exact: Vec<_> = plan
        .variants
        .iter()
        .filter(|v| v.number.is_none())
        .collect();
    exact.sort_by(|a, b| a.name.cmp(&b.name));
    let exact = exact.into_iter().map(|v| {
        let (text, name) = (&v.name, ident(&v.variant));
        quote!((#text, Self::#name))
    });
    let numbered = plan.variants.iter().filter_map(|v| {
        let number = v.number.as_ref()?;
        let (prefix, suffix, name) = (&number.prefix, &number.suffix, ident(&v.variant));
        Some(quote! {
            if let ::core::option::Option::Some(n) = between(message, #prefix, #suffix) {
                return Self::#name(n);
            }
        })
    });
    let names = plan.variants.iter().map(|v| {
        let (text, name) = (&v.name, ident(&v.variant));
        match v.number {
            Some(_) => quote!(Self::#name(_) => #text),
            None => quote!(Self::#name => #text),
        }
    });
    // Only the errors with a number are written by a pattern of their own;
    // every other one is its name.
    let display = plan.variants.iter().filter_map(|v| {
        let name = ident(&v.variant);
        let number = v.number.as_ref()?;
        let format = Literal::string(&format!("{}{{}}{}", number.prefix, number.suffix));
        Some(quote!(Self::#name(n) => ::core::write!(f, #format, n)))
    });
    let with_meaning = |meanings: &[Meaning]| -> Vec<TokenStream> {
        plan.variants
            .iter()
            .filter(|v| {
                v.number
                    .as_ref()
                    .is_some_and(|n| meanings.contains(&n.meaning))
            })
            .map(|v| {
                let name = ident(&v.variant);
                let minutes = v
                    .number
                    .as_ref()
                    .is_some_and(|n| n.meaning == Meaning::Minutes);
                if minutes {
                    quote!(Self::#name(n) => ::core::option::Option::Some(n.saturating_mul(60)))
                } else {
                    quote!(Self::#name(n) => ::core::option::Option::Some(*n))
                }
            })
            .collect()
    };
    let migrate = with_meaning(&[Meaning::NewDc]);
    let wait = with_meaning(&[Meaning::Seconds, Meaning::Minutes]);
    quote! {
        /// An RPC error, by the message it comes with: one variant per error
        /// the method data name, with the number its message carries, and
        /// the message as received for any other. (`tl_types::RpcError` pairs
        /// the bundled one with the error code.)
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum RpcErrorKind {
            #(#declarations,)*
            /// A message the data do not name, or that names a known error with
            /// a number that is not a plain decimal `i32`: the text as received.
            #other(::std::string::String),
        }

        impl RpcErrorKind {
            /// The error an RPC error message names. Never fails: a message
            /// that names no known error is kept as it is.
            pub fn parse(message: &str) -> RpcErrorKind {
                match Self::EXACT.binary_search_by(|(name, _)| (*name).cmp(message)) {
                    ::core::result::Result::Ok(found) => Self::EXACT[found].1.clone(),
                    ::core::result::Result::Err(_) => Self::parse_numbered(message),
                }
            }

            /// The errors whose message is their name alone, sorted by it.
            const EXACT: &'static [(&'static str, RpcErrorKind)] = &[#(#exact,)*];

            fn parse_numbered(message: &str) -> RpcErrorKind {
                use #runtime::__private::number_between as between;
                #(#numbered)*
                Self::#other(::std::string::String::from(message))
            }

            /// The error's name in the method data (`FLOOD_WAIT_X` for
            /// `FLOOD_WAIT_30`), as the functions' `ERRORS` list it; `None`
            /// for an unknown message.
            pub fn name(&self) -> ::core::option::Option<&'static str> {
                ::core::option::Option::Some(match self {
                    #(#names,)*
                    Self::#other(_) => return ::core::option::Option::None,
                })
            }

            /// The data centre to repeat the call in, for `*_MIGRATE_X`.
            pub fn migrate_dc(&self) -> ::core::option::Option<i32> {
                match self {
                    #(#migrate,)*
                    _ => ::core::option::Option::None,
                }
            }

            /// Seconds to wait before trying again, for errors whose number
            /// is a wait (minutes are converted, saturating).
            pub fn wait_seconds(&self) -> ::core::option::Option<i32> {
                match self {
                    #(#wait,)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        /// The message, exactly as received.
        impl ::core::fmt::Display for RpcErrorKind {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(#display,)*
                    Self::#other(message) => f.write_str(message),
                    known => f.write_str(known.name().unwrap_or_default()),
                }
            }
        }
    }
}
