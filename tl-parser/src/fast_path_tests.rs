//! The fast scanner against the nom grammar: on real schemas, on windows of
//! them and on mutated text, parsing with the scanner gives exactly what the
//! grammar alone gives — the same model, the same spans (which `==` ignores,
//! so the results are compared through their `Debug` text, which shows every
//! field), the same error at the same place.

use crate::model::Category;
use crate::parse::{Path, parse_schema};
use crate::position::Position;
use proptest::prelude::*;
#[path = "../tests/support/edits.rs"]
mod edits;

const API: &str = include_str!("../../tl-types/schema/api.tl");
const MTPROTO: &str = include_str!("../../tl-types/schema/mtproto.tl");
const TD_API: &str = include_str!("../tests/fixtures/td_api.tl");
const TON_API: &str = include_str!("../tests/fixtures/ton_api.tl");
const FIXTURES: &[&str] = &[
    API,
    MTPROTO,
    TD_API,
    TON_API,
    include_str!("../tests/fixtures/everscale_network.tl"),
    include_str!("../tests/fixtures/lite_api.tl"),
    include_str!("../tests/fixtures/secret_api.tl"),
    include_str!("../tests/fixtures/tdlib_mtproto_api.tl"),
    include_str!("../tests/fixtures/tdlib_telegram_api.tl"),
    include_str!("../tests/fixtures/telegram_api_layer166.tl"),
    include_str!("../tests/fixtures/telegram_api_layer230.tl"),
    include_str!("../tests/fixtures/tonlib_api.tl"),
    include_str!("../tests/fixtures/tycho_network.tl"),
];

/// Parses `text` both ways and checks that the results are identical, spans
/// and error positions included.
fn same_both_ways(text: &str) {
    let fast = parse_schema(text, Path::Fast, None);
    let reference = parse_schema(text, Path::GrammarOnly, None);
    assert_eq!(
        format!("{fast:#?}"),
        format!("{reference:#?}"),
        "the fast path and the grammar disagree on:\n{text}"
    );
}

#[test]
fn whole_real_schemas_parse_the_same_both_ways() {
    for text in FIXTURES {
        same_both_ways(text);
    }
}

#[test]
fn the_scanner_reads_nearly_every_definition_of_real_schemas() {
    for text in [API, MTPROTO, TD_API, TON_API] {
        let schema = parse_schema(text, Path::GrammarOnly, None).unwrap();
        let mut scanned = 0;
        for definition in &schema.definitions {
            let start = Position::START.after(text, definition.span.start);
            let mut read = Vec::new();
            let Some(end) =
                crate::fast_path::definition(text, start, definition.category, &mut read)
            else {
                assert!(read.is_empty());
                continue;
            };
            scanned += 1;
            let mut fast = read.pop().unwrap();
            assert!(read.is_empty());
            fast.doc.clone_from(&definition.doc);
            // Ids left out are computed once the whole text is read.
            if fast.id_origin == crate::model::IdOrigin::Computed {
                fast.id = fast.computed_id(schema.id_rule);
            }
            assert_eq!(format!("{fast:?}"), format!("{definition:?}"));
            assert_eq!(end, start.after(text, definition.span.end));
        }
        // Only built-in declarations (`int ? = Int;`, `vector {t:Type} # [ t ]
        // = Vector t;`) and the odd definition with a comment inside are
        // left to the grammar.
        let ordinary = schema.constructors().count() + schema.functions().count();
        assert!(scanned * 100 >= ordinary * 95, "{scanned} of {ordinary}");
    }
}

