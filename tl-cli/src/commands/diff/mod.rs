//! `tl diff`: what changed between two versions of a schema, and what it breaks.

mod json;
mod text;

use crate::failure::Failure;
use crate::source::SchemaFile;
use std::path::PathBuf;
use std::process::ExitCode;
use tl_codegen::diff::{SchemaDiff, Source};
use tl_parser::Schema;

/// Compare two versions of a schema; say what each change breaks.
///
/// Definitions and types added, removed and changed (two Telegram layers, two
/// releases of TON's or TDLib's files), field by field, matched by TL name
/// and, for a definition renamed, by id. Each change is classified for the
/// wire, in both directions (does an old peer read a new peer's bytes: always,
/// only without it, only with it set, or not at all; and a new peer an old
/// one's), and for Rust code written against the old generated types, with
/// the Rust item it affects (`types::Message::reactions`):
///   source-breaking             code that names what changed stops compiling
///   breaks struct literals      an optional field added: code in the bindings'
///                               style (`new`, optional fields set by name,
///                               `..Default::default()`) compiles
///   breaks exhaustive matches   a constructor added to a type
///   source-compatible           nothing breaks
///
/// Two files are the old one and the new one. For more, give the old files,
/// then `--`, then the new ones. Text is coloured on a terminal (not when
/// piped, or with NO_COLOR set) and ends with a one-line summary.
///
/// Exit status: 0; 1 with --fail-on when such a change is found; 2 when a
/// file cannot be read or does not parse.
///
/// Examples:
///   tl diff old/api.tl new/api.tl
///   tl diff old/api.tl old/mtproto.tl -- new/api.tl new/mtproto.tl
///   tl diff --json old.tl new.tl > changes.json
///   tl diff --fail-on source old.tl new.tl      in CI: exit 1 on a source-breaking change
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The old schema files, or with exactly two files and no `--`, the old
    /// file and the new one.
    #[arg(required = true, value_name = "OLD")]
    old: Vec<PathBuf>,
    /// The new schema files, after `--`.
    #[arg(last = true, value_name = "NEW")]
    new: Vec<PathBuf>,
    /// Print the changes as JSON, for tools.
    #[arg(long)]
    json: bool,
    /// Exit with status 1 if a change of this class is found: `wire` (any
    /// change that some peer cannot read in some case), `source` (any
    /// source-breaking change). May be given twice.
    #[arg(long, value_enum, value_name = "CLASS")]
    fail_on: Vec<FailOn>,
    /// Print each changed definition's old and new text.
    #[arg(short, long)]
    verbose: bool,
    /// When to colour the text: `auto` (on a terminal, unless NO_COLOR is
    /// set), `always`, `never`.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: Color,
}

/// A class of change that makes `tl diff` fail.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// A change that breaks the wire in either direction, in any case.
    Wire,
    /// A change that breaks code written against the old bindings.
    Source,
}

/// When to colour the output.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs `tl diff`.
pub fn run(args: Args) -> Result<ExitCode, Failure> {
    match compare(&args) {
        Ok(diff) => Ok(report(&args, &diff)),
        Err(failure) => {
            eprintln!("{failure}");
            Ok(ExitCode::from(2))
        }
    }
}

/// The old and new files as the command line gives them.
fn sides(args: &Args) -> Result<(&[PathBuf], &[PathBuf]), Failure> {
    if !args.new.is_empty() {
        return Ok((&args.old, &args.new));
    }
    match args.old.as_slice() {
        [old, new] => Ok((std::slice::from_ref(old), std::slice::from_ref(new))),
        _ => Err(Failure::Message(format!(
            "give the old and the new file, or the old files, then `--`, then the new ones \
             ({} file(s) given with no `--`)",
            args.old.len()
        ))),
    }
}

/// Reads each side's files.
fn read(paths: &[PathBuf]) -> Result<Vec<SchemaFile>, Failure> {
    Ok(paths
        .iter()
        .map(|p| SchemaFile::load(p))
        .collect::<Result<Vec<_>, _>>()?)
}

/// Parses both sides; every file that does not parse, on either side, is
/// shown with its diagnostic.
fn compare(args: &Args) -> Result<SchemaDiff, Failure> {
    let (old, new) = sides(args)?;
    let (old, new) = (read(old)?, read(new)?);
    let rendered: Vec<String> = old
        .iter()
        .chain(&new)
        .filter_map(|file| file.schema().err())
        .map(|failure| failure.to_string())
        .collect();
    if !rendered.is_empty() {
        return Err(Failure::Rendered(rendered.join("\n\n")));
    }
    let schemas = |files: Vec<SchemaFile>| -> Vec<Schema> {
        files.into_iter().filter_map(|f| f.parsed.ok()).collect()
    };
    Ok(tl_codegen::diff::diff(&schemas(old), &schemas(new)))
}

fn report(args: &Args, diff: &SchemaDiff) -> ExitCode {
    use std::io::Write;
    match args.color {
        Color::Auto => {}
        Color::Always => anstream::ColorChoice::Always.write_global(),
        Color::Never => anstream::ColorChoice::Never.write_global(),
    }
    let out = if args.json {
        json::render(diff)
    } else {
        text::render(diff, args.verbose)
    };
    let mut stdout = anstream::stdout();
    // A closed pipe (`tl diff ... | head`) is not an error worth reporting.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    let found = |class: FailOn| match class {
        FailOn::Wire => diff.changes().any(|c| !c.wire.is_compatible()),
        FailOn::Source => diff.changes().any(|c| c.source == Source::Breaking),
    };
    if args.fail_on.iter().any(|&class| found(class)) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Counts for the summary line and the JSON's `summary`.
pub(crate) struct Summary {
    /// Definitions added.
    pub added: usize,
    /// Definitions removed.
    pub removed: usize,
    /// Definitions changed.
    pub changed: usize,
    /// Definitions whose TL text is the same but whose Rust names changed.
    pub rust_renamed: usize,
    /// Boxed types added, removed or changed (in total).
    pub types: usize,
    /// Changes of definitions that some peer cannot read in some case (a
    /// type's constructors gained and lost are counted with the definitions).
    pub wire_incompatible: usize,
    /// Changes that break code naming what changed.
    pub source_breaking: usize,
}

impl Summary {
    pub(crate) fn of(diff: &SchemaDiff) -> Summary {
        use tl_codegen::diff::Status;
        let count = |status| {
            diff.definitions
                .iter()
                .filter(|d| d.status == status)
                .count()
        };
        Summary {
            added: count(Status::Added),
            removed: count(Status::Removed),
            changed: count(Status::Changed),
            rust_renamed: count(Status::RustRenamed),
            types: diff.types.len(),
            wire_incompatible: diff
                .definitions
                .iter()
                .flat_map(|d| &d.changes)
                .filter(|c| !c.wire.is_compatible())
                .count(),
            source_breaking: diff
                .changes()
                .filter(|c| c.source == Source::Breaking)
                .count(),
        }
    }
}
