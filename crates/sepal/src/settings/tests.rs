use super::*;
use alloc::format;

#[test]
fn defaults_round_trip_through_text() {
    let defaults = Settings::default();
    let mut copy = Settings::default();
    for spec in SPECS.iter().filter(|spec| defaults.get(spec) != Value::Unset) {
        copy.set(spec.param, &defaults.text(spec)).unwrap();
    }
    (copy.noise, copy.model, copy.layers, copy.init) = (None, None, None, None);
    assert_eq!(copy, defaults);
    assert!(defaults.changed().is_empty());
}

#[test]
fn bad_values_are_rejected_and_change_nothing() {
    let mut s = Settings::default();
    for (name, value, problem) in [
        ("learning-rate", "abc", Problem::NotANumber),
        ("learning-rate", "0", Problem::OutOfRange),
        ("learning-rate", "1e400", Problem::OutOfRange),
        ("learning-rate", "-1e400", Problem::OutOfRange),
        ("seed", "1e400", Problem::OutOfRange),
        ("learning-rate", "infinity", Problem::NotANumber),
        ("learning-rate", "-inf", Problem::NotANumber),
        ("learning-rate", "0x100", Problem::NotANumber),
        ("learningRate", "NaN", Problem::NotANumber),
        ("hidden-units", "2.5", Problem::NotAnInteger),
        ("hidden-units", "1e9", Problem::OutOfRange),
        ("points", "", Problem::Empty),
        ("activation", "__proto__", Problem::UnknownChoice),
        ("layers", "8,,8", Problem::EmptyItem),
        ("layers", "1,1,1,1,1,1,1", Problem::OutOfRange),
        ("features", "x3", Problem::UnknownChoice),
        ("features", "x1,x1", Problem::Repeated),
        ("features", "", Problem::Empty),
        ("features", "x1,,x2", Problem::EmptyItem),
        ("nope", "1", Problem::UnknownSetting),
    ] {
        let err = s.set(name, value).unwrap_err();
        assert_eq!(err.problem, problem, "{name}={value}");
    }
    assert_eq!(s, Settings::default());
}

#[test]
fn messages_quote_at_most_forty_characters_of_a_value_or_name() {
    let huge = "9".repeat(100_000);
    let err = Settings::default().set("activation", &huge).unwrap_err();
    assert_eq!(err.value, format!("{}…", "9".repeat(39)));
    assert_eq!(err.given, huge);
    assert_eq!(
        err.to_string(),
        format!(
            "activation = \"{}…\" is not one of the choices: use tanh, relu, leaky-relu or sigmoid",
            "9".repeat(39)
        )
    );
    let err = Settings::default().set(&"x".repeat(5000), "1").unwrap_err();
    assert_eq!(err.to_string(), format!("\"{}…\" is not a setting", "x".repeat(39)));
    // Forty characters are quoted whole; characters, not bytes.
    let forty = "é".repeat(40);
    assert_eq!(Settings::default().set("model", &forty).unwrap_err().value, forty);
}

#[test]
fn numbers_too_large_for_a_double_are_out_of_range() {
    let mut s = Settings::default();
    let digits = "1".repeat(100_000);
    let err = s.set("learning-rate", &digits).unwrap_err();
    assert_eq!(err.problem, Problem::OutOfRange);
    assert!(err
        .to_string()
        .starts_with(&format!("learning-rate = \"{}…\" is out of range", "1".repeat(39))));
    assert_eq!(s.set("hidden-units", "1e400").unwrap_err().problem, Problem::OutOfRange);
    assert_eq!(s.set("layers", "4,1e400").unwrap_err().problem, Problem::OutOfRange);
    // A number that underflows is a number (0 here, then checked).
    assert_eq!(
        s.set("learning-rate", "1e-400").unwrap_err().problem,
        Problem::OutOfRange
    );
    assert_eq!(s.set("noise", "1e-400"), Ok(()));
}

#[test]
fn messages_name_the_setting_value_and_range() {
    let err = Settings::default().set("learning-rate", "-3").unwrap_err();
    assert_eq!(
        err.to_string(),
        "learning-rate = \"-3\" is out of range: use a number above 0 and at most 10000"
    );
}

#[test]
fn changed_lists_only_what_differs() {
    let mut s = Settings::default();
    s.set("hidden-units", "7").unwrap();
    s.set("speed", "max").unwrap();
    assert_eq!(s.changed(), [("hidden-units", "7".into()), ("speed", "max".into())]);
}

#[test]
fn every_choice_of_every_row_round_trips_through_its_row() {
    for spec in &SPECS {
        for name in spec.kind.choices() {
            let mut s = Settings::default();
            s.set(spec.param, name).unwrap();
            assert_eq!(s.text(spec), name, "{}", spec.param);
        }
    }
}

