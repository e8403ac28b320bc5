//! The JS API in a real browser (headless Chromium via wasm-bindgen-test):
//! the same numbers as natively, to the bit, and the objects JS reads.
#![cfg(target_arch = "wasm32")]

include!("common/pinned_bits.rs");

use js_sys::{Array, Reflect};
use sepal_wasm::{dataset_points, parse_settings, Playground};
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
fn a_regularised_run_has_the_native_bits() {
    let settings = js_sys::Object::new();
    for (name, value) in REGULARISED {
        Reflect::set(&settings, &name.into(), &value.into()).unwrap();
    }
    let mut pg = Playground::new(settings.into()).unwrap();
    assert_eq!(pg.step(300), 300);
    assert_eq!(
        pg.cost().to_bits(),
        REGULARISED_COST_AFTER_300_BITS,
        "wasm cost {:e}",
        pg.cost()
    );
}

#[wasm_bindgen_test]
fn the_course_accuracy_is_reached_in_the_browser() {
    let mut pg = default_playground();
    pg.step(10_000);
    // 0.9075 ± one point of 400: the run is chaotic past iteration ~6500
    // (see crates/sepal/tests/course.rs).
    assert!(
        (pg.train_accuracy() - 0.9075).abs() <= 0.0026,
        "{}",
        pg.train_accuracy()
    );
    assert!(pg.test_accuracy().is_nan(), "no held-out points by default");
}

#[wasm_bindgen_test]
fn settings_objects_and_rejections_reach_js() {
    let pairs = Array::of2(
        &Array::of2(&"hidden-units".into(), &"7".into()),
        &Array::of2(&"learning-rate".into(), &"abc".into()),
    );
    let parsed = parse_settings(pairs.into(), JsValue::UNDEFINED).unwrap();
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
    // Polylines of x, y pairs, each ended by a NaN pair.
    assert!(pg.contour_len() > 0 && pg.contour_len() % 2 == 0);
    assert_eq!(pg.history_len(), 501);
    let points = pg.points();
    assert_eq!(js_sys::Float64Array::from(get(&points, "train")).length(), 3 * 400);
}

