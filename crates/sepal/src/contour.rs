//! The 0.5 contour of a grid of probabilities: marching squares over the
//! cell centres, then the segments joined into polylines, so that a canvas
//! strokes one path per curve instead of one short path per cell (which is
//! what costs a software rasteriser its time). Buffers are allocated once
//! per grid size; tracing never allocates.

use alloc::vec::Vec;

/// No segment.
const NONE: u32 = u32::MAX;

/// `width`×`height` cell centres, row 0 on top.
pub struct Contour {
    width: usize,
    height: usize,
    /// Per segment: the grid edges its two ends lie on…
    ends: Vec<[u32; 2]>,
    /// …and the ends' coordinates, (x0, y0, x1, y1).
    points: Vec<[f32; 4]>,
    /// Per grid edge: the segments ending on it (at most two, one per
    /// square on either side).
    at_edge: Vec<[u32; 2]>,
    used: Vec<bool>,
    /// Which centres of two adjacent rows are above 0.5.
    above: [Vec<bool>; 2],
    lines: Vec<f32>,
}

impl Contour {
    pub fn new(width: usize, height: usize) -> Self {
        let squares = width.saturating_sub(1) * height.saturating_sub(1);
        let edges = height * width.saturating_sub(1) + height.saturating_sub(1) * width;
        Self {
            width,
            height,
            // A square holds at most two segments.
            ends: Vec::with_capacity(2 * squares),
            points: Vec::with_capacity(2 * squares),
            at_edge: alloc::vec![[NONE; 2]; edges],
            used: Vec::with_capacity(2 * squares),
            above: [alloc::vec![false; width], alloc::vec![false; width]],
            // A polyline of s segments takes 2(s + 1) numbers and a NaN
            // pair: at most six per segment, when every one stands alone.
            lines: Vec::with_capacity(12 * squares),
        }
    }

    /// Another grid size, in the buffers already there when they are large
    /// enough: a page that alternates between sizes allocates only for the
    /// largest.
    pub fn resize(&mut self, width: usize, height: usize) {
        let squares = width.saturating_sub(1) * height.saturating_sub(1);
        let edges = height * width.saturating_sub(1) + height.saturating_sub(1) * width;
        self.width = width;
        self.height = height;
        self.ends.clear();
        self.ends.reserve(2 * squares);
        self.points.clear();
        self.points.reserve(2 * squares);
        self.used.clear();
        self.used.reserve(2 * squares);
        self.at_edge.clear();
        self.at_edge.resize(edges, [NONE; 2]);
        for row in &mut self.above {
            row.clear();
            row.resize(width, false);
        }
        self.lines.clear();
        self.lines.reserve(12 * squares);
    }

    /// The contour as polylines in cell units, (0, 0) the top-left corner
    /// of the grid and (width, height) the bottom-right: x, y pairs, each
    /// polyline ended by a NaN, NaN pair. A closed curve ends where it
    /// starts.
    pub fn lines(&self) -> &[f32] {
        &self.lines
    }

    /// Traces the contour of `p` (row by row, width×height values).
    pub fn trace(&mut self, p: &[f32]) {
        assert_eq!(p.len(), self.width * self.height, "a grid of another size");
        self.segments(p);
        self.join();
    }

