//! Reading schema files and turning parse failures into rendered diagnostics.

use std::path::{Path, PathBuf};
use tl_parser::{Schema, SourceText};

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
        let parsed = tl_parser::parse(&text);
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
