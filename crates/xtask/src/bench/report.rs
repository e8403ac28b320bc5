//! The benchmark's report: the table as aligned markdown (printed and
//! written to `target/bench.md`) and every figure and raw source as JSON
//! (`target/bench.json`).

use super::table::{Figure, Row};
use super::{Machine, Source, Sources};
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// The table as markdown (aligned, so that it reads in a terminal too), then
/// the reasons for every n/a, then the machine.
pub fn markdown(rows: &[Row], s: &Sources) -> String {
    let mut reasons: Vec<String> = Vec::new();
    let mut na = |e: &String| {
        let i = reasons.iter().position(|r| r == e).unwrap_or_else(|| {
            reasons.push(e.clone());
            reasons.len() - 1
        });
        format!("n/a [{}]", i + 1)
    };
    let mut cells: Vec<[String; 6]> = vec![[
        "figure".into(),
        "Sepal".into(),
        "reference".into(),
        "ratio".into(),
        "goal".into(),
        "pass".into(),
    ]];
    for row in rows {
        let sepal = match &row.sepal {
            Ok(v) => format!("{}{}", row.unit.format(*v), row.sepal_note),
            Err(e) => na(e),
        };
        let reference = match &row.reference {
            None => "—".into(),
            Some((name, Ok(v))) => format!("{name}: {}", row.unit.format(*v)),
            Some((name, Err(e))) => format!("{name}: {}", na(e)),
        };
        let ratio = match row.ratio() {
            None => "—".into(),
            Some(Ok(r)) if r >= 10.0 => format!("{r:.0}× faster"),
            Some(Ok(r)) if r >= 1.0 => format!("{r:.1}× faster"),
            Some(Ok(r)) => format!("{:.1}× slower", 1.0 / r),
            Some(Err(_)) => "n/a".into(),
        };
        let pass = match (&row.goal, row.pass()) {
            (None, _) => "—".into(),
            (Some(_), Some(true)) => "pass".into(),
            (Some(_), Some(false)) => "FAIL".into(),
            (Some(_), None) => "n/a".into(),
        };
        cells.push([row.figure.clone(), sepal, reference, ratio, row.goal_text(), pass]);
    }
    let width = |c: usize| cells.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..6).map(width).collect();
    let mut out = String::new();
    for (i, row) in cells.iter().enumerate() {
        out += "|";
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            let _ = write!(out, " {cell}{} |", " ".repeat(pad));
        }
        out += "\n";
        if i == 0 {
            out += "|";
            for w in &widths {
                let _ = write!(out, "{}|", "-".repeat(w + 2));
            }
            out += "\n";
        }
    }
    if !reasons.is_empty() {
        out += "\n";
        for (i, reason) in reasons.iter().enumerate() {
            let _ = writeln!(out, "[{}] {}", i + 1, reason);
        }
    }
    out += "\nRatios are reference time / Sepal time. ";
    let browser_name = match &s.browser {
        Ok(json) => json.get("browser").and_then(Value::as_str).unwrap_or("Chromium"),
        Err(_) => "Chromium",
    };
    let m = &s.machine;
    let _ = writeln!(
        out,
        "Measured {} on {} cores ({}), {browser_name} headless, commit {}{}; load average {} before, {} after.",
        m.date,
        m.cores,
        m.cpu,
        m.commit,
        if m.uncommitted_changes {
            " with uncommitted changes"
        } else {
            ""
        },
        m.load_average_before,
        m.load_average_after,
    );
    out
}

/// `target/bench.json`: the machine, every row (a missing figure is
/// `{"na": reason}`, a source that failed `{"error": reason}`) and every
/// source's own JSON, on one line.
pub fn json(rows: &[Row], s: &Sources) -> String {
    let source = |source: &Source| match source {
        Ok(json) => json.clone(),
        Err(e) => json!({ "error": e }),
    };
    let report = Report {
        machine: &s.machine,
        rows: rows.iter().map(RowJson::new).collect(),
        sources: SourcesJson {
            native: source(&s.native),
            numpy: source(&s.numpy),
            browser: source(&s.browser),
            wasm: source(&s.wasm),
        },
    };
    serde_json::to_string(&report).expect("the report serialises")
}

