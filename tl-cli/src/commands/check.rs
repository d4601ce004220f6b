//! `tl check`: parse and check schema files together.

use crate::source::SchemaFile;
use std::path::PathBuf;
use std::process::ExitCode;
use tl_parser::{Severity, SourceText};

/// Parse and check schema files; print warnings and errors with their source lines.
///
/// Files given together are checked together: a type defined in one may be
/// used in another. What `tl gen` could not generate is reported too. Exits with status 1 if any file does not parse or any
/// finding is an error; warnings alone exit 0.
///
/// Example: tl check schema/api.tl schema/mtproto.tl
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The schema files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print nothing for warnings.
    #[arg(long)]
    quiet: bool,
}

/// Runs `tl check`.
pub fn run(args: Args) -> Result<ExitCode, crate::failure::Failure> {
    let files = args
        .files
        .iter()
        .map(|p| SchemaFile::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut failed = false;
    for file in &files {
        if let Err(rendered) = file.schema() {
            eprintln!("{rendered}\n");
            failed = true;
        }
    }
    if failed {
        return Ok(ExitCode::FAILURE);
    }
    let schemas: Vec<_> = files
        .iter()
        .filter_map(|f| f.parsed.as_ref().ok())
        .collect();
    let mut findings = tl_parser::check(&schemas);
    // What passes the checker but the generator cannot express: `check` is
    // the pre-flight of `gen`.
    if !findings.iter().any(|d| d.severity == Severity::Error) {
        let owned: Vec<tl_parser::Schema> = schemas.iter().map(|s| (*s).clone()).collect();
        findings.extend(tl_codegen::Config::new().diagnostics(&owned));
    }
    let names: Vec<String> = files.iter().map(SchemaFile::display_name).collect();
    let sources: Vec<SourceText<'_>> = files
        .iter()
        .zip(&names)
        .map(|(f, name)| SourceText {
            name,
            text: &f.text,
        })
        .collect();
    let shown: Vec<_> = findings
        .iter()
        .filter(|d| !args.quiet || d.severity == Severity::Error)
        .cloned()
        .collect();
    eprint!("{}", tl_parser::render(&shown, &sources));
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let definitions: usize = schemas.iter().map(|s| s.definitions.len()).sum();
    eprintln!(
        "checked {} file(s), {definitions} definitions: {errors} error(s), {warnings} warning(s)",
        files.len()
    );
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
