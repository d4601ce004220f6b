//! The cross-check corpus (`tests/corpus/api.jsonl`) as benchmark input:
//! the `codec` and `in_turn` benchmarks' (see `codec.rs`).

const CORPUS: &str = include_str!("../../../tests/corpus/api.jsonl");

/// Every `full` corpus vector of a constructor, with the TL type it builds
/// (`"Updates"`, `"messages.Messages"`, ...).
pub fn full_vectors() -> Vec<(String, Vec<u8>)> {
    let schema = tl_parser::parse(include_str!("../../schema/api.tl")).expect("api.tl parses");
    let type_of: std::collections::HashMap<String, String> = schema
        .constructors()
        .map(|c| (c.full_name(), c.result.to_string()))
        .collect();
    CORPUS
        .lines()
        .filter_map(|line| {
            let entry: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            if entry["variant"] != "full" {
                return None;
            }
            let tl_type = type_of.get(entry["name"].as_str()?)?;
            let bytes = hex::decode(entry["hex"].as_str()?).expect("corpus hex");
            Some((tl_type.clone(), bytes))
        })
        .collect()
}

/// The corpus vectors of `tl_type` that both crates read, `Ours` here and
/// `Peer` in grammers, and write back to the very same bytes: the input on
/// which both do the same work.
pub fn shared_inputs<'a, Ours, Peer>(
    vectors: &'a [(String, Vec<u8>)],
    tl_type: &str,
) -> Vec<&'a [u8]>
where
    Ours: tl_types::Decode + tl_types::Encode,
    Peer: grammers_tl_types::Deserializable + grammers_tl_types::Serializable,
{
    let inputs: Vec<&[u8]> = vectors
        .iter()
        .filter(|(of, _)| of == tl_type)
        .map(|(_, bytes)| &bytes[..])
        .filter(|bytes| {
            let ours = Ours::from_bytes(bytes).ok().and_then(|v| v.to_bytes().ok());
            let peer = Peer::from_bytes(bytes).ok().map(|v| v.to_bytes());
            ours.as_deref() == Some(&bytes[..]) && peer.as_deref() == Some(&bytes[..])
        })
        .collect();
    assert!(!inputs.is_empty(), "no shared input for {tl_type}");
    inputs
}

/// `inputs` decoded by each crate: the values the encode rows write back.
pub fn decoded<Ours, Peer>(inputs: &[&[u8]]) -> (Vec<Ours>, Vec<Peer>)
where
    Ours: tl_types::Decode,
    Peer: grammers_tl_types::Deserializable,
{
    let ours = inputs
        .iter()
        .map(|b| Ours::from_bytes(b).unwrap())
        .collect();
    let peer = inputs
        .iter()
        .map(|b| Peer::from_bytes(b).unwrap())
        .collect();
    (ours, peer)
}
