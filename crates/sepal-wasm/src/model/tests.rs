//! The model file's tests, in one file though over 500 lines: they share
//! the helpers that build and bend a file (`playground`, `with`,
//! `with_points`, `error`), and the list of every `ModelError` that makes a
//! new kind of error fail to build until it has its words in both strings
//! files.

use super::*;

fn playground(pairs: &[(&str, &str)]) -> Playground {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(pairs.iter().copied()), []);
    Playground::from_settings(settings)
}

/// `json` with the value at `path` (object keys) replaced.
fn with(json: &Json, path: &[&str], value: Json) -> Json {
    let mut json = json.clone();
    let mut at = &mut json;
    for key in path {
        let Json::Object(pairs) = at else {
            panic!("{key} is not in an object")
        };
        let index = pairs.iter().position(|(k, _)| k == key).unwrap_or_else(|| {
            pairs.push((key.to_string(), Json::Null));
            pairs.len() - 1
        });
        at = &mut pairs[index].1;
    }
    *at = value;
    json
}

fn without(json: &Json, key: &str) -> Json {
    let Json::Object(pairs) = json else { panic!() };
    Json::Object(pairs.iter().filter(|(k, _)| k != key).cloned().collect())
}

/// The code and values `json` is rejected with.
fn error(json: &Json) -> (&'static str, Vec<(&'static str, String)>) {
    Playground::from_model(json).err().expect("rejected").describe()
}

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
fn an_optimizer_without_its_state_is_refused() {
    let json = playground(&[("optimizer", "adam")]).model_json();
    let bare = with(&json, &["optimizer"], Json::object([("t", Json::Number(3.0))]));
    assert_eq!(error(&bare), ("missing", vec![("field", "optimizer.v".into())]));
    let bad = with(&json, &["optimizer", "t"], Json::Text("3".into()));
    assert_eq!(error(&bad).0, "wrong-type");
    // A file from before optimisers (no `optimizer`) starts a fresh state.
    assert!(Playground::from_model(&without(&json, "optimizer")).is_ok());
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
fn every_problem_is_named() {
    let good = playground(&[]).model_json();
    let point = |list, values: Json| with(&good, &["points", list], Json::List(vec![values]));
    // The file, its error's code and values (some, not necessarily all).
    type Case = (Json, &'static str, &'static [(&'static str, &'static str)]);
    let cases: Vec<Case> = vec![
        (Json::List(vec![]), "not-an-object", &[]),
        (
            with(&good, &["format"], Json::Text("keras".into())),
            "format",
            &[("found", "\"keras\"")],
        ),
        (
            with(&good, &["format"], Json::Number(1.0)),
            "wrong-type",
            &[("field", "format"), ("expected", "text")],
        ),
        (without(&good, "format"), "missing", &[("field", "format")]),
        (
            with(&good, &["version"], Json::Number(2.0)),
            "version",
            &[("found", "2")],
        ),
        (
            with(&good, &["settings", "hiddenUnits"], Json::Number(99.0)),
            "setting",
            &[
                ("setting", "hidden-units"),
                ("value", "99"),
                ("problem", "out-of-range"),
            ],
        ),
        (
            with(&good, &["settings", "learningRate"], Json::Number(-1.0)),
            "setting",
            &[
                ("setting", "learning-rate"),
                ("value", "-1"),
                ("problem", "out-of-range"),
            ],
        ),
        (
            with(&good, &["settings", "bogus"], Json::Number(1.0)),
            "unknown-setting",
            &[("setting", "bogus")],
        ),
        (
            with(&good, &["settings", "seed"], Json::Null),
            "wrong-type",
            &[("field", "settings.seed"), ("expected", "number-or-text")],
        ),
        (
            with(&good, &["settings", "hiddenUnits"], Json::Number(7.0)),
            "wrong-shape",
            &[("name", "W1"), ("expected", "7×2"), ("found", "4×2")],
        ),
        (
            with(&good, &["points"], Json::Text("x".into())),
            "wrong-type",
            &[("field", "points"), ("expected", "object")],
        ),
        (
            point("train", Json::Text("x".into())),
            "wrong-type",
            &[("field", "points.train[0]"), ("expected", "vector")],
        ),
        (
            point("train", Json::numbers(&[1.0, 2.0])),
            "point-values",
            &[("list", "points.train"), ("n", "1"), ("count", "2")],
        ),
        (
            point("test", Json::numbers(&[1.0, 2.0, 3.0])),
            "point-label",
            &[("list", "points.test"), ("n", "1"), ("label", "3")],
        ),
        (
            // A label given as text is a bad label, not a bad coordinate.
            point(
                "test",
                Json::List(vec![Json::Number(1.0), Json::Number(2.0), Json::Text("1".into())]),
            ),
            "point-label",
            &[("list", "points.test"), ("n", "1"), ("label", "\"1\"")],
        ),
        (
            point(
                "train",
                Json::List(vec![Json::Null, Json::Number(0.0), Json::Number(1.0)]),
            ),
            "point-coordinate",
            &[("list", "points.train"), ("n", "1"), ("max", "1000000")],
        ),
        (
            with(&good, &["parameters", "W3"], Json::Null),
            "unknown-parameter",
            &[("name", "W3"), ("model", "shallow")],
        ),
        (
            with(&good, &["parameters", "b1"], Json::Text("0".into())),
            "wrong-type",
            &[("field", "parameters.b1"), ("expected", "vector")],
        ),
        (
            with(
                &good,
                &["parameters", "W2"],
                Json::List(vec![Json::List(vec![Json::Null; 4])]),
            ),
            "wrong-type",
            &[("field", "parameters.W2"), ("expected", "matrix")],
        ),
        (
            with(&good, &["parameters", "b2"], Json::numbers(&[f64::INFINITY])),
            "not-finite",
            &[("name", "b2")],
        ),
        (
            with(&good, &["iteration"], Json::Number(-1.0)),
            "iteration",
            &[("value", "-1"), ("max", "9007199254740991")],
        ),
        (
            with(&good, &["iteration"], Json::Number(2.5)),
            "iteration",
            &[("value", "2.5")],
        ),
    ];
    for (json, code, values) in cases {
        let (found, found_values) = error(&json);
        assert_eq!(found, code, "{found_values:?}");
        for &(name, value) in values {
            let pair = (name, value.to_string());
            assert!(
                found_values.contains(&pair),
                "{code}: {pair:?} is not in {found_values:?}"
            );
        }
    }
}

#[test]
fn the_neutral_message_is_the_code_and_its_values() {
    let good = playground(&[]).model_json();
    let err = Playground::from_model(&with(&good, &["settings", "hiddenUnits"], Json::Number(7.0)))
        .err()
        .unwrap();
    assert_eq!(err.to_string(), "wrong-shape: name=W1, expected=7×2, found=4×2");
    assert_eq!(ModelError::TooDeep.to_string(), "too-deep");
}

/// One error of each kind.
fn one_of_each() -> Vec<ModelError> {
    use ModelError::*;
    let text = String::new;
    let setting = |name, value| Settings::default().set(name, value).unwrap_err();
    let all = vec![
        NotAnObject,
        Unreadable { message: text() },
        TooDeep,
        TooManyValues,
        Format { found: text() },
        Version { found: text() },
        Missing { field: text() },
        WrongType {
            field: text(),
            expected: Expected::Object,
        },
        Setting(setting("hidden-units", "0")),
        Setting(setting("bogus", "1")),
        TooManyPoints { count: 0 },
        NoPoints,
        DataMismatch { dataset: "flower" },
        SplitMismatch { expected: 2, found: 0 },
        ParameterTooLarge { name: text() },
        PointValues {
            list: "points.train",
            n: 1,
            count: 2,
        },
        PointCoordinate {
            list: "points.train",
            n: 1,
        },
        PointLabel {
            list: "points.train",
            n: 1,
            label: "2".into(),
        },
        UnknownParameter {
            name: text(),
            model: Model::Shallow,
        },
        Parameters(ImportError::WrongModel { expected: Model::Deep }),
        Parameters(ImportError::WrongShape {
            name: text(),
            expected: (1, 2),
            found: (2, 1),
        }),
        Parameters(ImportError::RaggedRow {
            name: text(),
            row: 1,
            expected: 2,
            found: 3,
        }),
        Parameters(ImportError::NotFinite { name: text() }),
        Parameters(ImportError::LayerCount { expected: 2, found: 3 }),
        Parameters(ImportError::UnpairedLayers { weights: 2, biases: 3 }),
        Iteration { value: text() },
    ];
    for error in &all {
        // No `_` here: a new kind of error does not build until it is
        // in the list above, and so in the test of the strings below.
        match error {
            NotAnObject | Unreadable { .. } | TooDeep | Format { .. } | Version { .. } | Missing { .. } => {}
            WrongType { .. } | Setting(_) | TooManyPoints { .. } | Iteration { .. } => {}
            NoPoints | ParameterTooLarge { .. } | TooManyValues => {}
            DataMismatch { .. } | SplitMismatch { .. } => {}
            PointValues { .. } | PointCoordinate { .. } | PointLabel { .. } | UnknownParameter { .. } => {}
            Parameters(
                ImportError::WrongModel { .. }
                | ImportError::WrongShape { .. }
                | ImportError::RaggedRow { .. }
                | ImportError::NotFinite { .. }
                | ImportError::LayerCount { .. }
                | ImportError::UnpairedLayers { .. },
            ) => {}
        }
    }
    all
}

/// The string after `"key":` in a strings file (up to its closing quote).
fn template<'a>(file: &'a str, key: &str) -> Option<&'a str> {
    let quoted = format!("\"{key}\":");
    let rest = file[file.find(&quoted)? + quoted.len()..]
        .trim_start()
        .strip_prefix('"')?;
    let mut escaped = false;
    let (end, _) = rest.char_indices().find(|&(_, c)| {
        let closing = c == '"' && !escaped;
        escaped = c == '\\' && !escaped;
        closing
    })?;
    Some(&rest[..end])
}

