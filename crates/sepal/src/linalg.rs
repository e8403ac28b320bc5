//! The few matrix products the course needs, named after the course's
//! W·A + b, dZ·Aᵀ and Wᵀ·dZ, as fixed-order loops over row-major slices:
//! the same additions in the same order on every target, so native and
//! wasm runs agree to the last bit (no BLAS, no FMA).
//!
//! Every loop is written for the compiler's loop vectoriser, which keeps
//! each element's operations as written: products run along the examples
//! (one output element per lane) and take up to four inputs per pass.
//! Sums over the examples — the gradients' reductions — would need
//! reordering to vectorise, which the compiler never does on its own, so
//! they are split into lanes here, explicitly and the same way on every
//! target: lane l adds the terms k ≡ l (mod 4) of the first 4·⌊m/4⌋ in
//! order, the lanes combine as (l0 + l2) + (l1 + l3) (two 2-wide vectors
//! added, then their halves), and the last m mod 4 terms follow in order.
//! In wasm the gradients' lanes are written out as two 2-lane vectors
//! (`block_dots_and_sum`), where the vectoriser did badly.

use crate::fastmath::wide;

/// Lanes of a sum over examples.
pub const LANES: usize = 4;

#[inline(always)]
fn fold(l: [f64; LANES]) -> f64 {
    (l[0] + l[2]) + (l[1] + l[3])
}

/// Σ_k d[k]·rows[r][k] for each of the N rows, and Σ_k d[k], each in the
/// lane order, in one pass over d: N + 1 independent sums, so that no add
/// waits for the one before it.
#[inline(always)]
fn dots_and_sum<const N: usize>(d: &[f64], rows: [&[f64]; N]) -> ([f64; N], f64) {
    let m = d.len();
    // Blocks of LANES as arrays, every row cut to d's blocks: the loop has
    // no bounds checks.
    let (d_blocks, _) = d.as_chunks::<LANES>();
    let row_blocks = rows.map(|r| &r[..m].as_chunks::<LANES>().0[..d_blocks.len()]);
    let (mut dots, mut sum) = block_dots_and_sum(d_blocks, row_blocks);
    let rows = rows.map(|r| &r[..m]);
    for k in d_blocks.len() * LANES..m {
        for (dot, row) in dots.iter_mut().zip(&rows) {
            *dot += d[k] * row[k];
        }
        sum += d[k];
    }
    (dots, sum)
}

/// The lane sums of `dots_and_sum` over whole blocks, folded.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn block_dots_and_sum<const N: usize>(d: &[[f64; LANES]], rows: [&[[f64; LANES]]; N]) -> ([f64; N], f64) {
    let mut lanes = [[0.0; LANES]; N];
    let mut sum_lanes = [0.0; LANES];
    for (b, d) in d.iter().enumerate() {
        for (lanes, row) in lanes.iter_mut().zip(&rows) {
            let row = &row[b];
            for l in 0..LANES {
                lanes[l] += d[l] * row[l];
            }
        }
        for l in 0..LANES {
            sum_lanes[l] += d[l];
        }
    }
    (lanes.map(fold), fold(sum_lanes))
}

/// The same in wasm, lanes 0–1 and 2–3 as two 2-lane vectors written out:
/// the same operations on every lane, but LLVM's SLP vectoriser made
/// lane shuffles and single-lane products of the loop above (in V8 ~1.7×
/// the instructions, dW 35–40 % slower).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn block_dots_and_sum<const N: usize>(d: &[[f64; LANES]], rows: [&[[f64; LANES]]; N]) -> ([f64; N], f64) {
    use core::arch::wasm32::{f64x2, f64x2_add, f64x2_extract_lane, f64x2_mul, v128};
    let halves = |x: &[f64; LANES]| (f64x2(x[0], x[1]), f64x2(x[2], x[3]));
    // (l0 + l2) + (l1 + l3), as `fold`.
    let fold2 = |low: v128, high: v128| {
        let pairs = f64x2_add(low, high);
        f64x2_extract_lane::<0>(pairs) + f64x2_extract_lane::<1>(pairs)
    };
    let zero = f64x2(0.0, 0.0);
    let mut lanes = [(zero, zero); N];
    let mut sum_lanes = (zero, zero);
    for (b, d) in d.iter().enumerate() {
        let (d_low, d_high) = halves(d);
        for (lanes, row) in lanes.iter_mut().zip(&rows) {
            let (row_low, row_high) = halves(&row[b]);
            lanes.0 = f64x2_add(lanes.0, f64x2_mul(d_low, row_low));
            lanes.1 = f64x2_add(lanes.1, f64x2_mul(d_high, row_high));
        }
        sum_lanes.0 = f64x2_add(sum_lanes.0, d_low);
        sum_lanes.1 = f64x2_add(sum_lanes.1, d_high);
    }
    (
        lanes.map(|(low, high)| fold2(low, high)),
        fold2(sum_lanes.0, sum_lanes.1),
    )
}

