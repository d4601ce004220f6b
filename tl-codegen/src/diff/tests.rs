//! Small hand-written pairs, one kind of change each, with their classes.

use super::*;

fn diff_of(old: &str, new: &str) -> SchemaDiff {
    let old = tl_parser::parse(old).unwrap();
    let new = tl_parser::parse(new).unwrap();
    diff(&[old], &[new])
}

/// The one definition diff named `name`.
fn definition<'a>(diff: &'a SchemaDiff, name: &str) -> &'a DefinitionDiff {
    let found: Vec<_> = diff.definitions.iter().filter(|d| d.name == name).collect();
    assert_eq!(found.len(), 1, "{name} in {diff:#?}");
    found[0]
}

/// The change of `definition` whose description is `text`.
fn change<'a>(definition: &'a DefinitionDiff, text: &str) -> &'a Change {
    definition
        .changes
        .iter()
        .find(|c| c.kind.to_string() == text)
        .unwrap_or_else(|| panic!("no `{text}` in {definition:#?}"))
}

fn wire(old_reads_new: Readable, new_reads_old: Readable) -> Wire {
    Wire {
        old_reads_new,
        new_reads_old,
    }
}

const BASE: &str = "\
peerUser#1 user_id:long = Peer;
peerChat#2 chat_id:long = Peer;
message#10 flags:# out:flags.1?true id:int peer:Peer message:string = Message;
---functions---
messages.send#20 flags:# silent:flags.0?true peer:Peer text:string = Message;
";

#[test]
fn equal_schemas_have_no_diff() {
    assert!(diff_of(BASE, BASE).is_empty());
}

#[test]
fn an_optional_field_on_an_existing_mask_breaks_struct_literals_only() {
    let new = BASE.replace(
        "message:string = Message",
        "message:string views:flags.3?int = Message",
    );
    let diff = diff_of(BASE, &new);
    let message = definition(&diff, "message");
    assert_eq!(message.status, Status::Changed);
    assert_eq!(message.rust_item.as_deref(), Some("types::Message"));
    let added = change(message, "field added: views:flags.3?int");
    assert_eq!(added.wire, wire(Readable::WhileAbsent, Readable::Always));
    assert_eq!(added.source, Source::BreaksStructLiterals);
    assert_eq!(added.rust_item.as_deref(), Some("types::Message::views"));
    // The id did not change (the text says #10): no id change is made up.
    assert_eq!(message.changes.len(), 1);
}

#[test]
fn a_required_field_and_a_new_id_break_the_wire_and_new() {
    let new = BASE.replace(
        "message#10 flags:# out:flags.1?true id:int",
        "message#11 flags:# out:flags.1?true id:int date:int",
    );
    let diff = diff_of(BASE, &new);
    let message = definition(&diff, "message");
    let id = change(message, "id 00000010 → 00000011");
    assert_eq!(id.wire, Wire::BROKEN);
    assert_eq!(id.source, Source::Compatible);
    let added = change(message, "field added: date:int");
    assert_eq!(added.wire, Wire::BROKEN);
    assert_eq!(added.source, Source::Breaking);
}

#[test]
fn a_true_flag_added_or_removed_keeps_the_wire() {
    let new = BASE.replace(
        "silent:flags.0?true ",
        "silent:flags.0?true quiet:flags.1?true ",
    );
    let diff = diff_of(BASE, &new);
    let send = definition(&diff, "messages.send");
    assert_eq!(send.category, Category::Function);
    let added = change(send, "field added: quiet:flags.1?true");
    assert!(added.wire.is_compatible());
    assert_eq!(added.source, Source::BreaksStructLiterals);
    assert_eq!(
        added.rust_item.as_deref(),
        Some("functions::messages::Send::quiet")
    );
    let back = diff_of(&new, BASE);
    let removed = change(
        definition(&back, "messages.send"),
        "field removed: quiet:flags.1?true",
    );
    assert!(removed.wire.is_compatible());
    assert_eq!(removed.source, Source::Breaking);
}

#[test]
fn removing_an_optional_field_is_readable_by_new_peers_while_absent() {
    let new = BASE.replace("out:flags.1?true id:int", "id:int");
    let old = BASE.replace("out:flags.1?true id:int", "id:int reply:flags.2?int");
    let diff = diff_of(&old, &new);
    let removed = change(
        definition(&diff, "message"),
        "field removed: reply:flags.2?int",
    );
    assert_eq!(removed.wire, wire(Readable::Always, Readable::WhileAbsent));
    assert_eq!(removed.source, Source::Breaking);
    assert_eq!(removed.rust_item.as_deref(), Some("types::Message::reply"));
}

