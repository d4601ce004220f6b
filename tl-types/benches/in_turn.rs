//! The ratios of `BENCHMARKS.md` measured in turn: tl-types and
//! `grammers-tl-types` timed in alternating batches of a few milliseconds,
//! so that both sides meet the same load on a shared machine.
//!
//! Criterion (`inputs`, `codec`) times one side for seconds and then the
//! other; on a machine whose speed drifts by 10–40% within a minute, the
//! ratio of two such medians moves by as much as the difference it is meant
//! to show. Here each row takes [`PAIRS`] pairs of batches, ours then the
//! peer's and the next pair the other way round, and reports the median of
//! the pairs' ratios with its quartiles: a drift slower than a batch cancels
//! out of every ratio.
//!
//! The rows are `BENCHMARKS.md`'s: the inputs of `inputs.rs` (decode =
//! `from_bytes` and drop, encode = into a reused `Vec`, to_bytes = into a
//! fresh one) and the corpus groups of `codec.rs` (every shared corpus
//! vector of a type, decoded, or encoded into a reused `Vec`). Before
//! timing, both crates decode each input and encode it back to the
//! identical bytes.
//!
//! Run with `cargo bench -p tl-types --bench in_turn`; it prints a markdown
//! table.

use std::hint::black_box;
use std::time::{Duration, Instant};

use grammers_tl_types::{Deserializable, Serializable};
use tl_types::{Decode, Encode, Writer};

mod support {
    pub mod corpus;
    pub mod inputs;
}

/// How many pairs of batches each row times, unless the environment's
/// `IN_TURN_PAIRS` says otherwise (more for a profile of one row).
const PAIRS: usize = 61;

/// [`PAIRS`], or `IN_TURN_PAIRS`.
fn pairs() -> usize {
    std::env::var("IN_TURN_PAIRS")
        .ok()
        .and_then(|pairs| pairs.parse().ok())
        .unwrap_or(PAIRS)
}

/// About how long the slower side's batch runs.
const BATCH: Duration = Duration::from_millis(3);

/// One row of the table: the median time of one operation on each side,
/// and the median and quartiles of the pairs' ratios.
struct Row {
    input: String,
    operation: &'static str,
    ours: f64,
    peer: f64,
    ratios: [f64; 3],
}

/// Nanoseconds per call of `f`, over `iterations` calls.
#[inline(never)]
fn batch(iterations: u64, f: &mut impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed().as_nanos() as f64 / iterations as f64
}

/// The value at `quantile` (0 to 1) of sorted `values`.
fn quantile(values: &[f64], quantile: f64) -> f64 {
    values[((values.len() - 1) as f64 * quantile).round() as usize]
}

/// The rows to time: those whose input and operation contain the
/// command line's argument (`cargo bench --bench in_turn -- history`), or
/// all of them.
static FILTER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Times `ours` and `peer` in turn, [`PAIRS`] pairs of batches of the same
/// number of calls; `None` if the row is filtered out.
fn in_turn(
    input: &str,
    operation: &'static str,
    mut ours: impl FnMut(),
    mut peer: impl FnMut(),
) -> Option<Row> {
    if let Some(filter) = FILTER.get().and_then(Option::as_ref) {
        if !format!("{input} {operation}").contains(filter.as_str()) {
            return None;
        }
    }
    // Warm up both, and find how many calls make a batch.
    let mut slowest = 0f64;
    for _ in 0..3 {
        slowest = batch(16, &mut ours).max(batch(16, &mut peer));
    }
    let iterations = ((BATCH.as_nanos() as f64 / slowest) as u64).max(1);
    let (mut ours_times, mut peer_times, mut ratios) = (vec![], vec![], vec![]);
    for pair in 0..pairs() {
        let (o, p) = if pair % 2 == 0 {
            let o = batch(iterations, &mut ours);
            (o, batch(iterations, &mut peer))
        } else {
            let p = batch(iterations, &mut peer);
            (batch(iterations, &mut ours), p)
        };
        ours_times.push(o);
        peer_times.push(p);
        ratios.push(o / p);
    }
    for values in [&mut ours_times, &mut peer_times, &mut ratios] {
        values.sort_by(f64::total_cmp);
    }
    Some(Row {
        input: input.to_owned(),
        operation,
        ours: quantile(&ours_times, 0.5),
        peer: quantile(&peer_times, 0.5),
        ratios: [0.25, 0.5, 0.75].map(|q| quantile(&ratios, q)),
    })
}

