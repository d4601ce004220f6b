//! The HTML of each page: a [`tl_codegen::reference`] page spelled with
//! maud, every piece of text escaped. Item pages sit one directory below the
//! site's root, so their links start with `../`.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::{BTreeMap, HashMap};
use tl_codegen::descriptions::{LinkTarget, Text};
use tl_codegen::reference::{
    ConstructorPage, DefinitionPage, FunctionPage, Namespace, Presence, Reference, TypePage,
    TypePart, TypeText,
};

/// A reference with what its pages look up.
pub struct Site<'a> {
    reference: &'a Reference,
    namespaces: BTreeMap<String, Namespace>,
    constructors: HashMap<&'a str, &'a ConstructorPage>,
    types: HashMap<&'a str, &'a TypePage>,
}

/// The name the root namespace's page goes by.
const ROOT_NAMESPACE: &str = "_root";

impl<'a> Site<'a> {
    /// Indexes `reference`.
    pub fn new(reference: &'a Reference) -> Site<'a> {
        Site {
            reference,
            namespaces: reference.namespaces(),
            constructors: reference
                .constructors
                .iter()
                .map(|c| (c.page.tl_name.as_str(), c))
                .collect(),
            types: reference
                .types
                .iter()
                .map(|t| (t.tl_name.as_str(), t))
                .collect(),
        }
    }

    /// The namespaces, `""` being the root.
    pub fn namespaces(&self) -> &BTreeMap<String, Namespace> {
        &self.namespaces
    }

    /// The file name (without `.html`) of a namespace's page.
    pub fn namespace_file(name: &str) -> &str {
        if name.is_empty() {
            ROOT_NAMESPACE
        } else {
            name
        }
    }

    /// Where a link goes from an item page: a page of this site (when it
    /// has the item) or the external address.
    fn href(&self, target: &LinkTarget) -> Option<String> {
        match target {
            LinkTarget::External(url) => Some(url.clone()),
            LinkTarget::Type(name) if self.types.contains_key(name.as_str()) => {
                Some(format!("../type/{name}.html"))
            }
            LinkTarget::Constructor(name) if self.constructors.contains_key(name.as_str()) => {
                Some(format!("../constructor/{name}.html"))
            }
            LinkTarget::Function(name) if self.reference.function(name).is_some() => {
                Some(format!("../function/{name}.html"))
            }
            _ => None,
        }
    }

    /// A description as HTML, its links resolved from an item page.
    fn text(&self, text: &Text) -> Markup {
        PreEscaped(text.to_html(&|target| self.href(target)))
    }

    /// A type, as code, its names linked.
    fn type_text(&self, text: &TypeText) -> Markup {
        html! {
            code {
                @for part in &text.0 {
                    @match part {
                        TypePart::Plain(plain) => (plain),
                        TypePart::Link { text, target } => @match self.href(target) {
                            Some(href) => a href=(href) { (text) },
                            None => (text),
                        },
                    }
                }
            }
        }
    }

    /// A link to an item's page, from an item page.
    fn item_link(&self, target: &LinkTarget) -> Markup {
        let (LinkTarget::Type(name)
        | LinkTarget::Constructor(name)
        | LinkTarget::Function(name)
        | LinkTarget::External(name)) = target;
        match self.href(target) {
            Some(href) => html! { a href=(href) { code { (name) } } },
            None => html! { code { (name) } },
        }
    }

    /// `search-index.js`: every name and the kind of its page.
    pub fn search_index(&self) -> String {
        let mut entries = Vec::new();
        for f in &self.reference.functions {
            entries.push(serde_json::json!([f.page.tl_name, "function"]));
        }
        for t in &self.reference.types {
            entries.push(serde_json::json!([t.tl_name, "type"]));
        }
        for c in &self.reference.constructors {
            entries.push(serde_json::json!([c.page.tl_name, "constructor"]));
        }
        format!(
            "// Every name of the reference and the kind of its page, for search.js.\nconst TL_SEARCH = {};\n",
            serde_json::Value::Array(entries)
        )
    }
}

/// A page: head, the search box, the body.
fn layout(title: &str, root: &str, breadcrumbs: Markup, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href={ (root) "style.css" };
            }
            body data-root=(root) {
                header {
                    nav.breadcrumbs { a href={ (root) "index.html" } { "Reference" } (breadcrumbs) }
                    div.search {
                        input #search type="search" placeholder="Search names (e.g. sendCode)"
                            autocomplete="off" aria-label="Search";
                        ul #search-results hidden {}
                    }
                }
                main { (body) }
                script src={ (root) "search-index.js" } {}
                script src={ (root) "search.js" } {}
            }
        }
    }
    .into_string()
}

