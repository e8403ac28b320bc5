//! What a file is refused for: each problem named by its code and values.

use super::*;

fn without(json: &Json, key: &str) -> Json {
    let Json::Object(pairs) = json else { panic!() };
    Json::Object(pairs.iter().filter(|(k, _)| k != key).cloned().collect())
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
