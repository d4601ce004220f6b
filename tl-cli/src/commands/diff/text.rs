//! The readable form of a diff: removed, added and changed definitions, then
//! types, each change with its classes on the line below, and a summary
//! line. Styled with ANSI colours, which the output stream strips when it
//! is not a terminal or `NO_COLOR` is set.

use super::Summary;
use anstyle::{AnsiColor, Style};
use std::fmt::Write;
use tl_codegen::diff::{
    Change, ChangeKind, DefinitionDiff, Readable, SchemaDiff, Source, Status, TypeDiff, Wire,
};
use tl_parser::Category;

const RED: Style = AnsiColor::Red.on_default();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// The whole diff as text.
pub(super) fn render(diff: &SchemaDiff, verbose: bool) -> String {
    let mut out = String::new();
    for (status, heading) in [
        (Status::Removed, "removed"),
        (Status::Added, "added"),
        (Status::Changed, "changed"),
        (Status::RustRenamed, "same TL text, other Rust names"),
    ] {
        let group: Vec<&DefinitionDiff> = diff
            .definitions
            .iter()
            .filter(|d| d.status == status)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{BOLD}{heading} ({}){BOLD:#}", group.len());
        for definition in group {
            write_definition(&mut out, definition, verbose);
        }
        out.push('\n');
    }
    if !diff.types.is_empty() {
        let _ = writeln!(out, "{BOLD}types ({}){BOLD:#}", diff.types.len());
        for ty in &diff.types {
            write_type(&mut out, ty);
        }
        out.push('\n');
    }
    out.push_str(&summary_line(&Summary::of(diff)));
    out
}

/// `-`, `+` or `~`, coloured.
fn marker(status: Status) -> String {
    match status {
        Status::Removed => format!("{RED}-{RED:#}"),
        Status::Added => format!("{GREEN}+{GREEN:#}"),
        Status::Changed | Status::RustRenamed => format!("{YELLOW}~{YELLOW:#}"),
    }
}

fn rust_suffix(item: Option<&str>) -> String {
    item.map(|i| format!("  {DIM}{i}{DIM:#}"))
        .unwrap_or_default()
}

fn write_definition(out: &mut String, definition: &DefinitionDiff, verbose: bool) {
    let category = match definition.category {
        Category::Type => "constructor",
        Category::Function => "function",
    };
    let _ = writeln!(
        out,
        "  {} {category} {BOLD}{}{BOLD:#}{}",
        marker(definition.status),
        definition.name,
        rust_suffix(definition.rust_item.as_deref())
    );
    if verbose && definition.status == Status::Changed {
        if let (Some(old), Some(new)) = (&definition.old_text, &definition.new_text) {
            let _ = writeln!(out, "      {RED}- {old}{RED:#}");
            let _ = writeln!(out, "      {GREEN}+ {new}{GREEN:#}");
        }
    }
    let only_added_or_removed = matches!(
        definition.changes.as_slice(),
        [Change {
            kind: ChangeKind::Added | ChangeKind::Removed,
            ..
        }]
    );
    for change in &definition.changes {
        if only_added_or_removed {
            let _ = writeln!(out, "      {}", classes(change));
        } else {
            write_change(out, change, definition.rust_item.as_deref());
        }
    }
}

fn write_type(out: &mut String, ty: &TypeDiff) {
    let _ = writeln!(
        out,
        "  {} type {BOLD}{}{BOLD:#}{}",
        marker(ty.status),
        ty.name,
        rust_suffix(ty.rust_item.as_deref())
    );
    for change in &ty.changes {
        if matches!(change.kind, ChangeKind::Added | ChangeKind::Removed) {
            let _ = writeln!(out, "      {}", classes(change));
        } else {
            write_change(out, change, ty.rust_item.as_deref());
        }
    }
}

/// A change and, below it, its classes; its Rust item where it is not the
/// definition's own.
fn write_change(out: &mut String, change: &Change, parent_item: Option<&str>) {
    let item = change
        .rust_item
        .as_deref()
        .filter(|&i| Some(i) != parent_item);
    let _ = writeln!(out, "      {}{}", change.kind, rust_suffix(item));
    let _ = writeln!(out, "        {}", classes(change));
}

/// `wire: ... · source: ...`, coloured by how much they break.
fn classes(change: &Change) -> String {
    format!(
        "{} · {}",
        wire_text(&change.wire),
        source_text(change.source)
    )
}

fn wire_text(wire: &Wire) -> String {
    if wire.is_compatible() {
        return format!("{GREEN}wire-compatible{GREEN:#}");
    }
    if *wire == Wire::BROKEN {
        return format!("{RED}neither side reads the other's bytes{RED:#}");
    }
    let direction = |readable: Readable, who: &str, whose: &str| match readable {
        Readable::Always => None,
        Readable::WhileAbsent => Some(format!(
            "{YELLOW}{who} read {whose} bytes only without it{YELLOW:#}"
        )),
        Readable::WhilePresent => Some(format!(
            "{YELLOW}{who} read {whose} bytes only with it set{YELLOW:#}"
        )),
        Readable::Never => Some(format!("{RED}{who} cannot read {whose} bytes{RED:#}")),
    };
    [
        direction(wire.old_reads_new, "old peers", "new"),
        direction(wire.new_reads_old, "new peers", "old"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

fn source_text(source: Source) -> String {
    match source {
        Source::Compatible => format!("{GREEN}source-compatible{GREEN:#}"),
        Source::BreaksStructLiterals => format!("{YELLOW}breaks struct literals{YELLOW:#}"),
        Source::BreaksExhaustiveMatches => {
            format!("{YELLOW}breaks exhaustive matches{YELLOW:#}")
        }
        Source::Breaking => format!("{RED}source-breaking{RED:#}"),
    }
}

fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "{} added, {} removed, {} changed",
        summary.added, summary.removed, summary.changed
    );
    if summary.rust_renamed > 0 {
        let _ = write!(line, ", {} renamed in Rust only", summary.rust_renamed);
    }
    let _ = write!(
        line,
        "; {} type(s) affected; {} wire-incompatible and {} source-breaking change(s)",
        summary.types, summary.wire_incompatible, summary.source_breaking
    );
    format!("{BOLD}{line}{BOLD:#}\n")
}
