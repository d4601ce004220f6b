//! The fast path for ordinary definitions: a byte-level scanner that reads
//! `name#id {X:Type} field:type mask:flags.N?type ... = Result;` without the
//! nom machinery.
//!
//! It handles only what ordinary definitions are made of: identifiers,
//! `#id`, `{X:Type}`, `name:type` and `name:flags.N?type` fields, types with
//! `!`, `%`, `#`, namespaces, `<arguments>` and `(parenthesised arguments)`,
//! the `= Vector t` form of a result, and the whitespace `\n`, `\r`, `\t`
//! and space between tokens. It gives up ([`None`]) at anything else — a
//! comment, a built-in declaration, a character outside ASCII, a malformed
//! token — and the nom grammar then reads the definition from its start,
//! producing the same model or the error. Whatever it accepts, it reads
//! exactly as the grammar does: the same model, with the same spans.

use crate::grammar::MAX_TYPE_DEPTH;
use crate::model::{
    Category, Definition, FlagRef, GenericParam, IdOrigin, Namespace, Parameter, Span, Type,
};
use crate::position::{Position, to_u32};
use compact_str::CompactString;

/// Reads the definition that starts at `start` (at its first character) and
/// appends it to `definitions`. Returns the place just past its `;`, or
/// [`None`] (appending nothing) where the nom grammar must read it instead.
pub(crate) fn definition(
    text: &str,
    start: Position,
    category: Category,
    definitions: &mut Vec<Definition>,
) -> Option<Position> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: start.offset,
        line: start.line,
        line_start: start.offset,
        start,
    };
    scanner.definition(category, definitions)?;
    Some(scanner.position())
}

/// How many `:` stand before the first `;` of `bytes` (or in all of it).
///
/// Eight bytes at a time: in each word, the bytes equal to `:` and to `;` are
/// found exactly (the high bit of each byte of `zero_bytes` marks a zero
/// byte, without the false positives of the shorter carry trick).
fn colons_before_semicolon(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOWS: u64 = !HIGHS;
    fn zero_bytes(word: u64) -> u64 {
        !(((word & LOWS) + LOWS) | word) & HIGHS
    }
    let mut colons = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let colon = zero_bytes(word ^ (ONES * u64::from(b':')));
        let semicolon = zero_bytes(word ^ (ONES * u64::from(b';')));
        if semicolon != 0 {
            // Only the colons in the bytes before the first `;`.
            let before = (1u64 << semicolon.trailing_zeros()) - 1;
            return colons + (colon & before).count_ones() as usize;
        }
        colons += colon.count_ones() as usize;
    }
    for &byte in chunks.remainder() {
        match byte {
            b';' => break,
            b':' => colons += 1,
            _ => {}
        }
    }
    colons
}

/// Where a possibly namespaced identifier stands: `auth.sendCode` is
/// `auth` `.` `sendCode`.
#[derive(Clone, Copy)]
struct Dotted {
    /// The offset of its first byte.
    from: usize,
    /// The offset of its last `.`, if it has a namespace.
    last_dot: Option<usize>,
    /// The offset just past its last byte.
    to: usize,
}

impl Dotted {
    /// Where the name after the namespace starts.
    fn name_start(self) -> usize {
        self.last_dot.map_or(self.from, |dot| dot + 1)
    }
}

/// A byte cursor over one definition. Everything it consumes is ASCII, so
/// columns are byte distances: from the definition's start on its first
/// line, from the start of the line after that.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    pos: usize,
    /// The line of `pos`.
    line: u32,
    /// Where the line of `pos` starts, once the scanner has passed a `\n`.
    line_start: usize,
    /// Where the definition starts.
    start: Position,
}

/// For each byte value: whether it may start an identifier (a letter or `_`).
static IDENT_START: [bool; 256] = ident_bytes(false);

/// For each byte value: whether it may continue an identifier (a letter, a digit or `_`).
static IDENT_CHAR: [bool; 256] = ident_bytes(true);

/// The table of the bytes of identifiers: letters and `_`, and digits if `digits`.
const fn ident_bytes(digits: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphabetic() || b == b'_' || (digits && b.is_ascii_digit());
        byte += 1;
    }
    table
}

