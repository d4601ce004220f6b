//! `tl doc` on schemas nobody here wrote: the bundled Telegram layer with
//! and without its facts, TDLib's `td_api.tl` (its descriptions come from
//! its own `//@description` comments) and TON's three files. Each site has
//! a page for every function, constructor and type, and every link between
//! its pages leads to a page that exists. The browser test is `doc_site.rs`.

#[path = "support/real_schemas.rs"]
mod real_schemas;
#[path = "support/tl.rs"]
mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// A file of the real-schema cache, fetched if it is not there.
fn real_schema(relative: &str) -> PathBuf {
    real_schemas::cached(relative, "fetch.py")
}

/// Runs `tl doc` into a fresh `target/doc-tests/{name}` and returns it.
fn site(name: &str, args: &[&str]) -> PathBuf {
    let dir = root().join("target/doc-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let mut all = vec!["doc"];
    all.extend(args);
    all.extend(["-o", dir.to_str().unwrap()]);
    let output = support::tl_with_input(&all, "");
    assert!(
        output.status.success(),
        "tl {all:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("pages"),
        "it reports what it wrote: {stderr}"
    );
    dir
}

/// Every page of the site, by its path from the root.
fn pages(dir: &Path) -> BTreeSet<String> {
    let mut pages = BTreeSet::new();
    for sub in ["", "function", "constructor", "type", "namespace"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let name = path.strip_prefix(dir).unwrap().to_str().unwrap().to_owned();
                pages.insert(name);
            }
        }
    }
    pages
}

/// Each function, constructor and type of the reference has its page and
/// no other page is there, and every `href` of every page that stays on the
/// site leads to a page that exists.
fn check_site(dir: &Path, schemas: &[tl_parser::Schema]) {
    let pages = pages(dir);
    let reference = tl_codegen::reference::Reference::build(
        schemas,
        &tl_codegen::reference::ReferenceOptions {
            methods: &tl_codegen::MethodData::default(),
            descriptions: &tl_codegen::descriptions::Descriptions::default(),
            bindings_path: "tl_types",
            runtime_path: "tl_types",
        },
    )
    .unwrap();
    let mut expected: BTreeSet<String> = BTreeSet::from(["index.html".to_owned()]);
    expected.extend(
        reference
            .functions
            .iter()
            .map(|f| format!("function/{}.html", f.page.tl_name)),
    );
    expected.extend(
        reference
            .constructors
            .iter()
            .map(|c| format!("constructor/{}.html", c.page.tl_name)),
    );
    expected.extend(
        reference
            .types
            .iter()
            .map(|t| format!("type/{}.html", t.tl_name)),
    );
    let items: BTreeSet<String> = pages
        .iter()
        .filter(|p| !p.starts_with("namespace/"))
        .cloned()
        .collect();
    assert_eq!(
        items, expected,
        "one page per function, constructor and type"
    );
    assert!(reference.functions.len() + reference.constructors.len() > 20);
    for page in &pages {
        let html = std::fs::read_to_string(dir.join(page)).unwrap();
        let base = Path::new(page).parent().unwrap();
        for href in html.split("href=\"").skip(1) {
            let href = &href[..href.find('"').unwrap()];
            if href.starts_with("http") || href.starts_with('#') {
                continue;
            }
            let target = normalize(&base.join(href));
            assert!(
                target == "style.css" || pages.contains(&target),
                "{page} links to {href}, which is not a page"
            );
        }
    }
}

fn normalize(path: &Path) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.iter() {
        match part.to_str().unwrap() {
            ".." => {
                parts.pop();
            }
            "." => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

fn parse(path: &Path) -> tl_parser::Schema {
    tl_parser::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_bundled_layer_with_its_facts() {
    let dir = site(
        "bundled",
        &[
            "tl-types/schema/api.tl",
            "--methods",
            "tl-types/schema/methods.csv",
            "--errors",
            "tl-types/schema/errors.csv",
        ],
    );
    check_site(&dir, &[parse(&root().join("tl-types/schema/api.tl"))]);
    let send_code = std::fs::read_to_string(dir.join("function/auth.sendCode.html")).unwrap();
    assert!(send_code.contains("<p class=\"usability\">Users only.</p>"));
    assert!(send_code.contains("<code>API_ID_INVALID</code>"));
    assert!(send_code.contains("functions::auth::SendCode::new("));
    // No descriptions given: no description, and no invented text.
    assert!(!send_code.contains("class=\"description\""));
    // A function the method data do not list is unknown, not "no errors".
    let methods = std::fs::read_to_string(root().join("tl-types/schema/methods.csv")).unwrap();
    let listed: BTreeSet<&str> = methods
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let schema = parse(&root().join("tl-types/schema/api.tl"));
    let unlisted = schema
        .functions()
        .find(|f| !listed.contains(f.full_name().as_str()))
        .expect("a function the data do not list");
    let page = std::fs::read_to_string(dir.join(format!("function/{}.html", unlisted.full_name())))
        .unwrap();
    assert!(page.contains("<p class=\"usability\">Not recorded.</p>"));
    let index = std::fs::read_to_string(dir.join("search-index.js")).unwrap();
    assert!(index.contains("[\"auth.sendCode\",\"function\"]"));
}

#[test]
fn tdlib_pages_carry_its_own_descriptions() {
    let td_api = real_schema("td/td_api.tl");
    let dir = site("tdlib", &[td_api.to_str().unwrap()]);
    let schema = parse(&td_api);
    check_site(&dir, std::slice::from_ref(&schema));
    let function = schema
        .functions()
        .find(|f| f.full_name() == "sendMessage")
        .unwrap();
    let description = function.doc.as_ref().unwrap().description().unwrap();
    let page = std::fs::read_to_string(dir.join("function/sendMessage.html")).unwrap();
    let first_words: String = description
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        page.contains(&first_words),
        "the page shows the schema's description ({first_words:?})"
    );
}

#[test]
fn ton_schemas_get_a_site_too() {
    let files: Vec<PathBuf> = ["ton_api.tl", "lite_api.tl", "tonlib_api.tl"]
        .iter()
        .map(|f| real_schema(&format!("ton/{f}")))
        .collect();
    for file in &files {
        let name = file.file_stem().unwrap().to_str().unwrap();
        let dir = site(name, &[file.to_str().unwrap()]);
        check_site(&dir, &[parse(file)]);
    }
}

#[test]
fn a_malformed_descriptions_file_is_named_with_the_place() {
    let dir = root().join("target/doc-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad-descriptions.json");
    std::fs::write(
        &bad,
        "{\"l\": 1, \"e\": [{\"kind\": \"method\", \"name\": 5}]}",
    )
    .unwrap();
    for command in ["doc", "gen"] {
        let output = support::tl_with_input(
            &[
                command,
                "tl-types/schema/api.tl",
                "--descriptions",
                bad.to_str().unwrap(),
                "-o",
                dir.join("never").to_str().unwrap(),
            ],
            "",
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "tl {command} fails");
        assert!(
            stderr.starts_with("error: ")
                && stderr.contains("bad-descriptions.json")
                && stderr.contains("e[0]"),
            "tl {command}: {stderr}"
        );
    }
}
