//! Excerpts of real schemas beyond Telegram's API (TDLib, TON, older and newer
//! layers): each parses, and printing it gives text that parses to the same model.

use tl_parser::{Category, IdOrigin, Schema};

fn fixture(name: &str) -> (String, Schema) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let schema = tl_parser::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    (text, schema)
}

fn definition<'a>(schema: &'a Schema, name: &str) -> &'a tl_parser::Definition {
    schema
        .definitions
        .iter()
        .find(|d| d.full_name() == name)
        .unwrap_or_else(|| panic!("no definition {name}"))
}

#[test]
fn every_fixture_parses_and_round_trips() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "tl") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let (text, schema) = fixture(&name);
        assert!(!schema.definitions.is_empty(), "{name}");
        let semicolons = text.matches(';').count();
        assert!(schema.definitions.len() <= semicolons, "{name}");
        let again = tl_parser::parse(&schema.to_string()).unwrap();
        assert_eq!(again.without_spans(), schema.without_spans(), "{name}");
        count += 1;
    }
    assert_eq!(count, 11);
}

#[test]
fn tdlib_doc_comments_attach_to_definitions_and_types() {
    let (_, schema) = fixture("td_api.tl");
    let error = definition(&schema, "error");
    let doc = error.doc.as_ref().unwrap();
    assert_eq!(
        doc.description(),
        Some("An object of this type can be returned on every function call, in case of an error")
    );
    assert_eq!(
        doc.get("message"),
        Some("Error message; subject to future changes")
    );
    assert!(
        doc.get("code")
            .unwrap()
            .starts_with("Error code; subject to future changes.")
    );
    let class = schema
        .type_docs
        .iter()
        .find(|t| t.name == "AuthenticationCodeType")
        .unwrap();
    assert_eq!(
        class.doc.description(),
        Some(
            "Provides information about the method by which an authentication code is delivered to the user"
        )
    );
    let sms = definition(&schema, "authenticationCodeTypeSms");
    assert_eq!(
        sms.doc.as_ref().unwrap().get("length"),
        Some("Length of the code")
    );
    assert!(
        schema
            .definitions
            .iter()
            .all(|d| d.id_origin == IdOrigin::Computed)
    );
    let int32 = definition(&schema, "int32");
    assert!(!int32.is_builtin(), "`int32 = Int32;` is an ordinary line");
    assert!(definition(&schema, "double").is_builtin());
}

#[test]
fn tdlib_continuation_lines_join_the_tag_they_continue() {
    let (text, schema) = fixture("td_api.tl");
    assert!(text.contains("\n//-"));
    let continued = schema
        .definitions
        .iter()
        .filter_map(|d| d.doc.as_ref())
        .flat_map(|d| &d.tags)
        .find(|t| t.text.contains("Pre, Code and PreCode entities"))
        .expect("the continuation text belongs to a tag");
    assert!(!continued.text.contains("//-"));
}

#[test]
fn ton_multi_line_definitions_with_comments_inside() {
    let (_, schema) = fixture("ton_api.tl");
    let torrent = definition(&schema, "storage.daemon.torrent");
    let names: Vec<_> = torrent.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[..4], ["hash", "flags", "total_size", "description"]);
    assert_eq!(torrent.params.last().unwrap().name, "fatal_error");
    assert_eq!(torrent.result.full_name(), "storage.daemon.Torrent");
    assert!(torrent.span.line < torrent.params.last().unwrap().span.line);
}

#[test]
fn ton_parenthesised_type_applications() {
    let (_, schema) = fixture("ton_api.tl");
    let list = definition(&schema, "adnl.addressList");
    let addrs = &list.params[0];
    assert_eq!(addrs.ty.full_name(), "vector");
    assert!(addrs.ty.bare);
    assert_eq!(addrs.ty.args[0].full_name(), "adnl.Address");
    assert_eq!(addrs.ty.to_string(), "vector<adnl.Address>");
}

