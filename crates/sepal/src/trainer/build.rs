//! Building a run: its constructors, whole or in parts, and the workspaces they allocate.

use super::*;

impl Trainer {
    /// A run on the dataset the settings describe.
    pub fn new(settings: &Settings) -> Self {
        let (train, test) = crate::dataset::train_and_test(settings);
        Self::with_split(settings, train, test)
    }

    /// A run on given points, split as the settings say.
    pub fn with_data(settings: &Settings, data: &Dataset) -> Self {
        let (train, test) = data.split(settings.test_fraction, settings.dataset_seed);
        Self::with_split(settings, train, test)
    }

    /// A run on points already split into training and held-out ones, used
    /// as they are (an imported model brings its own split). The network is
    /// the one the settings describe, at iteration 0.
    pub fn with_split(settings: &Settings, train: Dataset, test: Dataset) -> Self {
        let mut run = Self::unevaluated(settings, train, test, Self::network_draw(settings).finish(), false);
        run.reset();
        run
    }

    /// [`Self::with_data`] with the first evaluation left to [`Self::advance`]
    /// (see [`Self::reset_in_parts`]).
    pub fn with_data_in_parts(settings: &Settings, data: &Dataset) -> Self {
        let (train, test) = data.split(settings.test_fraction, settings.dataset_seed);
        Self::with_split_in_parts(settings, train, test)
    }

    /// [`Self::with_split`] with the first evaluation left to [`Self::advance`]
    /// (see [`Self::reset_in_parts`]).
    pub fn with_split_in_parts(settings: &Settings, train: Dataset, test: Dataset) -> Self {
        Self::with_network_in_parts(settings, train, test, Self::network_draw(settings).finish())
    }

    /// #15: [`Self::with_split_in_parts`] with the settings' initial network
    /// drawn already ([`Self::network_draw`]: a page draws a large one a
    /// layer a task).
    pub fn with_network_in_parts(settings: &Settings, train: Dataset, test: Dataset, network: Network) -> Self {
        let mut run = Self::unevaluated(settings, train, test, network, true);
        run.reset_in_parts();
        run
    }

    /// The drawing of the settings' initial network, a layer at a time.
    pub fn network_draw(settings: &Settings) -> NetworkDraw {
        NetworkDraw::new(
            &settings.layer_sizes(),
            settings.activation,
            settings.init(),
            settings.seed,
        )
    }

    /// The run's data, `network` and workspaces, before its first
    /// evaluation; `lazy`: the passes' workspaces allocated by the passes,
    /// layer by layer (#15: [`ForwardPass::unallocated`]).
    fn unevaluated(settings: &Settings, train: Dataset, test: Dataset, network: Network, lazy: bool) -> Self {
        let features = settings.features;
        let ((train, test), points) = inputs(features, train, test);
        let regularization = match lazy {
            true => Regularization::unallocated(settings, &network, train.len()),
            false => Regularization::new(settings, &network, train.len()),
        };
        let first_stride = if regularization.drops_out() {
            DROPOUT_FIRST_STRIDE
        } else {
            1
        };
        let history = || CostHistory::with_first_stride(HISTORY_POINTS, first_stride);
        let workspace = match lazy {
            true => ForwardPass::unallocated,
            false => ForwardPass::new,
        };
        Self {
            phase: Phase::Idle,
            optimizer: Optimizer::new(settings.optimizer, settings.hyper(), &network),
            schedule: settings.schedule(),
            batch_size: settings.batch_size,
            batches: mini_batches(settings.batch_size, &network, &regularization, &train),
            epoch: 0,
            epoch_loss: 0.0,
            epoch_cost: f64::NAN,
            pass: workspace(&network, train.len()),
            test_pass: workspace(&network, test.len()),
            grads: match lazy {
                true => Gradients::unallocated(&network),
                false => Gradients::new(&network, train.len()),
            },
            regularization,
            plain_pass_stale: false,
            initial: network.clone(),
            network,
            train,
            test,
            points,
            features,
            learning_rate: settings.learning_rate,
            iteration: 0,
            cost: f64::NAN,
            initial_cost: f64::NAN,
            divergence: None,
            history: history(),
            test_costs: history(),
            train_accuracies: history(),
            test_accuracies: history(),
            test_metrics: None,
            gradients_part: GradientsPart::Start,
        }
    }
}

/// The network's inputs for both sets, and the points when they differ.
pub(super) fn inputs(
    features: Features,
    train: Dataset,
    test: Dataset,
) -> ((Dataset, Dataset), Option<(Dataset, Dataset)>) {
    match (features.inputs(train), features.inputs(test)) {
        ((train, Some(train_points)), (test, Some(test_points))) => ((train, test), Some((train_points, test_points))),
        ((train, _), (test, _)) => ((train, test), None),
    }
}

/// The run's mini-batches, when a batch size is set and there are points
/// (a size above m is m: drawn points may be fewer than the size).
pub(super) fn mini_batches(
    size: Option<usize>,
    network: &Network,
    regularization: &Regularization,
    train: &Dataset,
) -> Option<MiniBatches> {
    let size = size?.min(train.len());
    (size > 0).then(|| MiniBatches::new(network, regularization, train, size))
}
