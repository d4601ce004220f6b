//! What is known about each function beyond the schema: who may call it and
//! which errors it returns (`methods.csv`), and each error's codes
//! (`errors.csv`). Both are optional; without them the docs say nothing.
//! A function the data does not list has unknown errors, not none.

use crate::error::Error;
use std::collections::{BTreeMap, HashMap};

/// Known facts about functions, by TL name.
#[derive(Debug, Default, Clone)]
pub struct MethodData {
    methods: HashMap<String, MethodInfo>,
    error_codes: BTreeMap<String, Vec<i32>>,
}

/// What is known about one function.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MethodInfo {
    /// `user`, `bot`, `both`, or empty where unknown.
    pub usability: String,
    /// The error names it is known to return (`FLOOD_WAIT_X` for those
    /// with a number); empty if none are recorded.
    pub errors: Vec<String>,
}

/// The header line each file starts with.
const METHODS_HEADER: &str = "method,usability,errors";
const ERRORS_HEADER: &str = "name,codes";

impl MethodData {
    /// Reads `method,usability,errors` lines and `name,codes` lines, each
    /// file with its header line. Usability is `user`, `bot`, `both` or
    /// empty (unknown); errors and codes are separated by spaces. A line
    /// that does not fit is an [`Error::MethodData`] naming the file and
    /// line.
    pub fn from_csv(methods_csv: &str, errors_csv: &str) -> Result<MethodData, Error> {
        let mut data = MethodData::default();
        for (line, text) in rows("methods", methods_csv, METHODS_HEADER)? {
            let invalid = |message: String| invalid("methods", line, message);
            let fields: Vec<&str> = text.split(',').collect();
            let [method, usability, errors] = fields[..] else {
                return Err(invalid(format!(
                    "expected 3 fields ({METHODS_HEADER}), found {}",
                    fields.len()
                )));
            };
            if method.is_empty()
                || !method
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '_')
            {
                return Err(invalid(format!("`{method}` is not a TL function name")));
            }
            if !matches!(usability, "user" | "bot" | "both" | "") {
                return Err(invalid(format!(
                    "usability `{usability}` is none of `user`, `bot`, `both` or empty"
                )));
            }
            let errors: Vec<String> = errors.split_whitespace().map(str::to_owned).collect();
            if let Some(bad) = errors.iter().find(|e| !is_error_name(e)) {
                return Err(invalid(format!("`{bad}` is not an error name")));
            }
            let info = MethodInfo {
                usability: usability.to_owned(),
                errors,
            };
            if data.methods.insert(method.to_owned(), info).is_some() {
                return Err(invalid(format!("`{method}` is listed twice")));
            }
        }
        for (line, text) in rows("errors", errors_csv, ERRORS_HEADER)? {
            let invalid = |message: String| invalid("errors", line, message);
            let Some((name, codes)) = text.split_once(',') else {
                return Err(invalid(format!("expected 2 fields ({ERRORS_HEADER})")));
            };
            if !is_error_name(name) {
                return Err(invalid(format!("`{name}` is not an error name")));
            }
            let codes = codes
                .split_whitespace()
                .map(|code| {
                    code.parse::<i32>()
                        .map_err(|_| invalid(format!("`{code}` is not an error code")))
                })
                .collect::<Result<Vec<i32>, Error>>()?;
            if codes.is_empty() {
                return Err(invalid(format!("`{name}` has no code")));
            }
            if data.error_codes.insert(name.to_owned(), codes).is_some() {
                return Err(invalid(format!("`{name}` is listed twice")));
            }
        }
        Ok(data)
    }

    /// Whether there are any facts at all.
    pub fn is_empty(&self) -> bool {
        self.methods.is_empty() && self.error_codes.is_empty()
    }

    /// What is known about the function with this TL name.
    pub fn method(&self, name: &str) -> Option<&MethodInfo> {
        self.methods.get(name)
    }

    /// The error codes of an error name (`[400]`, `[400, 403]`).
    pub fn error_codes(&self, error: &str) -> Option<&[i32]> {
        self.error_codes.get(error).map(Vec::as_slice)
    }

    /// Every error name `errors.csv` lists, with its codes, in name order.
    pub fn errors(&self) -> impl Iterator<Item = (&str, &[i32])> {
        self.error_codes
            .iter()
            .map(|(name, codes)| (name.as_str(), codes.as_slice()))
    }
}

/// An error name: ASCII letters, digits and underscores (`FLOOD_WAIT_X`,
/// `2FA_CONFIRM_WAIT_X`, and `Timeout`, which the server sends with -503
/// beside `TIMEOUT`).
fn is_error_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The lines after the header, numbered from 1 as an editor does, without
/// blank ones; a missing or different header is an error.
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    header: &str,
) -> Result<Vec<(usize, &'a str)>, Error> {
    let mut lines = text.lines().map(|line| line.trim_end_matches('\r'));
    match lines.next() {
        Some(first) if first == header => {}
        first => {
            return Err(invalid(
                file,
                1,
                format!(
                    "expected the header `{header}`, found `{}`",
                    first.unwrap_or("")
                ),
            ));
        }
    }
    Ok(lines
        .enumerate()
        .map(|(index, line)| (index + 2, line))
        .filter(|(_, line)| !line.trim().is_empty())
        .collect())
}

fn invalid(file: &'static str, line: usize, message: String) -> Error {
    Error::MethodData {
        file,
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::MethodData;

    fn error(methods: &str, errors: &str) -> String {
        MethodData::from_csv(methods, errors)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn malformed_lines_are_errors_naming_the_file_and_line() {
        let methods = "method,usability,errors\n";
        let errors = "name,codes\n";
        assert_eq!(
            error("method,usability,errors\na.b,user,\nc.d,admin,\n", errors),
            "methods CSV, line 3: usability `admin` is none of `user`, `bot`, `both` or empty"
        );
        assert_eq!(
            error(methods, "name,codes\nFLOOD_WAIT_X,4x0\n"),
            "errors CSV, line 2: `4x0` is not an error code"
        );
        assert_eq!(
            error(methods, "name,codes\nFLOOD-WAIT,420\n"),
            "errors CSV, line 2: `FLOOD-WAIT` is not an error name"
        );
        assert_eq!(
            error("method,errors\n", errors),
            "methods CSV, line 1: expected the header `method,usability,errors`, found `method,errors`"
        );
        assert_eq!(
            error("method,usability,errors\na.b,user\n", errors),
            "methods CSV, line 2: expected 3 fields (method,usability,errors), found 2"
        );
        assert_eq!(
            error(methods, "name,codes\nA,400\nA,403\n"),
            "errors CSV, line 3: `A` is listed twice"
        );
        assert_eq!(
            error(methods, "name,codes\nA,\n"),
            "errors CSV, line 2: `A` has no code"
        );
    }

    #[test]
    fn a_listed_function_without_errors_differs_from_an_unlisted_one() {
        let data = MethodData::from_csv(
            "method,usability,errors\r\na.b,,\r\nc.d,bot,X_Y FLOOD_WAIT_X\r\n",
            "name,codes\nFLOOD_WAIT_X,420\nX_Y,-503 400\n",
        )
        .unwrap();
        assert_eq!(data.method("a.b").unwrap().errors, Vec::<String>::new());
        assert_eq!(data.method("a.b").unwrap().usability, "");
        assert!(data.method("e.f").is_none());
        assert_eq!(data.method("c.d").unwrap().errors, ["X_Y", "FLOOD_WAIT_X"]);
        assert_eq!(data.error_codes("X_Y"), Some(&[-503, 400][..]));
    }
}
