//! `tl`: the command-line tool over the TL toolchain.
//!
//! ```text
//! tl check api.tl mtproto.tl         # parse and check; warnings and errors rendered like rustc's
//! tl parse --json api.tl              # the parsed model as JSON
//! tl fmt api.tl                       # canonical TL text
//! tl diff old/api.tl new/api.tl       # what changed between two layers, and what it breaks
//! tl gen api.tl -o api.rs             # Rust bindings
//! tl doc api.tl -o site               # a static HTML reference
//! tl json decode --raw reply.bin      # TL bytes as TL-JSON (and `encode` back)
//! ```

mod bundled;
mod commands;
mod failure;
mod method_data;
mod source;
mod text_input;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Tools for TL, the schema language of Telegram, TDLib and TON: check,
/// format and compare schemas, generate Rust bindings, and turn TL bytes into TL-JSON and
/// back.
#[derive(Parser)]
#[command(name = "tl", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How to compute the ids that schema files leave out: `telegram`
    /// (`bytes` hashed as `string`, `flags.N?true` left out) or `tl-compiler`
    /// (TDLib's and TON's: as written). By default each file's own: Telegram's
    /// where it writes most of its ids.
    #[arg(long, global = true, value_name = "RULE")]
    id_rule: Option<tl_parser::IdRule>,
}

#[derive(Subcommand)]
enum Command {
    Check(commands::check::Args),
    Parse(commands::parse::Args),
    Fmt(commands::fmt::Args),
    Diff(commands::diff::Args),
    Doc(commands::doc::Args),
    Gen(commands::generate::Args),
    Json(commands::json::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(rule) = cli.id_rule {
        let _ = source::ID_RULE.set(rule);
    }
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Parse(args) => commands::parse::run(args),
        Command::Fmt(args) => commands::fmt::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Doc(args) => commands::doc::run(args),
        Command::Gen(args) => commands::generate::run(args),
        Command::Json(args) => commands::json::run(args),
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}