/// Σ_k f(a[k], b[k]) in the lane order, f evaluated a block at a time into
/// a buffer on the stack (so that a vectorisable f is vectorised).
#[inline(always)]
pub fn sum_map(a: &[f64], b: &[f64], f: impl Fn(f64, f64) -> f64) -> f64 {
    const BLOCK: usize = 64;
    let len = a.len().min(b.len());
    let full = len - len % LANES;
    let mut lanes = [0.0; LANES];
    let mut terms = [0.0; BLOCK];
    for (a, b) in a[..full].chunks(BLOCK).zip(b[..full].chunks(BLOCK)) {
        let terms = &mut terms[..a.len()];
        for (t, (&a, &b)) in terms.iter_mut().zip(a.iter().zip(b)) {
            *t = f(a, b);
        }
        for x in terms.chunks_exact(LANES) {
            for l in 0..LANES {
                lanes[l] += x[l];
            }
        }
    }
    let mut sum = fold(lanes);
    for (&a, &b) in a[full..len].iter().zip(&b[full..len]) {
        sum += f(a, b);
    }
    sum
}

/// Σ_k t[k] for k < len in the lane order, where `fill(start, block)`
/// writes the terms t[start..start + block.len()] into a buffer on the
/// stack — for terms computed from several slices, zipped by the caller so
/// that its loop vectorises. `fill` covers the first 4·⌊len/4⌋ terms in
/// blocks, then the last len mod 4 in one.
#[inline(always)]
pub fn sum_filled(len: usize, mut fill: impl FnMut(usize, &mut [f64])) -> f64 {
    const BLOCK: usize = 64;
    let full = len - len % LANES;
    let mut lanes = [0.0; LANES];
    let mut terms = [0.0; BLOCK];
    let mut start = 0;
    while start < full {
        let n = BLOCK.min(full - start);
        fill(start, &mut terms[..n]);
        for x in terms[..n].chunks_exact(LANES) {
            for l in 0..LANES {
                lanes[l] += x[l];
            }
        }
        start += n;
    }
    let mut sum = fold(lanes);
    fill(full, &mut terms[..len - full]);
    for &x in &terms[..len - full] {
        sum += x;
    }
    sum
}

/// o[k] = (((o[k] + w0·x0[k]) + w1·x1[k]) + …) (+ bias) over up to four
/// inputs, or starting from 0 + w0·x0[k] when `first`. One loop per case,
/// each a plain zip that the loop vectoriser takes.
#[inline(always)]
// `*o = *o + a + b` adds a, then b; `*o += a + b` would add their sum.
#[allow(clippy::assign_op_pattern)]
fn accumulate(o: &mut [f64], w: &[f64], x: [&[f64]; 4], first: bool, bias: Option<f64>) {
    macro_rules! pass {
        ($($x:ident $w:ident),+) => {{
            let n = o.len();
            let [$($x),+, ..] = x;
            let [$($w),+, ..] = *w else { unreachable!() };
            $(let $x = &$x[..n];)+
            match (first, bias) {
                (true, Some(b)) => for (k, o) in o.iter_mut().enumerate() { *o = 0.0 $(+ $w * $x[k])+ + b; },
                (true, None) => for (k, o) in o.iter_mut().enumerate() { *o = 0.0 $(+ $w * $x[k])+; },
                (false, Some(b)) => for (k, o) in o.iter_mut().enumerate() { *o = *o $(+ $w * $x[k])+ + b; },
                (false, None) => for (k, o) in o.iter_mut().enumerate() { *o = *o $(+ $w * $x[k])+; },
            }
        }};
    }
    match w.len() {
        4 => pass!(x0 w0, x1 w1, x2 w2, x3 w3),
        3 => pass!(x0 w0, x1 w1, x2 w2),
        2 => pass!(x0 w0, x1 w1),
        _ => pass!(x0 w0),
    }
}

