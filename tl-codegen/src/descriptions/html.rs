//! Telegram's description HTML to [`Text`], through html5gum's tokenizer.
//!
//! The elements understood: `a` (with an `href`), `code`/`pre`/`tt`/`kbd`/
//! `samp`, `strong`/`b`, `em`/`i`/`u`, `del`/`s`/`strike`, `br`, `p`/`div`/
//! `blockquote` (paragraph breaks around the content) and `img` (its `alt`
//! text). Any other tag, an end tag that closes nothing, and every tag inside
//! code is literal text, as written (`<bot_username>`); so are comments and
//! doctypes. Character references are decoded. mtcute's `{@link RawUser}`
//! becomes a link to the constructor `user`, `{@link ns.RawFooRequest}` to
//! the function `ns.foo`, `{@link ns.TypeFoo}` to the type `ns.Foo`; links to
//! `core.telegram.org/constructor/X`, `/method/X` and `/type/X` become
//! internal links.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::text::{Inline, LinkTarget, Run, Text};

/// How deep elements nest before further tags are taken as literal text:
/// the renderers recurse once per level.
const MAX_DEPTH: usize = 32;

/// The site whose paths Telegram's links are relative to.
const SITE: &str = "https://core.telegram.org";

/// Converts description HTML; `page` is the URL relative links resolve
/// against, `mtcute` reads the name in a `{@link name}`.
pub(crate) fn to_text(
    html: &str,
    page: Option<&str>,
    mtcute: &dyn Fn(&str) -> Option<LinkTarget>,
) -> Option<Text> {
    let mut converter = Converter {
        source: html,
        page,
        mtcute,
        stack: vec![Frame {
            tag: String::new(),
            kind: Kind::Root,
            run: Run::default(),
        }],
        code: None,
    };
    let tokenizer = Tokenizer::new_with_emitter(html, DefaultEmitter::<usize>::new_with_span());
    // Where the last token ends: HTML drops a tag that the text ends in
    // (`a <b`), which here is literal text. (It drops `</>` too, as a
    // browser shows it: that stays dropped.)
    let mut end = 0;
    for token in tokenizer {
        let Ok(token) = token;
        let span = match &token {
            Token::StartTag(tag) => Some(tag.span),
            Token::EndTag(tag) => Some(tag.span),
            Token::String(text) | Token::Comment(text) => Some(text.span),
            Token::Doctype(doctype) => Some(doctype.span),
            Token::Error(_) => None,
        };
        if let Some(span) = span {
            end = end.max(span.end);
        }
        converter.token(token);
    }
    if let Some(rest) = html.get(end..).filter(|rest| !rest.is_empty()) {
        converter.literal_text(rest);
    }
    converter.finish()
}

/// What an open element makes of its content.
#[derive(Debug)]
enum Kind {
    Root,
    Strong,
    Emphasis,
    Strikethrough,
    Block,
    Link(LinkTarget),
}

#[derive(Debug)]
struct Frame {
    /// The tag name that closes it.
    tag: String,
    kind: Kind,
    run: Run,
}

/// An open code element: its tag name and the text so far.
#[derive(Debug)]
struct Code {
    tag: String,
    text: String,
}

struct Converter<'a> {
    source: &'a str,
    page: Option<&'a str>,
    mtcute: &'a dyn Fn(&str) -> Option<LinkTarget>,
    /// The open elements, the root first; never empty.
    stack: Vec<Frame>,
    code: Option<Code>,
}

