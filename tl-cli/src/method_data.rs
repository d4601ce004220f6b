//! The method data files `--methods` and `--errors` name (`tl gen`, `tl doc`):
//! read together, and their faults shown at the line of the file.

use crate::failure::Failure;
use std::path::{Path, PathBuf};

/// The two files given with `--methods` and `--errors`.
pub struct MethodFiles<'a> {
    /// `method,usability,errors`.
    pub methods: &'a Path,
    /// `name,codes`.
    pub errors: &'a Path,
}

impl<'a> MethodFiles<'a> {
    /// The files, if both were given (clap requires one with the other).
    pub fn given(methods: &'a Option<PathBuf>, errors: &'a Option<PathBuf>) -> Option<Self> {
        Some(MethodFiles {
            methods: methods.as_deref()?,
            errors: errors.as_deref()?,
        })
    }

    /// Their texts: the methods', then the errors'.
    pub fn read(&self) -> Result<(String, String), Failure> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
        };
        Ok((read(self.methods)?, read(self.errors)?))
    }

    /// A fault of `tl_codegen::Error::MethodData` in `file` (`methods` or
    /// `errors`), at its line of the file it was read from.
    pub fn fault(&self, file: &str, line: usize, message: &str) -> Failure {
        let path = if file == "methods" {
            self.methods
        } else {
            self.errors
        };
        Failure::Message(format!("{}:{line}: {message}", path.display()))
    }
}
