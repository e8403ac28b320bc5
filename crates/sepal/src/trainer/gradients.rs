//! #15: the batch's gradients ([`Trainer::gradients`]) in parts. At six
//! 64-unit layers and 10,000 points they are a backward pass of ~2 × 10⁸
//! multiply-adds (0.15–0.4 s in a page): [`Trainer::gradients_advance`]
//! does a few rows of one layer at a time, within a budget, so a page can
//! spread them over tasks. `gradients()` is such a run done at once: the
//! same rows, so the same bits however the work is split.

use super::*;

/// Where a computation of the batch's gradients has got to
/// ([`Trainer::gradients_begin`]). It is the run's own grads workspace that
/// fills up, so one such computation is under way at a time: beginning
/// another, or any change of the run (an iteration or a part of one, a
/// reset, a restore, new points), makes an earlier one start over at its
/// next advance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradientsRun {
    /// How many times the trainer had changed when it began.
    of: u64,
    part: Part,
}

/// The backward pass's parts, as [`Network::backward`] orders them, then
/// the penalties' terms: (l, r) is layer l from row r.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// dW[l], db[l] (dZ[L] first, at the output layer).
    Weights(usize, usize),
    /// dZ[l−1], whose rows are layer l's inputs.
    Delta(usize, usize),
    /// L2's and L1's terms of every dW.
    Penalties,
    Done,
}

impl Trainer {
    /// Starts computing the batch's gradients of the current parameters
    /// (see [`Self::gradients`]) in parts; any run begun before starts over.
    pub fn gradients_begin(&mut self) -> GradientsRun {
        self.changed();
        GradientsRun {
            of: self.changes,
            part: self.first_gradients_part(),
        }
    }

    /// Does about `work` multiply-adds of `run` (at least one row's); true
    /// when it is complete: then [`Self::gradients_of`] gives them. Between
    /// iterations only, as [`Self::gradients`]. A run the trainer changed
    /// under starts over here (what it computes is always the gradients of
    /// the parameters as they are).
    pub fn gradients_advance(&mut self, run: &mut GradientsRun, work: usize) -> bool {
        if run.of != self.changes {
            *run = self.gradients_begin();
        }
        let mut done = 0usize;
        while run.part != Part::Done && done < work {
            let (next, cost) = self.gradients_part(run.part, work - done);
            run.part = next;
            done = done.saturating_add(cost);
        }
        run.part == Part::Done
    }

    /// The gradients `run` computed, once complete and while the trainer has
    /// not changed since.
    pub fn gradients_of(&self, run: &GradientsRun) -> Option<&Gradients> {
        (run.part == Part::Done && run.of == self.changes).then_some(&self.grads)
    }

    /// Where a computation of the gradients starts: nothing to do without
    /// training points (they stay zero).
    fn first_gradients_part(&self) -> Part {
        match self.train.is_empty() {
            true => Part::Done,
            false => Part::Weights(self.network.layers.len() - 1, 0),
        }
    }

    /// As many rows of `part`'s layer as `work` multiply-adds allow (at
    /// least one; the penalties are one part); the next part and the
    /// multiply-adds done.
    fn gradients_part(&mut self, part: Part, work: usize) -> (Part, usize) {
        let network = &self.network;
        let pass = self.regularization.update_pass(&self.pass);
        let m = pass.cols();
        // `k` rows from `row` of `n`, each `cost` multiply-adds: as many as `work` allows.
        let rows = |row: usize, n: usize, cost: usize| row..(row + (work / cost.max(1)).max(1)).min(n);
        match part {
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

    /// Marks the run changed: a computation of the gradients under way
    /// starts over.
    pub(super) fn changed(&mut self) {
        self.changes = self.changes.wrapping_add(1);
    }
}
