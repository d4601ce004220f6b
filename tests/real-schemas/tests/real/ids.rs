//! The ids the parser computes, held to ids that the schemas' own toolchains
//! compiled into shipped libraries (see `ids/README.md`): TDLib's for three
//! versions of `td_api.tl`, tonlib's for TON's three schemas.

use std::collections::HashMap;

/// `name<TAB>id` lines.
fn independent(file: &str) -> HashMap<String, u32> {
    let path = format!("{}/ids/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(|line| {
            let (name, id) = line.split_once('\t').expect("name<TAB>id");
            (
                name.to_owned(),
                u32::from_str_radix(id, 16).expect("hex id"),
            )
        })
        .collect()
}

/// Compares every definition the independent list has; returns the names
/// whose ids differ and how many were compared.
fn compare(schema_file: &str, ids_file: &str) -> (Vec<String>, usize) {
    let path = format!("{}/{schema_file}", tl_real_schemas::CACHE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let schema = tl_parser::parse(&text).unwrap();
    assert_eq!(
        schema.id_rule,
        tl_parser::IdRule::TlCompiler,
        "{schema_file}"
    );
    let theirs = independent(ids_file);
    let mut differ = Vec::new();
    let mut compared = 0;
    for d in schema.definitions.iter().filter(|d| !d.is_builtin()) {
        if let Some(&id) = theirs.get(&d.full_name()) {
            compared += 1;
            if id != d.id {
                differ.push(d.full_name());
            }
        }
    }
    (differ, compared)
}

#[test]
fn td_api_ids_are_tdlibs() {
    for (schema, ids, count) in [
        ("td/td_api.tl", "prebuilt-tdlib-1.8.61-td_api.tsv", 2941),
        (
            "td/td_api_1.8.29.tl",
            "prebuilt-tdlib-1.8.29-td_api.tsv",
            2230,
        ),
        (
            "td/td_api_1.8.19.tl",
            "prebuilt-tdlib-1.8.19-td_api.tsv",
            1933,
        ),
    ] {
        let (differ, compared) = compare(schema, ids);
        assert_eq!(differ, Vec::<String>::new(), "{schema}");
        assert_eq!(compared, count, "{schema}");
    }
}

#[test]
fn ton_ids_are_tonlibs() {
    let (differ, compared) = compare("ton/tonlib_api.tl", "pytonlib-0.0.72-tonlib_api.tsv");
    assert_eq!((differ, compared), (vec![], 219));
    let (differ, compared) = compare("ton/lite_api.tl", "pytonlib-0.0.72-lite_api.tsv");
    assert_eq!((differ, compared), (vec![], 71));
    // The tonlib build is of another TON revision than pytoniq's schema:
    // these six definitions changed between the two (for the first three the
    // library's id is the computed id of the older text), and no other.
    let (differ, compared) = compare("ton/ton_api.tl", "pytonlib-0.0.72-ton_api.tsv");
    let mut differ = differ;
    differ.sort();
    assert_eq!(
        differ,
        [
            "consensus.broadcastExtra",
            "consensus.simplex.noncriticalParams",
            "engine.validator.addCollator",
            "engine.validator.collatorsList",
            "engine.validator.config",
            "engine.validator.delCollator",
        ]
    );
    assert_eq!(compared, 648);
    // The older texts of three of them give the library's ids.
    let theirs = independent("pytonlib-0.0.72-ton_api.tsv");
    for older in [
        "engine.validator.addCollator adnl_id:int256 shard:tonNode.shardId = engine.validator.Success;",
        "engine.validator.delCollator adnl_id:int256 shard:tonNode.shardId = engine.validator.Success;",
        "consensus.broadcastExtra slot:int = consensus.BroadcastExtra;",
    ] {
        let d = &tl_parser::parse(older).unwrap().definitions[0];
        assert_eq!(d.id, theirs[&d.full_name()], "{older}");
    }
}
