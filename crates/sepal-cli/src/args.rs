//! The command line: every setting of the page as `--name value` or
//! `--name=value` (kebab-case names from [`SPECS`]), plus the options of the
//! command itself. Hand-written so the messages can be the page's own
//! ([`SettingError`]): the option, the value as given and what is allowed.

use std::ffi::OsString;
use std::fmt::Write;

use sepal::settings::{Effect, Kind, Value, SPECS};
use sepal::{DatasetKind, SettingError, Settings};

/// Most iterations one command will run (about an hour at n_h = 4).
pub const MAX_ITERATIONS: u64 = 100_000_000;
const ITERATIONS: Kind = Kind::Integer {
    min: 0,
    max: MAX_ITERATIONS,
};
/// Most epochs one command will run (each at least one update).
const EPOCHS: Kind = ITERATIONS;
const LOG_EVERY: Kind = Kind::Integer {
    min: 1,
    max: MAX_ITERATIONS,
};

/// What a subcommand accepts beyond the settings.
pub struct Command {
    pub name: &'static str,
    pub summary: &'static str,
    pub default_iterations: u64,
    /// Whether `--log-every` is an option.
    pub logs: bool,
    /// Settings the command sets itself, so giving them is an error.
    pub fixed: &'static [&'static str],
    /// Why the fixed settings can't be given.
    pub fixed_reason: &'static str,
    /// Whether `--bug` (plant the course's bugs in the checked backprop) is an option.
    pub bug: bool,
}

pub const TRAIN: Command = Command {
    name: "train",
    summary: "trains once and prints the course's cost log and accuracy (print_cost=True)",
    default_iterations: 10_000,
    logs: true,
    fixed: &[],
    fixed_reason: "",
    bug: false,
};

pub const SWEEP: Command = Command {
    name: "sweep",
    summary: "the course's accuracy vs hidden layer size table: the shallow model with \
              1, 2, 3, 4, 5, 20 and 50 hidden units",
    default_iterations: 5_000,
    logs: false,
    fixed: &["model", "hidden-units"],
    fixed_reason: "the sweep trains the shallow model with 1, 2, 3, 4, 5, 20 and 50 hidden units",
    bug: false,
};

pub const GRADCHECK: Command = Command {
    name: "gradcheck",
    summary: "the course's gradient check (epsilon = 1e-7) of the backward pass at the parameters \
              after N iterations: the difference and every parameter's backprop and gradapprox",
    default_iterations: 0,
    logs: false,
    fixed: &[],
    fixed_reason: "",
    bug: true,
};

/// How long a run is: updates, or passes over the training points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    Iterations(u64),
    Epochs(u64),
}

/// A parsed command line.
#[derive(Debug)]
pub struct Options {
    pub settings: Settings,
    /// `--iterations N`, or `--epochs N` (`train` only); the last one given wins.
    pub length: Length,
    pub iterations: u64,
    pub log_every: u64,
    pub json: bool,
    pub bug: bool,
}

// Made once per process and matched at once: boxing `Options` to make
// `Help` smaller would only add an indirection.
#[allow(clippy::large_enum_variant)]
pub enum Parsed {
    Run(Options),
    Help,
}

/// Reads the arguments after the command name. Later options override
/// earlier ones, as in a URL; `--help` anywhere wins.
pub fn parse(command: &Command, argv: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let argv = argv
        .into_iter()
        .map(|a| {
            a.into_string()
                .map_err(|a| format!("the argument {a:?} is not valid UTF-8"))
        })
        .collect::<Result<Vec<String>, String>>()?;
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Parsed::Help);
    }
    let mut options = Options {
        settings: Settings::default(),
        length: Length::Iterations(command.default_iterations),
        iterations: command.default_iterations,
        log_every: 1000,
        json: false,
        bug: false,
    };
    let mut rest = argv.into_iter();
    while let Some(arg) = rest.next() {
        let Some(option) = arg.strip_prefix("--") else {
            return Err(format!(
                "unexpected argument \"{arg}\": options look like --learning-rate 0.5 (see sepal-cli {} --help)",
                command.name
            ));
        };
        let (name, inline) = match option.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (option, None),
        };
        if name == "json" {
            if let Some(value) = inline {
                return Err(format!("--json takes no value (got \"{value}\")"));
            }
            options.json = true;
            continue;
        }
        if name == "bug" && command.bug {
            if let Some(value) = inline {
                return Err(format!("--bug takes no value (got \"{value}\")"));
            }
            options.bug = true;
            continue;
        }
        let allowed = allowed(command, name)?;
        // A following `--option` means this one's value is missing; a single
        // dash is still a value (`--noise -1` gets the range message).
        let value = match inline {
            Some(value) => value,
            None => match rest.next() {
                Some(value) if !value.starts_with("--") => value,
                _ => return Err(format!("--{name} needs a value: use {allowed}")),
            },
        };
        match name {
            "iterations" => {
                options.iterations = whole(name, &ITERATIONS, &value)?;
                options.length = Length::Iterations(options.iterations);
            }
            "epochs" => options.length = Length::Epochs(whole(name, &EPOCHS, &value)?),
            "log-every" => options.log_every = whole(name, &LOG_EVERY, &value)?,
            _ => options.settings.set(name, &value).map_err(|e| e.to_string())?,
        }
    }
    // Once every option is in, so that their order does not matter.
    if let Some(error) = options.settings.check_together().first() {
        return Err(error.to_string());
    }
    if options.settings.dataset == DatasetKind::Custom {
        return Err(
            "dataset = \"custom\" has no points here: it is the points drawn on the page; \
                    use one of the generated datasets"
                .to_string(),
        );
    }
    Ok(Parsed::Run(options))
}