fn is_ident_start(byte: u8) -> bool {
    IDENT_START[usize::from(byte)]
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes `byte`, or gives up.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// Where the cursor is.
    fn position(&self) -> Position {
        Position {
            offset: self.pos,
            line: self.line,
            column: self.column_of(self.pos),
        }
    }

    /// The column of a byte offset on the cursor's line.
    fn column_of(&self, offset: usize) -> u32 {
        if self.line == self.start.line {
            self.start
                .column
                .saturating_add(to_u32(offset - self.start.offset))
        } else {
            to_u32(offset - self.line_start + 1)
        }
    }

    /// The span from `from` (on line `line`) to the cursor.
    fn span_from(&self, from: usize, line: u32, column: u32) -> Span {
        Span {
            start: from,
            end: self.pos,
            line,
            column,
        }
    }

    /// Skips the whitespace the grammar allows between tokens.
    fn skip_space(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.line = self.line.saturating_add(1);
                    self.line_start = self.pos;
                }
                _ => break,
            }
        }
    }

    /// A letter or `_`, then letters, digits and `_`.
    #[inline(always)]
    fn ident(&mut self) -> Option<&'a str> {
        let from = self.pos;
        if !is_ident_start(*self.bytes.get(from)?) {
            return None;
        }
        let rest = &self.bytes[from + 1..];
        let len = rest
            .iter()
            .position(|&b| !IDENT_CHAR[usize::from(b)])
            .unwrap_or(rest.len());
        self.pos = from + 1 + len;
        Some(&self.text[from..self.pos])
    }

    /// A possibly namespaced identifier, `auth.sendCode`, as offsets.
    #[inline(always)]
    fn dotted_ident(&mut self) -> Option<Dotted> {
        let from = self.pos;
        self.ident()?;
        let mut last_dot = None;
        while self.peek() == Some(b'.')
            && self
                .bytes
                .get(self.pos + 1)
                .is_some_and(|&b| is_ident_start(b))
        {
            last_dot = Some(self.pos);
            self.pos += 1;
            self.ident()?;
        }
        Some(Dotted {
            from,
            last_dot,
            to: self.pos,
        })
    }

    /// The namespace of a dotted identifier: `["auth"]` for `auth.sendCode`.
    #[inline(always)]
    fn namespace(&self, ident: Dotted) -> Namespace {
        let Some(dot) = ident.last_dot else {
            return Namespace::new();
        };
        let path = &self.text[ident.from..dot];
        if path.contains('.') {
            path.split('.').collect()
        } else {
            Namespace::one(path)
        }
    }

    /// The name of a dotted identifier without its namespace: `sendCode`.
    #[inline(always)]
    fn name(&self, ident: Dotted) -> CompactString {
        CompactString::from(&self.text[ident.name_start()..ident.to])
    }

    /// `#a677244f`, after the name: 1 to 8 hex digits.
    fn explicit_id(&mut self) -> Option<Option<u32>> {
        if !self.eat(b'#') {
            return Some(None);
        }
        let mut id: u32 = 0;
        let mut digits = 0;
        while let Some(digit) = self.peek().and_then(|b| char::from(b).to_digit(16)) {
            if digits == 8 {
                return None;
            }
            id = id << 4 | digit;
            digits += 1;
            self.pos += 1;
        }
        (digits > 0).then_some(Some(id))
    }

    /// `flags.3?` before a field's type, if it is there; otherwise nothing is consumed.
    fn flag_condition(&mut self) -> Option<Option<(&'a str, u32)>> {
        let from = self.pos;
        let Some(field) = self.ident() else {
            return Some(None);
        };
        if self.eat(b'.') {
            let digits_from = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            let digits = &self.text[digits_from..self.pos];
            if !digits.is_empty() && self.eat(b'?') {
                // A bit number that does not fit is the grammar's error to report.
                let bit = digits.parse().ok()?;
                return Some(Some((field, bit)));
            }
        }
        self.pos = from;
        Some(None)
    }

    /// A type: `!`? `%`? then `#` or a name, then optional `<arguments>`.
    fn type_term(&mut self, depth: usize) -> Option<Type> {
        if depth > MAX_TYPE_DEPTH {
            return None;
        }
        if self.eat(b'(') {
            return self.parenthesised_type(depth);
        }
        let generic_ref = self.eat(b'!');
        let percent = self.eat(b'%');
        let ident = if self.peek() == Some(b'#') {
            // `#` reads as a name without namespace.
            self.pos += 1;
            Dotted {
                from: self.pos - 1,
                last_dot: None,
                to: self.pos,
            }
        } else {
            self.dotted_ident()?
        };
        let mut args = Vec::new();
        let (before_space, line, line_start) = (self.pos, self.line, self.line_start);
        self.skip_space();
        if self.eat(b'<') {
            args.reserve_exact(1);
            loop {
                self.skip_space();
                args.push(self.type_term(depth + 1)?);
                self.skip_space();
                if self.eat(b'>') {
                    break;
                }
                self.expect(b',')?;
            }
        } else {
            (self.pos, self.line, self.line_start) = (before_space, line, line_start);
        }
        Some(Type {
            namespace: self.namespace(ident),
            name: self.name(ident),
            bare: percent || self.bytes[ident.name_start()].is_ascii_lowercase(),
            generic_ref,
            args,
        })
    }

    /// The inside of `(vector engine.Addr)`: a type applied to
    /// space-separated arguments, then `)`.
    fn parenthesised_type(&mut self, depth: usize) -> Option<Type> {
        self.skip_space();
        let mut ty = self.type_term(depth + 1)?;
        loop {
            self.skip_space();
            if self.eat(b')') {
                return Some(ty);
            }
            ty.args.push(self.type_term(depth + 1)?);
        }
    }

    /// `X:Type}`, after the `{`.
    fn generic_param(&mut self) -> Option<GenericParam> {
        self.skip_space();
        let name = CompactString::from(self.ident()?);
        self.skip_space();
        self.expect(b':')?;
        self.skip_space();
        let kind = self.type_term(0)?;
        self.skip_space();
        self.expect(b'}')?;
        Some(GenericParam { name, kind })
    }

    /// `name:type` or `name:flags.N?type`.
    fn param(&mut self, params: &mut Vec<Parameter>) -> Option<()> {
        let (from, line, column) = (self.pos, self.line, self.column_of(self.pos));
        let name = self.ident()?;
        self.expect(b':')?;
        let flag = self.flag_condition()?;
        let ty = self.type_term(0)?;
        params.push(Parameter {
            name: CompactString::from(name),
            ty,
            flag: flag.map(|(field, bit)| FlagRef {
                field: CompactString::from(field),
                bit,
            }),
            span: self.span_from(from, line, column),
        });
        Some(())
    }

    /// The whole definition, up to and including its `;`.
    fn definition(&mut self, category: Category, definitions: &mut Vec<Definition>) -> Option<()> {
        let ident = self.dotted_ident()?;
        let id = self.explicit_id()?;

        // Room for one field per `:`, so that the list is allocated once (a
        // `{X:Type}` makes it one too many).
        let mut params = Vec::with_capacity(colons_before_semicolon(&self.bytes[self.pos..]));
        let mut generics = Vec::new();
        loop {
            self.skip_space();
            if !self.eat(b'{') {
                break;
            }
            generics.push(self.generic_param()?);
        }

        loop {
            self.skip_space();
            match self.peek()? {
                b'=' => break,
                byte if is_ident_start(byte) => self.param(&mut params)?,
                _ => return None,
            }
        }
        self.pos += 1;
        self.skip_space();
        let mut result = self.type_term(0)?;
        loop {
            self.skip_space();
            if self.eat(b';') {
                break;
            }
            // The space form of a type application, `= Vector t;`, whose
            // arguments are type parameters.
            let arg = self.ident()?;
            if !generics.iter().any(|g| g.name == arg) {
                return None;
            }
            result.args.push(Type::named(arg));
        }

        let mut definition = Definition {
            namespace: self.namespace(ident),
            name: self.name(ident),
            id: 0,
            id_origin: IdOrigin::Computed,
            category,
            generics,
            params,
            result,
            builtin: None,
            doc: None,
            span: self.span_from(self.start.offset, self.start.line, self.start.column),
        };
        definition.set_written_id(id);
        definitions.push(definition);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn colons_are_counted_up_to_the_first_semicolon(text in "[a:;\n]{0,40}") {
            let bytes = text.as_bytes();
            let end = bytes.iter().position(|&b| b == b';').unwrap_or(bytes.len());
            let colons = bytes[..end].iter().filter(|&&b| b == b':').count();
            prop_assert_eq!(super::colons_before_semicolon(bytes), colons);
        }
    }
}
