//! `tl parse`: the parsed model of a schema file.

use crate::source::SchemaFile;
use std::path::PathBuf;
use std::process::ExitCode;

/// Parse a schema file and print its model.
///
/// Example: tl parse --json schema/api.tl > api.json
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The schema file.
    file: PathBuf,
    /// Print the model as JSON (the default and, for now, the only format).
    #[arg(long)]
    json: bool,
    /// Pretty-print the JSON.
    #[arg(long)]
    pretty: bool,
}

/// Runs `tl parse`.
pub fn run(args: Args) -> Result<ExitCode, crate::failure::Failure> {
    let file = SchemaFile::load(&args.file)?;
    let schema = file.schema()?;
    let json = if args.pretty {
        serde_json::to_string_pretty(schema)
    } else {
        serde_json::to_string(schema)
    }
    .map_err(|e| format!("cannot write JSON: {e}"))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}
