//! [`Text`] as Markdown (for rustdoc) and as HTML.

use super::text::{Inline, LinkTarget, Text};

/// Maps an internal link target to a URL or an intra-doc path; `None` when
/// the target is not in the schema being documented.
type Resolve<'a> = &'a dyn Fn(&LinkTarget) -> Option<String>;

impl Text {
    /// Markdown for rustdoc.
    ///
    /// `link` maps an internal target (constructor, function, type) to a URL
    /// or an intra-doc path; where it gives `None` (a target this schema
    /// lacks) the link's content is written without a link. External links
    /// keep their URL. Every Markdown character of the text is escaped, so
    /// the text reads as written and makes no HTML, heading, list or
    /// intra-doc link of its own.
    ///
    /// With `cell`, the result is one line safe inside a Markdown table
    /// cell: `|` escaped, breaks written as `<br>`. Otherwise line breaks
    /// are hard breaks (a backslash at the end of the line) and paragraph
    /// breaks blank lines, and the result holds no HTML: every `<` outside
    /// code spans is escaped.
    ///
    /// Bold, emphasis and strikethrough are written where CommonMark reads
    /// their delimiters as such whatever surrounds them; where it would not
    /// (punctuation at an edge next to a letter, the same delimiter nested,
    /// two elements in a row), the element is written as its content alone,
    /// which keeps the text and loses the formatting. Two code pieces in a
    /// row are one code span.
    pub fn to_markdown(&self, link: &dyn Fn(&LinkTarget) -> Option<String>, cell: bool) -> String {
        let mut markdown = Markdown {
            out: String::new(),
            link,
            cell,
            line_start: true,
            open_marks: String::new(),
            last_code: None,
        };
        markdown.inlines(self.inlines(), false, true);
        markdown.out
    }

    /// HTML, every piece of text escaped; internal links go through `link`
    /// as in [`Text::to_markdown`]. Breaks are `<br>` (two for a paragraph
    /// break), so the result fits inside any element that holds text.
    pub fn to_html(&self, link: &dyn Fn(&LinkTarget) -> Option<String>) -> String {
        let mut out = String::new();
        html_inlines(self.inlines(), link, false, &mut out);
        out
    }
}

struct Markdown<'a> {
    out: String,
    link: Resolve<'a>,
    cell: bool,
    /// Whether the next character starts a line, where `-`, `+`, `=` and
    /// `1.` would start a block.
    line_start: bool,
    /// The delimiters of the elements being written.
    open_marks: String,
    /// The last code span: where it starts and ends in `out`, its code.
    last_code: Option<(usize, usize, String)>,
}

