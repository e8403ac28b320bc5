//! The training step and the frame (the decision map and the hidden units'
//! views) never allocate: a counting global allocator watches them. Only the
//! test's own thread is counted, as the harness's threads may allocate
//! (printing, bookkeeping) while a test runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use sepal::grid::Bounds;
use sepal::settings::Settings;
use sepal::unit_maps::UnitMaps;
use sepal::{DecisionMap, Trainer};

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    /// This thread's counted allocations (tests run on threads side by side),
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    /// and the bytes they asked for.
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        let _ = BYTES.try_with(|n| n.set(n.get() + bytes));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations this thread made while running `f`.
fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.with(Cell::get) - before
}

/// How many bytes this thread's allocations asked for while running `f`.
fn bytes_during(f: impl FnOnce()) -> usize {
    let before = BYTES.with(Cell::get);
    allocations_during(f);
    BYTES.with(Cell::get) - before
}

const BOUNDS: Bounds = Bounds {
    x_min: -5.0,
    x_max: 5.0,
    y_min: -5.0,
    y_max: 5.0,
};

#[test]
fn training_and_drawing_do_not_allocate() {
    for model in ["shallow", "logistic", "deep"] {
        let mut settings = Settings::default();
        settings.set("model", model).unwrap();
        settings.set("test-fraction", "0.2").unwrap();
        let mut run = Trainer::new(&settings);
        let mut map = DecisionMap::new(run.network(), 200, 200);
        // Long enough for the cost history to fill and halve several times.
        let n = allocations_during(|| {
            run.step(5000);
            run.test_metrics();
            map.render(run.network(), BOUNDS);
            run.reset();
            run.step(10);
        });
        assert_eq!(n, 0, "{model}: {n} allocations");
    }
}

/// #17: engineered inputs — computed once when the run is built; the maps
/// compute each cell's into their own buffers.
#[test]
fn features_train_and_draw_without_allocating() {
    for (model, features) in [("logistic", "x1sq,x2sq"), ("shallow", "x1,x2,x1x2,sinx1,sinx2")] {
        let mut settings = Settings::default();
        settings.set("model", model).unwrap();
        settings.set("features", features).unwrap();
        let mut run = Trainer::new(&settings);
        let mut map = DecisionMap::with_features(run.network(), run.features(), 200, 200);
        let mut units = UnitMaps::with_features(run.network(), run.features(), 48, 4, 64);
        let mut inputs = sepal::features::InputMaps::new(run.features(), 40);
        let n = allocations_during(|| {
            run.step(500);
            map.render(run.network(), BOUNDS);
            units.render(run.network(), BOUNDS);
            inputs.render(BOUNDS);
        });
        assert_eq!(n, 0, "{model} on {features}: {n} allocations");
    }
}

#[test]
fn every_optimizer_and_mini_batches_train_without_allocating() {
    for optimizer in ["gd", "momentum", "rmsprop", "adam"] {
        for batch in ["all", "64", "1"] {
            let mut settings = Settings::default();
            let pairs = [
                ("notebook", "optimization"),
                ("optimizer", optimizer),
                ("batch-size", batch),
                ("decay", "interval"),
            ];
            assert_eq!(settings.apply(pairs), []);
            let mut run = Trainer::new(&settings);
            // Past several epochs, so new permutations are drawn in place.
            let n = allocations_during(|| {
                run.step(2000);
                run.reset();
                run.step(10);
            });
            assert_eq!(n, 0, "{optimizer}, batch {batch}: {n} allocations");
        }
    }
}

/// L2, L1 and dropout (both kinds of masks, full batches and mini-batches
/// with a smaller last one) train in the run's own workspaces too: the
/// masks are drawn into arrays made with the run.
#[test]
fn regularised_training_does_not_allocate() {
    for masks in ["fresh", "fixed"] {
        for batch in ["all", "64"] {
            let mut settings = Settings::default();
            for (name, value) in [
                ("model", "deep"),
                ("l2", "0.7"),
                ("l1", "0.01"),
                ("keep-prob", "0.86"),
                ("dropout-masks", masks),
                ("batch-size", batch),
            ] {
                settings.set(name, value).unwrap();
            }
            let mut run = Trainer::new(&settings);
            let n = allocations_during(|| {
                run.step(2000);
                run.gradients();
                run.reset();
                run.step(10);
            });
            assert_eq!(n, 0, "{masks} masks, batch {batch}: {n} allocations");
        }
    }
}

/// #15: an iteration run in parts (`advance`) and the map in bands use the
/// run's and the map's workspaces too, for every kind of run whose parts
/// differ.
#[test]
fn iterations_in_parts_do_not_allocate() {
    let kinds: [&[(&str, &str)]; 4] = [
        &[("model", "deep"), ("test-fraction", "0.2")],
        &[
            ("notebook", "optimization"),
            ("optimizer", "adam"),
            ("batch-size", "64"),
        ],
        &[("model", "deep"), ("l2", "0.7"), ("keep-prob", "0.86")],
        &[("model", "deep"), ("keep-prob", "0.8"), ("dropout-masks", "fixed")],
    ];
    for pairs in kinds {
        let mut settings = Settings::default();
        assert_eq!(settings.apply(pairs.iter().copied()), []);
        let mut run = Trainer::new(&settings);
        let mut map = DecisionMap::new(run.network(), 200, 200);
        let n = allocations_during(|| {
            // The first evaluation in parts too (a run reset in parts).
            run.reset_in_parts();
            while run.is_evaluating() {
                run.advance();
            }
            // Past where the curves first halve.
            for _ in 0..20_000 {
                run.advance();
            }
            while !map.render_rows(run.network(), BOUNDS, 16) {}
        });
        assert!(run.iteration() > 1024, "{pairs:?}: {} iterations", run.iteration());
        assert_eq!(n, 0, "{pairs:?}: {n} allocations");
    }
}

