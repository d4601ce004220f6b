//! The cross-check corpus, `tests/corpus/api.jsonl`: every constructor and
//! function of layer 229 as gramjs wrote it, two vectors each (`variant`
//! `full`, with every optional field, and `minimal`).

/// One vector of the corpus.
pub struct Vector {
    /// The TL name of its constructor or function.
    pub name: String,
    /// Which of the two vectors of that definition it is.
    pub variant: String,
    /// The boxed bytes gramjs wrote.
    pub bytes: Vec<u8>,
}

/// Every vector of the corpus, in its order.
pub fn vectors() -> Vec<Vector> {
    include_str!("../../../tests/corpus/api.jsonl")
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let hex = value["hex"].as_str().unwrap();
            Vector {
                name: value["name"].as_str().unwrap().to_owned(),
                variant: value["variant"].as_str().unwrap().to_owned(),
                bytes: hex::decode(hex).unwrap(),
            }
        })
        .collect()
}