#[test]
fn ton_sections_switch_many_times() {
    let (text, schema) = fixture("ton_api.tl");
    assert!(text.matches("---functions---").count() >= 3);
    assert!(schema.functions().count() > 0);
    let mut switches = 0;
    for pair in schema.definitions.windows(2) {
        if pair[0].category != pair[1].category {
            switches += 1;
        }
    }
    assert!(
        switches >= 2,
        "types after functions after types: {switches}"
    );
}

#[test]
fn lite_api_builtins_and_trailing_comment() {
    let (_, schema) = fixture("lite_api.tl");
    for name in [
        "int", "long", "object", "function", "int128", "int256", "vector",
    ] {
        assert!(definition(&schema, name).is_builtin(), "{name}");
    }
    let bytes = definition(&schema, "bytes");
    assert!(!bytes.is_builtin());
    assert_eq!(bytes.params[0].name, "data");
    let wait = definition(&schema, "liteServer.waitMasterchainSeqno");
    assert_eq!(wait.category, Category::Function);
    assert_eq!(wait.result.full_name(), "Object");
}

#[test]
fn layer_comment_anywhere_sets_the_layer() {
    let (text, schema) = fixture("telegram_api_layer230.tl");
    assert!(text.starts_with("// LAYER 230"));
    assert_eq!(schema.layer, Some(230));
    let (_, secret) = fixture("secret_api.tl");
    assert_eq!(
        secret.layer, None,
        "`// layer 23` section comments are not LAYER lines"
    );
}

#[test]
fn definition_split_before_its_result() {
    let (_, schema) = fixture("tdlib_mtproto_api.tl");
    let bind = definition(&schema, "bind_auth_key_inner");
    assert_eq!(bind.id, 0x75a3f765);
    assert_eq!(bind.computed_id(tl_parser::IdRule::Telegram), bind.id);
    assert_eq!(definition(&schema, "resPQ").id, 0x05162463);
}

#[test]
fn secret_api_mixes_explicit_and_computed_ids() {
    let (_, schema) = fixture("secret_api.tl");
    let origins: std::collections::HashSet<_> =
        schema.definitions.iter().map(|d| d.id_origin).collect();
    assert_eq!(origins.len(), 2);
}

#[test]
fn block_doc_comments_document_fields() {
    let (_, schema) = fixture("tycho_network.tl");
    let node = definition(&schema, "dht.node");
    let doc = node.doc.as_ref().unwrap();
    assert_eq!(doc.get("id"), Some("node public key"));
    assert_eq!(
        doc.get("signature"),
        Some("a ed25519 signature of the info")
    );
    assert_eq!(node.params.len(), 5);
}

#[test]
fn one_bit_may_gate_several_fields() {
    let (_, schema) = fixture("everscale_network.tl");
    let shared = schema.definitions.iter().any(|d| {
        d.params
            .iter()
            .enumerate()
            .any(|(i, p)| p.flag.is_some() && d.params[i + 1..].iter().any(|q| q.flag == p.flag))
    });
    assert!(shared);
}

/// Every file of a local corpus of whole schemas parses and round-trips.
/// Run with `TL_CORPUS_DIR=/path/to/tl/files cargo test -p tl-parser -- --ignored`.
#[test]
#[ignore = "needs TL_CORPUS_DIR pointing at whole schema files"]
fn whole_corpus_from_tl_corpus_dir() {
    let dir = std::env::var("TL_CORPUS_DIR").expect("TL_CORPUS_DIR");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let mut parsed = 0;
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "tl") {
            let text = std::fs::read_to_string(&path).unwrap();
            let schema =
                tl_parser::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let again = tl_parser::parse(&schema.to_string()).unwrap();
            assert_eq!(
                again.without_spans(),
                schema.without_spans(),
                "{}",
                path.display()
            );
            parsed += 1;
        }
    }
    assert!(parsed > 0);
    eprintln!("parsed {parsed} files");
}
