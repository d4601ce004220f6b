//! Reading schema files and turning parse failures into rendered diagnostics.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tl_parser::{IdRule, Schema, SourceText};

/// The id rule given with `--id-rule`, for every schema file the command
/// reads; without it, each file's own ([`IdRule::detect`]).
pub static ID_RULE: OnceLock<IdRule> = OnceLock::new();

/// A schema file: its path, its text and, if it parsed, its model.
pub struct SchemaFile {
    /// The path as given on the command line.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// The model, or the parse error.
    pub parsed: Result<Schema, tl_parser::ParseError>,
}

impl SchemaFile {
    /// Reads and parses the file at `path`.
    pub fn load(path: &Path) -> Result<SchemaFile, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{} is not UTF-8 text (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        let parsed = match ID_RULE.get() {
            Some(&rule) => tl_parser::parse_with_id_rule(&text, rule),
            None => tl_parser::parse(&text),
        };
        Ok(SchemaFile {
            path: path.to_owned(),
            text,
            parsed,
        })
    }

    /// The name shown in diagnostics.
    pub fn display_name(&self) -> String {
        self.path.display().to_string()
    }

    /// The model, or the parse error rendered with its source line.
    pub fn schema(&self) -> Result<&Schema, crate::failure::Failure> {
        self.parsed.as_ref().map_err(|error| {
            let name = self.display_name();
            let source = SourceText {
                name: &name,
                text: &self.text,
            };
            crate::failure::Failure::Rendered(
                tl_parser::render(&[error.to_diagnostic()], &[source])
                    .trim_end()
                    .to_owned(),
            )
        })
    }
}
