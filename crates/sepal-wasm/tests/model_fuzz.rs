//! Property tests of model import: no value, however broken, panics the
//! checks or the run built from them, and every rejection has a code the
//! page's strings put in words. Garbage comes two ways: arbitrary JSON
//! trees, and a real export with one value somewhere replaced by arbitrary
//! JSON.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sepal::settings::Settings;
use sepal_wasm::json::Json;
use sepal_wasm::Playground;

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -3.0..3.0f64,
        Just(0.0),
        Just(1.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        (0u32..100).prop_map(f64::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just("sepal-model".to_string()),
        Just("shallow".to_string()),
        Just("deep".to_string()),
        Just("logistic".to_string()),
        "[0-9]{1,2}(,[0-9]{1,2}){0,3}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec![
            "format",
            "version",
            "settings",
            "points",
            "train",
            "test",
            "parameters",
            "iteration",
            "W1",
            "b1",
            "W2",
            "b2",
            "w",
            "b",
            "W",
            "model",
            "hiddenUnits",
            "layers",
            "dataset",
            "learningRate",
            "__proto__",
        ])
        .prop_map(str::to_string),
    ]
}

fn json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number().prop_map(Json::Number),
        text().prop_map(Json::Text),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::List),
            prop::collection::vec((key(), inner), 0..8).prop_map(Json::Object),
        ]
    })
}

/// The export of a short run of one of a few models.
fn export(which: usize) -> Json {
    let pairs: &[(&str, &str)] = match which {
        0 => &[],
        1 => &[("model", "logistic")],
        2 => &[
            ("model", "deep"),
            ("layers", "3,2"),
            ("test-fraction", "0.2"),
            ("points", "60"),
        ],
        _ => &[("dataset", "xor"), ("hidden-units", "2"), ("points", "40")],
    };
    let mut settings = Settings::default();
    assert_eq!(settings.apply(pairs.iter().copied()), []);
    let mut pg = Playground::from_settings(settings);
    pg.step(3);
    pg.model_json()
}

/// `json` with the value reached by following `choices` replaced by `value`:
/// each choice picks a child (of an object or a list) while there is one.
fn replace(json: &mut Json, choices: &[usize], value: Json) {
    let child = match (json, choices.first()) {
        (Json::Object(pairs), Some(&c)) if !pairs.is_empty() => {
            let n = pairs.len();
            &mut pairs[c % n].1
        }
        (Json::List(items), Some(&c)) if !items.is_empty() => {
            let n = items.len();
            &mut items[c % n]
        }
        (json, _) => {
            *json = value;
            return;
        }
    };
    replace(child, &choices[1..], value);
}

fn check(json: &Json) -> Result<(), TestCaseError> {
    match Playground::from_model(json) {
        Ok(mut pg) => {
            // A file that was accepted builds a run that trains and exports.
            pg.step(2);
            let again = Playground::from_model(&pg.model_json());
            prop_assert!(again.is_ok(), "its own export is rejected: {:?}", again.err());
        }
        Err(e) => {
            // A code the page's strings have, and values it can show:
            // never a Rust debug dump.
            let (code, values) = e.describe();
            let key = format!("\"modelError.{code}\":");
            prop_assert!(
                include_str!("../../../www/strings.js").contains(&key),
                "no string for {code}"
            );
            for (name, value) in &values {
                prop_assert!(
                    !value.contains("Error {") && !value.contains("Some("),
                    "unclear {name}: {value:?}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(json in json()) {
        check(&json)?;
    }

    #[test]
    fn a_broken_export_never_panics(which in 0usize..4, choices in prop::collection::vec(any::<usize>(), 0..6), value in json()) {
        let mut file = export(which);
        replace(&mut file, &choices, value);
        check(&file)?;
    }

    #[test]
    fn broken_numbers_in_an_export_never_panic(which in 0usize..4, choices in prop::collection::vec(any::<usize>(), 1..7), value in number()) {
        let mut file = export(which);
        replace(&mut file, &choices, Json::Number(value));
        check(&file)?;
    }
}