#[test]
fn every_error_has_words_in_every_language_naming_only_its_values() {
    let files = [
        ("strings.js", include_str!("../../../../www/strings.js")),
        ("strings-zh.js", include_str!("../../../../www/strings-zh.js")),
    ];
    for (file, text) in files {
        for error in one_of_each() {
            let (code, values) = error.describe();
            let key = format!("modelError.{code}");
            let template = template(text, &key).unwrap_or_else(|| panic!("{file} has no {key}"));
            let names = template.split('{').skip(1).filter_map(|part| part.split_once('}'));
            for (name, _) in names {
                assert!(
                    values.iter().any(|(v, _)| *v == name),
                    "{file}: {key} names {{{name}}}, which {error:?} does not have"
                );
            }
        }
        let expected = [
            Expected::Object,
            Expected::Number,
            Expected::Text,
            Expected::NumberOrText,
            Expected::Points,
            Expected::Matrix,
            Expected::Vector,
            Expected::Matrices,
            Expected::Vectors,
        ];
        for expected in expected {
            let key = format!("modelType.{}", expected.code());
            assert!(template(text, &key).is_some(), "{file} has no {key}");
        }
    }
}

/// The points of `json` replaced: `train` and `test`.
fn with_points(json: &Json, train: Vec<Json>, test: Vec<Json>) -> Json {
    let json = with(json, &["points", "train"], Json::List(train));
    with(&json, &["points", "test"], Json::List(test))
}

