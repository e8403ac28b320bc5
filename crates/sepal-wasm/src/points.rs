//! Points as JS sees them, `[[x1, x2, label], …]`: a person's own points in
//! (`Playground.withPoints`), any dataset's points out (`datasetPoints` for
//! the thumbnails, `allPoints` for CSV export, [`flat`] split into train
//! and test for `points()`).

use sepal::grid::Bounds;
use sepal::settings::{number_text, MAX_POINTS};
use sepal::{Dataset, Trainer};
use wasm_bindgen::prelude::*;

use crate::{convert, Playground, MAX_DATA_CHANGES};

/// The largest |coordinate| a point may have: far beyond any dataset, small
/// enough that squares and sums of them stay finite.
pub const MAX_COORDINATE: f64 = 1e6;

/// Every point of `data` as `[x1, x2, label]`.
pub fn rows(data: &Dataset) -> Vec<[f64; 3]> {
    (0..data.len()).map(|k| data.point(k)).collect()
}

/// x1, x2, label of every point of `data` in turn: what JS copies out as
/// one Float64Array (#15: a JS array made per point, over the boundary, was
/// 8–22 ms of the largest network's first picture).
pub fn flat(data: &Dataset) -> Vec<f64> {
    (0..data.len()).flat_map(|k| data.point(k)).collect()
}

/// A run's points as `{train, test}`, each [`flat`] as a Float64Array.
pub fn split(trainer: &Trainer) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, data) in [("train", trainer.train_data()), ("test", trainer.test_data())] {
        let values = js_sys::Float64Array::from(&flat(data)[..]);
        // Setting a key of a new plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &values);
    }
    object
}

/// `[[x1, x2, label], …]` checked: finite coordinates within
/// ±[`MAX_COORDINATE`], labels 0 or 1, at most `MAX_POINTS` points. The
/// message names the first bad point (counting from 1).
pub fn parse_points(value: JsValue) -> Result<Dataset, JsError> {
    let points =
        convert::number_lists(&value).ok_or_else(|| JsError::new("points must be [[x1, x2, label], …] of numbers"))?;
    check_points(&points).map_err(|message| JsError::new(&message))
}

/// What is wrong with one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BadPoint {
    /// It has this many values instead of x1, x2, label.
    Values(usize),
    /// A coordinate is not finite or beyond ±[`MAX_COORDINATE`].
    Coordinate,
    /// The label is neither 0 nor 1.
    Label(f64),
}

/// One `[x1, x2, label]` checked: the rule every way points come in shares.
pub fn check_point(values: &[f64]) -> Result<[f64; 3], BadPoint> {
    let &[x1, x2, label] = values else {
        return Err(BadPoint::Values(values.len()));
    };
    let inside = |x: f64| x.is_finite() && x.abs() <= MAX_COORDINATE;
    if !(inside(x1) && inside(x2)) {
        return Err(BadPoint::Coordinate);
    }
    if label != 0.0 && label != 1.0 {
        return Err(BadPoint::Label(label));
    }
    Ok([x1, x2, label])
}

/// The checks of [`parse_points`], for Rust callers and tests.
pub fn check_points(points: &[Vec<f64>]) -> Result<Dataset, String> {
    if points.len() > MAX_POINTS {
        return Err(format!(
            "{} points are more than the {MAX_POINTS} allowed",
            points.len()
        ));
    }
    let rows = points
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let n = k + 1;
            check_point(p).map_err(|bad| match bad {
                BadPoint::Values(count) => format!("point {n} has {count} values instead of x1, x2, label"),
                BadPoint::Coordinate => format!(
                    "point {n} has a coordinate that is not a number from −{max} to {max}",
                    max = number_text(MAX_COORDINATE)
                ),
                BadPoint::Label(label) => format!("point {n} has label {}; labels are 0 or 1", number_text(label)),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Dataset::from_points(&rows))
}

fn parse_bounds(value: JsValue) -> Result<Option<Bounds>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let [x_min, x_max, y_min, y_max] = ["xMin", "xMax", "yMin", "yMax"].map(|key| convert::number_at(&value, key));
    let (Some(x_min), Some(x_max), Some(y_min), Some(y_max)) = (x_min, x_max, y_min, y_max) else {
        return Err(JsError::new("bounds must be {xMin, xMax, yMin, yMax}, numbers"));
    };
    let finite = [x_min, x_max, y_min, y_max].iter().all(|v| v.is_finite());
    if !finite || x_min >= x_max || y_min >= y_max {
        return Err(JsError::new("bounds must be finite with xMin < xMax and yMin < yMax"));
    }
    Ok(Some(Bounds {
        x_min,
        x_max,
        y_min,
        y_max,
    }))
}

