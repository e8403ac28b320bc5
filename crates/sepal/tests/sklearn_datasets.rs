//! `moons`, `circles` and `rings` against scikit-learn itself, bit for bit:
//! `make_moons` / `make_circles` after `np.random.seed(seed)`, as the second
//! part's notebooks call them. Expected values:
//! `tests/fixtures/sklearn_datasets.txt`, made by `scripts/sklearn_datasets.py`.

mod fixtures;

use fixtures::{lines, num};
use sepal::dataset::train_and_test;
use sepal::{Dataset, DatasetKind, Settings};

/// One `set NAME POINTS NOISE SEED` line of the fixture with the points that follow it.
struct Case {
    name: String,
    points: usize,
    noise: f64,
    seed: u32,
    expected: Vec<[f64; 3]>,
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in lines("sklearn_datasets.txt") {
        match line[0].as_str() {
            "set" => cases.push(Case {
                name: line[1].clone(),
                points: line[2].parse().unwrap(),
                noise: num(&line[3]),
                seed: line[4].parse().unwrap(),
                expected: Vec::new(),
            }),
            "point" => cases
                .last_mut()
                .unwrap()
                .expected
                .push([num(&line[1]), num(&line[2]), num(&line[3])]),
            other => panic!("unknown fixture line {other}"),
        }
    }
    cases
}

fn kind(name: &str) -> DatasetKind {
    *DatasetKind::ALL.iter().find(|k| k.name() == name).unwrap()
}

fn assert_bits(got: &Dataset, expected: &[[f64; 3]], what: &str) {
    assert_eq!(got.len(), expected.len(), "{what}");
    for (k, e) in expected.iter().enumerate() {
        let p = got.point(k);
        let bits = |p: [f64; 3]| p.map(f64::to_bits);
        assert_eq!(bits(p), bits(*e), "{what}, point {k}: {p:?} vs {e:?}");
    }
}

#[test]
fn every_fixture_dataset_is_scikit_learns_to_the_bit() {
    let cases = cases();
    assert_eq!(cases.len(), 11, "the fixture was read");
    for Case {
        name,
        points,
        noise,
        seed,
        expected,
    } in &cases
    {
        let what = format!("{name} points={points} noise={noise} seed={seed}");
        assert_bits(&kind(name).generate(*seed, *points, *noise), expected, &what);
    }
}

fn expected(name: &str, points: usize, seed: u32) -> Vec<[f64; 3]> {
    cases()
        .into_iter()
        .find(|c| c.name == name && c.points == points && c.seed == seed)
        .unwrap()
        .expected
}

/// `dataset=moons&points=300&noise=0.2&dataset-seed=3`: the Optimization
/// notebook's training set, and nothing held out.
#[test]
fn the_optimization_notebooks_moons() {
    let mut s = Settings::default();
    for (name, value) in [
        ("dataset", "moons"),
        ("points", "300"),
        ("noise", "0.2"),
        ("dataset-seed", "3"),
    ] {
        s.set(name, value).unwrap();
    }
    let (train, test) = train_and_test(&s);
    assert_bits(&train, &expected("moons", 300, 3), "moons 300");
    assert!(test.is_empty());
}

/// `dataset=rings&points=300&noise=0.05&dataset-seed=1&test-points=100`: the
/// Initialization notebook's training set (seed 1) and test set (seed 2).
#[test]
fn the_initialization_notebooks_rings_and_their_test_set() {
    let mut s = Settings::default();
    for (name, value) in [
        ("dataset", "rings"),
        ("points", "300"),
        ("noise", "0.05"),
        ("dataset-seed", "1"),
        ("test-points", "100"),
    ] {
        s.set(name, value).unwrap();
    }
    let (train, test) = train_and_test(&s);
    assert_bits(&train, &expected("rings", 300, 1), "rings train");
    assert_bits(&test, &expected("rings", 100, 2), "rings test");
    // The rings' own noise is the notebook's.
    s.noise = None;
    assert_eq!(train_and_test(&s), (train, test));
}
