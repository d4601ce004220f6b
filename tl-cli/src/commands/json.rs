//! `tl json encode` and `tl json decode`: TL-JSON to bytes and back.

use crate::source::SchemaFile;
use base64::Engine;
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The longest input line the line protocol reads by default; a longer one
/// is an error line, and reading goes on after it.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Convert between TL bytes and TL-JSON.
///
/// Without a file, a line protocol: `encode` reads one TL-JSON object per line
/// and writes one line of hex; `decode` reads one line of hex and writes one
/// line of TL-JSON. A bad line gives a line `error: ...` in its place, and
/// the exit status is 1 if any line failed.
///
/// With a file, one whole value, pretty-printed.
///
/// Examples:
///   echo '{"_":"help.getConfig"}' | tl json encode
///   echo '6b18f9c4' | tl json decode
///   tl json decode --raw reply.bin
///   tl json decode --schema my.tl --hex dump.txt
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(subcommand)]
    direction: Direction,
}

#[derive(clap::Subcommand)]
enum Direction {
    /// TL-JSON → bytes.
    ///
    /// Without a file, one TL-JSON object per line on standard input, one
    /// line of hex per object on standard output (or `error: ...` in its
    /// place). With a file, the one object it holds.
    ///
    /// Examples:
    ///   echo '{"_":"auth.sentCodeTypeSms","length":5}' | tl json encode
    ///   tl json encode --raw request.json > request.bin
    ///   tl json encode --schema lite_api.tl query.json
    #[command(verbatim_doc_comment)]
    Encode(EncodeArgs),
    /// Bytes → TL-JSON.
    ///
    /// Without a file, one object per line of hex on standard input (spaces
    /// and tabs between the digits are fine), one line of TL-JSON per object
    /// on standard output (or `error: ...` in its place). With a file, the
    /// one object it holds, as bytes (the default), hex or base64 text.
    ///
    /// Examples:
    ///   echo 'c000bba2 05000000' | tl json decode
    ///   tl json decode --raw reply.bin
    ///   tl json decode --hex dump.txt
    ///   tl json decode --schema ton_api.tl --schema lite_api.tl --base64 answer.txt
    #[command(verbatim_doc_comment)]
    Decode(DecodeArgs),
}

/// Schemas to use instead of the bundled layer, and the limits.
#[derive(clap::Args)]
struct SchemaArgs {
    /// A schema file to use instead of the bundled Telegram layer; give
    /// `--schema` once for each file of a set used together.
    #[arg(long, value_name = "FILE")]
    schema: Vec<PathBuf>,
    /// The longest input line read, in bytes (line protocol only).
    #[arg(long, default_value_t = MAX_LINE_BYTES)]
    max_line_bytes: usize,
    /// How many objects deep a value may nest, both ways.
    #[arg(long, default_value_t = tl_types::DEFAULT_MAX_DEPTH,
          value_parser = clap::value_parser!(u32).range(1..=MAX_DEPTH_ALLOWED))]
    max_depth: u32,
}

/// The deepest `--max-depth` accepted: deep enough for any real value, and
/// shallow enough that decoding stays within the main thread's stack.
const MAX_DEPTH_ALLOWED: i64 = 1000;

#[derive(clap::Args)]
struct EncodeArgs {
    #[command(flatten)]
    schema: SchemaArgs,
    /// A file with one TL-JSON object; without it, the line protocol on stdin.
    file: Option<PathBuf>,
    /// With a file: write the bytes as they are.
    #[arg(long, requires = "file", conflicts_with = "base64")]
    raw: bool,
    /// With a file: write the bytes as base64.
    #[arg(long, requires = "file")]
    base64: bool,
}

#[derive(clap::Args)]
struct DecodeArgs {
    #[command(flatten)]
    schema: SchemaArgs,
    /// A file with one serialised object; without it, the line protocol on stdin.
    file: Option<PathBuf>,
    /// The file holds the bytes as they are (the default).
    #[arg(long, requires = "file", conflicts_with_all = ["hex", "base64"])]
    raw: bool,
    /// The file holds hex text.
    #[arg(long, requires = "file", conflicts_with = "base64")]
    hex: bool,
    /// The file holds base64 text.
    #[arg(long, requires = "file")]
    base64: bool,
}

/// Runs `tl json`.
pub fn run(args: Args) -> Result<ExitCode, crate::failure::Failure> {
    match args.direction {
        Direction::Encode(args) => {
            let codec = codec(&args.schema)?;
            match &args.file {
                Some(file) => encode_file(&codec, file, &args).map_err(Into::into),
                None => lines(args.schema.max_line_bytes, |line| encode_line(&codec, line))
                    .map_err(Into::into),
            }
        }
        Direction::Decode(args) => {
            let codec = codec(&args.schema)?;
            match &args.file {
                Some(file) => decode_file(&codec, file, &args).map_err(Into::into),
                None => lines(args.schema.max_line_bytes, |line| decode_line(&codec, line))
                    .map_err(Into::into),
            }
        }
    }
}

fn codec(args: &SchemaArgs) -> Result<tl_json::Codec, crate::failure::Failure> {
    let codec = if args.schema.is_empty() {
        tl_json::Codec::new(&crate::bundled::schemas())
    } else {
        let mut schemas = Vec::new();
        for path in &args.schema {
            let file = SchemaFile::load(path)?;
            schemas.push(file.schema()?.clone());
        }
        tl_json::Codec::new(&schemas)
    };
    Ok(codec.with_max_depth(args.max_depth))
}