fn settings_with(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

fn point(x1: f64, x2: f64, label: f64) -> JsValue {
    Array::of3(&x1.into(), &x2.into(), &label.into()).into()
}

#[wasm_bindgen_test]
fn drawn_points_train_and_keep_their_order_and_bounds() {
    let points = Array::new();
    for k in 0..10 {
        let x = k as f64 - 4.5;
        points.push(&point(x, 0.3 * x, (x > 0.0) as u8 as f64));
    }
    let bounds = settings_with(&[
        ("xMin", (-6.0).into()),
        ("xMax", 6.0.into()),
        ("yMin", (-6.0).into()),
        ("yMax", 6.0.into()),
    ]);
    let mut pg = Playground::with_points(
        settings_with(&[("testFraction", 0.2.into())]),
        points.clone().into(),
        bounds,
    )
    .unwrap();
    assert_eq!(js_sys::Float64Array::from(get(&pg.points(), "train")).length(), 3 * 8);
    assert_eq!(js_sys::Float64Array::from(get(&pg.points(), "test")).length(), 3 * 2);
    let all = Array::from(&pg.all_points().unwrap());
    assert_eq!(all.length(), 10);
    assert_eq!(
        Array::from(&all.get(3)).get(0).as_f64(),
        Some(-1.5),
        "the order they were drawn in"
    );
    assert_eq!(get(&pg.bounds().unwrap(), "xMax").as_f64(), Some(6.0));
    pg.step(300);
    assert_eq!(pg.train_accuracy(), 1.0);
    assert!(pg.test_cost().is_finite());

    let empty = Playground::with_points(js_sys::Object::new().into(), Array::new().into(), JsValue::UNDEFINED).unwrap();
    assert!(empty.cost().is_nan());
    let bad = Array::of1(&point(0.0, 0.0, 3.0));
    assert!(Playground::with_points(js_sys::Object::new().into(), bad.into(), JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn test_curves_and_unit_views_are_readable_from_memory() {
    let mut pg = Playground::new(settings_with(&[
        ("testFraction", 0.25.into()),
        ("model", "deep".into()),
        ("layers", "3,2".into()),
    ]))
    .unwrap();
    pg.step(99);
    assert_eq!(pg.history_len(), 100);
    let test_costs = unsafe { std::slice::from_raw_parts(pg.history_test_costs_ptr(), pg.history_len()) };
    assert!(test_costs.iter().all(|c| c.is_finite()));
    pg.render_units(16, 4, 64);
    assert_eq!(pg.unit_layers(), [3, 2]);
    assert_eq!(pg.unit_pixels_len(), 5 * 16 * 16 * 4);
    assert_eq!(pg.layer_sizes(), [2, 3, 2, 1]);
    pg.pack_weights();
    assert_eq!(pg.weights_len(), (3 * 2 + 3) + (2 * 3 + 2) + (2 + 1));
    assert!(!pg.identical_units());
    let moons = dataset_points(settings_with(&[("dataset", "moons".into()), ("points", 30.into())])).unwrap();
    assert_eq!(moons.len(), 30 * 3, "x1, x2, label per point");
    assert!(moons.chunks_exact(3).all(|p| p[2] == 0.0 || p[2] == 1.0));
}

#[wasm_bindgen_test]
fn zero_initialisation_keeps_units_identical() {
    let mut pg = Playground::new(settings_with(&[
        ("init", "zeros".into()),
        ("activation", "sigmoid".into()),
    ]))
    .unwrap();
    pg.step(200);
    assert!(pg.identical_units());
}

#[wasm_bindgen_test]
fn a_model_goes_through_json_text_and_back_to_the_bit() {
    let mut pg = Playground::new(js_sys::JSON::parse(r#"{"hiddenUnits": 6, "testFraction": 0.2}"#).unwrap()).unwrap();
    pg.step(777);
    // What the page does: JSON.stringify to save, JSON.parse to load.
    let text = js_sys::JSON::stringify(&pg.export_model().unwrap()).unwrap();
    let object = js_sys::JSON::parse(&text.as_string().unwrap()).unwrap();
    let mut copy = Playground::from_model_in_parts_js(object).unwrap();
    assert_eq!(copy.iteration(), 777.0);
    // The page's import: its evaluation in parts, as the frames do it.
    while copy.evaluating() {
        copy.advance(Some(1e5));
    }
    assert_eq!(copy.cost().to_bits(), pg.cost().to_bits());
    pg.step(100);
    copy.step(100);
    assert_eq!(copy.cost().to_bits(), pg.cost().to_bits());
    assert_eq!(copy.test_cost().to_bits(), pg.test_cost().to_bits());
}

#[wasm_bindgen_test]
fn a_bad_model_throws_an_error_with_a_code_and_values() {
    let error = Playground::from_model_in_parts_js(JsValue::from_str("model"))
        .err()
        .unwrap();
    assert_eq!(get(&error, "code").as_string().unwrap(), "not-an-object");
    // The words are the page's (strings.js); the message is only a fallback.
    let message = js_sys::Error::from(error).message().as_string().unwrap();
    assert_eq!(message, "not-an-object");

    let pg = default_playground();
    let object = pg.export_model().unwrap();
    Reflect::set(
        &get(&object, "settings"),
        &"hiddenUnits".into(),
        &JsValue::from_f64(9.0),
    )
    .unwrap();
    let error = Playground::from_model_in_parts_js(object).err().unwrap();
    assert_eq!(get(&error, "code").as_string().unwrap(), "wrong-shape");
    let values = get(&error, "values");
    assert_eq!(get(&values, "name").as_string().unwrap(), "W1");
    assert_eq!(get(&values, "expected").as_string().unwrap(), "9×2");

    // A value JSON cannot hold (a function) is named, not a crash.
    let object = pg.export_model().unwrap();
    let function = js_sys::Function::new_no_args("return 1");
    Reflect::set(&object, &"iteration".into(), &function).unwrap();
    let error = Playground::from_model_in_parts_js(object).err().unwrap();
    assert_eq!(get(&error, "code").as_string().unwrap(), "unreadable");
}

#[wasm_bindgen_test]
fn gradients_are_shaped_like_the_parameters() {
    let mut pg = default_playground();
    pg.step(3);
    let grads = pg.gradients().unwrap();
    let dw1: Array = get(&grads, "dW1").into();
    assert_eq!(dw1.length(), 4);
    assert_eq!(Array::from(&dw1.get(0)).length(), 2);
    assert_eq!(Array::from(&get(&grads, "db2")).length(), 1);
    assert_eq!(pg.parameter_count(), 17);
}

#[wasm_bindgen_test]
fn an_adam_mini_batch_run_has_the_native_bits() {
    let pairs: Vec<(&str, JsValue)> = ADAM_BATCH_SETTINGS.iter().map(|&(k, v)| (k, v.into())).collect();
    let mut pg = Playground::new(settings_with(&pairs)).unwrap();
    assert_eq!(pg.step(5000), 5000);
    assert_eq!(pg.epoch(), 1000.0);
    assert_eq!(pg.cost().to_bits(), ADAM_BATCH_COST_BITS, "wasm cost {:e}", pg.cost());
    assert_eq!(
        pg.epoch_cost().to_bits(),
        ADAM_BATCH_EPOCH_COST_BITS,
        "wasm epoch cost {:e}",
        pg.epoch_cost()
    );
}

#[wasm_bindgen_test]
fn a_mini_batch_dropout_run_has_the_native_bits() {
    let pairs: Vec<(&str, JsValue)> = MINI_BATCH_DROPOUT_SETTINGS
        .iter()
        .map(|&(k, v)| (k, v.into()))
        .collect();
    let mut pg = Playground::new(settings_with(&pairs)).unwrap();
    assert_eq!(pg.step(330), 330);
    assert_eq!(pg.epoch(), 82.0);
    assert_eq!(
        pg.cost().to_bits(),
        MINI_BATCH_DROPOUT_COST_BITS,
        "wasm cost {:e}",
        pg.cost()
    );
    assert_eq!(
        pg.epoch_cost().to_bits(),
        MINI_BATCH_DROPOUT_EPOCH_COST_BITS,
        "wasm epoch cost {:e}",
        pg.epoch_cost()
    );
}

#[wasm_bindgen_test]
fn reading_a_model_object_stops_at_its_limits() {
    use sepal_wasm::json::{Json, ReadError, MAX_DEPTH, MAX_VALUES};
    let zeros = |n: usize| Array::new_with_length(n as u32).fill(&JsValue::from_f64(0.0), 0, n as u32);
    // The list is one value, each number another.
    assert!(Json::from_js(&zeros(MAX_VALUES - 1)).is_ok());
    assert_eq!(Json::from_js(&zeros(MAX_VALUES)), Err(ReadError::TooMany));
    let nested = |depth: usize| (0..depth).fold(JsValue::from(Array::new()), |inner, _| Array::of1(&inner).into());
    assert!(Json::from_js(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(Json::from_js(&nested(MAX_DEPTH + 1)), Err(ReadError::TooDeep));
}

/// The JS engine's number texts (the wasm's) are the ones the native build
/// writes (sepal's settings/decimal.rs tests the same table natively).
#[wasm_bindgen_test]
fn numbers_as_text_are_the_native_ones() {
    use sepal::settings::{number_text, parse_number};
    for (v, text) in [
        (1.2, "1.2"),
        (400.0, "400"),
        (-0.5, "-0.5"),
        (1e-6, "0.000001"),
        (1e-7, "1e-7"),
        (1e21, "1e+21"),
        (9_007_199_254_740_991.0, "9007199254740991"),
        (5e-324, "5e-324"),
        (f64::MAX, "1.7976931348623157e+308"),
        (-0.0, "-0"),
    ] {
        assert_eq!(number_text(v), text);
        assert_eq!(parse_number(text).map(f64::to_bits), Some(v.to_bits()), "{text}");
    }
    for text in ["1.", ".5", "+.5", "-2.5E-3", "007", "0.30000000000000004"] {
        assert_eq!(parse_number(text), text.parse().ok(), "{text}");
    }
    assert_eq!(parse_number("1e400"), Some(f64::INFINITY));
    assert_eq!(parse_number("Infinity"), None);
}
