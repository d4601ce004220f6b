//! `tl_codegen::descriptions` over made-up files, and over mtcute's real
//! `api-schema.json` against the bundled schema.
//!
//! The real file is fetched into `target/mtcute/` of the workspace by
//! `tl-types/schema/fetch_mtcute.sh` (npm) when it is missing; it is never
//! committed, and neither is any of its text.

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use tl_codegen::descriptions::{Descriptions, Inline, LinkTarget, Text};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The real file, fetched when missing (once: the tests run in parallel).
fn mtcute_file() -> PathBuf {
    static FETCH: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _fetching = FETCH
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let file = workspace().join("target/mtcute/package/tl/api-schema.json");
    if !file.exists() {
        let script = workspace().join("tl-types/schema/fetch_mtcute.sh");
        let status = Command::new("sh").arg(&script).status();
        match status {
            Ok(status) if status.success() => {}
            Ok(status) => panic!("{} failed ({status}); it needs npm", script.display()),
            Err(error) => panic!("cannot run sh {}: {error}", script.display()),
        }
    }
    file
}

/// Links to internal targets resolve to a made-up URL where the schema has
/// them.
fn resolver(schema: &tl_parser::Schema) -> impl Fn(&LinkTarget) -> Option<String> + '_ {
    move |target| {
        let known = match target {
            LinkTarget::Constructor(name) => schema.constructors().any(|d| d.full_name() == *name),
            LinkTarget::Function(name) => schema.functions().any(|d| d.full_name() == *name),
            LinkTarget::Type(name) => schema.constructors().any(|d| d.result.full_name() == *name),
            LinkTarget::External(url) => return Some(url.clone()),
        };
        known.then(|| format!("crate::x::{}", target.tl_name().unwrap_or_default()))
    }
}

/// Whether `html` (as [`Text::to_html`] writes it) has balanced tags, and
/// no `<` or `>` outside them.
fn well_formed_html(html: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(['<', '>']) {
        if rest[start..].starts_with('>') {
            return Err(format!("a stray `>` in {html}"));
        }
        let end = rest[start..]
            .find('>')
            .ok_or_else(|| format!("an unclosed tag in {html}"))?
            + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return Err(format!("`</{name}>` closes nothing in {html}"));
            }
        } else {
            let name = tag.split(' ').next().unwrap_or_default();
            if !["br", "a", "code", "strong", "em", "del"].contains(&name) {
                return Err(format!("an unexpected tag `{tag}` in {html}"));
            }
            if name != "br" {
                open.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed {open:?} in {html}"))
    }
}

/// `markdown` without its code spans.
fn outside_code(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    loop {
        // An escaped backtick opens nothing.
        let Some(start) = find_unescaped(rest, '`') else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..start]);
        let fence_len = rest[start..].len() - rest[start..].trim_start_matches('`').len();
        let fence = &rest[start..start + fence_len];
        let after = &rest[start + fence_len..];
        match after.find(fence) {
            Some(end) => rest = &after[end + fence_len..],
            None => panic!("an unclosed code span in {markdown}"),
        }
    }
}

fn find_unescaped(text: &str, wanted: char) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == wanted {
            return Some(at);
        }
    }
    None
}

/// Whether `markdown` has a `<` that is not escaped, outside code spans
/// (and, in a cell, other than `<br>`).
fn has_raw_angle(markdown: &str, cell: bool) -> bool {
    let text = outside_code(markdown);
    let text = if cell { text.replace("<br>", "") } else { text };
    find_unescaped(&text, '<').is_some()
}