#[test]
fn text_the_scanner_leaves_to_the_grammar_parses_the_same() {
    for text in [
        "",
        "\u{feff}a = B;",
        "\u{feff}//x\n!",
        "é = B;",
        "a = B; é",
        "a x:é = B;",
        "a/* c */x:int = B;",
        "a x:int// c\n = B;",
        "a x:Vector</* c */int> = B;",
        "a x:flags.99999999999?int = B;",
        "a x:flags.0?true = B;",
        "a#123456789 = B;",
        "a# = B;",
        "a#1 = B",
        "a#1 x = B;",
        "a x: int = B;",
        "a x:(vector int) = B;",
        "a x:( vector\n(vector int) b.C ) = B;",
        "a x:(vector) = B;",
        "a x:(vector int = B;",
        "a x:() = B;",
        "a x:(vector int)<int> = B;",
        "a {X:Type} q:!X = X;",
        "a {X:Type} {Y:Type} = Pair X Y;",
        "a {X:Type} = Pair X Z;",
        "a x:Vector<int, = B;",
        "a x:Vector<int = B;",
        "a x:auth. = B;",
        "a x:auth.9 = B;",
        "a.b.c#1 x:d.e.F<g.h.I> = j.K;",
        "int ? = Int;",
        "vector {t:Type} # [ t ] = Vector t;",
        "a\n  x:int\n  y:Vector<\n long\n> = B;\nc = D;",
        "a\u{a0}= B;",
        "a\x0b= B;",
        "a\x0c= B;",
        "a x:int\x0c= B;",
        "a\r\rx:int = B;",
        "\u{2028}a = B;\u{85}",
        "a =\tB\r\n;",
        "a = B;;",
        "a = %B;",
        "a x:%# = B;",
        "a x:!# = B;",
        "a = B<C>;",
    ] {
        same_both_ways(text);
    }
}

/// A window of up to 40 lines of a real schema.
fn real_window() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = FIXTURES.iter().flat_map(|t| t.lines()).collect();
    let count = lines.len();
    (0..count, 1usize..40)
        .prop_map(move |(start, len)| lines[start..(start + len).min(count)].join("\n"))
}

/// Fragments that poke at the edges of what the scanner takes.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            " ",
            "\n",
            "\r\n",
            "\r",
            "\t",
            "\x0b",
            "\x0c",
            "\u{a0}",
            "é",
            "//c\n",
            "/*c*/",
            "/*",
            "#",
            "#1",
            "#123456789",
            "!",
            "%",
            "?",
            ".",
            ":",
            ";",
            "=",
            "<",
            ">",
            ",",
            "{",
            "}",
            "(",
            ")",
            "[",
            "]",
            "0",
            "9",
            "99999999999",
            "_",
            "X",
            "x",
            "flags.0?",
            "{X:Type}",
            "Vector<",
            "auth.",
            "---functions---",
        ])
        .prop_map(str::to_owned),
        "[ -~]{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn real_windows_parse_the_same_both_ways(window in real_window()) {
        same_both_ways(&window);
    }

    #[test]
    fn mutated_windows_parse_the_same_both_ways(
        window in real_window(),
        edits in prop::collection::vec(edits::edit(3, fragment()), 1..6),
    ) {
        same_both_ways(&edits::apply(&window, &edits));
    }

    #[test]
    fn fragment_soup_parses_the_same_both_ways(
        parts in prop::collection::vec(fragment(), 0..40),
    ) {
        same_both_ways(&parts.concat());
    }

    #[test]
    fn the_scanner_matches_the_grammar_from_any_start(
        window in real_window(),
        edits in prop::collection::vec(edits::edit(3, fragment()), 0..4),
        at in 0.0..1.0f64,
    ) {
        // Start the scanner anywhere, even inside a token: it either gives up
        // or reads what the grammar reads from there.
        let text = edits::apply(&window, &edits);
        let mut offset = ((at * text.len() as f64) as usize).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let start = Position::START.after(&text, offset);
        let mut read = Vec::new();
        let scanned = crate::fast_path::definition(&text, start, Category::Function, &mut read);
        prop_assert_eq!(read.len(), usize::from(scanned.is_some()));
        if let (Some(end), Some(fast)) = (scanned, read.pop()) {
            let input = nom::Input::take_from(&crate::grammar::Input::new(&text), offset);
            let (rest, reference) = crate::grammar::definition(input, Category::Function)
                .unwrap_or_else(|e| panic!("the grammar rejects what the scanner took: {e:?}"));
            prop_assert_eq!(format!("{fast:?}"), format!("{reference:?}"));
            prop_assert_eq!(end, start.after(&text, rest.location_offset()));
        }
    }
}
