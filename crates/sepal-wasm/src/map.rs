//! The decision map: its plotted rectangle, rendering (whole or in bands), pixels and contour out of wasm memory.

use sepal::grid::Bounds;
use sepal::{Dataset, DatasetKind, DecisionMap};
use wasm_bindgen::prelude::*;

use crate::{convert, Playground};

#[wasm_bindgen]
impl Playground {
    /// The plotted rectangle: `{xMin, xMax, yMin, yMax}`.
    pub fn bounds(&self) -> Result<JsValue, JsError> {
        convert::to_js(&convert::BoundsJs::from(self.bounds))
    }

    /// Evaluates and colours the decision map at width×height cells.
    pub fn render(&mut self, width: usize, height: usize) {
        self.render_rows(width, height, usize::MAX);
    }

    /// #15: `render` in bands of `rows` rows of cells, for a still too long
    /// for one frame: true once the map is whole, when its pixels and
    /// contour become the new picture (until then they hold the last one).
    #[wasm_bindgen(js_name = renderRows)]
    pub fn render_rows(&mut self, width: usize, height: usize, rows: usize) -> bool {
        let network = self.trainer.network();
        match &mut self.map {
            Some(map) if map.fits(network) => {
                if map.width() != width || map.height() != height {
                    // Animation at fewer cells, then a still: the same buffers
                    // (new maps at each size fragmented wasm memory until it grew).
                    map.resize(width, height);
                }
            }
            _ => {
                self.map = Some(DecisionMap::with_features(
                    network,
                    self.trainer.features(),
                    width,
                    height,
                ))
            }
        }
        match &mut self.map {
            Some(map) => map.render_rows(self.trainer.network(), self.bounds, rows),
            None => true,
        }
    }

    #[wasm_bindgen(js_name = pixelsPtr)]
    pub fn pixels_ptr(&self) -> *const u8 {
        self.map.as_ref().map_or(core::ptr::null(), |m| m.pixels().as_ptr())
    }

    #[wasm_bindgen(js_name = pixelsLen)]
    pub fn pixels_len(&self) -> usize {
        self.map.as_ref().map_or(0, |m| m.pixels().len())
    }

    #[wasm_bindgen(js_name = contourPtr)]
    pub fn contour_ptr(&self) -> *const f32 {
        self.map.as_ref().map_or(core::ptr::null(), |m| m.contour().as_ptr())
    }

    /// The number of f32 values (four per segment).
    #[wasm_bindgen(js_name = contourLen)]
    pub fn contour_len(&self) -> usize {
        self.map.as_ref().map_or(0, |m| m.contour().len())
    }

    /// The smallest probability of class 1 on the last rendered map (0.5
    /// before the first render).
    #[wasm_bindgen(js_name = probabilityMin)]
    pub fn probability_min(&self) -> f32 {
        self.map.as_ref().map_or(0.5, |m| m.probability_range().0)
    }

    /// The largest probability of class 1 on the last rendered map.
    #[wasm_bindgen(js_name = probabilityMax)]
    pub fn probability_max(&self) -> f32 {
        self.map.as_ref().map_or(0.5, |m| m.probability_range().1)
    }
}

/// The course's `plot_decision_boundary` rectangle — the data's range plus
/// 1 on every side; for the football field the Regularization notebook's own
/// axes — widened to a square so the plot is not stretched. With no points:
/// the square from −5 to 5, room to draw some.
pub(crate) fn plot_bounds(dataset: DatasetKind, data: &Dataset) -> Bounds {
    let (lo, hi, margin) = if dataset == DatasetKind::Football {
        let [x_min, x_max, y_min, y_max] = sepal::football::VIEW;
        ([x_min, y_min], [x_max, y_max], 0.0)
    } else {
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for k in 0..data.len() {
            let p = data.point(k);
            for d in 0..2 {
                lo[d] = lo[d].min(p[d]);
                hi[d] = hi[d].max(p[d]);
            }
        }
        if lo[0] > hi[0] {
            (lo, hi) = ([-4.0; 2], [4.0; 2]);
        }
        (lo, hi, 1.0)
    };
    let half = (0..2).map(|d| (hi[d] - lo[d]) / 2.0 + margin).fold(0.0, f64::max);
    let centre = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    Bounds {
        x_min: centre[0] - half,
        x_max: centre[0] + half,
        y_min: centre[1] - half,
        y_max: centre[1] + half,
    }
}

#[cfg(test)]
mod tests {
    use sepal::settings::Settings;

    use super::*;

    #[test]
    fn the_football_field_is_plotted_as_the_notebook_plots_it() {
        let mut settings = Settings::default();
        assert_eq!(settings.apply([("dataset", "football")]), []);
        let football = Playground::from_settings(settings);
        let b = football.bounds;
        // The notebook's xlim [-0.75, 0.40] and ylim [-0.75, 0.65] with room for
        // the test points below, widened to a square.
        let near = |v: f64, want: f64| (v - want).abs() < 1e-12;
        assert!(near(b.y_min, -0.85) && near(b.y_max, 0.65), "{b:?}");
        assert!(near(b.x_min, -0.925) && near(b.x_max, 0.575), "{b:?}");
        for k in 0..football.data.len() {
            let [x1, x2, _] = football.data.point(k);
            assert!(
                x1 > b.x_min && x1 < b.x_max && x2 > b.y_min && x2 < b.y_max,
                "point {k} outside"
            );
        }
        let flower = Playground::from_settings(Settings::default());
        // Elsewhere the course's rule: the data's range plus 1.
        assert!(flower.bounds.x_max - flower.bounds.x_min > 9.0, "{:?}", flower.bounds);
    }
}