#[test]
fn type_changes_are_judged_by_bytes_and_by_rust_type() {
    let new = BASE.replace("id:int peer", "id:long peer");
    let diff = diff_of(BASE, &new);
    let changed = change(definition(&diff, "message"), "field id: type int → long");
    assert_eq!(changed.wire, Wire::BROKEN);
    assert_eq!(changed.source, Source::Breaking);
    // `string` and `bytes` are the same bytes, and different Rust types.
    let new = BASE.replace("message:string", "message:bytes");
    let diff = diff_of(BASE, &new);
    let changed = change(
        definition(&diff, "message"),
        "field message: type string → bytes",
    );
    assert!(changed.wire.is_compatible());
    assert_eq!(changed.source, Source::Breaking);
}

#[test]
fn a_bool_that_becomes_a_true_flag() {
    let bool = "boolFalse#bc799737 = Bool; boolTrue#997275b5 = Bool;";
    let old = format!("{bool} c#1 flags:# pinned:Bool = C;");
    let new = format!("{bool} c#1 flags:# pinned:flags.0?true = C;");
    let diff = diff_of(&old, &new);
    let c = definition(&diff, "c");
    let conditional = change(c, "field pinned became conditional on flags.0");
    assert_eq!(
        conditional.wire,
        wire(Readable::WhilePresent, Readable::Never)
    );
    // `new` took the `bool`; now it is set by name.
    assert_eq!(conditional.source, Source::Breaking);
    let retyped = change(c, "field pinned: type Bool → true");
    assert_eq!(retyped.wire, Wire::BROKEN);
    // Both are a Rust `bool`.
    assert_eq!(retyped.source, Source::Compatible);
}

#[test]
fn required_and_conditional_both_ways() {
    let required = "c#1 flags:# a:int = C;";
    let conditional = "c#1 flags:# a:flags.0?int = C;";
    let to_conditional = diff_of(required, conditional);
    let c = change(
        definition(&to_conditional, "c"),
        "field a became conditional on flags.0",
    );
    assert_eq!(c.wire, wire(Readable::WhilePresent, Readable::Never));
    assert_eq!(c.source, Source::Breaking);
    let to_required = diff_of(conditional, required);
    let c = change(
        definition(&to_required, "c"),
        "field a became required (was on flags.0)",
    );
    assert_eq!(c.wire, wire(Readable::Never, Readable::WhilePresent));
    assert_eq!(c.source, Source::Breaking);
}

#[test]
fn a_field_moved_to_another_bit_is_readable_while_absent_and_keeps_rust() {
    let old = "c#1 flags:# flags2:# a:flags.0?int = C;";
    let new = "c#1 flags:# flags2:# a:flags2.5?int = C;";
    let diff = diff_of(old, new);
    let moved = change(
        definition(&diff, "c"),
        "field a moved from flags.0 to flags2.5",
    );
    assert_eq!(
        moved.wire,
        wire(Readable::WhileAbsent, Readable::WhileAbsent)
    );
    assert_eq!(moved.source, Source::Compatible);
}

#[test]
fn a_renamed_mask_changes_no_byte_and_no_rust_name() {
    let old = "c#1 flags:# a:flags.0?int = C;";
    let new = "c#1 mode:# a:mode.0?int = C;";
    let diff = diff_of(old, new);
    let c = definition(&diff, "c");
    let renamed = change(c, "mask flags renamed to mode");
    assert!(renamed.wire.is_compatible());
    assert_eq!(renamed.source, Source::Compatible);
    // The field's flag follows the mask: it did not move.
    assert_eq!(c.changes.len(), 1, "{c:#?}");
}

#[test]
fn a_renamed_field_keeps_the_wire_and_breaks_rust() {
    let diff = diff_of("c#1 a:int b:long = C;", "c#1 a:int bee:long = C;");
    let renamed = change(definition(&diff, "c"), "field b renamed to bee");
    assert!(renamed.wire.is_compatible());
    assert_eq!(renamed.source, Source::Breaking);
    assert_eq!(renamed.rust_item.as_deref(), Some("types::C::bee"));
}

#[test]
fn reordered_fields_break_the_wire_and_new() {
    let diff = diff_of("c#1 a:int b:long = C;", "c#1 b:long a:int = C;");
    let reordered = change(definition(&diff, "c"), "fields reordered");
    assert_eq!(reordered.wire, Wire::BROKEN);
    assert_eq!(reordered.source, Source::Breaking);
}

#[test]
fn a_definition_renamed_with_its_id_is_one_definition() {
    let diff = diff_of("c#1 a:int = C;", "d#1 a:int = C;");
    assert_eq!(diff.definitions.len(), 1, "{diff:#?}");
    let d = definition(&diff, "d");
    let renamed = change(d, "renamed from c (same id)");
    assert!(renamed.wire.is_compatible());
    assert_eq!(renamed.source, Source::Breaking);
    assert_eq!(d.rust_item.as_deref(), Some("types::D"));
    // The type `C` lost nothing: the same constructor, under another name.
    assert!(diff.types.iter().all(|t| t.status == Status::RustRenamed));
}

