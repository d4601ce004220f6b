//! The formatter behind `tl fmt`: a schema text in canonical layout, with
//! everything a person wrote kept.
//!
//! What is canonical is chosen so that the files Telegram ships are canonical
//! as they are, and so that formatting never loses text:
//! - each definition is one line, its tokens one space apart, as
//!   [`print::definition_text`](crate::print::definition_text) prints it,
//!   with the id spelled as written (`#37c9330` and `#05162463` both stay);
//! - a built-in declaration (`vector {t:Type} # [ t ] = Vector t;`) and a
//!   definition with a comment inside it keep their own words, only their
//!   runs of white space made one space (a definition with a comment inside
//!   stays as written, line breaks and all);
//! - every comment, section separator and `// LAYER` line stays where it
//!   was, word for word, and so do the blank lines between groups (up to
//!   two in a row, as TDLib separates its classes); a comment after a
//!   definition stays on its line, one space after the `;`;
//! - what is dropped carries no text: white space at line ends, blank lines
//!   past two in a row, blank lines at the start and end, `\r` before `\n`.
//!
//! Formatting is idempotent, and the formatted text parses to a model equal
//! to the original's, with the same comments in the same order.

use crate::model::{Definition, IdOrigin, Schema};

/// The text of a schema file in canonical layout. `schema` must be the
/// model parsed from `text` (spans are offsets into it).
///
/// ```
/// let text = "// Users\nuser#1a2b  id:long   name:string = User; // the one\n\n\n\n\nfoo = Foo;";
/// let schema = tl_parser::parse(text).unwrap();
/// assert_eq!(
///     tl_parser::format::format_schema(text, &schema),
///     "// Users\nuser#1a2b id:long name:string = User; // the one\n\n\nfoo = Foo;\n",
/// );
/// ```
pub fn format_schema(text: &str, schema: &Schema) -> String {
    let mut out = Layout::default();
    let mut cursor = 0;
    if text.starts_with('\u{feff}') {
        out.text.push('\u{feff}');
        cursor = '\u{feff}'.len_utf8();
    }
    for definition in &schema.definitions {
        let span = definition.span;
        out.gap(&text[cursor..span.start]);
        out.definition(&definition_layout(definition, &text[span.start..span.end]));
        cursor = span.end;
    }
    out.gap(&text[cursor..]);
    out.finish()
}

/// One definition as canonical text, from its model and its source.
fn definition_layout(definition: &Definition, source: &str) -> String {
    if source.contains("//") || source.contains("/*") {
        return source.to_owned();
    }
    if definition.is_builtin() {
        return source.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let canonical = crate::print::definition_text(definition);
    if definition.id_origin != IdOrigin::Explicit {
        return canonical;
    }
    // The id as written: its digits, lowercased, with the zeros written before them.
    let written = written_id(source).unwrap_or_default().to_ascii_lowercase();
    let name = definition.full_name();
    let printed = format!("{:08x}", definition.id);
    match canonical.strip_prefix(&format!("{name}#{printed}")) {
        Some(rest) if !written.is_empty() => format!("{name}#{written}{rest}"),
        _ => canonical,
    }
}

/// The hex digits after the `#` of `name#hex ...`, as written.
fn written_id(source: &str) -> Option<&str> {
    let after = &source[source.find('#')? + 1..];
    let end = after
        .find(|c: char| !c.is_ascii_hexdigit())
        .unwrap_or(after.len());
    Some(&after[..end])
}

/// The most blank lines kept in a row: two, as TDLib separates its classes.
const MAX_BLANK_LINES: usize = 2;

/// The output being laid out, line by line.
#[derive(Default)]
struct Layout {
    text: String,
    /// Blank lines seen since the last line written, not yet written.
    blank_pending: usize,
    /// Whether the text so far ends inside a line (after a definition).
    in_line: bool,
}

impl Layout {
    /// The text between two definitions (or before the first, or after the last).
    fn gap(&mut self, gap: &str) {
        let pieces: Vec<&str> = gap.split('\n').collect();
        let (last, lines) = match pieces.split_last() {
            Some((last, lines)) => (*last, lines),
            None => return,
        };
        let mut lines = lines.iter();
        if self.in_line {
            // What follows a definition on its own line: a comment, or the
            // next definition (which then goes on a line of its own).
            let trailing = lines.next().copied().unwrap_or(last).trim();
            if !trailing.is_empty() {
                self.text.push(' ');
                self.text.push_str(trailing);
            }
            self.end_line();
            if pieces.len() == 1 {
                return;
            }
        }
        for line in lines {
            self.line(line);
        }
        // The start of the next definition's line (or the file's last line,
        // which may be inside a block comment: its leading space is kept).
        let last = last.trim_end();
        if !last.trim_start().is_empty() {
            self.start_line();
            self.text.push_str(last);
            self.text.push(' ');
            self.in_line = true;
        }
    }

    /// A whole line of the gap: kept without the white space at its end; a
    /// blank one counted, so that a long run of them becomes two.
    fn line(&mut self, line: &str) {
        let line = line.trim_end();
        if line.is_empty() {
            self.blank_pending += 1;
        } else {
            self.start_line();
            self.text.push_str(line);
            self.end_line();
        }
    }

    fn definition(&mut self, text: &str) {
        if !self.in_line {
            self.start_line();
        }
        self.text.push_str(text);
        self.in_line = true;
    }

    /// Writes the blank lines owed before a new line (two at most), except
    /// at the start.
    fn start_line(&mut self) {
        if !self.text.is_empty() && self.text != "\u{feff}" {
            for _ in 0..self.blank_pending.min(MAX_BLANK_LINES) {
                self.text.push('\n');
            }
        }
        self.blank_pending = 0;
    }

    fn end_line(&mut self) {
        self.text.push('\n');
        self.in_line = false;
    }

    fn finish(mut self) -> String {
        if self.in_line {
            // A gap's last piece left open: the file's last line.
            let trimmed = self.text.trim_end().len();
            self.text.truncate(trimmed);
            self.text.push('\n');
        }
        self.text
    }
}
