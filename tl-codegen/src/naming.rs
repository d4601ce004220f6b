//! Rust names for TL names: UpperCamelCase types and variants, snake_case
//! modules and fields, with Rust keywords escaped.

use crate::plan::Path;
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::HashMap;
use tl_parser::{Definition, Type};

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

/// A module name for a TL namespace: `auth` → `auth`, `storage.daemon` parts
/// alike. A keyword takes a trailing underscore (TON's `pub` → `pub_`), not
/// the raw form: rustdoc's links cannot name a module `r#pub`.
pub fn module(namespace_part: &str) -> String {
    let name = namespace_part.to_snake_case();
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        escape(&name)
    }
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

/// Candidate names of an RPC error's variant, plainest first: the name in
/// UpperCamelCase without the placeholder of its number (`FLOOD_WAIT_X` →
/// `FloodWait`, `FILE_PART_X_MISSING` → `FilePartMissing`), then with it
/// (`EMAIL_UNCONFIRMED_X` → `EmailUnconfirmedX`, where `EMAIL_UNCONFIRMED`
/// is `EmailUnconfirmed`). A leading digit is spelled out, as an identifier
/// cannot start with one: `2FA_CONFIRM_WAIT_X` → `TwoFaConfirmWait`.
pub fn error_variant_candidates(name: &str, placeholder: Option<usize>) -> Vec<String> {
    let segments: Vec<&str> = name.split('_').collect();
    let without: Vec<&str> = segments
        .iter()
        .enumerate()
        .filter(|(index, _)| Some(*index) != placeholder)
        .map(|(_, segment)| *segment)
        .collect();
    let mut candidates = vec![error_variant(&without.join("_"))];
    if placeholder.is_some() {
        candidates.push(error_variant(name));
    }
    candidates
}

/// An error name in UpperCamelCase, with a leading digit spelled out.
fn error_variant(name: &str) -> String {
    const DIGITS: [&str; 10] = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    ];
    let camel = name.to_upper_camel_case();
    let mut chars = camel.chars();
    match chars.next() {
        Some(digit @ '0'..='9') => {
            let rest: String = chars.collect();
            format!(
                "{}{}",
                DIGITS[digit as usize - '0' as usize],
                error_variant(&rest)
            )
        }
        Some(_) => camel,
        None => "Unnamed".to_owned(),
    }
}

