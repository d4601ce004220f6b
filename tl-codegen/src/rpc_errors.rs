//! The plan of the RPC error enum (`RpcErrorKind`): one variant per error
//! name of the method data, its Rust name, where its number stands and what
//! the number means. The emitter (`emit::rpc_errors`) only spells it.

use crate::method_data::MethodData;
use crate::naming;
use std::collections::HashMap;

/// The error enum: its variants in the order of the error names.
#[derive(Debug)]
pub struct ErrorPlan {
    /// One per error name.
    pub variants: Vec<ErrorVariant>,
    /// The name of the fallback variant, which holds a message as received.
    pub other: String,
    /// Variant names by error name, for the functions' docs.
    by_name: HashMap<String, usize>,
}

/// One known error.
#[derive(Debug)]
pub struct ErrorVariant {
    /// The name in the data (`FLOOD_WAIT_X`).
    pub name: String,
    /// The Rust variant (`FloodWait`).
    pub variant: String,
    /// The codes it is known to come with.
    pub codes: Vec<i32>,
    /// Where its number stands, if it has one.
    pub number: Option<Number>,
}

/// The number in an error's message.
#[derive(Debug)]
pub struct Number {
    /// The message before the number (`FLOOD_WAIT_`).
    pub prefix: String,
    /// The message after it (`` or `_MISSING`, `MIN`).
    pub suffix: String,
    /// What it stands for.
    pub meaning: Meaning,
}

/// What an error's number stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// The data centre to repeat the call in (`*_MIGRATE_X`).
    NewDc,
    /// Seconds to wait before trying again.
    Seconds,
    /// Minutes to wait before trying again.
    Minutes,
    /// A data centre the server failed to reach (`INTERDC_X_CALL_ERROR`).
    Dc,
    /// The data do not say.
    Unknown,
}

/// What each error's number means, by the shape of its name: the one table
/// of meanings. The first rule that fits wins.
fn meaning(name: &str) -> Meaning {
    const SECONDS: &[&str] = &[
        "TAKEOUT_INIT_DELAY_X",
        "PASSWORD_TOO_FRESH_X",
        "SESSION_TOO_FRESH_X",
    ];
    if name.ends_with("_MIGRATE_X") {
        Meaning::NewDc
    } else if name.ends_with("_WAIT_X") || SECONDS.contains(&name) {
        Meaning::Seconds
    } else if name.ends_with("_WAIT_XMIN") {
        Meaning::Minutes
    } else if name.starts_with("INTERDC_X_") {
        Meaning::Dc
    } else {
        Meaning::Unknown
    }
}

impl Meaning {
    /// What a variant's doc says of its number.
    pub fn describe(self) -> &'static str {
        match self {
            Meaning::NewDc => "the number is the data centre to repeat the call in (`new_dc`).",
            Meaning::Seconds => "the number is seconds to wait before trying again.",
            Meaning::Minutes => "the number is minutes to wait before trying again.",
            Meaning::Dc => "the number is the data centre that could not be reached.",
            Meaning::Unknown => "what the number stands for is not recorded.",
        }
    }
}

/// Where the number of an error name stands: the index of its `_`-separated
/// segment that is `X` (`FLOOD_WAIT_X`, `FILE_PART_X_MISSING`) or `X`
/// followed by a unit (`WAIT_XMIN`). A name with no such segment has no
/// number, even if it ends in X (`AUTH_TOKEN_INVALIDX`).
pub fn placeholder(name: &str) -> Option<usize> {
    name.split('_')
        .position(|segment| segment == "X" || segment == "XMIN")
}

