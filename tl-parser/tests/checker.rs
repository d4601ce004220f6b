//! The checker's findings, one test per kind, each with its severity and place.

use tl_parser::{Diagnostic, Severity};

fn findings(text: &str) -> Vec<Diagnostic> {
    let schema = tl_parser::parse(text).unwrap_or_else(|e| panic!("{e}"));
    tl_parser::check(&[&schema])
}

fn only(text: &str) -> Diagnostic {
    let mut all = findings(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

#[test]
fn a_clean_schema_has_no_findings() {
    let text = "boolTrue#997275b5 = Bool;\nvector#1cb5c415 {t:Type} # [ t ] = Vector t;\ninputPeerUser#dde8a54c user_id:long access_hash:long = InputPeer;\npong#347773c5 msg_id:long ping_id:long = Pong;\n---functions---\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;\nping#7abe77ec ping_id:long = Pong;";
    assert_eq!(findings(text), []);
}

#[test]
fn undefined_types() {
    let d = only("foo a:Bar = Foo;");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "undefined type `Bar`");
    assert_eq!((d.span.line, d.span.column), (1, 5));
    let d = only("foo a:Vector<baz> = Foo;");
    assert_eq!(d.message, "undefined type `baz`");
    let d = only("---functions---\nget = Nothing;");
    assert_eq!(d.message, "undefined type `Nothing`");
}

#[test]
fn bare_types_resolve_to_constructors() {
    assert_eq!(
        findings(
            "future_salt valid_since:int = FutureSalt;\nfuture_salts salts:vector<future_salt> = FutureSalts;\nc m:%FutureSalt = C;"
        ),
        []
    );
}

#[test]
fn duplicate_names_and_ids() {
    let all: Vec<_> = findings("foo#00000001 = Foo;\nfoo#00000002 = Foo;\nbar#00000001 = Bar;")
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].message, "`foo` is defined twice");
    assert_eq!(all[0].span.line, 2);
    assert_eq!(all[0].notes, ["first defined at line 1"]);
    assert_eq!(
        all[1].message,
        "`bar` has the id 00000001, which `foo` already has"
    );
    assert!(all.iter().all(|d| d.severity == Severity::Error));
}

#[test]
fn the_same_builtin_in_two_files_is_not_a_duplicate() {
    let a = tl_parser::parse("vector#1cb5c415 {t:Type} # [ t ] = Vector t;").unwrap();
    let b = tl_parser::parse("vector {t:Type} # [ t ] = Vector t;").unwrap();
    assert_eq!(tl_parser::check(&[&a, &b]), []);
    let c = tl_parser::parse("foo = Foo;").unwrap();
    let d = tl_parser::parse("foo = Foo;").unwrap();
    let all = tl_parser::check(&[&c, &d]);
    assert_eq!(
        all.len(),
        2,
        "a repeated real definition is a duplicate name and id"
    );
    assert_eq!(all[0].source, 1);
    assert_eq!(all[0].notes, ["first defined in source 1 at line 1"]);
}

#[test]
fn types_from_another_file_are_defined() {
    let a = tl_parser::parse("a x:B = A;").unwrap();
    let b = tl_parser::parse("b = B;").unwrap();
    assert_eq!(tl_parser::check(&[&a, &b]), []);
    assert_eq!(tl_parser::check(&[&a]).len(), 1);
}

#[test]
fn flag_references() {
    let d = only("foo a:flags.0?int flags:# = Foo;");
    assert_eq!(
        d.message,
        "field `a` depends on `flags`, which comes after it"
    );
    assert_eq!(d.severity, Severity::Error);
    let d = only("foo a:mask.0?int = Foo;");
    assert_eq!(
        d.message,
        "field `a` depends on `mask`, which is not a field of `foo`"
    );
    let d = only("foo flags:int a:flags.0?int = Foo;");
    assert_eq!(
        d.message,
        "field `a` depends on `flags`, which is not a `#` mask field"
    );
    assert_eq!(d.span.column, 15);
    assert_eq!(findings("foo mode:# a:mode.31?int = Foo;"), []);
}

#[test]
fn bit_out_of_range() {
    let d = only("foo flags:# a:flags.32?int = Foo;");
    assert_eq!(
        d.message,
        "bit 32 of `flags` is out of range: a mask has bits 0 to 31"
    );
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn true_outside_a_flag() {
    let d = only("foo a:true = Foo;");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.message, "field `a` has type `true` but no flag");
}

