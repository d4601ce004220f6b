//! The seed vectors, `tests/corpus/seed.json`: `auth.sendCode` and its
//! `auth.sentCode` answer as gramjs wrote them.

/// The bytes gramjs wrote for the seed vector named `name`.
pub fn seed_bytes(name: &str) -> Vec<u8> {
    let line = include_str!("../../../tests/corpus/seed.json")
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .find(|value| value["name"] == name)
        .unwrap_or_else(|| panic!("no seed vector named {name}"));
    hex::decode(line["hex"].as_str().unwrap()).unwrap()
}
