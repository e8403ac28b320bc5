//! Dropout's fresh masks (`dropout-masks=fresh`, see `regularization`):
//! each pass's from SplitMix64 started at seed·2³² + iteration, two units
//! per 64-bit draw (its high 32 bits, then its low 32 bits; each layer
//! starts on a new draw), a unit kept where its 32 bits < keep_prob·2³².
//! Integer operations only, so the same masks on every target; sixteen
//! units at a time with AVX-512 where the CPU has it.

use crate::fastmath;
use crate::network::ForwardPass;

/// The fresh masks of the pass after `iteration` updates (see the module's
/// comment): SplitMix64, two units per draw.
pub(crate) fn draw_fresh_masks(pass: &mut ForwardPass, seed: u32, iteration: u64, keep_prob: f64) {
    let mut state = ((seed as u64) << 32).wrapping_add(iteration);
    // A whole number is below keep_prob·2³² exactly when it is below its ceiling.
    let threshold = libm::ceil(keep_prob * 4_294_967_296.0) as u64;
    for mask in pass.dropout_masks_mut() {
        let mask = mask.as_slice_mut().expect("masks are stored contiguously");
        let first = state;
        #[allow(unused_mut)]
        let mut drawn = 0;
        #[cfg(all(feature = "std", target_arch = "x86_64"))]
        if avx512::applies() {
            // SAFETY: the CPU has AVX-512F and DQ.
            drawn = unsafe { avx512::draw_pairs(mask, first, threshold) };
        }
        // Each draw from its index, not from the one before (SplitMix64's
        // state only adds γ), so the draws vectorise; the helpers are
        // inlined functions, not closures, for the same reason.
        fastmath::wide_integers(
            #[inline(always)]
            || {
                let whole_pairs = mask.len() / 2;
                let mut pairs = mask[2 * drawn..].chunks_exact_mut(2);
                for (k, pair) in (&mut pairs).enumerate() {
                    let bits = splitmix64_draw(first, drawn + k);
                    pair[0] = keep_unit(bits >> 32, threshold);
                    pair[1] = keep_unit(bits, threshold);
                }
                if let [last] = pairs.into_remainder() {
                    *last = keep_unit(splitmix64_draw(first, whole_pairs) >> 32, threshold);
                }
            },
        );
        state = first.wrapping_add((mask.len().div_ceil(2) as u64).wrapping_mul(GAMMA));
    }
}

/// 1.0 where the low 32 bits of `bits` are below `threshold`, else 0.0:
/// from the comparison's bit, without a branch (which units drop is
/// random: a branch would miss) and without a conversion.
#[inline(always)]
fn keep_unit(bits: u64, threshold: u64) -> f64 {
    f64::from_bits((((bits & 0xffff_ffff) < threshold) as u64).wrapping_neg() & ONE_BITS)
}

/// 1.0's bits.
const ONE_BITS: u64 = 0x3ff0_0000_0000_0000;