/// Two rows of `accumulate` with `first` (and the bias, if any) in one
/// loop: o0[k] = ((0 + w0[0]·x0[k]) + …) (+ b0), the same for o1 with w1.
#[inline(always)]
#[allow(clippy::assign_op_pattern)]
fn accumulate_two(o0: &mut [f64], o1: &mut [f64], w0: &[f64], w1: &[f64], x: [&[f64]; 2], bias: Option<(f64, f64)>) {
    macro_rules! pass {
        ($($x:ident $v:ident $u:ident),+) => {{
            let n = o0.len();
            let o1 = &mut o1[..n];
            let [$($x),+, ..] = x;
            let [$($v),+, ..] = *w0 else { unreachable!() };
            let [$($u),+, ..] = *w1 else { unreachable!() };
            $(let $x = &$x[..n];)+
            match bias {
                Some((b0, b1)) => for (k, (o0, o1)) in o0.iter_mut().zip(o1.iter_mut()).enumerate() {
                    *o0 = 0.0 $(+ $v * $x[k])+ + b0;
                    *o1 = 0.0 $(+ $u * $x[k])+ + b1;
                },
                None => for (k, (o0, o1)) in o0.iter_mut().zip(o1.iter_mut()).enumerate() {
                    *o0 = 0.0 $(+ $v * $x[k])+;
                    *o1 = 0.0 $(+ $u * $x[k])+;
                },
            }
        }};
    }
    match w0.len() {
        2 => pass!(x0 v0 u0, x1 v1 u1),
        _ => pass!(x0 v0 u0),
    }
}

/// out = weight·x (+ bias), out: n_out×cols, x: n_in×cols; each element
/// ((0 + weight(r,0)·x[0,k]) + weight(r,1)·x[1,k] + …) (+ bias[r]).
#[inline(always)]
fn product(weight: impl Fn(usize, usize) -> f64, bias: Option<&[f64]>, x: &[f64], out: &mut [f64], cols: usize) {
    if cols == 0 {
        return;
    }
    let n_in = x.len() / cols;
    let row = |j: usize| &x[(j * cols).min(x.len())..((j + 1) * cols).min(x.len())];
    let mut paired = 0;
    if (1..=2).contains(&n_in) {
        // One or two inputs (the hidden layer's W1·X, and W2ᵀ·dZ2 under a
        // one-unit output): two output rows a pass, sharing the loads of x
        // (fewer inputs per pass than `accumulate` takes: each case costs
        // ~1 KB of wasm).
        let pairs = out.len() / (2 * cols);
        for (p, two) in out[..pairs * 2 * cols].chunks_exact_mut(2 * cols).enumerate() {
            let (o0, o1) = two.split_at_mut(cols);
            let r = 2 * p;
            let w = |r: usize| -> [f64; 2] { core::array::from_fn(|g| if g < n_in { weight(r, g) } else { 0.0 }) };
            let (w0, w1) = (w(r), w(r + 1));
            let b = bias.map(|b| (b[r], b[r + 1]));
            accumulate_two(o0, o1, &w0[..n_in], &w1[..n_in], [row(0), row(1)], b);
        }
        paired = 2 * pairs;
    }
    for (r, o) in out.chunks_exact_mut(cols).enumerate().skip(paired) {
        let b = bias.map(|b| b[r]);
        if n_in == 0 {
            o.fill(b.map_or(0.0, |b| 0.0 + b));
        }
        let mut j = 0;
        while j < n_in {
            let n = (n_in - j).min(4);
            let w: [f64; 4] = core::array::from_fn(|g| if g < n { weight(r, j + g) } else { 0.0 });
            let last_b = if j + n == n_in { b } else { None };
            accumulate(o, &w[..n], [row(j), row(j + 1), row(j + 2), row(j + 3)], j == 0, last_b);
            j += n;
        }
    }
}