#[test]
fn the_real_file_describes_most_of_the_bundled_schema() {
    let file = mtcute_file();
    let descriptions = Descriptions::from_mtcute_file(&file).unwrap();
    let api = std::fs::read_to_string(workspace().join("tl-types/schema/api.tl")).unwrap();
    let schema = tl_parser::parse(&api).unwrap();
    let schemas = std::slice::from_ref(&schema);

    let (mut constructors, mut described_constructors) = (0, 0);
    let (mut functions, mut described_functions) = (0, 0);
    let (mut params, mut described_params) = (0, 0);
    for definition in &schema.definitions {
        let name = definition.full_name();
        let text = match definition.category {
            tl_parser::Category::Type => {
                constructors += 1;
                descriptions.constructor(&name)
            }
            tl_parser::Category::Function => {
                functions += 1;
                descriptions.function(&name)
            }
        };
        let has_description = text.is_some_and(|t| t.description.is_some());
        match definition.category {
            tl_parser::Category::Type => described_constructors += usize::from(has_description),
            tl_parser::Category::Function => described_functions += usize::from(has_description),
        }
        for param in definition.params.iter().filter(|p| !p.is_mask()) {
            params += 1;
            described_params += usize::from(text.is_some_and(|t| t.param(&param.name).is_some()));
        }
    }
    let mut types: Vec<String> = schema
        .constructors()
        .map(|d| d.result.full_name())
        .collect();
    types.sort();
    types.dedup();
    let described_types = types
        .iter()
        .filter(|t| descriptions.boxed_type(t).is_some())
        .count();
    let errors = descriptions.errors().count();
    // The errors the bundled method data knows, with a description.
    let read = |name: &str| std::fs::read_to_string(workspace().join("tl-types/schema").join(name));
    let method_data = tl_codegen::MethodData::from_csv(
        &read("methods.csv").unwrap(),
        &read("errors.csv").unwrap(),
    )
    .unwrap();
    let known_errors = method_data.errors().count();
    let described_known_errors = method_data
        .errors()
        .filter(|(name, _)| descriptions.error(name).is_some())
        .count();

    let unmatched = descriptions.unmatched(schemas);
    let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    println!(
        "layer {:?}; described: constructors {described_constructors}/{constructors} ({:.1}%), \
         functions {described_functions}/{functions} ({:.1}%), params {described_params}/{params} \
         ({:.1}%), types {described_types}/{} ({:.1}%), errors {errors} \
         ({described_known_errors} of the {known_errors} in errors.csv)",
        descriptions.layer(),
        share(described_constructors, constructors),
        share(described_functions, functions),
        share(described_params, params),
        types.len(),
        share(described_types, types.len()),
    );
    println!(
        "unmatched: {} constructors {:?}, {} functions {:?}, {} types {:?}, {} params {:?}, \
         {} link targets {:?}",
        unmatched.constructors.len(),
        unmatched.constructors,
        unmatched.functions.len(),
        unmatched.functions,
        unmatched.types.len(),
        unmatched.types,
        unmatched.params.len(),
        unmatched.params,
        unmatched.links.len(),
        unmatched.links,
    );

    assert!(share(described_constructors, constructors) > 90.0);
    assert!(share(described_functions, functions) > 90.0);
    assert!(share(described_params, params) > 85.0);
    assert!(share(described_types, types.len()) > 80.0);
    assert!(errors > 500, "{errors} errors described");
    assert!(share(described_known_errors, known_errors) > 70.0);
    // The file and the bundled schema are of nearby layers: few entries
    // name what the schema lacks.
    assert!(
        unmatched.constructors.len() + unmatched.functions.len() < 60,
        "{unmatched:?}"
    );
    assert!(unmatched.types.len() < 30, "{unmatched:?}");
    assert!(unmatched.params.len() < 60, "{unmatched:?}");
    assert!(unmatched.links.len() < 30, "{unmatched:?}");

    // Every internal link either resolves or is counted in `unmatched`.
    let resolve = resolver(&schema);
    let mut links = 0;
    for text in descriptions.texts() {
        for target in text.links() {
            if let LinkTarget::External(url) = target {
                assert!(
                    ["http://", "https://", "mailto:", "tg:"]
                        .iter()
                        .any(|scheme| url.starts_with(scheme)),
                    "{url}"
                );
                continue;
            }
            links += 1;
            assert!(
                resolve(target).is_some() || unmatched.links.contains(target),
                "{target:?}"
            );
        }
        let html = text.to_html(&resolve);
        well_formed_html(&html).unwrap();
        for cell in [false, true] {
            let markdown = text.to_markdown(&resolve, cell);
            assert!(!has_raw_angle(&markdown, cell), "{markdown}");
            if cell {
                assert!(!markdown.contains('\n'), "{markdown}");
            }
        }
    }
    println!("{links} internal links");
    assert!(links > 400);
}

