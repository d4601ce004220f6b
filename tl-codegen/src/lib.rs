//! Rust bindings from TL schemas: one struct per constructor (`types::`), one
//! enum per boxed type (`enums::`), one struct per function (`functions::`),
//! with their MTProto serialisation, over the `tl-types` runtime.
//!
//! Use [`Config`] from a build script, or `tl gen` from the command line.
//!
//! The stages, each in its own private module: `plan` resolves the parsed
//! model into everything the code will be (Rust names, paths, field roles,
//! defaults, accessors; `naming` picks the names, `boxing` decides which enum
//! variants hold a `Box`, `lifetimes` which items of borrowed bindings take
//! a lifetime); `emit` only spells the plan as tokens, one emitter
//! per kind of item; `format` parses them with syn and prints them with
//! prettyplease. `rpc_errors` plans the enum of RPC errors from method data
//! (`method_data` reads it), which `emit::rpc_errors` spells.
//!
//! [`diff`](mod@diff) compares two versions of a schema and classifies each
//! change by what it breaks on the wire and in code using the bindings.
//!
//! [`reference`](mod@reference) decides what the page of each function, constructor and
//! type says (description, TL line, Rust example, parameters, result, who
//! may call it, errors), from the plan, the method data and the
//! [`descriptions`] (Telegram's text, read at generation time from a file
//! the user points at, and the schemas' own doc comments). The generated
//! rustdoc spells those pages, and so does `tl doc`'s static site.

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

mod boxing;
mod config;
pub mod descriptions;
pub mod diff;
mod emit;
mod error;
mod format;
mod lifetimes;
mod method_data;
mod naming;
mod plan;
pub mod reference;
mod rpc_errors;

pub use config::{Config, SerdeSupport};
pub use descriptions::{DefinitionText, Descriptions, LinkTarget, Text, Unmatched};
pub use error::Error;
pub use method_data::{MethodData, MethodInfo};