/// #15: the batch's gradients computed in parts (`gradients_advance`) fill
/// the run's own workspace, with penalties and dropout too.
#[test]
fn gradients_in_parts_do_not_allocate() {
    let kinds: [&[(&str, &str)]; 3] = [
        &[("model", "deep"), ("layers", "8,8,8")],
        &[("model", "deep"), ("l2", "0.7"), ("l1", "0.01"), ("keep-prob", "0.86")],
        &[("notebook", "optimization"), ("batch-size", "64")],
    ];
    for pairs in kinds {
        let mut settings = Settings::default();
        assert_eq!(settings.apply(pairs.iter().copied()), []);
        let mut run = Trainer::new(&settings);
        run.step(3);
        let n = allocations_during(|| {
            for work in [1, 777, 1 << 20] {
                while !run.gradients_advance(work) {}
                run.step(1);
            }
        });
        assert_eq!(n, 0, "{pairs:?}: {n} allocations");
    }
}

/// The page animates a large network at fewer cells than its stills: going
/// down the sizes and back reuses the still's buffers.
#[test]
fn a_map_drawn_smaller_and_back_does_not_allocate() {
    let run = Trainer::new(&Settings::default());
    let mut map = DecisionMap::new(run.network(), 200, 200);
    map.render(run.network(), BOUNDS);
    let n = allocations_during(|| {
        for cells in [160, 128, 48, 200, 100] {
            map.resize(cells, cells);
            map.render(run.network(), BOUNDS);
        }
    });
    assert_eq!(n, 0, "{n} allocations");
}

#[test]
fn unit_views_redraw_without_allocating() {
    for (model, activation) in [("shallow", "tanh"), ("deep", "relu"), ("deep", "sigmoid")] {
        let mut settings = Settings::default();
        settings.set("model", model).unwrap();
        settings.set("activation", activation).unwrap();
        let mut run = Trainer::new(&settings);
        let mut maps = UnitMaps::new(run.network(), 48, 4, 64);
        let n = allocations_during(|| {
            for _ in 0..3 {
                run.step(10);
                maps.render(run.network(), BOUNDS);
            }
        });
        assert_eq!(n, 0, "{model}/{activation}: {n} allocations");
        assert!(
            maps.pixels().iter().any(|&p| p != 255),
            "{model}/{activation}: something was drawn"
        );
    }
}

/// #15: a run built with its first evaluation in parts (the page's build)
/// allocates its passes' workspaces as the evaluation reaches each layer,
/// not in its constructor (at the caps ~100 MB: zeroing them at once was a
/// 0.1–0.25 s task in the page); from its first iteration on, its
/// iterations in parts allocate nothing. #17: with dropout too, whose own
/// dropped-out pass (Z, A and the dropped A of each layer) comes the same
/// way; only its masks, drawn before the pass, are made with the run.
#[test]
fn a_run_built_in_parts_allocates_its_workspaces_as_it_goes() {
    let network: [(&str, &str); 4] = [
        ("model", "deep"),
        ("layers", "64,64,64"),
        ("points", "4000"),
        ("test-fraction", "0.2"),
    ];
    // One layer's Z and A over the 3,200 training points alone are 3.3 MB;
    // the dropped-out pass adds Z, A and the dropped A of three such
    // layers (4.9 MB each kind) and Z, A of the output.
    let kinds: [(&[(&str, &str)], usize); 3] = [
        (&[], 10_000_000),
        (&[("keep-prob", "0.8")], 24_000_000),
        (&[("keep-prob", "0.8"), ("dropout-masks", "fixed")], 24_000_000),
    ];
    for (dropout, spared) in kinds {
        let mut settings = Settings::default();
        assert_eq!(settings.apply(network.iter().chain(dropout).copied()), []);
        let (train, test) = sepal::dataset::train_and_test(&settings);
        let (train_copy, test_copy) = (train.clone(), test.clone());
        let whole = bytes_during(|| drop(Trainer::with_split(&settings, train_copy, test_copy)));
        let mut run = None;
        let built = bytes_during(|| run = Some(Trainer::with_split_in_parts(&settings, train, test)));
        let mut run = run.expect("built");
        assert!(
            whole - built > spared,
            "{dropout:?}: whole {whole} B, in parts {built} B"
        );
        let evaluating = allocations_during(|| {
            while run.is_evaluating() {
                run.advance();
            }
        });
        assert!(evaluating > 0, "{dropout:?}: the workspaces come with the evaluation");
        allocations_during(|| {
            while run.iteration() < 1 {
                run.advance();
            }
        });
        let n = allocations_during(|| {
            while run.iteration() < 4 {
                run.advance();
            }
        });
        assert_eq!(n, 0, "{dropout:?}: {n} allocations in later iterations");
    }
}
