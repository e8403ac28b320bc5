//! Model files loaded and built in parts: the whole load's bits and refusals.

use super::*;

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
