//! Property tests: any text parses or fails cleanly (never panics), whatever
//! parses prints back to text that parses to the same model, and generated
//! models survive printing and parsing.

use proptest::prelude::*;
use tl_parser::{
    Category, Definition, Doc, DocTag, FlagRef, GenericParam, IdOrigin, Namespace, Parameter,
    Schema, Span, Type,
};
#[path = "support/comments.rs"]
mod comments;
#[path = "support/edits.rs"]
mod edits;

const API: &str = include_str!("../../tl-types/schema/api.tl");
const MTPROTO: &str = include_str!("../../tl-types/schema/mtproto.tl");

/// Parsing must not panic; what parses must survive print → parse and
/// format → parse (with every comment kept, and formatting idempotent), and
/// the checker and renderer must not panic on it either.
fn parse_is_total(text: &str) {
    match tl_parser::parse(text) {
        Ok(schema) => {
            let printed = schema.to_string();
            let again = tl_parser::parse(&printed)
                .unwrap_or_else(|e| panic!("printed text does not parse: {e}\n{printed}"));
            assert_eq!(again.without_spans(), schema.without_spans(), "{printed}");
            format_keeps_everything(text, &schema);
            let findings = tl_parser::check(&[&schema]);
            let _ = tl_parser::render(&findings, &[tl_parser::SourceText { name: "p.tl", text }]);
        }
        Err(error) => {
            assert!(error.span.start <= text.len());
            let rendered = tl_parser::render(
                &[error.to_diagnostic()],
                &[tl_parser::SourceText { name: "p.tl", text }],
            );
            assert!(rendered.starts_with("error: "), "{rendered}");
        }
    }
}

/// Formatting `text` gives text that parses to the same model, has the same
/// comments, and formats to itself.
fn format_keeps_everything(text: &str, schema: &Schema) {
    let formatted = tl_parser::format::format_schema(text, schema);
    let again = tl_parser::parse(&formatted)
        .unwrap_or_else(|e| panic!("formatted text does not parse: {e}\n{formatted}"));
    assert_eq!(again.without_spans(), schema.without_spans(), "{formatted}");
    assert_eq!(
        comments::comments(&formatted),
        comments::comments(text),
        "{formatted}"
    );
    assert_eq!(
        tl_parser::format::format_schema(&formatted, &again),
        formatted,
        "formatting twice changes the text"
    );
}

/// A random window of a real schema, of up to 40 lines.
fn real_window() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = API.lines().chain(MTPROTO.lines()).collect();
    let count = lines.len();
    (0..count, 1usize..40)
        .prop_map(move |(start, len)| lines[start..(start + len).min(count)].join("\n"))
}

/// Text made of TL's own tokens and punctuation, in any order.
fn tl_soup() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "foo",
        "Bar",
        "auth.",
        "#",
        "#1cb5c415",
        "{X:Type}",
        "!X",
        "X",
        ":",
        "flags",
        ".",
        "0",
        "31",
        "?",
        "true",
        "Vector",
        "<",
        ">",
        ",",
        "%",
        "=",
        ";",
        " ",
        "\n",
        "(",
        ")",
        "[",
        "]",
        "4*",
        "//",
        "/*",
        "*/",
        "//@description d ",
        "@a ",
        "//-",
        "---functions---",
        "---types---",
        "// LAYER 5\n",
        "é",
        "\r\n",
        "\t",
    ]);
    prop::collection::vec(tokens, 0..60).prop_map(|t| t.concat())
}

// Models generated directly, to check that printing then parsing is the identity.

fn ident_lower() -> impl Strategy<Value = String> {
    "[a-z][a-zA-Z0-9_]{0,8}".prop_filter("not a keyword of the printer", |s| s != "true")
}

fn ident_upper() -> impl Strategy<Value = String> {
    "[A-Z][a-zA-Z0-9_]{0,8}"
}

fn namespace() -> impl Strategy<Value = Namespace> {
    prop::collection::vec("[a-z][a-z0-9]{0,5}", 0..3).prop_map(Namespace::from)
}

fn simple_type() -> impl Strategy<Value = Type> {
    prop_oneof![
        prop::sample::select(vec!["int", "long", "string", "bytes", "double", "int128"])
            .prop_map(Type::named),
        (namespace(), ident_upper(), any::<bool>()).prop_map(|(namespace, name, bare)| Type {
            namespace,
            name: name.into(),
            bare,
            generic_ref: false,
            args: vec![],
        }),
    ]
}

