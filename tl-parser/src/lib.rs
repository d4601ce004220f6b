//! A parser and checker for TL (Type Language), the schema language of
//! Telegram's MTProto API, TDLib and TON.
//!
//! ```
//! let schema = tl_parser::parse(
//!     "auth.sendCode#a677244f phone_number:string api_id:int api_hash:string \
//!      settings:CodeSettings = auth.SentCode;",
//! ).unwrap();
//! let send_code = &schema.definitions[0];
//! assert_eq!(send_code.full_name(), "auth.sendCode");
//! assert_eq!(send_code.id, 0xa677244f);
//! assert_eq!(send_code.computed_id(schema.id_rule), send_code.id);
//! ```
//!
//! The pieces, in the order data flows through them:
//! - [`parse()`]: text → [`Schema`], with [`ParseError`]s that point at line and column.
//!   The module `parse` walks the text item by item; the byte-level scanner
//!   `fast_path` reads the ordinary definitions, and the nom `grammar` reads
//!   everything else (and reports the errors);
//! - [`model`]: the typed, serde-serialisable model;
//! - [`id`]: constructor ids computed from the normalised text, by Telegram's
//!   rule or the reference TL compiler's ([`IdRule`]);
//! - [`check`](mod@check): findings about a parsed model ([`Diagnostic`]s), rendered by [`render`];
//! - [`print`](mod@print): the model back to canonical TL text;
//! - [`format`](mod@format): a schema text in canonical layout, its comments and blank
//!   lines kept (`tl fmt`).

pub mod check;
pub mod diagnostic;
mod doc;
pub mod error;
mod fast_path;
#[cfg(test)]
mod fast_path_tests;
pub mod format;
mod grammar;
pub mod id;
pub mod model;
mod namespace;
mod parse;
mod position;
pub mod print;

pub use check::check;
/// The string type of the names in the [`model`]: a `String` that keeps short
/// names inline.
pub use compact_str::CompactString;
pub use diagnostic::{Diagnostic, Severity, SourceText, render};
pub use error::ParseError;
pub use grammar::MAX_TYPE_DEPTH;
pub use model::{
    Category, Definition, Doc, DocTag, FlagRef, GenericParam, IdOrigin, IdRule, Namespace,
    Parameter, Primitive, Schema, Span, Type, TypeDoc,
};

/// Parses the text of a TL schema file.
///
/// Every definition is kept, built-in declarations included (see
/// [`Definition::builtin`]). Ids that the text leaves out are computed by the
/// rule the text implies ([`IdRule::detect`]); ids it writes are kept as
/// written even where they differ from the computed ones (the
/// [`check`](fn@check) pass reports that).
pub fn parse(text: &str) -> Result<Schema, ParseError> {
    parse::parse_schema(text, parse::Path::Fast, None)
}

/// Parses the text of a TL schema file like [`parse`], computing the ids it
/// leaves out by `id_rule` instead of the detected rule.
pub fn parse_with_id_rule(text: &str, id_rule: IdRule) -> Result<Schema, ParseError> {
    parse::parse_schema(text, parse::Path::Fast, Some(id_rule))
}
