//! The decision map (pixels and 0.5 contour) is the same to the bit natively
//! and in headless Chromium: the same constant is asserted on both targets.
//! It is what the native build computes for the course's network after 500
//! iterations, over the rectangle the page plots, at 256×256 cells.

use sepal::grid::Bounds;
use sepal::settings::Settings;
use sepal::{DecisionMap, Trainer};

// The math crate's number text comes from the JS engine in the wasm
// (sepal's `js-numbers`), through functions this crate defines.
#[cfg(target_arch = "wasm32")]
use sepal_wasm as _;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const MAP_CHECKSUM: u64 = 0xc4c1_a15e_463b_fabf;

/// FNV-1a over the pixels and the contour's f32 bits.
fn map_checksum() -> u64 {
    let mut run = Trainer::new(&Settings::default());
    run.step(500);
    let mut map = DecisionMap::new(run.network(), 256, 256);
    map.render(
        run.network(),
        Bounds {
            x_min: -5.2,
            x_max: 5.1,
            y_min: -5.0,
            y_max: 5.3,
        },
    );
    let contour = map.contour().iter().flat_map(|v| v.to_bits().to_le_bytes());
    map.pixels()
        .iter()
        .copied()
        .chain(contour)
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decision_map_has_the_pinned_bits() {
    let checksum = map_checksum();
    assert_eq!(checksum, MAP_CHECKSUM, "map checksum {checksum:#x}");
}
