//! The bundled real schemas: every definition parses, every explicit id is
//! the computed one, the checker's findings are exactly the known ones, and
//! printing gives back the same model.

use tl_parser::{Category, IdOrigin, Schema, Severity};

const API: &str = include_str!("../../tl-types/schema/api.tl");
const MTPROTO: &str = include_str!("../../tl-types/schema/mtproto.tl");

fn parse(text: &str) -> Schema {
    tl_parser::parse(text).unwrap_or_else(|e| panic!("parse failed: {e}"))
}

#[test]
fn api_layer_229_has_every_definition() {
    let schema = parse(API);
    assert_eq!(schema.layer, Some(229));
    assert_eq!(schema.definitions.len(), 2471);
    let types = schema
        .definitions
        .iter()
        .filter(|d| d.category == Category::Type)
        .count();
    assert_eq!(types, 1658, "constructors including the `vector` line");
    assert_eq!(schema.functions().count(), 813);
    let builtins: Vec<_> = schema
        .definitions
        .iter()
        .filter(|d| d.is_builtin())
        .map(|d| d.full_name())
        .collect();
    assert_eq!(builtins, ["vector"]);
    let definition_lines = API.lines().filter(|l| l.trim_end().ends_with(';')).count();
    assert_eq!(definition_lines, schema.definitions.len());
}

#[test]
fn every_explicit_id_in_api_equals_its_computed_id() {
    let schema = parse(API);
    let explicit: Vec<_> = schema
        .definitions
        .iter()
        .filter(|d| d.id_origin == IdOrigin::Explicit && !d.is_builtin())
        .collect();
    assert_eq!(explicit.len(), 2470);
    let mismatched: Vec<String> = explicit
        .iter()
        .filter(|d| d.computed_id(tl_parser::IdRule::Telegram) != d.id)
        .map(|d| {
            format!(
                "{} {:08x} != {:08x}",
                d.full_name(),
                d.id,
                d.computed_id(tl_parser::IdRule::Telegram)
            )
        })
        .collect();
    assert!(mismatched.is_empty(), "{mismatched:#?}");
}

#[test]
fn api_and_mtproto_check_with_only_the_known_warnings() {
    let api = parse(API);
    let mtproto = parse(MTPROTO);
    let findings = tl_parser::check(&[&api, &mtproto]);
    let errors: Vec<_> = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(findings.iter().all(|d| d.source == 1), "api.tl is clean");

    let mismatches: Vec<_> = findings
        .iter()
        .filter(|d| d.message.contains("differs from the computed id"))
        .map(|d| d.message.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(
        mismatches,
        ["ipPortSecret", "accessPointRule", "help.configSimple"]
    );
    let without_id: Vec<_> = findings
        .iter()
        .filter(|d| d.message.contains("has no explicit id"))
        .map(|d| d.message.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(without_id.len(), 12);
    assert!(without_id.iter().all(|n| n.starts_with("tls")));
    assert_eq!(findings.len(), 15);
}

#[test]
fn mtproto_builtins_are_marked_and_not_constructors() {
    let schema = parse(MTPROTO);
    let builtins: Vec<_> = schema
        .definitions
        .iter()
        .filter_map(|d| Some((d.full_name(), d.builtin.clone()?)))
        .collect();
    let expected = [
        ("int", "?"),
        ("long", "?"),
        ("double", "?"),
        ("string", "?"),
        ("vector", "# [ t ]"),
        ("int128", "4*[ int ]"),
        ("int256", "8*[ int ]"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_string()))
        .collect();
    assert_eq!(builtins, expected);
    assert!(schema.constructors().all(|d| !d.is_builtin()));
    let vector = schema.find(Category::Type, "vector").unwrap();
    assert_eq!(vector.computed_id(tl_parser::IdRule::Telegram), 0x1cb5c415);
}

#[test]
fn mtproto_sections_alternate() {
    let schema = parse(MTPROTO);
    let category = |name: &str| {
        schema
            .definitions
            .iter()
            .find(|d| d.full_name() == name)
            .unwrap()
            .category
    };
    assert_eq!(category("resPQ"), Category::Type);
    assert_eq!(category("req_pq_multi"), Category::Function);
    assert_eq!(category("msgs_ack"), Category::Type);
    assert_eq!(category("ping"), Category::Function);
    assert_eq!(schema.functions().count(), 10);
}

#[test]
fn printing_and_parsing_again_gives_the_same_model() {
    for text in [API, MTPROTO] {
        let schema = parse(text);
        let printed = schema.to_string();
        let again = parse(&printed);
        assert_eq!(again.without_spans(), schema.without_spans());
        assert_eq!(again.to_string(), printed, "printing is idempotent");
    }
}

#[test]
fn model_survives_json() {
    let schema = parse(MTPROTO);
    let json = serde_json::to_string(&schema).unwrap();
    let back: Schema = serde_json::from_str(&json).unwrap();
    assert_eq!(back, schema);
}
