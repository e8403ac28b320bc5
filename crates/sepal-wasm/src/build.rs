//! #15: `Playground.buildInParts` itself in parts, for a page that spreads
//! a large build over tasks before its first picture: the points a part at
//! a time (10,000 of them at the caps: 20,000 normal draws), then the
//! initial weights a layer a part, then the run (`finish`: the workspaces'
//! shapes), each part a task of its own. The same bits as a whole build.

use sepal::dataset::Generation;
use sepal::network::{Network, NetworkDraw};
use sepal::{Dataset, Settings, Trainer};
use wasm_bindgen::prelude::*;

use crate::{convert, Playground};

/// A Playground being built; `finish` makes it.
#[wasm_bindgen]
pub struct PlaygroundBuild {
    settings: Settings,
    /// The generated points, being drawn (`None` for settings with an own
    /// test set, drawn at the end), and whether they all are.
    points: Option<Generation>,
    points_drawn: bool,
    network: NetworkDraw,
}

#[wasm_bindgen]
impl Playground {
    /// Starts building the Playground `buildInParts(settings)` gives, a
    /// part at a time (`advance`, then `finish`); throws as it does on bad
    /// settings.
    #[wasm_bindgen(js_name = beginBuild)]
    pub fn begin_build(settings: JsValue) -> Result<PlaygroundBuild, JsError> {
        Ok(PlaygroundBuild::of(convert::settings_from_js(&settings)?))
    }
}

#[wasm_bindgen]
impl PlaygroundBuild {
    /// The next part (some of the points, then a layer's initial weights);
    /// returns whether all are done: `finish` then builds the run alone.
    pub fn advance(&mut self) -> bool {
        if !self.points_drawn {
            self.points_drawn = self.points.as_mut().is_none_or(Generation::advance);
            return false;
        }
        self.network.layer()
    }

    /// The Playground, its first evaluation left to `advance` as after
    /// `buildInParts` (what parts are left are done first).
    pub fn finish(self) -> Playground {
        let (settings, drawn, network) = self.drawn();
        let s = &settings;
        // Every point: the training points, then the test points.
        let (data, train, test) = match drawn {
            Some(data) => {
                let (train, test) = data.split(s.test_fraction, s.dataset_seed);
                (data, train, test)
            }
            None => {
                let (train, test) = sepal::dataset::train_and_test(s);
                (train.joined(&test), train, test)
            }
        };
        let trainer = Trainer::with_network_in_parts(s, train, test, network);
        Playground::from_trainer(settings, data, trainer, None)
    }
}

impl PlaygroundBuild {
    pub fn of(settings: Settings) -> Self {
        let s = &settings;
        let points = (!s.has_own_test_set()).then(|| s.dataset.generation(s.dataset_seed, s.points, s.noise()));
        Self {
            network: Trainer::network_draw(s),
            points,
            points_drawn: false,
            settings,
        }
    }

    /// Its settings, the points drawn (`None` for settings with an own test
    /// set) and the initial network, what parts are left done first (#15:
    /// a model file built in parts checks its points against these).
    pub(crate) fn drawn(self) -> (Settings, Option<Dataset>, Network) {
        (
            self.settings,
            self.points.map(Generation::finish),
            self.network.finish(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a built run shows, as bits, once its first evaluation is done.
    fn evaluated(mut pg: Playground) -> Vec<u64> {
        while pg.trainer().is_evaluating() {
            pg.advance(None);
        }
        let run = pg.trainer();
        let mut bits = vec![run.cost().to_bits(), run.train_accuracy().to_bits()];
        for k in 0..pg.data.len() {
            bits.extend(pg.data.point(k).map(f64::to_bits));
        }
        for layer in &run.network().layers {
            bits.extend(layer.w.iter().chain(layer.b.iter()).map(|v| v.to_bits()));
        }
        let b = pg.bounds;
        bits.extend([b.x_min, b.x_max, b.y_min, b.y_max].map(f64::to_bits));
        bits
    }

    /// Built a part at a time, a Playground is the whole build's to the bit
    /// once evaluated: the points a few parts, then a layer's weights a part.
    #[test]
    fn a_build_in_parts_is_the_whole_build() {
        for pairs in [
            &[("model", "deep"), ("layers", "64,64,64"), ("points", "10000")][..],
            &[("dataset", "moons"), ("test-fraction", "0.3")],
            &[("dataset", "circles"), ("test-points", "200")],
            &[("dataset", "football"), ("model", "deep")],
            &[("features", "x1,x2,x1sq"), ("init", "he"), ("test-fraction", "0.2")],
        ] {
            let mut settings = Settings::default();
            assert_eq!(settings.apply(pairs.iter().copied()), []);
            let mut build = PlaygroundBuild::of(settings.clone());
            let mut parts = 1;
            while !build.advance() {
                parts += 1;
            }
            // The caps' flower, 20,000 draws, in eight parts of 2,500; smaller or other datasets in one.
            let points = if settings.points == 10_000 { 8 } else { 1 };
            let layers = settings.layer_sizes().len() - 1;
            assert_eq!(parts, points + layers, "{pairs:?}");
            let whole = Playground::from_settings(settings);
            assert_eq!(evaluated(build.finish()), evaluated(whole), "{pairs:?}");
        }
    }
}
