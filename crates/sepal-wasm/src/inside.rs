//! Looking inside the network: the hidden units' views (one tile per unit,
//! from `sepal::unit_maps`) and every weight, flattened, for the diagram.
//! Both are buffers JS reads out of wasm memory, filled without allocating
//! once made.

use sepal::features::InputMaps;
use sepal::unit_maps::{identical_units, UnitMaps};
use wasm_bindgen::prelude::*;

use crate::Playground;

#[wasm_bindgen]
impl Playground {
    /// Evaluates and colours the views of the first hidden layers' units:
    /// `cells`² per unit, at most `maxLayers` layers and `maxUnits` units.
    /// Read them with `unitLayers`, `unitPixelsPtr` and `unitPixelsLen`.
    #[wasm_bindgen(js_name = renderUnits)]
    pub fn render_units(&mut self, cells: usize, max_layers: usize, max_units: usize) {
        let network = self.trainer.network();
        let stale = match &self.units {
            Some(maps) => maps.cells() != cells || !maps.fits(network),
            None => true,
        };
        if stale {
            let features = self.trainer.features();
            self.units = Some(UnitMaps::with_features(network, features, cells, max_layers, max_units));
        }
        if let Some(maps) = &mut self.units {
            maps.render(self.trainer.network(), self.bounds);
        }
    }

    /// Evaluates and colours each input's picture, `cells`² per feature
    /// (only when the plotted rectangle changed); read them with
    /// `inputPixelsPtr` and `inputPixelsLen`.
    #[wasm_bindgen(js_name = renderInputs)]
    pub fn render_inputs(&mut self, cells: usize) {
        if self.inputs.as_ref().is_none_or(|maps| maps.cells() != cells) {
            self.inputs = Some(InputMaps::new(self.trainer.features(), cells));
        }
        if let Some(maps) = &mut self.inputs {
            maps.render(self.bounds);
        }
    }

    /// RGBA of a (features·cells)×cells image, the inputs' tiles side by side.
    #[wasm_bindgen(js_name = inputPixelsPtr)]
    pub fn input_pixels_ptr(&self) -> *const u8 {
        self.inputs.as_ref().map_or(core::ptr::null(), |m| m.pixels().as_ptr())
    }

    #[wasm_bindgen(js_name = inputPixelsLen)]
    pub fn input_pixels_len(&self) -> usize {
        self.inputs.as_ref().map_or(0, |m| m.pixels().len())
    }

    /// The network's inputs by name, in their order, as a link writes
    /// them: `x1,x2`, `x1sq,x2sq`, …
    #[wasm_bindgen(js_name = inputFeatures)]
    pub fn input_features(&self) -> String {
        self.trainer.features().names().join(",")
    }

    /// The units shown in each hidden layer shown by `renderUnits`.
    #[wasm_bindgen(js_name = unitLayers)]
    pub fn unit_layers(&self) -> Vec<u32> {
        self.units
            .as_ref()
            .map_or(Vec::new(), |m| m.layer_units().map(|n| n as u32).collect())
    }

    /// RGBA of a (units·cells)×cells image, the units' tiles side by side.
    #[wasm_bindgen(js_name = unitPixelsPtr)]
    pub fn unit_pixels_ptr(&self) -> *const u8 {
        self.units.as_ref().map_or(core::ptr::null(), |m| m.pixels().as_ptr())
    }

    #[wasm_bindgen(js_name = unitPixelsLen)]
    pub fn unit_pixels_len(&self) -> usize {
        self.units.as_ref().map_or(0, |m| m.pixels().len())
    }

    /// Whether all units of the first hidden layer have the same weights
    /// and bias (false without a hidden layer or with a single unit).
    #[wasm_bindgen(js_name = identicalUnits)]
    pub fn identical_units(&self) -> bool {
        let network = self.trainer.network();
        network.layers.len() > 1 && network.layers[0].outputs() > 1 && identical_units(network, 0)
    }

    /// [n_x, n_1, …, n_L]: the inputs, each layer's units, the output.
    #[wasm_bindgen(js_name = layerSizes)]
    pub fn layer_sizes(&self) -> Vec<u32> {
        self.trainer.network().sizes().into_iter().map(|n| n as u32).collect()
    }

    /// Copies every parameter into one buffer, layer by layer: W[l] row by
    /// row (n_l × n_{l−1}), then b[l]. Read it with `weightsPtr`/`weightsLen`.
    #[wasm_bindgen(js_name = packWeights)]
    pub fn pack_weights(&mut self) {
        self.weights.clear();
        for layer in &self.trainer.network().layers {
            self.weights.extend(layer.w.iter());
            self.weights.extend(layer.b.iter());
        }
    }

    #[wasm_bindgen(js_name = weightsPtr)]
    pub fn weights_ptr(&self) -> *const f64 {
        self.weights.as_ptr()
    }

    #[wasm_bindgen(js_name = weightsLen)]
    pub fn weights_len(&self) -> usize {
        self.weights.len()
    }
}
