//! The text model: a small tree of inline markup, and [`Run`], which builds
//! it with HTML's whitespace rules so that every reader yields the same
//! normal form.

/// A description: a run of inline markup, never empty.
///
/// Its whitespace is normal: no leading or trailing space or break, single
/// spaces between words, no space next to a break, no two breaks in a row
/// (two become a [`Inline::ParagraphBreak`]), no two code pieces in a row,
/// and a paragraph break only at the top level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    inlines: Vec<Inline>,
}

/// One piece of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Inline {
    /// Words and the single spaces between them.
    Text(String),
    /// Code, as written (`<code>`, `<pre>`).
    Code(String),
    /// Strong importance (`<strong>`, `<b>`).
    Strong(Vec<Inline>),
    /// Emphasis (`<em>`, `<i>`, and `<u>`, which Markdown cannot underline).
    Emphasis(Vec<Inline>),
    /// Struck-out text (`<del>`, `<s>`).
    Strikethrough(Vec<Inline>),
    /// A line break (`<br>`).
    LineBreak,
    /// A paragraph break (a blank line, two `<br>`, `<p>`).
    ParagraphBreak,
    /// A link.
    Link {
        /// What it points at.
        target: LinkTarget,
        /// The linked text; never empty.
        content: Vec<Inline>,
    },
}

/// What a link points at: a definition or type by its TL name, or a URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkTarget {
    /// A constructor, by its full TL name (`user`, `auth.sentCode`).
    Constructor(String),
    /// A function, by its full TL name (`contacts.importContacts`).
    Function(String),
    /// A boxed type, by its full TL name (`InputPeer`, `auth.SentCode`).
    Type(String),
    /// Any other URL (`http`, `https`, `mailto` or `tg`), absolute.
    External(String),
}

impl LinkTarget {
    /// The TL name of an internal target; `None` for [`LinkTarget::External`].
    pub fn tl_name(&self) -> Option<&str> {
        match self {
            LinkTarget::Constructor(name) | LinkTarget::Function(name) | LinkTarget::Type(name) => {
                Some(name)
            }
            LinkTarget::External(_) => None,
        }
    }
}

impl Text {
    /// Plain text (bare URLs become links), in normal form; `None` when it
    /// has no text.
    pub fn from_plain(text: &str) -> Option<Text> {
        let mut run = Run::default();
        run.text(text, true);
        run.finish()
    }

    /// HTML as Telegram's descriptions are written in mtcute's files:
    /// `a`, `code`, `strong`, `em`, `del`, `br` and a few more elements;
    /// any other tag is literal text, as written (`<bot_username>`).
    /// `page` is the URL of the page the text comes from, against which
    /// relative links resolve (without it they stay literal text).
    /// mtcute's `{@link RawUser}` links to the constructor `user`,
    /// `{@link ns.RawFooRequest}` to the function `ns.foo`. `None` when it
    /// has no text.
    pub fn from_html(html: &str, page: Option<&str>) -> Option<Text> {
        super::html::to_text(html, page, &super::html::mtcute_link)
    }

    /// The pieces, in order.
    pub fn inlines(&self) -> &[Inline] {
        &self.inlines
    }