/// z = w·x + b, with w: n_out×n_in, x: n_in×cols, z: n_out×cols, b: n_out.
/// Each z[i,k] is ((0 + w[i,0]x[0,k]) + w[i,1]x[1,k] + …) + b[i].
pub fn matmul_add_bias(w: &[f64], x: &[f64], b: &[f64], z: &mut [f64], cols: usize) {
    let n_in = x.len().checked_div(cols).unwrap_or(0);
    wide(
        #[inline(always)]
        || product(|i, j| w[i * n_in + j], Some(b), x, z, cols),
    );
}

/// dw = scale · dz·aᵀ and db = scale · Σ_k dz[·,k], with dz: n_out×m,
/// a: n_in×m, dw: n_out×n_in; each sum over the m examples in the lane
/// order, a row of dz at a time against up to four rows of a. One function
/// for both, because the row sums come with the dot products' loads.
pub fn scaled_matmul_transpose_and_row_sums(
    scale: f64,
    dz: &[f64],
    a: &[f64],
    dw: &mut [f64],
    db: &mut [f64],
    m: usize,
) {
    // Every layer has inputs; no training step runs without examples.
    debug_assert!(m > 0 && a.len() >= m, "no examples or no inputs");
    wide(
        #[inline(always)]
        || {
            let n_in = a.len() / m;
            let a_row = |j: usize| &a[j * m..(j + 1) * m];
            for ((dz_row, dw_row), db) in dz.chunks_exact(m).zip(dw.chunks_exact_mut(n_in)).zip(db.iter_mut()) {
                let mut j = 0;
                while j < n_in {
                    let n = (n_in - j).min(4);
                    let out = &mut dw_row[j..j + n];
                    let sum = match n {
                        4 => put(
                            out,
                            scale,
                            dots_and_sum(dz_row, [a_row(j), a_row(j + 1), a_row(j + 2), a_row(j + 3)]),
                        ),
                        3 => put(out, scale, dots_and_sum(dz_row, [a_row(j), a_row(j + 1), a_row(j + 2)])),
                        2 => put(out, scale, dots_and_sum(dz_row, [a_row(j), a_row(j + 1)])),
                        _ => put(out, scale, dots_and_sum(dz_row, [a_row(j)])),
                    };
                    if j == 0 {
                        *db = scale * sum;
                    }
                    j += n;
                }
            }
        },
    );
}

/// out = scale · dots; returns the sum that came with them.
#[inline(always)]
fn put<const N: usize>(out: &mut [f64], scale: f64, (dots, sum): ([f64; N], f64)) -> f64 {
    for (o, d) in out.iter_mut().zip(dots) {
        *o = scale * d;
    }
    sum
}

/// da = wᵀ·dz, with w: n_out×n_in, dz: n_out×m, da: n_in×m; each
/// da[j,k] is (0 + w[0,j]dz[0,k]) + w[1,j]dz[1,k] + ….
pub fn transpose_matmul(w: &[f64], dz: &[f64], da: &mut [f64], m: usize) {
    let n_in = da.len() / m;
    wide(
        #[inline(always)]
        || product(|j, i| w[i * n_in + j], None, dz, da, m),
    );
}

/// Rows `first`… of [`transpose_matmul`]'s da (as many as `da` holds, of
/// its `n_in`), each computed as there: a pass split by rows (#15).
pub fn transpose_matmul_rows(w: &[f64], dz: &[f64], da: &mut [f64], m: usize, n_in: usize, first: usize) {
    wide(
        #[inline(always)]
        || product(|j, i| w[i * n_in + first + j], None, dz, da, m),
    );
}

/// d = a − b, elementwise.
pub fn subtract(a: &[f64], b: &[f64], d: &mut [f64]) {
    wide(
        #[inline(always)]
        || {
            for (d, (&a, &b)) in d.iter_mut().zip(a.iter().zip(b)) {
                *d = a - b;
            }
        },
    );
}

