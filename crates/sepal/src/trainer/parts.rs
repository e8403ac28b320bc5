//! An iteration in parts (#15): the phases [`Trainer::step`] and
//! [`Trainer::advance`] run, a few rows of one layer of one pass each, so a
//! page can spread an iteration too long for a frame over several with the
//! same bits, and which of the course's steps the part under way computes.

use ndarray::ArrayView2;

use super::readers::test_metrics_of;
use super::*;

/// What one call of [`Trainer::advance`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advance {
    /// A part of an iteration ran; more remain.
    Partway,
    /// An iteration completed.
    Iterated,
    /// Nothing ran: no training points, or the run diverged.
    Stopped,
    /// The first evaluation of a run built or reset in parts
    /// ([`Trainer::reset_in_parts`]) completed: the run at its iteration 0
    /// can be read.
    Evaluated,
}

/// Where the iteration under way has got to. An iteration is these phases
/// in order, each a few rows (units) of one layer of one pass, about
/// [`PART_WORK`] multiply-adds, so that a page can spread an iteration too
/// long for a frame over several; [`Trainer::step`] runs the same phases,
/// so both give the same bits. (l, r): layer l from row r.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    /// Between iterations.
    Idle,
    /// The mini-batch's forward pass.
    BatchForward(usize, usize),
    /// dW[l], db[l] of the backward pass (dZ[L] first, at the output layer).
    Weights(usize, usize),
    /// dZ[l−1] of the backward pass (its rows: layer l's inputs).
    Delta(usize, usize),
    /// The penalties' gradient terms, the optimizer's update; the iteration
    /// counts from here on inside the trainer (masks, curves).
    Descend,
    /// The new parameters' training pass (the dropped-out one with
    /// dropout); J and the cost curve's point after its last row.
    Forward(usize, usize),
    /// The first evaluation of a run reset in parts ([`Trainer::reset_in_parts`]),
    /// before any iteration: the training pass (the dropped-out one with
    /// dropout), then J and the curves' first point.
    InitialForward(usize, usize),
    /// #15: the first evaluation of a model file's run built in parts
    /// ([`Trainer::restore_in_parts`]): the initial weights' training pass,
    /// whose J divergence is measured against, then [`Phase::RestoredForward`].
    InitialCost(usize, usize),
    /// The restored parameters' training pass, then J, the curves' first
    /// point and the divergence check, as [`Trainer::restore`] does them.
    RestoredForward(usize, usize),
    /// The plain pass of the training points, when a dropout step left it
    /// behind (the training accuracy is read from it): from layer 2, on the
    /// dropped-out pass's A[1] (#17: dropout starts above it).
    Plain { layer: usize, row: usize, then: AfterPass },
    /// The held-out points' pass (the test metrics).
    Test { layer: usize, row: usize, then: AfterPass },
    /// The other curves' points, and the divergence check.
    Record,
}

impl Phase {
    /// What a plain or a test pass under way serves (`None`: another phase).
    pub(super) fn serves(self) -> Option<AfterPass> {
        match self {
            Phase::Plain { then, .. } | Phase::Test { then, .. } => Some(then),
            _ => None,
        }
    }
}

/// What the plain and the test passes run in parts for, so what follows
/// them: each is written once whatever it serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AfterPass {
    /// An iteration the curves keep: its points need both passes; then
    /// [`Phase::Record`].
    KeptIteration,
    /// [`Trainer::advance`] only, at an iteration the curves do not keep:
    /// what a page reads next; then the iteration is done.
    ReadableIteration,
    /// The first evaluation of a run reset in parts; then the curves' first
    /// points, where the cost curve kept one.
    FirstEvaluation,
}

impl Trainer {
    /// One bounded part of the next iteration (a few rows of one layer of
    /// one pass, see [`Phase`]): the phases [`Self::step`] runs, in the same order, so an
    /// iteration run in parts has the same bits as one run whole. A page
    /// spreads an iteration too long for one frame over several this way.
    /// The run's state may be read only between iterations (not after
    /// `Partway`): the counters, cost and curves move when an iteration
    /// completes, the parameters and passes during it.
    pub fn advance(&mut self) -> Advance {
        self.advance_within(PART_WORK)
    }

