//! Redrawing the hidden units' views never allocates, however the network
//! changes between frames (a counting allocator like no_allocation.rs's, in
//! a test binary of its own, as a global allocator is per binary). Only the
//! test's own thread is counted: the test harness's main thread may
//! allocate (printing, bookkeeping) while the test runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use sepal::grid::Bounds;
use sepal::settings::Settings;
use sepal::unit_maps::UnitMaps;
use sepal::Trainer;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn count() {
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn unit_views_redraw_without_allocating() {
    for (model, activation) in [("shallow", "tanh"), ("deep", "relu"), ("deep", "sigmoid")] {
        let mut settings = Settings::default();
        settings.set("model", model).unwrap();
        settings.set("activation", activation).unwrap();
        let mut run = Trainer::new(&settings);
        let mut maps = UnitMaps::new(run.network(), 48, 4, 64);
        let bounds = Bounds { x_min: -5.0, x_max: 5.0, y_min: -5.0, y_max: 5.0 };
        let before = ALLOCATIONS.load(Ordering::SeqCst);
        COUNTING.with(|c| c.set(true));
        for _ in 0..3 {
            run.step(10);
            maps.render(run.network(), bounds);
        }
        COUNTING.with(|c| c.set(false));
        let n = ALLOCATIONS.load(Ordering::SeqCst) - before;
        assert_eq!(n, 0, "{model}/{activation}: {n} allocations");
        assert!(maps.pixels().iter().any(|&p| p != 255), "{model}/{activation}: something was drawn");
    }
}