impl Markdown<'_> {
    /// Writes a run of inlines; `top` when nothing follows the run.
    fn inlines(&mut self, items: &[Inline], in_link: bool, top: bool) {
        for (i, item) in items.iter().enumerate() {
            // What the next character will be, as far as emphasis cares.
            let next = match items.get(i + 1) {
                Some(next) => self.first_class(std::slice::from_ref(next), in_link),
                None if top => Class::Space,
                None => Class::Unknown,
            };
            match item {
                Inline::Text(text) => self.text(text),
                Inline::Code(code) => self.code(code),
                Inline::Strong(inner) => self.wrap("**", inner, in_link, next),
                Inline::Emphasis(inner) => self.wrap("*", inner, in_link, next),
                Inline::Strikethrough(inner) => self.wrap("~~", inner, in_link, next),
                Inline::LineBreak => self.line_break(),
                Inline::ParagraphBreak => {
                    if self.cell {
                        self.out.push_str("<br><br>");
                    } else {
                        self.out.push_str("\n\n");
                        self.line_start = true;
                    }
                }
                Inline::Link { target, content } => match self.url(target, in_link) {
                    Some(url) => {
                        self.out.push('[');
                        self.line_start = false;
                        self.inlines(content, true, false);
                        self.out.push_str("](");
                        self.out.push_str(&markdown_url(&url));
                        self.out.push(')');
                    }
                    None => self.inlines(content, in_link, top && i + 1 == items.len()),
                },
            }
        }
    }

    /// Where a link goes; `None` for a target outside the schema, or a link
    /// inside a link.
    fn url(&self, target: &LinkTarget, in_link: bool) -> Option<String> {
        if in_link {
            return None;
        }
        match target {
            LinkTarget::External(url) => Some(url.clone()),
            internal => (self.link)(internal),
        }
    }

    /// What the Markdown of `items` starts with.
    fn first_class(&self, items: &[Inline], in_link: bool) -> Class {
        match items.first() {
            None => Class::Unknown,
            Some(Inline::Text(text)) => text.chars().next().map_or(Class::Unknown, classify),
            Some(Inline::Code(_)) => Class::Punctuation,
            Some(Inline::LineBreak | Inline::ParagraphBreak) => {
                if self.cell {
                    Class::Punctuation
                } else {
                    Class::Space
                }
            }
            Some(Inline::Link { target, content }) => match self.url(target, in_link) {
                Some(_) => Class::Punctuation,
                None => self.first_class(content, in_link),
            },
            // A nested delimiter run: its own rules.
            Some(Inline::Strong(_) | Inline::Emphasis(_) | Inline::Strikethrough(_)) => {
                Class::Unknown
            }
        }
    }

    /// What the Markdown of `items` ends with.
    fn last_class(&self, items: &[Inline], in_link: bool) -> Class {
        match items.last() {
            None => Class::Unknown,
            Some(Inline::Text(text)) => text.chars().next_back().map_or(Class::Unknown, classify),
            Some(Inline::Code(_)) => Class::Punctuation,
            Some(Inline::LineBreak | Inline::ParagraphBreak) => Class::Unknown,
            Some(Inline::Link { target, content }) => match self.url(target, in_link) {
                Some(_) => Class::Punctuation,
                None => self.last_class(content, in_link),
            },
            Some(Inline::Strong(_) | Inline::Emphasis(_) | Inline::Strikethrough(_)) => {
                Class::Unknown
            }
        }
    }

    /// Writes a formatting element between `mark`s where CommonMark reads
    /// them as its delimiters whatever surrounds it; elsewhere (the element
    /// starts or ends with punctuation next to a letter, with another
    /// element, or right after another delimiter) as its content alone:
    /// the text is kept, the formatting lost.
    fn wrap(&mut self, mark: &str, inner: &[Inline], in_link: bool, next: Class) {
        let before = match self.out.chars().next_back() {
            None | Some('\n') => Class::Space,
            Some(c) => classify(c),
        };
        let first = self.first_class(inner, in_link);
        let last = self.last_class(inner, in_link);
        // A delimiter run opens where it is left-flanking: before a letter,
        // or before punctuation after a space or punctuation; it closes
        // where it is right-flanking, likewise mirrored.
        let opens = first == Class::Letter
            || (matches!(first, Class::Punctuation | Class::Other)
                && matches!(before, Class::Space | Class::Punctuation));
        let closes = last == Class::Letter
            || (matches!(last, Class::Punctuation | Class::Other)
                && matches!(next, Class::Space | Class::Punctuation));
        // A delimiter right after another would join its run.
        let joins = {
            let mut tail = self.out.chars().rev();
            matches!(tail.next(), Some('*' | '~')) && tail.next() != Some('\\')
        };
        // A `*` or `~` run inside an element written with the same character
        // could pair with the outer one instead.
        let nested = self.open_marks.contains(&mark[..1]);
        if opens && closes && !joins && !nested {
            self.out.push_str(mark);
            self.line_start = false;
            self.open_marks.push_str(mark);
            self.inlines(inner, in_link, false);
            self.open_marks.truncate(self.open_marks.len() - mark.len());
            self.out.push_str(mark);
        } else {
            self.inlines(inner, in_link, false);
        }
    }

    fn line_break(&mut self) {
        if self.cell {
            self.out.push_str("<br>");
        } else {
            self.out.push_str("\\\n");
            self.line_start = true;
        }
    }

    fn text(&mut self, text: &str) {
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if self.line_start {
                self.line_start = false;
                if matches!(c, '-' | '+' | '=') {
                    self.out.push('\\');
                } else if c.is_ascii_digit() {
                    // `12.` or `12)` at the start of a line opens a list.
                    let digits = text[at..]
                        .find(|d: char| !d.is_ascii_digit())
                        .unwrap_or(text.len() - at);
                    self.out.push_str(&text[at..at + digits]);
                    for _ in 1..digits {
                        chars.next();
                    }
                    if let Some((_, '.' | ')')) = chars.peek() {
                        self.out.push('\\');
                    }
                    continue;
                }
            }
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '&' | '|' => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                // `!` before a link would make it an image.
                '!' if at + 1 == text.len() => self.out.push_str("\\!"),
                '\n' | '\r' => self.out.push(' '),
                _ => self.out.push(c),
            }
        }
    }

    fn code(&mut self, code: &str) {
        self.line_start = false;
        // Two code spans in a row would read as one broken span: right
        // after one (code in an element written as its content alone), the
        // two are written as one.
        let code = match self.last_code.take() {
            Some((start, end, mut last)) if end == self.out.len() => {
                self.out.truncate(start);
                last.push_str(code);
                last
            }
            _ => code.to_owned(),
        };
        let start = self.out.len();
        self.write_code(&code);
        self.last_code = Some((start, self.out.len(), code));
    }

    fn write_code(&mut self, code: &str) {
        let mut code: String = code
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        if self.cell {
            // In a table cell `|` ends the cell even in a code span, unless
            // escaped; the table parser removes the backslash.
            code = code.replace('|', "\\|");
        }
        let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let pad = code.starts_with(['`', ' ']) || code.ends_with(['`', ' ']);
        self.out.push_str(&fence);
        if pad {
            self.out.push(' ');
        }
        self.out.push_str(&code);
        if pad {
            self.out.push(' ');
        }
        self.out.push_str(&fence);
    }
}

