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
/// otherwise be read as links or HTML.
pub fn escape(text: &str) -> String {
    text.replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
}
