//! Model files: `exportModel()` and `Playground.fromModelInParts()`.
//!
//! A model file is the JSON object
//!
//! ```json
//! {"format": "sepal-model", "version": 1,
//!  "settings": {"dataset": "flower", "hiddenUnits": 4, ...},
//!  "iteration": 1000,
//!  "parameters": {"W1": [[...], ...], "b1": [...], "W2": [[...]], "b2": [...]},
//!  "points": {"train": [[x1, x2, label], ...], "test": [...]},
//!  "optimizer": {"t": 25, "epoch": 5, "batch": 0, "epochLoss": 0, "epochCost": 0.7,
//!                "v": {parameters' shape}, "s": {…}}}
//! ```
//!
//! `settings` has the JS keys of every setting that shapes the model (not
//! `speed`, `autoplay` or `lang`, which belong to the page showing it);
//! `parameters` is what `parameters()` returns. `optimizer` (optional: a
//! fresh state without it) is where the run is in its epochs and the
//! update rule's state, so that a loaded run goes on with the same bits:
//! Adam's t, the epochs done, the batches done in the next, the summed loss
//! of those, the last epoch's printed cost (null before one), and v and s
//! in the parameters' shape (only for the rules that keep them). Reading one checks
//! everything before anything is built, and says what is wrong with a
//! [`ModelError`]: a code and values, which the page's string tables
//! (`modelError.<code>` in www/strings.js) put in words. JS parses the
//! text (`JSON.parse`) and hands the object over; the checks here are
//! plain Rust on a [`Json`](crate::json::Json) tree, so native tests feed them garbage.

use sepal::settings::Settings;
use sepal::{Dataset, Parameters};

pub const FORMAT: &str = "sepal-model";
pub const VERSION: f64 = 1.0;
/// The largest iteration count a JS number holds exactly (2^53 − 1): a
/// file may say no more, and training stops there (see `Playground::step`),
/// so that every run can be saved and loaded again.
pub const MAX_ITERATION: f64 = 9_007_199_254_740_991.0;
/// The largest magnitude a parameter in a file may have. Training keeps
/// parameters within a few hundred (a run whose weights grow far beyond
/// is diverging); with every parameter within ±1e6 and coordinates within
/// ±1e6, a forward pass through the largest network (6 layers of 64
/// units) stays below 1e100, so an imported model cannot overflow before
/// it has been trained.
pub const MAX_PARAMETER: f64 = 1e6;

mod error;
mod loading;
mod parameters;
mod parts;
mod reading;
mod writing;

pub use error::{Expected, ModelError};
pub use parameters::{moments_json, parameters_json};
pub use parts::ModelBuild;
pub use reading::read;

/// A model file, checked: everything needed to rebuild the run.
#[derive(Clone, Debug)]
pub struct ModelFile {
    pub settings: Settings,
    pub train: Dataset,
    pub test: Dataset,
    pub parameters: Parameters,
    pub iteration: u64,
    pub progress: Option<Progress>,
}

/// Where a run is in its epochs, and its update rule's state.
#[derive(Clone, Debug)]
pub struct Progress {
    pub t: u64,
    pub epoch: u64,
    pub batch: u64,
    pub epoch_loss: f64,
    pub epoch_cost: f64,
    pub v: Option<Parameters>,
    pub s: Option<Parameters>,
}

#[cfg(test)]
mod tests;
