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
//! assert_eq!(send_code.computed_id(), send_code.id);
//! ```
//!
//! The pieces, in the order data flows through them:
//! - [`grammar`](parse): text → [`Schema`], with [`ParseError`]s that point at line and column;
//! - [`model`]: the typed, serde-serialisable model;
//! - [`id`]: constructor ids computed from the normalised text;
//! - [`check`]: findings about a parsed model ([`Diagnostic`]s), rendered by [`render`];
//! - [`print`]: the model back to canonical TL text.

pub mod check;
pub mod diagnostic;
mod doc;
pub mod error;
mod grammar;
pub mod id;
pub mod model;
pub mod print;

pub use check::check;
pub use diagnostic::{Diagnostic, Severity, SourceText, render};
pub use error::ParseError;
pub use grammar::MAX_TYPE_DEPTH;
pub use model::{
    Category, Definition, Doc, DocTag, FlagRef, GenericParam, IdOrigin, Parameter, Schema, Span,
    Type, TypeDoc,
};

/// Parses the text of a TL schema file.
///
/// Every definition is kept, built-in declarations included (see
/// [`Definition::builtin`]). Ids that the text leaves out are computed; ids it
/// writes are kept as written even where they differ from the computed ones
/// (the [`check`] pass reports that).
pub fn parse(text: &str) -> Result<Schema, ParseError> {
    grammar::parse_schema(text)
}
