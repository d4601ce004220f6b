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
        /// Where the definition stands.
        at: Location,
    },
    /// A construct the generator cannot express in Rust.
    Unsupported {
        /// The definition that uses it.
        definition: String,
        /// What it is.
        what: String,
        /// Where the definition stands.
        at: Location,
    },
    /// Errors found in the schemas, rendered with their source lines: the
    /// checker's, or the generator's own where the schema files were read
    /// by [`Config::generate_files`](crate::Config::generate_files).
    Rendered {
        /// Every finding, rendered as rustc renders its diagnostics.
        rendered: String,
    },
    /// A path given to the [`Config`](crate::Config) is not a Rust path.
    InvalidPath {
        /// The setting it was given for (`runtime_crate`, `object_bindings`).
        setting: &'static str,
        /// The path as given.
        path: String,
    },
    /// A line of the method data (`Config::method_data`) does not fit its
    /// format.
    MethodData {
        /// Which text: `methods` or `errors`.
        file: &'static str,
        /// The line, counted from 1 (the header).
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A descriptions file (mtcute's `api-schema.json`) is malformed.
    Descriptions {
        /// The file, as named to the reader.
        file: String,
        /// Where: `line:column` for JSON syntax, or the entry
        /// (`e[12].arguments[3].comment`).
        place: String,
        /// What is wrong.
        message: String,
    },
    /// Two settings that cannot be combined.
    IncompatibleSettings {
        /// The two `Config` methods.
        settings: [&'static str; 2],
        /// Why not.
        reason: &'static str,
    },
    /// The generated code does not parse as Rust: a bug in the generator.
    InvalidOutput(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Parse { rendered, .. }
            | Error::Check { rendered }
            | Error::Rendered { rendered } => f.write_str(rendered),
            Error::UndefinedType { .. } | Error::Unsupported { .. } => {
                let (diagnostic, at) = self.diagnostic().expect("a generator error");
                write!(
                    f,
                    "error: {} (schema {}, line {}, column {})",
                    diagnostic.message,
                    at.source + 1,
                    at.span.line,
                    at.span.column
                )
            }
            Error::InvalidPath { setting, path } => {
                write!(
                    f,
                    "`{path}`, given to `Config::{setting}`, is not a Rust path"
                )
            }
            Error::MethodData {
                file,
                line,
                message,
            } => write!(f, "{file} CSV, line {line}: {message}"),
            Error::Descriptions {
                file,
                place,
                message,
            } => write!(f, "{file}: {place}: {message}"),
            Error::IncompatibleSettings {
                settings: [first, second],
                reason,
            } => write!(
                f,
                "`Config::{first}` and `Config::{second}` cannot be combined: {reason}"
            ),
            Error::InvalidOutput(message) => {
                write!(
                    f,
                    "generated code is not valid Rust (a generator bug): {message}"
                )
            }
        }
    }
}

impl Error {
    /// A generator error about one definition as a diagnostic at its place,
    /// with the index of its schema: what `tl check` and a build script show.
    pub fn diagnostic(&self) -> Option<(tl_parser::Diagnostic, Location)> {
        let (message, at) = match self {
            Error::UndefinedType { definition, ty, at } => {
                (format!("`{definition}` uses the undefined type `{ty}`"), at)
            }
            Error::Unsupported {
                definition,
                what,
                at,
            } => (
                format!("`{definition}` uses {what}, which cannot be generated"),
                at,
            ),
            _ => return None,
        };
        let diagnostic = tl_parser::Diagnostic::new(tl_parser::Severity::Error, message, at.span)
            .in_source(at.source);
        Some((diagnostic, *at))
    }
}

impl std::error::Error for Error {}

/// Where a definition stands: the index of its schema among those given,
/// and its span in that schema's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The schema, by position.
    pub source: usize,
    /// The definition's span.
    pub span: tl_parser::Span,
}

impl Location {
    /// The place of `definition`, of schema number `source`.
    pub fn of(source: usize, definition: &tl_parser::Definition) -> Location {
        Location {
            source,
            span: definition.span,
        }
    }
}