#[test]
fn numbers_that_are_numbers_are_checked_without_text() {
    let mut s = Settings::default();
    s.set_input("learningRate", Input::Number(0.1 + 0.2)).unwrap();
    assert_eq!(s.learning_rate.to_bits(), (0.1f64 + 0.2).to_bits());
    let err = s.set_input("hiddenUnits", Input::Number(2.5)).unwrap_err();
    assert_eq!((err.problem, err.value.as_str()), (Problem::NotAnInteger, "2.5"));
    assert_eq!(s.set_input("lang", Input::Unset), Ok(()));
    assert_eq!(s.set_input("seed", Input::Unset).unwrap_err().problem, Problem::Empty);
}

#[test]
fn the_default_noise_is_the_datasets_own() {
    let mut s = Settings::default();
    s.set("dataset", "blobs").unwrap();
    s.set("noise", "1").unwrap();
    assert_eq!(s.changed(), [("dataset", "blobs".into())]);
    s.set("lang", "en").unwrap();
    assert_eq!(s.changed().last(), Some(&("lang", "en".into())));
}

#[test]
fn the_spiral_comes_with_its_own_network_unless_one_is_set() {
    let mut s = Settings::default();
    s.set("dataset", "spiral").unwrap();
    assert_eq!(
        (s.model(), s.layers(), s.init()),
        (Model::Deep, &[16, 16][..], Init::Xavier)
    );
    assert_eq!(s.changed(), [("dataset", "spiral".into())]);
    s.set("init", "he").unwrap();
    s.set("model", "shallow").unwrap();
    assert_eq!(s.layer_sizes(), [2, 4, 1]);
    assert_eq!(
        s.changed(),
        [
            ("dataset", "spiral".into()),
            ("model", "shallow".into()),
            ("init", "he".into())
        ]
    );
    // Set ones stay when the dataset changes; the others follow it.
    let mut s = Settings::default();
    s.set("init", "xavier").unwrap();
    s.set("dataset", "spiral").unwrap();
    s.set("dataset", "flower").unwrap();
    assert_eq!(
        (s.model(), s.layers(), s.init()),
        (Model::Shallow, &[8, 8][..], Init::Xavier)
    );
    assert_eq!(s.changed(), [("init", "xavier".into())]);
}

#[test]
fn data_settings_given_for_the_football_are_refused_whatever_their_order() {
    for pairs in [
        [("points", "300"), ("dataset", "football"), ("learning-rate", "0.3")],
        [("dataset", "football"), ("points", "300"), ("learning-rate", "0.3")],
    ] {
        let mut s = Settings::default();
        let errors = s.apply(pairs);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].setting.as_str(), errors[0].value.as_str()),
            ("points", "300")
        );
        assert_eq!(errors[0].problem, Problem::DoesNotApply);
        assert_eq!(
            errors[0].to_string(),
            "points = \"300\" does not apply to the football data: its 211 training and 200 test points are fixed"
        );
        // Only that value is dropped.
        assert_eq!((s.points, s.learning_rate), (400, 0.3));
        assert_eq!(
            s.changed(),
            [("dataset", "football".into()), ("learning-rate", "0.3".into())]
        );
    }
    // Its own defaults and other datasets say nothing.
    let mut s = Settings::default();
    s.set("dataset", "football").unwrap();
    assert!(s.refuse_unused_data().is_empty());
    s.set("dataset", "moons").unwrap();
    s.set("points", "300").unwrap();
    assert!(s.refuse_unused_data().is_empty());
}

#[test]
fn a_drawn_test_set_replaces_the_split() {
    let mut s = Settings::default();
    let applies = |s: &Settings, key| (find_spec(key).unwrap().applies)(s);
    assert!(applies(&s, "test-fraction") && applies(&s, "test-points"));
    s.set("test-points", "100").unwrap();
    assert!(s.has_own_test_set() && !applies(&s, "test-fraction"));
    s.set("dataset", "football").unwrap();
    assert!(s.has_own_test_set() && !applies(&s, "test-fraction") && !applies(&s, "test-points"));
    s.set("dataset", "custom").unwrap();
    assert!(!s.has_own_test_set() && applies(&s, "test-fraction") && !applies(&s, "test-points"));
    assert_eq!(s.set("test-points", "10001").unwrap_err().problem, Problem::OutOfRange);
    assert_eq!(s.set("test-points", "-1").unwrap_err().problem, Problem::OutOfRange);
}

#[test]
fn differences_say_what_a_change_does() {
    let mut s = Settings::default();
    s.set("learning-rate", "0.5").unwrap();
    s.set("speed", "max").unwrap();
    let effect = s.differences(&Settings::default()).map(|spec| spec.effect).max();
    assert_eq!(effect, Some(Effect::Retune));
    s.set("points", "100").unwrap();
    let effect = s.differences(&Settings::default()).map(|spec| spec.effect).max();
    assert_eq!(effect, Some(Effect::Data));
}

#[test]
fn every_row_has_a_valid_example_other_than_its_default() {
    let defaults = Settings::default();
    for spec in &SPECS {
        let example = spec.kind.example(&defaults.get(spec));
        assert_ne!(example, defaults.get(spec), "{}", spec.param);
        let mut s = Settings::default();
        s.set(spec.param, &example.text()).unwrap();
        assert_eq!(s.get(spec), example, "{}", spec.param);
    }
}