/// The breadcrumb to an item's namespace.
fn namespace_crumb(tl_name: &str) -> Markup {
    let namespace = tl_name.rsplit_once('.').map_or("", |(ns, _)| ns);
    let shown = if namespace.is_empty() {
        "(root namespace)"
    } else {
        namespace
    };
    html! {
        " / " a href={ "../namespace/" (Site::namespace_file(namespace)) ".html" } { (shown) }
    }
}

/// The site's front page.
pub fn index(site: &Site<'_>) -> String {
    let reference = site.reference;
    let body = html! {
        h1 { "Reference" }
        p {
            @if let Some(layer) = reference.layer { "Layer " (layer) ": " }
            (reference.functions.len()) " functions, "
            (reference.types.len()) " types, "
            (reference.constructors.len()) " constructors."
        }
        table.namespaces {
            thead { tr { th { "namespace" } th { "functions" } th { "types" } th { "constructors" } } }
            tbody {
                @for (name, namespace) in site.namespaces() {
                    tr {
                        td { a href={ "namespace/" (Site::namespace_file(name)) ".html" } {
                            @if name.is_empty() { "(root namespace)" } @else { code { (name) } }
                        } }
                        td { (namespace.functions.len()) }
                        td { (namespace.types.len()) }
                        td { (namespace.constructors.len()) }
                    }
                }
            }
        }
    };
    layout("Reference", "", html! {}, body)
}

/// A namespace's page: its functions, types and constructors.
pub fn namespace(site: &Site<'_>, name: &str, namespace: &Namespace) -> String {
    let shown = if name.is_empty() {
        "(root namespace)"
    } else {
        name
    };
    let list = |title: &str, names: &[String], target: fn(String) -> LinkTarget| {
        html! {
            @if !names.is_empty() {
                h2 { (title) }
                ul.names {
                    @for name in names { li { (site.item_link(&target(name.clone()))) } }
                }
            }
        }
    };
    let body = html! {
        h1 { "Namespace " code { (shown) } }
        (list("Functions", &namespace.functions, LinkTarget::Function))
        (list("Types", &namespace.types, LinkTarget::Type))
        (list("Constructors", &namespace.constructors, LinkTarget::Constructor))
    };
    layout(shown, "../", html! { " / " (shown) }, body)
}

/// The parts of a constructor's or function's page before its own: the
/// title, description, TL line and Rust item.
fn definition_head(site: &Site<'_>, kind: &str, page: &DefinitionPage) -> Markup {
    html! {
        h1 { span.kind { (kind) } " " code { (page.tl_name) } }
        @if let Some(description) = &page.description {
            div.description { (site.text(description)) }
        }
        pre.tl { code { (page.tl_line) } }
        p.rust { "Rust: " code { (page.rust_path) } }
    }
}