#[test]
fn a_constructor_gained_and_one_lost() {
    let new = BASE.replace("peerChat#2 chat_id:long = Peer;", "").replace(
        "peerUser#1 user_id:long = Peer;",
        "peerUser#1 user_id:long = Peer;\npeerChannel#3 channel_id:long = Peer;",
    );
    let diff = diff_of(BASE, &new);
    let added = definition(&diff, "peerChannel");
    assert_eq!(added.status, Status::Added);
    assert_eq!(
        added.changes[0].wire,
        wire(Readable::WhileAbsent, Readable::Always)
    );
    assert_eq!(added.changes[0].source, Source::Compatible);
    let removed = definition(&diff, "peerChat");
    assert_eq!(removed.status, Status::Removed);
    assert_eq!(
        removed.changes[0].wire,
        wire(Readable::Always, Readable::WhileAbsent)
    );
    assert_eq!(removed.changes[0].source, Source::Breaking);
    assert_eq!(removed.rust_item.as_deref(), Some("types::PeerChat"));

    let [peer] = diff.types.as_slice() else {
        panic!("{diff:#?}")
    };
    assert_eq!((peer.name.as_str(), peer.status), ("Peer", Status::Changed));
    assert_eq!(peer.rust_item.as_deref(), Some("enums::Peer"));
    let gained = &peer.changes[0];
    assert_eq!(gained.kind.to_string(), "constructor added: peerChannel");
    assert_eq!(gained.source, Source::BreaksExhaustiveMatches);
    assert_eq!(gained.rust_item.as_deref(), Some("enums::Peer::Channel"));
    let lost = &peer.changes[1];
    assert_eq!(lost.kind.to_string(), "constructor removed: peerChat");
    assert_eq!(lost.source, Source::Breaking);
    assert_eq!(lost.rust_item.as_deref(), Some("enums::Peer::Chat"));
}

#[test]
fn a_constructor_moved_to_another_type() {
    let old = "a#1 = A; b#2 = B;";
    let new = "a#1 = B; b#2 = B;";
    let diff = diff_of(old, new);
    let moved = change(definition(&diff, "a"), "result type A → B");
    assert_eq!(moved.wire, Wire::BROKEN);
    assert_eq!(moved.source, Source::Breaking);
    let statuses: Vec<_> = diff
        .types
        .iter()
        .map(|t| (t.name.as_str(), t.status))
        .collect();
    assert_eq!(statuses, [("A", Status::Removed), ("B", Status::Changed)]);
}

#[test]
fn an_enum_accessor_lost_when_a_constructor_lacks_the_field() {
    let old = "userEmpty#1 id:long = User; user#2 id:long name:string = User;";
    let new = format!("{old} userDeleted#3 = User; userGone#4 = User;");
    let diff = diff_of(old, &new);
    let user = diff.types.iter().find(|t| t.name == "User").unwrap();
    let accessor = user
        .changes
        .iter()
        .find(|c| matches!(c.kind, ChangeKind::AccessorChanged { .. }))
        .unwrap_or_else(|| panic!("{user:#?}"));
    assert_eq!(accessor.rust_item.as_deref(), Some("enums::User::id"));
    assert_eq!(accessor.source, Source::Breaking);
    assert!(accessor.wire.is_compatible());
}

#[test]
fn a_rust_name_taken_by_a_new_definition_is_reported_without_a_tl_change() {
    // `fooBar` and `foo_bar` are both `FooBar` in Rust: the one first in
    // the file keeps the name.
    let old = "fooBar#1 = T;";
    let new = "foo_bar#2 = T; fooBar#1 = T;";
    let diff = diff_of(old, new);
    let kept = definition(&diff, "fooBar");
    assert_eq!(kept.status, Status::RustRenamed);
    let renamed = change(kept, "Rust name types::FooBar → types::FooBar2");
    assert_eq!(renamed.source, Source::Breaking);
    assert!(renamed.wire.is_compatible());
}

#[test]
fn schemas_the_generator_cannot_plan_are_still_compared() {
    // `Missing` is declared nowhere: no Rust names, classes from the text.
    let diff = diff_of(
        "c#1 a:Missing = C;",
        "c#1 a:Missing b:flags.0?int flags:# = C;",
    );
    let c = definition(&diff, "c");
    assert_eq!(c.rust_item, None);
    let added = change(c, "field added: b:flags.0?int");
    assert_eq!(added.source, Source::BreaksStructLiterals);
}

#[test]
fn a_rename_that_would_cross_fields_matched_by_name_is_a_removal_and_an_addition() {
    // `a` and `b` swapped places around `x` → `y`: the middle field cannot
    // be the same one under another name.
    let diff = diff_of("c#1 a:int x:int b:int = C;", "c#1 b:int y:int a:int = C;");
    let c = definition(&diff, "c");
    change(c, "field added: y:int");
    change(c, "field removed: x:int");
    change(c, "fields reordered");
    assert_eq!(c.changes.len(), 3, "{c:#?}");
}