    /// Marching squares at level 0.5, each crossing placed by linear
    /// interpolation along its square's edge; squares whose four corners
    /// are on one side are skipped.
    fn segments(&mut self, p: &[f32]) {
        // Forget the previous trace's links (only those it made).
        for ends in &self.ends {
            for &edge in ends {
                self.at_edge[edge as usize] = [NONE; 2];
            }
        }
        self.ends.clear();
        self.points.clear();
        let (w, h) = (self.width, self.height);
        if w < 2 || h < 2 {
            return;
        }
        // Edges: the horizontal ones row by row, then the vertical ones.
        let horizontal = |r: usize, c: usize| (r * (w - 1) + c) as u32;
        let vertical = |r: usize, c: usize| (h * (w - 1) + r * w + c) as u32;
        for (above, &v) in self.above[1].iter_mut().zip(&p[..w]) {
            *above = v > 0.5;
        }
        for r in 0..h - 1 {
            self.above.swap(0, 1);
            for (above, &v) in self.above[1].iter_mut().zip(&p[(r + 1) * w..(r + 2) * w]) {
                *above = v > 0.5;
            }
            for c in 0..w - 1 {
                let (top, bottom) = (&self.above[0], &self.above[1]);
                let corners = [top[c], top[c + 1], bottom[c + 1], bottom[c]];
                if corners == [false; 4] || corners == [true; 4] {
                    continue;
                }
                // Corners clockwise from top-left, at cell centres; edge e
                // runs from corner e to corner e + 1.
                let v = [
                    p[r * w + c],
                    p[r * w + c + 1],
                    p[(r + 1) * w + c + 1],
                    p[(r + 1) * w + c],
                ];
                let edge = [
                    horizontal(r, c),
                    vertical(r, c + 1),
                    horizontal(r + 1, c),
                    vertical(r, c),
                ];
                let (x, y) = (c as f32 + 0.5, r as f32 + 0.5);
                let corner = [(x, y), (x + 1.0, y), (x + 1.0, y + 1.0), (x, y + 1.0)];
                let mut crossings = [(0u32, 0.0f32, 0.0f32); 4];
                let mut n = 0;
                for e in 0..4 {
                    let (a, b) = (v[e] - 0.5, v[(e + 1) % 4] - 0.5);
                    if (a > 0.0) != (b > 0.0) {
                        let t = a / (a - b);
                        let (p0, p1) = (corner[e], corner[(e + 1) % 4]);
                        crossings[n] = (edge[e], p0.0 + t * (p1.0 - p0.0), p0.1 + t * (p1.1 - p0.1));
                        n += 1;
                    }
                }
                // Two crossings give one segment; four (a saddle) give two.
                for pair in crossings[..n].chunks_exact(2) {
                    self.add_segment(pair[0], pair[1]);
                }
            }
        }
    }

    fn add_segment(&mut self, (e0, x0, y0): (u32, f32, f32), (e1, x1, y1): (u32, f32, f32)) {
        let s = self.ends.len() as u32;
        self.ends.push([e0, e1]);
        self.points.push([x0, y0, x1, y1]);
        for e in [e0, e1] {
            let slot = &mut self.at_edge[e as usize];
            slot[usize::from(slot[0] != NONE)] = s;
        }
    }

    /// The segment other than `s` ending on `edge`, or NONE.
    fn neighbour(&self, s: u32, edge: u32) -> u32 {
        let [a, b] = self.at_edge[edge as usize];
        if a == s {
            b
        } else {
            a
        }
    }

    /// The end of segment `s` that is not on `edge`: (its edge, x, y).
    fn far_end(&self, s: u32, edge: u32) -> (u32, f32, f32) {
        let ([e0, e1], [x0, y0, x1, y1]) = (self.ends[s as usize], self.points[s as usize]);
        if e0 == edge {
            (e1, x1, y1)
        } else {
            (e0, x0, y0)
        }
    }

    /// The point of segment `s` on `edge`.
    fn point_on(&self, s: u32, edge: u32) -> [f32; 2] {
        let [x0, y0, x1, y1] = self.points[s as usize];
        if self.ends[s as usize][0] == edge {
            [x0, y0]
        } else {
            [x1, y1]
        }
    }

