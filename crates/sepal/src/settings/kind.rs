//! What values a setting takes — its [`Kind`] and limits — and the one
//! parser and printer for each kind. Text (a URL, an attribute, a CLI
//! option) goes through [`Kind::parse`]; a number that is already a number
//! (a JS settings object, a model file) through [`Kind::check_number`], so
//! nothing is printed only to be parsed again.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

#[cfg(doc)]
use super::decimal::is_number;
use super::decimal::{number_text, parse_number};

/// A setting's value, checked against its kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// One of a [`Kind::Choice`]'s names, or an [`Kind::IntegerOrWord`]'s word.
    Name(&'static str),
    Integer(u64),
    Number(f64),
    Sizes(Vec<usize>),
    /// Some of a [`Kind::Names`]'s names, each once, in the list's order.
    Names(Vec<&'static str>),
    Flag(bool),
    /// Not set: the setting follows something else (`lang`: the browser's).
    Unset,
}

/// A value as a JS settings object and the CLI's JSON hold it: numbers as
/// numbers, layer sizes as their text, unset as `null`.
#[derive(Clone, Debug, PartialEq)]
pub enum Plain {
    Text(String),
    Integer(u64),
    Number(f64),
    Null,
}

/// One end of a number range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

/// The values a setting takes, with its limits, as data: the page builds
/// its controls and "allowed" texts from this, the parser checks against it.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// One name of a list: the n-th name, `None` past the end.
    Choice(fn(usize) -> Option<&'static str>),
    /// A whole number in `min..=max`.
    Integer { min: u64, max: u64 },
    /// A whole number in `min..=max`, or one word (`speed=max`).
    IntegerOrWord { min: u64, max: u64, word: &'static str },
    /// A finite number between two bounds.
    Number { min: Bound, max: Bound },
    /// 1 to `max_count` whole numbers in `min..=max`, separated by commas
    /// or spaces (see [`size_items`]).
    Sizes {
        min: u64,
        max: u64,
        max_count: usize,
        example: &'static str,
    },
    /// `0` or `1`.
    Flag,
    /// One or more of a list's names, each at most once, separated by
    /// commas or spaces like [`Kind::Sizes`]; kept in the list's order, so
    /// that a set of names has one text (`x2,x1` is `x1,x2`).
    Names {
        names: fn(usize) -> Option<&'static str>,
        example: &'static str,
    },
}

/// What was wrong with a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownSetting,
    Empty,
    NotANumber,
    NotAnInteger,
    OutOfRange,
    UnknownChoice,
    /// A comma in a number: `1,2` or `1,000`. Refused in every language,
    /// never read as 12 nor as 1.2: a link must mean the same everywhere,
    /// and `1,000` would mean 1 in one language and 1000 in another.
    Comma,
    /// Nothing between two commas of a list (`8,,8`, `,8`).
    EmptyItem,
    /// A name given twice in a list of names (`x1,x1`).
    Repeated,
    /// A data setting given for fixed data (`points` on `football`).
    DoesNotApply,
}

impl Problem {
    /// A stable code for the page's string tables.
    pub fn code(self) -> &'static str {
        match self {
            Self::UnknownSetting => "unknown-setting",
            Self::Empty => "empty",
            Self::NotANumber => "not-a-number",
            Self::NotAnInteger => "not-an-integer",
            Self::OutOfRange => "out-of-range",
            Self::UnknownChoice => "unknown-choice",
            Self::Comma => "comma",
            Self::EmptyItem => "empty-item",
            Self::Repeated => "repeated",
            Self::DoesNotApply => "does-not-apply",
        }
    }

    pub(super) fn describe(self) -> &'static str {
        match self {
            Self::UnknownSetting => "is not a setting",
            Self::Empty => "is empty",
            Self::NotANumber => "is not a number",
            Self::NotAnInteger => "is not a whole number",
            Self::OutOfRange => "is out of range",
            Self::UnknownChoice => "is not one of the choices",
            Self::Comma => "has a comma (write decimals with a point, 1.2, and thousands without a separator, 1000)",
            Self::EmptyItem => "has an empty item between commas",
            Self::Repeated => "names a value twice",
            Self::DoesNotApply => "does not apply to the football data",
        }
    }
}

