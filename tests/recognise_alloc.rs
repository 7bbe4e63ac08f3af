//! Recognition runs on every AliExpress page load: it must not allocate.
//! A counting global allocator makes that a test, not a promise.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use exit_assistant::core::page::recognise;
use exit_assistant::core::page_rules::{
    NOT_ALIEXPRESS_EXAMPLES, OTHER_ALIEXPRESS_EXAMPLES, PAGE_RULES,
};

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn recognition_does_not_allocate() {
    let urls: Vec<&str> = PAGE_RULES
        .iter()
        .flat_map(|r| r.examples.iter().copied())
        .chain(OTHER_ALIEXPRESS_EXAMPLES.iter().copied())
        .chain(NOT_ALIEXPRESS_EXAMPLES.iter().copied())
        .collect();
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut recognised = 0;
    for url in &urls {
        // The probe says "yes" to every selector so the DOM rules run too.
        let page = std::hint::black_box(recognise(url, |_| true));
        recognised += usize::from(page.site.is_some());
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert!(recognised > 50, "the loop must exercise real pages");
    assert_eq!(after - before, 0, "recognise() allocated");
}
