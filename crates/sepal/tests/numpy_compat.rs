//! The random numbers and datasets against numpy itself, value for value.
//! Expected values: `tests/fixtures/numpy_random.txt`, `flower*.txt`, made by
//! `scripts/make_fixtures.py` with numpy's legacy `np.random`.

mod fixtures;

use fixtures::{lines, num, points};
use sepal::rng::NumpyRng;
use sepal::DatasetKind;

#[test]
fn doubles_and_normals_match_numpy_for_every_fixture_seed() {
    let mut seed = 0;
    let mut rng = NumpyRng::new(0);
    let mut last_kind = String::new();
    let mut checked = 0;
    for line in lines("numpy_random.txt") {
        let kind = line[0].as_str();
        // Each group of lines starts from a fresh `np.random.seed(seed)`.
        if kind != last_kind {
            rng = NumpyRng::new(seed);
        }
        match kind {
            "seed" => {
                seed = line[1].parse().unwrap();
                rng = NumpyRng::new(seed);
            }
            "double" => assert_eq!(rng.next_f64(), num(&line[1]), "seed {seed}"),
            "randn" => assert_eq!(rng.randn(), num(&line[1]), "seed {seed}"),
            "randnvec" => {
                let mut v = vec![0.0; line.len() - 1];
                rng.fill_randn(&mut v);
                let expected: Vec<f64> = line[1..].iter().map(|s| num(s)).collect();
                assert_eq!(v, expected, "seed {seed}");
            }
            "mixed" => {
                let got = if line[1] == "double" {
                    rng.next_f64()
                } else {
                    rng.randn()
                };
                assert_eq!(got, num(&line[2]), "seed {seed} mixed");
            }
            other => panic!("unknown fixture line {other}"),
        }
        checked += 1;
        last_kind = kind.to_string();
    }
    assert!(checked > 100, "the fixture was read");
}

fn assert_points_match(got: &sepal::Dataset, expected: &[[f64; 3]]) {
    assert_eq!(got.len(), expected.len());
    for (k, e) in expected.iter().enumerate() {
        let p = got.point(k);
        // numpy's sin/cos may differ from libm's in the last bit.
        for d in 0..2 {
            assert!(
                (p[d] - e[d]).abs() <= 1e-14 * e[d].abs().max(1.0),
                "point {k}: {p:?} vs {e:?}"
            );
        }
        assert_eq!(p[2], e[2], "label of point {k}");
    }
}

#[test]
fn the_course_flower_matches_numpy_point_for_point() {
    assert_points_match(&DatasetKind::Flower.generate(1, 400, 0.2), &points("flower.txt"));
}

#[test]
fn seed_points_and_noise_settings_match_numpy() {
    assert_points_match(
        &DatasetKind::Flower.generate(7, 100, 0.3),
        &points("flower_seed7_m100_noise0.3.txt"),
    );
}
