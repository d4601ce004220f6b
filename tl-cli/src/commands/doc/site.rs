//! The site's files: where each page goes, and the shared assets.
//!
//! ```text
//! index.html                    the namespaces, with counts
//! namespace/{name}.html         one namespace's types, constructors and functions
//! function/{tl name}.html       a function's page
//! constructor/{tl name}.html    a constructor's page
//! type/{tl name}.html           a boxed type's page
//! search-index.js               every name, for the search box
//! search.js, style.css          the search script and the style sheet
//! ```

use super::pages::{self, Site};
use crate::failure::Failure;
use std::path::Path;
use tl_codegen::reference::Reference;

/// The style sheet.
const STYLE: &str = include_str!("assets/style.css");
/// The search box's script.
const SEARCH: &str = include_str!("assets/search.js");

/// What `write` wrote.
pub struct Written {
    /// HTML pages.
    pub pages: usize,
    /// Bytes of every file.
    pub bytes: u64,
}

/// Writes the site of `reference` into `dir`.
pub fn write(reference: &Reference, dir: &Path) -> Result<Written, Failure> {
    let site = Site::new(reference);
    let mut written = Written { pages: 0, bytes: 0 };
    let mut put = |path: String, text: String| -> Result<(), Failure> {
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        written.bytes += text.len() as u64;
        if path.ends_with(".html") {
            written.pages += 1;
        }
        std::fs::write(&target, text)
            .map_err(|e| Failure::Message(format!("cannot write {}: {e}", target.display())))
    };
    put("style.css".into(), STYLE.into())?;
    put("search.js".into(), SEARCH.into())?;
    put("search-index.js".into(), site.search_index())?;
    put("index.html".into(), pages::index(&site))?;
    for (name, namespace) in site.namespaces() {
        put(
            format!("namespace/{}.html", Site::namespace_file(name)),
            pages::namespace(&site, name, namespace),
        )?;
    }
    for function in &reference.functions {
        put(
            format!("function/{}.html", function.page.tl_name),
            pages::function(&site, function),
        )?;
    }
    for constructor in &reference.constructors {
        put(
            format!("constructor/{}.html", constructor.page.tl_name),
            pages::constructor(&site, constructor),
        )?;
    }
    for ty in &reference.types {
        put(
            format!("type/{}.html", ty.tl_name),
            pages::boxed_type(&site, ty),
        )?;
    }
    Ok(written)
}
