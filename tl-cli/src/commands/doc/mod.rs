//! `tl doc`: a static HTML reference of schema files, one page per
//! function, constructor and type, with namespace indexes and an offline
//! search box. What each page says is decided by `tl_codegen::reference`
//! (the same pages the generated rustdoc spells); `pages` spells them as
//! HTML, `site` lays the files out, and `assets` holds the style sheet and
//! the search script.

mod pages;
mod site;

use crate::failure::Failure;
use crate::method_data::MethodFiles;
use crate::source::SchemaFile;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tl_codegen::descriptions::Descriptions;
use tl_codegen::reference::{Reference, ReferenceOptions};

/// Write a static HTML reference of schema files: a page per function,
/// constructor and type (description, TL line, Rust example, parameters,
/// result, who may call it, errors), namespace indexes, and a search box
/// that works offline.
///
/// Examples:
///   tl doc tl-types/schema/api.tl -o site
///   tl doc tl-types/schema/api.tl --methods tl-types/schema/methods.csv \
///       --errors tl-types/schema/errors.csv --descriptions api-schema.json -o site
///   tl doc td_api.tl --bindings crate::td -o site
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The schema files, used together.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The directory to write the site into (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    /// Descriptions of definitions, parameters, types and errors: the
    /// `tl/api-schema.json` of the npm package `@mtcute/core` 0.31.0. The
    /// schemas' own doc comments (TDLib's `//@description`) are read
    /// without it.
    #[arg(long, value_name = "FILE")]
    descriptions: Option<PathBuf>,
    /// A `method,usability,errors` CSV file: who may call each function and
    /// the errors it returns.
    #[arg(long, requires = "errors")]
    methods: Option<PathBuf>,
    /// A `name,codes` CSV file: each error's codes.
    #[arg(long, requires = "methods")]
    errors: Option<PathBuf>,
    /// Where the examples reach the generated bindings (`use PATH::functions`).
    #[arg(long, value_name = "PATH", default_value = "tl_types")]
    bindings: String,
    /// Where the examples reach the runtime crate.
    #[arg(long, value_name = "PATH", default_value = "tl_types")]
    runtime: String,
}

/// Runs `tl doc`.
pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let started = Instant::now();
    let files = args
        .files
        .iter()
        .map(|path| SchemaFile::load(path))
        .collect::<Result<Vec<_>, _>>()?;
    let schemas = files
        .iter()
        .map(|file| file.schema().cloned())
        .collect::<Result<Vec<_>, _>>()?;
    let methods = match MethodFiles::given(&args.methods, &args.errors) {
        Some(files) => {
            let (methods, errors) = files.read()?;
            tl_codegen::MethodData::from_csv(&methods, &errors).map_err(|e| match e {
                tl_codegen::Error::MethodData {
                    file,
                    line,
                    message,
                } => files.fault(file, line, &message),
                other => Failure::Message(other.to_string()),
            })?
        }
        None => tl_codegen::MethodData::default(),
    };
    let own = Descriptions::from_schema_docs(&schemas);
    let descriptions = match &args.descriptions {
        Some(path) => {
            let read = Descriptions::from_mtcute_file(path)
                .map_err(|e| Failure::Message(e.to_string()))?;
            let unmatched = read.unmatched(&schemas);
            if !unmatched.is_empty() {
                eprintln!(
                    "note: {} entries of {} name what the schemas lack ({} constructors, {} functions, {} types, {} parameters, {} link targets); left out",
                    unmatched.total(),
                    path.display(),
                    unmatched.constructors.len(),
                    unmatched.functions.len(),
                    unmatched.types.len(),
                    unmatched.params.len(),
                    unmatched.links.len(),
                );
            }
            read.or(own)
        }
        None => own,
    };
    let reference = Reference::build(
        &schemas,
        &ReferenceOptions {
            methods: &methods,
            descriptions: &descriptions,
            bindings_path: &args.bindings,
            runtime_path: &args.runtime,
        },
    )
    .map_err(|e| Failure::Rendered(e.to_string().trim_end().to_owned()))?;
    let written = site::write(&reference, &args.output)?;
    eprintln!(
        "wrote {} pages ({:.1} MB) to {} in {:.2} s",
        written.pages,
        written.bytes as f64 / 1e6,
        args.output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