impl ErrorPlan {
    /// The plan of the errors `data` lists.
    pub fn new(data: &MethodData) -> ErrorPlan {
        let errors: Vec<(&str, &[i32])> = data.errors().collect();
        // The fallback's name comes first, so an error called `OTHER` is
        // the one that is renamed.
        let mut candidates = vec![vec!["Other".to_owned()]];
        candidates.extend(
            errors
                .iter()
                .map(|(name, _)| naming::error_variant_candidates(name, placeholder(name))),
        );
        let mut names = naming::unique(&candidates).into_iter();
        let other = names.next().expect("the fallback's name");
        let variants: Vec<ErrorVariant> = errors
            .iter()
            .zip(names)
            .map(|((name, codes), variant)| ErrorVariant {
                name: (*name).to_owned(),
                variant,
                codes: codes.to_vec(),
                number: placeholder(name).map(|index| number(name, index)),
            })
            .collect();
        let by_name = variants
            .iter()
            .enumerate()
            .map(|(index, v)| (v.name.clone(), index))
            .collect();
        ErrorPlan {
            variants,
            other,
            by_name,
        }
    }

    /// The variant of an error name, if the data list it.
    pub fn variant(&self, name: &str) -> Option<&ErrorVariant> {
        self.by_name.get(name).map(|&index| &self.variants[index])
    }
}

/// The text around the placeholder in segment `index` of `name`.
fn number(name: &str, index: usize) -> Number {
    let segments: Vec<&str> = name.split('_').collect();
    let mut prefix = segments[..index].join("_");
    if index > 0 {
        prefix.push('_');
    }
    let unit = &segments[index][1..];
    let mut suffix = unit.to_owned();
    for segment in &segments[index + 1..] {
        suffix.push('_');
        suffix.push_str(segment);
    }
    Number {
        prefix,
        suffix,
        meaning: meaning(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(errors: &str) -> ErrorPlan {
        let data = MethodData::from_csv("method,usability,errors\n", errors).unwrap();
        ErrorPlan::new(&data)
    }

    #[test]
    fn numbers_stand_where_the_placeholder_is() {
        let plan = plan(
            "name,codes\nFILE_PART_X_MISSING,400\nPREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN,406\nAUTH_TOKEN_INVALIDX,400\nX_FIRST,400\n",
        );
        let number = |name: &str| {
            plan.variant(name)
                .unwrap()
                .number
                .as_ref()
                .map(|n| (n.prefix.as_str(), n.suffix.as_str(), n.meaning))
        };
        assert_eq!(
            number("FILE_PART_X_MISSING"),
            Some(("FILE_PART_", "_MISSING", Meaning::Unknown))
        );
        assert_eq!(
            number("PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN"),
            Some(("PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_", "MIN", Meaning::Minutes))
        );
        assert_eq!(number("AUTH_TOKEN_INVALIDX"), None);
        assert_eq!(number("X_FIRST"), Some(("", "_FIRST", Meaning::Unknown)));
    }

    #[test]
    fn names_alike_after_case_conversion_are_told_apart() {
        let plan = plan(
            "name,codes\nEMAIL_UNCONFIRMED,400\nEMAIL_UNCONFIRMED_X,400\nOTHER,400\nFLOOD_WAIT_X,420\n",
        );
        let variant = |name: &str| plan.variant(name).unwrap().variant.as_str();
        assert_eq!(variant("EMAIL_UNCONFIRMED"), "EmailUnconfirmed");
        assert_eq!(variant("EMAIL_UNCONFIRMED_X"), "EmailUnconfirmedX");
        assert_eq!(variant("FLOOD_WAIT_X"), "FloodWait");
        assert_eq!(plan.other, "Other");
        assert_eq!(variant("OTHER"), "Other2");
    }

    #[test]
    fn meanings_follow_the_table() {
        assert_eq!(meaning("PHONE_MIGRATE_X"), Meaning::NewDc);
        assert_eq!(meaning("FLOOD_WAIT_X"), Meaning::Seconds);
        assert_eq!(meaning("2FA_CONFIRM_WAIT_X"), Meaning::Seconds);
        assert_eq!(meaning("SESSION_TOO_FRESH_X"), Meaning::Seconds);
        assert_eq!(meaning("INTERDC_X_CALL_ERROR"), Meaning::Dc);
        assert_eq!(meaning("FILE_PART_X_MISSING"), Meaning::Unknown);
    }
}
