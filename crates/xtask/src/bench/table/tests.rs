use super::*;
use serde_json::json;

#[test]
fn figures_say_why_they_are_missing() {
    let source: Source = Ok(json!({"sepal": {"error": "page crashed"}, "x": {"y": 2}}));
    assert_eq!(figure(&source, &["x", "y"]), Ok(2.0));
    assert_eq!(
        figure(&source, &["sepal", "iteration", "us"]),
        Err("page crashed".into())
    );
    assert!(figure(&source, &["x", "z"]).unwrap_err().contains("x.z"));
    assert_eq!(
        figure(&source, &["tfjs", "a"]),
        Err("no `tfjs` part in the results".into())
    );
    assert_eq!(figure(&Err("no numpy".into()), &["a"]), Err("no numpy".into()));
}

#[test]
fn goals_are_judged() {
    let row = Row::new("it", Unit::Micros, Ok(10.0))
        .vs("numpy", Ok(150.0))
        .goal(Goal::RatioAtLeast(10.0));
    assert_eq!(row.pass(), Some(true));
    let row = Row::new("it", Unit::Micros, Ok(20.0))
        .vs("numpy", Ok(150.0))
        .goal(Goal::RatioAtLeast(10.0));
    assert_eq!(row.pass(), Some(false));
    let row = Row::new("f", Unit::Millis, Err("x".into())).goal(Goal::AtMost(2.0));
    assert_eq!(row.pass(), None);
    let row = Row::new("m", Unit::Micros, Ok(140.0)).goal(Goal::Linear {
        base: Ok(10.0),
        factor: 10.0,
    });
    assert_eq!(row.pass(), Some(true));
    let row = Row::new("m", Unit::Micros, Ok(160.0)).goal(Goal::Linear {
        base: Ok(10.0),
        factor: 10.0,
    });
    assert_eq!(row.pass(), Some(false));
}

#[test]
fn formats_numbers() {
    assert_eq!(thousands(1_234_567.4), "1,234,567");
    assert_eq!(thousands(999.0), "999");
    assert_eq!(Unit::Micros.format(12.345), "12.3 µs");
}
