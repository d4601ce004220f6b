//! A place in the schema text, kept up to date byte by byte: the byte offset,
//! the line and the column, counted the way nom_locate counts them (lines
//! from 1, split at `\n`; columns from 1, in characters).

/// A place in the schema text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    /// Byte offset from the start of the text.
    pub(crate) offset: usize,
    /// Line, from 1.
    pub(crate) line: u32,
    /// Column, from 1, in characters.
    pub(crate) column: u32,
}

impl Position {
    /// The start of the text.
    pub(crate) const START: Position = Position {
        offset: 0,
        line: 1,
        column: 1,
    };

    /// The place reached after the text from here up to the byte offset `to`,
    /// whatever that text holds.
    pub(crate) fn after(self, text: &str, to: usize) -> Position {
        let passed = &text[self.offset..to];
        let (line, column) = match passed.rfind('\n') {
            Some(last) => {
                let newlines = memchr::memchr_iter(b'\n', passed.as_bytes()).count();
                (
                    self.line.saturating_add(to_u32(newlines)),
                    to_u32(passed[last + 1..].chars().count()).saturating_add(1),
                )
            }
            None => (
                self.line,
                self.column.saturating_add(to_u32(passed.chars().count())),
            ),
        };
        Position {
            offset: to,
            line,
            column,
        }
    }
}

/// A count as a `u32`, saturating at `u32::MAX` like the spans of the grammar.
pub(crate) fn to_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}
