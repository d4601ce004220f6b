//! `tl fmt`: a schema in canonical TL text.

use crate::source::SchemaFile;
use std::path::PathBuf;
use std::process::ExitCode;

/// Print a schema file in canonical form: one definition per line, ids as 8
/// hex digits, type arguments in angle brackets, doc comments one tag per line.
///
/// Example: tl fmt schema/api.tl > api.canonical.tl
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The schema file.
    file: PathBuf,
    /// Rewrite the file in place instead of printing it.
    #[arg(long)]
    write: bool,
    /// Print nothing; exit with status 1 if the file is not already canonical.
    #[arg(long, conflicts_with = "write")]
    check: bool,
}

/// Runs `tl fmt`.
pub fn run(args: Args) -> Result<ExitCode, crate::failure::Failure> {
    let file = SchemaFile::load(&args.file)?;
    let canonical = file.schema()?.to_string();
    if args.check {
        return Ok(if canonical == file.text {
            ExitCode::SUCCESS
        } else {
            eprintln!("{} is not in canonical form", file.display_name());
            ExitCode::FAILURE
        });
    }
    if args.write {
        std::fs::write(&args.file, canonical)
            .map_err(|e| format!("cannot write {}: {e}", args.file.display()))?;
    } else {
        print!("{canonical}");
    }
    Ok(ExitCode::SUCCESS)
}
