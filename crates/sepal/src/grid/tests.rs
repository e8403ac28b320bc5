use super::*;
use crate::activation::Activation;
use crate::network::Init;

/// The rectangle ±`x` by ±`y`.
const fn centred(x: f64, y: f64) -> Bounds {
    Bounds {
        x_min: -x,
        x_max: x,
        y_min: -y,
        y_max: y,
    }
}

/// Each cell of a `w` × `h` map of `bounds`: its row, column and centre.
fn cell_centres(bounds: Bounds, w: usize, h: usize) -> impl Iterator<Item = (usize, usize, f64, f64)> {
    let (width, height) = (bounds.x_max - bounds.x_min, bounds.y_max - bounds.y_min);
    (0..h).flat_map(move |r| {
        (0..w).map(move |c| {
            let x = bounds.x_min + (c as f64 + 0.5) * width / w as f64;
            let y = bounds.y_max - (r as f64 + 0.5) * height / h as f64;
            (r, c, x, y)
        })
    })
}

#[test]
fn cells_hold_the_network_at_their_centres() {
    let net = Network::new(&[2, 3, 1], Activation::Tanh, Init::He, 5);
    let mut map = DecisionMap::new(&net, 4, 3);
    let bounds = centred(2.0, 3.0);
    map.render(&net, bounds);
    // Cell (row 0, column 0) is centred at (−1.5, 2); the map is f32.
    assert!((map.probabilities()[0] - net.predict_point(-1.5, 2.0) as f32).abs() < 1e-6);
    // Cell (row 2, column 3) is centred at (1.5, −2).
    assert!((map.probabilities()[11] - net.predict_point(1.5, -2.0) as f32).abs() < 1e-6);
    assert_eq!(map.pixels().len(), 4 * 3 * 4);
}

/// A resized map draws what a new map of that size draws.
#[test]
fn a_resized_map_is_a_new_map_of_that_size() {
    let net = Network::new(&[2, 4, 1], Activation::Tanh, Init::He, 3);
    let bounds = centred(2.0, 2.0);
    let mut map = DecisionMap::new(&net, 40, 40);
    map.render(&net, bounds);
    for cells in [17, 40, 25] {
        map.resize(cells, cells);
        map.render(&net, bounds);
        let mut fresh = DecisionMap::new(&net, cells, cells);
        fresh.render(&net, bounds);
        assert_eq!(map.pixels(), fresh.pixels(), "{cells} cells");
        assert_eq!(map.contour().len(), fresh.contour().len(), "{cells} cells");
        assert!(map
            .contour()
            .iter()
            .zip(fresh.contour())
            .all(|(a, b)| a.to_bits() == b.to_bits()));
    }
}

const UNIT_SQUARE: Bounds = centred(1.0, 1.0);

#[test]
fn contour_separates_the_two_sides_of_a_line() {
    // Logistic regression σ(10·x1): the boundary is the line x1 = 0.
    let mut net = Network::new(&[2, 1], Activation::Tanh, Init::Zeros, 0);
    net.layers[0].w[(0, 0)] = 10.0;
    let mut map = DecisionMap::new(&net, 10, 10);
    map.render(&net, UNIT_SQUARE);
    let line = map.contour();
    assert_eq!(
        line.len(),
        2 * 10 + 2,
        "one polyline through ten rows of squares' edges"
    );
    for xy in line[..20].chunks_exact(2) {
        assert!((xy[0] - 5.0).abs() < 1e-6, "{line:?}");
    }
    let p = map.probabilities();
    let low = p.iter().copied().fold(f32::INFINITY, f32::min);
    let high = p.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    assert_eq!(map.probability_range(), (low, high));
    assert!(low < 0.001 && high > 0.999, "{low} {high}");
    // Orange-ish on the left (class 0), blue-ish on the right.
    let left = &map.pixels()[..4];
    let right = &map.pixels()[9 * 4..10 * 4];
    assert!(left[0] > left[2] && right[2] > right[0]);
    // With zero weights the model says σ(b) everywhere.
    net.layers[0].w[(0, 0)] = 0.0;
    net.layers[0].b[0] = 0.3;
    map.render(&net, UNIT_SQUARE);
    let (low, high) = map.probability_range();
    assert_eq!(low, high);
    assert!(map.contour().is_empty());
}