#[test]
fn a_file_without_training_points_is_refused() {
    let good = playground(&[("test-fraction", "0.5")]).model_json();
    let point = Json::numbers(&[0.5, 0.5, 1.0]);
    assert_eq!(error(&with_points(&good, vec![], vec![])).0, "no-points");
    assert_eq!(error(&with_points(&good, vec![], vec![point.clone()])).0, "no-points");
    let own = with(&good, &["settings", "dataset"], Json::Text("custom".into()));
    assert!(Playground::from_model(&with_points(&own, vec![point], vec![])).is_ok());
}

#[test]
fn a_files_points_are_what_its_settings_describe() {
    let good = playground(&[("test-fraction", "0.25"), ("points", "40")]).model_json();
    assert!(Playground::from_model(&good).is_ok());
    // One point moved: not the flower these settings make.
    let Some(Json::List(mut train)) = good.get("points").and_then(|p| p.get("train")).cloned() else {
        panic!("an exported file has points.train")
    };
    train[0] = Json::numbers(&[0.5, 0.5, 1.0]);
    let moved = with(&good, &["points", "train"], Json::List(train));
    assert_eq!(
        error(&moved),
        ("data-mismatch", vec![("dataset", "flower".to_string())])
    );
    // The same points under other settings: neither.
    for (key, value) in [
        ("points", 41.0),
        ("datasetSeed", 2.0),
        ("noise", 0.3),
        ("testFraction", 0.5),
    ] {
        let other = with(&good, &["settings", key], Json::Number(value));
        assert_eq!(error(&other).0, "data-mismatch", "{key}");
    }
    // Your own points: any points, held out as the share says.
    let own = with(&good, &["settings", "dataset"], Json::Text("custom".into()));
    assert!(Playground::from_model(&own).is_ok());
    let unsplit = with(&own, &["settings", "testFraction"], Json::Number(0.5));
    let expected = vec![("expected", "20".to_string()), ("found", "10".to_string())];
    assert_eq!(error(&unsplit), ("split-mismatch", expected));
}

