//! The error of a schema that does not parse.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Span;
use crate::position::Position;
use std::fmt;

/// Schema text that does not follow the TL grammar: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where parsing stopped (a zero-length span).
    pub span: Span,
    /// What was expected and what was found instead.
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(text: &str, offset: usize, message: String) -> ParseError {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let at = Position::START.after(text, offset);
        ParseError {
            span: Span {
                start: offset,
                end: offset,
                line: at.line,
                column: at.column,
            },
            message,
        }
    }

    /// The error as a diagnostic, to render with its source line.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::new(Severity::Error, self.message.clone(), self.span)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.span.line, self.span.column, self.message
        )
    }
}

impl std::error::Error for ParseError {}