fn encode_line(codec: &tl_json::Codec, line: &str) -> Result<String, String> {
    let json: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    codec
        .encode(&json)
        .map(hex::encode)
        .map_err(|e| e.to_string())
}

fn decode_line(codec: &tl_json::Codec, line: &str) -> Result<String, String> {
    let bytes = crate::text_input::hex(line)?;
    // One line per input line: a note goes on the error's own line.
    let json = codec
        .decode(&bytes)
        .map_err(|e| match byte_order_note(codec, &bytes) {
            Some(note) => format!("{e} (note: {note})"),
            None => e.to_string(),
        })?;
    Ok(json.to_string())
}

/// A note for bytes that do not decode because their first four are a known
/// id written the wrong way round (`c000bba2` for `auth.sentCodeTypeSms#c000bba2`,
/// whose bytes on the wire are `a2 bb 00 c0`).
fn byte_order_note(codec: &tl_json::Codec, bytes: &[u8]) -> Option<String> {
    let &first = bytes.first_chunk::<4>()?;
    let read = u32::from_le_bytes(first);
    let reversed = u32::from_be_bytes(first);
    let index = codec.index();
    let known = |id| {
        index
            .constructor_by_id(id)
            .or_else(|| index.function_by_id(id))
    };
    match (known(read), known(reversed)) {
        (None, Some(entry)) => Some(format!(
            "{reversed:08x}, its bytes the other way round, is `{}`: ids are little-endian \
             on the wire, so its bytes are {}",
            entry.full_name(),
            hex::encode(reversed.to_le_bytes())
        )),
        _ => None,
    }
}

/// The line protocol: one output line per input line, errors in place.
fn lines(
    max_line_bytes: usize,
    convert: impl Fn(&str) -> Result<String, String>,
) -> Result<ExitCode, String> {
    let mut input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
    let stdout = std::io::stdout();
    let mut output = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut line = Vec::new();
    loop {
        if input.fill_buf().map_err(|e| e.to_string())?.is_empty() {
            break;
        }
        line.clear();
        let result = match read_line(&mut input, &mut line, max_line_bytes) {
            Ok(()) => match std::str::from_utf8(&line) {
                Ok(text) => convert(text.trim_end_matches(['\n', '\r'])),
                Err(_) => Err("the line is not UTF-8".to_owned()),
            },
            Err(message) => Err(message),
        };
        let written = match result {
            Ok(text) => writeln!(output, "{text}"),
            Err(message) => {
                failed = true;
                writeln!(output, "error: {message}")
            }
        };
        written.map_err(|e| e.to_string())?;
        // Answer what has been asked before waiting for more input.
        if input.buffer().is_empty() {
            output.flush().map_err(|e| e.to_string())?;
        }
    }
    output.flush().map_err(|e| e.to_string())?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads one line into `line`, at most `max` bytes without its line break; a
/// longer line is skipped to its end and reported.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> Result<(), String> {
    let mut limited = input.take(max as u64 + 1);
    limited.read_until(b'\n', line).map_err(|e| e.to_string())?;
    if line.len() > max && line.last() != Some(&b'\n') {
        line.clear();
        let input = limited.into_inner();
        loop {
            let buffer = input.fill_buf().map_err(|e| e.to_string())?;
            if buffer.is_empty() {
                break;
            }
            match buffer.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    input.consume(end + 1);
                    break;
                }
                None => {
                    let len = buffer.len();
                    input.consume(len);
                }
            }
        }
        return Err(format!("the line is longer than {max} bytes"));
    }
    Ok(())
}

fn read_file(path: &PathBuf) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(bytes)
}

fn encode_file(
    codec: &tl_json::Codec,
    path: &PathBuf,
    args: &EncodeArgs,
) -> Result<ExitCode, String> {
    let text = read_file(path)?;
    let json: serde_json::Value = serde_json::from_slice(&text)
        .map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    let bytes = codec.encode(&json).map_err(|e| e.to_string())?;
    let mut stdout = std::io::stdout().lock();
    let written = if args.raw {
        stdout.write_all(&bytes)
    } else if args.base64 {
        writeln!(
            stdout,
            "{}",
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        )
    } else {
        writeln!(stdout, "{}", hex::encode(&bytes))
    };
    written.map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn decode_file(
    codec: &tl_json::Codec,
    path: &PathBuf,
    args: &DecodeArgs,
) -> Result<ExitCode, String> {
    let content = read_file(path)?;
    let bytes = if args.hex || args.base64 {
        let text =
            String::from_utf8(content).map_err(|_| format!("{} is not text", path.display()))?;
        let read = if args.hex {
            crate::text_input::hex(&text)
        } else {
            crate::text_input::base64(&text)
        };
        read.map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        content
    };
    let json = codec.decode(&bytes).map_err(|e| {
        // Bytes that do not decode, and read as hex or base64 text: the
        // user most likely meant that.
        match crate::text_input::looks_like_text(&bytes).filter(|_| !args.hex && !args.base64) {
            Some(option) => format!(
                "{e}\n  = note: {} looks like {} text rather than bytes: decode it with {option}",
                path.display(),
                option.trim_start_matches('-')
            ),
            None => match byte_order_note(codec, &bytes) {
                Some(note) => format!("{e}\n  = note: {note}"),
                None => e.to_string(),
            },
        }
    })?;
    let pretty = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    println!("{pretty}");
    Ok(ExitCode::SUCCESS)
}
