//! The inputs of `BENCHMARKS.md`, decoded and encoded by tl-types and by
//! the peer crate `grammers-tl-types` on the very same bytes, beside a
//! `memcpy` of those bytes:
//!
//! - `input_peer`: a boxed `inputPeerUser` (20 bytes), the smallest object
//!   a client decodes often;
//! - `sent_code`: `auth.sentCode` with `auth.sentCodeTypeSms` (44 bytes);
//! - `history`: `messages.channelMessages` with 100 messages (texts of
//!   about 200 characters, a few entities, replies on some, photos on some),
//!   20 users and 20 channels (about 40 KB);
//! - `vector_long`: a boxed `Vector<long>` of 10,000 items (80,008 bytes),
//!   and the same bytes as `vector_int` (20,000 `int`s) and `vector_int128`
//!   (5,000 `int128`s): elements of a fixed size, copied in bulk;
//! - `file_part`: `upload.file` holding 512 KiB, a part of a download
//!   (524,300 bytes), where what a decode costs is the copy of the data.
//!
//! Each group `decode/<input>` times `from_bytes` and dropping the value;
//! `encode/<input>` encodes into one reused `Vec`; `to_bytes/<input>` into a
//! fresh one; `memcpy/<input>` copies the bytes into a reused `Vec`. Before
//! timing, both crates decode each input and encode it back to the identical
//! bytes, so both do the same work.
//!
//! A counting allocator reports, once per input, how many allocations a
//! decode makes on each side (printed to stderr, and in `BENCHMARKS.md`).
//!
//! `decode/<input>/borrowed_bindings` times the same schema's bindings
//! generated with `tl_codegen::Config::borrowed` (`tests/borrowed`), whose
//! strings and bytes borrow from the input: `borrow_from_bytes` and drop,
//! after checking that they too read each input and write it back to the
//! identical bytes. `decode/<input>/borrowed_bindings_arena` times them
//! reading into an arena (`Reader::with_arena`), reset per decode, checked
//! to read what they read without one.
//!
//! For `history`, `decode/history/borrowed` times the hand-written
//! prototype of `borrowed.rs` that came before those bindings (checked
//! against tl_types' decode), and `decode/history/borrowed_arena` the same
//! with its vectors in an arena. `decode/history/tl_types_allocation_free`
//! and `.../borrowed_bindings_allocation_free` time the generated decoders
//! with allocation made free (a bump region, reset per decode, that never
//! frees): the best an arena for their vectors and boxes could do.
//! `encode/history/tl_types_stored_flags` and `.../tl_types_known_fields`
//! time the history's encoding with less of the work of `message`'s
//! generated serialiser (`message_encoders.rs`): its flags given instead of
//! computed, and its unset fields skipped instead of tested.
//!
//! Run with `cargo bench -p tl-types --bench inputs`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tl_borrowed_bindings::api as borrowed_bindings;
use tl_types::{BorrowDecode, Encode, enums};

mod borrowed;
mod message_encoders;
mod support {
    pub mod inputs;
}

use support::inputs::{
    file_part, history, input_peer, read_by_both, sent_code, vector_int, vector_int128, vector_long,
};

/// The system allocator, counting the allocations it makes while
/// [`allocations`] runs, and only then: a locked increment on every
/// allocation would cost ~11 ns each in the timed runs (12% of a history
/// decode), and most to whichever side allocates most. While
/// [`allocation_free`] runs it hands out memory from a bump region instead.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