/// The rows of one input of `inputs.rs`: decode, encode and to_bytes.
fn input_rows<Ours, Peer>(name: &str, bytes: &[u8]) -> Vec<Option<Row>>
where
    Ours: Decode + Encode,
    Peer: Deserializable + Serializable,
{
    let (ours, peer) = support::inputs::read_by_both::<Ours, Peer>(name, bytes);
    let (mut ours_buffer, mut peer_buffer) = (
        Vec::with_capacity(bytes.len()),
        Vec::with_capacity(bytes.len()),
    );
    let name = &format!("`{name}`");
    vec![
        in_turn(
            name,
            "decode",
            || drop(black_box(Ours::from_bytes(black_box(bytes)).unwrap())),
            || drop(black_box(Peer::from_bytes(black_box(bytes)).unwrap())),
        ),
        in_turn(
            name,
            "encode",
            || {
                ours_buffer.clear();
                black_box(&ours).encode(&mut ours_buffer).unwrap();
                black_box(ours_buffer.len());
            },
            || {
                peer_buffer.clear();
                black_box(&peer).serialize(&mut peer_buffer);
                black_box(peer_buffer.len());
            },
        ),
        in_turn(
            name,
            "to_bytes",
            || drop(black_box(black_box(&ours).to_bytes().unwrap())),
            || drop(black_box(black_box(&peer).to_bytes())),
        ),
    ]
}

/// The rows of one corpus group of `codec.rs`: every shared corpus vector
/// of `tl_type`, decoded, and encoded into one reused buffer.
fn corpus_rows<Ours, Peer>(vectors: &[(String, Vec<u8>)], tl_type: &str) -> Vec<Option<Row>>
where
    Ours: Decode + Encode,
    Peer: Deserializable + Serializable,
{
    let inputs = support::corpus::shared_inputs::<Ours, Peer>(vectors, tl_type);
    let (ours, peer) = support::corpus::decoded::<Ours, Peer>(&inputs);
    let total = inputs.iter().map(|bytes| bytes.len()).sum();
    let (mut ours_buffer, mut peer_buffer) = (Vec::with_capacity(total), Vec::with_capacity(total));
    let name = format!("corpus `{tl_type}`");
    vec![
        in_turn(
            &name,
            "decode",
            || {
                for bytes in &inputs {
                    drop(black_box(Ours::from_bytes(black_box(bytes)).unwrap()));
                }
            },
            || {
                for bytes in &inputs {
                    drop(black_box(Peer::from_bytes(black_box(bytes)).unwrap()));
                }
            },
        ),
        in_turn(
            &name,
            "encode",
            || {
                ours_buffer.clear();
                for value in &ours {
                    black_box(value).encode(&mut ours_buffer).unwrap();
                }
                black_box(ours_buffer.len());
            },
            || serialize_each(&peer, &mut peer_buffer),
        ),
        in_turn(
            &name,
            "encode, one `Writer`",
            || {
                ours_buffer.clear();
                let mut out = Writer::new(&mut ours_buffer);
                for value in &ours {
                    out.write(black_box(value));
                }
                out.finish().unwrap();
                black_box(ours_buffer.len());
            },
            || serialize_each(&peer, &mut peer_buffer),
        ),
    ]
}

/// grammers' side of a corpus group's encode: each value serialised into
/// one reused buffer.
fn serialize_each<Peer: Serializable>(values: &[Peer], buffer: &mut Vec<u8>) {
    buffer.clear();
    for value in values {
        black_box(value).serialize(buffer);
    }
    black_box(buffer.len());
}

/// A time in the unit that suits it.
fn duration(ns: f64) -> String {
    if ns >= 1000.0 {
        format!("{:.2} µs", ns / 1000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a filter.
    let filter = std::env::args().skip(1).find(|arg| !arg.starts_with("--"));
    FILTER.set(filter).unwrap();
    use grammers_tl_types::enums as peer;
    use support::inputs;
    use tl_types::enums as ours;
    let vectors = support::corpus::full_vectors();
    let rows = [
        input_rows::<ours::InputPeer, peer::InputPeer>("input_peer", &inputs::input_peer()),
        input_rows::<ours::auth::SentCode, peer::auth::SentCode>("sent_code", &inputs::sent_code()),
        input_rows::<ours::messages::Messages, peer::messages::Messages>(
            "history",
            &inputs::history(),
        ),
        input_rows::<Vec<i64>, Vec<i64>>("vector_long", &inputs::vector_long()),
        input_rows::<Vec<i32>, Vec<i32>>("vector_int", &inputs::vector_int()),
        input_rows::<Vec<[u8; 16]>, Vec<[u8; 16]>>("vector_int128", &inputs::vector_int128()),
        input_rows::<ours::upload::File, peer::upload::File>("file_part", &inputs::file_part()),
        corpus_rows::<ours::Updates, peer::Updates>(&vectors, "Updates"),
        corpus_rows::<ours::messages::Messages, peer::messages::Messages>(
            &vectors,
            "messages.Messages",
        ),
        corpus_rows::<ours::Message, peer::Message>(&vectors, "Message"),
        corpus_rows::<ours::User, peer::User>(&vectors, "User"),
        corpus_rows::<ours::Update, peer::Update>(&vectors, "Update"),
    ];
    println!(
        "| input | operation | tl_types | grammers | ours / grammers | quartiles of the {} pairs |",
        pairs()
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    for row in rows.iter().flatten().flatten() {
        let [low, median, high] = row.ratios;
        println!(
            "| {} | {} | {} | {} | {median:.2} | {low:.2}–{high:.2} |",
            row.input,
            row.operation,
            duration(row.ours),
            duration(row.peer),
        );
    }
}