/// A table of parameters, masks left out (they are computed).
fn parameters(site: &Site<'_>, page: &DefinitionPage) -> Markup {
    let params: Vec<_> = page
        .params
        .iter()
        .filter(|p| p.presence != Presence::Mask)
        .collect();
    html! {
        h2 #parameters { "Parameters" }
        @if params.is_empty() {
            p { "None." }
        } @else {
            table.params {
                thead { tr { th { "name" } th { "Rust type" } th { "TL type" } th { "presence" } th { "description" } } }
                tbody {
                    @for param in params {
                        tr {
                            td { code { (param.rust_name.as_deref().unwrap_or(&param.tl_name)) } }
                            td { (site.type_text(&param.rust_type)) }
                            td { (site.type_text(&param.tl_type)) }
                            td.presence { (param.presence.describe()) }
                            td { @if let Some(d) = &param.description { (site.text(d)) } }
                        }
                    }
                }
            }
        }
    }
}

/// A function's page.
pub fn function(site: &Site<'_>, function: &FunctionPage) -> String {
    let page = &function.page;
    let result_type = function
        .returns_type
        .as_deref()
        .and_then(|name| site.types.get(name));
    let body = html! {
        (definition_head(site, "function", page))
        h2 #example { "Example" }
        pre.example { code { (function.example.visible()) } }
        (parameters(site, page))
        h2 #result { "Result" }
        p {
            (site.type_text(&function.returns_tl)) ", in Rust " (site.type_text(&function.returns_rust))
            @if let Some(ty) = result_type {
                ": one of "
                @for (i, name) in ty.constructors.iter().enumerate() {
                    @if i > 0 { ", " }
                    (site.item_link(&LinkTarget::Constructor(name.clone())))
                }
            }
            "."
        }
        h2 #usability { "Who may call it" }
        p.usability { (function.usability.sentence()) }
        h2 #errors { "Errors" }
        @match &function.errors {
            None => p { "Not recorded." },
            Some(errors) if errors.is_empty() => p { "None are recorded." },
            Some(errors) => table.errors {
                thead { tr { th { "code" } th { "error" } th { "description" } } }
                tbody {
                    @for error in errors {
                        tr {
                            td { (error.codes.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")) }
                            td { code { (error.name) } }
                            td { @if let Some(d) = &error.description { (site.text(d)) } }
                        }
                    }
                }
            },
        }
    };
    layout(&page.tl_name, "../", namespace_crumb(&page.tl_name), body)
}

/// A constructor's page.
pub fn constructor(site: &Site<'_>, constructor: &ConstructorPage) -> String {
    let page = &constructor.page;
    let body = html! {
        (definition_head(site, "constructor", page))
        p {
            "A constructor of the type "
            (site.item_link(&LinkTarget::Type(constructor.boxed_type.clone())))
            "."
        }
        (parameters(site, page))
    };
    layout(&page.tl_name, "../", namespace_crumb(&page.tl_name), body)
}

/// A boxed type's page: its constructors, the functions returning it, and
/// where it is used.
pub fn boxed_type(site: &Site<'_>, ty: &TypePage) -> String {
    let body = html! {
        h1 { span.kind { "type" } " " code { (ty.tl_name) } }
        @if let Some(description) = &ty.description {
            div.description { (site.text(description)) }
        }
        p.rust { "Rust: " code { (ty.rust_path) } }
        h2 #constructors { "Constructors" }
        table.constructors {
            tbody {
                @for name in &ty.constructors {
                    tr {
                        td { (site.item_link(&LinkTarget::Constructor(name.clone()))) }
                        td {
                            @if let Some(d) = site.constructors.get(name.as_str()).and_then(|c| c.page.description.as_ref()) {
                                (site.text(d))
                            }
                        }
                    }
                }
            }
        }
        h2 #returned-by { "Returned by" }
        @if ty.returned_by.is_empty() {
            p { "No function." }
        } @else {
            ul.names { @for name in &ty.returned_by { li { (site.item_link(&LinkTarget::Function(name.clone()))) } } }
        }
        h2 #used-by { "Used by" }
        @if ty.used_by.is_empty() {
            p { "No parameter." }
        } @else {
            ul.names { @for target in &ty.used_by { li { (site.item_link(target)) } } }
        }
    };
    layout(&ty.tl_name, "../", namespace_crumb(&ty.tl_name), body)
}