#[test]
fn every_cell_and_shape_matches_the_f64_network() {
    for (sizes, activation) in [
        (&[2, 1][..], Activation::Tanh),
        (&[2, 4, 1], Activation::Tanh),
        (&[2, 7, 5, 1], Activation::Relu),
        (&[2, 3, 9, 1], Activation::LeakyRelu),
        (&[2, 8, 12, 1], Activation::Tanh),
        (&[2, 70, 1], Activation::Sigmoid),
    ] {
        let net = Network::new(sizes, activation, Init::He, 11);
        // 150 columns: two full blocks of 64 and a partial one.
        let (w, h) = (150, 3);
        let mut map = DecisionMap::new(&net, w, h);
        let bounds = centred(3.0, 2.0);
        map.render(&net, bounds);
        for (r, c, x, y) in cell_centres(bounds, w, h) {
            let want = net.predict_point(x, y);
            let got = map.probabilities()[r * w + c] as f64;
            assert!((got - want).abs() < 2e-5, "{sizes:?} cell ({r}, {c}): {got} vs {want}");
        }
    }
}

/// #17: with engineered inputs the map computes each cell's features in
/// f32; its class agrees with the f64 model's wherever the model is not
/// on the fence, and its probability is close everywhere.
#[test]
fn a_map_of_features_agrees_with_the_f64_model() {
    use crate::features::{Feature, Features};
    for (names, sizes, activation) in [
        (&["x1sq", "x2sq"][..], &[2, 1][..], Activation::Tanh),
        (
            &["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"],
            &[7, 4, 1],
            Activation::Tanh,
        ),
        (&["x1x2", "sinx2"], &[2, 5, 3, 1], Activation::Relu),
        (&["x1", "x2", "x1sq", "sinx1", "sinx2"], &[5, 6, 1], Activation::Sigmoid),
    ] {
        let features = Features::named(names);
        let net = Network::new(sizes, activation, Init::He, 11);
        let (w, h) = (150, 5);
        let mut map = DecisionMap::with_features(&net, features, w, h);
        let bounds = centred(3.0, 2.0);
        map.render(&net, bounds);
        for (r, c, x, y) in cell_centres(bounds, w, h) {
            let want = features.predict_point(&net, x, y);
            let got = map.probabilities()[r * w + c] as f64;
            assert!((got - want).abs() < 1e-4, "{names:?} cell ({r}, {c}): {got} vs {want}");
            if (want - 0.5).abs() > 1e-3 {
                assert_eq!(got > 0.5, want > 0.5, "{names:?} cell ({r}, {c})");
            }
        }
    }
    // x1, x2 named as features are the plane's map, bit for bit.
    let net = Network::new(&[2, 3, 1], Activation::Tanh, Init::He, 5);
    let mut plain = DecisionMap::new(&net, 70, 4);
    let mut named = DecisionMap::with_features(&net, Features::of(&[Feature::X2, Feature::X1]), 70, 4);
    plain.render(&net, UNIT_SQUARE);
    named.render(&net, UNIT_SQUARE);
    assert_eq!(plain.pixels(), named.pixels());
}

#[test]
fn an_unchanged_network_keeps_its_picture_and_a_changed_one_is_redrawn() {
    let mut net = Network::new(&[2, 3, 1], Activation::Tanh, Init::He, 5);
    let mut map = DecisionMap::new(&net, 8, 8);
    let bounds = centred(2.0, 2.0);
    map.render(&net, bounds);
    let before = map.probabilities().to_vec();
    map.render(&net, bounds);
    assert_eq!(map.probabilities(), &before[..]);
    net.layers[1].b[0] += 1.0;
    map.render(&net, bounds);
    assert_ne!(map.probabilities(), &before[..]);
    map.render(&net, Bounds { x_min: -1.0, ..bounds });
    let narrower = map.probabilities().to_vec();
    let mut fresh = DecisionMap::new(&net, 8, 8);
    fresh.render(&net, Bounds { x_min: -1.0, ..bounds });
    assert_eq!(fresh.probabilities(), &narrower[..]);
}
