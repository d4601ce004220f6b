//! TDLib-style documentation comments.
//!
//! A doc block is a run of comment lines starting with `//@` (a new tag or
//! tags: `//@description Text @field Text`) or `//-` (continuing the text).
//! A block whose first tag is `@class Name` documents a boxed type; any other
//! block documents the definition that follows it. A `/** ... */` block
//! comment with `@param name text` lines documents the definition after it too.

use crate::grammar::Input;
use crate::model::{Doc, DocTag, Schema, Span, TypeDoc};

/// Collects doc comment lines as the parser meets them and hands out the
/// finished blocks.
#[derive(Default)]
pub(crate) struct DocCollector {
    /// The lines of the block being read, with `//` removed.
    lines: Vec<String>,
    /// Where the block being read starts.
    start: Option<Span>,
    /// The last finished block that was not a `@class` block.
    pending: Option<Doc>,
}

impl DocCollector {
    /// Takes one `//` comment; `text` is what follows the `//`.
    pub(crate) fn comment_line(&mut self, text: Input<'_>, schema: &mut Schema) {
        let body = text.fragment().trim_end();
        if let Some(tags) = body.strip_prefix('@') {
            let line = format!("@{tags}");
            // A `@class` line opens a type's block; so does a `@description`
            // line after a type's block that has its description already
            // (TDLib writes a type's doc on one line, then the next
            // definition's).
            let starts_class = is_class_line(&line);
            let second_description = first_tag_is(&line, "description")
                && self.lines.first().is_some_and(|l| is_class_line(l))
                && self
                    .lines
                    .iter()
                    .any(|l| parse_tags(l).tags.iter().any(|t| t.name == "description"));
            if starts_class || second_description {
                self.end_block(schema);
            }
            if self.start.is_none() {
                self.start = Some(Span {
                    start: text.location_offset() - 2,
                    end: text.location_offset() + text.fragment().len(),
                    line: text.location_line(),
                    column: u32::try_from(text.get_utf8_column().saturating_sub(2))
                        .unwrap_or(u32::MAX),
                });
            }
            self.lines.push(line);
        } else if let Some(more) = body.strip_prefix('-') {
            if self.start.is_some() {
                self.lines.push(more.trim().to_owned());
            }
        } else {
            self.end_block(schema);
        }
    }

    /// Takes a `/** ... */` comment (`body` is what stands between `/**` and
    /// `*/`): its leading text is the description, and `@param name text`
    /// lines document fields. Other block comments are not documentation.
    pub(crate) fn block_comment(&mut self, body: Input<'_>, schema: &mut Schema) {
        self.end_block(schema);
        let Some(inner) = body.fragment().strip_prefix('*') else {
            return;
        };
        let mut text = String::from("@description");
        for line in inner.lines() {
            let line = line.trim().trim_start_matches('*').trim();
            let line = match line.strip_prefix("@param ") {
                Some(rest) => format!("@{}", rest.trim_start()),
                None => line.to_owned(),
            };
            text.push(' ');
            text.push_str(&line);
        }
        let mut doc = parse_tags(&text);
        doc.tags
            .retain(|t| !(t.name == "description" && t.text.is_empty()));
        if !doc.tags.is_empty() {
            self.pending = Some(doc);
        }
    }

    /// Ends the block being read: a `@class` block becomes a [`TypeDoc`], any
    /// other waits for the next definition.
    pub(crate) fn end_block(&mut self, schema: &mut Schema) {
        let Some(span) = self.start.take() else {
            return;
        };
        let doc = parse_tags(&self.lines.join(" "));
        self.lines.clear();
        match doc.tags.first() {
            // `//@` with nothing that reads as a tag documents nothing.
            None => {}
            Some(first) if first.name == "class" => {
                let name = first.text.clone();
                let doc = Doc {
                    tags: doc.tags[1..].to_vec(),
                };
                schema.type_docs.push(TypeDoc { name, doc, span });
            }
            _ => self.pending = Some(doc),
        }
    }

    /// The documentation for the definition about to be added.
    pub(crate) fn take_for_definition(&mut self, schema: &mut Schema) -> Option<Doc> {
        self.end_block(schema);
        self.pending.take()
    }
}

/// Splits `@description Text @field Text` into tags. A tag starts at an `@`
/// that begins a word; an `@` inside a word (an e-mail address) is text, and
/// so is `@class` anywhere but first (it only opens a type's doc block).
pub(crate) fn parse_tags(text: &str) -> Doc {
    let mut tags: Vec<DocTag> = Vec::new();
    for word in text.split_whitespace() {
        match word.strip_prefix('@') {
            Some("class") if !tags.is_empty() => push_text(&mut tags, word),
            Some(name) if is_tag_name(name) => tags.push(DocTag {
                name: name.to_owned(),
                text: String::new(),
            }),
            _ => push_text(&mut tags, word),
        }
    }
    Doc { tags }
}

/// Appends a word to the text of the last tag.
fn push_text(tags: &mut [DocTag], word: &str) {
    if let Some(tag) = tags.last_mut() {
        if !tag.text.is_empty() {
            tag.text.push(' ');
        }
        tag.text.push_str(word);
    }
}

/// Whether the first tag of a doc line is `name`.
fn first_tag_is(line: &str, name: &str) -> bool {
    parse_tags(line)
        .tags
        .first()
        .is_some_and(|t| t.name == name)
}

/// Whether a doc line (after `//`) opens a type's doc: `@class Name ...`.
fn is_class_line(line: &str) -> bool {
    line == "@class" || line.starts_with("@class ") || line.starts_with("@class\t")
}

fn is_tag_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