    /// Every link target in the text, in order, links in links included.
    pub fn links(&self) -> Vec<&LinkTarget> {
        fn walk<'a>(items: &'a [Inline], out: &mut Vec<&'a LinkTarget>) {
            for item in items {
                match item {
                    Inline::Strong(inner)
                    | Inline::Emphasis(inner)
                    | Inline::Strikethrough(inner) => walk(inner, out),
                    Inline::Link { target, content } => {
                        out.push(target);
                        walk(content, out);
                    }
                    Inline::Text(_)
                    | Inline::Code(_)
                    | Inline::LineBreak
                    | Inline::ParagraphBreak => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.inlines, &mut out);
        out
    }

    /// The text without markup: line breaks as `\n`, paragraph breaks as a
    /// blank line, links as their content.
    pub fn plain(&self) -> String {
        fn walk(items: &[Inline], out: &mut String) {
            for item in items {
                match item {
                    Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                    Inline::Strong(inner)
                    | Inline::Emphasis(inner)
                    | Inline::Strikethrough(inner)
                    | Inline::Link { content: inner, .. } => walk(inner, out),
                    Inline::LineBreak => out.push('\n'),
                    Inline::ParagraphBreak => out.push_str("\n\n"),
                }
            }
        }
        let mut out = String::new();
        walk(&self.inlines, &mut out);
        out
    }
}

/// Builds a run of inlines in normal form, piece by piece.
#[derive(Debug, Default)]
pub(crate) struct Run {
    items: Vec<Inline>,
}

/// The characters that may end a bare URL but are more likely the
/// sentence's punctuation.
const URL_TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"'];

impl Run {
    /// Adds text: each run of whitespace (HTML's: space, tab, line feed,
    /// form feed, carriage return; a no-break space is text) is one space,
    /// or a paragraph break where it holds two line feeds or more. With `autolink`, bare
    /// `http://` and `https://` URLs become links.
    pub(crate) fn text(&mut self, text: &str, autolink: bool) {
        let mut rest = text;
        while !rest.is_empty() {
            let word_end = rest.find(is_space).unwrap_or(rest.len());
            if word_end > 0 {
                let word = &rest[..word_end];
                if autolink {
                    self.word_with_urls(word);
                } else {
                    self.word(word);
                }
                rest = &rest[word_end..];
            }
            let space_end = rest.find(|c| !is_space(c)).unwrap_or(rest.len());
            if space_end > 0 {
                if rest[..space_end].matches('\n').count() >= 2 {
                    self.paragraph_break();
                } else {
                    self.space();
                }
                rest = &rest[space_end..];
            }
        }
    }

    /// Adds a word that may hold URLs.
    fn word_with_urls(&mut self, word: &str) {
        let mut rest = word;
        while let Some((start, scheme)) = find_url_start(rest) {
            let url = trim_url(&rest[start..]);
            if url.len() <= scheme {
                self.word(&rest[..start + scheme]);
                rest = &rest[start + scheme..];
                continue;
            }
            self.word(&rest[..start]);
            let mut content = Run::default();
            content.word(url);
            self.link(LinkTarget::External(url.to_owned()), content);
            rest = &rest[start + url.len()..];
        }
        self.word(rest);
    }

    /// Adds text that holds no whitespace.
    fn word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        match self.items.last_mut() {
            Some(Inline::Text(last)) => last.push_str(word),
            _ => self.items.push(Inline::Text(word.to_owned())),
        }
    }

    /// Adds a space, unless one or a break is there already.
    pub(crate) fn space(&mut self) {
        match self.items.last_mut() {
            Some(Inline::Text(last)) if last.ends_with(' ') => {}
            Some(Inline::LineBreak | Inline::ParagraphBreak) => {}
            Some(Inline::Text(last)) => last.push(' '),
            _ => self.items.push(Inline::Text(" ".to_owned())),
        }
    }

    /// Adds a line break; after another break, the two make a paragraph
    /// break.
    pub(crate) fn line_break(&mut self) {
        self.add_break(Inline::LineBreak);
    }

    /// Adds a paragraph break.
    pub(crate) fn paragraph_break(&mut self) {
        self.add_break(Inline::ParagraphBreak);
    }

    fn add_break(&mut self, kind: Inline) {
        if let Some(Inline::Text(last)) = self.items.last_mut() {
            let trimmed = last.trim_end_matches(' ').len();
            last.truncate(trimmed);
            if last.is_empty() {
                self.items.pop();
            }
        }
        match self.items.last_mut() {
            Some(last @ (Inline::LineBreak | Inline::ParagraphBreak)) => {
                *last = Inline::ParagraphBreak;
            }
            _ => self.items.push(kind),
        }
    }

    /// Adds code; code of spaces alone is a space, empty code nothing, and
    /// code right after code joins it (Markdown cannot write two code spans
    /// in a row).
    pub(crate) fn code(&mut self, code: &str) {
        if code.trim_matches(is_space).is_empty() {
            if !code.is_empty() {
                self.space();
            }
        } else if let Some(Inline::Code(last)) = self.items.last_mut() {
            last.push_str(code);
        } else {
            self.items.push(Inline::Code(code.to_owned()));
        }
    }

    /// Adds the content of a formatting element, the spaces and breaks at
    /// its edges moved out of it (Markdown cannot open emphasis before a
    /// space); an element with no text adds nothing.
    pub(crate) fn container(&mut self, make: fn(Vec<Inline>) -> Inline, inner: Run) {
        let (lead, items, tail) = split_edges(inner.items);
        self.edge(lead);
        if !items.is_empty() {
            self.items.push(make(inline_breaks(items)));
        }
        self.edge(tail);
    }

