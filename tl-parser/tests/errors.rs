//! Malformed schema text: an error that names the line, the column and what
//! was expected, never a panic.

fn error(text: &str) -> tl_parser::ParseError {
    match tl_parser::parse(text) {
        Ok(schema) => panic!("parsed: {schema:?}"),
        Err(e) => e,
    }
}

fn at(text: &str) -> (u32, u32, String) {
    let e = error(text);
    (e.span.line, e.span.column, e.message)
}

#[test]
fn missing_semicolon() {
    let (line, column, message) = at("foo = Foo;\nbar = Bar\nbaz = Baz;");
    assert_eq!((line, column), (3, 1));
    assert!(message.contains("`;`"), "{message}");
}

#[test]
fn missing_colon_in_a_field() {
    let (line, column, message) = at("ok = Ok;\nuser#1 id long = User;");
    assert_eq!((line, column), (2, 8));
    assert!(
        message.starts_with("expected a parameter `name:type`"),
        "{message}"
    );
}

#[test]
fn bad_ids() {
    let (line, column, message) = at("foo#xyz = Foo;");
    assert_eq!((line, column), (1, 5));
    assert!(message.contains("hex digits"), "{message}");
    let (_, column, message) = at("foo#123456789 = Foo;");
    assert_eq!(column, 5);
    assert!(message.contains("at most 8"), "{message}");
}

#[test]
fn unclosed_things() {
    let (line, column, message) = at("foo = Foo;\n/* never closed\nbar = Bar;");
    assert_eq!((line, column), (2, 1));
    assert!(message.contains("`*/`"), "{message}");
    let (_, column, message) = at("foo a:Vector<int = Foo;");
    assert_eq!(column, 18, "at the `=` where `>` was expected");
    assert!(message.contains("`>`"), "{message}");
    let (_, _, message) = at("foo {X:Type = Foo;");
    assert!(message.contains("`}`"), "{message}");
    let (_, _, message) = at("foo a:(vector int = Foo;");
    assert!(message.contains("`)`"), "{message}");
}

#[test]
fn unknown_section() {
    let (line, column, message) = at("---methods---\nfoo = Foo;");
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("`---functions---`"), "{message}");
}

#[test]
fn missing_result() {
    let (_, column, message) = at("foo a:int = ;");
    assert_eq!(column, 13);
    assert!(message.contains("type name"), "{message}");
    let (_, _, message) = at("foo a:int");
    assert!(message.contains("end of input"), "{message}");
}

#[test]
fn flag_bit_that_does_not_fit_32_bits() {
    let (_, column, message) = at("foo flags:# a:flags.99999999999?int = Foo;");
    assert_eq!(column, 21);
    assert!(message.contains("32 bits"), "{message}");
}

#[test]
fn non_ascii_is_reported_at_its_character_column() {
    let (line, column, _) = at("// Bézier\nfoo = Foo;\nbar é = Bar;");
    assert_eq!((line, column), (3, 5));
    let (line, column, _) = at("foo a:int /* é */ é = Foo;");
    assert_eq!((line, column), (1, 19));
}

#[test]
fn deep_type_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let text = format!(
        "foo a:{}int{} = Foo;",
        "Vector<".repeat(depth),
        ">".repeat(depth)
    );
    let e = error(&text);
    assert!(e.message.contains("nested at most"), "{}", e.message);
    let text = format!("foo a:{}int{} = Foo;", "(".repeat(depth), ")".repeat(depth));
    assert!(error(&text).message.contains("nested at most"));
}

#[test]
fn nesting_just_inside_the_limit_parses() {
    let depth = tl_parser::MAX_TYPE_DEPTH;
    let text = format!(
        "foo a:{}int{} = Foo;",
        "Vector<".repeat(depth),
        ">".repeat(depth)
    );
    tl_parser::parse(&text).unwrap();
    let text = format!(
        "foo a:{}int{} = Foo;",
        "Vector<".repeat(depth + 1),
        ">".repeat(depth + 1)
    );
    error(&text);
}

#[test]
fn the_error_renders_with_its_source_line_and_a_caret() {
    let text = "ok = Ok;\nuser#1 id long = User;\n";
    let e = error(text);
    let rendered = tl_parser::render(
        &[e.to_diagnostic()],
        &[tl_parser::SourceText {
            name: "bad.tl",
            text,
        }],
    );
    assert!(
        rendered.starts_with("error: expected a parameter"),
        "{rendered}"
    );
    assert!(rendered.contains("bad.tl:2:8"), "{rendered}");
    assert!(rendered.contains("user#1 id long = User;"), "{rendered}");
    assert!(rendered.contains('^'), "{rendered}");
    assert_eq!(e.to_string(), format!("2:8: {}", e.message));
}
