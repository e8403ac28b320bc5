//! The Regularization notebook's `data.mat`: where a goalkeeper's kicks
//! landed, label 1 where a French player headed the ball (the notebook's
//! blue dots), 0 where the other team's did (red). Fixed points, shipped
//! in the crate: 211 to train on (`X`, `y`) and the notebook's 200 test
//! points (`Xval`, `yval`), in the file's own order. The CSVs are the ones
//! in `shared/data/` (their README gives the `.mat` file's hash); each
//! number reads back to the notebook's double, which the correctly rounded
//! [`parse_number`] keeps (in the wasm, the JS engine's, so that `core`'s
//! float parser stays out of it).

use alloc::vec::Vec;

use crate::generators::Point;
use crate::settings::parse_number;

const TRAIN: &str = include_str!("../data/football_train.csv");
const TEST: &str = include_str!("../data/football_test.csv");

/// The plotted field, `[x_min, x_max, y_min, y_max]`: the notebook's axes
/// (`set_xlim([-0.75, 0.40])`, `set_ylim([-0.75, 0.65])`), their bottom moved
/// to −0.85 so that the test points (down to −0.795) are in it too. The
/// points fill it, where the usual rule (the data's range plus 1) leaves
/// them small in the middle.
pub const VIEW: [f64; 4] = [-0.75, 0.40, -0.85, 0.65];

/// How many points [`train`] gives.
pub const TRAIN_POINTS: usize = 211;

/// The 211 training points.
pub fn train() -> Vec<Point> {
    parse(TRAIN)
}

/// The 200 test points.
pub fn test() -> Vec<Point> {
    parse(TEST)
}

/// `x1,x2,label` lines after the header. The files are ours and checked by
/// the tests, so a bad line is a build mistake, not input.
fn parse(csv: &str) -> Vec<Point> {
    csv.lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut values = line
                .split(',')
                .map(|v| parse_number(v).expect("football data: a number"));
            let mut next = || values.next().expect("football data: x1,x2,label");
            [next(), next(), next()]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notebooks_counts_and_classes() {
        let (train, test) = (train(), test());
        assert_eq!((train.len(), test.len()), (TRAIN_POINTS, 200));
        let ones = |points: &[Point]| points.iter().filter(|p| p[2] == 1.0).count();
        // shared/data/README.md: train 105 of label 0 and 106 of label 1; test 113 and 87.
        assert_eq!((ones(&train), ones(&test)), (106, 87));
        assert!(train.iter().chain(&test).all(|p| p[2] == 0.0 || p[2] == 1.0));
        assert_eq!(train[0], [-0.158986, 0.423977, 1.0]);
        assert_eq!(test[0], [-0.3530623458334412, -0.6739018129665528, 0.0]);
    }
}
