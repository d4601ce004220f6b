//! Decoding and encoding speed of the generated bindings, side by side with
//! the peer crate `grammers-tl-types` on the very same bytes.
//!
//! The input is the cross-check corpus (`tests/corpus/api.jsonl`: every
//! constructor of layer 229 written by gramjs, with every optional field
//! set, the `full` variant). For each boxed type below, the input is every
//! such vector of one of its constructors that the peer (layer 230) reads as
//! well: 2,465 of the 2,471 definitions are the same in both layers, and the
//! setup keeps only the vectors that both crates decode and that both
//! re-encode to the very same bytes, so both do the same work.
//!
//! For each type, the group `decode/<type>` times decoding all of its inputs
//! with `tl_types` and with `grammers`, and `encode/<type>` times encoding
//! the decoded values back to bytes (into one reused buffer for both). Both
//! report `Throughput::Bytes` of the same input; the speed-up of `tl_types`
//! over the peer is `time(grammers) / time(tl_types)`: above 1 means ours is
//! faster.
//!
//! Run with `cargo bench -p tl-types --bench codec`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod support {
    pub mod corpus;
}

use support::corpus::{full_vectors, shared_inputs};

/// Benchmarks decoding and encoding one boxed type, `Ours` here and `Peer`
/// in grammers.
fn bench_type<Ours, Peer>(c: &mut Criterion, vectors: &[(String, Vec<u8>)], tl_type: &str)
where
    Ours: tl_types::Decode + tl_types::Encode,
    Peer: grammers_tl_types::Deserializable + grammers_tl_types::Serializable,
{
    let inputs = shared_inputs::<Ours, Peer>(vectors, tl_type);
    let total: usize = inputs.iter().map(|bytes| bytes.len()).sum();
    eprintln!("{tl_type}: {} inputs, {total} bytes", inputs.len());

    let mut group = c.benchmark_group(format!("decode/{tl_type}"));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("tl_types", |b| {
        b.iter(|| {
            for bytes in &inputs {
                black_box(Ours::from_bytes(black_box(bytes)).unwrap());
            }
        })
    });
    group.bench_function("grammers", |b| {
        b.iter(|| {
            for bytes in &inputs {
                black_box(Peer::from_bytes(black_box(bytes)).unwrap());
            }
        })
    });
    group.finish();

    let (ours, peer) = support::corpus::decoded::<Ours, Peer>(&inputs);
    let mut buffer = Vec::with_capacity(total);
    let mut group = c.benchmark_group(format!("encode/{tl_type}"));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("tl_types", |b| {
        b.iter(|| {
            buffer.clear();
            for value in &ours {
                black_box(value).encode(&mut buffer).unwrap();
            }
            black_box(buffer.len())
        })
    });
    group.bench_function("grammers", |b| {
        b.iter(|| {
            buffer.clear();
            for value in &peer {
                black_box(value).serialize(&mut buffer);
            }
            black_box(buffer.len())
        })
    });
    group.finish();
}

fn codec(c: &mut Criterion) {
    use grammers_tl_types::enums as peer;
    use tl_types::enums as ours;
    let vectors = full_vectors();
    bench_type::<ours::Updates, peer::Updates>(c, &vectors, "Updates");
    bench_type::<ours::messages::Messages, peer::messages::Messages>(
        c,
        &vectors,
        "messages.Messages",
    );
    bench_type::<ours::Message, peer::Message>(c, &vectors, "Message");
    bench_type::<ours::User, peer::User>(c, &vectors, "User");
    bench_type::<ours::Update, peer::Update>(c, &vectors, "Update");
}

criterion_group!(benches, codec);
criterion_main!(benches);