    /// Adds a link around `inner`; a link with no text shows its target.
    pub(crate) fn link(&mut self, target: LinkTarget, inner: Run) {
        let (lead, items, tail) = split_edges(inner.items);
        self.edge(lead);
        let content = if items.is_empty() {
            match &target {
                LinkTarget::External(url) => vec![Inline::Text(url.clone())],
                LinkTarget::Constructor(name)
                | LinkTarget::Function(name)
                | LinkTarget::Type(name) => vec![Inline::Code(name.clone())],
            }
        } else {
            inline_breaks(items)
        };
        self.items.push(Inline::Link { target, content });
        self.edge(tail);
    }

    /// Adds the content of `inner` as it is (the content of a block
    /// element).
    pub(crate) fn append(&mut self, inner: Run) {
        let (lead, items, tail) = split_edges(inner.items);
        self.edge(lead);
        for item in items {
            match item {
                Inline::Text(text) => self.text(&text, false),
                Inline::LineBreak => self.line_break(),
                Inline::ParagraphBreak => self.paragraph_break(),
                other => self.items.push(other),
            }
        }
        self.edge(tail);
    }

    fn edge(&mut self, edge: Edge) {
        match edge {
            Edge::None => {}
            Edge::Space => self.space(),
            Edge::Line => self.line_break(),
            Edge::Paragraph => self.paragraph_break(),
        }
    }

    /// The text, without leading or trailing spaces and breaks; `None` when
    /// nothing is left.
    pub(crate) fn finish(self) -> Option<Text> {
        let (_, inlines, _) = split_edges(self.items);
        (!inlines.is_empty()).then_some(Text { inlines })
    }
}

/// Takes the spaces and breaks off both ends of `items`: the strongest at
/// each end, the items between.
fn split_edges(mut items: Vec<Inline>) -> (Edge, Vec<Inline>, Edge) {
    let mut lead = Edge::None;
    let mut tail = Edge::None;
    let mut first = 0;
    while let Some(item) = items.get_mut(first) {
        match item {
            Inline::LineBreak | Inline::ParagraphBreak => {
                lead = lead.max(edge_of(item));
                first += 1;
            }
            Inline::Text(text) if text.starts_with(' ') => {
                lead = lead.max(Edge::Space);
                let trimmed = text.trim_start_matches(' ');
                if trimmed.is_empty() {
                    first += 1;
                } else {
                    *text = trimmed.to_owned();
                }
            }
            _ => break,
        }
    }
    items.drain(..first);
    while let Some(last) = items.last_mut() {
        match last {
            Inline::LineBreak | Inline::ParagraphBreak => {
                tail = tail.max(edge_of(last));
                items.pop();
            }
            Inline::Text(text) if text.ends_with(' ') => {
                tail = tail.max(Edge::Space);
                let len = text.trim_end_matches(' ').len();
                text.truncate(len);
                if text.is_empty() {
                    items.pop();
                }
            }
            _ => break,
        }
    }
    (lead, items, tail)
}

/// Paragraph breaks inside an element become line breaks.
fn inline_breaks(mut items: Vec<Inline>) -> Vec<Inline> {
    for item in &mut items {
        if *item == Inline::ParagraphBreak {
            *item = Inline::LineBreak;
        }
    }
    items
}

/// What stands at the edge of an element, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edge {
    None,
    Space,
    Line,
    Paragraph,
}

fn edge_of(item: &Inline) -> Edge {
    match item {
        Inline::ParagraphBreak => Edge::Paragraph,
        _ => Edge::Line,
    }
}

/// Whitespace as HTML collapses it.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r')
}

/// Where the next `http://` or `https://` in `text` starts, and the
/// length of that scheme.
fn find_url_start(text: &str) -> Option<(usize, usize)> {
    let http = text.find("http://").map(|at| (at, "http://".len()));
    let https = text.find("https://").map(|at| (at, "https://".len()));
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A URL without the punctuation after it: trailing `.,;:!?'"`, and
/// closing parentheses and brackets that it does not open.
fn trim_url(candidate: &str) -> &str {
    let mut url = candidate;
    loop {
        let before = url.len();
        url = url.trim_end_matches(URL_TRAILING);
        for (open, close) in [('(', ')'), ('[', ']')] {
            if url.ends_with(close) && url.matches(close).count() > url.matches(open).count() {
                url = &url[..url.len() - 1];
            }
        }
        if url.len() == before {
            return url;
        }
    }
}
