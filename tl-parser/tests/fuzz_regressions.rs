//! Inputs the fuzzer (`fuzz/`) found to break the print → parse round trip,
//! kept so they stay fixed.

fn round_trips(text: &str) {
    let schema = tl_parser::parse(text).unwrap_or_else(|e| panic!("{e}"));
    let printed = schema.to_string();
    let again = tl_parser::parse(&printed).unwrap_or_else(|e| panic!("{e}\n{printed}"));
    assert_eq!(
        again.without_spans(),
        schema.without_spans(),
        "printed as:\n{printed}"
    );
}

#[test]
fn an_empty_doc_block_documents_nothing() {
    round_trips("//@\nP=e;");
    round_trips("//@descr;ption\nt=e;");
    assert_eq!(
        tl_parser::parse("//@\nP=e;").unwrap().definitions[0].doc,
        None
    );
}

#[test]
fn class_is_a_tag_only_first_in_a_block() {
    round_trips("/**@class*/d=s;");
    round_trips("//@a @class b\nt=e;");
    let schema = tl_parser::parse("//@a x @class b\nt=e;").unwrap();
    assert!(schema.type_docs.is_empty());
    assert_eq!(
        schema.definitions[0].doc.as_ref().unwrap().get("a"),
        Some("x @class b")
    );
}

#[test]
fn type_docs_keep_their_order() {
    round_trips("//@class\n//@class TMeUrlType @y\nr u:n=TMeUrlType;");
    round_trips("//@class B\n//@class A\na=A;");
}

#[test]
fn percent_nat() {
    round_trips("a x:%# = T;");
    round_trips("d#Cs:%#d:e=e;");
}

#[test]
fn a_byte_order_mark_does_not_shift_spans() {
    let text = "\u{feff}//x\n!";
    let error = tl_parser::parse(text).unwrap_err();
    assert_eq!((error.span.line, error.span.start), (2, text.len() - 1));
    let schema = tl_parser::parse("\u{feff}foo = Foo;").unwrap();
    assert_eq!(schema.definitions[0].span.start, 3);
}

#[test]
fn a_type_doc_with_two_descriptions_keeps_both() {
    round_trips("//@class Foo (vector @description a @description b");
    round_trips("//@class s@description @description");
    let schema = tl_parser::parse("//@class Foo @description a @description b").unwrap();
    assert_eq!(schema.type_docs[0].doc.tags.len(), 2);
}

#[test]
fn a_tag_that_only_starts_with_class_is_an_ordinary_tag() {
    round_trips("//@class1 T @description a @description b\nt = T;");
    let schema = tl_parser::parse("//@class1 T @description a\nt = T;").unwrap();
    assert!(schema.type_docs.is_empty());
    assert_eq!(
        schema.definitions[0].doc.as_ref().unwrap().get("class1"),
        Some("T")
    );
}
