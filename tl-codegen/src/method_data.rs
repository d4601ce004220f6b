//! What is known about each function beyond the schema: who may call it and
//! which errors it returns (`methods.csv`), and each error's codes
//! (`errors.csv`). Both are optional; without them the docs say nothing.

use std::collections::HashMap;

/// Known facts about functions, by TL name.
#[derive(Debug, Default, Clone)]
pub struct MethodData {
    methods: HashMap<String, MethodInfo>,
    error_codes: HashMap<String, String>,
}

/// What is known about one function.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MethodInfo {
    /// `user`, `bot` or `both`.
    pub usability: String,
    /// The error names it is known to return.
    pub errors: Vec<String>,
}

impl MethodData {
    /// Reads `method,usability,errors` lines and `name,codes` lines (each with
    /// a header line). Malformed lines are skipped.
    pub fn from_csv(methods_csv: &str, errors_csv: &str) -> MethodData {
        let mut data = MethodData::default();
        for line in methods_csv.lines().skip(1) {
            let mut parts = line.splitn(3, ',');
            let (Some(method), Some(usability)) = (parts.next(), parts.next()) else {
                continue;
            };
            let errors = parts
                .next()
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            data.methods.insert(
                method.trim().to_owned(),
                MethodInfo {
                    usability: usability.trim().to_owned(),
                    errors,
                },
            );
        }
        for line in errors_csv.lines().skip(1) {
            if let Some((name, codes)) = line.split_once(',') {
                data.error_codes
                    .insert(name.trim().to_owned(), codes.trim().to_owned());
            }
        }
        data
    }

    /// What is known about the function with this TL name.
    pub fn method(&self, name: &str) -> Option<&MethodInfo> {
        self.methods.get(name)
    }

    /// The error codes of an error name, space-separated (`400`, `400 403`).
    pub fn error_codes(&self, error: &str) -> Option<&str> {
        self.error_codes.get(error).map(String::as_str)
    }
}
