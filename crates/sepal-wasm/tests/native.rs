//! The native half of the bit-identity check (see pinned_bits.rs).
#![cfg(not(target_arch = "wasm32"))]

include!("common/pinned_bits.rs");

use sepal::settings::Settings;
use sepal_wasm::Playground;

#[test]
fn native_cost_after_1000_iterations_has_the_pinned_bits() {
    let mut pg = Playground::from_settings(Settings::default());
    pg.step(1000);
    let cost = pg.trainer().cost();
    assert!((cost - 0.258625).abs() < 1e-6);
    assert_eq!(
        cost.to_bits(),
        COST_AFTER_1000_BITS,
        "native cost {cost:e} = {:#x}",
        cost.to_bits()
    );
}

#[test]
fn new_points_go_on_from_the_current_iteration_and_are_marked() {
    use sepal::Dataset;
    let settings = Settings::default();
    let points = [[-1.0, 0.0, 0.0], [1.0, 0.0, 1.0]];
    let mut pg = Playground::from_data(settings, Dataset::from_points(&points), None);
    pg.step(30);
    pg.replace_data(Dataset::from_points(&[
        [-1.0, 0.0, 0.0],
        [1.0, 0.0, 1.0],
        [2.0, 2.0, 1.0],
    ]));
    // The same iteration twice is one mark.
    pg.replace_data(Dataset::from_points(&[
        [-1.0, 0.0, 0.0],
        [1.0, 0.0, 1.0],
        [2.0, 1.0, 1.0],
    ]));
    assert_eq!(pg.trainer().iteration(), 30);
    assert_eq!(pg.trainer().train_data().len(), 3);
    assert_eq!(pg.data_changes_len(), 1);
    pg.step(5);
    assert_eq!(pg.trainer().iteration(), 35);
    pg.reset();
    assert_eq!(pg.data_changes_len(), 0);
    assert_eq!(pg.trainer().iteration(), 0);
}

#[test]
fn an_adam_mini_batch_run_has_the_pinned_bits() {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(ADAM_BATCH_SETTINGS), []);
    let mut pg = Playground::from_settings(settings);
    pg.step(5000);
    let run = pg.trainer();
    assert_eq!((run.epoch(), run.iteration()), (1000, 5000));
    let (cost, epoch_cost) = (run.cost(), run.epoch_cost());
    assert_eq!(
        (cost.to_bits(), epoch_cost.to_bits()),
        (ADAM_BATCH_COST_BITS, ADAM_BATCH_EPOCH_COST_BITS),
        "native cost {cost:e} = {:#x}, epoch cost {epoch_cost:e} = {:#x}",
        cost.to_bits(),
        epoch_cost.to_bits()
    );
}

#[test]
fn native_regularised_cost_after_300_iterations_has_the_pinned_bits() {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(REGULARISED), []);
    let mut pg = Playground::from_settings(settings);
    pg.step(300);
    let cost = pg.trainer().cost();
    assert_eq!(
        cost.to_bits(),
        REGULARISED_COST_AFTER_300_BITS,
        "native cost {cost:e} = {:#x}",
        cost.to_bits()
    );
}

#[test]
fn a_mini_batch_dropout_run_has_the_pinned_bits() {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(MINI_BATCH_DROPOUT_SETTINGS), []);
    let mut pg = Playground::from_settings(settings);
    pg.step(330);
    let run = pg.trainer();
    assert_eq!((run.epoch(), run.batch_position()), (82, 2));
    let (cost, epoch_cost) = (run.cost(), run.epoch_cost());
    assert_eq!(
        (cost.to_bits(), epoch_cost.to_bits()),
        (MINI_BATCH_DROPOUT_COST_BITS, MINI_BATCH_DROPOUT_EPOCH_COST_BITS),
        "native cost {cost:e} = {:#x}, epoch cost {epoch_cost:e} = {:#x}",
        cost.to_bits(),
        epoch_cost.to_bits()
    );
}
