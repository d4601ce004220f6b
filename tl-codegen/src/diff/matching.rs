//! Which old definition each new one is: the same TL name and category
//! (the n-th of a name with the n-th, where files repeat one), then among the
//! left-over ones the same id and category (a definition renamed).

use std::collections::HashMap;
use tl_parser::{Category, Definition, Schema};

/// A definition on one side or both.
#[derive(Debug, Clone, Copy)]
pub(super) enum Pair<'a> {
    /// In the old schema only.
    Removed(&'a Definition),
    /// In the new schema only.
    Added(&'a Definition),
    /// The same definition in both (perhaps renamed).
    Both(&'a Definition, &'a Definition),
}

type Key = (Category, String, usize);

/// Each definition's key: category, full name, and how many of that name
/// and category came before it.
fn keyed(schemas: &[Schema]) -> Vec<(Key, &Definition)> {
    let mut seen: HashMap<(Category, String), usize> = HashMap::new();
    schemas
        .iter()
        .flat_map(|s| &s.definitions)
        .map(|d| {
            let name = d.full_name();
            let count = seen.entry((d.category, name.clone())).or_default();
            *count += 1;
            ((d.category, name, *count - 1), d)
        })
        .collect()
}

/// The definitions of both sides, paired: removed ones in the old order,
/// then added and kept ones in the new order.
pub(super) fn pair_definitions<'a>(old: &'a [Schema], new: &'a [Schema]) -> Vec<Pair<'a>> {
    let old = keyed(old);
    let new = keyed(new);
    let by_key: HashMap<&Key, usize> = old.iter().enumerate().map(|(i, (k, _))| (k, i)).collect();
    let mut partner_of_new: Vec<Option<usize>> =
        new.iter().map(|(k, _)| by_key.get(k).copied()).collect();
    let mut old_taken = vec![false; old.len()];
    for &i in partner_of_new.iter().flatten() {
        old_taken[i] = true;
    }
    // Renamed: same id, same category, neither matched by name. Built-in
    // declarations have no id of their own to go by.
    let mut left_by_id: HashMap<(Category, u32), Vec<usize>> = HashMap::new();
    for (i, (_, d)) in old.iter().enumerate() {
        if !old_taken[i] && !d.is_builtin() {
            left_by_id.entry((d.category, d.id)).or_default().push(i);
        }
    }
    for (j, (_, d)) in new.iter().enumerate() {
        if partner_of_new[j].is_some() || d.is_builtin() {
            continue;
        }
        if let Some(candidates) = left_by_id.get_mut(&(d.category, d.id)) {
            if !candidates.is_empty() {
                let i = candidates.remove(0);
                old_taken[i] = true;
                partner_of_new[j] = Some(i);
            }
        }
    }
    let mut pairs: Vec<Pair<'a>> = old
        .iter()
        .zip(&old_taken)
        .filter(|(_, taken)| !**taken)
        .map(|((_, d), _)| Pair::Removed(d))
        .collect();
    pairs.extend(
        new.iter()
            .zip(&partner_of_new)
            .map(|((_, d), partner)| match partner {
                Some(i) => Pair::Both(old[*i].1, d),
                None => Pair::Added(d),
            }),
    );
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pairs: &[Pair<'_>]) -> Vec<String> {
        pairs
            .iter()
            .map(|p| match p {
                Pair::Removed(d) => format!("-{}", d.full_name()),
                Pair::Added(d) => format!("+{}", d.full_name()),
                Pair::Both(a, b) => format!("{}={}", a.full_name(), b.full_name()),
            })
            .collect()
    }

    #[test]
    fn pairs_by_name_then_by_id() {
        let old = tl_parser::parse("a#1 = T; b#2 = T; c#3 = T; ---functions--- a#4 = T;").unwrap();
        let new = tl_parser::parse("a#9 = T; bb#2 = T; d#5 = T; ---functions--- a#4 = T;").unwrap();
        let pairs = pair_definitions(std::slice::from_ref(&old), std::slice::from_ref(&new));
        assert_eq!(names(&pairs), ["-c", "a=a", "b=bb", "+d", "a=a"]);
    }
}