/// What a character is to CommonMark's emphasis rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Punctuation,
    /// Letters and digits.
    Letter,
    /// Other characters (symbols, emoji): punctuation to some Markdown
    /// parsers, letters to others, so taken as the worst case of both.
    Other,
    /// Not known here: taken as the worst case.
    Unknown,
}

fn classify(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Letter
    } else if c.is_ascii_punctuation() {
        Class::Punctuation
    } else {
        Class::Other
    }
}

/// A URL or path as a Markdown link destination: `(`, `)` and `\`
/// escaped; spaces, `<`, `>`, `|` and control characters percent-encoded.
fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' ' | '<' | '>' | '|' | '`' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn html_inlines(items: &[Inline], link: Resolve<'_>, in_link: bool, out: &mut String) {
    for item in items {
        match item {
            Inline::Text(text) => escape_html(text, out),
            Inline::Code(code) => {
                out.push_str("<code>");
                escape_html(code, out);
                out.push_str("</code>");
            }
            Inline::Strong(inner) => html_wrap("strong", inner, link, in_link, out),
            Inline::Emphasis(inner) => html_wrap("em", inner, link, in_link, out),
            Inline::Strikethrough(inner) => html_wrap("del", inner, link, in_link, out),
            Inline::LineBreak => out.push_str("<br>"),
            Inline::ParagraphBreak => out.push_str("<br><br>"),
            Inline::Link { target, content } => {
                let url = match target {
                    LinkTarget::External(url) => Some(url.clone()),
                    internal => link(internal),
                };
                match url {
                    Some(url) if !in_link => {
                        out.push_str("<a href=\"");
                        escape_html(&url, out);
                        out.push_str("\">");
                        html_inlines(content, link, true, out);
                        out.push_str("</a>");
                    }
                    _ => html_inlines(content, link, in_link, out),
                }
            }
        }
    }
}

