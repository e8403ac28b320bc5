//! Writing a model file (`exportModel`): the run's settings, iteration, parameters, points and optimiser state.

use sepal::optimizer::Moments;
use sepal::settings::{Effect, Plain, SPECS};
use sepal::{Dataset, Model, Parameters, Trainer};
use wasm_bindgen::prelude::*;

use super::{moments_json, parameters_json, FORMAT, VERSION};
use crate::json::Json;
use crate::{convert, Playground};

/// The run's progress and update rule's state as the `optimizer` object.
fn progress_json(trainer: &Trainer, model: Model) -> Json {
    let optimizer = trainer.optimizer();
    let moments = |moments: &[Moments]| moments_json(trainer, moments, model, "");
    let finite = |v: f64| if v.is_finite() { Json::Number(v) } else { Json::Null };
    let mut fields = vec![
        ("t", Json::Number(optimizer.t() as f64)),
        ("epoch", Json::Number(trainer.epoch() as f64)),
        ("batch", Json::Number(trainer.batch_position() as f64)),
        ("epochLoss", finite(trainer.epoch_loss())),
        ("epochCost", finite(trainer.epoch_cost())),
    ];
    if optimizer.method().uses_velocity() {
        fields.push(("v", moments(optimizer.velocity())));
    }
    if optimizer.method().uses_squares() {
        fields.push(("s", moments(optimizer.squares())));
    }
    Json::object(fields)
}

fn points_json(data: &Dataset) -> Json {
    Json::List((0..data.len()).map(|k| Json::numbers(&data.point(k))).collect())
}

impl Playground {
    /// This run as a model file (see the module's documentation).
    pub fn model_json(&self) -> Json {
        // In the settings table's order, as links list them.
        let settings = SPECS.iter().filter(|spec| spec.effect != Effect::Page).map(|spec| {
            let value = match self.settings.get(spec).plain() {
                Plain::Integer(n) => Json::Number(n as f64),
                Plain::Number(v) => Json::Number(v),
                Plain::Text(text) => Json::Text(text),
                Plain::Null => Json::Null,
            };
            (spec.key, value)
        });
        let trainer = &self.trainer;
        Json::object([
            ("format", Json::Text(FORMAT.into())),
            ("version", Json::Number(VERSION)),
            ("settings", Json::object(settings)),
            ("iteration", Json::Number(trainer.iteration() as f64)),
            (
                "parameters",
                parameters_json(&Parameters::of(trainer.network(), self.settings.model()), ""),
            ),
            (
                "points",
                Json::object([
                    ("train", points_json(trainer.train_data())),
                    ("test", points_json(trainer.test_data())),
                ]),
            ),
            ("optimizer", progress_json(trainer, self.settings.model())),
        ])
    }
}

#[wasm_bindgen]
impl Playground {
    /// This run as a model file object (`JSON.stringify` it): format,
    /// version, settings, iteration, parameters, points. See `model/mod.rs`.
    #[wasm_bindgen(js_name = exportModel)]
    pub fn export_model(&self) -> Result<JsValue, JsError> {
        convert::to_js(&self.model_json())
    }
}