/// What values `--name` takes, or why it is not an option of `command`.
fn allowed(command: &Command, name: &str) -> Result<String, String> {
    let unknown = || {
        format!(
            "--{name} is not an option of sepal-cli {} (see sepal-cli {} --help)",
            command.name, command.name
        )
    };
    match name {
        "iterations" => Ok(ITERATIONS.allowed()),
        "epochs" if command.logs => Ok(EPOCHS.allowed()),
        "log-every" if command.logs => Ok(LOG_EVERY.allowed()),
        _ if command.fixed.contains(&name) => Err(format!(
            "--{name} can't be set for sepal-cli {}: {}",
            command.name, command.fixed_reason
        )),
        // Only the kebab-case names: the JS keys are the page's, not options.
        _ => SPECS
            .iter()
            .find(|s| s.param == name)
            .map(|s| s.kind.allowed())
            .ok_or_else(unknown),
    }
}

/// A whole number of `kind`, read the way the settings read theirs (`1e4`
/// and `10000.0` are 10000), with the settings' messages.
fn whole(name: &str, kind: &Kind, text: &str) -> Result<u64, String> {
    match kind.parse(text) {
        Ok(Value::Integer(n)) => Ok(n),
        Ok(_) => unreachable!("an integer kind gives integers"),
        Err(problem) => Err(SettingError::new(name, kind, text, problem).to_string()),
    }
}

