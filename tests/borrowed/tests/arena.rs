//! Read into an arena, a value of the borrowed bindings allocates nothing of
//! its own: every constructor and function of layer 229 as gramjs wrote it
//! (`tests/corpus/api.jsonl`) is read with no call to the allocator once the
//! arena has grown, and text that is not UTF-8, replaced, goes in the arena
//! too. A counting allocator, per thread, counts the calls.

#[path = "../../../tl-types/tests/support/gramjs_corpus.rs"]
mod gramjs_corpus;

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;
use tl_borrowed_bindings::api;
use tl_types::bumpalo::Bump;
use tl_types::{BorrowDecode, Decode, Encode, IntoOwned};

/// The system allocator, counting on each thread the blocks it hands out.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many blocks `f` allocates on this thread.
fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn no_value_of_the_corpus_allocates_once_the_arena_has_grown() {
    let corpus = gramjs_corpus::vectors();
    assert_eq!(corpus.len(), 4940);
    let mut arena = Bump::new();
    let mut without_arena = 0;
    for vector in &corpus {
        let name = format!("{} ({})", vector.name, vector.variant);
        // The first read grows the arena as far as this value needs.
        drop(api::AnyObject::borrow_from_bytes_in(&vector.bytes, &arena).unwrap());
        arena.reset();
        let allocations = allocations_of(|| {
            let value = api::AnyObject::borrow_from_bytes_in(&vector.bytes, &arena).unwrap();
            assert_eq!(value.tl_name(), vector.name, "{name}");
        });
        assert_eq!(allocations, 0, "{name}");
        arena.reset();
        without_arena += allocations_of(|| {
            api::AnyObject::borrow_from_bytes(&vector.bytes).unwrap();
        });
    }
    // Without an arena the same values do allocate (a vector, a box): what
    // the arena saves is real.
    assert!(without_arena > 1000, "{without_arena}");
}

#[test]
fn a_value_read_into_an_arena_is_whole_once_owned() {
    for vector in gramjs_corpus::vectors() {
        let arena = Bump::new();
        let value = api::AnyObject::borrow_from_bytes_in(&vector.bytes, &arena).unwrap();
        let kept: api::AnyObject<'static> = value.into_owned();
        drop(arena);
        assert_eq!(kept.to_bytes().unwrap(), vector.bytes, "{}", vector.name);
        let owned = api::AnyObject::from_bytes(&vector.bytes).unwrap();
        assert_eq!(kept, owned, "{}", vector.name);
    }
}

#[test]
fn text_that_is_not_utf8_is_replaced_in_the_arena() {
    let title = [b'a', 0xff, b'b'];
    // `chatForbidden id:long title:string`, its title not UTF-8.
    let mut bytes = tl_types::enums::Chat::from(tl_types::types::ChatForbidden {
        id: 1,
        title: String::new(),
    })
    .to_bytes()
    .unwrap();
    bytes.truncate(bytes.len() - 4);
    bytes.extend([title.len() as u8, title[0], title[1], title[2]]);
    let owned = tl_types::enums::Chat::from_bytes(&bytes).unwrap();
    let mut arena = Bump::new();
    // The first read grows the arena.
    drop(api::enums::Chat::borrow_from_bytes_in(&bytes, &arena).unwrap());
    arena.reset();
    let mut text = None;
    let allocations = allocations_of(|| {
        let api::enums::Chat::Forbidden(chat) =
            api::enums::Chat::borrow_from_bytes_in(&bytes, &arena).unwrap()
        else {
            panic!("not chatForbidden");
        };
        text = Some(chat.title);
    });
    let Some(Cow::Borrowed(text)) = text else {
        panic!("the replaced text is not in the arena");
    };
    assert!(!bytes.as_ptr_range().contains(&text.as_ptr()));
    assert!(arena_holds(&arena, text.as_ptr()));
    let tl_types::enums::Chat::Forbidden(expected) = owned else {
        panic!("not chatForbidden");
    };
    assert_eq!(text, expected.title);
    assert_eq!(text, "a\u{fffd}b");
    assert_eq!(allocations, 0);
}

/// Whether `ptr` is in memory of `arena`.
fn arena_holds(arena: &Bump, ptr: *const u8) -> bool {
    // SAFETY: nothing is allocated in the arena while its chunks are walked.
    let mut chunks = unsafe { arena.iter_allocated_chunks_raw() };
    chunks.any(|(start, len)| {
        (start.cast_const()..start.wrapping_add(len).cast_const()).contains(&ptr)
    })
}
