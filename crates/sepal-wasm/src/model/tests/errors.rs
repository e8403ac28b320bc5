//! Every kind of `ModelError`: its neutral message, and its words in both strings files.

use sepal::parameters::ImportError;
use sepal::Model;

use super::*;

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
        ("strings.js", include_str!("../../../../../www/strings.js")),
        ("strings-zh.js", include_str!("../../../../../www/strings-zh.js")),
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
