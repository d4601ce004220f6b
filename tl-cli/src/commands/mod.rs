//! One module per subcommand, each with its `Args` and `run`.

pub mod check;
pub mod diff;
pub mod doc;
pub mod fmt;
pub mod generate;
pub mod json;
pub mod parse;
