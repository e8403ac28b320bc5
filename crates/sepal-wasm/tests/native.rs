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