    /// [`Self::advance`] with parts of about `work` multiply-adds instead
    /// of [`PART_WORK`] (at least a row of a layer): the same phases in
    /// smaller or larger parts, the same bits. A page sizes them by time
    /// (#15: the wasm's first calls run in the engine's baseline code,
    /// several times slower, so its first parts are small).
    pub fn advance_within(&mut self, work: usize) -> Advance {
        match self.run_phase(true, work) {
            Advance::Iterated => {
                self.settle();
                Advance::Iterated
            }
            other => other,
        }
    }

    /// Whether an iteration, or the first evaluation of a run reset in parts,
    /// is under way ([`Self::advance`] stopped part way).
    pub fn is_mid_iteration(&self) -> bool {
        self.phase != Phase::Idle
    }

    /// Runs the next phase (see [`Phase`]) of the iteration or of the first
    /// evaluation under way; from `Idle`, starts an iteration, unless there
    /// are no points or the run diverged. With `readable`, an iteration ends
    /// with what a page reads computed in phases too: the plain pass and the
    /// test metrics. Each part is about `work` multiply-adds.
    pub(super) fn run_phase(&mut self, readable: bool, work: usize) -> Advance {
        self.changed();
        let evaluating = self.is_evaluating();
        let last = self.network.layers.len() - 1;
        if self.phase == Phase::Idle {
            if self.train.is_empty() || self.divergence.is_some() {
                return Advance::Stopped;
            }
            self.phase = match &mut self.batches {
                None => Phase::Weights(last, 0),
                Some(batches) => {
                    let batch = batches.next(&self.train, self.epoch);
                    // With dropout: the batch's masks, fresh ones seeded as a full batch's would be.
                    self.regularization.draw_masks(&mut batch.pass, self.iteration);
                    Phase::BatchForward(0, 0)
                }
            };
        }
        self.phase = match self.phase {
            Phase::Idle => unreachable!("an iteration was started above"),
            Phase::BatchForward(l, r) => {
                let batch = self.batches.as_mut().expect("a mini-batch run").current();
                match forward_part(&self.network, l, r, batch.x.view(), &mut batch.pass, work) {
                    Some((l, r)) => Phase::BatchForward(l, r),
                    None => {
                        // The batch's summed loss, as the notebook's compute_cost: its mean × its size.
                        self.epoch_loss += batch.pass.cross_entropy(&batch.y) * batch.y.len() as f64;
                        Phase::Weights(last, 0)
                    }
                }
            }
            Phase::Weights(l, r) => {
                let (network, x, y, pass, grads) = self.update_workspace();
                let layer = &network.layers[l];
                let end = part_end(r, layer.outputs(), layer.inputs() * pass.cols(), work);
                network.backward_weights(l, r..end, x, y, pass, grads);
                match (end < layer.outputs(), l > 0) {
                    (true, _) => Phase::Weights(l, end),
                    (false, true) => Phase::Delta(l, 0),
                    (false, false) => Phase::Descend,
                }
            }
            Phase::Delta(l, r) => {
                let (network, _, _, pass, grads) = self.update_workspace();
                let layer = &network.layers[l];
                let end = part_end(r, layer.inputs(), layer.outputs() * pass.cols(), work);
                network.backward_delta(l, r..end, pass, grads);
                if end < layer.inputs() {
                    Phase::Delta(l, end)
                } else {
                    Phase::Weights(l - 1, 0)
                }
            }
            Phase::Descend => {
                self.descend();
                self.iteration += 1;
                self.begin_evaluate();
                Phase::Forward(0, 0)
            }
            Phase::Forward(l, r) => match self.training_pass_part(l, r, work) {
                Some((l, r)) => Phase::Forward(l, r),
                None => {
                    self.finish_evaluate();
                    if self.push_cost() {
                        self.after_pass(AfterPass::KeptIteration)
                    } else {
                        self.check_divergence();
                        if readable {
                            self.after_pass(AfterPass::ReadableIteration)
                        } else {
                            // `step`: what a page reads is computed when read.
                            Phase::Idle
                        }
                    }
                }
            },
            Phase::InitialForward(l, r) => match self.training_pass_part(l, r, work) {
                Some((l, r)) => Phase::InitialForward(l, r),
                None => {
                    self.finish_evaluate();
                    self.initial_cost = self.cost;
                    self.history.push(self.iteration, self.cost);
                    self.after_pass(AfterPass::FirstEvaluation)
                }
            },
            Phase::InitialCost(l, r) => {
                let pass = match self.regularization.dropout_pass_mut() {
                    Some(pass) => pass,
                    None => &mut self.pass,
                };
                match forward_part(&self.initial, l, r, self.train.x.view(), pass, work) {
                    Some((l, r)) => Phase::InitialCost(l, r),
                    None => {
                        self.initial_cost =
                            self.regularization
                                .cost_of_passes(&self.initial, &self.train.y, &self.pass);
                        // The restored parameters' pass, with their iteration's masks.
                        self.begin_evaluate();
                        Phase::RestoredForward(0, 0)
                    }
                }
            }
            Phase::RestoredForward(l, r) => match self.training_pass_part(l, r, work) {
                Some((l, r)) => Phase::RestoredForward(l, r),
                None => {
                    self.finish_evaluate();
                    self.history.push(self.iteration, self.cost);
                    self.check_restored();
                    self.after_pass(AfterPass::FirstEvaluation)
                }
            },
            Phase::Plain { layer, row, then } => {
                let first = self.regularization.dropout_pass();
                let x = self.train.x.view();
                match forward_part_above(&self.network, layer, row, x, first, &mut self.pass, work) {
                    Some((layer, row)) => Phase::Plain { layer, row, then },
                    None => {
                        self.plain_pass_stale = false;
                        self.after_pass(then)
                    }
                }
            }
            Phase::Test { layer, row, then } => {
                match forward_part(&self.network, layer, row, self.test.x.view(), &mut self.test_pass, work) {
                    Some((layer, row)) => Phase::Test { layer, row, then },
                    None => {
                        self.test_metrics = Some(test_metrics_of(&self.test_pass, &self.test.y));
                        self.after_pass(then)
                    }
                }
            }
            Phase::Record => {
                self.record_metrics();
                self.check_divergence();
                Phase::Idle
            }
        };
        match self.phase {
            Phase::Idle if evaluating => Advance::Evaluated,
            Phase::Idle => Advance::Iterated,
            _ => Advance::Partway,
        }
    }

