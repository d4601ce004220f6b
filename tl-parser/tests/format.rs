//! The formatter behind `tl fmt`: what canonical layout is, and that it
//! loses nothing on the bundled files and the excerpts of real schemas
//! (`tests/real-schemas` holds it to the same on the whole real files).

#[path = "support/comments.rs"]
mod comments;

use std::path::Path;

fn format(text: &str) -> String {
    let schema = tl_parser::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    tl_parser::format::format_schema(text, &schema)
}

/// Formatting `text` keeps its model and its comments, and is idempotent.
fn assert_lossless(name: &str, text: &str) -> String {
    let schema = tl_parser::parse(text).unwrap();
    let formatted = tl_parser::format::format_schema(text, &schema);
    let again = tl_parser::parse(&formatted).unwrap();
    assert_eq!(
        again.without_spans(),
        schema.without_spans(),
        "{name}: the model changed"
    );
    assert_eq!(
        comments::comments(&formatted),
        comments::comments(text),
        "{name}: the comments changed"
    );
    assert_eq!(format(&formatted), formatted, "{name}: not idempotent");
    formatted
}

#[test]
fn the_bundled_files_are_canonical_as_telegram_ships_them() {
    for name in ["api.tl", "mtproto.tl"] {
        let text = std::fs::read_to_string(Path::new("../tl-types/schema").join(name)).unwrap();
        assert!(format(&text) == text, "{name} is not canonical");
    }
}

#[test]
fn every_fixture_keeps_its_model_and_comments() {
    let mut files = 0;
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "tl") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_lossless(&path.display().to_string(), &text);
            files += 1;
        }
    }
    assert!(files >= 10, "{files} fixtures");
}

#[test]
fn spacing_inside_a_definition_is_one_space_and_definitions_one_per_line() {
    assert_eq!(
        format("user#1a2b   id:long\n   name:string=User;  other = Other;"),
        "user#1a2b id:long name:string = User;\nother = Other;\n"
    );
    assert_eq!(
        format("foo a:Vector < long >  b:(vector int) = Foo;"),
        "foo a:Vector<long> b:vector<int> = Foo;\n"
    );
}

#[test]
fn ids_keep_the_digits_they_were_written_with() {
    assert_eq!(
        format("a#05162463 = A;\nb#7EFE0E = B;\nc = C;\n"),
        "a#05162463 = A;\nb#7efe0e = B;\nc = C;\n"
    );
}

#[test]
fn builtins_and_definitions_with_comments_inside_keep_their_words() {
    assert_eq!(
        format("vector  {t:Type} #  [ t ] = Vector t;\nint128 4*[ int ] = Int128;\n"),
        "vector {t:Type} # [ t ] = Vector t;\nint128 4*[ int ] = Int128;\n"
    );
    let commented =
        "adnl.packetContents\n  rand1:bytes // random\n  flags:# = adnl.PacketContents;\n";
    assert_eq!(format(commented), commented);
}

#[test]
fn comments_stay_where_they_were() {
    let text = "// Core types\n\n  // indented\nint ? = Int; // built in\n/* a block\n   over lines */\nfoo = Foo; /* after */\n// LAYER 5\n";
    assert_eq!(format(text), text);
    assert_eq!(
        format("foo = Foo;   //   spaced\nbar = Bar;\t// tab\n"),
        "foo = Foo; //   spaced\nbar = Bar; // tab\n"
    );
    assert_eq!(format("/* first */ foo = Foo;"), "/* first */ foo = Foo;\n");
    // The last line of a file, inside a block comment, keeps its indentation.
    assert_eq!(
        format("a = A;\n/* one\n   two */"),
        "a = A;\n/* one\n   two */\n"
    );
    assert_eq!(format("  a = A;\n"), "a = A;\n");
}

#[test]
fn blank_lines_two_at_most_and_none_at_the_ends() {
    assert_eq!(
        format("\n\n\na = A;\n\n\n\n\nb = B;\n\nc = C;\n\n\n"),
        "a = A;\n\n\nb = B;\n\nc = C;\n"
    );
}

#[test]
fn line_ends_and_the_byte_order_mark() {
    assert_eq!(
        format("a = A;  \r\n// note \r\nb = B;"),
        "a = A;\n// note\nb = B;\n"
    );
    assert_eq!(format("\u{feff}a = A;\n"), "\u{feff}a = A;\n");
}

#[test]
fn sections_and_doc_comments_are_kept_as_written() {
    let text = "//@description A user\n//-continued @id Its id\nuser id:int53 = User;\n\n---functions---\n\n//@description Gets a user @user_id The id\ngetUser user_id:int53 = User;\n";
    let schema = tl_parser::parse(text).unwrap();
    assert_eq!(format(text), text);
    assert_eq!(
        schema.definitions[0].doc.as_ref().unwrap().get("id"),
        Some("Its id")
    );
}