fn html_wrap(tag: &str, inner: &[Inline], link: Resolve<'_>, in_link: bool, out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    html_inlines(inner, link, in_link, out);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped.
fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::{LinkTarget, Text};

    fn html(source: &str) -> Text {
        Text::from_html(source, None).unwrap()
    }

    /// Links to constructors resolve; the rest are not in the schema.
    fn resolve(target: &LinkTarget) -> Option<String> {
        match target {
            LinkTarget::Constructor(name) => Some(format!("crate::types::{name}")),
            _ => None,
        }
    }

    #[test]
    fn markdown_escapes_what_markdown_would_read() {
        let text = html("a*b_c [d](e) &lt;f&gt; `g` #h ~i~ j|k \\ &amp;amp; {@link RawX}");
        assert_eq!(
            text.to_markdown(&resolve, false),
            r"a\*b\_c \[d\](e) \<f\> \`g\` \#h \~i\~ j\|k \\ \&amp; [`x`](crate::types::x)"
        );
        // What would open a block at the start of a line is escaped.
        let text = html("- a<br>1. b<br>+ c<br>12) d<br>= e<br>> f<br>2024 g");
        assert_eq!(
            text.to_markdown(&resolve, false),
            "\\- a\\\n1\\. b\\\n\\+ c\\\n12\\) d\\\n\\= e\\\n\\> f\\\n2024 g"
        );
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        let text = html("<code>a`b</code> <code>`x</code> <code>p|q</code>");
        assert_eq!(text.to_markdown(&|_| None, false), "``a`b`` `` `x `` `p|q`");
        assert_eq!(
            text.to_markdown(&|_| None, true),
            "``a`b`` `` `x `` `p\\|q`"
        );
    }

    #[test]
    fn markdown_breaks_and_formatting() {
        let text = html("<strong>a</strong> <em>b<br>c</em>\n\n<del>d</del>");
        assert_eq!(
            text.to_markdown(&|_| None, false),
            "**a** *b\\\nc*\n\n~~d~~"
        );
        assert_eq!(
            text.to_markdown(&|_| None, true),
            "**a** *b<br>c*<br><br>~~d~~"
        );
        assert_eq!(text.plain(), "a b\nc\n\nd");
    }

    #[test]
    fn links_outside_the_schema_are_their_content() {
        let text = html(
            r#"{@link a.RawGetRequest}, <a href="https://core.telegram.org/type/T">a <em>T</em></a>, <a href="https://example.org/a b(c)">ext</a>"#,
        );
        assert_eq!(
            text.to_markdown(&resolve, false),
            r"`a.get`, a *T*, [ext](https://example.org/a%20b\(c\))"
        );
        assert_eq!(
            text.to_html(&resolve),
            "<code>a.get</code>, a <em>T</em>, <a href=\"https://example.org/a b(c)\">ext</a>"
        );
    }

    #[test]
    fn html_escapes_every_piece_of_text() {
        let text = html(
            r#"<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">x &lt;y&gt; 'z'</a> <code>&lt;/code&gt;</code> <tag a="1">"#,
        );
        assert_eq!(
            text.to_html(&resolve),
            "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">x &lt;y&gt; &#39;z&#39;</a> \
             <code>&lt;/code&gt;</code> &lt;tag a=&quot;1&quot;&gt;"
        );
    }

    #[test]
    fn links_in_links_are_their_content() {
        let text = html(
            r#"<a href="https://example.org/1">see {@link RawX} and https://example.org/2</a>"#,
        );
        assert_eq!(
            text.to_markdown(&resolve, false),
            r"[see {@link RawX} and https://example.org/2](https://example.org/1)"
        );
    }
}

#[cfg(test)]
mod emphasis_tests {
    use super::super::text::Text;

    fn markdown(html: &str) -> String {
        Text::from_html(html, None)
            .unwrap()
            .to_markdown(&|_| None, false)
    }

    #[test]
    fn formatting_markdown_cannot_hold_is_written_as_its_content() {
        // Punctuation at an edge, next to a letter: not a delimiter run.
        assert_eq!(markdown("a<strong>(b)</strong>c"), r"a(b)c");
        assert_eq!(markdown("a <strong>(b)</strong> c"), r"a **(b)** c");
        assert_eq!(markdown("x<em>y</em>z"), "x*y*z");
        // Emphasis in emphasis would pair with the outer delimiter.
        assert_eq!(markdown("<em>a <strong>b</strong> c</em>"), "*a b c*");
        // Two elements in a row would join their delimiter runs.
        assert_eq!(markdown("<em>a</em><strong>b</strong>"), "*a*b");
        // `!` before a link would make it an image.
        assert_eq!(
            markdown(r#"Hi!<a href="https://example.org">x</a>"#),
            r"Hi\![x](https://example.org)"
        );
        // Code in a row is one span.
        assert_eq!(markdown("<code>a</code><em><code>b</code></em>c"), "`ab`c");
    }
}
