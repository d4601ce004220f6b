//! What can stop code generation.

use std::fmt;

/// Why bindings could not be generated.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A schema file could not be read.
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A schema file does not parse; `rendered` shows where.
    Parse {
        /// The file.
        path: std::path::PathBuf,
        /// The error rendered with its source line.
        rendered: String,
    },
    /// The checker found errors in the schemas; `rendered` lists them.
    Check {
        /// The findings, rendered with their source lines where known.
        rendered: String,
    },
    /// A type that no definition declares.
    UndefinedType {
        /// The definition that uses it.
        definition: String,
        /// The type as written.
        ty: String,
    },
    /// A construct the generator cannot express in Rust.
    Unsupported {
        /// The definition that uses it.
        definition: String,
        /// What it is.
        what: String,
    },
    /// Two TL names that would become the same Rust name.
    NameClash {
        /// The first TL name.
        first: String,
        /// The second.
        second: String,
        /// The Rust path both would have.
        rust: String,
    },
    /// The generated code does not parse as Rust: a bug in the generator.
    InvalidOutput(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Parse { rendered, .. } | Error::Check { rendered } => f.write_str(rendered),
            Error::UndefinedType { definition, ty } => {
                write!(f, "`{definition}` uses the undefined type `{ty}`")
            }
            Error::Unsupported { definition, what } => {
                write!(f, "`{definition}` uses {what}, which cannot be generated")
            }
            Error::NameClash {
                first,
                second,
                rust,
            } => write!(f, "`{first}` and `{second}` would both be `{rust}`"),
            Error::InvalidOutput(message) => {
                write!(
                    f,
                    "generated code is not valid Rust (a generator bug): {message}"
                )
            }
        }
    }
}

impl std::error::Error for Error {}