#[test]
fn a_made_up_file_reads_with_links_resolved() {
    let json = r##"{"l": 7, "e": [
        {"kind": "class", "name": "fruit.apple", "type": "fruit.Fruit", "id": 1,
         "comment": "A <strong>red</strong> apple, see {@link fruit.RawPear} and <a href=\"https://core.telegram.org/method/fruit.pick\">picking</a>.",
         "arguments": [{"name": "seeds", "type": "int", "comment": "How many <code>seeds</code>"},
                       {"name": "flags", "type": "#"}]},
        {"kind": "method", "name": "fruit.pick", "type": "fruit.Fruit", "id": 2, "comment": "",
         "arguments": [{"name": "tree", "type": "string", "comment": "Which tree, e.g. <code>tree_&lt;n&gt;</code>"}],
         "throws": [{"code": 420, "name": "TREE_WAIT_%d", "comment": "Wait <em>X</em> seconds"},
                    {"code": 400, "name": "NO_FRUIT", "comment": ""}]},
        {"kind": "method", "name": "fruit.eat", "type": "Bool", "id": 3,
         "throws": [{"code": 420, "name": "TREE_WAIT_%d", "comment": "A later text"},
                    {"code": 400, "name": "NO_FRUIT", "comment": "Nothing to eat, see {@link fruit.RawPickRequest}"}]}
    ], "u": {"fruit.Fruit": "Any <a href=\"#kinds\">fruit</a>", "Ghost": "Nothing defines it"}}"##;
    let descriptions = Descriptions::from_mtcute_json("fruit.json", json).unwrap();
    assert_eq!(descriptions.layer(), Some(7));
    let apple = descriptions.constructor("fruit.apple").unwrap();
    let description = apple.description.as_ref().unwrap();
    assert_eq!(
        description.plain(),
        "A red apple, see fruit.pear and picking."
    );
    assert_eq!(
        description.links(),
        [
            &LinkTarget::Constructor("fruit.pear".into()),
            &LinkTarget::Function("fruit.pick".into())
        ]
    );
    assert_eq!(apple.param("seeds").unwrap().plain(), "How many seeds");
    assert!(apple.param("flags").is_none());
    // An empty comment is no description.
    assert!(
        descriptions
            .function("fruit.pick")
            .unwrap()
            .description
            .is_none()
    );
    assert!(descriptions.function("fruit.eat").is_none());
    assert_eq!(
        descriptions
            .function("fruit.pick")
            .unwrap()
            .param("tree")
            .unwrap()
            .inlines(),
        [
            Inline::Text("Which tree, e.g. ".into()),
            Inline::Code("tree_<n>".into())
        ]
    );
    assert_eq!(
        descriptions.error("TREE_WAIT_X").unwrap().plain(),
        "Wait X seconds"
    );
    assert_eq!(
        descriptions.error("NO_FRUIT").unwrap().plain(),
        "Nothing to eat, see fruit.pick"
    );
    let fruit = descriptions.boxed_type("fruit.Fruit").unwrap();
    assert_eq!(
        fruit.links(),
        [&LinkTarget::External(
            "https://core.telegram.org/type/fruit.Fruit#kinds".into()
        )]
    );

    // Against a schema that has the pear and the type, but not `pick`.
    let schema = tl_parser::parse(
        "fruit.apple#1 flags:# seeds:int = fruit.Fruit;\n\
         fruit.pear#2 = fruit.Fruit;\n\
         ---functions---\n\
         fruit.eat#3 = Bool;",
    )
    .unwrap();
    let resolve = resolver(&schema);
    assert_eq!(
        description.to_markdown(&resolve, false),
        "A **red** apple, see [`fruit.pear`](crate::x::fruit.pear) and picking."
    );
    assert_eq!(
        description.to_html(&resolve),
        "A <strong>red</strong> apple, see <a href=\"crate::x::fruit.pear\"><code>fruit.pear</code></a> and picking."
    );
    let unmatched = descriptions.unmatched(std::slice::from_ref(&schema));
    assert_eq!(unmatched.functions, ["fruit.pick"]);
    assert_eq!(unmatched.types, ["Ghost"]);
    assert_eq!(unmatched.links, [LinkTarget::Function("fruit.pick".into())]);
    assert!(unmatched.params.is_empty());
    assert_eq!(unmatched.total(), 3);
}