    /// Joins the segments into polylines: from each segment not yet used,
    /// back to an open end (or around a closed curve), then forward.
    fn join(&mut self) {
        self.lines.clear();
        self.used.clear();
        self.used.resize(self.ends.len(), false);
        for s in 0..self.ends.len() as u32 {
            if self.used[s as usize] {
                continue;
            }
            let (mut first, mut start) = (s, self.ends[s as usize][0]);
            loop {
                let before = self.neighbour(first, start);
                if before == NONE || before == s {
                    break;
                }
                start = self.far_end(before, start).0;
                first = before;
            }
            let point = self.point_on(first, start);
            self.lines.extend_from_slice(&point);
            let (mut segment, mut entry) = (first, start);
            loop {
                self.used[segment as usize] = true;
                let (exit, x, y) = self.far_end(segment, entry);
                self.lines.extend_from_slice(&[x, y]);
                let next = self.neighbour(segment, exit);
                if next == NONE || self.used[next as usize] {
                    break;
                }
                (segment, entry) = (next, exit);
            }
            self.lines.extend_from_slice(&[f32::NAN, f32::NAN]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The polylines of `lines`, as point lists.
    fn polylines(lines: &[f32]) -> Vec<Vec<(f32, f32)>> {
        let mut out = alloc::vec![Vec::new()];
        for xy in lines.chunks_exact(2) {
            if xy[0].is_nan() {
                out.push(Vec::new());
            } else {
                out.last_mut().unwrap().push((xy[0], xy[1]));
            }
        }
        out.pop();
        out
    }

    fn grid(width: usize, height: usize, f: impl Fn(f32, f32) -> f32) -> Vec<f32> {
        (0..height)
            .flat_map(|r| (0..width).map(move |c| (c as f32 + 0.5, r as f32 + 0.5)))
            .map(|(x, y)| f(x, y))
            .collect()
    }

    #[test]
    fn a_straight_boundary_is_one_polyline() {
        // Above 0.5 right of x = 5.
        let p = grid(10, 10, |x, _| if x > 5.0 { 0.9 } else { 0.1 });
        let mut contour = Contour::new(10, 10);
        contour.trace(&p);
        let lines = polylines(contour.lines());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), 10, "nine squares' segments, ten points");
        assert!(lines[0].iter().all(|&(x, _)| (x - 5.0).abs() < 1e-6), "{lines:?}");
        let ys: Vec<f32> = lines[0].iter().map(|&(_, y)| y).collect();
        assert!(
            ys.windows(2).all(|w| (w[1] - w[0]).abs() == 1.0),
            "in order along the line: {ys:?}"
        );
    }

    #[test]
    fn a_circle_is_one_closed_polyline_and_two_circles_two() {
        let mut contour = Contour::new(40, 30);
        let disc = |cx: f32, cy: f32, x: f32, y: f32| 1.0 - ((x - cx).powi(2) + (y - cy).powi(2)).sqrt() / 16.0;
        contour.trace(&grid(40, 30, |x, y| disc(20.0, 15.0, x, y)));
        let lines = polylines(contour.lines());
        assert_eq!(lines.len(), 1);
        let (first, last) = (lines[0][0], *lines[0].last().unwrap());
        assert!(
            (first.0 - last.0).abs() < 1e-4 && (first.1 - last.1).abs() < 1e-4,
            "closed"
        );
        for &(x, y) in &lines[0] {
            let r = ((x - 20.0).powi(2) + (y - 15.0).powi(2)).sqrt();
            assert!((r - 8.0).abs() < 0.1, "on the circle of radius 8: {r}");
        }
        // A second trace forgets the first: two small discs, two curves.
        contour.trace(&grid(40, 30, |x, y| {
            disc(10.0, 15.0, x, y).max(disc(30.0, 15.0, x, y)) - 0.25
        }));
        assert_eq!(polylines(contour.lines()).len(), 2);
    }

    #[test]
    fn every_segment_is_used_once_even_at_saddles() {
        // A checkerboard of 2×2 blocks: saddles everywhere.
        let p = grid(12, 12, |x, y| {
            if ((x / 2.0) as u32 + (y / 2.0) as u32).is_multiple_of(2) {
                0.8
            } else {
                0.3
            }
        });
        let mut contour = Contour::new(12, 12);
        contour.trace(&p);
        let points: usize = polylines(contour.lines()).iter().map(|l| l.len() - 1).sum();
        assert_eq!(
            points,
            contour.ends.len(),
            "each segment adds one point to its polyline"
        );
    }

    #[test]
    fn the_most_pieces_fit_the_buffers_made_at_the_start() {
        // One square, a saddle: two segments, each cutting a corner off on
        // its own — six numbers per segment, the most there can be.
        let mut contour = Contour::new(2, 2);
        let capacity = (contour.lines.capacity(), contour.ends.capacity());
        contour.trace(&[0.9, 0.1, 0.1, 0.9]);
        assert_eq!(polylines(contour.lines()).len(), 2);
        assert_eq!(contour.lines().len(), 12);
        assert_eq!((contour.lines.capacity(), contour.ends.capacity()), capacity);
    }

    #[test]
    fn a_flat_or_tiny_grid_has_no_contour() {
        for (w, h) in [(0, 0), (1, 5), (5, 1), (6, 6)] {
            let mut contour = Contour::new(w, h);
            contour.trace(&alloc::vec![0.2; w * h]);
            assert!(contour.lines().is_empty());
        }
    }
}