/// `--help`: the command's own options, then every setting with its values
/// and default, straight from the settings table.
pub fn help(command: &Command) -> String {
    let defaults = Settings::default();
    let mut text = String::new();
    let _ = writeln!(text, "sepal-cli {}: {}\n", command.name, command.summary);
    let _ = writeln!(text, "Usage: sepal-cli {} [options] [--json]\n", command.name);
    let _ = writeln!(text, "Options:");
    let _ = writeln!(
        text,
        "  --iterations N      gradient-descent updates per run: {} (default {})",
        ITERATIONS.allowed(),
        command.default_iterations
    );
    if command.logs {
        let _ = writeln!(
            text,
            "  --epochs N          passes over the training points instead (each ceil(m / batch-size) updates): {}",
            EPOCHS.allowed()
        );
        let _ = writeln!(
            text,
            "  --log-every K       print the cost after iterations 0, K, 2K, ... below N (default 1000); \
             with --epochs or mini-batches, the notebook's cost of epochs 0, K, 2K, ...: {}",
            LOG_EVERY.allowed()
        );
    }
    if command.bug {
        let _ = writeln!(
            text,
            "  --bug               plant the course's two bugs in the checked backprop (dW2 times 2, db1 with 4/m)"
        );
    }
    let _ = writeln!(text, "  --json              print one JSON object instead of text");
    let _ = writeln!(text, "  -h, --help          this help\n");
    let _ = writeln!(
        text,
        "Settings (as on the page; --name value or --name=value; the last one given wins):"
    );
    for spec in SPECS.iter().filter(|s| !command.fixed.contains(&s.param)) {
        let note = if spec.effect == Effect::Page {
            "; page only, no effect here"
        } else {
            ""
        };
        let mut default = match defaults.get(spec) {
            Value::Unset => "unset".to_string(),
            value => value.text(),
        };
        // The datasets whose own value differs (noise, the spiral's network).
        for dataset in DatasetKind::ALL.into_iter().filter(|d| d.is_generated()) {
            let own = Settings {
                dataset,
                ..Settings::default()
            };
            if spec.param != "dataset" && own.get(spec) != defaults.get(spec) {
                let _ = write!(default, "; {} {}", dataset.name(), own.text(spec));
            }
        }
        let _ = writeln!(
            text,
            "  --{:<18}{} (default {default}{note})",
            spec.param,
            spec.kind.allowed(),
        );
    }
    if !command.fixed.is_empty() {
        let _ = writeln!(text, "\n{}.", capitalised(command.fixed_reason));
    }
    let _ = writeln!(
        text,
        "\nExit codes: 0 done, 1 output failed, 2 bad command line, 3 training diverged."
    );
    text
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_train(args: &[&str]) -> Result<Options, String> {
        match parse(&TRAIN, args.iter().map(OsString::from))? {
            Parsed::Run(options) => Ok(options),
            Parsed::Help => Err("help".into()),
        }
    }

    #[test]
    fn both_spellings_and_the_last_one_wins() {
        let o = parse_train(&["--learning-rate", "0.5", "--seed=7", "--learning-rate=2", "--json"]).unwrap();
        assert_eq!((o.settings.learning_rate, o.settings.seed, o.json), (2.0, 7, true));
        assert_eq!((o.iterations, o.log_every), (10_000, 1000));
        let o = parse_train(&["--iterations", "1e3", "--log-every", "250"]).unwrap();
        assert_eq!((o.iterations, o.log_every), (1000, 250));
        assert!(parse_train(&["--dataset", "custom", "--dataset", "moons"]).is_ok());
        let o = parse_train(&["--iterations", "7", "--epochs", "3"]).unwrap();
        assert_eq!(o.length, Length::Epochs(3));
    }

    #[test]
    fn a_notebook_is_a_preset_that_later_options_override() {
        let o = parse_train(&["--optimizer", "adam", "--notebook", "optimization", "--batch-size=all"]).unwrap();
        assert_eq!(o.settings.layer_sizes(), [2, 5, 2, 1]);
        assert_eq!(o.settings.optimizer.name(), "gd", "the preset starts from the defaults");
        assert_eq!(o.settings.batch_size, None);
    }

    #[test]
    fn a_batch_larger_than_the_training_points_is_refused() {
        assert_eq!(
            parse_train(&["--points", "100", "--batch-size", "101"]).unwrap_err(),
            "batch-size = \"101\" is out of range: use a whole number from 1 to 100, or all"
        );
        assert!(parse_train(&["--points", "100", "--batch-size", "100"]).is_ok());
        assert_eq!(
            parse_train(&["--test-fraction", "0.5", "--batch-size", "201"]).unwrap_err(),
            "batch-size = \"201\" is out of range: use a whole number from 1 to 200, or all"
        );
    }

    #[test]
    fn data_options_on_the_football_are_refused_in_either_order() {
        for args in [
            ["--points", "300", "--dataset", "football"],
            ["--dataset", "football", "--points", "300"],
        ] {
            assert_eq!(
                parse_train(&args).unwrap_err(),
                "points = \"300\" does not apply to the football data: its 211 training and 200 test points are fixed"
            );
        }
        assert!(parse_train(&["--dataset", "football", "--learning-rate", "0.3"]).is_ok());
    }

    #[test]
    fn messages_name_the_option_value_and_range() {
        let cases = [
            (&["--learning-rate", "abc"][..], "learning-rate = \"abc\" is not a number: use a number above 0 and at most 10000"),
            (&["--iterations", "-5"], "iterations = \"-5\" is out of range: use a whole number from 0 to 100000000"),
            (&["--log-every=0"], "log-every = \"0\" is out of range: use a whole number from 1 to 100000000"),
            (&["--seed"], "--seed needs a value: use a whole number from 0 to 4294967295"),
            (&["--seed", "--json"], "--seed needs a value: use a whole number from 0 to 4294967295"),
            (&["--bogus", "1"], "--bogus is not an option of sepal-cli train (see sepal-cli train --help)"),
            (&["--learningRate", "1"], "--learningRate is not an option of sepal-cli train (see sepal-cli train --help)"),
            (&["--json=yes"], "--json takes no value (got \"yes\")"),
            (&["--dataset", "custom"], "dataset = \"custom\" has no points here: it is the points drawn on the page; use one of the generated datasets"),
        ];
        for (args, message) in cases {
            assert_eq!(parse_train(args).unwrap_err(), message, "{args:?}");
        }
        assert!(parse_train(&["0.5"])
            .unwrap_err()
            .starts_with("unexpected argument \"0.5\""));
    }

    #[test]
    fn the_sweep_sets_the_hidden_layer_itself() {
        let err = parse(&SWEEP, ["--hidden-units", "3"].map(OsString::from))
            .err()
            .unwrap();
        assert!(
            err.starts_with("--hidden-units can't be set for sepal-cli sweep"),
            "{err}"
        );
        let err = parse(&SWEEP, ["--log-every", "3"].map(OsString::from)).err().unwrap();
        assert!(
            err.starts_with("--log-every is not an option of sepal-cli sweep"),
            "{err}"
        );
    }

    #[test]
    fn help_lists_every_setting() {
        let text = help(&TRAIN);
        for spec in &SPECS {
            assert!(text.contains(&format!("--{}", spec.param)), "{}", spec.param);
        }
        assert!(matches!(
            parse(&TRAIN, ["--bogus", "-h"].map(OsString::from)),
            Ok(Parsed::Help)
        ));
    }

    #[test]
    fn every_setting_of_the_table_is_an_option() {
        let defaults = Settings::default();
        for spec in &SPECS {
            let example = spec.kind.example(&defaults.get(spec));
            let o = parse_train(&[&format!("--{}", spec.param), &example.text()]).unwrap();
            assert_eq!(o.settings.get(spec), example, "--{}", spec.param);
        }
    }
}
