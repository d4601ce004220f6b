//! Rust names for TL names: UpperCamelCase types and variants, snake_case
//! modules and fields, with Rust keywords escaped.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that are keywords in some Rust edition, so not plain identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers either (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// A name usable as a Rust identifier: raw (`r#type`) for most keywords, with
/// a trailing underscore (`self_`) for those that cannot be raw.
pub fn escape(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name.to_owned()
    }
}

/// A field name: snake_case as in the schema (`phone_code_hash`; the odd
/// `A` and `M1` of SRP become `a` and `m1`), escaped if it is a keyword.
pub fn field(name: &str) -> String {
    escape(&name.to_snake_case())
}

/// A module name for a TL namespace: `auth` → `auth`, `storage.daemon` parts alike.
pub fn module(namespace_part: &str) -> String {
    escape(&namespace_part.to_snake_case())
}

/// A type name: `sentCode` → `SentCode`, `p_q_inner_data` → `PQInnerData`.
pub fn type_name(tl_name: &str) -> String {
    let name = tl_name.to_upper_camel_case();
    if name.is_empty() {
        "Unnamed".to_owned()
    } else {
        escape(&name)
    }
}

/// The variant of a constructor in its type's enum: the constructor's name
/// without the type's name in front (`inputPeerUser` in `InputPeer` → `User`),
/// or the whole name where that leaves nothing sensible.
pub fn variant(constructor: &str, boxed_type: &str) -> String {
    let full = type_name(constructor);
    let prefix = type_name(boxed_type);
    match full.strip_prefix(&prefix) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) && rest != "Self" => {
            rest.to_owned()
        }
        _ => full,
    }
}

/// The Rust module path of a TL namespace.
pub fn module_path(namespace: &[impl AsRef<str>]) -> Vec<String> {
    namespace.iter().map(|part| module(part.as_ref())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(field("type"), "r#type");
        assert_eq!(field("self"), "self_");
        assert_eq!(field("final"), "r#final");
        assert_eq!(field("phone_code_hash"), "phone_code_hash");
        assert_eq!(field("M1"), "m1");
        assert_eq!(field("g_a"), "g_a");
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("sentCode"), "SentCode");
        assert_eq!(type_name("p_q_inner_data"), "PQInnerData");
        assert_eq!(type_name("Server_DH_Params"), "ServerDhParams");
        assert_eq!(type_name("self"), "Self_");
    }

    #[test]
    fn variants_drop_the_type_prefix() {
        assert_eq!(variant("inputPeerUser", "InputPeer"), "User");
        assert_eq!(variant("sentCode", "SentCode"), "SentCode");
        assert_eq!(variant("updates", "Update"), "Updates");
        assert_eq!(variant("sentCodeSuccess", "SentCode"), "Success");
        assert_eq!(variant("inputPeerSelf", "InputPeer"), "InputPeerSelf");
    }
}
