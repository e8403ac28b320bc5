//! Loading a checked model file as a run (`fromModelInParts`): its parameters, iteration and optimiser state restored.

use sepal::parameters::ImportError;
use sepal::{Dataset, Model, Trainer};
use wasm_bindgen::prelude::*;

use super::parameters::moments_of;
use super::{read, ModelError, ModelFile, Progress};
use crate::json::Json;
use crate::Playground;

/// Puts a loaded run where the file's was in its epochs, with its v, s, t.
fn restore_progress(trainer: &mut Trainer, progress: &Progress, model: Model) -> Result<(), ModelError> {
    let template = trainer.network().clone();
    let v = match &progress.v {
        Some(v) => moments_of(v, &template, model)?,
        None => Vec::new(),
    };
    let s = match &progress.s {
        Some(s) => moments_of(s, &template, model)?,
        None => Vec::new(),
    };
    let method = trainer.optimizer().method();
    // A rule that keeps v or s needs them; others take none.
    let (v, s) = (
        if method.uses_velocity() { v } else { Vec::new() },
        if method.uses_squares() { s } else { Vec::new() },
    );
    if !trainer.optimizer_mut().restore(progress.t, &v, &s) {
        return Err(ModelError::Missing {
            field: if method.uses_velocity() && progress.v.is_none() {
                "optimizer.v".into()
            } else {
                "optimizer.s".into()
            },
        });
    }
    let batch = usize::try_from(progress.batch).unwrap_or(usize::MAX);
    trainer.restore_epochs(progress.epoch, batch, progress.epoch_loss, progress.epoch_cost);
    Ok(())
}

impl Playground {
    /// The run a model file describes: its settings, its points (split as
    /// the file splits them), its parameters at its iteration. Reset goes
    /// back to the settings' initial weights.
    pub fn from_model(json: &Json) -> Result<Playground, ModelError> {
        Self::import(json, false)
    }

    /// [`Self::from_model`] with the run's evaluation (the initial weights'
    /// cost, then the file's parameters' passes and cost) left to `advance`
    /// as a first evaluation (#15: a large model loads without one long
    /// task). The same bits once evaluated.
    pub fn from_model_in_parts(json: &Json) -> Result<Playground, ModelError> {
        Self::import(json, true)
    }

    /// The run of a model file, evaluated whole or, `in_parts`, left to `advance`.
    fn import(json: &Json, in_parts: bool) -> Result<Playground, ModelError> {
        let file = read(json)?;
        let (train, test) = (file.train.clone(), file.test.clone());
        let trainer = match in_parts {
            true => Trainer::with_split_in_parts(&file.settings, train, test),
            false => Trainer::with_split(&file.settings, train, test),
        };
        Self::restored(file, trainer, in_parts)
    }

    /// The run of a checked model `file` on `trainer` (built for its
    /// settings and points, at iteration 0): the file's parameters,
    /// iteration and optimiser state restored, the evaluation whole or,
    /// `in_parts`, left to `advance`.
    pub(super) fn restored(file: ModelFile, mut trainer: Trainer, in_parts: bool) -> Result<Playground, ModelError> {
        let network = file
            .parameters
            .to_network(trainer.network(), file.settings.model())
            .map_err(ModelError::Parameters)?;
        let restored = match in_parts {
            true => trainer.restore_in_parts(&network, file.iteration),
            false => trainer.restore(&network, file.iteration),
        };
        // The shapes were just checked against this very trainer's network.
        if restored.is_err() {
            return Err(ModelError::Parameters(ImportError::WrongModel {
                expected: file.settings.model(),
            }));
        }
        if let Some(progress) = &file.progress {
            restore_progress(&mut trainer, progress, file.settings.model())?;
        }
        let mut all = Vec::with_capacity(file.train.len() + file.test.len());
        all.extend((0..file.train.len()).map(|k| file.train.point(k)));
        all.extend((0..file.test.len()).map(|k| file.test.point(k)));
        Ok(Playground::from_trainer(
            file.settings,
            Dataset::from_points(&all),
            trainer,
            None,
        ))
    }
}

#[wasm_bindgen]
impl Playground {
    /// The run a model file object (what `JSON.parse` made of one)
    /// describes. Throws an Error whose `code` and `values` say what is
    /// wrong (for the page's strings) besides its English message.
    /// #15: its evaluation (the initial weights' cost, then the file's
    /// parameters' passes and cost) is left to `advance` as a first
    /// evaluation (`evaluating`, as `buildInParts`): a large model loads
    /// without one long task, with the bits of `Playground::from_model`.
    #[wasm_bindgen(js_name = fromModelInParts)]
    pub fn from_model_in_parts_js(object: JsValue) -> Result<Playground, JsValue> {
        let json = Json::from_js(&object).map_err(ModelError::from)?;
        Self::from_model_in_parts(&json).map_err(JsValue::from)
    }
}