#[test]
fn malformed_files_are_errors_naming_the_file_and_place() {
    let error = |json: &str| {
        Descriptions::from_mtcute_json("api-schema.json", json)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error("{\"e\": [\n  {\"kind\": \"class\",}\n]}"),
        "api-schema.json: 2:20: not JSON: trailing comma"
    );
    assert_eq!(
        error("[]"),
        "api-schema.json: the top level: expected an object, found an array"
    );
    assert_eq!(
        error("{}"),
        "api-schema.json: the top level: no `e` (the entries)"
    );
    assert_eq!(
        error(r#"{"l": "x", "e": []}"#),
        "api-schema.json: l: the layer is not a whole number"
    );
    assert_eq!(
        error(r#"{"e": [{"kind": "class", "name": "a"}, {"kind": "type", "name": "b"}]}"#),
        "api-schema.json: e[1].kind: `type` is neither `class` nor `method`"
    );
    assert_eq!(
        error(r#"{"e": [{"kind": "class"}]}"#),
        "api-schema.json: e[0]: no `name`"
    );
    assert_eq!(
        error(
            r#"{"e": [{"kind": "method", "name": "a", "arguments": [{"name": "x"}, {"name": "y", "comment": 5}]}]}"#
        ),
        "api-schema.json: e[0].arguments[1].comment: expected a string, found a number"
    );
    assert_eq!(
        error(r#"{"e": [{"kind": "method", "name": "a", "throws": {}}]}"#),
        "api-schema.json: e[0].throws: expected an array, found an object"
    );
    assert_eq!(
        error(r#"{"e": [], "u": {"A": null}}"#),
        "api-schema.json: u.A: expected a string, found null"
    );
    let missing = Descriptions::from_mtcute_file(Path::new("/nonexistent/api-schema.json"))
        .unwrap_err()
        .to_string();
    assert!(
        missing.starts_with("cannot read /nonexistent/api-schema.json"),
        "{missing}"
    );
}

#[test]
fn schema_docs_yield_descriptions() {
    let schema = tl_parser::parse(
        "//@class Shape @description A shape to draw, see https://example.org/shapes.\n\
         \n\
         //@description A circle @radius Its radius, in points\n\
         //-more than zero\n\
         shapeCircle radius:double = Shape;\n\
         \n\
         /** A square\n\
          * @param side The length of a side */\n\
         shapeSquare side:double = Shape;\n\
         \n\
         ---functions---\n\
         \n\
         //@description Draws a shape @shape What to draw @ghost Not a parameter\n\
         //@param_description Why it is drawn\n\
         draw shape:Shape description:string = Ok;\n",
    )
    .unwrap();
    let schemas = std::slice::from_ref(&schema);
    let descriptions = Descriptions::from_schema_docs(schemas);
    let circle = descriptions.constructor("shapeCircle").unwrap();
    assert_eq!(circle.description.as_ref().unwrap().plain(), "A circle");
    assert_eq!(
        circle.param("radius").unwrap().plain(),
        "Its radius, in points more than zero"
    );
    let square = descriptions.constructor("shapeSquare").unwrap();
    assert_eq!(square.description.as_ref().unwrap().plain(), "A square");
    assert_eq!(
        square.param("side").unwrap().plain(),
        "The length of a side"
    );
    let draw = descriptions.function("draw").unwrap();
    assert_eq!(draw.description.as_ref().unwrap().plain(), "Draws a shape");
    assert_eq!(draw.param("shape").unwrap().plain(), "What to draw");
    assert_eq!(
        draw.param("description").unwrap().plain(),
        "Why it is drawn"
    );
    let shape = descriptions.boxed_type("Shape").unwrap();
    assert_eq!(
        shape.to_markdown(&|_| None, false),
        "A shape to draw, see [https://example.org/shapes](https://example.org/shapes)."
    );
    let unmatched = descriptions.unmatched(schemas);
    assert_eq!(unmatched.params, ["draw.ghost"]);
    assert_eq!(unmatched.total(), 1);

    // mtcute's entries win; the schema's docs fill the gaps.
    let mtcute = Descriptions::from_mtcute_json(
        "made-up.json",
        r#"{"e": [{"kind": "class", "name": "shapeCircle", "comment": "A round shape",
                   "arguments": [{"name": "radius"}]}]}"#,
    )
    .unwrap();
    let both = mtcute.or(descriptions);
    let circle = both.constructor("shapeCircle").unwrap();
    assert_eq!(
        circle.description.as_ref().unwrap().plain(),
        "A round shape"
    );
    assert_eq!(
        circle.param("radius").unwrap().plain(),
        "Its radius, in points more than zero"
    );
    assert!(both.boxed_type("Shape").is_some());
    assert!(Text::from_plain("  ").is_none());
}

/// Whether `items` are in the normal form [`Text`] promises.
fn check_normal_form(items: &[Inline], top: bool) -> Result<(), String> {
    if items.is_empty() {
        return Err("an empty run".into());
    }
    let is_break = |item: &Inline| matches!(item, Inline::LineBreak | Inline::ParagraphBreak);
    if is_break(&items[0]) || is_break(&items[items.len() - 1]) {
        return Err(format!("a break at an edge: {items:?}"));
    }
    for (i, item) in items.iter().enumerate() {
        match item {
            Inline::Text(text) => {
                if text.is_empty() || text.contains("  ") || text.contains(['\n', '\t', '\r']) {
                    return Err(format!("text not normal: {text:?}"));
                }
                if (i == 0 && text.starts_with(' '))
                    || (i == items.len() - 1 && text.ends_with(' '))
                {
                    return Err(format!("a space at an edge: {items:?}"));
                }
                if i > 0 && matches!(items[i - 1], Inline::Text(_)) {
                    return Err(format!("two texts in a row: {items:?}"));
                }
                if (i > 0 && is_break(&items[i - 1]) && text.starts_with(' '))
                    || (items.get(i + 1).is_some_and(is_break) && text.ends_with(' '))
                {
                    return Err(format!("a space next to a break: {items:?}"));
                }
            }
            Inline::Code(code) => {
                if i > 0 && matches!(items[i - 1], Inline::Code(_)) {
                    return Err(format!("two code pieces in a row: {items:?}"));
                }
                if code
                    .trim_matches([' ', '\t', '\n', '\u{c}', '\r'])
                    .is_empty()
                {
                    return Err(format!("empty code: {items:?}"));
                }
            }
            Inline::LineBreak | Inline::ParagraphBreak => {
                if i > 0 && is_break(&items[i - 1]) {
                    return Err(format!("two breaks in a row: {items:?}"));
                }
                if !top && *item == Inline::ParagraphBreak {
                    return Err(format!("a nested paragraph break: {items:?}"));
                }
            }
            Inline::Strong(inner)
            | Inline::Emphasis(inner)
            | Inline::Strikethrough(inner)
            | Inline::Link { content: inner, .. } => check_normal_form(inner, false)?,
            other => return Err(format!("an unknown inline {other:?}")),
        }
    }
    Ok(())
}

/// Every rendering of `text` is sound.
fn check_text(text: &Text) -> Result<(), String> {
    check_normal_form(text.inlines(), true)?;
    let resolve = |target: &LinkTarget| match target {
        LinkTarget::Function(_) => None,
        other => Some(format!("crate::{}", other.tl_name().unwrap_or("x"))),
    };
    well_formed_html(&text.to_html(&resolve))?;
    for cell in [false, true] {
        let markdown = text.to_markdown(&resolve, cell);
        if has_raw_angle(&markdown, cell) || (cell && markdown.contains('\n')) {
            return Err(format!("unsafe Markdown: {markdown}"));
        }
    }
    check_markdown_reads_back(text, &resolve)
}

/// A piece of made-up description HTML and the text it must keep (its
/// words and literal tags, without whitespace).
fn html_piece() -> impl Strategy<Value = (String, String)> {
    let word = "[a-zA-Z0-9.,;:!?()\\[\\]*_`#|~+=\\\\-]{1,8}".prop_map(|w| (w.clone(), w));
    let unknown_tag = "</?(pet|x_y|pre_name)>".prop_map(|t| (t.clone(), t));
    let space = prop_oneof![Just(" "), Just("\n"), Just("\n\n"), Just("<br>")]
        .prop_map(|s| (s.to_owned(), String::new()));
    let entity = Just(("&lt;&amp;&gt;".to_owned(), "<&>".to_owned()));
    let leaf = prop_oneof![4 => word, 1 => unknown_tag, 2 => space, 1 => entity];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let tag = prop_oneof![
            Just("strong"),
            Just("em"),
            Just("u"),
            Just("del"),
            Just("b"),
            Just("code"),
            Just("a")
        ];
        (tag, prop::collection::vec(inner, 0..6)).prop_map(|(tag, children)| {
            let kept: String = children.iter().map(|(_, k)| k.as_str()).collect();
            let source: String = children.iter().map(|(s, _)| s.as_str()).collect();
            match tag {
                // In code, the tags are text and `<br>` too.
                "code" => {
                    let source = source.replace("</code>", "");
                    let kept: String = source
                        .replace("&lt;", "<")
                        .replace("&amp;", "&")
                        .replace("&gt;", ">");
                    (format!("<code>{source}</code>"), kept)
                }
                "a" => {
                    let url = format!("https://example.org/{}", kept.len());
                    // A link with no text shows its URL.
                    let kept = if kept.trim().is_empty() {
                        url.clone()
                    } else {
                        kept
                    };
                    (format!("<a href=\"{url}\">{source}</a>"), kept)
                }
                _ => (format!("<{tag}>{source}</{tag}>"), kept),
            }
        })
    })
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_html_converts_without_panic_into_sound_text(html in "\\PC{0,200}") {
        if let Some(text) = Text::from_html(&html, Some("https://example.org/p")) {
            check_text(&text).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn tag_soup_converts_without_panic_into_sound_text(
        pieces in prop::collection::vec(
            prop_oneof![
                Just("<"), Just(">"), Just("</"), Just("<a href=\"#x\">"), Just("</a>"),
                Just("<code>"), Just("</code>"), Just("<em>"), Just("</em>"), Just("<br>"),
                Just("<img alt=\"q\">"), Just("{@link RawA}"), Just("{@link "), Just("}"),
                Just("&amp;"), Just("&"), Just(" "), Just("\n\n"), Just("https://e.org/"),
                Just("<!--"), Just("-->"), Just("\""), Just("x"), Just("`"), Just("|"),
            ],
            0..40,
        )
    ) {
        let html: String = pieces.concat();
        if let Some(text) = Text::from_html(&html, Some("https://example.org/p")) {
            check_text(&text).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn made_up_html_keeps_every_word(
        (html, kept) in html_piece(),
        dangling in prop_oneof![Just(""), Just(" <pet"), Just("</x y=\"z"), Just("<!-- c")],
    ) {
        // A tag the text ends in is text too.
        let (html, kept) = (html + dangling, kept + dangling);
        let text = Text::from_html(&html, None);
        let plain = text.as_ref().map(Text::plain).unwrap_or_default();
        prop_assert_eq!(without_whitespace(&plain), without_whitespace(&kept), "{}", html);
        if let Some(text) = &text {
            check_text(text).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn plain_text_keeps_every_word(source in "\\PC{0,120}") {
        let text = Text::from_plain(&source);
        let plain = text.as_ref().map(Text::plain).unwrap_or_default();
        prop_assert_eq!(without_whitespace(&plain), without_whitespace(&source));
        if let Some(text) = &text {
            check_text(text).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn any_json_reads_without_panic(json in "\\PC{0,200}") {
        let _ = Descriptions::from_mtcute_json("fuzz.json", &json);
    }

    #[test]
    fn json_of_any_shape_reads_without_panic(
        entries in prop::collection::vec(
            (
                prop_oneof![Just("\"class\""), Just("\"method\""), Just("1"), Just("null")],
                prop_oneof![Just("\"a.b\""), Just("\"\""), Just("[]")],
                prop_oneof![Just(String::new()), "\\PC{0,40}".prop_map(|c| format!(", \"comment\": {}", serde_json::Value::String(c)))],
                prop_oneof![
                    Just(String::new()),
                    Just(", \"arguments\": [{\"name\": \"x\", \"comment\": \"<b>y\"}]".to_owned()),
                    Just(", \"arguments\": [{\"comment\": \"y\"}]".to_owned()),
                    Just(", \"throws\": [{\"name\": \"E_%d\", \"comment\": \"z\"}, 3]".to_owned()),
                    Just(", \"arguments\": {}".to_owned()),
                ],
            ),
            0..6,
        )
    ) {
        let entries: Vec<String> = entries
            .iter()
            .map(|(kind, name, comment, more)| format!("{{\"kind\": {kind}, \"name\": {name}{comment}{more}}}"))
            .collect();
        let json = format!("{{\"l\": 1, \"e\": [{}], \"u\": {{\"T\": \"<i>t\"}}}}", entries.join(", "));
        match Descriptions::from_mtcute_json("fuzz.json", &json) {
            Ok(descriptions) => {
                for text in descriptions.texts() {
                    check_text(text).map_err(TestCaseError::fail)?;
                }
            }
            Err(error) => prop_assert!(error.to_string().starts_with("fuzz.json: ")),
        }
    }
}

/// What rustdoc's Markdown parser reads in `markdown`: the text it shows
/// (code included, breaks as spaces) and how many strong, emphasis and
/// struck-out spans and links it opens; an error for HTML or any block but
/// paragraphs (and a table with one cell, with `cell`).
fn read_markdown(markdown: &str, cell: bool) -> Result<(String, [usize; 4]), String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let source = if cell {
        format!("| h |\n| - |\n| {markdown} |\n")
    } else {
        markdown.to_owned()
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut text = String::new();
    let mut counts = [0; 4];
    let mut cells = 0;
    for event in Parser::new_ext(&source, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            Event::Start(Tag::Strong) => counts[0] += 1,
            Event::Start(Tag::Emphasis) => counts[1] += 1,
            Event::Start(Tag::Strikethrough) => counts[2] += 1,
            Event::Start(Tag::Link { .. }) => counts[3] += 1,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::InlineHtml(html) if cell && &*html == "<br>" => text.push(' '),
            Event::Start(Tag::Paragraph | Tag::Table(_) | Tag::TableHead | Tag::TableRow)
            | Event::End(_) => {}
            other => return Err(format!("{other:?} in {markdown}")),
        }
    }
    if cell {
        if cells != 2 {
            return Err(format!("{cells} cells in {markdown}"));
        }
        // The header cell.
        text = text.strip_prefix('h').unwrap_or(&text).to_owned();
    }
    Ok((text, counts))
}

/// What [`read_markdown`] should find in `text`: its plain text (breaks as
/// spaces) and its markup, links rendered where `resolve` has them.
fn expected_markdown(
    text: &Text,
    resolve: &dyn Fn(&LinkTarget) -> Option<String>,
) -> (String, [usize; 4]) {
    fn walk(
        items: &[Inline],
        resolve: &dyn Fn(&LinkTarget) -> Option<String>,
        in_link: bool,
        counts: &mut [usize; 4],
    ) {
        for item in items {
            match item {
                Inline::Strong(inner) => {
                    counts[0] += 1;
                    walk(inner, resolve, in_link, counts);
                }
                Inline::Emphasis(inner) => {
                    counts[1] += 1;
                    walk(inner, resolve, in_link, counts);
                }
                Inline::Strikethrough(inner) => {
                    counts[2] += 1;
                    walk(inner, resolve, in_link, counts);
                }
                Inline::Link { target, content } => {
                    let linked = !in_link
                        && (matches!(target, LinkTarget::External(_)) || resolve(target).is_some());
                    counts[3] += usize::from(linked);
                    walk(content, resolve, in_link || linked, counts);
                }
                _ => {}
            }
        }
    }
    let mut counts = [0; 4];
    walk(text.inlines(), resolve, false, &mut counts);
    let plain = text.plain();
    (
        plain.split_whitespace().collect::<Vec<_>>().join(" "),
        counts,
    )
}

/// Whether rustdoc reads `text`'s Markdown as the text itself, with its
/// markup and nothing else.
fn check_markdown_reads_back(
    text: &Text,
    resolve: &dyn Fn(&LinkTarget) -> Option<String>,
) -> Result<(), String> {
    let (expected, expected_counts) = expected_markdown(text, resolve);
    for cell in [false, true] {
        let markdown = text.to_markdown(resolve, cell);
        let (read, counts) = read_markdown(&markdown, cell)?;
        let read = read.split_whitespace().collect::<Vec<_>>().join(" ");
        // Formatting that Markdown cannot hold where it stands is dropped;
        // none is ever added, and links are all kept.
        let fewer = counts.iter().zip(expected_counts).all(|(&n, e)| n <= e)
            && counts[3] == expected_counts[3];
        if read != expected || !fewer {
            return Err(format!(
                "{markdown:?} reads as {read:?} {counts:?}, not {expected:?} {expected_counts:?}"
            ));
        }
    }
    Ok(())
}

#[test]
fn the_real_files_markdown_reads_back_as_its_text() {
    let descriptions = Descriptions::from_mtcute_file(&mtcute_file()).unwrap();
    let api = std::fs::read_to_string(workspace().join("tl-types/schema/api.tl")).unwrap();
    let schema = tl_parser::parse(&api).unwrap();
    let resolve = resolver(&schema);
    let failures: Vec<String> = descriptions
        .texts()
        .filter_map(|text| check_markdown_reads_back(text, &resolve).err())
        .collect();
    // How much formatting Markdown could not hold where it stands.
    let (mut spans, mut kept) = (0, 0);
    for text in descriptions.texts() {
        let (_, expected) = expected_markdown(text, &resolve);
        if let Ok((_, read)) = read_markdown(&text.to_markdown(&resolve, false), false) {
            spans += expected[..3].iter().sum::<usize>();
            kept += read[..3].iter().sum::<usize>();
        }
    }
    println!("formatting spans written as Markdown: {kept} of {spans}");
    for failure in failures.iter().take(20) {
        println!("{failure}");
    }
    assert!(
        failures.is_empty(),
        "{} texts read back wrong",
        failures.len()
    );
}
