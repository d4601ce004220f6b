//! The top level of parsing: walks a schema text item by item — whitespace,
//! comments, section separators, definitions — and builds the [`Schema`].
//!
//! The reader keeps its own [`Position`], byte by byte. Each definition goes
//! first to the fast scanner ([`crate::fast_path`]); whatever the scanner does not
//! take, and every comment and separator, goes to the nom grammar
//! ([`crate::grammar`]), which is handed a nom_locate span brought up to the
//! reader's position (counting only the text since the last such hand-over,
//! so the whole walk stays linear).

use crate::doc::DocCollector;
use crate::error::ParseError;
use crate::grammar::{self, Input, PResult};
use crate::model::{Category, IdOrigin, IdRule, Schema};
use crate::position::Position;
use nom::Input as _;

/// Which parser reads the definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Path {
    /// The fast scanner, with the grammar for what it does not take.
    Fast,
    /// The grammar alone: the reference that the fast path must match.
    #[cfg_attr(not(test), allow(dead_code))]
    GrammarOnly,
}

/// Parses a whole schema text.
pub(crate) fn parse_schema(
    text: &str,
    path: Path,
    id_rule: Option<IdRule>,
) -> Result<Schema, ParseError> {
    let mut reader = Reader {
        text,
        at: Position::START,
        synced: Input::new(text),
    };
    if text.starts_with('\u{feff}') {
        // Skipped, not stripped: spans stay offsets into the text as given.
        reader.at = reader.at.after(text, '\u{feff}'.len_utf8());
    }
    let mut schema = Schema::default();
    schema.definitions.reserve(definitions_estimate(text));
    let mut category = Category::Type;
    let mut docs = DocCollector::default();

    loop {
        if reader.skip_whitespace() {
            docs.end_block(&mut schema);
        }
        let rest = &text[reader.at.offset..];
        if rest.is_empty() {
            break;
        }
        if rest.starts_with("//") {
            reader.step(grammar::line_comment, |comment| {
                if let Some(layer) = grammar::layer_number(comment.fragment()) {
                    schema.layer = Some(layer);
                }
                docs.comment_line(comment, &mut schema);
            })?;
        } else if rest.starts_with("/*") {
            reader.step(grammar::block_comment, |body| {
                docs.block_comment(body, &mut schema);
            })?;
        } else if rest.starts_with("---") {
            docs.end_block(&mut schema);
            reader.step(grammar::section, |section| category = section)?;
        } else {
            let scanned = match path {
                Path::Fast => {
                    crate::fast_path::definition(text, reader.at, category, &mut schema.definitions)
                }
                Path::GrammarOnly => None,
            };
            match scanned {
                Some(end) => reader.at = end,
                None => reader.step(
                    |input| grammar::definition(input, category),
                    |definition| schema.definitions.push(definition),
                )?,
            }
            let doc = docs.take_for_definition(&mut schema);
            if let Some(definition) = schema.definitions.last_mut() {
                definition.doc = doc;
            }
        }
    }
    docs.end_block(&mut schema);
    schema.id_rule = id_rule.unwrap_or_else(|| IdRule::detect(&schema));
    for definition in &mut schema.definitions {
        if definition.id_origin == IdOrigin::Computed {
            definition.id = definition.computed_id(schema.id_rule);
        }
    }
    Ok(schema)
}

/// About how many definitions `text` holds, to allocate their list once: one
/// per `;`, but no more than one per 32 bytes, so that text full of `;` that
/// are not definitions cannot make the parser reserve much more memory than
/// the text takes.
fn definitions_estimate(text: &str) -> usize {
    let semicolons = memchr::memchr_iter(b';', text.as_bytes()).count();
    semicolons.min(text.len() / 32)
}

/// The text, the reader's place in it, and a nom_locate span of the text that
/// lags behind that place until the grammar needs it.
struct Reader<'a> {
    text: &'a str,
    at: Position,
    synced: Input<'a>,
}

impl<'a> Reader<'a> {
    /// Skips whitespace (as `char::is_whitespace` has it); reports whether it
    /// contained an empty line, which ends a block of doc comments.
    fn skip_whitespace(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let Position {
            mut offset,
            mut line,
            mut column,
        } = self.at;
        let mut newlines = 0;
        while let Some(&byte) = bytes.get(offset) {
            let width = match byte {
                b'\n' => {
                    newlines += 1;
                    line = line.saturating_add(1);
                    column = 0;
                    1
                }
                b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => 1,
                byte if byte.is_ascii() => break,
                _ => match self.text[offset..].chars().next() {
                    Some(c) if c.is_whitespace() => c.len_utf8(),
                    _ => break,
                },
            };
            offset += width;
            column = column.saturating_add(1);
        }
        self.at = Position {
            offset,
            line,
            column,
        };
        newlines > 1
    }

    /// Runs a grammar parser at the reader's place, hands its output to
    /// `then` and moves past what it consumed.
    fn step<T>(
        &mut self,
        mut parser: impl FnMut(Input<'a>) -> PResult<'a, T>,
        then: impl FnOnce(T),
    ) -> Result<(), ParseError> {
        let input = self
            .synced
            .take_from(self.at.offset - self.synced.location_offset());
        debug_assert_eq!(input.location_line(), self.at.line);
        let (rest, output) =
            parser(input).map_err(|err| grammar::to_parse_error(self.text, err))?;
        then(output);
        self.at = self.at.after(self.text, rest.location_offset());
        self.synced = rest;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Doc;

    fn doc_of_first(text: &str) -> Option<Doc> {
        crate::parse(text).unwrap().definitions.remove(0).doc
    }

    fn tags(doc: Option<Doc>) -> Vec<(String, String)> {
        doc.map(|d| d.tags.into_iter().map(|t| (t.name, t.text)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn an_empty_line_ends_a_doc_block() {
        let pair = |name: &str, text: &str| (name.to_owned(), text.to_owned());
        assert_eq!(
            tags(doc_of_first("//@description A\n//@x B\ndef x:int = T;")),
            [pair("description", "A"), pair("x", "B")]
        );
        // The later block replaces the one that the empty line ended.
        assert_eq!(
            tags(doc_of_first("//@description A\n\n//@x B\ndef x:int = T;")),
            [pair("x", "B")]
        );
        assert_eq!(
            tags(doc_of_first(
                "//@description A\n \n \t\n//@x B\ndef x:int = T;"
            )),
            [pair("x", "B")]
        );
        // An ended block still documents the definition after it.
        assert_eq!(
            tags(doc_of_first("//@description A\n\ndef x:int = T;")),
            [pair("description", "A")]
        );
    }
}