#[wasm_bindgen]
impl Playground {
    /// A run on a person's own points, `[[x1, x2, label], …]` (held out as
    /// `testFraction` says), plotted over `bounds` (`{xMin, xMax, yMin,
    /// yMax}`) or, when it is undefined, over the points' own rectangle.
    /// The settings' dataset, points and noise are not used. Throws on bad
    /// settings, points or bounds.
    #[wasm_bindgen(js_name = withPoints)]
    pub fn with_points(settings: JsValue, points: JsValue, bounds: JsValue) -> Result<Playground, JsError> {
        let settings = convert::settings_from_js(&settings)?;
        let data = parse_points(points)?;
        let bounds = parse_bounds(bounds)?;
        Ok(Self::from_data(settings, data, bounds))
    }

    // #15: never freeze
    /// `withPoints` with the first evaluation left to `advance`, a bounded
    /// part per call (see `buildInParts`): a large network on many points
    /// is built without one long task. The same bits.
    #[wasm_bindgen(js_name = withPointsInParts)]
    pub fn with_points_in_parts(settings: JsValue, points: JsValue, bounds: JsValue) -> Result<Playground, JsError> {
        let settings = convert::settings_from_js(&settings)?;
        let data = parse_points(points)?;
        let bounds = parse_bounds(bounds)?;
        let trainer = Trainer::with_data_in_parts(&settings, &data);
        Ok(Self::from_trainer(settings, data, trainer, bounds))
    }

    /// A person's points changed (`[[x1, x2, label], …]`, checked as for
    /// `withPoints`): training goes on from the current parameters and
    /// iteration on them, the plot keeps its rectangle, and the cost curve
    /// marks the iteration (`dataChangesPtr`). Throws on bad points,
    /// changing nothing.
    #[wasm_bindgen(js_name = replacePoints)]
    pub fn replace_points(&mut self, points: JsValue) -> Result<(), JsError> {
        let data = parse_points(points)?;
        self.replace_data(data);
        Ok(())
    }
}

impl Playground {
    /// Goes on training from the current parameters on `data` (split as
    /// the settings say), marking the iteration on the cost curve.
    pub fn replace_data(&mut self, data: Dataset) {
        let (train, test) = data.split(self.settings.test_fraction, self.settings.dataset_seed);
        self.trainer.replace_data(train, test);
        self.data = data;
        let iteration = self.trainer.iteration() as f64;
        if self.data_changes.last() != Some(&iteration) {
            if self.data_changes.len() == MAX_DATA_CHANGES {
                self.data_changes.remove(0);
            }
            self.data_changes.push(iteration);
        }
    }
}

/// The points of the dataset a settings object describes, without a
/// network, for thumbnails: x1, x2, label of each point in turn, one
/// Float64Array (a copy, made at once, not a JS array per point).
#[wasm_bindgen(js_name = datasetPoints)]
pub fn dataset_points(settings: JsValue) -> Result<Vec<f64>, JsError> {
    let s = convert::settings_from_js(&settings)?;
    Ok(flat(&s.dataset.generate(s.dataset_seed, s.points, s.noise())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_points_pass_and_bad_ones_are_named() {
        let ok = check_points(&[vec![1.0, 2.0, 1.0], vec![-3.0, 0.5, 0.0]]).unwrap();
        assert_eq!(ok.point(1), [-3.0, 0.5, 0.0]);
        assert!(check_points(&[]).unwrap().is_empty());
        let err = |points: &[Vec<f64>]| check_points(points).unwrap_err();
        assert!(err(&[vec![0.0, 0.0, 1.0], vec![0.0, 0.0]]).starts_with("point 2 has 2 values"));
        assert!(err(&[vec![0.0, f64::NAN, 1.0]]).starts_with("point 1 has a coordinate"));
        assert!(err(&[vec![1e7, 0.0, 1.0]]).starts_with("point 1 has a coordinate"));
        assert!(err(&[vec![0.0, 0.0, 2.0]]).contains("labels are 0 or 1"));
        assert!(err(&vec![vec![0.0, 0.0, 1.0]; MAX_POINTS + 1]).contains("more than"));
    }
}
