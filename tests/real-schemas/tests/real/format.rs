//! `tl fmt`'s formatter on every real schema: the formatted text parses to
//! the same model, keeps every comment and formats to itself; the files whose
//! authors lay them out as the formatter does (TDLib's newer `td_api.tl`,
//! Telegram's) are canonical as shipped.

#[path = "../../../../tl-parser/tests/support/comments.rs"]
mod comments;

#[test]
fn every_real_schema_formats_without_loss() {
    for (file, canonical) in [
        ("td/td_api.tl", true),
        ("td/td_api_1.8.29.tl", true),
        ("telegram-230/api.tl", true),
        ("telegram-230/mtproto.tl", true),
        // Runs of three blank lines.
        ("td/td_api_1.8.19.tl", false),
        // `(vector T)` and definitions over several lines.
        ("ton/ton_api.tl", false),
        ("ton/lite_api.tl", false),
        ("ton/tonlib_api.tl", false),
    ] {
        let path = format!("{}/{file}", tl_real_schemas::CACHE);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let schema = tl_parser::parse(&text).unwrap();
        let formatted = tl_parser::format::format_schema(&text, &schema);
        let again = tl_parser::parse(&formatted).unwrap();
        assert_eq!(
            again.without_spans(),
            schema.without_spans(),
            "{file}: the model changed"
        );
        let before = comments::comments(&text);
        assert!(!before.is_empty(), "{file} has comments");
        assert_eq!(
            comments::comments(&formatted),
            before,
            "{file}: the comments changed"
        );
        assert_eq!(
            tl_parser::format::format_schema(&formatted, &again),
            formatted,
            "{file}: formatting twice changes the text"
        );
        assert_eq!(formatted == text, canonical, "{file}");
    }
}