// The fields are written in the order they are declared.

#[derive(Serialize)]
struct Report<'a> {
    machine: &'a Machine,
    rows: Vec<RowJson<'a>>,
    sources: SourcesJson,
}

#[derive(Serialize)]
struct SourcesJson {
    native: Value,
    numpy: Value,
    browser: Value,
    wasm: Value,
}

#[derive(Serialize)]
struct RowJson<'a> {
    figure: &'a str,
    unit: &'static str,
    sepal: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ratio_times_faster: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    goal: Option<String>,
    /// With a goal: whether it is met, or null when a figure is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pass: Option<Option<bool>>,
}

impl<'a> RowJson<'a> {
    fn new(row: &'a Row) -> RowJson<'a> {
        let figure = |figure: &Figure| match figure {
            Ok(v) => json!(v),
            Err(e) => json!({ "na": e }),
        };
        RowJson {
            figure: row.figure.trim(),
            unit: row.unit.name(),
            sepal: figure(&row.sepal),
            reference_name: row.reference.as_ref().map(|(name, _)| name.as_str()),
            reference: row.reference.as_ref().map(|(_, value)| figure(value)),
            ratio_times_faster: row.ratio().map(|ratio| figure(&ratio)),
            goal: row.goal.as_ref().map(|_| row.goal_text()),
            pass: row.goal.as_ref().map(|_| row.pass()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{Goal, Unit};
    use super::*;

    /// The shape other tools read: keys in this order, `na` and `error`
    /// objects for what is missing, `pass` only with a goal.
    #[test]
    fn writes_the_json_other_tools_read() {
        let rows = [
            Row::new("  it", Unit::Micros, Ok(16.5))
                .vs("numpy", Err("no numpy".into()))
                .goal(Goal::RatioAtLeast(10.0)),
            Row::new("size", Unit::Kilobytes, Ok(302.5)).goal(Goal::AtMost(150.0)),
            Row::new("frame", Unit::Millis, Err("timed out".into())),
        ];
        let sources = Sources {
            machine: Machine {
                date: "2026-11-22 03:06 UTC".into(),
                cpu: "cpu".into(),
                cores: 2,
                commit: "0bf744a".into(),
                uncommitted_changes: false,
                load_average_before: "1 1 1".into(),
                load_average_after: "2 2 2".into(),
                seconds: 412.3,
            },
            native: Err("no benches".into()),
            numpy: Err("no numpy".into()),
            browser: Ok(json!({ "browser": "Chromium 1" })),
            wasm: Ok(json!({ "raw_bytes": 302500 })),
        };
        assert_eq!(
            json(&rows, &sources),
            concat!(
                r#"{"machine":{"date":"2026-11-22 03:06 UTC","cpu":"cpu","cores":2,"commit":"0bf744a","#,
                r#""uncommitted_changes":false,"load_average_before":"1 1 1","load_average_after":"2 2 2","seconds":412.3},"#,
                r#""rows":[{"figure":"it","unit":"us","sepal":16.5,"reference_name":"numpy","reference":{"na":"no numpy"},"#,
                r#""ratio_times_faster":{"na":"no numpy"},"goal":"≥ 10×","pass":null},"#,
                r#"{"figure":"size","unit":"KB (1000 bytes)","sepal":302.5,"goal":"≤ 150 KB","pass":false},"#,
                r#"{"figure":"frame","unit":"ms","sepal":{"na":"timed out"}}],"#,
                r#""sources":{"native":{"error":"no benches"},"numpy":{"error":"no numpy"},"#,
                r#""browser":{"browser":"Chromium 1"},"wasm":{"raw_bytes":302500}}}"#
            )
        );
        assert!(markdown(&rows, &sources).ends_with(
            "Measured 2026-11-22 03:06 UTC on 2 cores (cpu), Chromium 1 headless, commit 0bf744a; \
             load average 1 1 1 before, 2 2 2 after.\n"
        ));
    }
}