impl Converter<'_> {
    fn run(&mut self) -> &mut Run {
        &mut self.stack.last_mut().expect("the root frame").run
    }

    /// The source text of a token, or `fallback` where its span is not
    /// a piece of the source.
    fn literal(&self, span: html5gum::Span<usize>, fallback: impl FnOnce() -> String) -> String {
        match self.source.get(span.start..span.end) {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => fallback(),
        }
    }

    fn token(&mut self, token: Token<usize>) {
        if let Some(code) = &mut self.code {
            match token {
                Token::EndTag(tag) if tag.name[..] == *code.tag.as_bytes() => {
                    let code = self.code.take().expect("open code");
                    self.run().code(&code.text);
                }
                Token::String(text) => code.text.push_str(&String::from_utf8_lossy(&text)),
                Token::Error(_) => {}
                other => {
                    let literal = self.token_literal(&other);
                    if let Some(code) = &mut self.code {
                        code.text.push_str(&literal);
                    }
                }
            }
            return;
        }
        match token {
            Token::String(text) => self.text(&String::from_utf8_lossy(&text)),
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attribute = |name: &str| {
                    tag.attributes
                        .get(name.as_bytes())
                        .map(|value| String::from_utf8_lossy(value).into_owned())
                };
                let kind = match name.as_str() {
                    "br" => {
                        self.run().line_break();
                        return;
                    }
                    "img" => {
                        if let Some(alt) = attribute("alt") {
                            self.run().text(&alt, false);
                        }
                        return;
                    }
                    "code" | "pre" | "tt" | "kbd" | "samp" if !tag.self_closing => {
                        self.code = Some(Code {
                            tag: name,
                            text: String::new(),
                        });
                        return;
                    }
                    "strong" | "b" => Some(Kind::Strong),
                    "em" | "i" | "u" => Some(Kind::Emphasis),
                    "del" | "s" | "strike" => Some(Kind::Strikethrough),
                    "p" | "div" | "blockquote" => Some(Kind::Block),
                    "a" => attribute("href")
                        .and_then(|href| self.link_target(&href))
                        .map(Kind::Link),
                    _ => None,
                };
                match kind {
                    Some(kind) if !tag.self_closing && self.stack.len() <= MAX_DEPTH => {
                        if matches!(kind, Kind::Block) {
                            self.run().paragraph_break();
                        }
                        self.stack.push(Frame {
                            tag: name,
                            kind,
                            run: Run::default(),
                        });
                    }
                    _ => {
                        let literal = self.token_literal(&Token::StartTag(tag));
                        self.run().text(&literal, false);
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                if name == "br" {
                    // HTML reads `</br>` as `<br>`.
                    self.run().line_break();
                    return;
                }
                match self.stack.iter().rposition(|f| f.tag == name) {
                    Some(at) if at > 0 => {
                        while self.stack.len() > at {
                            self.close();
                        }
                    }
                    _ => {
                        let literal = self.token_literal(&Token::EndTag(tag));
                        self.run().text(&literal, false);
                    }
                }
            }
            Token::Comment(_) | Token::Doctype(_) => {
                let literal = self.token_literal(&token);
                self.run().text(&literal, false);
            }
            Token::Error(_) => {}
        }
    }

    /// Source text that is no token: in code, or as text.
    fn literal_text(&mut self, text: &str) {
        match &mut self.code {
            Some(code) => code.text.push_str(text),
            None => self.run().text(text, false),
        }
    }

    /// The source text of a tag, comment or doctype.
    fn token_literal(&self, token: &Token<usize>) -> String {
        match token {
            Token::StartTag(tag) => self.literal(tag.span, || {
                format!("<{}>", String::from_utf8_lossy(&tag.name))
            }),
            Token::EndTag(tag) => self.literal(tag.span, || {
                format!("</{}>", String::from_utf8_lossy(&tag.name))
            }),
            Token::Comment(text) => self.literal(text.span, || {
                format!("<!--{}-->", String::from_utf8_lossy(text))
            }),
            Token::Doctype(doctype) => self.literal(doctype.span, || {
                format!("<!DOCTYPE {}>", String::from_utf8_lossy(&doctype.name))
            }),
            Token::String(text) => String::from_utf8_lossy(text).into_owned(),
            Token::Error(_) => String::new(),
        }
    }

    /// Closes the innermost element.
    fn close(&mut self) {
        let frame = self.stack.pop().expect("an open element");
        let run = self.run();
        match frame.kind {
            Kind::Root => unreachable!("the root frame is never closed"),
            Kind::Strong => run.container(Inline::Strong, frame.run),
            Kind::Emphasis => run.container(Inline::Emphasis, frame.run),
            Kind::Strikethrough => run.container(Inline::Strikethrough, frame.run),
            Kind::Block => {
                run.append(frame.run);
                run.paragraph_break();
            }
            Kind::Link(target) => run.link(target, frame.run),
        }
    }

    /// Text, with mtcute's `{@link ...}` made links and, outside links,
    /// bare URLs too.
    fn text(&mut self, text: &str) {
        let in_link = self
            .stack
            .iter()
            .any(|frame| matches!(frame.kind, Kind::Link(_)));
        let mut rest = text;
        while let Some(start) = rest.find("{@link ") {
            let after = &rest[start + "{@link ".len()..];
            let end = after.find('}');
            let target = end.and_then(|end| (self.mtcute)(&after[..end]));
            match (end, target) {
                (Some(end), Some(target)) if !in_link => {
                    self.run().text(&rest[..start], true);
                    let mut content = Run::default();
                    if let Some(name) = target.tl_name() {
                        content.code(name);
                    }
                    self.run().link(target, content);
                    rest = &after[end + 1..];
                }
                _ => {
                    let upto = start + "{@link ".len();
                    self.run().text(&rest[..upto], !in_link);
                    rest = &rest[upto..];
                }
            }
        }
        self.run().text(rest, !in_link);
    }

    /// The target of an `href`, absolute; `None` for a scheme other than
    /// `http`, `https`, `mailto` and `tg`, or a relative link with no page
    /// to resolve it against.
    fn link_target(&self, href: &str) -> Option<LinkTarget> {
        let href = href.trim();
        let url = if let Some(rest) = href.strip_prefix("//") {
            format!("https://{rest}")
        } else if href.starts_with('/') {
            format!("{SITE}{href}")
        } else if href.is_empty() || href.starts_with('#') {
            let page = self.page?;
            let page = page.split('#').next().unwrap_or(page);
            format!("{page}{}", if href == "#" { "" } else { href })
        } else {
            let scheme = href.split(':').next().unwrap_or("").to_ascii_lowercase();
            if href.contains(':') && ["http", "https", "mailto", "tg"].contains(&scheme.as_str()) {
                href.to_owned()
            } else {
                return None;
            }
        };
        Some(telegram_target(&url).unwrap_or(LinkTarget::External(url)))
    }

    fn finish(mut self) -> Option<Text> {
        if let Some(code) = self.code.take() {
            self.run().code(&code.text);
        }
        while self.stack.len() > 1 {
            self.close();
        }
        self.stack.pop().expect("the root frame").run.finish()
    }
}

