//! Parsing throughput on the bundled Telegram schema, `schema/api.tl`.
//!
//! One criterion group, `parse_api_tl`, runs two benchmarks on the very same
//! text (embedded with `include_str!`, so no I/O is measured):
//!
//! - `tl_parser`: [`tl_parser::parse`], which reads every definition into the
//!   typed [`tl_parser::Schema`] model (names, ids — computed where the text
//!   leaves them out —, generics, parameters, flags, result types, doc comments
//!   and spans);
//! - `grammers_tl_parser`: the peer crate's `parse_tl_file`, whose iterator is
//!   drained into a `Vec` so that every definition is likewise parsed into its
//!   model (`grammers_tl_parser::tl::Definition`). Its iterator yields a
//!   `Result` per `;`-terminated item and does not stop at errors, so the
//!   errors are collected too: they are part of the work it does on this input.
//!
//! Before timing, the setup parses once with each, prints how many definitions
//! each produced (and how many items grammers rejected) and asserts that both
//! counts are close, so that the two benchmarks compare like with like.
//!
//! Both benchmarks report `Throughput::Bytes` of the same input, so criterion
//! prints MiB/s side by side. The speed-up of `tl_parser` over the peer is
//! `time(grammers_tl_parser) / time(tl_parser)` (equivalently
//! `throughput(tl_parser) / throughput(grammers_tl_parser)`): above 1 means
//! ours is faster, below 1 means it is slower.
//!
//! Run with `cargo bench -p tl-parser --bench parse`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const API_TL: &str = include_str!("../../tl-types/schema/api.tl");

/// Parses with the peer crate, keeping every item it yields.
fn parse_grammers(
    text: &str,
) -> Vec<Result<grammers_tl_parser::tl::Definition, grammers_tl_parser::errors::ParseError>> {
    grammers_tl_parser::parse_tl_file(text).collect()
}

/// Parses once with each parser, prints the counts and checks they agree.
fn check_counts(text: &str) {
    let ours = tl_parser::parse(text).expect("tl_parser rejects the bundled api.tl");
    let ours_count = ours.definitions.len();

    let theirs = parse_grammers(text);
    let theirs_ok = theirs.iter().filter(|item| item.is_ok()).count();
    let theirs_err = theirs.len() - theirs_ok;

    println!(
        "api.tl: {} bytes; tl_parser: {ours_count} definitions; \
         grammers_tl_parser: {theirs_ok} definitions, {theirs_err} items rejected",
        text.len(),
    );

    // The file holds well over a thousand definitions; each parser must have
    // read (almost) all of them, and the peer may only reject a handful of
    // items (built-in declarations it does not model).
    assert!(
        ours_count > 1000,
        "tl_parser read only {ours_count} definitions"
    );
    assert!(
        theirs_ok > 1000,
        "grammers_tl_parser read only {theirs_ok} definitions"
    );
    assert!(
        ours_count.abs_diff(theirs_ok) <= 10,
        "the parsers disagree on the number of definitions: {ours_count} vs {theirs_ok}"
    );
    assert!(
        theirs_err <= 10,
        "grammers_tl_parser rejected {theirs_err} items"
    );
}

fn parse_api_tl(c: &mut Criterion) {
    check_counts(API_TL);

    let mut group = c.benchmark_group("parse_api_tl");
    group.throughput(Throughput::Bytes(API_TL.len() as u64));
    group.bench_function("tl_parser", |b| {
        b.iter(|| tl_parser::parse(black_box(API_TL)))
    });
    group.bench_function("grammers_tl_parser", |b| {
        b.iter(|| parse_grammers(black_box(API_TL)))
    });
    group.finish();
}

criterion_group!(benches, parse_api_tl);
criterion_main!(benches);
