//! Double-double arithmetic (a value as hi + lo, about 106 bits) with plain
//! IEEE operations only — no FMA — so that it gives the same bits on every
//! target: what the correctly rounded `precise_ln` and `precise_trig` are
//! evaluated in.

/// A value hi + lo with |lo| ≤ ulp(hi)/2.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dd {
    pub hi: f64,
    pub lo: f64,
}

pub(crate) const fn two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    let bb = s - a;
    Dd {
        hi: s,
        lo: (a - (s - bb)) + (b - bb),
    }
}

pub(crate) const fn quick_two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    Dd { hi: s, lo: b - (s - a) }
}

/// Dekker's split, exact product without FMA.
pub(crate) const fn two_prod(a: f64, b: f64) -> Dd {
    const SPLIT: f64 = 134_217_729.0; // 2^27 + 1
    let p = a * b;
    let (ah, al) = {
        let t = SPLIT * a;
        let h = t - (t - a);
        (h, a - h)
    };
    let (bh, bl) = {
        let t = SPLIT * b;
        let h = t - (t - b);
        (h, b - h)
    };
    Dd {
        hi: p,
        lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl,
    }
}

pub(crate) const fn add(a: Dd, b: Dd) -> Dd {
    let s = two_sum(a.hi, b.hi);
    let t = two_sum(a.lo, b.lo);
    let s = quick_two_sum(s.hi, s.lo + t.hi);
    quick_two_sum(s.hi, s.lo + t.lo)
}

pub(crate) const fn mul(a: Dd, b: Dd) -> Dd {
    let p = two_prod(a.hi, b.hi);
    quick_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
}

pub(crate) const fn div(a: Dd, b: Dd) -> Dd {
    let q1 = a.hi / b.hi;
    let r = add(a, neg(mul(b, Dd { hi: q1, lo: 0.0 })));
    let q2 = r.hi / b.hi;
    let r = add(r, neg(mul(b, Dd { hi: q2, lo: 0.0 })));
    let q3 = r.hi / b.hi;
    add(quick_two_sum(q1, q2), Dd { hi: q3, lo: 0.0 })
}

pub(crate) const fn neg(a: Dd) -> Dd {
    Dd { hi: -a.hi, lo: -a.lo }
}
