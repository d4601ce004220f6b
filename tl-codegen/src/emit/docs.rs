//! Doc comments of generated items.

use proc_macro2::TokenStream;
use quote::quote;
use tl_parser::Definition;

/// `#[doc]` attributes for text of one or more lines.
pub fn attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// The definition's TL line as a code block, and its schema documentation.
pub fn definition_details(definition: &Definition) -> String {
    let mut text = String::new();
    if let Some(description) = definition.doc.as_ref().and_then(|d| d.description()) {
        text.push('\n');
        text.push_str(&escape(description));
        text.push('\n');
    }
    text.push_str("\n```text\n");
    text.push_str(&tl_parser::print::definition_text(definition));
    text.push_str("\n```");
    text
}

/// The schema's documentation of a parameter, if it has one.
pub fn param_doc<'a>(definition: &'a Definition, name: &str) -> Option<&'a str> {
    definition.doc.as_ref().and_then(|d| d.get(name))
}

/// Schema text made safe for Markdown: brackets and angle brackets would
/// otherwise be read as links or HTML, and a bare URL (TDLib's descriptions
/// have them) becomes an autolink, `<https://...>`, without the punctuation
/// that ends its sentence.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("https://").or_else(|| rest.find("http://")) {
        out.push_str(&escape_plain(&rest[..start]));
        let url = &rest[start..];
        let end = url
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(url.len());
        let mut link = &url[..end];
        loop {
            let unbalanced =
                link.ends_with(')') && link.matches('(').count() < link.matches(')').count();
            if link.ends_with(['.', ',', ';', ':', '!', '?']) || unbalanced {
                link = &link[..link.len() - 1];
            } else {
                break;
            }
        }
        out.push('<');
        out.push_str(link);
        out.push('>');
        rest = &url[link.len()..];
    }
    out.push_str(&escape_plain(rest));
    out
}

fn escape_plain(text: &str) -> String {
    text.replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

#[cfg(test)]
mod tests {
    #[test]
    fn bare_urls_become_autolinks_without_the_sentence_end() {
        assert_eq!(
            super::escape("sent to https://fragment.com. Then [x] <y>"),
            "sent to <https://fragment.com>. Then \\[x\\] &lt;y&gt;"
        );
        assert_eq!(
            super::escape("(see https://a.example/b_(c)/d)"),
            "(see <https://a.example/b_(c)/d>)"
        );
        assert_eq!(super::escape("http://x"), "<http://x>");
    }
}