/// SplitMix64's increment γ.
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// Draw `k` (from 0) of SplitMix64 started at `state` (Steele, Lea and
/// Flood, 2014: the state adds γ before each output): integer operations
/// only, so the same on every target.
#[inline(always)]
fn splitmix64_draw(state: u64, k: usize) -> u64 {
    let mut z = state.wrapping_add((k as u64 + 1).wrapping_mul(GAMMA));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The fresh draws sixteen units at a time with AVX-512: SplitMix64's
/// integer steps on eight draws per vector (AVX-512DQ's 64-bit product),
/// each draw's halves swapped so that its 32-bit lanes are the units in
/// order, one comparison, and the masks' 1.0s stored under its bits —
/// the same integers, so the same masks as the loop above.
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod avx512 {
    extern crate std;

    use core::arch::x86_64::*;

    use super::GAMMA;

    pub(super) fn applies() -> bool {
        std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512dq")
    }

    /// The masks of the first whole groups of eight draws (sixteen units)
    /// of `mask`, from draw 0 at `first`; how many draws that was.
    ///
    /// # Safety
    /// [`applies`].
    #[target_feature(enable = "avx512f,avx512dq")]
    pub(super) unsafe fn draw_pairs(mask: &mut [f64], first: u64, threshold: u64) -> usize {
        let groups = mask.len() / 16;
        let indices = _mm512_setr_epi64(1, 2, 3, 4, 5, 6, 7, 8);
        // Draw k's state, first + (k + 1)·γ, for k = 0 … 7, then 8 further each group.
        let mut state = _mm512_add_epi64(
            _mm512_set1_epi64(first as i64),
            _mm512_mullo_epi64(indices, _mm512_set1_epi64(GAMMA as i64)),
        );
        let step = _mm512_set1_epi64(GAMMA.wrapping_mul(8) as i64);
        let (c1, c2) = (
            _mm512_set1_epi64(0xbf58_476d_1ce4_e5b9_u64 as i64),
            _mm512_set1_epi64(0x94d0_49bb_1331_11eb_u64 as i64),
        );
        // A threshold of 2³² keeps every unit; below it, a 32-bit comparison.
        let all_kept = threshold > u32::MAX as u64;
        let below = _mm512_set1_epi32(threshold.min(u32::MAX as u64) as u32 as i32);
        let ones = _mm512_set1_pd(1.0);
        for cells in mask.chunks_exact_mut(16) {
            let mut z = state;
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64::<30>(z)), c1);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64::<27>(z)), c2);
            z = _mm512_xor_si512(z, _mm512_srli_epi64::<31>(z));
            // Lanes 2j, 2j + 1: draw j's high then low 32 bits, units 2j and 2j + 1.
            let units = _mm512_ror_epi64::<32>(z);
            let keep = if all_kept {
                0xffff
            } else {
                _mm512_cmplt_epu32_mask(units, below)
            };
            // SAFETY: `cells` holds sixteen.
            unsafe {
                _mm512_storeu_pd(cells.as_mut_ptr(), _mm512_maskz_mov_pd(keep as u8, ones));
                _mm512_storeu_pd(cells.as_mut_ptr().add(8), _mm512_maskz_mov_pd((keep >> 8) as u8, ones));
            }
            state = _mm512_add_epi64(state, step);
        }
        groups * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::{Init, Network};

    #[test]
    fn fresh_masks_keep_about_keep_prob_of_the_units_and_change_every_iteration() {
        let network = Network::new(&[2, 20, 3, 1], Activation::Relu, Init::He, 3);
        let mut pass = ForwardPass::with_dropout(&network, 211, 0.86);
        draw_fresh_masks(&mut pass, 3, 0, 0.86);
        let first: alloc::vec::Vec<f64> = pass
            .dropout_masks_mut()
            .iter()
            .flat_map(|m| m.iter().copied())
            .collect();
        let kept = first.iter().sum::<f64>() / first.len() as f64;
        assert!((kept - 0.86).abs() < 0.02, "{kept}");
        draw_fresh_masks(&mut pass, 3, 1, 0.86);
        let second: alloc::vec::Vec<f64> = pass
            .dropout_masks_mut()
            .iter()
            .flat_map(|m| m.iter().copied())
            .collect();
        assert_ne!(first, second);
        draw_fresh_masks(&mut pass, 3, 0, 0.86);
        let again: alloc::vec::Vec<f64> = pass
            .dropout_masks_mut()
            .iter()
            .flat_map(|m| m.iter().copied())
            .collect();
        assert_eq!(first, again, "the seed and the iteration decide");
    }

    /// The draws from each one's index are SplitMix64's sequence: state
    /// += γ before each output; the same whether drawn sixteen units at a
    /// time (AVX-512, where the CPU has it) or one pair at a time (the
    /// rest, and elsewhere), for odd and even layer sizes and every kind of
    /// threshold (2³², keeping every unit, included).
    #[test]
    fn fresh_masks_follow_splitmix64_draw_by_draw() {
        let shapes = [(&[2, 3, 5, 1][..], 7), (&[2, 20, 3, 1], 211), (&[2, 1, 9, 1], 16)];
        let almost_one = 1.0 - libm::ldexp(1.0, -40);
        for (sizes, cols) in shapes {
            for keep_prob in [0.5, 0.86, 0.123_456_789, almost_one, 1e-9] {
                let threshold = libm::ceil(keep_prob * 4_294_967_296.0) as u64;
                let network = Network::new(sizes, Activation::Relu, Init::He, 3);
                let mut pass = ForwardPass::with_dropout(&network, cols, keep_prob);
                draw_fresh_masks(&mut pass, 9, 41, keep_prob);
                // SplitMix64 as its authors write it: the state adds γ, then the output mix.
                let mut state = (9u64 << 32) + 41;
                let mut next = || {
                    state = state.wrapping_add(GAMMA);
                    let mut z = state;
                    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                    z ^ (z >> 31)
                };
                for mask in pass.dropout_masks_mut() {
                    let mut expected = alloc::vec::Vec::new();
                    while expected.len() < mask.len() {
                        let bits = next();
                        expected.extend([bits >> 32, bits & 0xffff_ffff].map(|half| (half < threshold) as u8 as f64));
                    }
                    expected.truncate(mask.len());
                    assert_eq!(
                        mask.as_slice().unwrap(),
                        expected,
                        "{sizes:?} × {cols}, keep_prob {keep_prob}: each layer starts on a new draw"
                    );
                }
                if keep_prob == almost_one {
                    assert!(pass.dropout_masks_mut().iter().all(|m| m.iter().all(|&d| d == 1.0)));
                }
            }
        }
    }
}
