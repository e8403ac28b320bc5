//! Files written and read back: the same run to the bit, and what a file holds and leaves out.

use sepal::settings::{Effect, SPECS};

use super::*;

#[test]
fn a_model_round_trips_to_the_same_bits_and_goes_on_identically() {
    for pairs in [
        &[][..],
        &[("model", "logistic")],
        &[
            ("model", "deep"),
            ("layers", "5,3"),
            ("activation", "relu"),
            ("test-fraction", "0.25"),
        ],
        &[("dataset", "moons"), ("hidden-units", "7"), ("learning-rate", "0.5")],
        // #17: input features — W1 is 4×5, the points the plane's.
        &[
            ("dataset", "circles"),
            ("features", "x1,x2,x1sq,x2sq,sinx1"),
            ("test-fraction", "0.2"),
        ],
        // #16: the update rule's state and the place in the epoch go along
        // (321 updates of 7 a epoch stop inside one).
        &[("notebook", "optimization"), ("optimizer", "adam"), ("points", "400")],
        &[("optimizer", "momentum"), ("batch-size", "50"), ("decay", "epoch")],
        &[
            ("optimizer", "rmsprop"),
            ("learning-rate", "0.01"),
            ("decay", "interval"),
            ("decay-interval", "100"),
        ],
        // #17: dropout with mini-batches (211 points: four of 50 and one of
        // 11 an epoch), fresh masks from the iteration and fixed ones.
        &[
            ("notebook", "regularization"),
            ("keep-prob", "0.86"),
            ("batch-size", "50"),
        ],
        &[
            ("notebook", "regularization"),
            ("keep-prob", "0.7"),
            ("dropout-masks", "fresh"),
            ("batch-size", "50"),
        ],
    ] {
        let mut original = playground(pairs);
        original.step(321);
        let json = original.model_json();
        let mut copy = Playground::from_model(&json).unwrap();
        assert_eq!(
            copy.trainer().cost().to_bits(),
            original.trainer().cost().to_bits(),
            "{pairs:?}"
        );
        assert_eq!(copy.trainer().iteration(), 321);
        assert_eq!(
            copy.model_json(),
            json,
            "{pairs:?}: export of the import is the same file"
        );
        original.step(100);
        copy.step(100);
        assert_eq!(
            copy.trainer().cost().to_bits(),
            original.trainer().cost().to_bits(),
            "{pairs:?}"
        );
        let progress = |pg: &Playground| {
            let run = pg.trainer();
            (
                run.epoch(),
                run.batch_position(),
                run.epoch_cost().to_bits(),
                run.optimizer().t(),
            )
        };
        assert_eq!(progress(&copy), progress(&original), "{pairs:?}");
        assert_eq!(copy.trainer().network(), original.trainer().network(), "{pairs:?}");
    }
}

#[test]
fn a_file_names_its_features_and_its_points_stay_the_planes() {
    let json = playground(&[("model", "logistic"), ("features", "x2sq,x1sq")]).model_json();
    let settings = json.get("settings").unwrap();
    assert_eq!(settings.get("features"), Some(&Json::Text("x1sq,x2sq".into())));
    let Some(Json::Object(parameters)) = json.get("parameters") else {
        panic!("parameters")
    };
    assert_eq!(parameters[0].0, "w");
    assert_eq!(
        playground(&[]).model_json().get("points"),
        json.get("points"),
        "the flower's points, as (x1, x2, label)"
    );
}

#[test]
fn page_settings_stay_out_of_the_file() {
    let json = playground(&[("speed", "5"), ("lang", "zh")]).model_json();
    let settings = json.get("settings").unwrap();
    for spec in SPECS.iter().filter(|spec| spec.effect == Effect::Page) {
        assert!(settings.get(spec.key).is_none(), "{}", spec.key);
    }
    assert_eq!(settings.get("hiddenUnits"), Some(&Json::Number(4.0)));
    assert_eq!(settings.get("layers"), Some(&Json::Text("8,8".into())));
}

#[test]
fn every_setting_that_shapes_the_model_round_trips_through_a_file() {
    let defaults = Settings::default();
    for spec in SPECS.iter().filter(|spec| spec.effect != Effect::Page) {
        let example = spec.kind.example(&defaults.get(spec)).text();
        let json = playground(&[(spec.param, &example)]).model_json();
        let copy = Playground::from_model(&json).unwrap();
        assert_eq!(copy.settings.text(spec), example, "{}", spec.param);
    }
}

#[test]
fn the_largest_model_with_a_drawn_test_set_loads_back() {
    let pairs = [
        ("points", "10000"),
        ("test-points", "10000"),
        ("model", "deep"),
        ("layers", "64,64,64,64,64,64"),
    ];
    let json = playground(&pairs).model_json();
    let copy = Playground::from_model(&json).unwrap();
    assert_eq!(
        (copy.trainer().train_data().len(), copy.trainer().test_data().len()),
        (10_000, 10_000)
    );
}

#[test]
fn training_stops_at_the_largest_iteration_a_file_holds_so_it_loads_again() {
    let good = playground(&[]).model_json();
    let near = with(&good, &["iteration"], Json::Number(9_007_199_254_740_990.0));
    let mut pg = Playground::from_model(&near).expect("a file may say so");
    assert_eq!(pg.step(5), 1);
    assert_eq!(pg.trainer().iteration() as f64, MAX_ITERATION);
    assert_eq!(pg.step(100), 0);
    assert_eq!(pg.trainer().iteration() as f64, MAX_ITERATION);
    let again = Playground::from_model(&pg.model_json()).expect("what it saves loads again");
    assert_eq!(again.trainer().iteration(), pg.trainer().iteration());
}

/// How many values `json` holds, as the reading counts them.
fn values(json: &Json) -> usize {
    1 + match json {
        Json::Text(t) => t.len() / 32,
        Json::List(items) => items.iter().map(values).sum(),
        Json::Object(pairs) => pairs.iter().map(|(k, v)| 1 + k.len() / 32 + values(v)).sum(),
        _ => 0,
    }
}

/// (Where reading stops is tests/web.rs's: it reads JS values.)
#[test]
fn the_largest_model_is_well_within_the_values_a_file_may_hold() {
    let largest = playground(&[
        ("points", "10000"),
        ("model", "deep"),
        ("layers", "64,64,64,64,64,64"),
        ("test-fraction", "0.5"),
    ]);
    let count = values(&largest.model_json());
    assert!(count > 50_000 && count * 2 < crate::json::MAX_VALUES, "{count}");
}