/// `core.telegram.org/constructor/X` (or `/method/X`, `/type/X`) as an
/// internal target.
fn telegram_target(url: &str) -> Option<LinkTarget> {
    let path = url
        .strip_prefix("https://core.telegram.org/")
        .or_else(|| url.strip_prefix("http://core.telegram.org/"))?;
    let (kind, name) = path.split_once('/')?;
    if !is_tl_name(name) {
        return None;
    }
    let name = name.to_owned();
    match kind {
        "constructor" => Some(LinkTarget::Constructor(name)),
        "method" => Some(LinkTarget::Function(name)),
        "type" => Some(LinkTarget::Type(name)),
        _ => None,
    }
}

/// What mtcute's name of a TL item can stand for, likeliest first:
/// `RawUser` is the constructor `user`; `ns.RawFooRequest` the function
/// `ns.foo`, or else the constructor `ns.fooRequest`; `ns.TypeFoo` the type
/// `ns.Foo`.
pub(crate) fn mtcute_candidates(name: &str) -> Vec<LinkTarget> {
    if !is_tl_name(name) {
        return Vec::new();
    }
    let (namespace, local) = match name.rsplit_once('.') {
        Some((namespace, local)) => (Some(namespace), local),
        None => (None, name),
    };
    let full = |local: &str| match namespace {
        Some(namespace) => format!("{namespace}.{local}"),
        None => local.to_owned(),
    };
    let mut candidates = Vec::new();
    if let Some(raw) = local.strip_prefix("Raw").filter(|r| !r.is_empty()) {
        if let Some(function) = raw.strip_suffix("Request").filter(|r| !r.is_empty()) {
            candidates.push(LinkTarget::Function(full(&lower_first(function))));
        }
        candidates.push(LinkTarget::Constructor(full(&lower_first(raw))));
    } else if let Some(ty) = local.strip_prefix("Type").filter(|t| !t.is_empty()) {
        candidates.push(LinkTarget::Type(full(ty)));
    }
    candidates
}