    /// One part of the training pass of the current parameters (the
    /// dropped-out one with dropout, whose J the run reports): rows from
    /// `r` of layer `l`; where the next part starts, `None` when done.
    fn training_pass_part(&mut self, l: usize, r: usize, work: usize) -> Option<(usize, usize)> {
        let pass = match self.regularization.dropout_pass_mut() {
            Some(pass) => pass,
            None => &mut self.pass,
        };
        forward_part(&self.network, l, r, self.train.x.view(), pass, work)
    }

    /// The phase after the training pass or a plain or test pass, for what
    /// `then` says they serve: the plain pass while stale, then the test
    /// pass while its metrics are unknown (the two are independent: either
    /// order gives the same bits), then the end of what they served.
    fn after_pass(&mut self, then: AfterPass) -> Phase {
        if self.plain_pass_stale {
            return Phase::Plain { layer: 1, row: 0, then };
        }
        let test_due = self.test_metrics.is_none() && !self.test.is_empty();
        match then {
            // A first point the cost curve did not keep needs no metrics.
            AfterPass::FirstEvaluation if !self.curve_keeps_iteration() => Phase::Idle,
            _ if test_due => Phase::Test { layer: 0, row: 0, then },
            AfterPass::KeptIteration => Phase::Record,
            AfterPass::ReadableIteration => Phase::Idle,
            AfterPass::FirstEvaluation => {
                // The evaluation is done: the readers below see the run as it is.
                self.phase = Phase::Idle;
                self.record_metrics();
                Phase::Idle
            }
        }
    }
}