/// p = p − rate·g (the gradient-descent update).
pub fn sub_scaled(p: &mut [f64], rate: f64, g: &[f64]) {
    wide(
        #[inline(always)]
        || {
            for (p, &g) in p.iter_mut().zip(g) {
                *p -= rate * g;
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_match_hand_computation() {
        // w = [[1, 2], [3, 4]], x = [[5, 6, 7], [8, 9, 10]], b = [1, -1]
        let (w, b, x) = ([1.0, 2.0, 3.0, 4.0], [1.0, -1.0], [5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
        let mut z = [0.0; 6];
        matmul_add_bias(&w, &x, &b, &mut z, 3);
        assert_eq!(z, [22.0, 25.0, 28.0, 46.0, 53.0, 60.0]);

        let mut da = [0.0; 6];
        transpose_matmul(&w, &x, &mut da, 3);
        assert_eq!(da, [29.0, 33.0, 37.0, 42.0, 48.0, 54.0]);

        let (mut dw, mut db) = ([0.0; 4], [0.0; 2]);
        scaled_matmul_transpose_and_row_sums(0.5, &x, &x, &mut dw, &mut db, 3);
        assert_eq!(dw, [55.0, 82.0, 82.0, 122.5]);
        assert_eq!(db, [9.0, 13.5]);
    }

    /// The reference order, written out: what every blocked loop must
    /// compute to the bit.
    fn lane_sum(terms: &[f64]) -> f64 {
        let full = terms.len() - terms.len() % LANES;
        let mut lanes = [0.0; LANES];
        for (k, &t) in terms[..full].iter().enumerate() {
            lanes[k % LANES] += t;
        }
        let mut s = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
        for &t in &terms[full..] {
            s += t;
        }
        s
    }

    fn values(n: usize, seed: u64) -> alloc::vec::Vec<f64> {
        let mut state = seed;
        (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn every_block_size_computes_the_reference_order() {
        for (n_out, n_in, cols) in [(1, 2, 1), (4, 2, 7), (7, 5, 13), (9, 3, 400), (2, 11, 6), (5, 1, 3)] {
            let (w, b, x) = (values(n_out * n_in, 1), values(n_out, 2), values(n_in * cols, 3));
            let mut z = alloc::vec![0.0; n_out * cols];
            matmul_add_bias(&w, &x, &b, &mut z, cols);
            for i in 0..n_out {
                for k in 0..cols {
                    let mut want = 0.0;
                    for j in 0..n_in {
                        want += w[i * n_in + j] * x[j * cols + k];
                    }
                    want += b[i];
                    assert_eq!(
                        z[i * cols + k].to_bits(),
                        want.to_bits(),
                        "w·x + b {n_out}×{n_in}×{cols}"
                    );
                }
            }

            let dz = values(n_out * cols, 4);
            let mut da = alloc::vec![0.0; n_in * cols];
            transpose_matmul(&w, &dz, &mut da, cols);
            for j in 0..n_in {
                for k in 0..cols {
                    let mut want = 0.0;
                    for i in 0..n_out {
                        want += w[i * n_in + j] * dz[i * cols + k];
                    }
                    assert_eq!(
                        da[j * cols + k].to_bits(),
                        want.to_bits(),
                        "wᵀ·dz {n_out}×{n_in}×{cols}"
                    );
                }
            }

            let mut dw = alloc::vec![0.0; n_out * n_in];
            let mut db = alloc::vec![0.0; n_out];
            scaled_matmul_transpose_and_row_sums(0.25, &dz, &x, &mut dw, &mut db, cols);
            for i in 0..n_out {
                let dz_row = &dz[i * cols..(i + 1) * cols];
                for j in 0..n_in {
                    let terms: alloc::vec::Vec<f64> = dz_row
                        .iter()
                        .zip(&x[j * cols..(j + 1) * cols])
                        .map(|(d, a)| d * a)
                        .collect();
                    assert_eq!(dw[i * n_in + j].to_bits(), (0.25 * lane_sum(&terms)).to_bits(), "dW");
                }
                assert_eq!(db[i].to_bits(), (0.25 * lane_sum(dz_row)).to_bits(), "db");
                assert_eq!(sum_map(dz_row, dz_row, |d, e| d * e * 3.0).to_bits(), {
                    let terms: alloc::vec::Vec<f64> = dz_row.iter().map(|d| d * d * 3.0).collect();
                    lane_sum(&terms).to_bits()
                });
            }
        }
    }
}
