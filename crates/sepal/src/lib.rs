//! The math of Sepal, the course's planar-classification playground:
//! numpy-compatible random numbers, the datasets, logistic regression and
//! the shallow and deep networks with the course's forward and backward
//! passes, gradient descent, and the decision map the page draws.
//!
//! `no_std` + `alloc`: the same code, in the same order, natively and in
//! wasm, so a run is bit-identical on both.

#![no_std]

extern crate alloc;

pub mod activation;
pub mod contour;
pub mod dataset;
pub mod derivation;
mod double_double;
pub mod fastmath;
pub mod features;
pub mod football;
mod fresh_masks;
pub mod generators;
pub mod gradcheck;
pub mod grid;
pub mod history;
mod linalg;
pub mod minibatch;
pub mod network;
pub mod optimizer;
pub mod parameters;
mod precise_ln;
mod precise_trig;
mod quotient;
pub mod regularization;
pub mod rng;
pub mod settings;
pub mod trainer;
pub mod unit_maps;

pub use activation::Activation;
pub use dataset::{Dataset, DatasetKind};
pub use features::{Feature, Features};
pub use grid::{Bounds, DecisionMap};
pub use network::{Init, Network};
pub use parameters::Parameters;
pub use settings::{Model, SettingError, Settings, Speed};
pub use trainer::{Divergence, Trainer};
