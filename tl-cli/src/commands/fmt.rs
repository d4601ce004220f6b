//! `tl fmt`: a schema in canonical layout.

use crate::source::SchemaFile;
use std::path::PathBuf;
use std::process::ExitCode;

/// Lay out schema files canonically, losing nothing: each definition on one
/// line with single spaces, every comment, section separator and blank line
/// between groups kept where it was. Ids keep the digits they were written
/// with. The files Telegram ships are canonical as they are.
///
/// Examples:
///   tl fmt my.tl                  print the formatted text
///   tl fmt --check schema/*.tl    print a diff of what would change; exit 1 if anything would
///   tl fmt --write my.tl          rewrite the file in place
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The schema files (one, unless with --check or --write).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Rewrite the files in place instead of printing them.
    #[arg(long)]
    write: bool,
    /// Write nothing; print a unified diff of each file that is not in
    /// canonical layout and exit with status 1 if there is any.
    #[arg(long, conflicts_with = "write")]
    check: bool,
}

/// Runs `tl fmt`.
pub fn run(args: Args) -> Result<ExitCode, crate::failure::Failure> {
    if !args.check && !args.write && args.files.len() > 1 {
        return Err(
            "give one file to print, or use --check or --write for several"
                .to_owned()
                .into(),
        );
    }
    let mut differ = false;
    for path in &args.files {
        let file = SchemaFile::load(path)?;
        let formatted = tl_parser::format::format_schema(&file.text, file.schema()?);
        if args.check {
            if formatted != file.text {
                differ = true;
                print!(
                    "{}",
                    unified_diff(&file.display_name(), &file.text, &formatted)
                );
            }
        } else if args.write {
            if formatted != file.text {
                std::fs::write(path, formatted)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        } else {
            print!("{formatted}");
        }
    }
    Ok(if differ {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The changes from `old` to `new` as a unified diff with 3 lines of context.
fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}