impl Kind {
    /// The names of a choice or a list of names (empty for other kinds).
    pub fn choices(&self) -> impl Iterator<Item = &'static str> + '_ {
        let nth = match self {
            Kind::Choice(nth) | Kind::Names { names: nth, .. } => Some(*nth),
            _ => None,
        };
        (0..).map_while(move |i| nth.and_then(|nth| nth(i)))
    }

    /// A kebab-case name of the kind, for the page.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Choice(_) => "choice",
            Kind::Integer { .. } => "integer",
            Kind::IntegerOrWord { .. } => "integer-or-word",
            Kind::Number { .. } => "number",
            Kind::Sizes { .. } => "sizes",
            Kind::Flag => "flag",
            Kind::Names { .. } => "names",
        }
    }

    /// Reads a value from its text form (surrounding spaces ignored).
    pub fn parse(&self, text: &str) -> Result<Value, Problem> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Problem::Empty);
        }
        match *self {
            Kind::Choice(_) => self
                .choices()
                .find(|&c| c == text)
                .map(Value::Name)
                .ok_or(Problem::UnknownChoice),
            Kind::IntegerOrWord { word, .. } if text == word => Ok(Value::Name(word)),
            Kind::Sizes {
                min, max, max_count, ..
            } => {
                let sizes = size_items(text)?
                    .into_iter()
                    .map(|item| whole(number(item)?, min, max).map(|n| n as usize))
                    .collect::<Result<Vec<_>, _>>()?;
                if sizes.len() > max_count {
                    return Err(Problem::OutOfRange);
                }
                Ok(Value::Sizes(sizes))
            }
            Kind::Names { .. } => {
                let mut given = Vec::new();
                for item in size_items(text)? {
                    let name = self.choices().find(|&c| c == item).ok_or(Problem::UnknownChoice)?;
                    if given.contains(&name) {
                        return Err(Problem::Repeated);
                    }
                    given.push(name);
                }
                Ok(Value::Names(self.choices().filter(|c| given.contains(c)).collect()))
            }
            _ if text.contains(',') => Err(Problem::Comma),
            _ => self.check_number(number(text)?),
        }
    }

    /// Checks a value that is already a number.
    pub fn check_number(&self, v: f64) -> Result<Value, Problem> {
        if !v.is_finite() {
            return Err(Problem::NotANumber);
        }
        match *self {
            Kind::Choice(_) | Kind::Names { .. } => Err(Problem::UnknownChoice),
            Kind::Integer { min, max } | Kind::IntegerOrWord { min, max, .. } => whole(v, min, max).map(Value::Integer),
            Kind::Number { min, max } => {
                let above = if min.inclusive { v >= min.value } else { v > min.value };
                let below = if max.inclusive { v <= max.value } else { v < max.value };
                if above && below {
                    Ok(Value::Number(v))
                } else {
                    Err(Problem::OutOfRange)
                }
            }
            Kind::Sizes { min, max, .. } => Ok(Value::Sizes(alloc::vec![whole(v, min, max)? as usize])),
            Kind::Flag => match whole(v, 0, 1)? {
                0 => Ok(Value::Flag(false)),
                _ => Ok(Value::Flag(true)),
            },
        }
    }

    /// A valid value other than `default`, for examples and for tests that
    /// walk the table: the first other choice, the far end of a range,
    /// the word (or the least number when the word is the default), the example list, the other flag.
    pub fn example(&self, default: &Value) -> Value {
        let value = match *self {
            Kind::Choice(_) => self.choices().find(|&c| Value::Name(c) != *default).map(Value::Name),
            Kind::Integer { min, max } => Some(Value::Integer(if Value::Integer(max) != *default { max } else { min })),
            Kind::IntegerOrWord { min, word, .. } => Some(match Value::Name(word) == *default {
                true => Value::Integer(min),
                false => Value::Name(word),
            }),
            Kind::Number { min, max } => Some(Value::Number((min.value + max.value) / 2.0)),
            Kind::Sizes { example, .. } | Kind::Names { example, .. } => self.parse(example).ok(),
            Kind::Flag => Some(Value::Flag(*default != Value::Flag(true))),
        };
        value.unwrap_or(Value::Unset)
    }

    /// What values are allowed, in English (the page has its own words for
    /// each kind, in every language).
    pub fn allowed(&self) -> String {
        match *self {
            Kind::Choice(_) => {
                let names: Vec<&str> = self.choices().collect();
                match names.split_last() {
                    Some((last, [])) => last.to_string(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                }
            }
            Kind::Integer { min, max } => format!("a whole number from {min} to {max}"),
            Kind::IntegerOrWord { min, max, word } => format!("a whole number from {min} to {max}, or {word}"),
            Kind::Number { min, max } => {
                let (lo, hi) = (number_text(min.value), number_text(max.value));
                match (min.inclusive, max.inclusive) {
                    (true, true) => format!("a number from {lo} to {hi}"),
                    (true, false) => format!("a number from {lo} up to (not including) {hi}"),
                    (false, true) => format!("a number above {lo} and at most {hi}"),
                    (false, false) => format!("a number above {lo} and below {hi}"),
                }
            }
            Kind::Sizes {
                min,
                max,
                max_count,
                example,
            } => format!(
                "1 to {max_count} whole numbers from {min} to {max}, separated by commas or spaces, e.g. {example}"
            ),
            Kind::Flag => "0 or 1".to_string(),
            Kind::Names { .. } => {
                let names: Vec<&str> = self.choices().collect();
                format!("one or more of {}, separated by commas, each once", names.join(", "))
            }
        }
    }
}

