//! The JS API in a real browser (headless Chromium via wasm-bindgen-test):
//! the same numbers as natively, to the bit, and the objects JS reads.
#![cfg(target_arch = "wasm32")]

include!("common/pinned_bits.rs");

use js_sys::{Array, Reflect};
use sepal_wasm::{parse_settings, Playground};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap()
}

fn default_playground() -> Playground {
    Playground::new(js_sys::Object::new().into()).unwrap()
}

#[wasm_bindgen_test]
fn cost_after_1000_iterations_has_the_native_bits() {
    let mut pg = default_playground();
    // REFERENCE.md: "Cost after iteration 0: 0.693162".
    assert!((pg.cost() - 0.693162).abs() < 1e-6);
    assert_eq!(pg.step(1000), 1000);
    assert_eq!(pg.iteration(), 1000.0);
    assert_eq!(pg.cost().to_bits(), COST_AFTER_1000_BITS, "wasm cost {:e}", pg.cost());
}

#[wasm_bindgen_test]
fn the_course_accuracy_is_reached_in_the_browser() {
    let mut pg = default_playground();
    pg.step(10_000);
    // 0.9075 ± one point of 400: the run is chaotic past iteration ~6500
    // (see crates/sepal/tests/course.rs).
    assert!((pg.train_accuracy() - 0.9075).abs() <= 0.0026, "{}", pg.train_accuracy());
    assert!(pg.test_accuracy().is_nan(), "no held-out points by default");
}

#[wasm_bindgen_test]
fn settings_objects_and_rejections_reach_js() {
    let pairs = Array::of2(
        &Array::of2(&"hidden-units".into(), &"7".into()),
        &Array::of2(&"learning-rate".into(), &"abc".into()),
    );
    let parsed = parse_settings(pairs.into()).unwrap();
    let settings = get(&parsed, "settings");
    assert_eq!(get(&settings, "hiddenUnits").as_f64(), Some(7.0));
    assert_eq!(get(&settings, "learningRate").as_f64(), Some(1.2));
    let errors: Array = get(&parsed, "errors").into();
    assert_eq!(errors.length(), 1);
    let error = errors.get(0);
    assert_eq!(get(&error, "setting").as_string().unwrap(), "learning-rate");
    assert_eq!(get(&error, "problem").as_string().unwrap(), "not-a-number");

    let pg = Playground::new(settings).unwrap();
    let params = pg.parameters().unwrap();
    let w1: Array = get(&params, "W1").into();
    assert_eq!(w1.length(), 7, "W1 is 7×2");
}

#[wasm_bindgen_test]
fn invalid_settings_throw_instead_of_building() {
    let object = js_sys::Object::new();
    Reflect::set(&object, &"points".into(), &JsValue::from_f64(-3.0)).unwrap();
    assert!(Playground::new(object.into()).is_err());
}

#[wasm_bindgen_test]
fn the_map_and_the_curve_are_readable_from_memory() {
    let mut pg = default_playground();
    pg.step(500);
    pg.render(200, 200);
    assert_eq!(pg.pixels_len(), 200 * 200 * 4);
    assert!(pg.contour_len() > 0 && pg.contour_len() % 4 == 0);
    assert_eq!(pg.history_len(), 501);
    let points = pg.points().unwrap();
    assert_eq!(Array::from(&get(&points, "train")).length(), 400);
}