/// Candidate names of a constructor's variant in its boxed type's enum,
/// plainest first: without the type's name in front ([`variant`]); the
/// constructor's whole name; with the namespace parts it does not share with
/// its type (`db.lt.el.key` in `db.lt.Key` → `ElKey`); with its whole
/// namespace (`raw.accountState` in `AccountState` → `RawAccountState`).
pub fn variant_candidates(constructor: &Definition, boxed_type: &Type) -> Vec<String> {
    let shared = constructor
        .namespace
        .iter()
        .zip(boxed_type.namespace.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let with_parts = |parts: &[tl_parser::CompactString]| {
        let mut name = String::new();
        for part in parts {
            name.push_str(&part.to_upper_camel_case());
        }
        name.push_str(&constructor.name.to_upper_camel_case());
        escape(&name)
    };
    let mut candidates = vec![
        variant(&constructor.name, &boxed_type.name),
        type_name(&constructor.name),
        with_parts(&constructor.namespace[shared..]),
        with_parts(&constructor.namespace),
    ];
    candidates.dedup();
    candidates
}

/// The variant of a boxed type or function in the dispatch enums
/// (`AnyValue`, `AnyCall`): its module path and name run together
/// (`auth` + `SentCode` → `AuthSentCode`).
pub fn dispatch_variant(path: &Path) -> String {
    let mut name = String::new();
    for part in &path.module {
        name.push_str(&part.trim_start_matches("r#").to_upper_camel_case());
    }
    name.push_str(path.name.trim_start_matches("r#"));
    name
}

/// Names for a set of items that must all differ, each item given as a
/// list of candidates from the plainest to the most specific. An item keeps
/// its plainest candidate unless another item has the same; those move on to
/// their next candidates, until every name is unique or they have none left.
/// Items whose last candidates are still alike are numbered in order
/// (`Key`, `Key2`, ...), so that any schema gets names that compile, and the
/// same names every time.
pub fn unique(candidates: &[Vec<String>]) -> Vec<String> {
    let mut level = vec![0; candidates.len()];
    let name = |i: usize, level: &[usize]| candidates[i][level[i]].clone();
    loop {
        let mut count: HashMap<String, usize> = HashMap::new();
        for i in 0..candidates.len() {
            *count.entry(name(i, &level)).or_default() += 1;
        }
        let mut moved = false;
        for i in 0..candidates.len() {
            if count[&name(i, &level)] > 1 && level[i] + 1 < candidates[i].len() {
                level[i] += 1;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    let mut names: Vec<String> = (0..candidates.len()).map(|i| name(i, &level)).collect();
    let mut taken: std::collections::HashSet<String> = names.iter().cloned().collect();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for name in &mut names {
        if seen.insert(name.clone()) {
            continue;
        }
        let base = name.trim_start_matches("r#").to_owned();
        let numbered = (2..)
            .map(|n| format!("{base}{n}"))
            .find(|candidate| !taken.contains(candidate))
            .expect("a free number");
        taken.insert(numbered.clone());
        seen.insert(numbered.clone());
        *name = numbered;
    }
    names
}

/// Like [`unique`], for items that need to differ only from the others in
/// the same module: each item is its module path and its candidates.
pub fn unique_in_modules(items: impl Iterator<Item = (Vec<String>, Vec<String>)>) -> Vec<String> {
    let items: Vec<(Vec<String>, Vec<String>)> = items.collect();
    let mut by_module: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, (module, _)) in items.iter().enumerate() {
        by_module.entry(module.as_slice()).or_default().push(i);
    }
    let mut names = vec![String::new(); items.len()];
    for members in by_module.values() {
        let candidates: Vec<Vec<String>> = members.iter().map(|&i| items[i].1.clone()).collect();
        for (&i, name) in members.iter().zip(unique(&candidates)) {
            names[i] = name;
        }
    }
    names
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
    fn keyword_modules_take_an_underscore() {
        assert_eq!(module("pub"), "pub_");
        assert_eq!(module("auth"), "auth");
        assert_eq!(module("storageDaemon"), "storage_daemon");
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("sentCode"), "SentCode");
        assert_eq!(type_name("p_q_inner_data"), "PQInnerData");
        assert_eq!(type_name("Server_DH_Params"), "ServerDhParams");
        assert_eq!(type_name("self"), "Self_");
    }

    #[test]
    fn unique_names_take_more_specific_candidates_then_numbers() {
        let names = unique(&[
            vec!["Key".into(), "ElKey".into()],
            vec!["Key".into(), "DescKey".into()],
            vec!["Value".into()],
            vec!["AB".into()],
            vec!["AB".into()],
        ]);
        assert_eq!(names, ["ElKey", "DescKey", "Value", "AB", "AB2"]);
        // A number never takes a name that an item has.
        assert_eq!(
            unique(&[vec!["A".into()], vec!["A".into()], vec!["A2".into()]]),
            ["A", "A3", "A2"]
        );
    }

    #[test]
    fn error_variants_spell_a_leading_digit_and_drop_the_placeholder() {
        assert_eq!(
            error_variant_candidates("2FA_CONFIRM_WAIT_X", Some(3)),
            ["TwoFaConfirmWait", "TwoFaConfirmWaitX"]
        );
        assert_eq!(
            error_variant_candidates("FILE_PART_X_MISSING", Some(2)),
            ["FilePartMissing", "FilePartXMissing"]
        );
        assert_eq!(
            error_variant_candidates("AUTH_TOKEN_INVALIDX", None),
            ["AuthTokenInvalidx"]
        );
        assert_eq!(
            error_variant_candidates("42_ERRORS", None),
            ["FourTwoErrors"]
        );
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
