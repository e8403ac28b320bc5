//! A rejected setting: [`SettingError`], the one place every message about
//! a bad value (the page's notice, the CLI's, a model file's) is worded,
//! and [`quoted`], how those messages shorten what they quote.

use alloc::string::{String, ToString};
use core::fmt;

use super::kind::{Kind, Problem};

/// The longest value or name a message quotes, in characters.
pub const QUOTED_CHARS: usize = 40;

/// `text` as a message quotes it: whole up to [`QUOTED_CHARS`] characters,
/// else its first 39 and "…", so a 100 KB value makes a one-line message.
pub fn quoted(text: &str) -> String {
    if text.chars().count() > QUOTED_CHARS {
        text.chars().take(QUOTED_CHARS - 1).chain(['…']).collect()
    } else {
        text.to_string()
    }
}

/// A rejected value: which setting, the value as messages quote it, the
/// value as given, and why. Every message (the page's notice, the CLI's,
/// a model file's) quotes `setting` and `value`, both shortened by
/// [`quoted`] here, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// The kebab-case name, or the name as given (shortened) for an
    /// unknown setting.
    pub setting: String,
    /// The value as messages quote it: at most [`QUOTED_CHARS`] characters.
    pub value: String,
    /// The value as given, whole (the page finds the rejected value by it).
    pub given: String,
    pub problem: Problem,
    /// What is allowed, in English (empty for an unknown setting).
    pub allowed: String,
    /// A bound that other settings set, lower than the kind's own (the
    /// training points for `batch-size`); `None` when the kind's limits hold.
    pub limit: Option<u64>,
}

impl SettingError {
    /// `value` rejected by `kind` for the setting or option `setting`.
    pub fn new(setting: &str, kind: &Kind, value: &str, problem: Problem) -> Self {
        Self {
            setting: setting.to_string(),
            value: quoted(value),
            given: value.to_string(),
            problem,
            allowed: kind.allowed(),
            limit: None,
        }
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problem {
            Problem::UnknownSetting => return write!(f, "\"{}\" is not a setting", self.setting),
            Problem::DoesNotApply => {
                return write!(
                    f,
                    "{} = \"{}\" {}: its 211 training and 200 test points are fixed",
                    self.setting,
                    self.value,
                    self.problem.describe()
                )
            }
            _ => {}
        }
        write!(
            f,
            "{} = \"{}\" {}: use {}",
            self.setting,
            self.value,
            self.problem.describe(),
            self.allowed
        )
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for SettingError {}
