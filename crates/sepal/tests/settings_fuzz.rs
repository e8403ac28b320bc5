//! Property tests of the settings parser: no input panics it, a rejected
//! value changes nothing, and every accepted value is inside the documented
//! limits and survives a round trip through its text form.

use proptest::prelude::*;
use sepal::settings::{Settings, MAX_LAYERS, MAX_POINTS, MAX_UNITS, SPECS};

/// Values a classroom types: numbers in every spelling, names, garbage.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[-+]?[0-9]{0,12}(\\.[0-9]{0,6})?([eE][-+]?[0-9]{1,4})?",
        "(NaN|nan|inf|-inf|Infinity|-Infinity|1e400|-0|0x10|1_000| 4 |4 ,8|,|8,,8|max|MAX)",
        "[a-z_-]{0,12}",
        "[0-9]{1,2}(,[0-9]{1,3}){0,8}",
        any::<f64>().prop_map(|v| v.to_string()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..SPECS.len()).prop_map(|i| SPECS[i].param.to_string()),
        (0..SPECS.len()).prop_map(|i| SPECS[i].key.to_string()),
        any::<String>(),
        Just("__proto__".to_string()),
    ]
}

fn within_limits(s: &Settings) -> bool {
    (2..=MAX_POINTS).contains(&s.points)
        && (1..=MAX_UNITS).contains(&s.hidden_units)
        && (1..=MAX_LAYERS).contains(&s.layers().len())
        && s.layers().iter().all(|n| (1..=MAX_UNITS).contains(n))
        && s.learning_rate > 0.0
        && s.learning_rate <= 10_000.0
        && (0.0..1.0).contains(&s.test_fraction)
        && s.noise().is_finite()
        && s.noise() >= 0.0
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_value_is_accepted_within_limits_or_rejected_without_change(name in name(), value in value()) {
        let mut settings = Settings::default();
        match settings.set(&name, &value) {
            Ok(()) => {
                prop_assert!(within_limits(&settings), "{name}={value:?} gave {settings:?}");
                // The accepted value's text form means the same thing.
                let spec = sepal::settings::find_spec(&name).unwrap();
                let mut again = Settings::default();
                again.set(spec.param, &settings.text(spec)).unwrap();
                prop_assert_eq!(again.get(spec), settings.get(spec));
            }
            Err(error) => {
                prop_assert_eq!(&settings, &Settings::default());
                let message = error.to_string();
                prop_assert!(!message.is_empty());
                prop_assert!(message.contains(&error.setting));
            }
        }
    }

    #[test]
    fn a_list_of_pairs_keeps_the_good_and_reports_the_bad(pairs in proptest::collection::vec((name(), value()), 0..12)) {
        let mut settings = Settings::default();
        let errors = settings.apply(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        prop_assert!(errors.len() <= pairs.len());
        prop_assert!(within_limits(&settings));
    }
}
