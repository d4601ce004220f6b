//! `tl gen`: Rust bindings from schema files.

use crate::failure::Failure;
use crate::method_data::MethodFiles;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate Rust bindings (types, enums, functions and their serialisation)
/// from schema files used together.
///
/// Examples:
///   tl gen schema/api.tl -o api.rs
///   tl gen schema/api.tl --function 'auth.*' --function messages.sendMessage -o api.rs
///   tl gen my.tl --runtime crate::runtime -o src/generated.rs
///   tl gen api.tl --descriptions api-schema.json -o api.rs
///   tl gen api.tl --borrowed -o api.rs
///   tl gen --rpc-errors --methods methods.csv --errors errors.csv -o errors.rs
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The schema files.
    #[arg(required_unless_present = "rpc_errors")]
    files: Vec<PathBuf>,
    /// Write the enum of RPC errors the method data name (`RpcErrorKind`,
    /// `FLOOD_WAIT_X` as `FloodWait(i32)`) instead of bindings; needs
    /// `--methods` and `--errors`.
    #[arg(long, requires = "methods", conflicts_with = "files")]
    rpc_errors: bool,
    /// Descriptions for the docs: the `tl/api-schema.json` of the npm
    /// package `@mtcute/core` 0.31.0.
    #[arg(long, value_name = "FILE")]
    descriptions: Option<PathBuf>,
    /// Put an example into each function's docs (a doctest), reaching the
    /// bindings at this path from outside the crate (`my_crate::tl`).
    #[arg(long, value_name = "PATH")]
    doc_examples: Option<String>,
    /// Borrowed bindings: strings and bytes are `Cow<'a, _>`s that decode
    /// without copying (`tl_types::BorrowDecode`), and the types holding
    /// them take the lifetime `'a`.
    #[arg(long)]
    borrowed: bool,
    /// Where to write the generated source; standard output if not given.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The path of the runtime crate in the generated code.
    #[arg(long, default_value = "::tl_types")]
    runtime: String,
    /// A `method,usability,errors` CSV file for function docs.
    #[arg(long, requires = "errors")]
    methods: Option<PathBuf>,
    /// A `name,codes` CSV file for function docs.
    #[arg(long, requires = "methods")]
    errors: Option<PathBuf>,
    /// Generate only this function (a TL name, or `namespace.*`) and every
    /// type it needs; may be given more than once.
    #[arg(long = "function", value_name = "NAME")]
    functions: Vec<String>,
}

/// Runs `tl gen`.
pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let mut config = tl_codegen::Config::new();
    config.runtime_crate(&args.runtime);
    if let Some(&rule) = crate::source::ID_RULE.get() {
        config.id_rule(rule);
    }
    if !args.functions.is_empty() {
        let patterns: Vec<&str> = args.functions.iter().map(String::as_str).collect();
        config.functions(&patterns);
    }
    let method_files = MethodFiles::given(&args.methods, &args.errors);
    if let Some(files) = &method_files {
        let (methods, errors) = files.read()?;
        config.method_data(&methods, &errors);
    }
    if let Some(path) = &args.descriptions {
        config.descriptions(path);
    }
    if let Some(path) = &args.doc_examples {
        config.doc_examples(path);
    }
    config.borrowed(args.borrowed);
    let generated = if args.rpc_errors {
        config.generate_rpc_errors()
    } else {
        config.generate_files(&args.files)
    };
    let source = generated.map_err(|e| match e {
        tl_codegen::Error::Io { .. }
        | tl_codegen::Error::Descriptions { .. }
        | tl_codegen::Error::InvalidPath { .. } => Failure::Message(e.to_string()),
        // The CSV's line, under the path it was read from.
        tl_codegen::Error::MethodData {
            file,
            line,
            message,
        } => match &method_files {
            Some(files) => files.fault(file, line, &message),
            None => Failure::Message(format!("{file}:{line}: {message}")),
        },
        // Diagnostics, rendered with their source lines.
        _ => Failure::Rendered(e.to_string().trim_end().to_owned()),
    })?;
    match &args.output {
        Some(path) => std::fs::write(path, source)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => print!("{source}"),
    }
    Ok(ExitCode::SUCCESS)
}
