//! #15: the batch's gradients ([`Trainer::gradients`]) in parts. At six
//! 64-unit layers and 10,000 points they are a backward pass of ~2 × 10⁸
//! multiply-adds (0.15–0.4 s in a page): [`Trainer::gradients_advance`]
//! does a few rows of one layer at a time, within a budget, so a page can
//! spread them over tasks. `gradients()` is that computation done at once
//! (or nothing, when it is complete): the same rows, so the same bits
//! however the work is split. It fills the run's own grads workspace, so
//! there is one at a time, kept until the run changes.

use super::*;

/// Where the computation of the batch's gradients has got to: the
/// backward pass's parts, as [`Network::backward`] orders them, then the
/// penalties' terms; (l, r) is layer l from row r. Any change of the run
/// (an iteration or a part of one, a reset, a restore, new points) puts it
/// back at the start (`Trainer::changed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum GradientsPart {
    /// Nothing computed for the current parameters yet.
    Start,
    /// dW[l], db[l] (dZ[L] first, at the output layer).
    Weights(usize, usize),
    /// dZ[l−1], whose rows are layer l's inputs.
    Delta(usize, usize),
    /// L2's and L1's terms of every dW.
    Penalties,
    /// The run's grads workspace holds the current parameters' gradients.
    Done,
}

use GradientsPart as Part;

impl Trainer {
    /// dW[l] and db[l] of the current parameters on the whole training set:
    /// with full-batch GD, the gradient the next update subtracts (α times
    /// it); with mini-batches, what the batches' gradients average to, and
    /// what the optimizers' v and s average. Computed here from the kept forward
    /// pass into the run's own workspace, without allocating; training is
    /// unchanged, since every step computes it afresh. Zero without
    /// training points.
    pub fn gradients(&mut self) -> &Gradients {
        // #15: the computation in parts done at once (`gradients.rs`).
        self.gradients_advance(usize::MAX);
        &self.grads
    }

    /// Goes on computing the batch's gradients of the current parameters
    /// (see [`Self::gradients`]) for about `work` multiply-adds (at least
    /// one row's); true when they are complete — [`Self::gradients`] then
    /// gives them without computing anything. Between iterations only, as
    /// `gradients()`; after any change of the run it starts over, so what
    /// it completes is always the gradients of the parameters as they are.
    pub fn gradients_advance(&mut self, work: usize) -> bool {
        let mut done = 0usize;
        while self.gradients_part != Part::Done && done < work {
            let (next, cost) = self.compute_gradients_part(self.gradients_part, work - done);
            self.gradients_part = next;
            done = done.saturating_add(cost);
        }
        self.gradients_part == Part::Done
    }

    /// As many rows of `part`'s layer as `work` multiply-adds allow (at
    /// least one; the penalties are one part); the next part and the
    /// multiply-adds done.
    fn compute_gradients_part(&mut self, part: Part, work: usize) -> (Part, usize) {
        let network = &self.network;
        let pass = self.regularization.update_pass(&self.pass);
        let m = pass.cols();
        // Rows from `row` of `n`, each `cost` multiply-adds: as many as `work` allows (any budget, up to usize::MAX).
        let rows = |row: usize, n: usize, cost: usize| row..row.saturating_add((work / cost.max(1)).max(1)).min(n);
        match part {
            // Nothing to compute without training points: the gradients stay zero.
            Part::Start if self.train.is_empty() => (Part::Done, 0),
            Part::Start => (Part::Weights(network.layers.len() - 1, 0), 0),
            Part::Weights(l, row) => {
                let (n, cost) = (network.layers[l].outputs(), network.layers[l].inputs() * m);
                let rows = rows(row, n, cost);
                let (end, done) = (rows.end, rows.len() * cost);
                network.backward_weights(l, rows, self.train.x.view(), &self.train.y, pass, &mut self.grads);
                let next = match (end < n, l > 0) {
                    (true, _) => Part::Weights(l, end),
                    (false, true) => Part::Delta(l, 0),
                    (false, false) => Part::Penalties,
                };
                (next, done)
            }
            Part::Delta(l, row) => {
                let (n, cost) = (network.layers[l].inputs(), network.layers[l].outputs() * m);
                let rows = rows(row, n, cost);
                let (end, done) = (rows.end, rows.len() * cost);
                network.backward_delta(l, rows, pass, &mut self.grads);
                let next = match end < n {
                    true => Part::Delta(l, end),
                    false => Part::Weights(l - 1, 0),
                };
                (next, done)
            }
            Part::Penalties => {
                self.regularization.add_penalty_gradients(network, m, &mut self.grads);
                (Part::Done, network.parameter_count())
            }
            Part::Done => (Part::Done, 0),
        }
    }

    /// Marks the run changed: the gradients computed, or being computed,
    /// are not the current parameters' any more.
    pub(super) fn changed(&mut self) {
        self.gradients_part = Part::Start;
    }
}