fn count_allocation() {
    if COUNTING.load(Ordering::Relaxed) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

/// The bump region of [`allocation_free`]: its start (null until first
/// used), its size, and how much of it is handed out.
static REGION: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
const REGION_SIZE: usize = 16 << 20;
static REGION_USED: AtomicUsize = AtomicUsize::new(0);
static BUMPING: AtomicBool = AtomicBool::new(false);

/// Memory for `layout` from the bump region, or null if it is full.
fn bump(layout: Layout) -> *mut u8 {
    let start = REGION_USED
        .load(Ordering::Relaxed)
        .next_multiple_of(layout.align());
    let end = start + layout.size();
    if end > REGION_SIZE || layout.align() > 4096 {
        return std::ptr::null_mut();
    }
    REGION_USED.store(end, Ordering::Relaxed);
    REGION.load(Ordering::Relaxed).wrapping_add(start)
}

/// Whether `ptr` was handed out by [`bump`].
fn in_region(ptr: *mut u8) -> bool {
    let region = REGION.load(Ordering::Relaxed);
    !region.is_null() && ptr >= region && ptr < region.wrapping_add(REGION_SIZE)
}

// SAFETY: every call is passed on to the system allocator unchanged, except
// in `allocation_free`, whose bump region (4096-aligned, `REGION_SIZE`
// bytes) hands out each byte once per run, to one thread, and whose memory
// is never given back to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        if BUMPING.load(Ordering::Relaxed) {
            let ptr = bump(layout);
            if !ptr.is_null() {
                return ptr;
            }
        }
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if in_region(ptr) {
            return;
        }
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if BUMPING.load(Ordering::Relaxed) || in_region(ptr) {
            // SAFETY: `new_size` with `layout`'s alignment is a valid layout
            // (the caller's contract); the old block has `layout.size()`
            // bytes and the new one `new_size`, and they do not overlap.
            unsafe {
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                return new;
            }
        }
        count_allocation();
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` with allocation made free: every allocation it makes bumps a
/// pointer in a region reset before it, and freeing does nothing. What `f`
/// allocates must not outlive it. This is what decoding into an arena
/// would cost at best, for bindings whose vectors and boxes are allocated
/// as they are now: the drop still walks the value.
fn allocation_free(f: impl FnOnce()) {
    if REGION.load(Ordering::Relaxed).is_null() {
        let layout = Layout::from_size_align(REGION_SIZE, 4096).unwrap();
        // SAFETY: the layout's size is not zero.
        let region = unsafe { System.alloc(layout) };
        assert!(!region.is_null(), "the bump region is allocated");
        REGION.store(region, Ordering::Relaxed);
    }
    REGION_USED.store(0, Ordering::Relaxed);
    BUMPING.store(true, Ordering::Relaxed);
    f();
    BUMPING.store(false, Ordering::Relaxed);
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    f();
    COUNTING.store(false, Ordering::Relaxed);
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

/// A decoder timed beside the two crates' in the `decode` group of one
/// input: its name and a function decoding the input and dropping the value.
type Prototype = (&'static str, fn(&[u8]));

thread_local! {
    /// The arena of `decode/history/borrowed_arena` and of the
    /// `borrowed_bindings_arena` decoders, reset before each decode, as a
    /// client would reset one per response.
    static ARENA: std::cell::RefCell<bumpalo::Bump> = std::cell::RefCell::new(bumpalo::Bump::new());
}

/// Fails unless the borrowed prototype reads `bytes` as tl_types does: the
/// same messages, texts, entities, media, chats and users.
fn check_borrowed(bytes: &[u8]) {
    let enums::messages::Messages::ChannelMessages(owned) =
        <enums::messages::Messages as tl_types::Decode>::from_bytes(bytes).unwrap()
    else {
        panic!("the history is a channelMessages");
    };
    let arena = bumpalo::Bump::new();
    let in_arena =
        borrowed::decode_history(bytes, &arena).expect("the prototype decodes the history");
    assert_eq!(in_arena.messages.len(), owned.messages.len());
    let borrowed =
        borrowed::decode_history(bytes, borrowed::Heap).expect("the prototype decodes the history");
    assert_eq!((borrowed.pts, borrowed.count), (owned.pts, owned.count));
    assert_eq!(borrowed.messages.len(), owned.messages.len());
    for (ours, theirs) in borrowed.messages.iter().zip(&owned.messages) {
        let enums::Message::Message(theirs) = theirs else {
            panic!("every message is a message");
        };
        assert_eq!(ours.id, theirs.id);
        assert_eq!(ours.message, theirs.message);
        assert_eq!(ours.date, theirs.date);
        assert_eq!(ours.edit_date, theirs.edit_date);
        assert_eq!(ours.views_and_forwards, theirs.views_and_forwards);
        assert_eq!(
            ours.entities.as_ref().map(Vec::len),
            theirs.entities.as_ref().map(Vec::len)
        );
        assert_eq!(ours.media.is_some(), theirs.media.is_some());
        assert_eq!(ours.reply_to.is_some(), theirs.reply_to.is_some());
    }
    assert_eq!(borrowed.chats.len(), owned.chats.len());
    for (ours, theirs) in borrowed.chats.iter().zip(&owned.chats) {
        let enums::Chat::Channel(theirs) = theirs else {
            panic!("every chat is a channel");
        };
        assert_eq!(ours.title, theirs.title);
        assert_eq!(ours.username.as_deref(), theirs.username.as_deref());
    }
    assert_eq!(borrowed.users.len(), owned.users.len());
    for (ours, theirs) in borrowed.users.iter().zip(&owned.users) {
        let enums::User::User(theirs) = theirs else {
            panic!("every user is a user");
        };
        assert_eq!(ours.first_name.as_deref(), theirs.first_name.as_deref());
        assert_eq!(ours.username.as_deref(), theirs.username.as_deref());
    }
}

/// The decoder of the borrowed bindings' type `$ty`, after checking that it
/// reads `$bytes` and writes them back unchanged.
macro_rules! borrowed_bindings {
    ($ty:ty, $bytes:expr) => {{
        let value =
            <$ty>::borrow_from_bytes($bytes).expect("the borrowed bindings decode the input");
        assert_eq!(value.to_bytes().unwrap(), $bytes);
        let decode: Prototype = ("borrowed_bindings", |bytes| {
            drop(black_box(<$ty>::borrow_from_bytes(bytes).unwrap()))
        });
        decode
    }};
}

/// The decoder of the borrowed bindings' type `$ty` reading into an arena
/// (`Reader::with_arena`), reset before each decode as a client would reset
/// one per response, after checking that it reads `$bytes` as it does
/// without one.
macro_rules! borrowed_bindings_in_arena {
    ($ty:ty, $bytes:expr) => {{
        let arena = bumpalo::Bump::new();
        let value = <$ty>::borrow_from_bytes_in($bytes, &arena)
            .expect("the borrowed bindings decode the input into an arena");
        assert_eq!(value, <$ty>::borrow_from_bytes($bytes).unwrap());
        let decode: Prototype = ("borrowed_bindings_arena", |bytes| {
            ARENA.with(|arena| {
                let mut arena = arena.borrow_mut();
                arena.reset();
                drop(black_box(
                    <$ty>::borrow_from_bytes_in(bytes, &*arena).unwrap(),
                ));
            })
        });
        decode
    }};
}

/// Counts the appends an encoder makes, and their bytes: each is a capacity
/// check and a copy in a `Vec`. tl_types appends with `Sink::put`,
/// grammers with `Extend::extend`.
#[derive(Default)]
struct Appends {
    calls: usize,
    bytes: usize,
}

impl tl_types::Sink for Appends {
    fn put(&mut self, bytes: &[u8]) {
        self.calls += 1;
        self.bytes += bytes.len();
    }
}

impl Extend<u8> for Appends {
    fn extend<I: IntoIterator<Item = u8>>(&mut self, bytes: I) {
        self.calls += 1;
        self.bytes += bytes.into_iter().count();
    }
}

/// An encoder timed beside the two crates' in the `encode` group of one
/// input: its name and a function writing the input's value into a buffer.
type Encoder<'a> = (&'static str, &'a dyn Fn(&mut Vec<u8>));

/// Benchmarks one input, `Ours` here and `Peer` in grammers, with
/// `prototypes` beside them in its `decode` group and `encoders` in its
/// `encode` group.
fn bench_input<Ours, Peer>(
    c: &mut Criterion,
    name: &str,
    bytes: &[u8],
    prototypes: &[Prototype],
    encoders: &[Encoder<'_>],
) where
    Ours: tl_types::Decode + tl_types::Encode,
    Peer: grammers_tl_types::Deserializable + grammers_tl_types::Serializable,
{
    let (ours, peer) = read_by_both::<Ours, Peer>(name, bytes);
    let ours_allocations = allocations(|| drop(black_box(Ours::from_bytes(bytes).unwrap())));
    let peer_allocations = allocations(|| drop(black_box(Peer::from_bytes(bytes).unwrap())));
    eprintln!(
        "{name}: {} bytes; allocations per decode: tl_types {ours_allocations}, grammers {peer_allocations}",
        bytes.len()
    );

    let mut group = c.benchmark_group(format!("decode/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("tl_types", |b| {
        b.iter(|| black_box(Ours::from_bytes(black_box(bytes)).unwrap()))
    });
    group.bench_function("grammers", |b| {
        b.iter(|| black_box(Peer::from_bytes(black_box(bytes)).unwrap()))
    });
    for &(prototype, decode) in prototypes {
        // An arena grows on its first uses; then it has what it needs.
        let first = allocations(|| decode(bytes));
        decode(bytes);
        eprintln!(
            "{name}: allocations per decode: {prototype} {} (on the first: {first})",
            allocations(|| decode(bytes))
        );
        group.bench_function(prototype, |b| b.iter(|| decode(black_box(bytes))));
    }
    group.finish();

    let mut ours_writes = Appends::default();
    ours.encode(&mut ours_writes).unwrap();
    let mut peer_writes = Appends::default();
    peer.serialize(&mut peer_writes);
    assert_eq!(ours_writes.bytes, peer_writes.bytes);
    eprintln!(
        "{name}: appends per encode: tl_types {}, grammers {}",
        ours_writes.calls, peer_writes.calls
    );

    let mut buffer = Vec::with_capacity(bytes.len());
    let mut group = c.benchmark_group(format!("encode/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("tl_types", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&ours).encode(&mut buffer).unwrap();
            black_box(buffer.len())
        })
    });
    group.bench_function("grammers", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&peer).serialize(&mut buffer);
            black_box(buffer.len())
        })
    });
    for &(encoder, encode) in encoders {
        buffer.clear();
        encode(&mut buffer);
        assert_eq!(buffer, bytes, "{encoder} writes {name} as it was read");
        group.bench_function(encoder, |b| {
            b.iter(|| {
                buffer.clear();
                encode(black_box(&mut buffer));
                black_box(buffer.len())
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("to_bytes/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("tl_types", |b| {
        b.iter(|| black_box(black_box(&ours).to_bytes().unwrap()))
    });
    group.bench_function("grammers", |b| {
        b.iter(|| black_box(black_box(&peer).to_bytes()))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("memcpy/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("copy", |b| {
        b.iter(|| {
            buffer.clear();
            buffer.extend_from_slice(black_box(bytes));
            black_box(buffer.len())
        })
    });
    group.finish();
}

fn inputs(c: &mut Criterion) {
    use grammers_tl_types::enums as peer;
    let input_peer = input_peer();
    bench_input::<enums::InputPeer, peer::InputPeer>(
        c,
        "input_peer",
        &input_peer,
        &[
            borrowed_bindings!(borrowed_bindings::enums::InputPeer, &input_peer[..]),
            borrowed_bindings_in_arena!(borrowed_bindings::enums::InputPeer, &input_peer[..]),
        ],
        &[],
    );
    let sent_code = sent_code();
    bench_input::<enums::auth::SentCode, peer::auth::SentCode>(
        c,
        "sent_code",
        &sent_code,
        &[
            borrowed_bindings!(borrowed_bindings::enums::auth::SentCode, &sent_code[..]),
            borrowed_bindings_in_arena!(borrowed_bindings::enums::auth::SentCode, &sent_code[..]),
        ],
        &[],
    );
    let history = history();
    check_borrowed(&history);
    let value = <enums::messages::Messages as tl_types::Decode>::from_bytes(&history).unwrap();
    let flags = message_encoders::stored_flags(&value);
    bench_input::<enums::messages::Messages, peer::messages::Messages>(
        c,
        "history",
        &history,
        &[
            borrowed_bindings!(borrowed_bindings::enums::messages::Messages, &history[..]),
            borrowed_bindings_in_arena!(borrowed_bindings::enums::messages::Messages, &history[..]),
            ("borrowed", |bytes| {
                drop(black_box(
                    borrowed::decode_history(bytes, borrowed::Heap).unwrap(),
                ))
            }),
            ("tl_types_allocation_free", |bytes| {
                allocation_free(|| {
                    drop(black_box(
                        <enums::messages::Messages as tl_types::Decode>::from_bytes(bytes).unwrap(),
                    ))
                })
            }),
            ("borrowed_bindings_allocation_free", |bytes| {
                allocation_free(|| {
                    drop(black_box(
                        borrowed_bindings::enums::messages::Messages::borrow_from_bytes(bytes)
                            .unwrap(),
                    ))
                })
            }),
            ("borrowed_arena", |bytes| {
                ARENA.with(|arena| {
                    let mut arena = arena.borrow_mut();
                    arena.reset();
                    // Nothing to drop: the arena's reset frees it all.
                    black_box(&borrowed::decode_history(bytes, &*arena).unwrap());
                })
            }),
        ],
        &[
            ("tl_types_stored_flags", &|buffer| {
                message_encoders::encode_with_stored_flags(black_box(&value), &flags, buffer)
            }),
            ("tl_types_known_fields", &|buffer| {
                message_encoders::encode_known_fields(black_box(&value), buffer)
            }),
        ],
    );
    let file_part = file_part();
    bench_input::<enums::upload::File, peer::upload::File>(
        c,
        "file_part",
        &file_part,
        &[borrowed_bindings!(
            borrowed_bindings::enums::upload::File,
            &file_part[..]
        )],
        &[],
    );
    let vector_long = vector_long();
    bench_input::<Vec<i64>, Vec<i64>>(
        c,
        "vector_long",
        &vector_long,
        &[borrowed_bindings!(Vec<i64>, &vector_long[..])],
        &[],
    );
    let vector_int = vector_int();
    bench_input::<Vec<i32>, Vec<i32>>(c, "vector_int", &vector_int, &[], &[]);
    let vector_int128 = vector_int128();
    bench_input::<Vec<[u8; 16]>, Vec<[u8; 16]>>(c, "vector_int128", &vector_int128, &[], &[]);
}

criterion_group!(benches, inputs);
criterion_main!(benches);
