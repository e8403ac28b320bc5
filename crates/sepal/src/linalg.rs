//! The few matrix products the course needs, as fixed-order loops over
//! row-major slices: the same additions in the same order on every target,
//! so native and wasm runs agree to the last bit (no BLAS, no FMA).

/// z = w·x + b, with w: n_out×n_in, x: n_in×cols, z: n_out×cols, b: n_out.
/// Each z[i,k] is ((w[i,0]x[0,k] + w[i,1]x[1,k]) + …) + b[i].
pub fn affine(w: &[f64], b: &[f64], x: &[f64], z: &mut [f64], cols: usize) {
    let n_in = x.len() / cols;
    for (i, z_row) in z.chunks_exact_mut(cols).enumerate() {
        let w_row = &w[i * n_in..(i + 1) * n_in];
        z_row.fill(0.0);
        for (&w_ij, x_row) in w_row.iter().zip(x.chunks_exact(cols)) {
            for (z, &x) in z_row.iter_mut().zip(x_row) {
                *z += w_ij * x;
            }
        }
        let b_i = b[i];
        for z in z_row.iter_mut() {
            *z += b_i;
        }
    }
}

/// dw = scale · dz·aᵀ, with dz: n_out×m, a: n_in×m, dw: n_out×n_in.
pub fn scaled_outer(dz: &[f64], a: &[f64], scale: f64, dw: &mut [f64], m: usize) {
    let n_in = a.len() / m;
    for (i, dz_row) in dz.chunks_exact(m).enumerate() {
        for (j, a_row) in a.chunks_exact(m).enumerate() {
            let mut sum = 0.0;
            for (&d, &a) in dz_row.iter().zip(a_row) {
                sum += d * a;
            }
            dw[i * n_in + j] = scale * sum;
        }
    }
}

/// db = scale · Σ_k dz[·,k], row sums.
pub fn scaled_row_sums(dz: &[f64], scale: f64, db: &mut [f64], m: usize) {
    for (db, dz_row) in db.iter_mut().zip(dz.chunks_exact(m)) {
        let mut sum = 0.0;
        for &d in dz_row {
            sum += d;
        }
        *db = scale * sum;
    }
}

/// da = wᵀ·dz, with w: n_out×n_in, dz: n_out×m, da: n_in×m.
pub fn transposed_product(w: &[f64], dz: &[f64], da: &mut [f64], m: usize) {
    let n_in = da.len() / m;
    for (j, da_row) in da.chunks_exact_mut(m).enumerate() {
        da_row.fill(0.0);
        for (i, dz_row) in dz.chunks_exact(m).enumerate() {
            let w_ij = w[i * n_in + j];
            for (da, &d) in da_row.iter_mut().zip(dz_row) {
                *da += w_ij * d;
            }
        }
    }
}

/// p = p − rate·g, the gradient-descent update.
pub fn descend(p: &mut [f64], g: &[f64], rate: f64) {
    for (p, &g) in p.iter_mut().zip(g) {
        *p -= rate * g;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_match_hand_computation() {
        // w = [[1, 2], [3, 4]], x = [[5, 6, 7], [8, 9, 10]], b = [1, -1]
        let (w, b, x) = ([1.0, 2.0, 3.0, 4.0], [1.0, -1.0], [5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
        let mut z = [0.0; 6];
        affine(&w, &b, &x, &mut z, 3);
        assert_eq!(z, [22.0, 25.0, 28.0, 46.0, 53.0, 60.0]);

        let mut da = [0.0; 6];
        transposed_product(&w, &x, &mut da, 3);
        assert_eq!(da, [29.0, 33.0, 37.0, 42.0, 48.0, 54.0]);

        let mut dw = [0.0; 4];
        scaled_outer(&x, &x, 0.5, &mut dw, 3);
        assert_eq!(dw, [55.0, 82.0, 82.0, 122.5]);

        let mut db = [0.0; 2];
        scaled_row_sums(&x, 2.0, &mut db, 3);
        assert_eq!(db, [36.0, 54.0]);
    }
}
