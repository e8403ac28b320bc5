//! The cost curve of a whole run in bounded memory: every `stride`-th
//! iteration is kept, and when the buffer fills, every other point is
//! dropped and the stride doubles. Pushing never allocates.

use alloc::vec::Vec;

#[derive(Clone, Debug)]
pub struct CostHistory {
    capacity: usize,
    /// The stride of an empty history.
    first_stride: u64,
    stride: u64,
    iterations: Vec<f64>,
    costs: Vec<f64>,
}

impl CostHistory {
    /// `capacity` must be even and at least 2.
    pub fn new(capacity: usize) -> Self {
        Self::with_first_stride(capacity, 1)
    }

    /// A history that keeps every `first_stride`-th iteration until it
    /// fills (then every 2·`first_stride`-th, …).
    pub fn with_first_stride(capacity: usize, first_stride: u64) -> Self {
        assert!(capacity >= 2 && capacity.is_multiple_of(2) && first_stride >= 1);
        Self {
            capacity,
            first_stride,
            stride: first_stride,
            iterations: Vec::with_capacity(capacity),
            costs: Vec::with_capacity(capacity),
        }
    }

    pub fn clear(&mut self) {
        self.stride = self.first_stride;
        self.iterations.clear();
        self.costs.clear();
    }

    /// Records the cost after `iteration` updates if it falls on the stride.
    pub fn push(&mut self, iteration: u64, cost: f64) {
        if !iteration.is_multiple_of(self.stride) {
            return;
        }
        if self.costs.len() == self.capacity {
            self.halve();
            if !iteration.is_multiple_of(self.stride) {
                return;
            }
        }
        self.iterations.push(iteration as f64);
        self.costs.push(cost);
    }

    fn halve(&mut self) {
        let kept = self.capacity / 2;
        for i in 0..kept {
            self.iterations[i] = self.iterations[2 * i];
            self.costs[i] = self.costs[2 * i];
        }
        self.iterations.truncate(kept);
        self.costs.truncate(kept);
        self.stride *= 2;
    }

    /// The iterations kept (as f64, so JS can read them as a Float64Array).
    pub fn iterations(&self) -> &[f64] {
        &self.iterations
    }

    pub fn costs(&self) -> &[f64] {
        &self.costs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_bounded_and_keeps_the_start_and_evenly_spaced_points() {
        let mut h = CostHistory::new(8);
        for i in 0..=100 {
            h.push(i, i as f64);
        }
        assert!(h.costs().len() <= 8);
        assert_eq!(h.iterations()[0], 0.0);
        let gaps: Vec<f64> = h.iterations().windows(2).map(|w| w[1] - w[0]).collect();
        assert!(gaps.iter().all(|&g| g == gaps[0]), "{:?}", h.iterations());
        assert!(*h.iterations().last().unwrap() > 80.0);
    }
}