/// #15: which of the course's steps of an iteration the run's next part
/// computes, so that a page training in parts can say what is under way
/// (the formulas' highlight). Layers count from 1, as the course's do. The
/// trainer's iteration is the course's from its backward pass on: the
/// gradients of the kept forward pass, the update, then the new
/// parameters' forward pass and J.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterationStep {
    /// Z[l] and A[l] of a forward pass of the training points (or of the
    /// mini-batch); at the output layer J follows in the same part.
    Forward(usize),
    /// dW[l] and db[l]; at the output layer dZ[L] = A[L] − Y first.
    Gradients(usize),
    /// dZ[l], from dZ[l+1] (a hidden layer's).
    Delta(usize),
    /// The parameters' update (with the penalties' gradient terms).
    Update,
    /// What the page reads beyond the course's steps: the plain pass left
    /// behind by dropout, the held-out points' pass, the curves' points.
    Metrics,
}

impl Trainer {
    /// The step of the iteration (or of the first evaluation) under way,
    /// which [`Self::advance`] goes on with; `None` between iterations.
    pub fn iteration_step(&self) -> Option<IterationStep> {
        Some(match self.phase {
            Phase::Idle => return None,
            Phase::BatchForward(l, _)
            | Phase::Forward(l, _)
            | Phase::InitialForward(l, _)
            | Phase::InitialCost(l, _)
            | Phase::RestoredForward(l, _) => IterationStep::Forward(l + 1),
            Phase::Weights(l, _) => IterationStep::Gradients(l + 1),
            // Delta(l) computes dZ of the layer below l (0-based): the course's layer l.
            Phase::Delta(l, _) => IterationStep::Delta(l),
            Phase::Descend => IterationStep::Update,
            Phase::Plain { .. } | Phase::Test { .. } | Phase::Record => IterationStep::Metrics,
        })
    }
}

/// About how many multiply-adds one phase of an iteration does (a few ms in
/// the browser): a layer of the largest network allowed (64 units of 64
/// inputs over 10,000 points) is about ten phases; a small one's layer is one.
pub const PART_WORK: usize = 1 << 22;

/// Where a phase that starts at row `start` of `total`, each row
/// `row_work` multiply-adds, ends: about `work` multiply-adds on.
fn part_end(start: usize, total: usize, row_work: usize, work: usize) -> usize {
    let rows = (work / row_work.max(1)).max(1);
    (start + rows).min(total)
}

/// One phase of a forward pass over `x`: rows from `r` of layer `l`; where
/// the next phase starts, `None` after the output layer.
fn forward_part(
    network: &Network,
    l: usize,
    r: usize,
    x: ArrayView2<f64>,
    pass: &mut ForwardPass,
    work: usize,
) -> Option<(usize, usize)> {
    forward_part_above(network, l, r, x, None, pass, work)
}

/// [`forward_part`]; with `first`, of a plain pass from layer 2 on
/// `first`'s A[1] (see [`Network::forward_rows_above_first`]).
fn forward_part_above(
    network: &Network,
    l: usize,
    r: usize,
    x: ArrayView2<f64>,
    first: Option<&ForwardPass>,
    pass: &mut ForwardPass,
    work: usize,
) -> Option<(usize, usize)> {
    let layer = &network.layers[l];
    // #15: a workspace allocated as the pass reaches it is a part of its own.
    if pass.allocate_layer(l, layer.outputs()) {
        return Some((l, r));
    }
    let end = part_end(r, layer.outputs(), layer.inputs() * pass.cols(), work);
    match first {
        Some(first) => network.forward_rows_above_first(l, r..end, x, first, pass),
        None => network.forward_rows(l, r..end, x, pass),
    }
    if end < layer.outputs() {
        Some((l, end))
    } else {
        (l + 1 < network.layers.len()).then_some((l + 1, 0))
    }
}
