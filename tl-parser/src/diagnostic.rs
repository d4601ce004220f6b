//! Findings about a schema (parse errors and checker results) and their
//! rendering in the style of rustc: the source line with a caret under the spot.

use crate::model::Span;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; the schema is still usable as it is.
    Warning,
    /// The schema is wrong: generated code would be wrong or would not compile.
    Error,
}

/// One finding: its severity, what it says, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Where it is, in the source text of the schema it was found in.
    pub span: Span,
    /// Which of the checked sources it was found in (an index into the list
    /// given to the checker; 0 for a single file).
    pub source: usize,
    /// Further lines of explanation, each rendered as a `= note:`.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// A finding with no notes, in the first source.
    pub fn new(severity: Severity, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity,
            message: message.into(),
            span,
            source: 0,
            notes: Vec::new(),
        }
    }

    /// The same finding with one more note.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// The same finding, placed in source number `source`.
    pub fn in_source(mut self, source: usize) -> Diagnostic {
        self.source = source;
        self
    }
}

/// A named source text, for rendering diagnostics against.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    /// The name shown in the rendering, normally the file path.
    pub name: &'a str,
    /// The whole text the spans point into.
    pub text: &'a str,
}

/// Renders findings like rustc does, without colours:
///
/// ```
/// let text = "user#1a2b id:long = User;\n";
/// let schema = tl_parser::parse(text).unwrap();
/// let findings = tl_parser::check(&[&schema]);
/// let rendered = tl_parser::render(&findings, &[tl_parser::SourceText { name: "my.tl", text }]);
/// assert!(rendered.starts_with(
///     "warning: explicit id 00001a2b of `user` differs from the computed id"
/// ));
/// assert!(rendered.contains("┌─ my.tl:1:1"));
/// ```
pub fn render(diagnostics: &[Diagnostic], sources: &[SourceText<'_>]) -> String {
    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = sources
        .iter()
        .map(|s| files.add(s.name.to_owned(), s.text.to_owned()))
        .collect();
    let config = term::Config::default();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Warning => cs::Severity::Warning,
            Severity::Error => cs::Severity::Error,
        };
        let mut rendered = cs::Diagnostic::new(severity)
            .with_message(&diagnostic.message)
            .with_notes(diagnostic.notes.clone());
        if let Some(&file) = ids.get(diagnostic.source) {
            let len = sources[diagnostic.source].text.len();
            let start = diagnostic.span.start.min(len);
            let end = diagnostic.span.end.clamp(start, len);
            rendered = rendered.with_labels(vec![cs::Label::primary(file, start..end)]);
        }
        if term::emit_to_string(&mut out, &config, &files, &rendered).is_err() {
            out.push_str(&format!(
                "{:?}: {}\n",
                diagnostic.severity, diagnostic.message
            ));
        }
    }
    out
}
