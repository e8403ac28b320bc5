//! #15: a model file's run built in parts (`Playground.beginModel`), for a
//! page that loads a large model without one long task: the file is read
//! and checked at once but for its points, then the points its settings
//! describe and its initial weights (which `reset` goes back to, and
//! divergence is measured against) are drawn a part a call, as
//! `beginBuild` draws them; `finish` checks the file's points against
//! those and makes the run, evaluated in parts as `fromModelInParts`'s.
//! The same run, to the bit, and the same errors, as `fromModelInParts`.

use sepal::{Dataset, DatasetKind, Settings, Trainer};
use wasm_bindgen::prelude::*;

use super::reading::{check_data, read_but_data};
use super::{ModelError, ModelFile};
use crate::json::Json;
use crate::{Playground, PlaygroundBuild};

/// A model file's Playground being built; `finish` makes it.
#[wasm_bindgen]
pub struct ModelBuild {
    file: ModelFile,
    /// The file's settings' points and initial weights, being drawn.
    drawing: PlaygroundBuild,
}

#[wasm_bindgen]
impl Playground {
    /// Starts building the Playground `fromModelInParts(object)` gives, a
    /// part at a time (`advance`, then `finish`); throws as it does on a
    /// bad file, but for points other than its settings describe, which
    /// `finish` throws.
    #[wasm_bindgen(js_name = beginModel)]
    pub fn begin_model(object: JsValue) -> Result<ModelBuild, JsValue> {
        let json = Json::from_js(&object).map_err(ModelError::from)?;
        ModelBuild::of(&json).map_err(JsValue::from)
    }
}

#[wasm_bindgen]
impl ModelBuild {
    /// The next part (some of the points, then a layer's initial weights);
    /// returns whether all are done.
    pub fn advance(&mut self) -> bool {
        self.drawing.advance()
    }

    /// The Playground (what parts are left are done first), its evaluation
    /// left to `advance`; throws a model file's Error if its points are not
    /// what its settings describe.
    pub fn finish(self) -> Result<Playground, JsValue> {
        self.finished().map_err(JsValue::from)
    }
}

impl ModelBuild {
    pub fn of(json: &Json) -> Result<Self, ModelError> {
        let file = read_but_data(json)?;
        let drawing = PlaygroundBuild::of(file.settings.clone());
        Ok(Self { file, drawing })
    }

    pub fn finished(self) -> Result<Playground, ModelError> {
        let (settings, drawn, network) = self.drawing.drawn();
        let file = self.file;
        check_drawn_data(&settings, drawn, &file.train, &file.test)?;
        let trainer = Trainer::with_network_in_parts(&settings, file.train.clone(), file.test.clone(), network);
        Playground::restored(file, trainer, true)
    }
}

/// `check_data` with the settings' points already drawn (`drawn`; `None`
/// for settings with a test set of their own, checked as `check_data` does).
fn check_drawn_data(
    settings: &Settings,
    drawn: Option<Dataset>,
    train: &Dataset,
    test: &Dataset,
) -> Result<(), ModelError> {
    match drawn {
        Some(data) if settings.dataset != DatasetKind::Custom => {
            let (drawn_train, drawn_test) = data.split(settings.test_fraction, settings.dataset_seed);
            match (&drawn_train, &drawn_test) == (train, test) {
                true => Ok(()),
                false => Err(ModelError::DataMismatch {
                    dataset: settings.dataset.name(),
                }),
            }
        }
        _ => check_data(settings, train, test),
    }
}
