//! Errors of the dynamic codec: where (a byte offset, or a JSON path) and what.

use std::fmt;

/// Why a value could not be decoded from bytes or encoded from JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The bytes are not a valid encoding: the runtime's own error, with its
    /// offset and [`kind`](tl_types::DecodeError::kind), as the generated
    /// bindings report it.
    Wire(tl_types::DecodeError),
    /// The bytes are well formed but do not fit the schema: a constructor id
    /// it does not have, a type it cannot read.
    Decode {
        /// Byte offset where the problem was found.
        offset: usize,
        /// What the problem is.
        message: String,
    },
    /// The JSON does not fit the schema.
    Encode {
        /// The JSON path of the offending value: `.messages[3].entities[0]`,
        /// or `.` for the whole object.
        path: String,
        /// What the problem is.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Wire(error) => error.fmt(f),
            Error::Decode { offset, message } => write!(f, "at byte {offset}: {message}"),
            Error::Encode { path, message } => write!(f, "at {path}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Wire(error) => Some(error),
            _ => None,
        }
    }
}

impl Error {
    /// The byte offset of a decoding error.
    pub fn offset(&self) -> Option<usize> {
        match self {
            Error::Wire(error) => Some(error.offset()),
            Error::Decode { offset, .. } => Some(*offset),
            Error::Encode { .. } => None,
        }
    }

    /// The JSON path of an encoding error: `.messages[3].entities[0]`.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Encode { path, .. } => Some(path),
            _ => None,
        }
    }
}

impl From<tl_types::DecodeError> for Error {
    fn from(error: tl_types::DecodeError) -> Error {
        Error::Wire(error)
    }
}

impl From<tl_types::json::JsonError> for Error {
    fn from(error: tl_types::json::JsonError) -> Error {
        Error::Encode {
            path: if error.path.is_empty() {
                ".".to_owned()
            } else {
                error.path
            },
            message: error.message,
        }
    }
}

/// A JSON path being walked, for error messages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Path(Vec<Segment>);

#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Path {
    pub(crate) fn key(&self, key: &str) -> Path {
        let mut path = self.clone();
        path.0.push(Segment::Key(key.to_owned()));
        path
    }

    pub(crate) fn index(&self, index: usize) -> Path {
        let mut path = self.clone();
        path.0.push(Segment::Index(index));
        path
    }

    /// The path as the generated code writes it, where the root is `""`.
    pub(crate) fn prefix(&self) -> String {
        if self.0.is_empty() {
            String::new()
        } else {
            self.to_string()
        }
    }

    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::Encode {
            path: self.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for segment in &self.0 {
            match segment {
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}
