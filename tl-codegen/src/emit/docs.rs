//! Doc comments of generated items.

use super::{Options, Scope};
use crate::descriptions::{LinkTarget, Text};
use crate::reference::{FunctionPage, Presence, TypePart, TypeText};
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

/// A description in Markdown, its links pointing at the generated items
/// from `scope` (or outside, for external links). `cell`: one line, for a
/// table cell.
pub fn text(text: &Text, options: &Options<'_>, scope: &Scope, cell: bool) -> String {
    text.to_markdown(&|target| link(target, options, scope), cell)
}

/// Where a link goes in rustdoc: an intra-doc path to the generated item
/// from `scope`, or the external address.
fn link(target: &LinkTarget, options: &Options<'_>, scope: &Scope) -> Option<String> {
    match target {
        LinkTarget::External(url) => Some(url.clone()),
        target => {
            let path = options.reference.rust_path(target)?;
            Some(if scope.depth() > 0 {
                format!("{}::{path}", scope.to_root())
            } else {
                path.to_owned()
            })
        }
    }
}

/// A type in Markdown: code, with the generated items it names linked.
pub fn type_text(text: &TypeText, options: &Options<'_>, scope: &Scope) -> String {
    text.0
        .iter()
        .map(|part| match part {
            TypePart::Plain(plain) => format!("`{plain}`"),
            TypePart::Link { text, target } => match link(target, options, scope) {
                Some(path) => format!("[`{text}`]({path})"),
                None => format!("`{text}`"),
            },
        })
        .collect()
}

/// The definition's description, if it has one, and its TL line as a code
/// block.
pub fn definition_details(
    definition: &Definition,
    description: Option<&Text>,
    options: &Options<'_>,
    scope: &Scope,
) -> String {
    let mut out = String::new();
    if let Some(description) = description {
        out.push('\n');
        out.push_str(&text(description, options, scope, false));
        out.push('\n');
    }
    out.push_str("\n```text\n");
    out.push_str(&tl_parser::print::definition_text(definition));
    out.push_str("\n```");
    out
}

/// The rest of a function's page, after its TL line: an example (where the
/// bindings have them), its parameters, who may call it and the errors it
/// returns (with method data).
pub fn function_page(page: &FunctionPage, options: &Options<'_>, scope: &Scope) -> String {
    let mut out = String::new();
    if options.examples {
        out.push_str("\n\n# Example\n\n```no_run\n");
        out.push_str(&page.example.code);
        out.push_str("```");
    }
    let params: Vec<_> = page
        .page
        .params
        .iter()
        .filter(|p| p.presence != Presence::Mask)
        .collect();
    if !params.is_empty() {
        out.push_str("\n\n# Parameters\n\n");
        let rows = params.iter().map(|param| {
            let name = param.rust_name.as_deref().unwrap_or(&param.tl_name);
            let cells = vec![
                format!("`{name}`"),
                type_text(&param.rust_type, options, scope),
                type_text(&param.tl_type, options, scope),
                param.presence.describe(),
            ];
            (cells, param.description.as_ref())
        });
        out.push_str(&table(
            &["name", "Rust type", "TL type", "presence"],
            rows,
            options,
            scope,
        ));
    }
    if options.methods.is_empty() {
        return out;
    }
    out.push_str("\n\n# Who may call it\n\n");
    out.push_str(page.usability.sentence());
    out.push_str("\n\n# Errors\n\n");
    let Some(errors) = &page.errors else {
        out.push_str("Not recorded.");
        return out;
    };
    if errors.is_empty() {
        out.push_str("None are recorded.");
        return out;
    }
    let rows = errors.iter().map(|error| {
        let codes: Vec<String> = error.codes.iter().map(i32::to_string).collect();
        let name = &error.name;
        let name = match (&options.rpc_error_kind, &error.variant) {
            (Some(path), Some(variant)) => format!("[`{name}`]({path}::{variant})"),
            _ => format!("`{name}`"),
        };
        (vec![codes.join(", "), name], error.description.as_ref())
    });
    out.push_str(&table(&["code", "error"], rows, options, scope));
    out
}

/// A Markdown table of `columns` with a row per item, and a last column
/// `description` where any item has a description (empty cells where one
/// has none).
fn table<'a>(
    columns: &[&str],
    rows: impl Iterator<Item = (Vec<String>, Option<&'a Text>)>,
    options: &Options<'_>,
    scope: &Scope,
) -> String {
    let rows: Vec<_> = rows.collect();
    let described = rows.iter().any(|(_, description)| description.is_some());
    let mut columns = columns.to_vec();
    if described {
        columns.push("description");
    }
    let mut out = format!(
        "| {} |\n|{}",
        columns.join(" | "),
        " --- |".repeat(columns.len())
    );
    for (cells, description) in rows {
        out.push_str(&format!("\n| {} |", cells.join(" | ")));
        if described {
            if let Some(description) = description {
                out.push(' ');
                out.push_str(&text(description, options, scope, true));
            }
            out.push_str(" |");
        }
    }
    out
}