#[test]
fn parameters_beyond_the_bound_are_refused_and_those_within_it_are_not() {
    let shallow = playground(&[]).model_json();
    let w2 = |v: f64| {
        with(
            &shallow,
            &["parameters", "W2"],
            Json::List(vec![Json::numbers(&[v; 4])]),
        )
    };
    assert_eq!(
        error(&w2(1e308)),
        (
            "parameter-too-large",
            vec![("name", "W2".into()), ("max", "1000000".into())]
        )
    );
    assert_eq!(error(&w2(-1.5e6)).0, "parameter-too-large");
    let mut ok = Playground::from_model(&w2(-MAX_PARAMETER)).expect("the bound itself is allowed");
    ok.step(1);
    let logistic = playground(&[("model", "logistic")]).model_json();
    assert_eq!(
        error(&with(&logistic, &["parameters", "b"], Json::Number(2e6))),
        (
            "parameter-too-large",
            vec![("name", "b".into()), ("max", "1000000".into())]
        )
    );
    let deep = playground(&[("model", "deep"), ("layers", "3,3")]).model_json();
    let Some(Json::List(biases)) = deep.get("parameters").and_then(|p| p.get("b")).cloned() else {
        panic!()
    };
    let mut biases = biases;
    biases[1] = Json::numbers(&[0.0, -7e6, 0.0]);
    assert_eq!(
        error(&with(&deep, &["parameters", "b"], Json::List(biases))).0,
        "parameter-too-large"
    );
    // What a file can hold still cannot overflow a forward pass of the
    // largest network: its cost is finite at the bound (though far above
    // the start's, which the divergence check calls exploded).
    let big = playground(&[
        ("model", "deep"),
        ("layers", "64,64,64,64,64,64"),
        ("activation", "relu"),
    ]);
    let mut json = big.model_json();
    let Some(Json::Object(pairs)) = json.get("parameters").cloned() else {
        panic!()
    };
    let scaled = |v: &Json| -> Json {
        fn go(v: &Json) -> Json {
            match v {
                Json::Number(_) => Json::Number(MAX_PARAMETER),
                Json::List(items) => Json::List(items.iter().map(go).collect()),
                other => other.clone(),
            }
        }
        go(v)
    };
    for (name, value) in pairs {
        json = with(&json, &["parameters", &name], scaled(&value));
    }
    let loaded = Playground::from_model(&json).expect("within the bound");
    assert!(loaded.trainer().cost().is_finite(), "{}", loaded.trainer().cost());
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

/// What a loaded run shows and goes on from: the cost, training accuracy,
/// divergence and the four curves as bits, and whether the file it saves
/// (parameters, iteration, points, the optimizer's state) is `other`'s.
fn same_load(pg: &Playground, other: &Playground, what: &str) {
    let bits = |pg: &Playground| {
        let run = pg.trainer();
        let mut bits = vec![run.iteration(), run.cost().to_bits(), run.train_accuracy().to_bits()];
        for curve in [
            run.history(),
            run.test_cost_history(),
            run.train_accuracy_history(),
            run.test_accuracy_history(),
        ] {
            bits.extend(curve.iterations().iter().chain(curve.costs()).map(|v| v.to_bits()));
        }
        (bits, run.divergence())
    };
    assert_eq!(bits(pg), bits(other), "{what}");
    assert!(pg.model_json() == other.model_json(), "{what}: the file it saves");
}

/// #15: a model file loaded in parts is at the file's iteration at once,
/// its evaluation left to `advance` in several parts; once evaluated it is
/// the whole load to the bit, and trains on the same — its divergence
/// threshold (the initial weights' cost) too: parameters far off are
/// flagged alike.
#[test]
fn a_model_loaded_in_parts_is_the_whole_load_once_evaluated() {
    let far_off = |json: &Json| {
        with(
            json,
            &["parameters", "W2"],
            Json::List(vec![Json::numbers(&[1000.0, -1000.0, 1000.0, -1000.0])]),
        )
    };
    for (pairs, bend) in [
        (&[][..], None),
        (&[][..], Some(far_off as fn(&Json) -> Json)),
        (
            &[
                ("model", "deep"),
                ("layers", "64,64"),
                ("points", "2000"),
                ("test-fraction", "0.3"),
            ][..],
            None,
        ),
        (&[("notebook", "regularization"), ("keep-prob", "0.86")], None),
        (
            &[
                ("model", "deep"),
                ("keep-prob", "0.7"),
                ("dropout-masks", "fresh"),
                ("l2", "0.1"),
            ],
            None,
        ),
        (
            &[
                ("notebook", "optimization"),
                ("optimizer", "adam"),
                ("batch-size", "64"),
            ],
            None,
        ),
        (
            &[
                ("dataset", "circles"),
                ("features", "x1,x2,x1sq,x2sq,sinx1"),
                ("l1", "0.01"),
            ],
            None,
        ),
    ] {
        let mut original = playground(pairs);
        original.step(321);
        let mut json = original.model_json();
        if let Some(bend) = bend {
            json = bend(&json);
        }
        let mut whole = Playground::from_model(&json).unwrap();
        let mut parts = Playground::from_model_in_parts(&json).unwrap();
        assert!(parts.trainer().is_evaluating(), "{pairs:?}");
        assert_eq!(
            parts.trainer().iteration(),
            321,
            "{pairs:?}: the file's iteration at once"
        );
        let mut calls = 1;
        while parts.advance(None) == 0 {
            calls += 1;
        }
        assert!(!parts.trainer().is_evaluating(), "{pairs:?}");
        assert!(calls > 2, "{pairs:?}: the evaluation in {calls} parts");
        same_load(&parts, &whole, &format!("{pairs:?}"));
        if bend.is_some() {
            assert!(whole.trainer().divergence().is_some(), "far-off parameters are flagged");
        }
        whole.step(100);
        parts.step(100);
        same_load(&parts, &whole, &format!("{pairs:?} 100 iterations on"));
    }
}

/// #15: a model file's run built in parts (`ModelBuild`: the settings'
/// points, then the initial weights a layer a part, as `beginBuild`) is
/// `fromModelInParts`'s to the bit once evaluated, and refuses what it
/// refuses with the same error.
#[test]
fn a_model_built_in_parts_is_the_load_in_one_call() {
    let built = |json: &Json| {
        let mut build = ModelBuild::of(json)?;
        let mut parts = 1;
        while !build.advance() {
            parts += 1;
        }
        build.finished().map(|pg| (pg, parts))
    };
    let evaluated = |mut pg: Playground| {
        while pg.trainer().is_evaluating() {
            pg.advance(None);
        }
        pg
    };
    for (pairs, steps, parts) in [
        // The caps' flower in eight parts of 2,500 draws, then a part per layer.
        (
            &[("model", "deep"), ("layers", "64,64,64"), ("points", "10000")][..],
            2,
            8 + 4,
        ),
        (&[("dataset", "moons"), ("test-fraction", "0.3")], 50, 1 + 2),
        (&[("dataset", "circles"), ("test-points", "200")], 50, 1 + 2),
        (&[("dataset", "football"), ("model", "deep")], 50, 1 + 3),
        (
            &[("features", "x1,x2,x1sq"), ("init", "he"), ("optimizer", "adam")],
            50,
            1 + 2,
        ),
    ] {
        let mut original = playground(pairs);
        original.step(steps);
        let json = original.model_json();
        let (in_parts, counted) = built(&json).unwrap();
        assert_eq!(counted, parts, "{pairs:?}");
        let mut in_parts = evaluated(in_parts);
        let mut one_call = evaluated(Playground::from_model_in_parts(&json).unwrap());
        same_load(&in_parts, &one_call, &format!("{pairs:?}"));
        in_parts.step(3);
        one_call.step(3);
        same_load(&in_parts, &one_call, &format!("{pairs:?} 3 iterations on"));
        // Your own points: any, held out as the share says.
        let own = with(&json, &["settings", "dataset"], Json::Text("custom".into()));
        let own_parts = built(&own).map(|(pg, _)| evaluated(pg).model_json());
        let own_whole = Playground::from_model(&own).map(|pg| pg.model_json());
        assert!(own_parts == own_whole, "{pairs:?}: own points");
    }
    // The same refusals: points other than the settings', an unsplit share, a bad parameter.
    let good = playground(&[("test-fraction", "0.25"), ("points", "40")]).model_json();
    let own = with(&good, &["settings", "dataset"], Json::Text("custom".into()));
    for bad in [
        with(&good, &["settings", "datasetSeed"], Json::Number(2.0)),
        with(&good, &["settings", "testFraction"], Json::Number(0.5)),
        with(&own, &["settings", "testFraction"], Json::Number(0.5)),
        with(&good, &["parameters", "b2"], Json::numbers(&[1e7])),
        with(&good, &["version"], Json::Number(2.0)),
    ] {
        let in_parts = built(&bad).err().expect("refused in parts").describe();
        assert_eq!(in_parts, error(&bad));
    }
}
