//! Why a command failed, as `main` prints it.

use std::fmt;

/// A failed command's message: a plain one, which `main` prints after
/// `error: `, or diagnostics already rendered (they say `error:` themselves),
/// which it prints as they are.
#[derive(Debug)]
pub enum Failure {
    /// "cannot read x.tl: No such file or directory".
    Message(String),
    /// One or more diagnostics rendered with their source lines.
    Rendered(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Message(message)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Message(message) => write!(f, "error: {message}"),
            Failure::Rendered(rendered) => f.write_str(rendered),
        }
    }
}