#[test]
fn bang_without_a_type_parameter() {
    let all = findings("---functions---\ninvoke query:!X = X;");
    let messages: Vec<_> = all.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["undefined type `X`", "`!X` refers to no type parameter"],
        "the result `X` is undefined too"
    );
    assert!(all.iter().all(|d| d.severity == Severity::Error));
    assert_eq!(all[1].notes, ["declare it with `{X:Type}`"]);
}

#[test]
fn repeated_field_names() {
    let d = only("foo a:int a:long = Foo;");
    assert_eq!(d.message, "field `a` appears twice in `foo`");
}

#[test]
fn explicit_id_that_differs_is_a_warning_with_the_normalised_text() {
    let d = only("ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "explicit id 37982646 of `ipPortSecret` differs from the computed id 402d9b47"
    );
    assert_eq!(
        d.notes[1],
        "the id is computed by Telegram's rule from `ipPortSecret ipv4:int port:int secret:string = IpPort`"
    );
}

#[test]
fn a_file_of_computed_ids_is_held_to_the_tl_compilers_rule() {
    // TON's `adnl.message.query` has the id b48bf97a on TON's wire: `bytes`
    // stays `bytes` in the hashed text.
    let text = "adnl.message.query query_id:int256 query:bytes = adnl.Message;
                ok = Ok;
                tonNode.zeroStateIdExt#1 workchain:int root_hash:int256 file_hash:int256 = tonNode.ZeroStateIdExt;";
    let schema = tl_parser::parse(text).unwrap();
    assert_eq!(schema.id_rule, tl_parser::IdRule::TlCompiler);
    assert_eq!(schema.definitions[0].id, 0xb48bf97a);
    // One written id among computed ones is no reason for a warning about the
    // others; the written one that differs is still reported, by this rule.
    let all = tl_parser::check(&[&schema]);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].notes[1].starts_with(
            "the id is computed by the TL compiler's rule from `tonNode.zeroStateIdExt workchain:int"
        ),
        "{}",
        all[0].notes[1]
    );
    // The rule can be chosen instead of detected.
    let telegram = tl_parser::parse_with_id_rule(text, tl_parser::IdRule::Telegram).unwrap();
    assert_eq!(telegram.definitions[0].id, 0x562c35d4);
}

#[test]
fn the_tl_compilers_rule_keeps_true_flags_and_drops_bangs() {
    let schema = tl_parser::parse(
        "a mode:# b:mode.0?true c:mode.1?bytes = A;
---functions---
wrap {X:Type} q:!X = X;",
    )
    .unwrap();
    let rule = tl_parser::IdRule::TlCompiler;
    assert_eq!(schema.id_rule, rule);
    let texts: Vec<String> = schema
        .definitions
        .iter()
        .map(|d| tl_parser::id::normalised_text(d, rule))
        .collect();
    assert_eq!(
        texts,
        [
            "a mode:# b:mode.0?true c:mode.1?bytes = A",
            "wrap X:Type q:X = X"
        ]
    );
    for d in &schema.definitions {
        assert_eq!(
            d.id,
            crc32fast::hash(tl_parser::id::normalised_text(d, rule).as_bytes())
        );
    }
}

#[test]
fn missing_id_where_the_file_writes_ids() {
    let d = only("ok#d4edbe69 = Ok;\ntlsBlockM = Ok;");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.notes,
        ["1 of the 2 definitions in this file write their id"]
    );
    assert!(
        d.message.starts_with("`tlsBlockM` has no explicit id"),
        "{}",
        d.message
    );
    assert_eq!(
        findings("ok = Ok;\nnone = Ok;"),
        [],
        "a file without ids computes them all"
    );
}

#[test]
fn rendered_like_rustc() {
    let text = "foo flags:# a:flags.32?int = Foo;\n";
    let all = findings(text);
    let rendered = tl_parser::render(&all, &[tl_parser::SourceText { name: "x.tl", text }]);
    let expected = "\
error: bit 32 of `flags` is out of range: a mask has bits 0 to 31
  ┌─ x.tl:1:13
  │
1 │ foo flags:# a:flags.32?int = Foo;
  │             ^^^^^^^^^^^^^^

";
    assert_eq!(rendered, expected);
}
