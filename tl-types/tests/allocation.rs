//! Memory allocated while decoding stays proportional to the input, however
//! large the lengths and counts the input claims. A counting allocator
//! measures every byte this test binary allocates.

#[path = "support/gramjs_corpus.rs"]
mod gramjs_corpus;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use tl_types::{AnyObject, Decode, enums};

struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated (in total, not net) while running `f`.
fn allocated_by<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATED.load(Ordering::Relaxed);
    let result = f();
    (result, ALLOCATED.load(Ordering::Relaxed) - before)
}

fn words(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// One test, so that no other test allocates while this one counts.
#[test]
fn decoding_allocates_in_proportion_to_the_input() {
    // Lengths and counts that claim far more than the input holds.
    let hostile = [
        // textConcat: Vector<RichText> of 2^31 - 1 elements.
        words(&[0x7e6260d7, 0x1cb5c415, 0x7fff_ffff]),
        // textPlain: a string of 16 MiB - 1.
        [words(&[0x744694e0]), vec![0xfe, 0xff, 0xff, 0xff, b'a']].concat(),
        // a million nested textBold.
        words(&vec![0x6724abc4; 1_000_000]),
    ];
    for bytes in &hostile {
        let (result, allocated) = allocated_by(|| enums::RichText::from_bytes(bytes));
        assert!(result.is_err());
        assert!(
            allocated <= 64 * 1024,
            "{allocated} bytes for a hostile input"
        );
    }

    // Every real object of the corpus: at most 64 bytes per input byte.
    let mut worst = 0.0f64;
    for vector in gramjs_corpus::vectors() {
        let bytes = &vector.bytes;
        let (object, allocated) = allocated_by(|| AnyObject::from_bytes(bytes));
        object.unwrap_or_else(|e| panic!("{} ({}): {e}", vector.name, vector.variant));
        worst = worst.max(allocated as f64 / bytes.len() as f64);
    }
    assert!(worst <= 64.0, "{worst} bytes allocated per input byte");
}