fn field_type() -> impl Strategy<Value = Type> {
    simple_type().prop_recursive(3, 8, 1, |inner| {
        (inner, any::<bool>()).prop_map(|(arg, bare)| {
            let mut vector = Type::named(if bare { "vector" } else { "Vector" });
            vector.args.push(arg);
            vector
        })
    })
}

fn doc() -> impl Strategy<Value = Option<Doc>> {
    let name = ident_lower().prop_filter("`@class` starts a type doc", |n| n != "class");
    let tag = (name, "[a-zA-Z0-9,.]{1,6}( [a-zA-Z0-9,.]{1,6}){0,3}")
        .prop_map(|(name, text)| DocTag { name, text });
    prop::option::of(prop::collection::vec(tag, 1..3).prop_map(|tags| Doc { tags }))
}

fn definition() -> impl Strategy<Value = Definition> {
    let param = (
        ident_lower(),
        field_type(),
        prop::option::of((0u32..32, any::<bool>())),
    );
    (
        namespace(),
        ident_lower(),
        prop::option::of(any::<u32>()),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(param, 0..6),
        (namespace(), ident_upper()),
        doc(),
    )
        .prop_map(
            |(namespace, name, id, function, generic, raw_params, (rns, rname), doc)| {
                let mut params = vec![];
                if raw_params.iter().any(|(_, _, f)| f.is_some()) {
                    params.push(Parameter {
                        name: "flags".into(),
                        ty: Type::named("#"),
                        flag: None,
                        span: Span::default(),
                    });
                }
                for (i, (name, ty, flag)) in raw_params.into_iter().enumerate() {
                    let flag = flag.map(|(bit, _)| FlagRef {
                        field: "flags".into(),
                        bit,
                    });
                    let ty = match flag {
                        Some(_) if i % 3 == 0 => Type::named("true"),
                        _ => ty,
                    };
                    params.push(Parameter {
                        name: format!("{name}_{i}").into(),
                        ty,
                        flag,
                        span: Span::default(),
                    });
                }
                let mut generics = vec![];
                let mut result = Type {
                    namespace: rns,
                    name: rname.into(),
                    bare: false,
                    generic_ref: false,
                    args: vec![],
                };
                if generic {
                    generics.push(GenericParam {
                        name: "X".into(),
                        kind: Type::named("Type"),
                    });
                    params.push(Parameter {
                        name: "query".into(),
                        ty: Type {
                            generic_ref: true,
                            ..Type::named("X")
                        },
                        flag: None,
                        span: Span::default(),
                    });
                    result = Type::named("X");
                }
                Definition {
                    namespace,
                    name: name.into(),
                    id: id.unwrap_or(0),
                    id_origin: if id.is_some() {
                        IdOrigin::Explicit
                    } else {
                        IdOrigin::Computed
                    },
                    category: if function {
                        Category::Function
                    } else {
                        Category::Type
                    },
                    generics,
                    params,
                    result,
                    builtin: None,
                    doc,
                    span: Span::default(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_is_total(&text);
    }

    #[test]
    fn tl_token_soup_never_panics(text in tl_soup()) {
        parse_is_total(&text);
    }

    #[test]
    fn mutated_real_schema_never_panics(
        window in real_window(),
        edits in prop::collection::vec(edits::edit(7, "[ -~\n]{1,6}"), 1..6),
    ) {
        parse_is_total(&edits::apply(&window, &edits));
    }

    #[test]
    fn real_windows_parse_and_round_trip(window in real_window()) {
        let schema = tl_parser::parse(&window).unwrap();
        prop_assert_eq!(tl_parser::parse(&schema.to_string()).unwrap().without_spans(), schema.without_spans());
        format_keeps_everything(&window, &schema);
    }

    #[test]
    fn generated_models_round_trip(
        definitions in prop::collection::vec(definition(), 0..8),
        layer in prop::option::of(any::<u32>()),
    ) {
        let mut schema = Schema { definitions, layer, type_docs: vec![], id_rule: Default::default() };
        // The parser computes the ids the text leaves out by the rule the
        // text implies; so does the expected model.
        schema.id_rule = tl_parser::IdRule::detect(&schema);
        for definition in &mut schema.definitions {
            if definition.id_origin == tl_parser::IdOrigin::Computed {
                definition.id = definition.computed_id(schema.id_rule);
            }
        }
        let printed = schema.to_string();
        let parsed = tl_parser::parse(&printed)
            .unwrap_or_else(|e| panic!("{e}\n{printed}"));
        prop_assert_eq!(parsed.without_spans(), schema);
    }
}
