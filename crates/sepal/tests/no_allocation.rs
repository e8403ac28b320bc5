//! The training step and the frame (decision map) never allocate: a
//! counting global allocator watches them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use sepal::grid::Bounds;
use sepal::settings::Settings;
use sepal::{DecisionMap, Trainer};

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
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    f();
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

#[test]
fn training_and_drawing_do_not_allocate() {
    for (name, value) in [("model", "shallow"), ("model", "logistic"), ("model", "deep")] {
        let mut settings = Settings::default();
        settings.set(name, value).unwrap();
        settings.set("test-fraction", "0.2").unwrap();
        let mut run = Trainer::new(&settings);
        let mut map = DecisionMap::new(run.network(), 200, 200);
        let bounds = Bounds { x_min: -5.0, x_max: 5.0, y_min: -5.0, y_max: 5.0 };
        // Long enough for the cost history to fill and halve several times.
        let n = allocations_during(|| {
            run.step(5000);
            run.test_metrics();
            map.render(run.network(), bounds);
            run.reset();
            run.step(10);
        });
        assert_eq!(n, 0, "{value}: {n} allocations");
    }
}
