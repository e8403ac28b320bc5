//! The `notebook` setting: the course's notebooks as presets. Choosing one
//! puts every setting that shapes a run (all but the page's own: speed,
//! autoplay, language) back to its default, then applies the notebook's
//! list of (setting, value) pairs, so a preset is the same whatever came
//! before it; a setting given after it overrides it (in a URL, a CLI
//! command line, or a control changed later).
//!
//! Each preset is its pairs' text, the form a link has, so a preset reads
//! like the link that would reproduce it.

use super::{Effect, Settings, Spec, SPECS};

/// One of the course's notebooks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notebook {
    /// The first part's flower notebook: the defaults.
    Planar,
    Initialization,
    Regularization,
    Optimization,
}

impl Notebook {
    pub const ALL: [Notebook; 4] = [
        Self::Planar,
        Self::Initialization,
        Self::Regularization,
        Self::Optimization,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Planar => "planar",
            Self::Initialization => "initialization",
            Self::Regularization => "regularization",
            Self::Optimization => "optimization",
        }
    }

    /// The settings the notebook changes from the defaults.
    pub fn preset(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Planar => &[],
            // np.random.seed(1); make_circles(n_samples=300, noise=.05) to
            // train on, seed 2 and 100 samples to test (the rings' own
            // noise is 0.05, the default dataset seed 1), layers [2, 10, 5,
            // 1] with ReLU, learning rate 0.01, weights from seed 3 (the
            // default). Its He run; zeros and large are its experiment.
            Self::Initialization => &[
                ("dataset", "rings"),
                ("points", "300"),
                ("test-points", "100"),
                ("model", "deep"),
                ("layers", "10,5"),
                ("activation", "relu"),
                ("init", "he"),
                ("learning-rate", "0.01"),
            ],
            // data.mat (the football's fixed points), layers [2, 20, 3, 1]
            // with ReLU, W = randn/√n_prev from seed 3 (our xavier),
            // learning rate 0.3; with keep-prob the notebook's masks, the
            // same in every iteration. Its baseline; l2=0.7 and
            // keep-prob=0.86 are its experiment.
            Self::Regularization => &[
                ("dataset", "football"),
                ("model", "deep"),
                ("layers", "20,3"),
                ("activation", "relu"),
                ("init", "xavier"),
                ("learning-rate", "0.3"),
                ("dropout-masks", "fixed"),
            ],
            // np.random.seed(3); make_moons(n_samples=300, noise=.2) (the
            // moons' own noise is 0.2), layers [2, 5, 2, 1] with ReLU and a
            // sigmoid output, He weights from seed 3 (the default seed),
            // learning rate 0.0007, mini-batches of 64, gradient descent.
            Self::Optimization => &[
                ("dataset", "moons"),
                ("points", "300"),
                ("dataset-seed", "3"),
                ("model", "deep"),
                ("layers", "5,2"),
                ("activation", "relu"),
                ("init", "he"),
                ("learning-rate", "0.0007"),
                ("batch-size", "64"),
            ],
        }
    }
}

impl Settings {
    /// `notebook=…`: every setting that shapes a run back to its default,
    /// then the notebook's preset.
    pub(super) fn start_notebook(&mut self, notebook: Notebook) {
        let defaults = Settings::default();
        let shapes_a_run = |spec: &&Spec| spec.effect != Effect::Page && spec.key != "notebook";
        for spec in SPECS.iter().filter(shapes_a_run) {
            self.copy_from(spec, &defaults);
        }
        (self.noise, self.model, self.layers, self.init) = (None, None, None, None);
        for &(name, value) in notebook.preset() {
            self.set(name, value).expect("a preset's values are valid");
        }
        self.notebook = notebook;
    }

    /// The settings a link leaves out: the defaults with the chosen
    /// notebook's preset applied.
    pub(super) fn baseline(&self) -> Settings {
        let mut baseline = Settings::default();
        baseline.start_notebook(self.notebook);
        baseline
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Model;

    #[test]
    fn every_preset_is_valid() {
        for notebook in Notebook::ALL {
            let mut s = Settings::default();
            s.set("notebook", notebook.name()).unwrap();
            assert_eq!(s.notebook, notebook);
        }
    }

    #[test]
    fn the_optimization_preset_is_the_notebooks_run() {
        let mut s = Settings::default();
        s.set("notebook", "optimization").unwrap();
        assert_eq!(s.layer_sizes(), [2, 5, 2, 1]);
        assert_eq!((s.points, s.dataset_seed, s.noise(), s.seed), (300, 3, 0.2, 3));
        assert_eq!((s.learning_rate, s.batch_size), (0.0007, Some(64)));
        assert_eq!(s.changed(), [("notebook", "optimization".into())]);
    }

    #[test]
    fn what_comes_after_the_preset_overrides_it_and_what_came_before_does_not() {
        let mut s = Settings::default();
        let errors = s.apply([
            ("optimizer", "adam"),
            ("speed", "max"),
            ("notebook", "optimization"),
            ("layers", "8"),
        ]);
        assert_eq!(errors, []);
        assert_eq!(s.optimizer.name(), "gd", "the preset starts from the defaults");
        assert_eq!(s.layer_sizes(), [2, 8, 1]);
        assert_eq!(s.model(), Model::Deep);
        // The page's own settings stay.
        assert_eq!(
            s.changed(),
            [
                ("notebook", "optimization".into()),
                ("layers", "8".into()),
                ("speed", "max".into())
            ]
        );
        // The link reproduces the settings.
        let mut again = Settings::default();
        let link = s.changed();
        assert_eq!(again.apply(link.iter().map(|(k, v)| (*k, v.as_str()))), []);
        assert_eq!(again, s);
        // Back to planar: the flower again.
        s.set("notebook", "planar").unwrap();
        assert_eq!(s.layer_sizes(), [2, 4, 1]);
        assert_eq!(s.changed(), [("speed", "max".into())]);
    }
}
