//! The comments of a schema text, found without the parser, so that a test
//! can hold the formatter to keeping every one of them. TL has no string
//! literals: `//` starts a comment that runs to the end of its line, `/*`
//! one that runs to the next `*/`.

/// Each comment's text, its lines without the white space at their ends and
/// without blank lines (the formatter drops only those).
pub fn comments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest
        .match_indices('/')
        .map(|(i, _)| i)
        .find(|&i| matches!(rest.as_bytes().get(i + 1), Some(b'/' | b'*')))
    {
        let end = if rest[start..].starts_with("//") {
            rest[start..].find('\n').map_or(rest.len(), |e| start + e)
        } else {
            rest[start + 2..]
                .find("*/")
                .map_or(rest.len(), |e| start + 2 + e + 2)
        };
        let comment: Vec<&str> = rest[start..end]
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect();
        found.push(comment.join("\n"));
        rest = &rest[end..];
    }
    found
}