/// mtcute's name of a TL item as its likeliest target (see
/// [`mtcute_candidates`]).
pub(crate) fn mtcute_link(name: &str) -> Option<LinkTarget> {
    mtcute_candidates(name).into_iter().next()
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A TL name: ASCII letters, digits and `_`, parts joined by single dots.
fn is_tl_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::super::text::{Inline, LinkTarget, Text};

    fn inlines(html: &str) -> Vec<Inline> {
        Text::from_html(html, Some("https://core.telegram.org/constructor/a.b"))
            .map(|text| text.inlines().to_vec())
            .unwrap_or_default()
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    fn code(s: &str) -> Inline {
        Inline::Code(s.to_owned())
    }

    #[test]
    fn formatting_elements_become_markup() {
        assert_eq!(
            inlines(
                "A <strong>bold</strong>, <em>slanted</em>, <u>lined</u> and <del>gone</del> word"
            ),
            [
                text("A "),
                Inline::Strong(vec![text("bold")]),
                text(", "),
                Inline::Emphasis(vec![text("slanted")]),
                text(", "),
                Inline::Emphasis(vec![text("lined")]),
                text(" and "),
                Inline::Strikethrough(vec![text("gone")]),
                text(" word"),
            ]
        );
        assert_eq!(
            inlines("one<br>two<br/><br>three\n\nfour"),
            [
                text("one"),
                Inline::LineBreak,
                text("two"),
                Inline::ParagraphBreak,
                text("three"),
                Inline::ParagraphBreak,
                text("four"),
            ]
        );
    }

    #[test]
    fn unknown_tags_and_tags_in_code_are_literal_text() {
        assert_eq!(
            inlines("Send <pet_name> to <code><b>x</b> &amp; <div></code>, then</pet_name> go"),
            [
                text("Send <pet_name> to "),
                code("<b>x</b> & <div>"),
                text(", then</pet_name> go"),
            ]
        );
        assert_eq!(
            inlines("if a < b and c > d, </em> stays"),
            [text("if a < b and c > d, </em> stays")]
        );
        assert_eq!(inlines("a <!-- note --> b"), [text("a <!-- note --> b")]);
    }

    #[test]
    fn a_tag_the_text_ends_in_is_literal_text() {
        assert_eq!(inlines("a <pet"), [text("a <pet")]);
        assert_eq!(inlines(r#"a <a href="x"#), [text(r#"a <a href="x"#)]);
        assert_eq!(inlines("<code>a </cod"), [code("a </cod")]);
        assert_eq!(inlines("a &am"), [text("a &am")]);
    }

    #[test]
    fn images_are_their_alt_text() {
        assert_eq!(
            inlines(
                r#"dice <img class="x" src="//example.org/d.png" alt="🎲"> and <img src="y.png"> cup"#
            ),
            [text("dice 🎲 and cup")]
        );
    }

    #[test]
    fn links_resolve_to_definitions_types_or_urls() {
        assert_eq!(
            inlines(
                r##"see <a href="https://core.telegram.org/type/a.Thing">things</a>, <a href="/method/a.get">get</a>, <a href="#part">here</a> and <a href="https://example.org/x?y=1">there</a>"##
            ),
            [
                text("see "),
                Inline::Link {
                    target: LinkTarget::Type("a.Thing".into()),
                    content: vec![text("things")]
                },
                text(", "),
                Inline::Link {
                    target: LinkTarget::Function("a.get".into()),
                    content: vec![text("get")]
                },
                text(", "),
                Inline::Link {
                    target: LinkTarget::External(
                        "https://core.telegram.org/constructor/a.b#part".into()
                    ),
                    content: vec![text("here")]
                },
                text(" and "),
                Inline::Link {
                    target: LinkTarget::External("https://example.org/x?y=1".into()),
                    content: vec![text("there")]
                },
            ]
        );
        assert_eq!(
            inlines("{@link RawThing}, {@link a.RawGetRequest} and {@link a.TypeThing}"),
            [
                Inline::Link {
                    target: LinkTarget::Constructor("thing".into()),
                    content: vec![code("thing")]
                },
                text(", "),
                Inline::Link {
                    target: LinkTarget::Function("a.get".into()),
                    content: vec![code("a.get")]
                },
                text(" and "),
                Inline::Link {
                    target: LinkTarget::Type("a.Thing".into()),
                    content: vec![code("a.Thing")]
                },
            ]
        );
    }

    #[test]
    fn unsafe_or_unresolvable_links_stay_literal() {
        assert_eq!(
            inlines(r#"<a href="javascript:alert(1)">x</a> {@link Nothing} {@link RawX"#),
            [text(
                r#"<a href="javascript:alert(1)">x</a> {@link Nothing} {@link RawX"#
            )]
        );
        assert_eq!(
            Text::from_html(r##"<a href="#x">x</a>"##, None)
                .unwrap()
                .plain(),
            r##"<a href="#x">x</a>"##
        );
        // An empty link shows its target.
        assert_eq!(
            inlines(r#"<a href="https://example.org"></a>"#),
            [Inline::Link {
                target: LinkTarget::External("https://example.org".into()),
                content: vec![text("https://example.org")]
            }]
        );
    }

    #[test]
    fn bare_urls_become_links_without_their_punctuation() {
        assert_eq!(
            inlines("at https://example.org/a_(b). Or (http://example.org)"),
            [
                text("at "),
                Inline::Link {
                    target: LinkTarget::External("https://example.org/a_(b)".into()),
                    content: vec![text("https://example.org/a_(b)")]
                },
                text(". Or ("),
                Inline::Link {
                    target: LinkTarget::External("http://example.org".into()),
                    content: vec![text("http://example.org")]
                },
                text(")"),
            ]
        );
        assert_eq!(inlines("just https:// here"), [text("just https:// here")]);
    }

    #[test]
    fn unclosed_and_misnested_elements_keep_their_text() {
        assert_eq!(
            inlines("<strong>a <em>b</strong> c"),
            [
                Inline::Strong(vec![text("a "), Inline::Emphasis(vec![text("b")])]),
                text(" c"),
            ]
        );
        assert_eq!(
            inlines("x<em> y <code>z"),
            [text("x "), Inline::Emphasis(vec![text("y "), code("z")]),]
        );
        // Empty text and empty elements are no text.
        assert!(Text::from_html("", None).is_none());
        assert!(Text::from_html(" <strong> </strong><br>", None).is_none());
    }

    #[test]
    fn deep_nesting_is_literal_past_a_limit() {
        let html = "<em>".repeat(1000) + "x";
        let text = Text::from_html(&html, None).unwrap();
        assert!(text.plain().starts_with("<em>"));
        assert!(text.plain().ends_with('x'));
    }
}