impl Value {
    /// The text form, which [`Kind::parse`] reads back to the same value.
    pub fn text(&self) -> String {
        match self {
            Value::Name(name) => name.to_string(),
            Value::Integer(n) => n.to_string(),
            Value::Number(v) => number_text(*v),
            Value::Sizes(sizes) => {
                let parts: Vec<String> = sizes.iter().map(|n| n.to_string()).collect();
                parts.join(",")
            }
            Value::Names(names) => names.join(","),
            Value::Flag(on) => (if *on { "1" } else { "0" }).to_string(),
            Value::Unset => String::new(),
        }
    }
}

impl Value {
    pub fn plain(&self) -> Plain {
        match self {
            Value::Integer(n) => Plain::Integer(*n),
            Value::Number(v) => Plain::Number(*v),
            Value::Flag(on) => Plain::Integer(*on as u64),
            Value::Unset => Plain::Null,
            Value::Name(_) | Value::Sizes(_) | Value::Names(_) => Plain::Text(self.text()),
        }
    }
}

/// A finite number written in decimal ([`is_number`]'s grammar: `1`, `1.`,
/// `.5`, `-2.5E-3`; no `inf`, `infinity` or `nan`); a number that is too
/// large for an f64 (`1e400`, a thousand digits) is out of range.
fn number(text: &str) -> Result<f64, Problem> {
    match parse_number(text) {
        Some(v) if v.is_finite() => Ok(v),
        Some(_) => Err(Problem::OutOfRange),
        None => Err(Problem::NotANumber),
    }
}

/// The items of a list of sizes as people type them: separated by commas,
/// spaces or both (`8,8`, `8 8`, `8, 8`); one trailing comma is ignored
/// (`8,8,`, as a list is often typed); nothing between two commas
/// (`8,,8`, `,8`, `8,8,,`) is refused, not skipped: it may be a size left out.
fn size_items(text: &str) -> Result<Vec<&str>, Problem> {
    let text = text.strip_suffix(',').unwrap_or(text);
    let mut items = Vec::new();
    for part in text.split(',') {
        let before = items.len();
        items.extend(part.split_whitespace());
        if items.len() == before {
            return Err(Problem::EmptyItem);
        }
    }
    Ok(items)
}

/// A whole number in min..=max; `1e3` and `1000.0` count as whole numbers.
fn whole(v: f64, min: u64, max: u64) -> Result<u64, Problem> {
    if libm::trunc(v) != v {
        return Err(Problem::NotAnInteger);
    }
    if v < min as f64 || v > max as f64 {
        return Err(Problem::OutOfRange);
    }
    Ok(v as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_texts_follow_the_limits() {
        assert_eq!(RATE.allowed(), "a number above 0 and at most 10000");
        assert_eq!(
            Kind::Integer { min: 1, max: 64 }.allowed(),
            "a whole number from 1 to 64"
        );
    }

    const LAYERS: Kind = Kind::Sizes {
        min: 1,
        max: 64,
        max_count: 6,
        example: "8,8,4",
    };

    const RATE: Kind = Kind::Number {
        min: Bound {
            value: 0.0,
            inclusive: false,
        },
        max: Bound {
            value: 10000.0,
            inclusive: true,
        },
    };

    #[test]
    fn sizes_take_commas_spaces_and_a_trailing_comma() {
        for text in ["8,8", "8 8", "8, 8", " 8 ,8 ", "8,8,", "8 8,", "8\t8", "8,  8,"] {
            assert_eq!(LAYERS.parse(text), Ok(Value::Sizes(alloc::vec![8, 8])), "{text:?}");
        }
        assert_eq!(LAYERS.parse("8 8 4"), Ok(Value::Sizes(alloc::vec![8, 8, 4])));
        assert_eq!(LAYERS.parse("8,8 4"), Ok(Value::Sizes(alloc::vec![8, 8, 4])));
        // What prints reads back: the text form is commas only.
        assert_eq!(LAYERS.parse("8 8").unwrap().text(), "8,8");
    }

    #[test]
    fn sizes_refuse_an_empty_item_with_its_own_reason() {
        for text in ["8,,8", ",8", "8,8,,", ",", "8, ,8"] {
            assert_eq!(LAYERS.parse(text), Err(Problem::EmptyItem), "{text:?}");
        }
        assert_eq!(LAYERS.parse("8 abc"), Err(Problem::NotANumber));
        assert_eq!(LAYERS.parse("8 2.5"), Err(Problem::NotAnInteger));
        assert_eq!(LAYERS.parse("1 1 1 1 1 1 1"), Err(Problem::OutOfRange));
        assert_eq!(LAYERS.parse(" "), Err(Problem::Empty));
    }

    #[test]
    fn a_comma_in_a_number_is_refused_never_read_as_another_number() {
        for text in ["1,2", "0,5", "1,000", "1,2,3", ","] {
            assert_eq!(RATE.parse(text), Err(Problem::Comma), "{text:?}");
        }
        let points = Kind::Integer { min: 2, max: 10000 };
        assert_eq!(points.parse("1,000"), Err(Problem::Comma));
        assert_eq!(Kind::Flag.parse("1,0"), Err(Problem::Comma));
        assert_eq!(RATE.parse("1.2"), Ok(Value::Number(1.2)));
    }

    const PLANETS: Kind = Kind::Names {
        names: |i| ["mercury", "venus", "earth"].get(i).copied(),
        example: "earth",
    };

    #[test]
    fn names_keep_the_lists_order_and_refuse_unknown_repeated_and_empty() {
        let both = Value::Names(alloc::vec!["mercury", "earth"]);
        for text in ["mercury,earth", "earth,mercury", "earth mercury", " mercury , earth ,"] {
            assert_eq!(PLANETS.parse(text), Ok(both.clone()), "{text:?}");
        }
        assert_eq!(both.text(), "mercury,earth");
        assert_eq!(PLANETS.parse("mars"), Err(Problem::UnknownChoice));
        assert_eq!(PLANETS.parse("earth,earth"), Err(Problem::Repeated));
        assert_eq!(PLANETS.parse(""), Err(Problem::Empty));
        assert_eq!(PLANETS.parse("earth,,venus"), Err(Problem::EmptyItem));
        assert_eq!(PLANETS.check_number(1.0), Err(Problem::UnknownChoice));
        assert_eq!(
            PLANETS.allowed(),
            "one or more of mercury, venus, earth, separated by commas, each once"
        );
    }

    #[test]
    fn words_are_not_numbers_and_not_empty() {
        assert_eq!(RATE.parse("abc"), Err(Problem::NotANumber));
        assert_eq!(RATE.parse("  "), Err(Problem::Empty));
        assert_eq!(Kind::Integer { min: 0, max: 9 }.parse("abc"), Err(Problem::NotANumber));
    }
}
